"""Bilingual readers benchmark: trilex's readers against a bare baseline and translate-toolkit.

Run from the repository root (needs ../shared/corpora)::

    .venv/bin/python benchmarks/bench_bitext.py [--pairs 1000000] [--tus 100000]

Printed, one line per format, the best CPU time (``time.process_time``, steadier than wall
time on a shared machine) of ``--runs`` runs:

* parallel text and TSV, ``--pairs`` th→zh pairs (the NTREX-128 sentences repeated): trilex
  against the bare minimum (read, split lines, split tabs, build tuples) — the ratio is what
  the Segment objects, line numbers and checks cost;
* PO (xfce4-panel.th.po), XLIFF 1.2 (wise-client.messages.th.xlf) and a generated TMX with
  ``--tus`` units: trilex against translate-toolkit reading the same file and touching every
  unit's source and target.

Generated inputs are cached under benchmarks/data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPORA = HERE.parent.parent / "shared" / "corpora"
NTREX = CORPORA / "ntrex128"


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    """The smallest CPU time of ``runs`` runs of ``work()``, and its last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        result = work()
        best = min(best, time.process_time() - start)
    return best, result


def ntrex(name: str) -> list[str]:
    return (NTREX / name).read_text(encoding="utf-8").splitlines()


def parallel_files(pairs: int) -> tuple[Path, Path, Path]:
    """Thai, Chinese and TSV files of ``pairs`` lines, built once from NTREX-128."""
    DATA.mkdir(exist_ok=True)
    thai, chinese, tsv = (DATA / f"bitext-{pairs}.{suffix}" for suffix in ("th.txt", "zh.txt", "tsv"))
    if not (thai.exists() and chinese.exists() and tsv.exists()):
        th_lines, zh_lines = ntrex("newstest2019-ref.tha.txt"), ntrex("newstest2019-ref.zho-CN.txt")
        th = [th_lines[i % len(th_lines)] for i in range(pairs)]
        zh = [zh_lines[i % len(zh_lines)] for i in range(pairs)]
        thai.write_text("\r\n".join(th) + "\r\n", encoding="utf-8")
        chinese.write_text("\r\n".join(zh) + "\r\n", encoding="utf-8")
        tsv.write_text("th\tzh\n" + "".join(f"{a}\t{b}\n" for a, b in zip(th, zh)), encoding="utf-8")
    return thai, chinese, tsv


def tmx_file(tus: int) -> Path:
    """A bilingual en→th TMX of ``tus`` units, built once from NTREX-128."""
    path = DATA / f"bitext-{tus}.tmx"
    if not path.exists():
        en, th = ntrex("newstest2019-src.eng.txt"), ntrex("newstest2019-ref.tha.txt")
        with path.open("w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                      '<header creationtool="bench" creationtoolversion="1" segtype="sentence" '
                      'o-tmf="none" adminlang="en-US" srclang="en" datatype="plaintext"/>\n<body>\n')
            for i in range(tus):
                out.write(f'<tu tuid="{i}"><tuv xml:lang="en"><seg>{escape(en[i % len(en)])}</seg></tuv>'
                          f'<tuv xml:lang="th"><seg>{escape(th[i % len(th)])}</seg></tuv></tu>\n')
            out.write("</body>\n</tmx>\n")
    return path


def bare_parallel(source: Path, target: Path) -> list[tuple[str, str]]:
    sources = source.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    return list(zip(sources, targets))


def bare_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]


def translate_toolkit(store_class) -> Callable[[Path], list[tuple[str, str]]]:
    def read(path: Path) -> list[tuple[str, str]]:
        store = store_class.parsefile(str(path))
        return [(str(unit.source), str(unit.target)) for unit in store.units if not unit.isheader()]
    return read


def report(name: str, ours: float, baseline_name: str, baseline: float, count: int) -> None:
    print(f"{name:<9} {count:>9,} segments  trilex {ours:7.3f} s ({count / ours:>11,.0f}/s)   "
          f"{baseline_name} {baseline:7.3f} s   ratio trilex/{baseline_name} = {ours / baseline:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--tus", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if not CORPORA.exists():
        sys.exit(f"{CORPORA} is absent: the benchmark needs ../shared/corpora")
    from translate.storage import pypo, tmx, xliff

    from trilex.bitext.delimited import read_tsv
    from trilex.bitext.parallel import read_parallel
    from trilex.bitext.po import read_po
    from trilex.bitext.tmx import read_tmx
    from trilex.bitext.xliff import read_xliff

    thai, chinese, tsv = parallel_files(options.pairs)
    ours, doc = best_of(options.runs, lambda: read_parallel(str(thai), str(chinese), "th", "zh"))
    bare, _ = best_of(options.runs, lambda: bare_parallel(thai, chinese))
    report("parallel", ours, "bare", bare, len(doc))
    ours, doc = best_of(options.runs, lambda: read_tsv(str(tsv)))
    bare, _ = best_of(options.runs, lambda: bare_tsv(tsv))
    report("tsv", ours, "bare", bare, len(doc))
    del doc
    for name, path, reader, store_class in (
            ("po", CORPORA / "po" / "xfce4-panel.th.po", read_po, pypo.pofile),
            ("xliff", CORPORA / "xliff" / "wise-client.messages.th.xlf", read_xliff, xliff.xlifffile),
            ("tmx", tmx_file(options.tus), read_tmx, tmx.tmxfile)):
        ours, doc = best_of(options.runs, lambda: reader(str(path)))
        theirs, _ = best_of(options.runs, lambda: translate_toolkit(store_class)(path))
        report(name, ours, "ttk", theirs, len(doc))


if __name__ == "__main__":
    main()
