"""The trigram postings of the SQLite TM store, laid out so that an import writes few rows.

Most distinct trigrams of a TM are rare (in a 50,000-unit th/zh/en memory, 78% of them are in
at most eight segments; three quarters of the Chinese ones in one), and a row costs SQLite and
Python about the same whatever it holds. So each chunk of postings an import writes (see
:mod:`trilex.tm.gram_index`) is split in two:

* ``gram_counts``: a trigram with more than :data:`RARE` postings in the chunk, one row with
  their number, and its packed ``uint32`` segment ids in a row of ``gram_postings`` (kept apart:
  with the blobs in its rows, the same lookup of 50 trigrams' counts took 70 times as long);
* ``gram_buckets``: the rare trigrams, hashed into ``2**bits`` buckets per language and chunk
  (``bits`` in ``gram_chunks``, chosen for about :data:`BUCKET_GRAMS` trigrams a bucket), one
  row a bucket: the bucket's trigram codes (ascending ``int64``), where each one's postings
  end (``uint32``), and the postings.

A lookup asks both for every trigram of its query: the common rows by code, the rare ones by
the buckets their codes hash to. A trigram may have postings in both (common in one chunk, rare
in another); its frequency and postings are the sums. :func:`merge` joins the chunks of both.
A version-2 TM kept every trigram in one table, ``grams``, with its postings; it is read as it
is, and :func:`upgrade` (its next import or optimize) rewrites it in this layout.
"""

from __future__ import annotations

import math
import sqlite3
from bisect import bisect_left
from itertools import repeat

from trilex.tm.gram_index import equal_runs
from trilex.tm.indexed_store import chunks

SCHEMA = """
CREATE TABLE IF NOT EXISTS gram_counts (
    lang TEXT NOT NULL,
    gram INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    count INTEGER NOT NULL,
    postings_id INTEGER NOT NULL,
    PRIMARY KEY (lang, gram, chunk)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gram_postings (
    id INTEGER PRIMARY KEY,
    postings BLOB NOT NULL
);
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


def upgrade(db: sqlite3.Connection) -> None:
    """Create these tables, and move a version-2 TM's ``grams`` into them (inside the
    caller's write transaction)."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    if not _has_table(db, "grams"):
        return
    # gram_postings is new and empty: its ids are 1, 2, … in the order of the trigram rows.
    db.execute("INSERT INTO gram_postings(postings) SELECT postings FROM grams ORDER BY lang, gram, chunk")
    db.execute("INSERT INTO gram_counts(lang, gram, chunk, count, postings_id) SELECT lang, gram, chunk, count, "
               "row_number() OVER (ORDER BY lang, gram, chunk) FROM grams")
    db.execute("DROP TABLE grams")


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _legacy(db: sqlite3.Connection) -> bool:
    """Whether this is a version-2 TM not yet upgraded (every trigram in ``grams``)."""
    return not _has_table(db, "gram_counts")


def next_chunk(db: sqlite3.Connection) -> int:
    """The number of the next chunk of postings (one more than any chunk of either table)."""
    return db.execute("SELECT max(coalesce((SELECT max(chunk) FROM gram_counts), -1), "
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
    first_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM gram_postings").fetchone()[0]
    ids = range(first_id, first_id + len(begins))
    db.executemany("INSERT INTO gram_postings(id, postings) VALUES (?, ?)",
                   zip(ids, [packed[4 * begin:4 * stop] for begin, stop in zip(begins, stops)]))
    db.executemany("INSERT INTO gram_counts(lang, gram, chunk, count, postings_id) VALUES (?, ?, ?, ?, ?)",
                   zip(repeat(lang), codes[starts[common]].tolist(), repeat(chunk), counts[common].tolist(), ids))
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


def frequencies(db: sqlite3.Connection, lang: str, grams: list[int],
                keep: dict[int, bytes] | None = None) -> dict[int, int]:
    """How many segments in ``lang`` contain each of ``grams`` (absent grams left out). With
    ``keep``, the rare postings read on the way are kept there for :func:`postings`: each of
    ``grams`` maps to its packed ids from the buckets (``b""`` if none)."""
    found: dict[int, int] = {}
    legacy = _legacy(db)
    table = "grams" if legacy else "gram_counts"
    for part in chunks(grams):
        marks = ",".join("?" * len(part))
        found.update(db.execute(
            f"SELECT gram, sum(count) FROM {table} WHERE lang = ? AND gram IN ({marks}) GROUP BY gram", [lang, *part]))
    if legacy:
        return found
    if keep is not None:
        keep.update(dict.fromkeys(grams, b""))
    for gram, count, ids in _bucket_entries(db, lang, grams, with_postings=keep is not None):
        found[gram] = found.get(gram, 0) + count
        if keep is not None:
            keep[gram] += ids
    return found


def postings(db: sqlite3.Connection, lang: str, grams: list[int], kept: dict[int, bytes] | None = None) -> bytes:
    """The packed ``uint32`` segment ids of all ``grams``, concatenated; the rare ones taken
    from ``kept`` (filled by :func:`frequencies`) where it has them."""
    marks = ",".join("?" * len(grams))
    if _legacy(db):
        return b"".join(blob for (blob,) in db.execute(
            f"SELECT postings FROM grams WHERE lang = ? AND gram IN ({marks})", [lang, *grams]))
    blobs = [blob for (blob,) in db.execute(
        "SELECT p.postings FROM gram_counts c JOIN gram_postings p ON p.id = c.postings_id "
        f"WHERE c.lang = ? AND c.gram IN ({marks})", [lang, *grams])]
    kept = kept or {}
    blobs.extend(kept[gram] for gram in grams if gram in kept)
    unread = [gram for gram in grams if gram not in kept]
    blobs.extend(ids for _gram, _count, ids in _bucket_entries(db, lang, unread, with_postings=True))
    return b"".join(blobs)


def _bucket_entries(db: sqlite3.Connection, lang: str, grams: list[int], with_postings: bool):
    """``(gram, count, ids)`` for each of ``grams`` in each chunk whose buckets hold it (``ids``
    packed, or ``b""`` without ``with_postings``); a TM of this layout only."""
    import numpy as np

    if not grams:
        return
    query = np.unique(np.array(grams, dtype=np.int64))
    codes_asked = query.tolist()
    columns = "id, grams, ends" + (", postings" if with_postings else "")
    chunk_rows = db.execute("SELECT id, bits FROM gram_chunks WHERE lang = ? ORDER BY chunk", (lang,)).fetchall()
    for chunk_id, bits in chunk_rows:
        asked_in: dict[int, list[int]] = {}
        for gram, bucket in zip(codes_asked, (bucket_of(query, bits) | (chunk_id << _CHUNK_SHIFT)).tolist()):
            asked_in.setdefault(bucket, []).append(gram)
        for part in chunks(asked_in):
            marks = ",".join("?" * len(part))
            for row in db.execute(f"SELECT {columns} FROM gram_buckets WHERE id IN ({marks})", part):
                codes = memoryview(row[1]).cast("q")  # a bucket's codes, ascending
                ends = memoryview(row[2]).cast("I")
                for gram in asked_in[row[0]]:
                    place = bisect_left(codes, gram)
                    if place < len(codes) and codes[place] == gram:
                        start, end = (ends[place - 1] if place else 0), ends[place]
                        yield gram, end - start, row[3][4 * start:4 * end] if with_postings else b""


def merge(db: sqlite3.Connection) -> int:
    """Join each trigram's chunks into one, in both tables (inside the caller's transaction);
    returns the trigrams merged."""
    import numpy as np

    split = db.execute("SELECT lang, gram FROM gram_counts GROUP BY lang, gram HAVING count(*) > 1").fetchall()
    for lang, gram in split:
        rows = db.execute("SELECT p.id, p.postings FROM gram_counts c JOIN gram_postings p ON p.id = c.postings_id "
                          "WHERE c.lang = ? AND c.gram = ? ORDER BY c.chunk", (lang, gram)).fetchall()
        ids = np.frombuffer(b"".join(blob for _id, blob in rows), dtype=np.uint32)
        db.executemany("DELETE FROM gram_postings WHERE id = ?", [(postings_id,) for postings_id, _blob in rows])
        db.execute("DELETE FROM gram_counts WHERE lang = ? AND gram = ?", (lang, gram))
        postings_id = db.execute("INSERT INTO gram_postings(postings) VALUES (?)", (ids.tobytes(),)).lastrowid
        db.execute("INSERT INTO gram_counts(lang, gram, chunk, count, postings_id) VALUES (?, ?, 0, ?, ?)",
                   (lang, gram, len(ids), postings_id))
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
    table = "grams" if _legacy(db) else "gram_counts"
    rows, grams = db.execute(
        f"SELECT count(*), (SELECT count(*) FROM (SELECT 1 FROM {table} GROUP BY lang, gram)) FROM {table}").fetchone()
    common = rows / grams if grams else 1.0
    if table == "grams":
        return common
    chunks_per_lang = db.execute(
        "SELECT coalesce(max(n), 1) FROM (SELECT count(*) AS n FROM gram_chunks GROUP BY lang)").fetchone()[0]
    return max(common, float(chunks_per_lang))
