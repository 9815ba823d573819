"""``script-variant`` (check/qa/content/script_variant.py on lang/chinese_script.py, OpenCC).

The script a target must be written in comes from its language tag: zh-CN, zh-SG and zh-Hans are
Simplified, zh-TW, zh-HK and zh-Hant Traditional (CLDR likely subtags: zh-CN → zh-Hans-CN,
zh-TW → zh-Hant-TW); a bare zh names no script. The Simplified forms are those of the 通用规范汉字表
(2013) and GB/T 15834's text; the conversion and the fix come from OpenCC's phrase tables.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.termbase.model import Termbase

CODE = "script-variant"
NO_TERMS = TermIndex(Termbase())


def findings(target: str, target_lang: str, source: str = "Use this file"):
    document = BilingualDocument("doc.tsv", "en", target_lang, [Segment(source, target, "doc.tsv", 2)], "tsv")
    return run_check([document], NO_TERMS, CheckOptions(checks=[CODE])).findings


def all_fixed(target: str, found) -> str:
    """``target`` with every finding's fix applied (right to left, so offsets stay valid)."""
    for finding in sorted(found, key=lambda f: f.fix.span.start, reverse=True):
        span = finding.fix.span
        assert target[span.start:span.end] == span.text == finding.target_span.text
        target = target[:span.start] + finding.fix.replacement + target[span.end:]
    return target


@pytest.mark.parametrize("lang", ["zh-CN", "zh-Hans", "zh-SG", "zh_CN", "zh-Hans-CN"])
def test_traditional_characters_in_a_simplified_target(lang):
    target = "使用這個文件"
    [finding] = findings(target, lang)
    assert finding.severity is Severity.WARNING
    assert (finding.target_span.start, finding.target_span.end, finding.target_span.text) == (2, 4, "這個")
    assert finding.fix.replacement == finding.suggestion == "这个"
    assert "'這個' is written in Traditional characters in a Simplified" in finding.message
    assert finding.message.endswith("target: write '这个'")
    assert all_fixed(target, [finding]) == "使用这个文件"


def test_each_run_of_the_other_script_is_one_finding():
    target = "顯示確認對話框"  # 显示确认对话框 with every changed character in Traditional
    found = findings(target, "zh-CN")
    assert [(f.target_span.text, f.fix.replacement) for f in found] == [("顯", "显"), ("確認對話", "确认对话")]
    fixed = all_fixed(target, found)
    assert fixed == "显示确认对话框"
    assert findings(fixed, "zh-CN") == []


@pytest.mark.parametrize("target", ["使用这个文件", "著名干部", "乾隆皇帝", "请在后台运行", "干燥的天气里"])
def test_correct_simplified_text_is_not_reported(target):
    # 著名 (famous), 乾隆 (an era name), 后台 are Simplified: the phrase-level conversion leaves them.
    assert findings(target, "zh-CN") == []


@pytest.mark.parametrize("target", ["使用這個文件", "使用这个文件", "混用這个文件"])
def test_a_bare_zh_target_names_no_script_and_is_not_checked(target):
    assert findings(target, "zh") == []


@pytest.mark.parametrize("lang", ["zh-TW", "zh-HK", "zh-Hant", "zh-Hant-TW"])
def test_simplified_characters_in_a_traditional_target(lang):
    target = "使用这个檔案"
    [finding] = findings(target, lang)
    assert finding.target_span.text == "这个"
    assert finding.fix.replacement == "這個"
    assert f"'这个' is written in Simplified characters in a Traditional ({lang}) target" in finding.message


@pytest.mark.parametrize("target", ["使用這個檔案", "著名的幹部", "這裡", "為了", "週末"])
def test_correct_traditional_text_is_not_reported(target):
    assert findings(target, "zh-TW") == []


def test_a_simplified_character_of_two_traditional_ones_is_converted_by_phrase():
    # 干部 → 幹部 (cadre), not 乾部: OpenCC converts the phrase, not the character alone.
    [finding] = findings("著名干部", "zh-TW")
    assert (finding.target_span.text, finding.fix.replacement) == ("干", "幹")


def test_non_chinese_targets_are_not_checked():
    assert findings("使用這個文件", "th") == []
    assert findings("ใช้ไฟล์นี้", "zh-CN") == []  # no Han at all
    assert findings("Use this file", "zh-CN") == []


@pytest.mark.parametrize("target, run, replacement", [("为了这里", "为", "為"), ("在这里", "这里", "這裡"),
                                                      ("着急", "着", "著")])
def test_a_taiwan_target_is_fixed_to_taiwan_forms(target, run, replacement):
    found = findings(target, "zh-TW")
    assert (found[0].target_span.text, found[0].fix.replacement) == (run, replacement)
