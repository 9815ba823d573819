"""SARIF 2.1.0 output, ready for GitHub code scanning (``--format sarif``).

Every check code becomes a rule; every finding a result with a physical location (file, line,
and column where the offending text can be found in the file), a stable partial fingerprint
(the baseline fingerprint), and — for checks that have one, such as forbidden-term — a
``fixes`` entry with the replacement text. Columns count Unicode code points
(``columnKind: unicodeCodePoints``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from trilex import __version__
from trilex.check.baseline import fingerprint
from trilex.check.findings import Finding, Severity
from trilex.check.registry import CheckInfo
from trilex.check.report import Report, reporter
from trilex.check.sourcemap import FilePosition, SourceMap
from trilex.jsontext import dump_indented

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/trilex/"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return Path(relative).as_posix()


def _rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("-"))


def _rule(info: CheckInfo) -> dict:
    rule = {
        "id": info.code,
        "name": _rule_name(info.code),
        "shortDescription": {"text": info.summary},
        "defaultConfiguration": {"level": _LEVELS[info.severity]},
    }
    if info.help:
        rule["fullDescription"] = {"text": info.help}
        rule["help"] = {"text": info.help}
    return rule


def _region(position: FilePosition | None, line: int | None, snippet: str | None) -> dict | None:
    if position is not None:
        region = {"startLine": position.start_line, "startColumn": position.start_column,
                  "endLine": position.end_line, "endColumn": position.end_column}
    elif line is not None:
        region = {"startLine": line}
    else:
        return None
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _result(finding: Finding, rule_index: dict[str, int], sources: SourceMap) -> dict:
    loc = finding.location
    span = finding.target_span or finding.source_span
    position = sources.place(finding, span, span is finding.target_span) if span else None
    physical: dict = {"artifactLocation": {"uri": _uri(loc.path), "uriBaseId": "%SRCROOT%"}}
    region = _region(position, loc.line, finding.target or finding.source or None)
    if region:
        physical["region"] = region
    location: dict = {"physicalLocation": physical}
    if loc.unit_id:
        location["logicalLocations"] = [{"name": loc.unit_id, "kind": "element"}]
    result: dict = {
        "ruleId": finding.check,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"trilexFinding/v1": fingerprint(finding, Path.cwd())},
    }
    if finding.check in rule_index:
        result["ruleIndex"] = rule_index[finding.check]
    if finding.concept_id or finding.suggestion:
        result["properties"] = {k: v for k, v in (("concept", finding.concept_id),
                                                  ("suggestion", finding.suggestion)) if v}
    if finding.fix is not None:
        fix_position = sources.place(finding, finding.fix.span, in_target=True)
        if fix_position is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace '{finding.fix.span.text}' with '{finding.fix.replacement}'"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(loc.path), "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": _region(fix_position, None, None),
                        "insertedContent": {"text": fix_position.write(finding.fix.replacement)},
                    }],
                }],
            }]
    return result


def build_sarif(report: Report) -> dict:
    """The SARIF log of ``report`` as a JSON-ready dict."""
    rules = [_rule(info) for info in report.checks]
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    sources = SourceMap()
    results = [_result(f, rule_index, sources) for f in [*report.findings, *report.unused_suppressions]]
    if report.baselined or report.stale_baseline:
        for result in results:
            result["baselineState"] = "new"
    results += [{**_result(f, rule_index, sources), "suppressions": [{"kind": "inSource"}]}
                for f in report.suppressed]
    results += [{**_result(f, rule_index, sources), "baselineState": "unchanged"} for f in report.baselined]
    root_uri = Path.cwd().resolve().as_uri() + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "trilex", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"}} for path in report.files],
            "results": results,
            "invocations": [{"executionSuccessful": True}],
        }],
    }


@reporter("sarif")
def report_sarif(report: Report, stream: TextIO) -> None:
    """Write ``report`` as SARIF 2.1.0 JSON."""
    dump_indented(build_sarif(report), stream)
