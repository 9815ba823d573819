"""A TMX file read in pieces of whole ``<tu>`` elements, so that worker processes can read it.

A TM import spends most of its time parsing and preparing units; handing parsed units to
worker processes costs more than preparing them (pickling a unit is slower than normalizing
it). So the workers read the file themselves: :func:`read_tmx_units` cuts the body into byte
ranges (about :data:`PIECES` of them) that end after a ``</tu>``, and each :class:`TmxPiece`
is parsed on its own, wrapped in the file's own ``<tmx>`` start tag, by the same unit reader
as :func:`~trilex.tm.tmx_read.read_tmx`. Lines in errors and warnings are the file's lines.

A file is cut only where a ``</tu>`` in the bytes can only be the end of a unit: UTF-8 (with
or without BOM), and no comment, CDATA section, internal DTD subset or processing instruction
after the XML declaration (markup that could hide one; a ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``
is fine). Other files — and standard input — are read whole by
:func:`~trilex.tm.tmx_read.read_tmx`.
"""

from __future__ import annotations

import codecs
import io
import mmap
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from trilex.errors import InputError
from trilex.fileio import STDIO, display_name
from trilex.tm.model import TmxHeader, TmxWarning, TranslationUnit
from trilex.tm.tmx_read import read_tmx, read_unit_elements
from trilex.xmlsafe import iterparse_safe

if TYPE_CHECKING:
    from trilex.progress import ReadProgress

#: A file is cut into about this many pieces (each ends at the first ``</tu>`` after its size),
#: of at least :data:`MIN_PIECE` and at most :data:`MAX_PIECE` bytes: enough pieces for the
#: workers and for a progress bar that moves, few enough that each is worth a task.
PIECES = 64
MIN_PIECE = 64 << 10
MAX_PIECE = 4 << 20

_DECLARATION = re.compile(rb"<\?xml[^>]*?\?>")
_DOCTYPE = re.compile(rb"\s*<!DOCTYPE[^\[>]*>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
#: What may follow an element's name in a start tag, and in an end tag.
_NAME_END = (b">", b"/", b" ", b"\t", b"\r", b"\n")
_TAG_END = (b">", b" ", b"\t", b"\r", b"\n")

#: A repair made while reading a piece: ``(message, line)``.
Repair = tuple[str, "int | None"]


@dataclass(frozen=True)
class TmxPiece:
    """Bytes ``start``–``end`` of the TMX file at ``path`` (``name`` in messages): whole units,
    beginning on line ``line``. ``root`` is the file's DOCTYPE (if any) and ``<tmx …>`` start
    tag on one line (with a DOCTYPE, an undeclared entity is the reader's error, not the parser's);
    ``last`` says the piece runs to the end of the file (its own closing tags included)."""

    path: str
    name: str
    start: int
    end: int
    line: int
    root: bytes
    last: bool
    srclang: str | None

    def read(self) -> tuple[list[TranslationUnit], list[Repair]]:
        """The piece's units, and the repairs made while reading them (file lines)."""
        with open(self.path, "rb") as stream:
            stream.seek(self.start)
            data = stream.read(self.end - self.start)
        shift = self.line - 1  # the wrapper's start tags and the piece's first byte share line 1
        repairs: list[Repair] = []
        wrapped = b"".join((self.root, b"<body>", data, b"" if self.last else b"</body></tmx>"))
        try:
            events = iterparse_safe(io.BytesIO(wrapped), self.name, events=("end",), tag="tu")
            units = list(read_unit_elements(
                events, self.srclang, self.name,
                lambda message, line: repairs.append((message, None if line is None else line + shift))))
        except InputError as exc:
            raise InputError(exc.message, exc.path, None if exc.line is None else exc.line + shift) from None
        return units, repairs


class TmxUnits:
    """The units of a TMX file, piece by piece: an iterator of units, or hand :meth:`pieces` to
    worker processes (:meth:`TmxPiece.read` each, then :meth:`report` the repairs)."""

    def __init__(self, name: str, header: TmxHeader, pieces: Iterator[TmxPiece]):
        self.name = name
        self.header = header
        self._pieces = pieces
        self._units: Iterator[TranslationUnit] | None = None

    def pieces(self) -> Iterator[TmxPiece]:
        """The pieces, in file order (once)."""
        return self._pieces

    def tracked(self, wrap: Callable[[Iterator[TmxPiece]], Iterator[TmxPiece]]) -> TmxUnits:
        """The same units, their pieces passed through ``wrap`` as they are read (a progress bar)."""
        return TmxUnits(self.name, self.header, wrap(self._pieces))

    def report(self, repairs: list[Repair]) -> None:
        """Issue the repairs made while reading a piece as :class:`~trilex.tm.model.TmxWarning`."""
        for message, line in repairs:
            warnings.warn(TmxWarning(message, self.name, line), stacklevel=2)

    def __iter__(self) -> Iterator[TranslationUnit]:
        return self

    def __next__(self) -> TranslationUnit:
        if self._units is None:
            self._units = self._read()
        return next(self._units)

    def close(self) -> None:
        """Stop reading (the file is let go)."""
        if self._units is not None:
            self._units.close()
        close = getattr(self._pieces, "close", None)
        if close is not None:
            close()

    def _read(self) -> Iterator[TranslationUnit]:
        for piece in self._pieces:
            units, repairs = piece.read()
            self.report(repairs)
            yield from units


def read_tmx_units(path: str | os.PathLike[str], progress: ReadProgress | None = None) -> Iterable[TranslationUnit]:
    """The units of the TMX file at ``path`` (``-``: stdin): a :class:`TmxUnits` when the file
    can be cut (see the module docstring), else :func:`~trilex.tm.tmx_read.read_tmx`'s iterator.

    ``progress`` is kept up to date with the bytes read (as the pieces are handed out).
    """
    from trilex.progress import open_counted

    name = display_name(path)
    stream = _open(path, name) if progress is None else open_counted(path, progress)
    try:
        header, units = read_tmx(stream, name)  # the header, and every error in the start of the file
    except BaseException:
        _close(stream)
        raise
    pieces = None if str(path) == STDIO else _pieces(str(path), name, None if header.srclang == "*all*" else header.srclang)
    first = None if pieces is None else next(pieces, None)
    if first is None:
        return _closing(units, stream)
    units.close()
    _close(stream)
    pieces = _chain(first, pieces)
    if progress is not None:
        progress.done, progress.total, progress.unit = 0, os.path.getsize(path), "bytes"
        pieces = _counted(pieces, progress)
    return TmxUnits(name, header, pieces)


def _open(path: str | os.PathLike[str], name: str) -> IO[bytes]:
    if str(path) == STDIO:
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", name) from None


def _close(stream: IO[bytes]) -> None:
    if stream is not sys.stdin.buffer:
        stream.close()


def _closing(units: Iterator[TranslationUnit], stream: IO[bytes]) -> Iterator[TranslationUnit]:
    """``units``, then ``stream`` closed (also when the caller stops early or reading fails)."""
    try:
        yield from units
    finally:
        _close(stream)


def _chain(first: TmxPiece, rest: Iterator[TmxPiece]) -> Iterator[TmxPiece]:
    yield first
    yield from rest


def _counted(pieces: Iterator[TmxPiece], progress: ReadProgress) -> Iterator[TmxPiece]:
    for piece in pieces:
        progress.done = piece.end
        yield piece


def _pieces(path: str, name: str, srclang: str | None) -> Iterator[TmxPiece]:
    """The pieces of the file, or nothing when it cannot be cut safely."""
    with open(path, "rb") as stream:
        try:
            data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file, or one that cannot be mapped
            return
    with data:
        body = _body_start(data)
        if body is None:
            return
        root, start = body
        line = 1 + data[:start].count(b"\n")
        size = min(max(len(data) // PIECES, MIN_PIECE), MAX_PIECE)
        while True:
            cut = _unit_end(data, start + size)
            if cut is None:
                yield TmxPiece(path, name, start, len(data), line, root, True, srclang)
                return
            yield TmxPiece(path, name, start, cut, line, root, False, srclang)
            line += data[start:cut].count(b"\n")
            _let_go(data, start, cut)
            start = cut


def _let_go(data: mmap.mmap, start: int, end: int) -> None:
    """Drop the pages of ``data[start:end]`` from this process (they stay in the system's file
    cache), so reading a 2 GB file does not leave 2 GB in its memory."""
    if hasattr(data, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        start -= start % mmap.PAGESIZE
        if end > start:
            data.madvise(mmap.MADV_DONTNEED, start, end - start)


def _body_start(data: mmap.mmap) -> tuple[bytes, int] | None:
    """The ``<tmx>`` start tag (on one line) and the offset after ``<body>``, when the file can
    be cut: UTF-8, no markup after the declaration that could hide a ``</tu>``."""
    offset = len(codecs.BOM_UTF8) if data[:3] == codecs.BOM_UTF8 else 0
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    declaration = _DECLARATION.match(data[offset:offset + 4096])
    if declaration:
        encoding = _ENCODING.search(declaration.group())
        if encoding and encoding.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            return None
        offset += declaration.end()
    doctype = _DOCTYPE.match(data[offset:offset + 4096])  # one without an internal subset
    prolog = b""
    if doctype:
        prolog = doctype.group().strip()
        offset += doctype.end()
    if _holds_markup(data, offset):
        return None
    root = _tag(data, b"<tmx", offset)
    if root is None:
        return None
    body = _tag(data, b"<body", root[1])
    if body is None or data[body[1] - 2:body[1]] == b"/>" or root[0].endswith(b"/>"):
        return None
    return (prolog + root[0]).replace(b"\r", b" ").replace(b"\n", b" "), body[1]


def _holds_markup(data: mmap.mmap, offset: int, block: int = 64 << 20) -> bool:
    """Whether a comment, CDATA section, DTD part or processing instruction (``<!``, ``<?``) is
    anywhere after ``offset``; read a block at a time, each let go once looked through."""
    for start in range(offset, len(data), block):
        end = min(start + block + 1, len(data))  # one byte more: a marker across the boundary
        if data.find(b"<!", start, end) >= 0 or data.find(b"<?", start, end) >= 0:
            return True
        _let_go(data, start, end - 1)
    return False


def _tag(data: mmap.mmap, opening: bytes, offset: int) -> tuple[bytes, int] | None:
    """The first start tag beginning with ``opening`` (a whole name) after ``offset``, and the
    offset after it."""
    start = data.find(opening, offset)
    if start < 0 or data[start + len(opening):start + len(opening) + 1] not in _NAME_END:
        return None
    end = data.find(b">", start)
    return (data[start:end + 1], end + 1) if end >= 0 else None


def _unit_end(data: mmap.mmap, offset: int) -> int | None:
    """The offset after the first ``</tu>`` at or after ``offset`` (``None``: there is none)."""
    while True:
        found = data.find(b"</tu", offset)
        if found < 0:
            return None
        after = found + 4
        if data[after:after + 1] in _TAG_END:
            end = data.find(b">", after)
            return None if end < 0 else end + 1
        offset = after
