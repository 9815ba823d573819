"""What the gloss says about its Thai term: which Thai words spell the gloss's names, and how
many of the gloss's words are left for the rest of the term to translate.

``บริษัท หางโจว ซินหัว ออปติคอล จำกัด (Hangzhou Xinhua Optical Co., Ltd.)``: the Thai words
``หางโจว``, ``ซินหัว`` and ``ออปติคอล`` sound like *Hangzhou*, *Xinhua* and *Optical*
(:mod:`trilex.lang.romanize`, each word romanized once), so the term reaches at least to ``หางโจว``; *Co.* and *Ltd.* are
left for ``บริษัท`` and ``จำกัด``. A Chinese gloss is compared through its pinyin
(``ด่านโหย่วอี้กวน`` ~ 友谊关 *you yi guan*).

:func:`spelled_runs` finds runs of one to :data:`MAX_RUN_TOKENS` Thai words whose sound key is
close to one to three consecutive English words or one to :data:`MAX_PINYIN` pinyin syllables;
overlapping matches are resolved greedily, best first (longest and most similar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trilex.lang.romanize import pinyin, romanize_thai, sound_key, sound_similarity
from trilex.termbase.extract.thai_edge import is_thai_word

#: A Thai run may be this many words long (``เสี่ยว|หง|ซู``).
MAX_RUN_TOKENS = 4
#: English words matched at once (``Sun Yat-sen`` is two).
MAX_ENGLISH = 3
#: Pinyin syllables matched at once (``xiao hong shu``).
MAX_PINYIN = 5
#: Similarity two unrelated keys of a few letters reach by chance; a match's weight is what it
#: has above this, times its length.
CHANCE_SIMILARITY = 0.7
#: Keys must be at least this similar…
MIN_SIMILARITY = 0.8
#: …and short keys (four letters or fewer) this similar, since they match by chance more often.
MIN_SHORT_SIMILARITY = 0.99
#: One pinyin syllable needs a key this long: ``can``, ``san`` match common Thai words by chance.
MIN_PINYIN_KEY = 5
#: English words that name no part of a term (articles, prepositions).
SMALL_WORDS = frozenset("a an and at by for in of on the to with".split())
_WORD = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class GlossWords:
    """The words of a gloss: English words (letters or digits) and the Chinese name's pinyin."""

    english: tuple[str, ...]
    pinyin: tuple[str, ...]

    @property
    def content(self) -> tuple[int, ...]:
        """Indices of the English words that a Thai term must render (not ``of``, ``the``…)."""
        return tuple(i for i, w in enumerate(self.english) if w.lower() not in SMALL_WORDS)


def gloss_words(en: str | None, zh: str | None) -> GlossWords:
    """The :class:`GlossWords` of a gloss's English and Chinese names."""
    return GlossWords(tuple(_WORD.findall(en or "")), pinyin(zh) if zh else ())


@dataclass(frozen=True)
class SpelledRun:
    """Thai tokens ``first..last`` (indices) spell gloss words; ``start``/``end`` are offsets in
    the region, ``english`` the indices of the English words spelled (empty for pinyin)."""

    first: int
    last: int
    start: int
    end: int
    english: frozenset[int]
    similarity: float
    pinyin: frozenset[int] = frozenset()


def _good(similarity: float, key: str) -> bool:
    return similarity >= (MIN_SHORT_SIMILARITY if len(key) <= 4 else MIN_SIMILARITY)


def spelled_runs(tokens: list, gloss: GlossWords) -> list[SpelledRun]:
    """Runs of Thai ``tokens`` (with ``text``, ``start``, ``end``, ``tag``) that sound like words
    of ``gloss``, in text order, not overlapping."""
    thai = [i for i, t in enumerate(tokens) if is_thai_word(t)]
    targets: list[tuple[str, frozenset[int], frozenset[int]]] = []
    words = gloss.english
    for a in range(len(words)):
        for b in range(a, min(len(words), a + MAX_ENGLISH)):
            if words[a].lower() in SMALL_WORDS or words[b].lower() in SMALL_WORDS:
                continue
            key = sound_key("".join(words[a:b + 1]))
            if len(key) >= 3:
                targets.append((key, frozenset(range(a, b + 1)), frozenset()))
    syllables = gloss.pinyin
    for a in range(len(syllables)):
        for b in range(a, min(len(syllables), a + MAX_PINYIN)):
            # pinyin z is an affricate, which Thai writes จ (子 zi: จื่อ): keyed as j, not as s
            key = sound_key("".join(syllables[a:b + 1]).replace("z", "j"), is_pinyin=True)
            if b > a or len(key) >= MIN_PINYIN_KEY:
                targets.append((key, frozenset(), frozenset(range(a, b + 1))))
    if not targets:
        return []
    romanized = {k: romanize_thai(tokens[k].text) for k in thai}
    found: list[tuple[float, SpelledRun]] = []
    for n, i in enumerate(thai):
        for m in range(n, min(len(thai), n + MAX_RUN_TOKENS)):
            j = thai[m]
            if j - i > 2 * MAX_RUN_TOKENS:
                break
            key = sound_key("".join(romanized[k] for k in range(i, j + 1) if k in romanized))
            if len(key) < 3:
                continue
            best_english, best_pinyin = (0.0, frozenset()), (0.0, frozenset())
            for target, indices, syllable_indices in targets:
                similarity = sound_similarity(key, target)
                if not _good(similarity, min(key, target, key=len)):
                    continue
                if indices and similarity > best_english[0]:
                    best_english = (similarity, indices)
                elif syllable_indices and similarity > best_pinyin[0]:
                    best_pinyin = (similarity, syllable_indices)
            best = max(best_english[0], best_pinyin[0])
            if best:
                run = SpelledRun(i, j, tokens[i].start, tokens[j].end, best_english[1], best, best_pinyin[1])
                found.append(((best - CHANCE_SIMILARITY) * len(key), run))
    chosen: list[SpelledRun] = []
    used_english: set[int] = set()
    used_pinyin: set[int] = set()
    for _, run in sorted(found, key=lambda item: (-item[0], item[1].start)):
        if any(run.first <= c.last and c.first <= run.last for c in chosen):
            continue
        if run.english & used_english or run.pinyin & used_pinyin:
            continue
        chosen.append(run)
        used_english |= run.english
        used_pinyin |= run.pinyin
    return sorted(chosen, key=lambda run: run.start)
