"""The one way trilex reads delimited text (CSV, TSV): strictly, in a stream, with line numbers.

Both CSV readers (bilingual files, :mod:`trilex.bitext.delimited`, and glossaries,
:mod:`trilex.termbase.csvfile`) use :func:`read_records`, so they accept and refuse the same files.

With ``quoting`` (CSV, RFC 4180 as spreadsheets write it):

* a field that starts with ``"`` is quoted: it ends at the next lone ``"``; ``""`` inside it is
  one quote; delimiters and line breaks inside it are text (kept as written, ``\\r\\n`` too);
* after the closing quote comes the delimiter or the end of the line, nothing else;
* a quote inside an unquoted field is text (``5" disk``), as Python's ``csv`` module reads it;
* a file that ends inside a quoted field is refused at the line where the quote opened;
* records end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac exports); ``line`` numbers count
  all three the same way.

Without ``quoting`` (TSV as IANA ``text/tab-separated-values``): one record per line (``\\n`` or
``\\r\\n``), fields split at the delimiter, quotes are text.

Either way: empty lines are skipped; a field longer than the maximum segment size
(:func:`trilex.fileio.max_segment`) is refused at the line where it starts, as soon as the reader
has seen that much of it (the text is read block by block, never whole), and so is a record
longer than :data:`RECORD_FIELDS` times that (a line of millions of tiny fields); a NUL character
(or any character ``forbidden`` matches) is refused at its line. ``line`` is the 1-based
physical line where a record starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from trilex.errors import InputError
from trilex.fileio import MAX_SEGMENT_ENV, segment_too_long

Record = tuple[int, list[str]]

#: Characters no delimited file may hold: NUL is never text.
NUL = re.compile("\x00")
NUL_WHY = "never text (a binary file, or UTF-16 without a byte order mark?)"
#: Longest piece of an unfinished line kept before it is parsed (a long line is parsed in pieces).
_PIECE = 1 << 16
_FIELD_START, _UNQUOTED, _QUOTED, _AFTER_QUOTE = range(4)
#: A record (all its fields with their delimiters) may hold this many times the maximum segment size.
RECORD_FIELDS = 8


def describe_char(char: str) -> str:
    """``NUL character (U+0000)``, ``control character U+0001``, ``character U+FFFE``."""
    code = ord(char)
    if code == 0:
        return "NUL character (U+0000)"
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"control character U+{code:04X}"
    return f"character U+{code:04X}"


def read_records(chunks: Iterable[str], name: str, *, delimiter: str = ",", quoting: bool = True,
                 max_field: int, forbidden: re.Pattern[str] = NUL,
                 forbidden_why: str = NUL_WHY) -> Iterator[Record]:
    """``(line, fields)`` for each non-empty record of the text ``chunks`` (see the module docstring).

    ``name`` is the file name for errors; ``forbidden`` matches characters refused anywhere
    (``forbidden_why`` says why).
    """
    parser = _Parser(name, delimiter, quoting, max_field, forbidden, forbidden_why)
    fast = parser.fast
    for text, end in _physical_lines(chunks, quoting):
        if fast(text, end):
            if text:
                yield parser.line, text.split(delimiter)
            parser.line += 1
            continue
        record = parser.feed(text, end)
        if record is not None:
            yield record
    parser.finish()


def _physical_lines(chunks: Iterable[str], cr_ends_line: bool) -> Iterator[tuple[str, str | None]]:
    """``(text, end)`` per physical line: ``end`` is the line break as written (``""`` for a
    last line without one), or ``None`` for a piece of a longer line that continues."""
    rest = ""
    unfinished = False  # pieces of the current line were handed over
    for chunk in chunks:
        buffer = rest + chunk if rest else chunk
        parts = buffer.split("\n")
        rest = parts.pop()
        if parts:
            unfinished = False
        for part in parts:
            if cr_ends_line and "\r" in part:
                yield from _split_cr(part, "\n")
            elif part and part[-1] == "\r":
                yield part[:-1], "\r\n"
            else:
                yield part, "\n"
        if len(rest) > _PIECE:  # an unfinished long line: hand it over in pieces
            cut = len(rest) - 1 if rest[-1] == "\r" else len(rest)  # a "\n" may follow a final "\r"
            piece, rest = rest[:cut], rest[cut:]
            unfinished = True
            if cr_ends_line and "\r" in piece:
                yield from _split_cr(piece, None)
            else:
                yield piece, None
    if rest or unfinished:
        if cr_ends_line and "\r" in rest:
            yield from _split_cr(rest, "")
        elif rest and rest[-1] == "\r":
            yield rest[:-1], "\r"
        else:
            yield rest, ""


def _split_cr(part: str, end: str | None) -> Iterator[tuple[str, str | None]]:
    """The lines of ``part`` split at lone ``\\r``; its last piece ends with ``end``."""
    pieces = part.split("\r")
    last = pieces.pop()
    for index, piece in enumerate(pieces):
        if index == len(pieces) - 1 and not last and end is not None:
            yield piece, ("\r\n" if end == "\n" else "\r")  # the part ended with "\r"
            return
        yield piece, "\r"
    if last or end is not None:  # (a piece that ends with a lone "\r" has nothing after it)
        yield last, end


class _Parser:
    """The state of :func:`read_records` between pieces of text."""

    def __init__(self, name: str, delimiter: str, quoting: bool, max_field: int,
                 forbidden: re.Pattern[str], forbidden_why: str):
        self.name = name
        self.delimiter = delimiter
        self.quoting = quoting
        self.max_field = max_field
        self.forbidden = forbidden
        self.forbidden_why = forbidden_why
        self.line = 1  # the physical line the next piece is on
        self.state = _FIELD_START
        self.in_record = False
        self.record_line = 1
        self.record_size = 0
        self.field_line = 1
        self.fields: list[str] = []
        self.parts: list[str] = []
        self.size = 0

    def fast(self, text: str, end: str | None) -> bool:
        """Whether ``text`` is a whole simple record (no quote, short); checks its characters."""
        if self.forbidden.search(text):
            self._refuse_char(text)
        return (end is not None and not self.in_record and len(text) <= self.max_field
                and not (self.quoting and '"' in text))

    def feed(self, text: str, end: str | None) -> tuple[int, list[str]] | None:
        """Parse one piece; the record it completes, if any."""
        if not self.in_record:
            self.in_record, self.record_line, self.record_size = True, self.line, 0
            self.state, self.field_line = _FIELD_START, self.line
        self.record_size += len(text)
        if self.record_size > self.max_field * RECORD_FIELDS:
            raise InputError(f"record longer than {self.max_field * RECORD_FIELDS:,} characters "
                             f"({RECORD_FIELDS} times the maximum segment size; set {MAX_SEGMENT_ENV} "
                             "to allow more)", self.name, self.record_line)
        delimiter, position, length = self.delimiter, 0, len(text)
        while position < length:
            state = self.state
            if state == _FIELD_START:
                self.field_line = self.line
                if self.quoting and text[position] == '"':
                    self.state = _QUOTED
                    position += 1
                else:
                    self.state = _UNQUOTED
            elif state == _UNQUOTED:
                found = text.find(delimiter, position)
                if found < 0:
                    self._add(text[position:])
                    position = length
                else:
                    self._add(text[position:found])
                    self._end_field()
                    position = found + 1
            elif state == _QUOTED:
                found = text.find('"', position)
                if found < 0:
                    self._add(text[position:])
                    position = length
                else:
                    self._add(text[position:found])
                    self.state = _AFTER_QUOTE
                    position = found + 1
            else:  # _AFTER_QUOTE: a doubled quote, the delimiter, or the end of the line
                char = text[position]
                if char == '"':
                    self._add('"')
                    self.state = _QUOTED
                elif char == delimiter:
                    self._end_field()
                else:
                    raise InputError(f"malformed CSV: {char!r} after the closing quote of a field "
                                     '(a quote inside a quoted field is written "")', self.name, self.line)
                position += 1
        if end is None:
            return None
        if self.state == _QUOTED:  # a line break inside quotes is text
            self._add(end)
            self.line += 1
            return None
        self.line += 1
        self._end_field()
        record = (self.record_line, self.fields)
        self.fields, self.in_record = [], False
        return record

    def finish(self) -> None:
        """At the end of the text: an unclosed quote is an error."""
        if self.in_record and self.state == _QUOTED:
            raise InputError("malformed CSV: the file ends inside a quoted field; the quote opened "
                             "here is never closed", self.name, self.field_line)

    def _add(self, text: str) -> None:
        self.size += len(text)
        if self.size > self.max_field:
            raise InputError(f"field {segment_too_long(self.max_field)}", self.name, self.field_line)
        self.parts.append(text)

    def _end_field(self) -> None:
        self.fields.append("".join(self.parts))
        self.parts, self.size, self.state = [], 0, _FIELD_START

    def _refuse_char(self, text: str) -> None:
        char = self.forbidden.search(text).group()
        raise InputError(f"{describe_char(char)} in the text: {self.forbidden_why}", self.name, self.line)
