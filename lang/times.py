"""Times of day read as hours: the English 12-hour clock (``7 p.m.``) and the Thai six-hour clock (``หนึ่งทุ่ม``).

A translation may give a time in another clock than its source: English news writes ``5.30pm``,
Thai official style writes ``17.30 น.`` (the 24-hour clock, นาฬิกา) and Thai speech the traditional
six-hour clock, ``หนึ่งทุ่ม`` for 7 p.m. :mod:`trilex.lang.numbers` gives the hour of such a time
every value it stands for, so that :func:`~trilex.lang.numbers.same_number` matches them.

**English** (:func:`english_hours`): a number right before ``a.m.``/``p.m.`` (also ``am``,
``pm``, ``AM``, ``PM``, a space before allowed: ``7 p.m.``, ``5pm``) is an hour of the 12-hour
clock when it is a whole number from 1 to 12; so is the hour of ``10:30 am`` and ``5.30pm``,
whose minutes stay a number of their own. The hour gets its 24-hour value too: ``7 p.m.`` is
{7, 19}, ``5 a.m.`` {5}, ``12 a.m.`` (midnight) {12, 0}, ``12 p.m.`` (noon) {12}. In a range
that writes the marker once (``7-9 p.m.``, ``7 to 9 pm``, ``10:30–11:30 am``) the first hour
shares it when it is the smaller one (``11 to 1 pm`` is 11 a.m. to 1 p.m.: left alone).

**Thai** (:func:`find_thai_clock_times`): the six-hour clock (นาฬิกาหกชั่วโมง) as the Royal
Institute Dictionary defines it (พจนานุกรม ฉบับราชบัณฑิตยสถาน พ.ศ. ๒๕๔๒, entries โมง: 07–11 นาฬิกา
are โมงเช้า to ๕ โมงเช้า, 12 เที่ยงวัน, 13–17 บ่ายโมง to บ่าย ๕ โมง, 18 ๖ โมงเย็น or ย่ำค่ำ; ทุ่ม:
19–24 นาฬิกา are ๑ ทุ่ม to ๖ ทุ่ม; ตี: ตี ๑ to ตี ๕ — quoted in the Royal Institute's own note
"โมง-ทุ่ม-ตี", 1 October 2551) and as it is spoken today (the modern count of the morning,
``เจ็ดโมงเช้า``; ``4 โมงเย็น``; ``ตี 6``: the Wikipedia article *Thai six-hour clock*), with the hour
in digits or words:

=========================================  ======================================
``ตี 1`` … ``ตี 6``, ``ตีหนึ่ง``              01:00–06:00
``ย่ำรุ่ง``                                  06:00
``โมงเช้า``, ``N โมงเช้า``                    07:00 (``โมงเช้า`` alone); N = 1–5: N + 6
                                           (``สองโมงเช้า`` 08:00); N = 6–11: N, the
                                           modern count (``เจ็ดโมงเช้า``, ``10 โมงเช้า``)
``เที่ยง``, ``เที่ยงวัน``                      12:00
``บ่ายโมง``, ``บ่าย N โมง`` (N = 1–6)         12 + N (``บ่ายโมง`` 13:00, ``บ่าย 3 โมง`` 15:00);
                                           ``เย็น`` may follow (``บ่ายสามโมงเย็น``)
``N โมงเย็น`` (N = 1–6)                      12 + N (``สี่โมงเย็น`` 16:00)
``ย่ำค่ำ``                                   18:00
``N ทุ่ม`` (N = 1–6), ``ทุ่มหนึ่ง``            18 + N (``หนึ่งทุ่ม`` 19:00, ``5 ทุ่ม`` 23:00,
                                           ``หกทุ่ม`` midnight)
``เที่ยงคืน``                                 00:00 (24:00 in Thai official style)
=========================================  ======================================

A clock time is one mention (``บ่าย 3 โมง``, ``หนึ่งทุ่ม``) whose values are the 24-hour hour and
the 12-hour hour (``หนึ่งทุ่ม`` {19, 7}, ``บ่ายโมง`` {13, 1}; midnight {0, 24, 12}): the 24-hour
hour meets ``19.00 น.`` and ``7 p.m.``, the 12-hour one a source that writes the hour alone
(``at 7 tonight``). The number as written is a value only when it is one of these hours
(``ตี 5`` is 5, ``บ่าย 3 โมง`` is 3): the 1 of ``1 ทุ่ม`` counts hours since dusk and is never
the hour in another clock, and as a value it would let ``1 p.m.`` or ``1 a.m.`` pass for
``1 ทุ่ม`` (19:00), the very mistake (บ่ายโมง for ทุ่มหนึ่ง) a check of numbers is there to see.
Minutes after ``ตี`` (``ตี 4.40``, ``ตี ๔.๔๐``) are a mention of their own (40); ``ครึ่ง``
("half") right after a clock time is the minutes 30 (``บ่ายโมงครึ่ง`` is 13 and 30).

The words are read only as whole ``newmm`` words (:func:`trilex.lang.thai.thai_word_boundaries`):
``โจมตี 5`` (attack 5), ``ตีสองหน้า`` (two-faced), ``ทุ่มเท`` (devote), ``ไม่เที่ยง`` (impermanent),
``เที่ยงตรง`` (accurate; also "exactly noon": left alone) and ``ก่อนเที่ยง`` (before noon, one
word) are not times; nor is the ``เที่ยง`` of a meal (``อาหารเที่ยง``, ``มื้อเที่ยง``, ``ข้าวเที่ยง``,
``พักเที่ยง``: lunch). A bare ``N โมง`` (no เช้า, บ่าย or เย็น) does not say which half of the day
it is and stays the number N, which the 12-hour value of an English hour meets anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trilex.lang.digits import DIGITS, DigitNumber, to_decimal
from trilex.lang.thai import thai_word_boundaries

#: ``a.m.``/``p.m.`` after a number (the group is ``a`` or ``p``).
MERIDIEM_AFTER = re.compile(r"\s?([ap])\.?m\.?(?![A-Za-z])", re.IGNORECASE)
_RANGE = re.compile(r"\s?(?:-|\u2013|\u2014|to)\s?", re.IGNORECASE)


def twelve_to_24(hour: int, meridiem: str) -> int:
    """The 24-hour hour of ``hour`` (1–12) ``a.m.`` (``meridiem == 'a'``) or ``p.m.``: 12 a.m. is 0, 12 p.m. 12."""
    return hour % 12 + (12 if meridiem.lower() == "p" else 0)


def _minutes_of(text: str, hour: DigitNumber, minutes: DigitNumber) -> bool:
    """Whether ``minutes`` are the minutes of ``hour`` (``10:30``, ``5.30``)."""
    return (
        minutes.width == 2 and minutes.start == hour.end + 1 and text[hour.end] in ":."
        and minutes.value < 60
    )


def _twelve_hour(number: DigitNumber) -> int | None:
    if number.width > 2 or number.value != number.value.to_integral_value():
        return None
    hour = int(number.value)
    return hour if 1 <= hour <= 12 else None


def english_hours(text: str, numbers: list[DigitNumber]) -> dict[int, int]:
    """``{index in numbers: 24-hour hour}`` for the hours of the 12-hour clock among ``numbers``.

    ``numbers`` are the digit numbers of ``text`` in order, with times written with a point
    already split into hours and minutes (``5.30pm`` is 5 and 30).
    """
    hours: dict[int, int] = {}
    for i, number in enumerate(numbers):
        marker = MERIDIEM_AFTER.match(text, number.end)
        if marker is None:
            continue
        h = i - 1 if i and _minutes_of(text, numbers[i - 1], number) else i
        hour = _twelve_hour(numbers[h])
        if hour is None:
            continue
        meridiem = marker.group(1)
        hours[h] = twelve_to_24(hour, meridiem)
        if h == 0:
            continue
        first = h - 1  # 7-9 p.m., 10:30-11:30 am: the first time shares the marker
        if first and _minutes_of(text, numbers[first - 1], numbers[first]):
            first -= 1
        end = numbers[h - 1].end
        earlier = _twelve_hour(numbers[first])
        if earlier is not None and earlier < hour and _RANGE.fullmatch(text, end, numbers[h].start):
            hours[first] = twelve_to_24(earlier, meridiem)
    return hours


@dataclass(frozen=True)
class ClockTime:
    """A Thai clock time: ``text[start:end]`` is the hour (``บ่าย 3 โมง``), ``hour`` its 24-hour value (0–24).

    ``values`` holds the 24-hour and the 12-hour hour (module docstring). ``minutes`` is the span
    and value of minutes written after it (``40`` of ``ตี 4.40``, ``ครึ่ง`` = 30), or ``None``.
    """

    start: int
    end: int
    hour: int
    values: frozenset[int]
    minutes: tuple[int, int, int] | None = None


_HOUR_WORDS = {
    "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9, "สิบ": 10,
    "สิบเอ็ด": 11, "สิบสอง": 12,
}
_N = (
    rf"(?:(?<![{DIGITS}.,:])[{DIGITS}]{{1,2}}(?![{DIGITS}])|"
    + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True)) + ")"
)
_S = r"[ \u00a0]?"
_CLOCK = re.compile(
    rf"ตี{_S}(?P<ti>{_N})(?:[.:](?P<mm>[0-5\u0e50-\u0e55][{DIGITS}])(?![{DIGITS}]))?"
    rf"|บ่าย{_S}(?P<bai>{_N})?{_S}โมง(?:{_S}เย็น)?"
    rf"|(?P<yen>{_N}){_S}โมง{_S}เย็น"
    rf"|(?:(?P<chao>{_N}){_S})?โมง{_S}เช้า"
    rf"|(?P<thum>{_N}){_S}ทุ่ม|ทุ่ม{_S}(?P<thum1>หนึ่ง)"
    rf"|(?P<midnight>เที่ยง{_S}คืน)|(?P<noon>เที่ยง(?:{_S}วัน)?)"
    rf"|(?P<dawn>ย่ำรุ่ง)|(?P<dusk>ย่ำค่ำ)"
)
#: One of these is in every clock time (a quick test before the pattern).
_CLOCK_WORDS = ("ตี", "โมง", "ทุ่ม", "เที่ยง", "ย่ำ")
_HALF = re.compile(rf"{_S}ครึ่ง")
#: Words before ``เที่ยง`` that make it a meal (lunch), not a time.
_MEAL_BEFORE = re.compile(r"(?:อาหาร|มื้อ|ข้าว|พัก)[ \u00a0]?$")
_MIDNIGHT = frozenset({0, 24, 12})
#: A number right before a bare ``โมงเช้า``: then it is not the bare word (``12 โมงเช้า`` is no time).
_NUMBER_BEFORE = re.compile(rf"(?:[{DIGITS}]|" + "|".join(_HOUR_WORDS) + r"|เอ็ด|ยี่สิบ)[ \u00a0]?$")


def _number(written: str | None) -> int | None:
    if written is None:
        return None
    if written in _HOUR_WORDS:
        return _HOUR_WORDS[written]
    return int(to_decimal(written))


def _both(hour: int) -> frozenset[int]:
    """The 24-hour and the 12-hour hour of ``hour`` (0–24)."""
    if hour % 24 == 0:
        return _MIDNIGHT
    return frozenset({hour, (hour - 1) % 12 + 1})


def _hour(match: re.Match[str]) -> int | None:
    """The 24-hour hour of a clock match, or ``None`` when its number is out of the clock's range."""
    written = match.group(0)
    if match.group("ti") is not None:
        n = _number(match.group("ti"))
        return n if 1 <= n <= 6 else None
    if written.startswith("บ่าย"):
        n = 1 if match.group("bai") is None else _number(match.group("bai"))  # บ่ายโมง: 13:00
        return 12 + n if 1 <= n <= 6 else None
    if match.group("yen") is not None:
        n = _number(match.group("yen"))
        return 12 + n if 1 <= n <= 6 else None
    if written.endswith("เช้า"):
        n = _number(match.group("chao"))
        if n is None:
            return 7  # โมงเช้า alone: the first hour of the morning
        return n + 6 if 1 <= n <= 5 else n if 6 <= n <= 11 else None
    if match.group("thum") is not None:
        n = _number(match.group("thum"))
        return 18 + n if 1 <= n <= 6 else None
    return {"thum1": 19, "midnight": 0, "noon": 12, "dawn": 6, "dusk": 18}[match.lastgroup or ""]


def find_thai_clock_times(text: str) -> list[ClockTime]:
    """Every time of the Thai six-hour clock in ``text`` (rules in the module docstring)."""
    if not any(word in text for word in _CLOCK_WORDS) or _CLOCK.search(text) is None:
        return []  # before segmenting: a time at a word boundary is also a match somewhere
    bounds = thai_word_boundaries(text)
    found: list[ClockTime] = []
    taken = 0
    for pos in sorted(bounds):
        if pos < taken:
            continue
        match = _CLOCK.match(text, pos)
        if match is None or match.end() not in bounds:
            continue
        if match.lastgroup == "noon" and _MEAL_BEFORE.search(text, 0, pos):
            continue
        after_number = match.group(0).startswith("โมง") and _NUMBER_BEFORE.search(text, 0, pos)
        hour = None if after_number else _hour(match)
        if hour is None:
            taken = match.end()  # 12 โมงเช้า, 7 ทุ่ม: no time, and no shorter one inside
            continue
        end, minutes = match.end(), None
        if match.group("mm") is not None:  # ตี 4.40: the hour, then the minutes
            end = match.end("ti")
            minutes = (match.start("mm"), match.end("mm"), int(to_decimal(match.group("mm"))))
        elif (half := _HALF.match(text, end)) and half.end() in bounds:
            minutes = (half.end() - len("ครึ่ง"), half.end(), 30)
        found.append(ClockTime(pos, end, hour, _both(hour), minutes))
        taken = match.end() if minutes is None else minutes[1]
    return found
