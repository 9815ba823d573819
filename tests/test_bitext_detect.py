"""Format dispatch, and the accelerator rules the PO reader relies on."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from trilex.bitext import FORMATS, detect_format, read_document
from trilex.bitext.accelerators import detect_marker, strip_accelerator
from trilex.errors import ConfigError, InputError

DATA = Path(__file__).parent / "data" / "bitext"


@pytest.mark.parametrize("name, expected", [
    ("inline12.xlf", "xliff"), ("segments20.xlf", "xliff"), ("catalog.th.po", "po"),
    ("bilingual.tmx", "tmx")])
def test_content_decides_without_extension(tmp_path, name, expected):
    copy = tmp_path / "upload.dat"
    shutil.copy(DATA / name, copy)
    assert detect_format(str(copy), copy.read_bytes()) == expected
    assert read_document(str(copy), target_lang="th" if expected == "tmx" else None).format == expected


def test_delimited_content_and_stdin(tmp_path, monkeypatch):
    assert detect_format("x", "th\tzh\nก\t一\n".encode()) == "tsv"
    assert detect_format("x", "th,zh\nก,一\n".encode()) == "csv"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("th\tzh\nข้อมูล\t数据\n".encode())))
    doc = read_document("-")
    assert (doc.format, doc.path, doc.segments[0].location) == ("tsv", "<stdin>", "<stdin>:2")


def test_format_argument_overrides_extension(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text("en,th\nPanel,พาเนล\n", encoding="utf-8")
    assert read_document(str(path), format="csv").segments[0].target == "พาเนล"
    with pytest.raises(InputError, match=rf"^{path}:1: plain text is read as a parallel pair"):
        read_document(str(path))
    with pytest.raises(ConfigError, match="unknown bilingual format 'docx'"):
        read_document(str(path), format="docx")
    assert FORMATS == ("xliff", "po", "tmx", "csv", "tsv")


@pytest.mark.parametrize("content, message", [
    (b"<html><body/></html>", "XML that is neither XLIFF nor TMX"),
    (b"just some words\n", "cannot tell the file format"),
])
def test_unknown_content(tmp_path, content, message):
    path = tmp_path / "mystery"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"^{path}:1: {message}"):
        read_document(str(path))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"absent.po: cannot read file"):
        read_document(str(tmp_path / "absent.po"))


@pytest.mark.parametrize("text, marker, expected", [
    ("_Panel", "_", "Panel"), ("เ_กี่ยวกับ", "_", "เกี่ยวกับ"), ("关于(_A)", "_", "关于(A)"),
    ("Re_name", "_", "Rename"), ("&File", "&", "File"), ("Save &as", "&", "Save as"),
    ("America/New_York", "_", "America/New_York"), ("__init__", "_", "__init__"),
    ("a_b c_d", "_", "a_b c_d"), ("Tom &amp; &Jerry", "&", "Tom &amp; Jerry"),
    ("Create & _Open", "_", "Create & Open"), ("_Panel", None, "_Panel"), ("_ ", "_", "_ "),
])
def test_strip_accelerator(text, marker, expected):
    assert strip_accelerator(text, marker) == expected


def test_detect_marker():
    assert detect_marker(["_File", "_Edit", "Plain"]) == "_"
    assert detect_marker(["&File", "&Edit", "_one"]) == "&"
    assert detect_marker(["file_name only once", "Plain"]) is None
    assert detect_marker(["_File", "_Edit"], declared="&") == "&"


@pytest.mark.parametrize("name, expected", [("inline12.xlf", "xliff"), ("bilingual.tmx", "tmx")])
def test_the_root_is_found_after_a_long_comment(tmp_path, name, expected):
    # the root element decides, not a fixed window: a 6 KB licence comment before it, and a
    # comment naming the other format, must not mislead the sniffing
    data = (DATA / name).read_bytes()
    declaration, _, rest = data.partition(b"?>")
    other = b"tmx" if expected == "xliff" else b"xliff"
    comment = b"\n<!-- " + b"<" + other + b"> licence text " * 400 + b" -->\n"
    copy = tmp_path / "upload.dat"
    copy.write_bytes(declaration + b"?>" + comment + rest)
    assert len(comment) > 4096
    assert detect_format(str(copy), copy.read_bytes()) == expected


def test_xml_of_another_kind_names_its_root(tmp_path):
    with pytest.raises(InputError, match="the root element is <html>"):
        detect_format("page.dat", b"<?xml version='1.0'?>\n<html><body/></html>")
