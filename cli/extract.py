"""``trilex extract``: build a termbase from articles that gloss their terms inline."""

from __future__ import annotations

import click

from trilex.cli.common import info, verbosity_options


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Termbase to write ('-' = stdout, the default unless --review is given).")
@click.option("--format", "format_", type=click.Choice(["tbx3", "tbx2", "csv", "tsv", "html"]), default=None,
              help="Output format (default: from the extension, else TBX v3). html, with --review: "
                   "write the review as a page to --output instead of a termbase (an --output "
                   "ending in .html chooses it too).")
@click.option("--review", is_flag=True,
              help="Print each concept with its terms side by side, confidence and source lines, "
                   "lowest confidence first.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out glosses whose Thai term is less sure than this (0-1).")
@verbosity_options
def cli(articles: tuple[str, ...], output: str | None, format_: str | None, review: bool,
        min_confidence: float) -> None:
    """Find every glossed term in ARTICLE... and build concept entries with th/zh/en terms.

    Terms the extractor is unsure of are written as admitted, with a note asking for review.

    \b
    Examples:
      trilex extract seeds/articles/*.txt -o seed.tbx
      trilex extract article.txt --review
      trilex extract article.txt --min-confidence 0.8 -o terms.csv
      trilex extract articles/*.txt --review --format html -o review.html
    """
    from trilex.termbase.extract.build import REVIEW_BELOW, glosses_of, read_articles, termbase_from_glosses
    from trilex.termbase.extract.review import concept_confidence, review_lines
    from trilex.termbase.formats import save

    if format_ is None and review and output and output.lower().endswith((".html", ".htm")):
        format_ = "html"
    if format_ == "html" and not review:
        raise click.UsageError("--format html is the review page: give --review too")
    texts = read_articles(articles)
    glosses = glosses_of(texts)
    termbase = termbase_from_glosses(glosses, texts, min_confidence)
    if not termbase.concepts:
        from trilex.errors import InputError

        raise InputError("no glossed terms found (a gloss looks like: ไทย (English/中文))",
                         articles[0] if len(articles) == 1 else ", ".join(articles))
    if format_ == "html":
        from trilex.fileio import atomic_write
        from trilex.pages.review import review_page

        with atomic_write(output or "-") as stream:
            stream.write(review_page(texts, glosses, termbase, min_confidence))
    elif output is not None or not review:
        save(termbase, output or "-", format_)
    if review and format_ != "html":
        click.echo("\n".join(review_lines(termbase)))
    doubtful = sum(1 for concept in termbase if concept_confidence(concept)[0] < REVIEW_BELOW)
    info(f"{len(termbase)} concepts from {len(articles)} article(s); {doubtful} to review")
