"""The SQLite TM store: lossless TMX round trips, transactions, dedup, fuzzy lookup, concordance."""

from __future__ import annotations

import sqlite3
from itertools import islice
from pathlib import Path

import pytest
from lxml import etree

from trilex.errors import ConfigError, InputError
from trilex.tm.fuzzy import match_key, percentages
from trilex.tm.importers import read_parallel_units, read_units
from trilex.tm.model import TranslationUnit, Variant
from trilex.tm.sqlite_store import SCHEMA_VERSION, SQLiteStore
from trilex.tm.store import open_store
from trilex.tm.tmx import read_tmx, write_tmx

DATA = Path(__file__).parent / "data" / "tmstore"
ROUNDTRIP = DATA / "roundtrip.tmx"


def unit(tuid: str, **texts: str) -> TranslationUnit:
    """A unit with one variant per keyword: ``unit("1", th="...", zh="...")``."""
    return TranslationUnit(tuid, [Variant(lang, [text]) for lang, text in texts.items()])


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.tm") as opened:
        yield opened


def test_tmx_store_tmx_round_trip_keeps_everything_and_validates(tmp_path, store, standards):
    _header, units = read_tmx(ROUNDTRIP)
    original = list(units)
    result = store.add(read_units(ROUNDTRIP), origin=str(ROUNDTRIP))
    assert (result.added, result.duplicates) == (4, 0)

    out = tmp_path / "out.tmx"
    stats = write_tmx((stored.unit for stored in store.iter_units()), out, srclang="en-US")
    assert stats.written == 4 and stats.skipped == 0
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    dtd = etree.DTD(str(standards / "tmx" / "tmx14.dtd"))
    assert dtd.validate(etree.parse(str(out), parser)), dtd.error_log.filter_from_errors()

    _header, again = read_tmx(out)
    assert list(again) == original  # every unit, language, note, prop, date and inline code


def test_store_keeps_origin_and_import_date(store):
    store.add(read_units(ROUNDTRIP), origin="memoq/export.tmx")
    stored = list(store.iter_units())
    assert {item.origin for item in stored} == {"memoq/export.tmx"}
    assert all(len(item.imported) == 16 and item.imported.endswith("Z") for item in stored)
    assert store.stats().origins == {"memoq/export.tmx": 4}


def test_import_that_fails_half_way_leaves_the_store_as_before(tmp_path, store):
    store.add([unit("0", en="Kept from before", th="เก็บไว้ก่อน")], origin="first")
    text = ROUNDTRIP.read_text(encoding="utf-8")
    cut = text.index('<tu tuid="news-4"')
    broken = tmp_path / "broken.tmx"
    broken.write_text(text[:cut] + '<tu><tuv xml:lang="en-US"><seg>oops</tuv></tu></body></tmx>\n',
                      encoding="utf-8")
    with pytest.raises(InputError) as error:
        store.add(read_units(broken), origin=str(broken))
    assert str(broken) in str(error.value) and error.value.line is not None
    stats = store.stats()
    assert stats.units == 1 and stats.origins == {"first": 1}
    assert store.search_fuzzy("Data center", "en") == []
    assert store.concordance("ศูนย์ข้อมูล") == []
    # The next import still works and indexes normally.
    store.add(read_units(ROUNDTRIP), origin="again")
    assert [match.unit.tuid for match in store.search_fuzzy("Data center", "en")] == ["news-4"]


def test_exact_copies_are_duplicates_and_the_newer_copy_wins(store):
    first = unit("a", en="AI data center", zh="人工智能数据中心")
    first.attributes["changedate"] = "20240101T000000Z"
    newer = unit("b", en="AI data center", zh="人工智能数据中心")
    newer.attributes["changedate"] = "20250101T000000Z"
    older = unit("c", en="AI data center", zh="人工智能数据中心")
    older.attributes["changedate"] = "20230101T000000Z"
    other_language = unit("d", en="AI data center", th="ศูนย์ข้อมูลปัญญาประดิษฐ์")
    result = store.add([first, newer, older, other_language], origin="x")
    assert (result.added, result.duplicates, result.updated) == (2, 2, 1)
    match = store.search_fuzzy("人工智能数据中心", "zh")[0]
    assert match.unit.tuid == "b" and match.unit.attributes["changedate"] == "20250101T000000Z"
    # A later import of an older copy keeps the newer one; a newer copy replaces it.
    again = unit("e", en="AI data center", zh="人工智能数据中心")
    again.attributes["changedate"] = "20220101T000000Z"
    assert (store.add([again], origin="y").duplicates, store.stats().units) == (1, 2)
    latest = unit("f", en="AI data center", zh="人工智能数据中心")
    latest.attributes["changedate"] = "20260101T000000Z"
    assert store.add([latest], origin="z").updated == 1
    match = store.search_fuzzy("人工智能数据中心", "zh")[0]
    assert (match.unit.tuid, match.origin) == ("f", "z")


def test_spelling_variants_are_kept_apart_but_match_each_other(store):
    """Full-width letters, a no-break space or a doubled space make another entry (a CAT tool
    stores the text as written); both are found at 100% through the normalized match key."""
    plain = unit("a", en="AI data center", zh="人工智能数据中心")
    wide = unit("b", en="ＡＩ data\u00a0 center", zh="人工智能数据中心")
    assert store.add([plain, wide], origin="x").added == 2
    matches = store.search_fuzzy("AI data center", "en")
    assert {(match.unit.tuid, match.score) for match in matches} == {("a", 100.0), ("b", 100.0)}
    assert {match.text for match in matches} == {"AI data center", "ＡＩ data\u00a0 center"}


def test_empty_units_are_counted_not_stored(store):
    result = store.add([unit("e", en="  ", th="")], origin="x")
    assert (result.added, result.empty) == (0, 1) and store.stats().units == 0


def test_percentages_count_characters_for_thai_and_chinese_and_words_for_english(store):
    store.add([
        unit("1", en="the red car is fast", th="รถสีแดงวิ่งเร็ว", zh="红色的车很快"),
        unit("2", en="the blue car is fast", th="รถสีฟ้าวิ่งเร็ว", zh="蓝色的车很快"),
    ], origin="x")
    en = {match.unit.tuid: match.score for match in store.search_fuzzy("the red car is fast", "en", 0)}
    assert en == {"1": 100.0, "2": pytest.approx(80.0)}  # one word of five differs
    th = {match.unit.tuid: match.score for match in store.search_fuzzy("รถสีแดงวิ่งเร็ว", "th", 0)}
    assert th["2"] == pytest.approx(100 * (1 - 3 / 15))  # แดง → ฟ้า: three of 15 characters
    zh = {match.unit.tuid: match.score for match in store.search_fuzzy("红色的车很快", "zh", 0)}
    assert zh["2"] == pytest.approx(100 * 5 / 6)


def test_threshold_and_best_first_with_newer_first_among_ties(store):
    older = unit("old", en="Open the data center now", th="เปิดศูนย์ข้อมูลตอนนี้")
    older.attributes["changedate"] = "20200101T000000Z"
    newer = unit("new", en="Open the data center now", th="เปิดศูนย์ข้อมูลเดี๋ยวนี้")
    newer.attributes["changedate"] = "20240101T000000Z"
    store.add([
        older, newer,
        unit("near", en="Open the data center today", th="เปิดศูนย์ข้อมูลวันนี้"),
        unit("far", en="Close every office at noon", th="ปิดสำนักงานทุกแห่งตอนเที่ยง"),
    ], origin="x")
    matches = store.search_fuzzy("Open the data center now", "en")
    assert [match.unit.tuid for match in matches] == ["new", "old", "near"]
    assert [round(match.score) for match in matches] == [100, 100, 80]
    assert store.search_fuzzy("Open the data center now", "en", min_score=90, limit=1)[0].unit.tuid == "new"


def test_short_queries_of_one_and_two_characters(store):
    store.add([unit("1", zh="将", en="will"), unit("2", zh="中心", en="centre"),
               unit("3", zh="中心区", en="central district"), unit("4", zh="数据中心", en="data centre")],
              origin="x")
    assert [match.unit.tuid for match in store.search_fuzzy("将", "zh")] == ["1"]
    assert [match.unit.tuid for match in store.search_fuzzy("中心", "zh")] == ["2"]
    # 中心 against 中心区 is 2 of 3 characters, against 数据中心 2 of 4.
    assert [match.unit.tuid for match in store.search_fuzzy("中心", "zh", min_score=50)] == ["2", "3", "4"]


def test_a_short_query_finds_every_short_match_among_thousands_of_sentences_sharing_its_trigrams(store):
    """Five hundred sentences hold นั้น and so do the short segments; the 400 trigram candidates
    alone would be sentences. Every segment the threshold allows is scored: the result is
    brute force's."""
    from trilex.tm.fuzzy import match_key, percentages

    sentences = [unit(f"s{n}", th=f"เรื่องนั้นเกิดขึ้นที่ตลาด {n} และเรื่องนั้นจบแล้ว") for n in range(500)]
    shorts = [unit(f"w{n}", th=word) for n, word in enumerate(["นั้น", "นั่น", "นั้นๆ", "ขั้น", "นั้นเอง", "นน"])]
    store.add(sentences + shorts, origin="x")
    keys = {u.tuid: match_key(u.variants[0].text) for u in sentences + shorts}
    scores = dict(zip(keys, percentages(match_key("นั้น"), list(keys.values()), "th")))
    expected = {tuid for tuid, score in scores.items() if score >= 75}
    found = {match.unit.tuid for match in store.search_fuzzy("นั้น", "th", limit=None)}
    assert found == expected and "w0" in found and not any(tuid.startswith("s") for tuid in found)


def test_short_segments_are_read_from_their_own_index_which_an_older_tm_gets_on_its_next_import(tmp_path):
    """The lookup of short segments by length reads a covering index of them, not the rows; a
    TM made before that index existed gets it the next time something is imported."""
    path = tmp_path / "old.tm"
    with open_store(path) as store:
        store.add([unit("1", en="Save", th="บันทึก")], origin="x")
        store.db.execute("DROP INDEX segments_short")
    with open_store(path) as store:
        store.add([unit("2", en="Open", th="เปิด")], origin="x")
        plan = store.db.execute("EXPLAIN QUERY PLAN SELECT id, unit_id, tag, text, key FROM segments "
                                "WHERE lang = 'th' AND length BETWEEN 3 AND 5 AND length <= 8").fetchall()
        assert "COVERING INDEX segments_short" in plan[0][-1]
        assert [m.unit.tuid for m in store.search_fuzzy("เปิด", "th")] == ["2"]


def test_the_first_import_into_a_new_tm_builds_the_segment_indexes_it_deferred(tmp_path):
    """A new TM gets its segment rows first and its indexes at the end of the first import;
    they are all there, and lookups use them, in the TM that appears."""
    path = tmp_path / "new.tm"
    with open_store(path) as store:
        store.add([unit(str(n), en=f"Save file {n}", th="บันทึก") for n in range(50)], origin="x")
    with open_store(path) as store:
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"segments_unit", "segments_length", "segments_short"} <= names
        assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = store.db.execute("EXPLAIN QUERY PLAN SELECT id FROM segments WHERE unit_id = 7").fetchall()
        assert "segments_unit" in plan[0][-1]
        assert [m.unit.tuid for m in store.search_fuzzy("Save file 7", "en", limit=1)] == ["7"]


def test_concordance_finds_phrases_including_short_non_ascii_ones(store):
    store.add([
        unit("1", zh="中国—东盟人工智能数据中心", th="ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน"),
        unit("2", zh="数据", th="ข้อมูล"),
        unit("3", zh="人工智能", th="ปัญญาประดิษฐ์"),
    ], origin="x")
    short = store.concordance("数据")  # the pattern SQLite 3.40's trigram LIKE misses
    assert [(hit.unit.tuid, hit.start, hit.end) for hit in short] == [("1", 9, 11), ("2", 0, 2)]
    thai = store.concordance("ปัญญาประดิษฐ์", lang="th")
    assert [hit.unit.tuid for hit in thai] == ["1", "3"]
    assert thai[0].text[thai[0].start:thai[0].end] == "ปัญญาประดิษฐ์"
    # The dash variant is normalized, the hit is reported in the text as stored.
    dashed = store.concordance("中国-东盟")
    assert [(hit.unit.tuid, hit.text[hit.start:hit.end]) for hit in dashed] == [("1", "中国—东盟")]
    assert store.concordance("不存在的词") == []
    assert len(store.concordance("数据", limit=1)) == 1


def test_store_reopens_and_refuses_other_files(tmp_path):
    path = tmp_path / "reopen.tm"
    with open_store(path) as store:
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
    with open_store(path, create=False) as store:
        assert store.stats().units == 1
        assert store.search_fuzzy("hello world", "en")[0].score == 100.0
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("just text, long enough to not be an empty database file\n" * 20)
    with pytest.raises(InputError, match="not a trilex TM"):
        open_store(not_a_db)
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(InputError, match="something else"):
        open_store(foreign)
    with pytest.raises(InputError, match="no such TM"):
        open_store(tmp_path / "missing.tm", create=False)
    with pytest.raises(ConfigError, match="mysql://"):
        open_store("mysql://tm.example/team")


def test_store_file_is_versioned_and_uses_wal(tmp_path):
    path = tmp_path / "v.tm"
    open_store(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    with pytest.raises(InputError, match="newer"):
        open_store(path)


def test_index_finds_what_brute_force_finds_on_real_sentences(tmp_path, corpora):
    """Every ≥ 75% match brute force finds over 600 NTREX sentences, the index finds too."""
    ntrex = corpora / "ntrex128"
    english = str(ntrex / "newstest2019-src.eng.txt")
    store = SQLiteStore(str(tmp_path / "ntrex.tm"))
    for lang, name in (("th", "newstest2019-ref.tha.txt"), ("zh", "newstest2019-ref.zho-CN.txt")):
        store.add(islice(read_parallel_units(english, str(ntrex / name), "en", lang), 600), origin="ntrex")
    texts = {lang: [text for (text,) in store.db.execute("SELECT text FROM segments WHERE lang = ?", (lang,))]
             for lang in ("th", "zh", "en")}
    checked = 0
    for lang in ("th", "zh", "en"):
        keys = [match_key(text) for text in texts[lang]]
        for text in texts[lang][5:600:60]:
            words = text.split(" ")
            # The sentence with its end cut off: a tenth of its characters, or an eighth of its words.
            query = " ".join(words[:len(words) - len(words) // 8]) if lang == "en" else text[:len(text) * 9 // 10]
            key = match_key(query)
            expected = {candidate for candidate, score in zip(keys, percentages(key, keys, lang)) if score >= 75}
            found = {match_key(match.text) for match in store.search_fuzzy(query, lang, limit=None)}
            assert found == expected
            assert expected, "the cut sentence should still match its source"
            checked += 1
    assert checked == 30
    store.close()


def test_termbase_and_document_imports(tmp_path, store, corpora):
    tbx = tmp_path / "glossary.csv"
    tbx.write_text("en,th,zh\ndata center,ศูนย์ข้อมูล,数据中心\nartificial intelligence,ปัญญาประดิษฐ์,人工智能\n",
                   encoding="utf-8")
    result = store.add(read_units(tbx, termbase=True), origin=str(tbx))
    assert result.added == 2
    assert store.search_fuzzy("ศูนย์ข้อมูล", "th")[0].unit.variant("zh").text == "数据中心"

    po = corpora / "po" / "xfce4-panel.zh_CN.po"
    result = store.add(read_units(po), origin=str(po))
    assert result.added > 300
    match = store.search_fuzzy("Panel Preferences", "en")[0]
    assert match.score == 100.0 and match.unit.variant("zh") is not None

    xliff = corpora / "xliff" / "wise-client.messages.zh-Hans.xlf"
    before = store.stats().units
    result = store.add(read_units(xliff), origin=str(xliff))
    assert result.added + result.duplicates > 900 and store.stats().units == before + result.added


def test_a_version_1_tm_is_upgraded_by_its_next_import(tmp_path):
    """Version 1 keyed duplicates on the normalized texts alone; the next import recomputes the
    keys, so a formatted copy of a stored sentence is added and a plain copy is a duplicate."""
    import hashlib
    import json

    from trilex.tm.model import InlineCode

    path = tmp_path / "old.tm"
    with open_store(path) as store:
        store.add([unit("1", en="Elephants cannot fly.", th="ช้างบินไม่ได้")], origin="old.tmx")
    connection = sqlite3.connect(path)  # as trilex 1 keyed it
    old_key = hashlib.sha1(json.dumps(sorted({("en", "Elephants cannot fly."), ("th", "ช้างบินไม่ได้")}),
                                      ensure_ascii=False).encode()).digest()
    connection.execute("UPDATE units SET dedup_key = ?", (old_key,))
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    formatted = TranslationUnit("2", [
        Variant("en", ["Elephants ", InlineCode("bpt", ["<b>"], i="1"), "cannot", InlineCode("ept", ["</b>"], i="1"),
                       " fly."]),
        Variant("th", ["ช้างบินไม่ได้"])])
    with open_store(path) as store:
        result = store.add([unit("3", en="Elephants cannot fly.", th="ช้างบินไม่ได้"), formatted], origin="new.tmx")
        assert (result.added, result.duplicates) == (1, 1)
        kept = {stored.unit.tuid: stored.unit for stored in store.iter_units()}
    assert sorted(kept) == ["1", "2"] and kept["2"].variant("en").content == formatted.variant("en").content
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_an_import_read_by_worker_processes_stores_exactly_what_one_process_stores(tmp_path):
    """``jobs=2`` hands pieces of the TMX file to two processes; the TM, the counts and the
    lookups are the same as with ``jobs=1`` (duplicates across pieces, an empty unit and a
    repaired code included), and the file was really cut into several pieces."""
    from trilex.tm.tmx_pieces import MIN_PIECE, TmxUnits

    texts = [(f"Order {number} shipped to warehouse {number % 97}.", f"คำสั่งซื้อ {number} ส่งไปคลัง {number % 97}")
             for number in range(3000)]
    units = [unit(str(number), en=en, th=th) for number, (en, th) in enumerate(texts)]
    units += [unit("dup", en=texts[5][0], th=texts[5][1]), unit("empty", en=" ", th="")]
    units += [unit(str(number), en=en, th=th) for number, (en, th) in enumerate(texts[:40])]
    path = tmp_path / "in.tmx"
    write_tmx(units, path, srclang="en")
    assert path.stat().st_size > 4 * MIN_PIECE
    read = read_units(path)
    assert isinstance(read, TmxUnits) and len(list(read.pieces())) >= 4

    def build(jobs: int):
        with open_store(tmp_path / f"jobs{jobs}.tm", jobs=jobs) as store:
            result = store.add(read_units(path), origin="x")
            stored = [(s.unit_id, s.unit, s.origin) for s in store.iter_units()]
            matches = [(m.unit_id, m.score) for m in store.search_fuzzy("Order 1500 shipped to warehouse 45.", "en")]
            grams = [store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                     for table in ("gram_counts", "gram_postings", "gram_chunks", "gram_buckets")]
            return result, stored, matches, grams

    one, two = build(1), build(2)
    assert (one[0].added, one[0].duplicates, one[0].empty) == (3000, 41, 1)
    assert one == two
