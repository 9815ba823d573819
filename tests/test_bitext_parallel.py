"""Parallel plain text: the real ntrex128 files (CRLF) and mismatched line counts."""

from __future__ import annotations

import pytest

from trilex.bitext import read_parallel
from trilex.errors import InputError


def test_ntrex128_english_thai(corpora):
    source = corpora / "ntrex128" / "newstest2019-src.eng.txt"
    target = corpora / "ntrex128" / "newstest2019-ref.tha.txt"
    doc = read_parallel(str(source), str(target), None, None)
    assert (doc.format, doc.source_lang, doc.target_lang, len(doc)) == ("parallel", "en", "th", 1997)
    raw_source = source.read_bytes().split(b"\r\n")
    raw_target = target.read_bytes().split(b"\r\n")
    for segment in (doc.segments[0], doc.segments[680], doc.segments[-1]):
        assert segment.source == raw_source[segment.line - 1].decode("utf-8")
        assert segment.target == raw_target[segment.line - 1].decode("utf-8")
        assert "\r" not in segment.source + segment.target
    assert doc.segments[680].line == 681 and doc.segments[680].source == doc.segments[680].target
    assert doc.path == str(target) and doc.segments[0].path == str(target)


def test_chinese_language_from_name_and_explicit_languages(corpora):
    source = corpora / "ntrex128" / "newstest2019-ref.zho-CN.txt"
    target = corpora / "ntrex128" / "newstest2019-ref.tha.txt"
    doc = read_parallel(str(source), str(target), None, None)
    assert (doc.source_lang, doc.target_lang) == ("zh-CN", "th")
    assert read_parallel(str(source), str(target), "zh", "th").source_lang == "zh"


def test_crlf_blank_lines_and_untranslated(tmp_path):
    source = tmp_path / "a.txt"
    target = tmp_path / "b.txt"
    source.write_bytes("Data Center\r\n\r\nPanel\r\nline\u2028with separator\r\n".encode("utf-8"))
    target.write_bytes("ศูนย์ข้อมูล\r\n\r\n\r\nบรรทัด\r\n".encode("utf-8"))
    doc = read_parallel(str(source), str(target), "en", "th")
    assert [(s.line, s.source, s.target) for s in doc] == [
        (1, "Data Center", "ศูนย์ข้อมูล"), (3, "Panel", None), (4, "line\u2028with separator", "บรรทัด")]


def test_mismatched_line_counts(tmp_path):
    source = tmp_path / "src.txt"
    target = tmp_path / "tgt.txt"
    source.write_text("one\ntwo\nthree\n", encoding="utf-8")
    target.write_text("หนึ่ง\nสอง\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{source}:3: the source has 3 lines and the target 2"):
        read_parallel(str(source), str(target), "en", "th")
    with pytest.raises(InputError, match=rf"^{source}:3: "):
        read_parallel(str(target), str(source), "th", "en")


def test_unknown_language_and_bad_bytes(tmp_path):
    source = tmp_path / "src.txt"
    target = tmp_path / "tgt.txt"
    source.write_text("one\n", encoding="utf-8")
    target.write_bytes(b"ok\n\xff\n")
    with pytest.raises(InputError, match=rf"^{source}:1: cannot tell the source language"):
        read_parallel(str(source), str(target), None, "th")
    with pytest.raises(InputError, match=rf"^{target}:2: cannot decode as utf-8"):
        read_parallel(str(source), str(target), "en", "th")
