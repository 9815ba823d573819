"""Writing TMX: DTD-valid in every case, the WRITING-RULES checklist, and lossless round trips."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from trilex.tm.model import InlineCode, Note, Prop, TmxHeader, TranslationUnit, Variant, plain_text
from trilex.tm.tmx import read_tmx, write_bilingual, write_tmx

DATA = Path(__file__).parent / "data" / "tmx"
TOOL_FILES = ["trados_studio_utf16le.tmx", "memoq_multilingual.tmx", "omegat_project_save.tmx",
              "okapi_utf16be.tmx", "tmx11_lang.tmx"]
DATE = re.compile(r"^\d{8}T\d{6}Z$")
REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def dtd() -> etree.DTD:
    path = Path(__file__).resolve().parents[2] / "shared" / "standards" / "tmx" / "tmx14.dtd"
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (schemas and corpora) is not beside this checkout")
    return etree.DTD(str(path))


def check_written(path: Path, dtd: etree.DTD) -> etree._ElementTree:
    """DTD validity plus the checks the DTD cannot make (WRITING-RULES §3, items 1–3)."""
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    tree = etree.parse(str(path), parser)
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    root = tree.getroot()
    header = root.find("header")
    assert all(header.get(name) for name in REQUIRED)
    for element in root.iter():
        for name in ("creationdate", "changedate", "lastusagedate"):
            if element.get(name) is not None:
                assert DATE.match(element.get(name)), element.get(name)
    assert root.find(".//ut") is None
    for tu in root.iter("tu"):
        tuvs = tu.findall("tuv")
        langs = [tuv.get(XML_LANG) for tuv in tuvs]
        assert len(tuvs) >= 2 and len(set(langs)) == len(langs)
        assert langs[0] == header.get("srclang")
        for tuv in tuvs:
            check_segment(tuv.find("seg"))
    return tree


def check_segment(seg: etree._Element) -> None:
    if seg.text:
        assert seg.text == seg.text.lstrip(" \t\r\n")
    last = seg[-1].tail if len(seg) else seg.text
    if last:
        assert last == last.rstrip(" \t\r\n")
    open_ids: list[str] = []
    seen: set[str] = set()
    for element in seg.iter("bpt", "ept"):
        if element.getparent().tag == "sub":
            continue
        if element.tag == "bpt":
            assert element.get("i") not in seen
            seen.add(element.get("i"))
            open_ids.append(element.get("i"))
        else:
            assert element.get("i") in open_ids
            open_ids.remove(element.get("i"))
    assert not open_ids


def comparable(unit: TranslationUnit):
    """A unit with its variants keyed by language (the writer puts the source first)."""
    return (unit.tuid, unit.notes, unit.props, unit.attributes, unit.srclang,
            {variant.lang: variant for variant in unit.variants})


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16le"])
@pytest.mark.parametrize("name", TOOL_FILES)
def test_round_trip_keeps_every_unit_language_note_prop_and_code(tmp_path, dtd, name, encoding):
    header, units = read_tmx(DATA / name)
    units = list(units)
    out = tmp_path / "out.tmx"
    stats = write_tmx(units, out, srclang=header.srclang, header=header, encoding=encoding, region_codes=False)
    assert (stats.written, stats.skipped, stats.warning_count) == (len(units), 0, 0)
    check_written(out, dtd)
    header2, units2 = read_tmx(out)
    assert [comparable(unit) for unit in units2] == [comparable(unit) for unit in units]
    assert (header2.props, header2.notes, header2.o_tmf, header2.datatype, header2.srclang) == (
        header.props, header.notes, header.o_tmf, header.datatype, header.srclang)
    assert header2.creationtool == "trilex"


def test_utf16le_has_bom_and_declares_utf16(tmp_path):
    header, units = read_tmx(DATA / "memoq_multilingual.tmx")
    out = tmp_path / "legacy.tmx"
    write_tmx(units, out, srclang="en", encoding="utf-16le")
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16-le"))
    assert "ศูนย์ข้อมูล" in data[2:].decode("utf-16-le")


def test_utf8_default_has_no_bom_and_the_declaration(tmp_path):
    _, units = read_tmx(DATA / "memoq_multilingual.tmx")
    out = tmp_path / "out.tmx"
    write_tmx(units, out, srclang="en-US")
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def test_region_codes_by_default_and_configurable(tmp_path, dtd):
    _, units = read_tmx(DATA / "okapi_utf16be.tmx")
    units = list(units)
    out = tmp_path / "region.tmx"
    write_tmx(units, out, srclang="en")
    tree = check_written(out, dtd)
    assert tree.getroot().find("header").get("srclang") == "en-US"
    assert tree.getroot().find("header").get("adminlang") == "en-US"
    assert [tuv.get(XML_LANG) for tuv in tree.getroot().find(".//tu").iter("tuv")] == ["en-US", "th-TH", "zh-CN"]
    write_tmx(units, out, srclang="en", region_codes=False)
    tree = check_written(out, dtd)
    assert [tuv.get(XML_LANG) for tuv in tree.getroot().find(".//tu").iter("tuv")] == ["en", "th", "zh"]


def test_bilingual_output_per_pair_for_trados(tmp_path, dtd):
    _, units = read_tmx(DATA / "memoq_multilingual.tmx")
    units = list(units)
    for source, target in [("en", "th"), ("th-TH", "zh-CN"), ("zh", "en")]:
        out = tmp_path / f"{source}-{target}.tmx"
        stats = write_bilingual(units, out, source, target)
        assert stats.written == 2
        tree = check_written(out, dtd)
        for tu in tree.getroot().iter("tu"):
            assert [tuv.get(XML_LANG)[:2] for tuv in tu.iter("tuv")] == [source[:2], target[:2]]
        _, back = read_tmx(out)
        back = list(back)
        for original, written in zip(units, back):
            for lang in (source, target):
                before, after = original.variant(lang), written.variant(lang)
                assert (after.content, after.notes, after.props, after.attributes) == (
                    before.content, before.notes, before.props, before.attributes)


def test_bilingual_skips_units_without_both_languages(tmp_path):
    _, units = read_tmx(DATA / "okapi_utf16be.tmx")
    messages: list[str] = []
    stats = write_bilingual(units, tmp_path / "en-zh.tmx", "en", "zh", on_warning=messages.append)
    assert (stats.written, stats.skipped) == (1, 1)
    assert messages == ["unit okf_html:doc1.html_2: fewer than two languages to write; unit skipped"]


def unit(*variants: Variant, **kwargs) -> TranslationUnit:
    return TranslationUnit(variants=list(variants), **kwargs)


def test_units_without_source_or_with_one_language_or_duplicates(tmp_path, dtd):
    units = [
        unit(Variant("th", ["ก"]), Variant("zh", ["中"]), tuid="no-source"),
        unit(Variant("en", ["alone"]), tuid="alone"),
        unit(Variant("en", ["a"]), Variant("th-TH", ["ก"]), Variant("th", ["ข"]), tuid="dup"),
    ]
    out = tmp_path / "skips.tmx"
    stats = write_tmx(units, out, srclang="en")
    assert (stats.written, stats.skipped) == (1, 2)
    assert stats.warnings == [
        "unit no-source: no en variant; unit skipped",
        "unit alone: fewer than two languages to write; unit skipped",
        "unit dup: second th variant left out (one per language)",
    ]
    tree = check_written(out, dtd)
    assert [seg.text for seg in tree.getroot().iter("seg")] == ["a", "ก"]


def test_forbidden_characters_are_dropped_and_reported(tmp_path, dtd):
    bad = unit(Variant("en", ["Tab\tok\x01bell\x07", InlineCode("ph", ["<x\x0b/>"], x="1"), "end\uffff"],
                       notes=[Note("note\x1f")]),
               Variant("th", ["ไทย\x00", InlineCode("ph", ["<x/>"], x="1")]), props=[Prop("x-Note", "p\x02")],
               tuid="t\x03")
    messages: list[str] = []
    out = tmp_path / "bad.tmx"
    stats = write_tmx([bad], out, srclang="en", on_warning=messages.append)
    assert stats.dropped_chars == 8
    assert stats.warnings == messages and len(messages) == 7
    assert "unit t: dropped 2 character(s) not allowed in XML 1.0 (U+0001, U+0007)" in messages
    check_written(out, dtd)
    _, back = read_tmx(out)
    written = next(back)
    assert written.tuid == "t"
    assert written.variant("en").content == ["Tab\tokbell", InlineCode("ph", ["<x/>"], x="1"), "end"]
    assert written.variant("en").notes == [Note("note")]
    assert written.props == [Prop("x-Note", "p")]
    assert written.variant("th").text == "ไทย"


def test_segment_edges_are_trimmed_and_inner_space_kept(tmp_path, dtd):
    out = tmp_path / "trim.tmx"
    stats = write_tmx([unit(Variant("en", ["  two  spaces \n"]), Variant("zh", ["\u3000中文 "]))], out, srclang="en")
    assert stats.trimmed == 2  # only XML white space: the ideographic space is text
    check_written(out, dtd)
    _, back = read_tmx(out)
    written = next(back)
    assert written.variant("en").text == "two  spaces"
    assert written.variant("zh").text == "\u3000中文"


def test_dates_and_attributes_are_written_the_tmx_way(tmp_path, dtd):
    variant = Variant("en", ["a"], attributes={"creationdate": "2024-05-01T19:00:00+07:00",
                                               "changedate": "soon", "x-score": "99", "usagecount": "4"})
    messages: list[str] = []
    out = tmp_path / "dates.tmx"
    write_tmx([unit(variant, Variant("th", ["ก"]), attributes={"segtype": "term"})], out, srclang="en",
              on_warning=messages.append)
    tree = check_written(out, dtd)
    tuv = tree.getroot().find(".//tuv")
    assert dict(tuv.attrib) == {XML_LANG: "en-US", "creationdate": "20240501T120000Z", "usagecount": "4"}
    assert messages == [
        "<tu segtype='term'> is not a TMX segment type; left out",
        "<tuv changedate='soon'> is not a date; left out",
        "attribute 'x-score' is not allowed on <tuv> in TMX 1.4; left out",
    ]


def test_deprecated_ut_and_it_without_pos_become_ph(tmp_path, dtd):
    source = Variant("en", ["a", InlineCode("ut", ["{\\b}"], x="1"), "b", InlineCode("it", ["<i>"], x="2")])
    out = tmp_path / "ut.tmx"
    target = Variant("th", ["ก", InlineCode("ph", ["{\\b}"], x="1"), InlineCode("ph", ["<i>"], x="2")])
    stats = write_tmx([unit(source, target)], out, srclang="en")
    assert stats.warning_count == 2
    check_written(out, dtd)
    _, back = read_tmx(out)
    assert next(back).variant("en").content == [
        "a", InlineCode("ph", ["{\\b}"], x="1"), "b", InlineCode("ph", ["<i>"], x="2")]


def test_codes_missing_from_a_target_are_reported(tmp_path, dtd):
    source = Variant("en", ["Open ", InlineCode("bpt", ["<b>"], i="1", x="1"), "Settings",
                            InlineCode("ept", ["</b>"], i="1"), InlineCode("ph", ["<br/>"], x="2")])
    target = Variant("th", ["เปิดการตั้งค่า", InlineCode("ph", ["<br/>"], x="2")])
    out = tmp_path / "x.tmx"
    stats = write_tmx([unit(source, target, tuid="7")], out, srclang="en")
    assert stats.written == 1
    assert stats.warnings == ["unit 7: inline codes of th (x=['2']) do not match the source's (x=['1', '2'])"]
    check_written(out, dtd)


@pytest.mark.parametrize(("content", "message"), [
    (["a", InlineCode("bpt", ["<b>"], i="1"), "b"], "<bpt i='1'> has no <ept>"),
    (["a", InlineCode("ept", ["</b>"], i="1")], "<ept i='1'> has no <bpt> before it"),
    ([InlineCode("bpt", ["<b>"], i="1"), InlineCode("bpt", ["<i>"], i="1"), InlineCode("ept", [], i="1")],
     "needs an i unique in its segment"),
    (["a", InlineCode("sub", ["b"])], "<sub> cannot appear inside <seg>"),
    ([InlineCode("ph", [InlineCode("ph", ["<x/>"])])], "<ph> cannot appear inside <ph>"),
])
def test_invalid_inline_structure_is_refused_and_nothing_is_written(tmp_path, content, message):
    out = tmp_path / "out.tmx"
    out.write_text("previous content")
    with pytest.raises(ValueError, match=re.escape(message)):
        write_tmx([unit(Variant("en", content), Variant("th", ["ก"]), tuid="u1")], out, srclang="en")
    assert out.read_text() == "previous content"
    assert [path.name for path in tmp_path.iterdir()] == ["out.tmx"]


def test_an_interrupted_stream_leaves_no_file(tmp_path):
    def units():
        yield unit(Variant("en", ["a"]), Variant("th", ["ก"]))
        raise RuntimeError("store went away")

    out = tmp_path / "out.tmx"
    with pytest.raises(RuntimeError):
        write_tmx(units(), out, srclang="en")
    assert list(tmp_path.iterdir()) == []


def test_unknown_encoding_is_refused(tmp_path):
    with pytest.raises(ValueError, match="encoding must be one of utf-8, utf-16le"):
        write_tmx([], tmp_path / "x.tmx", srclang="en", encoding="latin-1")


def test_empty_memory_is_still_valid(tmp_path, dtd):
    out = tmp_path / "empty.tmx"
    assert write_tmx([], out, srclang="th").written == 0
    tree = check_written(out, dtd)
    assert tree.getroot().find("header").get("srclang") == "th-TH"


def test_shared_example_round_trips(tmp_path, dtd, standards):
    header, units = read_tmx(standards / "tmx" / "examples" / "minimal_tmx14_th-zh-en.tmx")
    units = list(units)
    out = tmp_path / "example.tmx"
    write_tmx(units, out, srclang="en-US", header=header)
    check_written(out, dtd)
    assert [comparable(u) for u in read_tmx(out)[1]] == [comparable(u) for u in units]


def test_ntrex128_news_in_three_languages(tmp_path, dtd, corpora):
    folder = corpora / "ntrex128"
    columns = [(folder / name).read_text("utf-8").splitlines()[:300] for name in (
        "newstest2019-src.eng.txt", "newstest2019-ref.tha.txt", "newstest2019-ref.zho-CN.txt")]
    units = [unit(Variant("en", [en]), Variant("th", [th]), Variant("zh", [zh]), tuid=str(n))
             for n, (en, th, zh) in enumerate(zip(*columns), 1)]
    out = tmp_path / "ntrex.tmx"
    stats = write_tmx(units, out, srclang="en")
    assert stats.written == 300
    check_written(out, dtd)
    back = list(read_tmx(out)[1])
    assert [u.variant("th").text for u in back] == [line.strip() for line in columns[1]]
    assert [u.variant("zh-CN").text for u in back] == [line.strip() for line in columns[2]]


# --- property test: whatever the text, the output is valid and reads back -------------------

FORBIDDEN = "\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff"
ALPHABET = st.sampled_from(list("กขคำเแไ่้๊๋ั็ ๑๒中文简体，。「」abcAZ09<>&\"' \t\n\u00a0\u200b") + list(FORBIDDEN))
TEXT = st.text(ALPHABET, max_size=20)


@st.composite
def contents(draw):
    items: list = []
    pairs = 0
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            items.append(draw(TEXT))
        elif choice == 1:
            items.append(InlineCode("ph", [draw(TEXT)], x=str(len(items) + 1)))
        elif choice == 2:
            pairs += 1
            items += [InlineCode("bpt", [draw(TEXT)], i=str(pairs), x=str(pairs)), draw(TEXT),
                      InlineCode("ept", [draw(TEXT)], i=str(pairs))]
        else:
            items.append(InlineCode("hi", [draw(TEXT), InlineCode("ph", ["<br/>"])], type="x-term"))
    return items


def count_forbidden(content: list) -> int:
    return sum(sum(item.count(char) for char in FORBIDDEN) if isinstance(item, str)
               else count_forbidden(item.content) for item in content)


def expected_content(content: list, top: bool = True) -> list:
    """What reading back should give: forbidden characters gone, segment edges trimmed, texts merged."""
    cleaned: list = []
    for item in content:
        if isinstance(item, str):
            text = "".join(char for char in item if char not in FORBIDDEN)
            if cleaned and isinstance(cleaned[-1], str):
                cleaned[-1] += text
            elif text:
                cleaned.append(text)
        else:
            cleaned.append(InlineCode(item.kind, expected_content(item.content, False), item.i, item.x, item.type))
    if top and cleaned and isinstance(cleaned[0], str):
        cleaned[0] = cleaned[0].lstrip(" \t\r\n")
    if top and cleaned and isinstance(cleaned[-1], str):
        cleaned[-1] = cleaned[-1].rstrip(" \t\r\n")
    return [item for item in cleaned if item != ""]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=contents(), target=contents(), note=TEXT, encoding=st.sampled_from(["utf-8", "utf-16le"]))
@example(source=["\x01", " ก"], target=["", "\n0"], note="", encoding="utf-8")
def test_any_text_gives_a_valid_file_that_reads_back(tmp_path, dtd, source, target, note, encoding):
    out = tmp_path / "prop.tmx"
    written = unit(Variant("th", source), Variant("zh", target), notes=[Note(note)], tuid="p1")
    stats = write_tmx([written], out, srclang="th", encoding=encoding)
    check_written(out, dtd)
    back = next(read_tmx(out)[1])
    assert back.variant("th").content == expected_content(source)
    assert back.variant("zh").content == expected_content(target)
    assert back.notes == [Note("".join(char for char in note if char not in FORBIDDEN))]
    assert plain_text(back.variant("th").content) == back.variant("th").text
    assert stats.dropped_chars == count_forbidden(source) + count_forbidden(target) + count_forbidden([note])


def test_header_values_are_kept_or_defaulted(tmp_path, dtd):
    header = TmxHeader(segtype="phrase", o_tmf="MemoQTM", adminlang="th", datatype="html",
                       notes=[Note("exported")], props=[Prop("x-Project", "demo")],
                       attributes={"creationid": "pm", "changedate": "2024-01-02"})
    out = tmp_path / "h.tmx"
    write_tmx([], out, srclang="zh", header=header)
    element = check_written(out, dtd).getroot().find("header")
    assert {key: element.get(key) for key in (*REQUIRED, "creationid", "changedate")} == {
        "creationtool": "trilex", "creationtoolversion": "0.1.0", "segtype": "phrase", "o-tmf": "MemoQTM",
        "adminlang": "th-TH", "srclang": "zh-CN", "datatype": "html", "creationid": "pm",
        "changedate": "20240102T000000Z"}
    assert DATE.match(element.get("creationdate"))


@pytest.mark.parametrize("name", TOOL_FILES)
def test_round_trip_through_the_tm_store(tmp_path, dtd, name):
    """TMX → store → TMX with files shaped like Trados, memoQ, OmegaT, Okapi and TMX 1.1 exports."""
    from trilex.tm.importers import read_units
    from trilex.tm.store import open_store

    header, units = read_tmx(DATA / name)
    original = list(units)
    with open_store(tmp_path / "tm.tm") as store:
        store.add(read_units(DATA / name), origin=name)
        out = tmp_path / "out.tmx"
        stats = write_tmx((stored.unit for stored in store.iter_units()), out, srclang=header.srclang,
                          region_codes=False)
    assert stats.written == len(original)
    check_written(out, dtd)
    again = list(read_tmx(out)[1])

    def source_text(unit: TranslationUnit) -> str:  # the store need not keep the file's order
        return unit.variant(header.srclang).text

    assert [comparable(unit) for unit in sorted(again, key=source_text)] == [
        comparable(unit) for unit in sorted(original, key=source_text)]
