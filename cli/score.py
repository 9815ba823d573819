"""``trilex score``: BLEU, chrF and TER of MT output against references, right for th/zh/en."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import PurePath

import click

from trilex.cli.common import verbosity_options

#: File endings read as bilingual documents (their translations are scored); others are plain lines.
DOCUMENT_SUFFIXES = (".xlf", ".xliff", ".po", ".tmx", ".csv", ".tsv")


def read_texts(path: str, lang: str | None) -> tuple[list[str], str | None]:
    """The texts to score in ``path`` and their language, if the file says.

    A TMX file gives each unit's ``lang`` variant (empty if missing); XLIFF, PO, CSV and TSV
    their targets; anything else its lines.
    """
    from trilex.fileio import read_text

    suffix = PurePath(path).suffix.lower()
    if suffix == ".tmx" and lang:
        from trilex.tm.tmx import read_tmx

        _header, units = read_tmx(path)
        return [(unit.variant(lang).text if unit.variant(lang) else "") for unit in units], lang
    if suffix in DOCUMENT_SUFFIXES:
        from trilex.bitext import read_document

        document = read_document(path)
        return [segment.target_as_written or "" for segment in document.segments], document.target_lang
    return read_text(path).splitlines(), None


@click.command()
@click.argument("hypotheses", metavar="HYP", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("references", metavar="REF", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--lang", "-l", help="Language of the texts: th, zh or en (default: from REF, else guessed).")
@click.option("--thai-tokenizer", type=click.Choice(["newmm", "char"]), default="newmm", show_default=True,
              help="Thai BLEU on PyThaiNLP words (newmm) or on characters (char).")
@click.option("--sentences", is_flag=True, help="Also score each sentence.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbosity_options
def cli(hypotheses: str, references: str, lang: str | None, thai_tokenizer: str, sentences: bool,
        output_format: str) -> None:
    """Corpus BLEU, chrF and TER of HYP against REF (line by line), with sacrebleu.

    HYP and REF are plain text (one segment per line) or XLIFF/PO/CSV/TSV (their
    translations) or TMX (the --lang variant). Chinese BLEU uses sacrebleu's zh tokenizer;
    Thai BLEU and TER run on PyThaiNLP newmm words (or characters with --thai-tokenizer
    char); the default 13a tokenizer, which scores Thai and Chinese 0, is used only for
    English. The sacrebleu signatures are printed so scores can be compared.

    \b
    Examples:
      trilex score mt.th.txt ref.th.txt --lang th
      trilex score mt.zh.xlf ref.zh.xlf --sentences --format json
    """
    from trilex.errors import InputError
    from trilex.fileio import display_name
    from trilex.lang.tags import primary_subtag
    from trilex.tm.fuzzy import guess_lang
    from trilex.tm.scoring import score

    refs, ref_lang = read_texts(references, lang)
    hyps, hyp_lang = read_texts(hypotheses, lang or ref_lang)
    if hyp_lang and ref_lang and primary_subtag(hyp_lang) != primary_subtag(ref_lang):
        raise InputError(f"the hypotheses are in {hyp_lang} but {display_name(references)} is in {ref_lang}",
                         display_name(hypotheses))
    if len(hyps) != len(refs):
        raise InputError(f"{len(hyps)} hypotheses but {display_name(references)} has {len(refs)} references; "
                         "they must pair up line by line", display_name(hypotheses))
    if not refs:
        raise InputError("no references to score against", display_name(references))
    chosen = lang or ref_lang or guess_lang(" ".join(refs[:50]))
    report = score(hyps, refs, chosen, thai_tokenizer=thai_tokenizer, sentences=sentences)
    if output_format == "json":
        click.echo(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        return
    click.echo(f"{report.sentences_count} segments, language {report.lang}")
    click.echo(f"BLEU  {report.bleu:6.2f}   {report.signatures['BLEU']}")
    click.echo(f"chrF  {report.chrf:6.2f}   {report.signatures['chrF']}")
    click.echo(f"TER   {report.ter:6.2f}   {report.signatures['TER']}")
    if report.preprocessing:
        click.echo(f"({report.preprocessing})")
    for sentence in report.sentences:
        click.echo(f"{sentence.index + 1}\tBLEU {sentence.bleu:6.2f}\tchrF {sentence.chrf:6.2f}\tTER {sentence.ter:6.2f}")
