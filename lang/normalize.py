"""Text normalization for matching, with an exact map back to the text as the user wrote it.

Every matcher and comparison in trilex works on :func:`normalize` output, and every span it
reports is mapped back through :attr:`Normalized.offsets`, so users always see their own text.

Rules of :func:`normalize` (no case folding; idempotent):

* **Full-width forms and compatibility characters** become their NFKC form: ``ＡＩ`` → ``AI``,
  ``１２`` → ``12``, ``，`` → ``,``; combining sequences are composed (``e`` + U+0301 → ``é``).
* **Thai SARA AM stays composed** (U+0E33): NFKC would split it into NIKHAHIT + SARA AA, which
  PyThaiNLP's dictionary does not know. The decomposed spelling (U+0E4D U+0E32, tone marks
  allowed in between) is composed into SARA AM.
* **Thai character order**, as in ``pythainlp.util.reorder_vowels`` but with offsets kept:
  above/below vowels come before tone marks and THANTHAKHAT (``ก่ี`` → ``กี่``), tone marks typed
  after a following vowel move before it (``กำ้`` → ``ก้ำ``), a repeated mark is kept once
  (``ก้้`` → ``ก้``) and two SARA E become SARA AE (``เเ`` → ``แ``).
* **Dashes**: the dash family (``‐ ‑ ‒ – — ― − ﹘ ﹣ －``) becomes ``-``.
* **Spaces**: every space character (no-break space, ideographic space, tabs, line breaks…)
  becomes ``' '``; zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) are
  removed; a run of spaces and zero-width characters becomes one ``' '`` (or nothing, if it had
  no real space in it).

:func:`fold` adds case folding, for comparisons. :func:`match_key` is the key used to merge
and de-duplicate terms: it also drops every space that does not separate two words of spaced
scripts (Latin letters, digits), so ``南 A中心`` == ``南A中心`` and Thai ``หนาน เอ`` == ``หนานเอ``.

Already-normal text (the common case) takes a fast path: one character-class search for
characters outside ASCII, Thai and CJK, ``str.replace`` for the 1:1 mappings it finds, and one
search for Thai order and double-space problems; only the rest goes through the slow path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate

#: Characters folded onto ``-``.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
#: Characters removed outright (zero width).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Characters that become a plain space.
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

SARA_AM = "\u0e33"
SARA_AA = "\u0e32"
NIKHAHIT = "\u0e4d"
SARA_E = "\u0e40"
SARA_AE = "\u0e41"
#: Thai above and below vowels (and PHINTHU, MAITAIKHU): written before tone marks.
THAI_VOWEL_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47"
#: Thai tone marks and signs written last: MAI EK … MAI CHATTAWA, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
THAI_TOP_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
#: Every Thai combining mark (they sit on a consonant).
THAI_MARKS = THAI_VOWEL_MARKS + THAI_TOP_MARKS
#: Thai vowels that follow the consonant and carry no marks of their own.
THAI_FOLLOW_VOWELS = "\u0e30\u0e32\u0e33\u0e45"


def _one_to_one_table() -> dict[int, str]:
    table = {ord(ch): "-" for ch in DASHES}
    table.update({ord(ch): " " for ch in SPACES})
    # Full-width ASCII variants: NFKC maps each onto one ASCII character.
    for code in range(0xFF01, 0xFF5F):
        table[code] = unicodedata.normalize("NFKC", chr(code))
    table[0xFF0D] = "-"
    return table


_TABLE = _one_to_one_table()

_M = f"[{THAI_MARKS}]"
_FV = f"[{THAI_FOLLOW_VOWELS}]"
#: Characters that are normal as they stand: printable ASCII, Thai (SARA AM included, NIKHAHIT
#: not), CJK unified ideographs and the ideographic punctuation NFKC leaves alone.
_PLAIN = "\x20-\x7e\u0e01-\u0e3a\u0e3f-\u0e4c\u0e4e-\u0e5b\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u3014-\u301b"
_ODD = re.compile(f"[^{_PLAIN}]")
#: Sequences of plain Thai characters the slow path would change: a tone mark or follow vowel
#: followed by a mark, two vowel marks in a row (two searches: one alternation is 3× slower).
_THAI_TROUBLE = (
    re.compile(f"[{THAI_TOP_MARKS}{THAI_FOLLOW_VOWELS}]{_M}"),
    re.compile(f"[{THAI_VOWEL_MARKS}][{THAI_VOWEL_MARKS}]"),
)
#: Odd character → what the fast path writes instead (itself, or its 1:1 replacement), or
#: ``None`` when the slow path must run (zero width, NIKHAHIT, combining marks, NFKC changes).
_VERDICTS: dict[str, str | None] = {}


def _verdict(ch: str) -> str | None:
    verdict = _TABLE.get(ord(ch))
    if verdict is None:
        nfkc = unicodedata.normalize("NFKC", ch)
        if ch in ZERO_WIDTH or ch == NIKHAHIT or unicodedata.combining(ch) or nfkc != ch:
            verdict = None
        elif unicodedata.category(ch)[0] == "M" or "\u1100" <= ch <= "\u11ff":
            verdict = None  # marks and conjoining jamo may compose with their neighbours
        else:
            verdict = ch
    _VERDICTS[ch] = verdict
    return verdict


_NFKC_RUN = re.compile(f"[{_PLAIN}]?[^{_PLAIN}]+")
_THAI_UNIT = re.compile(f"{SARA_E}{SARA_E}|{_M}+(?:{_FV}{_M}*)?|{_FV}{_M}+")
_SPACE_RUN = re.compile(f"[ {ZERO_WIDTH}]{{2,}}|[{ZERO_WIDTH}]")
_ZERO_WIDTH_CHAR = re.compile(f"[{ZERO_WIDTH}]")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus the map back to the original.

    ``offsets[i]`` is the index in the original of normalized character ``i`` (the start of the
    original stretch it came from); ``offsets[len(text)] == len(original)``. ``ends[i]`` is the
    end of that stretch, so zero-width characters removed after a character are not reported
    as part of it.
    """

    text: str
    offsets: list[int]
    ends: list[int] = field(default_factory=list, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``(start, end)`` of the normalized span ``text[start:end]``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        if self.ends:
            return self.offsets[start], self.ends[end - 1]
        return self.offsets[start], self.offsets[end]


def _thai_unit(match: re.Match[str]) -> str:
    """Put one run of Thai marks (with an adjacent follow vowel) into the standard order."""
    unit = match.group()
    if unit == SARA_E + SARA_E:
        return SARA_AE
    marks = [ch for ch in unit if ch in THAI_MARKS]
    follow = "".join(ch for ch in unit if ch in THAI_FOLLOW_VOWELS)
    if NIKHAHIT in marks and follow in (SARA_AA, SARA_AM):
        marks = [ch for ch in marks if ch != NIKHAHIT]
        follow = SARA_AM
    marks.sort(key=lambda ch: ch in THAI_TOP_MARKS)
    ordered = unicodedata.normalize("NFC", "".join(marks))
    deduped = "".join(ch for i, ch in enumerate(ordered) if i == 0 or ordered[i - 1] != ch)
    return deduped + follow


def _nfkc_run(match: re.Match[str]) -> str:
    run = match.group()
    return unicodedata.normalize("NFKC", run).replace(NIKHAHIT + SARA_AA, SARA_AM).translate(_TABLE)


def _space_run(match: re.Match[str]) -> str:
    return " " if " " in match.group() else ""


def _rewrite(text: str, pattern: re.Pattern[str], replace, starts: list[int], ends: list[int]):
    """Apply ``replace`` to every match of ``pattern``, carrying the source spans along.

    ``starts``/``ends`` give the original span of each character of ``text``. A replaced match
    maps all its characters onto the original span of the whole match; unchanged text keeps its
    per-character spans. Returns ``(new_text, new_starts, new_ends)``.
    """
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        new = replace(match)
        if new == match.group():
            continue
        pieces.append(text[last:start])
        new_starts.extend(starts[last:start])
        new_ends.extend(ends[last:start])
        pieces.append(new)
        new_starts.extend([starts[start]] * len(new))
        new_ends.extend([ends[end - 1]] * len(new))
        last = end
    if last == 0:
        return text, starts, ends
    pieces.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(pieces), new_starts, new_ends


def _has_thai_work(text: str) -> bool:
    return (
        SARA_E + SARA_E in text
        or NIKHAHIT in text
        or _THAI_TROUBLE[0].search(text) is not None
        or _THAI_TROUBLE[1].search(text) is not None
    )


#: (needs the step?, pattern, replacement) for each step of the slow path, in order.
_STEPS = (
    (lambda text: _ODD.search(text) is not None, _NFKC_RUN, _nfkc_run),
    (_has_thai_work, _THAI_UNIT, _thai_unit),
    (lambda text: "  " in text or _ZERO_WIDTH_CHAR.search(text) is not None, _SPACE_RUN, _space_run),
)


def _fast_path(text: str) -> str | None:
    """The normalized text when only 1:1 replacements are needed (the usual case), else ``None``."""
    current = text
    odd = _ODD.findall(text)
    if odd:
        kept_odd = False
        for ch in set(odd):
            verdict = _VERDICTS[ch] if ch in _VERDICTS else _verdict(ch)
            if verdict is None:
                return None
            if verdict != ch:
                current = current.replace(ch, verdict)
            else:
                kept_odd = True
        if kept_odd and not unicodedata.is_normalized("NFKC", current.replace(SARA_AM, SARA_AA)):
            return None
    if "  " in current or (not current.isascii() and _has_thai_work(current)):
        return None
    return current


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching (see the module docstring), keeping an offset map."""
    normalized, starts, ends = normalize_spans(text)
    if starts is None:
        return Normalized(normalized, list(range(len(text) + 1)))
    return Normalized(normalized, starts + [len(text)], ends)


def normalize_spans(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """:func:`normalize` for hot loops: ``(text, starts, ends)`` without building :class:`Normalized`.

    ``starts[i]``/``ends[i]`` are the original span of normalized character ``i``; both are
    ``None`` when every character maps onto itself (the usual case), so callers skip the lookup.
    """
    fast = _fast_path(text)
    if fast is not None:
        return fast, None, None
    return _slow_path(text)


def _slow_path(text: str) -> tuple[str, list[int], list[int]]:
    """Every rule, with per-character spans; repeated until nothing changes."""
    starts = list(range(len(text)))
    ends = list(range(1, len(text) + 1))

    def rewrite(current: str, pattern: re.Pattern[str], replace) -> str:
        nonlocal starts, ends
        current, starts, ends = _rewrite(current, pattern, replace, starts, ends)
        return current

    return _every_rule(text, rewrite), starts, ends


def normalize_text(text: str) -> str:
    """``normalize(text).text`` without the offset map, for keys never mapped back to the text
    (a TM's match keys): the same rules, several times faster where the slow path is needed."""
    fast = _fast_path(text)
    if fast is not None:
        return fast
    return _every_rule(text, lambda current, pattern, replace: pattern.sub(replace, current))


def _every_rule(text: str, rewrite) -> str:
    """``text`` with every step of :data:`_STEPS` applied by ``rewrite(text, pattern, replace)``,
    repeated until nothing changes."""
    current = text.translate(_TABLE)
    for _ in range(8):  # each round can expose new work (a removed ZWSP joins two marks)
        before = current
        for needed, pattern, replace in _STEPS:
            if needed(current):
                current = rewrite(current, pattern, replace)
        if current == before:
            break
    return current


def fold(text: str) -> str:
    """``normalize(text).text`` with case folding, for case-insensitive comparisons."""
    return normalize(text).text.casefold()


def is_spaced_word_char(ch: str) -> bool:
    """Letters and digits of scripts that separate words with spaces (not Thai, not CJK)."""
    return ch.isalnum() and ch < "\u2e80" and not "\u0e00" <= ch <= "\u0e7f"


#: A space that does not separate two words of spaced scripts (``南 A中心``, ``หนาน เอ``, ``AI )``).
_LOOSE_SPACE = re.compile(" (?:(?<![^\\W_\u0e00-\u0e7f\u2e80-\U0010ffff] )|(?![^\\W_\u0e00-\u0e7f\u2e80-\U0010ffff]))")


def drop_loose_spaces(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces that do not separate two words of spaced scripts.

    Returns the new text and where spaces went: ``gaps[k]`` is the index in the new text of the
    character that followed the ``k``-th removed space (an empty list: nothing removed).
    """
    if " " not in text:
        return text, []
    pieces = _LOOSE_SPACE.split(text)
    if len(pieces) == 1:
        return text, []
    return "".join(pieces), list(accumulate(len(piece) for piece in pieces[:-1]))


def match_key(text: str) -> str:
    """Key for merging and de-duplicating terms: :func:`fold` without insignificant spaces.

    A space is kept only between two letters or digits of spaced scripts (``AI agent``); it is
    dropped next to Thai, Han or punctuation, so ``南 A中心`` == ``南A中心`` and ``หนาน เอ`` ==
    ``หนานเอ`` (:func:`drop_loose_spaces`). The dash family is already folded to ``-`` by
    :func:`normalize`; leading and trailing spaces go.
    """
    return drop_loose_spaces(fold(text).strip())[0]
