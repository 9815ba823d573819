"""Word pairs across the languages: the words of a sentence and of its translation that mean the same.

Every word is brought to the English it can mean, as Snowball stems (:func:`trilex.lang.english.stem`):

* an English content word (three letters or more, not a :data:`~trilex.lang.english.FUNCTION_WORDS`
  word) is its own stem: *reservoirs* → ``reservoir``;
* a Thai word (``newmm`` words, :func:`trilex.lang.thai.segment_thai_run`) has the English lemmas of
  the Thai–English word list (:mod:`trilex.lang.wordlists.thai_english`);
* a Chinese word (forward maximum matching on CC-CEDICT's headwords,
  :mod:`trilex.lang.wordlists.chinese_english`) has its CC-CEDICT glosses.

A lemma or gloss of several words stands for its last word, the head of an English noun phrase
(*artificial lake* → ``lake``, *grease-gun* → ``gun``); at most :data:`MAX_KEYS` stems are kept per word. Two words pair
when they share a stem; so ``อ่างเก็บน้ำ``, ``水库`` and *reservoir* all pair, as do Thai and
Chinese words through their English.

These anchors (kind :data:`KIND`) are many and each is weak evidence, so the search does not count
them as it counts numbers and names: a bead earns a bonus for the share of its words that pair
(:meth:`trilex.tm.align.search.Costs.bead`), and a word without a partner costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from trilex.lang.english import FUNCTION_WORDS, stem
from trilex.lang.tags import primary_subtag
from trilex.tm.align.anchors import Anchor, placed

#: The anchor kind of a word pair.
KIND = "m"
#: The most English stems a word keeps (its first senses: the lists give the commonest first).
MAX_KEYS = 40
_ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def _english_stem(word: str) -> str | None:
    """The stem of an English content word, ``None`` for a function word or one under three letters."""
    word = word.lower().replace("’", "'").split("'")[0].rsplit("-", 1)[-1]
    if len(word) < 3 or word in FUNCTION_WORDS:
        return None
    return stem(word)


def _head_stems(meanings: Sequence[str]) -> frozenset[str]:
    """The stems of the heads (last words) of English ``meanings``, function words left out."""
    keys: dict[str, None] = {}
    for meaning in meanings:
        words = meaning.split()
        key = _english_stem(words[-1]) if words else None
        if key is not None:
            keys[key] = None
            if len(keys) == MAX_KEYS:
                break
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _thai_keys(word: str) -> frozenset[str]:
    from trilex.lang.wordlists.thai_english import english_meanings

    return _head_stems(english_meanings(word))


@lru_cache(maxsize=65536)
def _chinese_keys(word: str) -> frozenset[str]:
    from trilex.lang.wordlists.chinese_english import english_glosses

    return _head_stems(english_glosses(word))


def _english_words(text: str) -> list[tuple[int, frozenset[str]]]:
    out = []
    for match in _ENGLISH_WORD.finditer(text):
        key = _english_stem(match.group())
        if key is not None:
            out.append((match.start(), frozenset({key})))
    return out


def _thai_words(text: str) -> list[tuple[int, frozenset[str]]]:
    from trilex.lang.scripts import split_scripts
    from trilex.lang.thai import segment_thai_run

    out = []
    for run in split_scripts(text):
        if run.script != "thai":
            continue
        start = run.start
        for word in segment_thai_run(run.text):
            keys = _thai_keys(word)
            if keys:
                out.append((start, keys))
            start += len(word)
    return out


def _chinese_words(text: str) -> list[tuple[int, frozenset[str]]]:
    from trilex.lang.scripts import split_scripts
    from trilex.lang.wordlists.chinese_english import words

    out = []
    for run in split_scripts(text):
        if run.script == "han":
            for offset, word in words(run.text):
                keys = _chinese_keys(word)
                if keys:
                    out.append((run.start + offset, keys))
    return out


#: The languages whose words are brought to English, and how.
_READERS = {"th": _thai_words, "zh": _chinese_words, "en": _english_words}


def word_anchors(text: str, lang: str, pieces: Sequence[tuple[int, int]]) -> list[list[Anchor]]:
    """The word-pair anchors of each piece of a paragraph (``pieces``: their ``(start, end)``, in
    order); none in a language other than Thai, Chinese and English (no word list says what its
    words mean)."""
    read = _READERS.get(primary_subtag(lang))
    found = read(text) if read is not None else []
    return placed([(start, Anchor(KIND, keys)) for start, keys in found], pieces)
