"""The aligner (trilex.tm.align): bead types, anchors against length, paragraphs, confidence, units."""

from __future__ import annotations

import pytest

from trilex.termbase.model import AdminStatus, Concept, Term, Termbase
from trilex.tm.align import Aligner, align_texts, to_units
from trilex.tm.align.lengths import LengthCost, text_length
from trilex.tm.align.search import Costs, Side, Weights, align
from trilex.tm.align.units import BEAD_PROP, CONFIDENCE_PROP

LENGTH_ONLY = Weights(anchor_match=0.0, anchor_miss=0.0, anchor_apart=0.0, word_pairs=0.0)


def _pairs(source: str, target: str, source_lang: str, target_lang: str, **options):
    return [(p.bead, p.source, p.target) for p in Aligner(source_lang, target_lang, **options).align(source, target)]


# -- bead types ----------------------------------------------------------------------------------


def test_one_to_one():
    got = _pairs("The sky is blue. It rained for five days.", "天是蓝的。下了五天雨。", "en", "zh")
    assert got == [("1-1", "The sky is blue.", "天是蓝的。"), ("1-1", "It rained for five days.", "下了五天雨。")]


def test_two_to_one_and_one_to_two():
    english = "He arrived. She left the room quietly after dinner."
    chinese = "他到了，她晚饭后悄悄离开了房间。"
    assert _pairs(english, chinese, "en", "zh") == [("2-1", english, chinese)]
    assert _pairs(chinese, english, "zh", "en") == [("1-2", chinese, english)]


def test_one_to_zero_and_zero_to_one():
    english = "The company sold 1,200 cars in March. Exports to Europe grew. The plant in Shanghai employs 3,000 workers."
    chinese = "该公司三月份售出1200辆汽车。上海厂有3000名工人。"
    got = _pairs(english, chinese, "en", "zh")
    assert [bead for bead, _, _ in got] == ["1-1", "1-0", "1-1"]
    assert got[1] == ("1-0", "Exports to Europe grew.", "")
    back = _pairs(chinese, english, "zh", "en")
    assert [bead for bead, _, _ in back] == ["1-1", "0-1", "1-1"]


def test_two_to_two_when_the_sentences_cross():
    # Lengths 10, 100 against 100, 10: 1-1 + 1-1 is far off, the 2-2 bead fits.
    length = LengthCost("en", "en")
    source = Side([10, 100], [0.97, 1.0], [(), ()])
    target = Side([100, 10], [0.97, 1.0], [(), ()])
    beads = align(Costs(source, target, length, Weights()))
    assert [(b.source, b.target) for b in beads] == [((0, 2), (0, 2))]


def test_thai_pieces_are_joined_into_the_sentence_the_other_side_has():
    thai = "นายสมชาย ใจดี กล่าวว่า ศูนย์ข้อมูลแห่งใหม่มีเซิร์ฟเวอร์ 1,200 เครื่อง และจะเปิดในปี 2568 ผู้เชี่ยวชาญเป็นห่วงเรื่องไฟฟ้า"
    english = ("Mr. Somchai Jaidee said the new data center has 1,200 servers and will open in 2025. "
               "Experts worry about electricity.")
    got = _pairs(thai, english, "th", "en")
    assert got == [("1-1", "นายสมชาย ใจดี กล่าวว่า ศูนย์ข้อมูลแห่งใหม่มีเซิร์ฟเวอร์ 1,200 เครื่อง และจะเปิดในปี 2568",
                    "Mr. Somchai Jaidee said the new data center has 1,200 servers and will open in 2025."),
                   ("1-1", "ผู้เชี่ยวชาญเป็นห่วงเรื่องไฟฟ้า", "Experts worry about electricity.")]


# -- anchors change what length alone would decide -------------------------------------------------


def test_numbers_decide_which_sentence_was_left_out():
    english = ("The company sold 1,200 cars in March. Exports to Europe grew. "
               "The plant in Shanghai employs 3,000 workers.")
    chinese = "该公司三月份售出1200辆汽车。上海厂3000工人。"  # the middle sentence is not translated
    by_length = _pairs(english, chinese, "en", "zh", weights=LENGTH_ONLY)
    assert ("1-1", "Exports to Europe grew.", "上海厂3000工人。") in by_length  # the terse translation fits it
    with_anchors = _pairs(english, chinese, "en", "zh")
    assert ("1-1", "The plant in Shanghai employs 3,000 workers.", "上海厂3000工人。") in with_anchors
    assert ("1-0", "Exports to Europe grew.", "") in with_anchors


def test_thai_digits_and_buddhist_years_are_the_same_numbers():
    thai = "ศูนย์เปิดในปี ๒๕๖๘ มีพนักงาน ๓๕๐ คน ค่าใช้จ่ายสูงมาก"
    english = "It opened in 2025 with 350 staff. Costs were high."
    got = _pairs(thai, english, "th", "en")
    assert got[0] == ("1-1", "ศูนย์เปิดในปี ๒๕๖๘ มีพนักงาน ๓๕๐ คน", "It opened in 2025 with 350 staff.")


def test_latin_names_kept_in_the_translation_anchor_the_pair():
    english = "Sainsbury's sold its pharmacies to Lloyds. The new plan starts today."
    thai = "Sainsbury's ขายให้ Lloyds"  # a terse translation of the first sentence only
    assert _pairs(english, thai, "en", "th", weights=LENGTH_ONLY)[1] == ("1-1", "The new plan starts today.", thai)
    assert _pairs(english, thai, "en", "th")[0] == ("1-1", "Sainsbury's sold its pharmacies to Lloyds.", thai)


def _termbase() -> Termbase:
    concepts = []
    for cid, terms in (("c1", {"en": "data center", "zh": "数据中心"}), ("c2", {"en": "power grid", "zh": "电网"})):
        concept = Concept(cid)
        for lang, text in terms.items():
            concept.add_term(lang, Term(text, status=AdminStatus.PREFERRED))
        concepts.append(concept)
    return Termbase(concepts)


def test_termbase_concepts_found_on_both_sides_anchor_the_pair():
    english = "The new data center is in Nanning. The power grid was upgraded last year."
    chinese = "电网去年进行了升级。"  # the first sentence is left out; by length it fits better
    by_length = _pairs(english, chinese, "en", "zh", weights=LENGTH_ONLY)
    assert ("1-1", "The new data center is in Nanning.", "电网去年进行了升级。") in by_length
    with_terms = _pairs(english, chinese, "en", "zh", termbase=_termbase())
    assert ("1-1", "The power grid was upgraded last year.", "电网去年进行了升级。") in with_terms


# -- paragraphs, confidence, units ----------------------------------------------------------------


def test_paragraphs_are_aligned_first_and_a_missing_one_is_left_out():
    english = "\n\n".join(f"Paragraph number {n} talks about {n * 7} apples. It ends here." for n in range(1, 13))
    chinese = "\n\n".join(f"第{n}段讲了{n * 7}个苹果。到此结束。" for n in range(1, 13) if n != 5)
    pairs = Aligner("en", "zh").align(english, chinese)
    alone = [p for p in pairs if not p.is_pair]
    assert [p.source for p in alone] == ["Paragraph number 5 talks about 35 apples.", "It ends here."]
    assert all(p.bead == "1-1" for p in pairs if p.is_pair) and sum(p.is_pair for p in pairs) == 22
    assert all(p.source_line == p.target_line + (2 if p.source_line > 9 else 0) for p in pairs if p.is_pair)


def test_spans_and_lines_point_into_the_documents():
    english = "First line here.\nSecond line, also here."
    chinese = "第一行。\n第二行。"
    pairs = align_texts(english, chinese, "en", "zh")
    for pair in pairs:
        assert english[slice(*pair.source_span)] == pair.source
        assert chinese[slice(*pair.target_span)] == pair.target
    assert [(p.source_line, p.target_line) for p in pairs] == [(1, 1), (2, 2)]


def test_confidence_is_lower_for_a_doubtful_bead():
    sure = align_texts("The plant employs 3,000 workers.", "工厂有3000名工人。", "en", "zh")[0]
    doubtful = align_texts("The plant employs 3,000 workers. It is big. Very big indeed, they say.",
                           "工厂很大。", "en", "zh")
    assert 0.0 <= min(p.confidence for p in doubtful) < sure.confidence <= 1.0


def test_units_carry_confidence_and_bead_type_and_leave_out_lone_sentences():
    pairs = align_texts("Exports grew. The plant in Shanghai employs 3,000 workers.", "上海厂3000工人。", "en", "zh")
    units = list(to_units(pairs, "en", "zh", ("a.en.txt", "a.zh.txt")))
    assert len(units) == 1
    unit = units[0]
    assert [v.lang for v in unit.variants] == ["en", "zh"] and unit.variant("zh").text == "上海厂3000工人。"
    props = {prop.type: prop.value for prop in unit.props}
    assert props[BEAD_PROP] == "1-1" and 0 < float(props[CONFIDENCE_PROP]) <= 1
    assert unit.notes[0].text == "aligned from a.en.txt:1 and a.zh.txt:1"


@pytest.mark.parametrize(("text", "length"), [("a b\tc\n", 3), ("数据 中心", 4), ("ศูนย์ ข้อมูล", 11)])
def test_lengths_leave_out_white_space(text, length):
    assert text_length(text) == length


def test_length_cost_is_zero_at_the_calibrated_ratio_and_grows_away_from_it():
    cost = LengthCost("en", "zh")
    assert cost(100, round(100 * cost.ratio)) < 0.1
    assert cost(100, 40) < cost(100, 60) < cost(100, 90) < cost(100, 200)
    assert cost(0, 0) == 0.0


def test_a_long_text_without_paragraphs_is_aligned_in_blocks(monkeypatch):
    import trilex.tm.align.search as search

    english = " ".join(f"Line {n} says that {n * 13} people came{' early' * (n % 4)}." for n in range(1, 61))
    chinese = "".join(f"第{n}行说有{n * 13}人来了{'很早' * (n % 4)}。" for n in range(1, 61))
    whole = Aligner("en", "zh").align(english, chinese)
    monkeypatch.setattr(search, "COARSE_ABOVE", 100)  # 60 x 60 sentences: blocks first
    blocks = Aligner("en", "zh").align(english, chinese)
    assert [(p.source, p.target) for p in blocks] == [(p.source, p.target) for p in whole]
    assert len(blocks) == 60 and all(p.bead == "1-1" for p in blocks)
