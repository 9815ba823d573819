"""Calendar dates in Thai, Chinese and English text, with Buddhist Era years turned into C.E.

Every date is checked against the calendar (month 1–12, a day the month has; 29 February only
in leap years when the year is known). A date may lack its year (``23 กุมภาพันธ์``, ``2月23日``,
``February 23``) or its day (``กุมภาพันธ์ 2568``, ``2025年2月``, ``February 2025``), never its month.

* **Everywhere**: year-first numeric dates ``2025-02-23``, ``2025/02/23``, ``2025.02.23`` (ISO 8601
  order; the same separator twice; in Thai text a year above 2400 is B.E.). Day-first and
  month-first numeric dates (``02/03/2025``) are not dates here: they mean different days in
  British and American English.
* **Thai** (``th``), in the order of the Royal Institute and of Thai government documents (the
  Office of the Prime Minister's rules on official correspondence, ระเบียบสำนักนายกรัฐมนตรีว่าด้วย
  งานสารบรรณ): day, month, year, with an optional era marker before the year —
  ``23 ก.พ. 2568``, ``23 กุมภาพันธ์ 2568``, ``วันที่ 23 กุมภาพันธ์ พ.ศ. 2568`` (``วันที่`` is not part of
  the date), ``๒๓ ก.พ. ๖๘``, ``เดือนมีนาคม ปี 2567``. Months by full name (มกราคม … ธันวาคม) or
  the Royal Institute abbreviations (ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย.
  ธ.ค.). A year after ``พ.ศ.``, or above 2400 without a marker, is Buddhist Era (C.E. = B.E. − 543); a two-digit year
  (``68``) is B.E. 25xx, and is accepted only after ``พ.ศ.``/``ปี`` or an abbreviated month, the way
  Thai documents shorten it; a year after ``ค.ศ.`` is C.E. Also ``23/2/2568``, day first, when
  the year is B.E. (above 2400): only Thai writes dates that way with a B.E. year.
* **Chinese** (``zh``): ``2025年2月23日`` (or ``号``), ``2月23日``, ``2025年2月``, with Arabic digits
  or Chinese numerals (``二〇二五年二月二十三日``, as GB/T 15835-2011 writes them); years are C.E.
* **English** (``en``): ``February 23, 2025``, ``Feb. 23, 2025``, ``23 February 2025``, ``23rd of
  February 2025``, ``February 2025``, ``February 23``. Month names must be capitalised (``may`` is
  a verb) and abbreviations are the usual three letters (and ``Sept``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from trilex.lang.digits import ANY_DIGIT, DIGITS
from trilex.lang.numerals_zh import HAN_DIGITS, parse_han_number

#: Buddhist Era minus Common Era (Royal Institute; B.E. 2568 = C.E. 2025).
BE_OFFSET = 543

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
THAI_MONTH_ABBREVIATIONS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
                            "พ.ย.", "ธ.ค.")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: ``text[start:end]``; ``year`` is C.E. (or ``None``)."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None


_D = f"[{DIGITS}]"
_ND = f"(?<!{_D})"  # not after a digit
_NOT_D = f"(?!{_D})"


def _abbreviation_pattern(abbreviation: str) -> str:
    first, second = abbreviation.rstrip(".").split(".")
    return rf"{first}\.\s?{second}\."


_TH_FULL = "|".join(THAI_MONTHS)
_TH_ABBR = "|".join(_abbreviation_pattern(a) for a in THAI_MONTH_ABBREVIATIONS)
_TH_ERA = r"(?:ปี\s*)?(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.|ปี)"
_TH_YEAR = rf"(?:\s*{_TH_ERA})?\s*(?P<y>{_D}{{4}}|{_D}{{2}})(?!{_D}|[.:]{_D})"
_THAI = [
    re.compile(rf"{_ND}(?P<d>{_D}{{1,2}})\s*(?P<m>{_TH_FULL}|{_TH_ABBR})(?:{_TH_YEAR})?"),
    re.compile(rf"(?P<m>{_TH_FULL}|{_TH_ABBR}){_TH_YEAR}"),
    re.compile(rf"{_ND}(?P<d>{_D}{{1,2}})/(?P<m>{_D}{{1,2}})/(?P<y>{_D}{{4}}){_NOT_D}"),
]
_LATIN_LETTER = re.compile("[A-Za-z]")
_ISO = re.compile(
    rf"{_ND}(?<![.:/-])(?P<y>{_D}{{4}})(?P<sep>[-/.])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}}){_NOT_D}"
    rf"(?![.:/-]{_D})"
)

_HAN_DIGIT = "〇零一二三四五六七八九"
_ZH_YEAR = rf"(?P<y>{_D}{{4}}|[{_HAN_DIGIT}]{{4}})\s?年"
_ZH_MONTH = rf"(?P<m>{_D}{{1,2}}|十[一二]?|[一二三四五六七八九])\s?月"
_ZH_DAY = rf"(?P<d>{_D}{{1,2}}|三十一?|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?[日号號]"
_CHINESE = [
    re.compile(rf"{_ND}{_ZH_YEAR}\s?{_ZH_MONTH}(?:\s?{_ZH_DAY})?"),
    re.compile(rf"(?<![{DIGITS}{_HAN_DIGIT}十年])\s?{_ZH_MONTH}\s?{_ZH_DAY}"),
]

_EN_MONTH = (
    r"\b(?P<m>(?:" + "|".join(ENGLISH_MONTHS)
    + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_EN_DAY = rf"(?P<d>{_D}{{1,2}})(?:st|nd|rd|th)?{_NOT_D}"
_EN_YEAR = rf"(?P<y>{_D}{{4}}){_NOT_D}"
_ENGLISH = [
    re.compile(rf"{_EN_MONTH}\s*{_EN_DAY}(?:,?\s+{_EN_YEAR})?"),
    re.compile(rf"{_ND}{_EN_DAY}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+{_EN_YEAR})?"),
    re.compile(rf"{_EN_MONTH},?\s+{_EN_YEAR}"),
]


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: 29 Feb allowed
    return 1 <= day <= last


def _number(written: str) -> int | None:
    if written[0] in _HAN_DIGIT + "十":
        if len(written) == 4:  # 二〇二五: digit by digit
            return int("".join(str(HAN_DIGITS[ch]) for ch in written))
        value = parse_han_number(written)
        return None if value is None else int(value)
    return int(written)


def _thai_month(written: str) -> int:
    if written in THAI_MONTHS:
        return THAI_MONTHS.index(written) + 1
    compact = written.replace(" ", "")
    return THAI_MONTH_ABBREVIATIONS.index(compact) + 1


def _english_month(written: str) -> int:
    written = written.rstrip(".")
    for number, name in enumerate(ENGLISH_MONTHS, 1):
        if name.startswith(written[:3]):
            return number
    raise ValueError(written)


def _thai_year(match: re.Match[str], abbreviated: bool) -> int | None | bool:
    """C.E. year of a Thai date, ``None`` when it has none, ``False`` when the year is not acceptable."""
    written = match.groupdict().get("y")
    if not written:
        return None
    era = (match.groupdict().get("era") or "").replace(" ", "")
    year = int(written)
    if len(written) == 2:
        if era not in ("พ.ศ.", "ปี") and not abbreviated:
            return False
        return 2500 + year - BE_OFFSET
    if era == "ค.ศ.":
        return year
    if era == "พ.ศ." or year > 2400:
        return year - BE_OFFSET
    return year


def _thai_dates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for index, pattern in enumerate(_THAI):
        for match in pattern.finditer(text):
            start, end = match.span()
            if index == 2:
                year = int(match.group("y"))
                if year <= 2400:
                    continue
                year, month, day = year - BE_OFFSET, int(match.group("m")), int(match.group("d"))
            else:
                written_month = match.group("m")
                month = _thai_month(written_month)
                day = int(match.group("d")) if index == 0 else None
                year = _thai_year(match, written_month not in THAI_MONTHS)
                if year is False:
                    if index == 1:
                        continue
                    year, end = None, match.end("m")
            if _valid(year, month, day):
                found.append(DateMatch(start, end, year, month, day))  # type: ignore[arg-type]
    return found


def _chinese_dates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for pattern in _CHINESE:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            year = _number(groups["y"]) if groups.get("y") else None
            month = _number(groups["m"])
            day = _number(groups["d"]) if groups.get("d") else None
            if month is None or (groups.get("d") and day is None):
                continue
            start = match.start("y") if groups.get("y") else match.start("m")
            if _valid(year, month, day):
                found.append(DateMatch(start, match.end(), year, month, day))
    return found


def _english_dates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for pattern in _ENGLISH:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            year = int(groups["y"]) if groups.get("y") else None
            day = int(groups["d"]) if groups.get("d") else None
            month = _english_month(groups["m"])
            if _valid(year, month, day):
                found.append(DateMatch(match.start(), match.end(), year, month, day))
    return found


def find_dates(text: str, language: str) -> list[DateMatch]:
    """Every date of ``text`` in the conventions of ``language`` (a primary subtag: ``th``, ``zh``, ``en``).

    Matches may overlap (``23 กุมภาพันธ์ 2568`` and ``กุมภาพันธ์ 2568``); the caller keeps the longest.
    """
    # Every form but the Chinese one has a digit, and most sentences have none.
    has_digit = ANY_DIGIT.search(text) is not None
    found = _iso_dates(text, language) if has_digit else []
    if language == "th" and has_digit:
        found.extend(_thai_dates(text))
    elif language == "zh":
        found.extend(_chinese_dates(text))  # Han numerals need no digit (三月五日)
    if has_digit and _LATIN_LETTER.search(text):
        found.extend(_english_dates(text))  # also an English date left in a Thai or Chinese text
    return found


def _iso_dates(text: str, language: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for match in _ISO.finditer(text):
        year = int(match.group("y"))
        if language == "th" and year > 2400:
            year -= BE_OFFSET
        month, day = int(match.group("m")), int(match.group("d"))
        if _valid(year, month, day):
            found.append(DateMatch(match.start(), match.end(), year, month, day))
    return found
