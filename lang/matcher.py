"""Find every term of a termbase in a text, in one pass, with boundaries that respect each script.

:class:`TermMatcher` is built once per termbase and language and then finds the terms of that
language in any number of texts. The rules:

* **One pass.** All term keys go into one Aho–Corasick automaton (pyahocorasick) that is scanned
  leftmost-longest over the normalized text (:func:`trilex.lang.normalize.normalize`: NFKC,
  dashes, spaces, zero-width characters, Thai character order). Spans are reported in the
  **original** text, exactly as the user wrote it.
* **Longest wins.** Overlapping candidates resolve to the leftmost, then the longest term. A
  candidate that fails its boundary checks is dropped and shorter terms at the same position are
  tried, then the scan resumes one character later, so a rejected long term never hides a good
  short one.
* **Thai** has no spaces, so a Thai match must start and end on a Thai word boundary:

  - never inside a character cluster: not before a combining vowel or tone mark, not before a
    following vowel (``ะ า ำ ๅ``), not after a leading vowel (``เ แ โ ใ ไ``), not before a silent
    consonant carrying THANTHAKHAT (``จันทร์``);
  - never inside a longer word: the words of PyThaiNLP's dictionary (the one ``newmm`` uses) go
    into the same automaton, so the leftmost-longest scan is a longest-matching word segmentation
    of the Thai text. A term swallowed by a longer dictionary word (``ตา`` in ``ตาราง``, ``การ`` in
    ``การบ้าน``, ``ข้อมูล`` in ``ฐานข้อมูล``) is not a hit. Where the dictionary knows no word, the
    cluster rule is the boundary.
* **Chinese** needs no segmentation: a match may sit inside a compound (``人工智能`` in
  ``人工智能数据中心``); the longest term wins.
* **Latin script** terms need a word boundary on both sides (``art`` is not in ``start``, ``AI`` is
  not in ``said``); they match case-insensitively except acronyms (``AI`` never matches ``ai``),
  and the last word may be inflected (``AI Agent`` finds ``AI Agents``); see
  :mod:`trilex.lang.english`.
* **Mixed terms** (``ศูนย์หนานเอ AI``, ``南 A中心``) combine the rules: each end is checked by the
  script of the term's character at that end.
* Homonyms: when several terms have the same key (the same word in two concepts), each one that
  passes the checks is reported, with the same span.

Weblate, Okapi and neokapi match raw substrings for Thai and Chinese; the Thai and English rules
above are what make a hit here a real hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from trilex.lang.english import acronym_spans, can_inflect, inflected_forms, same_stem
from trilex.lang.normalize import normalize, normalize_spans
from trilex.lang.tags import primary_subtag
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase

T = TypeVar("T")

# What each end of a key needs from its neighbour.
_NONE, _WORD, _THAI = 0, 1, 2

_THAI_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_THAI_NO_START = _THAI_MARKS | frozenset("\u0e30\u0e32\u0e33\u0e45")  # never begins a cluster
_THAI_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
_THANTHAKHAT = "\u0e4c"


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _is_thai_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def _is_latin_word_char(ch: str) -> bool:
    """Letters and digits that glue words together in spaced scripts (not Thai, not CJK)."""
    return ch.isalnum() and ch < "\u2e80" and not _is_thai(ch)


def _end_kind(ch: str) -> int:
    if _is_thai(ch):
        return _THAI
    if _is_latin_word_char(ch):
        return _WORD
    return _NONE


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """One hit of :class:`PhraseMatcher`: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    payload: T


@dataclass(frozen=True)
class _Entry(Generic[T]):
    payload: T
    acronyms: tuple[tuple[int, int, str], ...]  # (start, end, exact text) inside the key
    inflection: tuple[str, str] | None  # (form in the text, the term's word) to confirm by stem


@dataclass(frozen=True)
class _Group(Generic[T]):
    length: int
    start_kind: int
    end_kind: int
    entries: tuple[_Entry[T], ...]


def _scan_form(text: str) -> str:
    """Lower-case ``text`` without changing its length (the automaton's keys and haystacks)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


#: A space that does not separate two Latin-script words or numbers (``南 A中心``, ``หนาน เอ``).
_LOOSE_SPACE = re.compile("(?<![^\\W_\u0e00-\u0e7f\u2e80-\U0010ffff]) | (?![^\\W_\u0e00-\u0e7f\u2e80-\U0010ffff])")


def _drop_loose_spaces(text: str) -> tuple[str, list[int] | None]:
    """``text`` without loose spaces, and the index in ``text`` of each kept character (``None``: all kept)."""
    if " " not in text:
        return text, None
    positions = [match.start() for match in _LOOSE_SPACE.finditer(text)]
    if not positions:
        return text, None
    pieces: list[str] = []
    kept: list[int] = []
    previous = 0
    for position in positions:
        pieces.append(text[previous:position])
        kept.extend(range(previous, position))
        previous = position + 1
    pieces.append(text[previous:])
    kept.extend(range(previous, len(text)))
    return "".join(pieces), kept


def _key(phrase: str) -> str:
    """The matching form of a phrase: normalized, trimmed, without loose spaces (case kept)."""
    return _drop_loose_spaces(normalize(phrase).text.strip())[0]


@lru_cache(maxsize=1)
def _thai_dictionary_keys() -> tuple[str, ...]:
    """PyThaiNLP's word list (the ``newmm`` dictionary) in scan form, loaded once per process."""
    from trilex.lang.thai import _configure_pythainlp

    _configure_pythainlp()
    from pythainlp.corpus import thai_words

    return tuple(_scan_form(_key(word)) for word in thai_words())


class PhraseMatcher(Generic[T]):
    """Script-aware matcher over ``(phrase, payload)`` pairs; the engine behind :class:`TermMatcher`.

    ``thai_dictionary``: add PyThaiNLP's word list as segmentation-only keys (see the module
    docstring); ``None`` (the default) does so when any phrase contains Thai.
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], *, thai_dictionary: bool | None = None) -> None:
        import ahocorasick

        by_key: dict[str, list[_Entry[T]]] = {}
        has_thai = False
        for phrase, payload in phrases:
            key = _key(phrase)
            if not key:
                continue
            has_thai = has_thai or any(_is_thai(ch) for ch in key)
            acronyms = tuple((a, b, key[a:b]) for a, b in acronym_spans(key))
            scan_key = _scan_form(key)
            by_key.setdefault(scan_key, []).append(_Entry(payload, acronyms, None))
            last_word = scan_key.rsplit(" ", 1)[-1]
            if can_inflect(last_word) and not any(b == len(key) for _, b, _ in acronyms):
                stem_part = scan_key[: len(scan_key) - len(last_word)]
                for form in inflected_forms(last_word):
                    by_key.setdefault(stem_part + form, []).append(_Entry(payload, acronyms, (form, last_word)))
        self._groups: list[_Group[T]] = []
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for scan_key, entries in by_key.items():
            automaton.add_word(scan_key, len(self._groups))
            self._groups.append(_Group(len(scan_key), _end_kind(scan_key[0]), _end_kind(scan_key[-1]), tuple(entries)))
        if thai_dictionary or (thai_dictionary is None and has_thai):
            for scan_key in _thai_dictionary_keys():
                if scan_key and scan_key not in by_key:
                    automaton.add_word(scan_key, -len(scan_key))  # negative: a word of that length, no term
        automaton.make_automaton()
        self._automaton = automaton
        self._stem_ok: dict[tuple[str, str], bool] = {}

    def __len__(self) -> int:
        """Number of distinct keys (inflected forms included)."""
        return len(self._groups)

    def find(self, text: str) -> list[PhraseMatch[T]]:
        """Every match in ``text``: non-overlapping (homonyms share a span), sorted by start."""
        normalized, starts, ends = normalize_spans(text)
        joined, kept = _drop_loose_spaces(normalized)
        scan = _scan_form(joined)
        automaton = self._automaton
        groups = self._groups
        found: list[tuple[int, int, _Entry[T]]] = []
        pos = 0
        length = len(scan)
        while pos < length:
            for end_index, value in automaton.iter_long(scan, pos):
                if value < 0:
                    continue
                group = groups[value]
                end = end_index + 1
                start = end - group.length
                accepted = self._accept(joined, scan, start, end, group)
                if accepted:
                    found.extend((start, end, entry) for entry in accepted)
                    continue
                pos = self._retry_shorter(joined, scan, start, end, found)
                break
            else:
                break
        matches = []
        for start, end, entry in found:
            if kept is not None:
                start, end = kept[start], kept[end - 1] + 1
            if starts is not None:
                start, end = starts[start], ends[end - 1]
            matches.append(PhraseMatch(start, end, text[start:end], entry.payload))
        return matches

    def _retry_shorter(self, normalized: str, scan: str, start: int, end: int, found: list) -> int:
        """After a rejected candidate: try shorter keys at ``start``; return where to resume."""
        automaton = self._automaton
        for shorter_end in range(end - 1, start, -1):
            value = automaton.get(scan[start:shorter_end], None)
            if value is None:
                continue
            if value < 0:
                return shorter_end
            accepted = self._accept(normalized, scan, start, shorter_end, self._groups[value])
            if accepted:
                found.extend((start, shorter_end, entry) for entry in accepted)
                return shorter_end
        return start + 1

    def _accept(self, normalized: str, scan: str, start: int, end: int, group: _Group[T]) -> list[_Entry[T]]:
        """The entries of ``group`` that may stand at ``scan[start:end]`` (boundaries, case, stems)."""
        if group.start_kind == _WORD:
            if start > 0 and _is_latin_word_char(scan[start - 1]):
                return []
        elif group.start_kind == _THAI:
            if scan[start] in _THAI_NO_START or (start > 0 and scan[start - 1] in _THAI_LEADING_VOWELS):
                return []
        if end < len(scan):
            following = scan[end]
            if group.end_kind == _WORD:
                if _is_latin_word_char(following):
                    return []
            elif group.end_kind == _THAI:
                if following in _THAI_NO_START or scan[end - 1] in _THAI_LEADING_VOWELS:
                    return []
                if _is_thai_consonant(following) and _silent_consonant_follows(scan, end):
                    return []
        accepted = []
        for entry in group.entries:
            if entry.acronyms and any(normalized[start + a:start + b] != exact for a, b, exact in entry.acronyms):
                continue
            if entry.inflection is not None and not self._inflection_ok(entry.inflection):
                continue
            accepted.append(entry)
        return accepted

    def _inflection_ok(self, inflection: tuple[str, str]) -> bool:
        ok = self._stem_ok.get(inflection)
        if ok is None:
            ok = self._stem_ok[inflection] = same_stem(*inflection)
        return ok


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


class TermMatcher:
    """Finds the terms of one language of a termbase in texts; see the module docstring for the rules.

    All terms of ``lang`` (``th`` finds ``th-TH``) of every concept are indexed, whatever their
    status: checks need deprecated terms too. Build once, then call :meth:`find` per text.
    """

    def __init__(self, termbase: Termbase, lang: str) -> None:
        self.lang = lang
        pairs: list[tuple[str, Any]] = [(term.text, (concept, term)) for concept, term in termbase.terms(lang)]
        use_dictionary = True if primary_subtag(lang) == "th" else None
        self._phrases: PhraseMatcher[tuple[Concept, Term]] = PhraseMatcher(pairs, thai_dictionary=use_dictionary)

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in ``text``: non-overlapping, longest wins, sorted by start."""
        return [
            TermMatch(m.start, m.end, m.text, m.payload[0], m.payload[1]) for m in self._phrases.find(text)
        ]
