"""The HTML pages without a browser: escaping, the embedded JSON, the page structure, the data
each page gets (spans, languages, order), and the commands that write them.

The browser tests (tests/test_pages_browser.py) open the same pages in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.check.findings import Finding, Fix, Location, Severity, Span
from trilex.check.report import Report
from trilex.cli.main import cli
from trilex.lang.normalize import match_key
from trilex.pages import shell
from trilex.pages.report import BASELINED, NEW, ROW_FIELDS, SUPPRESSED, report_data, report_page
from trilex.pages.review import gloss_in_sentence, review_data, review_page
from trilex.pages.terms import column_languages, key_lines, search_keys, terms_data, terms_page
from trilex.termbase import load
from trilex.termbase.extract.build import glosses_of, read_articles, termbase_from_glosses
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "pages"
GLOSSARY = DATA / "glossary.tbx"
HOSTILE = "</script><script>alert('x')</script><!--<script>"
F = {name: i for i, name in enumerate(ROW_FIELDS)}


class _Page(HTMLParser):
    """The elements of a page (tag, attributes) and the text of each script element."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self._in: tuple[str, dict[str, str]] | None = None
        self._text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._in, self._text = (tag, attributes), []

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._in[1], text))
            else:
                self.styles.append(text)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def data(self) -> dict:
        (text,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _finding(check="forbidden-term", severity=Severity.ERROR, path="a.th.po", line=3, source="Open the data center",
             target="เปิดศูนย์ดาต้า", **more) -> Finding:
    where = Location(path, line, unit_id=more.pop("unit_id", None))
    return Finding(check, severity, more.pop("message", "a message"), where, source=source, target=target, **more)


# -- shell: escaping and embedding --------------------------------------------------------------


def test_json_text_has_no_angle_bracket_and_round_trips():
    data = {"text": HOSTILE, "thai": "ศูนย์ข้อมูล", "list": ["<!--", "</SCRIPT >", "a<b"]}
    text = shell.json_text(data)
    assert "<" not in text
    assert json.loads(text) == data
    assert "ศูนย์ข้อมูล" in text  # written as UTF-8, not \\u escapes


def test_json_script_element_cannot_be_closed_by_data():
    element = shell.json_script({"x": HOSTILE})
    assert element.count("</script>") == 1 and element.endswith("</script>")
    page = _Page("<html><body>" + element + "</body></html>")
    assert page.data() == {"x": HOSTILE}


def test_escape_and_lang():
    assert shell.escape('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert shell.html_lang("th-TH") == "th"
    assert shell.html_lang("zh-CN") == "zh-Hans"
    assert shell.html_lang("zh") == "zh-Hans"
    assert shell.html_lang("zh-TW") == "zh-Hant"
    assert shell.html_lang("zh-Hant-HK") == "zh-Hant"
    assert shell.html_lang("en-US") == "en"
    assert shell.html_lang("fr_FR") == "fr-FR"
    assert shell.html_lang(None, "เปิด data") == "th"
    assert shell.html_lang(None, "数据 center") == "zh-Hans"
    assert shell.html_lang(None, "data") == "en"
    assert shell.html_lang(None, "123 (%)") == "und"


def test_utf16_index_counts_characters_outside_the_bmp_twice():
    text = "𠀀 เยี่ยม"
    assert shell.utf16_index(text, 0) == 0
    assert shell.utf16_index(text, 1) == 2
    assert shell.utf16_index(text, len(text)) == len(text.encode("utf-16-le")) // 2
    assert shell.utf16_index("abc", 2) == 2


def test_document_structure_and_content_security_policy():
    text = shell.document(title="T <b>&", kind="terms", data={"x": HOSTILE}, styles=("terms.css",),
                          scripts=("terms.js",), subtitle="sub <i>")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    page = _Page(text)
    tags = [tag for tag, _ in page.elements]
    assert tags.count("main") == 1 and tags.count("style") == 1 and tags.count("script") == 2
    assert ("main", {"id": "app", "aria-live": "polite"}) in page.elements
    assert "<title>T &lt;b&gt;&amp;</title>" in text and "sub &lt;i&gt;" in text
    (policy,) = [attrs["content"] for tag, attrs in page.elements
                 if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    (code,) = [body for attrs, body in page.scripts if "type" not in attrs]
    assert "default-src 'none'" in policy and "connect-src" not in policy
    assert f"script-src {_sha256(code)};" in policy
    assert f"style-src {_sha256(page.styles[0])};" in policy
    assert page.data() == {"x": HOSTILE}
    assert "alert(" not in text.replace(shell.json_script({"x": HOSTILE}), "")
    # No network: nothing in the page names a remote resource.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]


def test_assets_have_no_markup_parsing_sinks():
    """The page scripts build the DOM with textContent only: no innerHTML, outerHTML,
    insertAdjacentHTML, document.write or eval, so no text can become markup."""
    for path in (REPO / "pages" / "assets").glob("*.js"):
        code = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{path.name} uses {sink}"


def test_fonts_and_themes_in_the_base_style():
    css = shell.asset("base.css")
    assert ":lang(th)" in css and ":lang(zh-Hans)" in css and ":lang(zh-Hant)" in css
    assert "Noto Sans Thai" in css and "Loma" in css and "Noto Sans CJK SC" in css and "Noto Sans CJK TC" in css
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css


# -- the check report ---------------------------------------------------------------------------


def _report() -> Report:
    termbase = load(GLOSSARY)
    new = [
        _finding(concept_id="c1", target_span=Span(4, 14, "ศูนย์ดาต้า"),
                 fix=Fix(Span(4, 14, "ศูนย์ดาต้า"), "ศูนย์ข้อมูล"), suggestion="ศูนย์ข้อมูล"),
        _finding("placeholder-mismatch", Severity.WARNING, source="Upload %s " + HOSTILE, target="อัปโหลด",
                 source_span=Span(7, 9, "%s")),
        _finding("forbidden-term", path="b.zh.po", source="Visit", target="𠀀 参观南A中心", line=None,
                 unit_id="单元-1", target_span=Span(4, 8, "南A中心"), concept_id="c3", unfinished=True),
    ]
    report = Report(new, files=["a.th.po", "b.zh.po", "clean.po"], segments_checked=40, termbase=termbase,
                    languages={"a.th.po": ("en", "th"), "b.zh.po": ("en-US", "zh-TW")})
    report.baselined = [_finding("missing-term", concept_id="c2", message="known")]
    report.suppressed = [_finding("number-mismatch", Severity.INFO, message="suppressed")]
    return report


def test_report_rows_keep_everything_the_page_shows():
    data = report_data(_report(), terms_page="terms.html")
    assert data["fields"] == list(ROW_FIELDS) and data["termsPage"] == "terms.html"
    rows = data["findings"]
    assert [row[F["state"]] for row in rows] == [NEW, NEW, NEW, BASELINED, SUPPRESSED]
    strings, langs = data["strings"], data["langs"]
    first = rows[0]
    assert data["files"][first[F["file"]]] == "a.th.po" and first[F["line"]] == 3
    assert data["checks"][first[F["check"]]][:2] == ["forbidden-term", ""]
    assert data["severities"][first[F["severity"]]] == "error"
    assert strings[first[F["target"]]] == "เปิดศูนย์ดาต้า" and langs[first[F["target_lang"]]] == "th"
    assert langs[first[F["source_lang"]]] == "en"
    assert first[F["target_span"]] == [4, 14] and first[F["source_span"]] == 0
    start, end, replacement, old = first[F["fix"]]
    assert (start, end, strings[replacement], strings[old]) == (4, 14, "ศูนย์ข้อมูล", "ศูนย์ดาต้า")
    assert first[F["flags"]] == 2  # fails the run (error >= fail-on error)
    # A text shared by findings is stored once.
    assert strings.count("Open the data center") == 1
    # UTF-16 offsets after 𠀀 (two UTF-16 units), zh-TW is Traditional, no line: the unit id.
    third = rows[2]
    assert third[F["target_span"]] == [5, 9]
    assert langs[third[F["target_lang"]]] == "zh-Hant" and third[F["line"]] == 0
    assert strings[third[F["unit"]]] == "单元-1" and third[F["flags"]] == 1 | 2
    # Warnings do not fail at --fail-on error; the hostile text is kept as it is (escaped only in JSON).
    assert rows[1][F["flags"]] == 0 and strings[rows[1][F["source"]]].endswith(HOSTILE)


def test_report_concepts_come_from_the_termbase():
    data = report_data(_report())
    concepts = {concept[0]: concept for concept in data["concepts"]}
    assert set(concepts) == {"c1", "c2", "c3"}
    _, subject, definition, sections = concepts["c1"]
    assert subject == "computing" and definition.startswith("A facility")
    by_lang = {tag: terms for _, tag, terms in sections}
    assert ["ศูนย์ดาต้า", 3, ""] in by_lang["th-TH"]  # 3: deprecated
    assert ["DC", 2, "acronym"] in by_lang["en-US"]
    assert [lang for lang, _, _ in sections] == ["th", "zh-Hans", "en"]


def test_report_without_termbase_or_languages():
    report = Report([_finding(concept_id="c9", source="", target="ข้อความ")], files=["x.txt"])
    data = report_data(report)
    assert data["concepts"] == [["c9", "", "", []]]
    assert data["langs"][data["findings"][0][F["target_lang"]]] == "th"  # from the script
    assert data["findings"][0][F["source"]] == data["strings"].index("")


def test_report_page_is_safe_and_complete():
    text = report_page(_report())
    page = _Page(text)
    assert page.data()["findings"]
    assert HOSTILE not in text and "alert('x')" not in text.split('id="trilex-data">')[0]
    assert "trilex check report" in text and "3 new finding(s) in 3 files, 40 segments checked" in text


def test_check_cli_html_report(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", "-t", str(GLOSSARY), str(DATA / "messages.th.po"),
                                      "--format", "html", "-o", str(out), "--terms-page", "terms.html"])
    assert result.exit_code == 1, result.output  # errors found
    data = _Page(out.read_text(encoding="utf-8")).data()
    checks = {data["checks"][row[F["check"]]][0] for row in data["findings"]}
    assert {"forbidden-term", "missing-term", "placeholder-mismatch", "tag-mismatch", "number-mismatch"} <= checks
    assert data["termsPage"] == "terms.html"
    assert sum(1 for row in data["findings"] if row[F["state"]] == SUPPRESSED) == 1
    assert set(data["langs"]) == {"en", "th"}


def test_check_cli_terms_page_needs_html(tmp_path):
    result = CliRunner().invoke(cli, ["check", "-t", str(GLOSSARY), str(DATA / "messages.th.po"),
                                      "--terms-page", "terms.html"])
    assert result.exit_code == 2 and "--terms-page needs --format html" in result.output


# -- the termbase page --------------------------------------------------------------------------


def test_columns_thai_chinese_english_first():
    termbase = Termbase()
    concept = Concept("c1")
    for tag in ("en-US", "fr", "zh-CN", "th-TH", "ja"):
        concept.add_term(tag, Term(tag))
    termbase.concepts.append(concept)
    assert column_languages(termbase) == ["th-TH", "zh-CN", "en-US", "fr", "ja"]
    assert column_languages(termbase, ("en", "th")) == ["en-US", "th-TH"]


def test_search_keys_are_the_matchers_keys():
    termbase = load(GLOSSARY)
    keys = search_keys(termbase.concept("c3"))
    assert "\t南a中心\t" in keys and match_key("南A中心") == "南a中心"
    assert "\tศูนย์หนานเอ\t" in keys
    assert keys.startswith("\t") and keys.endswith("\t")


def test_terms_data_is_compact_and_complete():
    termbase = load(GLOSSARY)
    header, rows = terms_data(termbase)
    assert [tag for tag, _ in header["columns"]] == ["th-TH", "zh-CN", "en-US"]
    assert [lang for _, lang in header["columns"]] == ["th", "zh-Hans", "en"]
    assert header["ids"] == ["c1", "c2", "c3", "c4", "c5"]
    lines = key_lines(termbase).split("\n")
    assert lines[:3] == [search_keys(concept) for concept in termbase.concepts[:3]]
    # c4's keys hold '<': written as a JSON string, like the concepts themselves
    assert lines[3].startswith('"') and json.loads(lines[3]) == search_keys(termbase.concepts[3])
    assert "<" not in "".join(lines)
    assert header["statusMasks"][0] == (1 << 1) | (1 << 2) | (1 << 3)  # preferred, admitted, deprecated
    concepts = {concept[0]: concept for concept in rows}
    c1 = concepts["c1"]
    assert c1[2]["f"] == "computing" and c1[2]["d"][0][1] == "ISO/IEC 2382"
    thai = [section for section in c1[1] if section[0] == 0][0][1]
    assert thai[0][0] == "ศูนย์ข้อมูล" and thai[0][1] == 1
    assert thai[0][2]["c"] == [["รัฐบาลเปิดศูนย์ข้อมูลแห่งใหม่ที่ชลบุรี", "news.th.txt:3"]]
    assert thai[1][:2] == ["ศูนย์ดาต้า", 3]
    (zh,) = [section[1] for section in concepts["c3"][1] if section[0] == 1]
    assert zh[1] == ["南 A中心", 2, {"t": "shortForm"}]
    assert concepts["c3"][2]["x"][0] == ["c1", "data center"]
    # Nothing optional, nothing written: no extras entry at all.
    assert concepts["c5"] == ["c5", [[0, [["คลาวด์", 1], ["เมฆคอมพิวเตอร์", 4]]], [1, [["云计算", 1]]],
                                     [2, [["cloud computing", 1]]]]]


def test_terms_of_languages_not_shown_still_find_their_concept():
    termbase = load(GLOSSARY)
    header, rows = terms_data(termbase, ["en"])
    assert [tag for tag, _ in header["columns"]] == ["en-US"]
    assert all(section[0] == 0 for row in rows for section in row[1])
    assert "\t南a中心\t" in key_lines(termbase).split("\n")[2]


def test_terms_page_embeds_one_concept_per_line():
    page = _Page(terms_page(load(GLOSSARY)))
    (lines,) = [text for attrs, text in page.scripts if attrs.get("id") == "trilex-concepts"]
    assert [json.loads(line)[0] for line in lines.split("\n")] == ["c1", "c2", "c3", "c4", "c5"]
    assert "<" not in lines
    with pytest.raises(ValueError):
        shell.document(title="t", kind="terms", data={}, styles=(), scripts=(), lines={"x": "</script>"})


def test_terms_page_escapes_hostile_terms(tmp_path):
    text = terms_page(load(GLOSSARY))
    page = _Page(text)
    (lines,) = [body for attrs, body in page.scripts if attrs.get("id") == "trilex-concepts"]
    hostile = json.loads(lines.split("\n")[3])
    assert [section[1][0][0] for section in hostile[1]] == ["<script>alert('term')</script>",
                                                           "<img src=x onerror=alert('th')>"]
    assert hostile[2]["n"] == ["</script><script>alert('note')</script><!--"]
    before_data = text.split('<script type="application/json"')[0]
    assert "alert(" not in before_data


def test_tbx_html_cli(tmp_path):
    out = tmp_path / "terms.html"
    result = CliRunner().invoke(cli, ["tbx", "html", str(GLOSSARY), "-o", str(out), "--lang", "en", "--lang", "th"])
    assert result.exit_code == 0, result.output
    assert "wrote 5 concept(s)" in result.stderr
    data = _Page(out.read_text(encoding="utf-8")).data()
    assert [tag for tag, _ in data["columns"]] == ["en-US", "th-TH"]
    stdout = CliRunner().invoke(cli, ["tbx", "html", str(GLOSSARY), "-q"])
    assert stdout.exit_code == 0 and stdout.stdout.startswith("<!DOCTYPE html>") and stdout.stderr == ""


# -- the extraction review page -----------------------------------------------------------------

ARTICLES = sorted((REPO / "seeds" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_review():
    texts = read_articles([str(path) for path in ARTICLES])
    glosses = glosses_of(texts)
    termbase = termbase_from_glosses(glosses, texts)
    return texts, glosses, termbase


def test_review_lowest_confidence_first_and_ids_match_the_termbase(seed_review):
    texts, glosses, termbase = seed_review
    data = review_data(texts, glosses, termbase)
    confidences = [concept[1] for concept in data["concepts"]]
    assert confidences == sorted(confidences) and confidences[0] < data["reviewBelow"]
    assert sorted(concept[0] for concept in data["concepts"]) == sorted(concept.id for concept in termbase.concepts)
    by_id = {concept.id: concept for concept in termbase.concepts}
    for concept_id, _, terms, _ in data["concepts"]:
        written = {(section.lang, term.text) for section in by_id[concept_id].languages for term in section.terms}
        assert {(tag, text) for _, tag, text, *_ in terms} == written


def test_review_gloss_in_its_sentence_with_the_thai_edge(seed_review):
    texts, glosses, termbase = seed_review
    data = review_data(texts, glosses, termbase)
    with_thai = 0
    for _, _, terms, sightings in data["concepts"]:
        for path, line, sentence, spans, edge, _, confidence, _, _ in sightings:
            assert 0 <= confidence <= 1 and line >= 1
            assert spans == sorted(spans)
            for start, end, kind, lang in spans:
                assert sentence.encode("utf-16-le")[2 * start: 2 * end].decode("utf-16-le")
                assert lang in ("th", "zh-Hans", "en")
            if edge >= 0:
                with_thai += 1
                thai = [span for span in spans if span[2] == "th"]
                assert thai and thai[0][0] == edge
    assert with_thai >= 50


def test_gloss_in_sentence_finds_the_terms():
    text = "รายงานข่าวระบุว่า ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน (China-ASEAN AI Data Center/中国—东盟人工智能数据中心) เปิดแล้ว"
    from trilex.termbase.extract import find_glosses

    (gloss,) = [g for g in find_glosses(text, "x.txt") if g.en and "China-ASEAN" in g.en.text]
    placed = gloss_in_sentence(gloss, [(0, text)])
    pieces = {kind: placed["text"][start:end] for start, end, kind, _ in placed["spans"]}
    assert pieces["en"] == "China-ASEAN AI Data Center" and pieces["zh"] == "中国—东盟人工智能数据中心"
    assert pieces["th"].endswith("จีน-อาเซียน") and placed["text"][placed["edge"]:].startswith(pieces["th"])


def test_review_page_and_cli(tmp_path, seed_review):
    texts, glosses, termbase = seed_review
    assert _Page(review_page(texts, glosses, termbase)).data()["concepts"]
    out = tmp_path / "review.html"
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES[0]), "--review", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the page went to the file, no text review
    assert _Page(out.read_text(encoding="utf-8")).data()["concepts"]
    by_extension = CliRunner().invoke(cli, ["extract", str(ARTICLES[0]), "--review", "-o", str(tmp_path / "r.html")])
    assert by_extension.exit_code == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_extract_html_needs_review():
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES[0]), "--format", "html"])
    assert result.exit_code == 2 and "give --review too" in result.output


# -- the search folding in JavaScript, without a browser ------------------------------------------

FOLD_CASES = ["南 A中心", "南A中心", "ＡＩ Agent", "AI  agent", "China–ASEAN", "中国—东盟", "ศูนย์ข้อมูล", "เเผง",
              "กำ้", "ก่ี", "ก้้", "ศูนย์\u200bข้อมูล", "น\u0e4d\u0e32", "Straße", "ΣΊΣΥΦΟΣ", "１２３", "หนาน เอ",
              "AI )", "a\u00a0b", "e\u0301", "𠀀 数据", "  lead trail  ", "ก\u0e48\u0e38", "x\u3000y", "ﬁle", "ｶﾀｶﾅ"]


def test_js_fold_is_match_key_in_node():
    """``T.fold`` (assets/common.js) gives :func:`match_key`'s keys (the browser tests check it in
    Chromium too); run with Node.js where it is installed."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("no Node.js: the browser tests check T.fold in Chromium")
    script = ("const fs = require('fs');"
              f"eval(fs.readFileSync({json.dumps(str(REPO / 'pages' / 'assets' / 'common.js'))}, 'utf8') + ';global.T = T;');"
              "const cases = JSON.parse(fs.readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(cases.map(T.fold)));")
    done = subprocess.run([node, "-e", script], input=json.dumps(FOLD_CASES), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [match_key(case) for case in FOLD_CASES]


def test_statuses_match_the_model():
    from trilex.pages import report, review, terms

    assert report.STATUSES[1:] == terms.STATUSES[1:] == review.STATUSES[1:] == tuple(s.value for s in AdminStatus)


def test_html_is_a_report_format_of_the_cli_and_the_registry():
    from trilex.check.reporters import FORMAT_MODULES, get_reporter
    from trilex.cli import check as check_cli

    assert set(check_cli.FORMATS) == set(FORMAT_MODULES) and "html" in FORMAT_MODULES
    assert get_reporter("html").__module__ == "trilex.check.reporters.html"
