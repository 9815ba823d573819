"""The per-segment term checks: missing, forbidden and non-preferred terms, and count mismatches.

Each check is a function ``(pair: SegmentTerms) -> Iterator[Finding]`` registered under its
code. The engine matches the source and target of a segment once and hands every check the
same :class:`SegmentTerms`, so adding a check costs no extra scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from trilex.bitext.model import Segment
from trilex.check.findings import Finding, Fix, Location, Severity, Span
from trilex.check.index import SHORT_TYPES, LanguageTerms, TermIndex, concept_key
from trilex.check.registry import CHECKS, register_into
from trilex.lang.matcher import TermMatch
from trilex.lang.normalize import fold, is_spaced_word_char
from trilex.termbase.model import Concept

SegmentCheck = Callable[["SegmentTerms"], Iterator[Finding]]

#: check code → function, for the checks that look at one segment at a time.
SEGMENT_CHECKS: dict[str, SegmentCheck] = {}


@dataclass
class SegmentTerms:
    """One segment with its source and target term matches, grouped by concept."""

    segment: Segment
    target_lang: str
    index: TermIndex
    source_matches: list[TermMatch]
    target_matches: list[TermMatch]
    source_by_concept: dict[int, list[TermMatch]] = field(init=False)
    target_by_concept: dict[int, list[TermMatch]] = field(init=False)
    _folded_target: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.source_by_concept = group_by_concept(self.source_matches)
        self.target_by_concept = group_by_concept(self.target_matches)

    @cached_property
    def location(self) -> Location:
        """Where the segment is."""
        return Location.of(self.segment)

    @property
    def folded_target(self) -> str:
        """The target normalized and case-folded (computed once, when a check needs it)."""
        if self._folded_target is None:
            self._folded_target = fold(self.segment.target or "")
        return self._folded_target

    def homonym_allowed(self, match: TermMatch) -> bool:
        """Whether another concept's term on the same target span may be used."""
        return any(other.term.is_allowed for other in self._same_span(match))

    def homonym_preferred(self, match: TermMatch) -> bool:
        """Whether another concept's term on the same target span is that concept's preferred term."""
        return any(self.index.terms(other.concept, self.target_lang).preferred is other.term
                   for other in self._same_span(match))

    def _same_span(self, match: TermMatch) -> Iterator[TermMatch]:
        return (other for other in self.target_matches
                if other.start == match.start and other.end == match.end and other is not match)

    def finding(self, code: str, message: str, concept: Concept, **details) -> Finding:
        """A finding of check ``code`` on this segment, at the check's default severity."""
        return Finding(code, CHECKS[code].severity, message, self.location,
                       source=self.segment.source, target=self.segment.target or "",
                       concept_id=concept.id, target_line=self.segment.target_line, **details)


def group_by_concept(matches: list[TermMatch]) -> dict[int, list[TermMatch]]:
    """The matches of each concept, in text order."""
    groups: dict[int, list[TermMatch]] = {}
    for match in matches:
        groups.setdefault(concept_key(match.concept), []).append(match)
    return groups


def span_of(match: TermMatch) -> Span:
    """The span a match covers, as written."""
    return Span(match.start, match.end, match.text)


def segment_check(code: str, severity: Severity, summary: str, help: str = "") -> Callable[[SegmentCheck], SegmentCheck]:
    """Register a per-segment check in :data:`~trilex.check.registry.CHECKS` and :data:`SEGMENT_CHECKS`."""
    return register_into(SEGMENT_CHECKS, code, severity, summary, help)


def _quoted(texts: list[str]) -> str:
    return ", ".join(f'"{text}"' for text in texts)


@segment_check(
    "missing-term", Severity.ERROR,
    "The source has a termbase term; the target has none of the concept's target terms.",
    "Suggests the preferred target term. Not reported when the target uses any term of the "
    "concept, even a deprecated one (forbidden-term reports that), nor when a Thai target term "
    "occurs inside a longer word.",
)
def missing_term(pair: SegmentTerms) -> Iterator[Finding]:
    """Report source concepts whose target terms are all absent from the target."""
    for first, terms, kept in _untranslated_concepts(pair):
        if kept:
            continue
        others = [text for text in terms.allowed_texts() if text != terms.preferred.text]
        also = f" (also allowed: {_quoted(others)})" if others else ""
        message = (f'"{first.text}" is not translated with the termbase term: '
                   f'use "{terms.preferred.text}"{also}')
        yield pair.finding("missing-term", message, first.concept, source_span=span_of(first),
                           suggestion=terms.preferred.text)


def _untranslated_concepts(pair: SegmentTerms) -> Iterator[tuple[TermMatch, LanguageTerms, bool]]:
    """Source concepts with none of their target terms in the target: the first source match,
    the concept's target terms, and whether the target keeps the source term as written."""
    target = pair.segment.target or ""
    for key, matches in pair.source_by_concept.items():
        if key in pair.target_by_concept:
            continue
        terms = pair.index.terms(matches[0].concept, pair.target_lang)
        if terms.preferred is None or terms.loose_count(pair.folded_target):
            continue
        kept = next((match for match in matches if _kept_at(match.text, target) >= 0), None)
        yield (kept or matches[0]), terms, kept is not None


def _kept_at(term: str, target: str) -> int:
    """Where ``target`` has ``term`` exactly, not inside a longer Latin word; -1 if nowhere."""
    start = target.find(term)
    while start >= 0:
        before = target[start - 1] if start else " "
        after = target[start + len(term)] if start + len(term) < len(target) else " "
        if not (is_spaced_word_char(before) or is_spaced_word_char(after)):
            return start
        start = target.find(term, start + 1)
    return -1


@segment_check(
    "forbidden-term", Severity.ERROR,
    "The target uses a deprecated or superseded term.",
    "The fix replaces the term with the concept's preferred term. A word that another concept "
    "allows is not reported.",
)
def forbidden_term(pair: SegmentTerms) -> Iterator[Finding]:
    """Report target terms whose status is deprecated or superseded.

    A homonym that another concept allows (the matcher reports both on one span) is not reported.
    """
    for match in pair.target_matches:
        if match.term.is_allowed or pair.homonym_allowed(match):
            continue
        preferred = pair.index.terms(match.concept, pair.target_lang).preferred
        replacement = preferred.text if preferred else None
        fix = Fix(span_of(match), replacement) if replacement else None
        yield pair.finding("forbidden-term", forbidden_message(match, replacement), match.concept,
                           target_span=span_of(match), suggestion=replacement, fix=fix)


def forbidden_message(match: TermMatch, replacement: str | None) -> str:
    """The message of a ``forbidden-term`` finding for ``match``."""
    status = match.term.status.value if match.term.status else "not allowed"
    if replacement is None:
        return f'"{match.text}" is a {status} term and the termbase has no approved one'
    return f'"{match.text}" is a {status} term: replace it with "{replacement}"'


@segment_check(
    "non-preferred-term", Severity.INFO,
    "The target uses an admitted term where the termbase marks another as preferred.",
    "Only concepts with an explicitly preferred target term are considered; short forms, "
    "acronyms and abbreviations are not reported.",
)
def non_preferred_term(pair: SegmentTerms) -> Iterator[Finding]:
    """Report allowed target terms that are not the concept's preferred term (short forms aside)."""
    for match in pair.target_matches:
        if not match.term.is_allowed or match.term.term_type in SHORT_TYPES:
            continue
        terms = pair.index.terms(match.concept, pair.target_lang)
        if not terms.has_explicit_preferred or terms.preferred is match.term or pair.homonym_preferred(match):
            continue
        replacement = terms.preferred.text
        message = f'"{match.text}" is admitted, but "{replacement}" is preferred'
        yield pair.finding("non-preferred-term", message, match.concept, target_span=span_of(match),
                           suggestion=replacement, fix=Fix(span_of(match), replacement))


@segment_check(
    "count-mismatch", Severity.WARNING,
    "A concept occurs more often in the source than its terms do in the target.",
    "Only concepts whose terms occur in the target at least once (otherwise missing-term applies).",
)
def count_mismatch(pair: SegmentTerms) -> Iterator[Finding]:
    """Report concepts that occur N times in the source and fewer (but not zero) in the target."""
    for key, matches in pair.source_by_concept.items():
        found = pair.target_by_concept.get(key)
        if not found or len(found) >= len(matches):
            continue
        concept = matches[0].concept
        terms = pair.index.terms(concept, pair.target_lang)
        if terms.loose_count(pair.folded_target) >= len(matches):
            continue
        suggestion = terms.preferred.text if terms.preferred else None
        message = (f'"{matches[0].text}" occurs {len(matches)} times in the source, '
                   f'its target terms {len(found)} time{"s" if len(found) != 1 else ""} in the target')
        yield pair.finding("count-mismatch", message, concept, source_span=span_of(matches[0]),
                           target_span=span_of(found[0]), suggestion=suggestion)


@segment_check(
    "kept-source-term", Severity.INFO,
    "A source term is kept in the target exactly as the source writes it (a Latin name in a Thai or Chinese target).",
    "Reported instead of missing-term: often accepted (Thai news keeps many names in Latin); the suggestion is "
    "the termbase's target term.",
)
def kept_source_term(pair: SegmentTerms) -> Iterator[Finding]:
    """Report source terms the target keeps as written, in place of a missing target term."""
    for first, terms, kept in _untranslated_concepts(pair):
        if not kept:
            continue
        message = f'"{first.text}" is kept as in the source; the termbase term is "{terms.preferred.text}"'
        start = _kept_at(first.text, pair.segment.target or "")
        yield pair.finding("kept-source-term", message, first.concept, source_span=span_of(first),
                           target_span=Span(start, start + len(first.text), first.text),
                           suggestion=terms.preferred.text)
