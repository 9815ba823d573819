"""Head nouns: the evidence a gloss gives about where its Thai term starts.

Thai noun phrases are head-first: *ศูนย์*ข้อมูลปัญญาประดิษฐ์ is a Data *Center*, *สำนัก*กิจการ…
a *Bureau*, *การประชุม*หนึ่งแถบ… a *Conference*. The English head (the last word before
``of``/``on``/``for``…) or the Chinese suffix (``中心``, ``局``, ``计划``) therefore tells which
Thai word opens the term. The tables hold kinds of institutions, documents, events and places:
the things that news articles name and gloss.
"""

from __future__ import annotations

import re

#: English head noun (lower case, singular) → Thai words that open a term with that head.
EN_HEADS: dict[str, tuple[str, ...]] = {
    "academy": ("สถาบัน", "วิทยาลัย"),
    "act": ("พระราชบัญญัติ",),
    "age": ("ยุค",),
    "agency": ("สำนักงาน", "หน่วยงาน"),
    "agreement": ("ความตกลง", "ข้อตกลง"),
    "airport": ("ท่าอากาศยาน", "สนามบิน"),
    "area": ("พื้นที่", "เขต"),
    "association": ("สมาคม",),
    "award": ("รางวัล",),
    "bank": ("ธนาคาร",),
    "base": ("ฐาน",),
    "bridge": ("สะพาน",),
    "bureau": ("สำนัก", "กรม"),
    "center": ("ศูนย์",),
    "centre": ("ศูนย์",),
    "city": ("เมือง", "นคร"),
    "club": ("สโมสร",),
    "cluster": ("คลัสเตอร์", "กลุ่ม"),
    "college": ("วิทยาลัย",),
    "commission": ("คณะกรรมาธิการ", "คณะกรรมการ"),
    "committee": ("คณะกรรมการ",),
    "company": ("บริษัท",),
    "confederation": ("สมาพันธ์",),
    "conference": ("การประชุม",),
    "corpus": ("คลังข้อมูล", "คลังภาษา"),
    "corridor": ("ระเบียง",),
    "council": ("สภา",),
    "course": ("หลักสูตร",),
    "court": ("ศาล",),
    "curriculum": ("หลักสูตร",),
    "declaration": ("ปฏิญญา",),
    "department": ("กรม",),
    "district": ("เขต",),
    "division": ("กอง", "ฝ่าย"),
    "era": ("ยุค",),
    "exam": ("การสอบ",),
    "examination": ("การสอบ",),
    "exhibition": ("นิทรรศการ", "งานแสดง"),
    "expo": ("งานแสดงสินค้า", "งานมหกรรม"),
    "federation": ("สหพันธ์", "สมาพันธ์"),
    "festival": ("เทศกาล", "งานเทศกาล"),
    "forum": ("การประชุม", "เวที"),
    "foundation": ("มูลนิธิ",),
    "fund": ("กองทุน",),
    "hospital": ("โรงพยาบาล",),
    "index": ("ดัชนี",),
    "initiative": ("โครงการริเริ่ม", "ข้อริเริ่ม", "โครงการ"),
    "institute": ("สถาบัน",),
    "island": ("เกาะ",),
    "laboratory": ("ห้องปฏิบัติการ",),
    "market": ("ตลาด",),
    "meeting": ("การประชุม",),
    "memorandum": ("บันทึกความเข้าใจ",),
    "ministry": ("กระทรวง",),
    "model": ("โมเดล", "แบบจำลอง"),
    "museum": ("พิพิธภัณฑ์",),
    "network": ("เครือข่าย",),
    "newspaper": ("หนังสือพิมพ์",),
    "office": ("สำนักงาน", "สำนัก", "กอง"),
    "organisation": ("องค์การ", "องค์กร"),
    "organization": ("องค์การ", "องค์กร"),
    "park": ("อุทยาน", "สวน"),
    "party": ("พรรค",),
    "plan": ("แผน",),
    "platform": ("แพลตฟอร์ม",),
    "policy": ("นโยบาย",),
    "port": ("ท่าเรือ",),
    "prize": ("รางวัล",),
    "program": ("โครงการ",),
    "programme": ("โครงการ",),
    "project": ("โครงการ",),
    "province": ("จังหวัด",),
    "railway": ("ทางรถไฟ", "รถไฟ"),
    "region": ("ภูมิภาค",),
    "report": ("รายงาน",),
    "satellite": ("ดาวเทียม",),
    "scenario": ("ฉากทัศน์",),
    "school": ("โรงเรียน",),
    "sensor": ("อุปกรณ์", "เซ็นเซอร์"),
    "standard": ("มาตรฐาน",),
    "statement": ("แถลงการณ์",),
    "station": ("สถานี",),
    "strategy": ("ยุทธศาสตร์",),
    "summit": ("การประชุมสุดยอด", "การประชุม"),
    "system": ("ระบบ",),
    "temple": ("วัด",),
    "treaty": ("สนธิสัญญา",),
    "union": ("สหภาพ",),
    "university": ("มหาวิทยาลัย",),
    "vehicle": ("ยานยนต์", "รถยนต์", "รถ"),
    "zone": ("เขต",),
}

#: Chinese suffix → Thai head words (longest suffix is tried first).
ZH_HEADS: dict[str, tuple[str, ...]] = {
    "中心": ("ศูนย์",),
    "局": ("สำนัก", "กรม"),
    "部": ("กระทรวง",),
    "计划": ("แผน",),
    "规划": ("แผน",),
    "声明": ("แถลงการณ์",),
    "宣言": ("ปฏิญญา",),
    "新区": ("เขต",),
    "区": ("เขต",),
    "平台": ("แพลตฟอร์ม",),
    "语料库": ("คลังข้อมูล",),
    "集群": ("คลัสเตอร์", "กลุ่ม"),
    "日报": ("หนังสือพิมพ์",),
    "大学": ("มหาวิทยาลัย",),
    "研究院": ("สถาบัน",),
    "研究所": ("สถาบัน",),
    "委员会": ("คณะกรรมการ",),
    "会议": ("การประชุม",),
    "大会": ("การประชุม",),
    "报告": ("รายงาน",),
    "指数": ("ดัชนี",),
    "公司": ("บริษัท",),
    "博览会": ("งานแสดงสินค้า",),
    "站": ("สถานี",),
    "电影节": ("เทศกาลภาพยนตร์", "เทศกาล"),
    "节": ("เทศกาล",),
    "联盟": ("สหภาพ",),
    "基金会": ("มูลนิธิ",),
    "医院": ("โรงพยาบาล",),
    "法院": ("ศาล",),
    "机场": ("ท่าอากาศยาน", "สนามบิน"),
    "博物馆": ("พิพิธภัณฑ์",),
    "协会": ("สมาคม",),
}

#: Heads of named organisations and programmes, used when a gloss is only an acronym.
NAMED_HEADS: tuple[str, ...] = (
    "ศูนย์", "สำนักงาน", "สำนัก", "กรม", "กระทรวง", "โครงการ", "มหาวิทยาลัย", "สถาบัน", "แผน",
    "การประชุม", "บริษัท", "คณะกรรมการ", "ธนาคาร", "สมาคม", "องค์การ", "องค์กร", "กองทุน", "กอง",
    "สหภาพ", "สหพันธ์", "สมาพันธ์", "มูลนิธิ", "เทศกาล", "พรรค", "ศาล", "สภา", "โรงพยาบาล",
)

_CUT_AT = re.compile(r"\s(?:of|on|for|in|to|with|at|by|from|between|towards?)\s", re.IGNORECASE)


def english_head(name: str) -> str | None:
    """The head noun of an English name, lower case and singular: ``… Bureau/…`` → ``bureau``."""
    core = _CUT_AT.split(name, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z]+", core)
    if not words:
        return None
    head = words[-1].lower()
    if head.endswith("ies"):
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and head[:-1] in EN_HEADS:
        return head[:-1]
    return head


def thai_heads(en: str | None, zh: str | None) -> tuple[str, ...]:
    """Thai words that may open the Thai term glossed by ``en`` and/or ``zh``."""
    heads: list[str] = []
    if en:
        heads.extend(EN_HEADS.get(english_head(en) or "", ()))
    if zh:
        for suffix in sorted(ZH_HEADS, key=len, reverse=True):
            if zh.rstrip().endswith(suffix):
                heads.extend(ZH_HEADS[suffix])
                break
    return tuple(dict.fromkeys(heads))
