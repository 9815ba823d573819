"""Keyboard accelerators (mnemonics) in gettext catalogues: ``_File`` (GTK), ``&File`` (Qt, KDE).

A term check on ``_Panel`` or on Thai ``เ_กี่ยวกับ`` must see ``Panel`` and ``เกี่ยวกับ``, so the
PO reader removes the marker from ``Segment.source``/``target`` and keeps the text as written in
``raw_source``/``raw_target``.

Which marker a catalogue uses: its ``X-Accelerator-Marker`` header if it has one; otherwise the
marker that marks the most msgids (at least two), ``_`` before ``&`` on a tie. A marker is
removed from a text only where it is unambiguous: exactly one marker followed by a letter or
digit (``__`` is a literal underscore and stays; ``&amp;``-style entities are not markers), and
not inside an ASCII word containing ``/`` (``America/New_York``, ``/usr/share/x_y``; the word
ends at a space or a non-ASCII letter, so ``上午/下午(_W)`` keeps its accelerator).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MARKERS = ("_", "&")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]\w*);")
_MIN_VOTES = 2


def accelerator_positions(text: str, marker: str) -> list[int]:
    """Positions of ``marker`` that can be accelerators in ``text``."""
    found: list[int] = []
    start = 0
    has_slash = "/" in text
    while True:
        index = text.find(marker, start)
        if index < 0 or index + 1 >= len(text):
            return found
        following = text[index + 1]
        if following == marker:  # "__" / "&&": an escaped, literal marker
            start = index + 2
            continue
        start = index + 1
        if not following.isalnum():
            continue
        if marker == "&" and _ENTITY.match(text, index):
            continue
        if has_slash and "/" in _word_around(text, index):
            continue
        found.append(index)


def _word_around(text: str, index: int) -> str:
    start = end = index
    while start > 0 and _in_ascii_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_ascii_word(text[end]):
        end += 1
    return text[start:end]


def _in_ascii_word(char: str) -> bool:
    return char.isascii() and not char.isspace() and char not in "()"


def detect_marker(sources: Iterable[str], declared: str | None = None) -> str | None:
    """The accelerator marker a catalogue uses, judged from its msgids, or ``None``."""
    if declared is not None:
        declared = declared.strip()
        return declared if len(declared) == 1 else None
    votes = dict.fromkeys(MARKERS, 0)
    for text in sources:
        for marker in MARKERS:
            if marker in text and len(accelerator_positions(text, marker)) == 1:
                votes[marker] += 1
    best = max(MARKERS, key=lambda marker: votes[marker])
    return best if votes[best] >= _MIN_VOTES else None


def strip_accelerator(text: str, marker: str | None) -> str:
    """``text`` without its accelerator marker (``Re_name`` → ``Rename``), or unchanged."""
    if marker is None or marker not in text:
        return text
    found = accelerator_positions(text, marker)
    if len(found) != 1:
        return text
    index = found[0]
    return text[:index] + text[index + 1:]
