"""``thai-spelling`` (check/qa/content/thai_spelling.py on lang/thai_spelling.py).

The order is The Unicode Standard's, chapter 16.4 (Thai): Thai is stored in logical order,
consonant first, then the vowel above or below it, then the tone mark; SARA AM (U+0E33) and
SARA AE (U+0E41) are single characters. TIS 1566 / WTT 2.0 input rules enforce the same order.
Sequences that render like the right text but are stored otherwise are findings, with the
corrected text as the fix; ZERO WIDTH SPACE, which Thai uses for line-break opportunities, is not.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.termbase.model import Termbase

CODE = "thai-spelling"
NO_TERMS = TermIndex(Termbase())


def findings(target: str, target_lang: str = "th", source: str = "Edit the file", source_lang: str = "en"):
    document = BilingualDocument("doc.tsv", source_lang, target_lang, [Segment(source, target, "doc.tsv", 2)], "tsv")
    return run_check([document], NO_TERMS, CheckOptions(checks=[CODE])).findings


def apply_fixes(target: str, found) -> str:
    for finding in sorted(found, key=lambda f: f.fix.span.start, reverse=True):
        span = finding.fix.span
        assert target[span.start:span.end] == span.text
        target = target[:span.start] + finding.fix.replacement + target[span.end:]
    return target


SARA_E, SARA_AE, NIKHAHIT, SARA_AA, SARA_AM = "\u0e40", "\u0e41", "\u0e4d", "\u0e32", "\u0e33"
MAI_EK, MAI_THO, SARA_II = "\u0e48", "\u0e49", "\u0e35"


@pytest.mark.parametrize("wrong, right, problem, span", [
    # SARA E + SARA E typed for SARA AE: "เเก้ไข" for "แก้ไข" (edit)
    (SARA_E * 2 + "ก้ไข", "แก้ไข", "two SARA E (เเ) for SARA AE (แ)", (0, 2)),
    ("ไฟล์ " + SARA_E * 2 + "ละโฟลเดอร์", "ไฟล์ และโฟลเดอร์", "two SARA E (เเ) for SARA AE (แ)", (5, 7)),
    # NIKHAHIT + SARA AA for SARA AM: "ทํางาน" for "ทำงาน" (work); the syllable is the span
    ("ท" + NIKHAHIT + SARA_AA + "งาน", "ทำงาน", "NIKHAHIT + SARA AA (ํา) for SARA AM (ำ)", (0, 3)),
    # ... with the tone mark between or before: "น้ํา"/"นํ้า" for "น้ำ" (water)
    ("น" + MAI_THO + NIKHAHIT + SARA_AA, "น้ำ", "NIKHAHIT + SARA AA (ํา) for SARA AM (ำ)", (0, 4)),
    ("น" + NIKHAHIT + MAI_THO + SARA_AA, "น้ำ", "NIKHAHIT + SARA AA (ํา) for SARA AM (ำ)", (0, 4)),
    # tone mark before the vowel above: "ก่ี" for "กี่" (how many)
    ("ก" + MAI_EK + SARA_II + "ไฟล์", "กี่ไฟล์", "a tone mark typed before its vowel", (0, 3)),
    # tone mark after SARA AM: "กำ้" for "ก้ำ"
    ("ก" + SARA_AM + MAI_THO, "ก้ำ", "a mark typed after a following vowel", (0, 3)),
    # the same mark twice: "ที่่" for "ที่" (at)
    ("ที่" + MAI_EK + "นี่", "ที่นี่", "a doubled mark", (0, 4)),
])
def test_a_misordered_sequence_is_reported_with_the_corrected_text(wrong, right, problem, span):
    [finding] = findings(wrong)
    assert finding.severity is Severity.WARNING
    assert (finding.target_span.start, finding.target_span.end) == span
    assert finding.target_span.text == wrong[span[0]:span[1]]
    assert finding.message == f"{problem} in the target: write '{finding.fix.replacement}'"
    assert finding.suggestion == finding.fix.replacement
    assert apply_fixes(wrong, [finding]) == right
    assert findings(right) == []


@pytest.mark.parametrize("text", [
    "แก้ไขไฟล์และโฟลเดอร์", "น้ำ", "ทำงาน", "กี่ไฟล์", "ที่นี่", "ก้ำกึ่ง", "สิทธิ์", "ศักดิ์สิทธิ์", "กั้น",
    "รายการต่างๆ ฯลฯ", "กรุงเทพฯ", "ฤๅษี", "พุทธํ", "Wi-Fi ที่บ้าน", "๑๒๓ บาท",
])
def test_correctly_stored_thai_is_not_reported(text):
    assert findings(text) == []


@pytest.mark.parametrize("before", ["ไฟ", "ไฟล์"])
def test_a_doubled_sara_e_after_a_word_spans_only_the_two_sara_e(before):
    [finding] = findings(before + SARA_E * 2 + "ละโฟลเดอร์")
    start = len(before)
    assert (finding.target_span.start, finding.target_span.end, finding.fix.replacement) == (start, start + 2, SARA_AE)


def test_two_different_tone_marks_on_one_consonant():
    [finding] = findings("ก" + MAI_EK + MAI_THO + "ไฟล์")
    assert finding.message == "two tone marks on one consonant in the target"
    assert finding.target_span.text == "ก" + MAI_EK + MAI_THO
    assert finding.fix is None  # which of the two was meant cannot be told


def test_several_problems_are_each_reported_and_fixed():
    wrong = SARA_E * 2 + "ก้ไขแล้ว ท" + NIKHAHIT + SARA_AA + "ต่อ"
    found = findings(wrong)
    assert [f.target_span.text for f in found] == [SARA_E * 2, "ท" + NIKHAHIT + SARA_AA]
    assert apply_fixes(wrong, found) == "แก้ไขแล้ว ทำต่อ"


def test_a_mark_with_no_consonant_has_a_place_but_no_fix():
    [finding] = findings(MAI_EK + "กา")
    assert finding.message == "a combining mark with no consonant under it in the target"
    assert (finding.target_span.start, finding.target_span.end) == (0, 1)
    assert finding.fix is None and finding.suggestion is None


@pytest.mark.parametrize("char", ["\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"])
def test_stray_invisible_characters_are_removed(char):
    wrong = "ตัด" + char + "คำ"
    [finding] = findings(wrong)
    assert finding.message == "an invisible character in the target"
    assert finding.target_span.text == char
    assert apply_fixes(wrong, [finding]) == "ตัดคำ"


def test_zero_width_space_marks_thai_word_breaks_and_is_not_reported():
    assert findings("ตัด\u200bคำ\u200bภาษา\u200bไทย") == []
    assert findings("\ufeffตัดคำ") == []  # a BOM at the very start is an encoding signature


def test_a_thai_source_is_reported_without_a_fix():
    [finding] = findings("Edit", "en", source=SARA_E * 2 + "ก้ไข", source_lang="th")
    assert finding.message == "two SARA E (เเ) for SARA AE (แ) in the source (should be 'แ')"
    assert finding.source_span.text == SARA_E * 2
    assert finding.target_span is None and finding.fix is None


def test_only_thai_texts_are_checked():
    assert findings(SARA_E * 2 + "ก้ไข", "zh-CN") == []
    assert findings(SARA_E * 2 + "ก้ไข", "en") == []
    assert len(findings(SARA_E * 2 + "ก้ไข", "th-TH")) == 1
