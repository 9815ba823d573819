"""The term matcher: script-aware boundaries, longest match, case, inflection, exact spans.

The precision tests use real NTREX-128 sentences and show where a raw substring matcher (what
Weblate, Okapi and neokapi do for Thai and Chinese) reports a false hit and trilex does not.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trilex.lang.matcher import PhraseMatcher, TermMatcher
from trilex.lang.normalize import match_key
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase


def termbase_of(*entries: tuple[str, str, str, AdminStatus | None]) -> Termbase:
    """A termbase from ``(concept id, language, term, status)`` rows."""
    termbase = Termbase()
    for concept_id, lang, text, status in entries:
        concept = termbase.concept(concept_id)
        if concept is None:
            concept = Concept(concept_id)
            termbase.concepts.append(concept)
        concept.add_term(lang, Term(text, status=status))
    return termbase


def found(matcher: PhraseMatcher | TermMatcher, text: str) -> list[str]:
    return [match.text for match in matcher.find(text)]


def substring_hits(term: str, text: str) -> int:
    return text.count(term)


@pytest.fixture(scope="module")
def ntrex(request) -> dict[str, list[str]]:
    from conftest import CORPORA, need_shared

    folder = need_shared(CORPORA / "ntrex128")
    names = {"en": "newstest2019-src.eng.txt", "th": "newstest2019-ref.tha.txt", "zh": "newstest2019-ref.zho-CN.txt"}
    return {lang: (folder / name).read_text(encoding="utf-8").splitlines() for lang, name in names.items()}


@pytest.fixture(scope="module")
def thai_matcher() -> PhraseMatcher[str]:
    terms = ["ตา", "การ", "จีน", "ดู", "ปัญญา", "ปัญญาประดิษฐ์", "ข้อมูล", "ประเทศ", "ผู้ว่า", "ด้าน AI",
             "ศูนย์ข้อมูล", "ศูนย์หนาน เอ", "AI"]
    return PhraseMatcher([(term, term) for term in terms])


# --- Thai -------------------------------------------------------------------------------------

def test_thai_short_word_inside_a_longer_word_is_not_a_hit(ntrex, thai_matcher) -> None:
    line = ntrex["th"][688]  # ... แผนการของเขาสำหรับตารางอุ่นเครื่อง ... ฤดูกาล ...
    assert substring_hits("ตา", line) == 1 and substring_hits("ดู", line) == 1  # ตาราง, ฤดูกาล
    assert substring_hits("การ", line) == 2  # มีการ (a word) and แผนการ (inside a word)
    assert "ตา" not in found(thai_matcher, line)
    assert "ดู" not in found(thai_matcher, line)
    assert found(thai_matcher, line).count("การ") == 1


def test_thai_term_inside_a_compound_is_not_a_hit_but_the_compound_term_is(ntrex, thai_matcher) -> None:
    line = ntrex["th"][468]  # เนื่องจากประเทศจีน...ในเรื่องปัญญาประดิษฐ์ ... ทางด้าน AI ...
    assert substring_hits("ปัญญา", line) == 1
    hits = found(thai_matcher, line)
    assert "ปัญญา" not in hits
    assert hits[:3] == ["ประเทศ", "จีน", "ปัญญาประดิษฐ์"]  # จีน right after ประเทศ, no space
    assert "ด้าน AI" in hits  # a mixed Thai + Latin term
    assert substring_hits("ผู้ว่า", ntrex["th"][354]) == 1  # inside ผู้ว่าการ (governor)
    assert "ผู้ว่า" not in found(thai_matcher, ntrex["th"][354])


def test_thai_word_followed_directly_by_other_words_is_a_hit(thai_matcher) -> None:
    assert found(thai_matcher, "เขาปิดตาแล้ว") == ["ตา"]
    assert found(thai_matcher, "ชาวนาจีนจนถึงแก่ความตาย") == ["จีน"]
    assert found(thai_matcher, "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน") == ["ศูนย์ข้อมูล", "ปัญญาประดิษฐ์", "จีน"]


def test_thai_match_never_splits_a_cluster(thai_matcher) -> None:
    assert found(thai_matcher, "ตี") == []  # ตา vs ต + SARA II: no
    assert found(PhraseMatcher([("ก", 1)]), "กี่") == []  # a consonant without its vowel and tone
    assert found(PhraseMatcher([("จันท", 1)]), "วันจันทร์") == []  # ร์ belongs to the cluster before


def test_thai_precision_against_newmm_on_real_sentences(ntrex, thai_matcher) -> None:
    """Over 700 Thai lines: trilex hits sit on newmm word boundaries; substring hits mostly do not."""
    from trilex.lang.thai import thai_word_boundaries

    short_words = ["ตา", "การ", "ดู", "ปัญญา", "ผู้ว่า"]
    matcher = PhraseMatcher([(word, word) for word in short_words])
    ours = ours_on_words = raw = raw_on_words = 0
    for line in ntrex["th"][:700]:
        bounds = thai_word_boundaries(line)
        for word in short_words:
            index = line.find(word)
            while index >= 0:
                raw += 1
                raw_on_words += index in bounds and index + len(word) in bounds
                index = line.find(word, index + 1)
        for match in matcher.find(line):
            ours += 1
            ours_on_words += match.start in bounds and match.end in bounds
    assert raw_on_words / raw < 0.5  # a substring matcher: most hits are inside longer words
    assert ours_on_words / ours > 0.9  # trilex: hits are words
    assert ours_on_words / raw_on_words > 0.95  # and few real words are missed


# --- English ----------------------------------------------------------------------------------

def test_english_term_inside_a_longer_word_is_not_a_hit(ntrex) -> None:
    matcher = PhraseMatcher([("AI", "ai"), ("art", "art")])
    said = ntrex["en"][4]  # One Labour AM said his group ...
    assert substring_hits("ai", said.lower()) == 1 and found(matcher, said) == []
    line = ntrex["en"][471]  # "Double the AI research budget would be a good start ... in AI," said Lee.
    assert substring_hits("art", line) == 2  # start, farther
    assert found(matcher, line) == ["AI", "AI"]


def test_acronyms_are_case_sensitive_other_words_are_not() -> None:
    matcher = PhraseMatcher([("AI", 1), ("data center", 2)])
    assert found(matcher, "ai and Ai and AI") == ["AI"]
    assert found(matcher, "the Data Center and the DATA CENTER") == ["Data Center", "DATA CENTER"]


def test_english_inflections_of_the_last_word(ntrex) -> None:
    line = ntrex["en"][473]  # ... one of the most prominent AI companies in China ...
    assert found(PhraseMatcher([("AI company", 1)]), line) == ["AI companies"]
    matcher = PhraseMatcher([("policy", 2), ("organ", 3), ("new", 4)])
    assert found(matcher, "Policies and the policy's aim") == ["Policies", "policy's"]
    assert found(matcher, "an organization, the organs") == ["organs"]  # no derivations
    assert found(matcher, "the news is new") == ["new"]  # news is not an inflection of new
    assert found(PhraseMatcher([("AI agents", 1)]), "one AI agent") == ["AI agent"]


def test_rejected_long_candidate_does_not_hide_a_shorter_one() -> None:
    matcher = PhraseMatcher([("the data", 1), ("data", 2), ("AI", 3), ("AI Agent", 4)])
    assert found(matcher, "bathe data") == ["data"]
    assert found(matcher, "AI Agentur") == ["AI"]


# --- Chinese ----------------------------------------------------------------------------------

def test_chinese_matches_inside_compounds_longest_wins(ntrex) -> None:
    matcher = PhraseMatcher([("中心", 1), ("预防中心", 2), ("人工智能", 3)])
    assert found(matcher, ntrex["zh"][273]) == ["预防中心"]  # “国家灾害预防中心”: the longer term wins
    assert found(matcher, ntrex["zh"][239]) == ["中心"]  # 听证会的中心人物: inside a compound is fine
    assert found(matcher, "中国—东盟人工智能数据中心") == ["人工智能", "中心"]


def naive_leftmost_longest(keys: list[str], text: str) -> list[tuple[int, int]]:
    spans, index = [], 0
    while index < len(text):
        best = max((key for key in keys if text.startswith(key, index)), key=len, default=None)
        if best is None:
            index += 1
        else:
            spans.append((index, index + len(best)))
            index += len(best)
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="中国人工智能", min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
       st.text(alphabet="中国人工智能", max_size=30))
def test_chinese_scan_equals_naive_leftmost_longest(keys: list[str], text: str) -> None:
    matcher = PhraseMatcher([(key, key) for key in keys])
    assert [(m.start, m.end) for m in matcher.find(text)] == naive_leftmost_longest(keys, text)


# --- Unicode: spans in the original text ---------------------------------------------------------

def test_spans_point_at_the_text_as_written(thai_matcher) -> None:
    text = "ประเทศ\u200bจีน และ ＡＩ\u00a0\u00a0ข้อมูล “ปัญญาประดิษฐ์”"
    matches = thai_matcher.find(text)
    assert [m.text for m in matches] == ["ประเทศ", "จีน", "ＡＩ", "ข้อมูล", "ปัญญาประดิษฐ์"]
    for match in matches:
        assert text[match.start:match.end] == match.text


def test_spaces_between_scripts_and_inside_thai_names(thai_matcher) -> None:
    assert found(PhraseMatcher([("南 A中心", 1)]), "在南A中心和南 A中心") == ["南A中心", "南 A中心"]
    assert found(thai_matcher, "ไปที่ศูนย์หนานเอ") == ["ศูนย์หนานเอ"]
    assert found(PhraseMatcher([("หนานเอ", 1)]), "ศูนย์ หนาน เอ ใหม่") == ["หนาน เอ"]


def test_dash_variants_and_decomposed_sara_am() -> None:
    matcher = PhraseMatcher([("中国-东盟", 1), ("จีน-อาเซียน", 2), ("ทำงาน", 3)])
    assert found(matcher, "中国—东盟") == ["中国—东盟"]
    assert found(matcher, "ความร่วมมือจีน–อาเซียน") == ["จีน–อาเซียน"]
    assert found(matcher, "เขาท\u0e4d\u0e32งานที่บ้าน") == ["ท\u0e4d\u0e32งาน"]


ALPHABET = list("ตาราง จีนการข้อมูล中国人工智能AIai ＡＩ\u00a0\u200b-—said")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_every_match_is_the_term_as_written_and_matches_do_not_overlap(text: str) -> None:
    terms = ["ตา", "จีน", "ข้อมูล", "人工智能", "中国", "AI", "การ"]
    matcher = PhraseMatcher([(term, term) for term in terms])
    previous_end = 0
    for match in matcher.find(text):
        assert text[match.start:match.end] == match.text
        assert match_key(match.text) == match_key(match.payload)
        assert match.start >= previous_end
        previous_end = match.end


# --- TermMatcher over a termbase ---------------------------------------------------------------

def test_term_matcher_reports_concept_term_status_and_type() -> None:
    termbase = termbase_of(
        ("c1", "th-TH", "ปัญญาประดิษฐ์", AdminStatus.PREFERRED),
        ("c1", "zh-CN", "人工智能", AdminStatus.PREFERRED),
        ("c1", "zh-CN", "AI", None),
        ("c2", "zh-CN", "电脑", AdminStatus.DEPRECATED),
        ("c3", "zh-CN", "计算机", AdminStatus.PREFERRED),
    )
    termbase.concepts[0].terms("zh")[1].term_type = "acronym"
    matcher = TermMatcher(termbase, "zh")
    matches = matcher.find("人工智能（AI）在电脑上")
    assert [(m.text, m.concept.id, m.status, m.term_type) for m in matches] == [
        ("人工智能", "c1", AdminStatus.PREFERRED, None),
        ("AI", "c1", None, "acronym"),
        ("电脑", "c2", AdminStatus.DEPRECATED, None),
    ]
    assert [m.concept.id for m in TermMatcher(termbase, "th").find("ปัญญาประดิษฐ์")] == ["c1"]


def test_homonyms_share_a_span() -> None:
    termbase = termbase_of(("bank1", "en-US", "bank", None), ("bank2", "en-US", "bank", None))
    matches = TermMatcher(termbase, "en").find("The bank is closed.")
    assert [(m.start, m.end, m.concept.id) for m in matches] == [(4, 8, "bank1"), (4, 8, "bank2")]


def test_matcher_pickles() -> None:
    import pickle

    matcher = PhraseMatcher([("ปัญญาประดิษฐ์", 1), ("AI", 2), ("ตา", 3)])
    assert [m.payload for m in matcher.find("ตารางปัญญาประดิษฐ์")] == [1]  # fills the phrase cache
    copy = pickle.loads(pickle.dumps(matcher))
    assert [(m.text, m.payload) for m in copy.find("ปัญญาประดิษฐ์ AI")] == [("ปัญญาประดิษฐ์", 1), ("AI", 2)]
    assert [m.payload for m in copy.find("ตารางปัญญาประดิษฐ์ เขาปิดตา")] == [1, 3]


def test_zero_width_space_and_space_are_word_boundaries_in_thai(thai_matcher) -> None:
    assert found(thai_matcher, "ตาราง") == []
    assert found(thai_matcher, "ตา\u200bราง") == ["ตา"]  # the writer marked the word break
    assert found(thai_matcher, "ตา ราง") == ["ตา"]
