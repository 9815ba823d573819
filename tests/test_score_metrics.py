"""``trilex score``: BLEU, chrF and TER that are right for Thai and Chinese."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.tm.scoring import score

TH_HYP = "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียนจะเริ่มให้บริการอย่างเป็นทางการในปีหน้านี้"
TH_REF = "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียนจะเปิดให้บริการอย่างเป็นทางการในปีหน้า"
ZH_HYP = "中国-东盟人工智能数据中心明年将正式开始运营。"
ZH_REF = "中国—东盟人工智能数据中心将于明年正式投入运营。"


def test_chinese_uses_the_zh_tokenizer_not_13a():
    from sacrebleu.metrics import BLEU

    report = score([ZH_HYP], [ZH_REF], "zh-CN")
    assert BLEU().corpus_score([ZH_HYP], [[ZH_REF]]).score == 0.0  # what the default would say
    assert report.bleu == pytest.approx(51.39, abs=0.01)
    assert "tok:zh" in report.signatures["BLEU"] and "asian:yes" in report.signatures["TER"]
    assert report.ter == pytest.approx(20.83, abs=0.01)


def test_thai_is_scored_on_words_or_characters_never_as_one_token():
    words = score([TH_HYP], [TH_REF], "th")
    assert words.bleu == pytest.approx(69.98, abs=0.01)
    assert "tok:none" in words.signatures["BLEU"] and "newmm" in words.preprocessing
    assert 0 < words.ter < 30  # sacrebleu's asian_support TER scores this pair 100
    chars = score([TH_HYP], [TH_REF], "th", thai_tokenizer="char")
    assert chars.bleu == pytest.approx(89.02, abs=0.01) and "tok:char" in chars.signatures["BLEU"]
    assert words.chrf == chars.chrf == pytest.approx(91.33, abs=0.01)


def test_sentence_scores_and_identical_text():
    report = score([TH_REF, TH_HYP], [TH_REF, TH_REF], "th", sentences=True)
    assert [round(s.bleu) for s in report.sentences] == [100, 70]
    assert report.sentences[0].ter == 0.0 and report.sentences[0].chrf == 100.0


def test_cli_on_real_corpus_lines_with_json_and_sentences(tmp_path, corpora):
    reference = corpora / "ntrex128" / "newstest2019-ref.zho-CN.txt"
    lines = reference.read_text(encoding="utf-8").splitlines()[:20]
    hypothesis = tmp_path / "mt.txt"
    hypothesis.write_text("\n".join(line.replace("的", "") for line in lines) + "\n", encoding="utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["score", str(hypothesis), str(ref), "--sentences", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["lang"] == "zh" and len(report["sentences"]) == 20  # language guessed from the text
    assert 40 < report["bleu"] < 100 and "tok:zh" in report["signatures"]["BLEU"]
    text = CliRunner().invoke(cli, ["score", str(hypothesis), str(ref)]).output
    assert "nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp" in text


def test_cli_refuses_files_that_do_not_pair_up(tmp_path):
    hypothesis, reference = tmp_path / "h.txt", tmp_path / "r.txt"
    hypothesis.write_text("a\nb\nc\n", encoding="utf-8")
    reference.write_text("a\nb\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["score", str(hypothesis), str(reference)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"{hypothesis}: 3 hypotheses but {reference} has 2 references; "
                                     "they must pair up line by line")


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["score", "--help"])
    assert result.exit_code == 0 and "Example" in result.output
