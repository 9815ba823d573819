"""Benchmark: termbase I/O on a generated 100,000-concept termbase.

    python benchmarks/bench_termbase.py [--concepts 100000] [--runs 2]

Builds (in memory) ``--concepts`` concepts with en-US / th-TH / zh-CN terms — 1 to 3 terms per
language, statuses, parts of speech, a context sentence on every third term, a definition on
every fifth concept — and times, best of ``--runs``, trilex writing it as TBX v3, TBX v2 and
CSV (the files go to benchmarks/data/, git-ignored). Every read then runs in a fresh process
of its own, one at a time, trilex's readers and the baseline alternating: translate-toolkit's
``tbxfile`` parsing the same TBX v2 file (it cannot read TBX v3) and reading every unit's
source text. Times are CPU seconds of the read itself (``time.process_time`` in the child, so
starting Python and the imports are left out for both). Prints the ratio baseline / trilex
for reading TBX v2 (above 1 means trilex is faster). Note the baseline builds far less: its
units keep the XML and decode texts on access, trilex builds the whole typed model
(statuses, parts of speech, contexts, ids checked, cross-references resolved).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from trilex.termbase import AdminStatus, Concept, Context, Definition, Term, Termbase
from trilex.termbase.csvfile import read_csv, write_csv
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3

DATA = Path(__file__).resolve().parent / "data"
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


def baseline_read(data: bytes) -> object:
    """translate-toolkit: parse a TBX v2 file and touch every unit's source text."""
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(data)
    for unit in store.units:
        unit.source  # noqa: B018 - decoding the text is the work measured
    return store


READERS = {"TBX v3": lambda data: read_tbx3(data, "bench"),
           "TBX v2": lambda data: read_tbx2(data, "bench"),
           "CSV": lambda data: read_csv(data, "bench"),
           "baseline": baseline_read}


def worker(reader: str, path: str) -> None:
    """Child process: read ``path`` once with ``reader``, print its CPU seconds as JSON.

    What was read stays alive until the clock has stopped: freeing it is not reading."""
    data = Path(path).read_bytes()
    start = time.process_time()
    result = READERS[reader](data)
    seconds = time.process_time() - start
    assert result is not None
    print(json.dumps({"cpu": seconds}))


def read_in_child(reader: str, path: Path) -> float:
    """The CPU seconds of one read of ``path`` by ``reader``, in a fresh process."""
    output = subprocess.run([sys.executable, __file__, "--worker", reader, str(path)],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)["cpu"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--worker", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    termbase = generate(args.concepts)
    terms = sum(len(s.terms) for c in termbase for s in c.languages)
    print(f"{args.concepts} concepts, {terms} terms (en-US, th-TH, zh-CN); "
          f"best of {args.runs} runs, each read in its own process")
    DATA.mkdir(parents=True, exist_ok=True)
    files, writes = {}, {}
    for name, write in (("TBX v3", write_tbx3), ("TBX v2", write_tbx2),
                        ("CSV", lambda tb: write_csv(tb).encode("utf-8"))):
        writes[name], data = best(args.runs, lambda: write(termbase))
        files[name] = DATA / f"bench_termbase_{args.concepts}.{name.replace(' ', '').lower()}"
        files[name].write_bytes(data)
    files["baseline"] = files["TBX v2"]
    reads: dict[str, list[float]] = {name: [] for name in files}
    for _ in range(args.runs):
        for name, path in files.items():
            reads[name].append(read_in_child(name, path))
    print(f"{'format':8} {'write s':>8} {'read s':>8} {'MB':>7}")
    for name in writes:
        print(f"{name:8} {writes[name]:8.2f} {min(reads[name]):8.2f} {files[name].stat().st_size / 1e6:7.1f}")
    base = min(reads["baseline"])
    print(f"baseline translate-toolkit tbxfile, read TBX v2: {base:.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in reads['baseline'])})")
    print(f"trilex read TBX v2 runs: {', '.join(f'{t:.2f}' for t in reads['TBX v2'])}")
    print(f"ratio baseline / trilex (read TBX v2): {base / min(reads['TBX v2']):.2f}x "
          "(above 1: trilex is faster)")


if __name__ == "__main__":
    sys.exit(main())
