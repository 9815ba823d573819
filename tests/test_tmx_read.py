"""Reading TMX the way Trados, memoQ, OmegaT, Okapi and TMX 1.1 tools write it."""

from __future__ import annotations

import codecs
import io
import warnings
from datetime import datetime, timezone
from pathlib import Path

import pytest

from trilex.errors import InputError
from trilex.tm.model import (
    InlineCode,
    Note,
    Prop,
    TmxWarning,
    format_tmx_date,
    parse_tmx_date,
)
from trilex.tm.tmx import read_tmx

DATA = Path(__file__).parent / "data" / "tmx"

HEADER = ('<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
          'adminlang="en-US" srclang="en-US" datatype="plaintext"/>')


def read_all(path, **kwargs):
    header, units = read_tmx(path, **kwargs)
    return header, list(units)


def tmx_bytes(body: str, header: str = HEADER, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:
    return f'{prolog}<tmx version="1.4">\n{header}\n<body>\n{body}\n</body>\n</tmx>\n'.encode("utf-8")


def test_trados_utf16le_bom_header_props_and_dates():
    header, units = read_all(DATA / "trados_studio_utf16le.tmx")
    assert header.creationtool == "SDL Language Platform"
    assert header.o_tmf == "SDL TM8 Format"
    assert header.srclang == "en-US"  # EN-US normalized
    assert header.attributes == {"creationdate": "20240312T091500Z", "creationid": "ACME\\anna"}
    assert Prop("x-TMName", "ACME_en-US_th-TH") in header.props
    assert Prop("x-Client:SingleString", "") in header.props
    assert len(units) == 3
    first = units[0]
    assert first.languages == ["en-US", "th-TH"]
    assert first.srclang == "en-US"
    assert first.attributes["usagecount"] == "3"
    assert first.attributes["changeid"] == "ACME\\somchai"
    assert Prop("x-ConfirmationLevel", "ApprovedTranslation") in first.props
    assert first.variant("th").text == "คลิก บันทึก เพื่อเก็บการเปลี่ยนแปลง"
    bpt = first.variant("en-US").content[1]
    assert bpt == InlineCode("bpt", ['<cf bold="True">'], i="1", x="1", type="bold")
    second = units[1]
    # CRLF inside the file is not inside the segment; &amp; and &lt; are text.
    assert second.variant("en").text == "Line oneline two & three < four"
    assert second.variant("en").codes == [InlineCode("ph", [], x="1", type="lb")]


def test_trados_nested_empty_pairs_stay_codes():
    _, units = read_all(DATA / "trados_studio_utf16le.tmx")
    source = units[2].variant("en-US")
    kinds = [(code.kind, code.i) for code in source.codes]
    assert kinds == [("bpt", "1"), ("bpt", "2"), ("ept", "2"), ("ept", "1")]
    assert source.text == "The ASEAN summit opens on 12 May."


def test_memoq_multilingual_lowercase_tags_and_props():
    header, units = read_all(DATA / "memoq_multilingual.tmx")
    assert header.srclang == "en-US"
    assert [prop.value for prop in header.props if prop.type == "targetlang"] == ["th-TH", "zh-CN"]
    assert units[0].languages == ["en-US", "th-TH", "zh-CN"]
    assert units[1].languages == ["zh-CN", "en-US", "th-TH"]
    placeholder = units[0].variant("zh").content[1]
    assert placeholder == InlineCode("ph", ["{0}"], x="1", type="{}")
    assert units[0].variant("th").text == "ลบไฟล์  ไฟล์ใช่ไหม"
    assert Prop("x-context-pre", "Files") in units[0].props
    assert units[1].variant("en").text == "The China–ASEAN AI Data Center will open next year."
    assert units[1].srclang == "en-US"


def test_omegat_notes_comments_sub_hi_and_it():
    header, units = read_all(DATA / "omegat_project_save.tmx")
    assert header.o_tmf == "OmegaT TMX"
    assert [unit.variant("en").text for unit in units] == [
        "Artificial intelligence", "Press Ctrl+S to save.", "See the data center and the notes"]
    assert units[0].variant("zh").attributes == {
        "changeid": "wei", "changedate": "20240115T101500Z",
        "creationid": "wei", "creationdate": "20240115T101500Z"}
    assert units[1].notes == [Note("Checked against the ministry glossary.")]
    assert units[1].variant("zh-CN").notes == [Note("Shortcut kept in Latin letters.")]
    assert units[2].props[0] == Prop("file", "docs/guide.html")

    source = units[2].variant("en-US")
    link = source.content[1]
    assert link.kind == "bpt" and link.type == "link"
    sub = link.content[1]
    assert sub.kind == "sub" and sub.type == "x-title"
    assert sub.content == ["User ", InlineCode("ph", ["<br/>"], x="3"), "guide"]
    assert link.code == '<a href="guide.html" title="User <br/>guide">'
    highlight = source.content[3]
    assert highlight.kind == "hi" and highlight.x == "2"
    assert highlight.content[1] == InlineCode("ph", ['<img src="dc.png"/>'], x="4", type="image")
    isolated = source.content[-2]
    assert (isolated.kind, isolated.pos, isolated.x) == ("it", "begin", "5")
    assert [code.kind for code in source.codes] == ["bpt", "hi", "ph", "ept", "it"]


def test_okapi_utf16be_bare_tags_and_entities():
    header, units = read_all(DATA / "okapi_utf16be.tmx")
    assert header.srclang == "en" and header.adminlang == "en" and header.datatype == "x-html"
    assert units[0].tuid == "okf_html:doc1.html_1"
    assert units[0].languages == ["en", "th", "zh"]
    assert units[0].variant("th-TH").text == "มาตรา ๑๒ ใช้บังคับ"
    assert units[0].variant("zh-CN").text == "第12条适用。"
    assert units[1].variant("en").text == "Water & power \"AI\" 'zones'"
    assert units[1].variant("zh") is None


def test_tmx11_lang_attribute_and_iso_dates():
    header, units = read_all(DATA / "tmx11_lang.tmx")
    assert header.version == "1.1"
    assert header.srclang == "en-GB"
    assert units[0].languages == ["en-GB", "th"]
    assert units[0].variant("en-GB").attributes == {"creationdate": "20190304T050607Z"}
    assert units[0].variant("th").attributes == {"changedate": "20190305T030000Z"}
    assert units[1].notes == [Note("Old note written with lang=.", "en")]
    assert units[1].variant("zh").text == "灰色"


def test_variant_prefers_exact_tag_over_primary_match():
    body = ('<tu><tuv xml:lang="en-US"><seg>a</seg></tuv><tuv xml:lang="zh-TW"><seg>繁</seg></tuv>'
            '<tuv xml:lang="zh-CN"><seg>简</seg></tuv></tu>')
    _, units = read_all(io.BytesIO(tmx_bytes(body)))
    assert units[0].variant("zh-CN").text == "简"
    assert units[0].variant("zh-tw").text == "繁"
    assert units[0].variant("zh").text == "繁"  # first of the language
    assert units[0].variant("th") is None


def test_star_all_srclang_and_tu_srclang():
    header = HEADER.replace('srclang="en-US"', 'srclang="*all*"')
    body = ('<tu srclang="TH-th"><tuv xml:lang="th-TH"><seg>ก</seg></tuv><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>'
            '<tu><tuv xml:lang="th-TH"><seg>ข</seg></tuv><tuv xml:lang="en-US"><seg>b</seg></tuv></tu>')
    head, units = read_all(io.BytesIO(tmx_bytes(body, header)))
    assert head.srclang == "*all*"
    assert units[0].srclang == "th-TH" and "srclang" not in units[0].attributes
    assert units[1].srclang is None


def test_broken_pairs_are_kept_as_isolated_codes_with_warnings():
    messages: list[str] = []
    _, units = read_all(DATA / "broken_pairs.tmx", on_warning=messages.append)
    source, target = units[0].variants
    assert source.content[1] == InlineCode("it", ["<b>"], x="1", pos="begin")
    assert target.content[1] == InlineCode("it", ["</b>"], pos="end")
    assert len(messages) == 2
    assert messages[0].startswith(f"{DATA / 'broken_pairs.tmx'}:7: <bpt i=\"1\">")


def test_repairs_are_issued_as_warnings_by_default():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_all(DATA / "broken_pairs.tmx")
    assert [type(w.message) for w in caught] == [TmxWarning, TmxWarning]


def test_unknown_element_in_seg_keeps_its_text():
    body = '<tu><tuv xml:lang="en"><seg>a <b>bold</b> c</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>'
    messages: list[str] = []
    _, units = read_all(io.BytesIO(tmx_bytes(body)), name="x.tmx", on_warning=messages.append)
    assert units[0].variant("en").content == ["a bold c"]
    assert messages == ["x.tmx:5: unknown element <b> inside <seg>; kept its text only"]


def test_utf8_bom_and_no_declaration():
    body = '<tu><tuv xml:lang="th"><seg>ไทย</seg></tuv><tuv xml:lang="en"><seg>Thai</seg></tuv></tu>'
    data = codecs.BOM_UTF8 + tmx_bytes(body, prolog="")
    _, units = read_all(io.BytesIO(data))
    assert units[0].variant("th").text == "ไทย"


def test_stdin_dash(monkeypatch):
    body = '<tu><tuv xml:lang="th"><seg>ไทย</seg></tuv><tuv xml:lang="en"><seg>Thai</seg></tuv></tu>'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(tmx_bytes(body))))
    _, units = read_all("-")
    assert units[0].variant("en").text == "Thai"


def test_reading_is_lazy_units_come_before_a_later_error():
    body = '<tu><tuv xml:lang="th"><seg>ก</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n<tu><tuv>'
    data = tmx_bytes(body).replace(b"</body>\n</tmx>\n", b"")
    _, units = read_tmx(io.BytesIO(data), name="cut.tmx")
    assert next(units).variant("th").text == "ก"
    with pytest.raises(InputError, match=r"^cut\.tmx:\d+: malformed XML"):
        list(units)


# --- errors: one line, file and line -------------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    (tmx_bytes('<tu><tuv><seg>a</seg></tuv></tu>'), r"^bad\.tmx:5: <tuv> without xml:lang \(or lang\)$"),
    (tmx_bytes('<tu>\n<tuv xml:lang="en"></tuv></tu>'), r"^bad\.tmx:6: <tuv xml:lang=\"en\"> without <seg>$"),
    (b'<?xml version="1.0"?>\n<martif type="TBX"><text/></martif>', r"^bad\.tmx:1: not a TMX file: no <tmx>"),
    (b'<?xml version="1.0"?>\n<xliff><header/><file/></xliff>',
     r"^bad\.tmx:2: not a TMX file: the root element is <xliff>, expected <tmx>$"),
    (b'<tmx version="1.4"><body><tu/></body></tmx>', r"^bad\.tmx:1: no <header> before the first <tu>$"),
    (tmx_bytes('<tu><tuv xml:lang="en"><seg>a</seg></tuv>'), r"^bad\.tmx:\d+: malformed XML: "),
    (b"", r"^bad\.tmx: malformed XML: no element found$"),
    (tmx_bytes('<tu><tuv xml:lang="en"><seg>caf\xe9</seg></tuv></tu>').replace(b"\xc3\xa9", b"\xe9"),
     r"^bad\.tmx:5: malformed XML: Invalid bytes in character encoding$"),
])
def test_bad_input_is_one_line_input_error(data, expected):
    with pytest.raises(InputError, match=expected):
        read_all(io.BytesIO(data), name="bad.tmx")


def test_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match=r"missing\.tmx: cannot read file"):
        read_tmx(tmp_path / "missing.tmx")


def test_billion_laughs_is_refused():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
            b'<tmx version="1.4">' + HEADER.encode() + b'<body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match=r"^evil\.tmx:1: the document type declares entities"):
        read_all(io.BytesIO(data), name="evil.tmx")


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            f'<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv>'
            f'<tuv xml:lang="th"><seg>ก</seg></tuv></tu></body></tmx>').encode()
    with pytest.raises(InputError, match="entity declarations are refused"):
        read_all(io.BytesIO(data), name="xxe.tmx")


def test_doctype_pointing_to_url_is_not_fetched():
    prolog = '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">\n'
    body = '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>'
    _, units = read_all(io.BytesIO(tmx_bytes(body, prolog=prolog)))
    assert units[0].variant("th").text == "ก"


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("20240501T120000Z", datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)),
    ("2024-05-01T12:00:00Z", datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)),
    ("2024-05-01T19:00:00+07:00", datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)),
    ("2024-05-01", datetime(2024, 5, 1, tzinfo=timezone.utc)),
    ("yesterday", None),
    ("20241301T120000Z", None),
])
def test_parse_tmx_date(value, expected):
    assert parse_tmx_date(value) == expected


def test_format_tmx_date_is_utc_pattern():
    moment = datetime(2024, 5, 1, 19, 0, 5, tzinfo=timezone.utc).astimezone()
    assert format_tmx_date(moment) == "20240501T190005Z"


# --- the reader's fast paths: a plain segment, a segment with codes, anything else --------------

DOCTYPE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'


def test_plain_coded_empty_and_mixed_segments_read_alike():
    body = ('<tu tuid="7" creationdate="2024-05-01T12:00:00Z">'
            '<tuv xml:lang="en"><seg>plain &amp; simple</seg></tuv>'
            '<tuv xml:lang="th" changedate="2024-05-02"><note>n</note><prop type="x-a">v</prop><seg>ก</seg></tuv>'
            '<tuv xml:lang="zh"><seg>数<bpt i="1">&lt;b&gt;</bpt>据<ept i="1">&lt;/b&gt;</ept>!</seg></tuv>'
            '<tuv xml:lang="de"><seg/></tuv>'
            '<tuv xml:lang="fr"><seg>a<!-- c -->b<?pi x?>c</seg></tuv></tu>')
    _, units = read_all(io.BytesIO(tmx_bytes(body)))
    unit = units[0]
    assert (unit.tuid, unit.attributes) == ("7", {"creationdate": "20240501T120000Z"})
    assert unit.variant("en").content == ["plain & simple"]
    thai = unit.variant("th")
    assert (thai.content, thai.attributes) == (["ก"], {"changedate": "20240502T000000Z"})
    assert (thai.notes, thai.props) == ([Note("n")], [Prop("x-a", "v")])
    assert unit.variant("zh").content == [
        "数", InlineCode("bpt", ["<b>"], i="1"), "据", InlineCode("ept", ["</b>"], i="1"), "!"]
    assert unit.variant("de").content == []
    assert unit.variant("fr").content == ["abc"]  # comments and processing instructions drop out


@pytest.mark.parametrize(("body", "line"), [
    # a skipped element of a <tuv>, and one of a <tu>: nothing the reader skips hides an entity
    ('<tu><tuv xml:lang="en"><x-tool>\n&ref;</x-tool><seg>a</seg></tuv></tu>', 7),
    ('<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n&ref;<tuv xml:lang="th"><seg>ก</seg></tuv></tu>', 7),
    ('<tu><tuv xml:lang="en"><seg>a <ph>x</ph>\n<!-- c -->&ref;</seg></tuv></tu>', 7),
])
def test_an_entity_reference_in_a_skipped_node_is_refused(body, line):
    _, units = read_tmx(io.BytesIO(tmx_bytes(body, prolog=DOCTYPE)), name="e.tmx")
    with pytest.raises(InputError) as caught:
        list(units)
    assert str(caught.value) == f"e.tmx:{line}: unresolved entity reference &ref;"


def test_a_malformed_segment_after_good_units_is_one_line_error_with_its_line():
    good = '<tu><tuv xml:lang="en"><seg>a <ph>x</ph></seg></tuv></tu>\n'
    data = tmx_bytes(good * 3 + '<tu><tuv xml:lang="en"><seg>a <bpt i="1">x</ept></seg></tuv></tu>')
    _, units = read_tmx(io.BytesIO(data), name="m.tmx")
    assert next(units).variant("en").text == "a "
    with pytest.raises(InputError, match=r"^m\.tmx:8: malformed XML: [^\n]+$"):
        list(units)
