"""The TM and its TMX reader on bad input (issue 11): nothing half-created, dates that are not
dates never win, warnings as one line, unresolved entities refused."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.errors import InputError, InputWarning
from trilex.tm.model import TmxWarning, TranslationUnit, Variant, readable_tmx_date
from trilex.tm.sqlite_store import STALE_AFTER, TEMP_SUFFIX, SQLiteStore
from trilex.tm.store import open_store
from trilex.tm.tmx import read_tmx

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<tmx version="1.4"><header creationtool="test" '
          'creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" '
          'datatype="plaintext"/>\n<body>\n')
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'


def tmx(body: str, doctype: str = "") -> str:
    return HEADER.format(doctype=doctype) + body + "</body>\n</tmx>\n"


def tu(en: str, th: str, **attributes: str) -> str:
    attrs = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return f'<tu{attrs}><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="th"><seg>{th}</seg></tuv></tu>\n'


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in text
    return lines[0]


# -- a failed import into a new TM leaves no file ------------------------------------------------

@pytest.mark.parametrize("content, line", [
    ("<tmx version='1.4'><header srclang='en'/><body><tu><tuv xml:lang='en'><seg>a</seg></tuv></tu>", None),  # cut
    (tmx(tu("Hello", "สวัสดี") * 3 + '<tu><tuv><seg>no language</seg></tuv></tu>\n'), 7),  # half-way
    ("not XML at all\n", 1),
    ("<xliff version='1.2'/>\n", 1),
])
def test_a_failed_import_into_a_new_tm_leaves_no_tm_file(tmp_path, content, line):
    source = tmp_path / "bad.tmx"
    source.write_text(content, encoding="utf-8")
    before = files_in(tmp_path)
    result = run("tm", "import", str(source), "--tm", str(tmp_path / "new.tm"))
    assert result.exit_code == 2
    message = one_line(result.stderr)
    assert message.startswith(f"{source}:" + (f"{line}:" if line else ""))
    assert files_in(tmp_path) == before  # no new.tm, no -wal/-shm, no temporary file


def test_a_failed_import_of_a_missing_file_leaves_no_tm_file(tmp_path):
    result = run("tm", "import", str(tmp_path / "missing.tmx"), "--tm", str(tmp_path / "new.tm"))
    assert result.exit_code == 2 and "missing.tmx" in one_line(result.stderr)
    assert files_in(tmp_path) == []


def test_a_second_file_that_fails_keeps_the_first_ones_units(tmp_path):
    good, bad = tmp_path / "good.tmx", tmp_path / "bad.tmx"
    good.write_text(tmx(tu("Hello", "สวัสดี")), encoding="utf-8")
    bad.write_text("<tmx", encoding="utf-8")
    tm = tmp_path / "new.tm"
    result = run("tm", "import", str(good), str(bad), "--tm", str(tm))
    assert result.exit_code == 2
    with open_store(tm, create=False) as store:
        assert store.stats().units == 1
    assert not [name for name in files_in(tmp_path) if TEMP_SUFFIX in name]


def test_a_valid_empty_tmx_creates_an_empty_tm(tmp_path):
    source = tmp_path / "empty.tmx"
    source.write_text(tmx(""), encoding="utf-8")
    tm = tmp_path / "new.tm"
    result = run("tm", "import", str(source), "--tm", str(tm))
    assert result.exit_code == 0, result.output
    with open_store(tm, create=False) as store:
        assert store.stats().units == 0


def test_the_library_gives_the_same_guarantee(tmp_path):
    tm = tmp_path / "new.tm"

    def broken():
        yield TranslationUnit(None, [Variant("en", ["a"]), Variant("th", ["ก"])])
        raise InputError("broken", "x.tmx", 2)

    with pytest.raises(InputError), open_store(tm) as store:
        store.add(broken(), origin="x.tmx")
    assert files_in(tmp_path) == []


def test_stale_temporary_files_of_killed_imports_are_removed_live_ones_kept(tmp_path):
    tm = tmp_path / "project.tm"
    stale = tmp_path / f".project.tm.deadbeef{TEMP_SUFFIX}"
    connection = sqlite3.connect(stale)
    connection.execute("CREATE TABLE x (y)")
    connection.commit()
    connection.close()
    old = time.time() - STALE_AFTER - 10
    os.utime(stale, (old, old))
    live = SQLiteStore(str(tm))  # builds its TM in a temporary file it holds
    live_temp = [name for name in files_in(tmp_path) if name.endswith(TEMP_SUFFIX) and "deadbeef" not in name]
    assert len(live_temp) == 1
    for name in os.listdir(tmp_path):
        os.utime(tmp_path / name, (old, old))
    with open_store(tm) as store:
        store.add([TranslationUnit(None, [Variant("en", ["a"]), Variant("th", ["ก"])])], origin="x")
    assert not stale.exists()
    assert (tmp_path / live_temp[0]).exists()
    live.add([TranslationUnit(None, [Variant("en", ["b"]), Variant("th", ["ข"])])], origin="y")
    live.close()
    assert files_in(tmp_path) == ["project.tm"]
    with open_store(tm, create=False) as store:
        assert store.stats().units == 2


# -- dates that are not dates ---------------------------------------------------------------------

def dated(changedate: str, th: str = "สวัสดีโลก") -> TranslationUnit:
    return TranslationUnit(None, [Variant("en", ["Hello world"]), Variant("th", [th])],
                           attributes={"changedate": changedate})


def stored_dates(store) -> list[str]:
    return [stored.unit.attributes["changedate"] for stored in store.iter_units()]


def test_an_unreadable_changedate_never_replaces_the_stored_copy(tmp_path):
    with open_store(tmp_path / "d.tm") as store:
        store.add([dated("20200101T000000Z")], origin="old")
        for bad in ("yesterday", "99999999T999999Z", "20241301T000000Z", ""):
            result = store.add([dated(bad)], origin="bad")
            assert (result.duplicates, result.updated, result.unreadable_dates) == (1, 0, 1), bad
        assert stored_dates(store) == ["20200101T000000Z"]
        result = store.add([dated("2021-06-01T12:00:00Z")], origin="newer")
        assert (result.updated, result.unreadable_dates) == (1, 0)
        assert stored_dates(store) == ["2021-06-01T12:00:00Z"]


def test_a_stored_date_that_is_not_a_date_loses_to_a_real_one(tmp_path):
    path = tmp_path / "d.tm"
    with open_store(path) as store:
        store.add([dated("20200101T000000Z")], origin="old")
    connection = sqlite3.connect(path)  # as an older trilex stored it
    connection.execute("UPDATE units SET changed = 'zzz not a date'")
    connection.commit()
    connection.close()
    with open_store(path) as store:
        assert store.add([dated("20190101T000000Z")], origin="real").updated == 1


def test_unreadable_dates_are_counted_in_one_warning_line(tmp_path):
    first, second = tmp_path / "d1.tmx", tmp_path / "d2.tmx"
    first.write_text(tmx(tu("Hello world", "สวัสดีโลก", changedate="20200101T000000Z")), encoding="utf-8")
    second.write_text(tmx(tu("Hello world", "สวัสดีโลก", changedate="not a date")
                          + tu("Good night", "ราตรีสวัสดิ์", creationdate="31/12/2019", changedate="later")),
                      encoding="utf-8")
    tm = str(tmp_path / "d.tm")
    assert run("tm", "import", str(first), "--tm", tm).exit_code == 0
    result = run("tm", "import", str(second), "--tm", tm)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{second}: 1 units added, 1 duplicates",
        f"{second}: warning: 3 dates could not be read (kept as written; they never count as newer)"]
    quiet = run("tm", "import", "-q", str(second), "--tm", tm)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_readable_tmx_date():
    assert readable_tmx_date("20240229T235959Z") == "20240229T235959Z"
    assert readable_tmx_date("2024-03-01 07:00:00+07:00") == "20240301T000000Z"
    for bad in (None, "", "soon", "20240230T000000Z", "99999999T999999Z"):
        assert readable_tmx_date(bad) is None


# -- TMX warnings: one line, FILE:LINE: warning: …, silenced by -q -------------------------------

BROKEN_PAIR = tmx('<tu><tuv xml:lang="en"><seg>a <bpt i="1">&lt;b&gt;</bpt>b</seg></tuv>'
                  '<tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n')
WARNING = '{path}:4: warning: <bpt i="1"> has no matching <ept>; kept as <it pos="begin">'


def test_tmx_warnings_carry_file_and_line(tmp_path):
    source = tmp_path / "pair.tmx"
    source.write_text(BROKEN_PAIR, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(read_tmx(source)[1])
    [warning] = [w.message for w in caught]
    assert isinstance(warning, TmxWarning) and isinstance(warning, InputWarning)
    assert (warning.path, warning.line) == (str(source), 4)
    assert str(warning) == WARNING.format(path=source)
    messages: list[str] = []
    list(read_tmx(source, on_warning=messages.append)[1])
    assert messages == [f'{source}:4: <bpt i="1"> has no matching <ept>; kept as <it pos="begin">']


def test_tmx_warnings_in_the_cli_are_one_line_and_quiet_silences_them(tmp_path):
    source = tmp_path / "pair.tmx"
    source.write_text(BROKEN_PAIR, encoding="utf-8")
    tm = str(tmp_path / "w.tm")
    result = run("tm", "import", str(source), "--tm", tm)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [WARNING.format(path=source), f"{source}: 1 units added, 0 duplicates"]
    for args in (["tm", "import", "-q"], ["-q", "tm", "import"]):
        quiet = run(*args, str(source), "--tm", tm)
        assert quiet.exit_code == 0 and quiet.stderr == ""


def test_tmx_warnings_from_a_real_process_show_no_python_source(tmp_path):
    source = tmp_path / "pair.tmx"
    source.write_text(BROKEN_PAIR, encoding="utf-8")
    command = [sys.executable, "-m", "trilex", "tm", "import", str(source), "--tm", str(tmp_path / "w.tm")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [WARNING.format(path=source), f"{source}: 1 units added, 0 duplicates"]
    assert ".py" not in done.stderr and "TmxWarning" not in done.stderr and "warn(" not in done.stderr
    quiet = subprocess.run(command[:3] + ["-q"] + command[3:], capture_output=True, text=True, timeout=60, check=False)
    assert quiet.returncode == 0 and quiet.stderr == ""


# -- unresolved entity references are refused, with file and line --------------------------------

@pytest.mark.parametrize("body, line", [
    ('<tu><tuv xml:lang="en"><seg>data &centre; here</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n', 4),
    ('<tu>\n<note>see &ref;</note><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n', 5),
    (('<tu><tuv xml:lang="en"><prop type="x">&ref;</prop><seg>a</seg></tuv>'
      '<tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n'), 4),
    (('<tu><tuv xml:lang="en"><seg>a <bpt i="1">&lt;b &ref;&gt;</bpt>b<ept i="1">&lt;/b&gt;</ept></seg></tuv>'
      '<tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n'), 4),
    (('<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>\n'
      '<tu><tuv xml:lang="en"><seg>b <hi>&ref;</hi></seg></tuv><tuv xml:lang="th"><seg>ข</seg></tuv></tu>\n'), 5),
])
def test_unresolved_entity_references_are_refused_with_file_and_line(body, line):
    entity = "&centre;" if "&centre;" in body else "&ref;"
    _, units = read_tmx(io.BytesIO(tmx(body, DOCTYPE).encode("utf-8")), name="e.tmx")
    with pytest.raises(InputError) as caught:
        list(units)
    assert str(caught.value) == f"e.tmx:{line + 1}: unresolved entity reference {entity}"  # + the DOCTYPE


def test_an_unresolved_entity_in_the_header_is_refused():
    data = tmx("", DOCTYPE).replace('datatype="plaintext"/>', 'datatype="plaintext"><note>&ref;</note></header>')
    with pytest.raises(InputError, match=r"^h\.tmx:3: unresolved entity reference &ref;$"):
        read_tmx(io.BytesIO(data.encode("utf-8")), name="h.tmx")


def test_import_of_a_tmx_with_an_unresolved_entity_is_one_line_exit_2_and_adds_nothing(tmp_path):
    source = tmp_path / "entity.tmx"
    source.write_text(tmx(tu("Hello", "สวัสดี") + tu("data &centre;", "ศูนย์ข้อมูล"), DOCTYPE), encoding="utf-8")
    result = run("tm", "import", str(source), "--tm", str(tmp_path / "e.tm"))
    assert result.exit_code == 2
    assert one_line(result.stderr) == f"{source}:6: unresolved entity reference &centre;"
    assert files_in(tmp_path) == ["entity.tmx"]
