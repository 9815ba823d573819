"""TBX-Basic validation without external schemas: every problem, each with file and line.

:func:`validate` checks what the official validators check for TBX-Basic — the core structure
(element order, required attributes, ``xsd:ID`` ids, ``ref`` targets) and the dialect rules
(allowed data categories, the levels they may stand at, picklist values) — for TBX v3
(TBX-Basic v1.2.1, DCA style; ``TBXcoreStructV03.rng`` + ``TBX-Basic_DCA.sch``) and TBX 2008
``martif`` (``TBXBasiccoreStructV02.dtd`` + ``TBXBasicRNGV02.rng`` and its embedded rules).
It also enforces two rules the official v3 Schematron means but cannot fire (see the schema
README): the transactionType picklist and ``http(s)://`` targets of ``xref``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from lxml import etree

from trilex.fileio import display_name, read_bytes
from trilex.lang.tags import is_valid_tag
from trilex.termbase.tbxcore import TBX_NS, XML_LANG, is_xml_id, is_xsd_date, parse_tbx


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a termbase file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


_PICKLISTS_V3 = {
    "administrativeStatus": ("preferredTerm-admn-sts", "admittedTerm-admn-sts",
                             "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"),
    "partOfSpeech": ("noun", "verb", "adjective", "adverb", "other"),
    "termType": ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"),
    "grammaticalGender": ("masculine", "feminine", "neuter", "other"),
    "termLocation": ("checkBox", "comboBox", "comboBoxElement", "dialogBox", "groupBox",
                     "informativeMessage", "interactiveMessage", "menuItem", "progressBar",
                     "pushButton", "radioButton", "slider", "spinBox", "tab", "tableText",
                     "textBox", "toolTip", "user-definedType"),
    "transactionType": ("origination", "modification"),
}
_PICKLISTS_V2 = {**_PICKLISTS_V3, "partOfSpeech": ("noun", "verb", "adjective", "adverb",
                                                    "properNoun", "other")}

#: element → the data categories (``type`` values) TBX-Basic allows on it.
_TYPES = {
    "admin": ("customerSubset", "projectSubset", "source"),
    "descrip": ("subjectField", "context", "definition"),
    "ref": ("crossReference",),
    "termNote": ("administrativeStatus", "partOfSpeech", "geographicalUsage",
                 "grammaticalGender", "termLocation", "termType"),
    "transac": ("transactionType",),
    "transacNote": ("responsibility",),
    "xref": ("externalCrossReference", "xGraphic"),
}


@dataclass(frozen=True)
class _Version:
    """Element names and level rules of one TBX version."""

    label: str
    root: str
    header: str
    concept: str
    language: str
    term: str
    aux: tuple[str, ...]
    group_children: dict[str, tuple[str, ...]]
    header_children: tuple[str, ...]
    file_desc_order: tuple[str, ...]
    picklists: dict[str, tuple[str, ...]]
    #: data category → (levels it may stand at, whether inside a *Grp counts).
    levels: dict[str, tuple[tuple[str, ...], bool]]


_V3 = _Version(
    label="TBX v3", root="tbx", header="tbxHeader", concept="conceptEntry", language="langSec",
    term="termSec",
    aux=("admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"),
    group_children={
        "descripGrp": ("admin", "adminGrp", "descripNote", "note", "ref", "transacGrp", "xref"),
        "adminGrp": ("adminNote", "note", "ref", "xref"),
        "transacGrp": ("date", "note", "ref", "transacNote", "xref"),
    },
    header_children=("fileDesc", "encodingDesc", "revisionDesc"),
    file_desc_order=("publicationStmt", "titleStmt", "sourceDesc"),
    picklists=_PICKLISTS_V3,
    levels={
        "customerSubset": (("conceptEntry", "termSec"), True),
        "projectSubset": (("conceptEntry", "termSec"), True),
        "source": (("conceptEntry", "langSec", "termSec"), True),
        "subjectField": (("conceptEntry",), True),
        "context": (("termSec",), True),
        "definition": (("conceptEntry", "langSec"), True),
        "crossReference": (("conceptEntry", "termSec"), True),
        "externalCrossReference": (("conceptEntry", "langSec", "termSec"), False),
        "xGraphic": (("conceptEntry", "langSec"), False),
        "transactionType": (("conceptEntry", "langSec", "termSec"), True),
        "responsibility": (("conceptEntry", "langSec", "termSec"), True),
    },
)

_V2 = _Version(
    label="TBX-Basic 2008", root="martif", header="martifHeader", concept="termEntry",
    language="langSet", term="tig",
    aux=("admin", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"),
    group_children={"descripGrp": ("admin",), "transacGrp": ("date", "transacNote")},
    header_children=("fileDesc", "encodingDesc", "revisionDesc"),
    file_desc_order=("titleStmt", "publicationStmt", "sourceDesc"),
    picklists=_PICKLISTS_V2,
    levels={
        "customerSubset": (("tig",), False),
        "projectSubset": (("tig",), False),
        "subjectField": (("termEntry",), False),
        "context": (("tig",), True),
        "definition": (("termEntry", "langSet"), True),
        "crossReference": (("termEntry", "tig"), False),
        "externalCrossReference": (("termEntry", "tig"), False),
        "xGraphic": (("termEntry",), False),
    },
)


class _Checker:
    """Walks one parsed document and collects problems."""

    def __init__(self, name: str, version: _Version, namespace: str | None):
        self.name = name
        self.version = version
        self.namespace = namespace
        self.problems: list[Problem] = []
        self.ids: dict[str, int | None] = {}
        self.targets: list[tuple[str, int | None]] = []

    def report(self, element: etree._Element, message: str) -> None:
        self.problems.append(Problem(self.name, element.sourceline, message))

    def local(self, element: etree._Element) -> str:
        """The element's name, or ``""`` for comments, PIs and foreign-namespace elements."""
        tag = element.tag
        if not isinstance(tag, str):
            return ""
        if tag.startswith("{"):
            namespace, _, local = tag[1:].partition("}")
            if namespace != self.namespace:
                self.report(element, f"<{local}> in namespace {namespace!r}: DCT-style or foreign "
                                     f"elements are not allowed in {self.version.label} (DCA style)")
                return ""
            return local
        if self.namespace is not None:
            self.report(element, f"<{tag}> is not in the TBX namespace {self.namespace!r}")
            return ""
        return tag

    def children(self, element: etree._Element) -> list[tuple[str, etree._Element]]:
        named = []
        for child in element:
            name = self.local(child)
            if name:
                named.append((name, child))
        return named

    # -- document ------------------------------------------------------------------------

    def check_root(self, root: etree._Element) -> None:
        version = self.version
        if root.get("type") is None:
            self.report(root, f"<{version.root}> needs a type attribute (TBX-Basic)")
        elif root.get("type") != "TBX-Basic":
            self.report(root, f"type is {root.get('type')!r}; the dialect must be 'TBX-Basic'")
        if version is _V3 and root.get("style") != "dca":
            self.report(root, f"style is {root.get('style')!r}; TBX-Basic DCA needs style='dca'")
        if not root.get(XML_LANG):
            self.report(root, f"<{version.root}> needs xml:lang")
        names = [name for name, _ in self.children(root)]
        if names != [version.header, "text"]:
            self.report(root, f"<{version.root}> must contain <{version.header}> then <text>, "
                              f"found {', '.join(f'<{n}>' for n in names) or 'nothing'}")
        for name, child in self.children(root):
            if name == version.header:
                self.check_header(child)
            elif name == "text":
                self.check_text(child)

    def check_header(self, header: etree._Element) -> None:
        children = self.children(header)
        if not children or children[0][0] != "fileDesc":
            self.report(header, f"<{self.version.header}> must start with <fileDesc>")
        for name, child in children:
            if name not in self.version.header_children:
                self.report(child, f"<{name}> is not allowed in <{self.version.header}>")
            elif name == "fileDesc":
                parts = self.children(child)
                order = [n for n, _ in parts]
                if "sourceDesc" not in order:
                    self.report(child, "<fileDesc> needs a <sourceDesc> with at least one <p>")
                ranks = [self.version.file_desc_order.index(n) if n in self.version.file_desc_order
                         else -1 for n in order]
                if -1 in ranks or ranks != sorted(ranks):
                    self.report(child, "<fileDesc> must hold "
                                + ", ".join(f"<{n}>" for n in self.version.file_desc_order)
                                + " in this order")
                for part_name, part in parts:
                    if part_name == "sourceDesc" and not any(
                            n == "p" for n, _ in self.children(part)):
                        self.report(part, "<sourceDesc> needs at least one <p>")

    def check_text(self, text: etree._Element) -> None:
        bodies = [child for name, child in self.children(text) if name == "body"]
        for name, child in self.children(text):
            if name not in ("body", "back"):
                self.report(child, f"<{name}> is not allowed in <text>")
        for body in bodies:
            entries = self.children(body)
            if not entries:
                self.report(body, f"<body> needs at least one <{self.version.concept}>")
            for name, entry in entries:
                if name != self.version.concept:
                    self.report(entry, f"<{name}> is not allowed in <body>")
                else:
                    self.check_concept(entry)

    # -- entries -------------------------------------------------------------------------

    def claim_id(self, element: etree._Element, required: bool) -> None:
        value = element.get("id")
        if value is None:
            if required:
                self.report(element, f"<{self.local(element)}> needs an id")
            return
        if not is_xml_id(value):
            self.report(element, f"id {value!r} is not a valid xsd:ID (it must not start with a "
                                 "digit and may hold only letters, digits, '_', '-', '.')")
        elif value in self.ids:
            self.report(element, f"duplicate id {value!r} (first used on line {self.ids[value]})")
        else:
            self.ids[value] = element.sourceline

    def check_concept(self, concept: etree._Element) -> None:
        version = self.version
        self.claim_id(concept, required=version is _V3)
        self.check_level(concept, version.language, self.check_language)

    def check_language(self, section: etree._Element) -> None:
        lang = section.get(XML_LANG)
        if not lang:
            self.report(section, f"<{self.version.language}> needs xml:lang")
        elif self.version is _V3 and not is_valid_tag(lang):
            self.report(section, f"xml:lang {lang!r} is not a valid language tag (use th-TH, "
                                 "not th_TH)")
        self.claim_id(section, required=False)
        self.check_level(section, self.version.term, self.check_term)

    def check_level(self, element: etree._Element, inner: str, check_inner) -> None:
        """Auxiliary elements first, then at least one ``inner`` element."""
        name = self.local(element)
        seen_inner = False
        for child_name, child in self.children(element):
            if child_name == inner:
                seen_inner = True
                check_inner(child)
            elif child_name in self.version.aux:
                if seen_inner:
                    self.report(child, f"<{child_name}> must come before the <{inner}> elements")
                self.check_aux(child, child_name)
            else:
                self.report(child, f"<{child_name}> is not allowed in <{name}>")
        if not seen_inner:
            self.report(element, f"<{name}> needs at least one <{inner}>")

    def check_term(self, term: etree._Element) -> None:
        self.claim_id(term, required=False)
        children = self.children(term)
        if not children or children[0][0] != "term":
            self.report(term, f"<{self.version.term}> must start with <term>")
        after_notes = False
        for name, child in children:
            if name == "term":
                if child is not children[0][1]:
                    self.report(child, f"only one <term> per <{self.version.term}>")
                elif not (child.text or "").strip() and not len(child):
                    self.report(child, "empty <term>")
            elif name in ("termNote", "termNoteGrp") and (name == "termNote" or self.version is _V3):
                if after_notes:
                    self.report(child, "<termNote> must come right after <term>, before "
                                       "other information")
                note = child if name == "termNote" else self.first_child(child, "termNote")
                if note is not None:
                    self.check_typed(note, "termNote")
            elif name in self.version.aux:
                after_notes = True
                self.check_aux(child, name)
            else:
                self.report(child, f"<{name}> is not allowed in <{self.version.term}>")

    def first_child(self, element: etree._Element, wanted: str) -> etree._Element | None:
        for name, child in self.children(element):
            if name == wanted:
                return child
        self.report(element, f"<{self.local(element)}> must start with <{wanted}>")
        return None

    def check_aux(self, element: etree._Element, name: str) -> None:
        if name in self.version.group_children:
            self.check_group(element, name)
        elif name == "note":
            return
        else:
            self.check_typed(element, name)

    def check_group(self, group: etree._Element, name: str) -> None:
        head = name[: -len("Grp")]
        children = self.children(group)
        if not children or children[0][0] != head:
            self.report(group, f"<{name}> must start with <{head}>")
        for index, (child_name, child) in enumerate(children):
            if index == 0 and child_name == head:
                self.check_typed(child, head)
            elif child_name not in self.version.group_children[name]:
                self.report(child, f"<{child_name}> is not allowed in <{name}>")
            elif child_name == "date":
                if not is_xsd_date((child.text or "").strip(), self.version is _V2):
                    self.report(child, f"date {child.text!r} is not a valid {self.version.label} "
                                       "date (write YYYY-MM-DD)")
            elif child_name in self.version.group_children:
                self.check_group(child, child_name)
            elif child_name in _TYPES:
                self.check_typed(child, child_name)

    def check_typed(self, element: etree._Element, name: str) -> None:
        """A data-category element: its type, its level, its picklist, its target."""
        kind = element.get("type")
        allowed = _TYPES.get(name)
        if allowed is None:
            return
        if not kind:
            self.report(element, f"<{name}> needs a type")
            return
        if kind not in allowed:
            self.report(element, f"{kind!r} is not a TBX-Basic data category for <{name}> "
                                 f"(allowed: {', '.join(allowed)})")
            return
        self.check_level_of(element, kind)
        value = "".join(element.itertext()).strip()
        picklist = self.version.picklists.get(kind)
        if picklist is not None and value not in picklist:
            self.report(element, f"{value!r} is not an allowed {kind} value "
                                 f"(allowed: {', '.join(picklist)})")
        if name == "ref":
            target = element.get("target")
            if not target:
                self.report(element, "crossReference needs a target id")
            else:
                self.targets.append((target, element.sourceline))
        elif name == "xref" and self.version is _V3:
            target = element.get("target") or ""
            scheme, _, rest = target.partition("://")
            if scheme not in ("http", "https") or not rest:
                self.report(element, f"xref target {target!r} must be an http:// or https:// URL")

    def check_level_of(self, element: etree._Element, kind: str) -> None:
        rule = self.version.levels.get(kind)
        if rule is None:
            return
        levels, through_group = rule
        parent = element.getparent()
        level = self.local(parent)
        if through_group and level.endswith("Grp") and parent.getparent() is not None:
            level = self.local(parent.getparent())
        if level not in levels:
            self.report(element, f"{kind} is not allowed here; it may stand only at "
                                 f"{', '.join(f'<{n}>' for n in levels)}")

    def finish(self) -> None:
        for target, line in self.targets:
            if target not in self.ids:
                self.problems.append(Problem(self.name, line,
                                             f"crossReference target {target!r} is not an id "
                                             "in this file"))


def validate_bytes(data: bytes, path: str | os.PathLike[str]) -> list[Problem]:
    """Check TBX ``data`` (the bytes of ``path``); unreadable XML raises :class:`InputError`
    (so does an unresolved entity reference: what the text says is unknown)."""
    name = display_name(path)
    root = parse_tbx(data, path).getroot()
    tag = root.tag if isinstance(root.tag, str) else ""
    namespace, local = None, tag
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
    if local == "tbx":
        if namespace != TBX_NS:
            return [Problem(name, root.sourceline,
                            f"<tbx> must be in the namespace {TBX_NS!r}")]
        checker = _Checker(name, _V3, TBX_NS)
    elif local == "martif" and namespace is None:
        checker = _Checker(name, _V2, None)
    else:
        return [Problem(name, root.sourceline, f"root element is <{local}>; a TBX file has "
                                               "<tbx> (v3) or <martif> (v2, no namespace)")]
    checker.check_root(root)
    checker.finish()
    unique = dict.fromkeys(checker.problems)  # a foreign element is met more than once
    return sorted(unique, key=lambda problem: problem.line or 0)


def validate(path: str | os.PathLike[str]) -> list[Problem]:
    """Every TBX-Basic problem of the file at ``path`` (``-`` for stdin); ``[]`` if valid."""
    return validate_bytes(read_bytes(path), path)
