"""gettext PO reading: the real xfce4-panel catalogues and a catalogue composed from the manual."""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.bitext.po import read_po
from trilex.errors import InputError

from test_bitext_xliff import line_of  # the shared helper, pytest puts tests/ on sys.path

DATA = Path(__file__).parent / "data" / "bitext"


@pytest.mark.parametrize("code, language, count", [("th", "th", 499), ("zh_CN", "zh-CN", 500)])
def test_real_catalogue_matches_translate_toolkit(corpora, code, language, count):
    from translate.storage import pypo

    path = corpora / "po" / f"xfce4-panel.{code}.po"
    doc = read_po(str(path))
    assert (doc.source_lang, doc.target_lang, len(doc)) == ("en", language, count)
    store = pypo.pofile.parsefile(str(path))
    expected = [(str(unit.source), str(unit.target)) for unit in store.units
                if not unit.isheader() and not unit.isobsolete() and not unit.isfuzzy()]
    assert [(s.source_as_written, s.target_as_written or "") for s in doc] == expected


def test_real_catalogue_lines_notes_and_mnemonics(corpora):
    path = corpora / "po" / "xfce4-panel.th.po"
    doc = read_po(str(path))
    panel = next(s for s in doc if s.unit_id == "Panel")
    assert panel.line == line_of(path, 'msgid "Panel"') and panel.target == "พาเนล"
    about = next(s for s in doc if s.unit_id == "plugin context menu\x04_About")
    assert about.line == line_of(path, 'msgctxt "plugin context menu"')
    # The GTK mnemonic inside a Thai word does not hide the word from a term check.
    assert (about.source, about.target) == ("About", "เกี่ยวกับ")
    assert (about.raw_source, about.raw_target) == ("_About", "เ_กี่ยวกับ")
    help_item = next(s for s in doc if s.unit_id == "_Help")
    assert help_item.notes == ["help item"]
    # A time-zone name is not a mnemonic.
    zone = next(s for s in doc if "America/New_York" in (s.target or ""))
    assert zone.raw_target is None
    wrapped = next(s for s in doc if s.source.startswith("Add a new launcher"))
    assert wrapped.source == "Add a new launcher to the panel based on the information of this desktop file"
    assert wrapped.line == line_of(path, "#: panel-desktop-handler.desktop.in:5") + 1


def test_composed_catalogue():
    path = DATA / "catalog.th.po"
    doc = read_document(str(path))
    assert (doc.format, doc.source_lang, doc.target_lang) == ("po", "en", "th")
    ids = [s.unit_id for s in doc]
    assert ids == ["Data Center", "menu\x04_File", "_Open", "Line one\nHe said \"hi\"\tthen left",
                   "%d file[0]", "%d file[1]", "Untranslated", "Right after"]
    data_center = doc.segments[0]
    assert data_center.notes == ["trilex: ignore[missing-term]", "I18N: the name of the feature"]
    assert data_center.line == line_of(path, 'msgid "Data Center"')
    assert doc.segments[1].line == line_of(path, 'msgctxt "menu"')
    assert (doc.segments[1].source, doc.segments[1].target) == ("File", "แฟ้ม")
    multi = doc.segments[3]
    assert multi.target == 'บรรทัดแรก\nเขาพูดว่า "สวัสดี"\tแล้วก็ไป'
    assert multi.line == line_of(path, "#: src/main.c:30") + 2
    singular, plural = doc.segments[4:6]
    assert (singular.source, singular.target) == ("%d file", "%d แฟ้ม")
    assert (plural.source, plural.target) == ("%d files", "%d แฟ้ม (หลายแฟ้ม)")
    assert doc.segments[6].target is None
    assert doc.segments[7].line == line_of(path, 'msgid "Right after"')


def test_fuzzy_entries_only_on_request():
    path = str(DATA / "catalog.th.po")
    assert all(s.source != "New text" for s in read_po(path))
    fuzzy = [s for s in read_po(path, include_fuzzy=True) if s.source == "New text"]
    assert [(s.target, s.state) for s in fuzzy] == [("ข้อความเก่า", "fuzzy")]
    assert len(read_document(path, include_fuzzy=True)) == len(read_document(path)) + 1


def test_language_from_file_name_and_legacy_charset(tmp_path):
    path = tmp_path / "zh_CN.po"
    path.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=GB2312\\n"\n\n'
                     'msgid "Panel"\nmsgstr "面板"\n'.encode("gb2312"))
    doc = read_po(str(path))
    assert (doc.target_lang, doc.segments[0].target) == ("zh-CN", "面板")
    thai = tmp_path / "x.po"
    thai.write_bytes('msgid ""\nmsgstr "Language: th\\nContent-Type: text/plain; charset=TIS-620\\n"\n\n'
                     'msgid "Panel"\nmsgstr "พาเนล"\n'.encode("tis-620"))
    assert read_po(str(thai)).segments[0].target == "พาเนล"


@pytest.mark.parametrize("text, line, message", [
    ('msgid "a"\nmsgstr "b"\nmsgid "c"\n', 3, "msgid without msgstr"),
    ('msgid "a"\nmsgstr "b\n', 2, "expected a quoted string"),
    ('msgid "a"\nfoo "b"\n', 2, "expected msgid, msgstr, a comment or a quoted string"),
    ('msgid "a"\nmsgstr "b"\n"c"\n\n"d"\n', 5, "a quoted string outside any msgid/msgstr"),
    ('msgid "a"\nmsgstr "\\q"\n', 2, r"unknown escape sequence \\q"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n', 1, r"plural message without msgstr\[0\]"),
    ('msgstr "b"\n', 1, "msgstr without msgid"),
    ('msgid "a"\nmsgstr[1] "b"\n', 1, r"msgstr\[n\] in a message without msgid_plural"),
    ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 3, r"msgstr\[0\] given twice"),
    ('msgid ""\nmsgstr "Content-Type: text/plain; charset=NOPE-9\\n"\n', 2, "unknown charset 'NOPE-9'"),
])
def test_malformed_po_names_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{path}:{line}: {message}"):
        read_po(str(path), target_lang="th")


def test_undecodable_po(tmp_path):
    path = tmp_path / "bad.po"
    path.write_bytes(b'msgid "a"\nmsgstr "\xff"\n')
    with pytest.raises(InputError, match=rf"^{path}:2: cannot decode as utf-8"):
        read_po(str(path))


def test_given_source_language_and_conflicting_target(tmp_path):
    path = DATA / "catalog.th.po"
    assert read_po(str(path), source_lang="zh").source_lang == "zh"
    with pytest.raises(InputError, match=r"catalog.th.po:3: the file says the target language is 'th'"):
        read_po(str(path), target_lang="zh")


def test_template_has_no_targets(tmp_path):
    path = tmp_path / "messages.pot"
    path.write_text('#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
                    '#: a.c:1\nmsgid "Panel"\nmsgstr ""\n', encoding="utf-8")
    doc = read_document(str(path))
    assert (doc.format, doc.target_lang) == ("po", None)
    assert [(s.source, s.target, s.line) for s in doc] == [("Panel", None, 7)]


# Messages in the usual shape (comments, msgctxt, msgid, msgstr, blank line) are read in one
# step; everything else line by line. Both ways must give the same messages, lines and errors.
_MIXED = (
    'msgid ""\nmsgstr ""\n"Language: th\\n"\n\n'          # 1-4: header (continued string)
    '#: src/a.c:1\n#. a note\n#, c-format\nmsgctxt "menu"\nmsgid "Open %s"\nmsgstr "เปิด %s"\n\n'  # 5-11
    'msgid "Tab\\there"\nmsgstr "แท็บ\\tที่นี่"\n\n'       # 12-14: escapes
    'msgid "Split"\n\nmsgstr "แยก"\n\n'                  # 15-18: a blank line inside a message
    '#, fuzzy\n#| msgid "Old"\nmsgid "New"\nmsgstr "ใหม่"\n\n'  # 19-23
    'msgid "Long"\nmsgstr ""\n"ยาว"\n\n'                  # 24-27: continued string
    'msgid "Last"\nmsgstr "สุดท้าย"\n'                    # 28-29: no blank line at the end
)


def test_whole_messages_and_line_by_line_read_alike():
    doc = read_po("mixed.th.po", data=_MIXED.encode(), include_fuzzy=True)
    got = [(s.unit_id, s.target, s.line, s.target_line, s.notes, sorted(s.flags), s.previous_source)
           for s in doc]
    assert got == [
        ("menu\x04Open %s", "เปิด %s", 8, 10, ["a note"], ["c-format"], None),
        ("Tab\there", "แท็บ\tที่นี่", 12, 13, [], [], None),
        ("Split", "แยก", 15, 17, [], [], None),
        ("New", "ใหม่", 21, 22, [], ["fuzzy"], "Old"),
        ("Long", "ยาว", 24, 25, [], [], None),
        ("Last", "สุดท้าย", 28, 29, [], [], None),
    ]
    crlf = read_po("mixed.th.po", data=_MIXED.replace("\n", "\r\n").encode(), include_fuzzy=True)
    assert [(s.unit_id, s.target, s.line) for s in crlf] == [(s.unit_id, s.target, s.line) for s in doc]


@pytest.mark.parametrize("text, line, message", [
    # an unknown escape inside a message of the usual shape: the msgstr's line
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d\\q"\n\n', 5, "unknown escape"),
    # a message too long for the limit (8 here): the line-by-line reading names its line
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "ddddddddd"\n\n', 5, "msgstr"),
    # a msgid without msgstr before a message of the usual shape
    ('msgid "a"\nmsgstr "b"\n\nmsgid "x"\n\nmsgid "c"\nmsgstr "d"\n\n', 4, "msgid without msgstr"),
    # the same message twice, both in the usual shape
    ('#: r\nmsgid "a"\nmsgstr "b"\n\n#: r\nmsgid "a"\nmsgstr "c"\n\n', 6, "duplicate message"),
])
def test_errors_after_whole_messages_name_the_line(text, line, message):
    with pytest.raises(InputError) as caught:
        read_po("bad.th.po", data=text.encode(), max_segment=8)
    assert caught.value.line == line and message in str(caught.value)
