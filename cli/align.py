"""``trilex align``: align parallel documents sentence by sentence into TMX or a TM."""

from __future__ import annotations

import sys
from collections import Counter

import click

from trilex.cli.common import info, verbosity, verbosity_options
from trilex.cli.tm import TMLocation


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="SRC TGT [SRC TGT]...",
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-s", "--source-lang", required=True, help="Language of the SRC files (th, zh, en…).")
@click.option("-t", "--target-lang", required=True, help="Language of the TGT files.")
@click.option("--termbase", "termbases", multiple=True, type=click.Path(dir_okay=False),
              help="Termbase (TBX or CSV) whose concepts found on both sides anchor the alignment; repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="TMX file to write ('-' = stdout, the default unless --tm or --review is given).")
@click.option("--tm", "tm_path", type=TMLocation(), help="Add the pairs to this TM (a file or a postgresql:// URL).")
@click.option("--review", is_flag=True,
              help="List every pair and every sentence left without a partner, least confident first.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out pairs less sure than this (0-1).")
@verbosity_options
def cli(files: tuple[str, ...], source_lang: str, target_lang: str, termbases: tuple[str, ...],
        output: str | None, tm_path: str | None, review: bool, min_confidence: float) -> None:
    """Align SRC and TGT (the same document in two languages) into translation units.

    SRC and TGT are plain text, one language per file: paragraphs separated by blank lines,
    or one paragraph per line. Several documents: give the pairs one after another. Thai is
    cut into sentences where its spaces are most likely sentence ends, helped by the other
    language; sentences are paired by length (Gale-Church, calibrated for th/zh/en), by
    numbers read as values, Latin names kept in both, and termbase concepts (--termbase).
    Each unit has its confidence and bead type (1-1, 2-1…) in the props
    x-trilex-align-confidence and x-trilex-align-bead. Nothing is written unless every file
    could be read and aligned.

    \b
    Examples:
      trilex align news.th.txt news.zh.txt -s th -t zh -o news.tmx
      trilex align a.th.txt a.en.txt b.th.txt b.en.txt -s th -t en --tm project.tm
      trilex align news.th.txt news.en.txt -s th -t en --termbase glossary.tbx --review
      trilex align news.th.txt news.en.txt -s th -t en --min-confidence 0.7 -o -
    """
    from trilex.errors import ConfigError
    from trilex.fileio import display_name
    from trilex.lang.tags import is_valid_tag, normalize_tag
    from trilex.tm.align import Aligner, to_units
    from trilex.tm.align.inputs import read_document_text

    if len(files) % 2:
        raise click.UsageError("give the files in pairs: SRC TGT [SRC TGT]...")
    if review and output == "-":
        raise click.UsageError("--review and -o - both write to stdout: give -o a file")
    for tag in (source_lang, target_lang):
        if not is_valid_tag(tag):
            raise ConfigError(f"{tag!r} is not a language tag (th, zh-CN, en…)")
    source_lang, target_lang = normalize_tag(source_lang), normalize_tag(target_lang)
    termbase = None
    if termbases:
        from trilex.termbase.formats import load_many

        termbase = load_many(termbases)
    pairs = list(zip(files[::2], files[1::2]))
    texts = [(read_document_text(src), read_document_text(tgt)) for src, tgt in pairs]
    aligner = Aligner(source_lang, target_lang, termbase)
    aligned, summary = [], []
    for (src, tgt), (src_text, tgt_text) in _progress(list(zip(pairs, texts)), "aligning"):
        beads = aligner.align(src_text, tgt_text)
        kept = [bead for bead in beads if bead.is_pair and bead.confidence >= min_confidence]
        aligned.append(((src, tgt), beads, kept))
        dropped = sum(1 for bead in beads if bead.is_pair) - len(kept)
        alone = len(beads) - sum(1 for bead in beads if bead.is_pair)
        low = f" ({dropped} below --min-confidence left out)" if dropped else ""
        summary.append(f"{display_name(src)} + {display_name(tgt)}: {len(kept)} pair{'s' * (len(kept) != 1)}{low}, "
                       f"{alone} sentence{'s' * (alone != 1)} without a partner")
        if verbosity() >= 1:
            shapes = Counter(bead.bead for bead in beads)
            summary.append("  beads: " + ", ".join(f"{shape} x{count}" for shape, count in sorted(shapes.items())))

    def units():
        for (src, tgt), _beads, kept in aligned:
            yield from to_units(kept, source_lang, target_lang, (display_name(src), display_name(tgt)))

    if output is not None or not (tm_path or review):
        from trilex.tm.tmx import write_bilingual

        write_bilingual(units(), output or "-", source_lang, target_lang)
    if tm_path:
        from trilex.cli.tm import open_tm

        with open_tm(tm_path) as store:
            for (src, tgt), _beads, kept in aligned:
                origin = f"{display_name(src)} + {display_name(tgt)}"
                result = store.add(to_units(kept, source_lang, target_lang, (display_name(src), display_name(tgt))),
                                   origin=origin)
                summary.append(f"{origin}: {result.added} units added to {store.location}, "
                               f"{result.duplicates} duplicates")
            store.maintain()
    if review:
        for line in review_lines(aligned, source_lang, target_lang):
            click.echo(line)
    for line in summary:  # only once everything is written: an error stays the only line
        info(line)


def _progress(items: list, label: str):
    """``items``, with a bar on stderr on a terminal (several documents, not with ``-q``)."""
    from trilex.progress import on_terminal, track

    if len(items) < 2 or verbosity() < 0 or not on_terminal(sys.stdout, sys.stderr):
        return items
    return track(items, label, sys.stderr, total=len(items))


def review_lines(aligned, source_lang: str, target_lang: str) -> list[str]:
    """Every bead of every document, least confident first: confidence, bead type, where the two
    sides start (``FILE:LINE``) and their texts."""
    from trilex.fileio import display_name

    rows = []
    for (src, tgt), beads, _kept in aligned:
        for bead in beads:
            where_src = f"{display_name(src)}:{bead.source_line}" if bead.source_line else "-"
            where_tgt = f"{display_name(tgt)}:{bead.target_line}" if bead.target_line else "-"
            rows.append((bead.confidence, bead.bead, where_src, where_tgt, bead.source, bead.target))
    rows.sort(key=lambda row: row[0])
    lines = []
    for confidence, bead, where_src, where_tgt, source, target in rows:
        lines.append(f"{confidence:.2f}  {bead}  {where_src}  {where_tgt}")
        lines.append(f"    {source_lang}: {source or '(no partner)'}")
        lines.append(f"    {target_lang}: {target or '(no partner)'}")
    return lines
