"""Matcher micro-benchmark: TermMatcher.find against a bare pyahocorasick scan.

Run from the repository root (needs ../shared/corpora/ntrex128)::

    .venv/bin/python benchmarks/bench_matcher.py [--pairs 200000] [--concepts 100000]

The termbase has ``--concepts`` generated concepts: Thai names are compounds of two PyThaiNLP
dictionary words, Chinese names 3–4 Han characters taken from the corpus. The pairs are NTREX-128
Thai and Chinese sentences, repeated, 80% of them with one term of a random concept appended.

Printed: build time of the two matchers and of the Thai dictionary automaton; the bare scan (``iter_long`` of an automaton of the
folded terms over the already-normalized text: no normalization, no boundaries); ``find`` on the
raw text (normalization, boundaries, case and offsets included) and the ratio of the two.
Times are CPU seconds of this process (``time.process_time``), so other load on a shared machine
does not distort the ratio.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128"
SEED = 20261121


def make_data(concepts: int, pairs: int):
    """A generated termbase and ``pairs`` (Thai, Chinese) sentences with terms appended."""
    from pythainlp.corpus import thai_words

    from trilex.termbase.model import Concept, Term, Termbase

    rng = random.Random(SEED)
    th_lines = (NTREX / "newstest2019-ref.tha.txt").read_text(encoding="utf-8").splitlines()
    zh_lines = (NTREX / "newstest2019-ref.zho-CN.txt").read_text(encoding="utf-8").splitlines()
    words = sorted(word for word in thai_words() if len(word) >= 3 and " " not in word)
    han = sorted({ch for line in zh_lines for ch in line if "\u4e00" <= ch <= "\u9fff"})
    termbase = Termbase()
    seen: set[str] = set()
    while len(termbase) < concepts:
        th = rng.choice(words) + rng.choice(words)
        zh = "".join(rng.choice(han) for _ in range(rng.randint(3, 4)))
        if th in seen or zh in seen:
            continue
        seen.update((th, zh))
        concept = Concept(f"c{len(termbase)}")
        concept.add_term("th-TH", Term(th))
        concept.add_term("zh-CN", Term(zh))
        termbase.concepts.append(concept)
    data = []
    for index in range(pairs):
        th, zh = th_lines[index % len(th_lines)], zh_lines[index % len(zh_lines)]
        if rng.random() < 0.8:
            concept = rng.choice(termbase.concepts)
            th = f"{th} {concept.terms('th')[0].text}"
            zh = f"{zh}{concept.terms('zh')[0].text}。"
        data.append((th, zh))
    return termbase, data


def bare_scan(termbase, data) -> tuple[float, int]:
    """Seconds and hits of ``iter_long`` over pre-normalized text (the baseline)."""
    import ahocorasick

    from trilex.lang.normalize import fold

    scans = []
    for lang in ("th", "zh"):
        automaton = ahocorasick.Automaton()
        for index, (_, term) in enumerate(termbase.terms(lang)):
            automaton.add_word(fold(term.text), index)
        automaton.make_automaton()
        scans.append(automaton.iter_long)
    normalized = [(fold(th), fold(zh)) for th, zh in data]
    th_scan, zh_scan = scans
    hits = 0
    start = time.process_time()
    for th, zh in normalized:
        for _ in th_scan(th):
            hits += 1
        for _ in zh_scan(zh):
            hits += 1
    return time.process_time() - start, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--concepts", type=int, default=100_000)
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"{NTREX} is absent: the benchmark needs ../shared/corpora/ntrex128")
    from trilex.lang.matcher import TermMatcher, thai_dictionary_automaton

    termbase, data = make_data(args.concepts, args.pairs)
    start = time.process_time()
    th_matcher = TermMatcher(termbase, "th")
    th_build = time.process_time() - start
    start = time.process_time()
    zh_matcher = TermMatcher(termbase, "zh")
    zh_build = time.process_time() - start
    start = time.process_time()
    thai_dictionary_automaton()  # built by the first Thai candidate that needs segmenting
    dictionary = time.process_time() - start
    print(f"{len(data):,} pairs, {len(termbase):,} concepts; matchers built in "
          f"{th_build:.2f} s (th) and {zh_build:.2f} s (zh); Thai dictionary (once per process) {dictionary:.2f} s")
    bare, bare_hits = bare_scan(termbase, data)
    th_find, zh_find = th_matcher.find, zh_matcher.find
    hits = 0
    start = time.process_time()
    for th, zh in data:
        hits += len(th_find(th)) + len(zh_find(zh))
    ours = time.process_time() - start
    print(f"bare iter_long on normalized text: {bare:.2f} s ({bare_hits:,} raw hits)")
    print(f"TermMatcher.find on raw text:      {ours:.2f} s ({hits:,} hits) = {ours / bare:.2f}x the bare scan; "
          f"{len(data) / ours:,.0f} pairs/s, 1M pairs ≈ {ours * 1_000_000 / len(data):.0f} s")


if __name__ == "__main__":
    main()
