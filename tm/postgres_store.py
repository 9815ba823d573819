"""A TM a team shares: tables in a PostgreSQL database (psycopg 3).

``postgresql://user@host:5432/db`` (or ``postgres://``; every libpq parameter works in the
query, e.g. ``?host=/run/postgresql`` for a Unix socket, ``?sslmode=require``) names the
database; the TM's tables live in the schema ``trilex`` there, or in the one ``?schema=NAME``
names, so one database can hold several TMs. The schema and its tables are created by the first
import (in its transaction: a failed first import leaves nothing) and carry a version (table ``meta``): a TM written by a newer trilex is refused, one written by
an older trilex is upgraded, and a schema of the same name holding other tables is refused
rather than misread.

The layout is the SQLite store's (``units`` with a unique dedup key, ``segments``, trigram
``grams`` with packed ``uint32`` posting lists as ``bytea``) and so are the lookups
(:class:`~trilex.tm.indexed_store.IndexedStore`). Why not ``pg_trgm``: in a database with the
C locale it extracts no trigram at all from Thai or Chinese letters, and under ``C.UTF-8`` it
splits Thai words at every combining vowel and tone mark (``ศูนย์ข้อมูล`` becomes fragments).

Many users at once: searches never wait (MVCC). An import is one transaction — all of it
lands or none — and imports into one TM take turns through a transaction-level advisory lock:
the second waits (up to :func:`~trilex.tm.store.configured_wait` seconds, then
:class:`~trilex.tm.store.TMBusyError`). Rows arrive by ``COPY``; duplicates are found by the
database (``INSERT … ON CONFLICT (dedup_key) DO NOTHING`` against the unique constraint), so a
duplicate can never be stored twice, whatever else writes to the tables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from types import TracebackType
from urllib.parse import unquote, urlsplit, urlunsplit

from trilex.errors import ConfigError, InputError
from trilex.tm import gram_index
from trilex.tm.indexed_store import SHORT_WINDOW, IndexedStore, SegmentRecord, short_window
from trilex.tm.location import public_location
from trilex.tm.model import TranslationUnit
from trilex.tm.store import (
    DEFAULT_MIN_SCORE, WAIT_ENV, ConcordanceHit, FuzzyMatch, ImportResult, StoredUnit, StoreStats, TMBusyError,
    configured_wait,
)
from trilex.tm.unit_codec import decode_unit
from trilex.tm.unit_keys import STORED_KEY, Placed, batches

#: The version of the tables this trilex writes (``meta.schema_version``).
SCHEMA_VERSION = 1
#: ``meta.application``: marks a schema as a trilex TM.
APPLICATION = "trilex-tm"
#: The schema the tables go in unless the URL says ``?schema=NAME``.
DEFAULT_SCHEMA = "trilex"
#: Posting lists hold segment ids as ``uint32``.
_MAX_SEGMENT_ID = 2**32 - 1

_TABLES = """
CREATE TABLE meta (name text PRIMARY KEY, value text NOT NULL);
CREATE TABLE units (
    id bigint PRIMARY KEY,
    dedup_key bytea NOT NULL UNIQUE,
    origin text,
    imported text NOT NULL,
    changed text COLLATE "C",
    data text NOT NULL
);
CREATE TABLE segments (
    id bigint PRIMARY KEY,
    unit_id bigint NOT NULL REFERENCES units(id),
    lang text NOT NULL,
    tag text NOT NULL,
    text text NOT NULL,
    key text NOT NULL,
    length integer NOT NULL
);
CREATE INDEX segments_unit ON segments(unit_id);
CREATE INDEX segments_length ON segments(lang, length);
{short_index};
CREATE TABLE grams (
    lang text NOT NULL,
    gram bigint NOT NULL,
    chunk bigint NOT NULL,
    count integer NOT NULL,
    postings bytea NOT NULL,
    PRIMARY KEY (lang, gram, chunk)
);
ALTER TABLE grams ALTER COLUMN postings SET STORAGE EXTERNAL;
"""
#: The short segments with all a lookup reads (see :data:`~trilex.tm.indexed_store.SHORT_WINDOW`);
#: created by the next import or optimize in a TM made before it existed.
_SHORT_INDEX = ("CREATE INDEX IF NOT EXISTS segments_short ON segments(lang, length) "
                f"INCLUDE (id, unit_id, tag, text, key) WHERE length <= {SHORT_WINDOW}")
_TABLES = _TABLES.format(short_index=_SHORT_INDEX)
_OWN_TABLES = {"meta", "units", "segments", "grams"}

_STAGING = """
CREATE TEMP TABLE staging (
    seq integer NOT NULL,
    dedup_key bytea NOT NULL,
    origin text,
    imported text NOT NULL,
    changed text COLLATE "C",
    data text NOT NULL
) ON COMMIT DROP
"""


def connection_settings(url: str) -> tuple[str, str]:
    """The libpq connection URL (without trilex's ``schema`` parameter) and the schema name.

    The query is kept as written (libpq reads ``+`` as a plus sign, not as a space).
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ConfigError(f"not a usable TM URL ({exc}): {public_location(url)}") from None
    schema = DEFAULT_SCHEMA
    kept = []
    for field in parts.query.split("&") if parts.query else []:
        name, _, value = field.partition("=")
        if unquote(name) == "schema":
            schema = unquote(value)
        else:
            kept.append(field)
    if not schema or len(schema.encode("utf-8")) > 63 or "\x00" in schema:
        raise ConfigError(f"not a usable schema name in the TM URL: {schema!r}")
    return urlunsplit(parts._replace(query="&".join(kept))), schema


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class PostgresStore(IndexedStore):
    """A TM in a PostgreSQL database (see the module docstring for the layout and for concurrency)."""

    def __init__(self, url: str, create: bool = True, wait: float | None = None):
        self._location = public_location(url)
        self.wait = configured_wait(wait)
        conninfo, self.schema = connection_settings(url)
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a PostgreSQL TM needs psycopg: pip install 'trilex[postgres]'") from None
        self._errors = psycopg.errors
        self._driver_error = psycopg.Error
        #: Set while the TM's tables do not exist yet: the first import creates them in its own
        #: transaction, so a failed first import leaves nothing behind (as a new SQLite TM).
        self._pending = False
        self._imports_tried = False
        try:
            self.db = psycopg.connect(conninfo, autocommit=True, application_name="trilex")
        except psycopg.Error as exc:
            raise InputError(f"cannot connect to the TM server: {_first_line(exc)}", self._location) from None
        try:
            with self._server_errors():
                self.db.execute(f"SET search_path TO {_quoted(self.schema)}")
                self._prepare(create)
        except BaseException:
            self.db.close()
            raise

    @property
    def location(self) -> str:
        return self._location

    # -- schema -----------------------------------------------------------------------------

    def _prepare(self, create: bool) -> None:
        version = self._version()
        if version is None:
            if not create:
                raise InputError(f"no trilex TM here (the database has no schema {self.schema!r} "
                                 "with trilex's tables)", self._location)
            self._pending = True
            return
        if version > SCHEMA_VERSION:
            raise InputError(f"TM schema version {version} is newer than this trilex understands "
                             f"({SCHEMA_VERSION}); upgrade trilex", self._location)

    def _version(self) -> int | None:
        """The TM's schema version; ``None`` if the schema holds no TM yet. Raises
        :class:`~trilex.errors.InputError` for a schema that holds something else."""
        tables = self._tables()
        if not tables:
            return None
        foreign = f"the schema {self.schema!r} holds tables that are not a trilex TM"
        if "meta" not in tables:
            raise InputError(foreign, self._location)
        try:
            rows = dict(self.db.execute("SELECT name, value FROM meta"))
        except self._errors.Error:
            raise InputError(foreign, self._location) from None
        if rows.get("application") != APPLICATION or not str(rows.get("schema_version", "")).isdigit():
            raise InputError(foreign, self._location)
        return int(rows["schema_version"])

    def _tables(self) -> set[str]:
        """The tables in the TM's schema (from the catalog: a role without rights on them sees them too)."""
        return {name for (name,) in self.db.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind IN ('r', 'p')", (self.schema,))}

    def _create_tables(self) -> None:
        """Create the schema and tables (inside :meth:`_write`, which serializes creators)."""
        self.db.execute(f"CREATE SCHEMA IF NOT EXISTS {_quoted(self.schema)}")
        if self._tables() & _OWN_TABLES:
            raise InputError(f"the schema {self.schema!r} holds tables that are not a trilex TM", self._location)
        for statement in _TABLES.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute("INSERT INTO meta(name, value) VALUES ('application', %s), ('schema_version', %s)",
                        (APPLICATION, str(SCHEMA_VERSION)))

    def _add_short_index(self) -> None:
        """Create the index of short segments in a TM made before it existed (inside :meth:`_write`;
        only when it is missing: even ``IF NOT EXISTS`` needs the table's owner)."""
        if self.db.execute("SELECT to_regclass('segments_short')").fetchone()[0] is None:
            self.db.execute(_SHORT_INDEX)

    def _ready(self) -> bool:
        """Whether the TM's tables exist (another process may have created them meanwhile)."""
        if self._pending and self._version() is not None:
            self._pending = False
        return not self._pending

    @contextlib.contextmanager
    def _server_errors(self) -> Iterator[None]:
        """Turn what the server or the driver raises (lost connection, no privilege, data the
        server refuses) into an :class:`~trilex.errors.InputError` naming the TM."""
        try:
            yield
        except self._driver_error as exc:
            raise InputError(f"the TM server: {_first_line(exc)}", self._location) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction holding this TM's writer lock (waits ``self.wait`` for another writer);
        creates the tables first if this is the TM's first import."""
        with self._server_errors(), self.db.transaction():
            if not self._lock():
                raise TMBusyError(f"TM is busy: another import is running (gave up after {self.wait:g} s; "
                                  f"{WAIT_ENV}=SECONDS sets how long to wait)", self._location)
            if self._pending and self._version() is None:
                self._create_tables()
            yield
        self._pending = False

    def _lock(self) -> bool:
        """Take the TM's writer lock for this transaction; ``False`` if ``self.wait`` ran out."""
        name = f"trilex-tm:{self.schema}"
        if self.wait == 0:
            return self.db.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", (name,)).fetchone()[0]
        self.db.execute(f"SET LOCAL lock_timeout = '{max(1, round(self.wait * 1000))}ms'")
        try:
            with self.db.transaction():  # a savepoint: a timeout leaves the transaction usable
                self.db.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (name,))
        except self._errors.LockNotAvailable:
            return False
        self.db.execute("SET LOCAL lock_timeout = 0")
        return True

    # -- adding -----------------------------------------------------------------------------

    def _add_prepared(self, prepared: Iterable[Placed | int], origin: str) -> ImportResult:
        """Add the units in one transaction, a batch at a time: staged by ``COPY``, deduplicated
        by the unique constraint, their segments and postings copied in after them."""
        result = ImportResult(origin)
        self._imports_tried = True
        with self._write():
            self._add_short_index()
            self.db.execute(_STAGING)
            postings = gram_index.PostingsBuffer()
            next_unit, next_segment = self.db.execute(
                "SELECT (SELECT coalesce(max(id), 0) + 1 FROM units), "
                "(SELECT coalesce(max(id), 0) + 1 FROM segments)").fetchone()
            for batch in batches(prepared, result):
                units = list(batch.values())
                with self.db.cursor() as cursor:
                    with cursor.copy("COPY staging (seq, dedup_key, origin, imported, changed, data) FROM STDIN") as copy:
                        for seq, ((unit_origin, imported, key, changed, _unreadable, data, _segments), _postings,
                                  _first) in enumerate(units):
                            copy.write_row((seq, key, unit_origin, imported, changed, data))
                    cursor.execute(
                        "INSERT INTO units(id, dedup_key, origin, imported, changed, data) "
                        "SELECT %s + seq, dedup_key, origin, imported, changed, data FROM staging ORDER BY seq "
                        "ON CONFLICT (dedup_key) DO NOTHING RETURNING id", (next_unit,))
                    added = sorted(unit_id - next_unit for (unit_id,) in cursor.fetchall())
                    cursor.execute(
                        "UPDATE units SET data = s.data, origin = s.origin, changed = s.changed FROM staging s "
                        "WHERE units.dedup_key = s.dedup_key AND units.id <> %s + s.seq "
                        "AND s.changed IS NOT NULL AND (units.changed IS NULL OR s.changed > units.changed)",
                        (next_unit,))
                    result.updated += cursor.rowcount
                    result.duplicates += len(units) - len(added)
                    result.added += len(added)
                    with cursor.copy("COPY segments (id, unit_id, lang, tag, text, key, length) FROM STDIN") as copy:
                        for seq in added:
                            unit, unit_postings, first = units[seq]
                            segments = unit[6]
                            if next_segment + len(segments) - 1 > _MAX_SEGMENT_ID:
                                raise InputError("the TM is full (2**32 segments)", self._location)
                            postings.add(unit_postings, first, len(segments), next_segment)
                            for segment in segments:
                                copy.write_row((next_segment, next_unit + seq, *segment))
                                next_segment += 1
                    cursor.execute("TRUNCATE staging")
                if postings.pending >= gram_index.FLUSH_SEGMENTS:
                    self._write_postings(postings)
                next_unit += len(units)
            self._write_postings(postings)
        return result

    def _write_postings(self, postings: gram_index.PostingsBuffer) -> None:
        """Copy the buffered postings in as the next chunk of the trigram table."""
        if not postings.pending:
            return
        chunk = self.db.execute("SELECT coalesce(max(chunk), -1) + 1 FROM grams").fetchone()[0]
        with self.db.cursor() as cursor:
            with cursor.copy("COPY grams (lang, gram, chunk, count, postings) FROM STDIN") as copy:
                for row in postings.rows(chunk):
                    copy.write_row(row)

    def fragmentation(self) -> float:
        """Index chunks per trigram on average (1.0 right after :meth:`optimize`)."""
        with self._server_errors():
            if not self._ready():
                return 1.0
            rows, grams = self.db.execute(
                "SELECT count(*), (SELECT count(*) FROM (SELECT 1 FROM grams GROUP BY lang, gram) AS g) FROM grams"
            ).fetchone()
        return rows / grams if grams else 1.0

    def optimize(self) -> int:
        """Join each trigram's chunks into one (one transaction), then vacuum the index tables;
        returns trigrams merged."""
        if not self._ready():
            return 0
        with self._write():
            self._add_short_index()
            self.db.execute(
                "CREATE TEMP TABLE merged ON COMMIT DROP AS SELECT lang, gram, min(chunk) AS chunk, "
                "sum(count)::integer AS count, string_agg(postings, ''::bytea ORDER BY chunk) AS postings "
                "FROM grams GROUP BY lang, gram HAVING count(*) > 1")
            self.db.execute("DELETE FROM grams USING merged WHERE grams.lang = merged.lang AND grams.gram = merged.gram")
            merged = self.db.execute(
                "INSERT INTO grams(lang, gram, chunk, count, postings) "
                "SELECT lang, gram, chunk, count, postings FROM merged").rowcount
        # Outside the transaction: statistics for the planner, and the visibility map that lets
        # a lookup of short segments read their index alone.
        self.db.execute("VACUUM (ANALYZE) grams, segments")
        return merged

    def search_fuzzy(self, text: str, lang: str, min_score: float = DEFAULT_MIN_SCORE,
                     limit: int | None = 10) -> list[FuzzyMatch]:
        with self._server_errors():
            return super().search_fuzzy(text, lang, min_score, limit) if self._ready() else []

    def concordance(self, phrase: str, lang: str | None = None, limit: int | None = 50) -> list[ConcordanceHit]:
        with self._server_errors():
            return super().concordance(phrase, lang, limit) if self._ready() else []

    # -- looking up (the queries IndexedStore builds on) -----------------------------------

    def gram_frequencies(self, lang: str, grams: list[int]) -> dict[int, int]:
        return dict(self.db.execute(
            "SELECT gram, sum(count)::bigint FROM grams WHERE lang = %s AND gram = ANY(%s::bigint[]) GROUP BY gram",
            (lang, grams)))

    def gram_postings(self, lang: str, grams: list[int]) -> bytes:
        return b"".join(blob for (blob,) in self.db.execute(
            "SELECT postings FROM grams WHERE lang = %s AND gram = ANY(%s::bigint[])", (lang, grams)))

    def segments_by_id(self, segment_ids: list[int]) -> list[SegmentRecord]:
        if not segment_ids:
            return []
        return self.db.execute(f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments "
                               "WHERE id = ANY(%s::bigint[]) ORDER BY id",
                               (segment_ids,)).fetchall()

    def segments_of_length(self, lang: str, low: int, high: int) -> list[SegmentRecord]:
        return self.db.execute(f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments "
                               f"WHERE lang = %s AND length BETWEEN %s AND %s{short_window(high)}",
                               (lang, low, high)).fetchall()

    def count_of_length(self, lang: str, low: int, high: int, limit: int) -> int:
        return self.db.execute("SELECT count(*) FROM (SELECT 1 FROM segments WHERE lang = %s "
                               f"AND length BETWEEN %s AND %s{short_window(high)} LIMIT %s) AS fitting",
                               (lang, low, high, limit)).fetchone()[0]

    def segments_containing(self, lang: str, key: str, limit: int | None) -> list[SegmentRecord]:
        return self.db.execute(f"SELECT id, unit_id, tag, text, {STORED_KEY} FROM segments "
                               f"WHERE lang = %s AND strpos({STORED_KEY}, %s) > 0 ORDER BY id LIMIT %s",
                               (lang, key, limit)).fetchall()

    def units_by_id(self, unit_ids: list[int]) -> dict[int, tuple[TranslationUnit, str | None]]:
        if not unit_ids:
            return {}
        return {unit_id: (decode_unit(data), origin) for unit_id, data, origin in self.db.execute(
            "SELECT id, data, origin FROM units WHERE id = ANY(%s::bigint[])", (list(set(unit_ids)),))}

    def change_dates(self, unit_ids: list[int]) -> dict[int, str | None]:
        if not unit_ids:
            return {}
        return dict(self.db.execute("SELECT id, changed FROM units WHERE id = ANY(%s::bigint[])", (unit_ids,)))

    def languages(self) -> list[str]:
        return [lang for (lang,) in self.db.execute(
            "WITH RECURSIVE langs(lang) AS ("
            " (SELECT lang FROM segments ORDER BY lang LIMIT 1) UNION ALL"
            " SELECT (SELECT s.lang FROM segments s WHERE s.lang > langs.lang ORDER BY s.lang LIMIT 1)"
            " FROM langs WHERE langs.lang IS NOT NULL) "
            "SELECT lang FROM langs WHERE lang IS NOT NULL")]

    # -- listing ----------------------------------------------------------------------------

    def iter_units(self) -> Iterator[StoredUnit]:
        last = 0
        while True:
            with self._server_errors():
                rows = self.db.execute("SELECT id, data, origin, imported FROM units WHERE id > %s "
                                       "ORDER BY id LIMIT 1000", (last,)).fetchall() if self._ready() else []
            if not rows:
                return
            for unit_id, data, origin, imported in rows:
                yield StoredUnit(unit_id, decode_unit(data), origin, imported)
            last = rows[-1][0]

    def stats(self) -> StoreStats:
        with self._server_errors():
            version = self.db.info.server_version
            backend = f"PostgreSQL {version // 10000}.{version % 10000}"
            if not self._ready():
                return StoreStats(0, backend=backend)
            return self._stats(backend)

    def _stats(self, backend: str) -> StoreStats:
        units = self.db.execute("SELECT count(*) FROM units").fetchone()[0]
        segments = dict(self.db.execute("SELECT lang, count(*) FROM segments GROUP BY lang ORDER BY lang"))
        pairs = {
            f"{first}:{second}": count for first, second, count in self.db.execute(
                "SELECT a.lang, b.lang, count(DISTINCT a.unit_id) FROM segments a "
                "JOIN segments b ON a.unit_id = b.unit_id AND a.lang < b.lang GROUP BY a.lang, b.lang "
                "ORDER BY a.lang, b.lang")
        }
        origins = dict(self.db.execute(
            "SELECT coalesce(origin, ''), count(*) FROM units GROUP BY origin ORDER BY 1"))
        size = self.db.execute(
            "SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
            (self.schema,)).fetchone()[0] or 0
        return StoreStats(units, segments, pairs, origins, size, backend)

    def close(self) -> None:
        """Close the connection. A new TM that was never imported into appears now (empty); one
        whose imports all failed is not created."""
        try:
            if self._pending and not self._imports_tried and not self.db.closed:
                with contextlib.suppress(InputError, TMBusyError), self._write():
                    pass
        finally:
            self.db.close()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is not None:
            self._imports_tried = True  # a new TM whose ``with`` block failed is not created
        self.close()


def _first_line(exc: BaseException) -> str:
    """The first line of a driver error (libpq adds hints on further lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

