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
namespace declarations, whenever the element has any markup, for ``Segment.raw_source``/``raw_target``.
"""

from __future__ import annotations

from lxml import etree

from trilex.errors import InputError
from trilex.xmlsafe import escape_xml

#: The character standing for a standalone inline code.
PLACEHOLDER = "\ufffc"

_KEEP_CONTENT = frozenset({"g", "pc", "mrk", "hi"})
_DROP = frozenset({"bx", "ex", "bpt", "ept", "it", "sc", "ec", "sm", "em"})
_STANDALONE = frozenset({"x", "ph", "ut"})
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def local_name(tag: str) -> str:
    """``{urn:…}trans-unit`` → ``trans-unit``."""
    return tag.rpartition("}")[2]


def flatten(element: etree._Element, path: str) -> tuple[str, str | None]:
    """The checkable text of ``element`` and its inner XML as written (``None`` if plain text)."""
    if len(element) == 0:
        return element.text or "", None
    parts: list[str] = [element.text or ""]
    _flatten_children(element, parts, path)
    return "".join(parts), _inner_xml(element)


def _flatten_children(element: etree._Element, parts: list[str], path: str) -> None:
    for child in element:
        if isinstance(child, etree._Entity):
            raise InputError(f"unresolved entity reference &{child.name};", path, child.sourceline)
        if isinstance(child.tag, str):
            name = local_name(child.tag)
            if name in _STANDALONE:
                parts.append(PLACEHOLDER)
            elif name == "cp":
                parts.append(_code_point(child, path))
            elif name not in _DROP:
                parts.append(child.text or "")
                _flatten_children(child, parts, path)
        parts.append(child.tail or "")


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
    attributes = "".join(
        f' {_attribute_name(key)}="{escape_xml(value, quote=True)}"' for key, value in element.attrib.items())
    if len(element) == 0 and not element.text:
        return f"<{name}{attributes}/>"
    return f"<{name}{attributes}>{_inner_xml(element)}</{name}>"


def _attribute_name(key: str) -> str:
    if key.startswith(_XML_NS):
        return "xml:" + key[len(_XML_NS):]
    return local_name(key)
