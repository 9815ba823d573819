"""Paragraphs and sentences (trilex.lang.sentences) on composed text whose boundaries are known.

The Thai texts are written here, sentence by sentence, the way Thai news runs sentences
together: joined with a space, with spaces inside sentences too (around numbers, Latin names,
between clauses).
"""

from __future__ import annotations

import pytest

from trilex.lang.sentences import (
    THAI_SPLIT_THRESHOLD,
    paragraphs,
    sentence_pieces,
    sentence_spans,
    split_sentences,
    thai_gap_probability,
    thai_gaps,
    thai_word_tag,
    tidy,
)


def _ends(text: str, sentences: list[str], joiner: str) -> list[int]:
    """Offsets where each sentence but the last ends in ``text`` (the sentences joined)."""
    assert joiner.join(sentences) == text
    ends, pos = [], 0
    for sentence in sentences[:-1]:
        pos += len(sentence)
        ends.append(pos)
        pos += len(joiner)
    return ends


# -- paragraphs ----------------------------------------------------------------------------------


def test_paragraphs_are_blocks_between_blank_lines():
    text = "First line\ngoes on.\n\n  Second.  \n \t\n\n\nThird.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line\ngoes on.", "Second.", "Third."]


def test_without_blank_lines_each_line_is_a_paragraph():
    text = "One.\r\nTwo.\nThree.\n"
    assert [text[s:e].strip() for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]
    assert paragraphs("") == [] and paragraphs(" \n \n") == []


def test_tidy_joins_wrapped_lines():
    assert tidy("a hard-wrapped\n  English line", "en") == "a hard-wrapped English line"
    assert tidy("人工智能\n数据中心 AI\n模型", "zh") == "人工智能数据中心 AI 模型"


# -- English -------------------------------------------------------------------------------------


def test_english_abbreviations_do_not_end_sentences():
    sentences = ["Dr. Smith met Mr. Jones of the U.S. Army at 10 a.m. on Monday.",
                 "They spoke about the St. Martin's bells.", "Was it worth it?", "Yes!"]
    assert split_sentences(" ".join(sentences), "en") == sentences


def test_english_quotes_stay_with_their_sentence():
    sentences = ['"We were going to war," he said.', '"Millions of people would have died.',
                 'Now we have a great relationship."', "He left."]
    text = " ".join(sentences)
    assert split_sentences(text, "en") == sentences


def test_english_sentence_ends_are_sure():
    pieces = sentence_pieces("One sentence. Another one.", "en")
    assert [p.end_probability for p in pieces] == [pytest.approx(0.97), 1.0]


# -- Chinese -------------------------------------------------------------------------------------


def test_chinese_full_stops_question_and_exclamation_marks():
    sentences = ["人工智能数据中心已经开放。", "它有1.2万台服务器！", "这是真的吗？", "是的。"]
    assert split_sentences("".join(sentences), "zh") == sentences


def test_chinese_closing_quotes_and_brackets_stay_with_the_sentence():
    sentences = ["他说：“我们走吧。”", "然后离开了。", "（这是注释。）", "《人民日报》报道了此事。"]
    assert split_sentences("".join(sentences), "zh") == sentences


def test_chinese_ascii_quote_after_a_full_stop_opens_the_next_sentence():
    text = '“我们在朝鲜问题上处理得很好，”他说。"我们本来要开战。"'
    assert split_sentences(text, "zh") == ["“我们在朝鲜问题上处理得很好，”他说。", '"我们本来要开战。"']


def test_chinese_decimals_and_latin_full_stops_do_not_split():
    text = "增长了3.5%，达到28亿英镑。Yahoo!和 U.S. Steel 的股价上涨了。"
    assert split_sentences(text, "zh") == ["增长了3.5%，达到28亿英镑。", "Yahoo!和 U.S. Steel 的股价上涨了。"]


def test_chinese_quotation_after_a_quotation_may_end_a_sentence():
    pieces = sentence_pieces("“我们生气的时候就会哭，”“我认为这是正常的。”", "zh")
    assert len(pieces) == 2 and 0.3 < pieces[0].end_probability < 0.7


# -- Thai ----------------------------------------------------------------------------------------

#: Thai news sentences written for these tests (a story about a data centre), each with spaces
#: inside it: before a number and its unit, around Latin names, between clauses.
THAI_SENTENCES = [
    "ศูนย์ข้อมูลปัญญาประดิษฐ์แห่งใหม่เปิดให้บริการที่เมือง Nanning เมื่อวันจันทร์ที่ผ่านมา",
    "นายสมชาย ใจดี ผู้อำนวยการศูนย์ กล่าวว่า ศูนย์แห่งนี้มีเซิร์ฟเวอร์มากกว่า 1,200 เครื่อง",
    "อย่างไรก็ตาม ผู้เชี่ยวชาญหลายคนเป็นห่วงเรื่องการใช้ไฟฟ้าของศูนย์ข้อมูล",
    "เขาถามว่า \"ใครจะเป็นผู้จ่ายค่าไฟ?\"",
    "จากนั้น รัฐบาลได้ประกาศแผนการลงทุนมูลค่า 3,500 ล้านบาท ภายในปี 2568",
]
THAI_TEXT = " ".join(THAI_SENTENCES)


def test_thai_pieces_contain_every_sentence_end():
    pieces = sentence_pieces(THAI_TEXT, "th")
    piece_ends = {piece.end for piece in pieces}
    assert set(_ends(THAI_TEXT, THAI_SENTENCES, " ")) <= piece_ends
    for piece in pieces:
        assert piece.start < piece.end and THAI_TEXT[piece.start:piece.end].strip() == THAI_TEXT[piece.start:piece.end]


def test_thai_spaces_inside_a_clause_get_low_probabilities():
    pieces = sentence_pieces(THAI_TEXT, "th")
    by_end = {THAI_TEXT[:p.end]: p.end_probability for p in pieces}
    # ``1,200 | เครื่อง`` (a number and its unit), ``กล่าวว่า | ศูนย์`` ("said that"), ``3,500 | ล้าน``:
    # either no piece ends there, or one ends with a low chance of a sentence end (the true ends
    # of this text are at 0.3 or more).
    for inside in ("1,200", "กล่าวว่า", "3,500"):
        assert all(p < 0.15 for before, p in by_end.items() if before.endswith(inside)), inside


def test_thai_cues_rank_sentence_ends_above_clause_spaces():
    pieces = sentence_pieces(THAI_TEXT, "th")
    by_end = {piece.end: piece.end_probability for piece in pieces}
    ends = _ends(THAI_TEXT, THAI_SENTENCES, " ")
    # A question mark and a closing quote before the space; อย่างไรก็ตาม ("however") and
    # จากนั้น ("then") after it.
    sure = [ends[1], ends[3]]
    assert all(by_end[end] >= THAI_SPLIT_THRESHOLD for end in sure)
    inner = [p for end, p in by_end.items() if end not in ends and end != len(THAI_TEXT)]
    assert max(inner) < min(by_end[end] for end in sure)


def test_thai_split_sentences_cuts_at_the_sure_ends_and_keeps_every_character():
    got = split_sentences(THAI_TEXT, "th")
    assert " ".join(got) == THAI_TEXT
    cuts = set(_ends(THAI_TEXT, got, " "))
    ends = _ends(THAI_TEXT, THAI_SENTENCES, " ")
    assert {ends[1], ends[3]} <= cuts  # before อย่างไรก็ตาม, after ?"
    # On its own the Thai splitter also cuts at some clause spaces (its F1 on NTREX is 0.57);
    # the aligner lets the other language decide.


def test_thai_sentence_spans_join_pieces_at_unsure_spaces():
    spans = sentence_spans(THAI_TEXT, "th", threshold=1.0)
    assert spans == [(0, len(THAI_TEXT))]
    assert len(sentence_spans(THAI_TEXT, "th", threshold=0.0)) == len(sentence_pieces(THAI_TEXT, "th"))


def test_thai_without_spaces_is_one_piece():
    assert [(p.start, p.end, p.end_probability) for p in sentence_pieces("ศูนย์ข้อมูลเปิดแล้ว", "th")] == [(0, 19, 1.0)]


def test_thai_word_tags_come_from_the_orchid_tagger():
    assert thai_word_tag("และ") == "JCRG"  # "and": a conjunction continues the clause
    assert thai_word_tag("เขา") == "PPRS"  # "he": a pronoun may open a sentence
    assert thai_word_tag("คาวานอห์") == "UNK"  # a transliterated name the tagger does not know
    assert thai_word_tag("Trump") is None and thai_word_tag("") is None


def test_a_conjunction_before_a_space_lowers_the_chance_of_a_sentence_end():
    left, right = "ศูนย์ข้อมูลเปิดให้บริการแล้ว", "รัฐบาลประกาศแผนการลงทุน"
    ends = {}
    for joiner in ("", " และ"):
        paragraph = left + joiner + " " + right
        gap = thai_gaps(paragraph)[-1]
        ends[joiner] = thai_gap_probability(gap[2])
        assert ("pos_before:JCRG" in gap[2]) == bool(joiner)
    assert ends[" และ"] < ends[""] / 2
