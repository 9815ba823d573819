"""The disk cache for Thai dictionary structures, and the prefix dictionary newmm uses."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from trilex.lang import cache
from trilex.lang.thai import PrefixDictionary, newmm_dictionary


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def counting_builder(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_loaded(cache_home):
    build, calls = counting_builder({"ศูนย์": 1})
    assert cache.cached("demo", "v1", build) == {"ศูนย์": 1}
    assert cache.cached("demo", "v1", build) == {"ศูนย์": 1}
    assert len(calls) == 1
    assert oct(cache_home.stat().st_mode & 0o777) == "0o700"
    cache.cached("demo", "v2", build)  # another version: rebuilt
    assert len(calls) == 2


def test_a_loaded_entry_is_left_out_of_garbage_collections(cache_home):
    """What the cache gives back stays for the run: the collector neither runs while it loads
    (a 100,000-concept index is millions of objects) nor walks it afterwards."""
    import gc

    value = [[n, str(n)] for n in range(2_000)]
    cache.cached("demo", "gc", lambda: value)
    try:
        assert gc.isenabled()
        loaded = cache.cached("demo", "gc", lambda: pytest.fail("built again"))
        assert loaded == value and loaded is not value
        assert gc.isenabled()  # switched back on after the load
        collected = {id(obj) for obj in gc.get_objects()}  # the generations, not the frozen
        assert id(loaded) not in collected and id(loaded[0]) not in collected
    finally:
        gc.unfreeze()


def test_broken_entry_is_rebuilt(cache_home):
    build, calls = counting_builder([1, 2, 3])
    cache.cached("demo", "k", build)
    (entry,) = cache_home.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.cached("demo", "k", build) == [1, 2, 3]
    assert len(calls) == 2
    assert pickle.loads(entry.read_bytes()) == [1, 2, 3]


def test_a_folder_others_can_write_is_never_read(cache_home):
    build, calls = counting_builder("value")
    cache.cached("demo", "k", build)
    os.chmod(cache_home, 0o777)
    cache.cached("demo", "k", build)
    assert len(calls) == 2


def test_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "")
    build, calls = counting_builder(1)
    cache.cached("demo", "k", build)
    cache.cached("demo", "k", build)
    assert len(calls) == 2 and cache.cache_dir() is None


def test_prefix_dictionary_answers_like_pythainlps_trie():
    from pythainlp.util import Trie

    words = frozenset(["ศูนย์", "ศูนย์ข้อมูล", "ข้อมูล", "ข้อ", "จีน"])
    ours, theirs = PrefixDictionary(words), Trie(words)
    for text in ("ศูนย์ข้อมูลจีน", "ข้อมูลศูนย์", "xศูนย์", ""):
        for start in range(len(text) + 1):
            assert ours.prefixes(text, start) == theirs.prefixes(text, start)


def test_newmm_with_the_cached_dictionary_segments_real_thai_like_the_default(corpora):
    from pythainlp.tokenize import newmm

    lines = (corpora / "ntrex128" / "newstest2019-ref.tha.txt").read_text(encoding="utf-8").splitlines()[:300]
    dictionary = newmm_dictionary()
    for line in lines:
        assert newmm.segment(line, dictionary) == newmm.segment(line)


def test_cached_orchid_tagger_tags_like_pythainlp(cache_home):
    from pythainlp.tag import pos_tag

    from trilex.lang.thai import orchid_pos_tags, thai_words

    words = thai_words("และศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน (China-ASEAN AI Data Center) เปิดเมื่อปี 2568")
    expected = [tag for _, tag in pos_tag(words, engine="perceptron", corpus="orchid")]
    assert orchid_pos_tags(words) == expected
    assert orchid_pos_tags([]) == []


def test_only_the_newest_entries_of_a_kind_are_kept(cache_home):
    for number in range(cache.KEEP + 3):
        cache.cached("demo", f"version {number}", lambda: number)
    assert len(list(cache_home.glob("demo-*.pickle"))) == cache.KEEP


SAMPLE_TBX = Path(__file__).parent / "data" / "ci" / "sample-repo" / "terms" / "product.tbx"


@pytest.fixture
def counted_parses(tmp_path, monkeypatch):
    """A copy of the sample termbase, and the list that grows by one each time a termbase is parsed."""
    import trilex.termbase

    termbase = tmp_path / "terms.tbx"
    termbase.write_bytes(SAMPLE_TBX.read_bytes())
    parsed = []
    real_parse = trilex.termbase.parse
    monkeypatch.setattr(trilex.termbase, "parse", lambda *args: parsed.append(1) or real_parse(*args))
    return termbase, parsed


def test_an_unchanged_termbase_is_not_parsed_again(cache_home, counted_parses):
    from trilex.check.index import load_index

    termbase, parsed = counted_parses
    first = load_index([str(termbase)])
    second = load_index([str(termbase)])
    assert len(parsed) == 1
    assert [m.text for m in second.find("เปิดแฟ้ม", "th")] == ["แฟ้ม"]
    assert [m.concept.id for m in second.find("เปิดแฟ้ม", "th")] == [m.concept.id for m in first.find("เปิดแฟ้ม", "th")]

    termbase.write_bytes(SAMPLE_TBX.read_bytes().replace("แฟ้ม".encode(), "แฟ้มเอกสาร".encode()))
    changed = load_index([str(termbase)])
    assert len(parsed) == 2
    assert [m.text for m in changed.find("เปิดแฟ้มเอกสาร", "th")] == ["แฟ้มเอกสาร"]


def test_an_index_cached_by_other_code_is_rebuilt_not_loaded(cache_home, counted_parses, monkeypatch):
    """A checkout a few commits older has the same version number: its pickled index may lack
    attributes this code reads, so the cache key covers the code of the pickled classes."""
    from trilex.check import index as index_module

    termbase, parsed = counted_parses
    index_module.load_index([str(termbase)])
    index_module.load_index([str(termbase)])
    assert len(parsed) == 1
    monkeypatch.setattr(index_module, "_pickled_code_hash", lambda: "other code")
    rebuilt = index_module.load_index([str(termbase)])
    assert len(parsed) == 2
    assert [m.text for m in rebuilt.find("เปิดแฟ้ม", "th")] == ["แฟ้ม"]
