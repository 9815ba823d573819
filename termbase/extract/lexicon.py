"""What Thai dictionaries say about names: known names, the heads that belong to a name, frames.

The evidence comes from word lists PyThaiNLP ships (no download): its ``newmm`` dictionary
and the 290,000 titles of the Thai Wikipedia (``pythainlp.corpus.wikipedia``), which are mostly
names of things written as Thai writes them (``การรถไฟแห่งประเทศไทย``, ``เมืองคุนหมิง``,
``บริษัทชินคอร์ปอเรชั่นจำกัด``). From them:

* :func:`is_known_name`: the text is a dictionary word or a Wikipedia title.
* :func:`name_part_head`: a word Thai writes *as part of* a name even when the foreign name has
  no word for it (``เมือง``, ``นคร``: *Kunming* is ``เมืองคุนหมิง``). Learned as the words that open
  at least :data:`PART_HEAD_MIN_TITLES` titles, at least :data:`PART_HEAD_SHARE` of them the word
  followed by another title (``เมือง`` + ``คุนหมิง``). Descriptors such as ``สาร`` (substance),
  ``กลุ่ม`` (group) or ``หนังสือพิมพ์`` (newspaper) do not pass.
* :func:`word_classes`: noun, verb… as the Thai WordNet (``wordnet_th.db``, also shipped with
  PyThaiNLP) lists the word's senses; it corrects the tagger where a compound noun looks like a
  verb (``ใบรับรอง``, *certificate*).
* :func:`frame_opener`: the word that opens names ending with a given word: most Wikipedia titles
  that end in ``จำกัด`` start with ``บริษัท``, so ``บริษัท … จำกัด`` frames a company name.

The tables are built once per PyThaiNLP version and kept in trilex's disk cache.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.thai import thai_wordnet_rows

#: A part-of-name head opens at least this many Wikipedia titles…
PART_HEAD_MIN_TITLES = 100
#: …and at least this share of them is the head followed by another title.
PART_HEAD_SHARE = 0.6
#: A frame needs this many titles ending with its closing word…
FRAME_MIN_TITLES = 20
#: …and this share of them opened by the same word.
FRAME_SHARE = 0.5


@dataclass(frozen=True)
class NameTables:
    """The learned table: head word → (titles it opens, of which the head + another title)."""

    opens: dict[str, tuple[int, int]]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from trilex.lang.thai import _configure_pythainlp

    _configure_pythainlp()
    from pythainlp.corpus.wikipedia import thai_wikipedia_titles

    return frozenset(thai_wikipedia_titles())


def _build_tables() -> NameTables:
    from trilex.lang.thai import newmm_dictionary

    titles = _titles()
    dictionary = newmm_dictionary()
    opened: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for title in titles:
        for word in dictionary.prefixes(title):
            if len(word) >= len(title):
                continue
            opened[word] += 1
            if title[len(word):].lstrip() in titles:
                named[word] += 1
    return NameTables({word: (count, named[word]) for word, count in opened.items() if count >= 5})


@lru_cache(maxsize=1)
def _titles_by_ending() -> dict[str, list[str]]:
    """The titles grouped by their last three characters."""
    groups: dict[str, list[str]] = {}
    for title in _titles():
        groups.setdefault(title[-3:], []).append(title)
    return groups


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    """The learned tables, from the disk cache when they are there."""
    import pythainlp

    from trilex import __version__
    from trilex.lang.cache import cached

    return cached("thai-name-heads", f"{__version__}/{pythainlp.__version__}/1", _build_tables)


def is_known_name(text: str) -> bool:
    """Whether ``text`` (spaces ignored) is a word of the dictionary or a Thai Wikipedia title."""
    from trilex.lang.thai import newmm_dictionary

    compact = text.replace(" ", "")
    return text in _titles() or compact in _titles() or compact in newmm_dictionary()


def name_part_head(word: str) -> bool:
    """Whether Thai writes ``word`` as part of a name it opens (``เมือง``, ``นคร``)."""
    opens, named = name_tables().opens.get(word, (0, 0))
    return opens >= PART_HEAD_MIN_TITLES and named >= PART_HEAD_SHARE * opens


def head_titles(word: str) -> int:
    """How many Wikipedia titles ``word`` opens (0 if fewer than 5): how often it heads a name."""
    return name_tables().opens.get(word, (0, 0))[0]


@lru_cache(maxsize=1024)
def frame_opener(last_word: str) -> str | None:
    """The word that opens most Wikipedia titles ending with ``last_word``, when one clearly does
    (at least :data:`FRAME_MIN_TITLES` titles, :data:`FRAME_SHARE` of them).

    ``frame_opener('จำกัด')`` → ``'บริษัท'``.
    """
    from trilex.lang.thai import newmm_dictionary

    if len(last_word) < 3:
        return None
    dictionary = newmm_dictionary()
    openers: Counter[str] = Counter()
    for title in _titles_by_ending().get(last_word[-3:], ()):
        if title.endswith(last_word) and len(title) > len(last_word):
            words = [w for w in dictionary.prefixes(title) if len(w) <= len(title) - len(last_word)]
            if words:
                openers[words[-1]] += 1
    total = sum(openers.values())
    if total < FRAME_MIN_TITLES:
        return None
    word, count = openers.most_common(1)[0]
    return word if count >= FRAME_SHARE * total and word != last_word else None


def _build_word_classes() -> dict[str, str]:
    classes: dict[str, set[str]] = {}
    for synset, lemma in thai_wordnet_rows():
        classes.setdefault(lemma, set()).add(synset[-1])
    return {lemma: "".join(sorted(found)) for lemma, found in classes.items()}


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, str]:
    import pythainlp

    from trilex import __version__
    from trilex.lang.cache import cached

    return cached("thai-wordnet-classes", f"{__version__}/{pythainlp.__version__}/1", _build_word_classes)


def word_classes(word: str) -> str:
    """The word classes the Thai WordNet (shipped with PyThaiNLP) gives ``word``: letters of
    ``n`` (noun), ``v`` (verb), ``a`` (adjective), ``r`` (adverb); empty when it does not know it.

    ``word_classes('ใบรับรอง')`` → ``'n'`` (the ORCHID tagger calls it a verb);
    ``word_classes('ก่อสร้าง')`` → ``'v'``.
    """
    return _word_classes().get(word, "")
