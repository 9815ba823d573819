"""The dynamic programme: the cheapest sequence of beads over two sequences of items.

An *item* is a piece of a sentence or a sentence (see :mod:`trilex.lang.sentences`), or a whole
paragraph. A *bead* takes ``a`` consecutive items of the source and ``b`` of the target; its cost
(:class:`Costs`) adds up

* the Gale–Church length cost of the two sides (:mod:`trilex.tm.align.lengths`);
* the segmentation: ``-logit(p)`` for the item where each side of the bead ends, ``p`` being the
  probability that a sentence ends there. Every way of grouping items into beads then costs the
  log-likelihood of its sentence ends (up to a constant), so joining two sure sentences costs about
  what Gale & Church's prior gives a 2-1 bead, while joining Thai pieces at an unsure space costs
  little;
* anchors (:mod:`trilex.tm.align.anchors`): a bonus for each anchor of one side matched on the
  other, a penalty for each one left without its partner, and one for matched anchors that stand
  in different places of their sentences (a name at the start of one and at the end of the
  other: word order is kept in translation more often than not);
* word pairs (:mod:`trilex.tm.align.word_pairs`): a bonus for the share of the bead's words that
  pair (the Dice coefficient: twice the pairs over the words of both sides, so that a bead is not
  rewarded for its size, as it would be by a bonus per pair);
* for a bead with an empty side (1-0, 0-1), a fixed penalty.

How many items a side of a bead may take is :attr:`Side.max_items` (2 for sentences, more for
Thai pieces); an empty side pairs with one sentence or with up to ``max_items`` Thai pieces.

The search is confined to a band around the diagonal of the matrix (in target items: the
target index stays near ``i * m / n``); when the best path comes near the band's edge the band
is doubled and the search run again, up to the whole matrix. Inside the band, cells costing
:data:`BEAM` more than the cheapest of their row are given up (should that lose every path to
the end, the search runs again without it). Anchor pairings are kept by the anchors a bead
holds, so beads that differ only by items without anchors pair them once. A region too large for that (a
long text without paragraphs) is cut into blocks of a few sentences at the likeliest sentence
ends, the blocks are aligned first, and then the items inside each pair of blocks.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from trilex.tm.align.anchors import Anchor, joined
from trilex.tm.align.lengths import LengthCost

#: Probabilities are kept inside this margin so that ``logit`` stays finite.
_EPSILON = 1e-3
#: Beads whose lengths are further apart than this many standard deviations are not considered.
PRUNE_SD = 12.0
#: Cells of a row of the search costing this much more than the row's cheapest are given up.
BEAM = 30.0


def end_cost(probability: float) -> float:
    """``-logit(p)``: negative (a bonus) where a sentence end is likely, positive where it is not."""
    p = min(1 - _EPSILON, max(_EPSILON, probability))
    return -math.log(p / (1 - p))


@dataclass
class Side:
    """One side of the region being aligned: per item its length, end probability and anchors."""

    lengths: Sequence[int]
    end_probabilities: Sequence[float]
    anchors: Sequence[tuple[Anchor, ...]]
    max_items: int = 2
    #: Whether an empty-sided bead may pair with several items (Thai pieces) or one (sentences).
    pieces: bool = False
    prefix: list[int] = field(init=False, repr=False)
    ends: list[float] = field(init=False, repr=False)
    #: Anchor ``g`` (all items' anchors in order) belongs to items from ``anchor_prefix[k]`` on.
    anchor_prefix: list[int] = field(init=False, repr=False)
    flat_anchors: list[Anchor] = field(init=False, repr=False)
    #: Where each anchor stands, in characters from the start of the side.
    anchor_positions: list[float] = field(init=False, repr=False)
    #: Per item its word-pair anchors (:mod:`trilex.tm.align.word_pairs`); none when empty.
    words: Sequence[tuple[Anchor, ...]] = ()
    #: Word ``g`` (all items' words in order) belongs to items from ``word_prefix[k]`` on.
    word_prefix: list[int] = field(init=False, repr=False)
    flat_words: list[Anchor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.prefix = [0, *accumulate(self.lengths)]
        self.ends = [end_cost(p) for p in self.end_probabilities]
        self.anchor_prefix = [0, *accumulate(len(a) for a in self.anchors)]
        self.flat_anchors = [anchor for item in self.anchors for anchor in item]
        self.anchor_positions = [self.prefix[k] + anchor.where * self.lengths[k]
                                 for k, item in enumerate(self.anchors) for anchor in item]
        words = self.words or [()] * len(self.lengths)
        self.word_prefix = [0, *accumulate(len(w) for w in words)]
        self.flat_words = [word for item in words for word in item]

    def __len__(self) -> int:
        return len(self.lengths)


@dataclass(frozen=True)
class Weights:
    """The weights of the cost terms (fitted on NTREX-128's development half)."""

    segmentation: float = 1.0
    anchor_match: float = 2.0
    anchor_miss: float = 1.0
    anchor_apart: float = 4.0
    null: float = 4.0
    bead: float = -2.0
    word_pairs: float = 8.0


@dataclass(frozen=True)
class Bead:
    """Items ``source[0]:source[1]`` aligned with ``target[0]:target[1]``, and what they cost."""

    source: tuple[int, int]
    target: tuple[int, int]
    cost: float
    length_cost: float
    anchors_matched: int
    anchors_missed: int
    #: How far apart the matched anchors stand in their sentences (sum of differences, 0..1 each).
    anchors_apart: float = 0.0
    #: The segmentation cost where the bead's sides end (negative: at likely sentence ends).
    ends_cost: float = 0.0
    #: The share of the bead's words that pair (Dice, 0..1; 0 without words on both sides).
    word_share: float = 0.0


class Costs:
    """The cost of any bead between two :class:`Side` s."""

    def __init__(self, source: Side, target: Side, length: LengthCost, weights: Weights) -> None:
        self.source, self.target, self.length, self.weights = source, target, length, weights
        self.anchor_pairing = _Pairing(source.flat_anchors, target.flat_anchors)
        self.word_pairing = _Pairing(source.flat_words, target.flat_words)
        #: The anchor pairs of the anchor ranges seen so far (:meth:`pairs`).
        self._pairs: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}
        #: The word shares of the word ranges seen so far (:meth:`word_share`; a search run again
        #: with a wider band asks for the same beads).
        self._shares: dict[tuple[int, int, int, int], float] = {}

    def pairs(self, i0: int, i1: int, j0: int, j1: int) -> tuple[tuple[int, int], ...]:
        """The anchors of source items ``i0:i1`` paired with a distinct anchor of target items
        ``j0:j1`` (:meth:`_Pairing.pairs`), as ``(source anchor, target anchor)`` indexes. They
        depend only on which anchors the bead holds, so they are kept by those ranges: beads that
        differ by items without anchors share them."""
        src, tgt = self.source, self.target
        key = (src.anchor_prefix[i0], src.anchor_prefix[i1], tgt.anchor_prefix[j0], tgt.anchor_prefix[j1])
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self.anchor_pairing.pairs(*key)
        return found

    def word_share(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The share of the words of source items ``i0:i1`` and target items ``j0:j1`` that pair
        up: twice the pairs over the words of both sides (0 when a side has none)."""
        src, tgt = self.source, self.target
        s_lo, s_hi, t_lo, t_hi = src.word_prefix[i0], src.word_prefix[i1], tgt.word_prefix[j0], tgt.word_prefix[j1]
        if s_lo == s_hi or t_lo == t_hi:
            return 0.0
        key = (s_lo, s_hi, t_lo, t_hi)
        share = self._shares.get(key)
        if share is None:
            share = self._shares[key] = 2 * len(self.word_pairing.pairs(*key)) / (s_hi - s_lo + t_hi - t_lo)
        return share

    def apart(self, pairs: tuple[tuple[int, int], ...], i0: int, i1: int, j0: int, j1: int) -> float:
        """How far apart the paired anchors stand in their sides of the bead: the sum of the
        differences of their places (each 0..1)."""
        src, tgt = self.source, self.target
        s_start, t_start = src.prefix[i0], tgt.prefix[j0]
        s_size, t_size = max(1, src.prefix[i1] - s_start), max(1, tgt.prefix[j1] - t_start)
        s_pos, t_pos = src.anchor_positions, tgt.anchor_positions
        return sum(abs((s_pos[g] - s_start) / s_size - (t_pos[h] - t_start) / t_size) for g, h in pairs)

    def match(self, i0: int, i1: int, j0: int, j1: int) -> tuple[int, float]:
        """How many anchors of the bead pair up (:meth:`pairs`), and how far apart they stand
        (:meth:`apart`)."""
        pairs = self.pairs(i0, i1, j0, j1)
        return len(pairs), self.apart(pairs, i0, i1, j0, j1)

    def bead(self, i0: int, i1: int, j0: int, j1: int) -> Bead:
        """The bead of source items ``i0:i1`` and target items ``j0:j1``, with its cost and its parts."""
        src, tgt, w = self.source, self.target, self.weights
        n_src = src.anchor_prefix[i1] - src.anchor_prefix[i0]
        n_tgt = tgt.anchor_prefix[j1] - tgt.anchor_prefix[j0]
        hits, apart = self.match(i0, i1, j0, j1) if n_src and n_tgt else (0, 0.0)
        misses = n_src + n_tgt - 2 * hits
        ends = (src.ends[i1 - 1] if i1 > i0 else 0.0) + (tgt.ends[j1 - 1] if j1 > j0 else 0.0)
        cost = w.anchor_miss * misses - w.anchor_match * hits + w.anchor_apart * apart + w.segmentation * ends
        if i1 == i0 or j1 == j0:
            return Bead((i0, i1), (j0, j1), cost + w.null, 0.0, hits, misses, apart, ends)
        length = self.length(src.prefix[i1] - src.prefix[i0], tgt.prefix[j1] - tgt.prefix[j0])
        share = self.word_share(i0, i1, j0, j1)
        return Bead((i0, i1), (j0, j1), cost + w.bead + length - w.word_pairs * share, length, hits, misses,
                    apart, ends, share)


class _Pairing:
    """Which anchors of one sequence can pair with which of another (same kind, a shared key)."""

    def __init__(self, anchors: Sequence[Anchor], others: Sequence[Anchor]) -> None:
        #: For each anchor the ``others`` it can pair with, in order, and back.
        self.partners = _partners(anchors, others)
        self.partners_back = _partners(others, anchors)

    def pairs(self, lo: int, hi: int, other_lo: int, other_hi: int) -> tuple[tuple[int, int], ...]:
        """Anchors ``lo:hi`` paired with distinct ``others`` ``other_lo:other_hi``, greedily, in
        order, from the side with fewer anchors, as ``(anchor, other)`` indexes."""
        if hi - lo <= other_hi - other_lo:
            return _greedy(lo, hi, self.partners, other_lo, other_hi)
        return tuple((g, h) for h, g in _greedy(other_lo, other_hi, self.partners_back, lo, hi))


def _partners(anchors: Sequence[Anchor], others: Sequence[Anchor]) -> list[list[int]]:
    """For each of ``anchors``, the indexes of the ``others`` it matches (same kind, a shared
    key), in order."""
    by_key: dict[tuple[str, object], list[int]] = {}
    for h, anchor in enumerate(others):
        for key in anchor.keys:
            by_key.setdefault((anchor.kind, key), []).append(h)
    out = []
    for anchor in anchors:
        if len(anchor.keys) == 1:  # most anchors: one key, whose list is in order already
            out.append(by_key.get((anchor.kind, next(iter(anchor.keys))), []))
        else:
            out.append(sorted({h for key in anchor.keys for h in by_key.get((anchor.kind, key), ())}))
    return out


#: Partner lists longer than this are searched by bisection, shorter ones from the start.
_SCAN = 8


def _greedy(lo: int, hi: int, partners: list[list[int]], other_lo: int, other_hi: int
            ) -> tuple[tuple[int, int], ...]:
    """Anchors ``lo:hi`` paired in order with the first free partner in ``other_lo:other_hi``."""
    used: set[int] = set()
    pairs = []
    for g in range(lo, hi):
        candidates = partners[g]
        start = bisect_left(candidates, other_lo) if len(candidates) > _SCAN else 0
        for k in range(start, len(candidates)):
            h = candidates[k]
            if h >= other_hi:
                break
            if h >= other_lo and h not in used:
                used.add(h)
                pairs.append((g, h))
                break
    return tuple(pairs)


def _band(n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each row ``i`` (0..n), the columns ``lo..hi`` inside the band around the diagonal."""
    rows = []
    for i in range(n + 1):
        centre = i * m / n if n else 0
        rows.append((max(0, int(centre - width)), min(m, int(math.ceil(centre + width)))))
    return rows


def align(costs: Costs, width: int | None = None) -> list[Bead]:
    """The cheapest beads covering both sides, in order (widening the band as needed)."""
    n, m = len(costs.source), len(costs.target)
    if n == 0 and m == 0:
        return []
    if n == 0 or m == 0:
        return _only_nulls(costs, n, m)
    if width is None and n * m > COARSE_ABOVE:
        return _align_by_blocks(costs, n, m)
    # The band is measured in target items around the diagonal j = i * m / n: wide enough for a
    # few beads of the most target items a bead may take, or a twentieth of the target.
    width = width or max(16, 4 * costs.target.max_items, m // 20)
    beam = BEAM
    while True:
        full = width >= m
        beads, touched = _search(costs, n, m, _band(n, m, m if full else width), beam)
        if not beads and beam < math.inf:
            beam = math.inf  # the beam lost every path to the end: search again without it
            continue
        if full or not touched:
            return beads
        width *= 2


#: Regions with more cells than this (source items × target items) are aligned in blocks.
COARSE_ABOVE = 40_000
#: Items per block of the coarse pass (on the side with fewer items).
BLOCK_ITEMS = 6
#: How far (a share of a block's length) a block may end from its goal, to end at a likelier sentence end.
BLOCK_SLACK = 0.3


def _blocks(side: Side, count: int) -> list[int]:
    """Where ``count`` blocks of about equal length end (item indexes, the last is ``len(side)``),
    each cut at the likeliest sentence end near its target length."""
    total = side.prefix[-1]
    slack = BLOCK_SLACK * total / count
    ends, start = [], 0
    for k in range(1, count):
        goal = total * k / count
        best, best_p = None, -1.0
        for i in range(start + 1, len(side)):
            if side.prefix[i] < goal - slack:
                continue
            if side.prefix[i] > goal + slack and best is not None:
                break
            if side.end_probabilities[i - 1] > best_p:
                best, best_p = i, side.end_probabilities[i - 1]
        if best is None or best >= len(side):
            break
        ends.append(best)
        start = best
    return [*ends, len(side)]


def _block_side(side: Side, ends: list[int]) -> Side:
    starts = [0, *ends[:-1]]
    return Side([side.prefix[end] - side.prefix[start] for start, end in zip(starts, ends)],
                [side.end_probabilities[end - 1] for end in ends],
                [joined([(side.anchors[k], side.lengths[k]) for k in range(start, end)])
                 for start, end in zip(starts, ends)])


def _align_by_blocks(costs: Costs, n: int, m: int) -> list[Bead]:
    """Align blocks of items first (about :data:`BLOCK_ITEMS` each, cut at the likeliest
    sentence ends), then the items inside each pair of aligned blocks: a long text without
    paragraphs is aligned as many small regions, as paragraphs would be."""
    count = max(2, min(n, m) // BLOCK_ITEMS)
    src_ends, tgt_ends = _blocks(costs.source, count), _blocks(costs.target, count)
    coarse = align(Costs(_block_side(costs.source, src_ends), _block_side(costs.target, tgt_ends),
                         costs.length, costs.weights))
    src_at, tgt_at = [0, *src_ends], [0, *tgt_ends]
    beads: list[Bead] = []
    for block in coarse:
        i0, i1 = src_at[block.source[0]], src_at[block.source[1]]
        j0, j1 = tgt_at[block.target[0]], tgt_at[block.target[1]]
        inner = Costs(_slice(costs.source, i0, i1), _slice(costs.target, j0, j1), costs.length, costs.weights)
        for bead in align(inner):
            beads.append(costs.bead(bead.source[0] + i0, bead.source[1] + i0, bead.target[0] + j0, bead.target[1] + j0))
    return beads


def _slice(side: Side, start: int, end: int) -> Side:
    return Side(side.lengths[start:end], side.end_probabilities[start:end], side.anchors[start:end],
                side.max_items, side.pieces, words=side.words[start:end])


def _only_nulls(costs: Costs, n: int, m: int) -> list[Bead]:
    return [costs.bead(i, i + 1, 0, 0) for i in range(n)] + [costs.bead(n, n, j, j + 1) for j in range(m)]


def _search(costs: Costs, n: int, m: int, band: list[tuple[int, int]], beam: float = math.inf
           ) -> tuple[list[Bead], bool]:
    """The best path inside ``band``; ``touched``: whether it runs along the band's edge. No
    path (an empty list) when the band or the beam cuts off the end. Cells costing ``beam``
    more than the cheapest of their row are given up.

    The bead costs of :meth:`Costs.bead` are computed inline here (this loop is the aligner's
    hot path), and a side is not extended once its length is :data:`PRUNE_SD` standard
    deviations beyond what the other side's length predicts: such a bead costs more than any
    alternative (:meth:`Costs.bead` gives the beads chosen with their exact costs).
    """
    inf = math.inf
    src, tgt, w = costs.source, costs.target, costs.weights
    sp, tp, sa, ta = src.prefix, tgt.prefix, src.anchor_prefix, tgt.anchor_prefix
    sw, tw = src.word_prefix, tgt.word_prefix
    length, ratio, variance = costs.length, costs.length.ratio, costs.length.variance
    cache, length_cost = length.cache, length.cost
    miss, hit, null, apart_w, lexical = w.anchor_miss, w.anchor_match, w.null, w.anchor_apart, w.word_pairs
    pairs, apart, word_share = costs.pairs, costs.apart, costs.word_share
    seg_s = [0.0] + [w.segmentation * e for e in src.ends]  # ending a bead after source item i-1
    seg_t = [0.0] + [w.segmentation * e for e in tgt.ends]
    max_a, max_b = src.max_items, tgt.max_items
    null_a = max_a if src.pieces else 1
    null_b = max_b if tgt.pieces else 1
    spread = PRUNE_SD * PRUNE_SD * variance / 2
    offsets = [lo for lo, _ in band]
    totals: list[list[float]] = [[inf] * (hi - lo + 1) for lo, hi in band]
    moves: list[list[int]] = [[0] * (hi - lo + 1) for lo, hi in band]
    totals[0][0 - offsets[0]] = 0.0
    alive: list[bool] = []  # per row: whether any of its cells is still a candidate
    for i in range(n + 1):
        lo, hi = band[i]
        row, row_moves = totals[i], moves[i]
        fixed = w.bead + seg_s[i]
        shapes = []  # per source count a: (previous row, its offset, length, anchors, words), live rows only
        for a in range(1, min(max(max_a, null_a), i) + 1):
            if alive[i - a]:
                shapes.append((a, totals[i - a], offsets[i - a], sp[i] - sp[i - a], sa[i] - sa[i - a],
                               sw[i] - sw[i - a]))
        nulls = [shape for shape in shapes if shape[0] <= null_a]
        shapes = [shape for shape in shapes if shape[0] <= max_a]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, best_move = inf, -1
            pending: list[tuple[float, float, int, int, int, float]] = []
            if j:
                seg_j = fixed + seg_t[j]
                widest = tp[j] - tp[max(0, j - max_b)]
                for a, previous_row, previous_offset, ls, ns, ws in shapes:  # beads with both sides
                    diff = ratio * ls - widest
                    if diff > 0 and diff * diff > spread * (ls + widest / ratio):
                        break  # even the longest target side is far too short, and a only grows
                    for b in range(1, min(max_b, j) + 1):
                        lt = tp[j] - tp[j - b]
                        diff = lt - ratio * ls
                        if diff > 0 and diff * diff > spread * (ls + lt / ratio):
                            break  # the target side is far too long already, and b only grows
                        k = j - b - previous_offset
                        if k < 0 or k >= len(previous_row):
                            continue
                        total = previous_row[k] + seg_j
                        nt = ta[j] - ta[j - b]
                        most = min(ns, nt)
                        wt = tw[j] - tw[j - b]
                        # the most the word pairs can give: every word of the smaller side paired
                        bonus = lexical * 2 * min(ws, wt) / (ws + wt) if ws and wt else 0.0
                        # the cheapest the anchors can make it (the length cost is never negative)
                        bound = total + miss * (ns + nt - 2 * most) - hit * most - bonus
                        if bound >= best:
                            continue
                        key = (ls << 32) | lt
                        cost = cache.get(key)
                        if cost is None:
                            cost = cache[key] = length_cost(ls, lt)
                        if most or bonus:  # the anchors are paired below, cheapest bound first
                            pending.append((bound + cost, total + cost, a, b, ns + nt, bonus))
                        elif bound + cost < best:
                            best, best_move = bound + cost, a * 1024 + b
                if pending:
                    pending.sort()
                    for bound, total, a, b, count, bonus in pending:
                        if bound >= best:
                            break  # not better even if every anchor and word pairs up in place
                        found = pairs(i - a, i, j - b, j) if count else ()
                        total += miss * (count - 2 * len(found)) - hit * len(found)
                        if total - bonus >= best:
                            continue  # not better even with every pair in place
                        if found:
                            total += apart_w * apart(found, i - a, i, j - b, j)
                            if total - bonus >= best:
                                continue
                        if bonus:
                            total -= lexical * word_share(i - a, i, j - b, j)
                        if total < best:
                            best, best_move = total, a * 1024 + b
                    pending.clear()
            for a, previous_row, previous_offset, _ls, ns, _ws in nulls:  # source items without a partner
                k = j - previous_offset
                if 0 <= k < len(previous_row):
                    total = previous_row[k] + null + seg_s[i] + miss * ns
                    if total < best:
                        best, best_move = total, a * 1024
            for b in range(1, min(null_b, j) + 1):  # target items without a partner
                k = j - b - lo
                if k >= 0 and row[k] < inf:
                    total = row[k] + null + seg_t[j] + miss * (ta[j] - ta[j - b])
                    if total < best:
                        best, best_move = total, b
            if best_move >= 0:
                row[j - lo] = best
                row_moves[j - lo] = best_move
        cheapest = min(row)
        alive.append(cheapest < inf)
        if beam < inf:  # cells far costlier than the row's cheapest are given up
            cut = cheapest + beam
            for k, total in enumerate(row):
                if total > cut:
                    row[k] = inf
    if not (offsets[n] <= m <= band[n][1]) or totals[n][m - offsets[n]] == inf:
        return [], True
    beads = []
    touched = False
    i, j = n, m
    while i or j:
        move = moves[i][j - offsets[i]]
        a, b = move // 1024, move % 1024
        lo, hi = band[i]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        beads.append(costs.bead(i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched
