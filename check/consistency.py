"""The run-wide check ``inconsistent-term``: one source concept, several target renderings.

Every segment whose source names a concept contributes a *rendering*: the termbase terms of
that concept found in its target (any status), or "text not in the termbase" when there are
none. A concept is reported once, after the run, when its segments disagree. Renderings that a
per-segment check already reports (no termbase term → missing-term; a deprecated term →
forbidden-term) are listed in the message but do not by themselves make a concept
inconsistent while that check is enabled, so the same problem is not reported twice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from trilex.check.findings import Finding, Location, Severity
from trilex.check.registry import CHECKS, register
from trilex.termbase.model import Concept, Term

CODE = "inconsistent-term"
#: Locations kept per rendering; the rest are counted only.
MAX_LOCATIONS = 100
#: Locations shown per rendering in a message.
SHOWN_LOCATIONS = 3
NOT_IN_TERMBASE = "text not in the termbase"


@dataclass
class _Rendering:
    terms: tuple[Term, ...]
    count: int = 0
    locations: list[Location] = field(default_factory=list)

    @property
    def forbidden(self) -> bool:
        return any(not term.is_allowed for term in self.terms)

    def label(self) -> str:
        if not self.terms:
            return NOT_IN_TERMBASE
        return " + ".join(f'"{term.text}"' + ("" if term.is_allowed else f" ({term.status.value})")
                          for term in self.terms)


@dataclass
class _ConceptUse:
    concept: Concept
    source_text: str
    suggestion: str | None
    renderings: dict[tuple[int, ...], _Rendering] = field(default_factory=dict)


@register(
    CODE, Severity.WARNING,
    "One source concept is rendered with different target terms across the run.",
    "Reported once per concept, listing each rendering with its count and locations.",
)
class ConsistencyTracker:
    """Collects the rendering of every source concept across a run, then reports disagreements."""

    def __init__(self) -> None:
        self._uses: dict[tuple, _ConceptUse] = {}

    def add(self, key: tuple, concept: Concept, source_text: str,
            terms: tuple[Term, ...], location: Location, suggestion: str | None) -> None:
        """Record that a segment at ``location`` renders ``concept`` with ``terms`` (possibly none).

        ``key`` identifies what must be rendered alike (the concept, its target-language section
        and the kind of source term); ``suggestion`` is the
        concept's preferred target term.
        """
        use = self._uses.get(key)
        if use is None:
            use = self._uses[key] = _ConceptUse(concept, source_text, suggestion)
        if len(terms) < 2:  # the usual case: one term or none
            rendering_key = (id(terms[0]),) if terms else ()
        else:
            rendering_key = tuple(sorted({id(term) for term in terms}))
        rendering = use.renderings.get(rendering_key)
        if rendering is None:
            unique = tuple({id(term): term for term in terms}.values())
            rendering = use.renderings[rendering_key] = _Rendering(unique)
        rendering.count += 1
        if len(rendering.locations) < MAX_LOCATIONS:
            rendering.locations.append(location)

    def findings(self, enabled: Collection[str]) -> list[Finding]:
        """One finding per inconsistent concept; ``enabled`` are the check codes of the run."""
        out = []
        for use in self._uses.values():
            deciding = [r for r in use.renderings.values() if not self._covered(r, enabled)]
            if len(deciding) < 2:
                continue
            out.append(self._finding(use))
        return out

    @staticmethod
    def _covered(rendering: _Rendering, enabled: Collection[str]) -> bool:
        if not rendering.terms:
            return "missing-term" in enabled
        return rendering.forbidden and "forbidden-term" in enabled

    @staticmethod
    def _finding(use: _ConceptUse) -> Finding:
        ordered = sorted(use.renderings.values(), key=lambda r: -r.count)
        majority, minority = ordered[0], ordered[1:]
        home = minority[0].locations[0]
        parts = []
        for rendering in ordered:
            parts.append(f"{rendering.label()} {rendering.count}× ({_listing(rendering, home)})")
        message = f'"{use.source_text}" is rendered {len(ordered)} ways: ' + "; ".join(parts)
        related = [loc for rendering in minority for loc in rendering.locations]
        return Finding(CODE, CHECKS[CODE].severity, message, home,
                       concept_id=use.concept.id, suggestion=use.suggestion,
                       related=[majority.locations[0], *related])


def _listing(rendering: _Rendering, home: Location) -> str:
    """Where a rendering is used: ``lines 3, 9`` in the file of ``home``, else ``FILE:LINE``."""
    shown = rendering.locations[:SHOWN_LOCATIONS]
    if all(loc.path == home.path and loc.line is not None for loc in shown):
        text = ("line " if len(shown) == 1 else "lines ") + ", ".join(str(loc.line) for loc in shown)
    else:
        text = ", ".join(str(loc) for loc in shown)
    more = rendering.count - len(shown)
    return text + (f" and {more} more" if more > 0 else "")
