"""TMX read as a language pair: bilingual, multilingual, UTF-16, TMX 1.1 ``lang``, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.bitext.inline import PLACEHOLDER
from trilex.bitext.tmx import read_tmx
from trilex.errors import InputError

from test_bitext_xliff import line_of  # the shared helper, pytest puts tests/ on sys.path

DATA = Path(__file__).parent / "data" / "bitext"


def test_bilingual_tmx():
    path = DATA / "bilingual.tmx"
    doc = read_document(str(path))
    assert (doc.format, doc.source_lang, doc.target_lang) == ("tmx", "en-US", "th-TH")
    assert [s.unit_id for s in doc] == ["tu-1", "tu-2", None]
    first, english_only, legacy = doc.segments
    assert first.source == f"The Data Center opens.{PLACEHOLDER}"
    assert first.target == "ศูนย์ข้อมูลเปิดแล้ว"
    assert first.raw_target == 'ศูนย์ข้อมูล<hi type="bold">เปิด</hi>แล้ว'
    assert first.notes == ["trilex: ignore[missing-term]", "Thai reviewer note"]
    assert first.line == line_of(path, 'tuid="tu-1"')
    assert english_only.target is None
    assert (legacy.source, legacy.target) == ("TMX 1.1 lang attribute", "แอตทริบิวต์ lang")


def test_reverse_direction_skips_units_without_the_source():
    doc = read_tmx(str(DATA / "bilingual.tmx"), "th", "en")
    assert (doc.source_lang, doc.target_lang) == ("th", "en")
    assert [s.unit_id for s in doc] == ["tu-1", "tu-3", None]
    assert doc.segments[1].target is None
    assert doc.segments[0].target == f"The Data Center opens.{PLACEHOLDER}"


def test_multilingual_tmx_needs_languages():
    path = DATA / "multilingual.tmx"
    with pytest.raises(InputError, match=r"multilingual.tmx:3: .*srclang=\"\*all\*\""):
        read_tmx(str(path))
    with pytest.raises(InputError, match=r"multilingual.tmx:3: a multilingual TMX \(th, zh-CN\): give the target"):
        read_tmx(str(path), source_lang="en")
    doc = read_tmx(str(path), "en", "zh")
    assert [(s.source, s.target) for s in doc] == [("artificial intelligence", "人工智能"),
                                                   ("data center", "数据中心")]
    thai = read_tmx(str(path), "th", "zh-CN")
    assert [(s.source, s.target) for s in thai] == [("ปัญญาประดิษฐ์", "人工智能")]


def test_utf16_tmx(tmp_path):
    text = (DATA / "bilingual.tmx").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "utf16.tmx"
    path.write_bytes(text.encode("utf-16"))
    doc = read_document(str(path))
    assert doc.segments[0].target == "ศูนย์ข้อมูลเปิดแล้ว"
    assert doc.segments[0].line == line_of(DATA / "bilingual.tmx", 'tuid="tu-1"')


@pytest.mark.parametrize("body, line, message", [
    ('<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>',
     2, "<tuv> without xml:lang"),
    ('<tmx version="1.4"><header srclang="en"/><body><tu>\n<tuv xml:lang="en"></tuv></tu></body></tmx>',
     2, '<tuv xml:lang="en"> without <seg>'),
    ('<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>x</tuv></tu></body></tmx>',
     2, "malformed XML"),
    ('<?xml version="1.0"?>\n<martif/>', 1, "not a TMX file"),
    ('<foo>\n<header srclang="en"/></foo>', 1, "not a TMX file: the root element is <foo>"),
    ('<!DOCTYPE tmx [<!ENTITY a "b">]>\n<tmx version="1.4"><header srclang="en"/></tmx>', 1,
     "the document type declares entities"),
    ("", 1, "empty file"),
])
def test_bad_tmx_names_file_and_line(tmp_path, body, line, message):
    path = tmp_path / "bad.tmx"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path), target_lang="th")
    assert str(caught.value).startswith(f"{path}:{line}: {message}")
