"""Sentence alignment of parallel documents in Thai, Chinese and English, into TM units.

:func:`align_texts` (or an :class:`Aligner`, reused for many documents) takes two plain-text
documents and returns every bead as an :class:`AlignedPair`: the source and target sentences,
the bead type (``1-1``, ``2-1``, ``1-0``…) and a confidence. :func:`to_units` turns the pairs into
:class:`~trilex.tm.model.TranslationUnit` s for a TMX file or a TM.

How (one module per step): :mod:`~trilex.lang.sentences` cuts paragraphs and sentences (Thai
into pieces with the chance of a sentence end at each space); :mod:`.anchors` finds numbers,
Latin tokens and termbase concepts; :mod:`.lengths` is the Gale–Church length cost, calibrated
per language pair; :mod:`.search` the dynamic programme over beads; :mod:`.document` aligns
paragraphs first, then the sentences inside them; :mod:`.units` builds TM units.
"""

from trilex.tm.align.document import AlignedPair, Aligner, align_texts
from trilex.tm.align.units import to_units

__all__ = ["AlignedPair", "Aligner", "align_texts", "to_units"]
