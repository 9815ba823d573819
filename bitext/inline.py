"""Inline markup in XLIFF and TMX segments, flattened into text a term check can read.

The rule is: never hide a term and never invent one.

* Paired codes that wrap text (XLIFF 1.2 ``<g>``, ``<mrk>``; XLIFF 2 ``<pc>``, ``<mrk>``; TMX
  ``<hi>``) disappear and their content stays in place: ``Data <g id="1">Center</g>`` reads
  ``Data Center``, so a term split by formatting still matches.
* Begin/end markers and the native code they carry (XLIFF 1.2 ``<bx>``, ``<ex>``, ``<bpt>``,
  ``<ept>``, ``<it>``; XLIFF 2 ``<sc>``, ``<ec>``, ``<sm>``, ``<em>``; TMX ``<bpt>``, ``<ept>``,
  ``<it>``) disappear with their content: ``&lt;b&gt;`` is code, not text.
* Standalone codes (``<x>``, ``<ph>``, TMX ``<ut>``) become one OBJECT REPLACEMENT CHARACTER,
  U+FFFC. It is not a letter, so it separates words (``Submit <x id="INTERPOLATION"/>`` reads
  ``Submit \\ufffc``) and matches no term; it keeps the place of the code visible.
* XLIFF 2 ``<cp hex="…"/>`` becomes the code point it stands for.
* Unknown elements keep their content, comments and processing instructions are skipped, and an
  unresolved entity reference is refused.

The markup as written is kept too: :func:`flatten` returns the inner XML, serialized without
namespace declarations, whenever the element has any markup, for ``Segment.raw_source``/``raw_target``,
and every code as a structured :class:`~trilex.bitext.model.InlineCode` (kind, id, native code,
position in the flattened text) for ``Segment.source_codes``/``target_codes``, which the tag and
placeholder checks compare.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from trilex.bitext.model import InlineCode
from trilex.errors import InputError
from trilex.xmlsafe import escape_xml

#: The character standing for a standalone inline code.
PLACEHOLDER = "\ufffc"

_KEEP_CONTENT = frozenset({"g", "pc", "mrk", "hi"})
_DROP = frozenset({"bx", "ex", "bpt", "ept", "it", "sc", "ec", "sm", "em"})
_STANDALONE = frozenset({"x", "ph", "ut"})
_OPENING = frozenset({"bx", "bpt", "sc", "sm"})
_CLOSING = frozenset({"ex", "ept", "ec", "em"})
#: Attributes that give the id a closing code refers to, per element.
_CLOSING_REF = {"ept": ("rid", "i", "id"), "ec": ("startRef", "id"), "ex": ("rid", "id"),
                "em": ("startRef",)}
_OPENING_REF = ("rid", "i", "id", "x")
_STANDALONE_REF = ("id", "x", "i")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def local_name(tag: str) -> str:
    """``{urn:…}trans-unit`` → ``trans-unit``."""
    return tag.rpartition("}")[2]


class Flattened(NamedTuple):
    """An element's checkable text, its inner XML as written (``None`` if plain) and its codes."""

    text: str
    raw: str | None
    codes: tuple[InlineCode, ...]


def flatten(element: etree._Element, path: str) -> Flattened:
    """The checkable text of ``element``, its inner XML as written and its inline codes."""
    if len(element) == 0:
        return Flattened(element.text or "", None, ())
    parts: list[str] = [element.text or ""]
    codes: list[InlineCode] = []
    _flatten_children(element, parts, codes, path)
    return Flattened("".join(parts), _inner_xml(element), tuple(codes))


def _flatten_children(element: etree._Element, parts: list[str], codes: list[InlineCode], path: str) -> None:
    for child in element:
        if isinstance(child, etree._Entity):
            raise InputError(f"unresolved entity reference &{child.name};", path, child.sourceline)
        if isinstance(child.tag, str):
            name = local_name(child.tag)
            position = sum(map(len, parts))
            if name in _STANDALONE:
                codes.append(_code("standalone", child, name, position, _outer_xml(child)))
                parts.append(PLACEHOLDER)
            elif name == "cp":
                parts.append(_code_point(child, path))
            elif name in _DROP:
                codes.append(_code(_drop_kind(child, name), child, name, position, _outer_xml(child)))
            else:
                if name in _KEEP_CONTENT:
                    codes.append(InlineCode("open", name, _wrapper_id(child), _wrapper_type(child), position,
                                            _start_tag(child, name)))
                parts.append(child.text or "")
                _flatten_children(child, parts, codes, path)
                if name in _KEEP_CONTENT:
                    codes.append(InlineCode("close", name, _wrapper_id(child), _wrapper_type(child),
                                            sum(map(len, parts)), f"</{name}>"))
        parts.append(child.tail or "")


def _wrapper_id(element: etree._Element) -> str | None:
    """The id of a code that wraps text (``<g id>``, ``<pc id>``, TMX ``<hi x>``, ``<mrk mid>``)."""
    return element.get("id") or element.get("x") or element.get("mid")


def _wrapper_type(element: etree._Element) -> str | None:
    """What a wrapping code stands for: its ``type``/``ctype``/``mtype``, never its (translated) text."""
    return element.get("type") or element.get("ctype") or element.get("mtype") or element.get("dispStart")


def _drop_kind(element: etree._Element, name: str) -> str:
    if name == "it" or element.get("isolated") == "yes":
        return "isolated"
    if name in _OPENING:
        return "open"
    return "close" if name in _CLOSING else "standalone"


def _code(kind: str, element: etree._Element, name: str, position: int, markup: str) -> InlineCode:
    keys = _CLOSING_REF.get(name, ("id",)) if kind == "close" else _OPENING_REF if kind == "open" else _STANDALONE_REF
    ident = next((element.get(key) for key in keys if element.get(key)), None)
    native = (element.get("equiv-text") or element.get("equiv") or element.get("disp")
              or "".join(element.itertext()) or element.get("ctype") or element.get("type") or None)
    return InlineCode(kind, name, ident, native, position, markup)


def _start_tag(element: etree._Element, name: str) -> str:
    return f"<{name}{_attributes(element)}>"


def _code_point(element: etree._Element, path: str) -> str:
    value = element.get("hex", "")
    try:
        return chr(int(value, 16))
    except (ValueError, OverflowError):
        raise InputError(f"<cp hex={value!r}> is not a code point", path, element.sourceline) from None


def _inner_xml(element: etree._Element) -> str:
    parts: list[str] = [escape_xml(element.text or "")]
    for child in element:
        parts.append(_outer_xml(child))
        parts.append(escape_xml(child.tail or ""))
    return "".join(parts)


def _outer_xml(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    name = local_name(element.tag)
    attributes = _attributes(element)
    if len(element) == 0 and not element.text:
        return f"<{name}{attributes}/>"
    return f"<{name}{attributes}>{_inner_xml(element)}</{name}>"


def _attributes(element: etree._Element) -> str:
    return "".join(
        f' {_attribute_name(key)}="{escape_xml(value, quote=True)}"' for key, value in element.attrib.items())


def _attribute_name(key: str) -> str:
    if key.startswith(_XML_NS):
        return "xml:" + key[len(_XML_NS):]
    return local_name(key)
