"""Merging glosses into concepts: one concept per real-world thing across all articles.

Two glosses belong to the same concept when they share a term: the same Thai, English or Chinese
name, or the same acronym, compared by :func:`trilex.lang.normalize.match_key` (dash variants,
NFKC, spaces between scripts and inside Thai names, Thai character order). Within a concept,
spellings with the same key are one term; the first spelling seen is kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trilex.lang.normalize import match_key

from trilex.termbase.extract.spans import Gloss, TermSpan


@dataclass
class Sighting:
    """One place a term was seen: the span, the gloss it came from and how sure the finder was."""

    span: TermSpan
    gloss: Gloss
    confidence: float
    review: str


@dataclass
class MergedTerm:
    """A term of a merged concept: its first spelling and every sighting."""

    text: str
    lang: str
    sightings: list[Sighting] = field(default_factory=list)

    @property
    def term_type(self) -> str:
        """``acronym`` if ever written as one, else ``shortForm`` if ever introduced as one."""
        types = {s.span.term_type for s in self.sightings}
        for kind in ("acronym", "shortForm"):
            if kind in types:
                return kind
        return "fullForm"

    @property
    def confidence(self) -> float:
        """The best confidence of any sighting."""
        return max(s.confidence for s in self.sightings)

    @property
    def review(self) -> str:
        """The reason for review of the best sighting (empty if none)."""
        return max(self.sightings, key=lambda s: s.confidence).review


@dataclass
class MergedConcept:
    """The terms of one concept, in order of first appearance, and the articles that gloss it."""

    terms: list[MergedTerm] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


def _keys(gloss: Gloss) -> list[tuple[str, str]]:
    keys = []
    for span in gloss.terms():
        kind = "acronym" if span.term_type == "acronym" else span.lang
        key = match_key(span.text)
        if key:
            keys.append((kind, key))
    return keys


def _groups(glosses: list[Gloss]) -> list[list[int]]:
    """Indices of glosses that share a key, transitively; groups in order of first gloss."""
    parent = list(range(len(glosses)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, gloss in enumerate(glosses):
        for key in _keys(gloss):
            if key in owner:
                a, b = root(owner[key]), root(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(glosses)):
        groups.setdefault(root(i), []).append(i)
    return [groups[r] for r in sorted(groups)]


def _term_confidence(gloss: Gloss, span: TermSpan) -> tuple[float, str]:
    """Only the Thai full form carries the finder's doubt; glossed names are read, not guessed."""
    if span is gloss.th:
        return gloss.confidence, gloss.review
    return 1.0, ""


def merge_glosses(glosses: list[Gloss]) -> list[MergedConcept]:
    """Group ``glosses`` (in reading order across articles) into concepts."""
    concepts = []
    for group in _groups(glosses):
        concept = MergedConcept()
        by_key: dict[tuple[str, str], MergedTerm] = {}
        for i in group:
            gloss = glosses[i]
            if gloss.path not in concept.paths:
                concept.paths.append(gloss.path)
            for span in gloss.terms():
                key = (span.lang, match_key(span.text))
                term = by_key.get(key)
                if term is None:
                    term = by_key[key] = MergedTerm(span.text, span.lang)
                    concept.terms.append(term)
                term.sightings.append(Sighting(span, gloss, *_term_confidence(gloss, span)))
        concepts.append(concept)
    return concepts
