"""The browsable termbase page (``trilex tbx html``).

Every concept with its languages side by side (Thai, Chinese and English first, then any other
language of the termbase), each term with its status badge, term type (an acronym or short form
shows its full form), part of speech and usage, the definitions, contexts with their sources,
notes, and cross-references as links to the concepts they name.

The search box finds a concept from any of its terms with the matcher's normalization: the page
holds each concept's terms as :func:`trilex.lang.normalize.match_key` keys (computed here), and
folds the query with the same rules in JavaScript (``T.fold`` in ``assets/common.js``), so
``南A中心`` finds ``南 A中心``, ``ＡＩ`` finds ``AI`` and a Thai query typed with its marks in
another order still finds the term. Exact matches come first, then terms that start with the
query, then the rest; the list is paged, so 100,000 concepts stay instant. The concepts
themselves are one JSON list per line, and the page parses only those it shows: parsing all
100,000 at load would take seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trilex.pages.shell import document, html_lang, json_lines, json_text
from trilex.termbase.model import Concept, LanguageSection, Term, Termbase

#: Term statuses as the pages number them (0: none given).
STATUSES = (None, "preferred", "admitted", "deprecated", "superseded")
#: Languages shown first, in this order (by primary subtag); the others follow as they appear.
FIRST_LANGUAGES = ("th", "zh", "en")
#: Separates the keys of one concept in its search string (never in a key: normalization turns
#: tabs and line breaks into spaces).
KEY_SEPARATOR = "\t"
#: The ids of the elements holding the concepts (one JSON list per line) and their search keys.
CONCEPTS_ID = "trilex-concepts"
KEYS_ID = "trilex-keys"


def column_languages(termbase: Termbase, wanted: Sequence[str] = ()) -> list[str]:
    """The language tags shown as columns: ``wanted`` (``th`` finds ``th-TH``) in that order, else
    every language of the termbase, Thai, Chinese and English first."""
    from trilex.lang.tags import primary_subtag, tag_matches

    present = termbase.languages()
    if wanted:
        chosen: list[str] = []
        for lang in wanted:
            for tag in present:
                if tag_matches(lang, tag) and tag not in chosen:
                    chosen.append(tag)
        return chosen

    def rank(item: tuple[int, str]) -> tuple[int, int]:
        position, tag = item
        primary = primary_subtag(tag)
        first = FIRST_LANGUAGES.index(primary) if primary in FIRST_LANGUAGES else len(FIRST_LANGUAGES)
        return first, position

    return [tag for _, tag in sorted(enumerate(present), key=rank)]


def _pairs(items) -> list[list[str]]:
    return [[item.text, item.source or ""] for item in items]


def _refs(refs) -> list[list[str]]:
    return [[ref.target, ref.text] for ref in refs]


_STATUS_INDEX = {None: 0, **{status: index for index, status in enumerate(STATUSES) if status}}


def _term(term: Term) -> list[Any]:
    """``[text, status, extras]``, without ``extras`` when the term has nothing more."""
    extras: dict[str, Any] = {}
    if term.term_type and term.term_type != "fullForm":
        extras["t"] = term.term_type
    if term.part_of_speech:
        extras["p"] = term.part_of_speech
    if term.geographical_usage:
        extras["g"] = term.geographical_usage
    if term.id:
        extras["id"] = term.id
    if term.contexts:
        extras["c"] = _pairs(term.contexts)
    if term.notes:
        extras["n"] = list(term.notes)
    if term.sources:
        extras["s"] = list(term.sources)
    if term.cross_references:
        extras["x"] = _refs(term.cross_references)
    if term.external_references:
        extras["e"] = _refs(term.external_references)
    if term.status_as_written:
        extras["w"] = term.status_as_written
    status = _STATUS_INDEX.get(term.status.value if term.status else None, 0)
    return [term.text, status, extras] if extras else [term.text, status]


def _extras(**fields: Any) -> dict[str, Any] | int:
    """The optional fields that are set, or 0 when none is."""
    kept = {key: value for key, value in fields.items() if value}
    return kept or 0


def _section(section: LanguageSection, column: int) -> list[Any]:
    terms = [_term(term) for term in section.terms]
    if not (section.definitions or section.notes or section.sources or section.external_references):
        return [column, terms]
    return [column, terms, _extras(d=_pairs(section.definitions), n=list(section.notes), s=list(section.sources),
                                   e=_refs(section.external_references))]


def _concept(concept: Concept, columns: dict[str, int]) -> list[Any]:
    sections = [_section(section, columns[section.lang]) for section in concept.languages
                if section.lang in columns]
    if not (concept.subject_field or concept.definitions or concept.notes or concept.sources
            or concept.cross_references or concept.external_references):
        return [concept.id, sections]
    return [concept.id, sections, _extras(f=concept.subject_field, d=_pairs(concept.definitions), n=list(concept.notes),
                                          s=list(concept.sources), x=_refs(concept.cross_references),
                                          e=_refs(concept.external_references))]


def search_keys(concept: Concept) -> str:
    """The concept's search string: the match keys of all its terms (every language, shown or
    not), each between separators."""
    from trilex.lang.normalize import match_key

    keys = dict.fromkeys(match_key(term.text) for section in concept.languages for term in section.terms)
    return KEY_SEPARATOR + KEY_SEPARATOR.join(key for key in keys if key) + KEY_SEPARATOR


def key_lines(termbase: Termbase) -> str:
    """The search strings of the concepts, one line each (:func:`search_keys`); a line that would
    hold ``<`` or start with ``"`` is written as a JSON string instead (the page reads both)."""
    lines = []
    for concept in termbase.concepts:
        line = search_keys(concept)
        lines.append(json_text(line) if "<" in line or line.startswith('"') else line)
    return "\n".join(lines)


def status_mask(concept: Concept) -> int:
    """Bit ``1 << n`` set for each status ``STATUSES[n]`` a term of ``concept`` has (0: none)."""
    mask = 0
    for section in concept.languages:
        for term in section.terms:
            mask |= 1 << _STATUS_INDEX.get(term.status.value if term.status else None, 0)
    return mask


def terms_data(termbase: Termbase, langs: Sequence[str] = ()) -> tuple[dict[str, Any], list[list[Any]]]:
    """The page's data — the columns, every concept's id and statuses, the term ids — and, apart,
    every concept as a compact list (the page parses those it shows)."""
    tags = column_languages(termbase, langs)
    columns = {tag: i for i, tag in enumerate(tags)}
    concepts = [_concept(concept, columns) for concept in termbase.concepts]
    term_ids: dict[str, int] = {}
    for index, concept in enumerate(termbase.concepts):
        for section in concept.languages:
            for term in section.terms:
                if term.id:
                    term_ids.setdefault(term.id, index)
    header = {
        "title": termbase.title or "",
        "sourceDesc": list(termbase.source_desc),
        "columns": [[tag, html_lang(tag)] for tag in tags],
        "statuses": list(STATUSES),
        "ids": [concept.id for concept in termbase.concepts],
        "statusMasks": [status_mask(concept) for concept in termbase.concepts],
        "termIds": term_ids,
    }
    return header, concepts


def terms_page(termbase: Termbase, langs: Sequence[str] = (), title: str | None = None) -> str:
    """The whole HTML page of ``termbase``."""
    header, concepts = terms_data(termbase, langs)
    heading = title or termbase.title or "Termbase"
    languages = ", ".join(tag for tag, _ in header["columns"])
    count = len(termbase.concepts)
    subtitle = f"{count:,} concept{'s' if count != 1 else ''}" + (f" in {languages}" if languages else "")
    return document(title=heading, kind="terms", subtitle=subtitle, data=header, styles=("terms.css",),
                    scripts=("terms.js",), title_lang=html_lang(None, heading),
                    lines={CONCEPTS_ID: json_lines(concepts), KEYS_ID: key_lines(termbase)})
