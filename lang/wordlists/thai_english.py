"""A Thai–English word list: what a Thai word can mean in English, from the two WordNets.

The Thai WordNet that PyThaiNLP ships (``wordnet_th.db``) files each Thai word under Princeton
WordNet 3.0 synset ids only (``13567960-n``); the English words of those synsets make it a
Thai–English word list (``อ่างเก็บน้ำ`` → *reservoir*, ``กลุ่ม`` → *group, cluster…*,
``ประธาน`` → *chairman, president…*). The list is built once from a WordNet 3.0 ``dict`` folder
(:mod:`.build_thai_english`; the Debian package ``wordnet-base`` and several PyPI packages ship
one) and kept in ``data/``, :data:`WORD_LIST`, one Thai word a line: the Thai word, ``p`` when
most of its noun senses are people (WordNet's ``noun.person``: a role or title, not a thing) and
its English lemmas, ``|``-separated.

English words are compared by their Snowball stems (:func:`trilex.lang.english.stem`):
*Agricultural* and *agriculture* meet.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from trilex.lang.english import stem

#: The shipped list (WordNet 3.0 © 2006 Princeton University, Thai WordNet © 2011 NICT: both
#: licence notices are in ``data/README.md``).
WORD_LIST = Path(__file__).with_name("data") / "th_en_wordnet.tsv.gz"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[bool, str]]:
    """Thai word → (a person noun?, its English lemmas as stored)."""
    table: dict[str, tuple[bool, str]] = {}
    with gzip.open(WORD_LIST, "rt", encoding="utf-8") as lines:
        for line in lines:
            thai, flag, lemmas = line.rstrip("\n").split("\t")
            table[thai] = (flag == "p", lemmas)
    return table


def known(thai: str) -> bool:
    """Whether the word list has ``thai``."""
    return thai in _table()


def english_meanings(thai: str) -> tuple[str, ...]:
    """The English lemmas ``thai`` can translate to, as the list writes them (empty when the list
    lacks the word): ``english_meanings('อ่างเก็บน้ำ')`` holds ``'reservoir'`` and ``'artificial lake'``."""
    lemmas = _table().get(thai, (False, ""))[1]
    return tuple(lemma for lemma in lemmas.split("|") if lemma)


@lru_cache(maxsize=65536)
def english_lemmas(thai: str) -> tuple[tuple[str, ...], ...]:
    """:func:`english_meanings` of ``thai``, each as the stems of its words:
    ``english_lemmas('อ่างเก็บน้ำ')`` holds ``('reservoir',)`` and ``('artifici', 'lake')``."""
    return tuple(tuple(stem(word) for word in lemma.split()) for lemma in english_meanings(thai))


def rendered(thai: str, stems: frozenset[str]) -> frozenset[str]:
    """The ``stems`` that ``thai`` renders: the words of its English lemmas whose stems are all in
    ``stems`` (``rendered('อ่างเก็บน้ำ', {'reservoir', 'huai'})`` → ``{'reservoir'}``)."""
    found: set[str] = set()
    for lemma in english_lemmas(thai):
        if lemma and set(lemma) <= stems:
            found.update(lemma)
    return frozenset(found)


def is_person_noun(thai: str) -> bool:
    """Whether most noun senses of ``thai`` are people (``ประธาน``, *chairman*; ``นายก``)."""
    return _table().get(thai, (False, ""))[0]
