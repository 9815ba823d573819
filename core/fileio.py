"""Reading and writing files the way every trilex command does.

* ``-`` means stdin/stdout.
* Text is decoded strictly; undecodable bytes are an :class:`InputError` naming file and line.
* Every file is written atomically: a temporary file in the same folder, then a rename, so an
  interrupted write leaves the old file intact.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from trilex.errors import InputError, OutputError

STDIO = "-"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def display_name(path: str | os.PathLike[str]) -> str:
    """The name used in messages: ``<stdin>`` for ``-``, else the path as given."""
    return "<stdin>" if str(path) == STDIO else str(path)


def output_name(path: str | os.PathLike[str]) -> str:
    """The name used in messages for an output: ``<stdout>`` for ``-``, else the path as given."""
    return "<stdout>" if str(path) == STDIO else str(path)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a whole file (or stdin for ``-``) as bytes, with a one-line error if it cannot be read."""
    if str(path) == STDIO:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def decode_text(data: bytes, path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Decode ``data`` (UTF-8 by default; a BOM selects UTF-8 or UTF-16), raising on bad bytes.

    The error names the line of the first undecodable byte.
    """
    if encoding is None:
        encoding = "utf-8"
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding = name
                break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            display_name(path), line,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", display_name(path)) from None


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a text file (or stdin for ``-``); see :func:`decode_text`."""
    return decode_text(read_bytes(path), path, encoding)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], binary: bool = False, encoding: str = "utf-8",
                 newline: str | None = "") -> Iterator[IO]:
    """Open ``path`` for writing so that it appears complete or not at all.

    Writes go to a temporary file in the same folder, which is renamed over ``path`` when the
    block ends without an exception, and removed otherwise. ``-`` writes to stdout.
    """
    if str(path) == STDIO:
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError("cannot write file: it is a directory", path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write file: {exc.strerror or exc}", path) from None
    try:
        if binary:
            handle: IO = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            _finish(handle, tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _finish(handle: IO, tmp_name: str, target: Path) -> None:
    """Flush the temporary file to disk, give it the target's permissions, rename it over the target."""
    try:
        handle.flush()
        os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except OSError as exc:
        raise OutputError(f"cannot write file: {exc.strerror or exc}", target) from None


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (or to stdout for ``-``)."""
    with atomic_write(path, binary=True) as handle:
        handle.write(data)


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (or to stdout for ``-``)."""
    with atomic_write(path, encoding=encoding) as handle:
        handle.write(text)
