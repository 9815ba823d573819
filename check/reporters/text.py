"""``--format text``: findings for people, grouped by file, with the matched span marked.

Colour is used only when the stream is a terminal (and ``NO_COLOR`` is unset); otherwise the
span is marked with ``⟦…⟧`` so the output stays readable in logs and diffs.
"""

from __future__ import annotations

from typing import TextIO

import click

from trilex.check.findings import Finding, Severity, Span
from trilex.check.report import Report, reporter
from trilex.terminal import cut, pad, use_colour

#: Terminal columns of context shown on each side of a marked span.
CONTEXT = 40
OPEN_MARK, CLOSE_MARK = "⟦", "⟧"
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def mark_span(text: str, span: Span | None, colour: bool) -> str:
    """``text`` with ``span`` highlighted, cut to :data:`CONTEXT` columns of the terminal on each
    side (a Chinese character takes two, a Thai vowel or tone mark none, and a cut never takes a
    mark from its letter), on one line."""
    if span is None or span.end > len(text):
        shown = cut(text[: 8 * CONTEXT], 2 * CONTEXT)
        return _one_line(shown if len(shown) == len(text) else shown + "…")
    start = span.start - len(cut(text[max(0, span.start - 4 * CONTEXT): span.start], CONTEXT, from_end=True))
    end = span.end + len(cut(text[span.end: span.end + 4 * CONTEXT], CONTEXT))
    before = text[start: span.start]
    after = text[span.end: end]
    head = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    inner = visible(text[span.start: span.end])
    marked = click.style(inner, bold=True, underline=True) if colour else f"{OPEN_MARK}{inner}{CLOSE_MARK}"
    return _one_line(head + before) + marked + _one_line(after + tail)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


_ESCAPES = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def visible(text: str) -> str:
    """``text`` with line breaks and tabs written as ``\\n``, ``\\r``, ``\\t`` (a marked span of
    white space must show, and stay on its line)."""
    return text.translate(_ESCAPES)


def _where(finding: Finding) -> str:
    location = finding.location
    if location.line is None:
        return f"#{location.unit_id}" if location.unit_id else "-"
    where = str(location.line)
    if location.column is not None:
        where += f":{location.column}"
    return where


def format_finding(finding: Finding, colour: bool) -> list[str]:
    """The lines that show one finding."""
    severity = finding.severity.value
    label = click.style(f"{severity:<7}", fg=_COLOURS[finding.severity], bold=True) if colour else f"{severity:<7}"
    lines = [f"  {pad(_where(finding), 6, right=True)}  {label} {finding.check}: {finding.message}"]
    if finding.source:
        lines.append(f"          source: {mark_span(finding.source, finding.source_span, colour)}")
    if finding.target:
        label = "target" if finding.source else "text"  # an article finding shows its line
        lines.append(f"          {label}: {mark_span(finding.target, finding.target_span, colour)}")
    if finding.fix is not None:
        fix = finding.fix
        lines.append(f'          fix: replace "{visible(fix.span.text)}" with "{visible(fix.replacement)}"')
    elif finding.suggestion:
        lines.append(f"          suggestion: {finding.suggestion}")
    return lines


def summary_line(report: Report) -> str:
    """Counts per severity and per check, and how much was checked."""
    by_severity = {severity: 0 for severity in Severity}
    for finding in report.findings:
        by_severity[finding.severity] += 1
    files = len(report.files)
    text = (f"{by_severity[Severity.ERROR]} error(s), {by_severity[Severity.WARNING]} warning(s), "
            f"{by_severity[Severity.INFO]} info in {files} file{'s' if files != 1 else ''} "
            f"({report.segments_checked} segments)")
    counts = report.counts()
    if counts:
        text += ": " + ", ".join(f"{code} {count}" for code, count in sorted(counts.items()))
    return text


@reporter("text")
def write_text(report: Report, stream: TextIO) -> None:
    """Write ``report`` for people: one block per file, then the summary line."""
    colour = use_colour(stream)
    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    for path, findings in by_file.items():
        stream.write((click.style(path, bold=True) if colour else path) + "\n")
        findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
        for finding in findings:
            stream.write("\n".join(format_finding(finding, colour)) + "\n")
        stream.write("\n")
    stream.write(summary_line(report) + "\n")
