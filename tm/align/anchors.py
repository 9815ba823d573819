"""Anchors: what a sentence and its translation must share, whatever their lengths.

Four kinds, each found once per paragraph and given to the piece it starts in, with its place
in that piece:

* **numbers**, read as values by :func:`trilex.lang.numbers.find_numbers` (``๒๕๖๘`` = ``2025`` =
  ``2568``, ``3.5亿`` = ``350 ล้าน``, ``50%`` = ``ร้อยละ 50``); two numbers match when their values
  overlap. Number words below 10 without a digit (``หนึ่ง``, ``一``) are left out: they are as
  often "a" as "one";
* **Latin tokens**: words in Latin letters or with digits (names, acronyms, codes) of two or more
  characters, compared case-folded: ``Kavanaugh``, ``AI``, ``MWPs`` kept in Thai and Chinese text.
  A capitalized one in Thai or Chinese text is also a name by its sound, which a Chinese
  transliteration on the other side matches (``Chelsea`` = ``切尔西``, :mod:`.names`);
* **termbase concepts** found on each side by :class:`trilex.lang.matcher.TermMatcher`; two
  mentions match when they name the same concept;
* **punctuation** translations keep: quotation marks (``"`` = ``“`` = ``”``), opening
  parentheses, question marks.

Only anchors that can pair up count (:func:`pairable`): a Latin word of an English sentence
matters only if it also occurs somewhere in the other side of the region being aligned. How
matched anchors are paired within a bead is :meth:`trilex.tm.align.search.Costs.match`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from trilex.lang.tags import primary_subtag
from trilex.tm.align.names import han_names, latin_name_key, sound_links

if TYPE_CHECKING:
    from trilex.lang.matcher import TermMatcher

#: A Latin token: letters/digits, inner apostrophes, dots and hyphens allowed (``U.S.``, ``COVID-19``).
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’.\-]*[A-Za-z0-9\u00c0-\u024f]")
_DIGITS = re.compile(r"\d")
#: The key kinds of a name's sound: a Latin name's (``("l", key)``) and a Han transliteration's.
LATIN_SOUND, HAN_SOUND = "l", "h"
#: Languages whose text keeps foreign names in Latin letters (and has no capitals of its own).
NAMES_KEPT_IN_LATIN = frozenset({"th", "zh"})
#: Punctuation translations keep: quotation marks, parentheses, question marks.
_MARK_KINDS = {'"': '"', "“": '"', "”": '"', "(": "(", "（": "(", "?": "?", "？": "?"}
_MARKS = re.compile("[" + re.escape("".join(_MARK_KINDS)) + "]")


@dataclass(frozen=True, slots=True)
class Anchor:
    """One anchor: its ``kind`` (``n`` number, ``w`` Latin token, ``c`` concept, ``p``
    punctuation) and the keys it matches by (several for a number that may stand for several
    values): two anchors match when they are of one kind and share a key."""

    kind: str
    keys: frozenset
    #: Where in its piece the anchor stands: 0.0 at the start, 1.0 at the end.
    where: float = field(default=0.0, compare=False)


def paragraph_anchors(text: str, lang: str, pieces: Sequence[tuple[int, int]],
                      matcher: TermMatcher | None = None) -> list[list[Anchor]]:
    """The anchors of each piece of a paragraph (``pieces``: their ``(start, end)``, in order)."""
    from trilex.lang.numbers import find_numbers

    found: list[tuple[int, Anchor]] = []
    for mention in find_numbers(text, lang):
        if mention.value.copy_abs() < 10 and not _DIGITS.search(mention.text):
            continue
        found.append((mention.start, Anchor("n", frozenset(mention.values))))
    # In Thai and Chinese text a capitalized Latin word is a name kept from the original; in
    # English it may as well open a sentence or a headline, so English names are not sounded.
    primary = primary_subtag(lang)
    sounded = primary in NAMES_KEPT_IN_LATIN
    for match in _LATIN.finditer(text):
        token = match.group()
        if not token.isdigit():  # numbers are read as values above
            sound = latin_name_key(token) if sounded else None
            keys = {latin_key(token)} if sound is None else {latin_key(token), (LATIN_SOUND, sound)}
            found.append((match.start(), Anchor("w", frozenset(keys))))
    if primary == "zh":
        for start, sound in han_names(text):
            found.append((start, Anchor("w", frozenset({(HAN_SOUND, sound)}))))
    for match in _MARKS.finditer(text):
        found.append((match.start(), Anchor("p", frozenset({_MARK_KINDS[match.group()]}))))
    if matcher is not None:
        for term in matcher.find(text):
            found.append((term.start, Anchor("c", frozenset({term.concept.id}))))
    return placed(found, pieces)


def placed(found: Sequence[tuple[int, Anchor]], pieces: Sequence[tuple[int, int]]) -> list[list[Anchor]]:
    """Anchors found at offsets of a paragraph (``(offset, anchor)``) given to the pieces they
    start in (``pieces``: their ``(start, end)``, in order), each with its place in its piece."""
    starts = [start for start, _ in pieces]
    out: list[list[Anchor]] = [[] for _ in pieces]
    for start, anchor in sorted(found, key=lambda item: item[0]):
        index = max(0, bisect_right(starts, start) - 1)
        piece_start, piece_end = pieces[index]
        where = min(1.0, max(0.0, (start - piece_start) / max(1, piece_end - piece_start)))
        out[index].append(Anchor(anchor.kind, anchor.keys, where))
    return out


def joined(items: Sequence[tuple[Sequence[Anchor], int]]) -> tuple[Anchor, ...]:
    """The anchors of consecutive items ``(anchors, length)`` as the anchors of one item that
    joins them, each placed in the whole."""
    total = max(1, sum(length for _, length in items))
    out, before = [], 0
    for anchors, length in items:
        out.extend(Anchor(a.kind, a.keys, (before + a.where * length) / total) for a in anchors)
        before += length
    return tuple(out)


def latin_key(token: str) -> str:
    """How a Latin token is compared: case-folded, ``’`` as ``'``, without a possessive ``'s``
    or the plural ``s`` of an acronym (``Sainsbury’s`` = ``Sainsbury's``, ``AMs`` = ``AM``)."""
    key = token.replace("’", "'").rstrip(".")
    if key.endswith("'s"):
        key = key[:-2]
    elif len(key) > 2 and key.endswith("s") and key[:-1].isupper():
        key = key[:-1]
    return key.casefold()


def pairable(source: list[list[Anchor]], target: list[list[Anchor]], sounds: bool = True
             ) -> tuple[list[tuple[Anchor, ...]], list[tuple[Anchor, ...]]]:
    """``source`` and ``target`` (anchors per item) keeping only anchors that match at least one
    anchor somewhere on the other side. A Han transliteration's sound key is first replaced by
    the sound keys of the Latin names on the other side that sound like it (:mod:`.names`);
    Latin names keep their sound keys only where the other side has Han transliterations.
    Without ``sounds`` names are compared by their letters only (for whole paragraphs, where
    numbers and Latin words suffice and sound links would only slow the search)."""
    source_han, target_han = ((_sound_keys(source, HAN_SOUND), _sound_keys(target, HAN_SOUND)) if sounds
                              else (set(), set()))
    source, target = (_sounds_linked(source, source_han, target, bool(target_han)),
                      _sounds_linked(target, target_han, source, bool(source_han)))

    def keys(items: list[list[Anchor]]) -> set[tuple[str, object]]:
        return {(anchor.kind, key) for anchors in items for anchor in anchors for key in anchor.keys}

    source_keys, target_keys = keys(source), keys(target)

    def keep(items: list[list[Anchor]], other: set[tuple[str, object]]) -> list[tuple[Anchor, ...]]:
        return [tuple(a for a in anchors if any((a.kind, key) in other for key in a.keys)) for anchors in items]

    return keep(source, target_keys), keep(target, source_keys)


def _sound_keys(items: Sequence[Sequence[Anchor]], kind: str) -> set[str]:
    return {key[1] for anchors in items for anchor in anchors for key in anchor.keys
            if isinstance(key, tuple) and key[0] == kind}


def _sounds_linked(items: list[list[Anchor]], han: set[str], others: list[list[Anchor]],
                   keep_latin: bool) -> list[list[Anchor]]:
    """``items`` with each Han transliteration (sound keys ``han``) keyed by the Latin names of
    ``others`` it sounds like, and without the sound keys of Latin names unless ``keep_latin``."""
    if not han and keep_latin:
        return items
    links = sound_links(han, _sound_keys(others, LATIN_SOUND)) if han else {}

    def linked(anchor: Anchor) -> Anchor:
        sounds = [key for key in anchor.keys if isinstance(key, tuple)]
        if not sounds:
            return anchor
        keys = {key for key in anchor.keys if not isinstance(key, tuple)}
        for kind, sound in sounds:
            if kind == HAN_SOUND:
                keys.update((LATIN_SOUND, latin) for latin in links.get(sound, ()))
            elif keep_latin:
                keys.add((kind, sound))
        return Anchor(anchor.kind, frozenset(keys), anchor.where)

    return [[linked(anchor) for anchor in anchors] for anchors in items]
