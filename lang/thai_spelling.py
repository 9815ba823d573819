"""Thai spellings that look right on screen but are stored wrong, and invisible characters.

Thai is typed as a base consonant followed by its marks; fonts draw several wrong sequences the
same as the right one, so the mistakes survive proof-reading and break search, sorting and
matching. The order is Unicode's (The Unicode Standard, ch. 16.4 Thai; the TIS-620 input order
that WTT 2.0 keyboard rules enforce): consonant, then the vowel above or below, then the tone
mark; ``ำ`` is one character, ``แ`` is one character.

:func:`spelling_problems` reports, with the corrected text (from
:func:`trilex.lang.normalize.normalize`, which repairs the same sequences for matching):

* ``เเ`` (two SARA E) for ``แ`` (SARA AE);
* ``ํา`` (NIKHAHIT + SARA AA, tone marks allowed in between) for ``ำ`` (SARA AM);
* a tone mark or THANTHAKHAT before the vowel above/below it (``ก่ี`` for ``กี่``), or after a
  following vowel (``กำ้`` for ``ก้ำ``);
* the same mark twice (``ก้้``); two different tone marks on one consonant (``ก่้``, ``นี่้``),
  which has no sure correction (which one was meant?), only a place;
* a combining mark with no consonant under it (at the start, after a space, a leading vowel
  ``เแโใไ`` or a non-Thai character): it has no correction, only a place;
* invisible characters with no job in Thai text: ZERO WIDTH NON-JOINER/JOINER, WORD JOINER,
  SOFT HYPHEN, a BOM inside the text (their correction is nothing). ZERO WIDTH SPACE is not
  reported: Thai text uses it on purpose to mark word breaks for line wrapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trilex.lang.normalize import THAI_FOLLOW_VOWELS as _FOLLOW
from trilex.lang.normalize import THAI_MARKS as _MARKS
from trilex.lang.normalize import THAI_TOP_MARKS as _TOP
from trilex.lang.normalize import THAI_VOWEL_MARKS as _VOWELS_ABOVE_BELOW
from trilex.lang.normalize import normalize

_CONSONANTS = "\u0e01-\u0e2e"
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"

_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("two SARA E (เเ) for SARA AE (แ)", "leading", re.compile("\u0e40\u0e40")),
    ("NIKHAHIT + SARA AA (ํา) for SARA AM (ำ)", "order", re.compile(f"\u0e4d[{_TONES}]*\u0e32")),
    ("a tone mark typed before its vowel", "order", re.compile(f"[{_TOP}]+[{_VOWELS_ABOVE_BELOW}]")),
    ("a mark typed after a following vowel", "order", re.compile(f"[{_FOLLOW}][{_MARKS}]+")),
    ("a doubled mark", "order", re.compile(f"([{_MARKS}])\\1+")),
    ("two tone marks on one consonant", "unsure",
     re.compile(f"([{_TONES}])[{_VOWELS_ABOVE_BELOW}]?(?!\\1)[{_TONES}]")),
    ("a combining mark with no consonant under it", "orphan",
     re.compile(f"(?:^|(?<=[^{_CONSONANTS}{_MARKS}{_FOLLOW}]))[{_MARKS}]+")),
    ("an invisible character", "invisible", re.compile("[\u200c\u200d\u2060\u00ad]|(?<!^)\ufeff")),
)


@dataclass(frozen=True)
class SpellingProblem:
    """One misspelt stretch: where it is, what is wrong, and the corrected text (``None``: none sure)."""

    start: int
    end: int
    text: str
    problem: str
    correction: str | None


def spelling_problems(text: str) -> list[SpellingProblem]:
    """Every stored-wrong Thai sequence and stray invisible character in ``text``, in text order."""
    if not _may_have_problems(text):
        return []
    found: list[SpellingProblem] = []
    taken: list[tuple[int, int]] = []
    for problem, kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = _cluster(text, match.start(), match.end()) if kind in ("order", "unsure") else match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            stretch = text[start:end]
            correction = {"order": lambda: normalize(stretch).text, "leading": lambda: normalize(stretch).text,
                          "invisible": lambda: "", "orphan": lambda: None, "unsure": lambda: None}[kind]()
            if correction == stretch:
                continue
            found.append(SpellingProblem(start, end, stretch, problem, correction))
    return sorted(found, key=lambda problem: problem.start)


def _any_problem() -> re.Pattern[str]:
    """One search for all the patterns (their back references renamed apart), to skip clean text fast."""
    parts = []
    for number, (_, _, pattern) in enumerate(_PATTERNS):
        parts.append(pattern.pattern.replace("([", f"(?P<g{number}>[", 1).replace("\\1", f"(?P=g{number})")
                     if "\\1" in pattern.pattern else pattern.pattern)
    # Every problem starts with SARA E, a mark, a following vowel or an invisible character: the
    # lookahead lets the engine skip other characters before trying the eight patterns (2× faster).
    first = f"[\u0e40{_MARKS}{_FOLLOW}\u200c\u200d\u2060\u00ad\ufeff]"
    return re.compile(f"(?={first})(?:" + "|".join(f"(?:{part})" for part in parts) + ")")


_ANY = _any_problem()


def _may_have_problems(text: str) -> bool:
    return _ANY.search(text) is not None


def _cluster(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the whole syllable cluster: the consonant before and every mark after.
    (Not for ``เเ``: a leading vowel belongs to the consonant after it, and is reported alone.)"""
    while start > 0 and text[start - 1] in _MARKS + _FOLLOW:
        start -= 1
    if start > 0 and "\u0e01" <= text[start - 1] <= "\u0e2e":
        start -= 1
    while end < len(text) and (text[end] in _MARKS or text[end] in _FOLLOW):
        end += 1
    return start, end
