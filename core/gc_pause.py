"""Pausing Python's cyclic garbage collector while trilex builds many objects that stay.

Reading a termbase, a batch of documents or a TMX file allocates millions of small objects and
no reference cycles; each of the collector's passes walks all of them again, which costs a
third of the time of a large read. :func:`paused_gc` turns it off for such a stretch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside (unless it was off already, it is back on after).

    With ``freeze``, what exists at the end is moved out of later collections
    (:func:`gc.freeze`): for a model that is read once and kept for the rest of the run.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        if freeze:
            gc.freeze()
