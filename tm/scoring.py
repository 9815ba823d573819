"""MT quality metrics (BLEU, chrF, TER) computed with sacrebleu the right way for th, zh and en.

sacrebleu's default BLEU tokenizer ``13a`` splits on spaces and punctuation, so a Thai or
Chinese sentence is one token and scores 0. Here:

* **Chinese**: BLEU with ``tokenize='zh'`` (one token per Han character), TER with
  ``asian_support`` and ``normalized``;
* **Thai**: by default the texts are segmented into words with PyThaiNLP ``newmm`` and scored
  with ``tokenize='none'`` (BLEU) and plain TER — word-level, like English BLEU, and what Thai
  MT papers report. ``thai_tokenizer='char'`` scores BLEU per character instead (needs no
  dictionary, but rewards right letters in wrong words, so scores run much higher). TER's
  ``asian_support`` does not split Thai, so it is never used for Thai;
* **English** (and anything else): sacrebleu's defaults (``13a``).

chrF works on characters and needs no tokenizer in any language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trilex.errors import ConfigError
from trilex.lang.tags import primary_subtag

THAI_TOKENIZERS = ("newmm", "char")


@dataclass(frozen=True)
class SentenceScore:
    """BLEU, chrF and TER of one hypothesis against its reference."""

    index: int
    bleu: float
    chrf: float
    ter: float


@dataclass
class ScoreReport:
    """Corpus-level scores, the sacrebleu signature of each metric, and optional sentence scores.

    ``preprocessing`` says what trilex did to the texts before sacrebleu saw them (Thai word
    segmentation), since the signature alone cannot show it.
    """

    lang: str
    sentences_count: int
    bleu: float
    chrf: float
    ter: float
    signatures: dict[str, str]
    preprocessing: str | None = None
    sentences: list[SentenceScore] = field(default_factory=list)


def _segment_thai(texts: Sequence[str]) -> list[str]:
    """Words of each text, space-joined: ``newmm`` on Thai runs (the shared, cached segmenter)."""
    from trilex.lang.thai import thai_words

    return [" ".join(thai_words(text)) for text in texts]


def score(hypotheses: Sequence[str], references: Sequence[str], lang: str,
          thai_tokenizer: str = "newmm", sentences: bool = False) -> ScoreReport:
    """Score ``hypotheses`` against ``references`` (same length, line by line) in ``lang``."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    if thai_tokenizer not in THAI_TOKENIZERS:
        raise ConfigError(f"Thai tokenizer must be one of {', '.join(THAI_TOKENIZERS)}, not {thai_tokenizer!r}")
    code = primary_subtag(lang)
    hyps, refs = list(hypotheses), list(references)
    word_hyps, word_refs = hyps, refs
    preprocessing = None
    ter = TER()
    if code == "zh":
        tokenize = "zh"
        ter = TER(asian_support=True, normalized=True)
    elif code == "th":
        word_hyps, word_refs = _segment_thai(hyps), _segment_thai(refs)
        tokenize = "none" if thai_tokenizer == "newmm" else "char"
        preprocessing = ("BLEU and TER" if tokenize == "none" else "TER") + " on words segmented with PyThaiNLP newmm"
    else:
        tokenize = "13a"
    # force: the texts are tokenized on purpose (Thai words), so no "forgot to detokenize" warning.
    bleu, chrf = BLEU(tokenize=tokenize, force=tokenize == "none"), CHRF()
    bleu_hyps, bleu_refs = (word_hyps, word_refs) if tokenize == "none" else (hyps, refs)
    report = ScoreReport(
        lang=code, sentences_count=len(hyps),
        bleu=bleu.corpus_score(bleu_hyps, [bleu_refs]).score,
        chrf=chrf.corpus_score(hyps, [refs]).score,
        ter=ter.corpus_score(word_hyps, [word_refs]).score,
        signatures={}, preprocessing=preprocessing,
    )
    report.signatures = {"BLEU": str(bleu.get_signature()), "chrF": str(chrf.get_signature()),
                         "TER": str(ter.get_signature())}
    if sentences:
        sentence_bleu = BLEU(tokenize=tokenize, force=tokenize == "none", effective_order=True)
        report.sentences = [
            SentenceScore(index, sentence_bleu.sentence_score(bleu_hyps[index], [bleu_refs[index]]).score,
                          chrf.sentence_score(hyps[index], [refs[index]]).score,
                          ter.sentence_score(word_hyps[index], [word_refs[index]]).score)
            for index in range(len(hyps))
        ]
    return report
