"""Streaming TMX 1.4b writer: DTD-valid output from :mod:`trilex.tm.model` objects.

Units are serialized one at a time with ``lxml.etree.xmlfile`` into a temporary file that is
renamed over the target at the end (atomic), so millions of units never sit in memory and an
interrupted export leaves no half-written file.

What the writer guarantees (``shared/standards/WRITING-RULES.md`` §1 and §3):

* valid against the TMX 1.4 DTD: ``<tmx version="1.4">``, the seven header attributes,
  ``(note|prop)*`` before ``<tuv>``, only attributes the DTD declares (others are left out
  with a warning);
* ``srclang`` equals the first ``<tuv>`` of every unit; every unit has at least two
  variants, at most one per language (units that do not are skipped and reported);
* region-qualified language tags (``th`` → ``th-TH``) unless ``region_codes=False``;
* dates as ``YYYYMMDDThhmmssZ`` (dates that do not parse are left out with a warning);
* Level 2 inline codes: each ``<bpt>`` has exactly one later ``<ept>`` with the same ``i`` in
  the same flow (a broken pair is a :class:`ValueError` — the reader repairs what it reads,
  so only programs can build one); deprecated ``<ut>`` and an ``<it>`` without ``pos`` are
  written as ``<ph>``;
* characters XML 1.0 forbids are dropped and reported; leading and trailing whitespace of a
  segment is trimmed (TMX §3.1.1) and counted.

Warnings go into :attr:`WriteStats.warnings` (the first :data:`MAX_WARNINGS`) and, one by
one, to the optional ``on_warning`` callback.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

import trilex
from trilex.fileio import atomic_write
from trilex.lang.tags import normalize_tag, with_region
from trilex.tm.model import (
    CODE_KINDS,
    DATE_ATTRIBUTES,
    XML_LANG,
    Content,
    InlineCode,
    Note,
    Prop,
    TmxHeader,
    TranslationUnit,
    Variant,
    flow_codes,
    format_tmx_date,
    parse_tmx_date,
)

#: How many warning messages :class:`WriteStats` keeps (all are counted and sent to the callback).
MAX_WARNINGS = 1000
#: The encodings :func:`write_tmx` can write.
ENCODINGS = ("utf-8", "utf-16le")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_SPACE = " \t\r\n"
_SEGTYPES = ("block", "paragraph", "sentence", "phrase")
_COMMON_ATTRIBUTES = ("o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                      "creationtoolversion", "creationdate", "creationid", "changedate", "changeid",
                      "o-tmf")
_TU_ATTRIBUTES = frozenset(_COMMON_ATTRIBUTES) | {"segtype"}
_TUV_ATTRIBUTES = frozenset(_COMMON_ATTRIBUTES)
_HEADER_ATTRIBUTES = ("o-encoding", "creationdate", "creationid", "changedate", "changeid")
_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_SEG_KINDS = frozenset(("bpt", "ept", "it", "ph", "ut", "hi"))


@dataclass
class WriteStats:
    """What a write did: units written and skipped, characters dropped, and why."""

    written: int = 0
    skipped: int = 0
    dropped_chars: int = 0
    trimmed: int = 0
    warning_count: int = 0
    warnings: list[str] = field(default_factory=list)


class _Writer:
    """Serializes units to TMX elements, collecting warnings into :class:`WriteStats`."""

    def __init__(self, srclang: str, languages: Sequence[str] | None, region_codes: bool,
                 on_warning: Callable[[str], None] | None):
        self.srclang = srclang
        self.languages = languages
        self.region_codes = region_codes
        self.on_warning = on_warning
        self.stats = WriteStats()
        self.unit_label = ""

    def warn(self, message: str) -> None:
        message = f"{self.unit_label}{message}"
        self.stats.warning_count += 1
        if len(self.stats.warnings) < MAX_WARNINGS:
            self.stats.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    def tag(self, lang: str) -> str:
        return self.clean(with_region(lang) if self.region_codes else normalize_tag(lang))

    def clean(self, text: str) -> str:
        """``text`` without the characters XML 1.0 forbids (counted and reported)."""
        if not _FORBIDDEN.search(text):
            return text
        found = _FORBIDDEN.findall(text)
        self.stats.dropped_chars += len(found)
        shown = ", ".join(sorted({f"U+{ord(char):04X}" for char in found}))
        self.warn(f"dropped {len(found)} character(s) not allowed in XML 1.0 ({shown})")
        return _FORBIDDEN.sub("", text)

    def attributes(self, attributes: dict[str, str], allowed: frozenset[str] | Sequence[str],
                   element: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in attributes.items():
            if key not in allowed:
                self.warn(f"attribute {key!r} is not allowed on <{element}> in TMX 1.4; left out")
                continue
            value = self.clean(value)
            if key in DATE_ATTRIBUTES:
                moment = parse_tmx_date(value)
                if moment is None:
                    self.warn(f"<{element} {key}={value!r}> is not a date; left out")
                    continue
                value = format_tmx_date(moment)
            elif key == "segtype" and value not in _SEGTYPES:
                self.warn(f"<{element} segtype={value!r}> is not a TMX segment type; left out")
                continue
            out[key] = value
        return out

    def notes_and_props(self, parent: etree._Element, notes: list[Note], props: list[Prop]) -> None:
        for note in notes:
            element = etree.SubElement(parent, "note", {XML_LANG: self.clean(note.lang)} if note.lang else {})
            element.text = self.clean(note.text)
        for prop in props:
            attributes = {"type": self.clean(prop.type) or "x-unknown"}
            if prop.lang:
                attributes[XML_LANG] = self.clean(prop.lang)
            element = etree.SubElement(parent, "prop", attributes)
            element.text = self.clean(prop.value)

    def pick_variants(self, unit: TranslationUnit) -> list[Variant] | None:
        """The variants to write, source first, one per language; ``None`` to skip the unit."""
        source = unit.variant(self.srclang)
        if source is None:
            self.warn(f"no {self.srclang} variant; unit skipped")
            return None
        if self.languages is None:
            candidates = [source] + [variant for variant in unit.variants if variant is not source]
        else:
            candidates = [source] + [unit.variant(lang) for lang in self.languages
                                     if normalize_tag(lang) != normalize_tag(self.srclang)]
        chosen: list[Variant] = []
        seen: set[str] = set()
        for variant in candidates:
            if variant is None:
                continue
            tag = self.tag(variant.lang).lower()
            if tag in seen:
                if not any(variant is other for other in chosen):
                    self.warn(f"second {variant.lang} variant left out (one per language)")
                continue
            seen.add(tag)
            chosen.append(variant)
        if len(chosen) < 2:
            self.warn("fewer than two languages to write; unit skipped")
            return None
        return chosen

    def unit(self, unit: TranslationUnit) -> etree._Element | None:
        self.unit_label = f"unit {_FORBIDDEN.sub('', unit.tuid)}: " if unit.tuid else ""
        variants = self.pick_variants(unit)
        if variants is None:
            self.stats.skipped += 1
            return None
        attributes = self.attributes({k: v for k, v in unit.attributes.items() if k != "srclang"},
                                     _TU_ATTRIBUTES, "tu")
        if unit.tuid:
            attributes = {"tuid": self.clean(unit.tuid), **attributes}
        element = etree.Element("tu", attributes)
        self.notes_and_props(element, unit.notes, unit.props)
        for variant in variants:
            self.variant(element, variant)
        self.check_x(variants)
        _indent(element, "\n      ", "\n    ")
        self.stats.written += 1
        return element

    def check_x(self, variants: list[Variant]) -> None:
        """Warn when a target's codes do not carry the source's ``x`` values (CAT tools pair tags by ``x``)."""
        expected = _x_values(variants[0])
        for variant in variants[1:]:
            found = _x_values(variant)
            if found != expected:
                self.warn(f"inline codes of {variant.lang} (x={sorted(found)}) do not match "
                          f"the source's (x={sorted(expected)})")

    def variant(self, parent: etree._Element, variant: Variant) -> None:
        attributes = {XML_LANG: self.tag(variant.lang),
                      **self.attributes(variant.attributes, _TUV_ATTRIBUTES, "tuv")}
        element = etree.SubElement(parent, "tuv", attributes)
        self.notes_and_props(element, variant.notes, variant.props)
        seg = etree.SubElement(element, "seg")
        _check_pairs(variant.content, f"{self.unit_label}{variant.lang}")
        self.fill(seg, self.trim(variant.content), _SEG_KINDS)
        _indent(element, "\n        ", "\n      ")

    def trim(self, content: Content) -> Content:
        """``content`` with its texts merged and cleaned, and XML white space trimmed at both ends."""
        merged: Content = []
        for item in content:
            if isinstance(item, str):
                item = self.clean(item)
                if not item:
                    continue
                if merged and isinstance(merged[-1], str):
                    merged[-1] += item
                    continue
            merged.append(item)
        trimmed = list(merged)
        if trimmed and isinstance(trimmed[0], str):
            trimmed[0] = trimmed[0].lstrip(_XML_SPACE)
        if trimmed and isinstance(trimmed[-1], str):
            trimmed[-1] = trimmed[-1].rstrip(_XML_SPACE)
        if trimmed != merged:
            self.stats.trimmed += 1
        return [item for item in trimmed if item != ""]

    def fill(self, parent: etree._Element, content: Content, allowed: frozenset[str]) -> None:
        """Append ``content`` to ``parent`` as text and inline elements, as the DTD allows them."""
        last: etree._Element | None = None
        for item in content:
            if isinstance(item, str):
                text = self.clean(item)
                if last is None:
                    parent.text = (parent.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
                continue
            last = self.code(parent, item, allowed)

    def code(self, parent: etree._Element, code: InlineCode, allowed: frozenset[str]) -> etree._Element:
        kind = code.kind
        if kind == "ut" or (kind == "it" and code.pos not in ("begin", "end")):
            self.warn(f"<{kind}> written as <ph> (TMX 1.4 Level 2)")
            kind = "ph"
        if kind not in allowed:
            raise ValueError(f"{self.unit_label}<{code.kind}> cannot appear inside <{parent.tag}> in TMX")
        attributes = {"bpt": {"i": code.i, "x": code.x, "type": code.type},
                      "ept": {"i": code.i},
                      "it": {"pos": code.pos, "x": code.x, "type": code.type},
                      "ph": {"x": code.x, "assoc": code.assoc, "type": code.type},
                      "hi": {"x": code.x, "type": code.type},
                      "sub": {"datatype": code.datatype, "type": code.type}}[kind]
        element = etree.SubElement(parent, kind, {key: self.clean(value) for key, value in attributes.items()
                                                  if value is not None})
        if kind in ("hi", "sub"):
            self.fill(element, code.content, _SEG_KINDS)
        else:
            self.fill(element, code.content, frozenset(("sub",)))
        return element


def _indent(element: etree._Element, inner: str, outer: str) -> None:
    """Put each child of ``element`` (``tu`` or ``tuv``) on its own line; never touches ``seg``."""
    children = list(element)
    if not children:
        return
    element.text = inner
    for child in children[:-1]:
        child.tail = inner
    children[-1].tail = outer


def _x_values(variant: Variant) -> set[str]:
    return {code.x for code in variant.codes if code.x is not None}


def _check_pairs(content: Content, where: str) -> None:
    """Raise :class:`ValueError` unless every ``bpt`` has one later ``ept`` with the same ``i``."""
    open_ids: set[str] = set()
    for code in flow_codes(content):
        if code.kind == "bpt":
            if code.i is None or code.i in open_ids:
                raise ValueError(f"{where}: <bpt> needs an i unique in its segment (got {code.i!r})")
            open_ids.add(code.i)
        elif code.kind == "ept":
            if code.i not in open_ids:
                raise ValueError(f"{where}: <ept i={code.i!r}> has no <bpt> before it")
            open_ids.discard(code.i)  # type: ignore[arg-type]
        if code.kind in CODE_KINDS:
            for item in code.content:
                if isinstance(item, InlineCode) and item.kind == "sub":
                    _check_pairs(item.content, where)
    if open_ids:
        raise ValueError(f"{where}: <bpt i={sorted(open_ids)[0]!r}> has no <ept>")


def _header_element(writer: _Writer, header: TmxHeader | None, srclang: str) -> etree._Element:
    header = header or TmxHeader()
    attributes = {
        "creationtool": "trilex",
        "creationtoolversion": trilex.__version__,
        "segtype": header.segtype if header.segtype in _SEGTYPES else "sentence",
        "o-tmf": writer.clean(header.o_tmf) or "trilex",
        "adminlang": writer.tag(header.adminlang) if header.adminlang else "en-US",
        "srclang": srclang,
        "datatype": writer.clean(header.datatype) or "unknown",
        "creationdate": format_tmx_date(datetime.now(timezone.utc)),
    }
    attributes.update(writer.attributes(header.attributes, _HEADER_ATTRIBUTES, "header"))
    element = etree.Element("header", attributes)
    writer.notes_and_props(element, header.notes, header.props)
    _indent(element, "\n    ", "\n  ")
    return element


def write_tmx(units: Iterable[TranslationUnit], path: str | os.PathLike[str], *, srclang: str,
              languages: Sequence[str] | None = None, encoding: str = "utf-8",
              region_codes: bool = True, header: TmxHeader | None = None,
              on_warning: Callable[[str], None] | None = None) -> WriteStats:
    """Write ``units`` as one TMX 1.4b file at ``path`` (``-`` for stdout), atomically and streaming.

    ``srclang`` is the source language: its variant is written first and named in the header;
    units without it are skipped. ``languages`` limits the output to those languages (one
    variant each; ``th`` finds ``th-TH``); by default every variant is written (a multilingual
    file for memoQ, OmegaT, Phrase). ``encoding`` is ``utf-8`` (no BOM) or ``utf-16le`` (with
    BOM, for legacy Trados). ``region_codes`` writes ``th-TH``/``zh-CN``/``en-US`` for bare
    tags. ``header`` supplies ``segtype``, ``o-tmf``, ``adminlang``, ``datatype``, notes and
    props to keep (``creationtool`` is always trilex).

    Example::

        header, units = read_tmx("memoq.tmx")
        stats = write_tmx(units, "out.tmx", srclang="en", header=header)
    """
    encoding = encoding.lower().replace("_", "-")
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}, not {encoding!r}")
    writer = _Writer(srclang, languages, region_codes, on_warning)
    source_tag = writer.tag(srclang)
    with atomic_write(path, binary=True) as handle:
        if encoding == "utf-8":
            xml_encoding = "UTF-8"
            handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        else:
            xml_encoding = "UTF-16LE"
            handle.write(codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="UTF-16"?>\n'.encode("utf-16-le"))
        with etree.xmlfile(handle, encoding=xml_encoding) as xf:
            xf.write_doctype(_DOCTYPE)
            with xf.element("tmx", version="1.4"):
                xf.write("\n  ")
                head = _header_element(writer, header, source_tag)
                head.tail = "\n  "
                xf.write(head)
                with xf.element("body"):
                    for unit in units:
                        element = writer.unit(unit)
                        if element is not None:
                            xf.write("\n    ")
                            xf.write(element)
                    xf.write("\n  ")
                xf.write("\n")
        handle.write("\n".encode("utf-8" if encoding == "utf-8" else "utf-16-le"))
    return writer.stats


def write_bilingual(units: Iterable[TranslationUnit], path: str | os.PathLike[str],
                    source_lang: str, target_lang: str, **options) -> WriteStats:
    """Write one language pair (what Trados imports: one direction per TM) as TMX.

    Units without both languages are skipped and counted. ``options`` are those of
    :func:`write_tmx` (``encoding``, ``region_codes``, ``header``, ``on_warning``).
    """
    return write_tmx(units, path, srclang=source_lang, languages=[source_lang, target_lang], **options)
