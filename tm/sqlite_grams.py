"""The trigram postings of the SQLite TM store, laid out so that an import writes few rows.

Most distinct trigrams of a TM are rare (in a 50,000-unit th/zh/en memory, 78% of them are in
at most eight segments; three quarters of the Chinese ones in one), and a row costs SQLite and
Python about the same whatever it holds. So each chunk of postings an import writes (see
:mod:`trilex.tm.gram_index`) is split in two:

* ``grams``: a trigram with more than :data:`RARE` postings in the chunk, one row with its
  packed ``uint32`` segment ids, as the PostgreSQL store keeps every trigram;
* ``gram_buckets``: the rare trigrams, hashed into ``2**bits`` buckets per language and chunk
  (``bits`` in ``gram_chunks``, chosen for about :data:`BUCKET_GRAMS` trigrams a bucket), one
  row a bucket: the bucket's trigram codes (ascending ``int64``), where each one's postings
  end (``uint32``), and the postings.

A lookup asks both for every trigram of its query: the common rows by code, the rare ones by
the buckets their codes hash to (their codes and ends are read without the postings behind
them). A trigram may have postings in both tables (common in one chunk, rare in another); its
frequency and postings are the sums. :func:`merge` joins the chunks of both.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from itertools import repeat
from typing import TypeVar

from trilex.tm.gram_index import equal_runs
from trilex.tm.indexed_store import chunks

SCHEMA = """
CREATE TABLE grams (
    lang TEXT NOT NULL,
    gram INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    count INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (lang, gram, chunk)
) WITHOUT ROWID;
"""

#: The tables a version-2 TM lacks (it kept every trigram in ``grams``, which stays valid).
BUCKET_SCHEMA = """
CREATE TABLE IF NOT EXISTS gram_chunks (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    bits INTEGER NOT NULL,
    UNIQUE (lang, chunk)
);
CREATE TABLE IF NOT EXISTS gram_buckets (
    id INTEGER PRIMARY KEY,
    grams BLOB NOT NULL,
    ends BLOB NOT NULL,
    postings BLOB NOT NULL
);
"""

T = TypeVar("T")

#: A bucket's row id: its chunk's row id in ``gram_chunks`` above this many bits, its number below.
_CHUNK_SHIFT = 32
_BUCKET_MASK = (1 << _CHUNK_SHIFT) - 1

#: A trigram with at most this many postings in a chunk is kept in its bucket.
RARE = 8
#: Rare trigrams a bucket holds on average.
BUCKET_GRAMS = 64
#: Fibonacci hashing: the top ``bits`` of ``code * _MULTIPLIER`` (mod 2**64) number the bucket.
_MULTIPLIER = 0x9E3779B97F4A7C15


def bucket_bits(rare_grams: int) -> int:
    """How many bits number the buckets of a chunk with ``rare_grams`` rare trigrams."""
    return max(0, round(math.log2(rare_grams / BUCKET_GRAMS))) if rare_grams > BUCKET_GRAMS else 0


def bucket_of(codes, bits: int):
    """The bucket of each trigram code (a numpy array), with ``bits`` bits of bucket number."""
    import numpy as np

    if bits == 0:
        return np.zeros(len(codes), dtype=np.int64)
    hashed = codes.astype(np.uint64) * np.uint64(_MULTIPLIER)
    return (hashed >> np.uint64(64 - bits)).astype(np.int64)


def next_chunk(db: sqlite3.Connection) -> int:
    """The number of the next chunk of postings (one more than any chunk of either table)."""
    return db.execute("SELECT max(coalesce((SELECT max(chunk) FROM grams), -1), "
                      "coalesce((SELECT max(chunk) FROM gram_chunks), -1)) + 1").fetchone()[0]


def write_chunk(db: sqlite3.Connection, lang: str, chunk: int, codes, segments) -> None:
    """Write one chunk of postings of ``lang``: ``codes`` and ``segments`` (numpy arrays), every
    ``(trigram code, segment id)`` pair once, sorted by code and then by id."""
    import numpy as np

    starts, ends = equal_runs(codes)
    counts = ends - starts
    common = counts > RARE
    packed = segments.tobytes()
    begins, stops = starts[common].tolist(), ends[common].tolist()
    db.executemany("INSERT INTO grams(lang, gram, chunk, count, postings) VALUES (?, ?, ?, ?, ?)",
                   zip(repeat(lang), codes[starts[common]].tolist(), repeat(chunk), counts[common].tolist(),
                       [packed[4 * begin:4 * stop] for begin, stop in zip(begins, stops)]))
    rare = np.repeat(~common, counts)
    _write_buckets(db, lang, chunk, codes[rare], segments[rare])


def _write_buckets(db: sqlite3.Connection, lang: str, chunk: int, codes, segments) -> None:
    """Write the postings ``codes``/``segments`` (sorted by code, then id) into buckets of ``chunk``."""
    import numpy as np

    if not len(codes):
        return
    starts, ends = equal_runs(codes)
    grams, counts = codes[starts], ends - starts
    bits = bucket_bits(len(grams))
    buckets = bucket_of(grams, bits)
    gram_order = np.argsort(buckets, kind="stable")  # codes stay ascending inside a bucket
    posting_order = np.argsort(np.repeat(buckets, counts), kind="stable")
    grams, counts, buckets = grams[gram_order], counts[gram_order], buckets[gram_order]
    ids = segments[posting_order]
    first, last = equal_runs(buckets)
    totals = np.cumsum(counts)
    before = np.concatenate(([0], totals[first[1:] - 1]))  # postings in the buckets before each one
    local_ends = (totals - np.repeat(before, last - first)).astype(np.uint32)
    gram_bytes, end_bytes, id_bytes = grams.astype(np.int64).tobytes(), local_ends.tobytes(), ids.tobytes()
    first_list, last_list = first.tolist(), last.tolist()
    posting_starts, posting_ends = before.tolist(), totals[last - 1].tolist()
    chunk_id = db.execute("INSERT INTO gram_chunks(lang, chunk, bits) VALUES (?, ?, ?)", (lang, chunk, bits)).lastrowid
    db.executemany("INSERT INTO gram_buckets(id, grams, ends, postings) VALUES (?, ?, ?, ?)",
                   zip((buckets[first] | (chunk_id << _CHUNK_SHIFT)).tolist(),
                       [gram_bytes[8 * a:8 * b] for a, b in zip(first_list, last_list)],
                       [end_bytes[4 * a:4 * b] for a, b in zip(first_list, last_list)],
                       [id_bytes[4 * a:4 * b] for a, b in zip(posting_starts, posting_ends)]))


def frequencies(db: sqlite3.Connection, lang: str, grams: list[int]) -> dict[int, int]:
    """How many segments in ``lang`` contain each of ``grams`` (absent grams left out)."""
    found: dict[int, int] = {}
    for part in chunks(grams):
        marks = ",".join("?" * len(part))
        found.update(db.execute(
            f"SELECT gram, sum(count) FROM grams WHERE lang = ? AND gram IN ({marks}) GROUP BY gram", [lang, *part]))
    for gram, count, _ids in _bucket_entries(db, lang, grams, with_postings=False):
        found[gram] = found.get(gram, 0) + count
    return found


def postings(db: sqlite3.Connection, lang: str, grams: list[int]) -> bytes:
    """The packed ``uint32`` segment ids of all ``grams``, concatenated."""
    marks = ",".join("?" * len(grams))
    blobs = [blob for (blob,) in db.execute(
        f"SELECT postings FROM grams WHERE lang = ? AND gram IN ({marks})", [lang, *grams])]
    blobs.extend(ids for _gram, _count, ids in _bucket_entries(db, lang, grams, with_postings=True))
    return b"".join(blobs)


def _bucket_entries(db: sqlite3.Connection, lang: str, grams: list[int], with_postings: bool):
    """``(gram, count, ids)`` for each of ``grams`` in each chunk whose buckets hold it (``ids``
    packed, or ``b""`` without ``with_postings``)."""
    import numpy as np

    if not grams:
        return
    query = np.unique(np.array(grams, dtype=np.int64))
    columns = "id, grams, ends" + (", postings" if with_postings else "")
    for chunk_id, bits in _bucket_chunks(db, lang):
        wanted = bucket_of(query, bits)
        for part in chunks(np.unique(wanted | (chunk_id << _CHUNK_SHIFT)).tolist()):
            marks = ",".join("?" * len(part))
            for row in db.execute(f"SELECT {columns} FROM gram_buckets WHERE id IN ({marks})", part):
                codes = np.frombuffer(row[1], dtype=np.int64)
                ends = np.frombuffer(row[2], dtype=np.uint32)
                asked = query[wanted == (row[0] & _BUCKET_MASK)]
                places = np.minimum(np.searchsorted(codes, asked), len(codes) - 1)
                held = codes[places] == asked
                for gram, place in zip(asked[held].tolist(), places[held].tolist()):
                    start, end = (int(ends[place - 1]) if place else 0), int(ends[place])
                    yield gram, end - start, row[3][4 * start:4 * end] if with_postings else b""


def _bucket_chunks(db: sqlite3.Connection, lang: str) -> list[tuple[int, int]]:
    """``(row id, bits)`` of every chunk of ``lang`` with buckets, in chunk order (none in a TM
    not yet upgraded)."""
    return _if_upgraded(lambda: db.execute(
        "SELECT id, bits FROM gram_chunks WHERE lang = ? ORDER BY chunk", (lang,)).fetchall(), [])


def _if_upgraded(query: Callable[[], T], otherwise: T) -> T:
    """``query()``, or ``otherwise`` in a version-2 TM read before its next import upgrades it
    (it has no bucket tables)."""
    try:
        return query()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return otherwise
        raise


def merge(db: sqlite3.Connection) -> int:
    """Join each trigram's chunks into one, in both tables (inside the caller's transaction);
    returns the trigrams merged."""
    import numpy as np

    split = db.execute("SELECT lang, gram FROM grams GROUP BY lang, gram HAVING count(*) > 1").fetchall()
    for lang, gram in split:
        rows = db.execute("SELECT postings FROM grams WHERE lang = ? AND gram = ? ORDER BY chunk",
                          (lang, gram)).fetchall()
        ids = np.frombuffer(b"".join(blob for (blob,) in rows), dtype=np.uint32)
        db.execute("DELETE FROM grams WHERE lang = ? AND gram = ?", (lang, gram))
        db.execute("INSERT INTO grams(lang, gram, chunk, count, postings) VALUES (?, ?, 0, ?, ?)",
                   (lang, gram, len(ids), ids.tobytes()))
    merged = len(split)
    for (lang,) in db.execute("SELECT lang FROM gram_chunks GROUP BY lang HAVING count(*) > 1").fetchall():
        merged += _merge_buckets(db, lang)
    return merged


def _merge_buckets(db: sqlite3.Connection, lang: str) -> int:
    """Join the bucket chunks of ``lang`` into one; returns how many trigrams were in several."""
    import numpy as np

    code_runs, id_runs = [], []
    entries = 0  # a trigram is in one bucket of each chunk that has it
    chunk_rows = db.execute("SELECT id, chunk FROM gram_chunks WHERE lang = ? ORDER BY chunk", (lang,)).fetchall()
    for chunk_id, _chunk in chunk_rows:
        low, high = chunk_id << _CHUNK_SHIFT, (chunk_id + 1) << _CHUNK_SHIFT
        for grams, ends, ids in db.execute(
                "SELECT grams, ends, postings FROM gram_buckets WHERE id >= ? AND id < ? ORDER BY id", (low, high)):
            ends_array = np.frombuffer(ends, dtype=np.uint32).astype(np.int64)
            entries += len(ends_array)
            code_runs.append(np.repeat(np.frombuffer(grams, dtype=np.int64), np.diff(ends_array, prepend=0)))
            id_runs.append(np.frombuffer(ids, dtype=np.uint32))
        db.execute("DELETE FROM gram_buckets WHERE id >= ? AND id < ?", (low, high))
    db.execute("DELETE FROM gram_chunks WHERE lang = ?", (lang,))
    if not code_runs:
        return 0
    first_chunk = chunk_rows[0][1]
    codes, ids = np.concatenate(code_runs), np.concatenate(id_runs)
    # In chunk order every trigram's ids grow: a stable sort by code keeps each posting list sorted.
    order = np.argsort(codes, kind="stable")
    codes, ids = codes[order], ids[order]
    _write_buckets(db, lang, first_chunk, codes, ids)
    return entries - len(equal_runs(codes)[0])


def fragmentation(db: sqlite3.Connection) -> float:
    """Index chunks per trigram on average (1.0 right after :func:`merge`), the larger of the
    common trigrams' rows per trigram and the bucket chunks per language."""
    rows, grams = db.execute(
        "SELECT count(*), (SELECT count(*) FROM (SELECT 1 FROM grams GROUP BY lang, gram)) FROM grams").fetchone()
    common = rows / grams if grams else 1.0
    chunks_per_lang = _if_upgraded(lambda: db.execute(
        "SELECT coalesce(max(n), 1) FROM (SELECT count(*) AS n FROM gram_chunks GROUP BY lang)").fetchone()[0], 1)
    return max(common, float(chunks_per_lang))
