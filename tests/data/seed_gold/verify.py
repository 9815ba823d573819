#!/usr/bin/env python3
"""Check gold.json / not_terms.json against the seed articles.

Usage:  python verify.py [SEED_DIR]      (default: $SEED_DIR or the repository's seeds/articles)

Hard checks (exit code 1 on failure):
  * every string recorded in a mention (th / en / zh / short_forms) occurs verbatim
    in the cited line (1-based line numbers, lines split on "\n");
  * every other_mentions text and every not_terms text occurs in its cited line;
  * every th / en / zh / short_forms string of a concept is attested by at least
    one mention or other_mention of that concept;
  * every mention string is listed in its concept (th/en/zh lists, short_forms);
  * schema: unique ids, allowed kinds / langs / types, no leading/trailing spaces,
    no duplicate (file, line) within one concept's mentions.
Soft checks (printed as WARN):
  * a mention's Thai span starts with an opening quote, a function word, a verb
    that introduces terms, or a personal title;
  * the gloss (first of en/zh/short form) does not start within 12 characters
    after the end of the Thai span on the line (fine for หรือ-glosses etc.).
Finally prints the counts used in README.md.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = (sys.argv[1] if len(sys.argv) > 1
            else os.environ.get("SEED_DIR", os.path.join(HERE, "..", "..", "..", "seeds", "articles")))

KINDS = {"organization", "program", "place", "person", "event",
         "technology", "concept", "other"}
LANGS = {"th", "en", "zh"}
SF_TYPES = {"shortForm", "acronym", "abbreviation"}
BAD_TH_PREFIXES = ["“", "‘", '"', "'", "และ", "ของ", "ที่", "โดย", "ใน", "จาก",
                   "กับ", "ว่า", "คือ", "ได้แก่", "อาทิ", "จัดตั้ง", "เปิด",
                   "นาย", "นาง", "น.ส.", "ศ.", "ดร.", "รศ.", "พ.ญ.", "หรือ"]
# legitimate terms that happen to begin with one of the prefixes above
TH_PREFIX_OK = set()

errors, warns = [], []
_cache = {}


def line_of(fname, n):
    if fname not in _cache:
        path = os.path.join(SEED_DIR, fname)
        with open(path, encoding="utf-8") as fh:
            _cache[fname] = fh.read().split("\n")
    lines = _cache[fname]
    if not 1 <= n <= len(lines):
        errors.append(f"{fname}:{n}: line number out of range")
        return ""
    return lines[n - 1]


def check_in(s, fname, n, where):
    if s is None:
        return
    if not isinstance(s, str) or not s:
        errors.append(f"{where}: empty/non-string value {s!r}")
        return
    if s != s.strip():
        errors.append(f"{where}: leading/trailing whitespace in {s!r}")
    if s not in line_of(fname, n):
        errors.append(f"{where}: {s!r} not found in {fname}:{n}")


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    not_terms = json.load(open(os.path.join(HERE, "not_terms.json"),
                               encoding="utf-8"))
    ids = set()
    seen_th_spans = {}
    for c in gold:
        cid = c["id"]
        if cid in ids:
            errors.append(f"duplicate id {cid}")
        ids.add(cid)
        if c["kind"] not in KINDS:
            errors.append(f"{cid}: bad kind {c['kind']}")
        for sf in c["short_forms"]:
            if sf["lang"] not in LANGS or sf["type"] not in SF_TYPES:
                errors.append(f"{cid}: bad short form {sf}")
        if not c["mentions"]:
            errors.append(f"{cid}: no mentions")
        if not (c["en"] or c["zh"] or c["short_forms"]):
            errors.append(f"{cid}: no foreign name at all")
        sf_texts = {sf["text"] for sf in c["short_forms"]}
        attested = collections.defaultdict(bool)
        fl = set()
        for m in c["mentions"]:
            f, n = m["file"], m["line"]
            where = f"{cid} mention {f}:{n}"
            if (f, n) in fl:
                errors.append(f"{where}: duplicate (file,line) in mentions")
            fl.add((f, n))
            if not (m["th"] or m["en"] or m["zh"]):
                errors.append(f"{where}: mention has no name")
            if not (m["en"] or m["zh"] or m.get("short_forms")) and not (
                    m["th"] and (c["en"] or c["zh"])):
                errors.append(f"{where}: mention carries no gloss")
            line = line_of(f, n)
            for lang in ("th", "en", "zh"):
                s = m[lang]
                check_in(s, f, n, where + f" {lang}")
                if s is not None:
                    if s not in c[lang]:
                        errors.append(f"{where}: {lang} {s!r} not in concept list")
                    attested[(lang, s)] = True
            for s in m.get("short_forms", []):
                check_in(s, f, n, where + " short_form")
                if s not in sf_texts:
                    errors.append(f"{where}: short form {s!r} not in concept")
                attested[("sf", s)] = True
            th = m["th"]
            if th:
                key = (f, n, th)
                if key in seen_th_spans and seen_th_spans[key] != cid:
                    errors.append(f"{where}: Thai span also used by {seen_th_spans[key]}")
                seen_th_spans[key] = cid
                for p in BAD_TH_PREFIXES:
                    if th.startswith(p) and th not in TH_PREFIX_OK:
                        warns.append(f"{where}: Thai span starts with {p!r}: {th!r}")
                # gloss position check (soft)
                i = line.find(th)
                glosses = [g for g in (m["en"], m["zh"]) if g] + m.get("short_forms", [])
                if i >= 0 and glosses:
                    end = i + len(th)
                    pos = [line.find(g, end) for g in glosses]
                    pos = [p for p in pos if p >= 0]
                    if not pos or min(pos) - end > 12:
                        warns.append(f"{where}: gloss not right after Thai span "
                                     f"(distance {min(pos) - end if pos else None})")
        for o in c.get("other_mentions", []):
            where = f"{cid} other_mention {o['file']}:{o['line']}"
            check_in(o["text"], o["file"], o["line"], where)
            t = o["text"]
            for lang in ("th", "en", "zh"):
                if t in c[lang]:
                    attested[(lang, t)] = True
            if t in sf_texts:
                attested[("sf", t)] = True
        for lang in ("th", "en", "zh"):
            for s in c[lang]:
                if not attested[(lang, s)]:
                    errors.append(f"{cid}: {lang} {s!r} not attested by any mention")
        for s in sf_texts:
            if not attested[("sf", s)]:
                errors.append(f"{cid}: short form {s!r} not attested")
    for k, nt in enumerate(not_terms):
        check_in(nt["text"], nt["file"], nt["line"], f"not_terms[{k}]")
        if not nt.get("why"):
            errors.append(f"not_terms[{k}]: missing why")

    for w in warns:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)

    kinds = collections.Counter(c["kind"] for c in gold)
    n_m = sum(len(c["mentions"]) for c in gold)
    n_o = sum(len(c.get("other_mentions", [])) for c in gold)
    per_file = collections.Counter(m["file"] for c in gold for m in c["mentions"])
    multi = [c["id"] for c in gold if len({(m["file"], m["line"]) for m in c["mentions"]}) > 1]
    multi_file = [c["id"] for c in gold if len({m["file"] for m in c["mentions"]}) > 1]
    print(f"concepts: {len(gold)}")
    print(f"glossed mentions: {n_m}   other (unglossed) mentions: {n_o}")
    print("per kind:", dict(sorted(kinds.items())))
    print("glossed mentions per file:", dict(sorted(per_file.items())))
    print(f"concepts with >1 glossed mention: {len(multi)} {multi}")
    print(f"concepts glossed in >1 article: {len(multi_file)} {multi_file}")
    print("short forms:", sum(len(c['short_forms']) for c in gold),
          "| concepts with th:", sum(1 for c in gold if c['th']),
          "en:", sum(1 for c in gold if c['en']),
          "zh:", sum(1 for c in gold if c['zh']))
    print(f"not_terms: {len(not_terms)}")
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
