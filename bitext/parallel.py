"""Parallel plain text: two files, line N of one translating line N of the other.

Lines end with ``\\n`` or ``\\r\\n`` (ntrex128 uses CRLF); a final line end is optional. Only
``\\n`` separates lines: U+2028, form feeds and lone ``\\r`` are text. The files must have the
same number of lines; otherwise the error names the longer file and its first extra line.
A line empty in both files is skipped; an empty target line gives ``target=None``.

Segments carry the *target* file's path (the file a reviewer edits) and the line number, which
is the same in both files. Languages are the ones given, else the file names' last dotted part
(``newstest2019-ref.tha.txt`` → ``th``, ``doc.zh-CN.txt`` → ``zh-CN``).
"""

from __future__ import annotations

from trilex.bitext.languages import language_from_filename
from trilex.bitext.model import BilingualDocument, Segment
from trilex.errors import InputError
from trilex.fileio import display_name, read_text


def _lines(path: str) -> list[str]:
    text = read_text(path).replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _language(given: str | None, path: str, role: str) -> str:
    language = given or language_from_filename(display_name(path))
    if language is None:
        raise InputError(f"cannot tell the {role} language from the file name: give it", display_name(path), 1)
    return language


def read_parallel(source_path: str, target_path: str, source_lang: str | None,
                  target_lang: str | None) -> BilingualDocument:
    """Read two line-aligned plain-text files as one bilingual document."""
    source_lang = _language(source_lang, source_path, "source")
    target_lang = _language(target_lang, target_path, "target")
    sources, targets = _lines(source_path), _lines(target_path)
    if len(sources) != len(targets):
        longer = source_path if len(sources) > len(targets) else target_path
        raise InputError(f"the source has {len(sources)} lines and the target {len(targets)}; "
                         "parallel files must have the same number of lines",
                         display_name(longer), min(len(sources), len(targets)) + 1)
    name = display_name(target_path)
    segments = [Segment(source, target or None, name, number)
                for number, (source, target) in enumerate(zip(sources, targets), 1)
                if source or target]
    return BilingualDocument(name, source_lang, target_lang, segments, "parallel")
