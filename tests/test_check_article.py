"""Glossed-article checks: gloss names against the termbase, Thai variants, deprecated terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.check.article import Article
from trilex.check.engine import CheckOptions, run_check
from trilex.check.index import TermIndex
from trilex.cli.main import cli
from trilex.termbase import save
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

ARTICLE = """ข่าวเทคโนโลยี
รัฐบาลส่งเสริม “ปัญญาประดิษฐ์” (Artificial Intelligence/人工智慧) อย่างต่อเนื่อง
ตลาดยานยนต์ไฟฟ้า (EV) เติบโต และผู้ผลิตรถยนต์ไฟฟ้าจีนขยายกำลังการผลิต
นักวิจัยกล่าวว่าเอไอจะช่วยงานแปล
"""


def _termbase() -> Termbase:
    ai = Concept("ai")
    ai.add_term("th", Term("ปัญญาประดิษฐ์", status=AdminStatus.PREFERRED))
    ai.add_term("th", Term("เอไอ", status=AdminStatus.DEPRECATED))
    ai.add_term("en", Term("Artificial Intelligence", status=AdminStatus.PREFERRED))
    ai.add_term("en", Term("AI", status=AdminStatus.ADMITTED, term_type="acronym"))
    ai.add_term("zh", Term("人工智能", status=AdminStatus.PREFERRED))
    ev = Concept("ev")
    ev.add_term("th", Term("ยานยนต์ไฟฟ้า", status=AdminStatus.PREFERRED))
    ev.add_term("th", Term("รถยนต์ไฟฟ้า", status=AdminStatus.ADMITTED))
    ev.add_term("en", Term("EV", term_type="acronym"))
    return Termbase([ai, ev])


@pytest.fixture(scope="module")
def report():
    return run_check([Article("news.txt", ARTICLE)], TermIndex(_termbase()))


def test_a_gloss_name_the_termbase_lacks_is_reported_with_the_preferred_term(report):
    [finding] = [f for f in report.findings if f.check == "gloss-mismatch"]
    assert (finding.location.line, finding.location.column) == (2, 57)
    assert finding.target_span.text == "人工智慧"
    assert finding.suggestion == "人工智能"
    assert '"ปัญญาประดิษฐ์"' in finding.message and '"人工智慧"' in finding.message


def test_two_thai_names_of_one_concept_are_a_variant(report):
    [finding] = [f for f in report.findings if f.check == "variant-term"]
    assert finding.location.line == 3
    assert finding.target_span.text == "รถยนต์ไฟฟ้า"  # the first use of the non-preferred name
    assert finding.suggestion == "ยานยนต์ไฟฟ้า"
    assert [loc.line for loc in finding.related] == [3]
    assert "EV" not in finding.message  # the acronym is not a variant


def test_a_deprecated_thai_term_has_a_fix_on_its_line(report):
    [finding] = [f for f in report.findings if f.check == "forbidden-term"]
    line = ARTICLE.splitlines()[3]
    assert finding.location.line == 4 and finding.target == line
    assert line[finding.fix.span.start:finding.fix.span.end] == "เอไอ"
    assert finding.fix.replacement == "ปัญญาประดิษฐ์"


def test_article_checks_can_be_selected():
    only = run_check([Article("news.txt", ARTICLE)], TermIndex(_termbase()),
                     CheckOptions(checks=["variant-term"]))
    assert [f.check for f in only.findings] == ["variant-term"]


def test_cli_treats_a_txt_file_as_an_article(tmp_path: Path):
    article = tmp_path / "news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    tbx = tmp_path / "terms.tbx"
    save(_termbase(), str(tbx))
    result = CliRunner().invoke(cli, ["check", "-t", str(tbx), str(article)])
    assert result.exit_code == 1  # the deprecated เอไอ is an error
    assert "   4:17  error   forbidden-term" in result.output
    assert "text: นักวิจัยกล่าวว่า⟦เอไอ⟧จะช่วยงานแปล" in result.output


def test_a_deprecated_homonym_that_another_concept_allows_is_not_forbidden():
    termbase = _termbase()
    other = Concept("eye")
    other.add_term("th", Term("เอไอ", status=AdminStatus.PREFERRED))  # invented: a homonym
    termbase.concepts.append(other)
    report = run_check([Article("news.txt", ARTICLE)], TermIndex(termbase), CheckOptions(checks=["forbidden-term"]))
    assert report.findings == []


def test_an_empty_article_is_an_input_error(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-t", str(Path(__file__).parent / "data" / "check" / "xfce.tbx"), str(empty)])
    assert result.exit_code == 2
    assert f"{empty}: the article is empty" in result.output


def test_seed_article_gloss_against_an_edited_bundled_termbase():
    """001:32 glosses ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน as 中国—东盟人工智能数据中心; make the termbase disagree."""
    from trilex.termbase import bundled_path, load

    repo = Path(__file__).resolve().parents[1]
    termbase = load(bundled_path())
    index = TermIndex(termbase)
    [(concept, term)] = index.lookup("中国—东盟人工智能数据中心", "zh")
    article = Article.read(str(repo / "seeds" / "articles" / "001_05bf531f44a1f137.txt"))
    assert run_check([article], index, CheckOptions(checks=["gloss-mismatch"])).findings == []
    term.text = "中国—东盟AI数据中心"
    [finding] = run_check([article], TermIndex(termbase), CheckOptions(checks=["gloss-mismatch"])).findings
    assert (finding.location.line, finding.location.column) == (32, 188)
    assert finding.target_span.text == "中国—东盟人工智能数据中心"
    assert finding.suggestion == "中国—东盟AI数据中心"
    assert '"ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน"' in finding.message
