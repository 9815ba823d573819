"""The term checks on real catalogues: xfce4-panel PO (th, zh_CN) and WISE Angular XLIFF (zh-CN, th).

The termbases in tests/data/check/ were written for these files: xfce.tbx deprecates the Thai
แฟ้ม (file) in favour of ไฟล์ and prefers พื้นโต๊ะ over เดสก์ท็อป (desktop); wise.tbx admits
老师 beside the preferred 教师 (teacher).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.check.engine import run_check
from trilex.check.index import TermIndex
from trilex.check.terms import SEGMENT_CHECKS
from trilex.termbase import load

DATA = Path(__file__).parent / "data" / "check"


@pytest.fixture(scope="module")
def xfce_report(corpora_dir):
    index = TermIndex(load(str(DATA / "xfce.tbx")))
    documents = [read_document(str(corpora_dir / "po" / name)) for name in ("xfce4-panel.th.po", "xfce4-panel.zh_CN.po")]
    return run_check(documents, index)


@pytest.fixture(scope="module")
def wise_report(corpora_dir):
    index = TermIndex(load(str(DATA / "wise.tbx")))
    documents = [read_document(str(corpora_dir / "xliff" / name))
                 for name in ("wise-client.messages.zh-Hans.xlf", "wise-client.messages.th.xlf")]
    return run_check(documents, index)


@pytest.fixture(scope="module")
def corpora_dir():
    from conftest import CORPORA, need_shared

    return need_shared(CORPORA)


def where(report, code):
    return [(Path(f.location.path).name, f.location.line) for f in report.findings if f.check == code]


def test_xfce_deprecated_thai_file_is_forbidden_with_a_fix(xfce_report):
    forbidden = where(xfce_report, "forbidden-term")
    assert ("xfce4-panel.th.po", 255) in forbidden  # File: → แฟ้ม:
    assert forbidden.count(("xfce4-panel.th.po", 1305)) == 2  # แฟ้มเดสก์ท็อป %d แฟ้ม
    assert len(forbidden) == 17
    assert all(name == "xfce4-panel.th.po" for name, _ in forbidden)
    line_255 = next(f for f in xfce_report.findings if f.location.line == 255)
    assert (line_255.source, line_255.target) == ("File:", "แฟ้ม:")
    assert (line_255.fix.span.start, line_255.fix.span.end, line_255.fix.replacement) == (0, 4, "ไฟล์")


def test_xfce_missing_terms_are_the_real_omissions(xfce_report):
    # zh_CN.po:515 translates "…a file in the zoneinfo database…" without 文件;
    # zh_CN.po:1188 renders PLUGIN-NAME as 面板-名称 ("panel-name").
    assert sorted(where(xfce_report, "missing-term")) == [("xfce4-panel.zh_CN.po", 515), ("xfce4-panel.zh_CN.po", 1188)]
    # Thai หน้าต่าง inside ปิดหน้าต่าง / ให้หน้าต่าง is not reported missing although segmentation glues it.
    assert not [loc for loc in where(xfce_report, "missing-term") if loc[0] == "xfce4-panel.th.po"]


def test_xfce_count_mismatch_where_a_panel_stays_in_latin(xfce_report):
    # "…current xfce4-panel configuration…" → "…การตั้งค่าพาเนล xfce4…": two panels, one พาเนล.
    assert where(xfce_report, "count-mismatch") == [("xfce4-panel.th.po", 1277)]


def test_xfce_desktop_is_rendered_two_ways_in_thai(xfce_report):
    [finding] = [f for f in xfce_report.findings if f.check == "inconsistent-term"]
    assert Path(finding.location.path).name == "xfce4-panel.th.po"
    assert '"พื้นโต๊ะ" 5×' in finding.message and '"เดสก์ท็อป" 4×' in finding.message
    assert finding.suggestion == "พื้นโต๊ะ"
    assert sorted(where(xfce_report, "non-preferred-term")) == [
        ("xfce4-panel.th.po", 29), ("xfce4-panel.th.po", 1305), ("xfce4-panel.th.po", 1345), ("xfce4-panel.th.po", 2138)]


def test_wise_teacher_renderings_and_the_untranslated_thai_copies(wise_report):
    [inconsistent] = [f for f in wise_report.findings if f.check == "inconsistent-term"]
    assert '"教师" 39×' in inconsistent.message and '"老师" 14×' in inconsistent.message
    non_preferred = where(wise_report, "non-preferred-term")
    assert len(non_preferred) == 15 and ("wise-client.messages.zh-Hans.xlf", 49) in non_preferred
    # "Email Sent" → 邮件已发送: neither 电子邮件 nor 邮箱.
    assert where(wise_report, "missing-term") == [("wise-client.messages.zh-Hans.xlf", 3743)]
    [missing] = [f for f in wise_report.findings if f.check == "missing-term"]
    assert missing.location.unit_id == "5c112eccf2cd10cf48736fb8fd2c18c1788b6bb9"
    assert missing.source_span.text == "Email" and missing.target == "邮件已发送"
    # The Thai file copies the English source into most targets: those are not term errors.
    term_checks = {*SEGMENT_CHECKS, "inconsistent-term"}
    assert not [f for f in wise_report.findings if f.location.path.endswith(".th.xlf") and f.check in term_checks]
    assert wise_report.segments_checked == 2611 * 2
