"""English case and inflection rules for term matching.

* **Case**: Latin-script terms match case-insensitively, except *acronyms*: a word of two or
  more letters with no lower-case letter (``AI``, ``ASEAN``, ``COVID-19``) must be written exactly
  so; ``AI`` does not match ``ai`` or ``Ai``.
* **Inflection**: the last word of a term may be inflected in the text (``AI agent`` matches
  ``AI agents``, ``policy`` matches ``policies``, ``deploy`` matches ``deployed``). The matcher
  indexes the regular inflected spellings of the last word (:func:`inflected_forms`) and keeps
  a hit only if the Snowball English stem of the word in the text equals the stem of the term's
  word (:func:`same_stem`). Derivations are never indexed, so ``organ`` does not match
  ``organization`` even though Snowball gives both the stem ``organ``. Acronyms and words shorter
  than three letters are not inflected; words inside a term are not inflected either (in English
  the head of a multi-word term is its last word).
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = "aeiou"
#: English function words (articles, pronouns, auxiliaries, prepositions, conjunctions…): they
#: carry no meaning a translation must keep, so word-pair anchors leave them out.
FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below
between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves one ones thing something someone get got
may might must shall upon per via
""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of ``word`` (lower-cased first; cached)."""
    return _stemmer().stemWord(word.lower())


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: two or more letters, none of them lower-case."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


def acronym_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the acronym words of ``text``: the parts a match must reproduce with the same case."""
    return [m.span() for m in _WORD.finditer(text) if is_acronym(m.group()) and m.group().isascii()]


def can_inflect(word: str) -> bool:
    """Whether the matcher should look for inflected forms of ``word`` (a lower-case English word)."""
    return len(word) >= 3 and word.isascii() and word.isalpha() and not is_acronym(word)


def inflected_forms(word: str) -> set[str]:
    """Regular inflected spellings of ``word``: plural, possessive, ``-ed``, ``-ing``, and back to the singular.

    The set is generous on purpose (``agent`` → ``agentes`` too); :func:`same_stem` weeds out
    forms that are not inflections when a match is checked. ``word`` itself is not included.
    """
    w = word.lower()
    forms = {w + "s", w + "es", w + "'s", w + "’s", w + "s'", w + "ed", w + "ing"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("s"):
        forms.add(w[:-1])
        if w.endswith("es"):
            forms.add(w[:-2])
        if w.endswith("ies"):
            forms.add(w[:-3] + "y")
    forms.discard(w)
    return {form for form in forms if len(form) >= 2}


def same_stem(form: str, word: str) -> bool:
    """Whether ``form`` (from the text) is an inflection of the term word ``word`` by their stems."""
    return stem(form) == stem(word)
