"""Bilingual documents (XLIFF, PO, TMX, CSV/TSV, parallel text) read as aligned segments.

``read_document(path)`` reads XLIFF 1.2/2.x, PO/POT, TMX, CSV and TSV; ``read_parallel``
reads two line-aligned plain-text files. Each format has its own module (``xliff``, ``po``,
``tmx``, ``delimited``, ``parallel``); ``detect`` chooses among them.
"""

from trilex.bitext.detect import FORMATS, detect_format, read_document
from trilex.bitext.model import BilingualDocument, Segment
from trilex.bitext.parallel import read_parallel

__all__ = ["FORMATS", "BilingualDocument", "Segment", "detect_format", "read_document", "read_parallel"]
