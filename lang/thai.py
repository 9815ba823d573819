"""Thai word segmentation and character clusters, on Thai runs only.

Thai is written without spaces between words, so term boundaries need a segmenter. The rules:

* Text is first split by script (:func:`trilex.lang.scripts.split_scripts`); only Thai runs go
  to PyThaiNLP's ``newmm`` (dictionary maximal matching). Han, Latin, digit and punctuation runs
  are never fed to it: ``newmm`` leaves a Han run as one token and glues punctuation to Latin.
* Each Thai run is segmented on its own and the result is cached, so repeated runs cost nothing.
  The compiled ``newmm`` of nlpo3 does the work, PyThaiNLP's where a run holds an unknown word
  (:func:`segment_thai_run`).
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


class PrefixDictionary:
    """PyThaiNLP's word list in the one form ``newmm`` asks of a dictionary: ``prefixes()``.

    Two frozensets (the words, and every prefix of every word) answer ``prefixes`` exactly as
    PyThaiNLP's ``Trie`` does (same words, same order, so the same segmentation), but build in
    a third of the time and unpickle in a few hundredths of a second, so they can be cached on
    disk (:mod:`trilex.lang.cache`); a ``Trie`` takes longer to unpickle than to build.
    """

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.prefix_set = frozenset(word[:end] for word in words for end in range(1, len(word) + 1))

    def __bool__(self) -> bool:
        return bool(self.words)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Every dictionary word that starts at ``text[start]``, shortest first."""
        found = []
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece not in self.prefix_set:
                break
            if piece in self.words:
                found.append(piece)
        return found


@lru_cache(maxsize=1)
def newmm_dictionary() -> PrefixDictionary:
    """PyThaiNLP's default ``newmm`` dictionary, from the disk cache when it is there."""
    _configure_pythainlp()
    import pythainlp

    from trilex import __version__
    from trilex.lang.cache import cached

    def build() -> PrefixDictionary:
        from pythainlp.corpus import thai_words

        return PrefixDictionary(frozenset(thai_words()))

    return cached("newmm-dictionary", f"{__version__}/{pythainlp.__version__}", build)


@lru_cache(maxsize=1)
def _orchid_tagger():
    _configure_pythainlp()
    import pythainlp

    from trilex import __version__
    from trilex.lang.cache import cached

    def build():
        from pythainlp.corpus import corpus_path
        from pythainlp.tag import PerceptronTagger

        return PerceptronTagger(path=os.path.join(corpus_path(), "pos_orchid_perceptron.json"))

    return cached("orchid-pos-tagger", f"{__version__}/{pythainlp.__version__}", build)


def orchid_pos_tags(words: list[str]) -> list[str]:
    """ORCHID part-of-speech tags of ``words``, as ``pythainlp.tag.pos_tag(words, corpus="orchid")``
    gives them, with the tagger model from the disk cache (a JSON load otherwise)."""
    if not words:
        return []
    from pythainlp.tag import orchid

    return [tag for _, tag in orchid.post_process(_orchid_tagger().tag(orchid.pre_process(words)), False)]


@lru_cache(maxsize=1)
def _nlpo3_dictionary() -> str:
    """The name under which nlpo3 holds PyThaiNLP's word list, loaded once per process."""
    import tempfile

    import nlpo3

    name = "trilex-newmm"
    with tempfile.TemporaryDirectory() as folder:  # nlpo3 reads a word list only from a file
        path = os.path.join(folder, "words.txt")
        with open(path, "w", encoding="utf-8") as stream:
            stream.write("\n".join(sorted(newmm_dictionary().words)))
        message, loaded = nlpo3.load_dict(path, name)
    if not loaded:
        raise RuntimeError(f"nlpo3 could not load the Thai word list: {message}")
    return name


@lru_cache(maxsize=65536)
def segment_thai_run(run: str) -> tuple[str, ...]:
    """``newmm`` words of one Thai-only run (cached).

    nlpo3 (PyThaiNLP's compiled ``newmm``, several times faster) segments first; when a word it
    gives is not in the dictionary, PyThaiNLP's own ``newmm`` segments the run instead: the two
    differ only there, in how they split an unknown word (nlpo3 can split it inside a character
    cluster). Every run of ``NTREX-128``, the seed articles and the Thai corpus files segments
    the same either way (``tests/test_lang_scripts_thai.py``).
    """
    import nlpo3

    words = tuple(nlpo3.segment(run, _nlpo3_dictionary()))
    dictionary = newmm_dictionary()
    if all(word in dictionary for word in words):
        return words
    return pythainlp_newmm(run)


def pythainlp_newmm(run: str) -> tuple[str, ...]:
    """PyThaiNLP's ``newmm`` words of one Thai-only run, with its default dictionary."""
    _configure_pythainlp()
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm", custom_dict=newmm_dictionary(), keep_whitespace=False))


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


def thai_wordnet_rows() -> list[tuple[str, str]]:
    """``(synset id, Thai lemma)`` rows of the Thai WordNet PyThaiNLP ships (``wordnet_th.db``),
    sorted; empty when the file is absent."""
    import sqlite3

    _configure_pythainlp()
    from pythainlp.corpus import corpus_path

    path = os.path.join(corpus_path(), "wordnet_th.db")
    if not os.path.exists(path):
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(connection.execute("SELECT synsetid, li FROM word_synset"))
    finally:
        connection.close()
