"""The fuzzy-candidate index of the SQLite TM store: character trigrams → segment ids.

Why not FTS5: an FTS5 ``trigram`` query that ORs all trigrams of a 50-character Thai sentence
walks the posting lists of very common trigrams (``การ`` is in 8% of Thai segments) row by
row, and ranking needs every matching row, which is far over the 50 ms budget at 1M segments.
This index keeps each trigram's posting list as packed ``uint32`` blobs next to its length,
so a lookup reads the document frequencies first (without touching the blobs), then only the
blobs of the rarest trigrams (a fixed budget of postings), counts them with numpy, and hands
the segments sharing the most rare trigrams to exact re-scoring. It also answers the
concordance's substring prefilter. Posting lists are written in chunks, one per flush of an
import; :func:`merge_chunks` joins them.
"""

from __future__ import annotations

import sqlite3
from array import array

SCHEMA = """
CREATE TABLE grams (
    lang TEXT NOT NULL,
    gram TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    count INTEGER NOT NULL,
    postings BLOB NOT NULL
);
CREATE UNIQUE INDEX grams_lookup ON grams(lang, gram, chunk, count);
"""

#: How many postings a fuzzy lookup reads at most (after the rarest few trigrams).
POSTINGS_BUDGET = 120_000
#: Trigrams read even if they are common, so a query of common words still finds candidates.
MIN_GRAMS = 4
#: Segments re-scored exactly per lookup.
CANDIDATES = 400
#: Segments buffered before their postings are written.
FLUSH_SEGMENTS = 100_000


def trigrams(key: str) -> set[str]:
    """The distinct character trigrams of a match key (none for keys under 3 characters)."""
    return {key[i:i + 3] for i in range(len(key) - 2)}


class PostingsWriter:
    """Collects postings during an import and writes them as chunks (inside the caller's transaction)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.buffer: dict[str, dict[str, array]] = {}
        self.pending = 0

    def add(self, segment_id: int, lang: str, key: str) -> None:
        """Index segment ``segment_id`` (ids must grow) under the trigrams of ``key``."""
        lists = self.buffer.setdefault(lang, {})
        for gram in trigrams(key):
            ids = lists.get(gram)
            if ids is None:
                ids = lists[gram] = array("I")
            ids.append(segment_id)
        self.pending += 1
        if self.pending >= FLUSH_SEGMENTS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered postings as a new chunk."""
        if not self.buffer:
            return
        chunk = self.db.execute("SELECT coalesce(max(chunk), -1) + 1 FROM grams").fetchone()[0]
        self.db.executemany(
            "INSERT INTO grams(lang, gram, chunk, count, postings) VALUES (?, ?, ?, ?, ?)",
            ((lang, gram, chunk, len(ids), ids.tobytes())
             for lang, lists in self.buffer.items() for gram, ids in lists.items()),
        )
        self.buffer.clear()
        self.pending = 0


def frequencies(db: sqlite3.Connection, lang: str, grams: list[str]) -> dict[str, int]:
    """How many segments in ``lang`` contain each of ``grams`` (absent grams are left out)."""
    found: dict[str, int] = {}
    for start in range(0, len(grams), 500):
        part = grams[start:start + 500]
        marks = ",".join("?" * len(part))
        for gram, total in db.execute(
                f"SELECT gram, sum(count) FROM grams WHERE lang = ? AND gram IN ({marks}) GROUP BY gram",
                [lang, *part]):
            found[gram] = total
    return found


def postings(db: sqlite3.Connection, lang: str, grams: list[str]):
    """The segment ids of all ``grams`` concatenated, as a numpy ``uint32`` array."""
    import numpy as np

    if not grams:
        return np.empty(0, dtype=np.uint32)
    marks = ",".join("?" * len(grams))
    blobs = [blob for (blob,) in db.execute(
        f"SELECT postings FROM grams WHERE lang = ? AND gram IN ({marks})", [lang, *grams])]
    if not blobs:
        return np.empty(0, dtype=np.uint32)
    return np.frombuffer(b"".join(blobs), dtype=np.uint32)


def rarest(df: dict[str, int], budget: int = POSTINGS_BUDGET, minimum: int = MIN_GRAMS) -> list[str]:
    """The rarest grams whose postings fit in ``budget`` (at least ``minimum`` of them)."""
    chosen: list[str] = []
    total = 0
    for gram, count in sorted(df.items(), key=lambda item: item[1]):
        if len(chosen) >= minimum and total + count > budget:
            break
        chosen.append(gram)
        total += count
    return chosen


def fuzzy_candidates(db: sqlite3.Connection, lang: str, key: str, limit: int = CANDIDATES) -> list[int]:
    """Ids of the segments sharing the most rare trigrams with ``key``, most shared first."""
    import numpy as np

    df = frequencies(db, lang, sorted(trigrams(key)))
    ids = postings(db, lang, rarest(df))
    if not len(ids):
        return []
    unique, counts = np.unique(ids, return_counts=True)
    if len(unique) > limit:
        top = np.argpartition(-counts, limit - 1)[:limit]
        unique, counts = unique[top], counts[top]
    order = np.argsort(-counts, kind="stable")
    return unique[order].tolist()


def containing_candidates(db: sqlite3.Connection, lang: str, key: str, rare: int = 3):
    """Ids (sorted, numpy) of the segments that contain every one of the ``rare`` rarest trigrams
    of ``key`` — a superset of the segments containing ``key`` itself (``key`` ≥ 3 characters)."""
    import numpy as np

    df = frequencies(db, lang, sorted(trigrams(key)))
    if len(df) < len(trigrams(key)):
        return np.empty(0, dtype=np.uint32)
    result = None
    for gram in sorted(df, key=df.__getitem__)[:rare]:
        ids = postings(db, lang, [gram])
        result = ids if result is None else np.intersect1d(result, ids, assume_unique=True)
    return np.sort(result)


def merge_chunks(db: sqlite3.Connection) -> int:
    """Join each trigram's chunks into one (inside the caller's transaction); returns grams merged."""
    import numpy as np

    split = db.execute("SELECT lang, gram FROM grams GROUP BY lang, gram HAVING count(*) > 1").fetchall()
    for lang, gram in split:
        rows = db.execute("SELECT postings FROM grams WHERE lang = ? AND gram = ? ORDER BY chunk",
                          (lang, gram)).fetchall()
        ids = np.frombuffer(b"".join(blob for (blob,) in rows), dtype=np.uint32)
        db.execute("DELETE FROM grams WHERE lang = ? AND gram = ?", (lang, gram))
        db.execute("INSERT INTO grams(lang, gram, chunk, count, postings) VALUES (?, ?, 0, ?, ?)",
                   (lang, gram, len(ids), ids.tobytes()))
    return len(split)
