"""A sample repository (config + termbase + PO/XLIFF with known violations) checked end to end.

tests/data/ci/sample-repo holds a [tool.trilex] config, a TBX termbase, a Thai PO and a Chinese
XLIFF file with deprecated terms, two inline suppressions that are used and one that is not,
and a vendored folder the config ignores.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from trilex.cli.main import cli

SAMPLE = Path(__file__).parent / "data" / "ci" / "sample-repo"

EXPECTED = {
    ("locale/th.po", 11, "forbidden-term"),
    ("locale/th.po", 15, "forbidden-term"),
    ("locale/th.po", 25, "unused-suppression"),
    ("locale/zh.xlf", 5, "forbidden-term"),
    ("locale/zh.xlf", 3, "header-mismatch"),  # info: named zh, declares zh-CN
}

NEW_UNIT = '\n#: src/file.c:99\nmsgid "Delete file"\nmsgstr "ลบแฟ้ม"\n'


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root)
    monkeypatch.chdir(root)
    return root


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def findings(result) -> set[tuple[str, int, str]]:
    data = json.loads(result.stdout)
    return {(Path(f["file"]).as_posix(), f["line"], f["check"]) for f in data["findings"]}


def test_config_drives_the_run_and_suppressions_apply(repo):
    result = run("--format", "json")
    assert result.exit_code == 1, result.output
    assert findings(result) == EXPECTED  # vendor/ ignored, two findings suppressed inline
    assert "2 finding(s) suppressed inline" in result.stderr


def test_files_named_on_the_command_line_take_languages_and_termbase_from_the_config(repo):
    # what pre-commit does: pass the changed files
    result = run("locale/zh.xlf", "--format", "json")
    assert result.exit_code == 1
    assert findings(result) == {("locale/zh.xlf", 5, "forbidden-term"), ("locale/zh.xlf", 3, "header-mismatch")}
    ignored = run("locale/vendor/th.po", "--format", "json")
    assert ignored.exit_code == 2  # nothing left to check: a usage error, not a silent pass


def test_baseline_adoption_then_only_new_findings_fail(repo):
    adopted = run("--update-baseline")
    assert adopted.exit_code == 0, adopted.output
    assert len((repo / "trilex-baseline.txt").read_text(encoding="utf-8").splitlines()) == 1 + len(EXPECTED)
    assert run().exit_code == 0

    # Edits above the known findings move their lines: the baseline still holds.
    po = repo / "locale" / "th.po"
    text = po.read_text(encoding="utf-8")
    header_end = text.index("\n\n") + 2
    po.write_text(text[:header_end] + '#: src/about.c:1\nmsgid "About"\nmsgstr "เกี่ยวกับ"\n\n'
                  + text[header_end:], encoding="utf-8")
    assert run().exit_code == 0

    # A new violation fails the run, and only it is reported.
    po.write_text(po.read_text(encoding="utf-8") + NEW_UNIT, encoding="utf-8")
    result = run("--format", "json")
    assert result.exit_code == 1
    assert {(f, c) for f, _, c in findings(result)} == {("locale/th.po", "forbidden-term")}
    assert json.loads(result.stdout)["findings"][0]["target"] == "ลบแฟ้ม"


def test_fixed_findings_show_as_stale_baseline_entries(repo):
    assert run("--update-baseline").exit_code == 0
    xlf = repo / "locale" / "zh.xlf"
    xlf.write_text(xlf.read_text(encoding="utf-8").replace("保存档案", "保存文件"), encoding="utf-8")
    result = run()
    assert result.exit_code == 0
    assert "1 stale entry" in result.stderr


def test_sarif_output_is_schema_valid_and_written_atomically(repo, standards):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((standards / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = run("--format", "sarif", "--output", "trilex.sarif")
    assert result.exit_code == 1
    assert "3 error(s), 1 warning(s)" in result.stderr  # the human summary still shows
    log = json.loads((repo / "trilex.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    rules = {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    assert {"missing-term", "forbidden-term", "unused-suppression"} <= rules
    assert "count-mismatch" not in rules  # turned off in the config
    fixes = [r for r in run_["results"] if r.get("fixes")]
    assert {r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            for r in fixes} == {"แผง", "ไฟล์", "文件"}
    suppressed = [r for r in run_["results"] if r.get("suppressions")]
    assert len(suppressed) == 2


def test_junit_and_github_formats(repo):
    junit = run("--format", "junit")
    root = etree.fromstring(junit.stdout.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("failures") == "3"
    github = run("--format", "github").stdout.splitlines()
    assert sum(line.startswith("::error file=locale/th.po,line=") for line in github) == 2
    assert any(line.startswith("::warning file=locale/th.po,line=25,") for line in github)


def test_fail_on_from_the_command_line_overrides_the_config(repo):
    assert run("--fail-on", "never").exit_code == 0
    # the unused 'ignore[forbidden-term]' is a warning: it fails the run only with --fail-on warning
    assert run("--checks", "forbidden-term,unused-suppression", "--fail-on", "warning").exit_code == 1
    assert run("--checks", "unused-suppression", "--fail-on", "warning").exit_code == 0  # forbidden-term did not run


@pytest.mark.parametrize("edit, message", [
    (('fail-on = "error"', 'fail-on = "sometimes"'), "pyproject.toml:7: tool.trilex.fail-on: 'sometimes' is not one of"),
    (('count-mismatch = "off"', 'spelling = "off"'), "pyproject.toml:15: tool.trilex.checks.spelling: unknown check"),
    (("termbases =", "termbase ="), "pyproject.toml:6: tool.trilex.termbase: unknown key"),
])
def test_config_errors_are_one_line_exit_2(repo, edit, message):
    config = repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    result = run()
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(str(config.resolve()).rsplit("/", 1)[0] + "/" + message)


def test_show_config_prints_the_merged_configuration(repo):
    result = run("--show-config", "--fail-on", "warning")
    assert result.exit_code == 0
    assert 'termbases = ["terms/product.tbx"]' in result.stdout
    assert 'count-mismatch = "off"' in result.stdout
