"""How far a reader has got through its input, and the progress bar the CLI draws from it.

A reader that streams a file (the TMX reader) reads it through :class:`CountingReader`, a thin
wrapper that counts the bytes handed out, so the bar can show a true percentage and time left
without the file being read twice or held whole. Readers that read a file whole before their
units come out (PO, XLIFF, CSV, termbases) report the units handed out of the units in the
file instead. Either way the reader updates a :class:`ReadProgress`, which the caller polls.

Standard input has no size (unless it is a redirected regular file): ``total`` stays ``None``
and the CLI falls back to a count of units. Nothing here draws anything off a terminal.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TextIO

from trilex.errors import InputError
from trilex.fileio import STDIO, display_name


@dataclass
class ReadProgress:
    """``done`` of ``total`` read so far: bytes of a streamed file, or units of a file that was
    read whole (``unit`` says which); ``total`` is ``None`` when the size is unknown (stdin)."""

    done: int = 0
    total: int | None = None
    unit: str = "bytes"

    @property
    def fraction(self) -> float | None:
        """How much of the input has been read, 0.0–1.0 (``None`` without a total)."""
        if self.total is None:
            return None
        if self.total <= 0:  # an empty file is read as soon as it is opened
            return 1.0
        return min(self.done / self.total, 1.0)


class CountingReader:
    """A binary file that counts the bytes read from it into a :class:`ReadProgress`.

    It offers what streaming parsers use (``read``, ``readinto``, ``close``, ``name``); it
    reads nothing ahead of its caller.
    """

    def __init__(self, raw: IO[bytes], progress: ReadProgress, name: str, owned: bool = True):
        self.raw = raw
        self.progress = progress
        self.name = name
        self._owned = owned

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.progress.done += len(data)
        return data

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer) or 0
        self.progress.done += count
        return count

    def readable(self) -> bool:
        return True

    @property
    def closed(self) -> bool:
        return bool(getattr(self.raw, "closed", False))

    def close(self) -> None:
        """Close the file (stdin is left open)."""
        if self._owned:
            self.raw.close()

    def __enter__(self) -> CountingReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _remaining_size(handle: IO[bytes]) -> int | None:
    """The bytes left in ``handle`` if it is a regular file, else ``None`` (a pipe, a terminal)."""
    try:
        fd = handle.fileno()
        info = os.fstat(fd)
    except (OSError, AttributeError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    try:
        offset = handle.tell()
    except (OSError, ValueError):
        offset = 0
    return max(info.st_size - offset, 0)


def open_counted(path: str | os.PathLike[str], progress: ReadProgress) -> CountingReader:
    """Open ``path`` (stdin for ``-``) for reading through a :class:`CountingReader` that fills
    ``progress`` (its ``total`` set to the file's size, ``None`` for a pipe)."""
    name = display_name(path)
    if str(path) == STDIO:
        raw: IO[bytes] = sys.stdin.buffer
        owned = False
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - the CountingReader closes it
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None
        owned = True
    progress.done, progress.total, progress.unit = 0, _remaining_size(raw), "bytes"
    return CountingReader(raw, progress, name, owned)


def counted(items: Iterable, progress: ReadProgress, total: int) -> Iterator:
    """``items`` (``total`` of them), counting each one handed out into ``progress``."""
    progress.done, progress.total, progress.unit = 0, total, "units"
    for item in items:
        progress.done += 1
        yield item


def on_terminal(*streams: TextIO) -> bool:
    """Whether every one of ``streams`` is a terminal (progress is drawn only then)."""
    for stream in streams:
        isatty = getattr(stream, "isatty", None)
        try:
            if not (isatty and isatty()):
                return False
        except ValueError:  # a closed stream
            return False
    return True


#: Units between two updates of a count (when the total is unknown).
COUNT_EVERY = 1000
#: A bar by units is redrawn about this many times in all.
STEPS = 1000
#: Seconds between two redraws of a bar by bytes read.
REDRAW = 0.1


def track(units: Iterable, label: str, file: TextIO, *, progress: ReadProgress | None = None,
          total: int | None = None, counting: bool = True) -> Iterator:
    """``units``, drawing their progress on ``file`` (a terminal) as they are consumed.

    With ``progress`` whose ``total`` is known (after the first unit), a bar by how far the
    reader has got, with percent, time left and the units so far; with ``total`` (a number of
    units), a bar by units; otherwise a running count of units. The bar ends with a new line,
    also when reading fails, so an error message starts on a line of its own. With
    ``counting`` false the items are not units (pieces of a file) and the bar shows no count.
    """
    import click

    iterator = iter(units)
    try:
        first = next(iterator)
    except StopIteration:
        return
    if progress is not None and progress.total is not None:
        yield from _bar_by_reading(first, iterator, label, file, progress, counting)
    elif total is not None:
        with click.progressbar(length=total, label=label, file=file, show_pos=True,
                               update_min_steps=max(1, total // STEPS)) as bar:
            yield first
            bar.update(1)
            for unit in iterator:
                yield unit
                bar.update(1)
    else:
        done = 0
        try:
            for done, unit in enumerate(_chain(first, iterator), 1):
                if done % COUNT_EVERY == 0:
                    click.echo(f"\r{label}: {done} units", file=file, nl=False)
                yield unit
        finally:
            click.echo(f"\r{label}: {done} units", file=file)


def _chain(first, rest: Iterator) -> Iterator:
    yield first
    yield from rest


def _bar_by_reading(first, iterator: Iterator, label: str, file: TextIO, progress: ReadProgress,
                    counting: bool) -> Iterator:
    import click

    total = max(progress.total or 0, 1)
    count = 0
    shown = 0
    drawn = 0.0
    with click.progressbar(length=total, label=label, file=file, show_percent=True, show_eta=True,
                           item_show_func=lambda item: item) as bar:
        for unit in _chain(first, iterator):
            count += 1
            yield unit
            done = min(progress.done, total)
            if done > shown and (done == total or time.monotonic() - drawn >= REDRAW):
                bar.update(done - shown, f"{count} units" if counting else None)
                shown, drawn = done, time.monotonic()
        bar.current_item = f"{count} units" if counting else None  # the last units came out of bytes read before them
        bar.update(min(progress.done, total) - shown)
        bar.render_progress()
