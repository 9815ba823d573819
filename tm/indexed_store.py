"""Lookups shared by the stores that keep segments and a trigram index in database tables.

:class:`IndexedStore` answers :meth:`~trilex.tm.store.TMStore.search_fuzzy` and
:meth:`~trilex.tm.store.TMStore.concordance` for SQLite and PostgreSQL alike: candidates from
the trigram postings (:mod:`trilex.tm.gram_index`) or, for queries too short to have a trigram
and short queries that few segments could match, the segments of a length that allows the
threshold; exact re-scoring with rapidfuzz; the best
segment per unit; newer units first among equal scores. A backend supplies a handful of
queries (the abstract methods below).
"""

from __future__ import annotations

import math
from abc import abstractmethod
from collections.abc import Iterable
from datetime import datetime, timezone

from trilex.gc_pause import paused_gc
from trilex.lang.tags import primary_subtag
from trilex.tm import gram_index
from trilex.tm.fuzzy import comparable, match_key, percentages
from trilex.tm.model import TranslationUnit, format_tmx_date
from trilex.tm.unit_keys import Placed, prepared_units, stored_units_prepared
from trilex.tm.store import DEFAULT_MIN_SCORE, ConcordanceHit, FuzzyMatch, ImportResult, StoredUnit, TMStore

#: Queries shorter than this (in match-key characters) have no trigram and are matched by
#: scanning the segments of a suitable length instead.
SHORT_QUERY = 3

#: A short query (at most this many characters or words in the longest match it allows) is
#: matched against every segment of a length the threshold allows instead of trigram
#: candidates, when there are at most :data:`WINDOW_LIMIT` of them — exact, since every match
#: has such a length: its few trigrams are shared by too many longer segments for the trigram
#: candidates to reach the right ones (``sing`` is in thousands of sentences).
#: Both stores keep the short segments in a covering partial index, so the window is read from
#: a few index pages rather than from rows all over the file.
SHORT_WINDOW = 8
WINDOW_LIMIT = 20_000


def short_window(high: int) -> str:
    """An SQL condition that lets a lookup of segments at most ``high`` long use the stores'
    partial index of short segments (its ``WHERE`` must be in the query as written)."""
    return f" AND length <= {SHORT_WINDOW}" if high <= SHORT_WINDOW else ""

#: Imports write one index chunk per 100,000 segments; past this many per trigram, merge them.
MAX_FRAGMENTATION = 4.0

#: ``(segment id, unit id, tag, text, match key)`` as the backends return segments.
SegmentRecord = tuple[int, int, str, str, str]


class IndexedStore(TMStore):
    """A :class:`~trilex.tm.store.TMStore` whose lookups run on segment and trigram tables."""

    # -- what a backend supplies ------------------------------------------------------------

    @abstractmethod
    def _add_prepared(self, prepared: Iterable[Placed | int], origin: str) -> ImportResult:
        """Add prepared units (:func:`~trilex.tm.unit_keys.prepared_units`) in one transaction (see :meth:`add`)."""

    @abstractmethod
    def gram_frequencies(self, lang: str, grams: list[int]) -> dict[int, int]:
        """How many segments in ``lang`` contain each of ``grams`` (absent grams left out)."""

    @abstractmethod
    def gram_postings(self, lang: str, grams: list[int]) -> bytes:
        """The packed ``uint32`` segment ids of all ``grams``, concatenated."""

    @abstractmethod
    def segments_by_id(self, segment_ids: list[int]) -> list[SegmentRecord]:
        """The segments with these ids, in id order."""

    @abstractmethod
    def segments_of_length(self, lang: str, low: int, high: int) -> list[SegmentRecord]:
        """The segments in ``lang`` whose length is between ``low`` and ``high``."""

    @abstractmethod
    def count_of_length(self, lang: str, low: int, high: int, limit: int) -> int:
        """How many segments in ``lang`` have a length between ``low`` and ``high``, counting to
        ``limit`` at most (from the index alone)."""

    @abstractmethod
    def segments_containing(self, lang: str, key: str, limit: int | None) -> list[SegmentRecord]:
        """The first ``limit`` segments in ``lang`` (id order) whose match key contains ``key``,
        by scanning (for keys too short for the trigram index)."""

    @abstractmethod
    def units_by_id(self, unit_ids: list[int]) -> dict[int, tuple[TranslationUnit, str | None]]:
        """The units with these ids, with their origins."""

    @abstractmethod
    def change_dates(self, unit_ids: list[int]) -> dict[int, str | None]:
        """The latest change date of each of these units."""

    @abstractmethod
    def languages(self) -> list[str]:
        """The primary languages that have segments, sorted."""

    @abstractmethod
    def fragmentation(self) -> float:
        """Index chunks per trigram on average (1.0 right after :meth:`optimize`)."""

    @abstractmethod
    def optimize(self) -> int:
        """Join each trigram's chunks into one (one transaction); returns trigrams merged."""

    def maintain(self) -> None:
        """:meth:`optimize` once imports have left more than :data:`MAX_FRAGMENTATION` chunks per trigram."""
        if self.fragmentation() > MAX_FRAGMENTATION:
            self.optimize()

    def add(self, units: Iterable[TranslationUnit], origin: str) -> ImportResult:
        imported = format_tmx_date(datetime.now(timezone.utc))
        with paused_gc():  # an import builds millions of tuples and no cycles
            return self._add_prepared(prepared_units(units, origin, imported, self.jobs), origin)

    def add_stored(self, units: Iterable[StoredUnit]) -> ImportResult:
        with paused_gc():
            return self._add_prepared(stored_units_prepared(units), "")

    # -- fuzzy matches ----------------------------------------------------------------------

    def search_fuzzy(self, text: str, lang: str, min_score: float = DEFAULT_MIN_SCORE,
                     limit: int | None = 10) -> list[FuzzyMatch]:
        lang = primary_subtag(lang)
        key = match_key(text)
        if not key:
            return []
        size = len(comparable(key, lang))
        ratio = max(min_score, 1.0) / 100.0
        low, high = math.ceil(size * ratio - 1e-9), math.floor(size / ratio + 1e-9)
        # Every segment the threshold allows has a length in [low, high]: where there are few
        # enough of them, scoring them all is exact (and needs no trigrams).
        if len(key) < SHORT_QUERY or (high <= SHORT_WINDOW and
                                      self.count_of_length(lang, low, high, WINDOW_LIMIT + 1) <= WINDOW_LIMIT):
            rows = self.segments_of_length(lang, low, high)
        else:
            rows = self.segments_by_id(gram_index.fuzzy_candidates(self, lang, key))
        best: dict[int, tuple[float, str, str]] = {}
        scores = percentages(key, [row[4] for row in rows], lang, cutoff=min_score)
        for (_segment_id, unit_id, tag, segment_text, _key), score in zip(rows, scores):
            if score >= min_score and score > best.get(unit_id, (-1.0,))[0]:
                best[unit_id] = (score, tag, segment_text)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        if limit is not None:
            ranked = self._break_ties(ranked, limit)
        units = self.units_by_id([unit_id for unit_id, _ in ranked])
        return [FuzzyMatch(score, tag, segment_text, units[unit_id][0], unit_id, units[unit_id][1])
                for unit_id, (score, tag, segment_text) in ranked]

    def _break_ties(self, ranked: list[tuple[int, tuple[float, str, str]]], limit: int):
        """The first ``limit`` of ``ranked``, newer units first among equal scores."""
        if len(ranked) > limit:
            cut = ranked[limit - 1][1][0]
            ranked = [item for item in ranked if item[1][0] >= cut]
        changed = self.change_dates([unit_id for unit_id, _ in ranked])
        ranked.sort(key=lambda item: item[0])
        ranked.sort(key=lambda item: changed.get(item[0]) or "", reverse=True)
        ranked.sort(key=lambda item: -item[1][0])
        return ranked[:limit]

    # -- concordance ------------------------------------------------------------------------

    def concordance(self, phrase: str, lang: str | None = None, limit: int | None = 50) -> list[ConcordanceHit]:
        key = match_key(phrase)
        if not key:
            return []
        langs = [primary_subtag(lang)] if lang else self.languages()
        hits: list[SegmentRecord] = []
        for code in langs:
            hits.extend(self._containing(code, key, limit))
        hits.sort()
        if limit is not None:
            hits = hits[:limit]
        units = self.units_by_id([unit_id for _, unit_id, _, _, _ in hits])
        result = []
        for _segment_id, unit_id, tag, text, _key in hits:
            start, end = _locate(text, phrase, key)
            result.append(ConcordanceHit(tag, text, start, end, units[unit_id][0], unit_id, units[unit_id][1]))
        return result

    def _containing(self, lang: str, key: str, limit: int | None) -> list[SegmentRecord]:
        """The first ``limit`` segments in ``lang`` containing ``key``."""
        if len(key) < SHORT_QUERY:
            return self.segments_containing(lang, key, limit)
        candidates = gram_index.containing_candidates(self, lang, key).tolist()
        found: list[SegmentRecord] = []
        for start in range(0, len(candidates), 500):
            found.extend(row for row in self.segments_by_id(candidates[start:start + 500]) if key in row[4])
            if limit is not None and len(found) >= limit:
                return found[:limit]
        return found


def chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    """``ids`` in lists of at most ``size`` (for ``IN (...)`` queries)."""
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _locate(text: str, phrase: str, key: str) -> tuple[int | None, int | None]:
    """Where ``phrase`` is in ``text``: literally, or through the normalized key when it lines up."""
    start = text.find(phrase)
    if start >= 0:
        return start, start + len(phrase)
    text_key = match_key(text)
    start = text_key.find(key)
    if start >= 0 and len(text_key) == len(text):
        return start, start + len(key)
    return None, None
