"""The termbase as the checks see it: one matcher per language, and each concept's terms by status.

A :class:`TermIndex` is built once per run. It merges the termbases given, builds a
:class:`~trilex.lang.matcher.TermMatcher` per language the first time that language is needed,
and caches, per concept and language, which terms a translation may use.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from trilex.errors import InputWarning
from trilex.lang.chinese_script import conversion, converted_section
from trilex.lang.matcher import TermMatch, TermMatcher
from trilex.lang.normalize import fold, match_key
from trilex.lang.tags import normalize_tag, primary_subtag, tag_matches
from trilex.termbase.model import AdminStatus, Concept, Term, Termbase


@dataclass(frozen=True)
class LanguageTerms:
    """The terms of one concept in one language, sorted by what a translation may do with them."""

    preferred: Term | None
    allowed: tuple[Term, ...]
    forbidden: tuple[Term, ...]
    has_explicit_preferred: bool
    #: Folded forms of the Thai terms (any status), for :meth:`loose_count`.
    thai_keys: tuple[str, ...] = ()
    #: Identifies the language section (``th`` and ``th-TH`` may name the same one).
    section_key: int = 0

    def loose_count(self, folded_text: str) -> int:
        """How often the concept's Thai terms occur in ``folded_text`` as plain substrings.

        Word segmentation can hide a Thai term inside a longer dictionary word of the text
        (``ให้หน้า`` + ``ต่าง``); a check that reports an *absence* uses this count as well, so
        it never claims a term is missing when its letters are there.
        """
        return sum(folded_text.count(key) for key in self.thai_keys)

    def allowed_texts(self) -> list[str]:
        """The allowed terms as written, preferred first."""
        ordered = sorted(self.allowed, key=lambda term: term is not self.preferred)
        return [term.text for term in ordered]


#: Term types that name a concept in passing (TBX-Basic ``termType``): a short form beside the
#: full form is neither a competing synonym nor an inconsistency.
SHORT_TYPES = frozenset({"acronym", "abbreviation", "shortForm"})


def merge_termbases(termbases: Termbase | Sequence[Termbase]) -> Termbase:
    """One termbase holding the concepts of all ``termbases`` (the inputs are not changed)."""
    if isinstance(termbases, Termbase):
        return termbases
    merged = Termbase(title=" + ".join(tb.title for tb in termbases if tb.title) or None)
    for termbase in termbases:
        merged.concepts.extend(termbase.concepts)
    return merged


def load_index(paths: Sequence[str] = ()) -> TermIndex:
    """A :class:`TermIndex` over the termbase files at ``paths``, or the bundled termbase.

    The index, with a matcher built for every language of the termbase, is kept in the disk
    cache (:mod:`trilex.lang.cache`) under the content hash of the files: an unchanged
    termbase is not parsed or compiled again (a 100,000-concept TBX takes tens of seconds).
    The warnings reading gave (values kept as written…) are kept with it and given again on
    every load, cached or not.
    """
    import hashlib
    from importlib.metadata import version

    from trilex import __version__
    from trilex.fileio import read_bytes
    from trilex.lang.cache import cached
    from trilex.termbase import bundled_path, parse

    files = [str(path) for path in paths] or [str(bundled_path())]
    contents = [read_bytes(path) for path in files]

    def build() -> TermIndex:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InputWarning)
            index = _compiled(TermIndex([parse(data, path) for data, path in zip(contents, files)]))
        index.read_warnings = [w.message for w in caught if isinstance(w.message, InputWarning)]
        return index

    if "-" in files:
        index = build()
    else:
        key = "/".join([__version__, version("pythainlp"), _pickled_code_hash(),
                        *(hashlib.sha256(data).hexdigest() for data in contents)])
        index = cached("term-index", key, build)
    for warning in getattr(index, "read_warnings", ()):
        warnings.warn(warning, stacklevel=2)
    return index


def _pickled_code_hash() -> str:
    """A hash of the modules whose objects a cached index holds: an index cached by other code
    (a checkout a few commits older, the same version number) is rebuilt, never loaded without
    the attributes this code expects."""
    import hashlib
    from pathlib import Path

    from trilex.lang import matcher
    from trilex.termbase import model

    sources = (__file__, matcher.__file__, model.__file__)
    return hashlib.sha256(b"".join(Path(source).read_bytes() for source in sources)).hexdigest()


def _compiled(index: TermIndex) -> TermIndex:
    """``index`` with the matcher of every termbase language built."""
    for lang in index.languages():
        index.matcher(lang)
    return index


def concept_key(concept: Concept) -> int:
    """A key for ``concept`` that stays distinct when two termbases reuse an id."""
    return id(concept)


class TermIndex:
    """Matchers and per-concept term lists for one merged termbase, built lazily and cached."""

    def __init__(self, termbases: Termbase | Sequence[Termbase]):
        self.termbase = merge_termbases(termbases)
        #: The warnings reading the termbase files gave (see :func:`load_index`).
        self.read_warnings: list[InputWarning] = []
        self._matchers: dict[tuple[str | None, ...], TermMatcher] = {}
        #: The matcher each tag asked for resolved to (a run asks millions of times, with a few tags).
        self._matcher_of: dict[str, TermMatcher] = {}
        self._languages: list[str] | None = None
        self._by_key: dict[tuple[str, str], list[tuple[Concept, Term]]] | None = None
        self._terms: dict[tuple[int, str], LanguageTerms] = {}

    def matcher(self, lang: str) -> TermMatcher:
        """The matcher for the terms of ``lang`` (built on first use).

        Tags that select the same sections of the termbase (``th`` and ``th-TH`` when it only
        has ``th-TH``) and convert Chinese the same way (``zh-TW`` and ``zh-HK`` do not) share
        one matcher.
        """
        matcher = self._matcher_of.get(lang)
        if matcher is not None:
            return matcher
        key = (*(tag for tag in self.languages() if tag_matches(lang, tag)), conversion(lang))
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = self._matchers[key] = TermMatcher(self.termbase, normalize_tag(lang))
        self._matcher_of[lang] = matcher
        return matcher

    def languages(self) -> list[str]:
        """Every language tag of the termbase, in order of first appearance (cached)."""
        if self._languages is None:
            self._languages = self.termbase.languages()
        return self._languages

    def lookup(self, text: str, lang: str) -> list[tuple[Concept, Term]]:
        """The ``(concept, term)`` pairs whose ``lang`` term is ``text`` (compared by match key)."""
        if self._by_key is None:
            self._by_key = {}
            for concept in self.termbase:
                for section in concept.languages:
                    language = primary_subtag(section.lang)
                    for term in section.terms:
                        self._by_key.setdefault((language, match_key(term.text)), []).append((concept, term))
        return self._by_key.get((primary_subtag(lang), match_key(text)), [])

    def find(self, text: str, lang: str) -> list[TermMatch]:
        """The termbase terms of ``lang`` in ``text``: spans in ``text`` as written."""
        return self.matcher(lang).find(text)

    def terms(self, concept: Concept, lang: str) -> LanguageTerms:
        """What ``concept`` allows and forbids in ``lang`` (cached)."""
        key = (concept_key(concept), lang)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = _language_terms(concept, lang)
        return found


def _language_terms(concept: Concept, lang: str) -> LanguageTerms:
    section = concept.language(lang) or converted_section(concept, lang)
    if section is None:
        return LanguageTerms(None, (), (), False)
    allowed = tuple(term for term in section.terms if term.is_allowed)
    forbidden = tuple(term for term in section.terms if not term.is_allowed)
    explicit = any(term.status is AdminStatus.PREFERRED for term in section.terms)
    thai_keys = tuple(dict.fromkeys(fold(term.text) for term in section.terms if _has_thai(term.text)))
    return LanguageTerms(section.preferred(), allowed, forbidden, explicit, thai_keys, id(section))


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)
