"""Numbers written with digits, read as exact values: the layer under :mod:`trilex.lang.numbers`.

Digits are ASCII ``0-9``, Thai ``๐-๙`` (U+0E50–0E59, the ``thai`` numbering system of CLDR,
``common/supplemental/numberingSystems.xml``) and full-width ``０-９`` (U+FF10–FF19, the
``fullwide`` system). Python reads all three as the same decimal digits, so ``๒๕๖๘`` is 2568.

Rules of :func:`scan_digit_numbers`, applied left to right, longest reading first:

* **Thousands separators**: ``,`` between groups of exactly three digits after a first group of
  one to three (``1,000``, ``12,345,678.9``). A comma that breaks the pattern is not a separator:
  ``1,2345`` is 1 and 2345, ``1,000,2`` is 1, 000 and 2 (a list, not a number). The full-width
  comma ``，`` is never a separator: in Chinese it separates items (``100，200``).
* **Space separators**: a space, no-break space (U+00A0), narrow no-break space (U+202F) or thin
  space (U+2009) between groups of exactly three digits (``1 000``, ``12 345 678``), the style of
  the SI Brochure (BIPM) and ISO 80000-1. The groups must be the whole run: ``2 123
  4567`` (a phone number) is read as 2, 123 and 4567, not 2123.
* **Decimals**: ``.`` followed by digits (``3.5``); a leading ``.5`` after a space or punctuation
  is 0.5. The decimal comma (``3,5``) is not read: none of trilex's languages writes it.
* **Dotted sequences** of three or more parts (a version ``2.5.1``, an address ``192.168.0.1``)
  are not decimals: each part is read as a whole number of its own (2, 5, 1), so two different
  versions still differ part by part.
* Everything else (times ``10:30``, phone numbers ``02-123-4567``, identifiers ``A-12``,
  ``COVID-19``) gets no special treatment: its digit runs are read as plain numbers.

Signs, percent signs, scale words and era markers around a number are the business of
:mod:`trilex.lang.numbers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

#: Every digit this module reads, as a regular-expression character class body: CLDR's numbering
#: systems ``latn``, ``thai`` (U+0E50–0E59) and ``fullwide`` (U+FF10–FF19).
DIGITS = "0-9\u0e50-\u0e59\uff10-\uff19"
#: Space characters accepted between groups of three digits.
GROUP_SPACES = " \u00a0\u202f\u2009"

_D = f"[{DIGITS}]"
_S = f"[{GROUP_SPACES}]"
_NUMBER = re.compile(
    rf"(?<!{_D})(?:"
    rf"(?P<dotted>{_D}+(?:\.{_D}+){{2,}})"
    rf"|(?P<comma>{_D}{{1,3}}(?:,{_D}{{3}})+(?!{_D}|,{_D})(?:\.{_D}+)?)"
    rf"|(?<!{_D}{_S})(?P<space>{_D}{{1,3}}(?:{_S}{_D}{{3}})+(?!{_D}|{_S}{_D})(?:\.{_D}+)?)"
    rf"|(?P<plain>{_D}+(?:\.{_D}+)?)"
    rf"|(?<![\w.])(?P<fraction>\.{_D}+)"
    rf")(?!{_D})"
)
#: Any digit: a text without one holds no number this module reads (a quick test first).
ANY_DIGIT = re.compile(f"[{DIGITS}]")
_TO_ASCII = str.maketrans(
    {**{chr(0x0E50 + i): str(i) for i in range(10)}, **{chr(0xFF10 + i): str(i) for i in range(10)}}
)
_SEPARATORS = str.maketrans("", "", "," + GROUP_SPACES)


@dataclass(frozen=True)
class DigitNumber:
    """One number written with digits: ``text[start:end]`` read as ``value``.

    ``plain`` is true for a bare run of digits (no separator, no decimal point, not a part of a
    dotted sequence): only those can be years.
    """

    start: int
    end: int
    value: Decimal
    plain: bool

    @property
    def width(self) -> int:
        """How many characters the number takes in the text."""
        return self.end - self.start


def to_decimal(written: str) -> Decimal:
    """The value of a number written with any of the digits above, separators allowed."""
    ascii_text = written.translate(_TO_ASCII).translate(_SEPARATORS)
    if ascii_text.startswith("."):
        ascii_text = "0" + ascii_text
    return Decimal(ascii_text)


def scan_digit_numbers(text: str) -> list[DigitNumber]:
    """Every number written with digits in ``text``, left to right (see the module docstring)."""
    found: list[DigitNumber] = []
    if ANY_DIGIT.search(text) is None:  # most sentences: the full pattern is tried at every offset
        return found
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if match.lastgroup == "dotted":
            pos = start
            for part in match.group().split("."):
                found.append(DigitNumber(pos, pos + len(part), to_decimal(part), False))
                pos += len(part) + 1
            continue
        written = match.group()
        plain = match.lastgroup == "plain" and "." not in written
        found.append(DigitNumber(start, end, to_decimal(written), plain))
    return found
