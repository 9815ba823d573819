"""XLIFF 1.2 and 2.x reading: real Angular catalogues and files composed from the specs."""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.bitext.inline import PLACEHOLDER
from trilex.bitext.xliff import read_xliff
from trilex.errors import InputError

DATA = Path(__file__).parent / "data" / "bitext"


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first raw line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_real_thai_catalogue(corpora):
    path = corpora / "xliff" / "wise-client.messages.th.xlf"
    doc = read_document(str(path))
    assert (doc.format, doc.source_lang, doc.target_lang, len(doc)) == ("xliff", "en", "th", 2611)
    first = doc.segments[0]
    assert (first.source, first.target, first.state) == ("About Us", "เกี่ยวกับเรา", "translated")
    assert first.unit_id == "847171f94c5e932a67df0c3b4d57e4e10d844b52"
    assert first.line == line_of(path, 'trans-unit id="847171f94c5e932a67df0c3b4d57e4e10d844b52"')
    # Leading and trailing spaces are the user's text and stay.
    assert doc.segments[1].source.startswith(" WISE is the product")
    notes = [s for s in doc if s.notes]
    assert len(notes) == 11 and notes[0].notes == ["A name for a computer avatar"]


def test_real_chinese_catalogue_language_and_interpolation(corpora):
    path = corpora / "xliff" / "wise-client.messages.zh-Hans.xlf"
    doc = read_xliff(str(path))
    # The file is named zh-Hans but says zh-CN: the file's word is reported.
    assert doc.target_lang == "zh-CN"
    assert sum(1 for s in doc if s.state == "translated") == 996
    interpolated = [s for s in doc if s.raw_source and 'id="INTERPOLATION"' in s.raw_source]
    assert interpolated
    for segment in interpolated:
        assert "<x" not in segment.source and PLACEHOLDER in segment.source
    unit = next(s for s in doc if s.source == f"Default Feedback on Submit {PLACEHOLDER}")
    assert unit.raw_source == 'Default Feedback on Submit <x id="INTERPOLATION" equiv-text="{{ i + 1 }}"/>'
    assert unit.line == line_of(path, f'id="{unit.unit_id}"')
    # A --target of zh-Hans agrees with zh-CN (same language); th does not.
    assert read_xliff(str(path), target_lang="zh-Hans").target_lang == "zh-CN"
    with pytest.raises(InputError, match=r"target language is 'zh-CN', but 'th' was given"):
        read_xliff(str(path), target_lang="th")


def test_xliff12_inline_codes_groups_and_translate_no():
    path = DATA / "inline12.xlf"
    doc = read_xliff(str(path))
    assert (doc.source_lang, doc.target_lang) == ("en-US", "th-TH")
    by_id = {s.unit_id: s for s in doc}
    assert list(by_id) == ["g1", "x1", "bpt1", "nested", "untranslated"]
    g1 = by_id["g1"]
    assert (g1.source, g1.target) == ("The Data Center opens.", "ศูนย์ข้อมูลเปิดแล้ว")
    assert g1.raw_target == 'ศูนย์<g id="1">ข้อมูล</g>เปิดแล้ว'
    assert g1.notes == ["trilex: ignore[missing-term]"]
    assert g1.line == line_of(path, 'trans-unit id="g1"')
    assert by_id["x1"].source == f"Default Feedback on Submit {PLACEHOLDER}"
    assert by_id["x1"].state == "needs-review-translation"
    # Native code inside bpt/ept is dropped, ph is a placeholder, alt-trans is not the target.
    assert by_id["bpt1"].source == f"Data Center{PLACEHOLDER}now"
    assert by_id["bpt1"].target == "ศูนย์ข้อมูล"
    assert by_id["nested"].source == "Nested unit" and by_id["nested"].target is None
    assert by_id["untranslated"].target is None and by_id["untranslated"].raw_source is None


def test_xliff20_segments_codes_and_notes():
    path = DATA / "segments20.xlf"
    doc = read_document(str(path))
    assert (doc.source_lang, doc.target_lang) == ("en", "zh-CN")
    assert [s.unit_id for s in doc] == ["u1", "u2:s1", "u2:s2"]
    u1, s1, s2 = doc.segments
    assert (u1.source, u1.target, u1.state) == ("Section 12 applies.", "第12条适用。", "translated")
    assert u1.notes == ["trilex: ignore[missing-term]"]
    assert u1.line == line_of(path, '<unit id="u1">')
    assert s1.source == f"Data Center{PLACEHOLDER}opens" and s1.target == f"数据中心{PLACEHOLDER}开放"
    assert s1.line == line_of(path, '<unit id="u2">') and s1.state == "reviewed"
    assert s2.source == "Bold text and a tab\there." and s2.target is None


def test_xliff21_mrk_and_direction_th_to_en():
    doc = read_document(str(DATA / "units21.xlf"))
    assert (doc.source_lang, doc.target_lang) == ("th", "en")
    assert [(s.source, s.target, s.state) for s in doc] == [
        ("ปัญญาประดิษฐ์", "artificial intelligence", "final")]


def test_xliff_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.xlf"
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="en">\n'
                   "<body><trans-unit id='a'><source>x</target></trans-unit></body></file></xliff>\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(bad))
    assert str(caught.value).startswith(f"{bad}:4: malformed XML")
    no_source = tmp_path / "nosource.xlf"
    no_source.write_text('<xliff version="1.2"><file source-language="en"><body>\n'
                         '<trans-unit id="a"><target>x</target></trans-unit></body></file></xliff>',
                         encoding="utf-8")
    with pytest.raises(InputError, match=r"nosource.xlf:2: <trans-unit> without <source>"):
        read_document(str(no_source))
    version = tmp_path / "v3.xlf"
    version.write_text('<xliff version="3.0" srcLang="en"/>', encoding="utf-8")
    with pytest.raises(InputError, match=r"v3.xlf:1: unsupported XLIFF version '3.0'"):
        read_document(str(version))
    no_src = tmp_path / "nosrc.xlf"
    no_src.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>', encoding="utf-8")
    with pytest.raises(InputError, match=r"nosrc.xlf:1: XLIFF 2 file without srcLang"):
        read_document(str(no_src))


_UNIT = '<xliff version="1.2"><file source-language="en"><body><trans-unit id="1">'


@pytest.mark.parametrize("doctype, source, message", [
    ('<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;",
     r":1: the document type declares entities \('a'\)"),
    ('<!DOCTYPE xliff [<!ENTITY x SYSTEM "file://{secret}">]>', "&x;",
     r":1: the document type declares entities \('x'\)"),
    ('<!DOCTYPE xliff SYSTEM "evil.dtd">', "a &leak; b", r":4: unresolved entity reference &leak;"),
])
def test_hostile_xliff_is_refused(tmp_path, doctype, source, message):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "hostile.xlf"
    path.write_text(f'<?xml version="1.0"?>\n{doctype.format(secret=secret)}\n{_UNIT}\n'
                    f"<source>{source}</source></trans-unit></body></file></xliff>", encoding="utf-8")
    with pytest.raises(InputError, match="^" + str(path) + message):
        read_document(str(path))


def test_line_is_where_a_wrapped_start_tag_begins(tmp_path):
    path = tmp_path / "wrapped.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                    '<file source-language="en" target-language="th"><body>\n'
                    '<trans-unit\n    id="wrapped"\n    datatype="html">\n'
                    "<source>Data Center</source></trans-unit><trans-unit id='same-line'>\n"
                    "<source>Panel</source></trans-unit>\n</body></file></xliff>\n", encoding="utf-8")
    doc = read_xliff(str(path))
    assert [(s.unit_id, s.line) for s in doc] == [("wrapped", 4), ("same-line", 7)]


@pytest.mark.parametrize("name", ["wise-client.messages.th.xlf", "wise-client.messages.zh-Hans.xlf"])
def test_real_catalogue_text_agrees_with_translate_toolkit(corpora, name):
    """Same units and text as translate-toolkit, which drops codes and collapses white space
    (trilex keeps the spaces as written and marks codes with U+FFFC)."""
    from translate.storage import xliff as tt_xliff

    def collapsed(text: str | None) -> str:
        return " ".join((text or "").replace(PLACEHOLDER, "").split())

    path = corpora / "xliff" / name
    store = tt_xliff.xlifffile.parsefile(str(path))
    expected = [(collapsed(unit.source), collapsed(unit.target)) for unit in store.units if not unit.isheader()]
    assert [(collapsed(s.source), collapsed(s.target)) for s in read_xliff(str(path))] == expected


def test_files_of_one_document_must_agree_on_languages(tmp_path):
    path = tmp_path / "two.xlf"
    path.write_text('<xliff version="1.2">\n<file source-language="en" target-language="th"><body>'
                    '<trans-unit id="a"><source>A</source></trans-unit></body></file>\n'
                    '<file source-language="en" target-language="zh-CN"><body/></file>\n</xliff>',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"two.xlf:3: this <file> has target language 'zh-CN', an earlier one 'th'"):
        read_xliff(str(path))
    template = tmp_path / "template.xlf"
    template.write_text('<xliff version="1.2"><file source-language="en"><body>'
                        '<trans-unit id="a"><source>A</source></trans-unit></body></file></xliff>',
                        encoding="utf-8")
    assert read_xliff(str(template)).target_lang is None
    assert read_xliff(str(template), target_lang="th_TH").target_lang == "th-TH"
