"""Names across scripts (trilex.tm.align.names) as anchors, and the search's beam.

Composed news text: Thai keeps foreign names in Latin letters (``Chelsea``, ``Shaqiri``), Chinese
writes them in Han characters chosen for their sound (``切尔西``, ``沙奇里``).
"""

from __future__ import annotations

from trilex.tm.align import Aligner
from trilex.tm.align.anchors import HAN_SOUND, LATIN_SOUND, pairable, paragraph_anchors
from trilex.tm.align.names import han_names, latin_name_key, sound_links

THAI = "Chelsea ชนะ 2-1 หลังจากที่ Shaqiri ทำประตูในนาทีที่ 25"
CHINESE = "沙奇里在第25分钟进球后，切尔西队以2:1获胜。"


def _anchors(text: str, lang: str):
    return paragraph_anchors(text, lang, [(0, len(text))])


def test_han_transliterations_are_found_and_ordinary_words_are_not():
    found = [CHINESE[start:start + 3] for start, _key in han_names(CHINESE)]
    assert found == ["沙奇里", "切尔西"]
    assert list(han_names("该公司三月份售出汽车。")) == []


def test_latin_names_are_sounded_but_acronyms_and_short_words_are_not():
    assert latin_name_key("Chelsea") == "cansa"
    assert latin_name_key("BBC") is None and latin_name_key("Al") is None and latin_name_key("ok") is None


def test_sound_links_pair_keys_that_sound_alike():
    links = sound_links(["calsa", "sacala"], ["cansa", "sacala", "tlamp"])
    assert links == {"calsa": frozenset({"cansa"}), "sacala": frozenset({"sacala"})}
    assert sound_links(["calsa"], []) == {}


def test_a_han_transliteration_pairs_with_the_latin_name_on_the_other_side():
    thai, chinese = pairable(_anchors(THAI, "th"), _anchors(CHINESE, "zh"))
    names = [anchor for anchor in chinese[0] if anchor.kind == "w"]
    assert len(names) == 2  # 沙奇里 = Shaqiri, 切尔西 = Chelsea, keyed by the Thai names' sounds
    assert all(all(key[0] == LATIN_SOUND for key in anchor.keys) for anchor in names)
    assert {key for anchor in names for key in anchor.keys} <= {key for anchor in thai[0] for key in anchor.keys}
    # for whole paragraphs (sounds=False) only numbers pair up
    _thai, chinese = pairable(_anchors(THAI, "th"), _anchors(CHINESE, "zh"), sounds=False)
    assert {anchor.kind for anchor in chinese[0]} == {"n"}


def test_english_capitalized_words_are_not_sounded():
    english = _anchors("Chelsea won 2-1 after Shaqiri scored.", "en")[0]
    assert not any(isinstance(key, tuple) for anchor in english for key in anchor.keys)
    assert any(key == (HAN_SOUND, "sacala") for anchor in _anchors(CHINESE, "zh")[0] for key in anchor.keys)


def test_the_beam_gives_the_same_alignment_and_falls_back_when_it_loses_the_path(monkeypatch):
    from trilex.tm.align import search

    english = " ".join(f"Line {n} says that {n * 13} people came{' early' * (n % 4)}." for n in range(1, 31))
    chinese = "".join(f"第{n}行说有{n * 13}人来了{'很早' * (n % 4)}。" for n in range(1, 31) if n != 17)
    monkeypatch.setattr(search, "BEAM", float("inf"))
    exact = [(p.source, p.target) for p in Aligner("en", "zh").align(english, chinese)]
    assert len(exact) == 30 and ("Line 17 says that 221 people came early.", "") in exact
    for beam in (30.0, -1.0):  # -1: every cell is given up, so the search runs again without a beam
        monkeypatch.setattr(search, "BEAM", beam)
        assert [(p.source, p.target) for p in Aligner("en", "zh").align(english, chinese)] == exact
