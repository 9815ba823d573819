"""The HTML check report (``trilex check --format html``).

The page shows the summary (counts by severity, check and file, as small bar charts), then
every finding — source and target side by side with the span marked, the fix or suggestion —
with filters by check, severity, file and concept and a search box; findings the baseline knows
and findings suppressed inline are on their own tabs. A finding's concept opens its card (the
concept's terms in each language, from the termbase the run used) and, with ``terms_page``,
links to the concept on the page ``trilex tbx html`` made.

The findings go into the page as compact rows (lists, with repeated texts, files and checks
stored once in tables) so 50,000 findings load in well under a second; the list is paged.
"""

from __future__ import annotations

from typing import Any, TextIO

from trilex.check.findings import Finding, Span
from trilex.check.report import Report
from trilex.pages.shell import document, html_lang, utf16_index

#: Finding states (the page's tabs).
NEW, BASELINED, SUPPRESSED = 0, 1, 2
SEVERITIES = ("info", "warning", "error")
#: Term statuses as the pages number them (0: none given).
STATUSES = (None, "preferred", "admitted", "deprecated", "superseded")
#: The fields of one finding row, in order (report.js reads them by these positions).
ROW_FIELDS = ("state", "file", "line", "column", "unit", "check", "severity", "message", "concept",
              "source", "source_lang", "source_span", "target", "target_lang", "target_span",
              "suggestion", "fix", "related", "flags")
#: Bits of the ``flags`` field.
UNFINISHED, FAILS = 1, 2


class _Table:
    """Values stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[Any, int] = {}

    def add(self, value: Any) -> int:
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.items)
            self.items.append(value)
        return index


def _span(text: str, span: Span | None) -> list[int] | int:
    """``[start, end]`` in UTF-16 offsets (JavaScript's), or 0 when there is no usable span."""
    if span is None or span.end > len(text) or span.start < 0 or span.start > span.end:
        return 0
    return [utf16_index(text, span.start), utf16_index(text, span.end)]


class _Builder:
    def __init__(self, report: Report):
        self.report = report
        self.strings = _Table()
        self.files = _Table()
        self.langs = _Table()
        self.checks = _Table()
        self.concept_ids = _Table()
        self._tag_langs: dict[str, str] = {}
        for path in report.files:
            self.files.add(path)
        for info in report.checks:
            self.checks.add(info.code)
        self.by_id: dict[str, Any] = {}
        for concept in (report.termbase.concepts if report.termbase is not None else ()):
            self.by_id.setdefault(concept.id, concept)

    def lang(self, tag: str | None, text: str) -> int:
        """The index of the ``lang`` of ``text`` in language ``tag`` (by its script when no tag)."""
        if tag is None:
            return self.langs.add(html_lang(None, text))
        lang = self._tag_langs.get(tag)
        if lang is None:
            lang = self._tag_langs[tag] = html_lang(tag)
        return self.langs.add(lang)

    def text(self, value: str | None) -> int:
        return -1 if value is None else self.strings.add(value)

    def row(self, finding: Finding, state: int) -> list[Any]:
        report = self.report
        location = finding.location
        source_tag, target_tag = report.languages.get(location.path, (None, None))
        source, target = finding.source, finding.target
        fix: list[Any] | int = 0
        if finding.fix is not None:
            fix_span = _span(target, finding.fix.span)
            fix = [*(fix_span or [-1, -1]), self.text(finding.fix.replacement), self.text(finding.fix.span.text)]
        flags = (UNFINISHED if finding.unfinished else 0) | (FAILS if state == NEW and report.fails(finding) else 0)
        related = [[self.files.add(other.path), other.line or 0] for other in finding.related] or 0
        return [
            state, self.files.add(location.path), location.line or 0, location.column or 0,
            self.text(location.unit_id), self.checks.add(finding.check), finding.severity.rank,
            self.text(finding.message),
            -1 if finding.concept_id is None else self.concept_ids.add(finding.concept_id),
            self.text(source), self.lang(source_tag, source), _span(source, finding.source_span),
            self.text(target), self.lang(target_tag, target), _span(target, finding.target_span),
            self.text(finding.suggestion), fix, related, flags,
        ]

    def concept(self, concept_id: str) -> list[Any]:
        """``[id, subject, definition, sections]``; sections ``[lang, tag, [[text, status, type]…]]``."""
        concept = self.by_id.get(concept_id)
        if concept is None:
            return [concept_id, "", "", []]
        sections = []
        for section in concept.languages:
            terms = [[term.text, STATUSES.index(term.status.value) if term.status else 0, term.term_type or ""]
                     for term in section.terms]
            sections.append([html_lang(section.lang), section.lang, terms])
        definitions = [d.text for d in concept.definitions] + \
            [d.text for section in concept.languages for d in section.definitions]
        return [concept.id, concept.subject_field or "", definitions[0] if definitions else "", sections]

    def checks_table(self) -> list[list[str]]:
        infos = {info.code: info for info in self.report.checks}
        rows = []
        for code in self.checks.items:
            info = infos.get(code)
            rows.append([code, info.severity.value if info else "", info.summary if info else ""])
        return rows


def report_data(report: Report, terms_page: str | None = None) -> dict[str, Any]:
    """The page's data: tables, and one row per finding (fields :data:`ROW_FIELDS`)."""
    builder = _Builder(report)
    rows = [builder.row(finding, NEW) for finding in report.findings]
    rows += [builder.row(finding, BASELINED) for finding in report.baselined]
    rows += [builder.row(finding, SUPPRESSED) for finding in report.suppressed]
    return {
        "fields": list(ROW_FIELDS),
        "severities": list(SEVERITIES),
        "statuses": list(STATUSES),
        "files": builder.files.items,
        "checks": builder.checks_table(),
        "langs": builder.langs.items,
        "strings": builder.strings.items,
        "concepts": [builder.concept(concept_id) for concept_id in builder.concept_ids.items],
        "findings": rows,
        "checkedFiles": len(report.files),
        "segments": report.segments_checked,
        "failOn": report.fail_on,
        "staleBaseline": len(report.stale_baseline),
        "termsPage": terms_page,
    }


def report_page(report: Report, terms_page: str | None = None, title: str = "trilex check report") -> str:
    """The whole HTML page of ``report``."""
    files = len(report.files)
    subtitle = (f"{len(report.findings)} new finding(s) in {files} file{'s' if files != 1 else ''}, "
                f"{report.segments_checked} segments checked")
    return document(title=title, kind="report", subtitle=subtitle, data=report_data(report, terms_page),
                    styles=("report.css",), scripts=("report.js",))


def write_report(report: Report, stream: TextIO, terms_page: str | None = None) -> None:
    """Write the HTML page of ``report`` to ``stream`` (the ``html`` reporter)."""
    stream.write(report_page(report, terms_page))
