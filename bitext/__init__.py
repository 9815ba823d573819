"""Bilingual documents (XLIFF, PO, TMX, CSV/TSV, parallel text) read as aligned segments."""

from trilex.bitext.model import BilingualDocument, Segment

__all__ = ["BilingualDocument", "Segment"]
