"""Baselines, inline suppressions and the CI report formats (SARIF, JUnit, GitHub)."""

from __future__ import annotations

import json
import os

import pytest
from lxml import etree

from trilex.bitext.model import Segment
from trilex.check.baseline import apply_baseline, fingerprint, read_baseline, write_baseline
from trilex.check.findings import Finding, Fix, Location, Severity, Span
from trilex.check.registry import CheckInfo
from trilex.check.report import REPORTERS, Report
from trilex.check.reporters import load_reporters
from trilex.check.suppressions import apply_suppressions, parse_suppressions
from trilex.errors import InputError

PO = """# Thai translation.
msgid ""
msgstr ""
"Language: th\\n"

#: panel.c:10
msgid "Open the panel"
msgstr "เปิดแผงควบคุม"

# trilex: ignore[missing-term]
#: panel.c:20
msgid "Panel preferences"
msgstr "การตั้งค่า"
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "th.po").write_text(PO, encoding="utf-8")
    return tmp_path


def forbidden(line=8, unit="Open the panel") -> Finding:
    return Finding(
        check="forbidden-term", severity=Severity.ERROR,
        message="'แผงควบคุม' is deprecated for 'panel'; use 'แผง'",
        location=Location("th.po", line, unit), source="Open the panel", target="เปิดแผงควบคุม",
        concept_id="c1", source_span=Span(9, 14, "panel"), target_span=Span(4, 13, "แผงควบคุม"),
        suggestion="แผง", fix=Fix(Span(4, 13, "แผงควบคุม"), "แผง"))


def missing(line=13, unit="Panel preferences") -> Finding:
    return Finding(
        check="missing-term", severity=Severity.ERROR, message="'Panel' should be translated as 'แผง'",
        location=Location("th.po", line, unit), source="Panel preferences", target="การตั้งค่า",
        concept_id="c1", source_span=Span(0, 5, "Panel"), suggestion="แผง")


CHECKS = [CheckInfo("missing-term", Severity.ERROR, "Source term without its approved translation."),
          CheckInfo("forbidden-term", Severity.ERROR, "Target uses a deprecated term.", "Replace it.")]


def test_fingerprint_ignores_line_numbers_but_not_identity(workdir):
    assert fingerprint(forbidden(8), workdir) == fingerprint(forbidden(80), workdir)
    assert fingerprint(forbidden(), workdir) != fingerprint(forbidden(unit="Close the panel"), workdir)
    assert fingerprint(forbidden(), workdir) != fingerprint(missing(), workdir)


def test_baseline_adoption_only_new_findings_fail_and_stale_entries_show(workdir):
    base = workdir / "trilex-baseline.txt"
    assert write_baseline([forbidden(), missing()], base) == 2
    text = base.read_text(encoding="utf-8")
    assert text.startswith("# trilex baseline v1")
    assert "missing-term  th.po  c1  Panel preferences" in text
    # The file is edited above the units: lines move, the baseline still holds.
    result = apply_baseline([forbidden(line=18), missing(line=23)], base)
    assert result.new == [] and len(result.known) == 2 and result.stale == []
    # A new finding fails; a fixed one leaves a stale entry.
    brand_new = forbidden(unit="Hide the panel")
    result = apply_baseline([forbidden(), brand_new], base)
    assert result.new == [brand_new]
    assert len(result.stale) == 1 and "missing-term" in result.stale[0]


def test_identical_findings_are_counted(workdir):
    base = workdir / "b.txt"
    write_baseline([forbidden()], base)
    result = apply_baseline([forbidden(), forbidden()], base)
    assert len(result.known) == 1 and len(result.new) == 1


def test_broken_baseline_line_is_a_clear_error(workdir):
    base = workdir / "b.txt"
    base.write_text("# header\nnot-a-fingerprint missing-term\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.txt:2: not a baseline line"):
        read_baseline(base)


def test_parse_suppressions():
    assert parse_suppressions(["trilex: ignore[missing-term, count-mismatch]"]) == {"missing-term", "count-mismatch"}
    assert parse_suppressions(["reviewed. TRILEX: ignore"]) == {"*"}
    assert parse_suppressions(["nothing here"]) == set()


def test_suppression_applies_to_its_unit_and_unused_ones_are_reported():
    seg_ok = Segment("Panel preferences", "การตั้งค่า", "th.po", 13, "Panel preferences",
                     notes=["trilex: ignore[missing-term]"])
    seg_stale = Segment("Open the panel", "เปิดแผง", "th.po", 8, "Open the panel",
                        notes=["trilex: ignore[count-mismatch]"])
    result = apply_suppressions([missing(), forbidden()], [seg_ok, seg_stale])
    assert result.suppressed == [missing()]
    assert result.kept == [forbidden()]
    assert [(f.check, f.location.line) for f in result.unused] == [("unused-suppression", 8)]
    assert "ignore[count-mismatch]" in result.unused[0].message


def report(workdir, **extra) -> Report:
    return Report(findings=[forbidden(), missing()], files=["th.po"], checks=CHECKS, segments_checked=2, **extra)


def test_sarif_is_valid_against_the_official_schema_with_fix(workdir, standards):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((standards / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    load_reporters()
    out = workdir / "out.sarif"
    with open(out, "w", encoding="utf-8") as stream:
        REPORTERS["sarif"](report(workdir, baselined=[missing(line=99, unit="x")]), stream)
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["missing-term", "forbidden-term"]
    first = run["results"][0]
    assert first["ruleId"] == "forbidden-term" and first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    # msgstr "เปิดแผงควบคุม" is on line 8; the span starts after 'msgstr "เปิด' (12 code points).
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (8, 13, 22)
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "แผง"
    assert replacement["deletedRegion"]["startColumn"] == 13
    assert [r.get("baselineState") for r in run["results"]] == ["new", "new", "unchanged"]


def test_junit_parses_and_fails_only_at_fail_on(workdir):
    load_reporters()
    out = workdir / "out.xml"
    with open(out, "w", encoding="utf-8") as stream:
        info = Finding("non-preferred-term", Severity.INFO, "admitted term", Location("clean.po", 3, "u"))
        rep = Report(findings=[forbidden(), missing(), info], files=["th.po", "clean.po", "empty.po"],
                     checks=CHECKS, fail_on="error")
        REPORTERS["junit"](rep, stream)
    root = etree.parse(str(out)).getroot()
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["th.po"].get("failures") == "2"
    assert suites["clean.po"].get("failures") == "0"
    assert "admitted term" in suites["clean.po"].find("testcase/system-out").text
    assert suites["empty.po"].find("testcase").get("name") == "terminology"
    assert root.get("failures") == "2"


def test_github_annotations(workdir):
    load_reporters()
    import io
    stream = io.StringIO()
    REPORTERS["github"](report(workdir), stream)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("::error file=th.po,line=8,col=13,endColumn=22,title=trilex forbidden-term::")
    assert "suggested: แผง" in lines[0]
    assert lines[1].startswith("::error file=th.po,line=13,")
    assert lines[-1].startswith("trilex: 2 finding(s) in 1 file(s)")


def test_github_escapes_newlines_and_commas():
    from trilex.check.reporters.github import annotation
    from trilex.check.sourcemap import SourceMap
    finding = Finding("missing-term", Severity.WARNING, "a\nb 100%", Location("a,b:c.po", None))
    line = annotation(finding, SourceMap())
    assert line == "::warning file=a%2Cb%3Ac.po,title=trilex missing-term::a%0Ab 100%25"
    assert os.linesep not in line
