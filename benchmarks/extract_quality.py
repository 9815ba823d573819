"""Extraction quality of ``trilex extract`` against hand-checked gold lists, one evaluation set at a time.

Run from the repository root::

    python benchmarks/extract_quality.py              # seeds and the development set
    python benchmarks/extract_quality.py -v           # … listing every miss
    python benchmarks/extract_quality.py --set all    # seeds, development and held-out sets
    python benchmarks/extract_quality.py --calibrate  # fit the edge confidence on seeds + both dev sets
    python benchmarks/extract_quality.py --search-weights  # coordinate search of the edge weights

The sets (each a folder with ``gold.json`` and ``not_terms.json``, and its articles):

* ``seeds``: the five seed articles (``seeds/articles/``), gold in ``tests/data/seed_gold/``;
  the text the extractor's first rules were written on.
* ``dev``: ``tests/data/extract_dev/``, ten articles written for issue 13; tuning may look at it.
* ``dev2``: ``tests/data/extract_dev2/``, ten more articles written (and their gold made by a
  separate hand pass) before the third round of tuning; tuning may look at it.
* ``heldout``: ``tests/data/extract_heldout/``, twelve articles never used for tuning. Only its
  aggregate figures are printed (``-v`` lists no held-out item), and it runs only when asked for.

Matching criterion:

* **Concepts.** A predicted concept matches a gold concept when they share a term: a Thai,
  English or Chinese name or a short form/acronym, compared by
  :func:`trilex.lang.normalize.match_key` (case, dash, space and Unicode variants folded).
  Precision = matched predicted concepts / predicted concepts; recall = matched gold concepts /
  gold concepts.
* **Thai spans.** For each gold mention with a Thai span, the extractor is right when one of its
  glosses on the same file and line has exactly that Thai text (character for character).
  Accuracy = right / gold mentions with a Thai span. *Thai span precision* is the other side:
  of the Thai spans the extractor gives, the share that equal a gold Thai span of the same line.
* **Not terms.** A gloss is a false hit when one of its terms, brackets stripped, equals (by
  ``match_key``) an entry of the set's own ``not_terms.json`` on the same file and line.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
#: Set name → (gold list, articles folder). ``not_terms.json`` sits beside each gold list.
SETS: dict[str, tuple[Path, Path]] = {
    "seeds": (DATA / "seed_gold" / "gold.json", REPO / "seeds" / "articles"),
    "dev": (DATA / "extract_dev" / "gold.json", DATA / "extract_dev" / "articles"),
    "dev2": (DATA / "extract_dev2" / "gold.json", DATA / "extract_dev2" / "articles"),
    "heldout": (DATA / "extract_heldout" / "gold.json", DATA / "extract_heldout" / "articles"),
}
#: Sets whose items are never printed: only their aggregate figures are reported.
UNSEEN = frozenset({"heldout"})
GOLD, ARTICLES = SETS["seeds"]


@dataclass
class Quality:
    """The figures the benchmark reports."""

    predicted: int
    gold: int
    precision: float
    recall: float
    spans_right: int
    spans_total: int
    thai_predicted: int
    thai_predicted_right: int
    unmatched_predicted: list[str]
    missed_gold: list[str]
    wrong_spans: list[str]
    not_term_hits: list[str]

    @property
    def span_accuracy(self) -> float:
        """Share of gold Thai spans reproduced exactly."""
        return self.spans_right / self.spans_total if self.spans_total else 1.0

    @property
    def span_precision(self) -> float:
        """Share of the extractor's Thai spans that are a gold Thai span of their line."""
        return self.thai_predicted_right / self.thai_predicted if self.thai_predicted else 1.0


def _gold_keys(concept: dict) -> set[str]:
    from trilex.lang.normalize import match_key

    names = [*concept.get("th", []), *concept.get("en", []), *concept.get("zh", []),
             *(form["text"] for form in concept.get("short_forms", []))]
    return {match_key(name) for name in names if name}


def measure(gold_path: Path = GOLD, articles_dir: Path = ARTICLES, not_terms_path: Path | None = None) -> Quality:
    """Run the extractor on the articles and score it against ``gold_path``.

    ``not_terms_path`` defaults to the ``not_terms.json`` beside ``gold_path`` (none if absent).
    """
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
    gold_spans: dict[tuple[str, int], set[str]] = {}
    right, total, wrong = 0, 0, []
    for concept in gold:
        for mention in concept.get("mentions", []):
            if not mention.get("th"):
                continue
            total += 1
            where = (mention["file"], mention["line"])
            gold_spans.setdefault(where, set()).add(mention["th"])
            got = found.get(where, set())
            if mention["th"] in got:
                right += 1
            else:
                wrong.append(f"{mention['file'][:3]}:{mention['line']} gold {mention['th']!r} got {sorted(got)}")
    thai_predicted = sum(len(texts) for texts in found.values())
    thai_right = sum(len(texts & gold_spans.get(where, set())) for where, texts in found.items())

    if not_terms_path is None:
        not_terms_path = gold_path.with_name("not_terms.json")
    not_terms = json.loads(not_terms_path.read_text(encoding="utf-8")) if not_terms_path.exists() else []
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
        spans_right=right, spans_total=total,
        thai_predicted=thai_predicted, thai_predicted_right=thai_right,
        unmatched_predicted=unmatched,
        missed_gold=[" | ".join([*c.get("th", []), *c.get("en", [])]) for i, c in enumerate(gold)
                     if i not in matched_gold],
        wrong_spans=wrong, not_term_hits=hits,
    )


def _each_left_edge(names: tuple[str, ...], visit) -> None:
    """Run the extractor over the given sets, calling ``visit(region, args, kwargs, gold)`` for every
    left edge it looks for, where ``gold`` holds the gold Thai spans of that line. Never pass the
    held-out set: this is what the weights and the confidence are fitted on."""
    from trilex.termbase.extract import glosses as finder
    from trilex.termbase.extract.build import read_articles

    if UNSEEN & set(names):
        raise ValueError("the held-out set is never used for fitting")
    gold_here: set[str] = set()
    original = finder.find_left_edge

    def capture(region, *args, **kwargs):
        visit(region, args, kwargs, gold_here)
        return original(region, *args, **kwargs)

    finder.find_left_edge = capture
    try:
        for name in names:
            gold_path, articles_dir = SETS[name]
            spans: dict[tuple[str, int], set[str]] = {}
            for concept in json.loads(gold_path.read_text(encoding="utf-8")):
                for mention in concept.get("mentions", []):
                    if mention.get("th"):
                        spans.setdefault((mention["file"], mention["line"]), set()).add(mention["th"])
            for path, text in read_articles(sorted(articles_dir.glob("*.txt"))):
                for number, line in enumerate(text.split("\n"), 1):
                    gold_here.clear()
                    gold_here.update(spans.get((Path(path).name, number), set()))
                    finder.find_glosses(line, path)
    finally:
        finder.find_left_edge = original


def calibration_sample(names: tuple[str, ...] = ("seeds", "dev", "dev2")) -> list[tuple[object, bool]]:
    """``(choice, right)`` for every unquoted Thai term the edge scorer chose in the given sets:
    :class:`~trilex.termbase.extract.edge_score.Choice` and whether the span is a gold Thai span
    of its line."""
    from trilex.termbase.extract import edge_score

    sample: list[tuple[object, bool]] = []

    def visit(region, args, kwargs, gold):
        choice = edge_score.choose(region, *args, **kwargs)
        if isinstance(choice, edge_score.Choice):
            sample.append((choice, region.rstrip()[choice.start:] in gold))

    _each_left_edge(names, visit)
    return sample


#: One scored region: ``(features, may_win, right)`` of each candidate start.
WeightProblem = list[tuple[dict[str, float], bool, bool]]


def weight_sample(names: tuple[str, ...] = ("seeds", "dev", "dev2")) -> list[WeightProblem]:
    """The candidates of every scored region of the given sets where one candidate is a gold span."""
    from trilex.termbase.extract.edge_score import candidate_features

    sample: list[WeightProblem] = []

    def visit(region, args, kwargs, gold):
        stripped = region.rstrip()
        problem = [(features, may_win, stripped[start:] in gold)
                   for start, features, may_win in candidate_features(region, *args, **kwargs)]
        if any(right for _, _, right in problem):
            sample.append(problem)

    _each_left_edge(names, visit)
    return sample


def right_choices(sample: list[WeightProblem], weights: dict[str, float]) -> int:
    """How many regions of ``sample`` the scorer gets right with ``weights`` (ties go to the
    earlier start, as in :func:`~trilex.termbase.extract.edge_score.choose`)."""
    right = 0
    for problem in sample:
        scores = [sum(weights[k] * v for k, v in features.items()) for features, _, _ in problem]
        best = max(range(len(problem)), key=lambda n: (scores[n], -n))
        right += problem[best][1] and problem[best][2]
    return right


#: The values the coordinate search tries for each weight.
WEIGHT_GRID = (-4.0, -3.0, -2.0, -1.5, -1.0, -0.5, -0.3, 0.0, 0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0)


def search_weights(sample: list[WeightProblem], weights: dict[str, float], rounds: int = 2) -> dict[str, float]:
    """Coordinate search: each weight in turn takes the :data:`WEIGHT_GRID` value that gets the most
    regions right, the value nearest the current one among equals."""
    found = dict(weights)
    for _ in range(rounds):
        for name in found:
            start = found[name]
            found[name] = max(WEIGHT_GRID + (start,), key=lambda v: (
                right_choices(sample, {**found, name: v}), -abs(v - start)))
    return found


def calibrate(sample: list[tuple[object, bool]]) -> tuple[float, ...]:
    """Fit ``(a, b, c, d, e)`` of :func:`~trilex.termbase.extract.edge_score.confidence` by
    logistic regression (Newton's method, a small ridge penalty) on ``sample``."""
    import numpy as np

    from trilex.termbase.extract.edge_score import MAX_LEAD

    x = np.array([[min(c.lead, MAX_LEAD), 1.0, float(c.rules_agree), c.rule_confidence, float(c.named)]
                  for c, _ in sample])
    y = np.array([1.0 if right else 0.0 for _, right in sample])
    w = np.zeros(x.shape[1])
    ridge = 0.1 * np.eye(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge
        w -= np.linalg.solve(hessian, gradient)
    return tuple(round(float(v), 2) for v in w)


def reliability(sample: list[tuple[object, bool]]) -> list[str]:
    """Predicted confidence against the share right, in bins of confidence."""
    from trilex.termbase.extract.edge_score import confidence

    bins: dict[str, list[tuple[float, bool]]] = {}
    for choice, right in sample:
        p = confidence(choice)
        label = "< 0.5" if p < 0.5 else "0.5–0.8" if p < 0.8 else "0.8–0.9" if p < 0.9 else ">= 0.9"
        bins.setdefault(label, []).append((p, right))
    lines = []
    for label in ("< 0.5", "0.5–0.8", "0.8–0.9", ">= 0.9"):
        rows = bins.get(label, [])
        if rows:
            mean = sum(p for p, _ in rows) / len(rows)
            share = sum(r for _, r in rows) / len(rows)
            lines.append(f"  confidence {label:8} n={len(rows):3}  mean confidence {mean:.2f}  share right {share:.2f}")
    return lines


def report(name: str, quality: Quality, verbose: bool = False) -> list[str]:
    """The lines printed for one set; items only with ``verbose`` and never for an unseen set."""
    lines = [
        f"[{name}]",
        f"  concepts: predicted {quality.predicted}, gold {quality.gold}",
        f"  concept precision: {quality.precision:.3f} ({quality.predicted - len(quality.unmatched_predicted)}"
        f"/{quality.predicted})",
        f"  concept recall:    {quality.recall:.3f} ({quality.gold - len(quality.missed_gold)}/{quality.gold})",
        f"  Thai exact-span accuracy:  {quality.span_accuracy:.3f} "
        f"({quality.spans_right}/{quality.spans_total} glossed mentions)",
        f"  Thai span precision:       {quality.span_precision:.3f} "
        f"({quality.thai_predicted_right}/{quality.thai_predicted} Thai spans given)",
        f"  not-term entries extracted: {len(quality.not_term_hits)}",
    ]
    if verbose and name not in UNSEEN:
        for label, rows in (("predicted, not in gold", quality.unmatched_predicted),
                            ("gold, not found", quality.missed_gold),
                            ("Thai span differs", quality.wrong_spans),
                            ("not a term", quality.not_term_hits)):
            lines.extend(f"    {label}: {row}" for row in rows)
    elif verbose:
        lines.append("    (held-out set: items are not listed)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", dest="sets", action="append", choices=[*SETS, "all"],
                        help="set to score (repeatable; default: seeds and dev; all = every set)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss (not for held-out)")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit the edge confidence on seeds + both dev sets and print it with a reliability table")
    parser.add_argument("--search-weights", action="store_true",
                        help="coordinate search of the edge feature weights on seeds + both dev sets")
    args = parser.parse_args(argv)
    if args.search_weights:
        from trilex.termbase.extract.edge_score import WEIGHTS

        sample = weight_sample()
        found = search_weights(sample, WEIGHTS)
        print(f"{len(sample)} regions; right now {right_choices(sample, WEIGHTS)}, "
              f"with the weights found {right_choices(sample, found)}")
        for name, value in found.items():
            print(f"  {name}: {WEIGHTS[name]} -> {value}" if value != WEIGHTS[name] else f"  {name}: {value}")
        return 0
    if args.calibrate:
        sample = calibration_sample()
        print(f"CALIBRATION = {calibrate(sample)}  (fitted on {len(sample)} unquoted Thai terms, seeds + dev + dev2)")
        print("reliability of the current CALIBRATION:")
        print("\n".join(reliability(sample)))
        return 0
    names = args.sets or ["seeds", "dev", "dev2"]
    if "all" in names:
        names = list(SETS)
    status = 0
    for name in dict.fromkeys(names):
        gold, articles = SETS[name]
        if not gold.exists():
            print(f"gold list not found: {gold}", file=sys.stderr)
            status = 2
            continue
        print("\n".join(report(name, measure(gold, articles), args.verbose)))
    return status


if __name__ == "__main__":
    sys.exit(main())
