"""Benchmark: fuzzy TM lookup in the SQLite store against brute-force rapidfuzz.

    python benchmarks/bench_fuzzy.py [--units 1000000] [--queries 200]

Builds (once; cached under benchmarks/data/, git-ignored) a trilingual th/zh/en TM of
``--units`` units from the NTREX-128 sentences in ../shared/corpora: each unit splices the
start of one sentence onto the end of another (at the same relative point in all three
languages) and edits a few characters or words, plus 2% short units of 1–6 characters.
Then it runs ``--queries`` lookups (perturbed copies of stored segments, ~10% edits, mixed
languages, 10% of them short) through ``SQLiteStore.search_fuzzy`` (default limit 10,
threshold 75%) and through brute force — ``rapidfuzz.process.extract`` over every segment of
the query's language with the same scorer — and prints p50/p95 latency of both, their ratio,
and the store's recall of brute force's ≥ 75% matches.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
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


def build(path: Path, count: int) -> dict:
    from trilex.tm.sqlite_store import SQLiteStore

    info_path = path.with_suffix(".json")
    if path.exists() and info_path.exists():
        return json.loads(info_path.read_text())
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        leftover.unlink(missing_ok=True)
    corpus = load_corpus()
    store = SQLiteStore(str(path))
    started = time.perf_counter()
    result = store.add(generate_units(corpus, count), origin="bench")
    added = time.perf_counter()
    store.optimize()
    done = time.perf_counter()
    stats = store.stats()
    store.close()
    info = {"units": result.added, "duplicates": result.duplicates, "add_seconds": round(added - started, 1),
            "optimize_seconds": round(done - added, 1), "segments": stats.segments,
            "size_mib": round(path.stat().st_size / 2**20)}
    info_path.write_text(json.dumps(info))
    return info


def make_queries(store, count: int, seed: int = 2) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    db = store.db
    top = db.execute("SELECT max(id) FROM segments").fetchone()[0]
    corpus_pool = {lang: (" " if lang == "en" else "").join(row[0] for row in db.execute(
        "SELECT text FROM segments WHERE lang = ? LIMIT 300", (lang,))) for lang in ("th", "zh", "en")}
    corpus_pool = {lang: pool if lang == "en" else base_letters(pool) for lang, pool in corpus_pool.items()}
    queries: list[tuple[str, str]] = []
    while len(queries) < count:
        short = len(queries) % 10 == 0
        lang = ("th", "zh", "en")[len(queries) % 3]
        if short:
            row = db.execute("SELECT text FROM segments WHERE id >= ? AND +lang = ? AND length(key) <= 2 "
                             "ORDER BY id LIMIT 1",
                             (rng.randrange(top), lang)).fetchone()
        else:
            row = db.execute("SELECT text FROM segments WHERE id >= ? AND +lang = ? AND length(key) > 12 "
                             "ORDER BY id LIMIT 1", (rng.randrange(top), lang)).fetchone()
        if row is None:
            continue
        text = row[0] if short else edit(row[0], lang, rng, 0.1, corpus_pool[lang])
        queries.append((lang, text))
    return queries


class BruteForce:
    """Every segment of each language in memory, scored with rapidfuzz like the store scores."""

    def __init__(self, store):
        from trilex.tm.fuzzy import tokens

        self.ids: dict[str, list[int]] = {}
        self.choices: dict[str, list[str]] = {}
        self.vocabulary: dict[str, str] = {}
        for lang in ("th", "zh", "en"):
            rows = store.db.execute("SELECT unit_id, key FROM segments WHERE lang = ? ORDER BY id", (lang,)).fetchall()
            self.ids[lang] = [unit_id for unit_id, _ in rows]
            if lang == "en":
                self.choices[lang] = [self.encode(tokens(key)) for _, key in rows]
            else:
                self.choices[lang] = [key for _, key in rows]

    def encode(self, words: list[str]) -> str:
        """Word tokens as one character each, so character Levenshtein = token Levenshtein."""
        return "".join(self.vocabulary.setdefault(word, chr(0x20000 + len(self.vocabulary))) for word in words)

    def search(self, key: str, lang: str) -> set[int]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        from trilex.tm.fuzzy import tokens

        query = self.encode(tokens(key)) if lang == "en" else key
        found = process.extract(query, self.choices[lang], scorer=Levenshtein.normalized_similarity,
                                score_cutoff=THRESHOLD / 100, limit=None)
        return {self.ids[lang][index] for _, _, index in found}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    from trilex.tm.fuzzy import match_key
    from trilex.tm.sqlite_store import SQLiteStore

    path = HERE / "data" / f"fuzzy_{args.units}.tm"
    info = build(path, args.units)
    print(f"store: {info['units']:,} units ({info['duplicates']:,} duplicates dropped), segments {info['segments']}, "
          f"{info['size_mib']} MiB; built in {info['add_seconds']} s + optimize {info['optimize_seconds']} s")
    store = SQLiteStore(str(path), create=False)
    queries = make_queries(store, args.queries)
    started = time.perf_counter()
    brute = BruteForce(store)
    print(f"brute force: segments loaded in {time.perf_counter() - started:.1f} s")
    store.search_fuzzy("warm-up query", "en")

    store_times: list[float] = []
    brute_times: list[float] = []
    recall_top: list[float] = []
    recall_all: list[float] = []
    best_agree = 0
    with_matches = 0
    for lang, text in queries:
        started = time.perf_counter()
        matches = store.search_fuzzy(text, lang, THRESHOLD, limit=10)
        store_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        expected = brute.search(match_key(text), lang)
        brute_times.append(time.perf_counter() - started)
        if not expected:
            continue
        with_matches += 1
        found = {match.unit_id for match in matches}
        recall_top.append(len(found & expected) / min(10, len(expected)))
        everything = {match.unit_id for match in store.search_fuzzy(text, lang, THRESHOLD, limit=None)}
        recall_all.append(len(everything & expected) / len(expected))
        best_agree += bool(matches)

    def ms(values: list[float], share: float) -> float:
        return percentile(values, share) * 1000

    print(f"queries: {len(queries)} ({with_matches} with brute-force matches >= {THRESHOLD:.0f}%)")
    print(f"store  lookup (limit 10): p50 {ms(store_times, .5):7.1f} ms   p95 {ms(store_times, .95):7.1f} ms")
    print(f"brute  force  (all >=75): p50 {ms(brute_times, .5):7.1f} ms   p95 {ms(brute_times, .95):7.1f} ms")
    print(f"speed-up: p50 {percentile(brute_times, .5) / percentile(store_times, .5):.0f}x, "
          f"p95 {percentile(brute_times, .95) / percentile(store_times, .95):.0f}x")
    print(f"recall of brute force's >=75% matches: top-10 {statistics.mean(recall_top):.3f}, "
          f"all matches {statistics.mean(recall_all):.3f} (min per query {min(recall_all):.2f})")
    print(f"queries with a match where the store found one: {best_agree}/{with_matches}")
    store.close()


if __name__ == "__main__":
    main()
