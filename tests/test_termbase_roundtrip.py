"""Property-based round trips: model → file → model loses nothing the format can hold.

Text mixes Thai with combining marks, CJK (BMP and extension B), Latin and XML/CSV special
characters. Every TBX document written is also checked against the official schemas.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_termbase_schemas import official_v2_errors, official_v3_errors
from trilex.termbase import (
    AdminStatus,
    Concept,
    Context,
    CrossReference,
    Definition,
    ExternalReference,
    LanguageSection,
    Term,
    Termbase,
    Transaction,
)
from trilex.termbase.csvfile import read_csv, write_csv
from trilex.termbase.tbx2 import read_tbx2, write_tbx2
from trilex.termbase.tbx3 import read_tbx3, write_tbx3

_CHARS = st.one_of(
    st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E),  # Thai incl. vowels, tone marks
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK unified
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B
    st.sampled_from(list("abzAZ09 -<>&\"'|\\;,\t\u00e9\u0301")),
)
TEXT = st.text(_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)
OPTIONAL = st.none() | TEXT
DATE = st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)
URL = TEXT.map(lambda t: "https://example.org/" + "".join(c for c in t if c.isalnum()))
LANGS = ["en-US", "th-TH", "zh-CN", "ja"]
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def transactions():
    return st.lists(st.builds(Transaction, st.sampled_from(["origination", "modification"]),
                              DATE, OPTIONAL), max_size=2)


def external_references(types):
    if not types:
        return st.just([])
    return st.lists(st.builds(ExternalReference, URL, TEXT, st.sampled_from(types)), max_size=2)


def _terms():
    pos = ["noun", "verb", "adjective", "adverb", "properNoun", "other"]
    return st.builds(
        Term, TEXT, st.none(), st.none() | st.sampled_from(list(AdminStatus)),
        st.none() | st.sampled_from(["fullForm", "acronym", "abbreviation", "shortForm",
                                     "variant", "phrase"]),
        st.none() | st.sampled_from(pos), OPTIONAL,
        st.lists(st.builds(Context, TEXT, OPTIONAL), max_size=2),
        st.lists(TEXT, max_size=2), st.lists(TEXT, max_size=2), OPTIONAL, OPTIONAL,
        st.just([]), external_references(["externalCrossReference"]), transactions())


TERMS = _terms()
DEFINITIONS = st.lists(st.builds(Definition, TEXT, OPTIONAL), max_size=2)
TEXTS = st.lists(TEXT, max_size=2)
ONE_TEXT = st.lists(TEXT, max_size=1)
TERM_LISTS = st.lists(TERMS, min_size=1, max_size=2)
LANG_LISTS = st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True)
TRANSACTIONS = transactions()
BOTH_XREFS = external_references(["externalCrossReference", "xGraphic"])
NO_XREFS = external_references([])
INDEX = st.integers(0, 1000)
COIN = st.booleans()


@st.composite
def termbases(draw, version: str):
    v3 = version == "tbx3"
    concepts = []
    for index in range(draw(st.sampled_from([1, 2, 3]))):
        sections = [LanguageSection(
            lang, draw(TERM_LISTS), draw(DEFINITIONS), draw(TEXTS), draw(ONE_TEXT),
            draw(BOTH_XREFS if v3 else NO_XREFS), draw(TRANSACTIONS))
            for lang in draw(LANG_LISTS)]
        concepts.append(Concept(
            f"c{index}", sections, draw(OPTIONAL), draw(DEFINITIONS), draw(TEXTS), draw(TEXTS),
            draw(OPTIONAL) if v3 else None, draw(OPTIONAL) if v3 else None,
            [], draw(BOTH_XREFS), draw(TRANSACTIONS)))
    # term ids and cross-references to concepts and to terms
    all_terms = [t for c in concepts for s in c.languages for t in s.terms]
    for number, term in enumerate(all_terms):
        if draw(COIN):
            term.id = f"t{number}"
    targets = [c.id for c in concepts] + [t.id for t in all_terms if t.id]
    for owner in concepts + all_terms:
        if draw(COIN):
            owner.cross_references = [CrossReference(targets[draw(INDEX) % len(targets)],
                                                     draw(TEXT))]
    return Termbase(concepts, draw(OPTIONAL), draw(st.lists(TEXT, min_size=1, max_size=2)),
                    "en-US")


@SETTINGS
@given(termbases("tbx3"))
def test_tbx3_round_trip_is_lossless_and_valid(termbase):
    data = write_tbx3(termbase)
    assert read_tbx3(data, "rt.tbx") == termbase
    assert official_v3_errors(data) == []


@SETTINGS
@given(termbases("tbx2"))
def test_tbx2_round_trip_is_lossless_and_valid(termbase):
    data = write_tbx2(termbase)
    assert read_tbx2(data, "rt.tbx") == termbase
    assert official_v2_errors(data) == []


CSV_TERMS = st.lists(st.builds(
    Term, TEXT, status=st.none() | st.sampled_from(list(AdminStatus)),
    part_of_speech=st.none() | st.sampled_from(["noun", "verb", "properNoun"])),
    min_size=1, max_size=3)
CSV_DEFINITIONS = st.lists(st.builds(Definition, TEXT), max_size=2)


@st.composite
def glossaries(draw):
    """Termbases with only what CSV holds: ids, subject, definitions and notes as text, terms
    with status and part of speech, language-level definitions and notes."""
    concepts = []
    for index in range(draw(st.sampled_from([1, 2, 3, 4]))):
        sections = [LanguageSection(lang, draw(CSV_TERMS), draw(CSV_DEFINITIONS), draw(TEXTS))
                    for lang in draw(LANG_LISTS)]
        concepts.append(Concept(f"c{index}", sections, draw(OPTIONAL), draw(CSV_DEFINITIONS),
                                draw(TEXTS)))
    return Termbase(concepts)


@SETTINGS
@given(glossaries(), st.sampled_from([",", "\t"]))
def test_csv_round_trip_within_what_csv_holds(termbase, delimiter):
    text = write_csv(termbase, delimiter)
    back = read_csv(text.encode("utf-8"), "rt.csv", delimiter)
    # CSV has one language order, its columns', for every row
    for concept in termbase.concepts + back.concepts:
        concept.languages.sort(key=lambda section: section.lang)
    assert back == termbase


@settings(SETTINGS, max_examples=10)
@given(termbases("tbx3"))
def test_tbx3_to_tbx2_to_tbx3_keeps_entries(termbase):
    """Through TBX 2008 only subsets, language-level links and times of day move or go."""
    back = read_tbx3(write_tbx3(read_tbx2(write_tbx2(termbase), "x")), "y")
    assert [t.text for c in back for s in c.languages for t in s.terms] == \
        [t.text for c in termbase for s in c.languages for t in s.terms]
    assert [t.status for c in back for s in c.languages for t in s.terms] == \
        [t.status for c in termbase for s in c.languages for t in s.terms]
