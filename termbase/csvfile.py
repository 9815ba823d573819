"""CSV/TSV glossaries: one column per language, one row per concept.

Header: language columns (``en``, ``en-US``, ``th_TH``…) plus optional columns, recognised
case-insensitively:

* ``id``; ``subject`` / ``subject_field``; ``definition``; ``note``
* ``status`` and ``pos`` / ``part_of_speech`` (for every language), or per language
  ``<lang>_status``, ``<lang>_pos``, ``<lang>_definition``, ``<lang>_note``.

Several values in one cell (synonyms, their statuses, several notes) are separated by ``|``
(written `` | ``); a literal ``|`` is written ``\\|`` and a literal backslash before it ``\\\\``.
A status or part-of-speech cell holds one value for all the terms of the cell, or one value
per term. Other columns are ignored. What CSV cannot hold is listed in ``FORMATS.md``.

Reading follows :func:`trilex.csvread.read_records`, the CSV rule the bilingual reader shares
(quotes are honoured with any delimiter): strict quoting (a file that ends inside a quoted cell
is refused at the line where the quote opened), no cell longer than the maximum segment size
(:func:`trilex.fileio.max_segment`), read block by block. Characters XML 1.0 cannot hold (NUL
and the other C0 controls but tab and line breaks, U+FFFE, U+FFFF) are refused at their line:
a termbase must be writable as TBX.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from trilex.csvread import Record, read_records
from trilex.errors import InputError, warn_input
from trilex.fileio import display_name, iter_text
from trilex.fileio import max_segment as segment_limit
from trilex.lang.tags import normalize_tag
from trilex.termbase.model import (
    PARTS_OF_SPEECH,
    AdminStatus,
    Concept,
    Definition,
    LanguageSection,
    Term,
    Termbase,
)
from trilex.gc_pause import paused_gc
from trilex.termbase.tbxcore import parse_status

SEPARATOR = "|"
_LANGUAGE_COLUMN = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
#: Short headers with the shape of a language code that are not languages.
_NOT_LANGUAGES = {"url", "uri", "ref", "tag", "key", "src", "tgt", "pos"}
_CONCEPT_COLUMNS = {
    "id": "id", "concept_id": "id",
    "subject": "subject", "subject_field": "subject", "subjectfield": "subject",
    "definition": "definition", "note": "note", "notes": "note",
    "status": "status", "pos": "pos", "part_of_speech": "pos", "partofspeech": "pos",
}
_LANGUAGE_FIELDS = {"status": "status", "pos": "pos", "part_of_speech": "pos",
                    "definition": "definition", "note": "note"}
#: Status words accepted besides the TBX values (``forbidden`` is what many glossaries say).
_STATUS_ALIASES = {"forbidden": AdminStatus.DEPRECATED, "do not use": AdminStatus.DEPRECATED}
#: What a termbase cell may not hold: the characters XML 1.0 cannot represent.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class _Layout:
    """What each column of a glossary holds."""

    concept: dict[str, int] = field(default_factory=dict)
    languages: list[tuple[int, str]] = field(default_factory=list)
    language_fields: dict[tuple[str, str], int] = field(default_factory=dict)


def _is_language(name: str) -> bool:
    return bool(_LANGUAGE_COLUMN.match(name)) and name.lower() not in _NOT_LANGUAGES


def _language_field(column: str, key: str) -> tuple[str, str] | None:
    """``(language, field)`` for headers such as ``th_status`` or ``en-US_pos``."""
    for suffix, field_name in _LANGUAGE_FIELDS.items():
        for joiner in "_-":
            lang = column[: -len(suffix) - 1]
            if key.endswith(joiner + suffix) and _is_language(lang):
                return normalize_tag(lang), field_name
    return None


def _layout(header: list[str], name: str, line: int = 1) -> _Layout:
    layout = _Layout()
    for index, raw in enumerate(header):
        column = raw.strip().lstrip("\ufeff")
        key = column.lower().replace(" ", "_")
        if key in _CONCEPT_COLUMNS:
            layout.concept.setdefault(_CONCEPT_COLUMNS[key], index)
            continue
        language_field = _language_field(column, key)
        if language_field is not None:
            layout.language_fields.setdefault(language_field, index)
        elif _is_language(column):
            layout.languages.append((index, normalize_tag(column)))
    if not layout.languages:
        raise InputError("no language column in the header (expected codes such as "
                         "en, th-TH, zh_CN)", name, line)
    return layout


def split_cell(cell: str) -> list[str]:
    """The values of one cell: split at ``|``, ``\\|`` and ``\\\\`` unescaped, each stripped."""
    if "\\" not in cell:
        return [item.strip() for item in cell.split(SEPARATOR)]
    items, current, i = [], [], 0
    while i < len(cell):
        char = cell[i]
        if char == "\\" and i + 1 < len(cell) and cell[i + 1] in "\\|":
            current.append(cell[i + 1])
            i += 2
            continue
        if char == SEPARATOR:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        i += 1
    items.append("".join(current).strip())
    return items


def join_cell(values: list[str]) -> str:
    """The inverse of :func:`split_cell`."""
    return " | ".join(value.replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR)
                      for value in values)


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    if "\t" in first and "," not in first:
        return "\t"
    if ";" in first and "," not in first:
        return ";"
    return ","


class _RowReader:
    """Turns one data row into a concept."""

    def __init__(self, layout: _Layout, name: str):
        self.layout = layout
        self.name = name
        self.line = 0
        #: kind → (first value, its line, how many) of the values kept as written
        self.kept: dict[str, tuple[str, int, int]] = {}

    def keep(self, kind: str, value: str) -> str:
        """Note a value outside TBX-Basic's picklist, kept as written (one warning per kind, at the end)."""
        first, line, count = self.kept.get(kind, (value, self.line, 0))
        self.kept[kind] = (first, line, count + 1)
        return value

    def warn_kept(self) -> None:
        """One warning per kind of value kept as written."""
        for kind, (value, line, count) in self.kept.items():
            more = f"; {count - 1} more like it" if count > 1 else ""
            warn_input(f"{kind} {value!r} is not a TBX-Basic value (kept as written{more})", self.name, line)

    def cell(self, row: list[str], index: int | None) -> str:
        if index is None or index >= len(row):
            return ""
        return row[index].strip()

    def values(self, row: list[str], index: int | None) -> list[str]:
        text = self.cell(row, index)
        return [value for value in split_cell(text) if value] if text else []

    def per_term(self, row: list[str], lang: str, field_name: str, count: int) -> list[str]:
        """The status or part-of-speech value of each of ``count`` terms."""
        index = self.layout.language_fields.get((lang, field_name),
                                                self.layout.concept.get(field_name))
        text = self.cell(row, index)
        if not text:
            return [""] * count
        values = split_cell(text)
        if len(values) == 1:
            return values * count
        if len(values) != count:
            raise InputError(f"{field_name} column of {lang} has {len(values)} values for "
                             f"{count} terms", self.name, self.line)
        return values

    def term(self, text: str, status: str, pos: str) -> Term:
        """A term with its status and part of speech; values outside TBX-Basic's picklists are
        kept as written (an unknown status counts as admitted), as the TBX readers keep them."""
        known = (parse_status(status.lower()) or _STATUS_ALIASES.get(status.lower())) if status else None
        term = Term(text, status=known, part_of_speech=self.part_of_speech(pos))
        if status and known is None:
            term.status_as_written = self.keep("administrativeStatus", status)
        return term

    def part_of_speech(self, value: str) -> str | None:
        if not value:
            return None
        for choice in PARTS_OF_SPEECH:
            if choice.lower() == value.lower().replace(" ", ""):
                return choice
        return self.keep("partOfSpeech", value)

    def concept(self, row: list[str], concept_id: str) -> Concept | None:
        concept = Concept(concept_id)
        sections: dict[str, LanguageSection] = {}
        for index, lang in self.layout.languages:
            text = self.cell(row, index)
            if not text:
                continue
            texts = split_cell(text)
            statuses = self.per_term(row, lang, "status", len(texts))
            parts = self.per_term(row, lang, "pos", len(texts))
            terms = [self.term(text, status, pos) for text, status, pos in zip(texts, statuses, parts) if text]
            if terms:
                if lang not in sections:
                    sections[lang] = LanguageSection(lang)
                    concept.languages.append(sections[lang])
                sections[lang].terms.extend(terms)
        if not concept.languages:
            return None
        for section in concept.languages:
            fields = self.layout.language_fields
            section.definitions = [Definition(text) for text in
                                   self.values(row, fields.get((section.lang, "definition")))]
            section.notes = self.values(row, fields.get((section.lang, "note")))
        concept.subject_field = self.cell(row, self.layout.concept.get("subject")) or None
        concept.definitions = [Definition(text) for text in
                               self.values(row, self.layout.concept.get("definition"))]
        concept.notes = self.values(row, self.layout.concept.get("note"))
        return concept


def read_csv(data: bytes, path: str | os.PathLike[str], delimiter: str | None = None, *,
             max_segment: int | None = None) -> Termbase:
    """Read a CSV/TSV glossary (``delimiter`` sniffed from the header line when ``None``;
    ``max_segment``: the longest cell allowed, in characters)."""
    name = display_name(path)
    chunks = iter_text(path, data)
    first = next(chunks, "")
    rows = read_records(chain([first], chunks), name, delimiter=delimiter or _sniff_delimiter(first),
                        max_field=segment_limit(max_segment), forbidden=_NOT_XML,
                        forbidden_why="a termbase cannot hold it (XML 1.0 does not allow it)")
    with paused_gc():
        return _read_rows(rows, name)


def _read_rows(rows: Iterator[Record], name: str) -> Termbase:
    termbase = Termbase()
    seen: dict[str, int] = {}
    header_line, header = next(((line, row) for line, row in rows if any(cell.strip() for cell in row)),
                               (1, None))
    if header is None:
        raise InputError("empty file, expected a header line with language codes", name, 1)
    layout = _layout(header, name, header_line)
    reader = _RowReader(layout, name)
    for reader.line, row in rows:
        given = reader.cell(row, layout.concept.get("id"))
        concept_id = given or f"c{len(termbase.concepts) + 1}"
        while not given and concept_id in seen:
            concept_id += "_"
        concept = reader.concept(row, concept_id)
        if concept is None:
            continue
        if concept_id in seen:
            raise InputError(f"duplicate id {concept_id!r} (first used on line "
                             f"{seen[concept_id]})", name, reader.line)
        seen[concept_id] = reader.line
        termbase.concepts.append(concept)
    reader.warn_kept()
    return termbase


def write_csv(termbase: Termbase, delimiter: str = ",") -> str:
    """The termbase as a glossary with one column (plus status/pos/definition/note) per language."""
    languages = termbase.languages()
    concepts = termbase.concepts
    columns: list[tuple[str, object]] = [("id", lambda c: c.id)]
    if any(c.subject_field for c in concepts):
        columns.append(("subject_field", lambda c: c.subject_field or ""))
    if any(c.definitions for c in concepts):
        columns.append(("definition", lambda c: join_cell([d.text for d in c.definitions])))
    if any(c.notes for c in concepts):
        columns.append(("note", lambda c: join_cell(c.notes)))
    for lang in languages:
        sections = [s for c in concepts for s in c.languages if s.lang == lang]
        terms = [t for s in sections for t in s.terms]
        columns.append((lang, _language_cell(lang, lambda s: join_cell([t.text for t in s.terms]))))
        if any(t.status or t.status_as_written for t in terms):
            columns.append((f"{lang}_status", _language_cell(lang, lambda s: join_cell(
                [t.status.value if t.status else t.status_as_written or "" for t in s.terms]))))
        if any(t.part_of_speech for t in terms):
            columns.append((f"{lang}_pos", _language_cell(lang, lambda s: join_cell(
                [t.part_of_speech or "" for t in s.terms]))))
        if any(s.definitions for s in sections):
            columns.append((f"{lang}_definition", _language_cell(
                lang, lambda s: join_cell([d.text for d in s.definitions]))))
        if any(s.notes for s in sections):
            columns.append((f"{lang}_note", _language_cell(lang, lambda s: join_cell(s.notes))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for concept in concepts:
        writer.writerow([value(concept) for _, value in columns])
    return out.getvalue()


def _language_cell(lang: str, render):
    def cell(concept: Concept) -> str:
        for section in concept.languages:
            if section.lang == lang:
                return render(section)
        return ""
    return cell

