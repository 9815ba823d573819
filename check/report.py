"""The result of a check run, and the registry of reporters that print it.

A reporter is a function ``(report, stream) -> None`` registered under a format name with
:func:`reporter`; ``trilex check --format NAME`` looks it up in :data:`REPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from trilex.check.findings import Finding, Severity
from trilex.check.registry import CheckInfo
from trilex.termbase.model import Termbase


@dataclass
class Report:
    """Everything a reporter needs: the findings, what was checked, and with which checks."""

    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    checks: list[CheckInfo] = field(default_factory=list)
    segments_checked: int = 0
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    stale_baseline: list[str] = field(default_factory=list)
    unused_suppressions: list[Finding] = field(default_factory=list)
    fail_on: str = "error"
    #: The termbase the run checked against (the HTML report shows the concepts findings name).
    termbase: Termbase | None = None
    #: file → (source language, target language) as the run read it (``None`` where not known;
    #: an article's language is its target's): the HTML report's ``lang`` attributes.
    languages: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` is at or above the ``fail_on`` threshold."""
        return self.fail_on != "never" and finding.severity >= Severity(self.fail_on)

    def counts(self) -> dict[str, int]:
        """Number of findings per check code."""
        out: dict[str, int] = {}
        for finding in self.findings:
            out[finding.check] = out.get(finding.check, 0) + 1
        return out

    def worst(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        return max((f.severity for f in self.findings), default=None, key=lambda s: s.rank)


Reporter = Callable[[Report, TextIO], None]

#: format name → reporter function.
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    """Decorator that registers a reporter under the format ``name``."""

    def decorate(func: Reporter) -> Reporter:
        if name in REPORTERS:
            raise ValueError(f"reporter {name!r} registered twice")
        REPORTERS[name] = func
        return func

    return decorate
