"""Issue 11: ``kill -9`` during an atomic write leaves the old file intact, and the next write
removes the dead writer's temporary file — never a live writer's, nor anything else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from trilex.fileio import _writer_tag, atomic_write, remove_stale_temporaries, write_text

pytestmark = pytest.mark.skipif(os.name != "posix", reason="liveness of a PID is probed with os.kill(pid, 0)")

WRITER = textwrap.dedent("""
    import sys
    from trilex.fileio import atomic_write
    with atomic_write(sys.argv[1]) as handle:
        handle.write("partial " * 10000)
        handle.flush()
        print("writing", flush=True)
        sys.stdin.readline()  # stay inside the write until told (or killed)
        handle.write("end")
    print("done", flush=True)
""")


def start_writer(target: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "writing\n"
    return process


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_write_killed_with_sigkill_leaves_the_old_file_and_the_next_write_cleans_up(tmp_path):
    target = tmp_path / "terms.tbx"
    target.write_text("old content")
    writer = start_writer(target)
    left = temporaries(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".terms.tbx.{_writer_tag()}-{writer.pid}.")
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert target.read_text() == "old content"
    assert temporaries(tmp_path) == left  # the partial file stays until the next write
    write_text(target, "new content")
    assert target.read_text() == "new content"
    assert temporaries(tmp_path) == []


def test_a_live_writers_temporary_file_is_never_removed(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    writer = start_writer(target)
    try:
        theirs = temporaries(tmp_path)
        write_text(target, "mine")  # a concurrent write of the same target
        assert target.read_text() == "mine"
        assert temporaries(tmp_path) == theirs
        assert remove_stale_temporaries(target) == []
    finally:
        writer.stdin.write("go on\n")
        writer.stdin.close()
        assert writer.stdout.readline() == "done\n"
        writer.wait()
    assert writer.returncode == 0  # its rename still found its file
    assert target.read_text().endswith("end")
    assert temporaries(tmp_path) == []


def test_only_this_targets_dead_temporaries_of_this_machine_are_removed(tmp_path):
    target = tmp_path / "out.txt"
    gone = dead_pid()
    tag = _writer_tag()
    other_tag = "0123abcd" if tag != "0123abcd" else "abcd0123"
    names = {
        "stale": f".out.txt.{tag}-{gone}.abc_1234.tmp",
        "other target": f".out.txt.bak.{tag}-{gone}.abc_1234.tmp",
        "other machine": f".out.txt.{other_tag}-{gone}.abc_1234.tmp",
        "this process": f".out.txt.{tag}-{os.getpid()}.abc_1234.tmp",
        "old pattern": ".out.txt.abc_1234.tmp",
        "not ours": f".out.txt.{tag}-{gone}.abc_1234.tmp.keep",
    }
    for name in names.values():
        (tmp_path / name).write_text("x")
    (tmp_path / f".out.txt.{tag}-{gone}.dir_5678.tmp").mkdir()  # not a file: left alone
    assert remove_stale_temporaries(target) == [names["stale"]]
    with atomic_write(target) as handle:
        handle.write("done")
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {"out.txt", f".out.txt.{tag}-{gone}.dir_5678.tmp", *(name for key, name in names.items()
                                                                         if key != "stale")}


def test_a_failed_write_still_removes_its_own_temporary_file(tmp_path):
    target = tmp_path / "x.txt"
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
