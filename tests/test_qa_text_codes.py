"""Markup, white space, URLs and untranslated units in composed PO entries (Thai and Chinese targets).

Each case is a one-entry PO file run through every QA check; the expected findings are the
only ones. Thai and Chinese rules: a Thai target needs no final ``.``; a URL glued to Thai or
Chinese ends where the ASCII ends; ``Usage: foo <file>`` is a metavariable, not a tag.
"""

from __future__ import annotations

import pytest

from trilex.bitext.po import read_po
from trilex.bitext.xliff import read_xliff
from trilex.check.engine import CheckOptions, run_check
from trilex.termbase.model import Termbase

QA_CODES = ("placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch", "url-mismatch",
            "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation")


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def findings_of(source: str, target: str, language: str = "th", flags: str | None = None):
    body = (f"#, {flags}\n" if flags else "") + f"msgid {quote(source)}\nmsgstr {quote(target)}\n"
    data = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\n{body}'.encode()
    document = read_po(f"case.{language}.po", data=data)
    return run_check([document], Termbase(), CheckOptions(checks=QA_CODES)).findings


def shown(findings):
    return [(f.check, f.message, f.source_span.text if f.source_span else None,
             f.target_span.text if f.target_span else None) for f in findings]


CASES = [
    # -- tags ---------------------------------------------------------------------------------------
    ("Click <b>Save</b> to keep the file.", "คลิก <b>บันทึก</b> เพื่อเก็บไฟล์", []),
    ("Click <b>Save</b>.", "คลิก <b>บันทึก", [("tag-mismatch", "</b> in the source is missing in the target", "</b>", None)]),
    ("Click <b>Save</b>.", "คลิก <b>บันทึก<b>", [
        ("tag-mismatch", "</b> in the source is missing in the target", "</b>", None),
        ("tag-mismatch", "<b> in the target is not in the source", None, "<b>")]),
    ("Click <b><i>Save</i></b>.", "คลิก <b><i>บันทึก</b></i>", [
        ("tag-mismatch", "the target's tags are not properly nested or closed (the source's are)", None, "<b>")]),
    ("Select <i>one</i>", "เลือก <I>หนึ่ง</I>", []),
    ("Line one<br/>Line two", "บรรทัดหนึ่ง<br>บรรทัดสอง", []),
    ("Line one<br/>Line two", "บรรทัดหนึ่ง บรรทัดสอง", [
        ("tag-mismatch", "<br/> in the source is missing in the target", "<br/>", None)]),
    ('See <a href="https://xfce.org/">the site</a>.', 'ดู <a href="https://xfce.org/">เว็บไซต์</a>', []),
    # the URL in href is the tag check's: one finding, with the fix
    ('See <a href="https://xfce.org/">the site</a>.', 'ดู <a href="https://xfce.com/">เว็บไซต์</a>', [
        ("tag-mismatch", '<a href="https://xfce.org/"> is altered in the target: <a href="https://xfce.com/">',
         '<a href="https://xfce.org/">', '<a href="https://xfce.com/">')]),
    ('Tap <xliff:g id="count">%d</xliff:g> times', 'แตะ <xliff:g id="count">%d</xliff:g> ครั้ง', []),
    ('Tap <xliff:g id="count">%d</xliff:g> times', 'แตะ <xliff:g id="cnt">%d</xliff:g> ครั้ง', [
        ("tag-mismatch", '<xliff:g id="count"> is altered in the target: <xliff:g id="cnt">',
         '<xliff:g id="count">', '<xliff:g id="cnt">')]),
    ("a <foo>bar</foo> b", "ก bar ข", [  # an unknown element closed in the same text is markup
        ("tag-mismatch", "<foo> in the source is missing in the target", "<foo>", None),
        ("tag-mismatch", "</foo> in the source is missing in the target", "</foo>", None)]),
    # metavariables, translated or dropped: not tags
    ("Usage: foo <file>", "วิธีใช้: foo <ไฟล์>", []),
    ("Usage: foo <file> [<dir>]", "วิธีใช้: foo <ไฟล์> [<ไดเรกทอรี>]", []),
    ("Press <Ctrl>+<Enter>", "กด Ctrl+Enter", []),
    # -- white space --------------------------------------------------------------------------------
    ("Line one\n", "บรรทัดหนึ่ง", [("whitespace-mismatch", "the source ends with newline, the target does not", None, "")]),
    ("Line one", "บรรทัดหนึ่ง\n", [("whitespace-mismatch", "the target ends with newline, the source does not", None, "\n")]),
    ("\nHeading", "หัวข้อ", [("whitespace-mismatch", "the source begins with newline, the target does not", None, "")]),
    ("Name: ", "ชื่อ:", [("whitespace-mismatch", "the source ends with space, the target does not", None, "")]),
    ("Name:", " ชื่อ:", [("whitespace-mismatch", "the target begins with space, the source does not", None, " ")]),
    ("  Indented", "ย่อหน้า", [("whitespace-mismatch", "the source begins with 2 spaces, the target does not", None, "")]),
    ("Two\nlines", "สอง บรรทัด", [("whitespace-mismatch", "the source has 1 line breaks inside, the target 0", None, None)]),
    ("a\tb", "ก ข", [("whitespace-mismatch", "the source has 1 tabs inside, the target 0", None, None)]),
    # spaces inside the text are not compared: Thai separates phrases with them
    ("Open the panel and close the window.", "เปิดพาเนล แล้วปิดหน้าต่าง", []),
    # -- URLs, e-mail addresses, paths ------------------------------------------------------------
    ("Visit https://docs.xfce.org/panel for help.", "ดูวิธีใช้ที่ https://docs.xfce.org/panelเพื่อดูรายละเอียด", []),
    ("Visit https://docs.xfce.org/panel.", "ดูที่ https://docs.xfce.org/panel。", []),
    ("Visit https://docs.xfce.org/panel.", "访问 https://docs.xfce.org/panel。", []),
    ("See www.xfce.org.", "ดูที่ www.xfce.orgครับ", []),
    ("See (https://xfce.org/wiki_(panel)).", "ดู (https://xfce.org/wiki_(panel))", []),
    ("Visit https://xfce.org, then https://docs.xfce.org.", "ไปที่ https://docs.xfce.org แล้ว https://xfce.org", []),
    ("Visit https://docs.xfce.org/panel for help.", "ดูวิธีใช้ที่ https://docs.xfce.org/panelsเพื่อดู", [
        ("url-mismatch", "the URL 'https://docs.xfce.org/panel' is altered to 'https://docs.xfce.org/panels' in the target",
         "https://docs.xfce.org/panel", "https://docs.xfce.org/panels")]),
    ("Mail bugs@xfce.org today.", "ส่งเมลถึง bugs@xfce.orgวันนี้", []),
    ("Mail bugs@xfce.org today.", "ส่งเมลวันนี้", [
        ("url-mismatch", "the e-mail address 'bugs@xfce.org' of the source is missing in the target", "bugs@xfce.org", None)]),
    ("Config in ~/.config/xfce4/panel", "การตั้งค่าอยู่ใน ~/.config/xfce4", [
        ("url-mismatch", "the path '~/.config/xfce4/panel' is altered to '~/.config/xfce4' in the target",
         "~/.config/xfce4/panel", "~/.config/xfce4")]),
    ("Read /etc/xdg/panel.rc first", "อ่านไฟล์การตั้งค่าก่อน", [
        ("url-mismatch", "the path '/etc/xdg/panel.rc' of the source is missing in the target", "/etc/xdg/panel.rc", None)]),
    ("Open C:\\Program Files\\Xfce\\panel.exe now", "เปิด C:\\Program Files\\Xfce\\pane.exe ตอนนี้", [
        ("url-mismatch", "the path 'C:\\Program Files\\Xfce\\panel.exe' is altered to 'C:\\Program Files\\Xfce\\pane.exe' "
                         "in the target", "C:\\Program Files\\Xfce\\panel.exe", "C:\\Program Files\\Xfce\\pane.exe")]),
    ("Read and/or write 1/2 of it", "อ่านและ/หรือเขียน", []),  # neither is a path
    # -- untranslated; Thai without the final full stop ------------------------------------------
    ("The panel was saved.", "บันทึกพาเนลแล้ว", []),
    ("Are you sure?", "แน่ใจหรือไม่", []),
    ("Save the panel file now", "Save the panel file now", [
        ("untranslated", "the target is the source text again: untranslated", None, None)]),
    ("Saved the panel configuration to disk", "Panel configuration saved to disk", [
        ("untranslated", "the Thai target has no Thai letter: not translated", None, None)]),
    ("Panel", "Panel", [("untranslated", "the target is the source text again: untranslated", None, None)]),
    ("Xfce4", "Xfce4", []),
    ("GNOME", "GNOME", []),
    ("iBus", "iBus", []),
    ("https://xfce.org", "https://xfce.org", []),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES,
                         ids=[f"{source!r} -> {target!r}" for source, target, _ in CASES])
def test_thai_target(source, target, expected):
    assert shown(findings_of(source, target)) == expected


@pytest.mark.parametrize(("target", "expected"), [
    ("保存面板文件", []),
    ("保存面板文件。", []),
    ("Save panel file now please", [("untranslated", "the Chinese target has no Chinese letter: not translated",
                                     None, None)]),
])
def test_chinese_target(target, expected):
    assert shown(findings_of("Save the panel file now", target, "zh_CN")) == expected


def test_whitespace_fix_restores_the_source_whitespace():
    [finding] = findings_of("Name: ", "ชื่อ:")
    assert (finding.fix.span.start, finding.fix.span.end, finding.fix.replacement) == (5, 5, " ")
    [finding] = findings_of("Line one", "บรรทัดหนึ่ง\n")
    assert (finding.fix.span.start, finding.fix.span.end, finding.fix.replacement) == (11, 12, "")


def test_url_fix_and_suggestion_give_the_source_url():
    [finding] = findings_of("Visit https://docs.xfce.org/panel.", "ดูที่ https://docs.xfce.org/panels")
    assert finding.suggestion == finding.fix.replacement == "https://docs.xfce.org/panel"
    assert (finding.fix.span.start, finding.fix.span.end) == (6, 34)


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="th" datatype="plaintext" original="a" {space}>
    <body>
      <trans-unit id="1">
        <source>Name: </source>
        <target state="translated">ชื่อ:</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.mark.parametrize(("space", "expected"), [("", []), ('xml:space="preserve"', ["whitespace-mismatch"])])
def test_xliff_white_space_is_compared_only_where_preserved(space, expected):
    document = read_xliff("ui.th.xlf", data=XLIFF.format(space=space).encode("utf-8"))
    assert document.segments[0].space_preserved is bool(space)
    found = run_check([document], Termbase(), CheckOptions(checks=QA_CODES)).findings
    assert [f.check for f in found] == expected


@pytest.mark.parametrize("written", ["href='{}'", "href={}", 'href="{}"'])
def test_an_altered_href_is_found_however_the_value_is_quoted(written):
    # HTML allows single-quoted and unquoted attribute values as well as double-quoted ones
    from trilex.check.qa.codes.markup import find_tags

    source, target = (f"<a {written.format(url)}>x</a>" for url in ("help.html", "index.html"))
    assert find_tags(source)[0].kept == (("href", "help.html"),)
    assert find_tags(source)[0].key != find_tags(target)[0].key
