"""What a check reports: :class:`Finding` objects with a severity, a location and a fix."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trilex.bitext.model import Segment


class Severity(str, enum.Enum):
    """How bad a finding is; ordered ``info`` < ``warning`` < ``error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of a text, and the text it covers (as written)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """Replace ``span`` of the target with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Location:
    """Where a segment is: file, line (1-based, when known), unit id (when the format has one)."""

    path: str
    line: int | None = None
    unit_id: str | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        elif self.unit_id:
            text += f"#{self.unit_id}"
        return text

    @classmethod
    def of(cls, segment: Segment) -> Location:
        """Where ``segment`` is."""
        return cls(segment.path, segment.line, segment.unit_id)


@dataclass
class Finding:
    """One problem a check found in one segment.

    ``unfinished``: the unit is one the file marks not finished (fuzzy, needs-translation);
    its findings are reported at the run's unfinished severity (info by default).
    ``target_line``: where the unit's target text starts in the file (for reporters that place
    a target span or a fix), ``None`` when it is the unit's line.
    """

    check: str
    severity: Severity
    message: str
    location: Location
    source: str = ""
    target: str = ""
    concept_id: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    suggestion: str | None = None
    fix: Fix | None = None
    related: list[Location] = field(default_factory=list)
    unfinished: bool = False
    target_line: int | None = None
