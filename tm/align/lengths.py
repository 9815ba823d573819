"""The length cost of a bead: Gale & Church (1993), calibrated per language pair.

A sentence and its translation have lengths in a nearly fixed ratio: the target's length is
normally distributed around ``c × source length`` with a variance ``s² × length``. The cost of
a bead is ``-log P(|δ| or more)`` for ``δ = (target − c·source) / sqrt(s² · mean length)``, where
the mean length is ``(source + target / c) / 2`` (the cost is the same in both directions).
Free translations make the tails heavier than a normal distribution's: ``s²`` is estimated
robustly (from the median absolute deviation), and a small share of pairs (the calibrated
share beyond ``3 s``) is given a distribution three times as wide, so that one loose
translation does not cost more than dropping a sentence.

Lengths are counted in characters other than white space (:func:`text_length`): Thai has no
spaces between words, Chinese none at all, and English's spaces would only add noise. The
constants (:data:`CALIBRATION`) were computed once by ``benchmarks/calibrate_align.py`` from the
line-aligned development half of NTREX-128 (news in English with its human Thai and Chinese
translations); they are not read from the corpus at run time. Pairs that were not calibrated
use the ratio of the languages' characters per English character (:data:`CHARS_PER_ENGLISH`,
1 for unknown languages) and Gale & Church's own variance, 6.8.
"""

from __future__ import annotations

import math

from trilex.lang.tags import primary_subtag

#: ``(source, target)`` → ``(c, s², tail)``: mean target characters per source character, the
#: variance of the target length per character, and the share of pairs in the broad tail.
#: From ``benchmarks/calibrate_align.py`` (NTREX-128, development half).
CALIBRATION: dict[tuple[str, str], tuple[float, float, float]] = {
    ("en", "th"): (1.1007, 2.5904, 0.0238), ("en", "zh"): (0.4034, 0.6829, 0.007),
    ("th", "en"): (0.9085, 1.9427, 0.0238), ("th", "zh"): (0.3665, 0.737, 0.0159),
    ("zh", "en"): (2.4788, 10.4015, 0.007), ("zh", "th"): (2.7283, 14.9681, 0.0159),
}

#: Characters (other than white space) per English character, for pairs not in :data:`CALIBRATION`.
CHARS_PER_ENGLISH = {"en": 1.0, "th": 1.1, "zh": 0.4, "ja": 0.5, "ko": 0.55}
#: Gale & Church's variance per character (English–French–German).
DEFAULT_VARIANCE = 6.8
#: The broad tail's share for pairs that were not calibrated.
DEFAULT_TAIL = 0.02
#: How much wider the broad tail is than the core distribution.
TAIL_WIDTH = 3.0
#: The largest cost one bead's lengths can add (``-log`` of a tiny probability, kept finite).
MAX_COST = 30.0


def text_length(text: str) -> int:
    """Characters of ``text`` other than white space."""
    return len(text) - sum(text.count(ch) for ch in " \n\t\r\u3000\u00a0")


def constants(source_lang: str, target_lang: str) -> tuple[float, float, float]:
    """``(c, s², tail)`` for the pair: calibrated, else from :data:`CHARS_PER_ENGLISH`."""
    source, target = primary_subtag(source_lang), primary_subtag(target_lang)
    if (source, target) in CALIBRATION:
        return CALIBRATION[(source, target)]
    ratio = CHARS_PER_ENGLISH.get(target, 1.0) / CHARS_PER_ENGLISH.get(source, 1.0)
    return ratio, DEFAULT_VARIANCE * ratio, DEFAULT_TAIL


class LengthCost:
    """The Gale–Church cost of a bead's two lengths, for one language pair."""

    __slots__ = ("cache", "ratio", "tail", "variance")

    def __init__(self, source_lang: str, target_lang: str, *, tail: bool = True) -> None:
        self.ratio, self.variance, self.tail = constants(source_lang, target_lang)
        if not tail:
            self.tail = 0.0
        #: Costs computed so far, by ``source << 32 | target``.
        self.cache: dict[int, float] = {}

    def __call__(self, source: int, target: int) -> float:
        """``-log P`` of seeing lengths this far apart (0 for a perfect ratio)."""
        key = (source << 32) | target
        cost = self.cache.get(key)
        if cost is None:
            cost = self.cache[key] = self.cost(source, target)
        return cost

    def cost(self, source: int, target: int) -> float:
        """:meth:`__call__` without the cache."""
        if source == 0 and target == 0:
            return 0.0
        mean = (source + target / self.ratio) / 2
        delta = abs(target - self.ratio * source) / math.sqrt(2 * self.variance * max(mean, 1.0))
        p = (1 - self.tail) * math.erfc(delta) + self.tail * math.erfc(delta / TAIL_WIDTH)
        return MAX_COST if p <= 1e-13 else min(MAX_COST, -math.log(p))
