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

from trilex.lang.tags import primary_subtag
from trilex.workers import ordered_map
from trilex.tm.fuzzy import comparable, match_key
from trilex.tm.model import DATE_ATTRIBUTES, Content, Note, Prop, TranslationUnit, readable_tmx_date
from trilex.tm.store import ImportResult
from trilex.tm.unit_codec import encode_unit

#: Separators that cannot occur in XML text, so the parts of a key never run into each other.
_FIELD, _ITEM, _OPEN, _CLOSE = "\x1f", "\x1e", "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One variant as the index keeps it: primary language, tag, text, match key, length
    (characters for Thai/Chinese, tokens otherwise: what the edit distance runs over).

    ``key`` is stored as ``""`` when it is the text itself (two thirds of real segments), which
    keeps the store smaller; :attr:`match_key` gives it whole. Stores read it back through
    :data:`STORED_KEY`.
    """

    lang: str
    tag: str
    text: str
    key: str
    length: int

    @property
    def match_key(self) -> str:
        """The segment's match key (:func:`~trilex.tm.fuzzy.match_key` of its text)."""
        return self.key or self.text


#: The SQL expression that reads a segment's match key back from the ``key`` and ``text`` columns.
STORED_KEY = "CASE key WHEN '' THEN text ELSE key END"


@dataclass(frozen=True, slots=True)
class PreparedUnit:
    """A unit ready to store: its dedup key, latest change date, JSON form and segment rows,
    with the file it came from (``origin``) and when it was first imported (``imported``)."""

    origin: str | None
    imported: str
    dedup_key: bytes
    changed: str | None
    unreadable_dates: int
    data: str
    segments: tuple[SegmentRow, ...]


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
        rows.append(SegmentRow(lang, variant.lang, text, "" if key == text else key, len(comparable(key, lang))))
    return tuple(rows)


def is_empty(unit: TranslationUnit) -> bool:
    """Whether no variant of the unit has any text (such units are not stored)."""
    return not any(variant.text.strip() for variant in unit.variants)


def prepare(unit: TranslationUnit, origin: str | None, imported: str) -> PreparedUnit:
    """Everything a store writes for ``unit`` (which must not be :func:`is_empty`)."""
    changed, unreadable = unit_dates(unit)
    return PreparedUnit(origin, imported, dedup_key(unit), changed, unreadable, encode_unit(unit),
                        segment_rows(unit))


def newer(changed: str | None, stored: str | None) -> bool:
    """Whether a copy changed at ``changed`` replaces one stored with change date ``stored``."""
    return changed is not None and (stored is None or changed > stored)


#: Units handed to a worker process at a time.
WORK_CHUNK = 1_000


def _prepare_chunk(chunk: list[tuple[TranslationUnit, str | None, str]]) -> list[PreparedUnit | int]:
    """Each unit prepared; for a unit without text, the number of its unreadable dates instead."""
    return [unit_dates(unit)[1] if is_empty(unit) else prepare(unit, origin, imported)
            for unit, origin, imported in chunk]


def _chunked(items: Iterable[tuple[TranslationUnit, str | None, str]]) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= WORK_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepared_units(items: Iterable[tuple[TranslationUnit, str | None, str]],
                   jobs: int = 1) -> Iterator[PreparedUnit | int]:
    """:func:`_prepare_chunk` over ``items``, in order, in ``jobs`` worker processes when
    ``jobs`` > 1 and there is more than one chunk of work (reading stays in this process and
    streaming: :func:`trilex.workers.ordered_map`)."""
    for prepared in ordered_map(_prepare_chunk, _chunked(items), jobs, "spawn"):
        yield from prepared


def batches(units: Iterable[tuple[TranslationUnit, str | None, str]], counts: ImportResult,
            size: int = 5_000, jobs: int = 1) -> Iterator[dict[bytes, PreparedUnit]]:
    """``(unit, origin, import date)`` triples prepared (in ``jobs`` processes, see
    :func:`prepared_units`), in batches of up to ``size`` distinct units (keyed by dedup key).

    A duplicate inside a batch counts in ``counts.duplicates``; the newer copy (by change
    date) is kept and counted in ``counts.updated``; empty units are counted and left out.
    """
    batch: dict[bytes, PreparedUnit] = {}
    for prepared in prepared_units(units, jobs):
        if isinstance(prepared, int):
            counts.empty += 1
            counts.unreadable_dates += prepared
            continue
        counts.unreadable_dates += prepared.unreadable_dates
        earlier = batch.get(prepared.dedup_key)
        if earlier is not None:
            counts.duplicates += 1
            if newer(prepared.changed, earlier.changed):
                batch[prepared.dedup_key] = prepared
                counts.updated += 1
            continue
        batch[prepared.dedup_key] = prepared
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch
