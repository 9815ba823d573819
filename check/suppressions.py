"""Inline suppressions: ``trilex: ignore[missing-term]`` in a comment the format has room for.

Where it can be written: a PO translator comment (``# trilex: ignore[missing-term]``), an
XLIFF ``<note>``, a CSV/TSV ``note``/``comment`` column — whatever the document reader puts in
:attr:`trilex.bitext.model.Segment.notes`. Forms:

* ``trilex: ignore`` — every check on that unit;
* ``trilex: ignore[missing-term]`` or ``trilex: ignore[missing-term, count-mismatch]``.

A suppression that suppresses nothing is itself reported (check ``unused-suppression``), so
stale ones get removed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from trilex.bitext.model import Segment
from trilex.check.findings import Finding, Location, Severity
from trilex.check.registry import register

_PATTERN = re.compile(r"trilex:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)

ALL = "*"
UNUSED_CHECK = "unused-suppression"


def parse_suppressions(notes: Iterable[str]) -> set[str]:
    """The check codes the ``notes`` suppress (``{"*"}`` for a bare ``trilex: ignore``)."""
    codes: set[str] = set()
    for note in notes:
        for match in _PATTERN.finditer(note):
            if match.group(1) is None:
                codes.add(ALL)
            else:
                codes.update(code.strip().lower() for code in match.group(1).split(",") if code.strip())
    return codes


_PLURAL_FORM = re.compile(r"\[\d+\]$")


def segment_key(path: str, line: int | None, unit_id: str | None) -> tuple[str, int | None, str | None]:
    """How findings and segments are matched to each other: the forms of a PO plural message
    (``msgid[0]``, ``msgid[1]``) are one unit, as their one comment block is."""
    return (path, line, _PLURAL_FORM.sub("", unit_id) if unit_id else unit_id)


@dataclass
class SuppressionResult:
    """Findings split by the inline suppressions of their segments."""

    kept: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    unused: list[Finding] = field(default_factory=list)


@register(UNUSED_CHECK, Severity.WARNING, "An inline 'trilex: ignore' suppresses nothing.",
          "A 'trilex: ignore[...]' comment on a unit where that check reports nothing; remove it.")
def apply_suppressions(findings: Iterable[Finding], segments: Iterable[Segment],
                       ran: Collection[str] | None = None) -> SuppressionResult:
    """Drop findings their segment suppresses, and report suppressions that matched nothing.

    ``ran`` names the checks that ran (``None``: all): a suppression of a check that was turned
    off or not selected cannot have matched, so it is not reported as unused.
    """
    wanted: dict[tuple, tuple[Segment, set[str]]] = {}
    for segment in segments:
        codes = parse_suppressions(segment.notes)
        if codes:
            wanted[segment_key(segment.path, segment.line, segment.unit_id)] = (segment, codes)
    used: dict[tuple, set[str]] = {key: set() for key in wanted}
    result = SuppressionResult()
    for finding in findings:
        key = segment_key(finding.location.path, finding.location.line, finding.location.unit_id)
        entry = wanted.get(key)
        if entry and (finding.check in entry[1] or ALL in entry[1]):
            used[key].add(finding.check if finding.check in entry[1] else ALL)
            result.suppressed.append(finding)
        else:
            result.kept.append(finding)
    for key, (segment, codes) in wanted.items():
        for code in sorted(codes - used[key]):
            if ran is not None and code != ALL and code not in ran:
                continue
            label = "trilex: ignore" if code == ALL else f"trilex: ignore[{code}]"
            result.unused.append(Finding(
                check=UNUSED_CHECK,
                severity=Severity.WARNING,
                message=f"'{label}' suppresses nothing here; remove it",
                location=Location.of(segment),
                source=segment.source,
                target=segment.target or "",
            ))
    return result
