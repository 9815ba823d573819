"""``punctuation-mismatch`` (check/qa/content/punctuation.py, facts in lang/punctuation.py), per language rule.

Chinese rules are those of GB/T 15834-2011 *标点符号用法* (General rules for punctuation): 4.1
句号 。, 4.2 问号 ？, 4.3 叹号 ！, 4.4 逗号 ，, 4.7 冒号 ：, 4.8 引号 “”‘’ (and 「」『』), 4.9 括号
（）【】, 4.11 省略号 ……, 4.15 书名号 《》〈〉 — the full-width marks of Chinese text. Thai rules are
the Royal Institute's หลักเกณฑ์การใช้เครื่องหมายวรรคตอนและเครื่องหมายอื่น ๆ: a Thai sentence ends
with a space, not a full stop (``.`` is for abbreviations such as พ.ศ.); ``?``, ``!`` and ``:`` are
used as in English; ๆ (ไม้ยมก) and ฯ (ไปยาลน้อย) are parts of words.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.termbase.model import Termbase

CODE = "punctuation-mismatch"
NO_TERMS = TermIndex(Termbase())


def findings(source: str, target: str, target_lang: str, checks=(CODE,), source_lang: str = "en"):
    document = BilingualDocument("doc.tsv", source_lang, target_lang, [Segment(source, target, "doc.tsv", 2)], "tsv")
    return run_check([document], NO_TERMS, CheckOptions(checks=list(checks))).findings


def fixed(target: str, finding) -> str:
    """``target`` with the finding's fix applied."""
    span = finding.fix.span
    assert target[span.start:span.end] == span.text
    return target[:span.start] + finding.fix.replacement + target[span.end:]


# --- Thai ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["บันทึกไฟล์แล้ว", "บันทึกไฟล์แล้ว."])
def test_thai_needs_no_final_full_stop_and_may_keep_one(target):
    # Royal Institute: Thai ends a sentence with a space, not '.'; a kept '.' is not reported either.
    assert findings("The file was saved.", target, "th") == []


@pytest.mark.parametrize("source, target", [
    ("Why did it fail?", "ทำไมจึงล้มเหลว"),               # question word ทำไม
    ("Do you want to quit?", "คุณต้องการออกหรือไม่"),     # particle หรือไม่
    ("Is it ready?", "พร้อมไหม"),                         # particle ไหม
    ("Who saved it?", "ใครบันทึกไว้"),                    # question word ใคร
    ("How many files?", "กี่ไฟล์"),                        # กี่
])
def test_a_thai_question_may_be_asked_by_its_question_word_alone(source, target):
    assert findings(source, target, "th") == []
    assert findings(source, target + "?", "th") == []  # keeping '?' is fine too


def test_a_thai_question_without_a_question_word_keeps_its_question_mark():
    target = "พร้อมแล้ว"
    [finding] = findings("Is it ready?", target, "th")
    assert finding.severity is Severity.WARNING
    assert finding.message == "the source ends with '?', the target with no end mark: add '?'"
    assert (finding.source_span.text, finding.target_span.start, finding.target_span.end) == ("?", 9, 9)
    assert fixed(target, finding) == "พร้อมแล้ว?"  # Thai keeps the half-width mark


@pytest.mark.parametrize("source, target, mark", [("Done!", "เสร็จแล้ว", "!"), ("Name:", "ชื่อ", ":"),
                                                  ("Loading...", "กำลังโหลด", "...")])
def test_thai_keeps_exclamation_colon_and_ellipsis(source, target, mark):
    [finding] = findings(source, target, "th")
    assert finding.message == f"the source ends with '{mark}', the target with no end mark: add '{mark}'"
    assert findings(source, target + mark, "th") == []


@pytest.mark.parametrize("target", ["รายการต่างๆ ฯลฯ", "เดินทางไปกรุงเทพฯ", "ค่อยๆ ทำ", "ฯพณฯ นายกรัฐมนตรี"])
def test_mai_yamok_and_paiyannoi_are_never_flagged(target):
    # ๆ and ฯ belong to the words (Royal Institute), not to the punctuation; nor are they misspellings.
    assert findings("Various things, etc.", target, "th", checks=(CODE, "thai-spelling")) == []
    # ... and they do not stand for an end mark the source asks for
    [finding] = findings("Really?!", target, "th")
    assert finding.message.startswith("the source ends with '!'")


@pytest.mark.parametrize("source, target", [("Is the house on fire?", "บ้านกำลังไฟไหม้"),
                                            ("Did you think it over?", "คุณได้ใคร่ครวญแล้ว")])
def test_a_word_containing_a_question_particle_does_not_ask(source, target):
    assert len(findings(source, target, "th")) == 1


# --- Chinese: full-width marks ---------------------------------------------------------------------


@pytest.mark.parametrize("source, target", [
    ("Save the file.", "保存文件。"),
    ("Quit now?", "现在退出？"),
    ("Done!", "完成！"),
    ("Name:", "名称："),
    ("First; second;", "第一；第二；"),
    ("Quit now?", "现在退出?"),  # the same mark class, half-width: not an end-mark finding
])
def test_full_width_chinese_marks_stand_for_english_ones(source, target):
    assert findings(source, target, "zh-CN") == []


@pytest.mark.parametrize("source, target, mark", [
    ("Save the file.", "保存文件", "。"),   # GB/T 15834 4.1: a statement ends with 。
    ("Quit now?", "现在退出", "？"),
    ("Done!", "完成", "！"),
    ("Name:", "名称", "："),
    ("Loading...", "正在加载", "……"),     # 4.11: the ellipsis is ……
])
def test_a_lost_end_mark_is_added_in_its_chinese_form(source, target, mark):
    [finding] = findings(source, target, "zh-CN")
    assert finding.message.endswith(f"the target with no end mark: add '{mark}'")
    assert finding.suggestion == mark
    assert fixed(target, finding) == target + mark


def test_another_end_mark_is_replaced():
    target = "现在退出。"
    [finding] = findings("Quit now?", target, "zh-CN")
    assert finding.message == "the source ends with '?', the target with '。'"
    assert finding.target_span.text == "。"
    assert fixed(target, finding) == "现在退出？"


def test_a_list_number_is_no_sentence_end():
    assert findings("Version 2.", "版本 2", "zh-CN") == []


def test_an_end_mark_inside_closing_quotes():
    assert findings('He asked: "Why?"', "他问：“为什么？”", "zh-CN") == []
    assert findings('He asked: "Why?"', "ถามว่า \"ทำไม\"", "th") == []


@pytest.mark.parametrize("target", ["正在加载……", "正在加载...", "正在加载…", "正在加载⋯", "正在加载。。。"])
@pytest.mark.parametrize("source", ["Loading...", "Loading…"])
def test_ellipsis_forms_are_one_mark(source, target):
    assert findings(source, target, "zh-CN") == []
    assert findings(source, target.replace("正在加载", "กำลังโหลด"), "th") == []


# --- Chinese: half-width , and . after Han --------------------------------------------------------


@pytest.mark.parametrize("target, mark, full", [
    ("保存文件,然后退出。", ",", "，"),
    ("OK,完成。", ",", "，"),           # before a Han character too
    ("保存. 然后退出。", ".", "。"),
    ("保存文件. 然后退出。", ".", "。"),
])
def test_a_half_width_comma_or_full_stop_in_chinese_text(target, mark, full):
    [finding] = findings("Save the file, then quit.", target, "zh-CN")
    assert finding.message == f"half-width '{mark}' in Chinese text: write '{full}'"
    assert finding.target_span.text == mark
    assert fixed(target, finding) == target.replace(mark, full, 1)
    assert findings("Save the file, then quit.", fixed(target, finding), "zh-CN") == []


@pytest.mark.parametrize("target", [
    "版本 3.5 已发布。",          # decimal point
    "共 1,000 元。",              # thousands separator
    "价格1,000元。",
    "请打开 文件.txt 查看。",      # file extension
    "请打开配置.ini。",
    "正在加载...",                # an ellipsis, not a full stop
])
def test_decimals_separators_extensions_and_ellipses_are_not_half_width_marks(target):
    assert findings("Version 3.5, 1,000 yuan, file.txt", target, "zh-CN") == []


def test_a_half_width_full_stop_between_chinese_characters():
    [finding] = findings("Save the file, then quit.", "保存文件.然后退出。", "zh-CN")
    assert finding.fix.replacement == "。"


def test_half_width_marks_are_only_a_chinese_rule():
    assert findings("Save the file, then quit.", "บันทึกไฟล์, แล้วออก", "th") == []


# --- balance: brackets, title marks, quotes --------------------------------------------------------


@pytest.mark.parametrize("source, target, name", [
    ("See (the manual).", "见（手册。", "parentheses"),
    ("See [the manual].", "见【手册。", "square brackets"),
    ('Read "War and Peace".', "读《战争与和平。", "title marks"),
    ('He said "hi".', "他说“你好。", "quotes"),
    ('Click "OK".', "单击“确定“。", "quotes"),     # “…“: a typo for “…”
    ('Click "OK".', "单击”确定“。", "quotes"),     # reversed (real: xfce4-panel zh_CN)
    ("See (a) and (b).", "ดู (a) และ (b", "parentheses"),
])
def test_a_pair_the_target_leaves_open(source, target, name):
    [finding] = findings(source, target, "zh-CN" if "ดู" not in target else "th")
    assert finding.message == f"the target's {name} do not balance (the source's do)"


@pytest.mark.parametrize("target", [
    "他说：“她说‘你好’。”",          # GB/T 15834 4.8.3: single quotes inside double
    "他说：「她说『你好』。」",        # corner quotes nest the same way
    '他说："你好。"',                  # straight quotes count as a pair
    "见（手册)。",                    # half- and full-width parentheses are one pair
    "读《战争与和平》。",
])
def test_balanced_and_nested_pairs(target):
    assert findings('He said: "she said \'hi\'".', target, "zh-CN") == []


def test_a_quotation_running_over_several_segments_has_no_quote_to_balance():
    # The source opens a quote it does not close: the target may leave it open too.
    assert findings('He said: "We will win.', "他说：“我们会赢。", "zh-CN") == []
    assert findings("See (the manual", "见（手册", "zh-CN") == []


def test_quotes_the_target_drops_entirely_are_not_unbalanced():
    # 《》 for a title in place of the source's quotes is Chinese usage (GB/T 15834 4.15).
    assert findings('Read "War and Peace".', "读《战争与和平》。", "zh-CN") == []


# --- the fix must not break the target ------------------------------------------------------------


@pytest.mark.parametrize("source, target, expected", [
    ("Row size (pixels):", "行大小 (像素)", "行大小 (像素)："),
    ("_Fixed icon size (pixels):", "固定图标大小(_F)", "固定图标大小(_F)："),
])
def test_an_added_end_mark_goes_after_the_closing_bracket(source, target, expected):
    [finding] = findings(source, target, "zh-CN")
    assert fixed(target, finding) == expected
