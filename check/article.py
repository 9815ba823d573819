"""Checks for monolingual articles that gloss their terms inline, like the seed articles.

``ปัญญาประดิษฐ์ (Artificial Intelligence/人工智能)`` names one concept in three languages. For
each article this module reports:

* ``gloss-mismatch``: a gloss whose Thai, English or Chinese name is not one of the termbase's
  terms for the concept the rest of the gloss names;
* ``variant-term``: a concept named by more than one Thai (article-language) full form;
* ``forbidden-term``: a deprecated or superseded term anywhere in the text.

Each finding carries the preferred form as its suggestion.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trilex.check.findings import Finding, Fix, Location, Severity, Span
from trilex.check.index import SHORT_TYPES, TermIndex, concept_key
from trilex.check.registry import CHECKS, register
from trilex.check.terms import forbidden_message
from trilex.errors import InputError
from trilex.fileio import display_name, read_text
from trilex.lang.matcher import TermMatch
from trilex.lang.tags import normalize_tag, primary_subtag
from trilex.termbase.model import Concept

if TYPE_CHECKING:
    from trilex.termbase.extract import TermSpan



@dataclass
class Article:
    """A monolingual text file checked on its own: its path, text and main language."""

    path: str
    text: str
    lang: str = "th"

    @classmethod
    def read(cls, path: str, lang: str = "th") -> Article:
        """Read an article from ``path`` (``-`` = stdin); an empty one is an :class:`InputError`."""
        text = read_text(path)
        if not text.strip():
            raise InputError("the article is empty: nothing to check", display_name(path))
        return cls(display_name(path), text, normalize_tag(lang))


class _Lines:
    """Turns character offsets of a text into 1-based line and column numbers."""

    def __init__(self, text: str):
        self._starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self._text = text

    def line_of(self, offset: int) -> int:
        """The 1-based line number of ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def locate(self, path: str, offset: int) -> Location:
        """``path:line:column`` of ``offset``."""
        line = self.line_of(offset)
        return Location(path, line, column=offset - self._starts[line - 1] + 1)

    def line_text(self, offset: int) -> tuple[str, int]:
        """The line containing ``offset`` and the offset where that line starts."""
        start = self._starts[self.line_of(offset) - 1]
        end = self._text.find("\n", start)
        return self._text[start: end if end >= 0 else len(self._text)], start


def check_article(article: Article, index: TermIndex, enabled: Collection[str]) -> list[Finding]:
    """Every finding of the enabled article checks on ``article``."""
    lines = _Lines(article.text)
    findings: list[Finding] = []
    matches = index.find(article.text, article.lang)
    if "variant-term" in enabled:
        findings.extend(variant_terms(article, matches, index, lines))
    if "gloss-mismatch" in enabled:
        findings.extend(gloss_mismatches(article, index, lines))
    if "forbidden-term" in enabled:
        for lang in _languages(index, article.lang):
            found = matches if lang == article.lang else index.find(article.text, lang)
            findings.extend(forbidden_terms(article, found, lang, index, lines))
    findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
    return findings


def _languages(index: TermIndex, main: str) -> list[str]:
    """The article language first, then each other language of the termbase (one tag each)."""
    out = [main]
    seen = {primary_subtag(main)}
    for tag in index.languages():
        if primary_subtag(tag) not in seen:
            seen.add(primary_subtag(tag))
            out.append(normalize_tag(tag))
    return out


def _finding(code: str, message: str, article: Article, lines: _Lines, match: TermMatch | TermSpan,
             concept: Concept, suggestion: str | None, replace: bool = False,
             related: list[Location] | None = None) -> Finding:
    """A finding on the line of ``match``; spans (and the fix, with ``replace``) are line offsets."""
    line, line_start = lines.line_text(match.start)
    span = Span(match.start - line_start, match.end - line_start, match.text)
    fix = Fix(span, suggestion) if replace and suggestion else None
    return Finding(code, CHECKS[code].severity, message, lines.locate(article.path, match.start),
                   target=line, concept_id=concept.id, target_span=span, suggestion=suggestion,
                   fix=fix, related=related or [])


def forbidden_terms(article: Article, matches: list[TermMatch], lang: str, index: TermIndex,
                    lines: _Lines) -> Iterator[Finding]:
    """``forbidden-term`` findings for deprecated/superseded terms of ``lang`` in the article.

    A word that another concept allows (a homonym on the same span) is not reported.
    """
    allowed_spans = {(match.start, match.end) for match in matches if match.term.is_allowed}
    for match in matches:
        if match.term.is_allowed or (match.start, match.end) in allowed_spans:
            continue
        preferred = index.terms(match.concept, lang).preferred
        replacement = preferred.text if preferred else None
        yield _finding("forbidden-term", forbidden_message(match, replacement), article, lines,
                       match, match.concept, replacement, replace=True)


@register(
    "variant-term", Severity.WARNING,
    "An article names one concept with different full forms of its main language.",
    "Short forms and acronyms introduced by the writer are not variants.",
)
def variant_terms(article: Article, matches: list[TermMatch], index: TermIndex,
                  lines: _Lines) -> Iterator[Finding]:
    """``variant-term`` findings: one per concept named by several full forms in the article.

    The finding sits at the first use of a form other than the preferred one and lists every
    form with where it is used.
    """
    by_concept: dict[int, dict[int, list[TermMatch]]] = {}
    for match in matches:
        if match.term.term_type in SHORT_TYPES or not match.term.is_allowed:
            continue
        forms = by_concept.setdefault(concept_key(match.concept), {})
        forms.setdefault(id(match.term), []).append(match)
    for forms in by_concept.values():
        if len(forms) < 2:
            continue
        first = next(iter(forms.values()))[0]
        concept = first.concept
        preferred = index.terms(concept, article.lang).preferred
        used = sorted(forms.values(), key=lambda found: found[0].start)
        odd = next((found for found in used if found[0].term is not preferred), used[-1])
        listing = "; ".join(f'"{found[0].text}" {len(found)}× ({_line_list(found, lines)})'
                            for found in used)
        target = preferred.text if preferred else used[0][0].term.text
        message = f"one concept, {len(used)} names: {listing}; use \"{target}\""
        related = [lines.locate(article.path, found[0].start) for found in used if found is not odd]
        yield _finding("variant-term", message, article, lines, odd[0], concept, target,
                       related=related)


def _line_list(matches: list[TermMatch], lines: _Lines, shown: int = 5) -> str:
    numbers = sorted({lines.line_of(match.start) for match in matches})
    text = "line" + ("s " if len(numbers) > 1 else " ") + ", ".join(map(str, numbers[:shown]))
    return text + (f" and {len(numbers) - shown} more" if len(numbers) > shown else "")


#: The gloss names compared with the termbase: the full names, not acronyms or short forms.
_GLOSS_NAMES = ("th", "en", "zh")


@register(
    "gloss-mismatch", Severity.WARNING,
    "An inline gloss names a concept with a term the termbase does not have for it.",
    "The concept is the one the gloss's other names identify; the suggestion is its preferred "
    "term in that language. Glosses of concepts the termbase does not know are not reported.",
)
def gloss_mismatches(article: Article, index: TermIndex, lines: _Lines) -> Iterator[Finding]:
    """``gloss-mismatch`` findings: gloss names that differ from the termbase's terms."""
    from trilex.termbase.extract import find_glosses  # the gloss reader is heavy: articles only

    for gloss in find_glosses(article.text, article.path):
        concept = _glossed_concept(gloss.terms(), index)
        if concept is None:
            continue
        for lang in _GLOSS_NAMES:
            name: TermSpan | None = getattr(gloss, lang)
            if name is None or any(found is concept for found, _ in index.lookup(name.text, lang)):
                continue
            preferred = index.terms(concept, lang).preferred
            if preferred is None:
                continue  # the termbase has no name in that language to compare with
            named_by = next(span.text for span in gloss.terms() if span is not name
                            and any(found is concept for found, _ in index.lookup(span.text, span.lang)))
            message = (f'the gloss of "{named_by}" gives "{name.text}", '
                       f'which the termbase does not have; use "{preferred.text}"')
            yield _finding("gloss-mismatch", message, article, lines, name, concept, preferred.text)


def _glossed_concept(names: list[TermSpan], index: TermIndex) -> Concept | None:
    """The concept most of the gloss's names belong to (``None`` when none is in the termbase)."""
    votes: dict[int, tuple[Concept, int]] = {}
    for name in names:
        for concept in {concept_key(c): c for c, _ in index.lookup(name.text, name.lang)}.values():
            _, count = votes.get(concept_key(concept), (concept, 0))
            votes[concept_key(concept)] = (concept, count + 1)
    if not votes:
        return None
    return max(votes.values(), key=lambda vote: vote[1])[0]
