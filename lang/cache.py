"""A per-user disk cache for structures that are slow to build and fixed for given versions.

The Thai dictionary structures (the automaton the matcher checks word boundaries with, the
prefix dictionary ``newmm`` segments with) take about a second to build from PyThaiNLP's word
list but load from a pickle in a few hundredths of a second, which is what makes a one-file
check start quickly.

Where: ``$TRILEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/trilex``, else ``~/.cache/trilex``; set
``TRILEX_CACHE_DIR`` to an empty string to turn the cache off. Entries are keyed by what they
were built from (trilex and PyThaiNLP versions, a content hash), written atomically, and read
only from a folder the current user owns that nobody else can write to (a pickle runs code when
loaded). A missing, stale or broken entry is rebuilt; a cache that cannot be written is skipped;
only the newest few entries of each kind are kept.

A loaded entry is unpickled with the garbage collector paused and then frozen (:func:`gc.freeze`)
with everything else alive at that moment: it stays for the run, and the collector's passes
would otherwise walk its millions of objects again and again. Frozen objects are still freed by
reference counting; a long-running process that loads many entries can call :func:`gc.unfreeze`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from trilex.gc_pause import paused_gc

T = TypeVar("T")

CACHE_ENV = "TRILEX_CACHE_DIR"
#: Entries kept per kind of cached object (e.g. the last few termbases checked).
KEEP = 4


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when caching is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trilex"


def _trusted(folder: Path) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owned and stat.S_ISDIR(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The object cached under ``name`` for ``key``, or ``build()`` (then stored for next time)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}.pickle"
    if _trusted(folder):
        try:
            # A cached index of 100,000 concepts is millions of objects that stay for the run:
            # the collector's passes over them would take two thirds of the load, and the
            # first pass after it as long again, so they are loaded with it paused and then
            # left out of its passes (frozen).
            with open(path, "rb") as handle, paused_gc(freeze=True):
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            pass
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: object) -> None:
    from trilex.fileio import write_bytes
    from trilex.errors import TrilexError

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _trusted(folder):
            write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            _prune(folder, path.name.rsplit("-", 1)[0])
    except (OSError, TrilexError, pickle.PicklingError):
        pass  # a cache that cannot be written only costs time


def _prune(folder: Path, name: str) -> None:
    """Keep the :data:`KEEP` newest entries of ``name`` (old versions, old termbases) and delete the rest."""
    entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
