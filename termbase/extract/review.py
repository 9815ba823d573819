"""The terminologist's view of an extracted termbase: concepts side by side, least sure first."""

from __future__ import annotations

import re

from trilex.termbase.model import Concept, Termbase

_CONFIDENCE = re.compile(r"^confidence: (\d+(?:\.\d+)?) — review: (.*)$")


def concept_confidence(concept: Concept) -> tuple[float, list[str]]:
    """The lowest term confidence noted in ``concept`` (1.0 if none) and the review reasons."""
    lowest, reasons = 1.0, []
    for section in concept.languages:
        for term in section.terms:
            for note in term.notes:
                match = _CONFIDENCE.match(note)
                if match:
                    lowest = min(lowest, float(match.group(1)))
                    reasons.append(f"{term.text}: {match.group(2)}")
    return lowest, reasons


def _side_by_side(concept: Concept) -> str:
    cells = []
    for section in concept.languages:
        names = []
        for term in section.terms:
            marks = [m for m in (term.term_type if term.term_type != "fullForm" else None,
                                 term.status.value if term.status else None) if m]
            names.append(f"{term.text} ({', '.join(marks)})" if marks else term.text)
        cells.append(f"{section.lang}: " + "; ".join(names))
    return "  |  ".join(cells)


def review_lines(termbase: Termbase) -> list[str]:
    """One block per concept, lowest confidence first (ties in termbase order)."""
    ranked = sorted(enumerate(termbase.concepts), key=lambda item: (concept_confidence(item[1])[0], item[0]))
    lines: list[str] = []
    for _, concept in ranked:
        confidence, reasons = concept_confidence(concept)
        lines.append(f"{concept.id}  {confidence:.2f}  {_side_by_side(concept)}")
        for reason in reasons:
            lines.append(f"      review: {reason}")
        seen = []
        for section in concept.languages:
            for term in section.terms:
                for context in term.contexts:
                    if context.source and context.source not in seen:
                        seen.append(context.source)
        lines.append("      seen at: " + ", ".join(seen))
    return lines
