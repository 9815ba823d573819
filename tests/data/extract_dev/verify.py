#!/usr/bin/env python3
"""Check gold.json / not_terms.json of an extraction evaluation set against its articles.

Usage:  python verify.py [SET_DIR]      (default: the directory of this file)

SET_DIR holds articles/*.txt, gold.json and not_terms.json. The same script is
used for tests/data/extract_dev, tests/data/extract_dev2 and tests/data/extract_heldout; it follows the
approach of tests/data/seed_gold/verify.py and adds checks for the mention
shapes and for coverage of every bracket in the articles.

Hard checks (exit code 1 on failure):
  * article format: name NNN_<slug>.txt, line 1 a title, line 2 a date, no empty
    lines, no trailing newline (as the seed articles);
  * every string recorded in a mention (th / en / zh / short_forms) occurs
    verbatim in the cited line (1-based line numbers, lines split on "\\n");
  * every other_mentions text and every not_terms text occurs in its cited line;
  * every th / en / zh / short_forms string of a concept is attested by at least
    one mention or other_mention of that concept, and every mention string is
    listed in its concept;
  * schema: unique ids, allowed kinds / langs / types / shapes / tags, no
    leading/trailing spaces, no duplicate (file, line) within one concept;
  * shape agrees with the text: "quoted" spans sit between “ and ”, "spaced"
    spans follow a space or the start of the line, "glued_*" spans follow a
    non-space character, "no_th" mentions have no Thai span;
  * coverage: every bracketed segment on every line contains a recorded
    gloss string (en / zh / short form of a mention on that line), lies inside
    a recorded Thai span, or is a not_terms entry;
  * independence: no name (th / en / zh / short form, case-, space- and
    dash-folded) is shared with the seed gold or with the other evaluation sets.
Soft checks (printed as WARN): Thai spans starting with a function word, verb,
role noun or title; glosses that do not start within 12 characters after the
Thai span. Latin/CJK tokens not covered by any recorded string are listed as
INFO (unglossed names, to be looked at by hand).
Finally prints the counts used in README.md.
"""
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SET_DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
ART_DIR = os.path.join(SET_DIR, "articles")
DATA = os.path.dirname(SET_DIR)
OTHER_GOLDS = [os.path.join(DATA, d, "gold.json")
               for d in ("seed_gold", "extract_dev", "extract_dev2", "extract_heldout")
               if os.path.abspath(os.path.join(DATA, d)) != SET_DIR]

KINDS = {"organization", "program", "place", "person", "event",
         "technology", "concept", "other"}
LANGS = {"th", "en", "zh"}
SF_TYPES = {"shortForm", "acronym", "abbreviation"}
SHAPES = {"quoted", "glued_function", "glued_role", "glued_noun", "spaced", "no_th"}
TAGS = {"translit", "head", "sf_chain", "brand_th", "repeat_variant", "inner_paren"}
BAD_TH_PREFIXES = ["“", "‘", '"', "'", "และ", "ของ", "ที่", "โดย", "ใน", "จาก",
                   "กับ", "ว่า", "คือ", "ได้แก่", "อาทิ", "จัดตั้ง", "เปิด", "เป็น",
                   "ประกอบด้วย", "ผ่าน", "ผู้ว่าการ", "ผู้อำนวยการ", "อธิบดี", "นายก",
                   "ประธาน", "เลขาธิการ", "ผู้แทน", "แบรนด์",
                   "นาย", "นาง", "น.ส.", "ศ.", "ดร.", "รศ.", "นพ.", "พ.ญ.", "หรือ"]
TH_PREFIX_OK = set()
DATE_RE = re.compile(r"\d")
NAME_RE = re.compile(r"^\d{3}_[a-z0-9_]+\.txt$")

errors, warns, infos = [], [], []
_cache = {}


def fold(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s\-‐‑‒–—―_.,:;'’]+", "", s)


def lines_of(fname):
    if fname not in _cache:
        with open(os.path.join(ART_DIR, fname), encoding="utf-8") as fh:
            _cache[fname] = fh.read().split("\n")
    return _cache[fname]


def line_of(fname, n):
    try:
        lines = lines_of(fname)
    except OSError:
        errors.append(f"{fname}: article not found")
        return ""
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


def paren_segments(line):
    """Top-level bracketed segments (one level of nesting allowed) with spans."""
    return [(m.start(), m.end(), m.group(0))
            for m in re.finditer(r"\((?:[^()]|\([^()]*\))*\)", line)]


def check_articles():
    files = sorted(f for f in os.listdir(ART_DIR) if f.endswith(".txt"))
    for f in files:
        if not NAME_RE.match(f):
            errors.append(f"{f}: file name is not NNN_<slug>.txt")
        with open(os.path.join(ART_DIR, f), encoding="utf-8") as fh:
            text = fh.read()
        lines = text.split("\n")
        if text.endswith("\n"):
            errors.append(f"{f}: trailing newline (the seed articles have none)")
        if len(lines) < 5:
            errors.append(f"{f}: fewer than 5 lines")
        if not DATE_RE.search(lines[1]) or len(lines[1]) > 40:
            errors.append(f"{f}: line 2 does not look like a date: {lines[1]!r}")
        for i, l in enumerate(lines, 1):
            if not l.strip():
                errors.append(f"{f}:{i}: empty line")
    return files


def shape_of(line, th):
    """Possible shapes of the Thai span th on line (one per occurrence)."""
    out = set()
    i = line.find(th)
    while i >= 0:
        before = line[i - 1] if i > 0 else ""
        after = line[i + len(th)] if i + len(th) < len(line) else ""
        if before == "“" and after == "”":
            out.add("quoted")
        elif before in ("", " "):
            out.add("spaced")
        else:
            out.add("glued")
        i = line.find(th, i + 1)
    return out


def main():
    files = check_articles()
    gold = json.load(open(os.path.join(SET_DIR, "gold.json"), encoding="utf-8"))
    not_terms = json.load(open(os.path.join(SET_DIR, "not_terms.json"), encoding="utf-8"))
    ids = set()
    seen_th_spans = {}
    recorded = collections.defaultdict(list)     # (file, line) -> recorded strings
    gloss_strings = collections.defaultdict(list)  # (file, line) -> en/zh/sf of mentions
    th_spans = collections.defaultdict(list)     # (file, line) -> Thai spans
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
            if not (m["th"] or m["en"] or m["zh"] or m.get("short_forms")):
                errors.append(f"{where}: mention has no name")
            if not (m["en"] or m["zh"] or m.get("short_forms")):
                errors.append(f"{where}: mention carries no gloss")
            shape = m.get("shape")
            if shape not in SHAPES:
                errors.append(f"{where}: bad or missing shape {shape!r}")
            for t in m.get("tags", []):
                if t not in TAGS:
                    errors.append(f"{where}: bad tag {t!r}")
            line = line_of(f, n)
            for lang in ("th", "en", "zh"):
                s = m[lang]
                check_in(s, f, n, where + f" {lang}")
                if s is not None:
                    if s not in c[lang]:
                        errors.append(f"{where}: {lang} {s!r} not in concept list")
                    attested[(lang, s)] = True
                    recorded[(f, n)].append(s)
                    if lang != "th":
                        gloss_strings[(f, n)].append(s)
            for s in m.get("short_forms", []):
                check_in(s, f, n, where + " short_form")
                if s not in sf_texts:
                    errors.append(f"{where}: short form {s!r} not in concept")
                attested[("sf", s)] = True
                recorded[(f, n)].append(s)
                gloss_strings[(f, n)].append(s)
            th = m["th"]
            if th is None:
                if shape != "no_th":
                    errors.append(f"{where}: no Thai span but shape {shape!r}")
                continue
            th_spans[(f, n)].append(th)
            key = (f, n, th)
            if key in seen_th_spans and seen_th_spans[key] != cid:
                errors.append(f"{where}: Thai span also used by {seen_th_spans[key]}")
            seen_th_spans[key] = cid
            actual = shape_of(line, th)
            want = "glued" if shape and shape.startswith("glued") else shape
            if actual and want not in actual:
                errors.append(f"{where}: shape {shape!r} but the text shows {sorted(actual)} for {th!r}")
            for p in BAD_TH_PREFIXES:
                if th.startswith(p) and th not in TH_PREFIX_OK:
                    warns.append(f"{where}: Thai span starts with {p!r}: {th!r}")
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
            recorded[(o["file"], o["line"])].append(o["text"])
            t = o["text"]
            hit = False
            for lang in ("th", "en", "zh"):
                if t in c[lang]:
                    attested[(lang, t)] = True
                    hit = True
            if t in sf_texts:
                attested[("sf", t)] = True
                hit = True
            if not hit:
                errors.append(f"{where}: text {t!r} is not a name of the concept")
        for lang in ("th", "en", "zh"):
            for s in c[lang]:
                if not attested[(lang, s)]:
                    errors.append(f"{cid}: {lang} {s!r} not attested by any mention")
        for s in sf_texts:
            if not attested[("sf", s)]:
                errors.append(f"{cid}: short form {s!r} not attested")
    nt_at = collections.defaultdict(list)
    for k, nt in enumerate(not_terms):
        check_in(nt["text"], nt["file"], nt["line"], f"not_terms[{k}]")
        if not nt.get("why"):
            errors.append(f"not_terms[{k}]: missing why")
        nt_at[(nt["file"], nt["line"])].append(nt["text"])
        recorded[(nt["file"], nt["line"])].append(nt["text"])

    # coverage of every bracketed segment
    for f in files:
        for n, line in enumerate(lines_of(f), 1):
            for a, b, seg in paren_segments(line):
                if seg in nt_at[(f, n)]:
                    continue
                if any(g in seg for g in gloss_strings[(f, n)]):
                    continue
                inside = False
                for th in th_spans[(f, n)]:
                    i = line.find(th)
                    while i >= 0:
                        if i <= a and b <= i + len(th):
                            inside = True
                        i = line.find(th, i + 1)
                if not inside:
                    errors.append(f"{f}:{n}: bracket {seg!r} is neither a recorded gloss nor a not_terms entry")
            # Latin / CJK tokens not covered by anything recorded (INFO only)
            covered = [0] * len(line)
            for s in recorded[(f, n)]:
                i = line.find(s)
                while i >= 0:
                    for j in range(i, i + len(s)):
                        covered[j] = 1
                    i = line.find(s, i + 1)
            for m in re.finditer(r"[A-Za-z][A-Za-z0-9\-]*|[\u4e00-\u9fff]+", line):
                if not any(covered[m.start():m.end()]) and n > 2:
                    infos.append(f"{f}:{n}: unrecorded token {m.group(0)!r}")

    # independence from the seed gold and the other evaluation set
    mine = {}
    for c in gold:
        for name in [*c["th"], *c["en"], *c["zh"], *(s["text"] for s in c["short_forms"])]:
            mine.setdefault(fold(name), (c["id"], name))
    for path in OTHER_GOLDS:
        if not os.path.exists(path):
            continue
        label = os.path.basename(os.path.dirname(path))
        for c in json.load(open(path, encoding="utf-8")):
            for name in [*c.get("th", []), *c.get("en", []), *c.get("zh", []),
                         *(s["text"] for s in c.get("short_forms", []))]:
                k = fold(name)
                if k in mine:
                    errors.append(f"{mine[k][0]}: name {mine[k][1]!r} also in {label} ({c['id']})")

    for w in warns:
        print("WARN", w)
    for i in infos:
        print("INFO", i)
    for e in errors:
        print("ERROR", e)
    report(gold, not_terms, files)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


def report(gold, not_terms, files):
    ms = [m for c in gold for m in c["mentions"]]
    th_ms = [m for m in ms if m["th"]]
    kinds = collections.Counter(c["kind"] for c in gold)
    per_file = collections.Counter(m["file"] for m in ms)
    concepts_per_file = collections.Counter(f for c in gold for f in {m["file"] for m in c["mentions"]})
    shapes = collections.Counter(m["shape"] for m in ms)
    tags = collections.Counter(t for m in ms for t in m.get("tags", []))
    glossl = collections.Counter(
        "+".join(x for x, v in (("zh", m["zh"]), ("en", m["en"]), ("short form", m.get("short_forms"))) if v)
        for m in ms)
    glued = sum(1 for m in th_ms if m["shape"].startswith("glued"))
    sfs = collections.Counter(s["type"] for c in gold for s in c["short_forms"])
    multi = [c["id"] for c in gold if len(c["mentions"]) > 1]
    print(f"articles: {len(files)}")
    print(f"concepts: {len(gold)}")
    print(f"glossed mentions: {len(ms)} (with a Thai span: {len(th_ms)})   "
          f"other (unglossed) mentions: {sum(len(c.get('other_mentions', [])) for c in gold)}")
    print("concepts per article:", dict(sorted(concepts_per_file.items())))
    print("glossed mentions per article:", dict(sorted(per_file.items())))
    print("per kind:", dict(sorted(kinds.items())))
    print("mention shapes:", dict(sorted(shapes.items())))
    print(f"unquoted Thai glued to the preceding word: {glued}/{len(th_ms)} = {glued / max(1, len(th_ms)):.2f}")
    print("mention tags:", dict(sorted(tags.items())))
    print("gloss contents:", dict(sorted(glossl.items())))
    print("short forms:", sum(sfs.values()), dict(sorted(sfs.items())),
          "| concepts with th:", sum(1 for c in gold if c["th"]),
          "en:", sum(1 for c in gold if c["en"]), "zh:", sum(1 for c in gold if c["zh"]))
    print(f"concepts with >1 glossed mention: {len(multi)} {multi}")
    print(f"not_terms: {len(not_terms)}")


if __name__ == "__main__":
    sys.exit(main())
