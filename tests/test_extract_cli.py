"""``trilex extract`` on the command line."""

from __future__ import annotations

from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.termbase.formats import load

ARTICLE = (
    "ทางการได้ตั้งสำนักงานสถิติแห่งชาติ (National Statistics Office/国家统计局) ขึ้น\n"
    "อุตสาหกรรมยานยนต์ไฟฟ้า (EV) เติบโตเร็ว\n"
)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_writes_a_termbase(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.tbx"
    result = run("extract", str(article), "-o", str(out))
    assert result.exit_code == 0, result.output
    termbase = load(out)
    assert [c.preferred("zh").text for c in termbase if c.terms("zh")] == ["国家统计局"]


def test_review_lists_lowest_confidence_first(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--review", "-q")
    assert result.exit_code == 0, result.output
    blocks = [line for line in result.output.splitlines() if line.startswith("c0")]
    assert blocks[0].startswith("c002  0.7") and "ยานยนต์ไฟฟ้า" in blocks[0]
    assert blocks[1].startswith("c001  1.00")
    assert "<tbx" not in result.output


def test_sources_are_file_names_not_absolute_paths(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    outside = run("extract", str(article), "--review", "-q")
    assert "seen at: a.txt:1" in outside.output and str(tmp_path) not in outside.output
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.tbx"
    assert run("extract", str(tmp_path / "news" / "b.txt"), "news/b.txt", "-o", str(out)).exit_code == 0
    termbase = load(out)
    assert {source for concept in termbase for source in concept.sources} == {"news/b.txt"}
    assert str(tmp_path) not in out.read_text(encoding="utf-8")


def test_csv_and_min_confidence(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run("extract", str(article), "--min-confidence", "0.8", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "国家统计局" in text and "ยานยนต์ไฟฟ้า" not in text


def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path):
    article = tmp_path / "bad.txt"
    article.write_bytes("ศูนย์ (Center)\n".encode("utf-8") + b"\xff\xfe bad\n")
    out = tmp_path / "out.tbx"
    result = run("extract", str(article), "-o", str(out))
    assert result.exit_code == 2
    assert f"{article}:2:" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2


def test_help_has_an_example():
    result = run("extract", "--help")
    assert result.exit_code == 0 and "trilex extract seeds/articles/*.txt -o seed.tbx" in result.output
