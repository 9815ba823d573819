"""Termbase → translation units, for CAT tools that take a glossary as a TM (TMX export).

Each concept becomes one :class:`~trilex.tm.model.TranslationUnit` whose variants are the
preferred term of each language (:meth:`LanguageSection.preferred`: the ``preferred`` term,
else the first allowed one). Every further *allowed* term — an admitted synonym, an acronym,
a term without status — becomes an extra unit pairing it with the preferred terms of the other
languages, so a lookup of ``AI`` in the TM still finds ``ปัญญาประดิษฐ์``. Deprecated and
superseded terms are never exported: a TM would propagate them.

Metadata travels as ``x-`` props (what Trados maps to TM fields) and notes:

* unit props ``x-ConceptId``, ``x-SubjectField``, ``x-Customer``, ``x-Project``; concept
  definitions and notes as unit notes;
* variant props ``x-Status``, ``x-TermType``, ``x-PartOfSpeech``; language definitions as
  variant notes.

``tuid`` is the concept id for the main unit and ``<concept id>/<lang>/<n>`` for a synonym unit.

Example::

    from trilex.termbase.formats import load
    from trilex.tm.glossary import termbase_to_units
    from trilex.tm.tmx import write_tmx

    write_tmx(termbase_to_units(load("terms.tbx"), ["en", "th", "zh"]), "terms.tmx", srclang="en")
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from trilex.termbase.model import Concept, LanguageSection, Term, Termbase
from trilex.tm.model import Note, Prop, TranslationUnit, Variant


def termbase_to_units(termbase: Termbase, langs: Sequence[str] | None = None) -> Iterator[TranslationUnit]:
    """Yield the units of ``termbase``: one per concept, plus one per further allowed term.

    ``langs`` limits the languages (``th`` finds ``th-TH``); by default every language of the
    concept is used. Concepts with fewer than two languages having an allowed term give no unit.
    """
    for concept in termbase:
        yield from concept_to_units(concept, langs)


def concept_to_units(concept: Concept, langs: Sequence[str] | None = None) -> Iterator[TranslationUnit]:
    """The units of one concept (see :func:`termbase_to_units`)."""
    sections = _sections(concept, langs)
    preferred = {section.lang: term for section in sections if (term := section.preferred()) is not None}
    if len(preferred) < 2:
        return
    yield _unit(concept, concept.id, sections, preferred)
    for section in sections:
        extra = [term for term in section.terms
                 if term.is_allowed and term is not preferred.get(section.lang)]
        for number, term in enumerate(extra, 1):
            yield _unit(concept, f"{concept.id}/{section.lang}/{number}", sections,
                        {**preferred, section.lang: term})


def _sections(concept: Concept, langs: Sequence[str] | None) -> list[LanguageSection]:
    if langs is None:
        return list(concept.languages)
    found = (concept.language(lang) for lang in langs)
    unique: list[LanguageSection] = []
    for section in found:
        if section is not None and not any(section is seen for seen in unique):
            unique.append(section)
    return unique


def _unit(concept: Concept, tuid: str, sections: list[LanguageSection],
          chosen: dict[str, Term]) -> TranslationUnit:
    props = [Prop("x-ConceptId", concept.id)]
    for prop_type, value in (("x-SubjectField", concept.subject_field),
                             ("x-Customer", concept.customer_subset),
                             ("x-Project", concept.project_subset)):
        if value:
            props.append(Prop(prop_type, value))
    notes = [Note(definition.text) for definition in concept.definitions] + [Note(text) for text in concept.notes]
    variants = [_variant(section, chosen[section.lang]) for section in sections if section.lang in chosen]
    return TranslationUnit(tuid=tuid, variants=variants, notes=notes, props=props)


def _variant(section: LanguageSection, term: Term) -> Variant:
    props = []
    for prop_type, value in (("x-Status", term.status.value if term.status else None),
                             ("x-TermType", term.term_type),
                             ("x-PartOfSpeech", term.part_of_speech)):
        if value:
            props.append(Prop(prop_type, value))
    notes = [Note(definition.text) for definition in section.definitions]
    return Variant(section.lang, [term.text], notes=notes, props=props)
