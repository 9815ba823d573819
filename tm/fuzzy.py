"""Fuzzy-match percentages and difference highlighting for translation-memory lookup.

A match percentage is the CAT-style edit similarity ``100 × (1 − distance / length of the
longer text)``, computed on the normalized texts (:func:`match_key`):

* **character-based** for Thai, Chinese and the other languages written without spaces
  between words (:data:`CHARACTER_LANGS`): one edit is one inserted, deleted or replaced
  code point (after NFC, so a Thai tone mark is one character);
* **token-based** for English and other space-separated languages: one edit is one inserted,
  deleted or replaced word or punctuation mark, so "the red car" against "the blue car" is 67%.

Short texts work the same way: a one-character query matches only itself at 75% or more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from trilex.lang.normalize import normalize_text
from trilex.lang.scripts import is_mark
from trilex.lang.tags import primary_subtag

#: Languages scored character by character (written without spaces between words).
CHARACTER_LANGS = frozenset({"th", "zh", "ja", "ko", "lo", "km", "my", "yue", "wuu"})

#: How far (in points) under the cutoff a candidate's character similarity may be and still be
#: scored by tokens. A word-level edit changes at most as many characters as the word has, so a
#: text 75% similar by words is well above 50% similar by characters.
TOKEN_PREFILTER_MARGIN = 25.0

_TOKEN = re.compile(r"\w+|[^\w\s]")


def uses_characters(lang: str | None) -> bool:
    """Whether percentages for ``lang`` count characters (``th``, ``zh``) rather than words."""
    return lang is not None and primary_subtag(lang) in CHARACTER_LANGS


def guess_lang(text: str) -> str:
    """``th``, ``zh`` or ``en`` from the script most of the letters in ``text`` are written in."""
    thai = han = other = 0
    for char in text:
        code = ord(char)
        if 0x0E00 <= code <= 0x0E7F:
            thai += 1
        elif 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF:
            han += 1
        elif char.isalpha():
            other += 1
    best = max(thai, han, other)
    if best == 0 or best == other:
        return "en"
    return "th" if thai == best else "zh"


def match_key(text: str) -> str:
    """The form of ``text`` that matching compares: normalized, whitespace runs collapsed, trimmed."""
    return " ".join(normalize_text(text).split())  # str.split and re's \s: the same whitespace


def tokens(key: str) -> list[str]:
    """Words and punctuation marks of ``key``, the units of token-based percentages."""
    return _TOKEN.findall(key)


def comparable(key: str, lang: str | None) -> str | list[str]:
    """What the edit distance runs over: the key itself (characters) or its tokens."""
    return key if uses_characters(lang) else tokens(key)


def percentage(query_key: str, candidate_key: str, lang: str | None, cutoff: float = 0.0) -> float:
    """The match percentage (0–100) of two match keys in ``lang``; 0 if below ``cutoff``."""
    return percentages(query_key, [candidate_key], lang, cutoff)[0]


def percentages(query_key: str, candidate_keys: Sequence[str], lang: str | None,
                cutoff: float = 0.0) -> list[float]:
    """:func:`percentage` of ``query_key`` against each of ``candidate_keys`` (0 below ``cutoff``).

    Token-based languages are scored by spelling each distinct token as one character, so
    rapidfuzz compares plain strings (the same distance, much faster than lists of words);
    candidates more than :data:`TOKEN_PREFILTER_MARGIN` points under ``cutoff`` by characters
    are not tokenized at all.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    if not candidate_keys:
        return []
    if uses_characters(lang):
        query, choices = query_key, list(candidate_keys)
    else:
        if cutoff > TOKEN_PREFILTER_MARGIN:
            kept = process.extract(query_key, candidate_keys, scorer=Levenshtein.normalized_similarity,
                                   score_cutoff=(cutoff - TOKEN_PREFILTER_MARGIN) / 100.0, limit=None)
            scores = [0.0] * len(candidate_keys)
            kept_indexes = [index for _, _, index in kept]
            for index, score in zip(kept_indexes, percentages(
                    query_key, [candidate_keys[index] for index in kept_indexes], lang, cutoff=0.0)):
                scores[index] = score if score >= cutoff else 0.0
            return scores
        spelling: dict[str, str] = {}

        def spell(key: str) -> str:
            return "".join(spelling.setdefault(token, chr(0xF0000 + len(spelling) % 0xFFFE))
                           for token in tokens(key))

        query, choices = spell(query_key), [spell(key) for key in candidate_keys]
    scores = [0.0] * len(choices)
    for _, similarity, index in process.extract(query, choices, scorer=Levenshtein.normalized_similarity,
                                                score_cutoff=cutoff / 100.0, limit=None):
        scores[index] = 100.0 * similarity
    if not query:
        scores = [100.0 if not choice else 0.0 for choice in choices]
    return scores


@dataclass(frozen=True)
class DiffPiece:
    """One stretch of a comparison: ``equal``, ``replace``, ``delete`` (only in the TM text) or
    ``insert`` (only in the query). Texts are as the user and the TM wrote them."""

    kind: str
    tm_text: str
    query_text: str


def _char_units(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of the characters of ``text`` with their combining marks (a Thai consonant with its
    vowel and tone marks stays whole), and each one normalized."""
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if spans and is_mark(char):
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans, [normalize_text(text[start:end]) for start, end in spans]


def _token_units(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Token spans of ``text`` and each token's normalized form."""
    spans = [match.span() for match in _TOKEN.finditer(text)]
    return spans, [match_key(text[start:end]) for start, end in spans]


def diff(tm_text: str, query_text: str, lang: str | None) -> list[DiffPiece]:
    """How ``tm_text`` (a stored segment) differs from ``query_text``, piece by piece.

    Characters are compared for Thai and Chinese, tokens for English, each in its normalized
    form; the pieces carry the original texts, and together they spell out both texts whole.
    """
    from rapidfuzz.distance import Levenshtein

    units = _char_units if uses_characters(lang) else _token_units
    tm_spans, tm_units = units(tm_text)
    query_spans, query_units = units(query_text)
    pieces: list[DiffPiece] = []
    tm_pos = query_pos = 0
    for op in Levenshtein.opcodes(tm_units, query_units):
        tm_start = tm_spans[op.src_start][0] if op.src_end > op.src_start else tm_pos
        query_start = query_spans[op.dest_start][0] if op.dest_end > op.dest_start else query_pos
        # The gap before the first unit (spaces) belongs to no difference.
        pieces.append(DiffPiece("equal", tm_text[tm_pos:tm_start], query_text[query_pos:query_start]))
        tm_end = tm_spans[op.src_end - 1][1] if op.src_end > op.src_start else tm_start
        query_end = query_spans[op.dest_end - 1][1] if op.dest_end > op.dest_start else query_start
        pieces.append(DiffPiece(op.tag, tm_text[tm_start:tm_end], query_text[query_start:query_end]))
        tm_pos, query_pos = tm_end, query_end
    pieces.append(DiffPiece("equal", tm_text[tm_pos:], query_text[query_pos:]))
    return _merge(pieces)


def _merge(pieces: list[DiffPiece]) -> list[DiffPiece]:
    """Join neighbours of the same kind and drop empty pieces."""
    merged: list[DiffPiece] = []
    for piece in pieces:
        if not piece.tm_text and not piece.query_text:
            continue
        if merged and merged[-1].kind == piece.kind:
            last = merged.pop()
            piece = DiffPiece(piece.kind, last.tm_text + piece.tm_text, last.query_text + piece.query_text)
        merged.append(piece)
    return merged


def render_diff(pieces: list[DiffPiece], color: bool = False) -> str:
    """The TM text with the differences marked: ``[-only in TM-]{+only in query+}``.

    With ``color`` the TM-only text is red and struck through and the query-only text green.
    """
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if piece.kind == "equal":
            out.append(piece.tm_text)
            continue
        before = pieces[index - 1] if index else None
        if piece.kind == "insert" and before and before.query_text[-1:].isspace() \
                and not before.tm_text[-1:].isspace():
            out.append(" ")
        if piece.tm_text:
            out.append(_style(piece.tm_text, "red", color, "[-", "-]"))
        if piece.query_text:
            out.append(_style(piece.query_text, "green", color, "{+", "+}"))
    return "".join(out)


def _style(text: str, colour: str, color: bool, opening: str, closing: str) -> str:
    if color:
        import click

        return click.style(text, fg=colour, strikethrough=colour == "red", underline=colour == "green")
    return f"{opening}{text}{closing}"
