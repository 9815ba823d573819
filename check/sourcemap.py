"""Finding where a span of a segment stands in the file itself (line and column).

Readers give the line where a unit starts (and where its target starts); CI annotations and
SARIF fixes want the exact position of the offending text. :class:`SourceMap` searches the raw
file for the span's text — a target span from the target's line, skipping as many earlier
occurrences as the text has before the span — in the spellings a file can give it (as is,
XML-escaped, PO-escaped: ``\\n``, ``\\"``), and caches each file's lines. An empty span (white
space to insert) is placed after the text before it. The spelling found is returned, so a
fix's replacement can be written the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from trilex.check.findings import Finding, Span
from trilex.errors import InputError
from trilex.fileio import read_text
from trilex.xmlsafe import escape_xml


_PO_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"})
#: How each spelling writes a text.
SPELLINGS = {"plain": lambda text: text, "xml": lambda text: escape_xml(text, quote=True),
             "po": lambda text: text.translate(_PO_ESCAPES)}
#: Characters of context an empty span is placed by.
_ANCHOR = 16


@dataclass(frozen=True)
class FilePosition:
    """A 1-based line/column range in a file; columns count Unicode code points. ``spelling``
    says how the file writes the text there (a key of :data:`SPELLINGS`)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    spelling: str = "plain"

    def write(self, text: str) -> str:
        """``text`` as the file would write it here."""
        return SPELLINGS[self.spelling](text)


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

    def locate(self, path: str, from_line: int | None, text: str, occurrence: int = 0,
               max_lines: int = 200) -> FilePosition | None:
        """The position of ``text`` at or after ``from_line`` (skipping ``occurrence`` earlier
        ones), in the first spelling the file has it in, or ``None``."""
        if not text or from_line is None:
            return None
        lines = self._file_lines(path)
        if lines is None:
            return None
        tried: set[str] = set()
        for name, spell in SPELLINGS.items():
            written = spell(text)
            if written in tried or "\n" in written:
                continue
            tried.add(written)
            skip = occurrence
            for index in range(from_line - 1, min(len(lines), from_line - 1 + max_lines)):
                column = lines[index].find(written)
                while column >= 0:
                    if skip == 0:
                        return FilePosition(index + 1, column + 1, index + 1, column + 1 + len(written), name)
                    skip -= 1
                    column = lines[index].find(written, column + len(written))
        return None

    def place(self, finding: Finding, span: Span, in_target: bool) -> FilePosition | None:
        """Where ``span`` of ``finding``'s target (or source) text stands in the file, or ``None``."""
        location = finding.location
        text = finding.target if in_target else finding.source
        from_line = (finding.target_line or location.line) if in_target else location.line
        if span.text:
            before = text[: span.start] if text[span.start: span.end] == span.text else ""
            return self.locate(location.path, from_line, span.text, before.count(span.text))
        anchor = text[: span.start].rsplit("\n", 1)[-1][-_ANCHOR:]
        if anchor:
            found = self.locate(location.path, from_line, anchor, text[: span.start - len(anchor)].count(anchor))
            return None if found is None else FilePosition(found.end_line, found.end_column, found.end_line,
                                                           found.end_column, found.spelling)
        anchor = text[span.end:].split("\n", 1)[0][:_ANCHOR]
        found = self.locate(location.path, from_line, anchor) if anchor else None
        return None if found is None else FilePosition(found.start_line, found.start_column, found.start_line,
                                                       found.start_column, found.spelling)
