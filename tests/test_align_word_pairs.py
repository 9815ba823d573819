"""Word pairs across languages (trilex.tm.align.word_pairs, trilex.lang.wordlists) and how the
aligner's search weighs them."""

from __future__ import annotations

import gzip

from trilex.lang.wordlists import build_chinese_english, chinese_english
from trilex.tm.align import Aligner
from trilex.tm.align.anchors import Anchor
from trilex.tm.align.document import confidence_features
from trilex.tm.align.lengths import LengthCost
from trilex.tm.align.search import Costs, Side, Weights, align
from trilex.tm.align.word_pairs import KIND, MAX_KEYS, word_anchors


def _keys(text: str, lang: str) -> list[frozenset[str]]:
    return [anchor.keys for anchor in word_anchors(text, lang, [(0, len(text))])[0]]


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


# -- the words and what they mean ------------------------------------------------------------------


def test_a_thai_a_chinese_and_an_english_word_meet_in_english_stems():
    thai, chinese, english = _keys("อ่างเก็บน้ำ", "th"), _keys("水库", "zh"), _keys("reservoirs", "en")
    assert len(thai) == len(chinese) == len(english) == 1
    assert _shared(thai[0], english[0]) and _shared(chinese[0], english[0]) and _shared(thai[0], chinese[0])


def test_english_function_words_and_short_words_are_left_out():
    keys = _keys("The dam was closed to all of us by an order", "en")
    assert keys == [frozenset({"dam"}), frozenset({"close"}), frozenset({"order"})]


def test_a_lemma_of_several_words_stands_for_its_head():
    # อ่างเก็บน้ำ is also WordNet's "artificial lake": its head "lake", not "artificial".
    (keys,) = _keys("อ่างเก็บน้ำ", "th")
    assert "lake" in keys and "artifici" not in keys


def test_words_are_placed_in_their_pieces():
    text = "อ่างเก็บน้ำเต็ม เขื่อนปิด"
    first, second = word_anchors(text, "th", [(0, 15), (16, len(text))])
    assert [a.kind for a in first + second] == [KIND] * (len(first) + len(second))
    assert any("reservoir" in a.keys for a in first) and any("dam" in a.keys for a in second)
    assert first[0].where == 0.0 and 0.0 < first[-1].where < 1.0


def test_latin_words_in_thai_and_chinese_text_are_not_word_pairs():
    # Latin tokens are anchors of their own (kind "w"); only Thai and Han words are looked up.
    assert _keys("Chelsea", "th") == [] and _keys("Chelsea", "zh") == []


def test_languages_without_a_word_list_have_no_word_pairs():
    # French is not English: its words are not stemmed as English ones ("les", "information").
    assert _keys("Les informations sont arrivées", "fr") == []
    assert _keys("The information arrived", "en-GB") == [frozenset({"inform"}), frozenset({"arriv"})]
    assert _keys("資訊", "zh-Hant-TW") != []


def test_a_word_keeps_at_most_max_keys_stems():
    assert max(len(keys) for keys in _keys("ตัด ปิด ทำ ให้ เล่น", "th")) <= MAX_KEYS


# -- the Chinese–English word list ------------------------------------------------------------------


def test_chinese_words_by_forward_maximum_matching():
    assert chinese_english.words("建设水库") == [(0, "建设"), (2, "水库")]
    # the longest listed word wins: 世界卫生组织 over 世界, 气候变化 over 气候
    assert chinese_english.words("世界卫生组织说气候变化") == [(0, "世界卫生组织"), (6, "说"), (7, "气候变化")]
    assert chinese_english.english_glosses("气候变化") == ("climate change",)
    assert chinese_english.english_glosses("水库") == ("reservoir",)
    assert chinese_english.english_glosses("not a word") == ()


def test_cedict_glosses_keep_translations_only():
    assert build_chinese_english.glosses("to eat/(coll.) meal; food/see 吃飯|吃饭[chi1 fan4]") == ["eat", "meal", "food"]
    assert build_chinese_english.glosses("surname Wang/king; monarch/CL:個|个[ge4]") == ["king", "monarch"]
    assert build_chinese_english.glosses("variant of 裏|里[li3]") == []
    long = "the name of a very long thing"
    assert build_chinese_english.glosses(f"{long}/dam") == ["dam"]


def test_the_chinese_word_list_builds_the_same_bytes_every_time(tmp_path):
    cedict = tmp_path / "cedict.txt"
    cedict.write_text(
        "# CC-CEDICT sample\n"
        "水庫 水库 [shui3 ku4] /reservoir/\n"
        "王 王 [Wang2] /surname Wang/\n"
        "王 王 [wang2] /king; monarch/\n"
        "broken line\n", encoding="utf-8")
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    assert build_chinese_english.build(cedict, first) == 3  # 水库, 水庫, 王
    build_chinese_english.build(cedict, second)
    assert first.read_bytes() == second.read_bytes()
    rows = gzip.decompress(first.read_bytes()).decode().splitlines()
    assert rows == ["水库\treservoir", "水庫\treservoir", "王\tking|monarch"]


def test_the_build_command_reports_bad_usage(capsys):
    assert build_chinese_english.main([]) == 2
    assert "usage" in capsys.readouterr().err


# -- the search ---------------------------------------------------------------------------------------


def _word(*keys: str) -> Anchor:
    return Anchor(KIND, frozenset(keys))


def test_word_pairs_decide_where_a_piece_goes_when_lengths_cannot():
    # Three Thai pieces against two English sentences; the middle piece fits either by length.
    # Its words pair with the second sentence's, so it goes there.
    length = LengthCost("th", "en")
    words = [(_word("dam"), _word("close")), (_word("rain"), _word("heavi")), (_word("flood"),)]
    source = Side([40, 30, 30], [0.5, 0.5, 1.0], [(), (), ()], max_items=24, pieces=True, words=words)
    target = Side([50, 50], [0.97, 1.0], [(), ()],
                  words=[(_word("dam"), _word("close")), (_word("rain"), _word("heavi"), _word("flood"))])
    beads = align(Costs(source, target, length, Weights()))
    assert [(b.source, b.target) for b in beads] == [((0, 1), (0, 1)), ((1, 3), (1, 2))]
    assert beads[1].word_share == 1.0
    # the middle piece's words now in the first sentence: it goes there
    target = Side([50, 50], [0.97, 1.0], [(), ()],
                  words=[(_word("dam"), _word("close"), _word("rain"), _word("heavi")), (_word("flood"),)])
    beads = align(Costs(source, target, length, Weights()))
    assert [(b.source, b.target) for b in beads] == [((0, 2), (0, 1)), ((2, 3), (1, 2))]


def test_the_word_share_is_the_dice_coefficient_of_the_bead():
    length = LengthCost("en", "en")
    source = Side([20], [1.0], [()], words=[(_word("dam"), _word("rain"), _word("late"))])
    target = Side([20], [1.0], [()], words=[(_word("dam"),)])
    (bead,) = align(Costs(source, target, length, Weights()))
    assert bead.word_share == 2 * 1 / (3 + 1)
    # weighted into the cost: without the word pairs the same bead costs λ × share more
    (plain,) = align(Costs(source, target, length, Weights(word_pairs=0.0)))
    assert plain.cost - bead.cost == 8.0 * bead.word_share
    assert confidence_features(bead, "1-1")["words"] == bead.word_share


def test_words_without_a_partner_cost_nothing():
    length = LengthCost("en", "en")
    with_words = Side([20], [1.0], [()], words=[(_word("dam"),)])
    target = Side([20], [1.0], [()], words=[(_word("rain"),)])
    bare = Side([20], [1.0], [()])
    (bead,) = align(Costs(with_words, target, length, Weights()))
    (plain,) = align(Costs(bare, Side([20], [1.0], [()]), length, Weights()))
    assert bead.word_share == 0.0 and bead.cost == plain.cost


def test_a_thai_piece_goes_with_the_sentence_its_words_translate():
    # Two lines of NTREX-128 (newstest2019, CC BY-SA 4.0). Without word pairs "อย่างไรก็ตาม"
    # (*however*) ends the first sentence; its meaning takes it to the second.
    thai = 'เขามีความแน่นอน ตั้งใจแน่วแน่" อย่างไรก็ตาม เสียงโหวตของ Graham ที่จะได้รับการบันทึกไว้ยาวนานทีเดียว'
    english = "He was resolute, determined, unequivocal.\" Graham's vote, however, appears set in stone."
    gold = ['เขามีความแน่นอน ตั้งใจแน่วแน่"', "อย่างไรก็ตาม เสียงโหวตของ Graham ที่จะได้รับการบันทึกไว้ยาวนานทีเดียว"]
    assert [p.source for p in Aligner("th", "en").align(thai, english)] == gold
    without = Aligner("th", "en", weights=Weights(word_pairs=0.0)).align(thai, english)
    assert [p.source for p in without] != gold
