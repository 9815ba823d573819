"""The default TM store: one SQLite file, no server.

Tables: ``units`` (each unit whole, as JSON, with its dedup key, origin and dates),
``segments`` (one row per variant: plain text as written, match key — empty when it is the
text itself —, length) and the trigram index (:mod:`trilex.tm.gram_index`), its rare trigrams
packed in buckets (:mod:`trilex.tm.sqlite_grams`). The file uses
WAL journaling and records its schema version in ``PRAGMA user_version``. Every import runs
in one transaction.

Several processes may use one TM at once. Readers never wait; a writer holds the write lock
for a whole import, and another writer waits for it (SQLite's busy timeout, set to
:func:`~trilex.tm.store.configured_wait` seconds) and then gives up with
:class:`~trilex.tm.store.TMBusyError`. The schema of a TM is created in a write transaction
that looks again at the version once it holds the lock, so two processes creating the same TM
do not trip over each other.

A new TM is built in a private temporary file beside it (``.NAME.XXXX.tmp-tm``, locked by its
process for as long as it is open) and appears under its name — by a hard link, which never
replaces a file — only when its first import has succeeded: a failed import into a new TM
leaves nothing behind. If another process created the TM meanwhile, the units are added to
that one instead. Temporary files left by a killed process are removed by the next process
that creates the TM, once nothing holds them and they are a minute old.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import TypeVar

from trilex.errors import InputError, OutputError
from trilex.tm import gram_index, sqlite_grams
from trilex.tm.indexed_store import SHORT_WINDOW, IndexedStore, SegmentRecord, chunks, short_window
from trilex.tm.model import TranslationUnit, readable_tmx_date
from trilex.tm.store import WAIT_ENV, ImportResult, StoredUnit, StoreStats, TMBusyError, configured_wait
from trilex.tm.unit_codec import decode_unit
from trilex.tm.unit_keys import STORED_KEY, Placed, batches, dedup_key, newer, stored_units_prepared

#: 1: dedup keys on normalized texts; 2: on texts with their inline codes, notes and props;
#: 3: trigram counts apart from their postings, rare trigrams packed in buckets
#: (:mod:`~trilex.tm.sqlite_grams`). An older TM is read as it is and upgraded by its next
#: import or optimize: the keys of a version-1 TM are recomputed from the units, and a
#: version-2 TM's trigram table is moved into the new layout.
SCHEMA_VERSION = 3
_APPLICATION_ID = 0x54524C58  # "TRLX": marks the file as a trilex TM

_SCHEMA = """
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    dedup_key BLOB NOT NULL UNIQUE,
    origin TEXT,
    imported TEXT NOT NULL,
    changed TEXT,
    data TEXT NOT NULL
);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    lang TEXT NOT NULL,
    tag TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    length INTEGER NOT NULL
);
""" + sqlite_grams.SCHEMA

#: The short segments with all a lookup reads (see :data:`~trilex.tm.indexed_store.SHORT_WINDOW`);
#: created by the next import or optimize in a TM made before it existed.
_SHORT_INDEX = ("CREATE INDEX IF NOT EXISTS segments_short ON segments(lang, length, id, unit_id, tag, text, key) "
                f"WHERE length <= {SHORT_WINDOW}")
#: The indexes of the segments table by name. The first import into a new TM builds them after
#: its rows are in (sorting once is cheaper than inserting into three B-trees row by row).
_SEGMENT_INDEXES = {
    "segments_unit": "CREATE INDEX IF NOT EXISTS segments_unit ON segments(unit_id)",
    "segments_length": "CREATE INDEX IF NOT EXISTS segments_length ON segments(lang, length)",
    "segments_short": _SHORT_INDEX,
}
_SCHEMA += ";".join(_SEGMENT_INDEXES.values())

#: The page cache of a connection (KiB).
CACHE_KIB = 256 * 1024

#: The ending of the temporary file a new TM is built in (``.NAME.XXXXXXXX.tmp-tm``).
TEMP_SUFFIX = ".tmp-tm"
_SIDECARS = ("-wal", "-shm", "-journal")
#: SQLite takes the busy timeout in milliseconds as a C int.
_MAX_WAIT = 2_000_000.0
#: A temporary file of a new TM untouched for this long (seconds) and locked by nobody is a
#: leftover of a killed process. (Its owner locks it within milliseconds of creating it, and
#: holds the lock until the TM is in place.)
STALE_AFTER = 60.0

T = TypeVar("T")


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc)
    return "locked" in text or "busy" in text


class SQLiteStore(IndexedStore):
    """A TM in one SQLite file (see the module docstring for the layout and for concurrency).

    ``wait`` is how many seconds a writer waits for another writer before it gives up with
    :class:`~trilex.tm.store.TMBusyError` (default: ``$TRILEX_TM_WAIT``, else 600).
    """

    def __init__(self, path: str, create: bool = True, wait: float | None = None):
        self.path = path
        self.wait = min(configured_wait(wait), _MAX_WAIT)
        #: The private file a new TM is built in until it is published under ``path``.
        self._temp: str | None = None
        self._imports_tried = False
        #: The rare trigrams' postings the last frequency lookup read: ``(lang, {gram: ids})``.
        self._rare_postings: tuple[str, dict[int, bytes]] = ("", {})
        if not os.path.exists(path):
            if not create:
                raise InputError("no such TM file", path)
            self._start_temp()
            return
        if not create and os.path.isfile(path) and os.path.getsize(path) == 0:
            raise InputError("not a trilex TM file (an empty file)", path)
        self.db = self._connect(path, create)

    # -- opening, locking, publishing -----------------------------------------------------------

    @contextlib.contextmanager
    def _busy_is_an_error(self) -> Iterator[None]:
        """Turn SQLite's "database is locked" (after waiting ``self.wait``) into :class:`TMBusyError`."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            raise TMBusyError(f"TM is busy: another import is running (gave up after {self.wait:g} s; "
                              f"{WAIT_ENV}=SECONDS sets how long to wait)", self.path) from None

    def _until_not_busy(self, action: Callable[[], T]) -> T:
        """Run ``action``, again while SQLite answers "busy" before ``self.wait`` is over.

        SQLite answers "busy" at once, without waiting its busy timeout, where waiting could
        deadlock (a journal-mode change racing another connection's, a stale WAL snapshot): the
        operation is then started over rather than reported as a busy TM.
        """
        deadline = time.monotonic() + self.wait
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)

    def _connect(self, file: str, create: bool, private: bool = False) -> sqlite3.Connection:
        """A connection to ``file``, its schema created (with ``create``) or checked."""
        db = None
        try:
            with self._busy_is_an_error():
                db = sqlite3.connect(file, timeout=self.wait, isolation_level=None, check_same_thread=False)
                if private:
                    # Held until closed: nobody else can open it, or take it for a stale leftover.
                    db.execute("PRAGMA locking_mode = EXCLUSIVE")
                self._until_not_busy(lambda: self._prepare(db, create))
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            raise InputError(f"not a trilex TM file ({exc})", self.path) from None
        except BaseException:
            if db is not None:
                db.close()
            raise

    def _prepare(self, db: sqlite3.Connection, create: bool) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            if not create:
                empty = not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                raise InputError("not a trilex TM file (" + ("an empty database" if empty else
                                 "an SQLite database of something else") + ")", self.path)
            self._create_schema(db)
        else:
            application = db.execute("PRAGMA application_id").fetchone()[0]
            if application != _APPLICATION_ID:
                raise InputError("not a trilex TM file (an SQLite database of something else)", self.path)
            if version > SCHEMA_VERSION:
                raise InputError(f"TM schema version {version} is newer than this trilex understands "
                                 f"({SCHEMA_VERSION}); upgrade trilex", self.path)
        db.execute("PRAGMA synchronous = NORMAL")
        # Imports insert into large indexes all over (hashed dedup keys, every trigram): SQLite's
        # default 2 MB page cache makes that a page read per row once the TM is large.
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

    def _create_schema(self, db: sqlite3.Connection) -> None:
        """Create the tables, unless another process did while this one waited for the lock."""
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise InputError("not a trilex TM file (an SQLite database of something else)", self.path)
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif db.execute("PRAGMA application_id").fetchone()[0] != _APPLICATION_ID:
                raise InputError("not a trilex TM file (an SQLite database of something else)", self.path)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _start_temp(self) -> None:
        """Open a new private file to build the TM in. Nobody else reads it and it is thrown
        away if the import fails, so it is written without a journal and without syncs (the
        file is synced once, before it is published)."""
        self._temp = self._new_temp()
        try:
            self.db = self._connect(self._temp, create=True, private=True)
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("PRAGMA synchronous = OFF")
        except BaseException:
            _remove_files(self._temp)
            raise

    def _new_temp(self) -> str:
        """A new private file beside ``self.path`` to build the TM in."""
        folder = os.path.dirname(os.path.abspath(self.path))
        name = os.path.basename(self.path)
        _remove_stale_temps(folder, name)
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
        except OSError as exc:
            raise OutputError(f"cannot create the TM: {exc.strerror or exc}", self.path) from None
        os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o644 & ~umask)  # what SQLite gives a file it creates
        return temp

    def _publish(self) -> ImportResult | None:
        """Put the new TM in place under ``self.path`` and continue there.

        A hard link never replaces a file: if the TM appeared meanwhile (another process
        created it) or the file system has no hard links, the units built so far are added to
        the TM at ``self.path`` instead, and what that import did is returned.
        """
        temp, built = self._temp, self.db
        assert temp is not None
        built.execute("PRAGMA journal_mode = WAL")
        with open(temp, "rb+") as file:
            os.fsync(file.fileno())
        try:
            os.link(temp, self.path)
        except OSError:
            pass
        else:
            self._temp = None
            built.close()
            _remove_files(temp)
            self.db = self._connect(self.path, create=True)
            return None
        try:
            self.db = self._connect(self.path, create=True)
            self._temp = None
            if not built.execute("SELECT count(*) FROM units").fetchone()[0]:
                return None
            origin = built.execute("SELECT origin FROM units LIMIT 1").fetchone()[0]
            with self._busy_is_an_error():
                return self._add(stored_units_prepared(_stored_units(built)), origin)
        finally:
            self._temp = None
            built.close()
            _remove_files(temp)

    # -- adding -----------------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self.path

    def _add_prepared(self, prepared: Iterable[Placed | int], origin: str) -> ImportResult:
        self._imports_tried = True
        try:
            with self._busy_is_an_error():
                result = self._add(prepared, origin)
        except BaseException:
            if self._temp is not None:  # written without a journal: start the new TM over
                self._discard()
                self._start_temp()
            raise
        if self._temp is not None:
            merged = self._publish()
            if merged is not None:  # added to a TM another process created meanwhile
                result.added = merged.added
                result.duplicates += merged.duplicates
                result.updated += merged.updated
        return result

    def _add(self, prepared: Iterable[Placed | int], origin: str) -> ImportResult:
        """Add the units in one write transaction, a batch at a time: duplicates found with one
        query per 500 keys, new rows numbered here (the transaction holds the write lock)."""
        result = ImportResult(origin)
        self._until_not_busy(lambda: self.db.execute("BEGIN IMMEDIATE"))
        try:
            self._upgrade()
            building = self._temp is not None  # a new TM, nobody reads it: index the segments at the end
            for name, statement in _SEGMENT_INDEXES.items():
                self.db.execute(f"DROP INDEX IF EXISTS {name}" if building else statement)
            postings = gram_index.PostingsBuffer()
            next_unit, next_segment = self.db.execute(
                "SELECT (SELECT coalesce(max(id), 0) + 1 FROM units), "
                "(SELECT coalesce(max(id), 0) + 1 FROM segments)").fetchone()
            for batch in batches(prepared, result):
                stored = self._stored_keys(list(batch))
                unit_rows: list[tuple] = []
                segment_rows: list[tuple] = []
                for key, (unit, unit_postings, first) in batch.items():
                    unit_origin, imported, _key, changed, _unreadable, data, segments = unit
                    if key in stored:
                        result.duplicates += 1
                        unit_id, stored_changed = stored[key]
                        if newer(changed, readable_tmx_date(stored_changed)):
                            self.db.execute("UPDATE units SET data = ?, origin = ?, changed = ? WHERE id = ?",
                                            (data, unit_origin, changed, unit_id))
                            result.updated += 1
                        continue
                    unit_rows.append((next_unit, key, unit_origin, imported, changed, data))
                    if postings.add(unit_postings, first, len(segments), next_segment):
                        self._write_postings(postings)
                    for segment in segments:
                        segment_rows.append((next_segment, next_unit, *segment))
                        next_segment += 1
                    next_unit += 1
                self.db.executemany("INSERT INTO units(id, dedup_key, origin, imported, changed, data) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", unit_rows)
                self.db.executemany("INSERT INTO segments(id, unit_id, lang, tag, text, key, length) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", segment_rows)
                result.added += len(unit_rows)
            self._write_postings(postings, self._build_segment_indexes if building else None)
            self.db.execute("COMMIT")
        except BaseException:
            if self._temp is None:
                self.db.execute("ROLLBACK")
            raise
        return result

    def _stored_keys(self, keys: list[bytes]) -> dict[bytes, tuple[int, str | None]]:
        """Which of ``keys`` the TM holds already: key → (unit id, change date)."""
        found: dict[bytes, tuple[int, str | None]] = {}
        for part in chunks(keys):
            marks = ",".join("?" * len(part))
            for key, unit_id, changed in self.db.execute(
                    f"SELECT dedup_key, id, changed FROM units WHERE dedup_key IN ({marks})", part):
                found[key] = (unit_id, changed)
        return found

    def _write_postings(self, postings: gram_index.PostingsBuffer, meanwhile: Callable[[], None] | None = None) -> None:
        """Write the buffered postings as the next chunk of the trigram index. ``meanwhile``
        runs here while another thread merges the postings (numpy's sort and SQLite's work both
        let the other thread run): the end of an import does both at once."""
        if not postings.pending:
            if meanwhile is not None:
                meanwhile()
            return
        if meanwhile is None:
            runs: Iterable = postings.runs()
        else:
            with ThreadPoolExecutor(1) as pool:
                merging = pool.submit(lambda: list(postings.runs()))
                meanwhile()
                runs = merging.result()
        self._rare_postings = ("", {})  # what the last lookup read may change now
        chunk = sqlite_grams.next_chunk(self.db)
        for lang, codes, segments in runs:
            sqlite_grams.write_chunk(self.db, lang, chunk, codes, segments)

    def _build_segment_indexes(self) -> None:
        """Create the segment indexes the first import into a new TM left out while adding rows."""
        for statement in _SEGMENT_INDEXES.values():
            self.db.execute(statement)

    def _upgrade(self) -> None:
        """Bring an older TM to this version (inside the caller's write transaction)."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return
        if version < 2:
            self.db.executemany("UPDATE units SET dedup_key = ? WHERE id = ?",
                                ((dedup_key(decode_unit(data)), unit_id)
                                 for unit_id, data, _origin, _imported in _unit_rows(self.db)))
        sqlite_grams.upgrade(self.db)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def optimize(self) -> int:
        """Join the index chunks that imports wrote (one transaction); returns trigrams merged."""
        with self._busy_is_an_error():
            self._until_not_busy(lambda: self.db.execute("BEGIN IMMEDIATE"))
        try:
            self.db.execute(_SHORT_INDEX)
            self._upgrade()
            merged = sqlite_grams.merge(self.db)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        # Shrink the log if nobody is reading; never wait for readers to finish.
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(self.wait * 1000)}")
        return merged

    def fragmentation(self) -> float:
        """Index chunks per trigram on average (1.0 right after :meth:`optimize`)."""
        return sqlite_grams.fragmentation(self.db)

    # -- looking up (the queries IndexedStore builds on) -----------------------------------

    def gram_frequencies(self, lang: str, grams: list[int]) -> dict[int, int]:
        kept: dict[int, bytes] = {}
        found = sqlite_grams.frequencies(self.db, lang, grams, kept)
        self._rare_postings = (lang, kept)  # a lookup asks for some of them next
        return found

    def gram_postings(self, lang: str, grams: list[int]) -> bytes:
        kept_lang, kept = self._rare_postings
        return sqlite_grams.postings(self.db, lang, grams, kept if kept_lang == lang else None)

    def segments_by_id(self, segment_ids: list[int]) -> list[SegmentRecord]:
        rows: list[SegmentRecord] = []
        for part in chunks(segment_ids):
            marks = ",".join("?" * len(part))
            rows.extend(self.db.execute(
                f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments WHERE id IN ({marks}) ORDER BY id", part))
        rows.sort()
        return rows

    def segments_of_length(self, lang: str, low: int, high: int) -> list[SegmentRecord]:
        return self.db.execute(f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments "
                               f"WHERE lang = ? AND length BETWEEN ? AND ?{short_window(high)}",
                               (lang, low, high)).fetchall()

    def count_of_length(self, lang: str, low: int, high: int, limit: int) -> int:
        return self.db.execute("SELECT count(*) FROM (SELECT 1 FROM segments WHERE lang = ? "
                               f"AND length BETWEEN ? AND ?{short_window(high)} LIMIT ?)",
                               (lang, low, high, limit)).fetchone()[0]

    def segments_containing(self, lang: str, key: str, limit: int | None) -> list[SegmentRecord]:
        sql = (f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments "
               f"WHERE lang = ? AND instr({STORED_KEY}, ?) > 0 ORDER BY id")
        args: list = [lang, key]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return self.db.execute(sql, args).fetchall()

    def units_by_id(self, unit_ids: list[int]) -> dict[int, tuple[TranslationUnit, str | None]]:
        found: dict[int, tuple[TranslationUnit, str | None]] = {}
        for part in chunks(set(unit_ids)):
            marks = ",".join("?" * len(part))
            for unit_id, data, origin in self.db.execute(
                    f"SELECT id, data, origin FROM units WHERE id IN ({marks})", part):
                found[unit_id] = (decode_unit(data), origin)
        return found

    def change_dates(self, unit_ids: list[int]) -> dict[int, str | None]:
        found: dict[int, str | None] = {}
        for part in chunks(unit_ids):
            marks = ",".join("?" * len(part))
            found.update(self.db.execute(f"SELECT id, changed FROM units WHERE id IN ({marks})", part))
        return found

    def languages(self) -> list[str]:
        return [lang for (lang,) in self.db.execute("SELECT DISTINCT lang FROM segments ORDER BY lang")]

    # -- listing ----------------------------------------------------------------------------

    def iter_units(self) -> Iterator[StoredUnit]:
        return _stored_units(self.db)

    def stats(self) -> StoreStats:
        units = self.db.execute("SELECT count(*) FROM units").fetchone()[0]
        segments = dict(self.db.execute("SELECT lang, count(*) FROM segments GROUP BY lang ORDER BY lang"))
        pairs = {
            f"{first}:{second}": count for first, second, count in self.db.execute(
                "SELECT a.lang, b.lang, count(DISTINCT a.unit_id) FROM segments a "
                "JOIN segments b ON a.unit_id = b.unit_id AND a.lang < b.lang GROUP BY a.lang, b.lang")
        }
        origins = dict(self.db.execute(
            "SELECT coalesce(origin, ''), count(*) FROM units GROUP BY origin ORDER BY origin"))
        file = self._temp or self.path
        size = sum(os.path.getsize(name) for name in (file, file + "-wal") if os.path.exists(name))
        return StoreStats(units, segments, pairs, origins, size, f"SQLite {sqlite3.sqlite_version}")

    def close(self) -> None:
        """Close the TM. A new TM that was never imported into appears now (empty); one whose
        imports all failed is not created."""
        if self._temp is None:
            self.db.close()
        elif self._imports_tried:
            self._discard()
        else:
            try:
                self._publish()
            finally:
                self.db.close()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is not None and self._temp is not None:
            self._discard()  # a new TM whose ``with`` block failed is not created
        self.close()

    def _discard(self) -> None:
        temp, self._temp = self._temp, None
        self.db.close()
        if temp is not None:
            _remove_files(temp)


def _unit_rows(db: sqlite3.Connection) -> Iterator[tuple[int, str, str | None, str]]:
    """``(id, data, origin, imported)`` of every unit, in the order they were added."""
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, data, origin, imported FROM units WHERE id > ? ORDER BY id LIMIT 1000", (last,)).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _stored_units(db: sqlite3.Connection) -> Iterator[StoredUnit]:
    for unit_id, data, origin, imported in _unit_rows(db):
        yield StoredUnit(unit_id, decode_unit(data), origin, imported)


def _remove_files(database: str) -> None:
    """Remove ``database`` and the files SQLite keeps beside it, those that exist."""
    for name in (database, *(database + sidecar for sidecar in _SIDECARS)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def _remove_stale_temps(folder: str, name: str) -> None:
    """Remove the temporary files of new TMs named ``name`` that processes killed while
    creating them left behind: untouched for :data:`STALE_AFTER` seconds and locked by nobody."""
    pattern = os.path.join(glob.escape(folder), glob.escape(f".{name}.") + "*" + TEMP_SUFFIX)
    for temp in glob.glob(pattern):
        try:
            touched = max(os.path.getmtime(file) for file in (temp, temp + "-wal") if os.path.exists(file))
            if time.time() - touched < STALE_AFTER:
                continue
            probe = sqlite3.connect(temp, timeout=0, isolation_level=None)
        except (OSError, ValueError, sqlite3.Error):
            continue
        try:
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                if _is_busy(exc):
                    continue  # its process is still building it
            _remove_files(temp)  # while this process holds it
        except OSError:
            continue
        finally:
            probe.close()
        with contextlib.suppress(OSError):
            _remove_files(temp)
