"""``trilex check`` with the content checks: --list-checks, exit codes by severity, the reports.

Composed PO files (``--no-config``, a temporary working directory, the bundled termbase): a
zh_CN catalogue with a Traditional character, a Thai one with ``เเ`` for ``แ``, and one with a
changed number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli

HEADER = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

"""
ZH_PO = HEADER.format(lang="zh_CN") + """\
#: src/panel.c:10
msgid "Show this panel"
msgstr "顯示此面板"

#: src/panel.c:20
msgid "Remove the panel?"
msgstr "移除面板？"
"""
TH_PO = HEADER.format(lang="th") + """\
#: src/panel.c:10
msgid "Horizontal"
msgstr "เเนวนอน"
"""
NUMBER_PO = HEADER.format(lang="zh_CN") + """\
#: src/panel.c:10
msgid "Wait 30 seconds"
msgstr "等待 20 秒"
"""
ZH_NAME, TH_NAME, NUMBER_NAME = "case.zh_CN.po", "case.th.po", "number.zh_CN.po"
SHOW_LINE = ZH_PO.split("\n").index('msgid "Show this panel"') + 1


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ZH_NAME).write_text(ZH_PO, encoding="utf-8")
    (tmp_path / TH_NAME).write_text(TH_PO, encoding="utf-8")
    (tmp_path / NUMBER_NAME).write_text(NUMBER_PO, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_list_checks_shows_the_content_checks_with_their_severities():
    result = run("--list-checks")
    assert result.exit_code == 0
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines() if line.strip()}
    assert {code: listed.get(code) for code in ("number-mismatch", "punctuation-mismatch", "script-variant",
                                                "thai-spelling", "kept-source-term")} == {
        "number-mismatch": "error", "punctuation-mismatch": "warning", "script-variant": "warning",
        "thai-spelling": "warning", "kept-source-term": "info"}


def test_a_traditional_character_is_a_warning_exit_0_by_default(workdir):
    result = run("--no-config", ZH_NAME)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert (f"{SHOW_LINE:>8}  warning script-variant: '顯' is written in Traditional characters in a Simplified "
            "(zh-CN) target: write '显'") in out
    assert 'fix: replace "顯" with "显"' in out
    assert out.rstrip().splitlines()[-1] == (
        "0 error(s), 1 warning(s), 0 info in 1 file (2 segments): script-variant 1")


def test_fail_on_warning_makes_it_exit_1(workdir):
    assert run("--no-config", "--fail-on", "warning", ZH_NAME).exit_code == 1
    assert run("--no-config", "--fail-on", "error", ZH_NAME).exit_code == 0


def test_the_json_report_has_the_fix_of_the_script_variant(workdir):
    result = run("--no-config", "-f", "json", ZH_NAME)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    [finding] = report["findings"]
    assert (finding["check"], finding["severity"], finding["line"]) == ("script-variant", "warning", SHOW_LINE)
    assert finding["fix"] == {"start": 0, "end": 1, "text": "顯", "replacement": "显"}
    assert {check["code"] for check in report["checks"]} >= {
        "number-mismatch", "punctuation-mismatch", "script-variant", "thai-spelling", "kept-source-term"}


def test_a_thai_spelling_warning_and_its_fix(workdir):
    result = run("--no-config", "-f", "json", "--fail-on", "warning", TH_NAME)
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["check"] == "thai-spelling"
    assert finding["fix"] == {"start": 0, "end": 2, "text": "เเ", "replacement": "แ"}


def test_a_changed_number_is_an_error_exit_1(workdir):
    result = run("--no-config", NUMBER_NAME)
    assert result.exit_code == 1, result.output
    assert "error   number-mismatch: the source number '30' (30) is not in the target; the target has '20' (20)" \
        in result.stdout


def test_only_the_content_check_asked_for(workdir):
    result = run("--no-config", "-f", "json", "-c", "punctuation-mismatch", ZH_NAME, TH_NAME, NUMBER_NAME)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []  # 移除面板？ keeps its question mark
    result = run("--no-config", "-f", "json", "-c", "script-variant,thai-spelling", ZH_NAME, TH_NAME, NUMBER_NAME)
    assert sorted(f["check"] for f in json.loads(result.stdout)["findings"]) == ["script-variant", "thai-spelling"]
