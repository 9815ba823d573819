"""Benchmark: ``trilex tm import`` of a trilingual TMX into SQLite (and PostgreSQL), against a
bare SQLite FTS5 trigram table filled with the same texts.

    python benchmarks/bench_tm_import.py [--units 50000] [--runs 3] [--postgres URL | --throwaway-postgres]

Writes (once; cached under benchmarks/data/, git-ignored) a th/zh/en TMX of ``--units`` units
generated from NTREX-128 like the fuzzy benchmark's, then in one run:

* runs ``trilex tm import FILE --tm NEW.tm`` as a separate process and reports wall time,
  units/s, peak RSS (the child's ``ru_maxrss``) and the store's bytes per unit;
* the same into PostgreSQL with ``--postgres URL`` (a database the benchmark may fill; it is
  emptied first) or ``--throwaway-postgres`` (a private cluster started from the machine's
  PostgreSQL binaries, as the tests do);
* the floor: the same texts (three per unit) inserted into a bare FTS5 ``trigram`` table in
  one transaction (``executemany``), timed in this process; the ratio is trilex's units/s
  divided by the floor's.

The three are measured ``--runs`` times in turn (floor, SQLite, PostgreSQL, floor, …: a VM's
speed drifts, and each gets the same share of it); the median and the best run are printed,
and the ratios are of the medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_fuzzy import generate_units, load_corpus  # noqa: E402


def tmx_file(units: int) -> Path:
    """The cached benchmark TMX of ``units`` units."""
    from trilex.tm.tmx import write_tmx

    path = HERE / "data" / f"import_{units}.tmx"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_tmx(generate_units(load_corpus(), units), path, srclang="en-US")
    return path


def texts(path: Path) -> list[str]:
    from trilex.tm.tmx import read_tmx

    _header, units = read_tmx(path)
    return [variant.text for unit in units for variant in unit.variants]


def run_import(path: Path, location: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of ``trilex tm import`` in a child process."""
    command = [sys.executable, "-m", "trilex", "-q", "tm", "import", str(path), "--tm", location]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status:
        sys.exit(f"import failed: {command}")
    return wall, usage.ru_maxrss


def fts5_floor(all_texts: list[str]) -> float:
    """Seconds to insert ``all_texts`` into a bare FTS5 trigram table (one transaction)."""
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(os.path.join(folder, "floor.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE VIRTUAL TABLE texts USING fts5(text, tokenize='trigram')")
        started = time.perf_counter()
        db.execute("BEGIN")
        db.executemany("INSERT INTO texts(text) VALUES (?)", ((text,) for text in all_texts))
        db.execute("COMMIT")
        seconds = time.perf_counter() - started
        db.close()
    return seconds


def store_size(location: str) -> int:
    from trilex.tm.store import open_store

    with open_store(location, create=False) as store:
        return store.stats().size_bytes


def report(name: str, units: int, walls: list[float], rss_kib: int, size: int, floor_rate: float) -> None:
    wall = statistics.median(walls)
    rate = units / wall
    print(f"{name:<28} {wall:7.2f} s  {rate:8,.0f} units/s (best {units / min(walls):6,.0f})  "
          f"peak RSS {rss_kib / 1024:6.0f} MiB  {size / units / 1024:5.2f} KiB/unit  "
          f"{rate / floor_rate:4.2f}x the FTS5 floor")


def empty_database(url: str) -> None:
    import psycopg

    from trilex.tm.postgres_store import connection_settings

    conninfo, schema = connection_settings(url)
    with psycopg.connect(conninfo, autocommit=True) as db:
        db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3, help="measurements of each (median and best reported)")
    parser.add_argument("--postgres", help="a PostgreSQL URL to import into as well (emptied first)")
    parser.add_argument("--throwaway-postgres", action="store_true",
                        help="start a private PostgreSQL cluster for the run")
    args = parser.parse_args()

    path = tmx_file(args.units)
    all_texts = texts(path)
    print(f"{path.name}: {args.units:,} units, {len(all_texts):,} segments, {path.stat().st_size / 2**20:.1f} MiB, "
          f"{args.runs} runs each")
    cluster = None
    url = args.postgres
    if args.throwaway_postgres:
        from pg_cluster import ThrowawayCluster

        cluster = ThrowawayCluster()
        cluster.start()
        cluster.create_database("bench")
        url = cluster.url("bench")
    floors: list[float] = []
    imports: dict[str, list[tuple[float, int, int]]] = {"SQLite": [], "PostgreSQL": []}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for run in range(args.runs):
                floors.append(fts5_floor(all_texts))
                location = os.path.join(folder, f"bench{run}.tm")
                wall, rss = run_import(path, location)
                imports["SQLite"].append((wall, rss, store_size(location)))
                os.unlink(location)
                if url:
                    empty_database(url)
                    wall, rss = run_import(path, url)
                    imports["PostgreSQL"].append((wall, rss, store_size(url)))
    finally:
        if cluster is not None:
            cluster.stop()
    floor = statistics.median(floors)
    floor_rate = args.units / floor
    print(f"{'FTS5 trigram floor':<28} {floor:7.2f} s  {floor_rate:8,.0f} units/s (best {args.units / min(floors):6,.0f})")
    for store, runs in imports.items():
        if runs:
            report(f"trilex tm import ({store})", args.units, [wall for wall, _rss, _size in runs],
                   max(rss for _wall, rss, _size in runs), runs[-1][2], floor_rate)
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
