"""TMX 1.4b: the public entry points for reading and writing translation memories.

* :func:`read_tmx` streams units from a file (see :mod:`trilex.tm.tmx_read`);
* :func:`write_tmx` writes one multilingual (or language-filtered) file and
  :func:`write_bilingual` one language pair, both streaming and atomic
  (see :mod:`trilex.tm.tmx_write`).

The model they read and write is in :mod:`trilex.tm.model`.
"""

from __future__ import annotations

from trilex.tm.tmx_read import read_tmx
from trilex.tm.tmx_write import WriteStats, write_bilingual, write_tmx

__all__ = ["WriteStats", "read_tmx", "write_bilingual", "write_tmx"]
