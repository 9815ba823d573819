"""Normalization: the rules of trilex.lang.normalize, exact offsets and idempotence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trilex.lang.normalize import fold, match_key, normalize, normalize_text

# Characters that exercise every rule: Thai consonants, vowels, tone marks, SARA AM in both
# spellings, CJK (BMP and extension B), full-width forms, dashes, spaces, zero-width characters,
# Latin with combining accents.
ALPHABET = list(
    "กขคนมยรลสอหเแาำะัิีึืุู่้๊๋์ํ็ฺๅ"
    "中国东盟人工智能数据\U00020000\U0002a6d6"
    "ＡＢａｂ０１，（）－"
    "-–—‐‑−"
    " \u00a0\u3000\t\n\u200b\u200c\u200d\ufeff\u00ad"
    "aeAIzé\u0301\u0308"
)
texts = st.text(alphabet=ALPHABET, max_size=40)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_the_text_alone_is_the_text_of_the_full_normalization(text: str) -> None:
    assert normalize_text(text) == normalize(text).text


@settings(max_examples=400, deadline=None)
@given(texts)
def test_offsets_are_exact(text: str) -> None:
    result = normalize(text)
    assert len(result.offsets) == len(result.text) + 1
    assert result.offsets[-1] == len(text)
    assert result.offsets == sorted(result.offsets)
    # Every normalized character maps onto a stretch of the original that normalizes to a
    # string containing it, and the whole text maps onto the whole original minus what was dropped.
    for i, ch in enumerate(result.text):
        start, end = result.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert ch in normalize(text[start:end]).text or ch == " "
    if result.text:
        start, end = result.to_original(0, len(result.text))
        assert normalize(text[start:end]).text == result.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=15), st.text(alphabet=ALPHABET, max_size=15))
def test_span_maps_back_to_its_own_text(left: str, right: str) -> None:
    """A term found in the normalized text maps back to original text that normalizes to it."""
    term = "ศูนย์ข้อมูล"
    text = left + "\u00a0" + term + " " + right
    result = normalize(text)
    index = result.text.find(term)
    assert index >= 0
    start, end = result.to_original(index, index + len(term))
    assert text[start:end] == term


def test_full_width_latin_and_digits_become_ascii() -> None:
    assert normalize("ＡＩ ２０２４").text == "AI 2024"
    assert normalize("ＡＩ").offsets == [0, 1, 2]


def test_dash_family_folds_to_hyphen() -> None:
    for dash in "‐‑‒–—―−﹘﹣－":
        assert normalize(f"中国{dash}东盟").text == "中国-东盟"


def test_spaces_and_zero_width() -> None:
    assert normalize("AI\u00a0Agent").text == "AI Agent"
    assert normalize("AI \u3000 Agent").text == "AI Agent"
    assert normalize("ไม่\u200bใช่").text == "ไม่ใช่"
    result = normalize("ก\u200bข")
    assert result.to_original(0, 1) == (0, 1)  # the removed ZWSP is not part of ก
    assert result.to_original(1, 2) == (2, 3)


def test_sara_am_stays_composed_and_decomposed_input_is_composed() -> None:
    assert normalize("ทำงาน").text == "ทำงาน"
    assert normalize("ท\u0e4d\u0e32งาน").text == "ทำงาน"
    assert normalize("น\u0e4d\u0e49\u0e32").text == "น\u0e49\u0e33"  # น้ำ typed NIKHAHIT, MAI THO, SARA AA
    result = normalize("ท\u0e4d\u0e32งาน")
    assert result.to_original(0, 2) == (0, 3)


def test_thai_character_order() -> None:
    assert normalize("เเปลก").text == "แปลก"
    assert normalize("ก\u0e48\u0e35").text == "ก\u0e35\u0e48"  # tone typed before SARA II
    assert normalize("ก\u0e33\u0e49").text == "ก\u0e49\u0e33"  # tone typed after SARA AM
    assert normalize("ก\u0e49\u0e49").text == "ก\u0e49"  # doubled tone mark


def test_no_case_folding_in_normalize_but_in_fold() -> None:
    assert normalize("AI").text == "AI"
    assert fold("ＡＩ Agent") == "ai agent"


def test_match_key_drops_spaces_not_between_latin_words() -> None:
    assert match_key("南 A中心") == match_key("南A中心")
    assert match_key("หนาน เอ") == match_key("หนานเอ")
    assert match_key("AI Agent") == "ai agent"
    assert match_key("AI Agent") != match_key("AIAgent")
    assert match_key("จีน – อาเซียน") == match_key("จีน-อาเซียน")
    assert match_key(" ＡＩ\u00a0agent ") == "ai agent"


@settings(max_examples=500, deadline=None)
@given(texts)
def test_fast_path_agrees_with_the_full_rules(text: str) -> None:
    """The fast path may only answer when applying every rule would give the same text."""
    from trilex.lang.normalize import _fast_path, _slow_path

    fast = _fast_path(text)
    if fast is not None:
        assert _slow_path(text)[0] == fast


def test_plain_text_takes_the_fast_path_with_identity_offsets() -> None:
    from trilex.lang.normalize import normalize_spans

    for text in ("ศูนย์ข้อมูลที่ทำงาน", "中国—东盟人工智能数据中心，将于明年运营。", "AI agents\tsaid"):
        normalized, starts, ends = normalize_spans(text)
        assert starts is None and ends is None
        assert len(normalized) == len(text)
