"""The Thai left edge as one scored choice: each kind of evidence on its own, then composed sentences.

The sentences are written for these tests in the shapes issue 13 describes (a verb, copula or role
noun glued before the term; a transliterated name with spaces; a head noun no table lists); none
is taken from an evaluation set.
"""

from __future__ import annotations

import gzip

import pytest
from trilex.lang.english import stem
from trilex.lang.romanize import pinyin, romanize_thai, sound_key, sounds_like
from trilex.termbase.extract import find_glosses
from trilex.termbase.extract.content import is_quantity
from trilex.termbase.extract.edge_score import Choice, confidence, find_left_edge
from trilex.termbase.extract.evidence import gloss_words, spelled_runs
from trilex.termbase.extract.lexicon import (
    frame_opener,
    is_known_name,
    name_part_head,
    word_classes,
)
from trilex.termbase.extract.meaning import head_index, word_meanings
from trilex.termbase.extract.thai_edge import is_thai_word, tokenize
from trilex.lang.wordlists.thai_english import is_person_noun, known, rendered
from trilex.lang.wordlists.build_thai_english import build


def only(text: str):
    glosses = find_glosses(text, "a.txt")
    assert len(glosses) == 1, [(g.th, g.en, g.zh) for g in glosses]
    return glosses[0]


# -- romanization and alignment -----------------------------------------------------------------

def test_thai_and_latin_spellings_of_a_name_share_a_sound_key():
    assert romanize_thai("ซินหัว") == "sinhua"
    assert sound_key(romanize_thai("หางโจว ซินหัว")) == sound_key("Hangzhou Xinhua")
    assert sounds_like("หางโจว ซินหัว", "Hangzhou Xinhua") == 1.0
    assert sounds_like("ออปติคอล", "Optical") >= 0.9          # English c is k, final l is n
    assert sounds_like("อมตะซิตี้", "Amata City") >= 0.8        # …and c before i is s
    assert sounds_like("ผู้ว่าการ", "State") < 0.5


def test_a_silent_leading_ho_is_not_read_as_a_sound():
    """ห before a sonorant only sets the tone (*ho nam*): PyThaiNLP's rules read เหลียง as *eling*."""
    assert romanize_thai("เหลียง") == "liang"
    assert romanize_thai("เหยา") == "yao"
    assert sounds_like("เหลียง", "Liang") == 1.0
    assert romanize_thai("หนังสือ") == "nangsue"


def test_amounts_with_currency_codes_and_units_are_not_names():
    for amount in ("USD 150 million", "8 GWh per year", "CNY 2 billion", "300 MW", "18 billion baht"):
        assert is_quantity(amount), amount
    for name in ("Basic Yellow 2", "Long March 6", "A320", "THEOS-3", "COVID-19"):
        assert not is_quantity(name), name
    assert find_glosses("โรงงานมีกำลังผลิต 6 กิกะวัตต์ชั่วโมงต่อปี (6 GWh per year) ตั้งแต่ปีหน้า", "a.txt") == []


def test_chinese_glosses_are_compared_through_pinyin():
    assert pinyin("杭州新华") == ("hang", "zhou", "xin", "hua")
    assert pinyin("Port 友谊关") == ("you", "yi", "guan")
    assert sounds_like("โหย่วอี้กวน", "youyiguan", is_pinyin=True) >= 0.9


def test_spelled_runs_align_thai_words_with_gloss_words():
    region = "ผู้ถือหุ้นคือบริษัท หางโจว ซินหัว ออปติคอล จำกัด"
    tokens = tokenize(region)
    runs = spelled_runs(tokens, gloss_words("Hangzhou Xinhua Optical Co., Ltd.", None))
    assert [region[run.start:run.end] for run in runs] == ["หางโจว ซินหัว ออปติคอล"]
    assert runs[0].english == frozenset({0, 1, 2})
    by_pinyin = spelled_runs(tokenize("สินค้าผ่านด่านโหย่วอี้กวน"), gloss_words(None, "友谊关口岸"))
    assert len(by_pinyin) == 1 and by_pinyin[0].pinyin == frozenset({0, 1, 2})


def test_common_words_do_not_spell_a_one_syllable_pinyin():
    assert spelled_runs(tokenize("ความร่วมมือกับจีน"), gloss_words(None, "海关")) == []


# -- what the dictionaries say ------------------------------------------------------------------

def test_head_nouns_are_learned_from_the_thai_wikipedia_titles():
    assert name_part_head("เมือง") and name_part_head("นคร")     # เมือง + คุนหมิง, นคร + หนานหนิง
    for descriptor in ("สาร", "กลุ่ม", "หนังสือพิมพ์", "แพลตฟอร์ม", "แบรนด์"):
        assert not name_part_head(descriptor), descriptor
    assert frame_opener("จำกัด") == "บริษัท"                     # บริษัท … จำกัด
    assert frame_opener("ไฟฟ้า") is None
    assert is_known_name("การรถไฟแห่งประเทศไทย") and not is_known_name("ผู้ว่าการการรถไฟแห่งประเทศไทย")


def test_word_classes_come_from_the_thai_wordnet():
    assert word_classes("ใบรับรอง") == "n"       # the ORCHID tagger calls it a verb
    assert "v" in word_classes("ก่อสร้าง")
    assert word_classes("ไม่มีคำนี้ในพจนานุกรม") == ""


def test_the_word_list_translates_thai_words_through_the_two_wordnets():
    assert rendered("อ่างเก็บน้ำ", frozenset({stem("Reservoir"), stem("Huai")})) == {"reservoir"}
    assert rendered("กลุ่ม", frozenset({stem("community"), stem("enterprise")})) == frozenset()
    assert stem("Agricultural") == stem("agriculture")
    assert known("กลุ่ม") and not known("ไม่มีคำนี้ในพจนานุกรม")
    assert is_person_noun("ประธาน") and not is_person_noun("สมาคม")     # chairman; association


def test_the_word_list_is_built_from_a_wordnet_dict_folder(tmp_path):
    # a two-synset WordNet: the Thai WordNet files เขื่อน under the first and ประธาน under the second
    (tmp_path / "data.noun").write_text(
        "  1 this is the licence header\n"
        "03160309 06 n 03 dam 0 dike 0 dyke 0 000 | a barrier\n"
        "10468559 18 n 02 president 0 chairman 0 000 | the officer who presides\n", encoding="utf-8")
    for name in ("data.verb", "data.adj", "data.adv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    out = tmp_path / "list.tsv.gz"
    count = build(tmp_path, out)
    rows = gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()
    assert count == len(rows) and rows == sorted(rows)
    assert "ประธาน\tp\tpresident|chairman" in rows and "เขื่อน\t\tdam|dike|dyke" in rows
    build(tmp_path, tmp_path / "again.tsv.gz")
    assert (tmp_path / "again.tsv.gz").read_bytes() == out.read_bytes()     # deterministic


def test_word_meanings_say_which_gloss_words_a_thai_word_renders():
    region = "ระบายน้ำจากอ่างเก็บน้ำห้วยตึงเฒ่า"
    tokens = tokenize(region)
    gloss = gloss_words("Huai Tung Tao Reservoir", None)
    meanings = word_meanings(tokens, gloss)
    head = head_index(gloss, "Huai Tung Tao Reservoir")
    opening = [m for m in meanings.values() if tokens[m.first].start == region.index("อ่างเก็บน้ำ")]
    assert head == 3 and opening and opening[0].renders == {head}
    customs = word_meanings(tokenize("ด่านศุลกากร"), gloss_words("Nong Khai Customs House", None))
    assert customs[0].renders == {2, 3}                 # customhouse: an open compound in the gloss


def test_a_thai_word_tagged_as_a_number_is_still_a_word():
    region = "ผู้บุกเบิกโครงการคือศูนย์วิจัยกาแฟน่าน"
    centre = [t for t in tokenize(region) if t.text == "ศูนย์"][0]     # *zero*, and *centre*
    assert centre.tag == "DCNM" and is_thai_word(centre)
    assert only(f"{region} (Nan Coffee Research Center) ซึ่ง").th.text == "ศูนย์วิจัยกาแฟน่าน"


def test_a_title_before_an_office_does_not_make_the_office_a_person():
    assert only("นายวิชัย สุขใจ ผู้อำนวยการโรงพยาบาลน่าน (Nan Hospital) กล่าวว่า").th.text == "โรงพยาบาลน่าน"
    assert only("ด้านนายหวัง เสี่ยวหลง (Wang Xiaolong/王小龙) ระบุว่า").th.text == "หวัง เสี่ยวหลง"


# -- the scored choice --------------------------------------------------------------------------

@pytest.mark.parametrize("text, term", [
    ("ผู้ประสานงานหลักของโครงการนี้คือสมาคมผู้ผลิตกาแฟไทย (Thai Coffee Producers Association) ซึ่งมีสมาชิก",
     "สมาคมผู้ผลิตกาแฟไทย"),
    ("คณะทำงานประกอบด้วยสถาบันวิจัยประมงน้ำจืด (Freshwater Fisheries Research Institute) และหน่วยงานท้องถิ่น",
     "สถาบันวิจัยประมงน้ำจืด"),
])
def test_copula_before_the_term_is_left_out(text, term):
    assert only(text).th.text == term


@pytest.mark.parametrize("text, term", [
    ("นายสมศักดิ์ ทองดี ผู้อำนวยการสำนักงานพัฒนาเทคโนโลยีอวกาศ (Space Technology Development Office) กล่าวว่า",
     "สำนักงานพัฒนาเทคโนโลยีอวกาศ"),
    ("ด้านนางสาวสุดา ใจงาม อธิบดีกรมประมง (Department of Fisheries) เปิดเผยว่า", "กรมประมง"),
    ("ผู้แทนองค์การอนามัยโลก (World Health Organization) กล่าวชื่นชม", "องค์การอนามัยโลก"),
])
def test_role_noun_before_an_office_is_left_out(text, term):
    assert only(text).th.text == term


@pytest.mark.parametrize("text, term", [
    ("ล่าสุดบริษัท เซินเจิ้น หัวเหมย อิเล็กทรอนิกส์ จำกัด (Shenzhen Huamei Electronics Co., Ltd.) ประกาศลงทุน",
     "บริษัท เซินเจิ้น หัวเหมย อิเล็กทรอนิกส์ จำกัด"),
    ("โรงพยาบาลจัดซื้อผ่านบริษัท โคโนะ เมดิคอล (ประเทศไทย) จำกัด (Kono Medical (Thailand) Co., Ltd.) เป็นครั้งแรก",
     "บริษัท โคโนะ เมดิคอล (ประเทศไทย) จำกัด"),
    ("ผู้ถือหุ้นใหญ่คือบริษัท สยามเรลเวย์ จำกัด (มหาชน) (Siam Railway Public Company Limited) ซึ่ง",
     "บริษัท สยามเรลเวย์ จำกัด (มหาชน)"),
])
def test_transliterated_company_names_are_kept_whole(text, term):
    assert only(text).th.text == term


@pytest.mark.parametrize("text, term", [
    ("ปริมาณสินค้าผ่านด่านโม่ฮาน (Mohan Port/磨憨口岸) เพิ่มขึ้น", "ด่านโม่ฮาน"),        # Port → ด่าน
    ("น้ำในเขื่อนศรีนครินทร์ (Srinagarind Dam) ลดลง", "เขื่อนศรีนครินทร์"),              # Dam → เขื่อน
    ("สายการบินเปิดเที่ยวบินตรงสู่เมืองกุ้ยหยาง (Guiyang/贵阳) สัปดาห์ละ 4 เที่ยว", "เมืองกุ้ยหยาง"),  # a city head
    ("ผู้บริโภคนิยมสั่งซื้อผ่านแอปพลิเคชันเถาเป่า (Taobao/淘宝) มากขึ้น", "เถาเป่า"),       # a descriptor
])
def test_heads_the_gloss_or_the_dictionary_supports_are_kept_descriptors_dropped(text, term):
    assert only(text).th.text == term


def test_amounts_and_dates_in_english_are_not_glosses():
    assert find_glosses("มูลค่าการค้ารวมกว่า 2 หมื่นล้านบาท (20 billion baht) ต่อปี", "a.txt") == []
    assert find_glosses("การประชุมจัดขึ้นวันที่ 15 มีนาคม 2570 (15 March 2027) ที่กรุงเทพฯ", "a.txt") == []
    assert only("ตรวจพบสารโกลเด้นเยลโลว์ 3 (Golden Yellow 3) ในสินค้า").th.text == "โกลเด้นเยลโลว์ 3"


def test_a_short_form_chain_takes_its_edge_evidence_from_the_gloss_after_the_short_form():
    gloss = only("ธนาคารเตรียมขยายไปสู่การชำระค่าสินค้าข้ามแดน หรือที่เรียกสั้น ๆ ว่า “จ่ายไว” "
                 "(Cross-border Goods Payment) ภายในปีหน้า")
    assert gloss.th.text == "การชำระค่าสินค้าข้ามแดน"
    assert gloss.short_forms[0].text == "จ่ายไว"


def test_confidence_is_a_calibrated_probability_that_grows_with_the_lead():
    def choice(lead: float) -> Choice:
        return Choice(0, lead, True, 0.85, "", "words")

    values = [confidence(choice(lead)) for lead in (0.0, 0.5, 1.0, 2.0)]
    assert values == sorted(values) and all(0 < v < 1 for v in values)
    edge = find_left_edge("ผู้ประสานงานหลักคือสมาคมผู้ผลิตกาแฟไทย", "Thai Coffee Producers Association")
    assert edge is not None and edge.confidence >= 0.8 and edge.review == ""
