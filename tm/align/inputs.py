"""Reading the documents to align: plain text in one language per file.

A document is plain text (UTF-8, or UTF-16 with a BOM), paragraphs separated by blank lines or
one per line (:func:`trilex.lang.sentences.paragraphs`). The document formats trilex reads
otherwise (XLIFF, PO, TMX, CSV/TSV, TBX) hold a source and its translation side by side: they
are aligned already, and are refused here with a pointer to ``trilex tm import``. So are XML
and HTML files, binary files and files with no text.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

from trilex.errors import InputError
from trilex.fileio import display_name, read_text

#: Endings of the bilingual formats trilex reads (they are imported, not aligned).
BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".pot", ".tmx", ".csv", ".tsv", ".tab",
                      ".tbx")
_MARKUP = re.compile(r"\A\ufeff?\s*<(?:\?xml|!DOCTYPE|html|[A-Za-z][\w:.-]*[\s>/])", re.IGNORECASE)


def read_document_text(path: str | os.PathLike[str]) -> str:
    """The text of one document to align (``-`` for stdin), with one-line errors naming the
    file (and line) for what cannot be aligned."""
    name = display_name(path)
    suffix = PurePath(name).suffix.lower()
    if suffix in BILINGUAL_SUFFIXES:
        raise InputError(f"{suffix[1:].upper()} holds both languages already: import it with "
                         "'trilex tm import' (align reads plain text, one language per file)", name)
    text = read_text(path)
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError("a NUL character: this is not a text file", name, text.count("\n", 0, nul) + 1)
    if _MARKUP.match(text):
        raise InputError("markup (XML/HTML): align reads plain text, one language per file", name, 1)
    if not text.strip():
        raise InputError("empty: no text to align", name)
    return text
