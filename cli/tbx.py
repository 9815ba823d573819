"""``trilex tbx``: validate, convert, count and show TBX/CSV termbases."""

from __future__ import annotations

import dataclasses
import json
import sys

import click

from trilex.cli.common import info, verbosity_options
from trilex.fileio import display_name, output_name
from trilex.terminal import align, display_width  # noqa: F401  (display_width: re-exported)

FORMAT_CHOICE = click.Choice(["tbx3", "tbx2", "csv", "tsv"])
#: Marks after a term in ``show``: the status at a glance (admitted terms have none).
STATUS_MARKS = {"preferred": " *", "deprecated": " !", "superseded": " ~"}


@click.group()
@verbosity_options
def cli() -> None:
    """Read, validate, convert and show TBX/CSV termbases; write them as a browsable page.

    \b
    Examples:
      trilex tbx validate glossary.tbx
      trilex tbx convert glossary.csv glossary.tbx
      trilex tbx show glossary.tbx "ศูนย์ข้อมูล"
      trilex tbx html glossary.tbx -o terms.html
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@verbosity_options
def validate(files: tuple[str, ...]) -> None:
    """Check TBX files against the TBX-Basic rules (v3 DCA and TBX 2008 martif).

    Every problem is printed as FILE:LINE: message. Exit code 0 if all files are valid,
    1 if any is invalid, 2 if any cannot be read (malformed XML, hostile DTD, bad bytes).

    \b
    Example:
      trilex tbx validate termbase.tbx omegat-glossary.tbx
    """
    from trilex.errors import TrilexError
    from trilex.termbase.validate import validate as validate_file

    exit_code = 0
    for path in files:
        try:
            problems = validate_file(path)
        except TrilexError as exc:
            click.echo(str(exc), err=True)
            exit_code = 2
            continue
        for problem in problems:
            click.echo(str(problem))
        if problems:
            exit_code = max(exit_code, 1)
            info(f"{display_name(path)}: invalid, {len(problems)} problem(s)")
        else:
            info(f"{display_name(path)}: valid TBX-Basic")
    sys.exit(exit_code)


@cli.command()
@click.argument("source", type=click.Path(allow_dash=True))
@click.argument("target", type=click.Path(allow_dash=True))
@click.option("--to", "to_format", type=click.Choice([*FORMAT_CHOICE.choices, "tmx"]),
              help="Output format (default: from TARGET's extension; .tbx is TBX v3). "
                   "tmx writes each concept's terms as translation units, for CAT tools "
                   "that take glossaries as TM.")
@click.option("--from", "from_format", type=FORMAT_CHOICE,
              help="Input format (default: from SOURCE's extension or content).")
@verbosity_options
def convert(source: str, target: str, to_format: str | None, from_format: str | None) -> None:
    """Convert a termbase between TBX v3, TBX v2 (martif, for OmegaT), CSV and TSV.

    Use - for stdin or stdout. The output file is written atomically.

    \b
    Examples:
      trilex tbx convert glossary.csv glossary.tbx
      trilex tbx convert termbase.tbx omegat.tbx --to tbx2
      cat glossary.tsv | trilex tbx convert - - --from tsv --to tbx3
      trilex tbx convert termbase.tbx glossary.tmx
    """
    from trilex.termbase import load, save
    from trilex.termbase.formats import format_for_path

    termbase = load(source, from_format)
    chosen = to_format or ("tmx" if target.lower().endswith(".tmx") else None) \
        or format_for_path(target) or "tbx3"
    if chosen == "tmx":
        _write_tmx(termbase, target)
    else:
        save(termbase, target, chosen)
    info(f"wrote {len(termbase)} concept(s) to {output_name(target)} as {chosen}")


def _write_tmx(termbase, target: str) -> None:
    """Write the termbase as TMX 1.4b, source language = the termbase's main language."""
    from trilex.lang.tags import tag_matches
    from trilex.tm.glossary import termbase_to_units
    from trilex.tm.tmx import write_tmx

    languages = termbase.languages()
    srclang = next((lang for lang in languages if tag_matches(termbase.lang, lang)),
                   languages[0] if languages else termbase.lang)
    stats = write_tmx(termbase_to_units(termbase), target, srclang=srclang)
    for warning in stats.warnings:
        info(f"warning: {warning}")


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@verbosity_options
def stats(file: str, output: str) -> None:
    """Count concepts, terms per language and term statuses.

    \b
    Example:
      trilex tbx stats termbase.tbx --format json
    """
    from trilex.termbase import load
    from trilex.termbase.stats import STATUS_KEYS, compute_stats

    result = compute_stats(load(file))
    if output == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"concepts: {result.concepts}")
    header = ["language", "concepts", "terms", *STATUS_KEYS]
    rows = [[s.lang, str(s.concepts), str(s.terms), *(str(s.statuses[k]) for k in STATUS_KEYS)]
            for s in result.languages]
    for row in align([header, *rows], right=range(1, len(header))):  # counts right-aligned
        click.echo(row)


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.argument("query", required=False)
@click.option("--lang", "langs", multiple=True,
              help="Languages to show, in this order (repeatable; th finds th-TH).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@verbosity_options
def show(file: str, query: str | None, langs: tuple[str, ...], output: str) -> None:
    """Show concept entries, languages side by side; with QUERY only those with a matching term.

    QUERY matches any term in any language, ignoring case and full-width/half-width
    differences. Marks: * preferred, ! deprecated, ~ superseded.

    \b
    Examples:
      trilex tbx show termbase.tbx "ศูนย์ข้อมูล"
      trilex tbx show termbase.tbx 数据中心 --lang th --lang zh --lang en
    """
    from trilex.termbase import load
    from trilex.termbase.stats import find_concepts

    termbase = load(file)
    concepts = find_concepts(termbase, query) if query else termbase.concepts
    if output == "json":
        click.echo(json.dumps([dataclasses.asdict(c) for c in concepts], ensure_ascii=False, indent=2))
        return
    if not concepts:
        info(f"no concept has a term matching {query!r}")
        return
    for concept in concepts:
        for line in _concept_lines(concept, langs or tuple(termbase.languages())):
            click.echo(line)
        click.echo("")


def _concept_lines(concept, langs: tuple[str, ...]) -> list[str]:
    title = concept.id + (f"  [{concept.subject_field}]" if concept.subject_field else "")
    sections = [section for lang in langs if (section := concept.language(lang)) is not None]
    columns = [[section.lang] + [term.text + STATUS_MARKS.get(
        term.status.value if term.status else "", "") for term in section.terms]
        for section in sections]
    height = max((len(column) for column in columns), default=0)
    rows = [[column[i] if i < len(column) else "" for column in columns] for i in range(height)]
    lines = [title] + ["  " + row for row in align(rows)]
    for definition in concept.definitions:
        lines.append(f"  definition: {definition.text}")
    return lines


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              show_default=True, help="The page to write (atomically).")
@click.option("--lang", "langs", multiple=True,
              help="Languages to show as columns, in this order (repeatable; th finds th-TH). "
                   "Default: all, Thai, Chinese and English first.")
@click.option("--title", help="The page's title (default: the termbase's).")
@verbosity_options
def html(file: str, output: str, langs: tuple[str, ...], title: str | None) -> None:
    """Write the termbase as one browsable HTML page (no server, no network needed).

    Languages side by side with status badges, short forms with their full forms,
    definitions, contexts and cross-references as links; the search box finds a concept
    from any of its terms with the matcher's normalization (full-width forms, dashes,
    Thai character order, spaces between scripts). Fast on 100,000 concepts.

    \b
    Examples:
      trilex tbx html glossary.tbx -o terms.html
      trilex tbx html glossary.csv -o terms.html --lang th --lang zh --lang en
    """
    from trilex.fileio import atomic_write
    from trilex.pages.terms import terms_page
    from trilex.termbase import load

    termbase = load(file)
    page = terms_page(termbase, langs, title)
    with atomic_write(output) as stream:
        stream.write(page)
    info(f"wrote {len(termbase)} concept(s) to {output_name(output)}")
