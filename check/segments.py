"""Check a stretch of one document's segments: the unit of work of ``trilex check --jobs``.

:meth:`SegmentWork.check_task` runs the per-segment term checks and the per-unit QA checks over
``document.segments[start:stop]`` and returns a :class:`Stretch`: the findings, in segment
order, and what the run-wide checks need to see of those segments, as plain records that
cross a process boundary cheaply:

* :class:`TermUse` — a source concept and the termbase terms its target used (for
  ``inconsistent-term``), concept and terms named by their number in the index;
* for each QA run check, its :meth:`~trilex.check.qa.segment.RunCheck.observe` of the unit.

Units of one file that say the same thing are checked once: the checks see what a unit says
(texts, flags, inline codes, state, notes), never where it is, so a repeat of a unit — a
message in another ``msgctxt``, a TM's repeated segment — gets the first one's findings and
records, moved to its own location (:func:`content_key` names what they may read).

:meth:`SegmentWork.merge` hands those records to the run-wide checks in the order of the
segments, so a run split over processes sees exactly what one process sees.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from copy import copy
from dataclasses import dataclass, field

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.consistency import ConsistencyTracker
from trilex.check.findings import Finding, Location
from trilex.check.index import SHORT_TYPES, TermIndex, concept_key
from trilex.check.qa import QaUnit
from trilex.check.qa.segment import RunCheck, UnitCheck, qa_applies
from trilex.check.terms import SegmentTerms
from trilex.termbase.model import Concept, Term


@dataclass(frozen=True, slots=True)
class TermUse:
    """One source concept of a segment and the target terms that render it (possibly none)."""

    segment: int  # index in the document's segments
    concept: int  # index in the termbase's concepts
    source_text: str  # the source term as written
    short: bool  # the source used a short form (acronym, abbreviation)
    terms: tuple[int, ...]  # indexes in the concept's terms (:func:`concept_terms`)


@dataclass
class Stretch:
    """What checking ``document.segments[start:stop]`` found."""

    findings: list[Finding] = field(default_factory=list)
    term_uses: list[TermUse] = field(default_factory=list)
    #: ``(segment index, one observation per QA run check)`` for each unit those checks see.
    observations: list[tuple[int, tuple]] = field(default_factory=list)


#: Distinct units remembered per file and process; the memory starts afresh when it is full
#: (0: every unit is checked afresh).
MEMO_UNITS = 50_000


def content_key(segment: Segment) -> Hashable:
    """What the segment and unit checks may read of ``segment``: everything but where it is
    (path, line, unit id, target line) and its ``msgctxt``. Two segments of one file with the
    same key get the same findings."""
    return (segment.source, segment.target, segment.raw_source, segment.raw_target, segment.flags,
            segment.plural_index, segment.previous_source, segment.state, segment.source_codes,
            segment.target_codes, segment.space_preserved, tuple(segment.notes))


#: Units :func:`mostly_repeats` samples, spread evenly over the run's files.
REPEAT_SAMPLE = 2_000


def mostly_repeats(documents: Sequence[BilingualDocument], numbers: Collection[int]) -> bool:
    """Whether most units of an even sample of documents ``numbers`` say what another sampled
    unit of their file says (:func:`content_key`).

    Each distinct unit of a file is checked once, so on such a run nearly every unit is
    answered from memory and what is left is the serial merge: worker processes would only
    add their cost. Forked workers share the parent's pages until either side writes them, and
    the merge writes them all (reference counts): on a 1,000,000-unit catalogue of repeats, two
    jobs took 240,000 more page copies and twice the checking time of one.
    """
    if not MEMO_UNITS:
        return False
    total = sum(len(documents[number].segments) for number in numbers)
    step = max(1, total // REPEAT_SAMPLE)
    sampled = distinct = 0
    for number in numbers:
        sample = documents[number].segments[::step]
        sampled += len(sample)
        distinct += len({content_key(segment) for segment in sample})
    return sampled > 0 and (sampled - distinct) * 2 > sampled


@dataclass(slots=True)
class _Checked:
    """What checking one segment gave, kept to answer its repeats."""

    findings: list[Finding]
    term_uses: list[TermUse]
    observations: tuple | None


def _moved(finding: Finding, segment: Segment) -> Finding:
    """``finding`` as it reads on ``segment``, a repeat of the unit it was found on."""
    moved = copy(finding)
    moved.location = Location.of(segment)
    moved.target_line = segment.target_line
    moved.related = list(finding.related)
    return moved


def concept_terms(concept: Concept) -> list[Term]:
    """Every term of ``concept``, language by language: what :attr:`TermUse.terms` numbers."""
    return [term for section in concept.languages for term in section.terms]


@dataclass
class SegmentWork:
    """The checks of one run over the segments of its bilingual documents.

    ``documents`` are the run's documents (by position, as tasks name them); ``languages`` the
    normalized ``(source, target)`` tag of each bilingual one.
    """

    documents: list
    languages: dict[int, tuple[str, str]]
    index: TermIndex
    segment_checks: list[Callable[[SegmentTerms], list[Finding]]]
    unit_checks: list[UnitCheck]
    run_checks: list[RunCheck]
    track_terms: bool
    check_unfinished: bool
    do_not_translate: frozenset[str]
    _concept_numbers: dict[int, int] = field(init=False, default_factory=dict)
    _memo: dict[int, dict[Hashable, _Checked]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.track_terms:  # built before any worker starts, so every process numbers alike
            self._concept_numbers = {concept_key(concept): number
                                     for number, concept in enumerate(self.index.termbase.concepts)}

    def check_task(self, task: tuple[int, int, int]) -> Stretch:
        """Check ``segments[start:stop]`` of document ``document_no``, given as ``task``."""
        document_no, start, stop = task
        document: BilingualDocument = self.documents[document_no]
        memo = self._memo.setdefault(document_no, {})
        stretch = Stretch()
        findings, term_uses, observations = stretch.findings, stretch.term_uses, stretch.observations
        remembered = MEMO_UNITS
        segments = document.segments
        for number in range(start, stop):
            segment = segments[number]
            if not segment.target or (segment.unfinished and not self.check_unfinished):
                continue
            if remembered:
                key = content_key(segment)
                checked = memo.get(key)
            else:
                checked = None
            if checked is None:
                checked = self._check_segment(document_no, number)
                if remembered:
                    if len(memo) >= remembered:
                        memo.clear()
                    memo[key] = checked
                findings.extend(checked.findings)
            elif checked.findings:
                findings.extend(_moved(finding, segment) for finding in checked.findings)
            if checked.term_uses:
                term_uses.extend(TermUse(number, use.concept, use.source_text, use.short, use.terms)
                                 for use in checked.term_uses)
            if checked.observations is not None:
                observations.append((number, checked.observations))
        return stretch

    def _check_segment(self, document_no: int, number: int) -> _Checked:
        """Run the segment and unit checks on segment ``number`` of document ``document_no``."""
        document: BilingualDocument = self.documents[document_no]
        source_lang, target_lang = self.languages[document_no]
        segment = document.segments[number]
        target = segment.target
        checked = _Checked([], [], None)
        findings = checked.findings
        if target != segment.source:  # an untranslated copy has no terms to compare
            source_matches = self.index.matcher(source_lang).find(segment.source)
            target_matches = self.index.matcher(target_lang).find(target)
            if source_matches or target_matches:
                pair = SegmentTerms(segment, target_lang, self.index, source_matches, target_matches)
                for segment_check in self.segment_checks:
                    findings.extend(segment_check(pair))
                if self.track_terms and not segment.unfinished:
                    self._term_uses(pair, number, checked.term_uses)
        if (self.unit_checks or self.run_checks) and qa_applies(segment):
            unit = QaUnit(segment, document, source_lang, target_lang, self.do_not_translate)
            for unit_check in self.unit_checks:
                findings.extend(unit_check(unit))
            if self.run_checks:
                checked.observations = tuple(check.observe(unit) for check in self.run_checks)
        if segment.unfinished:
            for finding in findings:
                finding.unfinished = True
        return checked

    def _term_uses(self, pair: SegmentTerms, number: int, uses: list[TermUse]) -> None:
        for matches in pair.source_by_concept.values():
            concept = matches[0].concept
            terms = self.index.terms(concept, pair.target_lang)
            if terms.preferred is None and not terms.forbidden:
                continue  # the termbase cannot say how this concept should be rendered
            targets = pair.target_by_concept.get(concept_key(concept), ())
            if targets:
                all_terms = concept_terms(concept)
                used = tuple(next(i for i, term in enumerate(all_terms) if term is match.term) for match in targets)
            else:
                used = ()
            uses.append(TermUse(number, self._concept_numbers[concept_key(concept)], matches[0].text,
                                matches[0].term.term_type in SHORT_TYPES, used))

    def merge(self, document_no: int, stretch: Stretch, tracker: ConsistencyTracker | None) -> None:
        """Hand ``stretch``'s records to the run-wide checks (call in the order of the segments)."""
        document: BilingualDocument = self.documents[document_no]
        if tracker is not None:
            _, target_lang = self.languages[document_no]
            concepts = self.index.termbase.concepts
            for use in stretch.term_uses:
                concept = concepts[use.concept]
                terms = self.index.terms(concept, target_lang)
                all_terms = concept_terms(concept) if use.terms else []
                # Keyed by the concept's section answering the target language ("zh" and "zh-CN"
                # agree), and by whether the source used a short form: a short form may be rendered by one.
                tracker.add((concept_key(concept), terms.section_key, use.short), concept, use.source_text,
                            tuple(all_terms[i] for i in use.terms), Location.of(document.segments[use.segment]),
                            terms.preferred.text if terms.preferred else None)
        if stretch.observations:
            source_lang, target_lang = self.languages[document_no]
            segments, run_checks, do_not_translate = document.segments, self.run_checks, self.do_not_translate
            for number, observations in stretch.observations:
                unit = QaUnit(segments[number], document, source_lang, target_lang, do_not_translate)
                for run_check, observation in zip(run_checks, observations):
                    if observation is not None:
                        run_check.add(unit, observation)
