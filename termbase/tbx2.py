"""TBX v2 (ISO 30042:2008, ``martif``): read TBX-Basic 2008 and TBX-Default, write TBX-Basic 2008.

The reader takes ``tig`` (TBX-Basic) and ``ntig/termGrp`` (TBX-Default, as MultiTerm and SDLX
export). The writer produces what OmegaT reads: no namespace, ``martif/termEntry/langSet/tig``,
valid against ``TBXBasiccoreStructV02.dtd``, ``TBXBasicRNGV02.rng`` and its embedded rules.
TBX-Basic 2008 allows customerSubset/projectSubset only on terms and external references only
on concepts and terms, so the writer moves those down or up; see ``FORMATS.md``.
"""

from __future__ import annotations

import os

from trilex.errors import InputError
from trilex.fileio import display_name
from trilex.termbase.model import PARTS_OF_SPEECH, Termbase
from trilex.termbase.tbxcore import (
    V2_NAMES,
    Dialect,
    category,
    escape_attribute,
    parse_tbx,
    read_entries,
    write_document,
)

DIALECT = Dialect(
    names=V2_NAMES,
    term_name="tig",
    parts_of_speech=PARTS_OF_SPEECH,
    concept_subsets=False,
    xref_levels={"externalCrossReference": ("term", "concept"), "xGraphic": ("concept",)},
    date_only=True,
    free_dates=True,
)


def read_tbx2(data: bytes, path: str | os.PathLike[str]) -> Termbase:
    """Read a TBX 2008 ``martif`` document (TBX-Basic ``tig`` or TBX-Default ``ntig``)."""
    name = display_name(path)
    root = parse_tbx(data, path).getroot()
    local, _ = category(root)
    if local != "martif" or root.tag.startswith("{"):
        hint = " (TBX v3; use the tbx3 format)" if local == "tbx" else ""
        raise InputError(f"not a TBX v2 file: root element is <{root.tag}>, "
                         f"expected <martif> without a namespace{hint}", name, root.sourceline)
    return read_entries(root, name, V2_NAMES, Termbase())


def write_tbx2(termbase: Termbase) -> bytes:
    """The termbase as a TBX-Basic 2008 ``martif`` document, UTF-8."""
    return write_document(
        termbase, DIALECT,
        prolog=('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',),
        root=f'<martif type="TBX-Basic" xml:lang="{escape_attribute(termbase.lang)}">',
        header="martifHeader",
        header_extra=('<encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',),
    )
