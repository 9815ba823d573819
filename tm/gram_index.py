"""The fuzzy-candidate index of the TM stores: character trigrams → segment ids.

Why not FTS5: an FTS5 ``trigram`` query that ORs all trigrams of a 50-character Thai sentence
walks the posting lists of very common trigrams (``การ`` is in 8% of Thai segments) row by
row, and ranking needs every matching row, which is far over the 50 ms budget at 1M segments.
This index keeps each trigram (as one integer) with its posting list as packed ``uint32`` blobs next to its length,
so a lookup reads the document frequencies first (without touching the blobs), then only the
blobs of the rarest trigrams (a fixed budget of postings), counts them with numpy, and hands
the segments sharing the most rare trigrams to exact re-scoring. It also answers the
concordance's substring prefilter. Posting lists are written in chunks, one per flush of an
import (:class:`PostingsBuffer`). Each store keeps them in its own tables (PostgreSQL a row per
trigram and chunk, SQLite rare trigrams packed in buckets: :mod:`trilex.tm.sqlite_grams`) and
answers a lookup through the :class:`PostingsSource` methods.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from typing import Protocol

#: How many postings a fuzzy lookup reads at most (after the rarest few trigrams).
POSTINGS_BUDGET = 120_000
#: Trigrams read even if they are common, so a query of common words still finds candidates.
MIN_GRAMS = 4
#: Segments re-scored exactly per lookup.
CANDIDATES = 400
#: Segments buffered before their postings are written.
FLUSH_SEGMENTS = 200_000


def gram_codes(keys: list[str]):
    """Every character trigram of ``keys`` as one integer (three 21-bit code points), with the
    index of the key it is in: two numpy arrays of the same length, in text order.

    Keys under 3 characters have no trigram.
    """
    import numpy as np

    points, owner, inside = _trigram_starts(keys)
    return _codes(points.astype(np.int64), inside), owner


def _trigram_starts(keys: list[str]):
    """The code points of ``keys`` end to end (``uint32``), the key each trigram belongs to, and
    which of the ``len(points) - 2`` positions start a trigram inside one key."""
    import numpy as np

    lengths = np.fromiter((len(key) for key in keys), dtype=np.int64, count=len(keys))
    points = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
    if len(points) < 3:
        return points[:0], np.empty(0, dtype=np.int64), np.empty(0, dtype=bool)
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    inside = owner[:-2] == owner[2:]
    return points, owner[:-2][inside], inside


def query_grams(key: str) -> list[int]:
    """The distinct trigram codes of one key."""
    import numpy as np

    return np.unique(gram_codes([key])[0]).tolist()


class ChunkPostings:
    """The postings of a chunk of prepared units before their segments have ids: for each
    language, every distinct ``(trigram code, segment)`` pair, sorted, the segment given as its
    index among the chunk's segments (in unit order). Built where the units are prepared (a
    worker process); the store gives the segments ids as it adds them (:class:`PostingsBuffer`).
    """

    def __init__(self, langs: list[str], keys: list[str]):
        """``langs[i]`` and ``keys[i]``: the primary language and match key of segment ``i``."""
        import numpy as np

        self.segments = len(keys)
        self.by_lang: dict[str, tuple] = {}
        for lang in dict.fromkeys(langs):
            local = np.fromiter((i for i, segment_lang in enumerate(langs) if segment_lang == lang), dtype=np.uint32)
            codes, owners = _distinct_postings([keys[i] for i in local.tolist()])
            self.by_lang[lang] = (codes, local[owners])


class PostingsBuffer:
    """Collects the postings of an import; :meth:`rows` turns them into one chunk of rows."""

    def __init__(self) -> None:
        #: ``[postings, ids]`` per chunk of units: ``ids[i]`` is the id given to the chunk's
        #: segment ``i`` (0: not added, or written already).
        self._chunks: list[list] = []
        self.pending = 0

    def add(self, postings: ChunkPostings, first: int, count: int, first_id: int) -> bool:
        """Give the ``count`` segments of ``postings`` from index ``first`` on the ids
        ``first_id``, ``first_id + 1``, … (ids must grow, chunk by chunk and segment by segment);
        returns whether :data:`FLUSH_SEGMENTS` segments are waiting (time to write a chunk)."""
        import numpy as np

        if not self._chunks or self._chunks[-1][0] is not postings:
            self._chunks.append([postings, np.zeros(postings.segments, dtype=np.uint32)])
        self._chunks[-1][1][first:first + count] = np.arange(first_id, first_id + count, dtype=np.uint32)
        self.pending += count
        return self.pending >= FLUSH_SEGMENTS

    def runs(self) -> Iterator[tuple]:
        """``(lang, codes, segments)`` for each language of the segments given ids since the last
        call: numpy arrays of every ``(trigram code, segment id)`` pair, sorted by code, then id."""
        import numpy as np

        langs = dict.fromkeys(lang for postings, _ids in self._chunks for lang in postings.by_lang)
        for lang in langs:
            code_runs, id_runs = [], []
            for postings, ids in self._chunks:
                if lang in postings.by_lang:
                    codes, local = postings.by_lang[lang]
                    segment_ids = ids[local]
                    added = segment_ids != 0
                    code_runs.append(codes[added])
                    id_runs.append(segment_ids[added])
            codes, segments = np.concatenate(code_runs), np.concatenate(id_runs)
            if not len(codes):
                continue
            # Each run is sorted by code, then id, and ids grow from run to run: a stable sort
            # merges the runs (it finds them) into trigram order with every posting list sorted.
            order = np.argsort(codes, kind="stable")
            yield lang, codes[order], segments[order]
        # Only the last chunk can get more ids (units come in chunk order); what it has is written.
        self._chunks = self._chunks[-1:]
        if self._chunks:
            self._chunks[0][1][:] = 0
        self.pending = 0

    def rows(self, chunk: int) -> Iterator[tuple[str, int, int, int, bytes]]:
        """``(lang, gram, chunk, count, postings)`` for every trigram of the segments given ids
        since the last call, in trigram order with each posting list sorted."""
        for lang, codes, segments in self.runs():
            starts, ends = equal_runs(codes)
            packed = segments.tobytes()
            yield from zip(repeat(lang), codes[starts].tolist(), repeat(chunk), (ends - starts).tolist(),
                           [packed[4 * begin:4 * end] for begin, end in zip(starts.tolist(), ends.tolist())])


def equal_runs(values):
    """Where each run of equal values of the sorted numpy array ``values`` (not empty) starts
    and ends: two arrays."""
    import numpy as np

    bounds = np.flatnonzero(values[1:] != values[:-1]) + 1
    return np.concatenate(([0], bounds)), np.concatenate((bounds, [len(values)]))


def _distinct_postings(keys: list[str]):
    """Every distinct ``(trigram code, key index)`` pair of ``keys``, sorted by code, then by
    index: two numpy arrays.

    The pairs are sorted as single integers when they fit in 63 bits, the code points ranked
    among those that occur (a few hundred in Thai or English text, a few thousand in Chinese):
    a plain integer sort is ten times faster than sorting the codes with their indexes.
    """
    import numpy as np

    points, owner, inside = _trigram_starts(keys)
    if not len(owner):
        return np.empty(0, dtype=np.int64), owner
    alphabet = np.flatnonzero(np.bincount(points))
    table = np.zeros(int(alphabet[-1]) + 1, dtype=np.int64)
    table[alphabet] = np.arange(len(alphabet))
    rank_bits = max(1, (len(alphabet) - 1).bit_length())
    owner_bits = max(1, (len(keys) - 1).bit_length())
    if 3 * rank_bits + owner_bits > 63:
        codes = _codes(points.astype(np.int64), inside)
        order = np.argsort(codes, kind="stable")
        codes, owner = codes[order], owner[order]
        fresh = np.ones(len(codes), dtype=bool)
        fresh[1:] = (codes[1:] != codes[:-1]) | (owner[1:] != owner[:-1])
        return codes[fresh], owner[fresh]
    ranks = table[points]
    gram = (((ranks[:-2] << rank_bits) | ranks[1:-1]) << rank_bits | ranks[2:])[inside]
    pairs = np.sort((gram << owner_bits) | owner)
    fresh = np.ones(len(pairs), dtype=bool)
    fresh[1:] = pairs[1:] != pairs[:-1]
    pairs = pairs[fresh]
    gram = pairs >> owner_bits
    points = alphabet.astype(np.int64)
    mask = (1 << rank_bits) - 1
    codes = (points[gram >> (2 * rank_bits)] << 42) | (points[(gram >> rank_bits) & mask] << 21) | points[gram & mask]
    return codes, pairs & ((1 << owner_bits) - 1)


def _codes(points, inside):
    """The trigram codes (``points`` as ``int64``) at the positions where ``inside`` is true."""
    return ((points[:-2] << 42) | (points[1:-1] << 21) | points[2:])[inside]


class PostingsSource(Protocol):
    """What a lookup needs from a store's trigram table."""

    def gram_frequencies(self, lang: str, grams: list[int]) -> dict[int, int]:
        """How many segments in ``lang`` contain each of ``grams`` (absent grams left out)."""

    def gram_postings(self, lang: str, grams: list[int]) -> bytes:
        """The packed ``uint32`` segment ids of all ``grams``, concatenated."""


def postings(source: PostingsSource, lang: str, grams: list[int]):
    """The segment ids of all ``grams`` concatenated, as a numpy ``uint32`` array."""
    import numpy as np

    if not grams:
        return np.empty(0, dtype=np.uint32)
    return np.frombuffer(source.gram_postings(lang, grams), dtype=np.uint32)


def rarest(df: dict[int, int], budget: int = POSTINGS_BUDGET, minimum: int = MIN_GRAMS) -> list[int]:
    """The rarest grams whose postings fit in ``budget`` (at least ``minimum`` of them)."""
    chosen: list[int] = []
    total = 0
    for gram, count in sorted(df.items(), key=lambda item: item[1]):
        if len(chosen) >= minimum and total + count > budget:
            break
        chosen.append(gram)
        total += count
    return chosen


def fuzzy_candidates(source: PostingsSource, lang: str, key: str, limit: int = CANDIDATES) -> list[int]:
    """Ids of the segments sharing the most rare trigrams with ``key``, most shared first."""
    import numpy as np

    df = source.gram_frequencies(lang, query_grams(key))
    ids = postings(source, lang, rarest(df))
    if not len(ids):
        return []
    unique, counts = np.unique(ids, return_counts=True)
    if len(unique) > limit:
        top = np.argpartition(-counts, limit - 1)[:limit]
        unique, counts = unique[top], counts[top]
    order = np.argsort(-counts, kind="stable")
    return unique[order].tolist()


def containing_candidates(source: PostingsSource, lang: str, key: str, rare: int = 3):
    """Ids (sorted, numpy) of the segments that contain every one of the ``rare`` rarest trigrams
    of ``key`` — a superset of the segments containing ``key`` itself (``key`` ≥ 3 characters)."""
    import numpy as np

    grams = query_grams(key)
    df = source.gram_frequencies(lang, grams)
    if len(df) < len(grams):
        return np.empty(0, dtype=np.uint32)
    result = None
    for gram in sorted(df, key=df.__getitem__)[:rare]:
        ids = postings(source, lang, [gram])
        result = ids if result is None else np.intersect1d(result, ids, assume_unique=True)
    return np.sort(result)
