"""Termbase → TMX: one unit per concept, synonyms as extra units, deprecated terms left out."""

from __future__ import annotations

from lxml import etree

from trilex.termbase.model import AdminStatus, Concept, Definition, LanguageSection, Term, Termbase
from trilex.tm.glossary import termbase_to_units
from trilex.tm.model import Note, Prop
from trilex.tm.tmx import read_tmx, write_bilingual, write_tmx


def sample_termbase() -> Termbase:
    ai = Concept("c1", subject_field="information technology", customer_subset="ACME",
                 definitions=[Definition("Machines that perform tasks needing human intelligence.")],
                 languages=[
                     LanguageSection("en-US", [
                         Term("AI", status=AdminStatus.ADMITTED, term_type="acronym"),
                         Term("artificial intelligence", status=AdminStatus.PREFERRED, part_of_speech="noun"),
                         Term("machine intelligence", status=AdminStatus.DEPRECATED)]),
                     LanguageSection("th-TH", [Term("ปัญญาประดิษฐ์", status=AdminStatus.PREFERRED)],
                                     definitions=[Definition("ความสามารถของเครื่องจักร")]),
                     LanguageSection("zh-CN", [Term("人工智能"), Term("AI", status=AdminStatus.ADMITTED)]),
                 ])
    english_only = Concept("c2", languages=[LanguageSection("en-US", [Term("data center")])])
    all_deprecated = Concept("c3", languages=[
        LanguageSection("en-US", [Term("datacentre", status=AdminStatus.DEPRECATED)]),
        LanguageSection("th-TH", [Term("ศูนย์ข้อมูล")])])
    return Termbase([ai, english_only, all_deprecated])


def test_one_unit_per_concept_with_preferred_terms_and_metadata():
    units = list(termbase_to_units(sample_termbase()))
    main = units[0]
    assert main.tuid == "c1"
    assert [(variant.lang, variant.text) for variant in main.variants] == [
        ("en-US", "artificial intelligence"), ("th-TH", "ปัญญาประดิษฐ์"), ("zh-CN", "人工智能")]
    assert main.props == [Prop("x-ConceptId", "c1"), Prop("x-SubjectField", "information technology"),
                          Prop("x-Customer", "ACME")]
    assert main.notes == [Note("Machines that perform tasks needing human intelligence.")]
    assert main.variant("en").props == [Prop("x-Status", "preferred"), Prop("x-PartOfSpeech", "noun")]
    assert main.variant("th").notes == [Note("ความสามารถของเครื่องจักร")]
    assert main.variant("zh").props == []


def test_allowed_synonyms_become_extra_units_and_deprecated_terms_never_appear():
    units = list(termbase_to_units(sample_termbase()))
    assert [unit.tuid for unit in units] == ["c1", "c1/en-US/1", "c1/zh-CN/1"]
    english_ai = units[1]
    assert [variant.text for variant in english_ai.variants] == ["AI", "ปัญญาประดิษฐ์", "人工智能"]
    assert english_ai.variant("en").props == [Prop("x-Status", "admitted"), Prop("x-TermType", "acronym")]
    assert [variant.text for variant in units[2].variants] == ["artificial intelligence", "ปัญญาประดิษฐ์", "AI"]
    texts = {variant.text for unit in units for variant in unit.variants}
    assert "machine intelligence" not in texts and "datacentre" not in texts
    assert not any(unit.tuid.startswith(("c2", "c3")) for unit in units)


def test_languages_can_be_limited_and_are_matched_by_primary_subtag():
    units = list(termbase_to_units(sample_termbase(), ["th", "zh"]))
    assert [unit.tuid for unit in units] == ["c1", "c1/zh-CN/1"]
    assert [unit.languages for unit in units] == [["th-TH", "zh-CN"], ["th-TH", "zh-CN"]]


def test_exported_glossary_is_valid_tmx_and_reads_back(tmp_path, standards):
    dtd = etree.DTD(str(standards / "tmx" / "tmx14.dtd"))
    out = tmp_path / "glossary.tmx"
    stats = write_tmx(termbase_to_units(sample_termbase()), out, srclang="en")
    assert (stats.written, stats.warning_count) == (3, 0)
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    assert dtd.validate(etree.parse(str(out), parser)), dtd.error_log
    header, units = read_tmx(out)
    units = list(units)
    assert header.srclang == "en-US"
    assert [unit.variant("th").text for unit in units] == ["ปัญญาประดิษฐ์"] * 3
    assert units[1].variant("zh-CN").props == []
    assert Prop("x-ConceptId", "c1") in units[2].props


def test_bilingual_export_of_a_glossary_skips_synonyms_of_the_other_languages(tmp_path):
    out = tmp_path / "en-th.tmx"
    write_bilingual(termbase_to_units(sample_termbase(), ["en", "th"]), out, "en", "th")
    _, units = read_tmx(out)
    assert [(unit.variant("en").text, unit.variant("th").text) for unit in units] == [
        ("artificial intelligence", "ปัญญาประดิษฐ์"), ("AI", "ปัญญาประดิษฐ์")]


def test_empty_termbase_gives_no_units():
    assert list(termbase_to_units(Termbase())) == []
