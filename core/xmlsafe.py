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


def _undeclared_entity(log: Any, name: str) -> InputError | None:
    """The refusal of the first reference to an entity nothing declares (``&eacute;`` from a DTD
    that is never loaded), from libxml2's log: the text or attribute holding it would otherwise
    lose it without a word."""
    for entry in log:
        if entry.type_name in ("WAR_UNDECLARED_ENTITY", "ERR_UNDECLARED_ENTITY"):
            entity = entry.message.split("'")[1] if "'" in entry.message else "?"
            return InputError(f"unresolved entity reference &{entity}; (its DTD is never loaded)", name,
                              entry.line or None)
    return None


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
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from None
    tree = root.getroottree()
    _reject_entity_declarations(tree, name)
    refusal = _undeclared_entity(parser.error_log, name)
    if refusal is not None:
        entity = next(root.iter(etree.Entity), None)  # in text: its own line is the exact one
        if entity is not None:
            raise InputError(f"unresolved entity reference &{entity.name}; (its DTD is never loaded)", name,
                             entity.sourceline)
        raise refusal
    return tree


def parse_xml_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read and parse an XML file (``-`` for stdin); see :func:`parse_xml`."""
    return parse_xml(read_bytes(path), path)


#: Bytes handed to the streaming parser at a time.
FEED_BLOCK = 1 << 16


def iterparse_safe(stream: IO[bytes], name: str,
                   events: tuple[str, ...] = ("end",), tag: str | tuple[str, ...] | None = None,
                   ) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from the binary ``stream`` with the safe parser options.

    The caller clears elements it has finished with, so memory stays flat. Malformed XML is an
    :class:`InputError` naming its line, raised after every event before it has been handed out
    (the file is fed block by block; lxml 6.2's own ``iterparse`` raises first, losing the
    events parsed in the same block), except the end events lxml makes up for the elements a
    truncated file leaves open. Entity declarations are refused before the first event is
    handed out: the DTD is parsed before any element, and entities are never expanded, so
    nothing declared can have taken effect. A reference to an undeclared entity that the caller
    did not refuse on its own (one in an attribute value, which the parser drops) is refused at
    the end, from the parser's log.
    """
    parser = etree.XMLPullParser(events=events, tag=tag, **_PARSER_OPTIONS)
    checked = False
    failure: etree.XMLSyntaxError | None = None
    ended = False
    while not ended and failure is None:
        block = stream.read(FEED_BLOCK)
        ended = not block
        try:
            if ended:
                parser.close()
            else:
                parser.feed(block)
        except etree.XMLSyntaxError as exc:
            failure = exc
            if ended:  # lxml 6.2 then makes up end events for what the cut left open
                break
        for event, element in parser.read_events():
            if not checked:
                _reject_entity_declarations(element.getroottree(), name)
                checked = True
            yield event, element
    if failure is not None:
        raise _syntax_error(failure, name) from None
    refusal = _undeclared_entity(parser.feed_error_log, name)
    if refusal is not None:
        raise refusal


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
