"""Counts over a termbase (``trilex tbx stats``) and term search (``trilex tbx show``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from trilex.termbase.model import Concept, Termbase

#: Status columns in the order they are reported; ``none`` counts terms without a status.
STATUS_KEYS = ("preferred", "admitted", "deprecated", "superseded", "none")


@dataclass
class LanguageStats:
    """Term counts of one language."""

    lang: str
    concepts: int = 0
    terms: int = 0
    statuses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUS_KEYS, 0))


@dataclass
class TermbaseStats:
    """Concept count and per-language term and status counts."""

    concepts: int
    languages: list[LanguageStats]

    def as_dict(self) -> dict:
        """A JSON-ready dictionary."""
        return {"concepts": self.concepts,
                "languages": {s.lang: {"concepts": s.concepts, "terms": s.terms,
                                       "statuses": s.statuses} for s in self.languages}}


def compute_stats(termbase: Termbase) -> TermbaseStats:
    """Count concepts, and per language the concepts, terms and terms of each status."""
    by_lang: dict[str, LanguageStats] = {}
    for concept in termbase.concepts:
        for section in concept.languages:
            stats = by_lang.setdefault(section.lang, LanguageStats(section.lang))
            stats.concepts += 1
            stats.terms += len(section.terms)
            for term in section.terms:
                stats.statuses[term.status.value if term.status else "none"] += 1
    return TermbaseStats(len(termbase.concepts), list(by_lang.values()))


def find_concepts(termbase: Termbase, query: str) -> list[Concept]:
    """Concepts with a term in any language that contains ``query``.

    Both sides are compared by :func:`trilex.lang.normalize.match_key` (NFKC, case, dashes,
    spaces, Thai character order). Concepts whose term equals the query come first.
    """
    from trilex.lang.normalize import match_key

    wanted = match_key(query).strip()
    exact, partial = [], []
    for concept in termbase.concepts:
        keys = [match_key(term.text) for section in concept.languages for term in section.terms]
        if wanted in keys:
            exact.append(concept)
        elif any(wanted in key for key in keys):
            partial.append(concept)
    return exact + partial
