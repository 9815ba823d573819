"""``trilex check`` with the QA checks: exit codes, the five report formats, configuration,
inline suppressions and bad input — on a PO file with QA defects and no ``-t`` termbase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from trilex.check.qa import DOCUMENT_CHECKS, RUN_CHECKS, UNIT_CHECKS
from trilex.cli.main import cli

PO = """\
# Thai translation with QA defects.
msgid ""
msgstr ""
"Language: th\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

#: src/panel.c:10
#, c-format
msgid "Internal name: %s"
msgstr "ชื่อภายใน: %d"

#: src/panel.c:20
msgid "<b>General</b>"
msgstr "<b>ทั่วไป"

# trilex: ignore[placeholder-mismatch]
#: src/panel.c:30
#, c-format
msgid "Deleted %d files"
msgstr "ลบไฟล์แล้ว"

#: src/panel.c:40
#, fuzzy, c-format
msgid "Moved %d files"
msgstr "ย้ายไฟล์แล้ว"

#: src/panel.c:50
#, c-format
msgid "Saved %d files to %s"
msgstr "บันทึก %d ไฟล์ไปยัง %d แล้ว"
"""
NAME = "case.th.po"
LINES = PO.split("\n")


def line_of(text: str) -> int:
    return LINES.index(text) + 1


ALTERED = line_of('msgid "Internal name: %s"')  # %s → %d
BOLD = line_of('msgid "<b>General</b>"')  # </b> lost
FUZZY = line_of('msgid "Moved %d files"')  # %d lost, fuzzy
SAVED = line_of('msgid "Saved %d files to %s"')  # %s → %d, and %d is in the msgid too
SUPPRESSED = line_of('msgid "Deleted %d files"')


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / NAME).write_text(PO, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_text_report_exit_1_and_summary(workdir):
    result = run("--no-config", NAME)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert f"{ALTERED:>8}  error   placeholder-mismatch: '%s' in the source is altered to '%d' in the target" in out
    assert f"{BOLD:>8}  error   tag-mismatch: </b> in the source is missing in the target" in out
    assert f"{FUZZY:>8}  info    placeholder-mismatch: '%d' in the source is missing in the target" in out
    assert 'fix: replace "%d" with "%s"' in out
    assert f"{SUPPRESSED:>8}" not in out
    assert out.rstrip().splitlines()[-1] == (
        "3 error(s), 0 warning(s), 1 info in 1 file (5 segments): placeholder-mismatch 3, tag-mismatch 1")
    assert "1 finding(s) suppressed inline" in result.stderr


def test_json_report(workdir):
    result = run("--no-config", "-f", "json", NAME)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = sorted((f["line"], f["check"], f["severity"], f["unfinished"]) for f in report["findings"])
    assert found == [(ALTERED, "placeholder-mismatch", "error", False), (BOLD, "tag-mismatch", "error", False),
                     (FUZZY, "placeholder-mismatch", "info", True), (SAVED, "placeholder-mismatch", "error", False)]
    altered = next(f for f in report["findings"] if f["line"] == ALTERED)
    assert altered["unit_id"] == "Internal name: %s"
    assert altered["fix"] == {"start": 11, "end": 13, "text": "%d", "replacement": "%s"}
    assert altered["source_span"] == {"start": 15, "end": 17, "text": "%s"}
    assert report["summary"]["by_check"] == {"placeholder-mismatch": 3, "tag-mismatch": 1}
    assert {check["code"] for check in report["checks"]} >= set(UNIT_CHECKS) | set(DOCUMENT_CHECKS) | set(RUN_CHECKS)


def sarif_results(workdir) -> list[dict]:
    result = run("--no-config", "-f", "sarif", NAME)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    rules = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules >= set(UNIT_CHECKS) | set(DOCUMENT_CHECKS) | set(RUN_CHECKS)
    return log["runs"][0]["results"]


def by_line(results: list[dict], line: int) -> dict:
    [result] = [r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] in (line, line + 1)
                and "suppressions" not in r]
    return result


def test_sarif_has_a_fix_for_an_altered_placeholder(workdir):
    results = sarif_results(workdir)
    result = by_line(results, ALTERED)
    assert (result["ruleId"], result["level"]) == ("placeholder-mismatch", "error")
    msgstr_line = ALTERED + 1
    column = LINES[msgstr_line - 1].index("%d") + 1
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": msgstr_line, "startColumn": column, "endLine": msgstr_line, "endColumn": column + 2,
        "snippet": {"text": "ชื่อภายใน: %d"}}
    [fix] = result["fixes"]
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement == {"deletedRegion": {"startLine": msgstr_line, "startColumn": column,
                                             "endLine": msgstr_line, "endColumn": column + 2},
                           "insertedContent": {"text": "%s"}}
    assert fix["artifactChanges"][0]["artifactLocation"]["uri"] == NAME
    fuzzy = by_line(results, FUZZY)
    assert fuzzy["level"] == "note" and "fixes" not in fuzzy
    [suppressed] = [r for r in results if "suppressions" in r]
    assert suppressed["ruleId"] == "placeholder-mismatch" and suppressed["suppressions"] == [{"kind": "inSource"}]


@pytest.mark.parametrize("output", ["sarif", "github"])
def test_a_target_span_is_located_in_the_msgstr_even_when_the_msgid_has_the_same_text(workdir, output):
    msgstr_line = SAVED + 1
    column = LINES[msgstr_line - 1].rindex("%d") + 1
    if output == "sarif":
        result = by_line(sarif_results(workdir), SAVED)
        deleted = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
        assert (deleted["startLine"], deleted["startColumn"]) == (msgstr_line, column)
    else:
        lines = run("--no-config", "-f", "github", NAME).stdout.splitlines()
        [annotation] = [line for line in lines if "altered" in line and "title=trilex placeholder-mismatch" in line
                        and f"line={ALTERED}," not in line and f"line={ALTERED + 1}," not in line]
        assert f"line={msgstr_line},col={column}," in annotation


def test_junit_report(workdir):
    result = run("--no-config", "-f", "junit", NAME)
    assert result.exit_code == 1
    suites = etree.fromstring(result.stdout.encode("utf-8"))
    [suite] = suites
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == (NAME, "4", "3")
    failures = {case.get("name"): case.find("failure").get("type") for case in suite if case.find("failure") is not None}
    assert failures == {f"Internal name: %s (line {ALTERED})": "placeholder-mismatch",
                        f"<b>General</b> (line {BOLD})": "tag-mismatch",
                        f"Saved %d files to %s (line {SAVED})": "placeholder-mismatch"}
    fuzzy = next(case for case in suite if case.get("name") == f"Moved %d files (line {FUZZY})")
    assert fuzzy.find("failure") is None and "info [placeholder-mismatch]" in fuzzy.find("system-out").text


def test_github_report(workdir):
    result = run("--no-config", "-f", "github", NAME)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    msgstr_line = ALTERED + 1
    column = LINES[msgstr_line - 1].index("%d") + 1
    assert (f"::error file={NAME},line={msgstr_line},col={column},endColumn={column + 2},"
            "title=trilex placeholder-mismatch::'%25s' in the source is altered to '%25d' in the target "
            "(suggested: %25s)") in lines
    assert any(line.startswith(f"::error file={NAME},line={BOLD},") and "title=trilex tag-mismatch" in line
               for line in lines)
    assert any(line.startswith("::notice ") and f"line={FUZZY}," in line for line in lines)
    assert lines[-1] == "trilex: 4 finding(s) in 1 file(s) (placeholder-mismatch: 3, tag-mismatch: 1)"


def test_list_checks_lists_every_qa_code():
    result = run("--list-checks")
    assert result.exit_code == 0
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    qa_codes = set(UNIT_CHECKS) | set(DOCUMENT_CHECKS) | set(RUN_CHECKS)
    assert qa_codes >= {"placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch",
                        "url-mismatch", "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation"}
    assert qa_codes <= set(listed)
    assert {code: listed[code] for code in ("placeholder-mismatch", "tag-mismatch", "plural-forms")} == dict.fromkeys(
        ("placeholder-mismatch", "tag-mismatch", "plural-forms"), "error")
    assert {listed[code] for code in ("accelerator-mismatch", "whitespace-mismatch", "url-mismatch", "untranslated",
                                      "header-mismatch", "inconsistent-translation")} == {"warning"}


def test_only_the_checks_asked_for(workdir):
    result = run("--no-config", "-f", "json", "-c", "tag-mismatch", NAME)
    assert result.exit_code == 1
    found = [f["check"] for f in json.loads(result.stdout)["findings"] if f["check"] != "unused-suppression"]
    assert found == ["tag-mismatch"]


def write_config(workdir: Path, text: str) -> str:
    (workdir / "trilex.toml").write_text(text, encoding="utf-8")
    return str(workdir / "trilex.toml")


def test_config_turns_a_qa_check_off_or_lowers_it(workdir):
    config = write_config(workdir, '[checks]\nplaceholder-mismatch = "off"\n')
    result = run("--config", config, "-f", "json", NAME)
    assert result.exit_code == 1  # the tag error is left
    found = [f["check"] for f in json.loads(result.stdout)["findings"]]
    assert "tag-mismatch" in found and "placeholder-mismatch" not in found
    config = write_config(workdir, '[checks]\nplaceholder-mismatch = "warning"\ntag-mismatch = "info"\n')
    result = run("--config", config, "-f", "json", NAME)
    assert result.exit_code == 0
    severities = sorted((f["line"], f["severity"]) for f in json.loads(result.stdout)["findings"])
    assert severities == [(ALTERED, "warning"), (BOLD, "info"), (FUZZY, "info"), (SAVED, "warning")]


@pytest.mark.parametrize("how", ["config off", "-c"])
def test_a_suppression_of_a_check_that_did_not_run_is_not_unused(workdir, how):
    if how == "-c":
        result = run("--no-config", "-f", "json", "-c", "tag-mismatch", NAME)
    else:
        result = run("--config", write_config(workdir, '[checks]\nplaceholder-mismatch = "off"\n'), "-f", "json", NAME)
    assert [f["check"] for f in json.loads(result.stdout)["findings"]] == ["tag-mismatch"]


@pytest.mark.parametrize(("value", "expected"), [("off", []), ("error", ["error"]), ("warning", ["warning"])])
def test_config_unfinished(workdir, value, expected):
    config = write_config(workdir, f'unfinished = "{value}"\n')
    result = run("--config", config, "-f", "json", NAME)
    found = [f["severity"] for f in json.loads(result.stdout)["findings"] if f["line"] == FUZZY]
    assert found == expected


def test_inline_suppression_of_a_qa_check(workdir):
    result = run("--no-config", "-f", "json", NAME)
    lines = [f["line"] for f in json.loads(result.stdout)["findings"]]
    assert SUPPRESSED not in lines
    unsuppressed = PO.replace("# trilex: ignore[placeholder-mismatch]\n", "")
    (workdir / NAME).write_text(unsuppressed, encoding="utf-8")
    result = run("--no-config", "-f", "json", NAME)
    assert SUPPRESSED - 1 in [f["line"] for f in json.loads(result.stdout)["findings"]]
    # a suppression naming another check suppresses nothing, and says so
    (workdir / NAME).write_text(PO.replace("ignore[placeholder-mismatch]", "ignore[url-mismatch]"), encoding="utf-8")
    found = [(f["line"], f["check"]) for f in json.loads(run("--no-config", "-f", "json", NAME).stdout)["findings"]]
    assert (SUPPRESSED, "placeholder-mismatch") in found and (SUPPRESSED, "unused-suppression") in found


def test_config_placeholders_and_accelerator_for_a_document_group(workdir):
    (workdir / "ui.th.csv").write_text(
        "source,target\n"
        '"{count, plural, one {# file} other {# files}}","{n, plural, other {# ไฟล์}}"\n'
        '"Save ~File now","บันทึกไฟล์ตอนนี้"\n', encoding="utf-8")
    config = write_config(workdir, '[[documents]]\npaths = ["*.csv"]\nsource = "en"\ntarget = "th"\n'
                                   'placeholders = ["icu"]\naccelerator = "~"\n')
    result = run("--config", config, "-f", "json", "ui.th.csv")
    found = sorted((f["line"], f["check"], f["message"]) for f in json.loads(result.stdout)["findings"])
    assert found == [
        (2, "placeholder-mismatch", "ICU argument(s) '{count}' of the source missing in the target"),
        (2, "placeholder-mismatch", "ICU argument(s) '{n}' in the target are not in the source"),
        (3, "accelerator-mismatch", "the source has the accelerator '~F', the target has none")]
    # placeholders = [] turns placeholder syntaxes off for the group
    config = write_config(workdir, '[[documents]]\npaths = ["*.csv"]\nsource = "en"\ntarget = "th"\nplaceholders = []\n')
    result = run("--config", config, "-f", "json", "ui.th.csv")
    assert [f["check"] for f in json.loads(result.stdout)["findings"]] == []


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize(("name", "content", "fragments"), [
    ("bad.th.po", 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n', ("bad.th.po:3:", "msgstr[0] given twice")),
    ("bad.th.po", 'msgid "a\nmsgstr "b"\n', ("bad.th.po:1:", "expected a quoted string")),
    ("bad.th.po", 'msgid "a"\nmsgstr[1] "b"\n', ("bad.th.po:1:", "msgstr[n] in a message without msgid_plural")),
    ("bad.th.po", 'msgid "a\\q"\nmsgstr "b"\n', ("bad.th.po:1:", "unknown escape sequence")),
    ("bad.th.po", 'msgid ""\nmsgstr ""\n"Language: not a tag!\\n"\n\nmsgid "a"\nmsgstr "b"\n',
     ("bad.th.po:1:", "is not a language tag")),
    ("bad.th.xlf", '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="th">'
                   '<body><trans-unit id="1"><source>a</source>\n<target>b</trans-unit></body></file></xliff>\n',
     ("bad.th.xlf:3:", "malformed XML")),
])
def test_malformed_input_is_one_line_exit_2(workdir, name, content, fragments):
    (workdir / name).write_text(content, encoding="utf-8")
    assert_one_line_error(run("--no-config", NAME, name), *fragments)


@pytest.mark.parametrize(("config", "fragments"), [
    ('[[documents]]\npaths = ["*.po"]\nplaceholders = ["printf", "jinja"]\n',
     ("trilex.toml:3:", "documents[1].placeholders", "unknown syntax 'jinja'")),
    ('[[documents]]\npaths = ["*.po"]\nplaceholders = 3\n',
     ("trilex.toml:3:", "documents[1].placeholders", "expected a string or a list of strings")),
    ('[[documents]]\npaths = ["*.po"]\naccelerator = "~~"\n', ("trilex.toml:3:", "'~~' is not one character")),
    ('unfinished = "sometimes"\n', ("trilex.toml:1:", "unfinished", "'sometimes'")),
    ('[checks]\nplaceholder-mismatch = "loud"\n', ("trilex.toml:2:", "checks.placeholder-mismatch", "'loud'")),
    ('[checks]\nplaceholders-mismatch = "off"\n', ("trilex.toml:2:", "unknown check")),
])
def test_bad_config_is_one_line_exit_2(workdir, config, fragments):
    assert_one_line_error(run("--config", write_config(workdir, config), NAME), *fragments)


WHITESPACE_PO = """\
msgid ""
msgstr ""
"Language: th\\n"

msgid "Line one"
msgstr "บรรทัดหนึ่ง\\n"

msgid "Name: "
msgstr "ชื่อ:"
"""


def test_text_report_keeps_a_whitespace_finding_on_its_lines(workdir):
    (workdir / "ws.th.po").write_text(WHITESPACE_PO, encoding="utf-8")
    out = run("--no-config", "ws.th.po").stdout
    target_lines = [line for line in out.splitlines() if line.strip().startswith("target:")]
    assert len(target_lines) == 2 and all("⟦" in line and "⟧" in line for line in target_lines)
    assert all(line.count('"') == 4 for line in out.splitlines() if line.strip().startswith("fix:"))


def test_sarif_has_fixes_for_white_space(workdir):
    (workdir / "ws.th.po").write_text(WHITESPACE_PO, encoding="utf-8")
    log = json.loads(run("--no-config", "-f", "sarif", "ws.th.po").stdout)
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "whitespace-mismatch"]
    assert len(results) == 2
    assert all("fixes" in result for result in results)
