"""trilex: terminology and translation memory for Thai, Chinese and English.

The library API lives in the subpackages:

* :mod:`trilex.termbase` – the concept-oriented termbase model and its TBX/CSV formats.
* :mod:`trilex.lang` – text normalization, script splitting, word boundaries, term matching.
* :mod:`trilex.bitext` – bilingual documents (XLIFF, PO, TMX, CSV/TSV, parallel text) as segments.
* :mod:`trilex.check` – term checks, findings and reporters.
* :mod:`trilex.tm` – TMX and the translation-memory store.
* :mod:`trilex.cli` – the ``trilex`` command, a thin layer over the above.
"""

from trilex.errors import InputError, TrilexError

__version__ = "0.1.0"

__all__ = ["InputError", "TrilexError", "__version__"]
