"""``trilex suggest`` and :func:`trilex.check.suggest.suggest`: terms in a sentence, with translations."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from trilex.check.index import TermIndex
from trilex.check.suggest import suggest
from trilex.cli.main import cli
from trilex.termbase import load

TBX = str(Path(__file__).parent / "data" / "check" / "xfce.tbx")


def test_suggest_lists_spans_statuses_and_approved_terms():
    text = "เพิ่มแผงใหม่และไฟล์เดสก์ท็อป"
    found = suggest(text, TermIndex(load(TBX)), "th", ["zh", "en"])
    assert [(s.span.text, s.span.start, s.span.end, s.term.status) for s in found] == [
        ("แผง", 5, 8, "deprecated"), ("ไฟล์", 15, 19, "preferred"), ("เดสก์ท็อป", 19, 28, "admitted")]
    panel = found[0]
    assert [t.text for t in panel.other_names] == ["พาเนล"]
    assert {t.lang: [a.text for a in t.approved] for t in panel.targets} == {"zh": ["面板"], "en": ["panel"]}
    plugin = suggest("plug-in", TermIndex(load(TBX)), "en", ["th"])
    assert plugin[0].term.status == "admitted" and [t.text for t in plugin[0].other_names] == ["plugin"]


def test_cli_text_and_json():
    runner = CliRunner()
    result = runner.invoke(cli, ["suggest", "-t", TBX, "Close the window", "--from", "en", "--to", "th,zh"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "window  [10-16]  preferred  concept window", "  th: หน้าต่าง (preferred)", "  zh: 窗口 (preferred)"]
    as_json = runner.invoke(cli, ["suggest", "-t", TBX, "-", "--from", "th", "--format", "json"],
                            input="ลบแผงนี้\n")
    assert as_json.exit_code == 0
    document = json.loads(as_json.output)
    assert document["version"] == 1 and document["text"] == "ลบแผงนี้"
    assert document["target_langs"] == ["en", "zh"]
    [term] = document["terms"]
    assert (term["start"], term["end"], term["text"], term["concept"]) == (2, 5, "แผง", "panel")
    assert term["term"]["status"] == "deprecated"
    assert term["targets"]["zh"]["approved"][0]["text"] == "面板"
    assert term["other_names"] == [{"text": "พาเนล", "status": "preferred", "term_type": None}]


def test_cli_says_when_nothing_is_found_and_errors_exit_2(tmp_path):
    runner = CliRunner()
    nothing = runner.invoke(cli, ["suggest", "-t", TBX, "สวัสดี", "--from", "th"])
    assert nothing.exit_code == 0 and "no termbase terms found" in nothing.output
    missing = runner.invoke(cli, ["suggest", "-t", str(tmp_path / "none.tbx"), "x"])
    assert missing.exit_code == 2 and "none.tbx" in missing.output
