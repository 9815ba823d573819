"""Benchmark: termbase I/O on a generated 100,000-concept termbase.

    python benchmarks/bench_termbase.py [--concepts 100000] [--runs 2]

Builds (in memory) ``--concepts`` concepts with en-US / th-TH / zh-CN terms — 1 to 3 terms per
language, statuses, parts of speech, a context sentence on every third term, a definition on
every fifth concept — and times, best of ``--runs``, trilex writing and reading it as TBX v3,
TBX v2 and CSV. Baseline: translate-toolkit's ``tbxfile`` parsing the same TBX v2 file (it
cannot read TBX v3) and reading every unit's source text. Prints CPU seconds and the ratio
baseline / trilex for reading TBX v2 (above 1 means trilex is faster). Note the baseline
builds far less: its units keep the XML and decode texts on access, trilex builds the whole
typed model (statuses, parts of speech, contexts, ids checked, cross-references resolved).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from trilex.termbase import AdminStatus, Concept, Context, Definition, Term, Termbase
from trilex.termbase.csvfile import read_csv, write_csv
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3

THAI = "ศูนย์ข้อมูลการประมวลผลคลาวด์ปัญญาประดิษฐ์เครือข่าย"
CHINESE = "数据中心云计算人工智能网络服务器存储安全"
ENGLISH = ["data", "center", "cloud", "computing", "network", "storage", "server", "agent"]


def generate(count: int, seed: int = 1) -> Termbase:
    """A reproducible termbase of ``count`` trilingual concepts."""
    rng = random.Random(seed)
    statuses = list(AdminStatus) + [None, None]
    concepts = []
    for index in range(count):
        concept = Concept(f"c{index}", subject_field="IT" if index % 2 else None)
        if index % 5 == 0:
            concept.definitions.append(Definition(f"Definition number {index}.", "bench"))
        for lang, make in (("en-US", lambda: " ".join(rng.sample(ENGLISH, 2))),
                           ("th-TH", lambda: THAI[rng.randrange(30):][: rng.randrange(4, 12)]),
                           ("zh-CN", lambda: CHINESE[rng.randrange(14):][: rng.randrange(2, 6)])):
            for number in range(rng.randrange(1, 4)):
                term = Term(make() + str(index), status=rng.choice(statuses),
                            part_of_speech="noun" if number == 0 else None)
                if rng.randrange(3) == 0:
                    term.contexts.append(Context(f"An example sentence with {term.text}."))
                concept.add_term(lang, term)
        concepts.append(concept)
    return Termbase(concepts, title="benchmark", source_desc=["generated"])


def best(runs: int, action):
    """The best CPU time (this process) of ``runs`` calls, and the last result.

    CPU time rather than wall time: other load on a shared machine disturbs it less.
    """
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = action()
        times.append(time.process_time() - start)
    return min(times), result


def baseline_read(data: bytes) -> int:
    """translate-toolkit: parse a TBX v2 file and touch every unit's source text."""
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(data)
    return sum(len(unit.source or "") for unit in store.units)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    termbase = generate(args.concepts)
    terms = sum(len(s.terms) for c in termbase for s in c.languages)
    print(f"{args.concepts} concepts, {terms} terms (en-US, th-TH, zh-CN)")
    rows = []
    for name, write, read in (("TBX v3", write_tbx3, read_tbx3), ("TBX v2", write_tbx2, read_tbx2),
                              ("CSV", lambda tb: write_csv(tb).encode("utf-8"), read_csv)):
        write_time, data = best(args.runs, lambda: write(termbase))
        read_time, back = best(args.runs, lambda: read(data, "bench"))
        assert len(back) == args.concepts
        rows.append((name, write_time, read_time, len(data)))
        if name == "TBX v2":
            v2_data, v2_read = data, read_time
    print(f"{'format':8} {'write s':>8} {'read s':>8} {'MB':>7}")
    for name, write_time, read_time, size in rows:
        print(f"{name:8} {write_time:8.2f} {read_time:8.2f} {size / 1e6:7.1f}")
    base_time, _ = best(args.runs, lambda: baseline_read(v2_data))
    print(f"baseline translate-toolkit tbxfile, read TBX v2: {base_time:.2f} s")
    print(f"ratio baseline / trilex (read TBX v2): {base_time / v2_read:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
