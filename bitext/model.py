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

    ``source``/``target`` are the text to check: inline codes flattened (see
    :mod:`trilex.bitext.inline`) and gettext accelerators removed (see
    :mod:`trilex.bitext.accelerators`). ``raw_source``/``raw_target`` hold the text exactly as
    the file writes it (markup serialized, accelerator kept) when it differs, else ``None``;
    :attr:`source_as_written`/:attr:`target_as_written` give whichever applies. ``state`` is the
    file's own status of the translation where it has one (XLIFF ``state``, ``fuzzy`` for an
    included fuzzy PO entry).
    """

    source: str
    target: str | None
    path: str
    line: int | None = None
    unit_id: str | None = None
    notes: list[str] = field(default_factory=list)
    state: str | None = None
    raw_source: str | None = None
    raw_target: str | None = None

    @property
    def source_as_written(self) -> str:
        """The source text as the file writes it."""
        return self.source if self.raw_source is None else self.raw_source

    @property
    def target_as_written(self) -> str | None:
        """The target text as the file writes it (``None`` when untranslated)."""
        return self.target if self.raw_target is None else self.raw_target

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
