"""The bundled termbase: regenerated from the seed articles, valid TBX v3, with the expected concepts."""

from __future__ import annotations

import pytest

from trilex.lang.normalize import match_key
from trilex.termbase import AdminStatus
from trilex.termbase.extract import extract_termbase
from trilex.termbase.formats import bundled_path, load, serialize
from trilex.xmlsafe import parse_xml

from conftest import REPO

ARTICLES = REPO / "seeds" / "articles"


@pytest.fixture(scope="module")
def seed_bytes():
    import os

    here = os.getcwd()
    os.chdir(REPO)
    try:
        paths = [f"seeds/articles/{p.name}" for p in sorted(ARTICLES.glob("*.txt"))]
        return serialize(extract_termbase(paths), "tbx3")
    finally:
        os.chdir(here)


def test_seed_articles_are_the_five_shared_ones():
    assert len(list(ARTICLES.glob("*.txt"))) == 5


def test_bundled_termbase_is_regenerated_exactly(seed_bytes):
    assert seed_bytes == (REPO / "seeds" / "seed.tbx").read_bytes(), \
        "seeds/seed.tbx is stale: run `trilex extract seeds/articles/*.txt -o seeds/seed.tbx` from the repo root"
    assert seed_bytes == bundled_path().read_bytes(), "termbase/data/seed.tbx differs from seeds/seed.tbx"


def test_bundled_termbase_is_valid_tbx_v3(seed_bytes, standards):
    from lxml import etree, isoschematron

    doc = parse_xml(seed_bytes, "seed.tbx")
    core = etree.RelaxNG(etree.parse(str(standards / "tbx" / "v3" / "TBXcoreStructV03.rng")))
    basic = isoschematron.Schematron(etree.parse(str(standards / "tbx" / "v3" / "TBX-Basic_DCA.xslt1.sch")))
    assert core.validate(doc), core.error_log
    assert basic.validate(doc)


def _concept(termbase, text):
    key = match_key(text)
    found = [c for c in termbase if any(match_key(t.text) == key for s in c.languages for t in s.terms)]
    assert len(found) == 1, text
    return found[0]


def test_done_when_concepts():
    termbase = load(bundled_path())
    center = _concept(termbase, "中国—东盟人工智能创新合作中心")
    assert match_key(center.preferred("en").text) == match_key("China-ASEAN AI Collaborative Innovation Center")
    assert center.preferred("th").text == "ศูนย์นวัตกรรมความร่วมมือด้านปัญญาประดิษฐ์ (AI) จีน-อาเซียน"
    shorts = {(t.text, t.term_type, t.status) for lang in ("th", "zh") for t in center.terms(lang)
              if t.term_type == "shortForm"}
    assert shorts == {("ศูนย์หนาน เอ", "shortForm", AdminStatus.ADMITTED),
                      ("南 A中心", "shortForm", AdminStatus.ADMITTED)}
    plan = _concept(termbase, "人工智能能力建设普惠计划")
    assert plan.preferred("en").text == "The AI Capacity-Building Action Plan for Good and for All"
    assert plan.preferred("th").text == "แผนการพัฒนาขีดความสามารถด้าน AI"
    laos = _concept(termbase, "中国—老挝人工智能创新合作中心")
    assert laos is not center
    assert center.sources == ["seeds/articles/001_05bf531f44a1f137.txt"]
    assert center.terms("zh")[0].contexts[0].source == "seeds/articles/001_05bf531f44a1f137.txt:14"


def test_ai_is_one_concept_across_three_articles():
    ai = _concept(load(bundled_path()), "Artificial Intelligence")
    assert len(ai.sources) == 3
    assert ai.preferred("th").text == "ปัญญาประดิษฐ์"
    assert [t.text for t in ai.terms("en") if t.term_type == "acronym"] == ["AI"]
