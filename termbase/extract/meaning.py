"""What the gloss says a Thai word means: which English words of the gloss a word before it
translates, through the Thai–English word list (:mod:`trilex.lang.wordlists.thai_english`).

``กลุ่มวิสาหกิจชุมชน (community enterprise)``: ``ชุมชน`` renders *community*, ``กลุ่ม`` (*group*)
renders nothing of the gloss, so the term is unlikely to open with it;
``อ่างเก็บน้ำห้วยตึงเฒ่า (Huai Tung Tao Reservoir)``: ``อ่างเก็บน้ำ`` renders *Reservoir*, the
gloss's head, so it opens the term although no head table lists it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from trilex.lang.english import stem
from trilex.termbase.extract.evidence import GlossWords
from trilex.termbase.extract.heads import english_head
from trilex.termbase.extract.thai_edge import Token, is_thai_word
from trilex.lang.wordlists.thai_english import is_person_noun, known, rendered

#: A word of the list may be written as this many tokens of the segmenter (``อ่าง|เก็บ|น้ำ``).
MAX_WORD_TOKENS = 3


@dataclass(frozen=True)
class Meaning:
    """The word of the list that opens at token ``first`` and ends at token ``last``: the indices
    of the gloss's English words it renders, and whether it names a person (a role or title)."""

    first: int
    last: int
    renders: frozenset[int]
    person: bool


def _stems(gloss: GlossWords) -> dict[str, set[int]]:
    """Stem → indices of the gloss's English content words (not ``of``, ``the``, digits); two
    neighbours also count as the compound written as one word (*Customs House*: *customshouse*)."""
    stems: dict[str, set[int]] = {}
    words = [i for i in gloss.content if not gloss.english[i].isdigit()]
    for i in words:
        stems.setdefault(stem(gloss.english[i]), set()).add(i)
    for i, k in pairwise(words):
        if k == i + 1:
            stems.setdefault(stem(gloss.english[i] + gloss.english[k]), set()).update((i, k))
    return stems


def head_index(gloss: GlossWords, en: str | None) -> int | None:
    """Index of the English head noun among the gloss's words (*Reservoir* in *Huai Tung Tao
    Reservoir*, *Department* in *Department of Fisheries*), or ``None``."""
    head = english_head(en) if en else None
    if head is None:
        return None
    matches = [i for i in gloss.content if stem(gloss.english[i]) == stem(head)]
    return matches[0] if matches else None


def word_meanings(tokens: list[Token], gloss: GlossWords) -> dict[int, Meaning]:
    """Token index → the longest word of the list that opens there (up to
    :data:`MAX_WORD_TOKENS` Thai tokens, no space between), for every Thai token that opens one."""
    stems = _stems(gloss)
    keys = frozenset(stems)
    found: dict[int, Meaning] = {}
    for i, token in enumerate(tokens):
        if not is_thai_word(token):
            continue
        text, best = "", None
        for k in range(i, min(len(tokens), i + MAX_WORD_TOKENS)):
            if not is_thai_word(tokens[k]):
                break
            text += tokens[k].text
            if known(text):
                indices = frozenset(n for s in rendered(text, keys) for n in stems[s])
                best = Meaning(i, k, indices, is_person_noun(text))
        if best is not None:
            found[i] = best
    return found
