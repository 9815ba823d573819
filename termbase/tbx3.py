"""TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style: read and write.

The writer's output is valid against the official core RNG (``TBXcoreStructV03.rng``) and the
TBX-Basic v1.2.1 DCA Schematron. ``properNoun``, which TBX-Basic v1.2.1 lacks, is written as
``noun`` plus the note ``trilex:partOfSpeech=properNoun``; the reader turns that pair back
into ``properNoun``. See ``FORMATS.md`` for what the format keeps and drops.
"""

from __future__ import annotations

import os

from trilex.errors import InputError
from trilex.fileio import display_name
from trilex.termbase.model import PARTS_OF_SPEECH, Termbase
from trilex.termbase.tbxcore import (
    TBX_NS,
    V3_NAMES,
    Dialect,
    category,
    escape_attribute,
    parse_tbx,
    read_entries,
    write_document,
)

DIALECT = Dialect(
    names=V3_NAMES,
    term_name="termSec",
    parts_of_speech=tuple(pos for pos in PARTS_OF_SPEECH if pos != "properNoun"),
    concept_subsets=True,
    xref_levels={"externalCrossReference": ("term", "language", "concept"),
                 "xGraphic": ("language", "concept")},
)


def read_tbx3(data: bytes, path: str | os.PathLike[str]) -> Termbase:
    """Read a TBX v3 document (DCA or DCT style; TBX-Basic v1.2.1 or V4 vocabulary)."""
    name = display_name(path)
    root = parse_tbx(data, path).getroot()
    local, _ = category(root)
    if local != "tbx":
        hint = " (TBX v2; use the tbx2 format)" if local == "martif" else ""
        raise InputError(f"not a TBX v3 file: root element is <{local}>, expected <tbx>{hint}",
                         name, root.sourceline)
    if root.tag.startswith("{") and not root.tag.startswith("{" + TBX_NS + "}"):
        raise InputError(f"<tbx> in the wrong namespace {root.tag[1:].split('}')[0]!r}, "
                         f"expected {TBX_NS!r}", name, root.sourceline)
    return read_entries(root, name, V3_NAMES, Termbase(), marker_notes=True)


def write_tbx3(termbase: Termbase) -> bytes:
    """The termbase as a TBX-Basic (v1.2.1) DCA document, UTF-8."""
    return write_document(
        termbase, DIALECT,
        root=(f'<tbx type="TBX-Basic" style="dca" xml:lang="{escape_attribute(termbase.lang)}"'
              f' xmlns="{TBX_NS}">'),
        header="tbxHeader",
    )
