"""Building a :class:`~trilex.termbase.Termbase` from articles: glosses → concepts → TBX model.

Each concept gets a stable id (``c001``… in order of first appearance), the articles that gloss
it as concept-level sources, and per language its terms:

* Thai: the fullest form seen with a gloss is *preferred*, other spellings are *admitted*;
* English and Chinese: the fullest full form is *preferred*, variants *admitted*;
* acronyms (termType ``acronym``) and short forms (``shortForm``) are *admitted*;
* a term whose span the finder is unsure of (confidence below :data:`REVIEW_BELOW`) is never
  preferred and carries the note ``confidence: 0.70 — review: …``.

Every term keeps the sentence it was seen in as a context, with ``file:line`` as its source.
Nothing depends on the clock or the machine, so the same articles always give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from trilex.fileio import display_name, read_text
from trilex.termbase.model import AdminStatus, Concept, Context, Term, Termbase

from trilex.termbase.extract.context import sentence_at
from trilex.termbase.extract.glosses import find_glosses
from trilex.termbase.extract.merge import MergedConcept, MergedTerm, merge_glosses
from trilex.termbase.extract.spans import CHINESE, ENGLISH, THAI, Gloss

#: BCP 47 tags written for the extractor's languages.
LANGUAGE_TAGS = {THAI: "th-TH", CHINESE: "zh-CN", ENGLISH: "en-US"}
#: Terms below this confidence are admitted with a review note, never preferred.
REVIEW_BELOW = 0.8
TITLE = "trilex extracted termbase"


def source_name(path: str | os.PathLike[str]) -> str:
    """The name recorded as a term's source: the path as given when it is relative (``<stdin>``
    for ``-``); an absolute path is made relative to the working folder when it is inside it,
    else it is reduced to the file name, so no termbase carries the folders of the machine that
    built it."""
    name = display_name(path)
    if not os.path.isabs(name):
        return name
    here = os.getcwd()
    try:
        inside = os.path.commonpath([here, name]) == here
    except ValueError:
        inside = False
    return os.path.relpath(name, here) if inside else os.path.basename(name)


def read_articles(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, str]]:
    """``(name, text)`` of each article; ``name`` is :func:`source_name` of its path."""
    return [(source_name(path), read_text(path)) for path in paths]


def glosses_of(articles: Sequence[tuple[str, str]]) -> list[Gloss]:
    """Every gloss of every article, in order."""
    found: list[Gloss] = []
    for name, text in articles:
        found.extend(find_glosses(text, name))
    return found


def review_note(term: MergedTerm) -> str | None:
    """``confidence: 0.70 — review: …`` for a doubtful term, else ``None``."""
    if term.confidence >= REVIEW_BELOW:
        return None
    return f"confidence: {term.confidence:.2f} — review: {term.review or 'check this term'}"


def _status(term: MergedTerm, preferred: MergedTerm | None) -> AdminStatus:
    return AdminStatus.PREFERRED if term is preferred else AdminStatus.ADMITTED


def _preferred(terms: list[MergedTerm]) -> MergedTerm | None:
    """The fullest confident full form (ties: the first seen)."""
    candidates = [t for t in terms if t.term_type == "fullForm" and t.confidence >= REVIEW_BELOW]
    return max(candidates, key=lambda t: len(t.text), default=None)


def _contexts(term: MergedTerm, lines: dict[str, list[tuple[int, str]]]) -> list[Context]:
    contexts: list[Context] = []
    for sighting in term.sightings:
        span = sighting.span
        line_start, line_text = lines[sighting.gloss.path][span.line - 1]
        start = span.start - line_start
        context = Context(sentence_at(line_text, start, start + len(span.text)),
                          f"{sighting.gloss.path}:{span.line}")
        if context not in contexts:
            contexts.append(context)
    return contexts


def line_offsets(text: str) -> list[tuple[int, str]]:
    """``(offset, text)`` of every line of ``text``."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def build_concept(index: int, merged: MergedConcept, lines: dict[str, list[tuple[int, str]]]) -> Concept:
    """The TBX concept ``c{index:03d}`` for one merged concept."""
    concept = Concept(id=f"c{index:03d}", sources=list(merged.paths))
    for lang in (THAI, CHINESE, ENGLISH):
        terms = [t for t in merged.terms if t.lang == lang]
        preferred = _preferred(terms)
        for term in terms:
            note = review_note(term)
            concept.add_term(LANGUAGE_TAGS[lang], Term(
                text=term.text,
                status=_status(term, preferred),
                term_type=term.term_type,
                part_of_speech="noun",
                contexts=_contexts(term, lines),
                notes=[note] if note else [],
            ))
    return concept


def merged_concepts(glosses: list[Gloss], min_confidence: float = 0.0) -> list[MergedConcept]:
    """The concepts of ``glosses``, in the order (and so with the ids ``c001``…) the termbase
    gives them; glosses whose Thai term is below ``min_confidence`` are left out."""
    return merge_glosses([g for g in glosses if g.th is None or g.confidence >= min_confidence])


def termbase_from_glosses(glosses: list[Gloss], articles: Sequence[tuple[str, str]],
                          min_confidence: float = 0.0) -> Termbase:
    """The termbase of ``glosses`` found in ``articles`` (``(name, text)`` pairs).

    Glosses whose Thai term is below ``min_confidence`` are left out.
    """
    lines = {name: line_offsets(text) for name, text in articles}
    merged = merged_concepts(glosses, min_confidence)
    concepts = [build_concept(i, concept, lines) for i, concept in enumerate(merged, 1)]
    names = ", ".join(name for name, _ in articles)
    return Termbase(concepts=concepts, title=TITLE, lang="en-US",
                    source_desc=[f"Extracted by trilex extract from: {names}"])


def extract_termbase(paths: Sequence[str | os.PathLike[str]], min_confidence: float = 0.0) -> Termbase:
    """Read the articles at ``paths`` and build their termbase (see the module docstring).

    Sources are written as the paths are given when relative (see :func:`source_name`), so
    run it from a fixed folder with relative paths for output that does not depend on the machine.
    """
    articles = read_articles(paths)
    return termbase_from_glosses(glosses_of(articles), articles, min_confidence)
