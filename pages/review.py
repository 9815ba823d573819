"""The extraction review page (``trilex extract --review --format html``).

One card per proposed concept, lowest confidence first: every term with its language, type,
status and confidence (and why it is unsure), and every gloss that proposed it, shown in its
sentence with the Thai term, the English and Chinese names and the acronym or short forms
marked. The Thai term's left edge — where the extractor decided an unspaced Thai term starts,
the guess a reviewer most often corrects — is drawn as a bar, with the words just before it
shaded.

Confidences are the extractor's own (a term is as sure as its best sighting, a concept as its
least sure term), so the order is the text review's (:func:`trilex.termbase.extract.review.
review_lines`) made finer: that one only knows the confidences below the review threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trilex.pages.shell import document, html_lang, utf16_index
from trilex.termbase.extract.build import LANGUAGE_TAGS, REVIEW_BELOW, line_offsets, merged_concepts
from trilex.termbase.extract.context import sentence_at
from trilex.termbase.extract.merge import MergedConcept
from trilex.termbase.extract.spans import Gloss, TermSpan
from trilex.termbase.model import Termbase

STATUSES = (None, "preferred", "admitted", "deprecated", "superseded")


def _kind(gloss: Gloss, span: TermSpan) -> str:
    if span is gloss.th:
        return "th"
    if span is gloss.acronym:
        return "acronym"
    if span in gloss.short_forms:
        return "short"
    return span.lang


def gloss_in_sentence(gloss: Gloss, lines: list[tuple[int, str]]) -> dict[str, Any]:
    """The sentence a gloss is in, with its terms' spans (``[start, end, kind, lang]``, UTF-16
    offsets into that sentence),
    where the Thai term starts (``edge``, -1 when the gloss has no Thai term) and whether the
    sentence was cut (``cut_before``/``cut_after``)."""
    anchor = gloss.th or gloss.terms()[0]
    line_start, line = lines[anchor.line - 1]
    start = max(0, gloss.start - line_start)
    end = min(len(line), max(start, gloss.end - line_start))
    sentence = sentence_at(line, start, end)
    cut_before, cut_after = sentence.startswith("…"), sentence.endswith("…") and len(sentence) > 1
    core = sentence[1 if cut_before else 0: len(sentence) - (1 if cut_after else 0)]
    begin = line.find(core)
    while begin >= 0 and not (begin <= start and begin + len(core) >= end):
        begin = line.find(core, begin + 1)
    if begin < 0 or not core:  # not where expected: show a window of the line instead
        begin = max(0, start - 150)
        core = line[begin: min(len(line), end + 150)]
        cut_before, cut_after = begin > 0, begin + len(core) < len(line)
    spans, edge = [], -1
    for span in gloss.terms():
        local = span.start - line_start - begin
        if local < 0 or local + len(span.text) > len(core) or core[local: local + len(span.text)] != span.text:
            continue
        kind = _kind(gloss, span)
        spans.append([utf16_index(core, local), utf16_index(core, local + len(span.text)), kind,
                      html_lang(LANGUAGE_TAGS.get(span.lang), span.text)])
        if kind == "th":
            edge = spans[-1][0]
    spans.sort()
    return {"text": core, "spans": spans, "edge": edge, "cut_before": cut_before, "cut_after": cut_after}


def _statuses(termbase: Termbase, index: int) -> dict[tuple[str, str], int]:
    concept = termbase.concepts[index] if index < len(termbase.concepts) else None
    found: dict[tuple[str, str], int] = {}
    for section in (concept.languages if concept else ()):
        for term in section.terms:
            found[(section.lang, term.text)] = STATUSES.index(term.status.value) if term.status else 0
    return found


def _concept(index: int, merged: MergedConcept, termbase: Termbase,
             lines: dict[str, list[tuple[int, str]]]) -> list[Any]:
    statuses = _statuses(termbase, index)
    terms = []
    for term in merged.terms:
        tag = LANGUAGE_TAGS[term.lang]
        terms.append([html_lang(tag), tag, term.text, term.term_type, statuses.get((tag, term.text), 0),
                      round(term.confidence, 3), term.review])
    glosses: list[Gloss] = []
    for term in merged.terms:
        for sighting in term.sightings:
            if not any(sighting.gloss is seen for seen in glosses):
                glosses.append(sighting.gloss)
    glosses.sort(key=lambda g: (g.confidence, g.path, g.start))
    seen = []
    for gloss in glosses:
        placed = gloss_in_sentence(gloss, lines[gloss.path])
        seen.append([gloss.path, (gloss.th or gloss.terms()[0]).line, placed["text"], placed["spans"], placed["edge"],
                     int(placed["cut_before"]) | (2 if placed["cut_after"] else 0),
                     round(gloss.confidence, 3), gloss.review, gloss.shape])
    confidence = min((term[5] for term in terms), default=1.0)
    concept_id = termbase.concepts[index].id if index < len(termbase.concepts) else f"c{index + 1:03d}"
    return [concept_id, confidence, terms, seen]


def review_data(articles: Sequence[tuple[str, str]], glosses: list[Gloss], termbase: Termbase,
                min_confidence: float = 0.0) -> dict[str, Any]:
    """The page's data: one entry per concept of ``termbase`` (built from ``glosses`` with the
    same ``min_confidence``), lowest confidence first, ties in termbase order."""
    lines = {name: line_offsets(text) for name, text in articles}
    concepts = [_concept(i, merged, termbase, lines)
                for i, merged in enumerate(merged_concepts(glosses, min_confidence))]
    order = sorted(range(len(concepts)), key=lambda i: (concepts[i][1], i))
    return {
        "reviewBelow": REVIEW_BELOW,
        "articles": [name for name, _ in articles],
        "statuses": list(STATUSES),
        "concepts": [concepts[i] for i in order],
    }


def review_page(articles: Sequence[tuple[str, str]], glosses: list[Gloss], termbase: Termbase,
                min_confidence: float = 0.0) -> str:
    """The whole HTML review page."""
    data = review_data(articles, glosses, termbase, min_confidence)
    doubtful = sum(1 for concept in data["concepts"] if concept[1] < REVIEW_BELOW)
    count = len(data["concepts"])
    subtitle = (f"{count} proposed concept{'s' if count != 1 else ''} from {len(articles)} article(s), "
                f"{doubtful} to review (confidence below {REVIEW_BELOW:.2f}); lowest confidence first")
    return document(title="trilex extraction review", kind="review", subtitle=subtitle, data=data,
                    styles=("review.css",), scripts=("review.js",))
