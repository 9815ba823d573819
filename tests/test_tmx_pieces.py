"""A TMX file cut into pieces for worker processes reads exactly as the whole file does."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import pytest

from trilex.errors import InputError
from trilex.progress import ReadProgress
from trilex.tm import tmx_pieces
from trilex.tm.model import TmxWarning
from trilex.tm.store import open_store
from trilex.tm.tmx import read_tmx
from trilex.tm.tmx_pieces import TmxUnits, read_tmx_units

DATA = Path(__file__).parent / "data" / "tmx"

PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
HEADER = ('<tmx version="1.4">\n<header creationtool="t" creationtoolversion="1" segtype="sentence"\n'
          '  o-tmf="t" adminlang="en-US" srclang="en-US" datatype="plaintext"/>\n<body>\n')


def tu(number: int) -> str:
    """A unit with the things a reader can get wrong: attributes, a note, a prop, paired and
    standalone codes, escaped markup, Thai and Chinese."""
    return (f'<tu tuid="{number}" creationdate="20240101T000000Z">\n'
            f'  <note>note {number}</note>\n  <prop type="x-Context">ctx {number % 7}</prop>\n'
            f'  <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save {number}<ept i="1">&lt;/b&gt;</ept>'
            f' &amp; wait<ph x="2">%s</ph>.</seg></tuv>\n'
            f'  <tuv xml:lang="th-TH"><seg>กด บันทึก {number} แล้วรอ</seg></tuv>\n'
            f'  <tuv xml:lang="zh-CN"><seg>按保存 {number} 并等待</seg></tuv>\n</tu >\n')


def write(path: Path, units: int, body_extra: str = "", newline: str = "\n", prolog: str = PROLOG) -> Path:
    text = prolog + HEADER + "".join(tu(number) for number in range(units)) + body_extra + "</body>\n</tmx>\n"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def edited(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A file of 200 units with ``old`` replaced by ``new`` in one of them, and the line it is on."""
    text = write(tmp_path / "ok.tmx", 200).read_text(encoding="utf-8").replace(old, new)
    path = tmp_path / "edited.tmx"
    path.write_text(text, encoding="utf-8")
    return path, next(number for number, row in enumerate(text.splitlines(), 1) if new in row)


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few kilobytes, so a small file is cut into many."""
    monkeypatch.setattr(tmx_pieces, "MIN_PIECE", 4096)
    monkeypatch.setattr(tmx_pieces, "MAX_PIECE", 4096)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_pieces_read_the_same_units_as_the_whole_file(tmp_path, small_pieces, newline):
    path = write(tmp_path / "in.tmx", 300, newline=newline)
    units = read_tmx_units(path)
    assert isinstance(units, TmxUnits)
    pieces = list(tmx_pieces._pieces(str(path), "in.tmx", "en-US"))
    assert len(pieces) > 20 and pieces[-1].last and not any(piece.last for piece in pieces[:-1])
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    assert list(units) == list(read_tmx(path)[1])


def test_a_malformed_unit_far_into_the_file_is_reported_at_its_line(tmp_path, small_pieces):
    path, line = edited(tmp_path, "กด บันทึก 150 ", "กด <b>บันทึก 150 ")
    with pytest.raises(InputError) as piecewise:
        list(read_tmx_units(path))
    with pytest.raises(InputError) as whole:
        list(read_tmx(path)[1])
    assert piecewise.value.line == whole.value.line
    assert line <= piecewise.value.line <= line + 1 and "malformed XML" in piecewise.value.message


def test_repairs_name_the_file_line_with_one_process_and_with_two(tmp_path, small_pieces):
    path, line = edited(tmp_path, 'Save 170<ept i="1">&lt;/b&gt;</ept>', "Save 170")
    for jobs in (1, 2):
        with warnings.catch_warnings(record=True) as caught, open_store(tmp_path / f"j{jobs}.tm", jobs=jobs) as store:
            warnings.simplefilter("always")
            result = store.add(read_tmx_units(path), origin="repair.tmx")
        repairs = [w.message for w in caught if isinstance(w.message, TmxWarning)]
        assert result.added == 200
        assert [(w.path, w.line) for w in repairs] == [(str(path), line)], jobs
        assert "has no matching <ept>" in repairs[0].message


@pytest.mark.parametrize("extra, prolog", [
    ("<!-- a comment: </tu> -->\n", PROLOG),
    ('<tu><tuv xml:lang="en"><seg><![CDATA[a </tu> b]]></seg></tuv></tu>\n', PROLOG),
    ("", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx [<!ELEMENT tmx ANY>]>\n'),
    ("", '<?xml version="1.0" encoding="ISO-8859-1"?>\n'),
    ("", '<?xml version="1.0"?>\n<?xml-stylesheet href="tmx.xsl"?>\n'),
])
def test_markup_that_could_hide_a_unit_end_means_the_file_is_read_whole(tmp_path, small_pieces, extra, prolog):
    path = write(tmp_path / "in.tmx", 40, body_extra=extra, prolog=prolog)
    units = read_tmx_units(path)
    assert not isinstance(units, TmxUnits)
    assert len(list(units)) == 40 + ("<tu>" in extra)


def test_utf16_is_read_whole(tmp_path, small_pieces):
    units = read_tmx_units(DATA / "trados_studio_utf16le.tmx")
    assert not isinstance(units, TmxUnits) and len(list(units)) == 3


def test_a_truncated_file_is_an_error_not_a_shorter_tm(tmp_path, small_pieces):
    path = write(tmp_path / "in.tmx", 100)
    path.write_bytes(path.read_bytes()[:-len("</body>\n</tmx>\n")])
    with pytest.raises(InputError) as caught:
        list(read_tmx_units(path))
    assert caught.value.path == str(path) and "malformed XML" in caught.value.message


def test_progress_follows_the_pieces_to_the_end(tmp_path, small_pieces):
    path = write(tmp_path / "in.tmx", 300)
    progress = ReadProgress()
    seen = []
    for _ in read_tmx_units(path, progress):
        seen.append(progress.fraction)
    assert seen == sorted(seen) and seen[0] < 0.05 and seen[-1] == 1.0


def test_a_bom_and_a_file_without_declaration_are_cut(tmp_path, small_pieces):
    for name, prefix, prolog in (("bom.tmx", codecs.BOM_UTF8, PROLOG), ("bare.tmx", b"", "")):
        path = write(tmp_path / name, 60, prolog=prolog)
        path.write_bytes(prefix + path.read_bytes())
        units = read_tmx_units(path)
        assert isinstance(units, TmxUnits) and list(units) == list(read_tmx(path)[1])


@pytest.mark.parametrize("name", sorted(path.name for path in DATA.glob("*.tmx")))
def test_tool_written_files_read_the_same_either_way(name, small_pieces):
    path = DATA / name
    assert list(read_tmx_units(path)) == list(read_tmx(path)[1])


@pytest.mark.parametrize("at", range(5, 13))
def test_markup_is_found_wherever_it_falls_against_the_blocks_read(tmp_path, at):
    import mmap

    path = tmp_path / "data"
    path.write_bytes(b"x" * at + b"<!-- -->" + b"y" * 20)
    with open(path, "rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
        assert tmx_pieces._holds_markup(data, 0, block=8)
        assert not tmx_pieces._holds_markup(data, at + 2, block=8)
