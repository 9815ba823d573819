"""Start-up benchmark: how long `trilex --help` and a one-file check take, as pre-commit runs them.

    python benchmarks/bench_startup.py [--runs 7]

Each command runs in a fresh process (the way pre-commit and CI call it); the figure is the
median wall time of --runs runs. "warm" runs use the disk cache of Thai dictionary structures
(trilex.lang.cache) as a second run finds it; "cold" runs get an empty cache folder each time.
Targets (issue 6): `trilex --help` ≤ 150 ms, a one-file check with the bundled termbase ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRILEX = [sys.executable, "-m", "trilex"]
BILINGUAL = REPO / "tests" / "data" / "check" / "seed-sample.th-zh.tsv"
ARTICLE = REPO / "seeds" / "articles" / "001_05bf531f44a1f137.txt"


def median_seconds(args: list[str], runs: int, env: dict[str, str], fresh_cache: bool) -> float:
    times = []
    for _ in range(runs):
        run_env = dict(env)
        if fresh_cache:
            run_env["TRILEX_CACHE_DIR"] = tempfile.mkdtemp(prefix="trilex-cold-")
        start = time.perf_counter()
        subprocess.run(args, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    env = dict(os.environ)
    warm_cache = tempfile.mkdtemp(prefix="trilex-warm-")
    env["TRILEX_CACHE_DIR"] = warm_cache
    subprocess.run([*TRILEX, "check", str(ARTICLE)], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)  # fills the warm cache
    rows = [
        ("trilex --help", [*TRILEX, "--help"], False, 0.150),
        ("check one th-zh TSV (warm)", [*TRILEX, "check", str(BILINGUAL)], False, 1.0),
        ("check one article (warm)", [*TRILEX, "check", str(ARTICLE)], False, 1.0),
        ("check one article (cold cache)", [*TRILEX, "check", str(ARTICLE)], True, None),
    ]
    print(f"{'command':<34} {'median':>9} {'target':>8}  ratio")
    for label, args, cold, target in rows:
        seconds = median_seconds(args, options.runs, env, cold)
        ratio = f"{seconds / target:.2f}× target" if target else ""
        shown = f"{target * 1000:.0f} ms" if target else "-"
        print(f"{label:<34} {seconds * 1000:>6.0f} ms {shown:>8}  {ratio}")


if __name__ == "__main__":
    main()
