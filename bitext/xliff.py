"""XLIFF 1.2 (also 1.0/1.1) and XLIFF 2.x files, read with lxml through :mod:`trilex.xmlsafe`.

The version comes from the root's ``version`` attribute. One :class:`Segment` per XLIFF 1.2
``<trans-unit>``, and per XLIFF 2 ``<segment>`` (``unit_id`` is the unit's ``id``; a unit with
several segments gives ``id:segment-id``, or ``id:N`` for segments without an id). ``line`` is
the line of the ``<trans-unit>``/``<unit>`` start tag. Units with ``translate="no"`` (on the unit,
its group or its file) are skipped, and so are ``<bin-unit>`` and ``<alt-trans>`` proposals.
``notes`` are the unit's ``<note>`` texts; ``state`` is the 1.2 ``<target state>`` or the 2.x
``<segment state>``. A missing or empty ``<target>`` gives ``target=None``. ``space_preserved``
follows ``xml:space`` on the ``<source>`` or an ancestor (XLIFF's default lets tools normalize
white space, so it is ``False`` unless ``preserve`` is said).

Languages: XLIFF 1.2 ``<file source-language target-language>`` (every ``<file>`` must agree),
XLIFF 2 ``<xliff srcLang trgLang>``. Inline codes are flattened as :mod:`trilex.bitext.inline`
describes; the markup as written is kept in ``raw_source``/``raw_target``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from trilex.bitext.inline import flatten, local_name
from trilex.bitext.languages import checked_tag, settle
from trilex.bitext.model import BilingualDocument, Segment
from trilex.bitext.xmllines import StartLines
from trilex.errors import InputError
from trilex.fileio import display_name, read_bytes
from trilex.lang.tags import primary_subtag
from trilex.xmlsafe import parse_xml


def read_xliff(path: str, source_lang: str | None = None, target_lang: str | None = None,
               *, data: bytes | None = None) -> BilingualDocument:
    """Read an XLIFF 1.2 or 2.x file (``data`` = its bytes if already read)."""
    name = display_name(path)
    raw = read_bytes(path) if data is None else data
    root = parse_xml(raw, path).getroot()
    where = _Where(name, StartLines(raw))
    if local_name(root.tag) != "xliff":
        raise InputError(f"not an XLIFF file: the root element is <{local_name(root.tag)}>",
                         name, where.line(root))
    version = root.get("version", "")
    if version.startswith("2."):
        return _read_xliff2(root, where, source_lang, target_lang)
    if version.startswith("1.") or version == "":
        return _read_xliff1(root, where, source_lang, target_lang)
    raise InputError(f"unsupported XLIFF version {version!r} (1.x and 2.x are read)", name, where.line(root))


@dataclass(frozen=True)
class _Where:
    """The file name for messages, and ``line(element)``: where an element's start tag begins."""

    path: str
    line: StartLines


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in element:
        if isinstance(child.tag, str) and local_name(child.tag) == name:
            yield child


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _translatable(element: etree._Element, inherited: bool) -> bool:
    value = element.get("translate")
    return inherited if value is None else value != "no"


def _stated(element: etree._Element, attribute: str, path: str) -> str | None:
    value = element.get(attribute)
    if not value or not value.strip():
        return None
    return checked_tag(value, attribute, path, element.sourceline)


def _notes(unit: etree._Element, container: str | None) -> list[str]:
    holder = unit if container is None else _child(unit, container)
    if holder is None:
        return []
    return ["".join(note.itertext()) for note in _children(holder, "note")]


def _segment(unit: etree._Element, holder: etree._Element, where: _Where, unit_id: str | None,
             notes: list[str], state: str | None) -> Segment:
    path = where.path
    source_element = _child(holder, "source")
    if source_element is None:
        raise InputError(f"<{local_name(holder.tag)}> without <source> (unit id {unit_id!r})",
                         path, where.line(holder))
    source = flatten(source_element, path)
    target_element = _child(holder, "target")
    target = None if target_element is None else flatten(target_element, path)
    if target is not None and target.text == "":
        target = None
    return Segment(source.text, None if target is None else target.text, path, where.line(unit), unit_id,
                   notes, state=state, raw_source=source.raw, raw_target=None if target is None else target.raw,
                   source_codes=source.codes, target_codes=() if target is None else target.codes,
                   space_preserved=_space_preserved(source_element),
                   target_line=None if target_element is None else where.line(target_element))


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _space_preserved(element: etree._Element) -> bool:
    """Whether ``xml:space="preserve"`` is in effect at ``element`` (the nearest statement wins)."""
    for node in (element, *element.iterancestors()):
        value = node.get(_XML_SPACE)
        if value is not None:
            return value == "preserve"
    return False


# -- XLIFF 1.x ---------------------------------------------------------------------------------

def _read_xliff1(root: etree._Element, where: _Where, source_lang: str | None,
                 target_lang: str | None) -> BilingualDocument:
    path = where.path
    files = list(_children(root, "file"))
    if not files:
        raise InputError("XLIFF file without a <file> element", path, where.line(root))
    segments: list[Segment] = []
    stated_source = stated_target = None
    for file_element in files:
        file_source = _stated(file_element, "source-language", path)
        file_target = _stated(file_element, "target-language", path)
        stated_source = _agree(stated_source, file_source, "source", file_element, path)
        stated_target = _agree(stated_target, file_target, "target", file_element, path)
        body = _child(file_element, "body")
        if body is not None:
            segments.extend(_units(body, where, _translatable(file_element, True), "trans-unit", _unit1_segments))
    line = where.line(files[0])
    return BilingualDocument(path, settle(stated_source, source_lang, "source", path, line),
                             settle(stated_target, target_lang, "target", path, line), segments, "xliff",
                             declared_target_lang=stated_target, declared_line=line)


def _agree(so_far: str | None, this: str | None, role: str, file_element: etree._Element,
           path: str) -> str | None:
    if so_far is not None and this is not None and primary_subtag(so_far) != primary_subtag(this):
        raise InputError(f"this <file> has {role} language {this!r}, an earlier one {so_far!r}",
                         path, file_element.sourceline)
    return so_far or this


def _units(container: etree._Element, where: _Where, translatable: bool, unit_name: str,
           read_unit: Callable[[etree._Element, _Where], Iterator[Segment]]) -> Iterator[Segment]:
    """The segments of the translatable units (``<trans-unit>``/``<unit>``) in ``container``,
    through nested groups."""
    for element in container:
        if not isinstance(element.tag, str):
            continue
        name = local_name(element.tag)
        if name == "group":
            yield from _units(element, where, _translatable(element, translatable), unit_name, read_unit)
        elif name == unit_name and _translatable(element, translatable):
            yield from read_unit(element, where)


def _unit1_segments(unit: etree._Element, where: _Where) -> Iterator[Segment]:
    target = _child(unit, "target")
    state = None if target is None else target.get("state")
    yield _segment(unit, unit, where, unit.get("id"), _notes(unit, None), state)


# -- XLIFF 2.x ---------------------------------------------------------------------------------

def _read_xliff2(root: etree._Element, where: _Where, source_lang: str | None,
                 target_lang: str | None) -> BilingualDocument:
    path = where.path
    stated_source = _stated(root, "srcLang", path)
    if stated_source is None:
        raise InputError("XLIFF 2 file without srcLang", path, where.line(root))
    stated_target = _stated(root, "trgLang", path)
    segments: list[Segment] = []
    for file_element in _children(root, "file"):
        segments.extend(_units(file_element, where, _translatable(file_element, True), "unit", _unit2_segments))
    line = where.line(root)
    return BilingualDocument(path, settle(stated_source, source_lang, "source", path, line),
                             settle(stated_target, target_lang, "target", path, line), segments, "xliff",
                             declared_target_lang=stated_target, declared_line=line)


def _unit2_segments(unit: etree._Element, where: _Where) -> Iterator[Segment]:
    unit_id = unit.get("id")
    notes = _notes(unit, "notes")
    parts = list(_children(unit, "segment"))
    for number, part in enumerate(parts, 1):
        segment_id = unit_id if len(parts) == 1 else f"{unit_id}:{part.get('id') or number}"
        yield _segment(unit, part, where, segment_id, list(notes), part.get("state"))
