"""What the terminal allows: colour only on a terminal, and never when ``NO_COLOR`` is set;
columns laid out by the width text takes on screen, not by its length.

A terminal gives a Chinese character two columns and a Thai vowel or tone mark none (it sits on
its consonant), so ``str.ljust`` misaligns every table with Thai or Chinese in it.
:func:`display_width` counts columns with ``wcwidth`` (the Unicode East Asian Width and
combining-mark tables, kept up to date with each Unicode version), and :func:`align` pads cells
by it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO


def use_colour(stream: TextIO) -> bool:
    """Whether to colour output written to ``stream`` (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


#: Column width of each character seen so far (``wcwidth`` per character is the slow part).
_WIDTHS: dict[str, int] = {}


def _char_width(char: str) -> int:
    width = _WIDTHS.get(char)
    if width is None:
        from wcwidth import wcwidth

        width = _WIDTHS[char] = max(0, wcwidth(char))
    return width


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters 2, combining marks
    and zero-width characters 0, everything else 1 (a control character counts 0, not -1)."""
    if text.isascii() and text.isprintable():
        return len(text)
    from wcwidth import wcswidth

    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(_char_width(char) for char in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (on the left when ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def cut(text: str, width: int, from_end: bool = False) -> str:
    """The longest head (or tail, ``from_end``) of ``text`` that fits in ``width`` columns; a cut
    never separates a letter from the marks that follow it. A line break or tab counts one column
    (reporters show it as a space or an escape)."""
    if text.isascii():
        return text[max(0, len(text) - width):] if from_end else text[:width]
    taken = used = 0
    pending = 0  # marks seen (from the end) before their base letter
    for char in (reversed(text) if from_end else text):
        step = 1 if char in "\n\r\t" else _char_width(char)
        if used + step > width:
            break
        used += step
        if from_end and step == 0:
            pending += 1
            continue
        taken += 1 + pending
        pending = 0
    if not from_end:
        while taken < len(text) and _char_width(text[taken]) == 0 and text[taken] not in "\n\r\t":
            taken += 1
        return text[:taken]
    return text[len(text) - taken:] if taken else ""


def align(rows: Sequence[Sequence[str]], gap: str = "  ", right: Sequence[int] = ()) -> list[str]:
    """Rows of cells padded to common column widths (by :func:`display_width`), ``gap`` apart;
    columns whose index is in ``right`` are right-aligned. Trailing spaces are dropped."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    cells = [list(row) + [""] * (columns - len(row)) for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(columns)]
    return [gap.join(pad(cell, widths[i], i in right) for i, cell in enumerate(row)).rstrip()
            for row in cells]
