"""The shared plumbing: one-line errors, safe XML, atomic writes, language tags."""

from __future__ import annotations

import io

import pytest

from trilex.errors import InputError
from trilex.fileio import atomic_write, read_text
from trilex.lang.tags import normalize_tag, primary_subtag, tag_matches, with_region
from trilex.xmlsafe import iterparse_safe, parse_xml

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"""


def xxe(secret_path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret_path}">]>'
            "<r>&x;</r>").encode()


@pytest.mark.parametrize("reader", ["tree", "stream"])
def test_billion_laughs_and_xxe_are_refused(tmp_path, reader):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    for data in (BILLION_LAUGHS, xxe(secret)):
        with pytest.raises(InputError) as info:
            if reader == "tree":
                parse_xml(data, "evil.xml")
            else:
                list(iterparse_safe(io.BytesIO(data), "evil.xml"))
        assert str(info.value).startswith("evil.xml:1: ")
        assert "TOP-SECRET" not in str(info.value)


def test_malformed_xml_names_file_and_line():
    with pytest.raises(InputError, match=r"^bad\.xml:3: malformed XML"):
        parse_xml(b"<a>\n<b>\n</a>", "bad.xml")


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("ok\nสวัสดี\n".encode() + b"\xff\xfe oops\n")
    with pytest.raises(InputError, match=r"x\.txt:3: cannot decode as utf-8"):
        read_text(path)


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeff中文 ไทย".encode("utf-16-le"))
    assert read_text(path) == "中文 ไทย"


def test_atomic_write_keeps_old_file_when_interrupted(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    with atomic_write(path) as handle:
        handle.write("new")
    assert path.read_text() == "new"


def test_language_tags():
    assert normalize_tag("zh_cn") == "zh-CN"
    assert normalize_tag("zh-hans") == "zh-Hans"
    assert primary_subtag("th-TH") == "th"
    assert tag_matches("th", "th-TH") and tag_matches("TH-th", "th_TH")
    assert not tag_matches("zh-TW", "zh-CN")
    assert not tag_matches("en", "th-TH")
    assert with_region("th") == "th-TH" and with_region("zh-TW") == "zh-TW"


def test_writing_into_a_missing_folder_is_a_one_line_error(tmp_path):
    from trilex.errors import OutputError

    target = tmp_path / "no" / "such" / "out.tbx"
    with pytest.raises(OutputError, match=r"out\.tbx: cannot write file: No such file or directory"):
        with atomic_write(target) as handle:
            handle.write("x")
    assert not (tmp_path / "no").exists()


def test_writing_over_a_directory_is_a_one_line_error(tmp_path):
    from trilex.errors import OutputError

    with pytest.raises(OutputError, match=r"cannot write file: it is a directory"):
        with atomic_write(tmp_path) as handle:
            handle.write("x")
    assert list(tmp_path.iterdir()) == []
