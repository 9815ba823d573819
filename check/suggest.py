"""Term suggestions for a sentence before it is translated: the library behind ``trilex suggest``.

:func:`suggest` finds the termbase terms in a text and, for each, lists the approved terms in
every target language, the terms to avoid, and the concept's other names in the source language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from trilex.check.findings import Span
from trilex.check.index import TermIndex
from trilex.lang.tags import normalize_tag
from trilex.termbase.model import Term


def status_name(term: Term) -> str | None:
    """The term's administrative status as written in TBX, or ``None`` when it has none."""
    return term.status.value if term.status else None


@dataclass
class TermInfo:
    """A term as a translator needs it: its text, status and type."""

    text: str
    status: str | None
    term_type: str | None = None

    @classmethod
    def of(cls, term: Term) -> TermInfo:
        """The info of a model :class:`~trilex.termbase.model.Term`."""
        return cls(term.text, status_name(term), term.term_type)


@dataclass
class TargetTerms:
    """What to write in one target language: the preferred term first, then the others."""

    lang: str
    approved: list[TermInfo]
    avoid: list[TermInfo]


@dataclass
class Suggestion:
    """One termbase term found in the text, with its translations."""

    span: Span
    concept_id: str
    term: TermInfo
    other_names: list[TermInfo]
    targets: list[TargetTerms]
    definition: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``trilex suggest --format json`` prints for this suggestion."""
        return {
            "start": self.span.start, "end": self.span.end, "text": self.span.text,
            "concept": self.concept_id, "term": vars(self.term),
            "other_names": [vars(name) for name in self.other_names],
            "definition": self.definition,
            "targets": {target.lang: {"approved": [vars(t) for t in target.approved],
                                      "avoid": [vars(t) for t in target.avoid]}
                        for target in self.targets},
        }


def suggest(text: str, index: TermIndex, source_lang: str, target_langs: Sequence[str]) -> list[Suggestion]:
    """Every termbase term of ``source_lang`` in ``text`` with its terms in ``target_langs``."""
    source_lang = normalize_tag(source_lang)
    out = []
    for match in index.find(text, source_lang):
        concept = match.concept
        targets = []
        for lang in target_langs:
            terms = index.terms(concept, lang)
            approved = sorted(terms.allowed, key=lambda term: term is not terms.preferred)
            targets.append(TargetTerms(normalize_tag(lang), [TermInfo.of(t) for t in approved],
                                       [TermInfo.of(t) for t in terms.forbidden]))
        others = [TermInfo.of(term) for term in concept.terms(source_lang) if term is not match.term]
        definition = next((d.text for d in concept.definitions), None)
        if definition is None:
            section = concept.language(source_lang)
            definition = section.definitions[0].text if section and section.definitions else None
        out.append(Suggestion(Span(match.start, match.end, match.text), concept.id,
                              TermInfo.of(match.term), others, targets, definition))
    return out
