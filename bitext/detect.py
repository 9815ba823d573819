"""Choosing the reader for a file: by the format named, else the extension, else the content.

Readers are imported when first used, so importing :mod:`trilex.bitext` stays cheap.
"""

from __future__ import annotations

import codecs
import importlib
import re
from pathlib import PurePath

from trilex.bitext.model import BilingualDocument
from trilex.errors import ConfigError, InputError
from trilex.fileio import display_name, read_bytes
from trilex.xmlsafe import root_name

#: The formats :func:`read_document` reads (parallel text needs two files: :func:`read_parallel`).
FORMATS = ("xliff", "po", "tmx", "csv", "tsv")

_READERS = {
    "xliff": ("trilex.bitext.xliff", "read_xliff"),
    "po": ("trilex.bitext.po", "read_po"),
    "tmx": ("trilex.bitext.tmx", "read_tmx"),
    "csv": ("trilex.bitext.delimited", "read_csv"),
    "tsv": ("trilex.bitext.delimited", "read_tsv"),
}
_EXTENSIONS = {".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mqxliff": "xliff",
               ".po": "po", ".pot": "po", ".tmx": "tmx", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
_PO_KEYWORD = re.compile(r"^\s*(?:msgctxt|msgid)\s+\"", re.MULTILINE)
_SNIFF_BYTES = 4096


def read_document(path: str, format: str | None = None, source_lang: str | None = None,
                  target_lang: str | None = None, *, include_fuzzy: bool = False) -> BilingualDocument:
    """Read a bilingual file (``-`` for stdin) as a :class:`BilingualDocument`.

    ``format`` is one of :data:`FORMATS`; by default it comes from the extension (``.xlf``,
    ``.xliff``, ``.sdlxliff``, ``.mqxliff``, ``.po``, ``.pot``, ``.tmx``, ``.csv``, ``.tsv``,
    ``.tab``), else from the content.
    ``source_lang``/``target_lang`` fill in or select the language pair where the file does not
    fix it (see each reader). ``include_fuzzy`` keeps fuzzy PO entries.
    """
    if format is not None and format not in FORMATS:
        raise ConfigError(f"unknown bilingual format {format!r}; choose from {', '.join(FORMATS)}")
    data = read_bytes(path)
    chosen = format or detect_format(path, data)
    module_name, function_name = _READERS[chosen]
    reader = getattr(importlib.import_module(module_name), function_name)
    if chosen == "po":
        return reader(path, source_lang, target_lang, include_fuzzy=include_fuzzy, data=data)
    return reader(path, source_lang, target_lang, data=data)


def detect_format(path: str, data: bytes) -> str:
    """The format of ``path`` from its extension, else from the start of ``data``."""
    name = display_name(path)
    suffix = PurePath(name).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if suffix == ".txt":
        raise InputError("plain text is read as a parallel pair: give the source and the target file",
                         name, 1)
    head = _head_text(data)
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        root = root_name(data)  # the root element, past comments and a DOCTYPE of any length
        if root is None:  # XML that breaks before its root: the start decides, the reader refuses
            root = "xliff" if "<xliff" in head else "tmx" if "<tmx" in head else ""
        if root in ("xliff", "tmx"):
            return root
        raise InputError(f"XML that is neither XLIFF nor TMX (the root element is <{root}>)" if root
                         else "XML that is neither XLIFF nor TMX", name, 1)
    if _PO_KEYWORD.search(head):
        return "po"
    first_line = stripped.split("\n", 1)[0]
    if "\t" in first_line:
        return "tsv"
    if "," in first_line:
        return "csv"
    raise InputError(f"cannot tell the file format: name it ({', '.join(FORMATS)}), "
                     "e.g. trilex check --input-format po", name, 1)


def _head_text(data: bytes) -> str:
    head = data[:_SNIFF_BYTES]
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    return head.decode(encoding, errors="replace")
