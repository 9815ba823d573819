"""Build the Chinese–English word list of :mod:`.chinese_english` from a CC-CEDICT file::

    python -m trilex.lang.wordlists.build_chinese_english cedict_1_0_ts_utf-8_mdbg.txt.gz

CC-CEDICT (https://cc-cedict.org/, MDBG) is one entry a line, ``TRAD SIMP [pin1 yin1] /gloss/gloss/``.
The list keeps, for each headword (simplified and traditional), its short glosses: parentheses
dropped, ``;``-separated synonyms apart, a verb's ``to`` and a leading article dropped, at most
:data:`MAX_GLOSS_WORDS` words; cross-references, surnames, variants and measure words are left
out. The output is deterministic (sorted, no time stamp or file name in the gzip header).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from trilex.lang.wordlists.building import build_command, write_lines
from trilex.lang.wordlists.chinese_english import WORD_LIST

#: Glosses longer than this many words are descriptions, not translations.
MAX_GLOSS_WORDS = 3
_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PARENTHESES = re.compile(r"\([^()]*\)")
#: Glosses that are not translations: references to other entries, surnames, classifiers…
_NOT_A_TRANSLATION = re.compile(
    r"^(surname|(old |archaic |japanese |erhua )?variant of|see |cl:|used in|abbr\.|also written|"
    r"also pr\.|pr\.|taiwan pr\.|\(?loanword|radical in|kangxi radical|classifier for)", re.IGNORECASE)
_LEADING = re.compile(r"^(to|a|an|the) ", re.IGNORECASE)


def glosses(field: str) -> list[str]:
    """The short glosses of a CC-CEDICT entry's ``/``-separated field, in order, without repeats:
    ``glosses('to eat/(coll.) meal; food/see 吃飯|吃饭[chi1 fan4]')`` → ``['eat', 'meal', 'food']``."""
    out: dict[str, None] = {}
    for gloss in field.split("/"):
        if _NOT_A_TRANSLATION.match(gloss.strip()):
            continue
        for part in _PARENTHESES.sub(" ", gloss).split(";"):
            words = _LEADING.sub("", " ".join(part.split()).strip(" ,.")).split()
            if words and len(words) <= MAX_GLOSS_WORDS and not any(_HAN.search(word) for word in words):
                out[" ".join(words).lower()] = None
    return list(out)


def build(cedict: Path, out: Path = WORD_LIST) -> int:
    """Write the word list from a CC-CEDICT file (plain or gzipped); return how many headwords it has."""
    table: dict[str, dict[str, None]] = {}
    opener = gzip.open if cedict.suffix == ".gz" else open
    with opener(cedict, "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = _ENTRY.match(line)
            if line.startswith("#") or entry is None:
                continue
            traditional, simplified, field = entry.groups()
            found = glosses(field)
            if not found:
                continue
            for headword in dict.fromkeys((simplified, traditional)):
                if _HAN.search(headword):
                    table.setdefault(headword, {}).update(dict.fromkeys(found))
    write_lines(out, (f"{headword}\t{'|'.join(table[headword])}" for headword in sorted(table)))
    return len(table)


def main(argv: list[str] | None = None) -> int:
    """``python -m trilex.lang.wordlists.build_chinese_english CEDICT_FILE``: rebuild :data:`WORD_LIST`."""
    return build_command(argv, "python -m trilex.lang.wordlists.build_chinese_english CEDICT_FILE", build, "Chinese headwords", WORD_LIST)

if __name__ == "__main__":
    raise SystemExit(main())
