"""Thai number words (``สามสิบห้า``, ``หนึ่งร้อยยี่สิบเอ็ด``) and Thai scale words after digits (``3.5 ล้าน``).

Thai writes no spaces between words, and the number words sit inside ordinary words: ``ห้าม``
"forbid" starts with ``ห้า`` (5), ``สามารถ`` "can" with ``สาม`` (3), ``เก้าอี้`` "chair" with ``เก้า``
(9). A number word is therefore read only where PyThaiNLP's ``newmm`` segmenter, the word
boundaries trilex uses everywhere (:mod:`trilex.lang.thai`), puts a whole word: a run of words
that consist of number words only (``สามสิบห้า|คน`` → 35; ``ห้าม`` is one word and is not read).

The grammar is the formal one, as the Royal Institute writes numbers out and as
``pythainlp.util.num_to_thaiword`` produces them:

* digits ``หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า``; places ``สิบ`` 10, ``ร้อย`` 10², ``พัน`` 10³,
  ``หมื่น`` 10⁴, ``แสน`` 10⁵, ``ล้าน`` 10⁶; ``ล้าน`` repeats for higher powers (``ล้านล้าน`` 10¹²)
  and multiplies the whole number before it (``หนึ่งพันสองร้อยล้าน`` = 1.2×10⁹);
* 20 is ``ยี่สิบ``, 10 is ``สิบ`` (not ``หนึ่งสิบ``), a final 1 after a higher place is ``เอ็ด``
  (``ยี่สิบเอ็ด`` = 21, ``หนึ่งร้อยเอ็ด`` = 101; ``หนึ่ง`` there is accepted too);
* a final digit counts in units: ``สองพันห้า`` = 2005 (the formal reading, not the spoken 2500);
* ``จุด`` is the decimal point, followed by digits read one by one (``สามจุดห้า`` = 3.5).

Not read, on purpose: ``ศูนย์`` alone (it is "centre" as often as "zero": ``ศูนย์ข้อมูล``); a place
word with no digit before it (``แสนดี`` "very good", ``พันแผล`` "bandage", ``ร้อยเอ็ด`` the
province, ``ล้าน`` "bald"); ``เอ็ด`` alone ("to scold"); two digits in a row (``สองสาม`` "two or
three"). A single digit word is read when ``newmm`` makes it a word of its own: ``สองข้าง`` (both
sides) is 2, ``คนหนึ่ง`` (a person) is 1, while ``หกล้ม`` (fall over), ``สามเหลี่ยม`` (triangle) and
``สี่แยก`` (crossroads) are single words and are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from trilex.lang.thai import segment_thai_run

_DIGIT_WORDS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9}
#: Place words after digits (``1,200 ล้าน``).
SCALE_WORDS = {"ร้อย": 10**2, "พัน": 10**3, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": 10**6}
_MORPHEMES = [*_DIGIT_WORDS, "ศูนย์", "เอ็ด", "ยี่", "สิบ", *SCALE_WORDS, "จุด"]
_NUMBER_WORD = re.compile("(?:" + "|".join(sorted(_MORPHEMES, key=len, reverse=True)) + ")+")
_ANY_MORPHEME = re.compile("|".join(sorted(_MORPHEMES, key=len, reverse=True)))
_D = "|".join(_DIGIT_WORDS)
_BELOW_MILLION = re.compile(
    rf"(?:(?P<p5>{_D})แสน)?(?:(?P<p4>{_D})หมื่น)?(?:(?P<p3>{_D})พัน)?(?:(?P<p2>{_D})ร้อย)?"
    rf"(?:(?P<p1>ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?(?P<ten>สิบ))?(?P<p0>เอ็ด|{_D})?"
)
_FRACTION = re.compile(f"(?:ศูนย์|{_D})+")
_FRACTION_DIGIT = re.compile(f"ศูนย์|{_D}")
#: Scale words after digits: ``(ร้อย|พัน|หมื่น|แสน)? ล้าน*`` (ร้อย only before ล้าน: ``5 ร้อยล้าน``).
_SCALE_AFTER_DIGITS = re.compile("(?:(?:ร้อย(?=ล้าน)|พัน|หมื่น|แสน)(?:ล้าน)*|(?:ล้าน)+)")
_THAI_RUN = re.compile("[\u0e01-\u0e4f\u0e5a\u0e5b]+")


@dataclass(frozen=True)
class ThaiNumberWords:
    """Thai number words found in a text: ``text[start:end]`` read as ``value``."""

    start: int
    end: int
    value: Decimal


def _below_million(words: str, higher: bool) -> int | None:
    """The value of ``words`` (< 10⁶), or ``None``; ``higher``: a higher place comes before them."""
    if not words:
        return 0 if higher else None
    match = _BELOW_MILLION.fullmatch(words)
    if match is None:
        return None
    total = 0
    for group, place in (("p5", 10**5), ("p4", 10**4), ("p3", 10**3), ("p2", 100)):
        if match.group(group):
            total += _DIGIT_WORDS[match.group(group)] * place
    if match.group("ten"):
        tens = match.group("p1")
        total += 10 * (2 if tens == "ยี่" else _DIGIT_WORDS[tens] if tens else 1)
    units = match.group("p0")
    if units == "เอ็ด":
        if not (total or higher):
            return None
        total += 1
    elif units:
        total += _DIGIT_WORDS[units]
    return total


def _integer(words: str, higher: bool = False) -> int | None:
    cut = words.rfind("ล้าน")
    if cut < 0:
        return _below_million(words, higher)
    left, right = words[:cut], words[cut + len("ล้าน"):]
    millions = _integer(left) if left else None
    if not millions:
        return None
    low = _below_million(right, True)
    return None if low is None else millions * 10**6 + low


def parse_thai_number_words(words: str) -> Decimal | None:
    """The value of ``words`` written wholly as Thai number words (``สามสิบห้า`` → 35), else ``None``.

    ``ศูนย์`` alone is 0 here; :func:`find_thai_number_words` leaves it out of running text.
    """
    whole, point, fraction = words.partition("จุด")
    if point:
        if not _FRACTION.fullmatch(fraction):
            return None
        digits = "".join(str(_DIGIT_WORDS.get(d, 0)) for d in _FRACTION_DIGIT.findall(fraction))  # ศูนย์ → 0
        integer = 0 if whole == "ศูนย์" else _integer(whole)
        return None if integer is None else Decimal(f"{integer}.{digits}")
    if words == "ศูนย์":
        return Decimal(0)
    integer = _integer(words)
    return None if integer is None else Decimal(integer)


def _words_with_offsets(text: str) -> list[tuple[int, str]]:
    """``(offset, word)`` for every ``newmm`` word of the Thai runs of ``text`` that hold a number
    morpheme (runs are segmented on their own, so the others cannot hold a number word)."""
    words: list[tuple[int, str]] = []
    for run in _THAI_RUN.finditer(text):
        if _ANY_MORPHEME.search(run.group()) is None:
            continue
        tokens = segment_thai_run(run.group())
        if "".join(tokens) != run.group():
            continue  # cannot place the words back; read nothing rather than guess
        pos = run.start()
        for token in tokens:
            words.append((pos, token))
            pos += len(token)
    return words


#: Words that make the number words after them vague (หลายสิบ "dozens", นับร้อย "hundreds").
_VAGUE = ("หลาย", "นับ", "หลักสิบ", "หลักร้อย", "หลักพัน", "หลักหมื่น", "หลักแสน", "หลักล้าน", "หลัก")


def find_thai_number_words(text: str) -> list[ThaiNumberWords]:
    """Every run of Thai number words in ``text`` that reads as one number (module docstring)."""
    if _ANY_MORPHEME.search(text) is None:
        return []
    found: list[ThaiNumberWords] = []
    words = _words_with_offsets(text)
    i = 0
    while i < len(words):
        if not _NUMBER_WORD.fullmatch(words[i][1]):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and _NUMBER_WORD.fullmatch(words[j + 1][1])
            and words[j + 1][0] == words[j][0] + len(words[j][1])
        ):
            j += 1
        run = words[i:j + 1]
        while run and run[-1][1] == "จุด":
            run = run[:-1]
        while run and run[0][1] == "จุด":
            run = run[1:]
        i = j + 1
        if not run:
            continue
        start, end = run[0][0], run[-1][0] + len(run[-1][1])
        written = text[start:end]
        if written == "ศูนย์" or text.endswith(_VAGUE, 0, start):
            continue  # หลายสิบ, นับพัน: "dozens", "thousands" — no number
        value = parse_thai_number_words(written)
        if value is not None:
            found.append(ThaiNumberWords(start, end, value))
    return found


def scale_after(text: str, pos: int) -> tuple[int, int] | None:
    """Thai scale words that begin at ``text[pos]`` as whole ``newmm`` words: ``(end, multiplier)``.

    ``ล้านบาท`` → the scale ``ล้าน``; ``พันล้าน`` → 10⁹; ``พันธุ์`` (a variety) is a word of its own
    and gives ``None``, as does ``ล้านนา`` (Lanna).
    """
    run = _THAI_RUN.match(text, pos)
    if run is None or not text.startswith(tuple(SCALE_WORDS), pos):
        return None
    taken = scale = ""
    for token in segment_thai_run(run.group()):
        parts = _ANY_MORPHEME.findall(token)
        if not _NUMBER_WORD.fullmatch(token) or not all(part in SCALE_WORDS for part in parts):
            break
        taken += token
        if _SCALE_AFTER_DIGITS.fullmatch(taken):
            scale = taken  # the longest run of whole words that is a scale
    if not scale:
        return None
    multiplier = 1
    for part in _ANY_MORPHEME.findall(scale):
        multiplier *= SCALE_WORDS[part]
    return pos + len(scale), multiplier
