"""Streaming TMX reader (TMX 1.1–1.4b) producing :mod:`trilex.tm.model` objects.

The file is parsed with lxml ``iterparse`` through :mod:`trilex.xmlsafe` (no entities, no DTD,
no network) and every ``<tu>`` is cleared once converted, so memory stays flat whatever the file
size. UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM are read; ``xml:lang`` and TMX 1.1
``lang`` are both accepted; language tags are normalized (``EN-us`` → ``en-US``); dates are
stored as ``YYYYMMDDThhmmssZ`` when they parse.

Reading is lenient where real tools are sloppy and strict where the data would be ambiguous:

* a ``<bpt>`` without its ``<ept>`` (or the reverse) is kept as an ``<it pos="begin|end">``
  code, with a :class:`~trilex.tm.model.TmxWarning` (an
  :class:`~trilex.errors.InputWarning` naming the file and line);
* a ``<tuv>`` without a language, a ``<tuv>`` without ``<seg>``, a root other than ``<tmx>``,
  a missing ``<header>``, an entity reference left unresolved (``&name;`` from a DTD that is
  never loaded), malformed XML or undecodable bytes raise
  :class:`~trilex.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import IO

from lxml import etree

from trilex.errors import InputError, location
from trilex.fileio import STDIO, display_name
from trilex.tm.model import (
    CODE_KINDS,
    DATE_ATTRIBUTES,
    XML_LANG,
    Content,
    InlineCode,
    Note,
    Prop,
    TmxHeader,
    TmxWarning,
    TranslationUnit,
    Variant,
    flow_codes,
    normalize_tmx_date,
    normalized_tag,
)
from trilex.xmlsafe import iterparse_safe

WarningHandler = Callable[[str], None]
#: How the reader reports a repair: ``(message, line)``.
_Warn = Callable[[str, "int | None"], None]

_INLINE_KINDS = frozenset(CODE_KINDS) | {"hi", "sub"}
_HEADER_FIELDS = ("creationtool", "creationtoolversion", "segtype", "adminlang", "datatype")


def read_tmx(source: str | os.PathLike[str] | IO[bytes], name: str | None = None, *,
             on_warning: WarningHandler | None = None,
             ) -> tuple[TmxHeader, Iterator[TranslationUnit]]:
    """Open a TMX file and return its header and a lazy iterator over its units.

    ``source`` is a path, ``-`` for stdin, or a binary stream; ``name`` is the file name used
    in messages (default: the path, or the stream's ``name``). Units are parsed as the
    iterator is consumed, so a file of millions of units is never held in memory. Repairs
    made while reading are passed to ``on_warning`` as ``FILE:LINE: message`` strings (by
    default they are issued as :class:`~trilex.tm.model.TmxWarning`, which carries the file
    and line: the CLI shows it as ``FILE:LINE: warning: message``).

    Raises :class:`~trilex.errors.InputError` (with file and line) for anything that is not
    a readable TMX file — at once for a bad start, or while iterating for a later problem.
    """
    stream, owned, label = _open(source, name)
    warn = _warner(label, on_warning)
    try:
        events = iterparse_safe(stream, label, events=("start", "end"), tag=("tmx", "header", "tu"))
        header = _read_header(events, label)
    except BaseException:
        if owned:
            stream.close()
        raise
    return header, _read_units(events, header, label, warn, stream if owned else None)


def _warner(name: str, on_warning: WarningHandler | None) -> _Warn:
    if on_warning is not None:
        return lambda message, line: on_warning(location(name, line) + message)
    return lambda message, line: warnings.warn(TmxWarning(message, name, line), stacklevel=2)


def _refuse_entities(node: etree._Element, name: str) -> None:
    """Refuse an entity reference the parser left unresolved in ``node`` or below it (it would drop
    out of the text)."""
    for entity in node.iter(etree.Entity):
        raise InputError(f"unresolved entity reference {entity.text}", name, entity.sourceline)


def _open(source: str | os.PathLike[str] | IO[bytes], name: str | None) -> tuple[IO[bytes], bool, str]:
    if hasattr(source, "read"):
        stream = source  # type: ignore[assignment]
        return stream, False, name or str(getattr(stream, "name", "<stream>"))
    label = name or display_name(source)  # type: ignore[arg-type]
    if str(source) == STDIO:
        return sys.stdin.buffer, False, label
    try:
        return open(source, "rb"), True, label  # type: ignore[arg-type]
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", label) from None


def _read_header(events: Iterator[tuple[str, etree._Element]], name: str) -> TmxHeader:
    for event, element in events:
        root = element.getroottree().getroot()
        if root.tag != "tmx":
            raise InputError(f"not a TMX file: the root element is <{_local(root.tag)}>, expected <tmx>",
                             name, root.sourceline)
        if element.tag == "tu":
            raise InputError("no <header> before the first <tu>", name, element.sourceline)
        if event == "end" and element.tag == "header":
            header = _header(element, root.get("version", "1.4"), name)
            element.clear()
            return header
    raise InputError("not a TMX file: no <tmx> element with a <header>", name, 1)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _header(element: etree._Element, version: str, name: str) -> TmxHeader:
    attributes = _dated(dict(element.attrib))
    header = TmxHeader(version=version)
    for key in _HEADER_FIELDS:
        if key in attributes:
            setattr(header, key, attributes.pop(key))
    header.o_tmf = attributes.pop("o-tmf", header.o_tmf)
    srclang = attributes.pop("srclang", header.srclang)
    header.srclang = srclang if srclang == "*all*" else normalized_tag(srclang)
    header.adminlang = normalized_tag(header.adminlang)
    header.attributes = attributes
    header.notes, header.props = _notes_and_props(element, name)
    return header


def _read_units(events: Iterator[tuple[str, etree._Element]], header: TmxHeader, name: str,
                warn: _Warn, owned: IO[bytes] | None) -> Iterator[TranslationUnit]:
    try:
        yield from read_unit_elements(events, None if header.srclang == "*all*" else header.srclang, name, warn)
    finally:
        if owned is not None:
            owned.close()


def read_unit_elements(events: Iterator[tuple[str, etree._Element]], srclang: str | None, name: str,
                       warn: _Warn) -> Iterator[TranslationUnit]:
    """The units of the ``<tu>`` end events in ``events``, each element freed once converted;
    ``srclang`` is the header's (``None`` for ``*all*``), ``warn`` takes each repair and its line."""
    for event, element in events:
        if event == "end" and element.tag == "tu":
            yield _unit(element, srclang, name, warn)
            _release(element)


def _release(element: etree._Element) -> None:
    """Free a converted ``<tu>`` and the (already cleared) ones before it, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _dated(attributes: dict[str, str]) -> dict[str, str]:
    """``attributes`` with its dates in the TMX form where they parse."""
    for key in DATE_ATTRIBUTES:
        if key in attributes:
            attributes[key] = normalize_tmx_date(attributes[key])
    return attributes


def _lang_of(attributes: dict[str, str]) -> str | None:
    lang = attributes.get(XML_LANG) or attributes.get("lang")
    return normalized_tag(lang) if lang else None


def _notes_and_props(element: etree._Element, name: str) -> tuple[list[Note], list[Prop]]:
    notes: list[Note] = []
    props: list[Prop] = []
    for child in element:
        _add_note_or_prop(child, notes, props, name)
    return notes, props


def _add_note_or_prop(child: etree._Element, notes: list[Note], props: list[Prop], name: str) -> None:
    """Add ``child`` to ``notes`` or ``props`` if it is one; other nodes are skipped.

    The reader walks only the nodes it converts, so this is where an entity reference in a
    note, a prop or a skipped node is refused.
    """
    if len(child) or child.tag is etree.Entity:
        _refuse_entities(child, name)
    tag = child.tag
    if tag == "note" or tag == "prop":
        attributes = dict(child.items())
        if tag == "note":
            notes.append(Note(child.text or "", _lang_of(attributes)))
        else:
            props.append(Prop(attributes.get("type", ""), child.text or "", _lang_of(attributes)))


def _unit(element: etree._Element, default_srclang: str | None, name: str,
          warn: _Warn) -> TranslationUnit:
    attributes = dict(element.items())
    tuid = attributes.pop("tuid", None)
    srclang = attributes.pop("srclang", None)
    if srclang in (None, "*all*"):
        srclang = default_srclang if srclang is None else None
    else:
        srclang = normalized_tag(srclang)
    if attributes:
        _dated(attributes)
    notes: list[Note] = []
    props: list[Prop] = []
    variants: list[Variant] = []
    for child in element:
        if child.tag == "tuv":
            variants.append(_variant(child, name, warn))
        else:
            _add_note_or_prop(child, notes, props, name)
    return TranslationUnit(tuid, variants, notes, props, attributes, srclang)


def _variant(element: etree._Element, name: str, warn: _Warn) -> Variant:
    items = element.items()
    if len(items) == 1 and items[0][0] == XML_LANG:  # the usual case: only xml:lang
        lang, attributes = items[0][1], {}
    else:
        lang, attributes = _variant_attributes(items)
    if not lang:
        raise InputError("<tuv> without xml:lang (or lang)", name, element.sourceline)
    lang = normalized_tag(lang)
    notes: list[Note] = []
    props: list[Prop] = []
    seg = element[0] if len(element) == 1 else None  # the usual case: just the <seg>
    if seg is None or seg.tag != "seg":
        seg = _seg_notes_and_props(element, notes, props, name)
        if seg is None:
            raise InputError(f"<tuv xml:lang=\"{lang}\"> without <seg>", name, element.sourceline)
    return Variant(lang, _segment(seg, name, warn), notes, props, attributes)


def _variant_attributes(items: list[tuple[str, str]]) -> tuple[str | None, dict[str, str]]:
    """The language of a ``<tuv>`` (``xml:lang``, else TMX 1.1 ``lang``) and its other attributes."""
    lang = None
    attributes: dict[str, str] = {}
    for key, value in items:
        if key == XML_LANG or (key == "lang" and lang is None):
            lang = value
        elif key != "lang":
            attributes[key] = normalize_tmx_date(value) if key in DATE_ATTRIBUTES else value
    return lang, attributes


def _seg_notes_and_props(element: etree._Element, notes: list[Note], props: list[Prop],
                         name: str) -> etree._Element | None:
    """The (last) ``<seg>`` of a ``<tuv>``; its notes and props go into ``notes`` and ``props``."""
    seg = None
    for child in element:
        if child.tag == "seg":
            seg = child
        else:
            _add_note_or_prop(child, notes, props, name)
    return seg


def _segment(seg: etree._Element, name: str, warn: _Warn) -> Content:
    """The content of a ``<seg>``, its broken ``bpt``/``ept`` pairs repaired."""
    content = _content(seg, name, warn)
    if len(seg):
        _repair_pairs(content, name, seg.sourceline, warn)
    return content


def _content(element: etree._Element, name: str, warn: _Warn) -> Content:
    """The mixed content of ``element`` as text and :class:`InlineCode` items.

    An element without children (most segments, most native codes) is its text alone.
    """
    text = element.text
    content: Content = [text] if text else []
    if not len(element):
        return content
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if tag in _INLINE_KINDS:
                content.append(_code(child, tag, name, warn))
            else:
                _refuse_entities(child, name)
                warn(f"unknown element <{_local(tag)}> inside <{element.tag}>; kept its text only",
                     child.sourceline)
                _append_text(content, "".join(child.itertext()))
        else:  # an entity reference is refused; comments and processing instructions are skipped
            _refuse_entities(child, name)
        tail = child.tail
        if tail:
            _append_text(content, tail)
    return content


def _append_text(content: Content, text: str) -> None:
    if content and isinstance(content[-1], str):
        content[-1] += text
    elif text:
        content.append(text)


def _code(element: etree._Element, kind: str, name: str, warn: _Warn) -> InlineCode:
    get = dict(element.items()).get
    return InlineCode(kind, _content(element, name, warn), get("i"), get("x"), get("type"), get("pos"),
                      get("assoc"), get("datatype"))


def _repair_pairs(content: Content, name: str, line: int | None, warn: _Warn) -> None:
    """Turn a ``bpt`` without ``ept`` (or the reverse) into an ``it`` code, in every flow."""
    open_codes: dict[str | None, InlineCode] = {}
    for code in flow_codes(content):
        if code.kind == "bpt":
            if code.i in open_codes:
                _isolate(open_codes.pop(code.i), "begin", name, line, warn)
            open_codes[code.i] = code
        elif code.kind == "ept":
            if code.i in open_codes and code.i is not None:
                del open_codes[code.i]
            else:
                _isolate(code, "end", name, line, warn)
        if code.kind != "sub":
            for item in code.content:
                if isinstance(item, InlineCode) and item.kind == "sub":
                    _repair_pairs(item.content, name, line, warn)
    for code in open_codes.values():
        _isolate(code, "begin", name, line, warn)


def _isolate(code: InlineCode, pos: str, name: str, line: int | None, warn: _Warn) -> None:
    warn(f"<{code.kind} i=\"{code.i}\"> has no matching "
         f"<{'ept' if code.kind == 'bpt' else 'bpt'}>; kept as <it pos=\"{pos}\">", line)
    code.kind, code.pos, code.i = "it", pos, None
