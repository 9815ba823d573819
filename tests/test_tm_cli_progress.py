"""Import progress: the readers say how far they have read (bytes of a TMX file, units of a file
read whole), and the bar drawn from that on a terminal — never off one, never with ``-q``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import trilex.progress
from trilex.cli.main import cli
from trilex.errors import InputError
from trilex.progress import CountingReader, ReadProgress, open_counted, track
from trilex.tm.importers import read_parallel_units, read_units

DATA = Path(__file__).parent / "data"
ROUNDTRIP = DATA / "tmstore" / "roundtrip.tmx"
PO = DATA / "cli_contract" / "messages.th.po"
TBX = DATA / "cli_contract" / "termbase.tbx"
REPO = Path(__file__).resolve().parents[1]
TRILEX = REPO / ".venv" / "bin" / "trilex"

HEADER = ('<?xml version="1.0" encoding="{encoding}"?>\n<tmx version="1.4"><header creationtool="t" '
          'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
          'datatype="plaintext"/><body>\n')


def write_tmx(path: Path, units: int, encoding: str = "utf-8") -> Path:
    body = "".join(f'<tu tuid="{i}"><tuv xml:lang="en"><seg>The data centre number {i} opens</seg></tuv>'
                   f'<tuv xml:lang="th"><seg>ศูนย์ข้อมูลหมายเลข {i} เปิดแล้ว</seg></tuv></tu>\n'
                   for i in range(units))
    text = HEADER.format(encoding=encoding.upper()) + body + "</body></tmx>\n"
    path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else text.encode("utf-8"))
    return path


def fractions(units, progress: ReadProgress) -> list[float]:
    seen = []
    for _unit in units:
        seen.append(progress.fraction)
    seen.append(progress.fraction)
    return seen


# -- the readers report how far they have read ---------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_tmx_progress_is_bytes_read_rising_to_100_percent_at_the_end(tmp_path, encoding):
    path = write_tmx(tmp_path / "big.tmx", 3000, encoding)
    progress = ReadProgress()
    units = read_units(path, progress=progress)
    assert progress.unit == "bytes" and progress.total == path.stat().st_size
    seen = fractions(units, progress)
    assert len(seen) == 3001
    assert seen == sorted(seen)  # monotone
    assert seen[0] < 0.25  # streamed: the first unit comes out long before the file is read
    assert len(set(seen)) > 5  # it moves while reading, not in one jump
    assert seen[-1] == 1.0 and progress.done == progress.total


def test_tmx_progress_gives_the_same_units_as_reading_without_it(tmp_path):
    path = write_tmx(tmp_path / "big.tmx", 500)
    assert list(read_units(path, progress=ReadProgress())) == list(read_units(path))


@pytest.mark.parametrize("path", [PO, TBX])
def test_formats_read_whole_count_units_of_the_file(path):
    progress = ReadProgress()
    units = read_units(path, progress=progress)
    seen = fractions(units, progress)
    assert progress.unit == "units" and progress.total and progress.done == progress.total
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_parallel_text_counts_lines(tmp_path):
    source, target = tmp_path / "a.en.txt", tmp_path / "a.th.txt"
    source.write_text("Data center\nArtificial intelligence\n", encoding="utf-8")
    target.write_text("ศูนย์ข้อมูล\nปัญญาประดิษฐ์\n", encoding="utf-8")
    progress = ReadProgress()
    assert len(list(read_parallel_units(str(source), str(target), "en", "th", progress=progress))) == 2
    assert progress.done == progress.total == 2


def test_stdin_from_a_pipe_has_no_size(monkeypatch, tmp_path):
    data = write_tmx(tmp_path / "in.tmx", 50).read_bytes()

    class Pipe:
        buffer = io.BytesIO(data)  # no fileno: like a pipe, no size to know

    monkeypatch.setattr(sys, "stdin", Pipe())
    progress = ReadProgress()
    units = list(read_units("-", format="tmx", progress=progress))
    assert len(units) == 50 and progress.total is None and progress.fraction is None
    assert progress.done == len(data)


def test_stdin_redirected_from_a_file_has_its_size(monkeypatch, tmp_path):
    path = write_tmx(tmp_path / "in.tmx", 50)
    with open(path, "rb") as handle:
        class Redirected:
            buffer = handle

        monkeypatch.setattr(sys, "stdin", Redirected())
        progress = ReadProgress()
        assert len(list(read_units("-", format="tmx", progress=progress))) == 50
        assert progress.total == path.stat().st_size and progress.fraction == 1.0
        assert not handle.closed  # stdin is not closed by the reader


def test_the_file_is_closed_when_the_reader_stops_early(tmp_path, monkeypatch):
    opened: list[CountingReader] = []

    def recording(path, progress):
        reader = open_counted(path, progress)
        opened.append(reader)
        return reader

    monkeypatch.setattr(trilex.progress, "open_counted", recording)
    units = read_units(write_tmx(tmp_path / "big.tmx", 3000), progress=ReadProgress())
    next(units)
    units.close()
    assert opened and opened[0].closed


def test_a_missing_file_is_one_line():
    with pytest.raises(InputError) as caught:
        open_counted("/nonexistent/x.tmx", ReadProgress())
    assert str(caught.value).startswith("/nonexistent/x.tmx: cannot read file")


def test_an_empty_file_counts_as_read():
    assert ReadProgress(0, 0).fraction == 1.0 and ReadProgress(5, 4).fraction == 1.0


# -- the bar ---------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def slow_clock(monkeypatch):
    """click's clock moves two seconds per look, so the bar has a time left to show."""
    import click._termui_impl as termui

    now = [time.time()]

    def tick() -> float:
        now[0] += 2.0
        return now[0]

    monkeypatch.setattr(termui.time, "time", tick)


def test_bar_by_bytes_shows_percent_time_left_and_units_ending_at_100(tmp_path, slow_clock, monkeypatch):
    monkeypatch.setattr(trilex.progress, "REDRAW", 0.0)
    path = write_tmx(tmp_path / "big.tmx", 3000)
    progress = ReadProgress()
    out = Terminal()
    units = list(track(read_units(path, progress=progress), "importing big.tmx", out, progress=progress))
    assert len(units) == 3000
    text = out.getvalue()
    frames = [frame for frame in text.split("\r") if "importing big.tmx" in frame]
    percents = [int(frame.split("%")[0].rsplit(None, 1)[-1]) for frame in frames if "%" in frame]
    assert percents == sorted(percents) and percents[-1] == 100 and len(set(percents)) > 3
    assert any("00:00:" in frame for frame in frames)  # time left
    assert "3000 units" in frames[-1] and text.endswith("\n")


def test_bar_by_units_when_the_total_is_known():
    out = Terminal()
    assert list(track(range(5000), "copying", out, total=5000)) == list(range(5000))
    assert "5000/5000" in out.getvalue() and out.getvalue().endswith("\n")


def test_a_count_when_nothing_says_how_much_is_left():
    out = Terminal()
    assert list(track(range(2500), "importing <stdin>", out, progress=ReadProgress())) == list(range(2500))
    assert "importing <stdin>: 2000 units" in out.getvalue() and out.getvalue().endswith("importing <stdin>: 2500 units\n")


def test_a_failure_half_way_ends_the_bar_line(tmp_path):
    broken = tmp_path / "broken.tmx"
    broken.write_bytes(write_tmx(tmp_path / "ok.tmx", 3000).read_bytes().replace(b"</body>", b"</bdy>"))
    progress = ReadProgress()
    out = Terminal()
    with pytest.raises(InputError):
        for _unit in track(read_units(broken, progress=progress), "importing", out, progress=progress):
            pass
    assert out.getvalue().endswith("\n")


def test_no_bar_off_a_terminal_or_with_q(tmp_path):
    path = write_tmx(tmp_path / "big.tmx", 2000)
    plain = CliRunner().invoke(cli, ["tm", "import", str(path), "--tm", str(tmp_path / "a.tm")])
    assert plain.exit_code == 0 and plain.stderr == f"{path}: 2000 units added, 0 duplicates\n"


def _on_a_terminal(args: list[str], cwd: Path, stdin=subprocess.DEVNULL) -> tuple[int, str]:
    """Run ``args`` with stdout and stderr on a pseudo-terminal; its exit code and output."""
    pty = pytest.importorskip("pty")
    import select

    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdin=stdin, stdout=slave, stderr=slave, cwd=cwd, close_fds=True)
    os.close(slave)
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end is closed
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    os.close(master)
    return process.wait(timeout=60), output.decode("utf-8", "replace")


@pytest.mark.skipif(not TRILEX.exists(), reason="needs the trilex script of the project's .venv")
def test_on_a_real_terminal_import_and_copy_draw_a_bar(tmp_path):
    path = write_tmx(tmp_path / "big.tmx", 3000)
    code, output = _on_a_terminal([str(TRILEX), "tm", "import", str(path), "--tm", "a.tm"], tmp_path)
    assert code == 0, output
    assert "importing " in output and "100%" in output
    assert output.rstrip().endswith("3000 units added, 0 duplicates")

    code, output = _on_a_terminal([str(TRILEX), "tm", "copy", "a.tm", "b.tm"], tmp_path)
    assert code == 0 and "3000/3000" in output and "3000 units copied" in output

    code, quiet = _on_a_terminal([str(TRILEX), "tm", "import", "-q", str(path), "--tm", "c.tm"], tmp_path)
    assert code == 0 and quiet == ""

    with open(path, "rb") as handle:  # stdin from a pipe: no size, a count
        feeder = subprocess.Popen(["cat"], stdin=handle, stdout=subprocess.PIPE)
        code, piped = _on_a_terminal([str(TRILEX), "tm", "import", "-", "--format", "tmx", "--tm", "d.tm"],
                                     tmp_path, stdin=feeder.stdout)
        feeder.stdout.close()
        feeder.wait()
    assert code == 0 and "importing <stdin>: 3000 units" in piped and "%" not in piped
