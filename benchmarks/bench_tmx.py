"""Benchmark: trilex's streaming TMX reader against translate-toolkit's ``tmxfile``.

    python benchmarks/bench_tmx.py [--units 200000] [--big 2000000] [--runs 2] [--keep]

Generates (once; cached under benchmarks/data/, git-ignored) a TMX of ``--units`` trilingual
units (en-US source, th-TH and zh-CN) from the NTREX-128 sentences in ../shared/corpora: each
unit splices the start of one sentence onto the end of another and keeps 15%, 25%, 40%, 60% or
all of it (same share in the three languages; a third whole); 10% carry a ``bpt``/``ept``
pair, 5% a ``ph``, 20% props and dates, 5% a note. Each reader then runs ``--runs`` times in
its own subprocess (peak RSS per reader from ``wait4``) and reads every unit's three texts:

* trilex: ``trilex.tm.tmx.read_tmx`` and ``unit.variant(lang).text``;
* translate-toolkit: ``tmxfile.parsefile`` and ``unit.source`` / ``unit.gettarget(lang)``.

It prints the best CPU time (user + system, which other load on the machine disturbs less than
wall time), the best wall time and the peak RSS of each, and the ratios (targets: trilex ≥ 2×
faster, ≤ 1/20 of the RSS). All times include starting Python and importing the library. Then it writes ``--big`` units (streaming; ~670 MB at 2M, deleted again
unless ``--keep``) and reads them with trilex only, to show that RSS stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPUS = HERE.parent.parent / "shared" / "corpora" / "ntrex128"
FILES = {"en-US": "newstest2019-src.eng.txt", "th-TH": "newstest2019-ref.tha.txt",
         "zh-CN": "newstest2019-ref.zho-CN.txt"}
LANGS = list(FILES)
#: Share of the spliced sentence kept: a third short (UI strings, titles), a third clauses, a third whole.
LENGTHS = (0.15, 0.25, 0.4, 0.6, 1.0, 1.0)
HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
          '  <header creationtool="bench_tmx" creationtoolversion="1" segtype="sentence" o-tmf="bench" '
          'adminlang="en-US" srclang="en-US" datatype="plaintext"/>\n  <body>\n')


def load_corpus() -> dict[str, list[str]]:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared/corpora/ntrex128")
    return {lang: (CORPUS / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}


def segment(text: str, rng: random.Random, kind: float) -> str:
    """The escaped ``seg`` content of ``text``, sometimes with inline codes around a middle part."""
    if kind < 0.10 and len(text) > 6:
        a, b = sorted(rng.sample(range(1, len(text) - 1), 2))
        return (f'{escape(text[:a])}<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>{escape(text[a:b])}'
                f'<ept i="1">&lt;/b&gt;</ept>{escape(text[b:])}')
    if kind < 0.15:
        return f'{escape(text)}<ph x="1" type="lb">&lt;br/&gt;</ph>'
    return escape(text)


def generate(path: Path, units: int, seed: int = 128) -> None:
    """Write a TMX of ``units`` trilingual units to ``path``, streaming, via a temporary file."""
    corpus = load_corpus()
    size = len(corpus["en-US"])
    rng = random.Random(seed)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(1, units + 1):
            first, second, cut = rng.randrange(size), rng.randrange(size), rng.random()
            length = rng.choice(LENGTHS)
            kind, extras = rng.random(), rng.random()
            parts = [f'    <tu tuid="{number}"'
                     + (' creationdate="20240501T120000Z" changeid="bench"' if extras < 0.2 else '') + '>\n']
            if extras < 0.05:
                parts.append(f"      <note>Generated from NTREX-128 lines {first + 1} and {second + 1}.</note>\n")
            if extras < 0.2:
                parts.append('      <prop type="x-Domain">news</prop>\n')
            for lang in LANGS:
                a, b = corpus[lang][first], corpus[lang][second]
                text = a[: int(len(a) * cut)] + b[int(len(b) * cut):]
                text = text[: max(1, int(len(text) * length))].strip()
                parts.append(f'      <tuv xml:lang="{lang}">\n        <seg>{segment(text, rng, kind)}</seg>\n      </tuv>\n')
            parts.append("    </tu>\n")
            out.write("".join(parts))
        out.write("  </body>\n</tmx>\n")
    tmp.replace(path)


def cached(units: int) -> Path:
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"bench_tmx_{units}.tmx"
    if not path.exists():
        started = time.perf_counter()
        generate(path, units)
        print(f"generated {path.name}: {path.stat().st_size / 2**20:.0f} MiB in {time.perf_counter() - started:.1f} s")
    return path


def read_with_trilex(path: str) -> int:
    from trilex.tm.tmx import read_tmx

    _header, units = read_tmx(path)
    chars = 0
    for unit in units:
        for lang in LANGS:
            chars += len(unit.variant(lang).text)
    return chars


def read_with_translate_toolkit(path: str) -> int:
    from translate.storage.tmx import tmxfile

    with open(path, "rb") as handle:
        store = tmxfile.parsefile(handle)
    chars = 0
    for unit in store.units:
        chars += len(unit.source) + len(unit.gettarget("th-TH")) + len(unit.gettarget("zh-CN"))
    return chars


READERS = {"trilex": read_with_trilex, "translate-toolkit": read_with_translate_toolkit}


def worker(reader: str, path: str) -> None:
    started = time.perf_counter()
    chars = READERS[reader](path)
    print(json.dumps({"seconds": time.perf_counter() - started, "chars": chars}))


def measure(reader: str, path: Path) -> dict:
    """Run ``reader`` on ``path`` in a child process; its wall time, peak RSS (MiB) and text read."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--worker", reader, str(path)], stdout=subprocess.PIPE)
    output = child.stdout.read()  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{reader} failed on {path} (exit code {child.returncode})")
    result = json.loads(output)
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "read": result["seconds"], "chars": result["chars"], "rss": usage.ru_maxrss / 1024}


def best_of(reader: str, path: Path, runs: int) -> dict:
    results = [measure(reader, path) for _ in range(runs)]
    best = min(results, key=lambda result: result["cpu"])
    best["wall"] = min(result["wall"] for result in results)
    best["rss"] = max(result["rss"] for result in results)
    return best


def report(name: str, result: dict) -> None:
    print(f"  {name:<18} CPU {result['cpu']:6.2f} s  wall {result['wall']:6.2f} s  "
          f"peak RSS {result['rss']:7.1f} MiB  text {result['chars']:,} chars")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--big", type=int, default=2_000_000, help="units of the RSS-flatness run (0 to skip)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the big file under benchmarks/data/")
    parser.add_argument("--worker", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    path = cached(args.units)
    print(f"{args.units:,} units, {path.stat().st_size / 2**20:.0f} MiB; best of {args.runs} runs, each in its own process")
    ours = best_of("trilex", path, args.runs)
    theirs = best_of("translate-toolkit", path, args.runs)
    report("trilex", ours)
    report("translate-toolkit", theirs)
    if ours["chars"] != theirs["chars"]:
        print(f"  note: translate-toolkit flattens inline codes into the text ({theirs['chars']:,} chars"
              f" against {ours['chars']:,} without codes)")
    print(f"  mean segment: {ours['chars'] / (3 * args.units):.0f} characters")
    print(f"  speed: trilex is {theirs['cpu'] / ours['cpu']:.2f}x faster in CPU time, "
          f"{theirs['wall'] / ours['wall']:.2f}x in wall time (target >= 2x)")
    print(f"  memory: trilex uses 1/{theirs['rss'] / ours['rss']:.0f} of the RSS (target <= 1/20)")

    if args.big:
        free = shutil.disk_usage(HERE).free
        if free < args.big * 400:
            print(f"skipping the {args.big:,}-unit run: only {free / 2**30:.1f} GiB free")
            return
        big = cached(args.big)
        try:
            result = measure("trilex", big)
            print(f"{args.big:,} units, {big.stat().st_size / 2**20:.0f} MiB, trilex only")
            report("trilex", result)
            print(f"  RSS at {args.big:,} units is {result['rss'] / ours['rss']:.2f}x the RSS at {args.units:,} units")
        finally:
            if not args.keep:
                big.unlink()


if __name__ == "__main__":
    main()
