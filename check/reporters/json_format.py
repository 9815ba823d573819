"""``--format json``: the findings as one JSON document (schema: check/JSON-SCHEMA.md)."""

from __future__ import annotations

from typing import Any, TextIO

from trilex import __version__
from trilex.check.findings import Finding, Location, Span
from trilex.check.report import Report, reporter
from trilex.jsontext import dump_indented

#: Bumped only when a field changes meaning or disappears; new fields may be added freely.
SCHEMA_VERSION = 1


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _location(location: Location) -> dict[str, Any]:
    return {"file": location.path, "line": location.line, "column": location.column,
            "unit_id": location.unit_id}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON object the schema describes."""
    fix = None
    if finding.fix is not None:
        fix = {**_span(finding.fix.span), "replacement": finding.fix.replacement}
    return {
        **_location(finding.location),
        "check": finding.check,
        "severity": finding.severity.value,
        "message": finding.message,
        "concept": finding.concept_id,
        "source": finding.source,
        "target": finding.target,
        "source_span": _span(finding.source_span),
        "target_span": _span(finding.target_span),
        "suggestion": finding.suggestion,
        "fix": fix,
        "related": [_location(location) for location in finding.related],
        "unfinished": finding.unfinished,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as the JSON document the schema describes."""
    by_severity = {"error": 0, "warning": 0, "info": 0}
    for finding in report.findings:
        by_severity[finding.severity.value] += 1
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "trilex", "version": __version__},
        "files": report.files,
        "segments_checked": report.segments_checked,
        "checks": [{"code": info.code, "severity": info.severity.value, "summary": info.summary}
                   for info in report.checks],
        "summary": {"total": len(report.findings), "by_severity": by_severity,
                    "by_check": report.counts()},
        "findings": [finding_to_dict(finding) for finding in report.findings],
    }


@reporter("json")
def write_json(report: Report, stream: TextIO) -> None:
    """Write ``report`` as indented UTF-8 JSON (text as written, not escaped)."""
    dump_indented(report_to_dict(report), stream)
