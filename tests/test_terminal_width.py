"""Terminal columns by display width (wcwidth): Thai marks take none, Chinese characters two.

``tbx show``, ``tbx stats`` and the text report lay out their columns with
:mod:`trilex.terminal`; these tests check the columns line up on screen, not in code points.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from trilex.check.findings import Finding, Location, Severity, Span
from trilex.check.report import Report
from trilex.check.reporters.text import CONTEXT, mark_span, write_text
from trilex.cli.main import cli
from trilex.terminal import align, cut, display_width, pad

DATA = Path(__file__).resolve().parent / "data" / "pages"


def test_display_width_by_script():
    assert display_width("data") == 4
    assert display_width("ศูนย์ข้อมูล") == 7      # 11 code points, 4 marks above or below
    assert display_width("กำ") == 2              # SARA AM is a spacing vowel
    assert display_width("数据中心") == 8
    assert display_width("ＡＩ") == 4             # full-width forms
    assert display_width("a\u200bb") == 2          # zero width space
    assert display_width("e\u0301") == 1           # combining acute
    assert display_width("x\x01y") == 2            # a control character takes no column


def test_pad_and_align_by_display_width():
    assert pad("数据", 6) == "数据  " and pad("ศูนย์", 5, right=True) == "  ศูนย์"
    rows = align([["th", "zh", "en"], ["ศูนย์ข้อมูล", "数据中心", "data center"], ["ก", "南 A中心", "x"]])
    starts = {display_width(row[: row.index(word)]) for row, word in zip(rows, ("en", "data center", "x"))}
    assert len(starts) == 1
    assert align([["n"], ["1234"]], right=[0]) == ["   n", "1234"]


def test_cut_keeps_thai_marks_with_their_letter():
    assert cut("ศูนย์ข้อมูล", 3) == "ศูนย์"          # ศู น ย์: three columns, marks kept
    assert cut("ศูนย์ข้อมูล", 3, from_end=True) == "อมูล"
    assert cut("数据中心", 5) == "数据" and cut("数据中心", 5, from_end=True) == "中心"
    assert cut("abcdef", 3) == "abc" and cut("abcdef", 3, from_end=True) == "def"
    for width in range(12):
        for piece in (cut("กี่ที่นี่ก็ได้", width), cut("กี่ที่นี่ก็ได้", width, from_end=True)):
            assert display_width(piece) <= width
            assert not piece or display_width(piece[0]) > 0   # never starts with a mark


def test_text_report_context_is_measured_in_columns():
    chinese = "数" * 100 + "南A中心" + "据" * 100
    marked = mark_span(chinese, Span(100, 105, "南A中心"), colour=False)
    before, after = marked.split("⟦")[0], marked.split("⟧")[1]
    assert display_width(before) == CONTEXT + 1 and display_width(after) == CONTEXT + 1  # with the …
    thai = "ที่นี่" * 60 + "แผง" + "ที่นี่" * 60
    marked = mark_span(thai, Span(360, 363, "แผง"), colour=False)
    assert display_width(marked.split("⟦")[0]) <= CONTEXT + 1
    assert len(marked.split("⟦")[0]) > CONTEXT                            # more code points than columns


def test_text_report_aligns_unit_ids_by_width():
    import io

    findings = [Finding("missing-term", Severity.ERROR, "m", Location("a.xlf", None, "单元1")),
                Finding("missing-term", Severity.ERROR, "m", Location("a.xlf", None, "u1"))]
    stream = io.StringIO()
    write_text(Report(findings, files=["a.xlf"]), stream)
    lines = [line for line in stream.getvalue().splitlines() if line.startswith("  ")]
    assert {display_width(line[: line.index("error")]) for line in lines} == {10}


def test_tbx_stats_counts_right_aligned():
    result = CliRunner().invoke(cli, ["tbx", "stats", str(DATA / "glossary.tbx")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()[1:]
    header = lines[0]
    for line in lines[1:]:
        assert len(line) == len(header)                       # ASCII rows: same length
        assert line.split()[0] in ("th-TH", "zh-CN", "en-US")


def test_tbx_show_columns_line_up_on_screen():
    result = CliRunner().invoke(cli, ["tbx", "show", str(DATA / "glossary.tbx"), "南A中心"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("  ") and "definition" not in line]
    header, full, short = rows[:3]
    assert header.split() == ["th-TH", "zh-CN", "en-US"]
    zh_column = {display_width(line[: line.index(word)]) for line, word in
                 ((header, "zh-CN"), (full, "中国—东盟"), (short, "南 A中心"))}
    assert len(zh_column) == 1
    en_column = {display_width(line[: line.index(word)]) for line, word in ((header, "en-US"), (full, "China-ASEAN"))}
    assert len(en_column) == 1
