"""The sentence around a term, for the termbase's context examples.

Thai separates sentences (and clauses) with a space and has no full stop, so a sentence ends at a
space that comes after ``.``/``!``/``?`` or before a word that opens a new clause
(``โดย``, ``ซึ่ง``, ``นอกจากนี้``…), never inside brackets or quotes. A sentence longer than
:data:`MAX_CHARS` is cut down to the space-separated chunks around the term, marked with ``…``.
"""

from __future__ import annotations

import re

#: Words that open a new Thai sentence or clause when they follow a space.
OPENERS = (
    "โดย", "ซึ่ง", "ทั้งนี้", "นอกจากนี้", "ขณะเดียวกัน", "ดังนั้น", "อย่างไรก็ตาม", "ทำให้",
    "เมื่อ", "หลังจาก", "ในขณะที่", "ส่วน", "แต่", "จึง", "ในระยะต่อไป", "ปัจจุบัน",
)
MAX_CHARS = 300
_PAIRS = {"(": ")", "（": "）", "“": "”", "‘": "’"}


def _breaks(line: str) -> list[int]:
    """Offsets where a new sentence starts (after the space that ends the previous one)."""
    breaks = []
    closing: list[str] = []
    for i, ch in enumerate(line):
        if ch in _PAIRS:
            closing.append(_PAIRS[ch])
        elif closing and ch == closing[-1]:
            closing.pop()
        elif ch == " " and not closing and i + 1 < len(line) and line[i + 1] != " ":
            after_stop = i > 0 and line[i - 1] in ".!?" and not re.search(r"(?:^|\s)\S{1,4}\.$", line[:i])
            if after_stop or line.startswith(OPENERS, i + 1):
                breaks.append(i + 1)
    return breaks


def sentence_at(line: str, start: int, end: int) -> str:
    """The sentence of ``line`` that contains ``line[start:end]``, trimmed to :data:`MAX_CHARS`."""
    begin, finish = 0, len(line)
    for point in _breaks(line):
        if point <= start:
            begin = point
        elif point >= end:
            finish = point
            break
    sentence = line[begin:finish].strip()
    if len(sentence) <= MAX_CHARS:
        return sentence
    left = line.rfind(" ", begin, max(begin, start - MAX_CHARS // 2))
    right = line.find(" ", min(finish, end + MAX_CHARS // 2), finish)
    left = begin if left < 0 else left + 1
    right = finish if right < 0 else right
    text = line[left:right].strip()
    return ("…" if left > begin else "") + text + ("…" if right < finish else "")
