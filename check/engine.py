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
from trilex.check.findings import Finding, Severity
from trilex.check.index import SHORT_TYPES, TermIndex
from trilex.check.qa import DOCUMENT_CHECKS, RUN_CHECKS, UNIT_CHECKS, QaUnit
from trilex.check.qa.segment import RunCheck, qa_applies
from trilex.check.registry import CHECKS, CheckInfo
from trilex.check.report import Report
from trilex.check.terms import SEGMENT_CHECKS, SegmentTerms
from trilex.errors import ConfigError, InputError
from trilex.lang.tags import normalize_tag
from trilex.termbase.model import Termbase

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


@dataclass
class _QaChecks:
    """The enabled QA checks of one run."""

    units: list
    documents: list
    runs: list[RunCheck]
    do_not_translate: frozenset[str]

    @classmethod
    def enabled(cls, enabled: set[str], options: CheckOptions) -> _QaChecks:
        return cls([func for code, func in UNIT_CHECKS.items() if code in enabled],
                   [func for code, func in DOCUMENT_CHECKS.items() if code in enabled],
                   [make() for code, make in RUN_CHECKS.items() if code in enabled],
                   frozenset(options.do_not_translate))


def select_checks(codes: Collection[str] | None) -> list[CheckInfo]:
    """The registered checks named by ``codes`` (all when ``None``); unknown codes are a ConfigError."""
    if codes is None:
        return list(CHECKS.values())
    unknown = [code for code in codes if code not in CHECKS]
    if unknown:
        known = ", ".join(CHECKS)
        raise ConfigError(f"unknown check {', '.join(map(repr, unknown))} (known: {known})")
    return [info for code, info in CHECKS.items() if code in codes]


def run_check(documents: Iterable[Document], termbases: Termbase | Sequence[Termbase] | TermIndex,
              options: CheckOptions | None = None,
              progress: Callable[[int], None] | None = None) -> Report:
    """Check ``documents`` against ``termbases`` and return every finding in a :class:`Report`.

    ``progress``, when given, is called with the number of segments done after each document.
    """
    options = options or CheckOptions()
    checks = select_checks(options.checks)
    enabled = {info.code for info in checks}
    index = termbases if isinstance(termbases, TermIndex) else TermIndex(termbases)
    tracker = ConsistencyTracker() if INCONSISTENT in enabled else None
    qa = _QaChecks.enabled(enabled, options)
    report = Report(findings=[], checks=checks, termbase=index.termbase)
    for document in documents:
        report.files.append(document.path)
        report.languages[document.path] = _report_languages(document, options)
        if isinstance(document, Article):
            report.findings.extend(article_checks.check_article(document, index, enabled))
            report.segments_checked += 1
        else:
            report.findings.extend(_check_document(document, index, enabled, tracker, options, qa))
            report.segments_checked += len(document.segments)
        if progress is not None:
            progress(report.segments_checked)
    if tracker is not None:
        report.findings.extend(tracker.findings(enabled))
    for run_check_ in qa.runs:
        report.findings.extend(run_check_.findings())
    for finding in report.findings:
        finding.severity = options.severities.get(finding.check, finding.severity)
        if finding.unfinished and options.unfinished_severity is not None:
            finding.severity = options.unfinished_severity
    return report


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


def _check_document(document: BilingualDocument, index: TermIndex, enabled: set[str],
                    tracker: ConsistencyTracker | None, options: CheckOptions, qa: _QaChecks) -> list[Finding]:
    source_lang, target_lang = _languages(document, options)
    find_source = index.matcher(source_lang).find
    find_target = index.matcher(target_lang).find
    checks = [func for code, func in SEGMENT_CHECKS.items() if code in enabled]
    findings: list[Finding] = []
    check_unfinished = options.unfinished_severity is not None
    for check in qa.documents:
        findings.extend(finding for finding in check(document, source_lang, target_lang)
                        if check_unfinished or not finding.unfinished)
    for segment in document.segments:
        target = segment.target
        if not target or (segment.unfinished and not check_unfinished):
            continue
        start = len(findings)
        if target != segment.source:  # an untranslated copy has no terms to compare
            source_matches = find_source(segment.source)
            target_matches = find_target(target)
            if source_matches or target_matches:
                pair = SegmentTerms(segment, target_lang, index, source_matches, target_matches)
                for check in checks:
                    findings.extend(check(pair))
                if tracker is not None and not segment.unfinished:
                    _track(pair, tracker)
        if (qa.units or qa.runs) and qa_applies(segment):
            unit = QaUnit(segment, document, source_lang, target_lang, qa.do_not_translate)
            for unit_check in qa.units:
                findings.extend(unit_check(unit))
            for run_check_ in qa.runs:
                run_check_.add(unit)
        if segment.unfinished:
            for finding in findings[start:]:
                finding.unfinished = True
    return findings


def _track(pair: SegmentTerms, tracker: ConsistencyTracker) -> None:
    for key, matches in pair.source_by_concept.items():
        concept = matches[0].concept
        terms = pair.index.terms(concept, pair.target_lang)
        if terms.preferred is None and not terms.forbidden:
            continue  # the termbase cannot say how this concept should be rendered
        used = tuple(match.term for match in pair.target_by_concept.get(key, ()))
        suggestion = terms.preferred.text if terms.preferred else None
        # Keyed by the concept's section answering the target language ("zh" and "zh-CN" agree),
        # and by whether the source used a short form: a short form may be rendered by one.
        short = matches[0].term.term_type in SHORT_TYPES
        tracker.add((key, terms.section_key, short), concept, matches[0].text, used, pair.location, suggestion)
