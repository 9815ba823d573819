"""The PostgreSQL TM store, through the public interface (:func:`trilex.tm.store.open_store`).

Behaviours every backend must share run on both (the ``tm_location`` fixture: a SQLite file and
a fresh PostgreSQL database); the server-only ones (processes importing at once, searches during
an import, schema versions, unreachable servers) run on PostgreSQL. The server is the one
``tests/conftest.py`` provides (``$TRILEX_TEST_POSTGRES``, else a throwaway cluster).
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from click.testing import CliRunner
from trilex.errors import InputError, TrilexError
from trilex.tm.model import InlineCode, TranslationUnit, Variant
from trilex.tm.store import StoredUnit, TMBusyError, TMStore, open_store
from trilex.tm.tmx import read_tmx, write_tmx

#: Longest any process or thread of these tests may take.
TIMEOUT = 120

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" '
          'creationtoolversion="6.0.1" segtype="sentence" o-tmf="OmegaT TMX" adminlang="en-US" srclang="en-US" '
          'datatype="plaintext"/>\n<body>\n')

#: (tuid, en, th, zh): sentences, and words of one and two characters.
TRILINGUAL = [
    ("t1", "The red car is fast", "รถสีแดงวิ่งเร็ว", "红色的车很快"),
    ("t2", "The blue car is fast", "รถสีฟ้าวิ่งเร็ว", "蓝色的车很快"),
    ("t3", "will", "จะ", "将"),
    ("t4", "centre", "ศูนย์", "中心"),
    ("t5", "central district", "ย่านใจกลาง", "中心区"),
    ("t6", "data centre", "ศูนย์ข้อมูล", "数据中心"),
    ("t7", "Go", "ไป", "去"),
    ("t8", "China-ASEAN AI Data Center", "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน", "中国—东盟人工智能数据中心"),
    ("t9", "artificial intelligence", "ปัญญาประดิษฐ์", "人工智能"),
    ("t10", "OK", "ตกลง", "好"),
]


def tmx_text(rows: list[tuple[str, str, str, str]], changedate: str = "20240302T091500Z") -> str:
    body = "".join(
        f'<tu tuid="{tuid}" creationid="somchai" changedate="{changedate}">'
        f'<prop type="x-project">asean-ai</prop>'
        f'<tuv xml:lang="en-US"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="th-TH"><seg>{th}</seg></tuv>'
        f'<tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu>\n' for tuid, en, th, zh in rows)
    return HEADER + body + "</body></tmx>\n"


def write_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def tmx_units(path: Path) -> Iterator[TranslationUnit]:
    _header, units = read_tmx(path)
    return units


def unit(tuid: str | None, **texts: str) -> TranslationUnit:
    """A unit with one variant per keyword: ``unit("1", th="...", zh="...")``."""
    return TranslationUnit(tuid, [Variant(lang, [text]) for lang, text in texts.items()])


def numbered(i: int, tag: str = "shared") -> TranslationUnit:
    return TranslationUnit(None, [Variant("en", [f"{tag} sentence number {i}"]),
                                  Variant("th", [f"ประโยค {tag} ที่ {i}"]), Variant("zh", [f"第{i}句{tag}"])])


def snapshot(store: TMStore) -> tuple[list[tuple], tuple]:
    """Everything the public interface shows of a store's contents."""
    units = [(stored.unit_id, stored.unit, stored.origin, stored.imported) for stored in store.iter_units()]
    stats = store.stats()
    return units, (stats.units, stats.segments, stats.pairs, stats.origins)


def tuids(found) -> list[str | None]:
    return [item.unit.tuid for item in found]


@pytest.fixture
def trilingual_tmx(tmp_path) -> Path:
    return write_file(tmp_path / "asean.tmx", tmx_text(TRILINGUAL))


# -- on both backends ------------------------------------------------------------------------------

def test_import_then_fuzzy_concordance_listing_and_stats_in_thai_chinese_english(
        tm_location, tm_backend, trilingual_tmx):
    with open_store(tm_location) as store:
        result = store.add(tmx_units(trilingual_tmx), origin=str(trilingual_tmx))
        assert (result.added, result.duplicates, result.updated, result.empty) == (10, 0, 0, 0)
        assert result.origin == str(trilingual_tmx)

        # Percentages: words for English, characters for Thai and Chinese.
        en = {match.unit.tuid: match.score for match in store.search_fuzzy("The red car is fast", "en", 0)}
        assert en["t1"] == 100.0 and en["t2"] == pytest.approx(80.0)
        th = store.search_fuzzy("รถสีแดงวิ่งเร็ว", "th")
        assert [(m.unit.tuid, round(m.score, 3)) for m in th] == [("t1", 100.0), ("t2", round(100 * 12 / 15, 3))]
        assert th[0].text == "รถสีแดงวิ่งเร็ว" and th[0].lang == "th-TH" and th[0].origin == str(trilingual_tmx)
        zh = store.search_fuzzy("红色的车很快", "zh-CN")
        assert [(m.unit.tuid, round(m.score, 3)) for m in zh] == [("t1", 100.0), ("t2", round(100 * 5 / 6, 3))]
        assert zh[1].unit.variant("en").text == "The blue car is fast"

        # Queries of one and two characters.
        assert tuids(store.search_fuzzy("将", "zh")) == ["t3"]
        assert tuids(store.search_fuzzy("好", "zh")) == ["t10"]
        assert tuids(store.search_fuzzy("中心", "zh")) == ["t4"]
        assert [(m.unit.tuid, round(m.score)) for m in store.search_fuzzy("中心", "zh", min_score=50)] == [
            ("t4", 100), ("t5", 67), ("t6", 50)]
        assert tuids(store.search_fuzzy("ไป", "th")) == ["t7"]
        assert store.search_fuzzy("ไ", "th") == []
        assert tuids(store.search_fuzzy("ไ", "th", min_score=50)) == ["t7"]
        assert tuids(store.search_fuzzy("Go", "en")) == ["t7"]
        assert tuids(store.search_fuzzy("OK", "en")) == ["t10"]
        assert store.search_fuzzy("不存在的词", "zh") == []
        assert len(store.search_fuzzy("中心", "zh", min_score=0, limit=2)) == 2

        # Concordance: short and long phrases, located in the text as stored.
        short = store.concordance("数据")
        assert [(hit.unit.tuid, hit.lang, hit.start, hit.end) for hit in short] == [
            ("t6", "zh-CN", 0, 2), ("t8", "zh-CN", 9, 11)]
        assert [hit.unit.tuid for hit in store.concordance("心", lang="zh")] == ["t4", "t5", "t6", "t8"]
        assert [(hit.unit.tuid, hit.start, hit.end) for hit in store.concordance("ใจ", lang="th")] == [("t5", 4, 6)]
        assert [hit.unit.tuid for hit in store.concordance("ไป")] == ["t7"]
        thai = store.concordance("ปัญญาประดิษฐ์", lang="th")
        assert [hit.unit.tuid for hit in thai] == ["t8", "t9"]
        assert thai[0].text[thai[0].start:thai[0].end] == "ปัญญาประดิษฐ์"
        dashed = store.concordance("中国-东盟")  # the em dash is normalized; the hit shows the text as stored
        assert [(hit.unit.tuid, hit.text[hit.start:hit.end]) for hit in dashed] == [("t8", "中国—东盟")]
        assert [hit.unit.tuid for hit in store.concordance("car", lang="en")] == ["t1", "t2"]
        assert store.concordance("数据", lang="th") == []
        assert store.concordance("不存在的词") == []
        assert len(store.concordance("心", limit=1)) == 1

        # Listing: every unit whole, in the order added, with its origin and import date.
        listed = list(store.iter_units())
        assert [stored.unit for stored in listed] == list(tmx_units(trilingual_tmx))
        assert all(isinstance(stored, StoredUnit) for stored in listed)
        assert {stored.origin for stored in listed} == {str(trilingual_tmx)}
        assert all(re.fullmatch(r"\d{8}T\d{6}Z", stored.imported) for stored in listed)
        assert len({stored.unit_id for stored in listed}) == 10
        assert [stored.unit_id for stored in listed] == sorted(stored.unit_id for stored in listed)
        assert listed[0].unit.props[0].value == "asean-ai" and listed[0].unit.attributes["creationid"] == "somchai"

        stats = store.stats()
        assert stats.units == 10
        assert stats.segments == {"en": 10, "th": 10, "zh": 10}
        assert stats.pairs == {"en:th": 10, "en:zh": 10, "th:zh": 10}
        assert stats.origins == {str(trilingual_tmx): 10}
        assert stats.backend.startswith("PostgreSQL" if tm_backend == "postgresql" else "SQLite")
        assert stats.size_bytes > 0


def failing_after(units: list[TranslationUnit], count: int) -> Iterator[TranslationUnit]:
    """The units, then an error once ``count`` of them are out (a file that breaks half-way)."""
    for i, item in enumerate(units):
        if i == count:
            raise RuntimeError("the file broke half-way")
        yield item


def test_an_import_that_fails_half_way_leaves_the_store_exactly_as_before(tm_location, tmp_path, trilingual_tmx):
    with open_store(tm_location) as store:
        store.add(tmx_units(trilingual_tmx), origin="first.tmx")
        store.add([unit("kept", en="Kept from before", th="เก็บไว้ก่อน")], origin="second.tmx")
        before = snapshot(store)

        # More units than one write batch (5,000) are out before the error, and some duplicates.
        many = [numbered(i, "lost") for i in range(6_000)] + list(tmx_units(trilingual_tmx))
        with pytest.raises(RuntimeError, match="broke half-way"):
            store.add(failing_after(many, 6_005), origin="broken.tmx")
        assert snapshot(store) == before
        assert store.search_fuzzy("lost sentence number 10", "en") == []
        assert store.concordance("lost sentence") == []

        # A TMX file whose XML breaks half-way: an InputError naming the file, nothing added.
        text = tmx_text([(f"n{i}", f"New sentence {i}", f"ประโยคใหม่ {i}", f"新句子{i}") for i in range(20)])
        cut = text.index('<tu tuid="n15"')
        broken = write_file(tmp_path / "broken.tmx", text[:cut] + '<tu><tuv xml:lang="en-US"><seg>oops</tuv></tu>\n')
        with pytest.raises(InputError) as error:
            store.add(tmx_units(broken), origin=str(broken))
        assert str(broken) in str(error.value)
        assert snapshot(store) == before
        assert store.search_fuzzy("New sentence 3", "en") == []

        # The store still takes imports afterwards, and indexes them.
        assert store.add(failing_after(many, len(many)), origin="again.tmx").added == 6_000
        assert tuids(store.search_fuzzy("Kept from before", "en")) == ["kept"]
        assert store.search_fuzzy("lost sentence number 10", "en")[0].score == 100.0
        assert store.stats().units == 11 + 6_000


def test_a_newer_duplicate_replaces_the_older_one(tm_location):
    def dated(tuid: str, changedate: str) -> TranslationUnit:
        copy = unit(tuid, en="AI data center", zh="人工智能数据中心", th="ศูนย์ข้อมูลปัญญาประดิษฐ์")
        copy.attributes["changedate"] = changedate
        return copy

    with open_store(tm_location) as store:
        result = store.add([dated("a", "20240101T000000Z"), dated("b", "20250101T000000Z"),
                            dated("c", "20230101T000000Z"), unit("d", en="AI data center", th="ศูนย์ข้อมูล")],
                           origin="x")
        assert (result.added, result.duplicates, result.updated) == (2, 2, 1)
        match = store.search_fuzzy("人工智能数据中心", "zh")[0]
        assert (match.unit.tuid, match.unit.attributes["changedate"], match.origin) == ("b", "20250101T000000Z", "x")

        older = store.add([dated("e", "20220101T000000Z")], origin="older")
        assert (older.added, older.duplicates, older.updated) == (0, 1, 0)
        newer = store.add([dated("f", "2026-01-01T00:00:00Z")], origin="newer")
        assert (newer.added, newer.duplicates, newer.updated) == (0, 1, 1)
        assert store.stats().units == 2
        stored = {item.unit.tuid: item for item in store.iter_units()}
        assert sorted(stored) == ["d", "f"]
        assert stored["f"].origin == "newer" and stored["f"].unit.attributes["changedate"] == "2026-01-01T00:00:00Z"
        matches = store.search_fuzzy("AI data center", "en", limit=None)
        assert sorted(tuids(matches)) == ["d", "f"]  # the index still finds the replaced unit, once
        assert [hit.unit.tuid for hit in store.concordance("人工智能")] == ["f"]
        assert store.stats().origins == {"newer": 1, "x": 1}


def coded_units() -> tuple[TranslationUnit, TranslationUnit]:
    plain = TranslationUnit("plain", [Variant("en-US", ["Elephants cannot fly."]), Variant("th-TH", ["ช้างบินไม่ได้"])])
    coded = TranslationUnit("coded", [
        Variant("en-US", ["Elephants ", InlineCode("bpt", [], i="1"), "cannot", InlineCode("ept", [], i="1"), " fly."]),
        Variant("th-TH", ["ช้างบินไม่ได้"])])
    return plain, coded


def test_units_that_differ_only_in_inline_codes_are_both_kept_through_an_export(tm_location, tmp_path):
    plain, coded = coded_units()
    source = write_file(tmp_path / "codes.tmx", HEADER + (
        '<tu tuid="plain"><tuv xml:lang="en-US"><seg>Elephants cannot fly.</seg></tuv>'
        '<tuv xml:lang="th-TH"><seg>ช้างบินไม่ได้</seg></tuv></tu>\n'
        '<tu tuid="coded"><tuv xml:lang="en-US"><seg>Elephants <bpt i="1"/>cannot<ept i="1"/> fly.</seg></tuv>'
        '<tuv xml:lang="th-TH"><seg>ช้างบินไม่ได้</seg></tuv></tu>\n') + "</body></tmx>\n")
    read = list(tmx_units(source))
    assert [item.variants for item in read] == [plain.variants, coded.variants]  # the file says what we built
    with open_store(tm_location) as store:
        result = store.add(read, origin=str(source))
        assert (result.added, result.duplicates) == (2, 0)
        again = store.add([plain, coded], origin="again")  # exact copies are still duplicates
        assert (again.added, again.duplicates) == (0, 2)
        assert store.stats().units == 2
        listed = {stored.unit.tuid: stored.unit for stored in store.iter_units()}
        assert listed["plain"].variants == plain.variants and listed["coded"].variants == coded.variants
        assert [code.kind for code in listed["coded"].variant("en").codes] == ["bpt", "ept"]
        matches = store.search_fuzzy("Elephants cannot fly.", "en")
        assert sorted((m.unit.tuid, m.score) for m in matches) == [("coded", 100.0), ("plain", 100.0)]

        out = tmp_path / "export.tmx"
        written = write_tmx((stored.unit for stored in store.iter_units()), out, srclang="en-US")
        assert written.written == 2
    assert [item.variants for item in tmx_units(out)] == [plain.variants, coded.variants]
    assert '<bpt i="1"/>cannot<ept i="1"/>' in out.read_text(encoding="utf-8")


def test_a_round_trip_keeps_every_tu_that_differs_in_what_a_cat_tool_stores(tm_location, tmp_path):
    """An OmegaT-style memory: the default translation, an alternative one for another context
    (its props), one with a note, one with a placeholder, and a re-export of the first with a
    later date. TMX → TM → TMX keeps the four distinct TUs (the re-export replaces its older copy)."""
    def tu(tuid: str, seg: str, extra: str = "", date: str = "20240101T000000Z") -> str:
        return (f'<tu tuid="{tuid}" changedate="{date}">{extra}<tuv xml:lang="en-US"><seg>{seg}</seg></tuv>'
                '<tuv xml:lang="th-TH"><seg>บันทึกไฟล์</seg></tuv></tu>\n')
    source = write_file(tmp_path / "project_save.tmx", HEADER + tu("default", "Save the file")
                        + tu("alternative", "Save the file", '<prop type="file">menu.properties</prop>'
                             '<prop type="prev">Open</prop><prop type="next">Close</prop>')
                        + tu("noted", "Save the file", "<note>toolbar button</note>")
                        + tu("placeholder", 'Save the file<ph x="1">&lt;br/&gt;</ph>')
                        + tu("default-again", "Save the file", date="20250101T000000Z")
                        + "</body></tmx>\n")
    read = list(tmx_units(source))
    with open_store(tm_location) as store:
        result = store.add(read, origin=str(source))
        assert (result.added, result.duplicates, result.updated) == (4, 1, 1)
        out = tmp_path / "export.tmx"
        write_tmx((stored.unit for stored in store.iter_units()), out, srclang="en-US")
    back = {unit.tuid: unit for unit in tmx_units(out)}
    assert sorted(back) == ["alternative", "default-again", "noted", "placeholder"]
    assert [(prop.type, prop.value) for prop in back["alternative"].props] == [
        ("file", "menu.properties"), ("prev", "Open"), ("next", "Close")]
    assert [note.text for note in back["noted"].notes] == ["toolbar button"]
    assert [(code.kind, code.code) for code in back["placeholder"].variant("en").codes] == [("ph", "<br/>")]
    assert back["default-again"].attributes["changedate"] == "20250101T000000Z"


def test_empty_units_are_counted_not_stored(tm_location):
    with open_store(tm_location) as store:
        result = store.add([unit("e", en="  ", th="")], origin="x")
        assert (result.added, result.empty) == (0, 1) and store.stats().units == 0


def test_a_store_reopens_with_its_units(tm_location):
    with open_store(tm_location) as store:
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
    with open_store(tm_location, create=False) as store:
        assert store.stats().units == 1
        assert store.search_fuzzy("hello world", "en")[0].score == 100.0
        assert store.concordance("ชาวโลก")[0].unit.tuid == "1"


# -- PostgreSQL: copies between backends -----------------------------------------------------------

def test_add_stored_copies_between_sqlite_and_postgresql_keeping_origins_and_import_dates(
        postgres_tm_url, tmp_path, trilingual_tmx):
    plain, coded = coded_units()
    with open_store(tmp_path / "source.tm") as sqlite:
        sqlite.add(tmx_units(trilingual_tmx), origin="asean.tmx")
        time.sleep(1.1)  # a later import date, to the second
        sqlite.add([plain, coded], origin="codes.tmx")
        original = [(stored.unit, stored.origin, stored.imported) for stored in sqlite.iter_units()]
    assert len({imported for _, _, imported in original}) == 2

    with open_store(postgres_tm_url) as server:
        with open_store(tmp_path / "source.tm", create=False) as sqlite:
            result = server.add_stored(sqlite.iter_units())
        assert (result.added, result.duplicates, result.origin) == (12, 0, "")
        copied = [(stored.unit, stored.origin, stored.imported) for stored in server.iter_units()]
        assert copied == original
        assert server.stats().origins == {"asean.tmx": 10, "codes.tmx": 2}
        assert server.search_fuzzy("红色的车很快", "zh")[0].origin == "asean.tmx"
        again = server.add_stored(StoredUnit(0, item, origin, imported) for item, origin, imported in original)
        assert (again.added, again.duplicates) == (0, 12)

        with open_store(tmp_path / "back.tm") as back:
            assert back.add_stored(server.iter_units()).added == 12
            assert [(stored.unit, stored.origin, stored.imported) for stored in back.iter_units()] == original


# -- PostgreSQL: several processes and threads -----------------------------------------------------

def _import_worker(url: str, start: int, stop: int, barrier, results) -> None:
    """Runs in a spawned process: wait for the others, then open the TM and import units."""
    try:
        units = [numbered(i) for i in range(start, stop)]
        barrier.wait(TIMEOUT)
        with open_store(url, wait=TIMEOUT) as store:
            result = store.add(units, origin=f"worker-{start}")
        results.put(("ok", start, result.added, result.duplicates, result.updated))
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        results.put(("error", start, f"{type(exc).__name__}: {exc}", traceback.format_exc(), None))


def run_processes(url: str, ranges: list[tuple[int, int]]) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(ranges))
    results = context.Queue()
    processes = [context.Process(target=_import_worker, args=(url, start, stop, barrier, results))
                 for start, stop in ranges]
    for process in processes:
        process.start()
    outcomes = []
    try:
        for _ in processes:
            outcomes.append(results.get(timeout=TIMEOUT))
    finally:
        for process in processes:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()
    assert [process.exitcode for process in processes] == [0] * len(processes)
    return sorted(outcomes)


@pytest.mark.parametrize("start", ["new TM", "existing TM"])
def test_two_processes_importing_overlapping_units_store_each_unit_once(postgres_tm_url, start):
    existing = 0
    if start == "existing TM":
        with open_store(postgres_tm_url) as store:
            existing = store.add([numbered(i, "old") for i in range(50)], origin="old").added
    outcomes = run_processes(postgres_tm_url, [(0, 2_000), (1_000, 3_000)])
    assert [outcome[0] for outcome in outcomes] == ["ok", "ok"], outcomes
    assert sum(outcome[2] for outcome in outcomes) == 3_000  # added
    assert sum(outcome[3] for outcome in outcomes) == 1_000  # duplicates: the overlap, once
    with open_store(postgres_tm_url, create=False) as store:
        stats = store.stats()
        assert stats.units == existing + 3_000
        assert stats.segments == {lang: existing + 3_000 for lang in ("en", "th", "zh")}
        listed = list(store.iter_units())
        assert len(listed) == existing + 3_000
        assert len({stored.unit.variant("en").text for stored in listed}) == existing + 3_000
        for i in (0, 999, 1_000, 1_500, 1_999, 2_000, 2_999):
            exact = store.search_fuzzy(f"shared sentence number {i}", "en", min_score=100, limit=None)
            assert len(exact) == 1, (i, exact)
            assert len(store.concordance(f"第{i}句shared", lang="zh")) == 1
    assert count_rows(postgres_tm_url) == existing + 3_000


def count_rows(url: str) -> int:
    """Rows in the store's unit table, counted by SQL (not through the store)."""
    import psycopg

    with psycopg.connect(url) as connection:
        tables = connection.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name = 'units' "
            "AND table_schema NOT IN ('pg_catalog', 'information_schema')").fetchall()
        assert len(tables) == 1, tables
        schema, table = tables[0]
        return connection.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]


class SlowImport:
    """An import in a thread that stops after ``pause_at`` units (more than one write batch) and
    holds its transaction open until :meth:`release` (or 60 s), then finishes."""

    def __init__(self, url: str, count: int = 6_000, pause_at: int = 5_500, tag: str = "slow"):
        self.paused = threading.Event()
        self._release = threading.Event()
        self.result = None
        self.error: BaseException | None = None
        self.count, self.pause_at, self.tag, self.url = count, pause_at, tag, url
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self.paused.wait(TIMEOUT), f"the import never got going: {self.error!r}"

    def _units(self) -> Iterator[TranslationUnit]:
        for i in range(self.count):
            if i == self.pause_at:
                self.paused.set()
                self._release.wait(60)
            yield numbered(i, self.tag)

    def _run(self) -> None:
        try:
            with open_store(self.url, wait=TIMEOUT) as store:
                self.result = store.add(self._units(), origin=self.tag)
        except BaseException as exc:  # noqa: BLE001 - checked by the test
            self.error = exc
            self.paused.set()

    def release(self):
        self._release.set()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive(), "the import did not finish"
        if self.error is not None:
            raise self.error
        return self.result


def test_searches_while_an_import_runs_neither_fail_nor_wait_nor_see_it_half_done(postgres_tm_url):
    with open_store(postgres_tm_url) as store:
        store.add([numbered(i, "base") for i in range(100)], origin="base")
    importing = SlowImport(postgres_tm_url)
    try:
        started = time.monotonic()
        with open_store(postgres_tm_url) as reader:
            for i in range(0, 100, 10):
                assert tuids(reader.search_fuzzy(f"base sentence number {i}", "en", min_score=100)) == [None]
                assert reader.search_fuzzy(f"slow sentence number {i}", "en", min_score=100) == []
                assert len(reader.concordance(f"ประโยค base ที่ {i}", lang="th")) == 1
                assert reader.concordance("slow") == []
                assert reader.stats().units == 100
            assert len(list(reader.iter_units())) == 100
            assert len(reader.search_fuzzy("第5句", "zh", min_score=0, limit=None)) >= 1
        assert time.monotonic() - started < 30, "the searches waited for the import"
    finally:
        result = importing.release()
    assert result.added == 6_000
    with open_store(postgres_tm_url) as reader:
        assert reader.stats().units == 6_100
        assert reader.search_fuzzy("slow sentence number 5999", "en")[0].score == 100.0


def test_a_second_writer_waits_for_the_first_or_gives_up_saying_the_tm_is_busy(postgres_tm_url):
    with open_store(postgres_tm_url) as store:
        store.add([numbered(0, "base")], origin="base")
    importing = SlowImport(postgres_tm_url)
    waiting = None
    try:
        with open_store(postgres_tm_url, wait=0.3) as impatient:
            started = time.monotonic()
            with pytest.raises(TMBusyError, match="TM is busy: another import is running"):
                impatient.add([numbered(1, "impatient")], origin="impatient")
            assert 0.25 <= time.monotonic() - started < 30
            assert impatient.stats().units == 1
        with open_store(postgres_tm_url, wait=0) as at_once:
            with pytest.raises(TMBusyError, match="TM is busy") as caught:
                at_once.add([numbered(2, "at once")], origin="at once")
            assert caught.value.path == at_once.location

        outcome: dict = {}

        def patient() -> None:
            try:
                with open_store(postgres_tm_url, wait=TIMEOUT) as store:
                    outcome["result"] = store.add([numbered(i, "patient") for i in range(10)], origin="patient")
            except BaseException as exc:  # noqa: BLE001 - checked below
                outcome["error"] = exc

        waiting = threading.Thread(target=patient, daemon=True)
        waiting.start()
        waiting.join(1.0)
        assert waiting.is_alive(), f"the second import did not wait: {outcome}"
    finally:
        first = importing.release()
        if waiting is not None:
            waiting.join(TIMEOUT)
    assert first.added == 6_000
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].added == 10
    with open_store(postgres_tm_url) as store:
        assert store.stats().origins == {"base": 1, "slow": 6_000, "patient": 10}


# -- PostgreSQL: locations, schemas, errors --------------------------------------------------------

def with_query(url: str, **params: str) -> str:
    """``url`` with ``params`` added to its query."""
    for key, value in params.items():
        url += ("&" if urlsplit(url).query else "?") + f"{key}={value}"
    return url


def test_named_schemas_keep_several_tms_in_one_database_apart(postgres_tm_url):
    first, second = with_query(postgres_tm_url, schema="team_a"), with_query(postgres_tm_url, schema="team_b")
    with open_store(first) as store:
        store.add([unit("a", en="Only in the first TM", th="มีแค่ในทีเอ็มแรก")], origin="a")
    with open_store(second) as store:
        store.add([unit("b", en="Only in the second TM", th="มีแค่ในทีเอ็มที่สอง")], origin="b")
        assert tuids(store.iter_units()) == ["b"]
        assert store.search_fuzzy("Only in the first TM", "en", min_score=100) == []
    with open_store(first) as store:
        assert tuids(store.iter_units()) == ["a"]
        assert store.concordance("ที่สอง") == []


def with_password(url: str, user: str | None = None) -> tuple[str, str]:
    """``url`` with a password in its user part (and another ``user``, if given), and that
    password: the URL's own if it has one, else ``hunter2`` (the test server trusts anyone)."""
    parts = urlsplit(url)
    secret = parts.password or "hunter2"
    name = user or parts.username or "trilex"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"{name}:{secret}@{host}", parts.path, parts.query, parts.fragment)), secret


def test_location_is_the_url_without_its_password(postgres_tm_url):
    location, secret = with_password(postgres_tm_url)
    with open_store(location) as store:
        assert secret not in store.location
        assert store.location.startswith("postgresql://")
        assert urlsplit(location).username in store.location
        assert urlsplit(location).path in store.location
    with open_store(with_query(postgres_tm_url, password="hunter2")) as store:
        assert "hunter2" not in store.location


def assert_trilex_error_without_password(location: str, secret: str, *names: str) -> TrilexError:
    started = time.monotonic()
    with pytest.raises(TrilexError) as caught:
        open_store(location, wait=5)
    assert time.monotonic() - started < 60
    error = caught.value
    text = str(error)
    assert secret not in text and secret not in repr(error.args), text
    assert error.path is None or secret not in error.path
    for name in names:
        assert name in text, (name, text)
    return error


def test_a_wrong_or_unreachable_server_is_a_trilex_error_naming_it_without_the_password(postgres_server):
    missing_db, secret = with_password(postgres_server.url("no_such_database_here"))
    assert_trilex_error_without_password(missing_db, secret, "no_such_database_here")
    unknown_user, secret = with_password(postgres_server.url("postgres"), user="nobody_like_this")
    assert_trilex_error_without_password(unknown_user, secret, "nobody_like_this")
    assert_trilex_error_without_password("postgresql://somebody:hunter2@127.0.0.1:1/tm", "hunter2",
                                         "127.0.0.1", "somebody")
    assert_trilex_error_without_password("postgresql://somebody:hunter2@/tm?host=/nonexistent/socket/dir",
                                         "hunter2", "/nonexistent/socket/dir")
    assert_trilex_error_without_password(with_query(postgres_server.url("postgres"), shema="typo"), "hunter2", "shema")


@pytest.mark.postgres
def test_a_malformed_url_is_a_trilex_error_not_a_crash():
    """A URL Python cannot even split (an unclosed ``[`` of an IPv6 address)."""
    pytest.importorskip("psycopg")
    assert_trilex_error_without_password("postgresql://somebody:hunter2@[fe80::1/tm", "hunter2", "somebody")
    from trilex.cli.main import cli

    result = CliRunner().invoke(cli, ["tm", "stats", "--tm", "postgresql://somebody:hunter2@[fe80::1/tm"])
    assert result.exit_code == 2 and not isinstance(result.exception, ValueError), repr(result.exception)
    assert "hunter2" not in result.output


@pytest.mark.postgres
def test_the_cli_reports_an_unreachable_server_in_one_line():
    pytest.importorskip("psycopg")
    from trilex.cli.main import cli

    location = "postgresql://somebody:hunter2@127.0.0.1:1/tm"
    result = CliRunner().invoke(cli, ["tm", "stats", "--tm", location])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "hunter2" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "127.0.0.1" in lines[0], lines


def sql(url: str, *statements: str) -> list:
    """Run ``statements`` on the database at ``url`` (autocommit); the last one's rows, if any."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        rows: list = []
        for statement in statements:
            cursor = connection.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
        return rows


def test_an_empty_database_opened_without_create_is_no_tm(postgres_tm_url):
    with pytest.raises(InputError, match="no trilex TM") as caught:
        open_store(postgres_tm_url, create=False)
    assert caught.value.path is not None and urlsplit(postgres_tm_url).path in caught.value.path
    assert sql(postgres_tm_url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'trilex'"
               ) == [(0,)]


@pytest.mark.parametrize("schema", [None, "team_b"])
def test_a_tm_written_by_a_newer_trilex_is_refused_naming_the_version(postgres_tm_url, schema):
    location = postgres_tm_url if schema is None else with_query(postgres_tm_url, schema=schema)
    with open_store(location) as store:
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
    name = schema or "trilex"
    rows = sql(postgres_tm_url, f'SELECT name, value FROM "{name}".meta ORDER BY name')
    assert dict(rows)["schema_version"].isdigit() and dict(rows)["application"] == "trilex-tm"
    sql(postgres_tm_url, f"UPDATE \"{name}\".meta SET value = '99' WHERE name = 'schema_version'")
    for create in (True, False):
        with pytest.raises(InputError, match=r"version 99 is newer") as caught:
            open_store(location, create=create)
        assert "upgrade trilex" in str(caught.value)
    # Nothing was touched: the version row and the unit are as they were.
    assert sql(postgres_tm_url, f"SELECT value FROM \"{name}\".meta WHERE name = 'schema_version'") == [("99",)]
    assert sql(postgres_tm_url, f'SELECT count(*) FROM "{name}".units') == [(1,)]


@pytest.mark.parametrize("foreign", [
    "CREATE TABLE trilex.units (id int PRIMARY KEY, name text); INSERT INTO trilex.units VALUES (1, 'a chair')",
    "CREATE TABLE trilex.meta (name text, value text); INSERT INTO trilex.meta VALUES ('application', 'crm')",
    ("CREATE TABLE trilex.meta (name text, value text); "
     "INSERT INTO trilex.meta VALUES ('application', 'trilex-tm'), ('schema_version', 'one')"),
    "CREATE TABLE trilex.meta (key int); CREATE TABLE trilex.segments (id int)",
    "CREATE TABLE trilex.invoices (id int)",
], ids=["units table", "meta of another application", "meta without a version", "meta of another shape",
        "another table"])
def test_a_schema_holding_unrelated_tables_is_refused_not_misread(postgres_tm_url, foreign):
    sql(postgres_tm_url, "CREATE SCHEMA trilex", *foreign.split("; "))
    before = sql(postgres_tm_url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'trilex' "
                                  "ORDER BY 1")
    for create in (True, False):
        with pytest.raises(InputError, match="not a trilex TM"):
            open_store(postgres_tm_url, create=create)
    after = sql(postgres_tm_url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'trilex' "
                                 "ORDER BY 1")
    assert after == before


def test_tables_of_the_same_names_in_another_schema_are_left_alone(postgres_tm_url):
    sql(postgres_tm_url, "CREATE TABLE public.units (id int, name text)",
        "INSERT INTO public.units VALUES (1, 'a chair')", "CREATE TABLE public.segments (id int)")
    with open_store(postgres_tm_url) as store:
        assert store.stats().units == 0  # not the chair
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
        assert store.stats().units == 1
        assert tuids(store.iter_units()) == ["1"]
    assert sql(postgres_tm_url, "SELECT * FROM public.units") == [(1, "a chair")]
    assert sql(postgres_tm_url, "SELECT count(*) FROM public.segments") == [(0,)]


@pytest.fixture
def limited_role(postgres_server, postgres_tm_url):
    """A role that may log in to the test database but owns nothing there; dropped afterwards."""
    import psycopg

    name = f"trilex_limited_{uuid.uuid4().hex[:8]}"
    try:
        sql(postgres_tm_url, f"CREATE ROLE {name} LOGIN", f"REVOKE CREATE ON SCHEMA public FROM {name}",
            f"REVOKE CREATE ON DATABASE \"{database(postgres_tm_url)}\" FROM PUBLIC")
    except psycopg.errors.InsufficientPrivilege as exc:
        pytest.skip(f"the test server's user may not create roles: {exc}")
    try:
        yield name, with_password(postgres_tm_url, user=name)[0]
    finally:
        sql(postgres_tm_url, f"DROP OWNED BY {name}")
        with postgres_server.connect() as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,))
        sql(postgres_tm_url, f"DROP ROLE {name}")


def database(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def test_a_role_that_may_not_create_the_tm_gets_a_trilex_error(postgres_tm_url, limited_role):
    """The tables are created by the first import (in its transaction), so that is where a role
    without CREATE on the database is stopped, and nothing is left behind."""
    name, location = limited_role
    with open_store(location, wait=5) as store:
        with pytest.raises(TrilexError, match="permission denied") as caught:
            store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
        assert "hunter2" not in str(caught.value) and "hunter2" not in (caught.value.path or "")
        assert store.stats().units == 0
    with pytest.raises(TrilexError, match="no trilex TM"):
        open_store(postgres_tm_url, create=False)


def test_a_role_that_may_only_read_the_tm_gets_a_trilex_error_when_it_imports(postgres_tm_url, limited_role):
    name, location = limited_role
    with open_store(postgres_tm_url) as store:
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
    sql(postgres_tm_url, f"GRANT USAGE ON SCHEMA trilex TO {name}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA trilex TO {name}")
    with open_store(location, create=False) as reader:
        assert reader.search_fuzzy("hello world", "en")[0].score == 100.0
        assert reader.stats().units == 1
        with pytest.raises(TrilexError, match="permission denied") as caught:
            reader.add([unit("2", en="goodbye world", th="ลาก่อนชาวโลก")], origin="y")
        assert "hunter2" not in str(caught.value) and caught.value.path == reader.location
    with open_store(postgres_tm_url) as store:
        assert store.stats().units == 1


def test_a_connection_lost_during_a_session_is_a_trilex_error(postgres_server, postgres_tm_url):
    store = open_store(postgres_tm_url)
    try:
        store.add([unit("1", en="hello world", th="สวัสดีชาวโลก")], origin="x")
        with postgres_server.connect() as admin:
            ended = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = %s AND application_name = 'trilex'",
                                  (database(postgres_tm_url),)).fetchall()
        assert ended == [(True,)]
        lookups = {
            "search_fuzzy": lambda: store.search_fuzzy("hello world", "en"),
            "concordance": lambda: store.concordance("ชาวโลก"),
            "iter_units": lambda: list(store.iter_units()),
            "stats": lambda: store.stats(),
            "add": lambda: store.add([unit("2", en="goodbye", th="ลาก่อน")], origin="y"),
        }
        outcomes = {}
        for name, lookup in lookups.items():
            try:
                lookup()
                outcomes[name] = "no error"
            except TrilexError as exc:
                outcomes[name] = "TrilexError" if exc.path == store.location else f"TrilexError without location: {exc}"
            except Exception as exc:  # noqa: BLE001 - what the test reports
                outcomes[name] = f"{type(exc).__module__}.{type(exc).__name__}: {exc}"
        assert outcomes == dict.fromkeys(lookups, "TrilexError")
    finally:
        store.close()


def small_vocabulary(i: int) -> TranslationUnit:
    """Unit ``i`` (0–215) of three words from six: every import of a few of them shares most trigrams."""
    words = {"en": ["red", "blue", "green", "cat", "dog", "bird"], "th": ["แดง", "ฟ้า", "เขียว", "แมว", "หมา", "นก"],
             "zh": ["红", "蓝", "绿", "猫", "狗", "鸟"]}
    picks = (i // 36 % 6, i // 6 % 6, i % 6)
    return TranslationUnit(str(i), [Variant(lang, [(" " if lang == "en" else "").join(vocab[n] for n in picks)])
                                    for lang, vocab in words.items()])


def test_maintain_merges_the_index_and_lookups_stay_the_same(tm_location):
    with open_store(tm_location) as store:
        for part in range(24):  # 24 imports: an index chunk each for most trigrams
            store.add([small_vocabulary(i) for i in range(part, 216, 24)], origin=f"part{part}")
        queries = [("red cat bird", "en"), ("แดงแมวนก", "th"), ("红猫鸟", "zh"), ("红猫", "zh")]
        before = [[(m.unit.tuid, m.score) for m in store.search_fuzzy(q, lang, min_score=60, limit=None)]
                  for q, lang in queries]
        hits = [(h.unit.tuid, h.start) for h in store.concordance("แมวนก", limit=None)]
        assert store.fragmentation() > 4
        store.maintain()
        assert store.fragmentation() == 1.0
        assert [[(m.unit.tuid, m.score) for m in store.search_fuzzy(q, lang, min_score=60, limit=None)]
                for q, lang in queries] == before
        assert [(h.unit.tuid, h.start) for h in store.concordance("แมวนก", limit=None)] == hits
        assert len(hits) == 6 + 6 and all(found for found in before)
        assert store.stats().units == 216
        assert store.add([unit("new", en="purple cat bird", th="ม่วงแมวนก", zh="紫猫鸟")], origin="after").added == 1
        assert tuids(store.search_fuzzy("purple cat bird", "en", min_score=100)) == ["new"]
        assert "new" in tuids(store.concordance("แมวนก", limit=None))


def test_supplementary_plane_characters_and_thai_marks_are_found(tm_location):
    """Characters outside the BMP (CJK Extension B, an emoji) count as one character each."""
    with open_store(tm_location) as store:
        store.add([unit("1", zh="𠮷野家的饭", th="ข้าวของร้าน𠮷", en="Yoshinoya rice 🍚"),
                   unit("2", zh="𠮷", th="น้ำ", en="🍚")], origin="x")
        assert [(m.unit.tuid, m.score) for m in store.search_fuzzy("𠮷", "zh")] == [("2", 100.0)]
        assert [(m.unit.tuid, m.score) for m in store.search_fuzzy("น้ำ", "th")] == [("2", 100.0)]
        hits = store.concordance("𠮷野", lang="zh")
        assert [(h.unit.tuid, h.start, h.end) for h in hits] == [("1", 0, 2)]
        assert hits[0].text[hits[0].start:hits[0].end] == "𠮷野"
        assert [h.unit.tuid for h in store.concordance("𠮷")] == ["1", "2", "1"] or \
            sorted(h.unit.tuid for h in store.concordance("𠮷")) == ["1", "1", "2"]
        assert [stored.unit.variant("en").text for stored in store.iter_units()] == ["Yoshinoya rice 🍚", "🍚"]


def test_a_url_that_libpq_takes_with_a_literal_plus_works(postgres_server, postgres_tm_url, tmp_path):
    """libpq reads ``+`` in a URL's query as a plus sign (``?host=/run/my+pg``,
    ``?password=a+b``); the store must pass it on as written, not as a space."""
    import pg_cluster
    import psycopg

    if not isinstance(postgres_server, pg_cluster.ThrowawayCluster):
        pytest.skip("needs the throwaway cluster's socket folder")
    link = Path(tempfile.mkdtemp(prefix="trilex+", dir="/tmp")) / "sock+dir"
    try:
        link.symlink_to(postgres_server.socket_dir)
        location = f"postgresql://trilex@/{database(postgres_tm_url)}?host={link}"
        with psycopg.connect(location) as connection:
            assert connection.info.host == str(link)
        with open_store(location) as store:
            store.add([unit("1", en="plus sign", th="เครื่องหมายบวก")], origin="x")
            assert store.stats().units == 1
    finally:
        shutil.rmtree(link.parent, ignore_errors=True)


def test_text_sqlite_stores_is_stored_or_refused_with_a_trilex_error(tmp_path, postgres_tm_url):
    """A NUL character: the parallel-text reader lets it through and SQLite stores it;
    PostgreSQL text cannot hold it, so the import must fail as a TrilexError, all of it."""
    from trilex.tm.importers import read_parallel_units

    source, target = tmp_path / "src.txt", tmp_path / "tgt.txt"
    source.write_text("first line\nhello\x00world\n", encoding="utf-8")
    target.write_text("บรรทัดแรก\nสวัสดีชาวโลก\n", encoding="utf-8")
    units = list(read_parallel_units(str(source), str(target), "en", "th"))
    assert "\x00" in units[1].variant("en").text
    with open_store(tmp_path / "nul.tm") as sqlite:
        assert sqlite.add(units, origin="src.txt").added == 2
    with open_store(postgres_tm_url) as store:
        store.add([unit("0", en="Kept from before", th="เก็บไว้ก่อน")], origin="before")
        try:
            result = store.add(units, origin="src.txt")
        except TrilexError as exc:
            assert exc.path == store.location or str(source) in str(exc), str(exc)
            assert store.stats().units == 1
        else:
            assert result.added == 2
            assert [stored.unit for stored in store.iter_units()][1:] == units


def test_newer_units_come_first_among_equal_scores(tm_location):
    older = unit("old", en="Open the data center now", th="เปิดศูนย์ข้อมูลตอนนี้")
    older.attributes["changedate"] = "20200101T000000Z"
    newer = unit("new", en="Open the data center now", th="เปิดศูนย์ข้อมูลเดี๋ยวนี้")
    newer.attributes["changedate"] = "20240101T000000Z"
    undated = unit("undated", en="Open the data center now", zh="现在打开数据中心")
    with open_store(tm_location) as store:
        store.add([older, undated, newer,
                   unit("near", en="Open the data center today", th="เปิดศูนย์ข้อมูลวันนี้"),
                   unit("far", en="Close every office at noon", th="ปิดสำนักงานทุกแห่งตอนเที่ยง")], origin="x")
        matches = store.search_fuzzy("Open the data center now", "en")
        assert [(m.unit.tuid, round(m.score)) for m in matches] == [("new", 100), ("old", 100), ("undated", 100),
                                                                    ("near", 80)]
        assert tuids(store.search_fuzzy("Open the data center now", "en", min_score=90, limit=1)) == ["new"]
        assert tuids(store.search_fuzzy("Open the data center now", "en", limit=2)) == ["new", "old"]
