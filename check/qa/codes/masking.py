"""Texts with their codes blanked out: what is left is what the translator wrote.

Placeholders (every syntax), markup tags, URLs, e-mail addresses and paths, and U+FFFC (an
XLIFF/TMX inline code) are replaced by spaces of the same length, so offsets into the masked
text are offsets into the text. Checks of the words and numbers of a text (``untranslated``,
``number-mismatch``) read the masked text: the ``1`` of ``%1$s`` is not a number, nor the
``2`` of ``<h2>``.
"""

from __future__ import annotations

from trilex.check.qa.codes.markup import find_tags
from trilex.check.qa.codes.placeholder_syntax import SYNTAXES, find_placeholders
from trilex.check.qa.codes.urls import find_addresses

_ALL_SYNTAXES = frozenset(SYNTAXES)


def mask_codes(text: str) -> str:
    """``text`` with every code replaced by spaces (same length)."""
    if not any(char in text for char in "%{$<:/@~\\\ufffc"):
        return text
    cuts = [(p.start, p.end) for p in find_placeholders(text, _ALL_SYNTAXES)]
    cuts += [(t.start, t.end) for t in find_tags(text)]
    cuts += [(a.start, a.end) for a in find_addresses(text)]
    chars = list(text.replace("\ufffc", " "))
    for start, end in cuts:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
