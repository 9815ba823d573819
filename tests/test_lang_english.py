"""English case and inflection rules used by the matcher."""

from __future__ import annotations

from trilex.lang.english import acronym_spans, can_inflect, inflected_forms, is_acronym, same_stem


def test_acronyms() -> None:
    assert is_acronym("AI") and is_acronym("ASEAN") and is_acronym("COVID-19")
    assert not is_acronym("Ai") and not is_acronym("A") and not is_acronym("ai")
    assert acronym_spans("China-ASEAN AI Data Center") == [(6, 11), (12, 14)]


def test_inflected_forms_cover_regular_english() -> None:
    assert {"agents", "agent's"} <= inflected_forms("agent")
    assert {"policies", "policy's"} <= inflected_forms("policy")
    assert {"stopped", "stopping"} <= inflected_forms("stop")
    assert {"making", "made"} & inflected_forms("make") == {"making"}  # irregular forms are not guessed
    assert "box" in inflected_forms("boxes") and "policy" in inflected_forms("policies")
    assert "agent" not in inflected_forms("agent")


def test_same_stem_separates_inflections_from_other_words() -> None:
    assert same_stem("agents", "agent") and same_stem("policies", "policy")
    assert not same_stem("news", "new")


def test_only_plain_lower_case_words_inflect() -> None:
    assert can_inflect("agent")
    assert not can_inflect("AI") and not can_inflect("ai") and not can_inflect("ศูนย์")
