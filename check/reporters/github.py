"""GitHub Actions workflow commands (``--format github``): annotations on the pull request.

Each finding becomes ``::error file=…,line=…,col=…,endColumn=…,title=…::message``
(``::warning`` / ``::notice`` for lower severities), with the column of the offending text
where it can be found in the file.
"""

from __future__ import annotations

from typing import TextIO

from trilex.check.findings import Finding, Severity
from trilex.check.report import Report, reporter
from trilex.check.sourcemap import SourceMap

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, sources: SourceMap) -> str:
    """The workflow command line for one finding."""
    loc = finding.location
    props = [f"file={_escape_property(loc.path)}"]
    span = finding.target_span or finding.source_span
    position = sources.place(finding, span, span is finding.target_span) if span else None
    if position is not None:
        props += [f"line={position.start_line}", f"col={position.start_column}",
                  f"endColumn={position.end_column}"]
    elif loc.line is not None:
        props.append(f"line={loc.line}")
    props.append(f"title={_escape_property('trilex ' + finding.check)}")
    message = finding.message
    if finding.suggestion:
        message += f" (suggested: {finding.suggestion})"
    return f"::{_COMMANDS[finding.severity]} {','.join(props)}::{_escape_data(message)}"


@reporter("github")
def report_github(report: Report, stream: TextIO) -> None:
    """Write one annotation per finding, then a one-line summary."""
    sources = SourceMap()
    for finding in [*report.findings, *report.unused_suppressions]:
        stream.write(annotation(finding, sources) + "\n")
    for line in report.stale_baseline:
        stream.write(f"::notice title=trilex baseline::{_escape_data('stale baseline entry: ' + line)}\n")
    counts = ", ".join(f"{code}: {n}" for code, n in sorted(report.counts().items())) or "no findings"
    stream.write(f"trilex: {len(report.findings)} finding(s) in {len(report.files)} file(s) ({counts})\n")
