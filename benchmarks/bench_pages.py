"""Benchmark: the HTML pages' size and time to interactive, at 50,000 findings and 100,000 concepts.

    python benchmarks/bench_pages.py [--findings 50000] [--concepts 100000] [--runs 3]

Builds a check report of ``--findings`` generated findings and a termbase page of ``--concepts``
generated concepts (tests/page_samples.py: th/zh targets with spans and fixes over 200 files;
trilingual concepts with 1-3 terms per language, contexts, definitions), timing the Python side
(CPU seconds), then opens each page ``--runs`` times in headless Chromium (Debian's, through
Playwright; tests/page_browser.py) from a file and reads:

* **time to interactive**: from navigation start to the moment the page's script has drawn the
  first page of the list and set ``data-ready`` (``performance.now()`` then, whose origin is the
  navigation start), median of the runs;
* the **first search** (folding every text of the report on first use / scanning 100,000 search
  keys) and a **filter change**, ms of script time for the redraw (``trilexLastUpdate``).

Pages are written to a temporary folder (``--keep DIR`` keeps them there).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import page_browser
import page_samples


def build(kind: str, count: int, folder: Path) -> tuple[Path, float, float]:
    """Write the page; its path, CPU seconds to build the input, CPU seconds to build the page."""
    from trilex.pages.report import report_page
    from trilex.pages.terms import terms_page

    start = time.process_time()
    source = page_samples.large_report(count) if kind == "report" else page_samples.large_termbase(count)
    made = time.process_time()
    text = report_page(source) if kind == "report" else terms_page(source)
    done = time.process_time()
    path = folder / f"{kind}-{count}.html"
    path.write_text(text, encoding="utf-8")
    return path, made - start, done - made


def redraw_ms(page, action) -> float:
    before = page.get_attribute("html", "data-updates")
    action()
    page.wait_for_function("before => document.documentElement.getAttribute('data-updates') !== before",
                           arg=before, timeout=120_000)
    return page.evaluate("window.trilexLastUpdate")


def measure(context, path: Path, kind: str, runs: int) -> dict[str, float]:
    ready, search, filtering = [], [], []
    for _ in range(runs):
        page = page_browser.open_page(context, path)
        if page.problems:
            raise SystemExit(f"{path.name}: {page.problems}")
        marks = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
            return [n.responseEnd, n.domInteractive, window.trilexStartAt, window.trilexParsedAt, window.trilexReadyAt]; }""")
        print(f"  {path.name}: file read {marks[0]:.0f} ms, HTML parsed {marks[1]:.0f} ms, script starts "
              f"{marks[2]:.0f} ms, JSON parsed {marks[3]:.0f} ms, interactive {marks[4]:.0f} ms", flush=True)
        ready.append(marks[4])
        query = "数据中心" if kind == "report" else "南A中心"
        search.append(redraw_ms(page, lambda page=page, query=query: page.fill("#search", query)))
        if kind == "report":
            filtering.append(redraw_ms(page, lambda page=page: page.select_option("#filter-check", index=1)))
        else:
            filtering.append(redraw_ms(page, lambda page=page: page.fill("#search", "data center")))
        page.close()
    return {"ready": statistics.median(ready), "ready_min": min(ready), "ready_max": max(ready),
            "search": statistics.median(search), "filter": statistics.median(filtering)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=50_000)
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the pages to this folder and keep them")
    args = parser.parse_args()
    reason = page_browser.missing()
    if reason:
        raise SystemExit(f"bench_pages: {reason}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trilex-pages-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    with page_browser.chromium() as context:
        for kind, count in (("report", args.findings), ("terms", args.concepts)):
            path, input_s, page_s = build(kind, count, folder)
            figures = measure(context, path, kind, args.runs)
            rows.append((kind, count, path.stat().st_size, input_s, page_s, figures))
    print(f"Chromium: {page_browser.chromium_path()}; {args.runs} runs per page, median (min-max)")
    print("| page | items | size | Python: build page | time to interactive | first search | filter/next search |")
    print("|---|---|---|---|---|---|---|")
    for kind, count, size, input_s, page_s, f in rows:
        noun = "findings" if kind == "report" else "concepts"
        print(f"| {kind} | {count:,} {noun} | {size / 2**20:.1f} MiB | {page_s:.2f} s | "
              f"{f['ready']:.0f} ms ({f['ready_min']:.0f}-{f['ready_max']:.0f}) | {f['search']:.0f} ms | "
              f"{f['filter']:.0f} ms |")
    if not args.keep:
        for path in folder.glob("*.html"):
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
