"""gettext PO: the model fields the QA checks need, and the catalogue checks on composed files.

tests/data/qa/catalogue.th.po is shaped like msgmerge writes it (header with
X-Accelerator-Marker, a fuzzy entry with its ``#| msgid``, msgctxt, a plural message, an
obsolete entry); smaller catalogues are written inline.
"""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.bitext.po import read_po
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.gate import apply_gate
from trilex.errors import InputWarning
from trilex.termbase.model import Termbase

DATA = Path(__file__).parent / "data" / "qa"
CATALOGUE = DATA / "catalogue.th.po"
QA_CODES = ("placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch", "url-mismatch",
            "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that is exactly ``text``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines.count(text) == 1, text
    return lines.index(text) + 1


def po(body: str, name: str = "case.th.po", language: str = "th", plural_forms: str | None = "nplurals=1; plural=0;",
       include_fuzzy: bool = True, duplicates: str = "error"):
    """A PO document from ``body``; ``duplicates="warn"`` reads repeated msgids (the library's
    lenient mode, which consistency tests within one catalogue use)."""
    header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    if plural_forms is not None:
        header += f'"Plural-Forms: {plural_forms}\\n"\n'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return read_po(name, data=(header + "\n" + body).encode("utf-8"), include_fuzzy=include_fuzzy,
                       duplicates=duplicates)


def qa(document, **options):
    return run_check([document], Termbase(), CheckOptions(checks=QA_CODES, **options)).findings


def keys(findings) -> Counter:
    return Counter((f.location.line, f.check, f.severity.value, f.message) for f in findings)


# -- the reader --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalogue():
    return read_document(str(CATALOGUE), include_fuzzy=True)


def test_header_fields_declared_language_and_accelerator_marker(catalogue):
    assert catalogue.header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert catalogue.header["X-Accelerator-Marker"] == "_"
    assert catalogue.header["Report-Msgid-Bugs-To"] == "https://bugs.example.org/"  # the value keeps its colon
    assert (catalogue.header_line, catalogue.declared_target_lang, catalogue.declared_line) == (3, "th", 3)
    assert (catalogue.source_lang, catalogue.target_lang, catalogue.accelerator) == ("en", "th", "_")


def test_flags_previous_msgid_context_and_plural_index(catalogue):
    segments = {segment.unit_id: segment for segment in catalogue.segments}
    fuzzy = segments["Moved %d files to %s"]
    assert fuzzy.flags == frozenset({"fuzzy", "c-format"})
    assert fuzzy.state == "fuzzy" and fuzzy.unfinished
    assert fuzzy.previous_source == "Moved %d file to %s"
    assert fuzzy.notes == ["TRANSLATORS: the fuzzy entry msgmerge made from an older msgid"]
    assert fuzzy.line == line_of(CATALOGUE, 'msgid "Moved %d files to %s"')
    verb, adjective = segments["verb\x04Open"], segments["adjective\x04Open"]
    assert (verb.context, adjective.context, verb.target, adjective.target) == ("verb", "adjective", "เปิด", "เปิดอยู่")
    assert verb.line == line_of(CATALOGUE, 'msgctxt "verb"')  # a unit with msgctxt starts there
    plural = segments["%d file deleted[0]"]
    assert (plural.plural_index, plural.source, plural.flags) == (0, "%d file deleted", frozenset({"c-format"}))
    assert segments["Saved %s"].flags == frozenset({"c-format", "no-wrap"})
    assert segments["Saved %s"].plural_index is None and segments["Saved %s"].previous_source is None
    assert not any(segment.unfinished for segment in catalogue.segments if segment is not fuzzy)
    assert "Obsolete" not in segments and len(catalogue.segments) == 10


def test_accelerators_are_kept_as_written_and_removed_from_the_text(catalogue):
    file = next(segment for segment in catalogue.segments if segment.unit_id == "_File")
    assert (file.source, file.raw_source) == ("File", "_File")
    assert (file.target, file.raw_target) == ("ไฟล์ (F)", "ไฟล์ (_F)")


def test_fuzzy_entries_are_left_out_unless_asked_for():
    document = read_document(str(CATALOGUE))
    assert "Moved %d files to %s" not in {segment.unit_id for segment in document.segments}
    assert len(document.segments) == 9


def test_previous_msgid_continued_over_lines_and_plural_indexes():
    document = po('#, fuzzy\n#| msgid ""\n#| "Moved %d "\n#| "file"\nmsgid "Moved %d files"\nmsgstr "ย้าย %d"\n\n'
                  '#, c-format\nmsgid "%d item"\nmsgid_plural "%d items"\nmsgstr[0] "%d รายการ"\nmsgstr[1] "%d x"\n',
                  plural_forms="nplurals=2; plural=(n != 1);")
    moved, one, many = document.segments
    assert moved.previous_source == "Moved %d file"
    assert [(s.unit_id, s.source, s.plural_index, s.line) for s in (one, many)] == [
        ("%d item[0]", "%d item", 0, 15), ("%d item[1]", "%d items", 1, 15)]


def test_a_header_without_language_declares_none():
    document = read_po("messages.po", "en", "th", data=b'msgid ""\nmsgstr "Project-Id-Version: x\\n"\n\n'
                                                       b'msgid "a"\nmsgstr "b"\n')
    assert document.declared_target_lang is None and document.declared_line is None
    assert document.header == {"Project-Id-Version": "x"} and document.header_line == 1


# -- the checks on the composed catalogue ------------------------------------------------------

def test_catalogue_findings_are_only_the_real_defects(catalogue):
    assert keys(qa(catalogue)) == Counter([
        (line_of(CATALOGUE, 'msgid "_View"'), "accelerator-mismatch", "warning",
         "the source has the accelerator '_V', the target has none"),
        # the fuzzy entry is checked, at info: it is not shipped
        (line_of(CATALOGUE, 'msgid "Moved %d files to %s"'), "placeholder-mismatch", "info",
         "'%s' in the source is missing in the target"),
    ])
    # not findings: ไฟล์ (_F), แก้_ไข, Usage: %s <file> [<dir>]. → วิธีใช้: … (no final "."), the URL glued to
    # Thai, the two msgctxt of "Open" translated differently, one msgstr[0] under nplurals=1


@pytest.mark.parametrize(("severity", "expected"), [(Severity.WARNING, ["warning"]), (None, [])])
def test_unfinished_severity_and_off(catalogue, severity, expected):
    fuzzy_line = line_of(CATALOGUE, 'msgid "Moved %d files to %s"')
    found = [f for f in qa(catalogue, unfinished_severity=severity) if f.location.line == fuzzy_line]
    assert [f.severity.value for f in found] == expected
    assert all(f.unfinished for f in found)


def test_fuzzy_units_take_no_part_in_consistency():
    body = ('msgid "Close the file"\nmsgstr "ปิดไฟล์"\n\n'
            '#, fuzzy\nmsgid "Close the file"\nmsgstr "ปิดแฟ้ม"\n\n'
            'msgid "Close the file"\nmsgstr "ปิดไฟล์"\n\n')
    assert qa(po(body, duplicates="warn")) == []
    assert [f.location.line for f in qa(po(body.replace("#, fuzzy\n", ""), duplicates="warn"))] == [10]


def test_one_source_translated_two_ways_suggests_the_majority():
    body = "".join(f'msgid "Remove the panel"\nmsgstr "{t}"\n\n' for t in ("ลบพาเนล", "ถอดพาเนล", "ลบพาเนล"))
    [finding] = qa(po(body, duplicates="warn"))
    assert (finding.check, finding.severity, finding.location.line, finding.suggestion) == (
        "inconsistent-translation", Severity.WARNING, 10, "ลบพาเนล")
    assert [location.line for location in finding.related] == [7, 13]


def test_one_translation_for_two_sources_is_info():
    [finding] = qa(po('msgid "Cancel"\nmsgstr "ยกเลิก"\n\nmsgid "Dismiss"\nmsgstr "ยกเลิก"\n\n'
                      'msgid "Cancel"\nmsgstr "ยกเลิก"\n\n', duplicates="warn"))
    assert (finding.check, finding.severity, finding.location.line) == ("inconsistent-translation", Severity.INFO, 10)


def test_chinese_and_thai_accelerators_after_the_text():
    zh = po('msgid "_File"\nmsgstr "文件(_F)"\n\nmsgid "_Edit"\nmsgstr "编辑(_E)"\n\n'
            'msgid "_View"\nmsgstr "查看(_V)(_W)"\n\nmsgid "_Help"\nmsgstr "帮助（_H）"\n\n',
            name="case.zh_CN.po", language="zh_CN")
    assert zh.accelerator == "_"  # judged from the msgids: no header says it
    [finding] = qa(zh)
    assert (finding.check, finding.location.line, finding.message) == (
        "accelerator-mismatch", 13, "the target has 2 accelerators ('_V', '_W'), the source one")
    assert (finding.source_span.text, finding.target_span.text) == ("_V", "_W")
    th = po('msgid "_File"\nmsgstr "ไฟล์ (_F)"\n\nmsgid "_About"\nmsgstr "เ_กี่ยวกับ"\n\n')
    assert qa(th) == []


def test_do_not_translate_terms_may_stay_as_in_the_source():
    document = po('msgid "Xfce Panel"\nmsgstr "Xfce Panel"\n\nmsgid "GNOME"\nmsgstr "GNOME"\n\n')
    assert keys(qa(document)) == Counter([(7, "untranslated", "warning", "the target is the source text again: untranslated")])
    assert qa(document, do_not_translate=["xfce panel"]) == []


# -- plural forms ------------------------------------------------------------------------------

PLURAL = '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d ไฟล์"\n'


@pytest.mark.parametrize(("plural_forms", "extra", "language", "expected"), [
    ("nplurals=1; plural=0;", "", "th", []),
    ("nplurals=1; plural=0;", 'msgstr[1] "%d ไฟล์"\n', "th",
     [(8, "the header says nplurals=1; this message has msgstr[1] beyond them")]),
    ("nplurals=2; plural=(n != 1);", 'msgstr[1] ""\n', "zh_CN",
     [(1, "the header says nplurals=2, but zh-CN has 1 plural form(s)"),
      (8, "the header says nplurals=2; this message empty msgstr[1]")]),
    ("nplurals=2; plural=(n != 1);", "", "th",
     [(1, "the header says nplurals=2, but th has 1 plural form(s)"),
      (8, "the header says nplurals=2; this message missing msgstr[1]")]),
    (None, "", "th", [(1, "1 plural message(s) but no Plural-Forms header")]),
    ("plural=0;", "", "th", [(1, "1 plural message(s) but a Plural-Forms header without nplurals: 'plural=0;'")]),
])
def test_plural_forms(plural_forms, extra, language, expected):
    document = po(PLURAL + extra, name=f"case.{language}.po", language=language, plural_forms=plural_forms)
    found = [(f.location.line, f.message) for f in qa(document) if f.check == "plural-forms"]
    assert found == expected
    assert all(f.severity is Severity.ERROR for f in qa(document) if f.check == "plural-forms")


def test_plural_forms_on_a_fuzzy_message_follow_the_unfinished_severity():
    document = po("#, fuzzy\n" + PLURAL + 'msgstr[1] "%d ไฟล์"\n')
    assert [f.severity for f in qa(document) if f.check == "plural-forms"] == [Severity.INFO]
    assert [f for f in qa(document, unfinished_severity=None) if f.check == "plural-forms"] == []


def test_plural_forms_can_be_suppressed_inline():
    document = po("# trilex: ignore[plural-forms]\n" + PLURAL + 'msgstr[1] "%d ไฟล์"\n')
    report = run_check([document], Termbase(), CheckOptions(checks=[*QA_CODES, "unused-suppression"]))
    apply_gate(report, [document])
    assert [f.check for f in report.suppressed] == ["plural-forms"]
    assert report.findings == []


# -- declared language -------------------------------------------------------------------------

def test_declared_language_against_target_option():
    document = po('msgid "Open the file"\nmsgstr "เปิดไฟล์"\n')
    assert qa(document) == []
    found = [(f.location.line, f.severity.value, f.message) for f in qa(document, target_lang="zh")
             if f.check == "header-mismatch"]
    assert found == [(1, "warning", "the file declares Language: th, but it is checked as zh (--target or config)")]
    same = [f.severity.value for f in qa(document, target_lang="th-TH") if f.check == "header-mismatch"]
    assert same == ["info"]


@pytest.mark.parametrize(("name", "language", "left", "right"), [
    ("case.th.po", "th", "ช่องสัญญาณ (ซ้าย)", "ช่องสัญญาณ (ขวา)"),
    ("case.zh_CN.po", "zh_CN", "声道（左）", "声道（右）"),
], ids=["th", "zh_CN"])
def test_sources_that_differ_in_a_bracketed_letter_are_different_sources(name, language, left, right):
    document = po(f'msgid "Channel (L)"\nmsgstr "{left}"\n\nmsgid "Channel (R)"\nmsgstr "{right}"\n',
                  name=name, language=language)
    assert qa(document) == []


def test_a_chinese_accelerator_suffix_does_not_split_a_consistency_group():
    # "(_F)" after the translation is not part of it: 文件(_F) and 文件 render "_File"/"File" alike
    document = po('msgid "_File"\nmsgstr "文件(_F)"\n\nmsgid "File"\nmsgstr "文件"\n\nmsgid "_File"\nmsgstr "档案(_F)"\n',
                  name="case.zh_CN.po", language="zh_CN", duplicates="warn")
    [finding] = qa(document)
    assert (finding.check, finding.location.line) == ("inconsistent-translation", 13)
    assert [location.line for location in finding.related] == [7, 10]


def test_consistency_suggestion_is_a_translation_as_written():
    document = po('msgid "_File"\nmsgstr "文件(_F)"\n\nmsgid "_File"\nmsgstr "文件(_F)"\n\nmsgid "_File"\nmsgstr "档案(_F)"\n',
                  name="case.zh_CN.po", language="zh_CN", duplicates="warn")
    [finding] = qa(document)
    assert finding.suggestion in ("文件(_F)", "文件")
    assert "(F)" not in finding.message
