"""Merging glosses from several articles into concepts, and the TBX model they become."""

from __future__ import annotations

from pathlib import Path

from trilex.termbase import AdminStatus
from trilex.termbase.extract import extract_termbase

ARTICLE_A = (
    "ข่าวแรก\n"
    "ทางการได้ตั้งศูนย์ข้อมูลภูมิอากาศจีน-อาเซียน (China-ASEAN Climate Data Center/中国—东盟气候数据中心) ขึ้น "
    "โดยมีเป้าหมายเพื่อแบ่งปันข้อมูล\n"
    "อุตสาหกรรมยานยนต์ไฟฟ้า (EV) เติบโตเร็ว\n"
)
ARTICLE_B = (
    "ล่าสุด “ศูนย์ข้อมูลภูมิอากาศจีน–อาเซียนแห่งนครหนานหนิง” (China–ASEAN\u00a0Climate Data Center/中国-东盟气候数据中心) "
    "หรือที่เรียกสั้น ๆ ว่า “ศูนย์ภูมิอากาศ” (气候 A中心) เปิดแล้ว\n"
    "ตลาดรถยนต์ไฟฟ้า (EV) ขยายตัว และ “ศูนย์ภูมิอากาศ” (气候A中心) รับสมัครงาน\n"
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def build(tmp_path: Path, min_confidence: float = 0.0):
    return extract_termbase([write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)],
                            min_confidence=min_confidence)


def concept_with(termbase, text):
    found = [c for c in termbase if any(t.text == text for s in c.languages for t in s.terms)]
    assert len(found) == 1, text
    return found[0]


def test_same_name_with_dash_and_space_variants_is_one_concept(tmp_path):
    termbase = build(tmp_path)
    center = concept_with(termbase, "中国—东盟气候数据中心")
    assert [Path(p).name for p in center.sources] == ["a.txt", "b.txt"]
    # the variant spellings are one term each, stored as first written
    assert [t.text for t in center.terms("zh")] == ["中国—东盟气候数据中心", "气候 A中心"]
    assert [t.text for t in center.terms("en")] == ["China-ASEAN Climate Data Center"]
    assert len(center.terms("en")[0].contexts) == 2


def test_fullest_thai_form_is_preferred_and_short_forms_admitted(tmp_path):
    center = concept_with(build(tmp_path), "中国—东盟气候数据中心")
    thai = {t.text: t for t in center.terms("th")}
    assert thai["ศูนย์ข้อมูลภูมิอากาศจีน–อาเซียนแห่งนครหนานหนิง"].status is AdminStatus.PREFERRED
    assert thai["ศูนย์ข้อมูลภูมิอากาศจีน-อาเซียน"].status is AdminStatus.ADMITTED
    short = thai["ศูนย์ภูมิอากาศ"]
    assert (short.term_type, short.status) == ("shortForm", AdminStatus.ADMITTED)


def test_acronym_joins_thai_variants_into_one_concept(tmp_path):
    ev = concept_with(build(tmp_path), "EV")
    assert sorted(t.text for t in ev.terms("th")) == ["ยานยนต์ไฟฟ้า", "รถยนต์ไฟฟ้า"]
    assert ev.terms("en")[0].term_type == "acronym"


def test_contexts_are_sentences_with_file_and_line(tmp_path):
    center = concept_with(build(tmp_path), "中国—东盟气候数据中心")
    context = center.terms("zh")[0].contexts[0]
    assert context.source.endswith("a.txt:2")
    assert context.text.startswith("ทางการได้ตั้ง") and "โดยมีเป้าหมาย" not in context.text


def test_low_confidence_terms_are_admitted_with_a_review_note(tmp_path):
    termbase = build(tmp_path)
    ev = concept_with(termbase, "EV")
    unsure = {t.text: t for t in ev.terms("th")}["ยานยนต์ไฟฟ้า"]  # an acronym alone says little
    assert unsure.status is AdminStatus.ADMITTED
    assert unsure.notes and unsure.notes[0].startswith("confidence: 0.")
    assert "review:" in unsure.notes[0]


def test_ids_follow_first_appearance_and_min_confidence_filters(tmp_path):
    termbase = build(tmp_path)
    assert [c.id for c in termbase] == [f"c{i:03d}" for i in range(1, len(termbase) + 1)]
    assert termbase.concepts[0].terms("zh")[0].text == "中国—东盟气候数据中心"
    strict = build(tmp_path, min_confidence=0.8)
    assert not any(t.text == "ยานยนต์ไฟฟ้า" for c in strict for s in c.languages for t in s.terms)
