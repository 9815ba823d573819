"""Benchmark: fuzzy TM lookup in the SQLite and PostgreSQL stores against brute-force rapidfuzz.

    python benchmarks/bench_fuzzy.py [--units 1000000] [--queries 200] [--clients 8]
                                     [--stores sqlite,postgresql] [--postgres URL]

Builds a trilingual th/zh/en TM of ``--units`` units from the NTREX-128 sentences in
../shared/corpora (each unit splices the start of one sentence onto the end of another, at the
same relative point in all three languages, and edits a few characters or words; 2% are short
units of 1–6 characters) into each store, in the same run: a SQLite file (cached under
benchmarks/data/, git-ignored) and a PostgreSQL database — ``--postgres URL``, or by default a
private cluster started from the machine's PostgreSQL binaries with production settings
(fsync on, 1 GB shared buffers), built anew each run.

Then ``--queries`` lookups in mixed languages — a third of them at most 12 characters (short
stored segments as they are, or 7–12-character pieces of longer ones), the rest perturbed copies
of stored segments (~10% edits) — through ``search_fuzzy`` (limit 10, threshold 75%) on each
store and through brute force (``rapidfuzz.process.extract`` over every segment of the query's
language with the same scorer). Prints p50/p95 latency (first pass, in a new connection: the
pages a lookup reads may have to come from disk), the same again in that connection (the pages
in memory), the ratio to brute force, recall of brute force's ≥ 75% matches (compared by
``tuid``), and then p50/p95 with ``--clients`` processes running the same queries at once
against each store, each in a new connection.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
CORPUS = HERE.parent.parent / "shared" / "corpora" / "ntrex128"
FILES = {"en": "newstest2019-src.eng.txt", "th": "newstest2019-ref.tha.txt", "zh": "newstest2019-ref.zho-CN.txt"}
TAGS = {"en": "en-US", "th": "th-TH", "zh": "zh-CN"}
THRESHOLD = 75.0


def load_corpus() -> dict[str, list[str]]:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared/corpora/ntrex128")
    return {lang: (CORPUS / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}


def base_letters(text: str) -> str:
    """``text`` without combining marks, so random edits do not stack Thai vowel and tone marks."""
    return "".join(char for char in text if not unicodedata.category(char).startswith("M"))


def edit(text: str, lang: str, rng: random.Random, rate: float, pool: str) -> str:
    """``text`` with about ``rate`` of its characters (th, zh) or words (en) replaced, deleted or inserted."""
    separator = " " if lang == "en" else ""
    units = text.split(" ") if separator else list(text)
    choices = pool.split(" ") if separator else pool
    for _ in range(max(1, round(len(units) * rate))):
        op, at = rng.random(), rng.randrange(len(units))
        if op < 0.5:
            units[at] = rng.choice(choices)
        elif op < 0.75 and len(units) > 1:
            del units[at]
        else:
            units.insert(at, rng.choice(choices))
    return separator.join(units)


def generate_units(corpus: dict[str, list[str]], count: int, seed: int = 1):
    from trilex.tm.model import TranslationUnit, Variant

    rng = random.Random(seed)
    lines = len(corpus["en"])
    pools = {lang: base_letters("".join(corpus[lang][:200])) if lang != "en" else " ".join(corpus["en"][:200])
             for lang in corpus}
    for number in range(count):
        first, second = rng.randrange(lines), rng.randrange(lines)
        cut = rng.uniform(0.3, 0.7)
        variants = []
        for lang in ("th", "zh", "en"):
            a, b = corpus[lang][first], corpus[lang][second]
            if rng.random() < 0.02:
                start = rng.randrange(max(1, len(a) - 6))
                text = a[start:start + rng.randint(1, 6)].strip() or a[:3]
            else:
                text = a[:int(len(a) * cut)] + b[int(len(b) * cut):]
                text = edit(text, lang, rng, 0.03, pools[lang])
            variants.append(Variant(TAGS[lang], [text]))
        yield TranslationUnit(tuid=str(number), variants=variants, srclang="en-US")


def build_sqlite(path: Path, count: int) -> dict:
    """The SQLite TM at ``path`` (built once, then reused with its build figures)."""
    info_path = path.with_suffix(".json")
    if path.exists() and info_path.exists():
        return json.loads(info_path.read_text())
    for leftover in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    info = build(str(path), count)
    info_path.write_text(json.dumps(info))
    return info


def build(location: str, count: int) -> dict:
    """Fill the TM at ``location`` with the generated units (both cores) and merge its index."""
    from trilex.tm.store import open_store

    corpus = load_corpus()
    with open_store(location, jobs=os.cpu_count() or 1) as store:
        started = time.perf_counter()
        result = store.add(generate_units(corpus, count), origin="bench")
        added = time.perf_counter()
        store.optimize()
        done = time.perf_counter()
        stats = store.stats()
    return {"units": result.added, "duplicates": result.duplicates, "add_seconds": round(added - started, 1),
            "units_per_second": round(result.added / (added - started)),
            "optimize_seconds": round(done - added, 1), "segments": stats.segments,
            "size_mib": round(stats.size_bytes / 2**20), "backend": stats.backend}


def make_queries(corpus: dict[str, list[str]], count: int, units: int, seed: int = 2) -> list[tuple[str, str]]:
    """``count`` queries from the generated units: every third one short (≤ 12 characters)."""
    rng = random.Random(seed)
    wanted = sorted(rng.sample(range(units), min(units, count * 40)))
    sample: list[tuple[str, str]] = []
    pick = iter(wanted)
    target = next(pick, None)
    for number, unit in enumerate(generate_units(corpus, units)):
        if number == target:
            lang = ("th", "zh", "en")[len(sample) % 3]
            sample.append((lang, unit.variants[("th", "zh", "en").index(lang)].text))
            target = next(pick, None)
            if target is None:
                break
    pools = {lang: base_letters("".join(corpus[lang][:200])) if lang != "en" else " ".join(corpus["en"][:200])
             for lang in corpus}
    shorts = [(lang, text) for lang, text in sample if len(text) <= 6]
    longs = [(lang, text) for lang, text in sample if len(text) > 12]
    queries: list[tuple[str, str]] = []
    while len(queries) < count:
        if len(queries) % 3 == 0:
            if len(queries) % 2 == 0 and shorts:
                queries.append(rng.choice(shorts))
            else:
                lang, text = rng.choice(longs)
                start = rng.randrange(len(text) - 12)
                piece = text[start:start + rng.randint(7, 12)].strip()
                if lang == "en" or piece:
                    queries.append((lang, piece or text[:12]))
        else:
            lang, text = rng.choice(longs)
            queries.append((lang, edit(text, lang, rng, 0.1, pools[lang])))
    return queries


class BruteForce:
    """Every segment of each language in memory (from the SQLite TM), scored with rapidfuzz
    like the stores score."""

    def __init__(self, path: Path):
        import sqlite3

        from trilex.tm.fuzzy import tokens
        from trilex.tm.unit_codec import decode_unit
        from trilex.tm.unit_keys import STORED_KEY

        db = sqlite3.connect(path)
        tuids = {unit_id: decode_unit(data).tuid for unit_id, data in db.execute("SELECT id, data FROM units")}
        self.tuids: dict[str, list[str]] = {}
        self.choices: dict[str, list[str]] = {}
        self.vocabulary: dict[str, str] = {}
        for lang in ("th", "zh", "en"):
            rows = db.execute(f"SELECT unit_id, {STORED_KEY} FROM segments WHERE lang = ? ORDER BY id",
                              (lang,)).fetchall()
            self.tuids[lang] = [tuids[unit_id] for unit_id, _ in rows]
            if lang == "en":
                self.choices[lang] = [self.encode(tokens(key)) for _, key in rows]
            else:
                self.choices[lang] = [key for _, key in rows]
        db.close()

    def encode(self, words: list[str]) -> str:
        """Word tokens as one character each, so character Levenshtein = token Levenshtein."""
        return "".join(self.vocabulary.setdefault(word, chr(0x20000 + len(self.vocabulary))) for word in words)

    def search(self, key: str, lang: str) -> set[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        from trilex.tm.fuzzy import tokens

        query = self.encode(tokens(key)) if lang == "en" else key
        found = process.extract(query, self.choices[lang], scorer=Levenshtein.normalized_similarity,
                                score_cutoff=THRESHOLD / 100, limit=None)
        return {self.tuids[lang][index] for _, _, index in found}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(values: list[float], share: float) -> float:
    return percentile(values, share) * 1000


def timed_queries(location: str, queries: list[tuple[str, str]], seed: int | None = None) -> list[float]:
    """Seconds per ``search_fuzzy`` of each query (in a shuffled order when ``seed`` is given)."""
    from trilex.tm.store import open_store

    order = list(queries)
    if seed is not None:
        random.Random(seed).shuffle(order)
    times = []
    with open_store(location, create=False) as store:
        store.search_fuzzy("warm-up query", "en")
        for lang, text in order:
            started = time.perf_counter()
            store.search_fuzzy(text, lang, THRESHOLD, limit=10)
            times.append(time.perf_counter() - started)
    return times


def _client(args: tuple[str, list[tuple[str, str]], int]) -> list[float]:
    location, queries, seed = args
    return timed_queries(location, queries, seed)


def under_load(location: str, queries: list[tuple[str, str]], clients: int) -> list[float]:
    """Every client's latencies, ``clients`` processes running all the queries at once."""
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.map(_client, [(location, queries, seed) for seed in range(clients)])
    return [value for times in results for value in times]


def measure(name: str, location: str, queries: list[tuple[str, str]], brute: BruteForce,
            expected: list[set[str]], brute_times: list[float], clients: int) -> None:
    from trilex.tm.store import open_store

    store_times: list[float] = []
    recall_top: list[float] = []
    recall_all: list[float] = []
    with open_store(location, create=False) as store:
        store.search_fuzzy("warm-up query", "en")
        for (lang, text), wanted in zip(queries, expected):
            started = time.perf_counter()
            matches = store.search_fuzzy(text, lang, THRESHOLD, limit=10)
            store_times.append(time.perf_counter() - started)
            if not wanted:
                continue
            found = {match.unit.tuid for match in matches}
            recall_top.append(len(found & wanted) / min(10, len(wanted)))
            everything = {match.unit.tuid for match in store.search_fuzzy(text, lang, THRESHOLD, limit=None)}
            recall_all.append(len(everything & wanted) / len(wanted))
        again: list[float] = []  # the same queries once the pages they read are in memory
        for lang, text in queries:
            started = time.perf_counter()
            store.search_fuzzy(text, lang, THRESHOLD, limit=10)
            again.append(time.perf_counter() - started)
    short = [time for time, (_lang, text) in zip(store_times, queries) if len(text) <= 12]
    print(f"{name:<11} lookup (limit 10): p50 {ms(store_times, .5):6.1f} ms  p95 {ms(store_times, .95):6.1f} ms"
          f"   short queries p95 {ms(short, .95):6.1f} ms"
          f"   {percentile(brute_times, .5) / percentile(store_times, .5):4.0f}x / "
          f"{percentile(brute_times, .95) / percentile(store_times, .95):4.0f}x brute force (p50 / p95)")
    print(f"{'':<11} again, pages in memory: p50 {ms(again, .5):6.1f} ms  p95 {ms(again, .95):6.1f} ms")
    print(f"{'':<11} recall of brute force's >=75% matches: top-10 {statistics.mean(recall_top):.3f}, "
          f"all {statistics.mean(recall_all):.3f} (min per query {min(recall_all):.2f}, {len(recall_all)} queries)")
    loaded = under_load(location, queries, clients)
    print(f"{'':<11} {clients} clients at once: p50 {ms(loaded, .5):6.1f} ms  p95 {ms(loaded, .95):6.1f} ms "
          f"({len(loaded)} lookups)")


#: PostgreSQL settings for the benchmark cluster: durable, as a team's server would run.
BENCH_SETTINGS = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on",
                  "shared_buffers": "1GB", "work_mem": "32MB", "max_wal_size": "4GB"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--postgres", help="a PostgreSQL URL to build the TM in (its trilex schema is replaced)")
    args = parser.parse_args()
    stores = args.stores.split(",")

    from trilex.tm.fuzzy import match_key

    corpus = load_corpus()
    path = HERE / "data" / f"fuzzy_{args.units}.tm"
    info = build_sqlite(path, args.units)
    print(f"SQLite:     {info['units']:,} units ({info['duplicates']:,} duplicates dropped), segments "
          f"{info['segments']}, {info['size_mib']} MiB; built in {info['add_seconds']} s "
          f"({info['units_per_second']:,} units/s) + optimize {info['optimize_seconds']} s")
    queries = make_queries(corpus, args.queries, args.units)
    started = time.perf_counter()
    brute = BruteForce(path)
    print(f"brute force: segments loaded in {time.perf_counter() - started:.1f} s; "
          f"{sum(len(text) <= 12 for _, text in queries)} of {len(queries)} queries are <= 12 characters")
    brute_times: list[float] = []
    expected: list[set[str]] = []
    for lang, text in queries:
        started = time.perf_counter()
        expected.append(brute.search(match_key(text), lang))
        brute_times.append(time.perf_counter() - started)
    print(f"brute force (all >=75%): p50 {ms(brute_times, .5):6.1f} ms  p95 {ms(brute_times, .95):6.1f} ms; "
          f"{sum(bool(found) for found in expected)} queries have matches")
    if "sqlite" in stores:
        measure("SQLite", str(path), queries, brute, expected, brute_times, args.clients)
    if "postgresql" in stores:
        cluster = None
        url = args.postgres
        if url is None:
            from pg_cluster import ThrowawayCluster

            cluster = ThrowawayCluster(settings=BENCH_SETTINGS)
            url = cluster.create_database("bench")
        try:
            import psycopg

            from trilex.tm.postgres_store import connection_settings

            conninfo, schema = connection_settings(url)
            with psycopg.connect(conninfo, autocommit=True) as db:
                db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            built = build(url, args.units)
            print(f"PostgreSQL: {built['units']:,} units, {built['size_mib']} MiB ({built['backend']}); built in "
                  f"{built['add_seconds']} s ({built['units_per_second']:,} units/s) + optimize "
                  f"{built['optimize_seconds']} s")
            measure("PostgreSQL", url, queries, brute, expected, brute_times, args.clients)
        finally:
            if cluster is not None:
                cluster.stop()


if __name__ == "__main__":
    main()
