"""The text reporter's pieces: colour only on terminals, span marking, the summary line."""

from __future__ import annotations

import io

from trilex.check.findings import Finding, Location, Severity, Span
from trilex.check.report import Report
from trilex.check.reporters.text import mark_span, summary_line
from trilex.terminal import use_colour


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not use_colour(io.StringIO())
    assert use_colour(_Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(_Terminal())


def test_mark_span_cuts_long_text_around_the_span_on_one_line():
    text = "ก" * 100 + "แผง" + "\n" + "ข" * 100
    marked = mark_span(text, Span(100, 103, "แผง"), colour=False)
    assert marked == "…" + "ก" * 40 + "⟦แผง⟧" + " " + "ข" * 39 + "…"
    coloured = mark_span("ลบแผงนี้", Span(2, 5, "แผง"), colour=True)
    assert "\x1b[" in coloured and "⟦" not in coloured and coloured.startswith("ลบ")


def test_summary_line_counts_severities_and_checks():
    where = Location("a.po", 3)
    report = Report([Finding("missing-term", Severity.ERROR, "m", where),
                     Finding("missing-term", Severity.ERROR, "m", where),
                     Finding("non-preferred-term", Severity.INFO, "n", where)],
                    files=["a.po", "b.po"], segments_checked=12)
    assert summary_line(report) == ("2 error(s), 0 warning(s), 1 info in 2 files (12 segments): "
                                    "missing-term 2, non-preferred-term 1")
