"""Reading TBX v3 and v2 as real tools write them; hostile XML; one-line errors."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import STANDARDS, need_shared
from trilex.errors import InputError
from trilex.termbase import AdminStatus, load, parse
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3
from trilex.termbase.tbxcore import PROPER_NOUN_NOTE

DATA = Path(__file__).parent / "data" / "termbase"
TBX = STANDARDS / "tbx"


def _v3(body: str, extra_root: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"'
            f'{extra_root}>\n<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc>'
            f'</tbxHeader>\n<text><body>\n{body}\n</body></text>\n</tbx>\n').encode("utf-8")


def _entry(term_notes: str = "", concept_extra: str = "", term_id: str = "") -> str:
    id_attr = f' id="{term_id}"' if term_id else ""
    return (f'<conceptEntry id="c1">{concept_extra}\n<langSec xml:lang="th-TH">\n'
            f'<termSec{id_attr}><term>ศูนย์ข้อมูล</term>{term_notes}</termSec>\n'
            "</langSec>\n</conceptEntry>")


def test_reads_official_v3_example_with_every_field():
    path = need_shared(TBX / "examples" / "minimal_TBX-Basic_DCA_th-zh-en.tbx")
    termbase = read_tbx3(path.read_bytes(), path)
    concept = termbase.concept("c1")
    assert termbase.title.startswith("Minimal TBX-Basic")
    assert concept.subject_field == "Localization"
    assert concept.transactions[0].type == "origination"
    assert concept.transactions[0].date == "2024-05-01"
    assert concept.transactions[0].responsibility == "terminologist"
    assert concept.notes == ["Concept-level note."]
    english = concept.language("en")
    assert english.definitions[0].source == "internal style guide"
    memory, tm = english.terms
    assert (memory.id, memory.status, memory.term_type, memory.part_of_speech) == (
        "c1-en-1", AdminStatus.PREFERRED, "fullForm", "noun")
    assert memory.contexts[0].source == "user manual, chapter 3"
    assert (memory.customer_subset, memory.project_subset) == ("ACME", "P-001")
    assert tm.cross_references[0].target == "c1-en-1"
    assert [t.status for t in concept.terms("zh")] == [AdminStatus.PREFERRED,
                                                       AdminStatus.DEPRECATED]
    assert concept.preferred("th").text == "หน่วยความจำการแปล"


def test_reads_official_astronomy_example():
    path = need_shared(TBX / "v3" / "Example_Astronomy_DCA_VALID.tbx")
    termbase = read_tbx3(path.read_bytes(), path)
    assert len(termbase) == 45
    assert set(termbase.languages()) == {"en", "es", "zu"}
    assert sum(1 for _ in termbase.terms("en")) >= 45


def test_reads_official_v2_sample_synonyms_and_statuses():
    path = need_shared(TBX / "v2" / "TBX-basic-sample.tbx")
    termbase = read_tbx2(path.read_bytes(), path)
    lens = termbase.concept("c7")
    assert [t.status.value for t in lens.terms("en")] == [
        "preferred", "admitted", "deprecated", "admitted", "superseded"]
    assert lens.definitions[0].source == "Wikipedia"
    # pretty-printed text comes back as the author meant it
    assert termbase.concept("c6").terms("en")[0].contexts[0].text == (
        "Users and applications interface with the federated database managed by the "
        "federated server.")
    scheduled = termbase.concept("c1").terms("en")[0]
    assert scheduled.geographical_usage == "Canada"
    assert scheduled.contexts[0].source == "Tivoli Storage Manager Administrator's Guide"


def test_reads_tbx_basic_version4_vocabulary():
    termbase = load(DATA / "v4_usage_status.tbx")
    concept = termbase.concept("c10")
    assert [(t.text, t.status) for t in concept.terms("en")] == [
        ("data centre", AdminStatus.PREFERRED), ("server farm", AdminStatus.DEPRECATED),
        ("Bangkok", AdminStatus.ADMITTED)]
    assert concept.terms("en")[2].part_of_speech == "properNoun"
    assert concept.transactions[0].type == "origination"


def test_reads_dct_style():
    concept = load(DATA / "dct_style.tbx").concept("d1")
    term = concept.terms("zh")[0]
    assert concept.subject_field == "Computing"
    assert (term.status, term.part_of_speech) == (AdminStatus.PREFERRED, "noun")
    assert term.contexts[0].text == "该公司在曼谷建设了新的数据中心。"


def test_reads_tbx_default_ntig_as_multiterm_exports_it():
    termbase = load(DATA / "tbx_default_ntig.tbx")
    concept = termbase.concept("_1")
    assert [s.lang for s in concept.languages] == ["en-US", "th"]
    center, dc = concept.terms("en")
    assert (center.status, center.part_of_speech) == (AdminStatus.PREFERRED, "noun")
    assert center.contexts[0].text == "The data center opened in May."
    assert dc.status is AdminStatus.DEPRECATED
    assert concept.terms("th")[0].status is AdminStatus.PREFERRED


def test_lookup_by_primary_subtag_finds_region_tag():
    termbase = parse(_v3(_entry()), "x.tbx")
    assert [t.text for _, t in termbase.terms("th")] == ["ศูนย์ข้อมูล"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_reads_utf16_with_bom(encoding):
    text = _v3(_entry()).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    bom = b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff"
    termbase = load_bytes(bom + text.encode(encoding))
    assert termbase.concepts[0].terms("th")[0].text == "ศูนย์ข้อมูล"


def load_bytes(data: bytes):
    return parse(data, "utf16.tbx")


def test_proper_noun_survives_v3_and_v2():
    termbase = load(DATA / "v4_usage_status.tbx")
    v3 = write_tbx3(termbase)
    assert b'<termNote type="partOfSpeech">properNoun' not in v3
    assert PROPER_NOUN_NOTE.encode() in v3
    assert read_tbx3(v3, "x") == termbase
    v2 = write_tbx2(termbase)
    assert b'<termNote type="partOfSpeech">properNoun</termNote>' in v2
    assert read_tbx2(v2, "y") == termbase


# -- bad input: one line, file and line -------------------------------------------------

# Picklist values outside TBX-Basic and non-ISO dates are read with a warning (issue 11):
# tests/test_termbase_lenient.py.
@pytest.mark.parametrize("body,line,message", [
    (_entry(concept_extra='<transacGrp><date>2024-05-01</date></transacGrp>'), 5,
     "transacGrp without a transactionType"),
    (_entry(concept_extra='<ref type="crossReference" target="c9">x</ref>'), 5,
     "cross-reference to unknown id 'c9'"),
    (_entry() + "\n" + _entry(), 10, "duplicate id 'c1' (first used on line 5)"),
    (_entry(term_id="c1"), 7, "duplicate id 'c1'"),
    ('<conceptEntry id="c1"><langSec><termSec><term>x</term></termSec></langSec>'
     "</conceptEntry>", 5, "<langSec> without xml:lang"),
    ('<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term> </term></termSec>'
     "</langSec></conceptEntry>", 5, "empty <term>"),
])
def test_bad_tbx_gives_file_and_line(body, line, message):
    with pytest.raises(InputError) as caught:
        parse(_v3(body), "bad.tbx")
    assert str(caught.value).startswith(f"bad.tbx:{line}: "), str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("data,expected", [
    (b"<tbx><unclosed></tbx>", "bad.tbx:1: malformed XML"),
    (b'<?xml version="1.0"?>\n<html><body/></html>', "bad.tbx:1: not a termbase"),
    (b'<?xml version="1.0"?>\n<tbx xmlns="urn:other"/>', "bad.tbx:2: <tbx> in the wrong namespace"),
    (b"", "bad.tbx:1: empty file"),
])
def test_unreadable_documents(data, expected):
    with pytest.raises(InputError) as caught:
        parse(data, "bad.tbx")
    assert str(caught.value).startswith(expected), str(caught.value)


def test_undecodable_bytes_are_reported_with_line():
    data = _v3(_entry()).replace("ศูนย์ข้อมูล".encode(), b"\xff\xfe\xfa")
    with pytest.raises(InputError) as caught:
        parse(data, "bad.tbx")
    assert str(caught.value).startswith("bad.tbx:7: malformed XML")


def test_v2_reader_refuses_v3_and_the_reverse():
    with pytest.raises(InputError, match="use the tbx3 format"):
        read_tbx2(_v3(_entry()), "x.tbx")
    path = need_shared(TBX / "examples" / "minimal_TBX-Basic_v2_martif_th-zh-en.tbx")
    with pytest.raises(InputError, match="use the tbx2 format"):
        read_tbx3(path.read_bytes(), path)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>&lol9;</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&lol9;</term>
</termSec></langSec></conceptEntry></body></text></tbx>
"""


def test_billion_laughs_is_rejected(tmp_path):
    path = tmp_path / "laughs.tbx"
    path.write_bytes(BILLION_LAUGHS)
    with pytest.raises(InputError, match="entit"):
        load(path)


def _xxe(target: Path) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file://{target}"> ]>\n'
            '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
            'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>x</p>'
            '</sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1">'
            '<langSec xml:lang="en"><termSec><term>&secret;</term></termSec></langSec>'
            "</conceptEntry></body></text></tbx>").encode()


def test_xxe_is_rejected_and_the_file_never_opened(tmp_path):
    """The entity points at a FIFO: if anything opened it for reading, the writer would return."""
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    opened = threading.Event()

    def writer() -> None:
        with open(fifo, "w") as handle:  # blocks until someone opens the FIFO for reading
            opened.set()
            handle.write("TOP SECRET")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    path = tmp_path / "xxe.tbx"
    path.write_bytes(_xxe(fifo))
    with pytest.raises(InputError) as caught:
        load(path)
    assert "TOP SECRET" not in str(caught.value)
    assert not opened.wait(0.3), "the external entity's file was opened"
    with open(fifo) as handle:  # release the writer thread
        handle.read()
    thread.join(2)
    assert opened.is_set()
