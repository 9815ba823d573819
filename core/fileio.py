"""Reading and writing files the way every trilex command does.

* ``-`` means stdin/stdout.
* Text is decoded strictly; undecodable bytes are an :class:`InputError` naming file and line.
  :func:`iter_text` decodes a file (or bytes) block by block with the same rules, so a reader
  that streams never holds the whole text.
* The **maximum segment size** (:func:`max_segment`): no field of a CSV/TSV file and no PO
  message string may hold more than this many characters (default 1,048,576 = 1 Mi; set
  ``TRILEX_MAX_SEGMENT``, e.g. ``4M`` or ``262144``, or pass ``max_segment=`` to a reader). A
  longer one is an :class:`InputError` naming the file and the line where it starts, raised
  while reading, before the field is ever held whole.
* Every file is written atomically: a temporary file ``.NAME.TAG-PID.XXXXXXXX.tmp`` in the same
  folder, then a rename, so an interrupted write leaves the old file intact. A write first
  removes the temporary files of the same target left by writers that died (``kill -9``, power
  loss): those of this machine and PID namespace (``TAG``) whose process ``PID`` no longer
  exists. A live writer's file is never touched, nor one from another machine.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import re
import socket
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from trilex.errors import ConfigError, InputError, OutputError

STDIO = "-"

# A BOM and the codec of the bytes after it.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: How many bytes :func:`iter_bytes` reads at a time.
BLOCK_SIZE = 1 << 20
#: The maximum segment size when neither ``max_segment=`` nor ``TRILEX_MAX_SEGMENT`` says otherwise.
DEFAULT_MAX_SEGMENT = 1 << 20
#: The environment variable that sets the maximum segment size.
MAX_SEGMENT_ENV = "TRILEX_MAX_SEGMENT"
_SIZE = re.compile(r"^\s*(\d+)\s*(?:([kmg])i?b?)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def max_segment(value: int | None = None) -> int:
    """The maximum segment size in characters: ``value`` if given, else ``$TRILEX_MAX_SEGMENT``
    (a number, optionally with ``K``, ``M`` or ``G`` for KiB, MiB, GiB of characters), else
    :data:`DEFAULT_MAX_SEGMENT`."""
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"maximum segment size {value!r}: expected a positive number of characters")
        return value
    raw = os.environ.get(MAX_SEGMENT_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_MAX_SEGMENT
    match = _SIZE.match(raw)
    size = int(match.group(1)) * _UNITS[match.group(2) and match.group(2).lower()] if match else 0
    if size < 1:
        raise ConfigError(f"{MAX_SEGMENT_ENV}={raw!r}: expected a positive number of characters, "
                          "such as 1048576 or 4M")
    return size


def segment_too_long(limit: int) -> str:
    """The message for a field or string longer than the maximum segment size ``limit``."""
    return (f"longer than the maximum segment size of {limit:,} characters "
            f"(set {MAX_SEGMENT_ENV} to allow more)")


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


def _by_bom(head: bytes, encoding: str | None) -> tuple[str, int]:
    """The encoding to read with and how many BOM bytes to skip: ``encoding`` when one is
    declared, else the BOM's (UTF-8 or UTF-16), else UTF-8."""
    if encoding is not None:
        return encoding, 0
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return "utf-8", 0


def decode_text(data: bytes, path: str | os.PathLike[str], encoding: str | None = None, *,
                encoding_line: int | None = None) -> str:
    """Decode ``data`` (UTF-8 by default; a BOM selects UTF-8 or UTF-16), raising on bad bytes.

    The error names the line of the first undecodable byte. ``encoding_line`` is where the file
    declared ``encoding`` (a PO header): errors that have no position (a codec that cannot
    decode this text at all) are reported there.
    """
    name = display_name(path)
    encoding, skip = _by_bom(data, encoding)
    _check_codec(encoding, name, encoding_line)
    try:
        return codecs.decode(memoryview(data)[skip:], encoding) if skip else data.decode(encoding)
    except UnicodeDecodeError as exc:
        if len(exc.object) == len(data) - skip:  # the position is in these bytes (not a part a codec made)
            raise _undecodable(exc, encoding, name, skip, data[:skip + exc.start].count(b"\n") + 1) from None
        raise InputError(f"cannot decode as {encoding}: {exc.reason}", name, encoding_line) from None
    except (UnicodeError, ValueError, TypeError, LookupError) as exc:
        raise InputError(f"cannot decode as {encoding}: {exc}", name, encoding_line) from None


def _check_codec(encoding: str, name: str, line: int | None) -> None:
    """An :class:`InputError` unless ``encoding`` names a codec that decodes bytes to text."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", name, line) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding", name, line)


def _undecodable(exc: UnicodeDecodeError, encoding: str, name: str, base: int, line: int) -> InputError:
    offset = base + exc.start
    return InputError(f"cannot decode as {encoding}: byte 0x{exc.object[exc.start]:02x} at offset {offset}",
                      name, line)


def iter_bytes(path: str | os.PathLike[str], data: bytes | None = None,
               size: int = BLOCK_SIZE) -> Iterator[bytes]:
    """The bytes of ``path`` (stdin for ``-``), or of ``data`` if given, in blocks of ``size``."""
    if data is not None:
        view = memoryview(data)
        for start in range(0, len(data), size):
            yield view[start:start + size]
        return
    if str(path) == STDIO:
        stream = sys.stdin.buffer
        while block := stream.read(size):
            yield block
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also when the reader stops early
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", display_name(path)) from None
    with handle:
        while True:
            try:
                block = handle.read(size)
            except OSError as exc:
                raise InputError(f"cannot read file: {exc.strerror or exc}", display_name(path)) from None
            if not block:
                return
            yield block


def iter_text(path: str | os.PathLike[str], data: bytes | None = None,
              blocks: Iterable[bytes] | None = None, *, encoding: str | None = None,
              encoding_line: int | None = None) -> Iterator[str]:
    """The text of ``path`` (or of ``data``, or of the byte ``blocks``) decoded block by block.

    Same rules as :func:`decode_text` (UTF-8, or what a BOM says, or ``encoding``; strict; the
    first bad byte named by offset and line), but only one block is held at a time.
    """
    name = display_name(path)
    source = iter(blocks if blocks is not None else iter_bytes(path, data))
    head = b""
    for block in source:  # enough bytes to see a BOM
        head += block
        if len(head) >= 3:
            break
    encoding, skip = _by_bom(head, encoding)
    _check_codec(encoding, name, encoding_line)
    try:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
    except (LookupError, TypeError, ValueError) as exc:
        raise InputError(f"cannot decode as {encoding}: {exc}", name, encoding_line) from None
    fed = skip  # bytes of the file before the block being decoded (BOM included)
    newlines = 0  # line breaks in the text decoded so far
    pending = head[skip:]
    while True:
        final = pending is None
        block = b"" if final else pending
        buffered = decoder.getstate()[0]
        try:
            text = decoder.decode(block, final)
        except UnicodeDecodeError as exc:
            if len(exc.object) != len(buffered) + len(block):  # the position is not in these bytes
                raise InputError(f"cannot decode as {encoding}: {exc.reason}", name, encoding_line) from None
            start = fed - len(buffered)
            prefix = bytes(exc.object[:exc.start]).decode(encoding, "replace")
            raise _undecodable(exc, encoding, name, start, newlines + prefix.count("\n") + 1) from None
        except (UnicodeError, ValueError, TypeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", name, encoding_line) from None
        fed += len(block)
        if text:
            newlines += text.count("\n")
            yield text
        if final:
            return
        pending = next(source, None)


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a text file (or stdin for ``-``); see :func:`decode_text`."""
    return decode_text(read_bytes(path), path, encoding)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], binary: bool = False, encoding: str = "utf-8",
                 newline: str | None = "") -> Iterator[IO]:
    """Open ``path`` for writing so that it appears complete or not at all.

    Writes go to a temporary file in the same folder, which is renamed over ``path`` when the
    block ends without an exception, and removed otherwise. ``-`` writes to stdout. Temporary
    files of ``path`` left by writers that died are removed first (see the module docstring).
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
    remove_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{_writer_tag()}-{os.getpid()}.",
                                        suffix=".tmp", dir=folder)
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


_WRITER_TAG: str | None = None


def _writer_tag() -> str:
    """8 hex digits naming this machine and PID namespace: whose PIDs a temporary name holds."""
    global _WRITER_TAG
    if _WRITER_TAG is None:
        try:
            namespace = os.stat("/proc/self/ns/pid").st_ino
        except OSError:
            namespace = 0
        _WRITER_TAG = hashlib.blake2b(f"{socket.gethostname()}\0{namespace}".encode(),
                                      digest_size=4).hexdigest()
    return _WRITER_TAG


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files :func:`atomic_write` left for ``target`` in dead processes.

    Only names of this module's pattern for this very target (``.NAME.TAG-PID.XXXXXXXX.tmp``)
    are considered, only those of this machine and PID namespace, and only when no process
    ``PID`` exists: a live writer's file (another process's, or another thread's of this one)
    stays. Returns the names removed; problems (a file gone meanwhile, no permission) are ignored.
    """
    if os.name != "posix":  # os.kill(pid, 0) is no liveness probe elsewhere
        return []
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.{_writer_tag()}-(\d+)\.[a-z0-9_]{{8}}\.tmp")
    prefix = f".{target.name}.{_writer_tag()}-"
    removed = []
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name.startswith(prefix)]
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or _process_exists(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process (or a PID we cannot probe): leave its file
    return True


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
