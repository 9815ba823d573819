"""Loading and saving termbases in any supported format: TBX v3, TBX v2, CSV, TSV.

The format comes from the ``format`` argument, else from the file extension, else (for
``.tbx``/``.xml`` files and stdin) from the content: a root element ``<tbx>`` is TBX v3,
``<martif>`` TBX v2, anything that is not XML a CSV (TSV when the first line has tabs and no
commas). The root element is found by parsing up to it, however long the comments, DOCTYPE
or processing instructions before it are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from trilex.errors import InputError
from trilex.fileio import display_name, read_bytes, write_bytes
from trilex.termbase.model import Termbase
from trilex.xmlsafe import root_name

FORMATS = ("tbx3", "tbx2", "csv", "tsv")
_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_SKIPPABLE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S)


def _head_as_utf8(data: bytes) -> bytes:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def sniff_format(data: bytes) -> str | None:
    """``tbx3``, ``tbx2``, ``csv`` or ``tsv`` judged from the content; ``None`` for other XML."""
    head = _head_as_utf8(data)
    position = 0
    while True:
        skipped = _SKIPPABLE.match(head, position)
        if skipped is None:
            break
        position = skipped.end()
    rest = head[position:].lstrip()
    if rest.startswith(b"<"):
        found = root_name(data)
        if found is None:  # malformed or hostile: the start of the file decides, the reader refuses
            root = _ROOT.match(rest)
            name = root.group(1) if root else b""
        else:
            name = found.encode("utf-8")
        return {b"tbx": "tbx3", b"martif": "tbx2"}.get(name)
    first_line = rest.split(b"\n", 1)[0]
    return "tsv" if b"\t" in first_line and b"," not in first_line else "csv"


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format an extension names (``.csv``, ``.tsv``); ``None`` if the content must tell."""
    return _EXTENSIONS.get(Path(str(path)).suffix.lower())


def parse(data: bytes, path: str | os.PathLike[str], format: str | None = None) -> Termbase:
    """Read termbase ``data`` (the bytes of ``path``) in ``format`` (sniffed when ``None``)."""
    chosen = format or format_for_path(path) or sniff_format(data)
    if chosen in ("csv", "tsv") and format is None and str(path).lower().endswith(".tbx") and data.strip():
        raise InputError("not a termbase: a .tbx file must be XML (TBX v3 <tbx> or TBX v2 <martif>)",
                         display_name(path), 1)
    if chosen == "tbx3":
        from trilex.termbase.tbx3 import read_tbx3
        return read_tbx3(data, path)
    if chosen == "tbx2":
        from trilex.termbase.tbx2 import read_tbx2
        return read_tbx2(data, path)
    if chosen in ("csv", "tsv"):
        from trilex.termbase.csvfile import read_csv
        return read_csv(data, path, "\t" if chosen == "tsv" else None)
    if chosen is None:
        from trilex.xmlsafe import parse_xml
        parse_xml(data, path)  # malformed or hostile XML gets its own message
        raise InputError("not a termbase: XML whose root is neither <tbx> (TBX v3) nor "
                         "<martif> (TBX v2)", display_name(path), 1)
    raise InputError(f"unknown termbase format {chosen!r} (known: {', '.join(FORMATS)})",
                     display_name(path))


def load(path: str | os.PathLike[str], format: str | None = None) -> Termbase:
    """Read the termbase at ``path`` (``-`` for stdin) in ``format`` or the detected format."""
    return parse(read_bytes(path), path, format)


def load_many(paths: Iterable[str | os.PathLike[str]]) -> Termbase:
    """Read several termbases and merge them, in order, into one."""
    merged = Termbase()
    for index, path in enumerate(paths):
        termbase = load(path)
        if index == 0:
            merged.title, merged.source_desc, merged.lang = (
                termbase.title, list(termbase.source_desc), termbase.lang)
        merged.merge(termbase)
    return merged


def serialize(termbase: Termbase, format: str) -> bytes:
    """The termbase in ``format`` as bytes (UTF-8)."""
    if format == "tbx3":
        from trilex.termbase.tbx3 import write_tbx3
        return write_tbx3(termbase)
    if format == "tbx2":
        from trilex.termbase.tbx2 import write_tbx2
        return write_tbx2(termbase)
    if format in ("csv", "tsv"):
        from trilex.termbase.csvfile import write_csv
        return write_csv(termbase, "\t" if format == "tsv" else ",").encode("utf-8")
    raise ValueError(f"unknown termbase format {format!r} (known: {', '.join(FORMATS)})")


def save(termbase: Termbase, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write ``termbase`` to ``path`` atomically (``-`` for stdout).

    The format is ``format``, else the extension's (``.csv``, ``.tsv``), else TBX v3.
    """
    chosen = format or format_for_path(path) or "tbx3"
    data = serialize(termbase, chosen)
    write_bytes(path, data)


def bundled_path() -> Path:
    """The termbase shipped with trilex, ``termbase/data/seed.tbx`` (it may not exist yet)."""
    return Path(str(resources.files("trilex.termbase").joinpath("data", "seed.tbx")))
