"""Aligned pairs as TM units, with their confidence and bead type as props."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from trilex.tm.align.document import AlignedPair
from trilex.tm.model import Note, Prop, TranslationUnit, Variant

#: The prop holding an aligned unit's confidence (0..1, four decimals).
CONFIDENCE_PROP = "x-trilex-align-confidence"
#: The prop holding its bead type (``1-1``, ``2-1``…: sentences on each side).
BEAD_PROP = "x-trilex-align-bead"


def to_units(pairs: Iterable[AlignedPair], source_lang: str, target_lang: str,
             origin: tuple[str, str] | None = None) -> Iterator[TranslationUnit]:
    """A unit per pair with text on both sides (1-0 and 0-1 beads are left out). ``origin``,
    the two file names, goes into a note on each unit."""
    for pair in pairs:
        if not pair.is_pair:
            continue
        notes = []
        if origin is not None:
            notes.append(Note(f"aligned from {origin[0]}:{pair.source_line} and {origin[1]}:{pair.target_line}"))
        yield TranslationUnit(
            variants=[Variant(source_lang, [pair.source]), Variant(target_lang, [pair.target])],
            notes=notes,
            props=[Prop(CONFIDENCE_PROP, f"{pair.confidence:.4f}"), Prop(BEAD_PROP, pair.bead)],
            srclang=source_lang)
