"""run_check on small th→zh documents built in Python: each check, its span, suggestion and fix."""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.check.terms import SEGMENT_CHECKS
from trilex.errors import ConfigError, InputError
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

P, A, D = AdminStatus.PREFERRED, AdminStatus.ADMITTED, AdminStatus.DEPRECATED


def concept(cid: str, **langs: list[tuple[str, AdminStatus]]) -> Concept:
    entry = Concept(cid)
    for lang, terms in langs.items():
        for text, status in terms:
            entry.add_term(lang, Term(text, status=status))
    return entry


@pytest.fixture(scope="module")
def termbase() -> TermIndex:
    """One index for the module: building the Thai matcher is the slow part."""
    return TermIndex(Termbase([
        concept("ai", th=[("ปัญญาประดิษฐ์", P)], zh=[("人工智能", P), ("人工智慧", D)]),
        concept("dc", th=[("ศูนย์ข้อมูล", P)], zh=[("数据中心", P), ("数据库中心", A)]),
        concept("cloud", th=[("คลาวด์", P)], zh=[("云计算", P), ("云端", A)]),
        # "服务器" is deprecated for one concept and preferred for another (a homonym).
        concept("host", th=[("โฮสต์", P)], zh=[("主机", P), ("服务器", D)]),
        concept("server", th=[("เซิร์ฟเวอร์", P)], zh=[("服务器", P)]),
    ]))


def document(*pairs: tuple[str, str | None]) -> BilingualDocument:
    segments = [Segment(src, tgt, "doc.tsv", line) for line, (src, tgt) in enumerate(pairs, 2)]
    return BilingualDocument("doc.tsv", "th-TH", "zh-CN", segments, "tsv")


def findings_of(report, code):
    return [f for f in report.findings if f.check == code]


def test_missing_term_names_the_source_span_and_suggests_the_preferred_term(termbase):
    report = run_check([document(("เราสร้างศูนย์ข้อมูลใหม่", "我们建设了新的机房"))], termbase)
    [finding] = findings_of(report, "missing-term")
    assert finding.severity is Severity.ERROR
    assert (finding.location.path, finding.location.line) == ("doc.tsv", 2)
    assert finding.source_span.text == "ศูนย์ข้อมูล"
    assert "เราสร้างศูนย์ข้อมูลใหม่"[finding.source_span.start:finding.source_span.end] == "ศูนย์ข้อมูล"
    assert finding.suggestion == "数据中心"
    assert "数据中心" in finding.message and "ศูนย์ข้อมูล" in finding.message
    assert finding.concept_id == "dc"


def test_an_approved_translation_gives_no_finding(termbase):
    report = run_check([document(("ศูนย์ข้อมูลปัญญาประดิษฐ์", "人工智能数据中心"))], termbase)
    assert report.findings == []
    assert report.segments_checked == 1


def test_forbidden_term_has_a_fix_replacing_its_span(termbase):
    target = "发展人工智慧产业"
    report = run_check([document(("พัฒนาอุตสาหกรรมปัญญาประดิษฐ์", target))], termbase)
    assert findings_of(report, "missing-term") == []  # the deprecated term is reported instead
    [finding] = findings_of(report, "forbidden-term")
    assert finding.severity is Severity.ERROR
    assert finding.fix.replacement == "人工智能"
    assert target[finding.fix.span.start:finding.fix.span.end] == "人工智慧"
    assert "deprecated" in finding.message


def test_admitted_term_is_info_with_the_preferred_replacement(termbase):
    report = run_check([document(("ระบบคลาวด์", "云端系统"))], termbase)
    [finding] = report.findings
    assert (finding.check, finding.severity) == ("non-preferred-term", Severity.INFO)
    assert finding.fix.replacement == "云计算"
    assert finding.target_span.text == "云端"


def test_count_mismatch_when_the_target_has_fewer_occurrences(termbase):
    report = run_check([document(("ศูนย์ข้อมูลและศูนย์ข้อมูลสำรอง", "数据中心和备用机房"))], termbase)
    [finding] = report.findings
    assert (finding.check, finding.severity) == ("count-mismatch", Severity.WARNING)
    assert "2 times" in finding.message and "1 time " in finding.message


def test_untranslated_and_copied_segments_get_no_term_findings(termbase):
    report = run_check([document(("ศูนย์ข้อมูล", None), ("ศูนย์ข้อมูล", ""), ("ศูนย์ข้อมูล", "ศูนย์ข้อมูล"))], termbase)
    assert not [f for f in report.findings if f.check in SEGMENT_CHECKS]
    # the QA checks see them: one copy of the source, two units without a translation
    assert sorted((f.check, f.severity.value) for f in report.findings) == [
        ("untranslated", "info"), ("untranslated", "warning")]
    assert report.segments_checked == 3


def test_inconsistent_renderings_are_reported_once_per_concept(termbase):
    doc = document(("ศูนย์ข้อมูลหนึ่ง", "一号数据中心"), ("ศูนย์ข้อมูลสอง", "二号数据中心"),
                   ("ศูนย์ข้อมูลสาม", "三号数据库中心"))
    report = run_check([doc], termbase, CheckOptions(checks=["inconsistent-term"]))
    [finding] = report.findings
    assert finding.check == "inconsistent-term"
    assert finding.location.line == 4  # the minority rendering
    assert '"数据中心" 2×' in finding.message and '"数据库中心" 1×' in finding.message
    assert [loc.line for loc in finding.related] == [2, 4]
    assert finding.suggestion == "数据中心"


def test_a_missing_rendering_alone_is_left_to_missing_term(termbase):
    doc = document(("ศูนย์ข้อมูลหนึ่ง", "一号数据中心"), ("ศูนย์ข้อมูลสอง", "二号机房"))
    report = run_check([doc], termbase)
    assert [f.check for f in report.findings] == ["missing-term"]
    alone = run_check([doc], termbase, CheckOptions(checks=["inconsistent-term"]))
    [finding] = alone.findings
    assert "text not in the termbase 1× (line 3)" in finding.message


def test_inconsistency_spans_documents(termbase):
    first = document(("ศูนย์ข้อมูล", "数据中心"))
    second = BilingualDocument("other.tsv", "th", "zh", [Segment("ศูนย์ข้อมูล", "数据库中心", "other.tsv", 7)])
    report = run_check([first, second], termbase, CheckOptions(checks=["inconsistent-term"]))
    [finding] = report.findings
    assert "(doc.tsv:2)" in finding.message and "(line 7)" in finding.message
    assert finding.location.path == "other.tsv"


def test_selected_checks_and_severity_overrides(termbase):
    doc = document(("ศูนย์ข้อมูล ระบบคลาวด์", "机房 云端系统"))
    report = run_check([doc], termbase, CheckOptions(checks=["non-preferred-term"],
                                                     severities={"non-preferred-term": Severity.ERROR}))
    assert [(f.check, f.severity) for f in report.findings] == [("non-preferred-term", Severity.ERROR)]
    assert [info.code for info in report.checks] == ["non-preferred-term"]


def test_unknown_check_code_is_a_config_error(termbase):
    with pytest.raises(ConfigError, match="missing-terms"):
        run_check([document()], termbase, CheckOptions(checks=["missing-terms"]))


def test_a_document_without_languages_needs_them_from_the_options(termbase):
    doc = BilingualDocument("plain.txt", None, None, [Segment("ศูนย์ข้อมูล", "机房", "plain.txt", 1)])
    with pytest.raises(InputError, match="plain.txt: .*--source and --target"):
        run_check([doc], termbase)
    report = run_check([doc], termbase, CheckOptions(source_lang="th", target_lang="zh"))
    assert [f.check for f in report.findings] == ["missing-term"]


def test_several_termbases_are_merged():
    first = Termbase([concept("x", th=[("ศูนย์ข้อมูล", P)], zh=[("数据中心", P)])])
    second = Termbase([concept("x", th=[("คลาวด์", P)], zh=[("云计算", P)])])  # same id, other concept
    report = run_check([document(("ศูนย์ข้อมูลคลาวด์", "机房"))], [first, second])
    assert sorted(f.suggestion for f in report.findings) == ["云计算", "数据中心"]


def test_a_deprecated_word_that_another_concept_prefers_is_not_forbidden(termbase):
    report = run_check([document(("เซิร์ฟเวอร์", "服务器"))], termbase)
    assert report.findings == []
    report = run_check([document(("โฮสต์", "服务器"))], termbase)
    assert [f.check for f in report.findings] == []  # 服务器 counts as a term of both concepts
