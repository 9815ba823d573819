"""What TBX v3 and TBX v2 share: the data categories, their picklists, and the entry reader.

Both versions hold the same entry content (``conceptEntry/langSec/termSec`` in v3,
``termEntry/langSet/tig|ntig`` in v2), so one reader serves both; the writers differ only in
element names and in the levels each dialect allows, see :mod:`trilex.termbase.tbx3` and
:mod:`trilex.termbase.tbx2`.

The reader accepts the TBX-Basic v1.2.1 vocabulary, the TBX-Basic "Version 4" vocabulary
(``usageStatus``, transactionType ``creation``, ``properNoun``), TBX-Default
``normativeAuthorization`` and DCT-style elements (data categories as namespaced elements).

Reading is lenient about vocabulary, strict about structure. Picklist values outside TBX-Basic
(partOfSpeech ``nom``, termType ``initialism``, an unknown status or transactionType) and dates
that are not ``xsd:date``/``xsd:dateTime`` (``20010507T10:57:25Z``) are kept as written; data
categories outside TBX-Basic (TBX-Default ``grammaticalNumber``, custom MultiTerm fields) are
skipped. Each kind is reported by ONE :class:`~trilex.errors.InputWarning` per file, at its
first occurrence, with a count of the others (:class:`Leniency`); ``tbx validate`` still calls
such files invalid. Structure errors (no term, no ``xml:lang``, duplicate ids, dangling
references, malformed or hostile XML, unresolved entity references) raise
:class:`~trilex.errors.InputError`.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field

from lxml import etree

from trilex.gc_pause import paused_gc
from trilex.errors import InputError, TrilexError, warn_input
from trilex.lang.tags import normalized_tag
from trilex.termbase.model import (
    PARTS_OF_SPEECH,
    TERM_TYPES,
    AdminStatus,
    Concept,
    Context,
    CrossReference,
    Definition,
    ExternalReference,
    LanguageSection,
    Term,
    Termbase,
    Transaction,
)
from trilex.xmlsafe import escape_xml, parse_xml

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: The ``administrativeStatus`` value written for each status.
STATUS_TO_TBX = {
    AdminStatus.PREFERRED: "preferredTerm-admn-sts",
    AdminStatus.ADMITTED: "admittedTerm-admn-sts",
    AdminStatus.DEPRECATED: "deprecatedTerm-admn-sts",
    AdminStatus.SUPERSEDED: "supersededTerm-admn-sts",
}

_STATUS_WORDS = {
    "preferred": AdminStatus.PREFERRED,
    "admitted": AdminStatus.ADMITTED,
    "deprecated": AdminStatus.DEPRECATED,
    "superseded": AdminStatus.SUPERSEDED,
    # Seen in the wild (TBX 2008 / TBX-Default); they mean "may be used".
    "standardized": AdminStatus.ADMITTED,
    "legal": AdminStatus.ADMITTED,
    "regulated": AdminStatus.ADMITTED,
}

#: Status-carrying ``termNote`` types: TBX-Basic v1.2.1, TBX-Basic V4, TBX-Default.
STATUS_NOTE_TYPES = ("administrativeStatus", "usageStatus", "normativeAuthorization")

#: ``transactionType`` values read, and what they mean (``creation`` is the V4 name).
TRANSACTION_TYPES_READ = {"origination": "origination", "creation": "origination",
                          "modification": "modification"}

#: The data category each DCT-style element name stands for, as (DCA element, type).
DCT_CATEGORIES = {
    **{name: "termNote" for name in ("administrativeStatus", "usageStatus", "partOfSpeech",
                                     "termType", "geographicalUsage", "grammaticalGender",
                                     "termLocation")},
    **{name: "descrip" for name in ("subjectField", "definition", "context")},
    **{name: "admin" for name in ("source", "customerSubset", "projectSubset")},
    "crossReference": "ref",
    "externalCrossReference": "xref",
    "xGraphic": "xref",
    "transactionType": "transac",
    "responsibility": "transacNote",
}

#: Marks a v3 note that carries a ``properNoun`` part of speech (TBX-Basic v1.2.1 lacks it).
PROPER_NOUN_NOTE = "trilex:partOfSpeech=properNoun"
#: Starts a v3 ``transacGrp`` note that carries a date as written: the v3 core structure allows
#: only ``xsd:date``/``xsd:dateTime`` in ``<date>``.
DATE_NOTE_PREFIX = "trilex:date="

#: The data categories (``type`` values) of TBX-Basic (v1.2.1, 2008 and V4) on each element that
#: holds one, plus those read as a TBX-Basic one (TBX-Default ``normativeAuthorization``). Other
#: types on these elements are TBX-Default or custom categories: skipped, with a warning.
BASIC_CATEGORIES = {
    "termNote": frozenset(("administrativeStatus", "usageStatus", "normativeAuthorization",
                           "partOfSpeech", "termType", "geographicalUsage", "grammaticalGender",
                           "termLocation")),
    "descrip": frozenset(("subjectField", "definition", "context")),
    "admin": frozenset(("source", "customerSubset", "projectSubset")),
    "transac": frozenset(("transactionType",)),
    "transacNote": frozenset(("responsibility",)),
    "ref": frozenset(("crossReference",)),
    "descripNote": frozenset(),
    "adminNote": frozenset(),
    "termCompList": frozenset(),
}

_LINE_BREAK_RUN = re.compile(r"\s*[\r\n]\s*")
_BASIC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$")
_XSD_DATE = re.compile(
    r"^-?\d{4,}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$")


@functools.lru_cache(maxsize=256)
def parse_status(value: str) -> AdminStatus | None:
    """The status for a TBX value (``preferredTerm-admn-sts``, ``preferred``, ``preferredTerm``).

    Cached: a file spells its statuses a handful of ways."""
    word = value.strip()
    for suffix in ("Term-admn-sts", "Term"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return _STATUS_WORDS.get(word)


def normalize_date(value: str) -> str | None:
    """An ``xsd:date``/``xsd:dateTime`` for ``value``; TMX-style ``20240501T120000Z`` is converted.

    Returns ``None`` when ``value`` is not a date in either form.
    """
    value = value.strip()
    if _XSD_DATE.match(value):
        return value
    basic = _BASIC_DATE.match(value)
    if basic is None:
        return None
    year, month, day, hour, minute, second, zone = basic.groups()
    if hour is None:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def is_xsd_date(value: str, date_only: bool = False) -> bool:
    """Whether ``value`` is an ``xsd:date`` or ``xsd:dateTime`` (only ``xsd:date`` if ``date_only``)."""
    return bool(_XSD_DATE.match(value)) and not (date_only and "T" in value)


def clean_text(text: str) -> str:
    """Element text as meant: outer whitespace and line-break indentation from pretty printing go.

    A run of whitespace that contains a line break becomes one space; other spacing stays.
    """
    if "\n" in text or "\r" in text:
        text = _LINE_BREAK_RUN.sub(" ", text)
    return text.strip()


def element_text(element: etree._Element) -> str:
    """The text of ``element`` including inline markup (``hi``, ``foreign``…), cleaned."""
    if len(element):
        return clean_text("".join(element.itertext()))
    text = element.text
    return clean_text(text) if text else ""


_TAG_CATEGORIES: dict[object, tuple[str, str | None]] = {}
#: The elements whose ``type`` names a data category; on the others the reader ignores it.
_TYPED = frozenset(BASIC_CATEGORIES) | {"xref"}


def _tag_category(tag: object) -> tuple[str, str | None]:
    """``(element name, DCT data category or None)`` of a tag, cached: files repeat few tags."""
    if not isinstance(tag, str):
        return "", None
    local, dct = tag, None
    if tag[0] == "{":
        namespace, _, local = tag[1:].partition("}")
        if namespace != TBX_NS and local in DCT_CATEGORIES:
            local, dct = DCT_CATEGORIES[local], local
    return local, dct


def category(element: etree._Element) -> tuple[str, str | None]:
    """``(element name, data category)`` of a TBX element, DCT-style elements mapped to DCA.

    The data category is the ``type`` of the elements that have one (``termNote``, ``descrip``,
    ``admin``, ``ref``, ``xref``…), else ``None``. Comments and processing instructions give
    ``("", None)``.
    """
    tag = element.tag
    known = _TAG_CATEGORIES.get(tag)
    if known is None:
        known = _TAG_CATEGORIES[tag] = _tag_category(tag)
    name, dct = known
    if dct is not None or name not in _TYPED:
        return name, dct
    return name, element.get("type")


@dataclass
class EntryNames:
    """The element names of one TBX version: concept, language and term levels."""

    concept: str
    language: str
    terms: tuple[str, ...]


V3_NAMES = EntryNames("conceptEntry", "langSec", ("termSec",))
V2_NAMES = EntryNames("termEntry", "langSet", ("tig", "ntig"))


class Leniency:
    """What a file held that trilex read anyway: one warning per kind, issued by :meth:`report`.

    Each kind (``partOfSpeech``, ``date``, one skipped data category…) is reported once, at the
    line of its first occurrence, with how many more occurrences there were.
    """

    def __init__(self, path: str):
        self.path = path
        #: kind → [message, line, occurrences, what was done]
        self._kinds: dict[str, list] = {}

    def note(self, kind: str, message: str, line: int | None,
             done: str = "kept as written") -> None:
        """Record one occurrence of ``kind``; ``message`` and ``line`` of the first one are kept."""
        seen = self._kinds.get(kind)
        if seen is None:
            self._kinds[kind] = [message, line, 1, done]
        else:
            seen[2] += 1

    def report(self) -> None:
        """Issue one :class:`~trilex.errors.InputWarning` per kind."""
        for message, line, count, done in self._kinds.values():
            more = f"; {count - 1:,} more like it" if count > 1 else ""
            warn_input(f"{message} ({done}{more})", self.path, line)
        self._kinds.clear()


@dataclass
class _Pending:
    """Ids and cross-references seen so far, checked once the whole file has been read."""

    ids: dict[str, int] = field(default_factory=dict)
    references: list[tuple[str, int | None]] = field(default_factory=list)


class EntryReader:
    """Turns TBX entry elements into model objects, raising :class:`InputError` on bad input."""

    def __init__(self, path: str, names: EntryNames, marker_notes: bool = False):
        self.path = path
        self.names = names
        #: whether trilex's v3 marker notes (properNoun, a date as written) are read back
        self.marker_notes = marker_notes
        self.lenient = Leniency(path)
        self._pending = _Pending()
        self._count = 0

    def error(self, message: str, element: etree._Element | None) -> InputError:
        """A one-line error at the line of ``element``."""
        return InputError(message, self.path, None if element is None else element.sourceline)

    # -- ids -----------------------------------------------------------------------------

    def _claim_id(self, value: str, element: etree._Element) -> str:
        if value in self._pending.ids:
            raise self.error(f"duplicate id {value!r} (first used on line "
                             f"{self._pending.ids[value]})", element)
        self._pending.ids[value] = element.sourceline or 0
        return value

    def finish(self) -> None:
        """Check that every cross-reference points at an id of the file, then issue the warnings
        about what was read leniently (none when the file is refused)."""
        for target, line in self._pending.references:
            if target not in self._pending.ids:
                raise InputError(f"cross-reference to unknown id {target!r}", self.path, line)
        self.lenient.report()

    # -- leniency ------------------------------------------------------------------------

    def kept(self, kind: str, value: str, element: etree._Element, extra: str = "") -> str:
        """``value`` of ``kind`` outside TBX-Basic's picklist: noted, and returned as written."""
        self.lenient.note(kind, f"{kind} {value!r} is not a TBX-Basic value",
                          element.sourceline, "kept as written" + extra)
        return value

    def skipped(self, element: etree._Element, name: str, kind: str | None) -> None:
        """An element the reader has no use for: a data category outside TBX-Basic is noted."""
        tag = element.tag
        if isinstance(tag, str) and tag.startswith("{") and _tag_category(tag)[1] is None \
                and not tag.startswith("{" + TBX_NS + "}"):
            # DCT style, a name that is no TBX-Basic data category
            self.lenient.note(f"dct {name}", f"<{name}> (DCT style) is not a TBX-Basic data "
                              "category", element.sourceline, "skipped")
            return
        basic = BASIC_CATEGORIES.get(name)
        if basic is None or not kind or kind in basic:
            return
        self.lenient.note(f"{name} {kind}", f"{name} type {kind!r} is not a TBX-Basic data "
                          "category", element.sourceline, "skipped")

    # -- levels --------------------------------------------------------------------------

    def read_concept(self, element: etree._Element) -> Concept:
        """Read a ``conceptEntry``/``termEntry``."""
        self._count += 1
        given = element.get("id")
        if given is None or not given.strip():
            given = f"c{self._count}"
            while given in self._pending.ids:
                given += "_"
        concept = Concept(self._claim_id(given.strip(), element))
        for child in element:
            name, kind = category(child)
            if name == self.names.language:
                concept.languages.append(self.read_language(child))
            elif name:
                self.read_aux(child, name, kind, concept)
        if not concept.languages:
            raise self.error(f"concept {concept.id!r} has no {self.names.language}", element)
        return concept

    def read_language(self, element: etree._Element) -> LanguageSection:
        """Read a ``langSec``/``langSet``."""
        lang = element.get(XML_LANG) or element.get("lang")
        if not lang or not lang.strip():
            raise self.error(f"<{self.names.language}> without xml:lang", element)
        section = LanguageSection(normalized_tag(lang))
        for child in element:
            name, kind = category(child)
            if name in self.names.terms:
                section.terms.append(self.read_term(child))
            elif name:
                self.read_aux(child, name, kind, section)
        if not section.terms:
            raise self.error(f"<{self.names.language} xml:lang={lang!r}> has no term", element)
        return section

    def read_term(self, element: etree._Element) -> Term:
        """Read a ``termSec``/``tig``/``ntig``."""
        term: Term | None = None
        term_id = element.get("id")
        for child in element:
            name, kind = category(child)
            if name == "termGrp":  # ntig: term and termNotes are grouped
                for grouped in child:
                    grouped_name, grouped_kind = category(grouped)
                    if grouped_name == "term":
                        term = self._new_term(grouped, term_id)
                    elif grouped_name in ("termNote", "termNoteGrp") and term is not None:
                        self.read_term_note(grouped, grouped_name, grouped_kind, term)
                    elif grouped_name:
                        self.skipped(grouped, grouped_name, grouped_kind)
            elif name == "term":
                term = self._new_term(child, term_id)
            elif term is None:
                if name:
                    raise self.error(f"<{name}> before <term>", child)
            elif name in ("termNote", "termNoteGrp"):
                self.read_term_note(child, name, kind, term)
            elif name == "note" and self.marker_notes and \
                    element_text(child) == PROPER_NOUN_NOTE:
                term.part_of_speech = "properNoun"
            elif name:
                self.read_aux(child, name, kind, term)
        if term is None:
            raise self.error("term entry without <term>", element)
        return term

    def _new_term(self, element: etree._Element, term_id: str | None) -> Term:
        text = element_text(element)
        if not text:
            raise self.error("empty <term>", element)
        if term_id is not None:
            term_id = self._claim_id(term_id, element.getparent())
        return Term(text, id=term_id)

    def read_term_note(self, element: etree._Element, name: str, kind: str | None,
                       term: Term) -> None:
        """Read a ``termNote`` (or the first ``termNote`` of a ``termNoteGrp``)."""
        if name == "termNoteGrp":
            for child in element:
                child_name, child_kind = category(child)
                if child_name == "termNote":
                    self.read_term_note(child, child_name, child_kind, term)
                    return
            return
        value = element_text(element)
        if not value:
            return
        if kind in STATUS_NOTE_TYPES:
            status = parse_status(value)
            if status is not None:
                term.status, term.status_as_written = status, None
            elif term.status is None:
                term.status_as_written = self.kept(kind, value, element,
                                                   "; the term counts as having no status")
            else:  # a value trilex knows wins over one it does not
                self.lenient.note(f"{kind} ignored", f"{kind} {value!r} is not a TBX-Basic value",
                                  element.sourceline, "ignored: the term has a TBX-Basic status")
        elif kind == "partOfSpeech":
            term.part_of_speech = self._picklist(value, PARTS_OF_SPEECH, kind, element)
        elif kind == "termType":
            term.term_type = self._picklist(value, TERM_TYPES, kind, element)
        elif kind == "geographicalUsage":
            term.geographical_usage = value
        else:
            self.skipped(element, name, kind)

    def _picklist(self, value: str, allowed: tuple[str, ...], kind: str,
                  element: etree._Element) -> str:
        choice = _picklist_choices(allowed).get(value.lower())
        return choice if choice is not None else self.kept(kind, value, element)

    def read_aux(self, element: etree._Element, name: str, kind: str | None, owner) -> None:
        """Read an auxiliary element (``descrip``, ``admin``, ``note``, ``ref``…) into ``owner``.

        Data categories the model has no place for at ``owner``'s level are skipped.
        """
        if name == "descripGrp":
            self._read_descrip_group(element, owner)
        elif name == "descrip":
            self._read_descrip(element, kind, element_text(element), None, owner)
        elif name == "admin":
            self._read_admin(element, kind, element_text(element), owner)
        elif name == "adminGrp":
            for child in element:
                child_name, child_kind = category(child)
                if child_name == "admin":
                    self._read_admin(child, child_kind, element_text(child), owner)
                elif child_name:
                    self.skipped(child, child_name, child_kind)
        elif name == "note":
            if hasattr(owner, "notes"):
                owner.notes.append(element_text(element))
        elif name == "ref" and kind == "crossReference":
            self._read_cross_reference(element, owner)
        elif name == "xref":
            if hasattr(owner, "external_references"):
                owner.external_references.append(ExternalReference(
                    element.get("target", ""), element_text(element), kind or "externalCrossReference"))
        elif name == "transacGrp":
            if hasattr(owner, "transactions"):
                owner.transactions.append(self._read_transaction(element))
        else:
            self.skipped(element, name, kind)

    def _read_descrip_group(self, element: etree._Element, owner) -> None:
        descrip, source = None, None
        for child in element:
            name, kind = category(child)
            if name == "descrip" and descrip is None:
                descrip = (child, kind)
            elif name == "admin" and kind == "source" and source is None:
                source = element_text(child)
            elif name:
                self.read_aux(child, name, kind, owner)
        if descrip is not None:
            self._read_descrip(descrip[0], descrip[1], element_text(descrip[0]), source, owner)

    def _read_descrip(self, element: etree._Element, kind: str | None, text: str,
                      source: str | None, owner) -> None:
        if kind == "subjectField" and isinstance(owner, Concept):
            if owner.subject_field is None:
                owner.subject_field = text
        elif kind == "definition" and hasattr(owner, "definitions"):
            owner.definitions.append(Definition(text, source))
        elif kind == "context" and isinstance(owner, Term):
            owner.contexts.append(Context(text, source))
        else:
            self.skipped(element, "descrip", kind)

    def _read_admin(self, element: etree._Element, kind: str | None, text: str, owner) -> None:
        if kind == "source" and hasattr(owner, "sources"):
            owner.sources.append(text)
        elif kind == "customerSubset" and hasattr(owner, "customer_subset"):
            owner.customer_subset = owner.customer_subset or text
        elif kind == "projectSubset" and hasattr(owner, "project_subset"):
            owner.project_subset = owner.project_subset or text
        else:
            self.skipped(element, "admin", kind)

    def _read_cross_reference(self, element: etree._Element, owner) -> None:
        target = (element.get("target") or "").strip()
        if not target:
            raise self.error("crossReference without a target id", element)
        if hasattr(owner, "cross_references"):
            owner.cross_references.append(CrossReference(target, element_text(element)))
            self._pending.references.append((target, element.sourceline))

    def _read_transaction(self, element: etree._Element) -> Transaction:
        transaction_type, date, responsibility = None, "", None
        for child in element:
            name, kind = category(child)
            if name == "transac":
                value = element_text(child)
                if value:
                    transaction_type = TRANSACTION_TYPES_READ.get(value) or \
                        self.kept("transactionType", value, child)
            elif name == "date":
                value = element_text(child)
                if value:
                    date = normalize_date(value) or self._kept_date(value, child)
            elif name == "transacNote" and kind == "responsibility":
                responsibility = element_text(child)
            elif name == "note" and self.marker_notes and not date:
                text = element_text(child)
                if text.startswith(DATE_NOTE_PREFIX) and len(text) > len(DATE_NOTE_PREFIX):
                    date = text[len(DATE_NOTE_PREFIX):]
            elif name:
                self.skipped(child, name, kind)
        if transaction_type is None:
            raise self.error("transacGrp without a transactionType", element)
        return Transaction(transaction_type, date, responsibility)

    def _kept_date(self, value: str, element: etree._Element) -> str:
        self.lenient.note("date", f"date {value!r} is not YYYY-MM-DD or an xsd:dateTime",
                          element.sourceline)
        return value


@functools.lru_cache(maxsize=8)
def _picklist_choices(allowed: tuple[str, ...]) -> dict[str, str]:
    """The values of a picklist by their lowercase form."""
    return {choice.lower(): choice for choice in allowed}


def parse_tbx(data: bytes, path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse TBX ``data`` (the bytes of ``path``) safely with :func:`trilex.xmlsafe.parse_xml`,
    which also refuses a reference to an entity nothing declares (a DOCTYPE names an external
    DTD that is never loaded): libxml2 would leave ``&name;`` as literal term text, or drop it
    from an attribute."""
    return parse_xml(data, path)


def read_header(header: etree._Element | None, termbase: Termbase) -> None:
    """Copy the title and ``sourceDesc`` paragraphs of a ``tbxHeader``/``martifHeader``."""
    if header is None:
        return
    for element in header.iter():
        name, _ = category(element)
        if name == "title" and termbase.title is None:
            termbase.title = element_text(element)
        elif name == "p" and category(element.getparent())[0] == "sourceDesc":
            termbase.source_desc.append(element_text(element))


def read_entries(root: etree._Element, path: str, names: EntryNames, termbase: Termbase,
                 marker_notes: bool = False) -> Termbase:
    """Read the header and every entry under ``root`` into ``termbase``.

    Warnings about what was read leniently are issued once the whole file has been read.
    """
    with paused_gc():
        return _read_entries(root, path, names, termbase, marker_notes)


def _read_entries(root: etree._Element, path: str, names: EntryNames, termbase: Termbase,
                  marker_notes: bool) -> Termbase:
    reader = EntryReader(path, names, marker_notes)
    lang = root.get(XML_LANG)
    if lang:
        termbase.lang = normalized_tag(lang)
    for child in root:
        name, _ = category(child)
        if name in ("tbxHeader", "martifHeader"):
            read_header(child, termbase)
        elif name == "text":
            for part in child:
                if category(part)[0] != "body":
                    continue
                for entry in part:
                    entry_name, _ = category(entry)
                    if entry_name == names.concept:
                        termbase.concepts.append(reader.read_concept(entry))
                    elif entry_name:
                        raise reader.error(f"unexpected <{entry_name}> in <body>", entry)
    reader.finish()
    return termbase


# -- writing ----------------------------------------------------------------------------------

_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NCNAME = re.compile(r"^[^\W\d][\w.\-]*$")
_NOT_NAME_CHAR = re.compile(r"[^\w.\-]")


def escape_text(text: str) -> str:
    """``text`` escaped for XML element content; characters XML cannot hold are an error."""
    bad = _INVALID_XML_CHARS.search(text)
    if bad:
        raise TrilexError(f"text {text[:40]!r} contains U+{ord(bad.group()):04X}, "
                          "which XML cannot represent")
    return escape_xml(text)


def escape_attribute(text: str) -> str:
    """``text`` escaped for a double-quoted XML attribute (whitespace kept as written)."""
    return (escape_text(text).replace('"', "&quot;").replace("\n", "&#10;")
            .replace("\r", "&#13;").replace("\t", "&#9;"))


def is_xml_id(value: str) -> bool:
    """Whether ``value`` is a valid ``xsd:ID`` (an XML NCName)."""
    return bool(_NCNAME.match(value))


class IdAssigner:
    """Valid, unique ``xsd:ID`` values for the concepts and terms about to be written.

    Ids the model holds are kept when they are valid and unique; others are replaced
    (``c<n>`` for concepts, ``<concept>-<lang>-<n>`` for terms) and cross-references follow.
    """

    def __init__(self, termbase: Termbase):
        self.written: dict[int, str] = {}
        self.by_original: dict[str, str] = {}
        used: set[str] = set()
        owners: list[tuple[object, str | None, Concept, str]] = []
        for concept in termbase.concepts:
            owners.append((concept, concept.id, concept, ""))
            for section in concept.languages:
                for term in section.terms:
                    if term.id is not None:
                        owners.append((term, term.id, concept, section.lang))
        for owner, original, _, _ in owners:
            if original and is_xml_id(original) and original not in used:
                used.add(original)
                self.written[id(owner)] = original
        for owner, original, concept, lang in owners:
            if id(owner) in self.written:
                continue
            if owner is concept:
                base = "c" + _NOT_NAME_CHAR.sub("_", original or "")
                base = base if base != "c" else f"c{len(self.written) + 1}"
                candidate, n = base, 1
                while candidate in used:
                    n += 1
                    candidate = f"{base}-{n}"
            else:
                base, n = f"{self.written[id(concept)]}-{primary(lang)}", 1
                while f"{base}-{n}" in used:
                    n += 1
                candidate = f"{base}-{n}"
            used.add(candidate)
            self.written[id(owner)] = candidate
        for owner, original, _, _ in owners:
            if original:
                self.by_original.setdefault(original, self.written[id(owner)])

    def of(self, owner: object) -> str:
        """The id written for ``owner`` (a concept or a term that has an id)."""
        return self.written[id(owner)]

    def target(self, reference: CrossReference, where: str) -> str:
        """The written id a cross-reference points at; a dangling reference is an error."""
        if reference.target not in self.by_original:
            raise TrilexError(f"{where}: cross-reference to unknown id {reference.target!r}")
        return self.by_original[reference.target]


def primary(lang: str) -> str:
    """The primary language subtag, for term ids."""
    return lang.replace("_", "-").split("-")[0].lower()


@dataclass
class Dialect:
    """What one TBX version calls things and allows where."""

    names: EntryNames
    term_name: str
    #: partOfSpeech values the dialect has; others are written as noun plus a marker note.
    parts_of_speech: tuple[str, ...]
    #: whether customerSubset/projectSubset may stand at concept level (else copied to terms).
    concept_subsets: bool
    #: the levels an ``xref`` of each type may stand at, innermost first.
    xref_levels: dict[str, tuple[str, ...]]
    #: whether ``<date>`` holds only ``xsd:date`` (TBX 2008), so a time of day is dropped.
    date_only: bool = False
    #: whether ``<date>`` may hold a date kept as written (TBX 2008's core DTD: any text); if
    #: not (v3: ``xsd:date``/``xsd:dateTime`` only), it is written as a ``trilex:date=`` note.
    free_dates: bool = False


class EntryWriter:
    """Writes the ``body`` entries of a termbase as indented TBX text."""

    def __init__(self, termbase: Termbase, dialect: Dialect):
        self.termbase = termbase
        self.dialect = dialect
        self.ids = IdAssigner(termbase)
        self.out: list[str] = []

    def line(self, depth: int, text: str) -> None:
        """Append one line indented by ``depth`` levels."""
        self.out.append("  " * depth + text + "\n")

    def element(self, depth: int, name: str, text: str, **attributes: str) -> None:
        """Append ``<name attributes>text</name>`` on one line."""
        attrs = "".join(f' {key.rstrip("_")}="{escape_attribute(value)}"'
                        for key, value in attributes.items())
        self.line(depth, f"<{name}{attrs}>{escape_text(text)}</{name}>")

    def write(self, depth: int) -> None:
        """Append every concept entry."""
        if not self.termbase.concepts:
            raise TrilexError("cannot write an empty termbase as TBX: "
                              "TBX needs at least one concept entry")
        for concept in self.termbase.concepts:
            self.write_concept(concept, depth)

    def _xref_level(self, reference: ExternalReference, level: str) -> str:
        allowed = self.dialect.xref_levels.get(reference.type)
        if not allowed or level in allowed:
            return level
        order = ("term", "language", "concept")
        for candidate in order[order.index(level):]:
            if candidate in allowed:
                return candidate
        return allowed[-1]

    def write_concept(self, concept: Concept, depth: int) -> None:
        """Append one concept entry with its languages and terms."""
        names = self.dialect.names
        where = f"concept {concept.id!r}"
        if not any(section.terms for section in concept.languages):
            raise TrilexError(f"{where} has no terms; TBX needs at least one")
        self.line(depth, f'<{names.concept} id="{escape_attribute(self.ids.of(concept))}">')
        inner = depth + 1
        if concept.subject_field:
            self.element(inner, "descrip", concept.subject_field, type="subjectField")
        self.write_definitions(concept.definitions, inner)
        for source in concept.sources:
            self.element(inner, "admin", source, type="source")
        if self.dialect.concept_subsets:
            self.write_subsets(concept.customer_subset, concept.project_subset, inner)
        self.write_notes(concept.notes, inner)
        self.write_cross_references(concept.cross_references, inner, where)
        lifted = [ref for section in concept.languages for term in section.terms
                  for ref in term.external_references
                  if self._xref_level(ref, "term") == "concept"]
        lifted += [ref for section in concept.languages for ref in section.external_references
                   if self._xref_level(ref, "language") == "concept"]
        self.write_external_references(concept.external_references + lifted, inner)
        self.write_transactions(concept.transactions, inner)
        for section in concept.languages:
            if section.terms:
                self.write_language(concept, section, inner)
        self.line(depth, f"</{names.concept}>")

    def write_language(self, concept: Concept, section: LanguageSection, depth: int) -> None:
        """Append one language section."""
        name = self.dialect.names.language
        self.line(depth, f'<{name} xml:lang="{escape_attribute(section.lang)}">')
        inner = depth + 1
        self.write_definitions(section.definitions, inner)
        for source in section.sources:
            self.element(inner, "admin", source, type="source")
        self.write_notes(section.notes, inner)
        here = [ref for ref in section.external_references
                if self._xref_level(ref, "language") == "language"]
        here += [ref for term in section.terms for ref in term.external_references
                 if self._xref_level(ref, "term") == "language"]
        self.write_external_references(here, inner)
        self.write_transactions(section.transactions, inner)
        for term in section.terms:
            self.write_term(concept, section, term, inner)
        self.line(depth, f"</{name}>")

    def write_term(self, concept: Concept, section: LanguageSection, term: Term,
                   depth: int) -> None:
        """Append one term with its term notes and auxiliary information."""
        where = f"concept {concept.id!r}, term {term.text!r}"
        if not term.text.strip():
            raise TrilexError(f"concept {concept.id!r}: empty term in {section.lang}")
        name = self.dialect.term_name
        id_attr = "" if term.id is None else f' id="{escape_attribute(self.ids.of(term))}"'
        self.line(depth, f"<{name}{id_attr}>")
        inner = depth + 1
        self.element(inner, "term", term.text)
        marker_note = None
        if term.part_of_speech:
            pos = term.part_of_speech
            if pos in PARTS_OF_SPEECH and pos not in self.dialect.parts_of_speech:
                pos, marker_note = "noun", PROPER_NOUN_NOTE
            self.element(inner, "termNote", pos, type="partOfSpeech")
        if term.term_type:
            self.element(inner, "termNote", term.term_type, type="termType")
        if term.status is not None:
            self.element(inner, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
        elif term.status_as_written:
            self.element(inner, "termNote", term.status_as_written, type="administrativeStatus")
        if term.geographical_usage:
            self.element(inner, "termNote", term.geographical_usage, type="geographicalUsage")
        for context in term.contexts:
            self.write_described(context.text, context.source, "context", inner)
        for source in term.sources:
            self.element(inner, "admin", source, type="source")
        if self.dialect.concept_subsets:
            self.write_subsets(term.customer_subset, term.project_subset, inner)
        else:
            self.write_subsets(term.customer_subset or concept.customer_subset,
                               term.project_subset or concept.project_subset, inner)
        self.write_notes(term.notes, inner)
        if marker_note:
            self.element(inner, "note", marker_note)
        self.write_cross_references(term.cross_references, inner, where)
        self.write_external_references(
            [ref for ref in term.external_references if self._xref_level(ref, "term") == "term"],
            inner)
        self.write_transactions(term.transactions, inner)
        self.line(depth, f"</{name}>")

    def write_described(self, text: str, source: str | None, kind: str, depth: int) -> None:
        """A ``descrip`` alone, or in a ``descripGrp`` with its source."""
        if source is None:
            self.element(depth, "descrip", text, type=kind)
            return
        self.line(depth, "<descripGrp>")
        self.element(depth + 1, "descrip", text, type=kind)
        self.element(depth + 1, "admin", source, type="source")
        self.line(depth, "</descripGrp>")

    def write_definitions(self, definitions: list[Definition], depth: int) -> None:
        """Append definitions, each with its source if it has one."""
        for definition in definitions:
            self.write_described(definition.text, definition.source, "definition", depth)

    def write_subsets(self, customer: str | None, project: str | None, depth: int) -> None:
        """Append customerSubset and projectSubset when set."""
        if customer:
            self.element(depth, "admin", customer, type="customerSubset")
        if project:
            self.element(depth, "admin", project, type="projectSubset")

    def write_notes(self, notes: list[str], depth: int) -> None:
        """Append one ``note`` per note."""
        for note in notes:
            self.element(depth, "note", note)

    def write_cross_references(self, references: list[CrossReference], depth: int,
                               where: str) -> None:
        """Append ``ref crossReference`` elements, targets mapped to the written ids."""
        for reference in references:
            self.element(depth, "ref", reference.text, type="crossReference",
                         target=self.ids.target(reference, where))

    def write_external_references(self, references: list[ExternalReference], depth: int) -> None:
        """Append ``xref`` elements."""
        for reference in references:
            self.element(depth, "xref", reference.text, type=reference.type,
                         target=reference.target)

    def write_transactions(self, transactions: list[Transaction], depth: int) -> None:
        """Append one ``transacGrp`` per transaction (type, responsibility, date).

        A type or date outside TBX-Basic (kept as written by the reader) is written as it is;
        in a dialect whose ``<date>`` takes only ``xsd`` dates, such a date becomes a note.
        """
        for transaction in transactions:
            if not transaction.type.strip():
                raise TrilexError("transaction without a type "
                                  "(TBX-Basic: origination, modification)")
            self.line(depth, "<transacGrp>")
            self.element(depth + 1, "transac", transaction.type, type="transactionType")
            if transaction.responsibility:
                self.element(depth + 1, "transacNote", transaction.responsibility,
                             type="responsibility")
            if transaction.date:
                if is_xsd_date(transaction.date):
                    date = transaction.date[:10] if self.dialect.date_only else transaction.date
                    self.element(depth + 1, "date", date)
                elif self.dialect.free_dates:
                    self.element(depth + 1, "date", transaction.date)
                else:
                    self.element(depth + 1, "note", DATE_NOTE_PREFIX + transaction.date)
            self.line(depth, "</transacGrp>")


def header_paragraphs(termbase: Termbase) -> list[str]:
    """The ``sourceDesc`` paragraphs to write (TBX requires at least one)."""
    return termbase.source_desc or ["Written by trilex."]


def write_document(termbase: Termbase, dialect: Dialect, *, root: str, header: str,
                   prolog: tuple[str, ...] = (), header_extra: tuple[str, ...] = ()) -> bytes:
    """A whole TBX document, UTF-8: the XML declaration, ``prolog`` lines, the ``root`` start tag,
    the ``header`` element (fileDesc, then ``header_extra`` lines) and every concept entry."""
    writer = EntryWriter(termbase, dialect)
    writer.line(0, '<?xml version="1.0" encoding="UTF-8"?>')
    for line in prolog:
        writer.line(0, line)
    writer.line(0, root)
    writer.line(1, f"<{header}>")
    writer.line(2, "<fileDesc>")
    if termbase.title:
        writer.line(3, f"<titleStmt><title>{escape_text(termbase.title)}</title></titleStmt>")
    writer.line(3, "<sourceDesc>")
    for paragraph in header_paragraphs(termbase):
        writer.element(4, "p", paragraph)
    writer.line(3, "</sourceDesc>")
    writer.line(2, "</fileDesc>")
    for line in header_extra:
        writer.line(2, line)
    writer.line(1, f"</{header}>")
    writer.line(1, "<text>")
    writer.line(2, "<body>")
    writer.write(3)
    writer.line(2, "</body>")
    writer.line(1, "</text>")
    writer.line(0, f"</{root[1:].split()[0]}>")
    return "".join(writer.out).encode("utf-8")
