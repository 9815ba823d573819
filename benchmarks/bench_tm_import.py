"""Benchmark: ``trilex tm import`` of a trilingual TMX into SQLite (and PostgreSQL), against a
bare SQLite FTS5 trigram table filled with the same texts.

    python benchmarks/bench_tm_import.py [--units 50000] [--postgres URL | --throwaway-postgres]

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
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
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


def report(name: str, units: int, wall: float, rss_kib: int, size: int, floor_rate: float) -> None:
    rate = units / wall
    print(f"{name:<28} {wall:7.1f} s  {rate:8,.0f} units/s  peak RSS {rss_kib / 1024:6.0f} MiB  "
          f"{size / units / 1024:5.2f} KiB/unit  {rate / floor_rate:4.2f}x the FTS5 floor")


def empty_database(url: str) -> None:
    import psycopg

    from trilex.tm.postgres_store import connection_settings

    conninfo, schema = connection_settings(url)
    with psycopg.connect(conninfo, autocommit=True) as db:
        db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--postgres", help="a PostgreSQL URL to import into as well (emptied first)")
    parser.add_argument("--throwaway-postgres", action="store_true",
                        help="start a private PostgreSQL cluster for the run")
    args = parser.parse_args()

    path = tmx_file(args.units)
    all_texts = texts(path)
    print(f"{path.name}: {args.units:,} units, {len(all_texts):,} segments, {path.stat().st_size / 2**20:.1f} MiB")
    floor = fts5_floor(all_texts)
    floor_rate = args.units / floor
    print(f"{'FTS5 trigram floor':<28} {floor:7.1f} s  {floor_rate:8,.0f} units/s")

    with tempfile.TemporaryDirectory() as folder:
        location = os.path.join(folder, "bench.tm")
        wall, rss = run_import(path, location)
        report("trilex tm import (SQLite)", args.units, wall, rss, store_size(location), floor_rate)

    cluster = None
    url = args.postgres
    if args.throwaway_postgres:
        from pg_cluster import ThrowawayCluster

        cluster = ThrowawayCluster()
        cluster.start()
        cluster.create_database("bench")
        url = cluster.url("bench")
    try:
        if url:
            empty_database(url)
            wall, rss = run_import(path, url)
            report("trilex tm import (PostgreSQL)", args.units, wall, rss, store_size(url), floor_rate)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
