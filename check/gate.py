"""Turning a check run into a CI verdict: inline suppressions first, then the baseline.

>>> report = run_check(documents, index)
>>> apply_gate(report, documents, baseline="trilex-baseline.txt")
>>> report.findings        # only new, unsuppressed findings remain here

Suppressed findings move to ``report.suppressed``, suppressions that matched nothing become
``unused-suppression`` findings (unless that check is turned off), and findings the baseline
knows move to ``report.baselined``; baseline lines nothing matched are ``report.stale_baseline``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from trilex.bitext.model import BilingualDocument
from trilex.check.baseline import apply_baseline
from trilex.check.findings import Severity
from trilex.check.report import Report
from trilex.check.suppressions import apply_suppressions


def apply_gate(report: Report, documents: Iterable[object],
               baseline: str | os.PathLike[str] | None = None,
               unused_severity: Severity | None = Severity.WARNING) -> Report:
    """Apply the suppressions written in ``documents`` and the ``baseline`` to ``report`` in place.

    ``unused_severity`` is the severity of ``unused-suppression`` findings (``None``: not reported).
    """
    segments = [segment for document in documents if isinstance(document, BilingualDocument)
                for segment in document.segments]
    result = apply_suppressions(report.findings, segments, {info.code for info in report.checks})
    report.findings = result.kept
    report.suppressed = result.suppressed
    if unused_severity is not None:
        for finding in result.unused:
            finding.severity = unused_severity
        report.findings.extend(result.unused)
    if baseline is not None:
        split = apply_baseline(report.findings, baseline)
        report.findings = split.new
        report.baselined = split.known
        report.stale_baseline = split.stale
    return report

