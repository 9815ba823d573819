"""``trilex align``: TMX (valid against the TMX 1.4b DTD), a TM, review, --min-confidence, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from trilex.cli.main import cli
from trilex.tm.tmx import read_tmx

ENGLISH = """The China-ASEAN AI Data Center opened in Nanning on 23 February 2025. It has 1,200 servers.

The center will train 500 engineers a year. Officials said the data center cost 3.5 billion baht.
Exports to Europe grew.
"""
THAI = """ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียนเปิดที่หนานหนิงเมื่อวันที่ 23 กุมภาพันธ์ 2568 ศูนย์นี้มีเซิร์ฟเวอร์ 1,200 เครื่อง

ศูนย์จะฝึกวิศวกรปีละ 500 คน เจ้าหน้าที่กล่าวว่าศูนย์ข้อมูลนี้ใช้งบประมาณ 3,500 ล้านบาท
"""


def run(*args):
    return CliRunner().invoke(cli, ["align", *map(str, args)], catch_exceptions=True)


@pytest.fixture
def documents(tmp_path) -> tuple[Path, Path]:
    en, th = tmp_path / "news.en.txt", tmp_path / "news.th.txt"
    en.write_text(ENGLISH, encoding="utf-8")
    th.write_text(THAI, encoding="utf-8")
    return en, th


@pytest.fixture
def dtd(standards) -> etree.DTD:
    return etree.DTD(str(standards / "tmx" / "tmx14.dtd"))


def test_tmx_is_valid_and_carries_confidence_and_bead_type(documents, tmp_path, dtd):
    out = tmp_path / "news.tmx"
    result = run(*documents, "-s", "en", "-t", "th", "-o", out)
    assert result.exit_code == 0, result.output
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    tree = etree.parse(str(out), parser)
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    _header, units = read_tmx(str(out))
    units = list(units)
    assert len(units) == 4  # "Exports to Europe grew." has no Thai partner
    first = units[0]
    assert first.variant("en").text.startswith("The China-ASEAN AI Data Center opened")
    assert first.variant("th").text.endswith("2568")
    props = {prop.type: prop.value for prop in first.props}
    assert props["x-trilex-align-bead"] == "1-1" and 0 < float(props["x-trilex-align-confidence"]) <= 1
    assert result.stderr.strip() == f"{documents[0]} + {documents[1]}: 4 pairs, 1 sentence without a partner"


def test_tmx_goes_to_stdout_by_default(documents):
    result = run(*documents, "-s", "en", "-t", "th", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert result.stdout.count("<tu>") == 4 and result.stderr == ""


def test_several_documents_at_once(documents, tmp_path):
    en2, th2 = tmp_path / "b.en.txt", tmp_path / "b.th.txt"
    en2.write_text("The power grid was upgraded.\n", encoding="utf-8")
    th2.write_text("ระบบไฟฟ้าได้รับการปรับปรุงแล้ว\n", encoding="utf-8")
    out = tmp_path / "all.tmx"
    result = run(*documents, en2, th2, "-s", "en", "-t", "th", "-o", out)
    assert result.exit_code == 0, result.output
    units = list(read_tmx(str(out))[1])
    assert len(units) == 5
    assert units[-1].notes[0].text == f"aligned from {en2}:1 and {th2}:1"
    assert len(result.stderr.splitlines()) == 2


def test_straight_into_a_tm(documents, tmp_path):
    tm = tmp_path / "project.tm"
    result = run(*documents, "-s", "en", "-t", "th", "--tm", tm)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    stats = CliRunner().invoke(cli, ["tm", "stats", "--tm", str(tm)])
    assert "units: 4" in stats.stdout
    again = run(*documents, "-s", "en", "-t", "th", "--tm", tm)
    assert "0 units added" in again.stderr and "4 duplicates" in again.stderr


def test_review_lists_the_least_confident_first(documents):
    result = run(*documents, "-s", "en", "-t", "th", "--review")
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    confidences = [float(line.split()[0]) for line in heads]
    assert confidences == sorted(confidences) and len(heads) == 5
    assert "    th: (no partner)" in result.stdout
    assert "<tmx" not in result.stdout  # --review alone writes no TMX


def test_min_confidence_leaves_out_low_pairs(documents, tmp_path):
    every = tmp_path / "all.tmx"
    assert run(*documents, "-s", "en", "-t", "th", "-o", every).exit_code == 0
    pair_confidences = sorted(float(prop.value) for unit in read_tmx(str(every))[1] for prop in unit.props
                              if prop.type == "x-trilex-align-confidence")
    assert pair_confidences[0] < pair_confidences[1]
    cut = (pair_confidences[0] + pair_confidences[1]) / 2
    out = tmp_path / "high.tmx"
    result = run(*documents, "-s", "en", "-t", "th", "--min-confidence", f"{cut:.4f}", "-o", out)
    assert result.exit_code == 0, result.output
    assert len(list(read_tmx(str(out))[1])) == 3
    assert "(1 below --min-confidence left out)" in result.stderr


# -- bad input: one line, exit 2, nothing written -------------------------------------------------


def _bad(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(("content", "line", "message"), [
    (None, None, "cannot read file: No such file or directory"),
    (b"", None, "empty: no text to align"),
    (b"  \n\n \n", None, "empty: no text to align"),
    ("ข่าวเทคโนโลยี\n".encode() + b"\xc3\x28\xff\n", 2, "cannot decode as utf-8: byte 0xc3 at offset"),
    (b"<?xml version='1.0'?>\n<html><body>x</body></html>\n", 1, "markup (XML/HTML)"),
    (b"text\x00more\n", 1, "a NUL character"),
])
@pytest.mark.parametrize("side", ["source", "target"])
def test_bad_input_is_one_line_exit_2_and_nothing_is_written(documents, tmp_path, content, line, message, side):
    bad = _bad(tmp_path, "bad.txt", content)
    out = tmp_path / "out.tmx"
    out.write_bytes(b"earlier output\n")
    tm = tmp_path / "new.tm"
    files = (bad, documents[1]) if side == "source" else (documents[0], bad)
    for target in (["-o", out], ["--tm", tm]):
        result = run(*documents, *files, "-s", "en", "-t", "th", *target)
        assert result.exit_code == 2, result.output
        lines = result.stderr.splitlines()
        where = f"{bad}:{line}: " if line else f"{bad}: "
        assert len(lines) == 1 and lines[0].startswith(where + message), lines
        assert "Traceback" not in result.output
    assert out.read_bytes() == b"earlier output\n"
    assert not tm.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("suffix", [".po", ".xlf", ".tmx", ".csv", ".tbx"])
def test_bilingual_formats_are_refused_with_a_pointer_to_tm_import(documents, tmp_path, suffix):
    bad = _bad(tmp_path, f"messages{suffix}", b"whatever\n")
    result = run(bad, documents[1], "-s", "en", "-t", "th")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"{bad}: {suffix[1:].upper()} holds both languages already: import it with "
                                     "'trilex tm import' (align reads plain text, one language per file)")


def test_files_come_in_pairs_and_languages_must_be_tags(documents):
    result = run(documents[0], "-s", "en", "-t", "th")
    assert result.exit_code == 2 and "give the files in pairs" in result.stderr
    result = run(*documents, "-s", "english!", "-t", "th")
    assert result.exit_code == 2 and result.stderr.strip() == "'english!' is not a language tag (th, zh-CN, en…)"


def test_review_and_tmx_on_stdout_do_not_mix(documents):
    result = run(*documents, "-s", "en", "-t", "th", "--review", "-o", "-")
    assert result.exit_code == 2 and "--review and -o - both write to stdout" in result.stderr
    assert result.stdout == ""
