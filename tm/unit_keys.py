"""What a TM store computes from a unit before it stores it, the same for every backend.

* the **dedup key**: two units are duplicates when they hold the same content — every
  variant's language tag and text *with its inline codes* (kind, ``i``/``x``/``type``/``pos``/
  ``assoc``, native code), and the notes and props of the unit and its variants — so the same
  sentence with and without formatting (``Elephants cannot fly.`` and
  ``Elephants <bpt/>cannot<ept/> fly.``), or with another context prop (OmegaT's alternative
  translations), are two entries. Attributes (dates, ``tuid``, ``changeid``, usage counts,
  the creating tool) are not part of it: they say when and by whom, and the newer copy of a
  duplicate replaces the older;
* the unit's latest change date (the newer copy wins) and how many of its dates are unreadable;
* one row per variant for the index: language, tag, text as written, match key, length.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from trilex.gc_pause import paused_gc
from trilex.lang.tags import primary_subtag
from trilex.tm.gram_index import ChunkPostings
from trilex.workers import ordered_map
from trilex.tm.fuzzy import comparable, match_key
from trilex.tm.model import DATE_ATTRIBUTES, Content, Note, Prop, TranslationUnit, readable_tmx_date
from trilex.tm.store import ImportResult, StoredUnit
from trilex.tm.unit_codec import encode_unit

if TYPE_CHECKING:
    from trilex.tm.tmx_pieces import Repair, TmxPiece

T = TypeVar("T")

#: Separators that cannot occur in XML text, so the parts of a key never run into each other.
_FIELD, _ITEM, _OPEN, _CLOSE = "\x1f", "\x1e", "\x02", "\x03"


#: One variant as the index keeps it: ``(lang, tag, text, key, length)`` — primary language,
#: tag, text as written, match key, length (characters for Thai/Chinese, tokens otherwise: what
#: the edit distance runs over). The key is ``""`` when it is the text itself (two thirds of
#: real segments), which keeps the store smaller: :func:`stored_key` gives it whole, and stores
#: read it back through :data:`STORED_KEY`.
SegmentRow = tuple[str, str, str, str, int]

#: The SQL expression that reads a segment's match key back from the ``key`` and ``text`` columns.
STORED_KEY = "CASE key WHEN '' THEN text ELSE key END"

#: A unit ready to store: ``(origin, imported, dedup_key, changed, unreadable_dates, data,
#: segments)`` — the file it came from, when it was first imported, its dedup key, latest
#: change date, how many of its dates are unreadable, its JSON form and its
#: :data:`SegmentRow` s. Plain tuples: they cross from worker processes by the hundred
#: thousand, and a tuple unpickles ten times faster than a named one.
PreparedUnit = tuple[str | None, str, bytes, str | None, int, str, tuple[SegmentRow, ...]]


def stored_key(segment: SegmentRow) -> str:
    """The match key of a :data:`SegmentRow` (its text when the key was stored empty)."""
    return segment[3] or segment[2]


def _content_key(content: Content, out: list[str]) -> None:
    for item in content:
        if isinstance(item, str):
            out.append(item)
            continue
        out.append(_OPEN + _FIELD.join((item.kind, item.i or "", item.x or "", item.type or "",
                                        item.pos or "", item.assoc or "", item.datatype or "")) + _FIELD)
        _content_key(item.content, out)
        out.append(_CLOSE)


def _meta_key(notes: list[Note], props: list[Prop], out: list[str]) -> None:
    for note in notes:
        out.append(_ITEM + "n" + _FIELD + (note.lang or "") + _FIELD + note.text)
    for prop in props:
        out.append(_ITEM + "p" + _FIELD + prop.type + _FIELD + (prop.lang or "") + _FIELD + prop.value)


def dedup_key(unit: TranslationUnit) -> bytes:
    """The key two units share exactly when they are duplicates (see the module docstring)."""
    parts: list[str] = []
    _meta_key(unit.notes, unit.props, parts)
    variants = []
    for variant in unit.variants:
        out = [variant.lang, _FIELD]
        _content_key(variant.content, out)
        _meta_key(variant.notes, variant.props, out)
        variants.append("".join(out))
    variants.sort()
    parts.extend(_ITEM + _ITEM + variant for variant in variants)
    return hashlib.sha1("".join(parts).encode("utf-8", "surrogatepass")).digest()


def unit_dates(unit: TranslationUnit) -> tuple[str | None, int]:
    """The unit's latest change or creation date (TMX form), from the unit or its variants, and
    how many of its date attributes are not dates (those take part in no comparison)."""
    latest: str | None = None
    unreadable = 0
    for holder in (unit, *unit.variants):
        attributes = holder.attributes
        if not attributes:
            continue
        for name in DATE_ATTRIBUTES:
            value = attributes.get(name)
            if value is None:
                continue
            date = readable_tmx_date(value)
            if date is None:
                unreadable += 1
            elif name != "lastusagedate" and (latest is None or date > latest):
                latest = date
    return latest, unreadable


def segment_rows(unit: TranslationUnit) -> tuple[SegmentRow, ...]:
    """The index rows of the unit's variants."""
    rows = []
    for variant in unit.variants:
        text = variant.text
        lang = primary_subtag(variant.lang)
        key = match_key(text)
        rows.append((lang, variant.lang, text, "" if key == text else key, len(comparable(key, lang))))
    return tuple(rows)


def is_empty(unit: TranslationUnit) -> bool:
    """Whether no variant of the unit has any text (such units are not stored)."""
    return not any(variant.text.strip() for variant in unit.variants)


def prepare(unit: TranslationUnit, origin: str | None, imported: str) -> PreparedUnit | int:
    """Everything a store writes for ``unit``; for a unit without text (not stored), the number
    of its unreadable dates instead."""
    changed, unreadable = unit_dates(unit)
    if is_empty(unit):
        return unreadable
    return origin, imported, dedup_key(unit), changed, unreadable, encode_unit(unit), segment_rows(unit)


def newer(changed: str | None, stored: str | None) -> bool:
    """Whether a copy changed at ``changed`` replaces one stored with change date ``stored``."""
    return changed is not None and (stored is None or changed > stored)


@dataclass(frozen=True)
class PreparedChunk:
    """Units prepared together (:func:`prepare` each, in order) and the trigram postings of their
    segments (:class:`~trilex.tm.gram_index.ChunkPostings`)."""

    units: list[PreparedUnit | int]
    postings: ChunkPostings


#: A prepared unit as a store adds it: the unit, its chunk's postings and the index of its
#: first segment among the chunk's segments.
Placed = tuple[PreparedUnit, ChunkPostings, int]

#: Units prepared together when they do not come from a TMX file read in pieces.
CHUNK_UNITS = 1_000


def prepare_chunk(units: Iterable[TranslationUnit], origin: str | None, imported: str) -> PreparedChunk:
    """:func:`prepare` of each unit, with the postings of all their segments."""
    return _with_postings([prepare(unit, origin, imported) for unit in units])


def _with_postings(prepared: list[PreparedUnit | int]) -> PreparedChunk:
    segments = [segment for unit in prepared if not isinstance(unit, int) for segment in unit[6]]
    return PreparedChunk(prepared, ChunkPostings([segment[0] for segment in segments],
                                                 [stored_key(segment) for segment in segments]))


def _prepare_piece(task: tuple[TmxPiece, str | None, str]) -> tuple[PreparedChunk, list[Repair]]:
    """The units of one piece of a TMX file, prepared, and the repairs made reading them."""
    piece, origin, imported = task
    with paused_gc():
        units, repairs = piece.read()
        return prepare_chunk(units, origin, imported), repairs


def prepared_units(units: Iterable[TranslationUnit], origin: str | None, imported: str,
                   jobs: int = 1) -> Iterator[Placed | int]:
    """Each unit prepared (:func:`prepare`) and placed in its chunk, in order; for a unit
    without text, the number of its unreadable dates.

    A TMX file read in pieces (:class:`~trilex.tm.tmx_pieces.TmxUnits`) is read and prepared
    by ``jobs`` worker processes, a piece each at a time (:func:`trilex.workers.ordered_map`;
    in this process for one job); other units are prepared here, :data:`CHUNK_UNITS` at a time
    (handing parsed units to a process costs more than preparing them).
    """
    from trilex.tm.tmx_pieces import TmxUnits

    if isinstance(units, TmxUnits):
        tasks = ((piece, origin, imported) for piece in units.pieces())
        for chunk, repairs in ordered_map(_prepare_piece, tasks, jobs, "spawn"):
            units.report(repairs)
            yield from _placed(chunk)
        return
    for part in _in_chunks(units):
        yield from _placed(prepare_chunk(part, origin, imported))


def stored_units_prepared(units: Iterable[StoredUnit]) -> Iterator[Placed | int]:
    """:func:`prepared_units` of units from a TM, each with its own origin and import date."""
    for part in _in_chunks(units):
        yield from _placed(_with_postings([prepare(stored.unit, stored.origin, stored.imported) for stored in part]))


def _in_chunks(items: Iterable[T]) -> Iterator[list[T]]:
    """``items`` in lists of :data:`CHUNK_UNITS`."""
    remaining = iter(items)
    return iter(lambda: list(islice(remaining, CHUNK_UNITS)), [])


def _placed(chunk: PreparedChunk) -> Iterator[Placed | int]:
    first = 0
    for unit in chunk.units:
        if isinstance(unit, int):
            yield unit
        else:
            yield unit, chunk.postings, first
            first += len(unit[6])


def batches(placed: Iterable[Placed | int], counts: ImportResult,
            size: int = 5_000) -> Iterator[dict[bytes, Placed]]:
    """Prepared units (see :func:`prepared_units`) in batches of up to ``size`` distinct units
    (keyed by dedup key), in the order they came.

    A duplicate inside a batch counts in ``counts.duplicates``; the newer copy (by change
    date) is kept, in the place of the first (whose postings are the same), and counted in
    ``counts.updated``; empty units are counted and left out.
    """
    batch: dict[bytes, Placed] = {}
    for item in placed:
        if isinstance(item, int):
            counts.empty += 1
            counts.unreadable_dates += item
            continue
        unit = item[0]
        counts.unreadable_dates += unit[4]
        key = unit[2]
        earlier = batch.get(key)
        if earlier is not None:
            counts.duplicates += 1
            if newer(unit[3], earlier[0][3]):
                batch[key] = (unit, earlier[1], earlier[2])
                counts.updated += 1
            continue
        batch[key] = item
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch
