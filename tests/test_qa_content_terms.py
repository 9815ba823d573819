"""The term checks with language-aware help: ``kept-source-term`` (check/terms.py) and Chinese
termbase sections by script (lang/tags.tag_matches, lang/chinese_script.converted_section,
lang/matcher._terms_of, check/index._language_terms).

Kept names: Thai and Chinese news keep many foreign names in Latin letters (NTREX-128's Thai
reference keeps "Phoenix", "Madrid"…); such a target is reported at info, not as a missing term.
Scripts: zh-TW/zh-HK are written in Traditional characters (zh-Hant), zh-CN/zh-SG in Simplified
(zh-Hans) — CLDR likely subtags — so a zh-TW document finds a zh-Hant section, and where a concept
has only the other script's section its terms are converted with OpenCC.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.lang.tags import tag_matches
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

P, A, D = AdminStatus.PREFERRED, AdminStatus.ADMITTED, AdminStatus.DEPRECATED
TERM_CHECKS = ["missing-term", "forbidden-term", "non-preferred-term", "count-mismatch", "kept-source-term"]


def concept(cid: str, sections: dict[str, list[tuple[str, AdminStatus]]]) -> Concept:
    entry = Concept(cid)
    for lang, terms in sections.items():
        for text, status in terms:
            entry.add_term(lang, Term(text, status=status))
    return entry


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(Termbase([
        concept("phoenix", {"en": [("Phoenix", P)], "th": [("ฟีนิกซ์", P)], "zh-CN": [("凤凰城", P)]}),
        # Simplified only: a zh-TW document gets these converted (软件 → 軟件, 软体 → 軟體…)
        concept("software", {"en": [("software", P)], "zh-CN": [("软件", P), ("软体", D)]}),
        concept("cloud", {"en": [("cloud computing", P)], "zh-CN": [("云计算", P), ("云端运算", A)]}),
        concept("network", {"en": [("network", P)], "zh-CN": [("网络", P)]}),
        # Traditional only, tagged by script
        concept("program", {"en": [("program", P)], "zh-Hant": [("程式", P)]}),
        # both scripts: each document uses its own section, nothing is converted
        concept("ai", {"en": [("artificial intelligence", P)], "zh-Hans": [("人工智能", P)],
                       "zh-Hant": [("人工智慧", P)]}),
    ]))


def check(index, source, target, target_lang, checks=TERM_CHECKS):
    document = BilingualDocument("doc.tsv", "en", target_lang, [Segment(source, target, "doc.tsv", 2)], "tsv")
    return run_check([document], index, CheckOptions(checks=checks)).findings


def summary(found):
    return [(f.check, f.severity, f.suggestion, f.target_span.text if f.target_span else None) for f in found]


# --- kept-source-term ----------------------------------------------------------------------------


@pytest.mark.parametrize("target, lang, suggestion", [
    ("เขาอาศัยอยู่ใน Phoenix มานาน", "th", "ฟีนิกซ์"),
    ("เขาอาศัยอยู่ในPhoenixมานาน", "th", "ฟีนิกซ์"),  # Thai letters beside it are no Latin word
    ("他住在Phoenix。", "zh-CN", "凤凰城"),
    ("他住在 Phoenix。", "zh-TW", "鳳凰城"),           # the suggestion converted for zh-TW
])
def test_a_name_kept_in_latin_is_info_not_a_missing_term(index, target, lang, suggestion):
    found = check(index, "He has lived in Phoenix for years.", target, lang)
    assert summary(found) == [("kept-source-term", Severity.INFO, suggestion, "Phoenix")]
    [finding] = found
    assert finding.message == f'"Phoenix" is kept as in the source; the termbase term is "{suggestion}"'
    assert target[finding.target_span.start:finding.target_span.end] == "Phoenix"
    assert finding.source_span.text == "Phoenix"


def test_a_translated_name_is_no_finding_and_a_dropped_one_is_missing(index):
    source = "He has lived in Phoenix for years."
    assert check(index, source, "เขาอาศัยอยู่ในฟีนิกซ์มานาน", "th") == []
    assert summary(check(index, source, "เขาอาศัยอยู่ที่นั่นมานาน", "th")) == [
        ("missing-term", Severity.ERROR, "ฟีนิกซ์", None)]


def test_a_name_inside_a_longer_latin_word_is_not_kept(index):
    found = check(index, "He has lived in Phoenix for years.", "เขาอาศัยอยู่ใน PhoenixCity มานาน", "th")
    assert [f.check for f in found] == ["missing-term"]


def test_kept_is_not_missing_even_when_only_missing_term_runs(index):
    assert check(index, "He lives in Phoenix.", "เขาอาศัยอยู่ใน Phoenix", "th", checks=["missing-term"]) == []
    [finding] = check(index, "He lives in Phoenix.", "เขาอาศัยอยู่ใน Phoenix", "th", checks=["kept-source-term"])
    assert finding.check == "kept-source-term"


# --- Chinese sections by script --------------------------------------------------------------------


@pytest.mark.parametrize("wanted, tag, expected", [
    ("zh-TW", "zh-Hant", True), ("zh-HK", "zh-Hant", True), ("zh-Hant", "zh-TW", True),
    ("zh-CN", "zh-Hans", True), ("zh-SG", "zh-Hans", True), ("zh_CN", "zh-Hans", True),
    ("zh-TW", "zh-CN", False), ("zh-TW", "zh-Hans", False), ("zh-CN", "zh-Hant", False),
    ("zh-Hans", "zh-Hant", False), ("zh-TW", "zh", True), ("zh", "zh-Hant", True), ("th-TH", "zh-Hant", False),
])
def test_tags_of_the_same_script_match(wanted, tag, expected):
    assert tag_matches(wanted, tag) is expected


def test_a_zh_tw_document_finds_the_zh_hant_section(index):
    assert check(index, "Install the program", "安裝程式", "zh-TW") == []
    assert summary(check(index, "Install the program", "安裝應用", "zh-TW")) == [
        ("missing-term", Severity.ERROR, "程式", None)]


def test_each_script_uses_its_own_section_where_the_concept_has_both(index):
    source = "artificial intelligence"
    assert check(index, source, "人工智能", "zh-CN") == []
    assert check(index, source, "人工智慧", "zh-TW") == []
    # no conversion across: the zh-Hant section says 人工智慧, so 人工智能 in zh-TW is missing it
    assert summary(check(index, source, "人工智能", "zh-TW")) == [("missing-term", Severity.ERROR, "人工智慧", None)]
    assert summary(check(index, source, "人工智慧", "zh-CN")) == [("missing-term", Severity.ERROR, "人工智能", None)]


@pytest.mark.parametrize("lang", ["zh-TW", "zh-HK", "zh-Hant"])
def test_a_traditional_document_against_a_simplified_only_termbase(index, lang):
    # 安裝軟件: the preferred 软件 converted; 檢查網絡: 网络 converted
    assert check(index, "Install the software", "安裝軟件", lang) == []
    assert check(index, "Check the network", "檢查網絡", lang) == []


def test_a_converted_deprecated_term_is_forbidden_with_the_traditional_replacement(index):
    target = "安裝軟體"
    [finding] = check(index, "Install the software", target, "zh-TW")
    assert (finding.check, finding.severity) == ("forbidden-term", Severity.ERROR)
    assert finding.message == '"軟體" is a deprecated term: replace it with "軟件"'
    assert (finding.fix.span.start, finding.fix.span.end, finding.fix.replacement) == (2, 4, "軟件")
    assert target[finding.fix.span.start:finding.fix.span.end] == "軟體"
    assert finding.concept_id == "software"


def test_a_converted_admitted_term_is_non_preferred(index):
    # the converted preferred term must be recognised as the same Term object the matcher found
    [finding] = check(index, "Use cloud computing", "使用雲端運算", "zh-TW")
    assert (finding.check, finding.suggestion, finding.target_span.text) == ("non-preferred-term", "雲計算", "雲端運算")
    assert check(index, "Use cloud computing", "使用雲計算", "zh-TW") == []


def test_a_missing_term_suggests_the_converted_preferred_term(index):
    assert summary(check(index, "Install the software", "安裝程式庫", "zh-TW")) == [
        ("missing-term", Severity.ERROR, "軟件", None)]


def test_the_simplified_term_is_not_accepted_in_a_traditional_document(index):
    # the zh-TW document gets the converted section only: a Simplified term there is no match
    found = check(index, "Install the software", "安装软件", "zh-TW")
    assert [f.check for f in found] == ["missing-term"]


def test_a_simplified_document_against_a_traditional_only_termbase(index):
    assert check(index, "Install the program", "安装程式", "zh-CN") == []
    assert summary(check(index, "Install the program", "安装软件", "zh-CN")) == [
        ("missing-term", Severity.ERROR, "程式", None)]


def test_a_bare_zh_document_uses_the_section_as_written(index):
    assert check(index, "Install the software", "安装软件", "zh") == []
    assert [f.check for f in check(index, "Install the software", "安裝軟件", "zh")] == ["missing-term"]
