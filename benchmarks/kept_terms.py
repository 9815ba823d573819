"""How many of the term check's "missing" reports are names kept in the source's script.

Builds a country-name termbase from CLDR (the ``babel`` package's territory names in English,
Thai and Simplified Chinese: third-party data, not written for this test), checks NTREX-128's
English news with its human Thai and Chinese translations (``../shared/corpora/ntrex128``), and
counts ``missing-term`` against ``kept-source-term`` — the second reports a country left in Latin
letters in the target (``... Phoenix ...`` kept in Thai). ``-v`` prints every kept mention.

    .venv/bin/pip install babel && .venv/bin/python benchmarks/kept_terms.py [-v]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from trilex.bitext import read_parallel
from trilex.check.engine import CheckOptions, run_check
from trilex.check.index import TermIndex
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ntrex128"


def country_termbase() -> Termbase:
    """One concept per CLDR region with a two-letter code: its English, Thai and Chinese names."""
    from babel import Locale

    names = {lang: Locale.parse(tag).territories for lang, tag in (("en", "en"), ("th", "th"), ("zh-CN", "zh_Hans_CN"))}
    concepts = []
    for code, english in names["en"].items():
        if not (len(code) == 2 and code.isalpha()) or code in ("ZZ", "EU", "EZ", "UN", "QO"):
            continue
        concept = Concept(f"region-{code}")
        for lang, table in names.items():
            if code in table:
                concept.add_term(lang, Term(table[code], status=AdminStatus.PREFERRED))
        concepts.append(concept)
    return Termbase(concepts, title="CLDR region names")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every kept mention")
    args = parser.parse_args()
    if not NTREX.is_dir():
        print(f"needs {NTREX}", file=sys.stderr)
        return 2
    index = TermIndex(country_termbase())
    source = str(NTREX / "newstest2019-src.eng.txt")
    print(f"{len(index.termbase)} CLDR regions; NTREX-128 newstest2019, 1,997 English sentences")
    print(f"{'target':<8} {'missing-term':>13} {'kept-source-term':>17} {'kept share':>11}")
    for lang, name in (("th", "newstest2019-ref.tha.txt"), ("zh-CN", "newstest2019-ref.zho-CN.txt")):
        document = read_parallel(source, str(NTREX / name), "en", lang)
        report = run_check([document], index, CheckOptions(checks=["missing-term", "kept-source-term"]))
        counts = collections.Counter(finding.check for finding in report.findings)
        missing, kept = counts["missing-term"], counts["kept-source-term"]
        share = kept / (missing + kept) if missing + kept else 0.0
        print(f"{lang:<8} {missing:>13} {kept:>17} {share:>11.2f}")
        if args.verbose:
            for finding in report.findings:
                if finding.check == "kept-source-term":
                    print(f"    {finding.location}: {finding.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
