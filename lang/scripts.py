"""Which writing system a character belongs to, and splitting text into runs of one script.

Mixed Thai/Chinese/English text must be split by script before segmentation: PyThaiNLP leaves a
Han run as one token and jieba cuts Thai into code points. :func:`split_scripts` returns maximal
runs of one script; combining marks (Thai vowels and tone marks, Latin accents) always stay with
the character they sit on.

Scripts: ``thai`` (the Thai block, except Thai digits), ``han`` (CJK ideographs of every
extension plus ``々``, ``〇``), ``latin`` (Latin letters, full-width ones included), ``digit``
(any decimal digit: ASCII, Thai ``๐-๙``, full-width), ``space`` (white space and zero-width
spaces), ``punct`` (punctuation and symbols; those of the Thai block, such as ``ฯ``, ``ๆ`` and ``฿``,
count as ``thai``) and ``other``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from trilex.lang.normalize import SPACES, ZERO_WIDTH

_LATIN_RANGES = (
    ("\u00c0", "\u024f"), ("\u0250", "\u02af"), ("\u1e00", "\u1eff"), ("\u2c60", "\u2c7f"),
    ("\ua720", "\ua7ff"), ("\uab30", "\uab6f"), ("\uff21", "\uff3a"), ("\uff41", "\uff5a"),
)
_HAN_RANGES = (
    ("\u2e80", "\u2fdf"), ("\u3005", "\u3005"), ("\u3007", "\u3007"), ("\u3021", "\u3029"),
    ("\u3038", "\u303b"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"),
    ("\U00020000", "\U0003134f"), ("\U00031350", "\U000323af"),
)


def _is_latin(ch: str) -> bool:
    if ch in ("\u00d7", "\u00f7"):
        return False
    return any(low <= ch <= high for low, high in _LATIN_RANGES) or ch in ("\u00aa", "\u00ba")


def script_of(ch: str) -> str:
    """The script of one character: ``thai``, ``han``, ``latin``, ``digit``, ``space``, ``punct`` or ``other``."""
    if ch.isascii():
        if ch.isalpha():
            return "latin"
        if ch.isdigit():
            return "digit"
        if ch.isspace():
            return "space"
        return "punct" if ch.isprintable() else "other"
    if ch.isdecimal():
        return "digit"
    if "\u0e00" <= ch <= "\u0e7f":
        return "thai" if unicodedata.category(ch) != "Cn" else "other"
    if ch in SPACES or ch in ZERO_WIDTH or ch.isspace():
        return "space"
    if any(low <= ch <= high for low, high in _HAN_RANGES):
        return "han"
    if _is_latin(ch):
        return "latin"
    category = unicodedata.category(ch)
    if category[0] in "PS":
        return "punct"
    return "other"


def is_mark(ch: str) -> bool:
    """Whether ``ch`` is a combining mark (it belongs to the character before it)."""
    return unicodedata.category(ch)[0] == "M"


@dataclass(frozen=True)
class Run:
    """A maximal run of one script: ``text == source[start:end]``."""

    start: int
    end: int
    script: str
    text: str


# Fast tokenizer for the common scripts; anything else is classified one character at a time.
_RUNS = re.compile(
    "(?P<thai>[\u0e01-\u0e30\u0e32\u0e33\u0e3f-\u0e46\u0e4f\u0e5a\u0e5b][\u0e01-\u0e4f\u0e5a\u0e5b]*)"
    "|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff]+)"
    "|(?P<latin>[A-Za-z]+)"
    "|(?P<digit>[0-9\u0e50-\u0e59]+)"
    "|(?P<space>[ \t\n\r\u00a0\u200b]+)"
)


def split_scripts(text: str) -> list[Run]:
    """Split ``text`` into maximal runs of one script; combining marks join the preceding run."""
    runs: list[Run] = []
    pos = 0
    length = len(text)

    def add(start: int, end: int, script: str) -> None:
        if runs and (runs[-1].script == script or (script == "mark" and runs[-1].end == start)):
            last = runs.pop()
            runs.append(Run(last.start, end, last.script, text[last.start:end]))
        else:
            runs.append(Run(start, end, "other" if script == "mark" else script, text[start:end]))

    while pos < length:
        match = _RUNS.match(text, pos)
        if match:
            add(pos, match.end(), match.lastgroup)
            pos = match.end()
            continue
        ch = text[pos]
        add(pos, pos + 1, "mark" if is_mark(ch) else script_of(ch))
        pos += 1
    return runs
