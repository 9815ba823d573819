"""The translation-memory store: a small interface, and :func:`open_store` to get one.

The interface is what every backend offers; :class:`~trilex.tm.sqlite_store.SQLiteStore` (a
single file, no server) is the default, :class:`~trilex.tm.postgres_store.PostgresStore` (a
PostgreSQL server a team shares) is chosen by :func:`open_store` for a ``postgresql://`` URL.

Writers take turns: an import waits for another one into the same TM to finish, for up to
:data:`DEFAULT_WAIT` seconds (the ``TRILEX_TM_WAIT`` environment variable, or the ``wait``
argument of :func:`open_store`, sets another limit), and then gives up with
:class:`TMBusyError` (``TM is busy: another import is running``).
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType

from trilex.errors import ConfigError, TrilexError
from trilex.tm.model import TranslationUnit

#: Matches below this percentage are not reported unless asked for.
DEFAULT_MIN_SCORE = 75.0

#: How long (seconds) a writer waits for another writer of the same TM before giving up.
DEFAULT_WAIT = 600.0
#: The environment variable that sets another wait (seconds; ``0`` gives up at once).
WAIT_ENV = "TRILEX_TM_WAIT"


class TMBusyError(TrilexError):
    """Another process kept the TM locked for longer than the writer was willing to wait."""


def configured_wait(wait: float | None = None) -> float:
    """``wait``, else ``$TRILEX_TM_WAIT``, else :data:`DEFAULT_WAIT` (seconds, 0 or more)."""
    if wait is None:
        raw = os.environ.get(WAIT_ENV, "").strip()
        if not raw:
            return DEFAULT_WAIT
        try:
            wait = float(raw)
        except ValueError:
            wait = -1.0
        if not wait >= 0 or wait == float("inf"):
            raise ConfigError(f"{WAIT_ENV} must be a number of seconds (0 or more), not {raw!r}")
    elif not wait >= 0:
        raise ConfigError(f"the TM wait must be 0 seconds or more, not {wait!r}")
    return float(wait)

@dataclass(frozen=True)
class FuzzyMatch:
    """A stored unit whose segment in the query's language resembles the query.

    ``score`` is the match percentage (0–100, see :mod:`trilex.tm.fuzzy`); ``text`` is the
    matching segment as stored, in language ``lang`` (the variant's tag).
    """

    score: float
    lang: str
    text: str
    unit: TranslationUnit
    unit_id: int
    origin: str | None


@dataclass(frozen=True)
class ConcordanceHit:
    """A stored segment that contains the phrase; ``start``/``end`` locate it in ``text``
    (``None`` where normalization changed its length so it cannot be pinned down)."""

    lang: str
    text: str
    start: int | None
    end: int | None
    unit: TranslationUnit
    unit_id: int
    origin: str | None


@dataclass(frozen=True)
class StoredUnit:
    """A unit as the store keeps it: the unit itself, where it came from and when."""

    unit_id: int
    unit: TranslationUnit
    origin: str | None
    imported: str


@dataclass
class ImportResult:
    """What an import did: units ``added``, ``duplicates`` left out (``updated`` of them
    replaced an older copy), ``empty`` units without any text, and ``unreadable_dates``: date
    attributes that are not dates (kept as written; they never make a copy count as newer)."""

    origin: str
    added: int = 0
    duplicates: int = 0
    updated: int = 0
    empty: int = 0
    unreadable_dates: int = 0


@dataclass
class StoreStats:
    """Counts that describe a store."""

    units: int
    segments: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=dict)
    origins: dict[str, int] = field(default_factory=dict)
    size_bytes: int = 0
    backend: str = ""


class TMStore(ABC):
    """A translation memory: add units, look up fuzzy matches and phrases, list the units.

    Every backend deduplicates on the texts of a unit (normalized, with their languages),
    keeps each unit whole (notes, props, inline codes, dates), its origin file and import date,
    and adds a batch all-or-nothing.

    ``jobs`` is how many worker processes an import of a TMX file reads and prepares units in
    (parsing, normalization, keys, JSON; see :mod:`trilex.tm.tmx_pieces`); 1 does it all in
    this process. The result is the same either way.
    """

    jobs: int = 1

    @abstractmethod
    def add(self, units: Iterable[TranslationUnit], origin: str) -> ImportResult:
        """Add ``units`` read from ``origin`` in one transaction: if reading them fails half-way,
        the store is left exactly as it was and the error propagates."""

    @abstractmethod
    def add_stored(self, units: Iterable[StoredUnit]) -> ImportResult:
        """Add units taken from another store (``tm copy``) in one transaction, each keeping its
        own origin and import date; deduplicated like :meth:`add`. The result's ``origin`` is ``""``."""

    @abstractmethod
    def search_fuzzy(self, text: str, lang: str, min_score: float = DEFAULT_MIN_SCORE,
                     limit: int | None = 10) -> list[FuzzyMatch]:
        """Units whose ``lang`` segment matches ``text`` at ``min_score`` percent or more, best
        first (newer units first among equal scores)."""

    @abstractmethod
    def concordance(self, phrase: str, lang: str | None = None, limit: int | None = 50) -> list[ConcordanceHit]:
        """Segments (in ``lang``, or in any language) that contain ``phrase``, after normalization."""

    @abstractmethod
    def iter_units(self) -> Iterator[StoredUnit]:
        """Every stored unit, in the order they were added."""

    @abstractmethod
    def stats(self) -> StoreStats:
        """Units, segments per language, language pairs and origins."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store is, for messages: the file's path, or the server URL without its password."""

    def maintain(self) -> None:
        """Tidy the indexes after imports if they need it (a backend may have nothing to do)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; it cannot be used afterwards."""

    def __enter__(self) -> TMStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


#: URL schemes that name a PostgreSQL server.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_server_location(location: str) -> bool:
    """Whether ``location`` names a TM on a server (a URL) rather than a file."""
    return "://" in location


def open_store(location: str | os.PathLike[str], create: bool = True, wait: float | None = None,
               jobs: int = 1) -> TMStore:
    """Open the TM at ``location``: a file path opens (or, with ``create``, creates) a SQLite
    store; a ``postgresql://user@host/db`` URL a store on that server (its tables created on
    first use, with ``create``; ``?schema=NAME`` keeps several TMs in one database).

    ``wait`` is how many seconds a writer waits for another one (default: :func:`configured_wait`);
    ``jobs`` how many processes an import reads a TMX file and prepares its units in (:attr:`TMStore.jobs`).
    A new TM appears only once its first import succeeds (or when it is closed without any
    import): a failed import into a new TM leaves no file behind.

    Raises :class:`~trilex.errors.InputError` if the file is not a trilex TM,
    :class:`TMBusyError` if another writer keeps it locked too long, and
    :class:`~trilex.errors.ConfigError` for a location no backend handles.
    """
    text = os.fspath(location)
    if text.lower().startswith(POSTGRES_SCHEMES):
        from trilex.tm.postgres_store import PostgresStore

        store: TMStore = PostgresStore(text, create=create, wait=wait)
    elif is_server_location(text):
        scheme = text.split("://", 1)[0]
        raise ConfigError(f"no TM backend for {scheme}:// locations: use a file path (SQLite) "
                          "or a postgresql:// URL")
    else:
        from trilex.tm.sqlite_store import SQLiteStore

        store = SQLiteStore(text, create=create, wait=wait)
    store.jobs = max(1, jobs)
    return store
