"""Punctuation facts of English, Thai and Chinese that a translation check needs.

* **Chinese** (GB/T 15834-2011 *General rules for punctuation*): full-width marks
  ``。，、；：？！“”‘’（）《》〈〉【】「」『』``; the ellipsis is ``……`` and the dash ``——``. A
  full-width mark stands for the English half-width one; a half-width ``,`` or ``.`` after a
  Chinese character is a typo.
* **Thai** (Royal Institute, *หลักเกณฑ์การใช้เครื่องหมายวรรคตอน*): no full stop ends a sentence —
  a space separates sentences, and ``.`` marks abbreviations (``พ.ศ.``); ``?``, ``!``, ``:`` and
  quotes and brackets are used as in English; ``ๆ`` (MAI YAMOK) and ``ฯ`` (PAIYANNOI) belong to
  words. A question may be marked by its question word or particle alone (``ทำไม…``, ``…หรือไม่``).
* Ellipses ``…``, ``...``, ``……``, ``⋯`` are one mark.

:func:`end_mark` names the mark a text ends with; :func:`unbalanced_pairs` the bracket and quote
pairs a text leaves open (``“…“`` and ``”…“`` included).
"""

from __future__ import annotations

import re
from functools import lru_cache

from trilex.lang.normalize import THAI_MARKS, normalize

#: Mark class → the characters (or strings) that write it, half- and full-width.
END_MARKS: dict[str, tuple[str, ...]] = {
    "ellipsis": ("……", "...", "…", "⋯", "。。。"),
    "period": (".", "。", "．", "｡"),
    "question": ("?", "？"),
    "exclamation": ("!", "！"),
    "colon": (":", "：", "︰", "﹕"),
    "semicolon": (";", "；"),
    "comma": (",", "，", "、"),
}
#: The mark a Chinese text uses for each class.
CHINESE_MARK = {"period": "。", "question": "？", "exclamation": "！", "colon": "：", "semicolon": "；",
                "comma": "，", "ellipsis": "……"}
#: Quotes and closing brackets that may follow the end mark (``."``, ``。」``; ``“`` too, typed
#: for ``”`` by mistake).
_CLOSERS = "\"'“”‘’「」『』)）]】》〉"
#: Bracket pairs that must balance; half- and full-width parentheses are one pair.
PAIRS: tuple[tuple[str, str, str], ...] = (
    ("parentheses", "(（", ")）"), ("square brackets", "[【", "]】"), ("title marks", "《", "》"),
    ("angle title marks", "〈", "〉"),
)
#: Double quotation marks, one family: curly, corner and straight quotes may stand for each other.
_QUOTE_OPENERS = "“「『"
_QUOTE_CLOSERS = "”」』"
#: Thai question words and particles that mark a question without ``?``.
THAI_QUESTION_WORDS = ("หรือไม่", "หรือเปล่า", "หรือยัง", "ไหม", "มั้ย", "มั๊ย", "เหรอ", "หรือ",
                       "ใช่ไหม", "อะไร", "ทำไม", "อย่างไร", "ยังไง", "ที่ไหน", "ไหน", "เมื่อไร",
                       "เมื่อไหร่", "กี่", "ใคร", "เพียงใด", "แค่ไหน", "เท่าไร", "เท่าไหร่", "ไฉน", "หรือไร")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A half-width comma or full stop written in Chinese text: after a Chinese character (or before
#: one, for the comma), not a decimal point or thousands separator, not part of ``...``, not a
#: file extension (``配置.txt``).
HALF_WIDTH_IN_CHINESE = re.compile(
    rf"(?<=[{_HAN}]),|,(?=\s?[{_HAN}])(?<![0-9],)|(?<=[{_HAN}])\.(?![.A-Za-z0-9_])(?<!\.\.)")


def end_mark(text: str) -> tuple[str | None, int, int]:
    """The class of the mark ``text`` ends with (closing quotes skipped) and its span, or ``(None, end, end)``."""
    end = len(text.rstrip())
    body_end = end
    while body_end > 0 and text[body_end - 1] in _CLOSERS:
        body_end -= 1
    body = text[:body_end]
    for mark_class, marks in END_MARKS.items():
        for mark in marks:
            if body.endswith(mark):
                return mark_class, body_end - len(mark), body_end
    return None, body_end, body_end


_ANY_PAIRED = re.compile("[" + re.escape("".join(o + c for _, o, c in PAIRS) + '"“”「」『』') + "]")


def unbalanced_pairs(text: str) -> list[str]:
    """The names of the pairs whose opening and closing marks do not match up in ``text``
    (``quotes`` for the double quotation marks, straight and curly together)."""
    if _ANY_PAIRED.search(text) is None:
        return []
    names = [name for name, openers, closers in PAIRS
             if (any(char in text for char in openers + closers) and not _nested(text, openers, closers))]
    if has_quotes(text) and not _quotes_balance(text):
        names.append("quotes")
    return names


def has_quotes(text: str) -> bool:
    """Whether ``text`` has a double quotation mark of any kind."""
    return any(char in text for char in '"' + _QUOTE_OPENERS + _QUOTE_CLOSERS)


def _nested(text: str, openers: str, closers: str) -> bool:
    depth = 0
    for char in text:
        if char in openers:
            depth += 1
        elif char in closers:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _quotes_balance(text: str) -> bool:
    """Curly and corner quotes nest (``“…“`` does not close); a straight quote opens where a
    space or the start is before it, closes where a space, a mark or the end is after it, and is
    either where it cannot be told — so ``"a," "b`` (a quotation running on) does not balance."""
    if '"' not in text:
        return _nested(text, _QUOTE_OPENERS, _QUOTE_CLOSERS)
    opened = sum(text.count(char) for char in _QUOTE_OPENERS)
    closed = sum(text.count(char) for char in _QUOTE_CLOSERS)
    either = 0
    for index, char in enumerate(text):
        if char != '"':
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = before.isspace() or before in "([{（【《“‘"
        closes = after.isspace() or (not after.isalnum() and after not in "\"")
        if opens and not closes:
            opened += 1
        elif closes and not opens:
            closed += 1
        else:
            either += 1
    return abs(opened - closed) <= either and (opened + closed + either) % 2 == 0


@lru_cache(maxsize=1)
def _question_word() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, THAI_QUESTION_WORDS), key=len, reverse=True))
    return re.compile(f"(?:{words})(?![{THAI_MARKS}])")


def has_thai_question_word(text: str) -> bool:
    """Whether a Thai text asks with a question word or particle (``ทำไม…``, ``…หรือไม่``), which
    Thai writing lets stand for ``?``. Read on the normalized text (``ทําไม`` with a decomposed
    ``ำ`` is ``ทำไม``), and a word is not the start of another syllable (``ไหม้`` "burn" is not ``ไหม``)."""
    return _question_word().search(normalize(text).text) is not None
