"""XLIFF 2.0, XLIFF 1.2 and TMX 1.4 inline codes: what the readers keep, and what the QA checks say.

The files in tests/data/qa/ were composed from the specifications: XLIFF 2 ``<pc>``, ``<sc>``/``<ec>``
(paired and isolated), ``<ph>``, ``<mrk>``, ``<cp>``; XLIFF 1.2 ``<g>``, ``<bpt>``/``<ept>``,
``<bx>``/``<ex>``, ``<it>``, ``<ph>``, Angular's ``<x id="INTERPOLATION"/>`` and
``START_LINK``/``CLOSE_LINK``; TMX ``<bpt>``/``<ept>``, ``<ph>``, ``<ut>``, ``<it>``. Each unit's id
says what it holds; the findings of every file are listed in full.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.bitext.inline import PLACEHOLDER
from trilex.bitext.model import InlineCode
from trilex.bitext.tmx import read_tmx
from trilex.bitext.xliff import read_xliff
from trilex.check.engine import CheckOptions, run_check
from trilex.termbase.model import Termbase

DATA = Path(__file__).parent / "data" / "qa"
QA_CODES = ("placeholder-mismatch", "tag-mismatch", "accelerator-mismatch", "whitespace-mismatch", "url-mismatch",
            "untranslated", "plural-forms", "header-mismatch", "inconsistent-translation")


def findings(document) -> Counter:
    report = run_check([document], Termbase(), CheckOptions(checks=QA_CODES))
    return Counter((f.location.unit_id, f.check, f.severity.value, f.message,
                    f.source_span.text if f.source_span else None,
                    f.target_span.text if f.target_span else None) for f in report.findings)


def by_id(document):
    return {segment.unit_id: segment for segment in document.segments}


def T(unit, message, source=None, target=None, severity="error"):
    return (unit, "tag-mismatch", severity, message, source, target)


def P(unit, message, source=None, target=None, severity="error"):
    return (unit, "placeholder-mismatch", severity, message, source, target)


# -- XLIFF 2.0 ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def xliff2():
    return read_document(str(DATA / "codes-2.0.th.xlf"))


def test_xliff2_reader_keeps_codes_with_kinds_ids_and_positions(xliff2):
    assert (xliff2.source_lang, xliff2.target_lang, xliff2.declared_target_lang) == ("en", "th", "th")
    assert xliff2.declared_line == 3  # <xliff trgLang>
    assert (xliff2.header, xliff2.header_line, xliff2.accelerator) == ({}, None, None)
    units = by_id(xliff2)
    pc = units["pc-ok"]
    assert (pc.source, pc.target) == ("Click Save now", "คลิก บันทึก ตอนนี้")
    assert pc.source_codes == (
        InlineCode("open", "pc", "1", None, 6, '<pc id="1" dataRefStart="d1" dataRefEnd="d2">'),
        InlineCode("close", "pc", "1", None, 10, "</pc>"))
    assert [(c.kind, c.id, c.position) for c in pc.target_codes] == [("open", "1", 5), ("close", "1", 11)]
    assert pc.raw_target == 'คลิก <pc id="1" dataRefStart="d1" dataRefEnd="d2">บันทึก</pc> ตอนนี้'
    sc = units["sc-ec-ok"]
    assert sc.source == "Text bold end"  # <sc>/<ec> carry no text
    assert [(c.kind, c.element, c.id, c.position) for c in sc.source_codes] == [
        ("open", "sc", "2", 5), ("close", "ec", "2", 9)]  # <ec startRef> gives the id it closes
    assert [(c.kind, c.element) for c in units["sc-isolated"].source_codes] == [("isolated", "sc")]
    ph = units["ph-ok"]
    assert ph.source == f"Hello {PLACEHOLDER}, you have {PLACEHOLDER} files"
    assert [(c.kind, c.element, c.id, c.native, c.position) for c in ph.source_codes] == [
        ("standalone", "ph", "p1", "{name}", 6), ("standalone", "ph", "p2", "{n}", 18)]
    assert [ph.source[c.position] for c in ph.source_codes] == [PLACEHOLDER, PLACEHOLDER]
    assert [ph.target[c.position] for c in ph.target_codes] == [PLACEHOLDER, PLACEHOLDER]
    nested = units["pc-nested"]
    assert [(c.kind, c.id, c.position) for c in nested.source_codes] == [
        ("open", "1", 0), ("open", "2", 6), ("close", "2", 10), ("close", "1", 10), ("standalone", "3", 15)]
    assert units["cp-tab"].source == "Tab\there"
    assert units["ph-renamed-initial"].state == "initial" and units["ph-renamed-initial"].unfinished
    assert [s.unit_id for s in xliff2.segments if s.unit_id.startswith("two")] == ["two:s1", "two:s2"]
    assert all(not segment.space_preserved for segment in xliff2.segments)


def test_xliff2_findings(xliff2):
    assert findings(xliff2) == Counter([
        T("pc-lost", 'inline code <pc id="1"> of the source is missing in the target', ""),
        T("pc-lost", "inline code </pc> of the source is missing in the target", ""),
        T("sc-ec-lost-end", 'inline code <ec startRef="2"/> of the source is missing in the target', ""),
        T("sc-ec-reversed", 'inline code <ec startRef="2"/> in the target is not paired with its other end', None, ""),
        P("ph-lost", 'inline code <ph id="p2" equiv="{n}"/> of the source is missing in the target', PLACEHOLDER),
        P("ph-renamed-initial", 'inline code <ph id="p1"/> of the source is missing in the target', PLACEHOLDER,
          severity="info"),
        P("ph-renamed-initial", 'inline code <ph id="p9"/> in the target is not in the source', None, PLACEHOLDER,
          severity="info"),
        P("two:s2", 'inline code <ph id="x"/> of the source is missing in the target', PLACEHOLDER),
    ])


def test_a_missing_paired_code_points_where_it_stood(xliff2):
    report = run_check([xliff2], Termbase(), CheckOptions(checks=["tag-mismatch"]))
    spans = {(f.location.unit_id, f.message.split()[2], f.source_span.start) for f in report.findings
             if f.source_span is not None}
    assert ("pc-lost", '<pc', 6) in spans and ("pc-lost", "</pc>", 10) in spans


# -- XLIFF 1.2 ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def xliff12():
    return read_document(str(DATA / "codes-1.2.zh-CN.xlf"))


def test_xliff12_reader_keeps_codes(xliff12):
    assert (xliff12.declared_target_lang, xliff12.declared_line) == ("zh-CN", 5)  # <file target-language>
    units = by_id(xliff12)
    g = units["g-ok"]
    assert (g.source, g.target) == ("Open the file now", "立即打开该文件")
    assert [(c.kind, c.element, c.id, c.position, c.markup) for c in g.target_codes] == [
        ("open", "g", "1", 4, '<g id="1" ctype="bold">'), ("close", "g", "1", 7, "</g>")]
    bpt = units["bpt-ok"]
    assert bpt.source == "Press Enter to go"  # the native <b> is code, not text
    assert [(c.kind, c.element, c.id, c.native, c.position) for c in bpt.source_codes] == [
        ("open", "bpt", "1", "<b>", 6), ("close", "ept", "1", "</b>", 11)]
    assert bpt.raw_source == "Press <bpt id=\"1\">&lt;b&gt;</bpt>Enter<ept id=\"1\">&lt;/b&gt;</ept> to go"
    assert [(c.kind, c.element, c.id) for c in units["bx-ex"].source_codes] == [("open", "bx", "r1"), ("close", "ex", "r1")]
    assert [(c.kind, c.element, c.id, c.native) for c in units["it"].source_codes] == [("isolated", "it", "1", "<b>")]
    assert [(c.kind, c.element, c.native) for c in units["ph"].source_codes] == [("standalone", "ph", "<br/>")]
    link = units["link-ok"]
    assert link.source == f"New? {PLACEHOLDER}Join{PLACEHOLDER}"
    assert [(c.kind, c.element, c.id, c.native, c.position) for c in link.source_codes] == [
        ("standalone", "x", "START_LINK", '<a href="/join">', 5), ("standalone", "x", "CLOSE_LINK", "</a>", 10)]
    assert units["x-lost-needs-review"].state == "needs-review-translation"


def test_xliff12_findings(xliff12):
    assert findings(xliff12) == Counter([
        T("g-lost", 'inline code <g id="1"> of the source is missing in the target', ""),
        T("g-lost", "inline code </g> of the source is missing in the target", ""),
        T("g-other-id", 'inline code <g id="1"> of the source is missing in the target', ""),
        T("g-other-id", "inline code </g> of the source is missing in the target", ""),
        T("g-other-id", 'inline code <g id="2"> in the target is not in the source', None, ""),
        T("g-other-id", "inline code </g> in the target is not in the source", None, ""),
        T("bpt-lost-ept", 'inline code <ept id="1">&lt;/b&gt;</ept> of the source is missing in the target', ""),
        P("x-lost-needs-review",
          'inline code <x id="INTERPOLATION" equiv-text="{{ name }}"/> of the source is missing in the target',
          PLACEHOLDER, severity="info"),
        T("link-reversed", 'inline code <x id="CLOSE_LINK" ctype="x-a"/> in the target is not paired with its '
                           "other end", None, PLACEHOLDER),
    ])


# -- TMX 1.4 -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tmx():
    return read_document(str(DATA / "codes.th.tmx"))


def test_tmx_reader_keeps_codes(tmx):
    assert (tmx.source_lang, tmx.target_lang, tmx.declared_target_lang) == ("en", "th", None)
    units = by_id(tmx)
    ok = units["ok"]
    assert ok.source == f"Press Enter to save {PLACEHOLDER}"
    assert [(c.kind, c.element, c.id, c.native, c.position) for c in ok.source_codes] == [
        ("open", "bpt", "1", "<b>", 6), ("close", "ept", "1", "</b>", 11), ("standalone", "ph", "2", "%s", 20)]
    assert ok.target_codes[2].position == ok.target.index(PLACEHOLDER) == 21
    assert [(c.kind, c.element, c.native) for c in units["ut-it"].source_codes] == [
        ("isolated", "it", "<i>"), ("standalone", "ut", "<br>")]


def test_tmx_findings_compare_codes_by_their_native_text(tmx):
    assert findings(tmx) == Counter([
        P("ph-lost", 'inline code <ph x="1">%s</ph> of the source is missing in the target', PLACEHOLDER),
        P("ph-changed", 'inline code <ph x="1">%s</ph> of the source is missing in the target', PLACEHOLDER),
        P("ph-changed", 'inline code <ph x="1">%d</ph> in the target is not in the source', None, PLACEHOLDER),
        T("ept-lost", 'inline code <ept i="1">&lt;/b&gt;</ept> of the source is missing in the target', ""),
    ])  # "renumbered": i="5" for i="1" pairs the same <b>…</b>, which is fine in TMX


# -- codes that wrap translated text and have no id --------------------------------------------

HI_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"
          srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="hi">
      <tuv xml:lang="en"><seg>Open the <hi type="b">data center</hi> now</seg></tuv>
      <tuv xml:lang="th"><seg>เปิด<hi type="b">ศูนย์ข้อมูล</hi>ตอนนี้</seg></tuv>
    </tu>
  </body>
</tmx>
"""
MRK_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="th" datatype="plaintext" original="a">
    <body>
      <trans-unit id="mrk">
        <source>Open the <mrk mtype="term" mid="m1">data center</mrk> now</source>
        <target state="translated">เปิด<mrk mtype="term" mid="m1">ศูนย์ข้อมูล</mrk>ตอนนี้</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff2_mrk_with_translated_content_is_fine(xliff2):
    assert not [key for key in findings(xliff2) if key[0] == "mrk-term"]


@pytest.mark.parametrize("name", ["hi.th.tmx", "mrk.th.xlf"])
def test_wrapping_codes_without_an_id_survive_translation_of_their_content(name):
    if name.endswith(".tmx"):
        document = read_tmx(name, data=HI_TMX.encode("utf-8"))
    else:
        document = read_xliff(name, data=MRK_XLIFF.encode("utf-8"))
    assert findings(document) == Counter()
