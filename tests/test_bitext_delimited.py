"""CSV and TSV with a source and a target column: headers, BOM, CRLF, quoted newlines, errors."""

from __future__ import annotations

import pytest

from trilex.bitext import read_document
from trilex.bitext.delimited import read_csv, read_tsv
from trilex.errors import InputError


def test_csv_with_bom_crlf_quoted_newlines_and_extra_columns(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_bytes("\ufeffid,en,th,comment\r\n"
                     'r1,Data Center,ศูนย์ข้อมูล,trilex: ignore[missing-term]\r\n'
                     'r2,"Line one\r\nline two, with comma","บรรทัดแรก\r\nบรรทัดสอง",\r\n'
                     '\r\n'
                     'r3,"He said ""hi""",,\r\n'.encode("utf-8"))
    doc = read_document(str(path))
    assert (doc.format, doc.source_lang, doc.target_lang) == ("csv", "en", "th")
    assert [(s.unit_id, s.line) for s in doc] == [("r1", 2), ("r2", 3), ("r3", 7)]
    first, multi, untranslated = doc.segments
    assert first.notes == ["trilex: ignore[missing-term]"]
    assert multi.source == "Line one\r\nline two, with comma" and multi.notes == []
    assert untranslated.source == 'He said "hi"' and untranslated.target is None


def test_language_header_picks_columns_in_any_direction(tmp_path):
    path = tmp_path / "three.tsv"
    path.write_text("en_US\tth\tzh-CN\nData Center\tศูนย์ข้อมูล\t数据中心\n", encoding="utf-8")
    doc = read_tsv(str(path), "th", "zh")
    assert (doc.source_lang, doc.target_lang) == ("th", "zh-CN")
    assert [(s.source, s.target, s.line) for s in doc] == [("ศูนย์ข้อมูล", "数据中心", 2)]
    assert read_tsv(str(path), "en", "th").segments[0].source == "Data Center"
    with pytest.raises(InputError, match=r"three.tsv:1: the header has 3 language columns"):
        read_tsv(str(path))
    with pytest.raises(InputError, match=r"three.tsv:1: no target column for 'ja'"):
        read_tsv(str(path), "en", "ja")


def test_tsv_two_languages_first_is_source_and_quotes_are_text(tmp_path):
    path = tmp_path / "pair.tsv"
    path.write_bytes('th\tzh\r\n"ปัญญา"ประดิษฐ์\t人工智能\r\n\r\nข้อมูล\t\r\n'.encode("utf-8"))
    doc = read_document(str(path))
    assert (doc.source_lang, doc.target_lang) == ("th", "zh")
    assert [(s.source, s.target, s.line) for s in doc] == [
        ('"ปัญญา"ประดิษฐ์', "人工智能", 2), ("ข้อมูล", None, 4)]


def test_source_target_header_and_no_header(tmp_path):
    named = tmp_path / "named.csv"
    named.write_text("key,target,source\nk1,ศูนย์ข้อมูล,Data Center\n", encoding="utf-8")
    doc = read_csv(str(named), "en", "th")
    assert [(s.unit_id, s.source, s.target) for s in doc] == [("k1", "Data Center", "ศูนย์ข้อมูล")]
    with pytest.raises(InputError, match=r"named.csv:1: the header names source and target columns: give"):
        read_csv(str(named))
    bare = tmp_path / "bare.tsv"
    bare.write_text("OK\tตกลง\nCancel\tยกเลิก\n", encoding="utf-8")
    doc = read_tsv(str(bare), "en", "th")
    assert [(s.source, s.line) for s in doc] == [("OK", 1), ("Cancel", 2)]
    with pytest.raises(InputError, match=r"^.*bare.tsv:1: no header row names the columns"):
        read_tsv(str(bare))


@pytest.mark.parametrize("name, content, line, message", [
    ("short.tsv", "th\tzh\nหนึ่ง\t一\nสอง\n", 3, "expected at least 2 columns, found 1"),
    ("quote.csv", 'en,th\n"a"b,c\n', 2, "malformed CSV"),
    ("empty.csv", "", 1, "empty CSV file"),
])
def test_bad_delimited_files(tmp_path, name, content, line, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path))
    assert str(caught.value).startswith(f"{path}:{line}: {message}")
