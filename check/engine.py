"""Run the checks over documents: the library entry point behind ``trilex check``.

>>> report = run_check([document], [termbase], CheckOptions(checks=["missing-term"]))
>>> report.worst()

Bilingual documents get the per-segment term checks (:mod:`trilex.check.terms`), the run-wide
``inconsistent-term``, and the QA checks (:mod:`trilex.check.qa`: per unit, per file, per run);
monolingual articles (:class:`~trilex.check.article.Article`) get the glossed-article checks
(:mod:`trilex.check.article`). Findings on units the file marks unfinished (fuzzy,
needs-translation, needs-review) are reported at ``CheckOptions.unfinished_severity``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from trilex.bitext.model import BilingualDocument
from trilex.check import article as article_checks
from trilex.check.article import Article
from trilex.check.consistency import CODE as INCONSISTENT, ConsistencyTracker
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.check.qa import DOCUMENT_CHECKS, RUN_CHECKS, UNIT_CHECKS
from trilex.check.registry import CHECKS, CheckInfo
from trilex.check.report import Report
from trilex.check.segments import SegmentWork, Stretch, mostly_repeats
from trilex.check.terms import SEGMENT_CHECKS
from trilex.errors import ConfigError, InputError
from trilex.gc_pause import paused_gc
from trilex.lang.tags import normalize_tag
from trilex.termbase.model import Termbase
from trilex.workers import ordered_map

Document = BilingualDocument | Article


@dataclass
class CheckOptions:
    """What to check and how.

    ``checks``: codes to run (``None`` = every registered check). ``source_lang`` and
    ``target_lang`` override the languages a document declares. ``severities`` overrides the
    default severity of a check code. ``unfinished_severity`` is the severity of every finding
    on a unit the file marks unfinished (``None``: such units are not checked).
    ``do_not_translate``: terms a translation may keep as they are (``untranslated``).
    """

    checks: Collection[str] | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    unfinished_severity: Severity | None = Severity.INFO
    do_not_translate: Collection[str] = ()


def select_checks(codes: Collection[str] | None) -> list[CheckInfo]:
    """The registered checks named by ``codes`` (all when ``None``); unknown codes are a ConfigError."""
    if codes is None:
        return list(CHECKS.values())
    unknown = [code for code in codes if code not in CHECKS]
    if unknown:
        known = ", ".join(CHECKS)
        raise ConfigError(f"unknown check {', '.join(map(repr, unknown))} (known: {known})")
    return [info for code, info in CHECKS.items() if code in codes]


#: Segments per task of work: small enough to spread a file over the workers, large enough
#: that handing a task over costs little.
SEGMENTS_PER_TASK = 2_000


def run_check(documents: Iterable[Document], termbases: Termbase | Sequence[Termbase] | TermIndex,
              options: CheckOptions | None = None,
              progress: Callable[[int], None] | None = None, jobs: int = 1) -> Report:
    """Check ``documents`` against ``termbases`` and return every finding in a :class:`Report`.

    ``jobs`` > 1 checks the segments in that many worker processes (forked after the documents
    are read and the term index is built, so they share both): the report is the same as with
    one job, findings in the same order. A run whose units mostly repeat each other is checked
    in this process all the same (:func:`~trilex.check.segments.mostly_repeats`). ``progress``,
    when given, is called with the number of segments done as the work advances.

    Python's cyclic garbage collector is paused meanwhile: a run builds findings and records
    that stay until the end and no reference cycles, and each full collection would walk them
    all again (a third of the checking time of a large catalogue).
    """
    with paused_gc():
        return _run_check(documents, termbases, options, progress, jobs)


def _run_check(documents: Iterable[Document], termbases: Termbase | Sequence[Termbase] | TermIndex,
               options: CheckOptions | None, progress: Callable[[int], None] | None, jobs: int) -> Report:
    options = options or CheckOptions()
    checks = select_checks(options.checks)
    enabled = {info.code for info in checks}
    index = termbases if isinstance(termbases, TermIndex) else TermIndex(termbases)
    documents = list(documents)
    work = _segment_work(documents, index, enabled, options)
    tracker = ConsistencyTracker() if work.track_terms else None
    report = Report(findings=[], checks=checks, termbase=index.termbase)
    tasks = [(number, start, stop) for number, document in enumerate(documents) if number in work.languages
             for start, stop in _stretches_of(document)]
    if jobs > 1 and mostly_repeats(documents, work.languages):
        jobs = 1
    global _WORK
    _WORK = work  # what _check_task sees, here or in the workers forked from here
    stretches = ordered_map(_check_task, tasks, jobs, "fork")
    document_checks = [func for code, func in DOCUMENT_CHECKS.items() if code in enabled]
    check_unfinished = options.unfinished_severity is not None
    try:
        for number, document in enumerate(documents):
            report.files.append(document.path)
            report.languages[document.path] = _report_languages(document, options)
            if isinstance(document, Article):
                report.findings.extend(article_checks.check_article(document, index, enabled))
                report.segments_checked += 1
                continue
            for check in document_checks:
                report.findings.extend(finding for finding in check(document, *work.languages[number])
                                       if check_unfinished or not finding.unfinished)
            for start, stop in _stretches_of(document):
                stretch = next(stretches)
                report.findings.extend(stretch.findings)
                work.merge(number, stretch, tracker)
                report.segments_checked += stop - start
                if progress is not None:
                    progress(report.segments_checked)
            if not document.segments and progress is not None:
                progress(report.segments_checked)
    finally:
        stretches.close()  # stops the workers, also when a check failed or on Ctrl-C
        _WORK = None
    if tracker is not None:
        report.findings.extend(tracker.findings(enabled))
    for run_check_ in work.run_checks:
        report.findings.extend(run_check_.findings())
    for finding in report.findings:
        finding.severity = options.severities.get(finding.check, finding.severity)
        if finding.unfinished and options.unfinished_severity is not None:
            finding.severity = options.unfinished_severity
    return report


def _segment_work(documents: list[Document], index: TermIndex, enabled: set[str],
                  options: CheckOptions) -> SegmentWork:
    """The checks of this run over the segments of its bilingual documents."""
    languages = {number: _languages(document, options) for number, document in enumerate(documents)
                 if not isinstance(document, Article)}
    for source_lang, target_lang in set(languages.values()):  # built here, shared by forked workers
        index.matcher(source_lang)
        index.matcher(target_lang)
    return SegmentWork(
        documents, languages, index,
        segment_checks=[func for code, func in SEGMENT_CHECKS.items() if code in enabled],
        unit_checks=[func for code, func in UNIT_CHECKS.items() if code in enabled],
        run_checks=[make() for code, make in RUN_CHECKS.items() if code in enabled],
        track_terms=INCONSISTENT in enabled,
        check_unfinished=options.unfinished_severity is not None,
        do_not_translate=frozenset(options.do_not_translate))


def _stretches_of(document: BilingualDocument) -> list[tuple[int, int]]:
    """``(start, stop)`` of the stretches of segments ``document`` is checked in, one task each."""
    count = len(document.segments)
    return [(start, min(start + SEGMENTS_PER_TASK, count)) for start in range(0, count, SEGMENTS_PER_TASK)]


#: The run being checked: set before the workers are forked, so they see it too.
_WORK: SegmentWork | None = None


def _check_task(task: tuple[int, int, int]) -> Stretch:
    """One task, ``(document, start, stop)``, of the run being checked."""
    assert _WORK is not None
    return _WORK.check_task(task)


def _report_languages(document: Document, options: CheckOptions) -> tuple[str | None, str | None]:
    """The (source, target) languages a report gives ``document``'s texts; an article's text is
    reported as the target."""
    if isinstance(document, Article):
        return None, document.lang
    return (options.source_lang or document.source_lang, options.target_lang or document.target_lang)


def _languages(document: BilingualDocument, options: CheckOptions) -> tuple[str, str]:
    source = options.source_lang or document.source_lang
    target = options.target_lang or document.target_lang
    if not source or not target:
        raise InputError("the file does not say its source and target languages; "
                         "give them with --source and --target", document.path)
    return normalize_tag(source), normalize_tag(target)
