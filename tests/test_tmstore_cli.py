"""``trilex tm``: import, search, concordance, stats and export from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from trilex.cli.main import cli
from trilex.tm.fuzzy import diff, render_diff
from trilex.tm.tmx import read_tmx

ROUNDTRIP = Path(__file__).parent / "data" / "tmstore" / "roundtrip.tmx"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def tm(tmp_path) -> str:
    path = str(tmp_path / "project.tm")
    result = run("tm", "import", str(ROUNDTRIP), "--tm", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("command", ["import", "export", "search", "concordance", "stats"])
def test_every_subcommand_has_help_with_an_example(command):
    result = run("tm", command, "--help")
    assert result.exit_code == 0 and "Example" in result.output and "-q" in result.output


def test_import_reports_counts_and_duplicates(tmp_path, tm):
    result = run("tm", "import", str(ROUNDTRIP), "--tm", tm)
    assert result.exit_code == 0
    assert "0 units added, 4 duplicates" in result.output
    stats = json.loads(run("tm", "stats", "--tm", tm, "--format", "json").output)
    assert stats["units"] == 4
    assert stats["segments"] == {"en": 4, "th": 3, "zh": 3}
    assert stats["pairs"] == {"en:th": 3, "en:zh": 3, "th:zh": 2}


def test_search_marks_differences_and_shows_translations(tm):
    result = run("tm", "search", "The China-ASEAN AI Data Centre opens this year.", "--tm", tm, "--min", "60")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith(" 81.8%")  # 9 of 11 tokens (words, "-" and ".") unchanged
    assert "[-Center-]{+Centre+}" in first and "[-next-]{+this+}" in first
    assert "th-TH: ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียนจะเปิดให้บริการในปีหน้า" in result.output


def test_search_guesses_the_language_and_filters_the_target(tm):
    result = run("tm", "search", "ศูนย์ข้อมูล", "--tm", tm, "--to", "zh", "--format", "json")
    matches = json.loads(result.output)
    assert [(match["score"], match["text"]) for match in matches] == [(100.0, "ศูนย์ข้อมูล")]
    assert matches[0]["translations"] == {"zh-CN": "数据中心"}


def test_concordance_marks_the_phrase(tm):
    result = run("tm", "concordance", "数据", "--tm", tm)
    assert result.exit_code == 0
    assert "zh-CN: 中国—东盟人工智能[数据]中心将于明年投入运营。" in result.output
    assert "zh-CN: [数据]中心" in result.output


def test_export_pair_and_languages_validate(tmp_path, tm, standards):
    dtd = etree.DTD(str(standards / "tmx" / "tmx14.dtd"))
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    pair = tmp_path / "th-zh.tmx"
    result = run("tm", "export", "--tm", tm, "-o", str(pair), "--pair", "th:zh")
    assert result.exit_code == 0 and "2 units written, 2 skipped" in result.output
    assert dtd.validate(etree.parse(str(pair), parser))
    header, units = read_tmx(pair)
    assert header.srclang == "th-TH"
    assert [[variant.lang for variant in unit.variants] for unit in units] == [["th-TH", "zh-CN"]] * 2

    everything = tmp_path / "all.tmx"
    assert run("tm", "export", "--tm", tm, "-o", str(everything)).exit_code == 0
    assert dtd.validate(etree.parse(str(everything), parser))
    assert [unit.tuid for unit in read_tmx(everything)[1]] == ["news-1", "news-2", "news-3", "news-4"]

    chosen = tmp_path / "zh-en.tmx"
    assert run("tm", "export", "--tm", tm, "-o", str(chosen), "--langs", "zh,en").exit_code == 0
    assert [unit.languages for unit in read_tmx(chosen)[1]] == [["zh-CN", "en-US"]] * 3


def test_bad_input_is_one_line_exit_2_and_nothing_half_done(tmp_path, tm):
    broken = tmp_path / "broken.tmx"
    broken.write_text(ROUNDTRIP.read_text(encoding="utf-8").replace("</body>", "</bdy>"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "import", str(broken), "--tm", tm])
    assert result.exit_code == 2
    message = result.output.strip()
    assert message.startswith(f"{broken}:") and "\n" not in message and "Traceback" not in message
    assert json.loads(run("tm", "stats", "--tm", tm, "--format", "json").output)["units"] == 4

    missing = CliRunner().invoke(cli, ["tm", "search", "x", "--tm", str(tmp_path / "none.tm")])
    assert missing.exit_code == 2 and "no such TM file" in missing.output
    assert not (tmp_path / "none.tm").exists()

    out = tmp_path / "out.tmx"
    clash = CliRunner().invoke(cli, ["tm", "export", "--tm", tm, "-o", str(out), "--pair", "th:zh", "--langs", "th"])
    assert clash.exit_code == 2 and not out.exists()


def test_parallel_text_import(tmp_path):
    source, target = tmp_path / "news.en.txt", tmp_path / "news.th.txt"
    source.write_text("Data center\nArtificial intelligence\n\n", encoding="utf-8")
    target.write_text("ศูนย์ข้อมูล\nปัญญาประดิษฐ์\n\n", encoding="utf-8")
    path = str(tmp_path / "p.tm")
    result = run("tm", "import", "--parallel", str(source), str(target), "-s", "en", "-t", "th", "--tm", path)
    assert result.exit_code == 0 and "2 units added" in result.output
    hits = json.loads(run("tm", "concordance", "ปัญญา", "--tm", path, "--format", "json").output)
    assert [hit["translations"] for hit in hits] == [{"en": "Artificial intelligence"}]


def test_diff_keeps_thai_clusters_whole_and_covers_both_texts():
    pieces = diff("ศูนย์ข้อมูลปัญญาประดิษฐ์", "ศูนย์ข้อมูลประดิษฐ์ใหม่", "th")
    assert render_diff(pieces) == "ศูนย์ข้อมูล[-ปัญญา-]ประดิษฐ์{+ใหม่+}"
    assert "".join(piece.tm_text for piece in pieces) == "ศูนย์ข้อมูลปัญญาประดิษฐ์"
    assert "".join(piece.query_text for piece in pieces) == "ศูนย์ข้อมูลประดิษฐ์ใหม่"
    # Normalization-only differences (dash variants) are not differences.
    assert render_diff(diff("中国—东盟", "中国-东盟", "zh")) == "中国—东盟"
    assert render_diff(diff("the car", "the blue car", "en")) == "the {+blue+} car"


def test_suggest_shows_tm_matches_beside_the_terms(tm):
    result = run("suggest", "ศูนย์ข้อมูล", "--from", "th", "--to", "zh", "--tm", tm, "--format", "json")
    assert result.exit_code == 0, result.output
    matches = json.loads(result.output)["tm_matches"]
    assert [(match["score"], match["translations"]) for match in matches] == [(100.0, {"zh-CN": "数据中心"})]
    text = run("suggest", "ศูนย์ข้อมูล", "--from", "th", "--to", "zh", "--tm", tm).output
    assert "TM matches:\n100.0%  ศูนย์ข้อมูล\n        zh-CN: 数据中心\n" in text
    none = run("suggest", "ปัญญาประดิษฐ์", "--from", "th", "--to", "zh", "--tm", tm).output
    assert "TM matches: none of 75% or more" in none
