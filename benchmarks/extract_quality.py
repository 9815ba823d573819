"""Extraction quality of ``trilex extract`` on the seed articles, against the hand-checked gold list.

Run from the repository root::

    python benchmarks/extract_quality.py

Matching criterion:

* **Concepts.** A predicted concept matches a gold concept when they share a term: a Thai,
  English or Chinese name or a short form/acronym, compared by
  :func:`trilex.lang.normalize.match_key` (case, dash, space and Unicode variants folded).
  Precision = matched predicted concepts / predicted concepts; recall = matched gold concepts /
  gold concepts.
* **Thai spans.** For each gold mention with a Thai span, the extractor is right when one of its
  glosses on the same file and line has exactly that Thai text (character for character).
  Accuracy = right / gold mentions with a Thai span.
* **Not terms.** A gloss is a false hit when one of its terms, brackets stripped, equals (by
  ``match_key``) an entry of ``not_terms.json`` on the same file and line.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "seed_gold" / "gold.json"
NOT_TERMS = GOLD.with_name("not_terms.json")
ARTICLES = REPO / "seeds" / "articles"


@dataclass
class Quality:
    """The figures the benchmark reports."""

    predicted: int
    gold: int
    precision: float
    recall: float
    spans_right: int
    spans_total: int
    unmatched_predicted: list[str]
    missed_gold: list[str]
    wrong_spans: list[str]
    not_term_hits: list[str]

    @property
    def span_accuracy(self) -> float:
        """Share of gold Thai spans reproduced exactly."""
        return self.spans_right / self.spans_total if self.spans_total else 1.0


def _gold_keys(concept: dict) -> set[str]:
    from trilex.lang.normalize import match_key

    names = [*concept.get("th", []), *concept.get("en", []), *concept.get("zh", []),
             *(form["text"] for form in concept.get("short_forms", []))]
    return {match_key(name) for name in names if name}


def measure(gold_path: Path = GOLD, articles_dir: Path = ARTICLES) -> Quality:
    """Run the extractor on the articles and score it against ``gold_path``."""
    from trilex.lang.normalize import match_key
    from trilex.termbase.extract.build import glosses_of, read_articles, termbase_from_glosses

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    paths = sorted(articles_dir.glob("*.txt"))
    articles = read_articles(paths)
    glosses = glosses_of(articles)
    termbase = termbase_from_glosses(glosses, articles)

    gold_keys = [_gold_keys(concept) for concept in gold]
    matched_gold: set[int] = set()
    unmatched: list[str] = []
    for concept in termbase:
        keys = {match_key(term.text) for section in concept.languages for term in section.terms}
        hits = {i for i, g in enumerate(gold_keys) if keys & g}
        matched_gold |= hits
        if not hits:
            unmatched.append(" | ".join(t.text for s in concept.languages for t in s.terms))

    found: dict[tuple[str, int], set[str]] = {}
    for gloss in glosses:
        if gloss.th is not None:
            found.setdefault((Path(gloss.path).name, gloss.th.line), set()).add(gloss.th.text)
    right, total, wrong = 0, 0, []
    for concept in gold:
        for mention in concept.get("mentions", []):
            if not mention.get("th"):
                continue
            total += 1
            got = found.get((mention["file"], mention["line"]), set())
            if mention["th"] in got:
                right += 1
            else:
                wrong.append(f"{mention['file'][:3]}:{mention['line']} gold {mention['th']!r} got {sorted(got)}")
    not_terms = json.loads(NOT_TERMS.read_text(encoding="utf-8")) if NOT_TERMS.exists() else []
    hits = []
    for entry in not_terms:
        key = match_key(entry["text"].strip("()（）“”"))
        for gloss in glosses:
            if Path(gloss.path).name == entry["file"] and gloss.line == entry["line"] and \
                    any(match_key(term.text) == key for term in gloss.terms()):
                hits.append(f"{entry['file'][:3]}:{entry['line']} {entry['text']!r}")
    predicted = len(termbase)
    return Quality(
        predicted=predicted, gold=len(gold),
        precision=(predicted - len(unmatched)) / predicted if predicted else 1.0,
        recall=len(matched_gold) / len(gold) if gold else 1.0,
        spans_right=right, spans_total=total, unmatched_predicted=unmatched,
        missed_gold=[" | ".join([*c.get("th", []), *c.get("en", [])]) for i, c in enumerate(gold)
                     if i not in matched_gold],
        wrong_spans=wrong, not_term_hits=hits,
    )


def main() -> int:
    if not GOLD.exists():
        print(f"gold list not found: {GOLD}", file=sys.stderr)
        return 2
    quality = measure()
    print(f"concepts: predicted {quality.predicted}, gold {quality.gold}")
    print(f"concept precision: {quality.precision:.3f}  (target >= 0.97)")
    print(f"concept recall:    {quality.recall:.3f}  (target >= 0.95)")
    print(f"Thai exact-span accuracy: {quality.span_accuracy:.3f} "
          f"({quality.spans_right}/{quality.spans_total} glossed mentions)")
    print(f"not-term entries extracted: {len(quality.not_term_hits)}")
    if "-v" in sys.argv[1:]:
        for label, rows in (("predicted, not in gold", quality.unmatched_predicted),
                            ("gold, not found", quality.missed_gold),
                            ("Thai span differs", quality.wrong_spans),
                            ("not a term", quality.not_term_hits)):
            for row in rows:
                print(f"  {label}: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
