"""Find every term of a termbase in a text, in one pass, with boundaries that respect each script.

:class:`TermMatcher` is built once per termbase and language and then finds the terms of that
language in any number of texts. The rules:

* **One pass.** All term keys go into one Aho–Corasick automaton (pyahocorasick), scanned once
  over the normalized text (:func:`trilex.lang.normalize.normalize`: NFKC,
  dashes, spaces, zero-width characters, Thai character order). Spans are reported in the
  **original** text, exactly as the user wrote it.
* **Longest wins.** Overlapping candidates resolve to the leftmost, then the longest term. A
  candidate that fails its checks is dropped and the next one (a shorter term at the same start,
  or a later start) gets the place, so a rejected long term never hides a good short one.
* **Thai** has no spaces, so a Thai match must start and end on a Thai word boundary:

  - never inside a character cluster: not before a combining vowel or tone mark, not before a
    following vowel (``ะ า ำ ๅ``), not after a leading vowel (``เ แ โ ใ ไ``), not before a silent
    consonant carrying THANTHAKHAT (``จันทร์``);
  - never inside a longer word: where the neighbour on either side is Thai, the Thai phrase
    around the candidate (a stretch of Thai between spaces, zero-width spaces or other scripts)
    is segmented by leftmost-longest matching over PyThaiNLP's dictionary (the one ``newmm``
    uses; cheap, cached per phrase). If a candidate end falls strictly inside a word there,
    ``newmm`` itself gets the last word on that phrase (cached), so ``ตา`` in ``ตาราง``, ``การ``
    in ``แผนการ``, ``ปัญญา`` in ``ปัญญาประดิษฐ์`` are not hits while real words are. Only
    phrases that hold a candidate are ever segmented; unrelated text costs nothing. Where the
    dictionary knows no word (names), the cluster rule is the boundary. Measured on the 1,997
    Thai sentences of NTREX-128 with 20 common short words as terms (ตา, การ, ที่, มา, ว่า…):
    96% of the hits sit on ``newmm`` word boundaries and 99.9% of the ``newmm`` words are found;
    a substring search has 39% of its hits on word boundaries.
* **Chinese** needs no segmentation: a match may sit inside a compound (``人工智能`` in
  ``人工智能数据中心``); the longest term wins.
* **Latin script** terms need a word boundary on both sides (``art`` is not in ``start``, ``AI`` is
  not in ``said``); they match case-insensitively except acronyms (``AI`` never matches ``ai``),
  and the last word may be inflected (``AI Agent`` finds ``AI Agents``); see
  :mod:`trilex.lang.english`.
* **Spaces**: a space that does not separate two words of spaced scripts (Latin letters,
  digits) is ignored on both sides, so ``南 A中心`` finds ``南A中心`` and ``หนาน เอ`` finds ``หนานเอ`` (and back).
* **Mixed terms** (``ศูนย์หนานเอ AI``, ``南 A中心``) combine the rules: each end is checked by the
  script of the term's character at that end.
* Homonyms: when several terms have the same key (the same word in two concepts), each one that
  passes the checks is reported, with the same span.

Weblate, Okapi and neokapi match raw substrings for Thai and Chinese; the Thai and English rules
above are what make a hit here a real hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, Generic, TypeVar

from trilex.lang.english import acronym_spans, can_inflect, inflected_forms, same_stem
from trilex.lang.normalize import THAI_FOLLOW_VOWELS, THAI_MARKS, drop_loose_spaces, is_spaced_word_char, normalize_spans
from trilex.lang.tags import chinese_script, primary_subtag, tag_matches
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

T = TypeVar("T")

# What each end of a key needs from its neighbour.
_NONE, _WORD, _THAI = 0, 1, 2

_THAI_MARKS = frozenset(THAI_MARKS)
_THAI_NO_START = _THAI_MARKS | frozenset(THAI_FOLLOW_VOWELS)  # never begins a cluster
_THAI_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
_THANTHAKHAT = "\u0e4c"
_THAI_CHAR = re.compile("[\u0e00-\u0e7f]")
_THAI_RUN = re.compile("[\u0e00-\u0e7f]+")
#: Segmentations of Thai phrases kept between calls (the same sentences come back in a TM).
_SEGMENTATION_CACHE_SIZE = 50_000


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _is_thai_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def _end_kind(ch: str) -> int:
    if _is_thai(ch):
        return _THAI
    if is_spaced_word_char(ch):
        return _WORD
    return _NONE


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """One hit of :class:`PhraseMatcher`: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    payload: T


def _scan_form(text: str) -> str:
    """Lower-case ``text`` without changing its length (the automaton's keys and haystacks)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _breaks(gaps: list[int], starts: list[int], ends: list[int]) -> list[int]:
    """``gaps`` plus the places (in the same coordinates) where normalization removed a zero-width character."""
    removed = [index for index in range(1, len(starts)) if starts[index] > ends[index - 1]]
    if not removed:
        return gaps
    spaces_at = [gap + count for count, gap in enumerate(gaps)]  # removed spaces, normalized coordinates
    return sorted(set(gaps).union(index - bisect_left(spaces_at, index) for index in removed))


def _key(phrase: str) -> str:
    """The matching form of a phrase: normalized, trimmed, without loose spaces (case kept)."""
    return drop_loose_spaces(normalize_spans(phrase)[0].strip())[0]


@lru_cache(maxsize=1)
def thai_dictionary_automaton():
    """An automaton of PyThaiNLP's word list (the ``newmm`` dictionary), once per process.

    It is kept in the disk cache (:mod:`trilex.lang.cache`): loading it takes a few hundredths
    of a second, building it most of a second.
    """
    from trilex.lang.thai import _configure_pythainlp

    _configure_pythainlp()
    import pythainlp

    from trilex import __version__
    from trilex.lang.cache import cached

    return cached("thai-dictionary-automaton", f"{__version__}/{pythainlp.__version__}",
                  _build_thai_dictionary_automaton)


def _build_thai_dictionary_automaton():
    import ahocorasick

    from pythainlp.corpus import thai_words

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word in thai_words():
        key = _scan_form(_key(word))
        if key:
            automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


def _greedy_inside(dictionary, phrase: str) -> frozenset[int]:
    """Offsets strictly inside the words of the leftmost-longest dictionary segmentation of ``phrase``."""
    words = sorted((end_index + 1 - size, -size) for end_index, size in dictionary.iter(phrase))
    inside: set[int] = set()
    taken_until = 0
    for start, negative_size in words:
        if start >= taken_until:
            taken_until = start - negative_size
            inside.update(range(start + 1, taken_until))
    return frozenset(inside)


def _acronyms(key: str) -> tuple[tuple[int, int, str], ...]:
    if key == key.lower():  # no capital letter: Thai, Chinese, lower-case words
        return ()
    return tuple((a, b, key[a:b]) for a, b in acronym_spans(key))


class PhraseMatcher(Generic[T]):
    """Script-aware matcher over ``(phrase, payload)`` pairs; the engine behind :class:`TermMatcher`.

    ``thai_dictionary``: segment Thai with PyThaiNLP's word list to reject Thai candidates inside
    longer words (see the module docstring); ``None`` (the default) does so when any phrase
    contains Thai. The dictionary automaton is built once per process and shared. Phrases that
    normalize to the same key are reported together (homonyms).
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], *, thai_dictionary: bool | None = None) -> None:
        import ahocorasick

        # key in scan form → [(payload, acronym spans, inflection to confirm or None)]
        by_key: dict[str, list[tuple[T, tuple, tuple[str, str] | None]]] = {}
        has_thai = False
        for phrase, payload in phrases:
            key = _key(phrase)
            if not key:
                continue
            has_thai = has_thai or _THAI_CHAR.search(key) is not None
            acronyms = _acronyms(key)
            scan_key = _scan_form(key)
            by_key.setdefault(scan_key, []).append((payload, acronyms, None))
            last_word = scan_key.rsplit(" ", 1)[-1]
            if can_inflect(last_word) and not any(b == len(key) for _, b, _ in acronyms):
                stem_part = scan_key[: len(scan_key) - len(last_word)]
                for form in inflected_forms(last_word):
                    by_key.setdefault(stem_part + form, []).append((payload, acronyms, (form, last_word)))
        # group index → (key length, start kind, end kind, entries)
        self._groups: list[tuple[int, int, int, tuple]] = []
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for scan_key, entries in by_key.items():
            automaton.add_word(scan_key, len(self._groups))
            self._groups.append((len(scan_key), _end_kind(scan_key[0]), _end_kind(scan_key[-1]), tuple(entries)))
        automaton.make_automaton()
        self._automaton = automaton
        self._segment = bool(thai_dictionary or (thai_dictionary is None and has_thai))
        self._inside_words: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._stem_ok: dict[tuple[str, str], bool] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the per-process caches (segmented phrases, stem verdicts)."""
        state = dict(self.__dict__)
        state["_inside_words"] = OrderedDict()
        state["_stem_ok"] = {}
        return state

    def __len__(self) -> int:
        """Number of distinct keys (inflected forms included)."""
        return len(self._groups)

    def find(self, text: str) -> list[PhraseMatch[T]]:
        """Every match in ``text``: non-overlapping (homonyms share a span), sorted by start."""
        return [PhraseMatch(start, end, text[start:end], payload) for start, end, payload in self.find_spans(text)]

    def find_spans(self, text: str) -> list[tuple[int, int, T]]:
        """:meth:`find` as plain ``(start, end, payload)`` tuples (spans in the original text)."""
        if not self._groups:  # no terms in this language: pyahocorasick refuses to scan an empty automaton
            return []
        normalized, starts, ends = normalize_spans(text)
        joined, gaps = drop_loose_spaces(normalized)
        scan = _scan_form(joined)
        breaks = _Breaks(scan, gaps if starts is None else _breaks(gaps, starts, ends))
        spans = []
        for start, end, entry in self._scan(joined, scan, breaks):
            if gaps:
                start, end = start + bisect_right(gaps, start), end + bisect_right(gaps, end - 1)
            if starts is not None:
                start, end = starts[start], ends[end - 1]
            spans.append((start, end, entry[0]))
        return spans

    def _scan(self, joined: str, scan: str, breaks: _Breaks) -> Iterator[tuple[int, int, tuple]]:
        """``(start, end, entry)`` of every accepted candidate, leftmost-longest, in ``scan`` coordinates.

        ``Automaton.iter`` gives every occurrence of every key; ``iter_long`` would be shorter to
        write but misses a key after a longer key's path fails (``国`` in ``中国`` next to ``中国中``).
        A candidate that fails its checks simply leaves the place to the next one.
        """
        groups = self._groups
        candidates = sorted(
            (end_index + 1 - groups[value][0], -groups[value][0], value) for end_index, value in self._automaton.iter(scan)
        )
        taken_until = 0
        for start, negative_length, value in candidates:
            if start < taken_until:
                continue
            end = start - negative_length
            accepted = self._accept(joined, scan, breaks, start, end, groups[value])
            if accepted:
                taken_until = end
                for entry in accepted:
                    yield start, end, entry

    def _accept(self, joined: str, scan: str, breaks: _Breaks, start: int, end: int, group: tuple) -> list:
        """The entries of ``group`` that may stand at ``scan[start:end]`` (boundaries, case, stems)."""
        _, start_kind, end_kind, entries = group
        thai_ends = []  # ends with Thai on both sides: they must be word boundaries
        if start_kind == _WORD:
            if start > 0 and is_spaced_word_char(scan[start - 1]):
                return []
        elif start_kind == _THAI:
            if scan[start] in _THAI_NO_START:
                return []
            if start > 0 and _is_thai(scan[start - 1]) and not breaks.before(start):
                if scan[start - 1] in _THAI_LEADING_VOWELS:
                    return []
                thai_ends.append(start)
        if end < len(scan):
            following = scan[end]
            if end_kind == _WORD:
                if is_spaced_word_char(following):
                    return []
            elif end_kind == _THAI and _is_thai(following) and not breaks.before(end):
                if following in _THAI_NO_START or scan[end - 1] in _THAI_LEADING_VOWELS:
                    return []
                if _is_thai_consonant(following) and _silent_consonant_follows(scan, end):
                    return []
                thai_ends.append(end)
        if thai_ends and self._segment and not self._word_boundaries(scan, breaks, thai_ends):
            return []
        accepted = []
        for entry in entries:
            acronyms, inflection = entry[1], entry[2]
            if acronyms and any(joined[start + a:start + b] != exact for a, b, exact in acronyms):
                continue
            if inflection is not None and not self._inflection_ok(inflection):
                continue
            accepted.append(entry)
        return accepted

    def _word_boundaries(self, scan: str, breaks: _Breaks, offsets: list[int]) -> bool:
        """Whether every offset is a word boundary of the Thai phrase around it.

        The phrase is the stretch of Thai around the offset up to a non-Thai character or a
        removed space or zero-width character. First opinion: leftmost-longest matching over the
        dictionary (cheap, cached per phrase). When it says no, ``newmm`` decides for all the
        offsets together (cached per phrase), so the matcher never rejects what ``newmm`` accepts.
        """
        phrases = [breaks.phrase_around(offset) for offset in offsets]
        greedy_ok = True
        for offset, (first, phrase) in zip(offsets, phrases):
            inside = self._inside_words.get(phrase)
            if inside is None:
                inside = self._inside_words[phrase] = _greedy_inside(thai_dictionary_automaton(), phrase)
                if len(self._inside_words) > _SEGMENTATION_CACHE_SIZE:
                    self._inside_words.popitem(last=False)
            if offset - first in inside:
                greedy_ok = False
                break
        if greedy_ok:
            return True
        return all(offset - first in _newmm_boundaries(phrase) for offset, (first, phrase) in zip(offsets, phrases))

    def _inflection_ok(self, inflection: tuple[str, str]) -> bool:
        ok = self._stem_ok.get(inflection)
        if ok is None:
            ok = self._stem_ok[inflection] = same_stem(*inflection)
        return ok


@lru_cache(maxsize=65536)
def _newmm_boundaries(phrase: str) -> frozenset[int]:
    """Word boundaries of a Thai phrase by PyThaiNLP ``newmm`` (the second opinion; cached per phrase)."""
    from trilex.lang.thai import segment_thai_run

    return frozenset(accumulate((len(word) for word in segment_thai_run(phrase)), initial=0))


class _Breaks:
    """The hard Thai word boundaries of one scanned text and the Thai phrases between them.

    A boundary is a removed space or zero-width character: a candidate may end there and no word
    crosses it. Every question is answered in constant or logarithmic time (a set, bisection over
    the sorted boundaries and over the Thai runs), so matching stays linear in the text length;
    each phrase is sliced once per text, so its hash is computed once for the segmentation caches.
    """

    __slots__ = ("_phrases", "_positions", "_run_ends", "_run_starts", "_scan", "_set")

    def __init__(self, scan: str, positions: list[int]) -> None:
        self._scan = scan
        self._positions = positions  # sorted (drop_loose_spaces and _breaks give them in order)
        self._set = frozenset(positions)
        self._run_starts: list[int] | None = None
        self._run_ends: list[int] = []
        self._phrases: dict[tuple[int, int], str] = {}

    def before(self, position: int) -> bool:
        """Whether a removed space or zero-width character stood just before ``scan[position]``."""
        return position in self._set

    def phrase_around(self, offset: int) -> tuple[int, str]:
        """``(start, text)`` of the Thai phrase that has Thai on both sides of ``offset``.

        The phrase runs from ``offset`` back and forward over Thai characters up to a non-Thai
        character, the text's ends or a boundary (one just before ``scan[offset]`` is not looked at).
        """
        scan = self._scan
        if self._run_starts is None:
            runs = [match.span() for match in _THAI_RUN.finditer(scan)]
            self._run_starts = [start for start, _ in runs]
            self._run_ends = [end for _, end in runs]
        run = bisect_right(self._run_starts, offset - 1) - 1
        if offset < 1 or run < 0 or self._run_ends[run] <= offset:  # not Thai on both sides
            return self._walk(offset)
        positions = self._positions
        first = self._run_starts[run]
        below = bisect_right(positions, offset - 1) - 1
        if below >= 0 and positions[below] > first:
            first = positions[below]
        last = self._run_ends[run]
        above = bisect_left(positions, offset + 1)
        if above < len(positions) and positions[above] < last:
            last = positions[above]
        phrase = self._phrases.get((first, last))
        if phrase is None:
            phrase = self._phrases[first, last] = scan[first:last]
        return first, phrase

    def _walk(self, offset: int) -> tuple[int, str]:
        """:meth:`phrase_around` character by character (callers always have Thai on both sides)."""
        scan = self._scan
        first = offset - 1
        while first > 0 and _is_thai(scan[first - 1]) and not self.before(first):
            first -= 1
        last = offset + 1
        while last < len(scan) and _is_thai(scan[last]) and not self.before(last):
            last += 1
        return first, scan[first:last]


def _silent_consonant_follows(scan: str, end: int) -> bool:
    """Whether the consonant(s) at ``end`` carry THANTHAKHAT, i.e. still belong to the cluster before."""
    after = scan[end + 1:end + 3]
    return after[:1] == _THANTHAKHAT or (len(after) == 2 and _is_thai_consonant(after[0]) and after[1] == _THANTHAKHAT)


@dataclass(frozen=True)
class TermMatch:
    """A term found in a text: ``text == original[start:end]``, spans in the original text."""

    start: int
    end: int
    text: str
    concept: Concept
    term: Term

    @property
    def status(self) -> AdminStatus | None:
        """The administrative status of the matched term (deprecated terms are found too)."""
        return self.term.status

    @property
    def term_type(self) -> str | None:
        """The TBX term type of the matched term (``fullForm``, ``acronym``…)."""
        return self.term.term_type


def _terms_of(termbase: Termbase, lang: str) -> Iterator[tuple[Concept, Term]]:
    """``termbase.terms(lang)`` with the tag comparison done once per distinct tag, not per concept;
    a Chinese concept without a section of ``lang``'s script gives its other script's terms
    converted (:func:`trilex.lang.chinese_script.converted_section`)."""
    from trilex.lang.chinese_script import converted_section

    check_script = chinese_script(lang) is not None
    verdicts: dict[str, bool] = {}
    for concept in termbase.concepts:
        chosen = None
        for section in concept.languages:
            if section.lang == lang:
                chosen = section
                break
            if chosen is None:
                matches = verdicts.get(section.lang)
                if matches is None:
                    matches = verdicts[section.lang] = tag_matches(lang, section.lang)
                if matches:
                    chosen = section
        if chosen is None and check_script:
            chosen = converted_section(concept, lang)
        if chosen is not None:
            for term in chosen.terms:
                yield concept, term


class TermMatcher:
    """Finds the terms of one language of a termbase in texts; see the module docstring for the rules.

    All terms of ``lang`` (``th`` finds ``th-TH``) of every concept are indexed, whatever their
    status: checks need deprecated terms too. Build once, then call :meth:`find` per text.
    """

    def __init__(self, termbase: Termbase, lang: str) -> None:
        self.lang = lang
        pairs: list[tuple[str, Any]] = [(term.text, (concept, term)) for concept, term in _terms_of(termbase, lang)]
        use_dictionary = True if primary_subtag(lang) == "th" else None
        self._phrases: PhraseMatcher[tuple[Concept, Term]] = PhraseMatcher(pairs, thai_dictionary=use_dictionary)

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in ``text``: non-overlapping, longest wins, sorted by start."""
        return [
            TermMatch(start, end, text[start:end], concept, term)
            for start, end, (concept, term) in self._phrases.find_spans(text)
        ]
