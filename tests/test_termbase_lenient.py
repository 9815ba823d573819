"""Real-world TBX files load (issue 11): lenient about vocabulary, strict about structure.

* Values outside TBX-Basic's picklists and non-ISO dates are kept as written, and written back
  where the format allows; data categories outside TBX-Basic are skipped. Each kind gets ONE
  warning per file (``FILE:LINE: warning: …`` in the CLI, none with ``-q``); ``tbx validate``
  still calls such files invalid.
* The root element is found however long the comments or DOCTYPE before it.
* An unresolved entity reference (from a DTD that is never loaded) is refused with file:line.

The two data files are composed by hand in the shape of an SDLX/MultiTerm TBX-Default export
(``ntig/termGrp``, ``normativeAuthorization``, dates ``20010507T10:57:25Z``, custom admin
fields) and an IBM Terminology TBX 2008 download (``tig``, French ``partOfSpeech`` ``nom``).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.errors import InputError, InputWarning
from trilex.termbase import (
    AdminStatus,
    Concept,
    Term,
    Termbase,
    Transaction,
    load,
    parse,
    serialize,
    sniff_format,
)
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3
from trilex.termbase.tbxcore import DATE_NOTE_PREFIX

DATA = Path(__file__).parent / "data" / "termbase_lenient"
SDLX = DATA / "sdlx_multiterm.tbx"
IBM = DATA / "ibm_terminology.tbx"
ENTITY = DATA / "entity_reference.tbx"

SDLX_WARNINGS = [
    (16, "admin type 'entrySource' is not a TBX-Basic data category (skipped)"),
    (19, ("date '20010507T10:57:25Z' is not YYYY-MM-DD or an xsd:dateTime "
          "(kept as written; 4 more like it)")),
    (43, "termType 'initialism' is not a TBX-Basic value (kept as written)"),
    (54, ("admin type 'originatingPerson' is not a TBX-Basic data category "
          "(skipped; 1 more like it)")),
]
IBM_WARNINGS = [
    (25, "partOfSpeech 'nom' is not a TBX-Basic value (kept as written; 3 more like it)"),
]
PO = ('msgid ""\nmsgstr ""\n"Language: th\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
      'msgid "The data center is closed."\nmsgstr "ศูนย์ข้อมูลปิดแล้ว"\n\n'
      'msgid "Move to cloud computing."\nmsgstr "ย้ายไปใช้คลาวด์"\n')


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    # check -t keeps the parsed termbase in the disk cache; a cold read is what is tested here
    monkeypatch.setenv("TRILEX_CACHE_DIR", "")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input)


def read_warning_free(data: bytes, path: str = "x.tbx") -> Termbase:
    """``parse`` that fails the test on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return parse(data, path)


def recorded(read, *args) -> tuple[object, list[InputWarning]]:
    """``read(*args)`` and the InputWarnings it issued."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = read(*args)
    return result, [w.message for w in caught if isinstance(w.message, InputWarning)]


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line]


def expected_lines(path: Path, expected: list[tuple[int, str]]) -> list[str]:
    return [f"{path}:{line}: warning: {message}" for line, message in expected]


# -- the SDLX/MultiTerm export --------------------------------------------------------------

def test_sdlx_export_loads_with_dates_and_values_as_written():
    termbase, caught = recorded(load, SDLX)
    assert [(w.line, w.message) for w in caught] == SDLX_WARNINGS
    assert all(w.path == str(SDLX) for w in caught)
    concept = termbase.concept("eid-1")
    assert concept.subject_field == "Information technology"
    origination, modification = concept.transactions
    assert (origination.type, origination.date, origination.responsibility) == (
        "origination", "20010507T10:57:25Z", "jsmith")
    assert (modification.type, modification.date) == ("modification", "20010612T08:03:11Z")
    center, dc = concept.terms("en")
    assert (center.status, center.part_of_speech) == (AdminStatus.PREFERRED, "noun")
    assert center.transactions[0].date == "20010507T10:57:25Z"
    assert (dc.status, dc.term_type) == (AdminStatus.DEPRECATED, "initialism")
    assert concept.terms("th")[0].transactions[0].date == "20010508T09:12:40Z"


def test_sdlx_export_through_every_command_one_warning_per_kind(tmp_path):
    expected = expected_lines(SDLX, SDLX_WARNINGS)
    out = tmp_path / "out.tbx"
    po = tmp_path / "messages.th.po"
    po.write_text(PO, encoding="utf-8")
    for args, code in ((("tbx", "stats", SDLX), 0), (("tbx", "show", SDLX, "data center"), 0),
                       (("tbx", "convert", SDLX, out, "--to", "tbx2"), 0),
                       (("check", "-t", SDLX, po), 1)):
        result = run(*args)
        assert result.exit_code == code, (args, result.output)
        assert "Traceback" not in result.output
        assert warning_lines(result.stderr) == expected, args
        quiet = run("-q", *args)
        assert quiet.exit_code == code
        assert "warning" not in quiet.stderr, args
    assert "concepts: 2" in run("tbx", "stats", SDLX).stdout
    assert "ศูนย์ข้อมูล" in run("tbx", "show", SDLX, "data center").stdout
    assert 'use "คลาวด์คอมพิวติง"' in run("check", "-t", SDLX, po).stdout


def test_sdlx_values_survive_conversion_to_tbx2_and_tbx3(tmp_path):
    original, _ = recorded(load, SDLX)
    v2 = tmp_path / "v2.tbx"
    assert run("tbx", "convert", "-q", SDLX, v2, "--to", "tbx2").exit_code == 0
    text = v2.read_text(encoding="utf-8")
    assert text.count("<date>20010507T10:57:25Z</date>") == 2  # written back as written
    assert "<date>20010612T08:03:11Z</date>" in text
    assert '<termNote type="termType">initialism</termNote>' in text
    again, caught = recorded(load, v2)
    assert again.concepts == original.concepts
    assert [w.message.split(" (")[0] for w in caught] == [
        "date '20010507T10:57:25Z' is not YYYY-MM-DD or an xsd:dateTime",
        "termType 'initialism' is not a TBX-Basic value"]
    # TBX v3's <date> takes only xsd dates: the date as written travels in a marker note
    v3 = tmp_path / "v3.tbx"
    assert run("tbx", "convert", "-q", SDLX, v3, "--to", "tbx3").exit_code == 0
    assert f"<note>{DATE_NOTE_PREFIX}20010507T10:57:25Z</note>" in v3.read_text(encoding="utf-8")
    assert "<date>2001" not in v3.read_text(encoding="utf-8")
    from_v3, _ = recorded(load, v3)
    assert from_v3.concepts == original.concepts
    back = tmp_path / "back.tbx"
    assert run("tbx", "convert", "-q", v3, back, "--to", "tbx2").exit_code == 0
    assert back.read_bytes() == v2.read_bytes()


def test_validate_still_reports_the_sdlx_export_and_its_conversion(tmp_path):
    result = run("tbx", "validate", SDLX)
    assert result.exit_code == 1
    assert (f"{SDLX}:19: date '20010507T10:57:25Z' is not a valid TBX-Basic 2008 date"
            in result.stdout)
    assert f"{SDLX}:16: 'entrySource' is not a TBX-Basic data category" in result.stdout
    assert "warning" not in result.stderr  # validation is its own path: problems, not warnings
    v2 = tmp_path / "v2.tbx"
    run("tbx", "convert", "-q", SDLX, v2, "--to", "tbx2")
    converted = run("tbx", "validate", v2)
    assert converted.exit_code == 1
    assert "'initialism' is not an allowed termType value" in converted.stdout
    assert "is not a valid TBX-Basic 2008 date" in converted.stdout


# -- the IBM export -------------------------------------------------------------------------

def test_ibm_export_keeps_part_of_speech_as_written():
    termbase, caught = recorded(load, IBM)
    assert [(w.line, w.message) for w in caught] == IBM_WARNINGS
    french = [term.part_of_speech for _, term in termbase.terms("fr")]
    assert french == ["nom", "verbe", "nom", "adjectif"]
    assert [term.part_of_speech for _, term in termbase.terms("en")] == [
        "noun", "verb", "noun", "adjective"]
    assert termbase.concept("ibm-0001").terms("fr")[0].status is AdminStatus.PREFERRED


def test_ibm_export_through_every_command(tmp_path):
    expected = expected_lines(IBM, IBM_WARNINGS)
    po = tmp_path / "m.fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Restart the server."\n'
                  'msgstr "Redémarrez le serveur."\n', encoding="utf-8")
    for fmt in ("tbx2", "tbx3", "csv"):
        out = tmp_path / f"out-{fmt}.{'csv' if fmt == 'csv' else 'tbx'}"
        result = run("tbx", "convert", IBM, out, "--to", fmt)
        assert result.exit_code == 0, result.output
        assert warning_lines(result.stderr) == expected
        assert "warning" not in run("tbx", "convert", "-q", IBM, out, "--to", fmt).stderr
        written = out.read_text(encoding="utf-8")
        assert "nom" in written and "verbe" in written and "adjectif" in written
        if fmt != "csv":
            assert written.count('<termNote type="partOfSpeech">nom</termNote>') == 2
            assert "trilex:partOfSpeech" not in written  # not mistaken for properNoun
            again, _ = recorded(load, out)
            assert [t.part_of_speech for _, t in again.terms("fr")] == [
                "nom", "verbe", "nom", "adjectif"]
    for args in (("tbx", "stats", IBM), ("tbx", "show", IBM, "serveur"),
                 ("check", "-t", IBM, po)):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert warning_lines(result.stderr) == expected, args
        assert "warning" not in run(*args, "-q").stderr
    assert "serveur" in run("tbx", "show", IBM, "serveur").stdout
    invalid = run("tbx", "validate", IBM)
    assert invalid.exit_code == 1
    assert f"{IBM}:25: 'nom' is not an allowed partOfSpeech value" in invalid.stdout


def test_one_warning_per_file_and_kind(tmp_path):
    second = tmp_path / "second.tbx"
    second.write_bytes(IBM.read_bytes())
    result = run("check", "-t", IBM, "-t", second, "-t", SDLX, _po(tmp_path))
    assert result.exit_code in (0, 1), result.output
    lines = warning_lines(result.stderr)
    assert lines == (expected_lines(IBM, IBM_WARNINGS) + expected_lines(second, IBM_WARNINGS)
                     + expected_lines(SDLX, SDLX_WARNINGS))


def _po(tmp_path: Path) -> Path:
    po = tmp_path / "m.th.po"
    po.write_text(PO, encoding="utf-8")
    return po


# -- each kind, alone -------------------------------------------------------------------------

def _v3(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
            '<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>\n'
            f'<text><body>\n{body}\n</body></text>\n</tbx>\n').encode()


def _entry(term_notes: str = "", concept_extra: str = "", term_extra: str = "") -> str:
    return (f'<conceptEntry id="c1">{concept_extra}\n<langSec xml:lang="th-TH">\n'
            f'<termSec><term>ศูนย์ข้อมูล</term>{term_notes}{term_extra}</termSec>\n'
            "</langSec>\n</conceptEntry>")


def _transaction(kind: str, date: str = "") -> str:
    date_element = f"<date>{date}</date>" if date else ""
    return (f'<transacGrp><transac type="transactionType">{kind}</transac>{date_element}'
            "</transacGrp>")


@pytest.mark.parametrize("body,line,message", [
    (_entry('<termNote type="partOfSpeech">phrase</termNote>'), 7,
     "partOfSpeech 'phrase' is not a TBX-Basic value (kept as written)"),
    (_entry('<termNote type="termType">abbrev</termNote>'), 7,
     "termType 'abbrev' is not a TBX-Basic value (kept as written)"),
    (_entry('<termNote type="administrativeStatus">forbidden</termNote>'), 7,
     ("administrativeStatus 'forbidden' is not a TBX-Basic value (kept as written; "
      "the term counts as having no status)")),
    (_entry(concept_extra=_transaction("approval", "2024-05-01")), 5,
     "transactionType 'approval' is not a TBX-Basic value (kept as written)"),
    (_entry(concept_extra=_transaction("origination", "May 2024")), 5,
     "date 'May 2024' is not YYYY-MM-DD or an xsd:dateTime (kept as written)"),
    (_entry(term_extra='<descrip type="explanation">why</descrip>'), 7,
     "descrip type 'explanation' is not a TBX-Basic data category (skipped)"),
    (_entry('<termNote type="grammaticalNumber">singular</termNote>'), 7,
     "termNote type 'grammaticalNumber' is not a TBX-Basic data category (skipped)"),
    (_entry(concept_extra='<ref type="seeAlso" target="c1">x</ref>'), 5,
     "ref type 'seeAlso' is not a TBX-Basic data category (skipped)"),
    (_entry(term_extra='<min:register xmlns:min="http://www.tbxinfo.net/ns/min">x</min:register>'),
     7, "<register> (DCT style) is not a TBX-Basic data category (skipped)"),
])
def test_each_kind_is_read_and_warned_once(body, line, message):
    doubled = body.replace('id="c1"', 'id="c2"')
    termbase, caught = recorded(parse, _v3(body + "\n" + doubled), "odd.tbx")
    assert len(termbase) == 2
    assert [str(w) for w in caught] == [
        f"odd.tbx:{line}: warning: {message[:-1]}; 1 more like it)"]
    assert recorded(parse, _v3(body), "odd.tbx")[1][0].message == message


def test_kept_values_are_written_back_by_both_tbx_writers():
    body = _entry('<termNote type="partOfSpeech">nom</termNote>'
                  '<termNote type="termType">initialism</termNote>'
                  '<termNote type="administrativeStatus">notRecommendedTerm-admn-sts</termNote>',
                  concept_extra=_transaction("approval", "07/05/2001"))
    termbase, _ = recorded(parse, _v3(body), "odd.tbx")
    term = termbase.concepts[0].terms("th")[0]
    assert (term.part_of_speech, term.term_type) == ("nom", "initialism")
    assert (term.status, term.status_as_written) == (None, "notRecommendedTerm-admn-sts")
    assert term.is_allowed
    transaction = termbase.concepts[0].transactions[0]
    assert (transaction.type, transaction.date) == ("approval", "07/05/2001")
    for write, read in ((write_tbx2, read_tbx2), (write_tbx3, read_tbx3)):
        data = write(termbase)
        assert b">notRecommendedTerm-admn-sts</termNote>" in data
        assert b'<transac type="transactionType">approval</transac>' in data
        again, caught = recorded(read, data, "again.tbx")
        assert again == termbase
        # pos, termType, status, transactionType (+ the date in v2; v3's marker note is valid)
        assert len(caught) == (5 if write is write_tbx2 else 4)
    assert b"<date>07/05/2001</date>" in write_tbx2(termbase)
    assert f"<note>{DATE_NOTE_PREFIX}07/05/2001</note>".encode() in write_tbx3(termbase)


def test_a_known_status_wins_over_an_unknown_one():
    notes = ('<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
             '<termNote type="usageStatus">sometimes</termNote>')
    termbase, caught = recorded(parse, _v3(_entry(notes)), "x.tbx")
    term = termbase.concepts[0].terms("th")[0]
    assert (term.status, term.status_as_written) == (AdminStatus.PREFERRED, None)
    assert [w.message for w in caught] == [
        ("usageStatus 'sometimes' is not a TBX-Basic value (ignored: the term has a TBX-Basic "
         "status)")]


def test_values_outside_the_picklists_set_in_the_model_are_written():
    concept = Concept("c1", transactions=[Transaction("origination", "sometime in 2001")])
    concept.add_term("fr", Term("serveur", part_of_speech="nom", status_as_written="legacy"))
    termbase = Termbase([concept])
    assert b"<date>sometime in 2001</date>" in serialize(termbase, "tbx2")
    v3 = serialize(termbase, "tbx3")
    assert b'<termNote type="administrativeStatus">legacy</termNote>' in v3
    assert b'<termNote type="partOfSpeech">nom</termNote>' in v3


def test_no_warning_when_the_file_is_refused():
    body = _entry('<termNote type="partOfSpeech">nom</termNote>') + "\n" + _entry()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(InputError, match="duplicate id 'c1'"):
            parse(_v3(body), "bad.tbx")
    assert caught == []


def test_structure_errors_stay_errors():
    with pytest.raises(InputError, match=r"^bad.tbx:5: transacGrp without a transactionType"):
        parse(_v3(_entry(concept_extra="<transacGrp><date>2024-05-01</date></transacGrp>")),
              "bad.tbx")
    with pytest.raises(InputError, match=r"^bad.tbx:7: empty <term>"):
        parse(_v3(_entry().replace("ศูนย์ข้อมูล", " ")), "bad.tbx")


def test_tbx_basic_files_read_without_warnings():
    for path in (Path(__file__).parent / "data" / "termbase").glob("*.tbx"):
        read_warning_free(path.read_bytes(), str(path))
    read_warning_free(_v3(_entry('<termNote type="partOfSpeech">Noun</termNote>'
                                 '<termNote type="grammaticalGender">masculine</termNote>',
                                 concept_extra=_transaction("creation", "20240501T120000Z"))))
    dct = ' xmlns:basic="http://www.tbxinfo.net/ns/basic"'
    read_warning_free(_v3(_entry('<basic:grammaticalGender>masculine</basic:grammaticalGender>'
                                 '<basic:termLocation>menuItem</basic:termLocation>')
                          .replace("<termSec>", f"<termSec{dct}>")))


# -- the root element after a long prolog ----------------------------------------------------

def _long_comment(data: bytes, size: int = 6000) -> bytes:
    head, _, rest = data.partition(b"?>\n")
    comment = b"<!-- " + b"exported by SDLX TermBase, do not edit. " * (size // 40) + b"-->\n"
    return head + b"?>\n" + comment + rest


def _long_doctype(data: bytes, root: bytes) -> bytes:
    subset = b"".join(b'<!ATTLIST %s x-field%d CDATA #IMPLIED>\n' % (root, i) for i in range(150))
    head, _, rest = data.partition(b"?>\n")
    rest = re.sub(rb"<!DOCTYPE[^>]*>\n", b"", rest)
    return head + b"?>\n<!DOCTYPE %s [\n%s]>\n" % (root, subset) + rest


@pytest.mark.parametrize("kind", ["comment", "doctype"])
def test_root_after_more_than_4_kb_is_recognized(tmp_path, kind):
    v2 = IBM.read_bytes()
    v3 = _v3(_entry())
    if kind == "comment":
        v2, v3 = _long_comment(v2), _long_comment(v3)
    else:
        v2, v3 = _long_doctype(v2, b"martif"), _long_doctype(v3, b"tbx")
    assert v2.index(b"<martif") > 4096 and v3.index(b"<tbx ") > 4096
    assert sniff_format(v2) == "tbx2" and sniff_format(v3) == "tbx3"
    utf16 = v2.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert sniff_format(utf16) == "tbx2"
    for name, data in (("v2.tbx", v2), ("v3.tbx", v3), ("v2.xml", v2), ("utf16.tbx", utf16)):
        path = tmp_path / name
        path.write_bytes(data)
        result = run("tbx", "stats", "-q", path)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("concepts: ")
    piped = run("tbx", "stats", "-q", "-", input=v3)
    assert piped.exit_code == 0 and piped.stdout.startswith("concepts: 1")
    assert run("check", "-q", "-t", tmp_path / "v3.tbx", _po(tmp_path)).exit_code in (0, 1)


def test_other_xml_after_a_long_comment_is_still_not_a_termbase(tmp_path):
    other = _long_comment(b'<?xml version="1.0"?>\n<html><body/></html>\n')
    assert sniff_format(other) is None
    with pytest.raises(InputError, match=r"^x.tbx:1: not a termbase"):
        parse(other, "x.tbx")
    broken = _long_comment(b'<?xml version="1.0"?>\n<martif><text></martif>\n')
    assert sniff_format(broken) == "tbx2"
    with pytest.raises(InputError, match="malformed XML"):
        parse(broken, "x.tbx")
    unclosed = b'<?xml version="1.0"?>\n<!-- ' + b"x" * 5000 + b"\n<martif/>"
    with pytest.raises(InputError, match=r"^x.tbx:\d+: malformed XML"):
        parse(unclosed, "x.tbx")


def test_entity_declarations_after_a_long_comment_are_still_refused():
    laughs = _long_comment(b'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY lol "lol">]>\n'
                           b"<tbx><text/></tbx>\n")
    with pytest.raises(InputError, match="entity declarations are refused"):
        parse(laughs, "x.tbx")


# -- unresolved entity references ------------------------------------------------------------

def test_unresolved_entity_reference_is_refused_with_file_and_line():
    with pytest.raises(InputError) as caught:
        load(ENTITY)
    assert str(caught.value) == (f"{ENTITY}:16: unresolved entity reference &eacute; "
                                 "(its DTD is never loaded)")
    for args in (("tbx", "show", ENTITY), ("tbx", "stats", ENTITY),
                 ("tbx", "convert", ENTITY, "-", "--to", "csv")):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.strip() == str(caught.value)
        assert "&eacute;" not in result.stdout
    validated = run("tbx", "validate", ENTITY)
    assert validated.exit_code == 2
    assert validated.stderr.strip().startswith(f"{ENTITY}:16: unresolved entity reference")


@pytest.mark.parametrize("where,line", [
    ('<note>see &glossary-url; for more</note>', 6),
    ('<xref type="externalCrossReference" target="&base;/dc">site</xref>', 6),
])
def test_entity_reference_in_notes_and_attributes(where, line):
    data = ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
            '<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p>'
            '</sourceDesc></fileDesc></martifHeader>\n<text><body>\n<termEntry id="c1">\n'
            f'{where}\n<langSet xml:lang="en"><tig><term>server</term></tig></langSet>'
            '</termEntry>\n</body></text></martif>\n')
    with pytest.raises(InputError, match=rf"^x.tbx:{line}: unresolved entity reference &"):
        parse(data.encode("utf-8"), "x.tbx")
    with pytest.raises(InputError, match=rf"^x.tbx:{line}: unresolved entity reference &"):
        parse(data.encode("utf-16"), "x.tbx")


def test_entity_like_text_in_comments_cdata_and_escapes_is_fine():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
            b'<martif type="TBX" xml:lang="en"><!-- &nbsp; in a comment -->\n'
            b'<text><body><termEntry id="c1"><note><![CDATA[AT&T &co;]]> &amp;nbsp; &#233;'
            b'</note><langSet xml:lang="en"><tig><term>R&amp;D</term></tig></langSet>'
            b"</termEntry></body></text></martif>\n")
    termbase = read_warning_free(data)
    assert termbase.concepts[0].notes == ["AT&T &co; &nbsp; é"]
    assert termbase.concepts[0].terms("en")[0].text == "R&D"


def test_type_is_read_only_where_it_names_a_data_category():
    # a type on <note> or <termSec> means nothing to TBX-Basic: the note is kept, no warning
    body = _entry('<termNote type="partOfSpeech">NOUN</termNote><termNote type="administrativeStatus">'
                  'preferredTerm-admn-sts</termNote>', term_extra='<note type="x-tool">kept</note>')
    termbase = read_warning_free(_v3(body.replace("<termSec>", '<termSec type="x-other">')))
    term = termbase.concepts[0].terms("th")[0]
    assert (term.part_of_speech, term.status, term.notes) == ("noun", AdminStatus.PREFERRED, ["kept"])
