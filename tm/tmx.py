"""TMX 1.4b: the public entry points for reading and writing translation memories.

:func:`read_tmx` streams units from a file (see :mod:`trilex.tm.tmx_read`).
"""

from __future__ import annotations

from trilex.tm.tmx_read import read_tmx

__all__ = ["read_tmx"]
