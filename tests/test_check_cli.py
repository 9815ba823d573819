"""``trilex check`` through click's CliRunner (exit codes, formats, output file) and one real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli

DATA = Path(__file__).parent / "data" / "check"
TBX = str(DATA / "xfce.tbx")

# A PO file shaped like msgmerge writes it: header, references, one fuzzy entry.
PO = """\
# Thai translation of a tiny panel catalogue.
msgid ""
msgstr ""
"Project-Id-Version: tiny-panel\\n"
"Language: th\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#: panel/panel-window.c:120
msgid "Add a new panel"
msgstr "เพิ่มพาเนลใหม่"

#: panel/panel-dialog.c:40
msgid "Remove the panel"
msgstr "ลบแผงนี้"

#: plugins/launcher.c:77
msgid "Open the desktop file"
msgstr "เปิดแฟ้มเดสก์ท็อป"
"""


@pytest.fixture
def po_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.th.po"
    path.write_text(PO, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


def test_text_report_exit_1_on_errors(po_file):
    result = run("-t", TBX, str(po_file))
    assert result.exit_code == 1, result.output
    out = result.output
    assert out.startswith(f"{po_file}\n")
    assert "15  error   forbidden-term: \"แผง\" is a deprecated term: replace it with \"พาเนล\"" in out
    assert "target: ลบ⟦แผง⟧นี้" in out  # the span is marked without colour off a terminal
    assert "\x1b[" not in out
    assert 'fix: replace "แฟ้ม" with "ไฟล์"' in out
    assert out.rstrip().splitlines()[-1] == (
        "2 error(s), 0 warning(s), 1 info in 1 file (3 segments): forbidden-term 2, non-preferred-term 1")


def test_fail_on_decides_the_exit_code(po_file, tmp_path):
    clean = tmp_path / "clean.th.po"
    clean.write_text(PO.split("#: panel/panel-dialog.c:40")[0], encoding="utf-8")
    assert run("-t", TBX, str(clean)).exit_code == 0
    assert run("-t", TBX, "--fail-on", "never", str(po_file)).exit_code == 0
    only_info = run("-t", TBX, "--checks", "non-preferred-term", str(po_file))
    assert only_info.exit_code == 0
    assert run("-t", TBX, "--checks", "non-preferred-term", "--fail-on", "info", str(po_file)).exit_code == 1


def test_json_report_follows_the_schema(po_file, tmp_path):
    out = tmp_path / "report.json"
    result = run("-t", TBX, "--format", "json", "-o", str(out), str(po_file))
    assert result.exit_code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["version"] == 1
    assert report["summary"] == {"total": 3, "by_severity": {"error": 2, "warning": 0, "info": 1},
                                 "by_check": {"forbidden-term": 2, "non-preferred-term": 1}}
    first = report["findings"][0]
    assert {key: first[key] for key in ("line", "unit_id", "check", "severity", "suggestion")} == {
        "line": 15, "unit_id": "Remove the panel", "check": "forbidden-term", "severity": "error",
        "suggestion": "พาเนล"}
    assert first["target_span"] == {"start": 2, "end": 5, "text": "แผง"}
    assert first["fix"] == {"start": 2, "end": 5, "text": "แผง", "replacement": "พาเนล"}
    assert set(first) >= {"file", "column", "message", "concept", "source", "target", "source_span", "related"}


def test_unreadable_input_is_one_line_and_exit_2(tmp_path):
    broken = tmp_path / "broken.th.po"
    broken.write_bytes(b'msgid "a"\nmsgstr "\xff\xfe"\n')
    result = run("-t", TBX, str(broken))
    assert result.exit_code == 2
    assert str(broken) in result.output and "Traceback" not in result.output
    missing = run("-t", TBX, str(tmp_path / "nope.xlf"))
    assert missing.exit_code == 2


def test_usage_errors_exit_2(po_file):
    assert run().exit_code == 2
    unknown = run("-t", TBX, "--checks", "missing-terms", str(po_file))
    assert unknown.exit_code == 2 and "unknown check 'missing-terms'" in unknown.output
    assert run("-t", TBX, "--parallel", "a.txt", "b.txt").exit_code == 2  # needs --source/--target


def test_parallel_text_and_list_checks(tmp_path):
    source, target = tmp_path / "news.en.txt", tmp_path / "news.th.txt"
    source.write_text("Open the panel\nClose the window\n", encoding="utf-8")
    target.write_text("เปิดพาเนล\nปิดเมนู\n", encoding="utf-8")
    result = run("-t", TBX, "--source", "en", "--target", "th", "--parallel", str(source), str(target))
    assert result.exit_code == 1
    assert "missing-term: \"window\" is not translated with the termbase term: use \"หน้าต่าง\"" in result.output
    listing = run("--list-checks")
    assert listing.exit_code == 0
    codes = [line.split()[0] for line in listing.output.splitlines()]
    assert codes[:4] == ["missing-term", "forbidden-term", "non-preferred-term", "count-mismatch"]
    assert {"inconsistent-term", "variant-term"} <= set(codes)


def test_a_real_process_reports_bad_input_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text><body><conceptEntry", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "trilex", "check", "-t", str(bad), str(tmp_path / "x.po")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and str(bad) in proc.stderr


def test_bundled_termbase_on_the_sample_composed_from_the_seed_glosses():
    """tests/data/check/seed-sample.th-zh.tsv: six th→zh lines written with the seed articles' terms."""
    result = run("--format", "json", str(DATA / "seed-sample.th-zh.tsv"))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = [(f["line"], f["check"], f["source_span"]["text"], f["suggestion"]) for f in report["findings"]]
    assert found == [
        (3, "missing-term", "คลังข้อมูลภาษาอาเซียน", "东盟国家语料库"),  # 东盟语料库 drops 国家
        (7, "missing-term", "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน", "中国—东盟人工智能数据中心"),
    ]  # line 4 renders the short form ศูนย์หนาน เอ by the short form 南 A中心: not a finding


def test_input_format_names_the_format_the_extension_cannot_tell(tmp_path):
    po = tmp_path / "messages.json"
    po.write_text('msgid ""\nmsgstr ""\n"Language: th\\n"\n\nmsgid "Open file"\nmsgstr "เปิดแฟ้ม"\n',
                  encoding="utf-8")
    termbase = Path(__file__).parent / "data" / "ci" / "sample-repo" / "terms" / "product.tbx"
    result = run("-t", str(termbase), "--input-format", "po", "--source", "en", "--format", "json", str(po))
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["check"], finding["suggestion"]) == (5, "forbidden-term", "ไฟล์")
