"""The bilingual-segment model every document reader produces."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Segment:
    """One source text and its translation, with a location a person can open.

    ``line`` is the 1-based line in ``path`` where the unit starts (``None`` where the format
    cannot say); ``unit_id`` is the format's own id (XLIFF ``id``, PO ``msgctxt``+``msgid``,
    TMX ``tuid``...). ``notes`` holds comments a translator can write (PO translator comments,
    XLIFF ``<note>``, a CSV comment column), where inline suppressions live.
    """

    source: str
    target: str | None
    path: str
    line: int | None = None
    unit_id: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        """``FILE:LINE`` (or ``FILE#unit`` where the line is unknown)."""
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.unit_id:
            return f"{self.path}#{self.unit_id}"
        return self.path


@dataclass
class BilingualDocument:
    """A bilingual file: its language pair and its segments, in file order."""

    path: str
    source_lang: str | None
    target_lang: str | None
    segments: list[Segment] = field(default_factory=list)
    format: str = ""

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)
