"""The concept-oriented termbase model, as TBX (ISO 30042) defines it.

A :class:`Termbase` holds :class:`Concept` entries; each concept has one
:class:`LanguageSection` per language (a BCP 47 tag such as ``th-TH``), and each section has
any number of :class:`Term` objects: synonyms, acronyms, short forms and variants, each with
its own administrative status. The model is independent of any file format; the readers and
writers in this package translate between it and TBX v3, TBX v2 and CSV/TSV.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from trilex.lang.tags import tag_matches


class AdminStatus(str, enum.Enum):
    """A term's administrative status (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def is_allowed(self) -> bool:
        """Preferred and admitted terms may be used; deprecated and superseded ones may not."""
        return self in (AdminStatus.PREFERRED, AdminStatus.ADMITTED)


#: TBX-Basic ``termType`` values.
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
#: TBX-Basic ``partOfSpeech`` values (``properNoun`` is TBX 2008 and TBX-Basic V4 only).
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
#: TBX-Basic ``transactionType`` values (``creation`` is the V4 name of ``origination``).
TRANSACTION_TYPES = ("origination", "modification")


@dataclass
class Context:
    """An example sentence that contains the term, and where it came from."""

    text: str
    source: str | None = None


@dataclass
class Definition:
    """A definition of the concept, optionally with its source."""

    text: str
    source: str | None = None


@dataclass
class CrossReference:
    """A link to another concept or term in the same termbase (TBX ``ref crossReference``)."""

    target: str
    text: str = ""


@dataclass
class ExternalReference:
    """A link outside the termbase (TBX ``xref``): a web page, or an image for ``xGraphic``."""

    target: str
    text: str = ""
    type: str = "externalCrossReference"


@dataclass
class Transaction:
    """One entry of the history: who did what, when (TBX ``transacGrp``).

    ``date`` is an ``xsd:date``/``xsd:dateTime`` when the file's date could be read as one
    (TMX-style ``20240501T120000Z`` is converted); any other date is the text as written
    (``20010507T10:57:25Z``), which the writers write back where the format allows. ``type``
    likewise holds a transactionType outside TBX-Basic (``approval``) as written.
    """

    type: str
    date: str
    responsibility: str | None = None


@dataclass
class Term:
    """One term of one language: the designation plus what TBX-Basic says about it.

    ``term_type`` and ``part_of_speech`` hold TBX-Basic values, or a value outside the picklist
    (``nom``, ``initialism``) as the file wrote it.
    """

    text: str
    id: str | None = None
    status: AdminStatus | None = None
    term_type: str | None = None
    part_of_speech: str | None = None
    geographical_usage: str | None = None
    contexts: list[Context] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    customer_subset: str | None = None
    project_subset: str | None = None
    cross_references: list[CrossReference] = field(default_factory=list)
    external_references: list[ExternalReference] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    #: A status value the file wrote that is none of :class:`AdminStatus` (``status`` is then
    #: ``None``, so the term counts as admitted); the TBX writers write it back as written.
    status_as_written: str | None = None

    @property
    def is_allowed(self) -> bool:
        """Whether a translation may use this term (no status counts as admitted)."""
        return self.status is None or self.status.is_allowed


@dataclass
class LanguageSection:
    """The terms of one concept in one language."""

    lang: str
    terms: list[Term] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    external_references: list[ExternalReference] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)

    def preferred(self) -> Term | None:
        """The preferred term; failing that the first allowed term; failing that ``None``."""
        for term in self.terms:
            if term.status is AdminStatus.PREFERRED:
                return term
        for term in self.terms:
            if term.is_allowed:
                return term
        return None


@dataclass
class Concept:
    """A concept entry: one real-world thing and its names in every language."""

    id: str
    languages: list[LanguageSection] = field(default_factory=list)
    subject_field: str | None = None
    definitions: list[Definition] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    customer_subset: str | None = None
    project_subset: str | None = None
    cross_references: list[CrossReference] = field(default_factory=list)
    external_references: list[ExternalReference] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)

    def language(self, lang: str) -> LanguageSection | None:
        """The section for ``lang``; ``th`` finds ``th-TH``. An exact tag wins over a primary-subtag match."""
        for section in self.languages:
            if section.lang == lang:
                return section
        for section in self.languages:
            if tag_matches(lang, section.lang):
                return section
        return None

    def terms(self, lang: str) -> list[Term]:
        """All terms of ``lang`` (empty if the concept has none)."""
        section = self.language(lang)
        return list(section.terms) if section else []

    def preferred(self, lang: str) -> Term | None:
        """The preferred term of ``lang``; see :meth:`LanguageSection.preferred`."""
        section = self.language(lang)
        return section.preferred() if section else None

    def add_term(self, lang: str, term: Term) -> Term:
        """Append ``term`` to the section of ``lang``, creating the section if needed."""
        section = self.language(lang)
        if section is None:
            section = LanguageSection(lang)
            self.languages.append(section)
        section.terms.append(term)
        return term


@dataclass
class Termbase:
    """A collection of concept entries plus the header facts TBX keeps."""

    concepts: list[Concept] = field(default_factory=list)
    title: str | None = None
    source_desc: list[str] = field(default_factory=list)
    lang: str = "en-US"

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> Concept | None:
        """The concept with ``concept_id``, or ``None``."""
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    def languages(self) -> list[str]:
        """Every language tag used, in order of first appearance."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for section in concept.languages:
                seen.setdefault(section.lang, None)
        return list(seen)

    def terms(self, lang: str) -> Iterator[tuple[Concept, Term]]:
        """Every ``(concept, term)`` pair of ``lang`` (``th`` finds ``th-TH``)."""
        for concept in self.concepts:
            section = concept.language(lang)
            if section is not None:
                for term in section.terms:
                    yield concept, term

    def merge(self, other: Termbase) -> None:
        """Append the concepts of ``other`` (used when several termbases are given)."""
        self.concepts.extend(other.concepts)
