"""The SQLite TM's trigram layout: common trigrams a row each (counts apart from postings),
rare ones packed in buckets.

Every lookup must see exactly the postings a plain index of the segments would hold, however
the trigrams were split between the two tables, over several imports, after ``optimize`` and in
a version-2 TM (every trigram a row) before and after its upgrade."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import islice

import numpy as np
import pytest

from trilex.tm import gram_index, sqlite_grams
from trilex.tm.importers import read_parallel_units
from trilex.tm.model import TranslationUnit, Variant
from trilex.tm.sqlite_store import SCHEMA_VERSION, SQLiteStore
from trilex.tm.unit_keys import STORED_KEY


def brute_force_index(store: SQLiteStore) -> dict[tuple[str, int], list[int]]:
    """``(lang, trigram) → sorted segment ids``, from the segments' own match keys."""
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    for segment_id, lang, key in store.db.execute(f"SELECT id, lang, {STORED_KEY} FROM segments ORDER BY id"):
        for gram in gram_index.query_grams(key):
            index[lang, gram].append(segment_id)
    return index


def assert_index_is_exact(store: SQLiteStore) -> None:
    """Every trigram's frequency and postings, as the store answers them, are the brute force's."""
    expected = brute_force_index(store)
    by_lang: dict[str, list[int]] = defaultdict(list)
    for lang, gram in expected:
        by_lang[lang].append(gram)
    for lang, grams in by_lang.items():
        frequencies = store.gram_frequencies(lang, grams)
        assert frequencies == {gram: len(expected[lang, gram]) for gram in grams}
        for start in range(0, len(grams), 300):
            part = grams[start:start + 300]
            found = np.sort(gram_index.postings(store, lang, part)).tolist()
            assert found == sorted(segment for gram in part for segment in expected[lang, gram])
    assert store.gram_frequencies("th", [12345]) == {}  # a trigram no segment has


def a_query(store: SQLiteStore) -> str:
    """A stored English sentence with its last two words cut off."""
    text = store.db.execute("SELECT text FROM segments WHERE lang = 'en' ORDER BY id LIMIT 1 OFFSET 40").fetchone()[0]
    return " ".join(text.split(" ")[:-2])


def ntrex_units(corpora, start: int, stop: int):
    ntrex = corpora / "ntrex128"
    return islice(read_parallel_units(str(ntrex / "newstest2019-src.eng.txt"),
                                      str(ntrex / "newstest2019-ref.tha.txt"), "en", "th"), start, stop)


def test_rare_and_common_trigrams_are_split_and_every_lookup_sees_all_postings(tmp_path, corpora):
    with SQLiteStore(str(tmp_path / "t.tm")) as store:
        store.add(ntrex_units(corpora, 0, 400), origin="ntrex")
        common = store.db.execute("SELECT count(*), min(count) FROM gram_counts").fetchone()
        buckets, rare = store.db.execute("SELECT count(*), sum(length(grams)) / 8 FROM gram_buckets").fetchone()
        assert common[0] > 0 and common[1] > sqlite_grams.RARE
        assert rare > 5 * common[0]  # most trigrams are rare ...
        assert buckets * 10 < rare  # ... and share rows
        assert_index_is_exact(store)


def test_several_imports_then_optimize_keep_the_index_exact_and_join_the_chunks(tmp_path, corpora):
    path = tmp_path / "t.tm"
    for start in range(0, 600, 150):
        with SQLiteStore(str(path)) as store:
            store.add(ntrex_units(corpora, start, start + 150), origin="ntrex")
    with SQLiteStore(str(path)) as store:
        chunks = store.db.execute("SELECT lang, count(*) FROM gram_chunks GROUP BY lang").fetchall()
        assert dict(chunks) == {"en": 4, "th": 4}
        assert store.fragmentation() >= 4.0
        assert_index_is_exact(store)
        query = a_query(store)
        before = [(match.unit_id, match.score) for match in store.search_fuzzy(query, "en", min_score=50)]
        assert before
        assert store.optimize() > 0
        assert store.fragmentation() == 1.0
        assert dict(store.db.execute("SELECT lang, count(*) FROM gram_chunks GROUP BY lang")) == {"en": 1, "th": 1}
        assert_index_is_exact(store)
        assert [(match.unit_id, match.score) for match in store.search_fuzzy(query, "en", min_score=50)] == before
        store.add(ntrex_units(corpora, 600, 700), origin="ntrex")  # a chunk after the joined one
        assert_index_is_exact(store)


def as_version_2(path) -> None:
    """Rewrite a TM as trilex wrote version 2: every trigram a row of ``grams`` with its postings."""
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT c.lang, c.gram, c.chunk, c.count, p.postings FROM gram_counts c "
                              "JOIN gram_postings p ON p.id = c.postings_id").fetchall()
    for lang, chunk, bucket_grams, ends, postings in connection.execute(
            "SELECT c.lang, c.chunk, b.grams, b.ends, b.postings FROM gram_buckets b "
            "JOIN gram_chunks c ON b.id >> 32 = c.id"):
        codes = np.frombuffer(bucket_grams, dtype=np.int64).tolist()
        stops = np.frombuffer(ends, dtype=np.uint32).tolist()
        for code, begin, stop in zip(codes, [0, *stops[:-1]], stops):
            rows.append((lang, code, chunk, stop - begin, postings[4 * begin:4 * stop]))
    for table in ("gram_counts", "gram_postings", "gram_buckets", "gram_chunks"):
        connection.execute(f"DROP TABLE {table}")
    connection.execute("CREATE TABLE grams (lang TEXT NOT NULL, gram INTEGER NOT NULL, chunk INTEGER NOT NULL, "
                       "count INTEGER NOT NULL, postings BLOB NOT NULL, PRIMARY KEY (lang, gram, chunk)) WITHOUT ROWID")
    connection.executemany("INSERT INTO grams(lang, gram, chunk, count, postings) VALUES (?, ?, ?, ?, ?)", rows)
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()


def test_a_version_2_tm_is_read_as_it_is_and_upgraded_by_its_next_import(tmp_path, corpora):
    path = tmp_path / "old.tm"
    with SQLiteStore(str(path)) as store:
        store.add(ntrex_units(corpora, 0, 200), origin="ntrex")
    as_version_2(path)
    with SQLiteStore(str(path), create=False) as store:
        query = a_query(store)
        assert store.fragmentation() == 1.0
        assert_index_is_exact(store)
        before = [(match.unit_id, match.score) for match in store.search_fuzzy(query, "en", min_score=50)]
        assert before
        store.add(ntrex_units(corpora, 200, 300), origin="ntrex")
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert store.db.execute("SELECT count(*) FROM gram_buckets").fetchone()[0] > 0
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'grams'").fetchone()[0] == 0
        assert_index_is_exact(store)
        store.optimize()
        assert store.fragmentation() == 1.0
        assert_index_is_exact(store)
        after = [(match.unit_id, match.score) for match in store.search_fuzzy(query, "en", min_score=50)]
    assert set(before) <= set(after)


@pytest.mark.parametrize("rare_grams, bits", [(0, 0), (64, 0), (100, 1), (6400, 7), (230_000, 12)])
def test_buckets_hold_about_sixty_four_rare_trigrams(rare_grams, bits):
    assert sqlite_grams.bucket_bits(rare_grams) == bits


def test_bucket_numbers_are_spread_and_within_range():
    codes = np.arange(1, 50_001, dtype=np.int64) * 2_097_153  # consecutive trigrams of one script
    buckets = sqlite_grams.bucket_of(codes, 10)
    assert buckets.min() >= 0 and buckets.max() < 1024
    assert np.bincount(buckets, minlength=1024).max() < 3 * 50_000 / 1024
    assert not sqlite_grams.bucket_of(codes, 0).any()


def test_a_trigram_common_in_one_import_and_rare_in_another_is_counted_in_both(tmp_path):
    many = [TranslationUnit(str(i), [Variant("en", [f"zebra crossing number {i}"])])
            for i in range(sqlite_grams.RARE + 5)]
    few = [TranslationUnit("x", [Variant("en", ["a zebra"])])]
    with SQLiteStore(str(tmp_path / "t.tm")) as store:
        store.add(many, origin="a")
        store.add(few, origin="b")
        zeb = gram_index.query_grams("zeb")
        assert store.db.execute("SELECT count(*) FROM gram_counts WHERE gram = ?", zeb).fetchone()[0] == 1
        assert store.gram_frequencies("en", zeb) == {zeb[0]: sqlite_grams.RARE + 6}
        assert_index_is_exact(store)
        store.optimize()
        assert store.gram_frequencies("en", zeb) == {zeb[0]: sqlite_grams.RARE + 6}
        assert_index_is_exact(store)
