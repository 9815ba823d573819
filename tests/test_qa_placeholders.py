"""``placeholder-mismatch`` on composed PO entries, one per syntax the specs define.

printf (C99 and gettext's positional ``%n$``), Python ``%(name)s`` and ``str.format``, ICU
MessageFormat (plural/select with nested arguments, quoting, offset), Twig/Jinja ``{{ name }}``,
Symfony ``%name%``, Ruby ``%{name}``, Qt ``%1``, shell ``${VAR}``; which apply comes from the PO
flags (``c-format``, ``python-format``, ``no-python-format``…), else from the texts.

Each case is a whole PO file run through every QA check (Thai target): the expected findings
are the only ones.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.bitext.po import read_po
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.qa.codes.icu import IcuSyntaxError, argument_names
from trilex.check.qa.codes.placeholder_syntax import find_placeholders, syntaxes_for
from trilex.termbase.model import Termbase

QA_CODES = ("placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch", "url-mismatch",
            "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation")
HEADER = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_document(source: str, target: str, flags: str | None = None) -> BilingualDocument:
    entry = (f"#, {flags}\n" if flags else "") + f"msgid {quote(source)}\nmsgstr {quote(target)}\n"
    return read_po("case.th.po", data=(HEADER + entry).encode("utf-8"))


def qa_findings(document: BilingualDocument):
    return run_check([document], Termbase(), CheckOptions(checks=QA_CODES)).findings


def shown(findings) -> list[tuple]:
    return [(f.check, f.message, f.source_span.text if f.source_span else None,
             f.target_span.text if f.target_span else None) for f in findings]


def P(message: str, source: str | None = None, target: str | None = None) -> tuple:
    """An expected placeholder-mismatch finding."""
    return ("placeholder-mismatch", message, source, target)


CASES = [
    # -- printf: positional reordering is fine, plain reordering is not --------------------------
    ("c-format", "%1$s has %2$d files", "%2$d ไฟล์ใน %1$s", []),
    ("c-format", "%s has %d files", "ใน %s มี %d ไฟล์", []),
    ("c-format", "%s has %d files", "%2$d ไฟล์ใน %1$s", []),  # the translator added the positions
    ("c-format", "%s has %d files", "%d ไฟล์ใน %s", [
        P("printf placeholders change order (%s %d → %d %s); reordering needs positions such as %1$s",
          None, "%d ไฟล์ใน %s")]),
    ("c-format", "%1$s has %2$d files", "%2$s ไฟล์ใน %1$d", [
        P("'%1$s' in the source is altered to '%2$s' in the target", "%1$s", "%2$s"),
        P("'%2$d' in the source is altered to '%1$d' in the target", "%2$d", "%1$d")]),
    ("c-format", "%s and %s", "%s และ %s", []),
    # -- printf: width, precision, length modifiers, %% -------------------------------------------
    ("c-format", "Progress %5.2f%%", "ความคืบหน้า %5.2f%%", []),
    ("c-format", "Progress %5.2f%%", "ความคืบหน้า %5.1f%%", [
        P("'%5.2f' in the source is altered to '%5.1f' in the target", "%5.2f", "%5.1f")]),
    ("c-format", "Progress %5.2f%%", "ความคืบหน้า %5.2f%", [
        P("'%' in the target starts no valid printf directive (c-format); write '%%' for a percent sign",
          None, "%")]),
    ("c-format", "Size %zu bytes", "ขนาด %zu ไบต์", []),
    ("c-format", "Size %zu bytes", "ขนาด %u ไบต์", [P("'%zu' in the source is altered to '%u' in the target", "%zu", "%u")]),
    ("c-format", "%-10s|%+d|%#x|%.*s|%lld|%ls|%p", "%-10s|%+d|%#x|%.*s|%lld|%ls|%p", []),
    ("c-format", "50%% done", "เสร็จ 50%% แล้ว", []),
    ("c-format", "50%% done", "เสร็จ 50% แล้ว", [
        P("'% แ' in the target starts no valid printf directive (c-format); write '%%' for a percent sign", None, "%")]),
    # no flag and no placeholder in the source: a %s the translator added is still wrong
    (None, "Saved", "บันทึก %s แล้ว", [P("'%s' in the target is not in the source", None, "%s")]),
    # a strftime format is not printf
    (None, "Started %Y-%m-%d", "เริ่ม %d/%m/%Y", []),
    # -- Python ------------------------------------------------------------------------------------
    ("python-format", "Hello %(name)s, %(count)d new", "มี %(count)d ใหม่ สวัสดี %(name)s", []),
    ("python-format", "Hello %(name)s, %(count)d new", "สวัสดี %(nam)s มี %(count)d ใหม่", [
        P("'%(name)s' in the source is altered to '%(nam)s' in the target", "%(name)s", "%(nam)s")]),
    ("python-format", "%(count)d of %(total)d", "%(count)d จาก", [
        P("'%(total)d' in the source is missing in the target", "%(total)d", None)]),
    # no-python-format: the programmer says these % are not directives
    ("no-python-format", "Hello %(name)s", "สวัสดี", []),
    ("python-brace-format", "Hello {name}, {0} new", "{0} ใหม่ สวัสดี {name}", []),
    ("python-brace-format", "Hello {name}, {0} new", "สวัสดี {nam} ใหม่", [
        P("'{name}' in the source is altered to '{nam}' in the target", "{name}", "{nam}"),
        P("'{0}' in the source is missing in the target", "{0}", None)]),
    ("python-brace-format", "Total {amount:>10.2f} ({ratio!r})", "รวม {amount:>10.2f} ({ratio!r})", []),
    ("python-brace-format", "Use {{braces}} for {name}", "ใช้ {{braces}} กับ {name}", []),
    # with python-brace-format, a % is plain text
    ("python-brace-format", "{name} at 100%", "{name} ที่ 100", []),
    # -- other syntaxes, judged from the texts ----------------------------------------------------
    (None, "Hello {{ name }}!", "สวัสดี {{name}}!", []),
    (None, "Hello {{ user.name|upper }}!", "สวัสดี {{ user.name|upper }}!", []),
    (None, "Hello {{ name }}!", "สวัสดี {{ nme }}!", [
        P("'{{ name }}' in the source is altered to '{{ nme }}' in the target", "{{ name }}", "{{ nme }}")]),
    (None, "Delete %count% files?", "ลบ %count% ไฟล์?", []),
    (None, "Delete %count% files?", "ลบไฟล์?", [P("'%count%' in the source is missing in the target", "%count%", None)]),
    (None, "Hello %{name}, you have %{count} messages", "คุณมี %{count} ข้อความ สวัสดี %{name}", []),
    (None, "Hello %{name}", "สวัสดี %{nme}", [
        P("'%{name}' in the source is altered to '%{nme}' in the target", "%{name}", "%{nme}")]),
    ("qt-format", "Copy %1 to %2", "คัดลอกไปยัง %2 จาก %1", []),
    (None, "Copy %1 to %2", "คัดลอก %1 ไปยัง %3", [P("'%2' in the source is altered to '%3' in the target", "%2", "%3")]),
    ("qt-format", "Copy %L1 items", "คัดลอก %L1 รายการ", []),
    (None, "Install to ${PREFIX}/bin", "ติดตั้งที่ ${PREFIX}/bin", []),
    ("sh-format", "Install to ${PREFIX}/bin", "ติดตั้งที่ $PREFIX/bin", [
        P("'${PREFIX}' in the source is missing in the target", "${PREFIX}", None)]),
]


@pytest.mark.parametrize(("flags", "source", "target", "expected"), CASES,
                         ids=[f"{flags or 'no flag'}: {source!r} -> {target!r}" for flags, source, target, _ in CASES])
def test_placeholders_in_po(flags, source, target, expected):
    findings = qa_findings(po_document(source, target, flags))
    assert shown(findings) == expected
    assert all(f.severity is Severity.ERROR for f in findings)


def test_an_altered_placeholder_has_a_fix_with_the_source_spelling():
    [finding] = qa_findings(po_document("Internal name: %s", "ชื่อภายใน: %d", "c-format"))
    assert (finding.fix.span.start, finding.fix.span.end, finding.fix.span.text) == (11, 13, "%d")
    assert finding.fix.replacement == finding.suggestion == "%s"
    assert finding.source_span.start == 15


# -- ICU MessageFormat --------------------------------------------------------------------------

FILES = "{count, plural, =0 {No files in {folder}} one {# file in {folder}} other {# files in {folder}}}"
ICU_CASES = [
    # Thai needs only "other": the plural keywords may differ, the argument names may not
    (FILES, "{count, plural, other {# ไฟล์ใน {folder}}}", []),
    (FILES, "{count, plural, other {# ไฟล์}}", [P("ICU argument(s) '{folder}' of the source missing in the target")]),
    (FILES, "{count, plural, other {# ไฟล์ใน {folder} โดย {user}}}", [
        P("ICU argument(s) '{user}' in the target are not in the source")]),
    (FILES, "{num, plural, other {# ไฟล์ใน {folder}}}", [
        P("ICU argument(s) '{count}' of the source missing in the target"),
        P("ICU argument(s) '{num}' in the target are not in the source")]),
    ("{gender, select, male {He} female {She} other {They}} invited {guest}",
     "{gender, select, other {เขา}} เชิญ {guest}", []),
    ("{gender, select, male {He} female {She} other {They}} invited {guest}",
     "{gender, select, other {เขา}} เชิญแขก", [P("ICU argument(s) '{guest}' of the source missing in the target")]),
    ("{host, select, other {{n, plural, one {{host} invites one} other {{host} invites # people}}}}",
     "{host, select, other {{n, plural, other {{host} เชิญ # คน}}}}", []),
    ("It''s {n, number} '{'literal'}' {count, plural, other {# items}}",
     "{count, plural, other {# รายการ}} {n, number} '{'literal'}'", []),
    ("{n, plural, offset:1 =0 {nobody} other {{name} and # others}}",
     "{n, plural, offset:1 other {{name} และอีก # คน}}", []),
    ("{start, date, short} to {end, time}", "{start, date, short} ถึง", [
        P("ICU argument(s) '{end}' of the source missing in the target")]),
    # malformed messages are findings with the place where reading failed, never a crash
    ("{count, plural, one {# file} other {# files}", "{count, plural, other {# ไฟล์}}", [
        P("the source is not a valid ICU message: expected a case keyword (one, other, =0…) or '}' (at character 45)",
          "}", None)]),
    ("{count, plural, one {# file}}", "{count, plural, other {# ไฟล์}}", [
        P("the source is not a valid ICU message: 'plural' without the required 'other' case (at character 30)",
          "}", None)]),
    ("{count, plural, other {# files}}", "{count, plural, other {# ไฟล์}", [
        P("the target is not a valid ICU message: expected a case keyword (one, other, =0…) or '}' (at character 31)",
          None, "}")]),
]


@pytest.mark.parametrize(("source", "target", "expected"), ICU_CASES,
                         ids=[f"{source!r} -> {target!r}" for source, target, _ in ICU_CASES])
def test_icu_messages(source, target, expected):
    document = BilingualDocument("ui.th.csv", "en", "th", [Segment(source, target, "ui.th.csv", 2)], "csv")
    assert shown(qa_findings(document)) == expected


def test_icu_reader_names_every_argument_in_order_and_raises_with_an_offset():
    assert argument_names(FILES) == ["count", "folder", "folder", "folder"]
    assert argument_names("Don't {verb} '{'x'}' {n, plural, other {'#' # {thing}}}") == ["verb", "n", "thing"]
    with pytest.raises(IcuSyntaxError) as error:
        argument_names("{a, plural, other {x}")
    assert error.value.offset == 21
    for broken in ("}", "{", "{a, plural}", "{a, select, one {x}}", "{, number}", "{a b}"):
        with pytest.raises(IcuSyntaxError):
            argument_names(broken)


# -- which syntaxes apply ----------------------------------------------------------------------

@pytest.mark.parametrize(("source", "flags", "expected"), [
    ("%s and %d", {"c-format"}, {"printf"}),
    ("%(name)s", {"python-format"}, {"printf", "python"}),
    ("{name}", {"python-brace-format"}, {"python-brace"}),
    ("%1 %2", {"qt-format"}, {"qt"}),
    ("${HOME}", {"sh-format"}, {"shell"}),
    ("%{name}", {"ruby-format"}, {"percent-brace", "printf"}),
    ("%s", {"no-c-format"}, set()),
    ("{name} at %0", {"no-c-format"}, {"python-brace"}),
    ("%Y-%m-%d %H:%M", set(), set()),
    ("50% of the files", set(), set()),
    ("{count, plural, other {#}}", set(), {"icu"}),
    ("{{ name }}", set(), {"mustache"}),
    ("%TEMP%", set(), {"percent"}),
])
def test_syntaxes_come_from_flags_else_from_the_text(source, flags, expected):
    assert syntaxes_for(source, "", flags) == frozenset(expected)


def test_configured_syntaxes_win_over_flags_and_text():
    assert syntaxes_for("%s {name}", "", {"c-format"}, ["icu"]) == frozenset({"icu"})
    assert syntaxes_for("%s", "", set(), []) == frozenset()


def test_escaped_percent_and_braces_are_not_placeholders():
    assert [p.text for p in find_placeholders("100%% of %d", frozenset({"printf"}))] == ["%d"]
    assert [p.text for p in find_placeholders("{{x}} {y}", frozenset({"python-brace"}))] == ["{y}"]
    # %APPDATA% reads as printf %A too; the longer %name% reading wins
    assert [(p.syntax, p.text) for p in find_placeholders("%APPDATA%\\x", frozenset({"percent", "printf"}))] == [
        ("percent", "%APPDATA%")]
    spans = [(p.start, p.end) for p in find_placeholders("a %1$s b %2$d", frozenset({"printf"}))]
    assert spans == [(2, 6), (9, 13)]
