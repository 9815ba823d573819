"""Compute the aligner's constants from the development half of NTREX-128 (never the held-out half).

Prints Python literals to paste into the code (they are constants there, never read from
``../shared`` at run time):

1. ``trilex.tm.align.lengths.CALIBRATION``: for each ordered pair of en/th/zh, Gale & Church's
   ``c`` (mean target characters per source character, white space not counted), ``s²`` (the
   variance of the target length per character of mean length, estimated robustly from the
   median absolute deviation so that a few free translations do not widen it for all) and the
   share of pairs further than 3 s from the ratio (the weight of the broad tail), over the line
   pairs of the development documents;
2. ``trilex.lang.sentences.THAI_BOUNDARY_WEIGHTS``: a logistic model of "a Thai sentence ends
   at this space" over the cues of :func:`trilex.lang.sentences.thai_gap_features`, fitted on
   the development documents' Thai written as running text (the lines of a document joined with
   a space; a space between two lines is a sentence end, a space inside a line is not), with
   an L2 penalty so that rare cues keep small weights;
3. ``trilex.tm.align.document.CONFIDENCE_WEIGHTS``: a logistic model of "this bead is right"
   over :func:`trilex.tm.align.document.confidence_features`, from the aligner's beads on the
   development documents of ``benchmarks/bench_align.py`` (all three pairs), each labelled by
   that benchmark's gold (a pair is right when its gold pair is recovered whole; a 1-0/0-1 bead
   when its sentence has no partner in the gold). Run it after the other constants are in.

    .venv/bin/python benchmarks/calibrate_align.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_data import LANGS, documents

from trilex.lang.sentences import thai_gaps
from trilex.tm.align.lengths import text_length


def length_constants(docs) -> dict[tuple[str, str], tuple[float, float]]:
    table = {}
    for source in LANGS:
        for target in LANGS:
            if source == target:
                continue
            pairs = [(text_length(s), text_length(t)) for doc in docs
                     for s, t in zip(doc.lines[source], doc.lines[target]) if s and t]
            ls = np.array([p[0] for p in pairs], dtype=float)
            lt = np.array([p[1] for p in pairs], dtype=float)
            c = lt.sum() / ls.sum()
            mean = (ls + lt / c) / 2
            residual = (lt - c * ls) / np.sqrt(mean)  # ~ N(0, s²) for the pairs that behave
            spread = 1.4826 * np.median(np.abs(residual - np.median(residual)))  # robust: MAD
            outliers = float((np.abs(residual) > 3 * spread).mean())
            table[(source, target)] = (round(float(c), 4), round(float(spread ** 2), 4), round(outliers, 4))
    return table


#: A cue seen at fewer spaces than this (a rare part of speech) gets no weight.
MIN_CUE_COUNT = 3


def thai_examples(docs) -> tuple[list[str], np.ndarray, np.ndarray]:
    rows: list[dict[str, float]] = []
    labels = []
    for doc in docs:
        lines = [line for line in doc.lines["th"] if line]
        text = " ".join(lines)
        ends, pos = set(), 0
        for line in lines[:-1]:
            pos += len(line)
            ends.add(pos)
            pos += 1
        for left, _right, features in thai_gaps(text):
            rows.append(features)
            labels.append(1.0 if left[1] in ends else 0.0)
    seen = Counter(name for row in rows for name, value in row.items() if value)
    # the fixed cues (``bias`` first), then the parts of speech (``pos_before:NCMN``) seen often enough
    names = [name for name in rows[0] if ":" not in name]
    names += sorted(name for name, count in seen.items() if ":" in name and count >= MIN_CUE_COUNT)
    return names, np.array([[row.get(name, 0.0) for name in names] for row in rows]), np.array(labels)


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float = 2.0, rounds: int = 50) -> np.ndarray:
    """Newton's method for L2-penalized logistic regression (the bias, column 0, unpenalized)."""
    weights = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (p - y) + ridge * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def confidence_examples(docs) -> tuple[list[str], np.ndarray, np.ndarray]:
    from bench_align import PAIRS, _whole, build, gold_groups, touched
    from trilex.tm.align import Aligner

    rows: list[dict[str, float]] = []
    labels: list[float] = []
    for source_lang, target_lang in PAIRS:
        aligner = Aligner(source_lang, target_lang)
        for doc in docs:
            written = build(doc)
            x, y = written[source_lang], written[target_lang]
            gold = gold_groups(x, y)
            group_of = {line: group for group in gold for line in group}
            beads, features = aligner.align_with_features(x.text, y.text)
            inside: dict[frozenset[int], list] = {}
            for pair in beads:
                if pair.is_pair:
                    lines = touched(x, pair.source_span) | touched(y, pair.target_span)
                    groups = {group_of.get(line) for line in lines}
                    if len(groups) == 1 and None not in groups:
                        inside.setdefault(groups.pop(), []).append(pair)
            recovered = {id(pair) for group, found in inside.items()
                         if _whole(x, group, [p.source_span for p in found])
                         and _whole(y, group, [p.target_span for p in found]) for pair in found}
            for pair, feature in zip(beads, features):
                if pair.is_pair:
                    right = id(pair) in recovered
                else:
                    lines = (touched(x, pair.source_span) if pair.source_span else frozenset()) | (
                        touched(y, pair.target_span) if pair.target_span else frozenset())
                    right = bool(lines) and not any(line in group_of for line in lines)
                rows.append(feature)
                labels.append(1.0 if right else 0.0)
    names = sorted({name for row in rows for name in row})
    return names, np.array([[row.get(name, 0.0) for name in names] for row in rows]), np.array(labels)


def main() -> int:
    docs = documents("dev")
    print(f"# development half: {len(docs)} documents, {sum(len(d.lines['en']) for d in docs)} lines")
    print("CALIBRATION = {")
    for pair, constants in length_constants(docs).items():
        print(f"    {pair!r}: {constants},")
    print("}")
    names, x, y = thai_examples(docs)
    weights = fit_logistic(x, y)
    p = 1 / (1 + np.exp(-x @ weights))
    predicted = p >= 0.5
    tp = int((predicted & (y == 1)).sum())
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int(y.sum()))
    print(f"# Thai spaces: {len(y)}, sentence ends {int(y.sum())}; at p >= 0.5 precision {precision:.3f} "
          f"recall {recall:.3f}; ends below p 0.02: {int(((p < 0.02) & (y == 1)).sum())}, "
          f"spaces below 0.02: {int((p < 0.02).sum())}")
    print("THAI_BOUNDARY_WEIGHTS = {")
    for name, weight in zip(names, weights):
        print(f"    {name!r}: {weight:.3f},")
    print("}")
    names, x, y = confidence_examples(docs)
    pair_rows = x[:, names.index("bias")] == 1
    print(f"# beads: {int(pair_rows.sum())} pairs ({y[pair_rows].mean():.3f} right), "
          f"{int((~pair_rows).sum())} without a partner ({y[~pair_rows].mean():.3f} right)")
    weights = np.zeros(len(names))
    for rows, bias in ((pair_rows, "bias"), (~pair_rows, "null_bias")):
        columns = [names.index(bias)] + [k for k, name in enumerate(names)
                                         if name != bias and x[rows, k].any()]
        fitted = fit_logistic(x[rows][:, columns], y[rows], penalty=1.0)
        weights[columns] = fitted
    p = 1 / (1 + np.exp(-x @ weights))
    for low, high in ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        band = (p >= low) & (p < high) & pair_rows
        if band.any():
            print(f"#   pairs with confidence {low:.2f}-{min(high, 1.0):.2f}: {int(band.sum())}, "
                  f"right {y[band].mean():.3f}")
    print("CONFIDENCE_WEIGHTS = {")
    for name, weight in zip(names, weights):
        print(f"    {name!r}: {weight:.3f},")
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
