"""Long inputs: the Thai matcher's time per MB, and the memory it takes to refuse a huge field.

Run from the repository root::

    .venv/bin/python benchmarks/bench_long_input.py [--sizes 10K,100K,1M,10M] [--rss-mb 200] [--cli]

1. **Thai matcher, time per MB.** Real Thai text — the five seed articles (``seeds/articles/``)
   and, when ``../shared/corpora/ntrex128`` is there, the 1,997 NTREX-128 Thai sentences — joined
   and repeated up to each size (UTF-8 bytes, cut at a character). Each size is matched with
   the bundled termbase (``TermIndex.find(text, "th")``, what ``trilex check`` of an article and
   ``trilex suggest`` run) and with a termbase of 20 common short Thai words (``ตา``, ``การ``,
   ``ที่``…: many candidates, each one's word boundaries checked). Every size starts with empty
   segmentation caches; times are CPU seconds (``time.process_time``), best of ``--runs``
   (one run from 5 MB on). Linear matching shows the same seconds per MB at every size.
   ``--cli`` also times ``trilex suggest -`` and ``trilex check ARTICLE`` on 1 MB, end to end.
2. **Refusing a huge field.** In a temporary folder (removed afterwards, never in the repo):
   a single-line TSV whose source field is ``--rss-mb`` MB, a CSV whose quoted field is that
   big over 100-character lines, and a CSV glossary with such a cell. Each is read in its own
   process; the peak RSS comes from ``wait4`` for that process. The readers stream the file,
   so their peak is Python's plus a block; the CLI paths (``trilex tm import``, ``trilex tbx
   convert``) first read the file's bytes whole to choose the format (``bitext/detect.py``,
   ``termbase/formats.py``), which costs the file's size once.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NTREX_TH = REPO.parent / "shared" / "corpora" / "ntrex128" / "newstest2019-ref.tha.txt"
COMMON_WORDS = ["ตา", "การ", "ที่", "มา", "ว่า", "ข้อมูล", "ศูนย์", "ปัญญา", "ประดิษฐ์", "จีน",
                "ไทย", "และ", "ใน", "ของ", "เป็น", "ได้", "มี", "ให้", "จะ", "คน"]
PYTHON = sys.executable


def parse_size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("K", 1000), ("M", 1000 ** 2), ("G", 1000 ** 3)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def thai_corpus() -> str:
    parts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds" / "articles").glob("*.txt"))]
    if NTREX_TH.exists():
        parts.append(NTREX_TH.read_text(encoding="utf-8"))
    return "\n".join(parts)


def thai_text(corpus: str, size: int) -> str:
    """``corpus`` repeated to ``size`` UTF-8 bytes, cut at a character."""
    return thai_texts(corpus, size, size)[0]


def thai_texts(corpus: str, size: int, total: int) -> list[str]:
    """The first ``total`` bytes of ``corpus`` repeated, as texts of ``size`` bytes (cut at characters)."""
    encoded = corpus.encode("utf-8")
    repeated = encoded * (total // len(encoded) + 1)
    return [repeated[start:start + size].decode("utf-8", errors="ignore") for start in range(0, total, size)]


def clear_caches(index) -> None:
    from trilex.lang import matcher, thai

    matcher._newmm_boundaries.cache_clear()
    thai.segment_thai_run.cache_clear()
    for term_matcher in list(index._matchers.values()) if hasattr(index, "_matchers") else [index]:
        phrases = getattr(term_matcher, "_phrases", None)
        if phrases is not None:
            phrases._inside_words.clear()


def common_words_matcher():
    from trilex.lang.matcher import TermMatcher
    from trilex.termbase.model import Concept, Term, Termbase

    termbase = Termbase()
    for number, word in enumerate(COMMON_WORDS):
        concept = Concept(f"w{number}")
        concept.add_term("th", Term(word))
        termbase.concepts.append(concept)
    return TermMatcher(termbase, "th")


def bench_matcher(sizes: list[int], runs: int) -> None:
    from trilex.check.index import load_index

    corpus = thai_corpus()
    index = load_index(())
    words = common_words_matcher()
    index.find(thai_text(corpus, 20_000), "th")  # build the matcher, load the dictionary
    words.find(thai_text(corpus, 20_000))
    print(f"Thai text: {len(corpus):,} characters of real text ({len(corpus.encode()):,} bytes), repeated;")
    print("sizes under 1 MB: the same first MB matched as texts of that size (time per MB over all of them)")
    print("s/MB = CPU seconds per MB of input; 'norm.' = the part of it spent in lang/normalize.py")
    print(f"{'size':>10} {'texts':>6} | {'bundled termbase':>27} | {'20 common words':>27} | {'norm.':>6}")
    print(f"{'':>10} {'':>6} | {'CPU s':>8} {'s/MB':>7} {'hits':>10} | {'CPU s':>8} {'s/MB':>7} {'hits':>10} |"
          f" {'s/MB':>6}")
    from trilex.lang.normalize import normalize_spans

    for size in sizes:
        total = max(size, 1_000_000)
        texts = thai_texts(corpus, size, total)
        normalizing = float("inf")
        for _ in range(1 if size >= 5_000_000 else runs):
            start = time.process_time()
            for text in texts:
                normalize_spans(text)
            normalizing = min(normalizing, time.process_time() - start)
        row = []
        for find in (lambda t: index.find(t, "th"), words.find):
            best, hits = float("inf"), 0
            for _ in range(1 if size >= 5_000_000 else runs):
                clear_caches(index)
                clear_caches(words)
                start = time.process_time()
                hits = sum(len(find(text)) for text in texts)
                best = min(best, time.process_time() - start)
            row.append((best, best / (total / 1e6), hits))
        print(f"{size:>10,} {len(texts):>6,} | " + " | ".join(f"{t:8.3f} {per:7.2f} {h:>10,}" for t, per, h in row)
              + f" | {normalizing / (total / 1e6):6.2f}", flush=True)


def bench_cli(folder: Path) -> None:
    article = folder / "article-1mb.txt"
    article.write_text(thai_text(thai_corpus(), 1_000_000), encoding="utf-8")
    for label, command, stdin in (
        ("trilex suggest - (1 MB of Thai on stdin)", cli_code("suggest", "-", "-q"), article),
        ("trilex check ARTICLE (1 MB)", cli_code("check", str(article), "-q"), None),
    ):
        seconds, rss, code, _ = run_measured(command, stdin)
        print(f"{label}: {seconds:.1f} s CPU, peak RSS {rss:.0f} MiB, exit {code}")


# Run in each measured process: its own peak RSS (VmHWM) is written at exit. ``ru_maxrss`` from
# wait4 would also count this benchmark's memory, which a forked child holds until it execs.
_REPORT_PEAK = """
import atexit, os, sys
def _peak(path=os.environ.pop("BENCH_PEAK_FILE")):
    try:
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        peak = str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    with open(path, "w") as out:
        out.write(peak)
atexit.register(_peak)
"""


def cli_code(*args: str) -> str:
    """Python code that runs ``trilex ARGS`` (the console script's entry point)."""
    return f"import sys; sys.argv = {['trilex', *args]!r}; from trilex.cli.main import main; main()"


def run_measured(code: str, stdin: Path | None = None) -> tuple[float, float, int, str]:
    """CPU seconds (user + system), peak RSS in MiB, exit code and last stderr line of ``code``
    run by a new Python process."""
    with open(stdin or os.devnull, "rb") as source, tempfile.TemporaryFile() as errors, \
            tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env = dict(os.environ, BENCH_PEAK_FILE=peak.name)
        process = subprocess.Popen([PYTHON, "-c", _REPORT_PEAK + code], stdin=source, stdout=subprocess.DEVNULL,
                                   stderr=errors, env=env, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
        kib = int(peak.read().strip() or 0)
    return usage.ru_utime + usage.ru_stime, kib / 1024, code, (lines or [""])[-1]


def write_big_files(folder: Path, megabytes: int) -> dict[str, Path]:
    size = megabytes * 1_000_000
    block = "a" * 1_000_000
    tsv = folder / "one-line.tsv"
    with open(tsv, "w", encoding="utf-8") as out:
        out.write("en\tth\n")
        for _ in range(size // len(block)):
            out.write(block)
        out.write("\tก\n")
    quoted = folder / "quoted.csv"
    line = "b" * 99 + "\n"
    with open(quoted, "w", encoding="utf-8", newline="") as out:
        out.write('en,th\nx,"')
        for _ in range(size // len(line)):
            out.write(line)
        out.write('"\n')
    glossary = folder / "glossary.csv"
    with open(glossary, "w", encoding="utf-8", newline="") as out:
        out.write("en,th\nserver,")
        for _ in range(size // len(block)):
            out.write(block)
        out.write("\n")
    return {"tsv": tsv, "csv": quoted, "glossary": glossary}


def bench_rss(megabytes: int) -> None:
    with tempfile.TemporaryDirectory(prefix="trilex-long-") as name:
        folder = Path(name)
        files = write_big_files(folder, megabytes)
        read = ("from trilex.errors import InputError\n"
                "try:\n    {call}\nexcept InputError as error:\n    raise SystemExit(str(error))\n")
        cases = [
            ("Python + trilex readers imported (floor)", "import trilex.bitext.delimited, "
                                                         "trilex.termbase.csvfile, trilex.bitext.po"),
            (f"read_tsv(path): {megabytes} MB single-line TSV", read.format(
                call=f"from trilex.bitext.delimited import read_tsv; read_tsv({str(files['tsv'])!r})")),
            (f"read_csv(path): {megabytes} MB quoted field", read.format(
                call=f"from trilex.bitext.delimited import read_csv; read_csv({str(files['csv'])!r})")),
            (f"read_document(path): {megabytes} MB single-line TSV", read.format(
                call=f"from trilex.bitext import read_document; read_document({str(files['tsv'])!r})")),
            (f"termbase load(path): {megabytes} MB cell", read.format(
                call=f"from trilex.termbase import load; load({str(files['glossary'])!r})")),
            (f"trilex tm import: {megabytes} MB single-line TSV",
             cli_code("tm", "import", str(files["tsv"]), "--tm", str(folder / "x.tm"))),
            (f"trilex tbx convert: {megabytes} MB cell",
             cli_code("tbx", "convert", str(files["glossary"]), str(folder / "out.tbx"))),
        ]
        print(f"Refusing a {megabytes} MB field (default maximum segment size, 1 Mi characters):")
        for label, command in cases:
            seconds, rss, code, message = run_measured(command)
            print(f"  {label}: peak RSS {rss:,.0f} MiB, {seconds:.2f} s CPU, exit {code}"
                  + (f"\n      {message}" if message else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10K,100K,1M,10M", help="Thai text sizes in bytes (K, M suffixes)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size under 5 MB (best is shown)")
    parser.add_argument("--rss-mb", type=int, default=200, help="size of the huge field in MB (0: skip)")
    parser.add_argument("--cli", action="store_true", help="also time trilex suggest/check on 1 MB")
    options = parser.parse_args()
    bench_matcher([parse_size(size) for size in options.sizes.split(",")], options.runs)
    if options.cli:
        with tempfile.TemporaryDirectory(prefix="trilex-long-") as name:
            bench_cli(Path(name))
    if options.rss_mb:
        bench_rss(options.rss_mb)


if __name__ == "__main__":
    main()
