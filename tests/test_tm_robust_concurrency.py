"""Concurrent writers of one SQLite TM (issue 11): they take turns, none crashes, nothing is lost.

Real processes (``trilex tm import`` and small store scripts) run at the same time on one TM
file. Where a test needs them to overlap, it makes them: the test holds the TM's write lock
itself, or starts the processes together behind a start file. Every wait is bounded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.errors import ConfigError
from trilex.tm.model import TranslationUnit, Variant
from trilex.tm.sqlite_store import TEMP_SUFFIX, SQLiteStore
from trilex.tm.store import WAIT_ENV, TMBusyError, configured_wait, open_store

PYTHON = sys.executable
#: Longest any single process of these tests may take (they take about a second).
TIMEOUT = 120

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="test" '
          'creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" '
          'datatype="plaintext"/>\n<body>\n')


def write_tmx(path: Path, tag: str, count: int) -> Path:
    units = "".join(f'<tu><tuv xml:lang="en"><seg>{tag} sentence number {i}</seg></tuv>'
                    f'<tuv xml:lang="th"><seg>ประโยค {tag} ที่ {i}</seg></tuv></tu>\n' for i in range(count))
    path.write_text(HEADER + units + "</body></tmx>\n", encoding="utf-8")
    return path


def unit(tag: str, i: int) -> TranslationUnit:
    return TranslationUnit(None, [Variant("en", [f"{tag} sentence {i}"]), Variant("th", [f"ประโยค {tag} {i}"])])


def environment(wait: float | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(WAIT_ENV, None)
    if wait is not None:
        env[WAIT_ENV] = str(wait)
    return env


def start_import(tmx: Path, tm: Path, wait: float | None = None) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-m", "trilex", "tm", "import", str(tmx), "--tm", str(tm)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(wait))


def finish(process: subprocess.Popen) -> tuple[int, str]:
    try:
        _, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    return process.returncode, stderr


def busy_message(tm: Path, wait: str) -> str:
    return (f"{tm}: TM is busy: another import is running "
            f"(gave up after {wait} s; {WAIT_ENV}=SECONDS sets how long to wait)")


def unit_count(tm: Path) -> int:
    with open_store(tm, create=False) as store:
        return store.stats().units


def texts(tm: Path) -> set[str]:
    with open_store(tm, create=False) as store:
        return {stored.unit.variant("en").text for stored in store.iter_units()}


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(TEMP_SUFFIX) or TEMP_SUFFIX + "-" in name)


class HeldLock:
    """The TM's write lock, held by this test process (as a running import holds it)."""

    def __init__(self, tm: Path):
        self.db = sqlite3.connect(tm, isolation_level=None)
        self.db.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.db.execute("ROLLBACK")
        self.db.close()


@pytest.fixture
def existing_tm(tmp_path) -> Path:
    tm = tmp_path / "project.tm"
    with open_store(tm) as store:
        store.add([unit("old", i) for i in range(50)], origin="old")
    return tm


# -- real `trilex tm import` processes ------------------------------------------------------------

def test_two_imports_into_a_new_tm_at_once_both_succeed_with_all_units(tmp_path):
    first, second = write_tmx(tmp_path / "a.tmx", "alpha", 2000), write_tmx(tmp_path / "b.tmx", "beta", 2000)
    for round_ in range(2):
        tm = tmp_path / f"new{round_}.tm"
        processes = [start_import(first, tm), start_import(second, tm)]
        outcomes = [finish(process) for process in processes]
        for code, stderr in outcomes:
            assert code == 0, stderr
            assert "Traceback" not in stderr and "locked" not in stderr and "already exists" not in stderr
        assert unit_count(tm) == 4000
        assert len(texts(tm)) == 4000
        assert leftovers(tmp_path) == []


def test_two_imports_into_an_existing_tm_wait_for_the_one_that_holds_it(tmp_path, existing_tm):
    first, second = write_tmx(tmp_path / "a.tmx", "alpha", 1500), write_tmx(tmp_path / "b.tmx", "beta", 1500)
    lock = HeldLock(existing_tm)
    try:
        processes = [start_import(first, existing_tm, wait=60), start_import(second, existing_tm, wait=60)]
        time.sleep(1.0)  # both start and reach the lock; without it neither can finish
        assert [process.poll() for process in processes] == [None, None], "an import ran without the lock"
    finally:
        lock.release()
    released = time.monotonic()
    for process in processes:
        code, stderr = finish(process)
        assert code == 0, stderr
        assert stderr.splitlines()[-1].endswith("1500 units added, 0 duplicates"), stderr
    assert time.monotonic() - released < TIMEOUT
    assert unit_count(existing_tm) == 50 + 3000


def test_an_import_that_gives_up_says_so_in_one_line_and_exits_2(tmp_path, existing_tm):
    tmx = write_tmx(tmp_path / "a.tmx", "alpha", 10)
    lock = HeldLock(existing_tm)
    try:
        started = time.monotonic()
        code, stderr = finish(start_import(tmx, existing_tm, wait=0.3))
        elapsed = time.monotonic() - started
    finally:
        lock.release()
    assert code == 2
    assert stderr.splitlines() == [busy_message(existing_tm, "0.3")]
    assert 0.3 <= elapsed < 30
    assert unit_count(existing_tm) == 50


# -- the same in-process (CliRunner), and the store's own rules ---------------------------------

def test_cli_gives_up_after_the_configured_wait(tmp_path, existing_tm, monkeypatch):
    tmx = write_tmx(tmp_path / "a.tmx", "alpha", 10)
    monkeypatch.setenv(WAIT_ENV, "0.2")
    lock = HeldLock(existing_tm)
    try:
        started = time.monotonic()
        result = CliRunner().invoke(cli, ["tm", "import", str(tmx), "--tm", str(existing_tm)])
        elapsed = time.monotonic() - started
    finally:
        lock.release()
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [busy_message(existing_tm, "0.2")]
    assert 0.2 <= elapsed < 10
    again = CliRunner().invoke(cli, ["tm", "import", str(tmx), "--tm", str(existing_tm)])
    assert again.exit_code == 0, again.output
    assert json.loads(CliRunner().invoke(cli, ["tm", "stats", "--tm", str(existing_tm), "--format", "json"])
                      .stdout)["units"] == 60


def test_the_wait_is_configurable_and_checked(tmp_path, monkeypatch):
    monkeypatch.delenv(WAIT_ENV, raising=False)
    assert configured_wait() == 600.0
    assert configured_wait(1.5) == 1.5
    monkeypatch.setenv(WAIT_ENV, "2.5")
    assert configured_wait() == 2.5
    assert configured_wait(0) == 0.0
    for bad in ("soon", "-1", "nan", "inf"):
        monkeypatch.setenv(WAIT_ENV, bad)
        with pytest.raises(ConfigError, match=WAIT_ENV):
            configured_wait()
    tmx = write_tmx(tmp_path / "a.tmx", "alpha", 1)
    result = CliRunner().invoke(cli, ["tm", "import", str(tmx), "--tm", str(tmp_path / "x.tm")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and WAIT_ENV in result.stderr
    assert not (tmp_path / "x.tm").exists()


def test_a_new_tm_created_by_another_writer_meanwhile_gets_the_units_added(tmp_path):
    tm = tmp_path / "new.tm"
    first, second = SQLiteStore(str(tm)), SQLiteStore(str(tm))  # both find no TM there
    assert not tm.exists()
    assert first.add([unit("a", i) for i in range(30)], origin="a").added == 30
    result = second.add([unit("b", i) for i in range(20)] + [unit("a", 0)], origin="b")
    assert (result.added, result.duplicates) == (20, 1)
    first.close()
    second.close()
    assert unit_count(tm) == 50 and leftovers(tmp_path) == []


def test_a_new_tm_whose_creator_waits_too_long_gets_nothing_and_leaves_nothing(tmp_path):
    tm = tmp_path / "new.tm"
    late = SQLiteStore(str(tm), wait=0.1)
    with open_store(tm) as store:
        store.add([unit("other", 1)], origin="other")
    lock = HeldLock(tm)
    try:
        with pytest.raises(TMBusyError, match="^.*new.tm: TM is busy: another import is running"):
            late.add([unit("late", i) for i in range(5)], origin="late")
    finally:
        lock.release()
    late.close()
    assert unit_count(tm) == 1 and leftovers(tmp_path) == []


# -- many processes at the same moment ----------------------------------------------------------

WORKER = r"""
import os, sys, time
from trilex.tm.model import TranslationUnit, Variant
from trilex.tm.store import open_store

tm, tag, ready, go = sys.argv[1:5]
units = [TranslationUnit(None, [Variant("en", [f"{tag} sentence {i}"]), Variant("th", [f"ประโยค {tag} {i}"])])
         for i in range(200)]
open(ready, "w").close()
deadline = time.monotonic() + 60
while not os.path.exists(go):
    if time.monotonic() > deadline:
        sys.exit("never told to start")
    time.sleep(0.001)
with open_store(tm) as store:
    print(store.add(units, origin=tag).added)
"""


def run_together(tm: Path, folder: Path, count: int) -> list[tuple[int, str, str]]:
    """``count`` processes that each open ``tm`` and add 200 units, all released at one moment."""
    go = folder / "go"
    workers = [subprocess.Popen([PYTHON, "-c", WORKER, str(tm), f"w{n}", str(folder / f"ready{n}"), str(go)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(60))
               for n in range(count)]
    deadline = time.monotonic() + TIMEOUT
    while not all((folder / f"ready{n}").exists() for n in range(count)) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    results = []
    for worker in workers:
        stdout, stderr = worker.communicate(timeout=TIMEOUT)
        results.append((worker.returncode, stdout.strip(), stderr))
    return results


@pytest.mark.parametrize("start", ["no file", "empty file"])
def test_processes_creating_one_tm_at_the_same_moment_all_succeed(tmp_path, start):
    tm = tmp_path / "race.tm"
    if start == "empty file":
        tm.touch()  # they all find an empty database and create the schema in it
    results = run_together(tm, tmp_path, 4)
    assert [(code, out) for code, out, _ in results] == [(0, "200")] * 4, [err for _, _, err in results]
    assert unit_count(tm) == 800
    assert leftovers(tmp_path) == []
