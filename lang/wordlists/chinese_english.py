"""A Chinese–English word list: what a Chinese word can mean in English, from CC-CEDICT.

The list (:data:`WORD_LIST`, built by :mod:`.build_chinese_english`) holds each CC-CEDICT
headword, simplified and traditional, with its short English glosses, ``|``-separated
(``水库`` → *reservoir*, ``出口`` → *export, exit…*). :func:`words` finds the listed words of a
text by forward maximum matching, the classic dictionary segmentation of Chinese.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

#: The shipped list (CC-CEDICT © MDBG, CC BY-SA 4.0: the notice is in ``data/README.md``).
WORD_LIST = Path(__file__).with_name("data") / "zh_en_cedict.tsv.gz"
#: The longest word :func:`words` looks for, in characters.
MAX_WORD = 6


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Headword → its glosses as stored."""
    with gzip.open(WORD_LIST, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t", 1) for line in lines)


def english_glosses(word: str) -> tuple[str, ...]:
    """The English glosses of ``word`` (empty when the list lacks it):
    ``english_glosses('水库')`` → ``('reservoir',)``."""
    glosses = _table().get(word)
    return tuple(glosses.split("|")) if glosses else ()


def words(text: str) -> list[tuple[int, str]]:
    """The listed words of ``text`` with their offsets, longest first from the left (forward
    maximum matching); characters no word starts with are skipped:
    ``words('建设水库')`` → ``[(0, '建设'), (2, '水库')]``."""
    table = _table()
    out, i = [], 0
    while i < len(text):
        for size in range(min(MAX_WORD, len(text) - i), 0, -1):
            if text[i:i + size] in table:
                out.append((i, text[i:i + size]))
                i += size
                break
        else:
            i += 1
    return out
