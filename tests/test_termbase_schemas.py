"""The writers' output against the official TBX schemas, and our validator against them too.

Official validators (from ``../shared/standards/tbx``, run with lxml as its README shows):
TBX v3 = core RNG + TBX-Basic DCA Schematron (XPath-1 port); TBX v2 = TBX-Basic DTD +
integrated RNG + the Schematron rules embedded in that RNG.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from conftest import STANDARDS, need_shared
from trilex.termbase import Concept, CrossReference, Definition, Term, Termbase, Transaction
from trilex.termbase.model import AdminStatus, Context, ExternalReference, LanguageSection
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3
from trilex.termbase.validate import validate_bytes

TBX = STANDARDS / "tbx"
DATA = Path(__file__).parent / "data" / "termbase"
_PARSER = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@functools.lru_cache(maxsize=None)
def _v3_validators():
    core = etree.RelaxNG(etree.parse(str(TBX / "v3" / "TBXcoreStructV03.rng")))
    basic = isoschematron.Schematron(etree.parse(str(TBX / "v3" / "TBX-Basic_DCA.xslt1.sch")),
                                     store_report=True)
    return core, basic


@functools.lru_cache(maxsize=None)
def _v2_validators():
    dtd = etree.DTD(str(TBX / "v2" / "TBXBasiccoreStructV02.dtd"))
    rng_doc = etree.parse(str(TBX / "v2" / "TBXBasicRNGV02.rng"))
    rng = etree.RelaxNG(rng_doc)
    ascc, iso = "http://www.ascc.net/xml/schematron", "http://purl.oclc.org/dsdl/schematron"
    sch_doc = etree.Element(f"{{{iso}}}schema", nsmap={None: iso}, queryBinding="xslt")
    for pattern in rng_doc.iter(f"{{{ascc}}}pattern"):
        pattern = copy.deepcopy(pattern)
        for element in pattern.iter(f"{{{ascc}}}*"):
            element.tag = f"{{{iso}}}" + etree.QName(element).localname
        if pattern.get("name"):
            pattern.set("id", pattern.attrib.pop("name"))
        sch_doc.append(pattern)
    etree.cleanup_namespaces(sch_doc)
    return dtd, rng, isoschematron.Schematron(sch_doc, store_report=True)


def official_v3_errors(data: bytes) -> list[str]:
    """What the official TBX v3 validators say about ``data`` (empty list = valid)."""
    need_shared(TBX)
    core, basic = _v3_validators()
    doc = etree.fromstring(data, _PARSER).getroottree()
    errors = [] if core.validate(doc) else [str(e) for e in core.error_log]
    if not basic.validate(doc):
        errors += ["".join(fa.itertext()).strip()
                   for fa in basic.validation_report.iter(_SVRL + "failed-assert")]
    return errors


def official_v2_errors(data: bytes) -> list[str]:
    """What the official TBX-Basic 2008 validators say about ``data`` (empty list = valid)."""
    need_shared(TBX)
    dtd, rng, rules = _v2_validators()
    doc = etree.fromstring(data, _PARSER).getroottree()
    errors = [] if dtd.validate(doc) else [str(e) for e in dtd.error_log]
    errors += [] if rng.validate(doc) else [str(e) for e in rng.error_log]
    if not rules.validate(doc):
        errors += ["".join(fa.itertext()).strip()
                   for fa in rules.validation_report.iter(_SVRL + "failed-assert")]
    return errors


def rich_termbase() -> Termbase:
    """A termbase using every field the model has, in Thai, Chinese and English."""
    concept = Concept(
        "c-memory", subject_field="Localization",
        definitions=[Definition("A database of translated segments.", "style guide")],
        notes=["Concept note & <markup>"], sources=["ISO 17100"],
        customer_subset="ACME", project_subset="P-1",
        cross_references=[CrossReference("c-engine", "translation engine")],
        external_references=[ExternalReference("https://example.org/tm", "TM page"),
                             ExternalReference("https://example.org/tm.png", "diagram", "xGraphic")],
        transactions=[Transaction("origination", "2024-05-01", "terminologist"),
                      Transaction("modification", "2024-06-01T10:00:00Z")])
    concept.languages = [
        LanguageSection("en-US", [
            Term("translation memory", id="c-memory-en-1", status=AdminStatus.PREFERRED,
                 term_type="fullForm", part_of_speech="noun", geographical_usage="en-US",
                 contexts=[Context("Import the translation memory first.", "manual")],
                 notes=["term note"], sources=["glossary"], customer_subset="ACME2",
                 cross_references=[CrossReference("c-engine-en-1", "MT")],
                 external_references=[ExternalReference("https://example.org/tm#en", "more"),
                                      ExternalReference("https://example.org/i.png", "icon",
                                                        "xGraphic")],
                 transactions=[Transaction("origination", "2024-05-02")]),
            Term("TM", status=AdminStatus.ADMITTED, term_type="acronym", part_of_speech="noun"),
        ], definitions=[Definition("English definition")], notes=["lang note"],
            sources=["lang source"],
            external_references=[ExternalReference("https://example.org/en", "en page")],
            transactions=[Transaction("modification", "2024-07-01", "reviewer")]),
        LanguageSection("th-TH", [
            Term("หน่วยความจำการแปล", status=AdminStatus.PREFERRED, part_of_speech="noun",
                 contexts=[Context("นำเข้าหน่วยความจำการแปลก่อน")]),
            Term("ทีเอ็ม", status=AdminStatus.DEPRECATED, term_type="abbreviation"),
        ]),
        LanguageSection("zh-CN", [
            Term("翻译记忆库", status=AdminStatus.PREFERRED, part_of_speech="noun"),
            Term("翻译记忆", status=AdminStatus.SUPERSEDED, term_type="variant"),
            Term("谷歌", part_of_speech="properNoun"),
        ]),
    ]
    engine = Concept("c-engine", languages=[LanguageSection("en-US", [
        Term("machine translation engine", id="c-engine-en-1", part_of_speech="noun",
             term_type="phrase")])])
    return Termbase([concept, engine], title="Rich sample", source_desc=["made for tests"],
                    lang="en-US")


def test_v3_writer_output_is_valid_against_official_schemas():
    data = write_tbx3(rich_termbase())
    assert official_v3_errors(data) == []
    assert validate_bytes(data, "out.tbx") == []


def test_v2_writer_output_is_valid_against_official_schemas():
    data = write_tbx2(rich_termbase())
    assert official_v2_errors(data) == []
    assert validate_bytes(data, "out.tbx") == []


@pytest.mark.parametrize("sample", [
    "v3/Example_Astronomy_DCA_VALID.tbx", "examples/minimal_TBX-Basic_DCA_th-zh-en.tbx"])
def test_v3_official_examples_rewritten_stay_valid(sample):
    path = need_shared(TBX / sample)
    data = write_tbx3(read_tbx3(path.read_bytes(), path))
    assert official_v3_errors(data) == []


@pytest.mark.parametrize("sample", [
    "v2/TBX-basic-sample.tbx", "examples/minimal_TBX-Basic_v2_martif_th-zh-en.tbx"])
def test_v2_official_examples_rewritten_stay_valid(sample):
    path = need_shared(TBX / sample)
    termbase = read_tbx2(path.read_bytes(), path)
    assert official_v2_errors(write_tbx2(termbase)) == []
    assert official_v3_errors(write_tbx3(termbase)) == []


# -- our validator agrees with the official ones -------------------------------------------

V3_EXAMPLE = "examples/minimal_TBX-Basic_DCA_th-zh-en.tbx"
V2_EXAMPLE = "examples/minimal_TBX-Basic_v2_martif_th-zh-en.tbx"

#: (name, old, new): broken variants of the official minimal v3 example.
V3_BREAKAGES = [
    ("termType not in picklist", ">abbreviation<", ">abbrev<"),
    ("status without suffix", ">deprecatedTerm-admn-sts<", ">deprecated<"),
    ("phrase as part of speech", '<termNote type="partOfSpeech">noun</termNote>\n'
     '            <termNote type="termType">variant', '<termNote type="partOfSpeech">phrase'
     '</termNote>\n            <termNote type="termType">variant'),
    ("context at langSec", '<langSec xml:lang="zh-CN">',
     '<langSec xml:lang="zh-CN"><descrip type="context">x</descrip>'),
    ("dct style", 'style="dca"', 'style="dct"'),
    ("termSec without term", "<term>TM</term>", ""),
    ("cross reference to unknown id", 'target="c1-en-1"', 'target="nowhere"'),
    ("duplicate id", 'termSec id="c1-zh-2"', 'termSec id="c1-zh-1"'),
    ("langSec without xml:lang", '<langSec xml:lang="th-TH">', "<langSec>"),
    ("conceptEntry without id", '<conceptEntry id="c1">', "<conceptEntry>"),
    ("id starting with a digit", '<conceptEntry id="c1">', '<conceptEntry id="1c">'),
    ("subjectField at langSec", '<descrip type="subjectField">Localization</descrip>',
     ""),  # removed here, added below in a langSec
    ("unknown data category", 'type="customerSubset"', 'type="customer"'),
    ("unknown element", "<note>Concept-level note.</note>", "<remark>x</remark>"),
    ("termNote after descrip", '<termNote type="administrativeStatus">preferredTerm-admn-sts'
     '</termNote>\n            <descrip type="context">',
     '<descrip type="context">'),
    ("TMX-style date", "<date>2024-05-01</date>", "<date>20240501T120000Z</date>"),
    ("empty body", None, None),
    ("wrong dialect name", 'type="TBX-Basic"', 'type="TBX-Min"'),
]


def _v3_variant(name: str, old: str | None, new: str | None) -> bytes:
    text = need_shared(TBX / V3_EXAMPLE).read_text(encoding="utf-8")
    if name == "subjectField at langSec":
        text = text.replace('<langSec xml:lang="th-TH">', '<langSec xml:lang="th-TH">'
                            '<descrip type="subjectField">IT</descrip>', 1)
    elif name == "empty body":
        start, end = text.index("<conceptEntry"), text.index("</conceptEntry>")
        text = text[:start] + text[end + len("</conceptEntry>"):]
    elif name == "termNote after descrip":
        text = text.replace(old, new + "x</descrip>\n            " + old.split("\n")[0] +
                            '\n            <descrip type="context">', 1)
    if old is not None and name not in ("termNote after descrip",):
        assert old in text, name
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def test_validator_and_official_agree_on_valid_v3_examples():
    for sample in ("v3/Example_Astronomy_DCA_VALID.tbx", V3_EXAMPLE):
        data = need_shared(TBX / sample).read_bytes()
        assert official_v3_errors(data) == []
        assert validate_bytes(data, sample) == []


@pytest.mark.parametrize("name,old,new", V3_BREAKAGES, ids=[b[0] for b in V3_BREAKAGES])
def test_validator_and_official_agree_on_broken_v3(name, old, new):
    data = _v3_variant(name, old, new)
    official = official_v3_errors(data)
    ours = validate_bytes(data, "broken.tbx")
    assert official, f"official validators accepted the {name!r} variant"
    assert ours, f"our validator accepted the {name!r} variant; official said {official}"
    assert all(problem.line for problem in ours)


#: broken variants of the official minimal v2 example.
V2_BREAKAGES = [
    ("termType not in picklist", ">abbreviation<", ">abbrev<"),
    ("status not in picklist", ">admittedTerm-admn-sts<", ">admitted<"),
    ("customerSubset at termEntry", '<note>Concept-level note.</note>',
     '<admin type="customerSubset">ACME</admin>'),
    ("context at langSet", '<langSet xml:lang="th-TH">',
     '<langSet xml:lang="th-TH"><descrip type="context">x</descrip>'),
    ("ntig is not TBX-Basic", '<tig id="c1-zh-1">\n            <term>翻译记忆库</term>',
     '<ntig id="c1-zh-1">\n            <termGrp><term>翻译记忆库</term></termGrp>'),
    ("tig without term", "<term>TM</term>", ""),
    ("langSet without xml:lang", '<langSet xml:lang="th-TH">', "<langSet>"),
    ("unknown element", "<note>Concept-level note.</note>", "<remark>x</remark>"),
    ("martif without xml:lang", '<martif type="TBX-Basic" xml:lang="en-US">',
     '<martif type="TBX-Basic">'),
    ("duplicate id", 'tig id="c1-zh-1"', 'tig id="c1-en-1"'),
    ("xGraphic at tig", "<term>TM</term>",
     '<term>TM</term><xref type="xGraphic" target="http://x.org/a.png">a</xref>'),
]


def _v2_variant(name: str, old: str, new: str) -> bytes:
    text = need_shared(TBX / V2_EXAMPLE).read_text(encoding="utf-8")
    assert old in text, name
    text = text.replace(old, new, 1)
    if name == "ntig is not TBX-Basic":
        text = text.replace("</tig>\n        </langSet>\n      </termEntry>",
                            "</ntig>\n        </langSet>\n      </termEntry>")
    if name == "xGraphic at tig":
        text = text.replace('<xref type="xGraphic" target="http://x.org/a.png">a</xref>'
                            '\n            <termNote type="partOfSpeech">noun</termNote>\n'
                            '            <termNote type="termType">abbreviation</termNote>\n'
                            '            <termNote type="administrativeStatus">'
                            'admittedTerm-admn-sts</termNote>',
                            '\n            <termNote type="partOfSpeech">noun</termNote>\n'
                            '            <termNote type="termType">abbreviation</termNote>\n'
                            '            <termNote type="administrativeStatus">'
                            'admittedTerm-admn-sts</termNote><xref type="xGraphic" '
                            'target="http://x.org/a.png">a</xref>')
    return text.encode("utf-8")


def test_validator_and_official_agree_on_valid_v2_examples():
    for sample in ("v2/TBX-basic-sample.tbx", V2_EXAMPLE):
        data = need_shared(TBX / sample).read_bytes()
        assert official_v2_errors(data) == []
        assert validate_bytes(data, sample) == []


@pytest.mark.parametrize("name,old,new", V2_BREAKAGES, ids=[b[0] for b in V2_BREAKAGES])
def test_validator_and_official_agree_on_broken_v2(name, old, new):
    data = _v2_variant(name, old, new)
    official = official_v2_errors(data)
    ours = validate_bytes(data, "broken.tbx")
    assert official, f"official validators accepted the {name!r} variant"
    assert ours, f"our validator accepted the {name!r} variant; official said {official}"


def test_validator_catches_what_the_official_schematron_misses():
    """transactionType picklist and xref targets (shadowed rules in the official .sch)."""
    text = need_shared(TBX / V3_EXAMPLE).read_text(encoding="utf-8")
    bad_transaction = text.replace(">origination<", ">creation<").encode()
    assert official_v3_errors(bad_transaction) == []
    assert [p.line for p in validate_bytes(bad_transaction, "x")] == [20]
    bad_xref = text.replace("<note>Concept-level note.</note>",
                            '<xref type="externalCrossReference" target="ftp://x">x</xref>')
    problems = validate_bytes(bad_xref.encode(), "x")
    assert len(problems) == 1 and "http" in problems[0].message
