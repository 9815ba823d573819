"""The numbers of a text, read as values, so that a source and its translation can be compared.

:func:`find_numbers` returns every number of a text as a :class:`NumberMention`: its span in the
text as written, its exact value (:class:`decimal.Decimal`), its kind (``number``, ``percent``,
``year``, ``date``) and every value it may stand for; :func:`same_number` says whether two mentions
(one in each language) can be the same number. ``50%`` and ``ร้อยละ 50`` and ``百分之五十`` are all
50 per cent; ``2025``, ``พ.ศ. 2568`` and ``๒๕๖๘`` are all the year 2025.

What is read, by language (the primary subtag of the BCP 47 tag decides: ``zh-TW`` is ``zh``):

* **Every language**: numbers written with digits, by the rules of :mod:`trilex.lang.digits`
  (ASCII, Thai and full-width digits; ``1,000`` and ``1 000`` separators; decimals; ``2.5.1`` is
  2, 5 and 1; times, phone numbers and identifiers are just their digit runs; a time written
  with a point, ``10.30 น.`` (the Thai official style) or ``10.30 am``, is 10 and 30 like
  ``10:30``, not 10.3). A minus sign (``-``, ``−`` U+2212, ``－``) right before the digits is read
  when it is not a hyphen: not after a letter or digit (``A-12``, ``COVID-19``, ``02-123``) and not
  after a number and spaces (``10 - 20`` is a range). ``%`` or ``％`` after a number (a space
  between allowed) makes it a percentage. Year-first dates (``2025-02-23``) and the era markers
  below. Languages other than the three below get only these rules.
* **English** (``en``): ``50 percent``/``per cent``; scale words ``thousand``, ``million``,
  ``billion``, ``trillion``, ``bn``, ``mn`` (a space before allowed: ``3.5 million``, ``3.5bn``);
  the letters ``k``/``K`` and ``M`` only glued to the number (``10k``, ``5M``) and ``m``/``b``/``B``
  only glued and after a currency sign (``$5m``, ``£2b``: on their own ``5m`` is five metres);
  dates with month names (:mod:`trilex.lang.dates`); the hour of a 12-hour time (``7 p.m.``,
  ``5.30pm``, ``10:30 am``) also stands for its 24-hour value (:mod:`trilex.lang.times`): ``7 p.m.``
  is {7, 19}, ``12 a.m.`` {12, 0}, and the minutes stay a number of their own.
* **Thai** (``th``): ``ร้อยละ 50`` and ``50 เปอร์เซ็นต์`` are percentages; the scale words ``พัน``
  10³, ``หมื่น`` 10⁴, ``แสน`` 10⁵, ``ล้าน`` 10⁶ (and products: ``พันล้าน`` 10⁹, ``ล้านล้าน`` 10¹²)
  after digits, as whole words (``1,200 ล้าน`` = 1.2×10⁹; ``5 พันธุ์`` is five varieties), and
  ``3 ล้าน 5 แสน`` (decreasing scales) is one number, 3,500,000; Thai number words
  (:mod:`trilex.lang.numerals_th`); Thai dates; times of the six-hour clock (``หนึ่งทุ่ม``,
  ``บ่ายโมง``, ``ตี 5``, ``เที่ยงคืน``, :mod:`trilex.lang.times`), one mention each with the 24-hour
  and the 12-hour hour as values (``หนึ่งทุ่ม`` is {19, 7}), which takes its words and digits from
  every other reading (``ตี 4.40`` is the hour 4 and the minutes 40, not 4.4).
* **Chinese** (``zh``): Chinese numerals, mixed forms such as ``1.2万`` and ``百分之五十``/
  ``百分之50`` (:mod:`trilex.lang.numerals_zh`); ``第`` marks an ordinal and is not part of the
  span (the kind stays ``number``); approximations with ``多``/``余``/``来`` (``550多万``, ``100余``),
  read as the value they bound from below; Chinese dates.

**Years.** The Buddhist Era (B.E.) used in Thailand is C.E. + 543 (Royal Institute; Thai
government documents date by B.E.). A year mention is a number of four digits marked as a year:
by ``พ.ศ.``/``B.E.``/``佛历`` (B.E.), by ``ค.ศ.``/``A.D.``/``AD``/``C.E.``/``CE``/``公元`` (C.E.), by ``ปี``
before it (B.E. above 2400, else C.E.) or ``年`` after it (C.E.); or an unmarked plain number in
1900–2100 (read as C.E., any language) or, in Thai text, in 2443–2643 (read as B.E.). The value is
the number as written; ``values`` holds both readings, so ``2025``, ``ค.ศ. 2025``, ``พ.ศ. 2568``
and ``2568`` in a Thai text all share 2025 and 2568. A two-digit year after ``พ.ศ.`` or ``ปี``
(``ปี 68``, the short form of Thai documents) is B.E. 25xx: value 2568, values {68, 2568, 2025};
``ปี`` right after a number (``30 ปี 10 เดือน``, "30 years 10 months") does not mark one. The span
includes the era markers (``พ.ศ. 2568``) but not the nouns ``ปี`` and ``年`` ("year").

**Dates** (:mod:`trilex.lang.dates`) swallow the numbers inside them: ``23 ก.พ. 2568`` is one
mention of kind ``date`` with ``date == (2025, 2, 23)`` (years in C.E.; the year or the day may be
``None``) and value ``20250223`` (``YYYYMMDD``, a missing part written as 00).

Where readings overlap, the longest wins (a date over its numbers, ``1.2万`` over ``1.2``). Where
the text is ambiguous, nothing is read rather than a wrong value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Context, Decimal

from trilex.lang.dates import BE_OFFSET, find_dates
from trilex.lang.digits import DIGITS, GROUP_SPACES, DigitNumber, scan_digit_numbers, to_decimal
from trilex.lang.numerals_th import find_thai_number_words, scale_after
from trilex.lang.numerals_zh import PERCENT_PREFIX, find_han_numbers
from trilex.lang.tags import primary_subtag
from trilex.lang.times import MERIDIEM_AFTER, english_hours, find_thai_clock_times

KINDS = ("number", "percent", "year", "date")

# Exact arithmetic for scales: 200 significant digits is far beyond any number in a text.
_EXACT = Context(prec=200)
_SP = f"[{GROUP_SPACES}]?"
_MINUS = "-\u2212\uff0d"
_CURRENCY = "$£€¥₹฿"

_PERCENT_AFTER = {
    "*": re.compile(f"{_SP}[%％]"),
    "en": re.compile(rf"{_SP}(?:[%％]|(?:percent|per cent)(?![A-Za-z]))", re.IGNORECASE),
    "th": re.compile(f"{_SP}(?:[%％]|เปอร์เซ็นต์|เปอร์เซนต์)"),
}
_PERCENT_BEFORE = {"th": re.compile(r"ร้อยละ\s?$"), "zh": re.compile(f"{PERCENT_PREFIX}$")}
_EN_SCALE_WORD = re.compile(
    rf"{_SP}(thousand|million|billion|trillion|bn|mn)(?![A-Za-z])", re.IGNORECASE
)
_EN_SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "mn": 10**6,
}
_EN_GLUED = re.compile(r"([kKM])(?![A-Za-z])")
_EN_GLUED_MONEY = re.compile(r"([mbB])(?![A-Za-z])")
_GLUED_SCALES = {"k": 10**3, "K": 10**3, "M": 10**6, "m": 10**6, "b": 10**9, "B": 10**9}

_BE_BEFORE = re.compile(rf"(?:(?<![A-Za-z])B\.?E\.?|พ\.\s?ศ\.|佛历|佛曆){_SP}$")
_CE_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?:A\.?D\.?|C\.?E\.?)|ค\.\s?ศ\.|公元){_SP}$")
_BE_AFTER = re.compile(rf"{_SP}B\.?E\.?(?![A-Za-z])")
_CE_AFTER = re.compile(rf"{_SP}(?:A\.?D\.?|C\.?E\.?)(?![A-Za-z])")
_THAI_YEAR_WORD = re.compile(rf"(?<![{DIGITS}])(?<![{DIGITS}] )ปี\s?$")
_HAN_YEAR_WORD = re.compile(r"\s?年")
#: What follows a time of day written ``10.30`` (Thai official style: ``10.30 น.``, "นาฬิกา").
_TIME_AFTER = {
    "th": re.compile(r"\s?(?:น\.|นาฬิกา)"),
    "en": MERIDIEM_AFTER,
}


@dataclass(frozen=True)
class NumberMention:
    """One number of a text.

    ``text == source[start:end]`` (code-point offsets in the original text), the number as
    written with its scale word, percent sign or era marker. ``value`` is what was read (50 for
    ``50%``; the year as written for years; ``YYYYMMDD`` for dates); ``values`` is every value the
    mention may stand for (both eras of a year) and always includes ``value``. ``date`` is
    ``(year C.E., month, day)`` for kind ``date``, with ``None`` for a part the text leaves out.
    """

    start: int
    end: int
    text: str
    value: Decimal
    kind: str
    values: frozenset
    date: tuple[int | None, int | None, int | None] | None = None


def _exact(value: Decimal) -> Decimal:
    """``value`` without a spurious fraction: ``12000.0`` → ``12000``."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value


def _mention(
    text: str, start: int, end: int, value: Decimal, kind: str, extra: Iterable[int | Decimal] = ()
) -> NumberMention:
    value = _exact(value)
    values = frozenset({value, *(Decimal(other) for other in extra)})
    return NumberMention(start, end, text[start:end], value, kind, values)


#: How far back a marker before a number is looked for (``พ.ศ. ``, ``ร้อยละ ``, ``百分之``).
_WINDOW = 16


def _marker_before(pattern: re.Pattern[str], text: str, pos: int) -> int | None:
    """Where a match of ``pattern`` (anchored with ``$``) ending at ``text[pos]`` starts, or ``None``."""
    offset = max(0, pos - _WINDOW)
    match = pattern.search(text[offset:pos])
    return None if match is None else offset + match.start()


def _has_minus(text: str, start: int) -> bool:
    """Whether ``text[start - 1]`` is a minus sign of the number at ``start`` (not a hyphen or a dash)."""
    if start == 0 or text[start - 1] not in _MINUS:
        return False
    pos = start - 2
    if pos >= 0 and (text[pos].isalnum() or text[pos] in ".,"):
        return False  # A-12, COVID-19, 02-123
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return not (pos < start - 2 and pos >= 0 and (text[pos].isdecimal() or text[pos] in "%％"))  # 10 - 20


def _scale(text: str, number: DigitNumber, lang: str) -> tuple[int, int] | None:
    """``(end, multiplier)`` of a scale word right after ``number``."""
    end = number.end
    if lang == "en":
        match = _EN_SCALE_WORD.match(text, end)
        if match:
            return match.end(), _EN_SCALES[match.group(1).lower()]
        match = _EN_GLUED.match(text, end)
        if match:
            return match.end(), _GLUED_SCALES[match.group(1)]
        match = _EN_GLUED_MONEY.match(text, end)
        if match and number.start and text[number.start - 1] in _CURRENCY:
            return match.end(), _GLUED_SCALES[match.group(1)]
    elif lang == "th":
        pos = end + 1 if end < len(text) and text[end] in GROUP_SPACES else end
        return scale_after(text, pos)
    return None


def _year(text: str, number: DigitNumber, lang: str) -> NumberMention | None:
    """The year mention of a plain ``number`` (see the module docstring), or ``None``."""
    if not number.plain:
        return None
    value, width = int(number.value), number.width
    era = None
    begin, finish = number.start, number.end
    if (marker := _marker_before(_BE_BEFORE, text, begin)) is not None:
        era, begin = "BE", marker
    elif (marker := _marker_before(_CE_BEFORE, text, begin)) is not None:
        era, begin = "CE", marker
    elif match := _BE_AFTER.match(text, number.end):
        era, finish = "BE", match.end()
    elif match := _CE_AFTER.match(text, number.end):
        era, finish = "CE", match.end()
    elif lang == "th" and _marker_before(_THAI_YEAR_WORD, text, begin) is not None:
        era = "ปี"
    elif lang == "zh" and _HAN_YEAR_WORD.match(text, number.end) and width == 4:
        era = "CE"
    if era == "CE" and width <= 4 and value > 0:
        return _mention(text, begin, finish, number.value, "year", {value + BE_OFFSET})
    if era in ("BE", "ปี") and width == 2:
        be = 2500 + value
        return _mention(text, begin, finish, Decimal(be), "year", {value, be - BE_OFFSET})
    if width != 4 or text[number.start] in "0\u0e50\uff10":
        return None
    if era == "BE" or (era == "ปี" and value > 2400):
        return _mention(text, begin, finish, number.value, "year", {value - BE_OFFSET})
    if era == "ปี" or 1900 <= value <= 2100:
        return _mention(text, begin, finish, number.value, "year", {value + BE_OFFSET})
    if lang == "th" and 2443 <= value <= 2643:
        return _mention(text, begin, finish, number.value, "year", {value - BE_OFFSET})
    return None


def _digit_mention(text: str, number: DigitNumber, lang: str) -> tuple[NumberMention, int | None]:
    """The mention of one number written with digits, and the multiplier of its scale word if any."""
    start, end, value = number.start, number.end, number.value
    negative = _has_minus(text, start)
    if negative:
        start, value = start - 1, -value
    scale = _scale(text, number, lang)
    if scale is not None:
        end, multiplier = scale
        return _mention(text, start, end, _EXACT.multiply(value, Decimal(multiplier)), "number"), multiplier
    percent = _percent(text, start, end, lang)
    if percent is not None:
        return _mention(text, percent[0], percent[1], value, "percent"), None
    if not negative:
        year = _year(text, number, lang)
        if year is not None:
            return year, None
    return _mention(text, start, end, value, "number"), None


def _percent(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The span of a percentage around the number at ``text[start:end]``, or ``None``."""
    after = _PERCENT_AFTER.get(lang, _PERCENT_AFTER["*"]).match(text, end)
    if after:
        return start, after.end()
    before = _PERCENT_BEFORE.get(lang)
    if before is not None and (marker := _marker_before(before, text, start)) is not None:
        return marker, end
    return None


def _split_times(text: str, numbers: list[DigitNumber], lang: str) -> list[DigitNumber]:
    """``10.30 น.`` and ``10.30 am`` are times (hours and minutes), not 10.3: read as 10 and 30."""
    pattern = _TIME_AFTER.get(lang)
    if pattern is None:
        return numbers
    out: list[DigitNumber] = []
    for number in numbers:
        written = text[number.start:number.end]
        hours, point, minutes = written.partition(".")
        is_time = point and len(hours) <= 2 and len(minutes) == 2 and pattern.match(text, number.end)
        if is_time and int(to_decimal(hours)) <= 24 and int(to_decimal(minutes)) < 60:
            out.append(DigitNumber(number.start, number.start + len(hours), to_decimal(hours), True))
            out.append(DigitNumber(number.end - 2, number.end, to_decimal(minutes), True))
        else:
            out.append(number)
    return out


def _digit_mentions(text: str, lang: str) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    last_multiplier: int | None = None
    numbers = _split_times(text, scan_digit_numbers(text), lang)
    hours = english_hours(text, numbers) if lang == "en" else {}
    for index, number in enumerate(numbers):
        mention, multiplier = _digit_mention(text, number, lang)
        if index in hours and mention.kind == "number" and (mention.start, mention.end) == (number.start, number.end):
            mention = replace(mention, values=mention.values | {Decimal(hours[index])})  # 7 p.m.: 7 and 19
        previous = mentions[-1] if mentions else None
        if (
            lang == "th" and previous is not None and multiplier and last_multiplier
            and multiplier < last_multiplier and mention.value < last_multiplier
            and text[previous.end:mention.start] in ("", *GROUP_SPACES)
        ):  # 3 ล้าน 5 แสน: one number
            merged = _EXACT.add(previous.value, mention.value)
            mentions[-1] = _mention(text, previous.start, mention.end, merged, "number")
        else:
            mentions.append(mention)
        last_multiplier = multiplier
    return mentions


def _word_mentions(text: str, lang: str) -> list[NumberMention]:
    """Mentions of Chinese numerals (``zh``) or Thai number words (``th``)."""
    mentions: list[NumberMention] = []
    if lang == "zh":
        for han in find_han_numbers(text):
            if han.year:
                mentions.append(_mention(text, han.start, han.end, han.value, "year", {han.value + BE_OFFSET}))
                continue
            percent = _percent(text, han.start, han.end, lang)
            if percent is not None:
                mentions.append(_mention(text, percent[0], percent[1], han.value, "percent"))
            else:
                mentions.append(_mention(text, han.start, han.end, han.value, "number"))
    elif lang == "th":
        for words in find_thai_number_words(text):
            percent = _percent(text, words.start, words.end, lang)
            if percent is not None:
                mentions.append(_mention(text, percent[0], percent[1], words.value, "percent"))
            else:
                mentions.append(_mention(text, words.start, words.end, words.value, "number"))
    return mentions


def _clock_mentions(text: str, lang: str) -> list[NumberMention]:
    """Thai clock times (:mod:`trilex.lang.times`): the hour, and the minutes where written."""
    if lang != "th":
        return []
    mentions = []
    for clock in find_thai_clock_times(text):
        mentions.append(_mention(text, clock.start, clock.end, Decimal(clock.hour), "number", clock.values))
        if clock.minutes is not None:
            start, end, minutes = clock.minutes
            mentions.append(_mention(text, start, end, Decimal(minutes), "number"))
    return mentions


def _date_mentions(text: str, lang: str) -> list[NumberMention]:
    mentions = []
    for found in find_dates(text, lang):
        value = Decimal((found.year or 0) * 10000 + found.month * 100 + (found.day or 0))
        mention = _mention(text, found.start, found.end, value, "date")
        mentions.append(replace(mention, date=(found.year, found.month, found.day)))
    return mentions


def _longest_first(candidates: list[NumberMention]) -> list[NumberMention]:
    """Non-overlapping mentions, longest first (a date before its numbers), in text order."""
    rank = {"date": 0, "percent": 1, "year": 2, "number": 3}
    chosen: list[NumberMention] = []
    taken = bytearray(max((m.end for m in candidates), default=0))
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, rank[m.kind], m.start)):
        if not any(taken[mention.start:mention.end]):
            chosen.append(mention)
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(chosen, key=lambda m: m.start)


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number of ``text``, in text order; ``lang`` is a BCP 47 tag (rules in the module docstring)."""
    primary = primary_subtag(lang)
    candidates = _digit_mentions(text, primary)
    candidates += _word_mentions(text, primary)
    candidates += _date_mentions(text, primary)
    clocks = _clock_mentions(text, primary)
    if clocks:  # a clock time takes its words and digits from the other readings (ตี 4.40 is no 4.4)
        taken = bytearray(len(text))
        for clock in clocks:
            taken[clock.start:clock.end] = b"\x01" * (clock.end - clock.start)
        candidates = [m for m in candidates if not any(taken[m.start:m.end])] + clocks
    return _longest_first(candidates)


def same_number(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions can stand for the same number.

    Two dates are the same when they agree on every part both give (year, month, day) and both
    give at least one part; a date is never the same as a mention that is not a date. Anything
    else is the same when the value sets overlap (``2025`` and ``พ.ศ. 2568``; ``50%`` and ``50``:
    comparing kinds is the caller's choice).
    """
    if a.kind == "date" or b.kind == "date":
        if a.date is None or b.date is None:
            return False
        shared = [(x, y) for x, y in zip(a.date, b.date) if x is not None and y is not None]
        return bool(shared) and all(x == y for x, y in shared)
    return not a.values.isdisjoint(b.values)
