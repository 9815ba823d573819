"""Sentence alignment quality and speed: trilex.tm.align against plain Gale–Church on NTREX-128.

Gold: NTREX-128's 123 news documents (``../shared/corpora/ntrex128``), English with human Thai and
Chinese translations, line by line. Each document is written out per language the way a
publisher writes it, and its lines are the known alignment:

* **paragraphs**: the same in every language, chosen from the English (seeded): a headline (an
  English line without a final ``.?!`` or quote) is a paragraph of its own, other lines start a
  new paragraph with probability 0.35; paragraphs are separated by a blank line;
* **sentences**: Thai joined with a space (running text, no sentence marks), Chinese without any
  break, English with a space;
* **edits** (seeded per document and language, so every language differs): 3% of the lines are
  dropped (the translation left them out); in English and Chinese 6% of the lines ending with a
  full stop are merged with the next line of the paragraph (``A; B`` in English, ``A，B`` in
  Chinese) and 5% are split at a comma in their middle third (``, `` → ``. `` with a capital,
  ``，`` → ``。``). Thai gets no merges or splits: with a space between sentences and between
  clauses alike, a merge or a split would not change the text.

A gold pair is a line kept on both sides (lines merged on either side count as one gold pair;
a line dropped on either side is in no gold pair, so pairing it is wrong). Predicted pairs that
lie inside one gold pair on both sides are merged first (a gold line may hold two sentences,
and the gold cannot say whether a split inside it is right); the merged pair is right when it
covers the gold pair whole on both sides (white space and quotes aside: a quote mark that a
translator misplaced may go with either sentence). Every other predicted pair is wrong. Precision =
right / predicted (after merging), recall = right / gold pairs. The **baseline** is the plain Gale & Church (1993) algorithm, implemented below on
the same sentence splits (trilex's splitter, Thai cut where a sentence end is more likely than
not), with the same calibrated length constants and G&C's own bead priors, paragraphs first as
G&C did: length only, no anchors.

The development half (even documents) is what the constants and weights were fitted on; the
held-out half (odd documents) was never used for tuning. ``--termbase`` adds CLDR country names
in the three languages as a termbase (the ``babel`` package, as ``benchmarks/kept_terms.py``).

    .venv/bin/python benchmarks/bench_align.py [--half dev|held-out|both] [--termbase] [--flat] [--speed] [-v]

``--flat`` writes every document as one paragraph (no paragraph breaks at all), so the
paragraph pass cannot help.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_data import LANGS, Document, documents

from trilex.lang.sentences import paragraphs, sentence_spans
from trilex.tm.align import Aligner
from trilex.tm.align.lengths import LengthCost, text_length

PAIRS = (("th", "en"), ("zh", "en"), ("th", "zh"))
DROP, MERGE, SPLIT, NEW_PARAGRAPH = 0.03, 0.06, 0.05, 0.35
SEED = 20261201
_HEADLINE_END = tuple(".?!\"'”’")


# -- building the documents ----------------------------------------------------------------------


@dataclass
class Written:
    """One language of a document as written: the text, and the span of each kept gold line."""

    text: str
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    merged: list[tuple[int, int]] = field(default_factory=list)  # (line, next line) written as one sentence
    dropped: set[int] = field(default_factory=set)


def _rng(doc: Document, what: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(f"{doc.doc_id}/{what}".encode()))


def paragraph_starts(doc: Document) -> set[int]:
    rng = _rng(doc, "paragraphs")
    english = doc.lines["en"]
    starts = {0}
    for i in range(1, len(english)):
        headline = not english[i].endswith(_HEADLINE_END) or not english[i - 1].endswith(_HEADLINE_END)
        if headline or rng.random() < NEW_PARAGRAPH:
            starts.add(i)
    return starts


def _split_at_comma(line: str, lang: str) -> tuple[str, str] | None:
    comma = ", " if lang == "en" else "，"
    third = len(line) // 3
    pos = line.find(comma, third, 2 * third)
    if pos < 0:
        return None
    if lang == "en":
        rest = line[pos + 2:]
        if not rest[:1].isalpha():
            return None
        return line[:pos] + ".", rest[0].upper() + rest[1:]
    return line[:pos] + "。", line[pos + 1:]


def edits(doc: Document) -> dict[str, tuple[set[int], set[int], set[int]]]:
    """Per language: lines dropped, lines merged with the next one, lines split in two."""
    n = len(doc.lines["en"])
    starts = paragraph_starts(doc)
    dropped = {}
    for lang in LANGS:
        rng = _rng(doc, f"drop/{lang}")
        dropped[lang] = {i for i in range(n) if rng.random() < DROP}
    anywhere = set().union(*dropped.values())
    out = {}
    for lang in LANGS:
        merged: set[int] = set()
        split: set[int] = set()
        if lang != "th":
            rng = _rng(doc, f"edit/{lang}")
            end = "." if lang == "en" else "。"
            for i in range(n):
                line = doc.lines[lang][i]
                if i in anywhere or not line:
                    continue
                roll = rng.random()
                if (roll < MERGE and i + 1 < n and i + 1 not in starts and i + 1 not in anywhere
                        and line.endswith(end) and i - 1 not in merged and doc.lines[lang][i + 1]):
                    merged.add(i)
                elif MERGE <= roll < MERGE + SPLIT and i - 1 not in merged and _split_at_comma(line, lang):
                    split.add(i)
        out[lang] = (dropped[lang], merged, split)
    return out


def write(doc: Document, lang: str, starts: set[int], edit: tuple[set[int], set[int], set[int]]) -> Written:
    dropped, merged, split = edit
    joiner = "" if lang == "zh" else " "
    written = Written("", dropped=set(dropped), merged=[(i, i + 1) for i in merged])
    parts: list[str] = []
    pos = 0
    paragraph_open = False
    for i, line in enumerate(doc.lines[lang]):
        if i in starts and paragraph_open:
            parts.append("\n\n")
            pos += 2
            paragraph_open = False
        if i in dropped or not line:
            continue
        if paragraph_open and not (i - 1 in merged):
            parts.append(joiner)
            pos += len(joiner)
        if i in merged:
            line = line[:-1] + ("; " if lang == "en" else "，")
        elif i in split:
            first, second = _split_at_comma(line, lang)
            line = first + joiner + second
        body = line.rstrip() if i in merged and lang == "en" else line
        parts.append(line)
        written.spans[i] = (pos, pos + len(body))
        pos += len(line)
        paragraph_open = True
    written.text = "".join(parts)
    return written


def build(doc: Document) -> dict[str, Written]:
    starts = paragraph_starts(doc)
    per_lang = edits(doc)
    return {lang: write(doc, lang, starts, per_lang[lang]) for lang in LANGS}


# -- scoring -------------------------------------------------------------------------------------


def gold_groups(x: Written, y: Written) -> list[frozenset[int]]:
    kept = sorted(set(x.spans) & set(y.spans))
    parent = {i: i for i in kept}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in x.merged + y.merged:
        if a in parent and b in parent:
            parent[find(b)] = find(a)
    groups: dict[int, set[int]] = {}
    for i in kept:
        groups.setdefault(find(i), set()).add(i)
    # A group with a line merged into a line the other side dropped has no right answer.
    complete = []
    for group in groups.values():
        partners = {b for a, b in x.merged + y.merged if a in group} | {a for a, b in x.merged + y.merged if b in group}
        if partners <= set(kept):
            complete.append(frozenset(group))
    return complete


#: Characters a pair may have or lack at its edges and still be right: white space and quotes
#: (translators misplace and mistype quotes: ``。“`` closing a quotation, ``"`` for ``”``).
_LOOSE = frozenset(" \n\t\"'“”‘’「」『』«»")


def _significant(written: Written, start: int, end: int) -> list[int]:
    return [pos for pos in range(start, end) if written.text[pos] not in _LOOSE]


def touched(written: Written, span: tuple[int, int]) -> frozenset[int]:
    """The gold lines ``span`` overlaps (by characters other than white space and quotes)."""
    return frozenset(line for line, (start, end) in written.spans.items()
                     if start < span[1] and span[0] < end
                     and _significant(written, max(start, span[0]), min(end, span[1])))


def _whole(written: Written, lines: frozenset[int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``spans`` together cover every character of ``lines`` but white space and quotes."""
    for line in lines:
        for pos in _significant(written, *written.spans[line]):
            if not any(s <= pos < e for s, e in spans):
                return False
    return True


@dataclass
class Score:
    right: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: list[tuple[tuple[int, int], tuple[int, int]]], x: Written, y: Written) -> Score:
    """Pairs lying inside one gold pair (finer than a gold line: the gold cannot say whether a
    split inside a line is right) are merged first; a gold pair is right when the pairs inside
    it cover all of it on both sides. Every other pair is wrong."""
    gold = gold_groups(x, y)
    group_of = {line: group for group in gold for line in group}
    inside: dict[frozenset[int], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    wrong = 0
    for source_span, target_span in pairs:
        lines = touched(x, source_span) | touched(y, target_span)
        groups = {group_of.get(line) for line in lines}
        if len(groups) == 1 and None not in groups and touched(x, source_span) and touched(y, target_span):
            inside.setdefault(groups.pop(), []).append((source_span, target_span))
        else:
            wrong += 1
    right = sum(1 for group, found in inside.items()
                if _whole(x, group, [s for s, _ in found]) and _whole(y, group, [t for _, t in found]))
    return Score(right, wrong + len(inside), len(gold))


# -- the baseline: plain Gale & Church -----------------------------------------------------------

#: Gale & Church's bead priors (1993, table 5).
GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
             (2, 2): 0.011}


def _gc_align(source: list[int], target: list[int], length: LengthCost) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Beads ``((i0, i1), (j0, j1))`` by length and priors only (full dynamic programme)."""
    n, m = len(source), len(target)
    inf = math.inf
    table = [[(inf, None)] * (m + 1) for _ in range(n + 1)]
    table[0][0] = (0.0, None)
    priors = {move: -math.log(p) for move, p in GC_PRIORS.items()}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best = (inf, None)
            for (a, b), prior in priors.items():
                if i < a or j < b or table[i - a][j - b][0] == inf:
                    continue
                ls, lt = sum(source[i - a:i]), sum(target[j - b:j])
                cost = table[i - a][j - b][0] + prior + (length(ls, lt) if a and b else 0.0)
                if cost < best[0]:
                    best = (cost, (a, b))
            table[i][j] = best
    beads = []
    i, j = n, m
    while i or j:
        a, b = table[i][j][1]
        beads.append(((i - a, i), (j - b, j)))
        i, j = i - a, j - b
    return beads[::-1]


def gale_church(source_text: str, target_text: str, source_lang: str, target_lang: str
                ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Paragraphs by length, then the sentences of each paragraph bead; the pairs' spans."""
    length = LengthCost(source_lang, target_lang, tail=False)

    def sentences(text: str, lang: str) -> list[list[tuple[int, int]]]:
        out = []
        for start, end in paragraphs(text):
            out.append([(start + s, start + e) for s, e in sentence_spans(text[start:end], lang)])
        return out

    src, tgt = sentences(source_text, source_lang), sentences(target_text, target_lang)

    def size(text: str, spans: list[tuple[int, int]]) -> int:
        return sum(text_length(text[s:e]) for s, e in spans)

    pairs = []
    for (i0, i1), (j0, j1) in _gc_align([size(source_text, p) for p in src], [size(target_text, p) for p in tgt],
                                        length):
        s_sent = [span for p in src[i0:i1] for span in p]
        t_sent = [span for p in tgt[j0:j1] for span in p]
        for (a0, a1), (b0, b1) in _gc_align([text_length(source_text[s:e]) for s, e in s_sent],
                                            [text_length(target_text[s:e]) for s, e in t_sent], length):
            if a1 > a0 and b1 > b0:
                pairs.append(((s_sent[a0][0], s_sent[a1 - 1][1]), (t_sent[b0][0], t_sent[b1 - 1][1])))
    return pairs


# -- running -------------------------------------------------------------------------------------


def country_termbase():
    from kept_terms import country_termbase as build_termbase

    return build_termbase()


def flatten(written: Written, lang: str) -> Written:
    """``written`` with its paragraphs run together (one paragraph), gold spans moved along."""
    joiner = "" if lang == "zh" else " "
    text, spans, shift, pos = [], {}, [], 0
    for part in written.text.split("\n\n"):
        shift.append((pos, len("".join(text)) + (len(joiner) if text else 0)))
        if text:
            text.append(joiner)
        text.append(part)
        pos += len(part) + 2
    flat = "".join(text)
    for line, (start, end) in written.spans.items():
        base, new = max((b, n) for b, n in shift if b <= start)
        spans[line] = (start - base + new, end - base + new)
    return Written(flat, spans, list(written.merged), set(written.dropped))


def quality(docs: list[Document], termbase, verbose: bool, flat: bool = False
            ) -> dict[tuple[str, str], dict[str, Score]]:
    built = {doc.doc_id: build(doc) for doc in docs}
    if flat:
        built = {key: {lang: flatten(w, lang) for lang, w in value.items()} for key, value in built.items()}
    results = {}
    for source_lang, target_lang in PAIRS:
        aligner = Aligner(source_lang, target_lang, termbase)
        totals = {"trilex": Score(), "gale-church": Score()}
        for doc in docs:
            x, y = built[doc.doc_id][source_lang], built[doc.doc_id][target_lang]
            ours = [(p.source_span, p.target_span) for p in aligner.align(x.text, y.text) if p.is_pair]
            got = score(ours, x, y)
            totals["trilex"].add(got)
            totals["gale-church"].add(score(gale_church(x.text, y.text, source_lang, target_lang), x, y))
            if verbose and got.right < got.gold:
                print(f"  {source_lang}-{target_lang} {doc.doc_id}: {got.right}/{got.gold} right, "
                      f"{got.predicted} predicted", file=sys.stderr)
        results[(source_lang, target_lang)] = totals
    return results


def speed(termbase, runs: int = 3) -> None:
    """A 1,000-sentence document pair (NTREX documents one after another), best of ``runs``."""
    docs = documents()
    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    count = 0
    for doc in docs:
        written = build(doc)
        for lang in LANGS:
            texts[lang].append(written[lang].text)
        count += len(doc.lines["en"])
        if count >= 1000:
            break
    print(f"\nspeed: {count} gold sentences in {len(texts['en'])} documents as one document pair")
    print(f"{'pair':<7} {'paragraphs':>12} {'one paragraph':>14}")
    for source_lang, target_lang in PAIRS:
        aligner = Aligner(source_lang, target_lang, termbase)
        source, target = "\n\n".join(texts[source_lang]), "\n\n".join(texts[target_lang])
        flat_source = re.sub(r"\n\n", " " if source_lang != "zh" else "", source)
        flat_target = re.sub(r"\n\n", " " if target_lang != "zh" else "", target)
        timings = []
        for a, b in ((source, target), (flat_source, flat_target)):
            aligner.align(a, b)  # warm: dictionaries and caches loaded
            best = math.inf
            for _ in range(runs):
                started = time.process_time()
                aligner.align(a, b)
                best = min(best, time.process_time() - started)
            timings.append(best)
        print(f"{source_lang}-{target_lang:<4} {timings[0]:>11.2f}s {timings[1]:>13.2f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["dev", "held-out", "both"], default="both")
    parser.add_argument("--termbase", action="store_true", help="CLDR country names as a termbase (needs babel)")
    parser.add_argument("--speed", action="store_true", help="also time a 1,000-sentence document pair")
    parser.add_argument("--flat", action="store_true", help="write each document as one paragraph (no breaks)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the documents with errors")
    args = parser.parse_args()
    termbase = country_termbase() if args.termbase else None
    halves = ["dev", "held-out"] if args.half == "both" else [args.half]
    print(f"{'half':<9} {'pair':<6} {'gold':>5}  {'trilex P/R/F1':<22} {'Gale-Church P/R/F1':<22}")
    for half in halves:
        docs = documents(half)
        for (source_lang, target_lang), totals in quality(docs, termbase, args.verbose, args.flat).items():
            ours, base = totals["trilex"], totals["gale-church"]
            print(f"{half:<9} {source_lang}-{target_lang:<3} {ours.gold:>5}  "
                  f"{ours.precision:.3f} {ours.recall:.3f} {ours.f1:.3f}    "
                  f"{base.precision:.3f} {base.recall:.3f} {base.f1:.3f}")
    if args.speed:
        speed(termbase)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
