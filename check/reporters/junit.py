"""JUnit XML output for GitLab, Jenkins and other CI servers (``--format junit``).

One ``<testsuite>`` per checked file. A file without findings is one passing test case; a file
with findings has one test case per unit (segment) with findings. Findings at or above the
run's ``fail-on`` severity are ``<failure>`` elements (one per test case, listing every such
finding of the unit); findings below it are listed in ``<system-out>`` and do not fail.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from trilex.check.findings import Finding
from trilex.check.report import Report, reporter

if TYPE_CHECKING:
    from lxml import etree


def _case_name(finding: Finding) -> str:
    loc = finding.location
    if loc.unit_id:
        return f"{loc.unit_id}" + (f" (line {loc.line})" if loc.line else "")
    return f"line {loc.line}" if loc.line else "document"


def _describe(finding: Finding) -> str:
    return f"{finding.location}: {finding.severity.value} [{finding.check}] {finding.message}"


def build_junit(report: Report) -> etree._Element:
    """The JUnit ``<testsuites>`` element of ``report``."""
    from lxml import etree

    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in [*report.findings, *report.unused_suppressions]:
        by_file[finding.location.path][_case_name(finding)].append(finding)
    files = list(dict.fromkeys([*report.files, *by_file]))
    suites = etree.Element("testsuites", name="trilex check")
    total_tests = total_failures = 0
    for path in files:
        cases = by_file.get(path, {})
        suite = etree.SubElement(suites, "testsuite", name=path)
        failures = 0
        if not cases:
            etree.SubElement(suite, "testcase", classname=path, name="terminology")
        for name, findings in cases.items():
            case = etree.SubElement(suite, "testcase", classname=path, name=name)
            failing = [f for f in findings if report.fails(f)]
            if failing:
                failures += 1
                failure = etree.SubElement(case, "failure", type=failing[0].check,
                                           message="; ".join(f.message for f in failing))
                failure.text = "\n".join(_describe(f) for f in failing)
            passing = [f for f in findings if not report.fails(f)]
            if passing:
                etree.SubElement(case, "system-out").text = "\n".join(_describe(f) for f in passing)
        tests = max(1, len(cases))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += tests
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", "0")
    return suites


@reporter("junit")
def report_junit(report: Report, stream: TextIO) -> None:
    """Write ``report`` as JUnit XML."""
    from lxml import etree

    stream.write(etree.tostring(build_junit(report), encoding="unicode", pretty_print=True,
                                doctype='<?xml version="1.0" encoding="UTF-8"?>'))
