"""Extractor speed: ``find_glosses`` against plain PyThaiNLP segmentation of the same text.

Run from the repository root::

    .venv/bin/python benchmarks/bench_extract.py [--repeat 20]

The text is the five seed articles (``seeds/articles``) repeated ``--repeat`` times. Thai runs
repeat too, so ``trilex.lang.thai``'s segmentation cache serves both sides alike after the first
round: the ratio measures the extractor's own work (gloss shapes, part-of-speech tagging, left
edges), not ``newmm``. Printed: CPU seconds and characters per second
of the baseline (``trilex.lang.thai.thai_words`` on every line: script split + ``newmm``) and of
``find_glosses`` (gloss shapes, Thai left edges with part-of-speech tagging), and their ratio.
Warm-up (dictionary and tagger loading) is excluded and reported separately.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[1] / "seeds" / "articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from trilex.lang.thai import thai_words
    from trilex.termbase.extract import find_glosses

    lines = [line for path in sorted(ARTICLES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").split("\n")]
    text = "\n".join(lines * args.repeat)
    start = time.process_time()
    find_glosses("\n".join(lines[:50]), "warm-up")
    warm = time.process_time() - start

    start = time.process_time()
    for line in text.split("\n"):
        thai_words(line)
    baseline = time.process_time() - start
    start = time.process_time()
    glosses = find_glosses(text, "bench")
    extract = time.process_time() - start

    chars = len(text)
    print(f"text: {chars:,} chars, {len(glosses):,} glosses found; warm-up {warm:.2f} s")
    print(f"baseline thai_words per line: {baseline:.2f} s  {chars / baseline / 1000:,.0f} kchars/s")
    print(f"find_glosses:                 {extract:.2f} s  {chars / extract / 1000:,.0f} kchars/s")
    print(f"ratio find_glosses / baseline: {extract / baseline:.2f}x")


if __name__ == "__main__":
    main()
