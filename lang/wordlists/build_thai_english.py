"""Build the Thai–English word list of :mod:`.thai_english` from a Princeton WordNet 3.0 ``dict``
folder and the Thai WordNet that PyThaiNLP ships::

    python -m trilex.lang.wordlists.build_thai_english /usr/share/wordnet

The output is deterministic (sorted, no time stamp or file name in the gzip header).
"""

from __future__ import annotations

from pathlib import Path

from trilex.lang.thai import thai_wordnet_rows
from trilex.lang.wordlists.building import build_command, write_lines
from trilex.lang.wordlists.thai_english import WORD_LIST

#: WordNet's lexicographer file number of ``noun.person``.
NOUN_PERSON = 18
_DATA_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}


def _synsets(wordnet_dir: Path) -> dict[str, tuple[int, list[str]]]:
    """Synset id (``offset-pos``) → (lexicographer file number, lemmas) of a WordNet 3.0 folder."""
    synsets: dict[str, tuple[int, list[str]]] = {}
    for pos, name in _DATA_FILES.items():
        with open(wordnet_dir / name, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(" "):
                    continue
                fields = line.split()
                count = int(fields[3], 16)
                lemmas = [fields[4 + 2 * k].lower().replace("_", " ") for k in range(count)]
                synsets[f"{fields[0]}-{pos}"] = (int(fields[1]), lemmas)
    return synsets


def build(wordnet_dir: Path, out: Path = WORD_LIST) -> int:
    """Write the word list from a WordNet 3.0 ``dict`` folder and PyThaiNLP's Thai WordNet;
    return how many Thai words it has."""
    synsets = _synsets(wordnet_dir)
    english: dict[str, dict[str, None]] = {}
    people: dict[str, list[int]] = {}
    for synset, thai in thai_wordnet_rows():
        if synset not in synsets or not thai.strip():
            continue
        lexicon, lemmas = synsets[synset]
        english.setdefault(thai, {}).update(dict.fromkeys(lemmas))
        if synset.endswith("-n"):
            counts = people.setdefault(thai, [0, 0])
            counts[0] += 1
            counts[1] += lexicon == NOUN_PERSON

    def line(thai: str) -> str:
        nouns, persons = people.get(thai, (0, 0))
        flag = "p" if nouns and 2 * persons > nouns else ""
        return f"{thai}\t{flag}\t{'|'.join(english[thai])}"

    write_lines(out, (line(thai) for thai in sorted(english)))
    return len(english)


def main(argv: list[str] | None = None) -> int:
    """``python -m trilex.lang.wordlists.build_thai_english WORDNET_DIR``: rebuild :data:`WORD_LIST`."""
    return build_command(argv, "python -m trilex.lang.wordlists.build_thai_english WORDNET_3.0_DICT_DIR", build, "Thai words", WORD_LIST)

if __name__ == "__main__":
    raise SystemExit(main())
