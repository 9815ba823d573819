"""Thai word segmentation and character clusters, on Thai runs only.

Thai is written without spaces between words, so term boundaries need a segmenter. The rules:

* Text is first split by script (:func:`trilex.lang.scripts.split_scripts`); only Thai runs go
  to PyThaiNLP's ``newmm`` (dictionary maximal matching). Han, Latin, digit and punctuation runs
  are never fed to it: ``newmm`` leaves a Han run as one token and glues punctuation to Latin.
* Each Thai run is segmented on its own and the result is cached, so repeated runs cost nothing.
* A *Thai character cluster* (TCC, Theeramunkong et al. 2000, as implemented by PyThaiNLP) is the
  smallest unit that can never be split: a consonant with its vowels and tone marks, a leading
  vowel with its consonant, a silent consonant with THANTHAKHAT. Word boundaries are always
  cluster boundaries.

PyThaiNLP is imported lazily, with ``PYTHAINLP_OFFLINE=1`` and ``PYTHAINLP_READ_ONLY=1`` unless the
environment says otherwise, so trilex never downloads anything or writes into a data directory.
"""

from __future__ import annotations

import os
from functools import lru_cache

from trilex.lang.scripts import is_mark, split_scripts


def _configure_pythainlp() -> None:
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")


@lru_cache(maxsize=65536)
def segment_thai_run(run: str) -> tuple[str, ...]:
    """``newmm`` words of one Thai-only run (cached)."""
    _configure_pythainlp()
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=False))


def thai_words(text: str) -> list[str]:
    """Words of ``text``: Thai runs segmented by ``newmm``, every other non-space run kept whole.

    ``thai_words('ศูนย์ข้อมูล AI/中国')`` → ``['ศูนย์', 'ข้อมูล', 'AI', '/', '中国']``.
    """
    words: list[str] = []
    for run in split_scripts(text):
        if run.script == "thai":
            words.extend(segment_thai_run(run.text))
        elif run.script != "space":
            words.append(run.text)
    return words


def thai_word_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where a word starts or ends (``0`` and ``len(text)`` included).

    Inside Thai runs these are the ``newmm`` word boundaries; every script change is a boundary;
    Latin, Han and other runs contribute only their two ends.
    """
    bounds = {0, len(text)}
    for run in split_scripts(text):
        bounds.add(run.start)
        bounds.add(run.end)
        if run.script == "thai":
            pos = run.start
            for word in segment_thai_run(run.text):
                pos += len(word)
                bounds.add(pos)
    return bounds


@lru_cache(maxsize=65536)
def _tcc_ends(run: str) -> frozenset[int]:
    _configure_pythainlp()
    from pythainlp.tokenize.tcc import tcc_pos

    return frozenset(tcc_pos(run))


def thai_cluster_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` that are Thai character cluster boundaries (``0`` and ``len`` included).

    Inside Thai runs these are the TCC boundaries; outside them every offset counts except the
    one before a combining mark (a mark belongs to the character it sits on).
    """
    bounds = {0, len(text)}
    for run in split_scripts(text):
        bounds.add(run.start)
        if run.script == "thai":
            bounds.update(run.start + end for end in _tcc_ends(run.text))
        else:
            bounds.update(i for i in range(run.start + 1, run.end) if not is_mark(text[i]))
    return bounds
