"""Aligning two documents: paragraphs first, then the sentences inside aligned paragraphs.

1. Both texts are cut into paragraphs and each paragraph into pieces
   (:mod:`trilex.lang.sentences`); anchors and word pairs are found per paragraph
   (:mod:`trilex.tm.align.anchors`, :mod:`trilex.tm.align.word_pairs`).
2. Where both documents have several paragraphs, the paragraphs are aligned first (the same
   search, items being paragraphs), so that a long document is aligned as many small regions.
   A pair of documents whose paragraph counts differ by more than half is aligned as one region.
   Word pairs are left out of this pass: numbers and names place paragraphs well enough, and
   paragraphs hold too many words for a share of them to tell right from wrong.
3. Inside each region the pieces are aligned (:mod:`trilex.tm.align.search`); each bead becomes
   an :class:`AlignedPair` with its type (sentences on each side, ``2-1``…) and a confidence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trilex.lang.sentences import SPLIT_THRESHOLD, paragraphs, sentence_pieces, tidy
from trilex.lang.tags import primary_subtag
from trilex.tm.align.anchors import Anchor, joined, pairable, paragraph_anchors
from trilex.tm.align.lengths import LengthCost, text_length
from trilex.tm.align.search import Bead, Costs, Side, Weights, align
from trilex.tm.align.word_pairs import word_anchors

if TYPE_CHECKING:
    from trilex.lang.matcher import TermMatcher
    from trilex.termbase.model import Termbase

#: How many sentences one side of a bead may join (Gale & Church: 2).
SENTENCE_MAX_ITEMS = 2
#: How many Thai pieces one side of a bead may join (a Thai sentence has 1–3 pieces on average).
THAI_MAX_PIECES = 24
#: The chance given to "a sentence ends here" at the end of a paragraph inside a multi-paragraph
#: bead: joining two paragraphs costs about as much as joining two sentences.
PARAGRAPH_END = 0.999
#: Paragraph counts further apart than this ratio: no paragraph pass, one region.
PARAGRAPH_RATIO = 1.5
#: Weights of the confidence (logistic over :func:`confidence_features`), fitted by
#: ``benchmarks/calibrate_align.py`` on NTREX-128's development half.
CONFIDENCE_WEIGHTS = {
    "bias": 0.667, "length": -0.220, "matched": 0.075, "missed": -0.288, "apart": -0.466, "ends": -0.083,
    "joined": -0.621, "words": 1.915, "null_bias": 1.598, "null_ends": -0.069, "null_missed": -0.062,
}


@dataclass(frozen=True)
class AlignedPair:
    """One bead of the alignment: the source and target text (empty for a 1-0 / 0-1 bead), the
    bead type (``"1-1"``, ``"2-1"``…, sentences on each side), a confidence in 0..1, and where the
    text is: ``(start, end)`` offsets into each document (``None`` for an empty side) and the
    1-based line where it starts."""

    source: str
    target: str
    bead: str
    confidence: float
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None
    source_line: int | None
    target_line: int | None

    @property
    def is_pair(self) -> bool:
        """Whether both sides have text (what a TM can keep)."""
        return bool(self.source and self.target)


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    length: int
    end_probability: float
    anchors: tuple[Anchor, ...]
    words: tuple[Anchor, ...]


@dataclass
class _Document:
    text: str
    lang: str
    paragraphs: list[list[_Item]]
    line_starts: list[int]

    def line(self, span: tuple[int, int] | None) -> int | None:
        """The 1-based line where ``span`` starts."""
        return None if span is None else bisect_right(self.line_starts, span[0])

    @property
    def items(self) -> list[_Item]:
        return [item for paragraph in self.paragraphs for item in paragraph]


def _read(text: str, lang: str, matcher: TermMatcher | None) -> _Document:
    out = []
    for start, end in paragraphs(text):
        paragraph = text[start:end]
        pieces = sentence_pieces(paragraph, lang)
        spans = [(piece.start, piece.end) for piece in pieces]
        anchors, words = paragraph_anchors(paragraph, lang, spans, matcher), word_anchors(paragraph, lang, spans)
        out.append([_Item(start + piece.start, start + piece.end, text_length(paragraph[piece.start:piece.end]),
                          piece.end_probability, tuple(found), tuple(said))
                    for piece, found, said in zip(pieces, anchors, words)])
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return _Document(text, lang, [paragraph for paragraph in out if paragraph], line_starts)


def _is_thai(lang: str) -> bool:
    return primary_subtag(lang) == "th"


def _side(items: Sequence[_Item], anchors: Sequence[tuple[Anchor, ...]], words: Sequence[tuple[Anchor, ...]],
          lang: str, paragraph_ends: bool = False) -> Side:
    probabilities = [PARAGRAPH_END if paragraph_ends and item.end_probability >= 1.0 else item.end_probability
                     for item in items]
    thai = _is_thai(lang)
    return Side([item.length for item in items], probabilities, anchors,
                max_items=THAI_MAX_PIECES if thai else SENTENCE_MAX_ITEMS, pieces=thai, words=words)


class Aligner:
    """Aligns documents in one language pair; reuse it for many documents (the term matchers
    are built once)."""

    def __init__(self, source_lang: str, target_lang: str, termbase: Termbase | None = None,
                 weights: Weights | None = None) -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self.weights = weights or Weights()
        self.length = LengthCost(source_lang, target_lang)
        self.matchers: tuple[TermMatcher | None, TermMatcher | None] = (None, None)
        if termbase is not None:
            from trilex.lang.matcher import TermMatcher

            self.matchers = (TermMatcher(termbase, source_lang), TermMatcher(termbase, target_lang))

    def align(self, source_text: str, target_text: str) -> list[AlignedPair]:
        """Every bead of the two documents, in document order (pairs and 1-0/0-1 sentences)."""
        return self.align_with_features(source_text, target_text)[0]

    def align_with_features(self, source_text: str, target_text: str
                            ) -> tuple[list[AlignedPair], list[dict[str, float]]]:
        """:meth:`align`, and the :func:`confidence_features` of each bead (for calibration)."""
        source = _read(source_text, self.source_lang, self.matchers[0])
        target = _read(target_text, self.target_lang, self.matchers[1])
        pairs: list[AlignedPair] = []
        features: list[dict[str, float]] = []
        for src_items, tgt_items in self._regions(source, target):
            for pair, feature in self._align_region(source, target, src_items, tgt_items):
                pairs.append(pair)
                features.append(feature)
        return pairs, features

    def _regions(self, source: _Document, target: _Document) -> list[tuple[list[_Item], list[_Item]]]:
        n, m = len(source.paragraphs), len(target.paragraphs)
        if n < 2 or m < 2 or max(n, m) > PARAGRAPH_RATIO * min(n, m):
            return [(source.items, target.items)]
        src_anchors, tgt_anchors = pairable([_paragraph_anchors(p) for p in source.paragraphs],
                                            [_paragraph_anchors(p) for p in target.paragraphs], sounds=False)
        sides = []
        for doc, anchors in ((source, src_anchors), (target, tgt_anchors)):
            sides.append(Side([sum(item.length for item in p) for p in doc.paragraphs],
                              [PARAGRAPH_END] * len(doc.paragraphs), anchors))
        beads = align(Costs(sides[0], sides[1], self.length, self.weights))
        return [([item for p in source.paragraphs[b.source[0]:b.source[1]] for item in p],
                 [item for p in target.paragraphs[b.target[0]:b.target[1]] for item in p]) for b in beads]

    def _align_region(self, source: _Document, target: _Document, src_items: list[_Item],
                      tgt_items: list[_Item]) -> list[tuple[AlignedPair, dict[str, float]]]:
        src_anchors, tgt_anchors = pairable([list(item.anchors) for item in src_items],
                                            [list(item.anchors) for item in tgt_items])
        src_words, tgt_words = pairable([list(item.words) for item in src_items],
                                        [list(item.words) for item in tgt_items], sounds=False)
        src_side = _side(src_items, src_anchors, src_words, source.lang, paragraph_ends=True)
        tgt_side = _side(tgt_items, tgt_anchors, tgt_words, target.lang, paragraph_ends=True)
        beads = align(Costs(src_side, tgt_side, self.length, self.weights))
        return [self._pair(bead, source, target, src_items, tgt_items) for bead in beads]

    def _pair(self, bead: Bead, source: _Document, target: _Document, src_items: list[_Item],
              tgt_items: list[_Item]) -> tuple[AlignedPair, dict[str, float]]:
        src = src_items[bead.source[0]:bead.source[1]]
        tgt = tgt_items[bead.target[0]:bead.target[1]]
        src_span = (src[0].start, src[-1].end) if src else None
        tgt_span = (tgt[0].start, tgt[-1].end) if tgt else None
        kind = f"{_sentences(src)}-{_sentences(tgt)}"
        features = confidence_features(bead, kind)
        return AlignedPair(
            tidy(source.text[src_span[0]:src_span[1]], source.lang) if src_span else "",
            tidy(target.text[tgt_span[0]:tgt_span[1]], target.lang) if tgt_span else "",
            kind, confidence(features), src_span, tgt_span,
            source.line(src_span), target.line(tgt_span)), features


def _paragraph_anchors(items: Sequence[_Item]) -> list[Anchor]:
    """The anchors of a paragraph's items, placed in the whole paragraph."""
    return list(joined([(item.anchors, item.length) for item in items]))


def _sentences(items: Sequence[_Item]) -> int:
    """How many sentences a side of a bead holds: its items, joined where a sentence end is less
    likely than not (Thai pieces at the spaces inside a sentence)."""
    if not items:
        return 0
    return 1 + sum(1 for item in items[:-1] if item.end_probability >= SPLIT_THRESHOLD)


def confidence_features(bead: Bead, kind: str) -> dict[str, float]:
    """What the confidence of ``bead`` is computed from: its cost parts and its shape."""
    if bead.length_cost == 0.0 and (bead.source[0] == bead.source[1] or bead.target[0] == bead.target[1]):
        return {"null_bias": 1.0, "null_ends": bead.ends_cost, "null_missed": float(bead.anchors_missed)}
    return {"bias": 1.0, "length": bead.length_cost, "matched": float(bead.anchors_matched),
            "missed": float(bead.anchors_missed), "apart": bead.anchors_apart, "ends": bead.ends_cost,
            "words": bead.word_share,
            "joined": float(sum(int(n) for n in kind.split("-")) - 2)}


def confidence(features: dict[str, float]) -> float:
    """How likely a bead is right, 0..1: a logistic function of its :func:`confidence_features`
    with :data:`CONFIDENCE_WEIGHTS`; for a 1-0 or 0-1 bead, how likely the sentence really has
    no partner."""
    score = sum(CONFIDENCE_WEIGHTS.get(name, 0.0) * value for name, value in features.items())
    return round(1 / (1 + math.exp(-max(-30.0, min(30.0, score)))), 4)


def align_texts(source_text: str, target_text: str, source_lang: str, target_lang: str,
                termbase: Termbase | None = None) -> list[AlignedPair]:
    """Align two documents (plain text; paragraphs separated by blank lines or one per line).

    >>> pairs = align_texts("The sky is blue. It rained 5 days.", "天是蓝的。下了5天雨。", "en", "zh")
    >>> [(p.source, p.target, p.bead) for p in pairs]
    [('The sky is blue.', '天是蓝的。', '1-1'), ('It rained 5 days.', '下了5天雨。', '1-1')]
    """
    return Aligner(source_lang, target_lang, termbase).align(source_text, target_text)
