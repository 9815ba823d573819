"""CSV/TSV glossaries: real-world mess on import, a documented layout on export."""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.errors import InputError, InputWarning
from trilex.termbase import AdminStatus, Concept, Definition, Term, Termbase, load, parse, save
from trilex.termbase.csvfile import join_cell, read_csv, split_cell, write_csv

DATA = Path(__file__).parent / "data" / "termbase"


def test_messy_csv_bom_crlf_quoted_newline_empty_and_extra_cells():
    termbase = load(DATA / "messy.csv")
    assert [c.id for c in termbase] == ["c1", "c2", "c3", "c4"]  # the all-empty row is skipped
    first = termbase.concepts[0]
    assert [s.lang for s in first.languages] == ["en", "th-TH", "zh"]  # th_TH normalized
    assert [t.text for t in first.terms("th")] == ["ศูนย์ข้อมูล", "ศูนย์ข้อมูลกลาง"]
    assert all(t.status is AdminStatus.PREFERRED for t in first.terms("th"))
    assert termbase.concepts[1].terms("en")[0].text == "cloud\r\ncomputing"
    assert termbase.concepts[1].language("th") is None  # empty cell: no section
    assert termbase.concepts[2].terms("zh")[0].status is AdminStatus.ADMITTED
    assert [t.text for _, t in termbase.terms("en")][-1] == "CPU"  # short row


def test_per_language_columns_and_statuses_per_synonym():
    data = ("ID,Subject,EN-us,en-US_status,th,th_status,th_pos,th_note,note,definition\n"
            "x1,IT,data center | DC,preferred | deprecated,ศูนย์ข้อมูล,forbidden,Noun,"
            "ใช้ในเอกสาร | ตรวจแล้ว,concept note,place for servers\n")
    concept = parse(data.encode(), "g.csv").concept("x1")
    assert concept.subject_field == "IT"
    assert [(t.text, t.status) for t in concept.terms("en")] == [
        ("data center", AdminStatus.PREFERRED), ("DC", AdminStatus.DEPRECATED)]
    thai = concept.language("th")
    assert (thai.terms[0].status, thai.terms[0].part_of_speech) == (AdminStatus.DEPRECATED, "noun")
    assert thai.notes == ["ใช้ในเอกสาร", "ตรวจแล้ว"]
    assert concept.notes == ["concept note"]
    assert concept.definitions == [Definition("place for servers")]


def test_tsv_and_semicolon_csv():
    tsv = "en\tzh\nserver\t服务器\n".encode()
    assert parse(tsv, "g.tsv").concepts[0].terms("zh")[0].text == "服务器"
    assert parse(tsv, "-").concepts[0].terms("zh")[0].text == "服务器"  # sniffed on stdin
    semicolons = "en;th\nserver;เซิร์ฟเวอร์\n".encode()
    assert parse(semicolons, "g.csv").concepts[0].terms("th")[0].text == "เซิร์ฟเวอร์"


def test_utf16_excel_export():
    data = "\ufeffen\tth\nserver\tเซิร์ฟเวอร์\n".encode("utf-16-le")
    assert parse(b"\xff\xfe" + data[2:], "export.tsv").concepts[0].terms("th")[0].text == \
        "เซิร์ฟเวอร์"


@pytest.mark.parametrize("data,expected", [
    (b"Term,Comment\nserver,x\n", "g.csv:1: no language column"),
    (b"", "g.csv:1: empty file"),
    (b'en,status\n"multi\nline",preferred\nx,"open\n', "g.csv:4: malformed CSV"),
    (b"id,en\nA,x\nA,y\n", "g.csv:3: duplicate id 'A' (first used on line 2)"),
    (b"en,en_status\na | b | c,preferred | admitted\n", "g.csv:2: status column of en has 2"),
    (b"en,th\nok,\xe0\xb8\n", "g.csv:2: cannot decode as utf-8"),
])
def test_csv_errors_name_file_and_line(data, expected):
    with pytest.raises(InputError) as caught:
        parse(data, "g.csv")
    assert str(caught.value).startswith(expected), str(caught.value)


def test_values_outside_the_picklists_are_kept_with_one_warning_per_kind(recwarn):
    # issue 11: reading is lenient, as for TBX; the first line of each kind is named
    termbase = parse(b'en,status,pos\n"multi\nline",banned,verbish\nx,bogus,noun\ny,zzz,nom\n', "g.csv")
    terms = [concept.languages[0].terms[0] for concept in termbase.concepts]
    assert [(t.status, t.status_as_written, t.part_of_speech) for t in terms] == [
        (None, "banned", "verbish"), (None, "bogus", "noun"), (None, "zzz", "nom")]
    assert sorted(str(w.message) for w in recwarn.list if isinstance(w.message, InputWarning)) == [
        "g.csv:2: warning: administrativeStatus 'banned' is not a TBX-Basic value (kept as written; 2 more like it)",
        "g.csv:2: warning: partOfSpeech 'verbish' is not a TBX-Basic value (kept as written; 1 more like it)"]
    assert "bogus" in write_csv(termbase) and "nom" in write_csv(termbase)


def test_cell_escapes_round_trip():
    values = ["a|b", "back\\slash", "end\\", "plain"]
    assert split_cell(join_cell(values)) == values
    assert split_cell(r"C:\temp | x") == [r"C:\temp", "x"]  # other backslashes stay


def test_writer_layout_and_round_trip():
    concept = Concept("c1", subject_field="IT", notes=["n1", "n|2"],
                      definitions=[Definition("servers, racks, \"cooling\"")])
    concept.add_term("en-US", Term("data center", status=AdminStatus.PREFERRED,
                                   part_of_speech="noun"))
    concept.add_term("en-US", Term("DC", status=AdminStatus.DEPRECATED))
    concept.add_term("th-TH", Term("ศูนย์ข้อมูล"))
    concept.language("th").notes.append("หมายเหตุ")
    termbase = Termbase([concept])
    text = write_csv(termbase)
    header = text.split("\r\n", 1)[0]
    assert header == ("id,subject_field,definition,note,en-US,en-US_status,en-US_pos,"
                      "th-TH,th-TH_note")
    assert "data center | DC,preferred | deprecated,noun | ," in text
    assert read_csv(text.encode(), "x.csv") == termbase
    assert read_csv(write_csv(termbase, "\t").encode(), "x.tsv", "\t") == termbase


def test_save_csv_by_extension_is_atomic_and_readable(tmp_path):
    termbase = load(DATA / "messy.csv")
    out = tmp_path / "out.tsv"
    save(termbase, out)
    assert b"\t" in out.read_bytes().split(b"\n")[0]
    assert load(out) == termbase
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]  # no temp file left behind
