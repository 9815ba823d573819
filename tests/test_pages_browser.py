"""The pages in a real browser: headless Chromium (Debian's) driven by Playwright for Python.

Each page is opened as a user opens it, from a file: it must become interactive with no console
error, no uncaught exception, no dialog and no network request; search must find a concept typed
in Thai, Chinese and English (``南A中心`` finds ``南 A中心``); the report's filters must change the
findings shown; hostile strings from the files (``<script>``, ``onerror=``, ``javascript:``) must
show as text and never run. A screenshot of each page (light and dark) is written under the
test's temporary folder for a person to look at.

Skipped, saying why, without Chromium or Playwright — unless ``TRILEX_REQUIRE_BROWSER=1`` (CI),
which makes that a failure. ``python benchmarks/page_screenshots.py`` makes the README's
screenshots from the same pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import page_browser
import page_samples
from trilex.lang.normalize import match_key

pytestmark = pytest.mark.browser

REQUIRE_BROWSER_ENV = "TRILEX_REQUIRE_BROWSER"
PAGES = ("report", "terms", "review")


def browser_required() -> bool:
    """Whether a missing browser is a failure (``TRILEX_REQUIRE_BROWSER=1``) rather than a skip."""
    return os.environ.get(REQUIRE_BROWSER_ENV, "").strip() not in ("", "0", "no", "false")


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium context (light colour scheme), shared by the tests of this module."""
    reason = page_browser.missing()
    if reason:
        if browser_required():
            pytest.fail(f"{REQUIRE_BROWSER_ENV} is set but {reason}", pytrace=False)
        pytest.skip(f"no browser for the page tests: {reason}")
    with page_browser.chromium(color_scheme="light") as context:
        yield context


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The sample pages (tests/page_samples.py): report.html, terms.html, review.html."""
    return page_samples.build_sample_pages(tmp_path_factory.mktemp("pages"))


@pytest.fixture
def open_page(browser, pages):
    """``open_page(name, hash="")``: the page opened in a new tab; after the test, no problems."""
    opened = []

    def open_(name: str, hash: str = "", path: Path | None = None):
        page = page_browser.open_page(browser, path or pages[name], hash)
        opened.append(page)
        return page

    yield open_
    try:
        for page in opened:
            assert page.problems == [], page.problems
    finally:
        for page in opened:
            page.close()


def cards(page, selector: str = ".finding") -> list[str]:
    """The text of every card shown."""
    return page.locator(f"#app {selector}").all_inner_texts()


def redrawn(page, action) -> float:
    """Do ``action()`` and wait until the page has redrawn for it; how long the redraw took (ms)."""
    before = page.get_attribute("html", "data-updates")
    action()
    page.wait_for_function("before => document.documentElement.getAttribute('data-updates') !== before", arg=before)
    return page.evaluate("window.trilexLastUpdate")


def type_search(page, text: str) -> float:
    """Type ``text`` into the search box and wait for the results; how long the search took (ms)."""
    return redrawn(page, lambda: page.fill("#search", text))


def select_starting(page, selector: str, prefix: str) -> None:
    """Choose the option of ``selector`` whose label starts with ``prefix``, and wait for the redraw."""
    labels = page.locator(f"{selector} option").all_inner_texts()
    (label,) = [label for label in labels if label.startswith(prefix)]
    redrawn(page, lambda: page.select_option(selector, label=label))


# -- every page ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_without_errors_and_is_photographed(name, open_page, tmp_path):
    page = open_page(name)
    assert int(page.get_attribute("html", "data-ready")) >= 0
    assert page.locator("#app .page-error").count() == 0
    assert page.locator("#app .card").count() > 0
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("name", PAGES)
def test_dark_theme_from_the_system(name, open_page, tmp_path):
    page = open_page(name)
    light = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.emulate_media(color_scheme="dark")
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.screenshot(path=str(tmp_path / f"{name}-dark.png"))
    assert light == "rgb(255, 255, 255)"
    red, green, blue = (int(part) for part in background.strip("rgba()").split(",")[:3])
    assert red + green + blue < 150, background


@pytest.mark.parametrize("name", PAGES)
def test_every_text_has_its_language(name, open_page):
    """Text with Thai letters sits in an element whose lang is th, Han characters in zh-*:
    the fonts and line breaking are chosen for the script."""
    page = open_page(name)
    wrong = page.evaluate("""() => {
        const wrong = [];
        const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const owner = node.parentElement.closest('[lang]');
            const lang = owner ? owner.getAttribute('lang') : '';
            if (/[\\u0e00-\\u0e7f]/.test(node.data) && !lang.startsWith('th')) wrong.push([lang, node.data]);
            if (/[\\u4e00-\\u9fff]/.test(node.data) && !lang.startsWith('zh')) wrong.push([lang, node.data]);
        }
        return wrong.slice(0, 10);
    }""")
    assert wrong == []


@pytest.mark.parametrize("name", PAGES)
def test_printable(name, open_page):
    page = open_page(name)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.controls')).display") == "none"
    assert page.locator("#app .card").first.is_visible()
    if name == "terms":  # printing the others is the same machinery, only longer
        assert page.pdf().startswith(b"%PDF")


def test_thai_and_chinese_fonts_are_used(open_page):
    page = open_page("terms")
    thai = page.evaluate("getComputedStyle(document.querySelector('[lang=th]')).fontFamily")
    chinese = page.evaluate("getComputedStyle(document.querySelector('[lang=zh-Hans]')).fontFamily")
    assert thai.startswith('"Noto Sans Thai"') and "Loma" in thai
    assert "Noto Sans CJK SC" in chinese


# -- the check report --------------------------------------------------------------------------------


def test_report_filters_change_the_findings_shown(open_page):
    page = open_page("report")
    everything = cards(page)
    assert len(everything) == 8  # the new findings of both catalogues
    select_starting(page, "#filter-check", "placeholder-mismatch")
    shown = cards(page)
    assert len(shown) == 2 and all("placeholder-mismatch" in card for card in shown)
    redrawn(page, lambda: page.click("#clear-filters"))
    redrawn(page, lambda: page.uncheck(".sev-filter[value=error]"))
    severities = page.locator("#app .finding .card-head .badge").all_inner_texts()
    assert severities == ["info"]  # the Chinese catalogue's header note
    redrawn(page, lambda: page.click("#clear-filters"))
    select_starting(page, "#filter-file", str(page_samples.CATALOGUES[1]))
    shown = cards(page)
    assert len(shown) == 3 and all("messages.zh.po" in card for card in shown)
    redrawn(page, lambda: page.click("#clear-filters"))
    assert len(cards(page)) == len(everything)


def test_report_baseline_and_suppressed_findings_apart(open_page):
    page = open_page("report")
    redrawn(page, lambda: page.click(".tab-baseline"))
    baselined = cards(page)
    assert len(baselined) == 2 and all("ศูนย์ดาต้า" in card for card in baselined)
    redrawn(page, lambda: page.click(".tab-suppressed"))
    (suppressed,) = cards(page)
    assert "missing-term" in suppressed and "คลาวด์สำหรับงานของเรา" in suppressed
    redrawn(page, lambda: page.click(".tab-new"))
    assert len(cards(page)) == 8


@pytest.mark.parametrize(("query", "expected"), [
    ("อัปโหลดไฟล์", "placeholder-mismatch"),  # Thai
    ("人工智慧", "forbidden-term"),          # Chinese
    ("ＰＬＡＣＥＨＯＬＤＥＲ", "placeholder-mismatch"),  # English, typed full-width
])
def test_report_search_in_each_script(query, expected, open_page):
    page = open_page("report")
    type_search(page, query)
    shown = cards(page)
    assert shown and all(expected in card for card in shown), shown
    assert len(shown) < 8


def test_report_span_marked_and_fix_shown(open_page):
    page = open_page("report")
    type_search(page, "人工智慧")
    (card,) = page.locator("#app .finding").all()
    assert card.locator(".side-target mark").inner_text() == "人工智慧"
    assert card.locator(".fix del").inner_text() == "人工智慧" and card.locator(".fix ins").inner_text() == "人工智能"
    assert card.locator(".side-target .text").get_attribute("lang") == "zh-Hans"


def test_report_span_after_a_character_outside_the_bmp(open_page):
    page = open_page("report")
    redrawn(page, lambda: page.click(".tab-baseline"))
    marks = page.locator("#app .finding .side-target mark").all_inner_texts()
    assert marks == ["ศูนย์ดาต้า", "ศูนย์ดาต้า"]  # one target starts with 𠀀 (two UTF-16 units)


def test_report_concept_card_and_link_to_the_termbase_page(open_page):
    page = open_page("report")
    redrawn(page, lambda: page.locator("#app .concept-link").first.click())
    card = page.locator("#concept-card")
    assert card.is_visible()
    concept = card.locator(".mono").first.inner_text()
    shown = cards(page)
    assert shown and len(shown) < 8
    with page.expect_navigation():
        page.locator("#concept-card .terms-link").click()
    page.wait_for_selector("html[data-ready]", state="attached")
    assert page.url.endswith(f"terms.html#concept={concept}")
    focused = page.locator("#app .concept")
    assert focused.count() == 1 and focused.get_attribute("data-concept") == concept


def test_report_hostile_text_stays_text(open_page):
    page = open_page("report")
    type_search(page, "alert")
    shown = cards(page)
    assert any("<script>alert('source')</script>" in card for card in shown)
    assert any("<img src=x onerror=alert('target')></script><!--" in card for card in shown)
    injected = page.evaluate("document.querySelectorAll('#app script, #app img, #app iframe, #app svg, #app b').length")
    assert injected == 0


# -- the termbase page -------------------------------------------------------------------------------


def first_concept(page) -> str:
    return page.locator("#app .concept").first.get_attribute("data-concept")


@pytest.mark.parametrize(("query", "concept"), [
    ("ศูนย์ข้อมูล", "c1"),                 # Thai
    ("ศูนย์\u200bข้อมูล", "c1"),           # Thai with a zero-width space inside
    ("ศูนย์หนานเอ", "c3"),                 # Thai short form typed without its space
    ("南A中心", "c3"),                      # Chinese short form typed without the space
    ("中国-东盟", "c3"),                    # another dash than the term's
    ("人工智能", "c2"),
    ("DATA CENTER", "c1"),                 # English, other case
    ("ＡＩ", "c2"),                          # full-width
])
def test_terms_search_in_each_script(query, concept, open_page):
    page = open_page("terms")
    type_search(page, query)
    assert first_concept(page) == concept


def test_terms_cards_show_statuses_short_forms_and_contexts(open_page):
    page = open_page("terms")
    type_search(page, "南A中心")
    card = page.locator("#app .concept").first
    text = card.inner_text()
    assert "short form" in text and "of 中国—东盟人工智能数据中心" in text
    assert card.locator(".badge.st-preferred").count() >= 3
    type_search(page, "data center")
    card = page.locator("#app .concept").first
    assert card.locator(".badge.st-deprecated").inner_text() == "deprecated"
    assert "acronym" in card.inner_text() and "news.th.txt:3" in card.inner_text()


def test_terms_cross_reference_links(open_page):
    page = open_page("terms")
    type_search(page, "南A中心")
    redrawn(page, lambda: page.locator("#app .concept a.xref", has_text="artificial intelligence").click())
    assert page.url.endswith("#concept=c2")
    assert page.locator("#app .concept").count() == 1 and first_concept(page) == "c2"
    redrawn(page, lambda: page.click("#show-all"))
    assert first_concept(page) == "c3"  # back to the search results
    type_search(page, "")
    assert page.locator("#app .concept").count() == 5


def test_terms_hostile_strings_stay_text(open_page):
    page = open_page("terms")
    type_search(page, "alert")
    card = page.locator("#app .concept").first
    text = card.inner_text()
    assert "<script>alert('term')</script>" in text and "<img src=x onerror=alert('th')>" in text
    assert page.evaluate("document.querySelectorAll('#app script, #app img, #app svg, #app b').length") == 0
    type_search(page, "")
    hrefs = page.evaluate("[...document.querySelectorAll('#app a[href]')].map(a => a.getAttribute('href'))")
    assert "https://example.org/nan-a" in hrefs
    assert not [href for href in hrefs if href.lower().replace(" ", "").startswith("javascript")]


FOLD_CASES = ["南 A中心", "ＡＩ Agent", "AI  agent", "China–ASEAN", "中国—东盟", "เเผง", "กำ้", "ก่ี", "ก้้",
              "ศูนย์\u200bข้อมูล", "น\u0e4d\u0e32", "Straße", "１２３", "หนาน เอ", "a\u00a0b", "e\u0301", "𠀀 数据",
              "  lead trail  ", "ก\u0e48\u0e38", "x\u3000y", "ﬁle", "ｶﾀｶﾅ", "ΣΊΣΥΦΟΣ"]


def test_terms_search_folds_like_the_matcher(open_page):
    page = open_page("terms")
    assert page.evaluate("cases => cases.map(T.fold)", FOLD_CASES) == [match_key(case) for case in FOLD_CASES]


def test_terms_search_keys_are_the_matchers_keys(open_page):
    """The keys the page reads (raw lines and JSON lines) are :func:`trilex.pages.terms.search_keys`'s."""
    from trilex.pages.terms import search_keys
    from trilex.termbase import load

    page = open_page("terms")
    termbase = load(page_samples.REPO / page_samples.GLOSSARY)
    built = page.evaluate("n => Array.from({length: n}, (_, i) => T.searchKey(i))", len(termbase))
    assert built == [search_keys(concept) for concept in termbase.concepts]


# -- the extraction review ---------------------------------------------------------------------------


def test_review_lowest_confidence_first_with_the_thai_edge(open_page):
    page = open_page("review")
    values = [float(text) for text in page.locator("#app .proposal > .card-head .meter-value").all_inner_texts()]
    assert values == sorted(values) and values[0] < 0.8
    first = page.locator("#app .proposal").first
    assert first.locator("mark.th-term").count() >= 1
    assert first.locator(".review-terms tr.doubtful").count() >= 1
    assert page.locator("#app .before-edge").count() > 10  # the words before a Thai term's left edge


@pytest.mark.parametrize("query", ["ปัญญาประดิษฐ์", "人工智能", "artificial intelligence"])
def test_review_search_in_each_script(query, open_page):
    page = open_page("review")
    total = page.locator("#app .proposal").count()
    type_search(page, query)
    shown = page.locator("#app .proposal").all_inner_texts()
    assert shown and len(shown) < total
    assert all(query.lower() in card.lower() for card in shown)


def test_review_only_doubtful(open_page):
    page = open_page("review")
    redrawn(page, lambda: page.check("#only-doubtful"))
    proposals = page.locator("#app .proposal")
    assert proposals.count() > 0
    assert proposals.count() == page.locator("#app .proposal.doubtful").count()


# -- large pages ---------------------------------------------------------------------------------------


def test_fifty_thousand_findings(open_page, tmp_path):
    from trilex.pages.report import report_page

    path = tmp_path / "big-report.html"
    path.write_text(report_page(page_samples.large_report(50_000)), encoding="utf-8")
    page = open_page("big", path=path)
    ready = page.evaluate("window.trilexReadyAt")
    assert ready < 15_000, f"interactive after {ready:.0f} ms"
    assert "of 50,000 findings" in page.locator("#app .pager-count").first.inner_text()
    assert page.locator("#app .finding").count() == 100
    took = type_search(page, "数据中心")
    assert "of 16,667 findings" in page.locator("#app .pager-count").first.inner_text()
    assert took < 5000, f"the first search took {took:.0f} ms"
    took = redrawn(page, lambda: page.select_option("#filter-check", index=1))
    assert page.locator("#app .finding").count() > 0 and took < 2000
    redrawn(page, lambda: page.click("#app .pager-next >> nth=0"))
    assert "page 2 of" in page.locator("#app .pager-page").first.inner_text()


def test_hundred_thousand_concepts(open_page, tmp_path):
    from trilex.pages.terms import terms_page

    path = tmp_path / "big-terms.html"
    path.write_text(terms_page(page_samples.large_termbase(100_000)), encoding="utf-8")
    page = open_page("big", path=path)
    ready = page.evaluate("window.trilexReadyAt")
    assert ready < 15_000, f"interactive after {ready:.0f} ms"
    took = type_search(page, "南A中心")
    assert first_concept(page) == "c50000"
    assert page.locator("#app .concept").count() == 1
    assert took < 1000, f"the search took {took:.0f} ms"


def test_terms_ids_that_are_javascript_property_names(open_page, tmp_path):
    """Concept ids come from the file: ``constructor`` or ``__proto__`` must be ids like any other."""
    from trilex.pages.terms import terms_page
    from trilex.termbase.model import Concept, CrossReference, Term, Termbase

    first, second = Concept("constructor"), Concept("__proto__")
    first.add_term("en-US", Term("first term"))
    second.add_term("th-TH", Term("คำที่สอง"))
    first.cross_references.append(CrossReference("__proto__", "the second"))
    second.cross_references.append(CrossReference("toString", "not here"))
    path = tmp_path / "ids.html"
    path.write_text(terms_page(Termbase([first, second])), encoding="utf-8")
    page = open_page("ids", path=path)
    assert page.locator("#app .concept").count() == 2
    redrawn(page, lambda: page.locator("#app a.xref", has_text="the second").click())
    assert first_concept(page) == "__proto__"
    assert "not here (toString)" in page.locator("#app .concept").inner_text()
