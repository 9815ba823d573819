"""CSV and TSV files with a source and a target column.

The first row is a header when it names the columns:

* by language: ``th<TAB>zh``, ``en,zh-CN``, ``en_US;th`` cells (BCP 47 or ``xx_YY`` tags). With
  two language columns the first is the source unless ``source_lang``/``target_lang`` pick
  otherwise (``zh`` finds ``zh-CN``); with more, both must be given.
* by role: ``source`` and ``target`` (the languages must then be given).

Either kind of header may also name an ``id`` (or ``key``) column, used as ``unit_id``, and a
``comment``/``comments``/``note``/``notes`` column, whose text goes to ``notes``. Without a
header, column 1 is the source and column 2 the target (other columns are ignored), and both
languages must be given. A row whose source and target are both empty is skipped; an empty
target gives ``target=None``.

CSV follows RFC 4180 as spreadsheets write it (quoted fields, ``""`` escapes, newlines inside
quotes, CRLF, a UTF-8 BOM); ``line`` is the physical line where the record starts. TSV is the
IANA ``text/tab-separated-values`` form: one record per line, fields split on tabs, no quoting
(quotes are text), ``\\n`` or ``\\r\\n`` line ends. Text is kept exactly as written.

Both are read by :func:`trilex.csvread.read_records`, the CSV rule every trilex reader shares:
strict quoting (a file that ends inside a quoted field is refused at the line where the quote
opened), no NUL characters, and no field longer than the maximum segment size
(:func:`trilex.fileio.max_segment`: ``max_segment=``, else ``TRILEX_MAX_SEGMENT``, else 1 Mi
characters). The file is decoded and parsed block by block, so a huge field is refused
without ever being held whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from trilex.bitext.model import BilingualDocument, Segment
from trilex.csvread import read_records
from trilex.errors import InputError
from trilex.fileio import display_name, iter_text
from trilex.fileio import max_segment as segment_limit
from trilex.lang.tags import normalize_tag, tag_matches

_LANGUAGE_CELL = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_ID_NAMES = frozenset({"id", "key"})
_NOTE_NAMES = frozenset({"comment", "comments", "note", "notes"})
_ROLE_NAMES = frozenset({"source", "target"})

Row = tuple[int, list[str]]


@dataclass
class _Columns:
    """Which column holds what, and the languages the header gives."""

    source: int
    target: int
    unit_id: int | None
    note: int | None
    source_lang: str | None
    target_lang: str | None
    has_header: bool


def read_csv(path: str, source_lang: str | None = None, target_lang: str | None = None,
             *, data: bytes | None = None, max_segment: int | None = None) -> BilingualDocument:
    """Read a comma-separated file (``data`` = its bytes if already read; ``max_segment``: the
    longest field allowed, in characters)."""
    return _read(path, source_lang, target_lang, data, max_segment, "csv")


def read_tsv(path: str, source_lang: str | None = None, target_lang: str | None = None,
             *, data: bytes | None = None, max_segment: int | None = None) -> BilingualDocument:
    """Read a tab-separated file (``data`` = its bytes if already read; ``max_segment``: the
    longest field allowed, in characters)."""
    return _read(path, source_lang, target_lang, data, max_segment, "tsv")


def _read(path: str, source_lang: str | None, target_lang: str | None, data: bytes | None,
          max_segment: int | None, kind: str) -> BilingualDocument:
    name = display_name(path)
    rows = read_records(iter_text(path, data), name, delimiter="," if kind == "csv" else "\t",
                        quoting=kind == "csv", max_field=segment_limit(max_segment))
    return _document(rows, name, source_lang, target_lang, kind)


def _document(rows: Iterator[Row], name: str, source_lang: str | None, target_lang: str | None,
              kind: str) -> BilingualDocument:
    first = next(rows, None)
    if first is None:
        raise InputError(f"empty {kind.upper()} file", name, 1)
    columns = _columns(first[1], name, first[0], source_lang, target_lang)
    segments: list[Segment] = []
    if not columns.has_header:
        segments.extend(_segments(iter([first]), columns, name))
    segments.extend(_segments(rows, columns, name))
    return BilingualDocument(name, columns.source_lang, columns.target_lang, segments, kind)


def _segments(rows: Iterator[Row], columns: _Columns, name: str) -> Iterator[Segment]:
    source_index, target_index = columns.source, columns.target
    needed = max(source_index, target_index) + 1
    id_index, note_index = columns.unit_id, columns.note
    for line, cells in rows:
        if len(cells) < needed:
            if len(cells) == 1 and not cells[0].strip():
                continue
            raise InputError(f"expected at least {needed} columns, found {len(cells)}", name, line)
        source, target = cells[source_index], cells[target_index]
        if not source and not target:
            continue
        unit_id = _cell(cells, id_index) or None
        note = _cell(cells, note_index)
        yield Segment(source, target or None, name, line, unit_id, [note] if note else [])


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _columns(header: list[str], name: str, line: int, source_lang: str | None,
             target_lang: str | None) -> _Columns:
    """Read the first row as a header if it is one, and settle the columns and languages."""
    cells = [cell.strip() for cell in header]
    lowered = [cell.lower() for cell in cells]
    unit_id = _find(lowered, _ID_NAMES)
    note = _find(lowered, _NOTE_NAMES)
    if "source" in lowered and "target" in lowered:
        _require_languages(source_lang, target_lang, "the header names source and target columns", name, line)
        return _Columns(lowered.index("source"), lowered.index("target"), unit_id, note,
                        normalize_tag(source_lang or ""), normalize_tag(target_lang or ""), True)
    languages = [(index, cell) for index, cell in enumerate(cells)
                 if _LANGUAGE_CELL.match(cell) and lowered[index] not in _ID_NAMES | _NOTE_NAMES]
    is_header = (len(languages) >= 2 and len({normalize_tag(cell) for _, cell in languages}) == len(languages)
                 and all(not cell or lowered[index] in _ID_NAMES | _NOTE_NAMES or _LANGUAGE_CELL.match(cell)
                         for index, cell in enumerate(cells)))
    if not is_header:
        _require_languages(source_lang, target_lang, "no header row names the columns (th, zh or "
                           "source, target)", name, line)
        return _Columns(0, 1, None, None, normalize_tag(source_lang or ""), normalize_tag(target_lang or ""),
                        False)
    source_index = _language_column(languages, source_lang, None, "source", name, line)
    target_index = _language_column(languages, target_lang, source_index, "target", name, line)
    return _Columns(source_index, target_index, unit_id, note, normalize_tag(cells[source_index]),
                    normalize_tag(cells[target_index]), True)


def _find(lowered: list[str], names: frozenset[str]) -> int | None:
    return next((index for index, cell in enumerate(lowered) if cell in names), None)


def _require_languages(source_lang: str | None, target_lang: str | None, why: str, name: str,
                       line: int) -> None:
    if not source_lang or not target_lang:
        raise InputError(f"{why}: give the source and target languages", name, line)


def _language_column(languages: list[tuple[int, str]], wanted: str | None, taken: int | None,
                     role: str, name: str, line: int) -> int:
    listed = ", ".join(cell for _, cell in languages)
    if wanted:
        exact = [index for index, cell in languages if normalize_tag(cell) == normalize_tag(wanted)]
        loose = [index for index, cell in languages if tag_matches(wanted, cell)]
        found = [index for index in exact or loose if index != taken]
        if not found:
            raise InputError(f"no {role} column for {wanted!r} in the header ({listed})", name, line)
        return found[0]
    if len(languages) != 2:
        raise InputError(f"the header has {len(languages)} language columns ({listed}): "
                         f"give the {role} language", name, line)
    return next(index for index, _ in languages if index != taken)
