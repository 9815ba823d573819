"""QA + term-check benchmark: ``trilex check`` against ``pofilter`` on a 1,000,000-unit PO file.

Run from the repository root (needs ../shared/corpora/po)::

    .venv/bin/python benchmarks/bench_qa.py [--units 1000000] [--pofilter-units 100000]
                                            [--lang th] [--runs 3] [--full-runs 1]
                                            [--pofilter-tests accelerators,printf,…]

**Data.** A PO file of ``--units`` messages (default 1,000,000) made by repeating the real
messages of one corpus catalogue, ``../shared/corpora/po/xfce4-panel.th.po`` (499 messages;
``--lang zh_CN`` takes the Chinese one), after its header, comments, flags and plural message
as they are. One target language per file, like a real catalogue. Each copy ``N`` of the
catalogue puts its messages in the context ``msgctxt "copy N"`` (an existing context becomes
``copy N|context``). Why a context and not an edited msgid:

* the file stays a valid catalogue: gettext and translate-toolkit key a message by
  msgctxt + msgid, and a repeated key is an error for ``msgfmt`` (and would collapse in a store
  indexed by it);
* every msgid and msgstr keeps its real text, so the term matcher and the QA checks do the work
  they do on the real file (an edited msgid would also change what the checks see);
* the run-wide ``inconsistent-translation`` check then sees realistic repeats instead of a
  pathological case: each translation is used ~2,000 times for the same source (its
  "one translation, several sources" table grows to 2,000 locations per text, as over a large
  project), while messages in different contexts are, as gettext intends, not compared for
  "one source, several translations". Unique msgids would instead turn every repeated
  translation into thousands of "several sources" findings.

The catch of repeating 499 messages: per-text caches (Thai phrase segmentation in the matcher)
hit far more often than on 1M distinct messages. pofilter caches nothing per text, so this
favours trilex somewhat; the same holds for the prefix file below.

The file is cached under benchmarks/data/ (git-ignored), as ``qa-<units>.<lang>.po``; so is a
prefix file of ``--pofilter-units`` messages built the same way (its first messages are the big
file's).

**Measured**, each run in its own process (times include starting Python and the imports;
peak RSS is ``ru_maxrss`` of that process, from ``wait4``):

* trilex: ``load_index([])`` (the bundled termbase, from the disk cache; one untimed warm-up
  run fills it), ``read_document(path, include_fuzzy=True)``, ``run_check`` with every check
  (QA and term checks). The worker also reports its in-process read and check times.
* pofilter (translate-toolkit) with the tests that match trilex's QA checks, ``--gnome``
  (accelerator marker ``_``) and ``--language``, output to a temporary file:

  ============================  =====================================================
  trilex                        pofilter ``-t``
  ============================  =====================================================
  placeholder-mismatch          printf, pythonbraceformat, variables
  tag-mismatch                  xmltags
  accelerator-mismatch          accelerators
  whitespace-mismatch           startwhitespace, endwhitespace, newlines, tabs
  url-mismatch                  urls, emails, filepaths
  untranslated                  unchanged
  plural-forms                  nplurals
  header-mismatch, inconsistent-translation, the term checks: no pofilter test
  ============================  =====================================================

pofilter runs on the ``--pofilter-units`` prefix file (it keeps the whole store in memory and
is slow; give ``--pofilter-units`` equal to ``--units`` to run it on the big file). trilex runs
on the big file and on the prefix file, so one ratio compares the same file; the other compares
units/s measured on different sizes and is labelled so. Ratio = trilex units/s ÷ pofilter
units/s (target ≥ 5). Best of ``--runs`` runs for the prefix file, ``--full-runs`` for the big one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPORA = HERE.parent.parent / "shared" / "corpora" / "po"
POFILTER_TESTS = ("accelerators", "printf", "pythonbraceformat", "variables", "xmltags",
                  "startwhitespace", "endwhitespace", "newlines", "tabs", "urls", "emails",
                  "filepaths", "unchanged", "nplurals")
TARGET = 5.0
_BLANK = re.compile(r"\n[ \t]*\n")
_POFILTER_NOTE = re.compile(r"^# \(pofilter\) (\w+):", re.MULTILINE)


def corpus_path(lang: str) -> Path:
    return CORPORA / f"xfce4-panel.{lang}.po"


def split_catalogue(text: str) -> tuple[str, list[str]]:
    """The header entry (with the comments before it) and the message entries, as PO text."""
    blocks = [block for block in _BLANK.split(text.strip("\n")) if block.strip()]
    header, messages = blocks[0], blocks[1:]
    if 'msgid ""\nmsgstr ""' not in header or "\nmsgctxt" in header:
        raise SystemExit("the corpus catalogue does not start with a header entry")
    return header, [block for block in messages if not block.lstrip().startswith("#~")]


def in_copy(block: str, copy: int) -> str:
    """One message entry, placed in the context of copy ``copy``."""
    lines = block.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("msgctxt "):
            lines[number] = line.replace('msgctxt "', f'msgctxt "copy {copy}|', 1)
            break
        if line.startswith("msgid "):
            lines.insert(number, f'msgctxt "copy {copy}"')
            break
    return "\n".join(lines)


def build_file(units: int, lang: str) -> Path:
    """The ``units``-message PO file of ``lang``, generated once under benchmarks/data/."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"qa-{units}.{lang}.po"
    if path.exists():
        return path
    header, messages = split_catalogue(corpus_path(lang).read_text(encoding="utf-8"))
    partial = path.with_suffix(".po.part")
    with partial.open("w", encoding="utf-8") as out:
        out.write(header + "\n\n")
        for number in range(units):
            out.write(in_copy(messages[number % len(messages)], number // len(messages)) + "\n\n")
    partial.replace(path)
    return path


# ---------------------------------------------------------------- workers (child processes)

def trilex_worker(path: str, jobs: int, memo: bool) -> None:
    """Do what ``trilex check PATH -f json -o FILE -j JOBS`` does, with every check, and print the
    in-process figures as JSON: read (the collector paused, as the command does), check, apply
    the suppressions, write the JSON report to a temporary file. Without ``memo`` every unit is
    checked as if no other unit of the file said the same (the cost on a file without repeats)."""
    import resource

    started = time.perf_counter()
    from trilex.bitext import read_document
    from trilex.check import segments
    from trilex.check.engine import CheckOptions, run_check
    from trilex.check.gate import apply_gate
    from trilex.check.index import load_index
    from trilex.check.reporters import get_reporter
    from trilex.fileio import atomic_write
    from trilex.gc_pause import paused_gc

    if not memo:
        segments.MEMO_UNITS = 0
    index = load_index([])
    loaded = time.perf_counter()
    with paused_gc(freeze=True):
        document = read_document(path, include_fuzzy=True)
    read = time.perf_counter()
    report = run_check([document], index, CheckOptions(), jobs=jobs)
    checked = time.perf_counter()
    apply_gate(report, [document])
    with tempfile.TemporaryDirectory() as folder, atomic_write(Path(folder) / "report.json") as stream:
        get_reporter("json")(report, stream)
    written = time.perf_counter()
    import trilex

    print(json.dumps({"trilex": str(Path(trilex.__file__).parent), "checks": len(report.checks),
                      "imports_index": loaded - started, "read": read - loaded, "check": checked - read,
                      "report": written - checked,
                      "segments": len(document.segments), "findings": len(report.findings),
                      "counts": dict(sorted(report.counts().items())),
                      "rss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def pofilter_command(path: Path, output: Path, lang: str, tests: list[str]) -> list[str]:
    script = Path(sys.executable).parent / "pofilter"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "translate.filters.pofilter"]
    tests = [arg for test in tests for arg in ("-t", test)]
    return command + ["--progress=none", "--gnome", f"--language={lang}", *tests, str(path), str(output)]


# ---------------------------------------------------------------- measuring

def run_child(command: list[str]) -> dict:
    """Run ``command``; its wall and CPU seconds, peak RSS (MiB) and stdout."""
    with tempfile.TemporaryFile() as stdout:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            sys.exit(f"failed (exit code {child.returncode}): {' '.join(command)}")
        stdout.seek(0)
        output = stdout.read().decode("utf-8")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "stdout": output}


def measure_trilex(path: Path, jobs: int, memo: bool = True) -> dict:
    result = run_child([sys.executable, __file__, "--worker", "trilex", str(path), "--jobs", str(jobs),
                        *([] if memo else ["--no-memo"])])
    result.update(json.loads(result.pop("stdout")))
    return result


def measure_pofilter(path: Path, lang: str, tests: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "pofilter-out.po"
        result = run_child(pofilter_command(path, output, lang, tests))
        text = output.read_text(encoding="utf-8") if output.exists() else ""
    result.pop("stdout")
    result["counts"] = dict(sorted(Counter(_POFILTER_NOTE.findall(text)).items()))
    result["findings"] = sum(result["counts"].values())
    return result


def best_of(runs: int, work) -> dict:
    """The run with the least wall time of ``runs``; CPU best and RSS worst over all runs."""
    results = [work() for _ in range(max(1, runs))]
    best = dict(min(results, key=lambda result: result["wall"]))
    best["cpu"] = min(result["cpu"] for result in results)
    best["rss"] = max(result["rss"] for result in results)
    best["runs"] = len(results)
    return best


# ---------------------------------------------------------------- output

def row(tool: str, units: int, result: dict, ratio: str) -> str:
    return (f"{tool:<30} {units:>11,} {result['wall']:>9.2f} {result['cpu']:>9.2f} "
            f"{units / result['wall']:>11,.0f} {result['rss']:>10.1f}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000, help="messages in the big file")
    parser.add_argument("--pofilter-units", type=int, default=100_000,
                        help="messages in the file pofilter (and trilex again) runs on; "
                             "equal to --units to run pofilter on the big file")
    parser.add_argument("--lang", default="th", choices=("th", "zh_CN"), help="which corpus catalogue")
    parser.add_argument("--runs", type=int, default=3, help="runs on the prefix file (best wall time)")
    parser.add_argument("--full-runs", type=int, default=1, help="trilex runs on the big file")
    parser.add_argument("--pofilter-tests", default=",".join(POFILTER_TESTS), metavar="TEST,...",
                        help="pofilter tests to run (default: the 14 that match trilex's QA checks)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="trilex's worker processes (check --jobs; CPU then counts the workers too)")
    parser.add_argument("--no-memo", dest="memo", action="store_false",
                        help="check every unit afresh, as on a file where no two units say the same "
                             "(trilex checks repeated units of a file once)")
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        trilex_worker(args.worker[1], args.jobs, args.memo)
        return
    if not corpus_path(args.lang).exists():
        sys.exit(f"{corpus_path(args.lang)} is absent: the benchmark needs ../shared/corpora/po")
    small = min(args.pofilter_units, args.units)
    tests = [test.strip() for test in args.pofilter_tests.split(",") if test.strip()]

    started = time.perf_counter()
    big_file, small_file = build_file(args.units, args.lang), build_file(small, args.lang)
    print(f"data: {big_file.name} ({big_file.stat().st_size / 2**20:,.1f} MiB), "
          f"{small_file.name} ({small_file.stat().st_size / 2**20:,.1f} MiB), "
          f"{time.perf_counter() - started:.1f} s")
    warm = measure_trilex(Path(corpus_path(args.lang)), 1)  # warm-up: fills the disk cache of the term index
    print(f"trilex from {warm['trilex']}: {warm['checks']} checks; pofilter: {len(tests)} tests ({', '.join(tests)})")

    print(f"trilex on {small_file.name} ({args.runs} run(s)) …", flush=True)
    trilex_small = best_of(args.runs, lambda: measure_trilex(small_file, args.jobs, args.memo))
    print(f"pofilter on {small_file.name} ({args.runs} run(s)) …", flush=True)
    pofilter = best_of(args.runs, lambda: measure_pofilter(small_file, args.lang, tests))
    if small == args.units:
        trilex_big = trilex_small
    else:
        print(f"trilex on {big_file.name} ({args.full_runs} run(s)) …", flush=True)
        trilex_big = best_of(args.full_runs, lambda: measure_trilex(big_file, args.jobs, args.memo))

    pofilter_rate = small / pofilter["wall"]
    same = (small / trilex_small["wall"]) / pofilter_rate
    cross = (args.units / trilex_big["wall"]) / pofilter_rate
    print()
    print(f"{'tool':<30} {'units':>11} {'wall s':>9} {'CPU s':>9} {'units/s':>11} {'RSS MiB':>10}  ratio (units/s ÷ pofilter's)")
    print(row(f"pofilter ({len(tests)} tests)", small, pofilter, "1.00"))
    label = f"trilex (all checks, -j {args.jobs}{'' if args.memo else ', no memo'})"
    print(row(label, small, trilex_small, f"{same:.2f}  same file"))
    if small != args.units:
        print(row(label, args.units, trilex_big,
                  f"{cross:.2f}  against pofilter's units/s at {small:,} units (different sizes)"))
    print(f"\nCPU-time ratio on the same file (pofilter's CPU s ÷ trilex's; steadier than wall time "
          f"on a loaded machine): {pofilter['cpu'] / trilex_small['cpu']:.2f}")
    print(f"target ≥ {TARGET:g}× pofilter: {'met' if same >= TARGET else 'NOT met'} on the same file "
          f"({same:.2f}×)" + ("" if small == args.units else
                              f"; {'met' if cross >= TARGET else 'NOT met'} at {args.units:,} units ({cross:.2f}×, "
                              "units/s at different sizes)"))
    for label, units, result in (("trilex", small, trilex_small), ("trilex", args.units, trilex_big)):
        print(f"{label} {units:,} units: {result['segments']:,} segments; in process: imports + index "
              f"{result['imports_index']:.2f} s, read {result['read']:.2f} s, checks {result['check']:.2f} s, "
              f"suppressions + JSON report {result['report']:.2f} s; "
              f"{result['findings']:,} findings {result['counts']}")
        if units == small == args.units:
            break
    print(f"pofilter {small:,} units: {pofilter['findings']:,} failures {pofilter['counts']}")


if __name__ == "__main__":
    main()
