"""Number reading: trilex.lang.numbers (with digits, numerals_zh, numerals_th and dates).

Unit tests per rule (each positive reading next to the trap it must avoid) and property tests:
values written by real formatters (Python's ``format``, PyThaiNLP, cn2an) read back to themselves.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit, num_to_thaiword

from trilex.lang.numbers import NumberMention, find_numbers, same_number
from trilex.lang.numerals_th import parse_thai_number_words
from trilex.lang.numerals_zh import parse_han_number


def read(text: str, lang: str) -> list[tuple[str, Decimal, str]]:
    """``(text as written, value, kind)`` of every mention, checking the spans on the way."""
    mentions = find_numbers(text, lang)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.value in mention.values
        assert isinstance(mention.value, Decimal)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    return [(m.text, m.value, m.kind) for m in mentions]


def values(text: str, lang: str) -> list[Decimal]:
    return [value for _, value, _ in read(text, lang)]


def one(text: str, lang: str) -> NumberMention:
    mentions = find_numbers(text, lang)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- digits --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("1,000", 1000),
    ("12,345,678.9", Decimal("12345678.9")),
    ("1 000", 1000),
    ("1\u202f000\u00a0000", 1000000),
    ("3.14", Decimal("3.14")),
    ("0.5", Decimal("0.5")),
    (".5", Decimal("0.5")),
    ("-7", -7),
    ("\u22127.5", Decimal("-7.5")),
    ("๑,๒๓๔.๕", Decimal("1234.5")),
    ("１２３", 123),
])
def test_digit_forms(text: str, expected) -> None:
    mention = one(text, "en")
    assert mention.value == Decimal(expected)
    assert mention.text == text
    assert mention.kind == "number"


def test_separators_must_group_by_three() -> None:
    assert values("1,2345", "en") == [1, 2345]
    assert values("1,000,2", "en") == [1, 0, 2]  # a list, not a number
    assert values("call 2 123 4567", "en") == [2, 123, 4567]  # a phone number, not 2123
    assert values("100，200", "zh") == [100, 200]  # the full-width comma separates items


def test_versions_times_phones_and_ids_are_plain_numbers() -> None:
    assert values("version 2.5.1", "en") == [2, 5, 1]  # not 2.5 and .1
    assert values("192.168.0.1", "en") == [192, 168, 0, 1]
    assert values("at 10:30", "en") == [10, 30]
    assert values("call 02-123-4567", "en") == [2, 123, 4567]  # hyphens are not minus signs
    assert values("A-12 and COVID-19", "en") == [12, 19]
    assert values("10 - 20", "en") == [10, 20]  # a range
    assert values("from -5 to -10", "en") == [-5, -10]


def test_times_written_with_a_point() -> None:
    assert values("เวลา 10.30 น.", "th") == [10, 30]  # Thai official style for 10:30
    assert values("at 9.05 am", "en") == [9, 5]
    assert values("3.25 เมตร", "th") == [Decimal("3.25")]  # a length stays a decimal


def test_spans_are_offsets_in_the_original_text() -> None:
    text = "ราคา\u00a0๑,๒๐๐ บาท 中文１２"
    mentions = find_numbers(text, "th")
    assert [(m.start, m.end, m.text) for m in mentions] == [(5, 10, "๑,๒๐๐"), (17, 19, "１２")]


# --- percent -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, written", [
    ("rose 50%", "en", "50%"),
    ("rose 50 %", "en", "50 %"),
    ("rose 50 percent", "en", "50 percent"),
    ("rose 50 per cent", "en", "50 per cent"),
    ("50％", "zh", "50％"),
    ("เพิ่มขึ้นร้อยละ 50", "th", "ร้อยละ 50"),
    ("เพิ่มขึ้น 50 เปอร์เซ็นต์", "th", "50 เปอร์เซ็นต์"),
    ("เพิ่มขึ้นร้อยละห้าสิบ", "th", "ร้อยละห้าสิบ"),
    ("增长百分之五十", "zh", "百分之五十"),
    ("增长百分之50", "zh", "百分之50"),
])
def test_percent(text: str, lang: str, written: str) -> None:
    mention = one(text, lang)
    assert (mention.text, mention.value, mention.kind) == (written, 50, "percent")


def test_percent_odd_cases() -> None:
    assert read("百分之百", "zh") == [("百分之百", 100, "percent")]
    assert read("百分之三点五", "zh") == [("百分之三点五", Decimal("3.5"), "percent")]
    assert read("-2.5%", "en") == [("-2.5%", Decimal("-2.5"), "percent")]
    assert read("三分之一", "zh") == []  # fractions are not read
    assert read("千分之五", "zh") == []


# --- scale words ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, written, expected", [
    ("a 3.5 million budget", "en", "3.5 million", 3_500_000),
    ("1.2 billion", "en", "1.2 billion", 1_200_000_000),
    ("10 thousand", "en", "10 thousand", 10_000),
    ("2 trillion", "en", "2 trillion", 2 * 10**12),
    ("$3.5bn", "en", "3.5bn", 3_500_000_000),
    ("10k users", "en", "10k", 10_000),
    ("$5m", "en", "5m", 5_000_000),
    ("5M users", "en", "5M", 5_000_000),
    ("งบ 1,200 ล้านบาท", "th", "1,200 ล้าน", 1_200_000_000),
    ("3.5 ล้าน", "th", "3.5 ล้าน", 3_500_000),
    ("5 พันล้าน", "th", "5 พันล้าน", 5 * 10**9),
    ("2 หมื่นคน", "th", "2 หมื่น", 20_000),
    ("3 แสน", "th", "3 แสน", 300_000),
    ("10 ล้านล้าน", "th", "10 ล้านล้าน", 10 * 10**12),
    ("1 ล้าน 5 แสนคน", "th", "1 ล้าน 5 แสน", 1_500_000),
])
def test_scale_words(text: str, lang: str, written: str, expected: int) -> None:
    mention = one(text, lang)
    assert (mention.text, mention.value) == (written, expected)


def test_scale_letters_need_to_be_glued_or_money() -> None:
    assert read("a 5m wall", "en") == [("5", 5, "number")]  # metres
    assert read("10km", "en") == [("10", 10, "number")]
    assert read("5 k", "en") == [("5", 5, "number")]
    assert read("3 millionaires", "en") == [("3", 3, "number")]


def test_thai_scale_words_must_be_whole_words() -> None:
    assert read("5 พันธุ์", "th") == [("5", 5, "number")]  # five varieties
    assert read("3 ล้านนา", "th") == [("3", 3, "number")]  # Lanna


# --- Chinese numerals ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("十二", 12), ("二十", 20), ("一百零五", 105), ("两千", 2000), ("三千五百万", 35_000_000),
    ("〇", 0), ("零", 0), ("十万", 100_000), ("一亿二千万", 120_000_000), ("1.2万", 12_000),
    ("3.5亿", 350_000_000), ("5千", 5000), ("100万", 1_000_000), ("壹佰贰拾叁", 123), ("叁仟肆佰伍拾", 3450),
    ("拾", 10), ("3亿5000万", 350_000_000), ("1,200万", 12_000_000), ("二万三千亿", 2_300_000_000_000),
    ("一万亿零一", 10**12 + 1), ("一百五", 150), ("一万五", 15_000), ("一万零五", 10_005), ("三点五", Decimal("3.5")),
    ("零点零五", Decimal("0.05")), ("三点五亿", 350_000_000), ("负三", -3), ("二〇二五", 2025),
])
def test_chinese_numerals(text: str, expected) -> None:
    assert values(text, "zh") == [Decimal(expected)]


def test_chinese_numerals_in_running_text() -> None:
    assert read("共有三千五百万人，增长了1.2万。", "zh") == [("三千五百万", 35_000_000, "number"), ("1.2万", 12_000, "number")]
    assert read("第一名", "zh") == [("一", 1, "number")]  # 第 marks an ordinal, outside the span
    assert read("一个人", "zh") == [("一", 1, "number")]
    assert read("三年", "zh") == [("三", 3, "number")]
    assert read("一、概述", "zh") == [("一", 1, "number")]
    assert read("5千克", "zh") == [("5", 5, "number")]  # kilograms
    assert read("三点十分", "zh") == [("三", 3, "number"), ("十", 10, "number")]  # ten past three


@pytest.mark.parametrize("text", [
    "一些", "一起", "一样", "一般", "统一", "万一", "千万不要", "十分重要", "一直", "唯一", "之一", "一点儿",
    "一下", "一切", "一定", "三四个", "五六十人", "十几个", "几十个", "数十个", "零件", "零售", "百姓", "星期一上午",
])
def test_chinese_words_with_numeral_characters_are_not_numbers(text: str) -> None:
    assert read(text, "zh") == []


def test_chinese_lone_numeral_rule() -> None:
    assert read("十分钟", "zh") == [("十", 10, "number")]
    assert read("他是其中之一，统一了三个国家", "zh") == [("三", 3, "number")]
    assert read("负一层", "zh") == [("负一", -1, "number")]
    assert read("负一定的责任", "zh") == []  # 负 "to bear", 一定 "certain"
    assert read("三点五分", "zh") == [("三", 3, "number"), ("五", 5, "number")]  # 3:05, not 3.5


# --- Thai number words ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("สามสิบห้า", 35), ("หนึ่งร้อย", 100), ("ยี่สิบเอ็ด", 21), ("หนึ่งร้อยเอ็ด", 101), ("สิบ", 10), ("สิบเอ็ด", 11),
    ("หนึ่งพันสองร้อยล้าน", 1_200_000_000), ("สองล้านล้าน", 2 * 10**12), ("สามจุดห้า", Decimal("3.5")),
    ("สองพันห้า", 2005),
])
def test_thai_number_words(text: str, expected) -> None:
    assert values(text, "th") == [Decimal(expected)]


def test_thai_number_words_in_running_text() -> None:
    assert read("มีสามสิบห้าคน", "th") == [("สามสิบห้า", 35, "number")]
    assert read("สองข้าง", "th") == [("สอง", 2, "number")]  # a word of its own: two (sides)


@pytest.mark.parametrize("text", [
    "ห้ามสูบบุหรี่", "สามารถทำได้", "เก้าอี้", "หกล้ม", "สามเหลี่ยม", "ศูนย์ข้อมูล", "แสนดี", "ร้อยเอ็ด", "เอ็ด",
    "สองสามวัน", "ล้านนา",
])
def test_thai_words_containing_number_words_are_not_numbers(text: str) -> None:
    assert read(text, "th") == []


# --- years ---------------------------------------------------------------------------------------


def test_years_carry_both_eras() -> None:
    assert one("พ.ศ. 2568", "th").values == {2568, 2025}
    assert (one("พ.ศ. 2568", "th").text, one("พ.ศ. 2568", "th").value) == ("พ.ศ. 2568", 2568)
    assert one("ค.ศ. 2025", "th").values == {2025, 2568}
    assert one("ในปี 2568", "th").text == "2568"  # ปี is a noun, not part of the span
    assert one("ในปี 2568", "th").kind == "year"
    assert one("ปี 2568", "th").values == {2568, 2025}
    assert one("๒๕๖๘", "th").values == {2568, 2025}
    assert one("งบประมาณ 2568", "th").values == {2568, 2025}
    assert one("in 2025", "en").values == {2025, 2568}
    assert one("in 2025", "en").kind == "year"
    assert one("2025年", "zh").values == {2025, 2568}
    assert one("2025年", "zh").text == "2025"
    assert one("公元2025年", "zh").text == "公元2025"
    assert one("二〇二五年", "zh").kind == "year"
    assert one("B.E. 2568", "en").values == {2568, 2025}
    assert one("AD 2025", "en").values == {2025, 2568}


def test_two_digit_thai_years() -> None:
    mention = one("ในปี 68", "th")
    assert (mention.value, mention.values, mention.kind) == (2568, {68, 2568, 2025}, "year")
    assert one("พ.ศ. 68", "th").values == {68, 2568, 2025}
    assert read("อายุ 30 ปี 10 เดือน", "th") == [("30", 30, "number"), ("10", 10, "number")]  # a duration
    assert one("68", "th").kind == "number"  # unmarked


def test_thai_year_word() -> None:
    assert one("ปี 2025", "th").values == {2025, 2568}  # C.E. after ปี when not above 2400
    assert one("ปีงบประมาณ 2568", "th").kind == "year"


def test_what_is_not_a_year() -> None:
    assert one("2568 items", "en").kind == "number"  # no B.E. reading of an unmarked 2568 in English
    assert one("2,025 people", "en").kind == "number"
    assert one("3000", "th").kind == "number"
    assert one("100年", "zh").kind == "number"  # a hundred years
    assert one("2025 ล้าน", "th").kind == "number"


def test_same_number_across_eras() -> None:
    english = one("in 2025", "en")
    for thai in ("2568", "พ.ศ. 2568", "๒๕๖๘", "ปี 68", "ค.ศ. 2025"):
        assert same_number(english, one(thai, "th")), thai
    assert same_number(english, one("2025年", "zh"))
    assert not same_number(english, one("2567", "th"))


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, written, date", [
    ("เมื่อ 23 ก.พ. 2568", "th", "23 ก.พ. 2568", (2025, 2, 23)),
    ("23 กุมภาพันธ์ 2568", "th", "23 กุมภาพันธ์ 2568", (2025, 2, 23)),
    ("วันที่ 23 กุมภาพันธ์ พ.ศ. 2568", "th", "23 กุมภาพันธ์ พ.ศ. 2568", (2025, 2, 23)),
    ("๒๓ ก.พ. ๖๘", "th", "๒๓ ก.พ. ๖๘", (2025, 2, 23)),
    ("1 ม.ค. ค.ศ. 2025", "th", "1 ม.ค. ค.ศ. 2025", (2025, 1, 1)),
    ("23/2/2568", "th", "23/2/2568", (2025, 2, 23)),
    ("กุมภาพันธ์ 2568", "th", "กุมภาพันธ์ 2568", (2025, 2, None)),
    ("เดือนมีนาคม ปี 2567", "th", "มีนาคม ปี 2567", (2024, 3, None)),
    ("5 ธันวาคม", "th", "5 ธันวาคม", (None, 12, 5)),
    ("on February 23, 2025.", "en", "February 23, 2025", (2025, 2, 23)),
    ("23 February 2025", "en", "23 February 2025", (2025, 2, 23)),
    ("Feb. 23, 2025", "en", "Feb. 23, 2025", (2025, 2, 23)),
    ("the 23rd of February 2025", "en", "23rd of February 2025", (2025, 2, 23)),
    ("February 2025", "en", "February 2025", (2025, 2, None)),
    ("2025-02-23", "en", "2025-02-23", (2025, 2, 23)),
    ("2025-02-23", "th", "2025-02-23", (2025, 2, 23)),
    ("2025年2月23日", "zh", "2025年2月23日", (2025, 2, 23)),
    ("2月23日", "zh", "2月23日", (None, 2, 23)),
    ("2025年2月", "zh", "2025年2月", (2025, 2, None)),
    ("二〇二五年二月二十三日", "zh", "二〇二五年二月二十三日", (2025, 2, 23)),
])
def test_dates(text: str, lang: str, written: str, date) -> None:
    mention = one(text, lang)
    assert (mention.text, mention.kind, mention.date) == (written, "date", date)


def test_dates_are_checked_against_the_calendar() -> None:
    assert one("29 ก.พ. 2567", "th").date == (2024, 2, 29)  # 2024 is a leap year
    assert [m.kind for m in find_numbers("29 ก.พ. 2568", "th")] == ["number", "date"]  # 2025 is not
    assert [m.kind for m in find_numbers("2025-13-01", "en")] == ["year", "number", "number"]
    assert read("may 5", "en") == [("5", 5, "number")]  # the verb, not the month


def test_same_date_across_languages() -> None:
    thai = one("23 ก.พ. 2568", "th")
    assert same_number(thai, one("February 23, 2025", "en"))
    assert same_number(thai, one("2025年2月23日", "zh"))
    assert same_number(thai, one("2月23日", "zh"))  # no year given: the parts given agree
    assert not same_number(thai, one("February 24, 2025", "en"))
    assert not same_number(thai, one("2025", "en"))  # a date is not a year


def test_same_number_compares_values() -> None:
    assert same_number(one("50%", "en"), one("ร้อยละ 50", "th"))
    assert same_number(one("3.5bn", "en"), one("3,500 ล้าน", "th"))
    assert same_number(one("3.5 billion", "en"), one("35亿", "zh"))
    assert same_number(one("1.0", "en"), one("1", "th"))
    assert not same_number(one("1.5", "en"), one("15", "th"))


def test_language_tags_use_the_primary_subtag() -> None:
    assert values("三个", "zh-CN") == values("三个", "zh_TW") == [3]
    assert values("ร้อยละ 5", "th-TH") == [5]
    assert values("三个", "en") == []  # Chinese numerals only in Chinese text


# --- times of day: the 12-hour clock (en) and the six-hour clock (th) -----------------------------


def hours_of(text: str, lang: str) -> list[tuple[str, set]]:
    """``(text as written, values)`` of every mention."""
    read(text, lang)
    return [(m.text, set(m.values)) for m in find_numbers(text, lang)]


@pytest.mark.parametrize("text, expected", [
    ("Perfect time for a pint is 5.30pm on a Saturday", [("5", {5, 17}), ("30", {30})]),
    ("scheduled for 7 p.m. ET tonight", [("7", {7, 19})]),
    ("no reports of irregularities by 1 p.m.", [("1", {1, 13})]),
    ("at 10:30 am", [("10", {10}), ("30", {30})]),
    ("as of 5 a.m. Eastern time", [("5", {5})]),
    ("at 12 a.m.", [("12", {12, 0})]),  # midnight
    ("at 12 p.m.", [("12", {12})]),  # noon
    ("at 3 PM", [("3", {3, 15})]),
    ("at 2pm", [("2", {2, 14})]),
    ("at 12:55 p.m.", [("12", {12}), ("55", {55})]),
    ("from 7-9 p.m.", [("7", {7, 19}), ("9", {9, 21})]),  # a range writes the marker once
    ("from 7 to 9 pm", [("7", {7, 19}), ("9", {9, 21})]),
    ("10:30\u201311:30 pm", [("10", {10, 22}), ("30", {30}), ("11", {11, 23}), ("30", {30})]),
])
def test_english_12_hour_times_carry_the_24_hour_value(text: str, expected) -> None:
    assert hours_of(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("from 9 a.m.-5 p.m.", [("9", {9}), ("5", {5, 17})]),  # each its own marker
    ("from 11 to 1 pm", [("11", {11}), ("1", {1, 13})]),  # 11 a.m. to 1 p.m.: the 11 is left alone
    ("at 13 pm", [("13", {13})]),  # no 12-hour time
    ("7.5 pm", [("7.5", {Decimal("7.5")})]),  # no minutes: no time
    ("a 5 amp fuse", [("5", {5})]),
    ("5 a month", [("5", {5})]),
    ("3 PMs", [("3", {3})]),
    ("at 7 p.m.", [("7", {7, 19})]),
])
def test_what_is_not_a_12_hour_time(text: str, expected) -> None:
    assert hours_of(text, "en") == expected


#: The six-hour clock, hour by hour (the Royal Institute's words and the modern count of the morning).
SIX_HOUR_CLOCK = [
    ("ตีหนึ่ง", 1), ("ตี 2", 2), ("ตีสาม", 3), ("ตีสี่", 4), ("ตี 5", 5), ("ย่ำรุ่ง", 6), ("หกโมงเช้า", 6),
    ("โมงเช้า", 7), ("เจ็ดโมงเช้า", 7), ("7 โมงเช้า", 7), ("สองโมงเช้า", 8), ("แปดโมงเช้า", 8), ("3 โมงเช้า", 9),
    ("สี่โมงเช้า", 10), ("10 โมงเช้า", 10), ("ห้าโมงเช้า", 11), ("สิบเอ็ดโมงเช้า", 11), ("เที่ยง", 12),
    ("เที่ยงวัน", 12), ("บ่ายโมง", 13), ("บ่าย 1 โมง", 13), ("บ่ายสองโมง", 14), ("บ่าย 2 โมง", 14),
    ("บ่ายสามโมงเย็น", 15), ("บ่าย 3 โมง", 15), ("สี่โมงเย็น", 16), ("บ่ายสี่โมง", 16), ("5 โมงเย็น", 17),
    ("หกโมงเย็น", 18), ("ย่ำค่ำ", 18), ("หนึ่งทุ่ม", 19), ("ทุ่มหนึ่ง", 19), ("1 ทุ่ม", 19), ("สองทุ่ม", 20),
    ("3 ทุ่ม", 21), ("สี่ทุ่ม", 22), ("ห้าทุ่ม", 23), ("๕ ทุ่ม", 23), ("เที่ยงคืน", 0), ("หกทุ่ม", 24),
]


@pytest.mark.parametrize("clock, hour", SIX_HOUR_CLOCK)
def test_thai_six_hour_clock(clock: str, hour: int) -> None:
    mention = one(f"เวลา {clock} ของวันนี้", "th")
    assert mention.text == clock and mention.value == hour and mention.kind == "number"
    twelve = (hour - 1) % 12 + 1
    assert mention.values == ({0, 12, 24} if hour % 24 == 0 else {hour, twelve})
    assert same_number(mention, find_numbers(f"เวลา {hour:02d}.00 น.", "th")[0])  # the official 24-hour style


def test_a_thai_clock_keeps_the_number_as_written_only_where_it_is_the_hour() -> None:
    assert one("เวลา 1 ทุ่ม", "th").values == {19, 7}  # not 1: that would let 1 p.m. pass for 19:00
    assert not same_number(one("at 1 p.m.", "en"), one("เวลา 1 ทุ่ม", "th"))
    assert not same_number(one("at 1 a.m.", "en"), one("เวลา 1 ทุ่ม", "th"))
    assert one("เวลาบ่าย 3 โมง", "th").values == {15, 3}  # 3 is the 12-hour hour: kept
    assert one("เวลาตี 5", "th").values == {5}


@pytest.mark.parametrize("english, thai", [
    ("by 1 p.m.", "ณ เวลาบ่ายโมงก็ยังไม่มี"),
    ("scheduled for 7 p.m. ET tonight", "จะเริ่มขึ้นเวลาหนึ่งทุ่ม เวลาตะวันตก"),
    ("at 3 p.m. on Wednesday", "เวลาบ่าย 3 โมงของวันพุธ"),
    ("at 6am", "เมื่อเวลา 6 โมงเช้า"),
    ("just before 7 a.m.", "ก่อน 7 โมงเช้า"),
    ("at 12 a.m.", "ตอนเที่ยงคืน"),
    ("at 7 tonight", "เวลาหนึ่งทุ่ม"),  # the hour alone meets the 12-hour hour
    ("at 8 p.m.", "เวลา 20.00 น."),
])
def test_a_12_hour_time_meets_the_thai_clock(english: str, thai: str) -> None:
    assert same_number(one(english, "en"), find_numbers(thai, "th")[0])


def test_a_12_hour_time_with_minutes_meets_the_24_hour_clock() -> None:
    source, target = find_numbers("is 5.30pm on a Saturday", "en"), find_numbers("คือ 17.30 น. ในวันเสาร์", "th")
    assert [(m.text, m.values) for m in target] == [("17", {17}), ("30", {30})]
    assert all(same_number(s, t) for s, t in zip(source, target))
    assert not same_number(find_numbers("5.30am", "en")[0], target[0])


def test_minutes_of_a_thai_clock() -> None:
    assert hours_of("เวลาตี 4.40 ของเช้า", "th") == [("ตี 4", {4}), ("40", {40})]  # not 4.4
    assert hours_of("เวลาตี ๔.๔๐ ของเช้า", "th") == [("ตี ๔", {4}), ("๔๐", {40})]
    assert hours_of("เวลาบ่ายโมงครึ่ง", "th") == [("บ่ายโมง", {13, 1}), ("ครึ่ง", {30})]
    assert hours_of("สองทุ่มครึ่ง", "th") == [("สองทุ่ม", {20, 8}), ("ครึ่ง", {30})]
    assert hours_of("เวลา 10.30 น.", "th") == [("10", {10}), ("30", {30})]


@pytest.mark.parametrize("text, expected", [
    ("ถูกโจมตี 5 ครั้ง", [("5", {5})]),  # โจมตี "attack": no ตี
    ("เขาตีสองหน้า", []),  # "two-faced", one word
    ("ทุ่มเทอย่างมาก", []),  # ทุ่มเท "devote"
    ("เขาทุ่มเงิน 5 ล้าน", [("5 ล้าน", {5_000_000})]),
    ("สังขารไม่เที่ยง", []),  # "impermanent"
    ("คนขับที่เที่ยงตรงที่สุด", []),  # "most accurate"
    ("กินอาหารเที่ยงด้วยกัน", []),  # lunch
    ("ช่วงพักเที่ยง", []),
    ("เศรษฐกิจย่ำแย่", []),
    ("12 โมงเช้า", [("12", {12})]),  # no such time: the number only
    ("7 ทุ่ม", [("7", {7})]),
    ("เวลา 10 โมง", [("10", {10})]),  # a bare โมง does not say which half of the day
    ("เวลาบ่าย 12:55 วันอังคาร", [("12", {12}), ("55", {55})]),
])
def test_what_is_not_a_thai_clock_time(text: str, expected) -> None:
    assert hours_of(text, "th") == expected


# --- Chinese measure words and approximations ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "为一级飓风", "一代人", "一批货", "一轮谈判", "一场比赛", "一次", "一项研究", "一名男子", "一位教师", "一条河",
    "一份报告", "一座桥", "一家公司", "一所学校", "一辆车", "一架飞机", "一艘船", "一台电脑", "一部电影", "一篇文章",
    "一首歌", "一张纸", "一把椅子", "一件事", "一套房", "一组数据", "一支球队", "一栋建筑", "一款手机", "一类致癌物",
    "一届比赛", "一期工程", "大约一英里处", "唯一一个",
])
def test_one_before_a_measure_word(text: str) -> None:
    assert read(text, "zh") == [("一", 1, "number")]


def test_category_one_hurricane() -> None:
    assert same_number(one("a Category 1 Hurricane", "en"), one("为一级飓风。", "zh"))
    assert read("二级谋杀", "zh") == [("二", 2, "number")]


@pytest.mark.parametrize("text", [
    "统一部署", "同一批", "统一代码", "单一场景", "一把手", "一股脑", "一笔勾销", "一来", "二来", "三多", "几十多", "其余",
    "以来", "多年", "十分重要", "万一", "千万", "一些", "一起", "一样", "一般", "一直", "统一",
])
def test_chinese_words_around_measure_words_and_markers_are_not_numbers(text: str) -> None:
    assert read(text, "zh") == []


@pytest.mark.parametrize("text, written, expected", [
    ("已有550多万叙利亚人逃离该国", "550多万", 5_500_000),
    ("10多万人", "10多万", 100_000),
    ("两千多万", "两千多万", 20_000_000),
    ("3千多万", "3千多万", 30_000_000),
    ("1亿多", "1亿多", 100_000_000),
    ("100余人", "100余", 100),
    ("30多岁", "30多", 30),
    ("1,000多人", "1,000多", 1000),
    ("十多个", "十多", 10),
    ("十来个", "十来", 10),
    ("十余年", "十余", 10),
    ("三百多人", "三百多", 300),
    ("一百余人", "一百余", 100),
    ("三十来岁", "三十来", 30),
    ("百余人", "百余", 100),
    ("千余名", "千余", 1000),
    ("万余人", "万余", 10_000),
    ("2000多年前", "2000多", 2000),  # a number of years, not the year 2000
])
def test_chinese_approximations_read_their_lower_bound(text: str, written: str, expected: int) -> None:
    assert read(text, "zh") == [(written, expected, "number")]


def test_chinese_approximations_odd_cases() -> None:
    assert read("百分之三十多", "zh") == [("百分之三十多", 30, "percent")]
    assert read("30多%", "zh") == [("30多%", 30, "percent")]
    assert read("2.5多", "zh") == [("2.5", Decimal("2.5"), "number")]  # no such form
    assert read("三点多", "zh") == [("三", 3, "number")]  # past three o'clock
    assert read("百多", "zh") == []  # a bare 百 only before 余
    assert same_number(one("more than 5.5 million Syrians", "en"), one("550多万叙利亚人", "zh"))
    assert not same_number(one("550 Syrians", "en"), one("550多万叙利亚人", "zh"))


# --- properties: real formatters read back -------------------------------------------------------

FAST = settings(max_examples=150, deadline=None)


@FAST
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_english_grouped_integers(n: int) -> None:
    mention = one(f"The total is {n:,} units.", "en")
    assert mention.value == n and mention.text == f"{n:,}"


@FAST
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]))
def test_space_grouped_integers(n: int, space: str) -> None:
    written = f"{n:_}".replace("_", space)
    mention = one(f"total {written} units", "en")
    assert mention.value == n and mention.text == written


@FAST
@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_english_grouped_decimals(d: Decimal) -> None:
    written = f"{d:,f}"
    assert one(f"about {written} each", "en").value == d


@FAST
@given(st.integers(min_value=0, max_value=10**12))
def test_thai_digits(n: int) -> None:
    written = arabic_digit_to_thai_digit(f"{n:,}")
    mention = one(f"ราคา {written} บาท", "th")
    assert mention.value == n and mention.text == written


@FAST
@given(st.integers(min_value=1, max_value=10**13))
def test_thai_number_words_round_trip(n: int) -> None:
    words = num_to_thaiword(n)
    assert parse_thai_number_words(words) == n
    assert values(words, "th") == [n]
    assert values(f"มี {words} คน", "th") == [n]


@FAST
@given(st.integers(min_value=0, max_value=10**16 - 1), st.sampled_from(["low", "up"]))
def test_chinese_numerals_round_trip(n: int, mode: str) -> None:
    written = cn2an.an2cn(n, mode)
    assert parse_han_number(written) == n
    assert values(written, "zh") == [n]
    if n:
        assert values(f"共有{written}个", "zh") == [n]


@FAST
@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_chinese_decimals_round_trip(d: Decimal) -> None:
    written = cn2an.an2cn(str(d), "low")
    assert values(f"约{written}米", "zh") == [d]


@FAST
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=59),
       st.sampled_from(["am", "pm", " a.m.", " p.m.", " AM", " PM"]), st.sampled_from([":", "."]))
def test_12_hour_times_meet_their_24_hour_form(hour: int, minute: int, marker: str, colon: str) -> None:
    english = find_numbers(f"It starts at {hour}{colon}{minute:02d}{marker} sharp.", "en")
    assert [m.value for m in english] == [hour, minute]
    pm = "p" in marker.lower()
    h24 = hour % 12 + (12 if pm else 0)
    assert english[0].values == {hour, h24}
    thai = find_numbers(f"เริ่มเวลา {h24:02d}.{minute:02d} น.", "th")
    assert all(same_number(e, t) for e, t in zip(english, thai))


@FAST
@given(st.integers(min_value=1900, max_value=2100), st.booleans())
def test_buddhist_era_years(year: int, thai_digits: bool) -> None:
    written = str(year + 543)
    if thai_digits:
        written = arabic_digit_to_thai_digit(written)
    thai = one(f"ในปีงบประมาณ พ.ศ. {written} นี้", "th")
    assert thai.value == year + 543 and thai.kind == "year" and thai.text == f"พ.ศ. {written}"
    assert same_number(thai, one(f"in {year}", "en"))
    assert same_number(thai, one(f"{year}年", "zh"))
