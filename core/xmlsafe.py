"""Parsing untrusted XML safely, and escaping text for XML.

Every XML reader in trilex goes through this module. The parser never resolves entities,
never loads a DTD and never touches the network; documents whose DTD declares entities
(billion laughs, XXE) are rejected outright. ``collect_ids`` stays on: combined with
``resolve_entities=False``, turning it off makes libxml2 open external parameter entities.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from trilex.errors import InputError
from trilex.fileio import display_name, read_bytes

_PARSER_OPTIONS: dict[str, Any] = dict(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=False,
)


def escape_xml(text: str, quote: bool = False) -> str:
    """``text`` with ``&``, ``<``, ``>`` (and ``"`` when ``quote``) escaped, as XML writers spell it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def safe_parser(**overrides: Any) -> etree.XMLParser:
    """A new lxml parser with entity expansion, DTD loading and network access off."""
    return etree.XMLParser(**{**_PARSER_OPTIONS, **overrides})


def _reject_entity_declarations(tree: etree._ElementTree, name: str) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    entities = list(dtd.iterentities())
    if entities:
        raise InputError(
            f"the document type declares entities ({entities[0].name!r}); "
            "entity declarations are refused for safety", name, 1)


def _syntax_error(exc: etree.XMLSyntaxError, name: str) -> InputError:
    message = (exc.msg or str(exc)).strip()
    # lxml appends ", line N, column M"; the line is already in the prefix.
    message = message.split(", line ")[0]
    return InputError(f"malformed XML: {message}", name, exc.lineno or None)


def parse_xml(data: bytes, path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse ``data`` (the bytes of ``path``) into a tree, or raise a one-line :class:`InputError`."""
    name = display_name(path)
    if not data.strip():
        raise InputError("empty file, expected XML", name, 1)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from None
    tree = root.getroottree()
    _reject_entity_declarations(tree, name)
    return tree


def parse_xml_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read and parse an XML file (``-`` for stdin); see :func:`parse_xml`."""
    return parse_xml(read_bytes(path), path)


def iterparse_safe(source: str | os.PathLike[str] | IO[bytes], name: str,
                   events: tuple[str, ...] = ("end",), tag: str | None = None,
                   ) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from ``source`` with the safe parser options.

    The caller clears elements it has finished with, so memory stays flat. Entity
    declarations are refused before the first event is handed out: the DTD is parsed before
    any element, and entities are never expanded, so nothing declared can have taken effect.
    """
    context = etree.iterparse(source, events=events, tag=tag, **_PARSER_OPTIONS)
    checked = False
    try:
        for event, element in context:
            if not checked:
                _reject_entity_declarations(element.getroottree(), name)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from None


def root_name(data: bytes) -> str | None:
    """The local name of the root element of ``data``, parsed safely up to its start tag (past any
    comments, processing instructions and DOCTYPE, however long); ``None`` when the XML breaks,
    or is refused, before it."""
    import io

    from trilex.errors import TrilexError

    try:
        for _, element in iterparse_safe(io.BytesIO(data), "-", events=("start",)):
            tag = element.tag
            return tag.rpartition("}")[2] if isinstance(tag, str) else ""
    except TrilexError:
        return None
    return None
