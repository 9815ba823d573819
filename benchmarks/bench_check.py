"""Term-check benchmark: 1,000,000 th→zh segment pairs against a termbase of 100,000 concepts.

Run from the repository root (needs ../shared/corpora/ntrex128)::

    .venv/bin/python benchmarks/bench_check.py [--pairs 1000000] [--concepts 100000]

The pairs are the NTREX-128 Thai and Chinese news sentences, repeated and varied: each copy
gets termbase terms spliced in (the approved Chinese term, a deprecated one, or none), so the
checks have real work. The termbase is the bundled one plus generated concepts whose Thai names
are compounds of dictionary words and whose Chinese names are character sequences from the
corpus. Both are cached under benchmarks/data/ (git-ignored).

Printed, from one run:

* the command: wall time of ``trilex check -j N`` (every term and QA check on, a JSON report
  written) on the pairs as a TSV file against the termbase as a TBX file, as a user runs it:
  reading, checking in N worker processes, writing; and its peak RSS (the largest process).
  It runs twice and the second run is reported: the first fills the disk cache of the
  compiled termbase, which every later run loads;
* in this process, on one core (CPU seconds): segments/s of
  :func:`trilex.check.engine.run_check` (every check on);
* the naive loop (``term in text`` for every term, on a sample, extrapolated) and the ratio;
* the bare scan (pyahocorasick ``iter_long`` over the already-normalized source and target,
  no word boundaries, no checks) and the ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
NTREX = HERE.parent.parent / "shared" / "corpora" / "ntrex128"
SEED = 20261120


def clock() -> float:
    """CPU seconds of this process: the benchmark is single-threaded, and CPU time stays
    meaningful on a shared machine where wall time depends on the other load."""
    return time.process_time()


def read_lines(path: Path) -> list[str]:
    """The lines of an NTREX file without their CRLF endings."""
    return path.read_text(encoding="utf-8").splitlines()


def build_termbase(concepts: int, zh_lines: list[str], rng: random.Random):
    """The bundled termbase plus generated th/zh concepts, ``concepts`` in all."""
    from pythainlp.corpus import thai_words

    from trilex.termbase import bundled_path, load
    from trilex.termbase.model import AdminStatus, Concept, Term

    try:
        termbase = load(bundled_path())
    except Exception as exc:  # the bundled termbase is optional for the benchmark
        print(f"(bundled termbase not used: {exc})", file=sys.stderr)
        from trilex.termbase.model import Termbase
        termbase = Termbase()
    words = sorted(word for word in thai_words() if len(word) >= 3 and " " not in word)
    han = sorted({ch for line in zh_lines for ch in line if "\u4e00" <= ch <= "\u9fff"})
    seen_th: set[str] = set()
    seen_zh: set[str] = set()
    number = 0
    while len(termbase.concepts) < concepts:
        th = rng.choice(words) + rng.choice(words)
        zh = "".join(rng.choice(han) for _ in range(rng.randint(3, 4)))
        if th in seen_th or zh in seen_zh:
            continue
        seen_th.add(th)
        seen_zh.add(zh)
        number += 1
        concept = Concept(f"gen{number}")
        concept.add_term("th-TH", Term(th, status=AdminStatus.PREFERRED))
        concept.add_term("zh-CN", Term(zh, status=AdminStatus.PREFERRED))
        if number % 10 == 0:
            old = "".join(rng.choice(han) for _ in range(4))
            concept.add_term("zh-CN", Term(old, status=AdminStatus.DEPRECATED))
        termbase.concepts.append(concept)
    return termbase


def build_pairs(count: int, th_lines: list[str], zh_lines: list[str], termbase,
                rng: random.Random) -> list[tuple[str, str]]:
    """``count`` (Thai, Chinese) pairs: corpus sentences with terms spliced in.

    Per pair: 60% get one concept (approved Chinese term 90%, deprecated 5% where the concept
    has one, else nothing),
    20% get two, 20% none.
    """
    generated = [c for c in termbase.concepts if c.id.startswith("gen")]
    pairs = []
    size = len(th_lines)
    for index in range(count):
        th, zh = th_lines[index % size], zh_lines[index % size]
        roll = rng.random()
        for _ in range(0 if roll < 0.2 else 1 if roll < 0.8 else 2):
            concept = rng.choice(generated)
            zh_terms = concept.terms("zh")
            pick = rng.random()
            if pick < 0.9:
                zh_term = zh_terms[0].text
            elif pick < 0.95 and len(zh_terms) > 1:
                zh_term = zh_terms[1].text
            else:
                zh_term = ""
            th = f"{th} {concept.terms('th')[0].text}"
            zh = f"{zh}{zh_term}。"
        pairs.append((th, zh))
    return pairs


def cached_data(pairs: int, concepts: int):
    """The termbase and the pairs, generated once and cached under benchmarks/data/."""
    from trilex.termbase import load, save

    DATA.mkdir(exist_ok=True)
    tbx = DATA / f"check-termbase-{concepts}.tbx"
    tsv = DATA / f"check-pairs-{pairs}.tsv"
    th_lines = read_lines(NTREX / "newstest2019-ref.tha.txt")
    zh_lines = read_lines(NTREX / "newstest2019-ref.zho-CN.txt")
    rng = random.Random(SEED)
    if tbx.exists():
        termbase = load(str(tbx))
    else:
        termbase = build_termbase(concepts, zh_lines, rng)
        save(termbase, str(tbx))
    if tsv.exists():
        rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()]
        return termbase, [(row[0], row[1]) for row in rows]
    data = build_pairs(pairs, th_lines, zh_lines, termbase, rng)
    tsv.write_text("".join(f"{th}\t{zh}\n" for th, zh in data), encoding="utf-8")
    return termbase, data


def command_run(pairs: int, concepts: int, jobs: int) -> tuple[float, float, int]:
    """``trilex check -j jobs`` on the cached files: (wall seconds, CPU seconds of the process
    and its workers, peak RSS in MiB of the largest of them)."""
    tsv = DATA / f"check-pairs-{pairs}.th-zh.tsv"
    if not tsv.exists():  # the cached pairs with the header a bilingual TSV names its languages in
        body = (DATA / f"check-pairs-{pairs}.tsv").read_text(encoding="utf-8")
        tsv.write_text("th-TH\tzh-CN\n" + body, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "trilex", "check", "-q", "-t", str(DATA / f"check-termbase-{concepts}.tbx"),
                   "-j", str(jobs), "-f", "json", "-o", os.path.join(folder, "report.json"), str(tsv)]
        start = time.perf_counter()
        # posix_spawn: the child does not start as a copy of this process's memory (a fair peak RSS)
        pid = os.posix_spawn(sys.executable, command, os.environ)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"trilex check failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def naive_seconds_per_pair(pairs: list[tuple[str, str]], termbase, sample: int) -> float:
    """Seconds per pair of the naive loop: every term tested with ``in`` on normalized text."""
    from trilex.lang.normalize import fold

    th_terms = [fold(term.text) for _, term in termbase.terms("th")]
    zh_terms = [fold(term.text) for _, term in termbase.terms("zh")]
    chosen = pairs[:: max(1, len(pairs) // sample)][:sample]
    start = clock()
    hits = 0
    for th, zh in chosen:
        th_n, zh_n = fold(th), fold(zh)
        hits += sum(1 for term in th_terms if term in th_n)
        hits += sum(1 for term in zh_terms if term in zh_n)
    return (clock() - start) / len(chosen)


def bare_scan_seconds(pairs: list[tuple[str, str]], termbase) -> float:
    """Seconds for pyahocorasick ``iter_long`` over every normalized source and target."""
    import ahocorasick

    from trilex.lang.normalize import fold

    automata = {}
    for lang in ("th", "zh"):
        automaton = ahocorasick.Automaton()
        for index, (_, term) in enumerate(termbase.terms(lang)):
            automaton.add_word(fold(term.text), index)
        automaton.make_automaton()
        automata[lang] = automaton
    normalized = [(fold(th), fold(zh)) for th, zh in pairs]
    th_scan, zh_scan = automata["th"].iter_long, automata["zh"].iter_long
    start = clock()
    found = 0
    for th, zh in normalized:
        for _ in th_scan(th):
            found += 1
        for _ in zh_scan(zh):
            found += 1
    return clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--naive-sample", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the command run")
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"{NTREX} is absent: the benchmark needs ../shared/corpora/ntrex128")

    from trilex.bitext.model import BilingualDocument, Segment
    from trilex.check.engine import run_check
    from trilex.check.index import TermIndex

    start = clock()
    termbase, pairs = cached_data(args.pairs, args.concepts)
    print(f"data: {len(pairs):,} pairs, {len(termbase):,} concepts ({clock() - start:.1f} s)")

    command_run(args.pairs, args.concepts, args.jobs)  # fills the disk cache of the compiled termbase
    wall, cpu, rss = command_run(args.pairs, args.concepts, args.jobs)
    print(f"trilex check -j {args.jobs} (command, second run): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"{args.pairs / wall:,.0f} segments/s, peak RSS {rss:,} MiB (target under 60 s at 1M pairs)")

    document = BilingualDocument("bench.tsv", "th-TH", "zh-CN", format="tsv", segments=[
        Segment(th, zh, "bench.tsv", line) for line, (th, zh) in enumerate(pairs, 1)])
    start = clock()
    index = TermIndex(termbase)
    index.matcher("th-TH")
    index.matcher("zh-CN")
    build = clock() - start
    start = clock()
    report = run_check([document], index)
    ours = clock() - start
    rate = len(pairs) / ours
    print(f"matchers built in {build:.1f} s")
    print(f"run_check on one core: {ours:.1f} s CPU, {rate:,.0f} segments/s, {len(report.findings):,} findings "
          f"{dict(sorted(report.counts().items()))}")

    bare = bare_scan_seconds(pairs, termbase)
    print(f"bare automaton scan (normalized text, no boundaries, no checks): {bare:.1f} s "
          f"→ trilex check is {ours / bare:.2f}× the bare scan (target ≤ 3×)")

    per_pair = naive_seconds_per_pair(pairs, termbase, args.naive_sample)
    naive = per_pair * len(pairs)
    print(f"naive loop ({args.naive_sample} pairs, extrapolated): {naive:,.0f} s "
          f"→ trilex check is {naive / ours:,.0f}× faster (target ≥ 100×)")


if __name__ == "__main__":
    main()
