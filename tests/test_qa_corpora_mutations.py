"""Mutation tests of the QA checks on the real catalogues (xfce4-panel PO th/zh_CN, WISE XLIFF).

A copy of a corpus file gets known defects injected into real units — each an edit inside one
line, so every line number stays the same — and the nine QA checks run on the copy and on the
unmodified file (the content checks, such as punctuation, are tested elsewhere). The finding
sets are diffed: each defect must be found on exactly the unit it was put into, with the right
check code, message and spans, and nothing else may change.

Defects that stay inside their unit share one mutated copy per file (the diff must then be
exactly the union of what each gives); those that reach beyond it (the header, plural forms,
consistency across units) or edit the same unit as another get a copy each.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.check.engine import CheckOptions, run_check
from trilex.check.gate import apply_gate
from trilex.termbase.model import Termbase

TH_PO = "po/xfce4-panel.th.po"
ZH_PO = "po/xfce4-panel.zh_CN.po"
WISE_ZH = "xliff/wise-client.messages.zh-Hans.xlf"
WISE_TH = "xliff/wise-client.messages.th.xlf"

QA_CODES = ("placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch", "url-mismatch",
            "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation")

#: (check, severity, line, unit id, message with the file's path replaced by FILE,
#:  source span text, target span text)
Key = tuple


@pytest.fixture(scope="module")
def corpora_dir() -> Path:
    from conftest import CORPORA, need_shared

    return need_shared(CORPORA)


def finding_keys(path: Path) -> tuple[Counter, list]:
    """The QA findings on ``path`` (inline suppressions applied), and those suppressed."""
    document = read_document(str(path), include_fuzzy=True)  # as `trilex check` reads it
    report = run_check([document], Termbase(), CheckOptions(checks=QA_CODES))
    apply_gate(report, [document])
    shown = str(path)

    def key(finding) -> Key:
        return (finding.check, finding.severity.value, finding.location.line, finding.location.unit_id,
                finding.message.replace(shown, "FILE"),
                finding.source_span.text if finding.source_span else None,
                finding.target_span.text if finding.target_span else None)

    return Counter(key(f) for f in report.findings), [key(f) for f in report.suppressed]


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` (which must occur exactly once on 1-based ``line``) with ``new``."""

    line: int
    old: str
    new: str


def mutated_copy(original: Path, edits: list[Edit], folder: Path) -> Path:
    """A copy of ``original`` under ``folder`` (same file name: it carries the language) with ``edits``."""
    lines = original.read_text(encoding="utf-8").split("\n")
    for edit in edits:
        assert lines[edit.line - 1].count(edit.old) == 1, (
            f"{original.name}:{edit.line} does not hold {edit.old!r} once: {lines[edit.line - 1]!r}")
        lines[edit.line - 1] = lines[edit.line - 1].replace(edit.old, edit.new)
    copy = folder / original.name
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy


class Baselines:
    """The findings of each unmodified corpus file, computed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, Counter] = {}

    def __call__(self, name: str) -> Counter:
        if name not in self._cache:
            self._cache[name] = finding_keys(self.root / name)[0]
        return self._cache[name]


@pytest.fixture(scope="module")
def baselines(corpora_dir) -> Baselines:
    return Baselines(corpora_dir)


def diff(baselines: Baselines, name: str, edits: list[Edit], folder: Path) -> tuple[Counter, Counter, list]:
    """(findings added, findings gone, findings suppressed) by ``edits`` to corpus file ``name``."""
    base = baselines(name)
    after, suppressed = finding_keys(mutated_copy(baselines.root / name, edits, folder))
    return after - base, base - after, suppressed


# -- the mutations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    """Edits to one corpus file and the findings they must add and take away.

    Mutations of one file whose edits stay inside their unit share one mutated copy; those
    marked ``alone`` (the header, plural forms, consistency across units) get a copy each.
    """

    name: str
    file: str
    edits: list[Edit]
    added: list[Key]
    removed: list[Key] = field(default_factory=list)
    alone: bool = False


LAUNCHER = "Create new launcher from %d desktop file"
PO_MUTATIONS = [
    Mutation("identity: an unmodified copy changes nothing", TH_PO, [Edit(1086, "จอภาพ", "จอภาพ")], [], alone=True),
    Mutation("c-format %d dropped", TH_PO, [Edit(1086, '"จอภาพ %d"', '"จอภาพ"')], [
        ("placeholder-mismatch", "error", 1085, "Monitor %d", "'%d' in the source is missing in the target",
         "%d", None)]),
    Mutation("c-format %s altered to %d", TH_PO, [Edit(1389, "%s", "%d")], [
        ("placeholder-mismatch", "error", 1388, "Internal name: %s",
         "'%s' in the source is altered to '%d' in the target", "%s", "%d")]),
    Mutation("c-format %s dropped from a long zh_CN message", ZH_PO, [Edit(1269, " %s ", "")], [
        ("placeholder-mismatch", "error", 1268, "No running instance of %s was found",
         "'%s' in the source is missing in the target", "%s", None)]),
    Mutation("c-format %d doubled in a msgstr[0]", ZH_PO, [Edit(1324, "从 %d 个", "从 %d %d 个")], [
        ("placeholder-mismatch", "error", 1322, LAUNCHER + "[0]", "'%d' in the target is not in the source",
         None, "%d")]),
    Mutation("c-format placeholders reordered without positions", ZH_PO,
             [Edit(1469, "内部名称：%s-%d", "内部名称：%d-%s")], [
                 ("placeholder-mismatch", "error", 1466, "Internal name: %s-%d\nPID: %d",
                  "printf placeholders change order (%s %d %d → %d %s %d); reordering needs positions such as %1$s",
                  None, "%d-%s\nPID：%d")]),
    Mutation("c-format placeholders reordered with positions: fine", ZH_PO,
             [Edit(1469, "内部名称：%s-%d\\nPID：%d", "内部名称：%2$d-%1$s\\nPID：%3$d")], [], alone=True),
    Mutation("fuzzy unit with a dropped %d: reported at info", TH_PO,
             [Edit(1084, "#, c-format", "#, fuzzy, c-format"), Edit(1086, '"จอภาพ %d"', '"จอภาพ"')], [
                 ("placeholder-mismatch", "info", 1085, "Monitor %d",
                  "'%d' in the source is missing in the target", "%d", None)], alone=True),
    Mutation("Pango <b> dropped", TH_PO, [Edit(145, '"<b>ทั่วไป', '"ทั่วไป')], [
        ("tag-mismatch", "error", 144, "<b>General</b>", "<b> in the source is missing in the target", "<b>", None)]),
    Mutation("Pango </b> dropped", TH_PO, [Edit(201, "ขนาด</b>", "ขนาด")], [
        ("tag-mismatch", "error", 200, "<b>Measurements</b>", "</b> in the source is missing in the target",
         "</b>", None)]),
    Mutation("Pango </span> dropped", TH_PO, [Edit(1443, "(ภายนอก)</span>", "(ภายนอก)")], [
        ("tag-mismatch", "error", 1442, '%s <span color="grey" size="small">(external)</span>',
         "</span> in the source is missing in the target", "</span>", None)]),
    Mutation("Pango span colour changed: not an attribute that must survive", TH_PO,
             [Edit(1443, 'color=\\"grey\\"', 'color=\\"gray\\"')], [], alone=True),
    Mutation("GTK accelerator removed", TH_PO, [Edit(103, "ปิ_ด", "ปิด")], [
        ("accelerator-mismatch", "warning", 102, "_Close", "the source has the accelerator '_C', the target has none",
         "_C", None)]),
    Mutation("GTK accelerator doubled", TH_PO, [Edit(128, "_สำรองและกู้คืน", "_สำรองและ_กู้คืน")], [
        ("accelerator-mismatch", "warning", 127, "_Backup and restore",
         "the target has 2 accelerators ('_ส', '_ก'), the source one", "_B", "_ก")]),
    Mutation("Chinese (_C) accelerator removed", ZH_PO, [Edit(116, "关闭(_C)", "关闭")], [
        ("accelerator-mismatch", "warning", 115, "_Close", "the source has the accelerator '_C', the target has none",
         "_C", None)]),
    Mutation("Chinese accelerator letter changed: still one accelerator", ZH_PO, [Edit(116, "(_C)", "(_G)")], [], alone=True),
    Mutation("trailing newline added", TH_PO, [Edit(1370, '%d"', '%d\\n"')], [
        ("whitespace-mismatch", "warning", 1369, "Panel %d", "the target ends with newline, the source does not",
         None, "\n")]),
    Mutation("trailing space added", TH_PO, [Edit(1436, 'หรือไม่?"', 'หรือไม่? "')], [
        ("whitespace-mismatch", "warning", 1435, "Are you sure you want to remove panel %d?",
         "the target ends with space, the source does not", None, " ")]),
    Mutation("line break inside removed", TH_PO, [Edit(1452, "%s-%d\\nPID", "%s-%d PID")], [
        ("whitespace-mismatch", "warning", 1449, "Internal name: %s-%d\nPID: %d",
         "the source has 1 line breaks inside, the target 0", None, None)]),
    Mutation("trailing space removed (zh_CN target ended with one the source lacks)", ZH_PO,
             [Edit(1793, '"傍晚 "', '"傍晚"')], [],
             [("whitespace-mismatch", "warning", 1792, "Evening", "the target ends with space, the source does not",
               None, " ")]),
    Mutation("URL added to both sides: no finding", TH_PO,
             [Edit(1208, "<%s>.", "<%s> at https://gitlab.xfce.org/panel/issues."),
              Edit(1209, "<%s>", "<%s> ที่ https://gitlab.xfce.org/panel/issuesเพื่อแก้ไข")], [], alone=True),
    Mutation("URL altered", TH_PO,
             [Edit(1208, "<%s>.", "<%s> at https://gitlab.xfce.org/panel/issues."),
              Edit(1209, "<%s>", "<%s> ที่ https://gitlab.xfce.org/panel/issue")], [
                 ("url-mismatch", "warning", 1208, "Please report bugs to <%s> at https://gitlab.xfce.org/panel/issues.",
                  "the URL 'https://gitlab.xfce.org/panel/issues' is altered to 'https://gitlab.xfce.org/panel/issue' "
                  "in the target", "https://gitlab.xfce.org/panel/issues", "https://gitlab.xfce.org/panel/issue")]),
    Mutation("e-mail address altered", ZH_PO,
             [Edit(1225, "<%s>.", "<%s> or bugs@xfce.org."), Edit(1226, "<%s>", "<%s> 或 bug@xfce.org")], [
                 ("url-mismatch", "warning", 1225, "Please report bugs to <%s> or bugs@xfce.org.",
                  "the e-mail address 'bugs@xfce.org' is altered to 'bug@xfce.org' in the target",
                  "bugs@xfce.org", "bug@xfce.org")]),
    Mutation("translator-credits e-mail changed: credits are not checked", TH_PO,
             [Edit(1350, "theppitak@gmail.com", "thep@gmail.com")], []),
    Mutation("target replaced by its source", TH_PO,
             [Edit(1326, '"เรียกทำงานคำสั่ง \\"%s\\" ไม่สำเร็จ"', '"Failed to execute command \\"%s\\""')], [
                 ("untranslated", "warning", 1325, 'Failed to execute command "%s"',
                  "the target is the source text again: untranslated", None, None)]),
    Mutation("msgstr[1] beyond nplurals=1", TH_PO,
             [Edit(1308, "", 'msgstr[1] "สร้างปุ่มเรียกโปรแกรมจากแฟ้มเดสก์ท็อป %d แฟ้ม"')], [
                 ("plural-forms", "error", 1305, LAUNCHER + "[0]",
                  "the header says nplurals=1; this message has msgstr[1] beyond them", None, None)], alone=True),
    Mutation("nplurals=2 in a Thai header", TH_PO, [Edit(22, "nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);")], [
        ("plural-forms", "error", 10, None, "the header says nplurals=2, but th has 1 plural form(s)", None, None),
        ("plural-forms", "error", 1305, LAUNCHER + "[0]", "the header says nplurals=2; this message missing msgstr[1]",
         None, None)], alone=True),
    Mutation("Language: another language", TH_PO, [Edit(21, "Language: th", "Language: lo")], [
        ("header-mismatch", "warning", 10, None, "the file declares Language: lo, but its file name says th",
         None, None)], alone=True),
    Mutation("Language: with a region only", TH_PO, [Edit(21, "Language: th", "Language: th_TH")], [
        ("header-mismatch", "info", 10, None,
         "the file declares Language: th-TH, but its file name says th (only the region or script differ)",
         None, None)], alone=True),
    Mutation("Language: Traditional Chinese in a zh_CN file", ZH_PO, [Edit(34, "Language: zh_CN", "Language: zh_TW")], [
        ("header-mismatch", "warning", 23, None, "the file declares Language: zh-TW, but its file name says zh-CN "
                                                 "(Simplified against Traditional Chinese)", None, None)], alone=True),
    Mutation("a repeated source given a second translation", TH_PO, [Edit(1521, '"ออกจากระบบ"', '"ล็อกเอาต์"')], [
        ("inconsistent-translation", "warning", 1520, "Log Out",
         "'Log Out' is translated 'ล็อกเอาต์' here, but '_ออกจากระบบ' in 4 other unit(s): "
         "FILE:1142, FILE:1524, FILE:1537 and 1 more", None, None)], alone=True),
    Mutation("the second translation on a fuzzy unit: no part in consistency", TH_PO,
             [Edit(1519, "#: plugins/actions/actions.c:163", "#, fuzzy"), Edit(1521, '"ออกจากระบบ"', '"ล็อกเอาต์"')],
             [], alone=True),
]


INTERPOLATION = '<x id="INTERPOLATION" equiv-text="{{ user.firstName }}"/>'
ICU_UNIT = "c60ff261a9fbed3d6e7284c92c7ea14452e0f474"  # {VAR_PLURAL, plural, =1 {attempt} other {attempts}}
ICU_TARGET = '<target state="needs-translation">{VAR_PLURAL, plural, =1 {attempt} other {attempts}}'
PAGINATOR = [("start", "startIndex"), ("end", "endIndex"), ("total", "length")]  # "/" translates all three
WISE_MUTATIONS = [
    Mutation("INTERPOLATION dropped", WISE_ZH, [Edit(5945, INTERPOLATION, "")], [
        ("placeholder-mismatch", "error", 5935, "17f37e96c7b8059b23c07791dca1bdb3f3f6853f",
         f"inline code {INTERPOLATION} of the source is missing in the target", "\ufffc", None)]),
    Mutation("INTERPOLATION renamed", WISE_ZH, [Edit(6173, 'id="INTERPOLATION"', 'id="INTERPOLATION_1"')], [
        ("placeholder-mismatch", "error", 6167, "e9459a08449fe148a8a37f309d9d5e298e4944ed",
         'inline code <x id="INTERPOLATION" equiv-text="{{ project.id }}"/> of the source is missing in the target',
         "\ufffc", None),
        ("placeholder-mismatch", "error", 6167, "e9459a08449fe148a8a37f309d9d5e298e4944ed",
         'inline code <x id="INTERPOLATION_1" equiv-text="{{ project.id }}"/> in the target is not in the source',
         None, "\ufffc")]),
    Mutation("START_LINK dropped", WISE_ZH, [Edit(5701, '<x id="START_LINK" ctype="x-a" equiv-text="&lt;a&gt;"/>', "")], [
        ("tag-mismatch", "error", 5695, "c6c31f501feef87ab274bd3a000b99eeb7434cff",
         'inline code <x id="START_LINK" ctype="x-a" equiv-text="&lt;a routerLink=&quot;/join&quot;&gt;"/> '
         "of the source is missing in the target", "\ufffc", None)]),
    Mutation("second CLOSE_LINK dropped", WISE_ZH,
             [Edit(5965, '登录<x id="CLOSE_LINK" ctype="x-a" equiv-text="&lt;/a&gt;"/>', "登录")], [
                 ("tag-mismatch", "error", 5959, "2d1bd68dd6cbd034f0b62c1dfabf7e17ee27081c",
                  'inline code <x id="CLOSE_LINK" ctype="x-a" equiv-text="&lt;/a&gt;"/> of the source is missing '
                  "in the target", "\ufffc", None)]),
    Mutation("translated ICU plural made malformed", WISE_ZH,
             [Edit(22059, ICU_TARGET, '<target state="translated">{VAR_PLURAL, plural, other {次}')], [
                 ("placeholder-mismatch", "error", 22053, ICU_UNIT, "the target is not a valid ICU message: expected "
                  "a case keyword (one, other, =0…) or '}' (at character 31)", None, "}")],
             # it was a needs-translation copy of its source, reported untranslated at info
             [("untranslated", "info", 22053, ICU_UNIT, "the target is the source text again: untranslated",
               None, None)]),
    Mutation("a unit with real defects marked needs-translation: its errors become info", WISE_ZH,
             [Edit(6485, 'state="translated"', 'state="needs-translation"')],
             [("placeholder-mismatch", "info", 6479, "2448240847827519051",
               f'inline code <x id="{ident}" equiv-text="{equiv}"/> of the source is missing in the target',
               "\ufffc", None) for ident, equiv in PAGINATOR],
             [("placeholder-mismatch", "error", 6479, "2448240847827519051",
               f'inline code <x id="{ident}" equiv-text="{equiv}"/> of the source is missing in the target',
               "\ufffc", None) for ident, equiv in PAGINATOR]),
    Mutation("target-language Traditional Chinese", WISE_ZH, [Edit(3, 'target-language="zh-CN"', 'target-language="zh-TW"')],
             [("header-mismatch", "warning", 3, None, "the file declares target-language zh-TW, but its file name says "
                                                      "zh-Hans (Simplified against Traditional Chinese)", None, None)],
             [("header-mismatch", "info", 3, None, "the file declares target-language zh-CN, but its file name says "
                                                   "zh-Hans (only the region or script differ)", None, None)]),
    Mutation("translated target replaced by its source", WISE_TH,
             [Edit(47, "นักเรียนและครูผู้สอน WISE", "WISE student and teacher")], [
                 ("untranslated", "warning", 41, "70ff1cc8f851490c4cb6237ec6991ef6a644d4e4",
                  "the target is the source text again: untranslated", None, None)]),
    Mutation("ICU argument renamed in a translated target", WISE_TH,
             [Edit(22059, ICU_TARGET, '<target state="translated">{COUNT, plural, other {ครั้ง}}')], [
                 ("placeholder-mismatch", "error", 22053, ICU_UNIT,
                  "ICU argument(s) '{VAR_PLURAL}' of the source missing in the target", None, None),
                 ("placeholder-mismatch", "error", 22053, ICU_UNIT,
                  "ICU argument(s) '{COUNT}' in the target are not in the source", None, None)],
             [("untranslated", "info", 22053, ICU_UNIT, "the target is the source text again: untranslated",
               None, None)]),
]
MUTATIONS = PO_MUTATIONS + WISE_MUTATIONS


def batch_of(mutation: Mutation) -> str:
    """The name of the mutated copy ``mutation`` goes into."""
    return f"{mutation.file}: {mutation.name}" if mutation.alone else f"{mutation.file}: shared"


BATCHES: dict[str, list[Mutation]] = {}
for _mutation in MUTATIONS:
    BATCHES.setdefault(batch_of(_mutation), []).append(_mutation)


class Diffs:
    """The finding diff of each batch of mutations, computed once."""

    def __init__(self, baselines: Baselines, folder_factory) -> None:
        self.baselines = baselines
        self.folder_factory = folder_factory
        self._cache: dict[str, tuple[Counter, Counter]] = {}

    def __call__(self, batch: str) -> tuple[Counter, Counter]:
        if batch not in self._cache:
            mutations = BATCHES[batch]
            edits = [edit for mutation in mutations for edit in mutation.edits]
            lines = [edit.line for edit in edits]
            assert len(lines) == len(set(lines)), f"two mutations of {batch} edit the same line"
            added, removed, _ = diff(self.baselines, mutations[0].file, edits, self.folder_factory.mktemp("mutated"))
            self._cache[batch] = (added, removed)
        return self._cache[batch]


@pytest.fixture(scope="module")
def diffs(baselines, tmp_path_factory) -> Diffs:
    return Diffs(baselines, tmp_path_factory)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: f"{Path(m.file).name}: {m.name}")
def test_injected_defect_is_found_on_its_unit(mutation, diffs):
    added, removed = diffs(batch_of(mutation))
    for key in mutation.added:
        assert added[key] == 1, f"not found: {key}\nfound instead: {sorted(added, key=str)}"
    for key in mutation.removed:
        assert removed[key] == 1, f"not gone: {key}"


@pytest.mark.parametrize("batch", list(BATCHES))
def test_untouched_units_give_no_new_finding(batch, diffs):
    added, removed = diffs(batch)
    assert added == Counter(key for mutation in BATCHES[batch] for key in mutation.added)
    assert removed == Counter(key for mutation in BATCHES[batch] for key in mutation.removed)


def test_po_suppression_in_a_real_translator_comment(baselines, tmp_path):
    # The extracted comment above "Monitor %d" becomes a translator comment with a suppression.
    edits = [Edit(1082, "#. I18N: monitor name in the output selector", "# trilex: ignore[placeholder-mismatch]"),
             Edit(1086, '"จอภาพ %d"', '"จอภาพ"')]
    added, removed, suppressed = diff(baselines, TH_PO, edits, tmp_path)
    assert (added, removed) == (Counter(), Counter())
    assert suppressed == [("placeholder-mismatch", "error", 1085, "Monitor %d",
                           "'%d' in the source is missing in the target", "%d", None)]


def test_real_chinese_accelerators_after_the_text_are_not_findings(baselines):
    # zh_CN writes the source's letter after the translation: "_Close" → "关闭(_C)", 60-odd times.
    document = read_document(str(baselines.root / ZH_PO))
    suffixed = {segment.line for segment in document.segments
                if segment.raw_target and re.search(r"[(（]_[A-Za-z0-9][)）]", segment.raw_target)}
    assert len(suffixed) > 50
    reported = {key[2] for key in baselines(ZH_PO) if key[0] == "accelerator-mismatch"}
    assert reported and not reported & suffixed
