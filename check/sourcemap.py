"""Finding where a span of a segment stands in the file itself (line and column).

Readers give the line where a unit starts; CI annotations and SARIF fixes want the exact
position of the offending text. :class:`SourceMap` searches the raw file for the span's text
from the unit's line on (trying the XML-escaped spelling too) and caches each file's lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from trilex.errors import InputError
from trilex.fileio import read_text
from trilex.xmlsafe import escape_xml


@dataclass(frozen=True)
class FilePosition:
    """A 1-based line/column range in a file; columns count Unicode code points."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class SourceMap:
    """Locate span texts in files, reading each file once."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}

    def _file_lines(self, path: str) -> list[str] | None:
        if path not in self._lines:
            try:
                self._lines[path] = read_text(path).split("\n")
            except InputError:
                self._lines[path] = None
        return self._lines[path]

    def locate(self, path: str, from_line: int | None, text: str, max_lines: int = 200) -> FilePosition | None:
        """The position of the first occurrence of ``text`` at or after ``from_line``, or ``None``."""
        if not text or "\n" in text or from_line is None:
            return None
        lines = self._file_lines(path)
        if lines is None:
            return None
        spellings = [text]
        escaped = escape_xml(text, quote=True)
        if escaped != text:
            spellings.append(escaped)
        for index in range(from_line - 1, min(len(lines), from_line - 1 + max_lines)):
            for spelling in spellings:
                column = lines[index].find(spelling)
                if column >= 0:
                    return FilePosition(index + 1, column + 1, index + 1, column + 1 + len(spelling))
        return None
