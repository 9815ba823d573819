"""The gloss finder on each gloss shape, with sentences composed the way Thai news writes them."""

from __future__ import annotations

import pytest

from trilex.termbase.extract import find_glosses


def only(text: str):
    glosses = find_glosses(text, "a.txt")
    assert len(glosses) == 1, [(g.th, g.en, g.zh) for g in glosses]
    return glosses[0]


def test_spans_point_into_the_text_with_lines():
    text = "บรรทัดแรก\nเมื่อวานนี้มีการเปิด “ศูนย์วิจัยปัญญาประดิษฐ์ไทย-จีน” (Thailand-China AI Research Center/泰中人工智能研究中心) ที่กรุงเทพฯ\n"
    gloss = only(text)
    for term in gloss.terms():
        assert text[term.start:term.end] == term.text
        assert term.line == 2
    assert gloss.path == "a.txt"


def test_quoted_thai_then_english_then_chinese_with_nested_acronym():
    gloss = only("มีการเปิด “ศูนย์วิจัยปัญญาประดิษฐ์ไทย-จีน” (Thailand-China Artificial Intelligence (AI) "
                 "Research Center/ 泰中人工智能研究中心) ที่กรุงเทพฯ")
    assert gloss.th.text == "ศูนย์วิจัยปัญญาประดิษฐ์ไทย-จีน"
    assert gloss.en.text == "Thailand-China Artificial Intelligence (AI) Research Center"
    assert gloss.zh.text == "泰中人工智能研究中心"
    assert gloss.confidence >= 0.9


def test_chinese_first_and_short_form_joins_the_same_gloss():
    gloss = only("โดยมี “ศูนย์ความร่วมมือด้านข้อมูลจีน-ไทย” (中泰数据合作中心/China-Thailand Data Cooperation Center) "
                 "หรือที่เรียกสั้น ๆ ว่า “ศูนย์จีนไทย” (中泰中心) เป็นเจ้าภาพ")
    assert gloss.zh.text == "中泰数据合作中心"
    assert gloss.en.text == "China-Thailand Data Cooperation Center"
    assert [(s.text, s.lang, s.term_type) for s in gloss.short_forms] == [
        ("ศูนย์จีนไทย", "th", "shortForm"), ("中泰中心", "zh", "shortForm")]


def test_unquoted_thai_starts_after_the_function_word():
    glosses = find_glosses("ทางการได้ตั้งสำนักงานสถิติแห่งชาติ (National Statistics Office/国家统计局) "
                           "และศูนย์ข้อมูลภูมิอากาศจีน-อาเซียน (China-ASEAN Climate Data Center/中国—东盟气候数据中心) ขึ้น")
    assert [g.th.text for g in glosses] == ["สำนักงานสถิติแห่งชาติ", "ศูนย์ข้อมูลภูมิอากาศจีน-อาเซียน"]
    assert all(g.confidence >= 0.8 for g in glosses)


def test_head_noun_reaches_across_an_ordinal():
    gloss = only("รัฐมนตรีเข้าร่วมการประชุมว่าด้วยความร่วมมือด้านพลังงานสะอาด ครั้งที่ 3 "
                 "(The third Conference on Clean Energy Cooperation: CECC) ณ กรุงเทพฯ")
    assert gloss.th.text == "การประชุมว่าด้วยความร่วมมือด้านพลังงานสะอาด ครั้งที่ 3"
    assert gloss.en.text == "The third Conference on Clean Energy Cooperation"
    assert gloss.acronym.text == "CECC"


@pytest.mark.parametrize("text, name", [
    ("การประชุมนี้มีนางหลี่ ฮวา (Li Hua/李华) ประธานบริษัทเข้าร่วม", "หลี่ ฮวา"),
    ("โดยมี ศ.ดร. สมชาย ใจดี (Somchai Jaidee) เป็นประธาน", "สมชาย ใจดี"),
    ("ด้านนายหวัง เฟิง (王峰) กล่าวว่า", "หวัง เฟิง"),
    ("หลังจากที่ประธานาธิบดีสี จิ้น ผิง (Xi Jinping/习近平) ได้ริเริ่ม", "สี จิ้น ผิง"),
    ("โดยมีนายฌอง-ปิแอร์ ดูปองต์ (Jean-Pierre Dupont) ร่วมงาน", "ฌอง-ปิแอร์ ดูปองต์"),
])
def test_person_title_is_not_part_of_the_name(text, name):
    gloss = only(text)
    assert gloss.th.text == name
    assert gloss.shape == "person"


def test_acronym_after_dash_or_colon_and_acronym_only_gloss():
    dash = only("รัฐบาลผลักดันระเบียงเศรษฐกิจพิเศษภาคตะวันออก (Eastern Economic Corridor – EEC) อย่างต่อเนื่อง")
    assert (dash.en.text, dash.acronym.text) == ("Eastern Economic Corridor", "EEC")
    assert dash.th.text == "ระเบียงเศรษฐกิจพิเศษภาคตะวันออก"
    bare = only("นักวิจัยจากมหาวิทยาลัยเกษตรศาสตร์ (KU) ร่วมงาน")
    assert bare.en is None and bare.acronym.text == "KU"
    assert bare.th.text == "มหาวิทยาลัยเกษตรศาสตร์"


def test_acronym_with_its_expansion_and_a_latin_name_glossed_in_chinese():
    acronym = only("รถยนต์ของ BYD (Build Your Dreams) ขายดี")
    assert (acronym.acronym.text, acronym.en.text, acronym.th) == ("BYD", "Build Your Dreams", None)
    company = only("บริษัท Lotus Robotics (莲花机器人公司) ได้ลงทุนเพิ่ม")
    assert (company.en.text, company.zh.text, company.th) == ("Lotus Robotics", "莲花机器人公司", None)


def test_thai_or_acronym_then_expansion():
    gloss = only("“ปัญญาประดิษฐ์” หรือ AI (Artificial Intelligence) กำลังเติบโต")
    assert (gloss.th.text, gloss.acronym.text, gloss.en.text) == ("ปัญญาประดิษฐ์", "AI", "Artificial Intelligence")


def test_glosses_without_brackets():
    thai_first = only("บริษัทตั้งหน่วยงานย่อย หรือ Task Force ขึ้นมาดูแล")
    assert (thai_first.th.text, thai_first.en.text) == ("หน่วยงานย่อย", "Task Force")
    latin_first = only("แนวคิด “Smart City” หรือเมืองอัจฉริยะ เป็นที่นิยม")
    assert (latin_first.en.text, latin_first.th.text) == ("Smart City", "เมืองอัจฉริยะ")
    assert latin_first.confidence < 0.8 and latin_first.review


def test_a_latin_word_the_gloss_does_not_cover_stays_outside():
    gloss = only("ผ่านการพัฒนาแพลตฟอร์มการเรียนรู้ AI (Learning Platform) ของรัฐ")
    assert gloss.th.text == "แพลตฟอร์มการเรียนรู้"


@pytest.mark.parametrize("text", [
    "เมื่อวันนี้ (5 มีนาคม 2567) มีการประชุม",
    "ภายในปี 2573 (ค.ศ. 2030) จีนตั้งเป้า",
    "สถาบันวิจัยแสงซินโครตรอน (สซ.) ได้รับทุน",
    "ที่มา เว็บไซต์ www.example.cn (新华网) วันที่ 3 มีนาคม",
    "มูลค่ารวม (1,200 ล้านบาท) ต่อปี",
    "ความร่วมมือกับกว่างซี(จีน) และไทย",
    "ประเทศที่ไม่ใช่สหรัฐ หรือยุโรปก็ทำได้",
])
def test_not_terms(text):
    assert find_glosses(text, "a.txt") == []


def test_uncertain_edge_is_reported_not_dropped():
    gloss = only("อุตสาหกรรมยานยนต์ไฟฟ้า (EV) เติบโตเร็ว")
    assert gloss.th.text == "ยานยนต์ไฟฟ้า"
    assert 0 < gloss.confidence < 0.8
    assert "check" in gloss.review
    sure = only("ซึ่งสามารถรองรับการอนุมาน (Inference) ได้")
    assert sure.th.text == "การอนุมาน" and sure.confidence >= 0.8 and not sure.review


def test_comma_between_english_and_chinese_and_language_labels():
    listed = only("เยี่ยมชมงานแสดงสินค้าจีน-อาเซียน (China-ASEAN Expo, 中国—东盟博览会) ที่หนานหนิง")
    assert (listed.th.text, listed.en.text, listed.zh.text) == (
        "งานแสดงสินค้าจีน-อาเซียน", "China-ASEAN Expo", "中国—东盟博览会")
    labelled = only("แนวคิด “เมืองอัจฉริยะ” (อังกฤษ: Smart City) แพร่หลาย")
    assert (labelled.th.text, labelled.en.text) == ("เมืองอัจฉริยะ", "Smart City")
    one_name = only("ใต้หัวข้อ “ร่วมกันเพื่ออนาคต” (Together for the Future, Growth for All) ในปีนี้")
    assert one_name.en.text == "Together for the Future, Growth for All"


@pytest.mark.parametrize("text, name, thai", [
    ("แนวคิด Smart City (เมืองอัจฉริยะ) กำลังแพร่หลาย", "Smart City", "เมืองอัจฉริยะ"),
    ("โครงการ “Digital Silk Road” (เส้นทางสายไหมดิจิทัล) เริ่มแล้ว", "Digital Silk Road", "เส้นทางสายไหมดิจิทัล"),
    ("รัฐบาลผลักดัน EEC (ระเบียงเศรษฐกิจพิเศษภาคตะวันออก) ต่อเนื่อง", "EEC", "ระเบียงเศรษฐกิจพิเศษภาคตะวันออก"),
])
def test_foreign_name_glossed_in_thai(text, name, thai):
    gloss = only(text)
    assert gloss.th.text == thai
    assert (gloss.acronym or gloss.en).text == name
    assert gloss.review


@pytest.mark.parametrize("text", [
    "บริษัท GT (เมียนมา) และบริษัท Longhao",
    "5,000 PFlops (1 PFlops เท่ากับ 1,000 ล้านล้าน) ต่อวินาที",
    "สตาร์ทอัป DeepSeek (จีน) เปิดตัวโมเดล",
])
def test_thai_remarks_after_foreign_names_are_not_glosses(text):
    assert find_glosses(text, "a.txt") == []


def test_generic_head_the_gloss_does_not_cover_is_left_out():
    assert only("ในอุตสาหกรรมรถโดยสารไฟฟ้า (EB) ของจีน").th.text == "รถโดยสารไฟฟ้า"
    assert only("ผู้นำในอุตสาหกรรมยานยนต์ไฟฟ้า (EV Industry) ของโลก").th.text == "อุตสาหกรรมยานยนต์ไฟฟ้า"
    assert only("แนวคิดเมืองอัจฉริยะ (Smart City) แพร่หลาย").th.text == "เมืองอัจฉริยะ"
    assert only("เราได้เห็นตลาดรถยนต์ไฟฟ้ามือสอง (used EV) เติบโต").th.text == "รถยนต์ไฟฟ้ามือสอง"
    assert only("เราได้เห็นตลาดรถยนต์ไฟฟ้ามือสอง (used EV market) เติบโต").th.text == "ตลาดรถยนต์ไฟฟ้ามือสอง"
