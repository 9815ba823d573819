"""Script splitting and Thai segmentation helpers."""

from __future__ import annotations

from pathlib import Path

from trilex.lang.scripts import script_of, split_scripts
from trilex.lang.thai import thai_cluster_boundaries, thai_word_boundaries, thai_words

REPO = Path(__file__).resolve().parents[1]

MIXED = "และศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน (China-ASEAN AI/中国—东盟人工智能数据中心) ในการสร้าง"


def test_script_of() -> None:
    assert [script_of(ch) for ch in "กA中1 ,\u0e51Ａ𠀀\u00a0\u200b"] == [
        "thai", "latin", "han", "digit", "space", "punct", "digit", "latin", "han", "space", "space",
    ]


def test_split_scripts_keeps_marks_with_their_base_and_covers_the_text() -> None:
    runs = split_scripts("e\u0301x ศูนย์ 中国\U00020000")
    assert "".join(run.text for run in runs) == "e\u0301x ศูนย์ 中国\U00020000"
    assert [(run.script, run.text) for run in runs] == [
        ("latin", "e\u0301x"), ("space", " "), ("thai", "ศูนย์"), ("space", " "), ("han", "中国\U00020000"),
    ]
    for run in runs:
        assert run.text == "e\u0301x ศูนย์ 中国\U00020000"[run.start:run.end]


def test_thai_words_segments_only_thai_runs() -> None:
    words = thai_words(MIXED)
    assert words[:7] == ["และ", "ศูนย์", "ข้อมูล", "ปัญญาประดิษฐ์", "จีน", "-", "อาเซียน"]
    assert "China" in words and "AI" in words
    assert "东盟人工智能数据中心" in words  # the Han run is never given to newmm
    assert words[-3:] == ["ใน", "การ", "สร้าง"]


def test_thai_word_boundaries() -> None:
    text = "ตารางข้อมูล"
    bounds = thai_word_boundaries(text)
    assert bounds == {0, 5, 11}
    assert 2 not in bounds  # ตา is not a word inside ตาราง


def test_thai_cluster_boundaries_never_split_a_cluster() -> None:
    text = "เก็บจันทร์"
    bounds = thai_cluster_boundaries(text)
    assert {0, len(text)} <= bounds
    assert 1 not in bounds and 2 not in bounds  # เ-ก-็ is one cluster
    assert len(text) - 1 not in bounds  # ร์ stays with the cluster before it
    assert thai_cluster_boundaries("ab\u0301c") == {0, 1, 3, 4}


def test_compiled_newmm_segments_every_real_thai_run_as_pythainlp_does(corpora):
    """nlpo3 with the fallback gives PyThaiNLP's segmentation of every Thai run of NTREX-128, the
    seed articles and the Thai corpus files (tens of thousands of words)."""
    import re

    from trilex.lang.thai import pythainlp_newmm, segment_thai_run

    texts = [(corpora / "ntrex128" / "newstest2019-ref.tha.txt").read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds" / "articles").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for pattern in ("po/*.th.po", "xliff/*.th.xlf")
              for path in sorted(corpora.glob(pattern))]
    runs = sorted({run for text in texts for run in re.findall("[\u0e01-\u0e4f\u0e5a\u0e5b]+", text)})
    assert len(runs) > 5_000
    differing = [run for run in runs if segment_thai_run(run) != pythainlp_newmm(run)]
    assert differing == []
