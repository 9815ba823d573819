"""How a Thai, Chinese or Latin name sounds, in one coarse Latin key, so transliterations compare.

Thai writers spell foreign names by ear: ``หางโจว`` is *Hangzhou* (杭州), ``ซินหัว`` *Xinhua*,
``ออปติคอล`` *Optical*. To see that a Thai span spells its gloss, both sides are brought to Latin
letters and then folded to a *sound key*:

* Thai → Latin by PyThaiNLP's rule-based romanizer: the ``lookup`` engine (PyThaiNLP's table of
  Thai spellings of English words, ``โลจิสติกส์`` → *logistics*) falling back to ``royin`` (the
  Royal Institute's rules). Both ship with PyThaiNLP and need no download or model.
* Chinese → pinyin by pypinyin (tone marks off).
* The key (:func:`sound_key`) folds what Thai spelling cannot keep apart: aspiration
  (``kh``/``k``/``g``, ``th``/``t``/``d``, ``ph``/``p``/``b``), the sibilants and affricates of
  pinyin (``x``/``s``/``sh``/``z``, ``zh``/``ch``/``j``/``q``/``c``), ``r``/``l``, ``f``/``v``,
  a silent or dropped ``h``, final ``l`` read as ``n``, and every vowel run to one ``a``
  (Thai and pinyin vowels rarely map letter for letter).

:func:`sound_similarity` compares two keys (normalized Levenshtein similarity, rapidfuzz).
"""

from __future__ import annotations

import re
from functools import lru_cache

from trilex.lang.scripts import split_scripts

#: Latin digraphs folded first, longest first (pinyin, RTGS and English spellings).
_DIGRAPHS = (
    ("tch", "j"), ("zh", "j"), ("ch", "j"), ("ts", "j"), ("sh", "s"), ("kh", "k"), ("th", "t"),
    ("ph", "p"), ("ck", "k"), ("gh", "k"), ("ng", "n"), ("qu", "kw"),
)
#: Single letters folded to one class each.
_LETTERS = str.maketrans({
    "j": "c", "q": "c", "x": "s", "z": "s", "g": "k", "d": "t", "b": "p", "v": "f", "r": "l",
    "e": "a", "i": "a", "o": "a", "u": "a", "y": "a", "w": "a",
})
_VOWEL_RUN = re.compile(r"a+")
#: A silent leading ``ห`` (*ho nam*: it only sets the tone of the sonorant after it, ``หลี่`` *li*,
#: ``เหยา`` *yao*), which PyThaiNLP's rules read as a sound of its own (``hoeiา``, ``eling`` for
#: ``เหลียง`` *liang*).
_SILENT_HO = re.compile("ห(?=[งญนมยรลว][\u0e30-\u0e3a\u0e45-\u0e4e])")


@lru_cache(maxsize=65536)
def romanize_thai(text: str) -> str:
    """Latin spelling of a Thai word or phrase (lower case, spaces kept between words).

    ``romanize_thai('ซินหัว')`` → ``'sinhua'``; ``romanize_thai('โลจิสติกส์')`` → ``'logistics'``.
    """
    from trilex.lang.thai import _configure_pythainlp

    _configure_pythainlp()
    from pythainlp.transliterate import romanize

    words = []
    for run in split_scripts(text):
        if run.script == "thai":
            words.append(romanize(_SILENT_HO.sub("", run.text), engine="lookup").lower())
        elif run.script == "latin":
            words.append(run.text.lower())
    return " ".join(word for word in words if word)


@lru_cache(maxsize=65536)
def pinyin(text: str) -> tuple[str, ...]:
    """The pinyin syllables of the Han characters of ``text``, without tones.

    ``pinyin('杭州新华')`` → ``('hang', 'zhou', 'xin', 'hua')``.
    """
    from pypinyin import Style, lazy_pinyin

    han = "".join(run.text for run in split_scripts(text) if run.script == "han")
    return tuple(lazy_pinyin(han, style=Style.NORMAL, errors="ignore")) if han else ()


@lru_cache(maxsize=65536)
def sound_key(latin: str, is_pinyin: bool = False) -> str:
    """The coarse sound key of a Latin spelling: ``'Hangzhou'`` and ``'angcho'`` → ``'anca'``.

    Letters only; see the module docstring for what is folded. In English and RTGS spellings a
    ``c`` is an ``s`` before ``e``/``i``/``y`` and a ``k`` elsewhere (*City*, *Optical*); in
    pinyin (``is_pinyin``) it is the affricate of ``ci``/``cai``.
    """
    text = re.sub(r"[^a-z]", "", latin.lower())
    text = re.sub(r"l(?=[^aeiouy]|$)", "n", text)
    for digraph, folded in _DIGRAPHS:
        text = text.replace(digraph, folded)
    if not is_pinyin:
        text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k")
    text = text.replace("h", "")
    text = text.translate(_LETTERS)
    text = re.sub(r"(.)\1+", r"\1", text)
    return _VOWEL_RUN.sub("a", text)


@lru_cache(maxsize=1)
def _levenshtein():
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def sound_similarity(key_a: str, key_b: str) -> float:
    """Similarity 0–1 of two sound keys (normalized Levenshtein)."""
    if not key_a or not key_b:
        return 0.0
    return _levenshtein().normalized_similarity(key_a, key_b)


def sounds_like(thai: str, latin: str, is_pinyin: bool = False) -> float:
    """How closely the Thai ``thai`` sounds like the Latin spelling ``latin`` (0–1)."""
    return sound_similarity(sound_key(romanize_thai(thai)), sound_key(latin, is_pinyin))
