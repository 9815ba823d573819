"""``trilex tm``: fill a translation memory, look things up in it, export it as TMX."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict

import click

from trilex.cli.common import debug, info, verbosity, verbosity_options
from trilex.fileio import display_name, output_name
from trilex.terminal import use_colour

TM_OPTION = click.option("--tm", "tm_path", required=True, type=click.Path(dir_okay=False),
                         help="The TM file (SQLite; created by 'tm import' if missing).")
FORMAT_OPTION = click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format.")


@click.group()
@verbosity_options
def cli() -> None:
    """Translation memory: import, fuzzy search, concordance, statistics, TMX export.

    \b
    Examples:
      trilex tm import memoq-export.tmx messages.th.po --tm project.tm
      trilex tm search "ศูนย์ข้อมูลปัญญาประดิษฐ์" --tm project.tm --to zh
      trilex tm export --tm project.tm -o th-zh.tmx --pair th:zh
    """


def _with_progress(units: Iterable, label: str, total: int | None = None) -> Iterator:
    """``units``, with progress on stderr when stdout is a terminal and ``-q`` was not given:
    a bar when ``total`` is known, else a count of the units done so far."""
    if not sys.stdout.isatty() or verbosity() < 0:
        yield from units
        return
    if total is not None:
        with click.progressbar(units, length=total, label=label, file=sys.stderr, show_pos=True) as bar:
            yield from bar
        return
    done = 0
    for done, unit in enumerate(units, 1):
        if done % 1000 == 0:
            click.echo(f"\r{label}: {done} units", err=True, nl=False)
        yield unit
    click.echo(f"\r{label}: {done} units", err=True)


@cli.command(name="import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@TM_OPTION
@click.option("--parallel", nargs=2, multiple=True, metavar="SOURCE TARGET",
              help="Two line-aligned plain-text files (repeatable).")
@click.option("--source-lang", "-s", help="Source language, for files that do not say (CSV, parallel text).")
@click.option("--target-lang", "-t", help="Target language, for files that do not say.")
@click.option("--format", "file_format",
              help="File format instead of the guess from the name (tmx, xliff, po, csv, tsv).")
@click.option("--termbase", is_flag=True, help="Read the files as termbases (TBX is recognized anyway).")
@verbosity_options
def import_(files: tuple[str, ...], tm_path: str, parallel: tuple[tuple[str, str], ...],
            source_lang: str | None, target_lang: str | None, file_format: str | None, termbase: bool) -> None:
    """Add TMX, XLIFF, PO, CSV/TSV, parallel-text or termbase files to a TM.

    Units already in the TM (the same texts in the same languages, after normalization) are
    counted as duplicates; a newer copy (later change date) replaces the older one. A date
    that is not a date is kept as written, never counts as newer, and is counted in a warning.
    Each file is imported in one transaction: a file that turns out to be broken half-way adds
    nothing, and a new TM whose first import fails is not created.

    Imports into the same TM take turns: one waits for another to finish, for up to 600
    seconds (set TRILEX_TM_WAIT=SECONDS for another limit), then gives up with "TM is busy".

    \b
    Examples:
      trilex tm import project.tmx --tm project.tm
      trilex tm import glossary.tbx messages.th.po --tm project.tm
      trilex tm import --parallel news.en.txt news.th.txt -s en -t th --tm project.tm
    """
    from trilex.errors import ConfigError, warn_input
    from trilex.tm.importers import read_parallel_units, read_units
    from trilex.tm.store import open_store

    if not files and not parallel:
        raise ConfigError("nothing to import: give files or --parallel SOURCE TARGET")
    sources = [(path, lambda path=path: read_units(path, source_lang=source_lang, target_lang=target_lang,
                                                   format=file_format, termbase=termbase)) for path in files]
    sources += [(pair[1], lambda pair=pair: read_parallel_units(*pair, source_lang, target_lang))
                for pair in parallel]
    with open_store(tm_path) as store:
        for path, read in sources:
            result = store.add(_with_progress(read(), f"importing {path}"), origin=path)
            updated = f" ({result.updated} newer copies kept)" if result.updated else ""
            empty = f", {result.empty} empty" if result.empty else ""
            info(f"{display_name(path)}: {result.added} units added, {result.duplicates} duplicates{updated}{empty}")
            if result.unreadable_dates:
                count = result.unreadable_dates
                warn_input(f"{count} date{'s' if count != 1 else ''} could not be read (kept as written; "
                           "they never count as newer)", display_name(path))
        store.maintain()


@cli.command()
@TM_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The TMX file to write ('-' for stdout).")
@click.option("--langs", help="Only these languages, comma-separated; the first is the source (th,zh,en).")
@click.option("--pair", help="One language pair SOURCE:TARGET, as Trados imports it (th:zh).")
@click.option("--multilingual", is_flag=True, help="Every language of every unit (the default without --langs/--pair).")
@click.option("--srclang", help="Source language of a multilingual file (default: the TM's most common language).")
@click.option("--encoding", type=click.Choice(["utf-8", "utf-16le"]), default="utf-8", show_default=True)
@verbosity_options
def export(tm_path: str, output: str, langs: str | None, pair: str | None, multilingual: bool,
           srclang: str | None, encoding: str) -> None:
    """Write the TM (or some of its languages) as a TMX 1.4b file.

    Units that lack the source language, or that would keep fewer than two languages, are
    skipped and counted.

    \b
    Examples:
      trilex tm export --tm project.tm -o all.tmx --multilingual
      trilex tm export --tm project.tm -o th-zh.tmx --pair th:zh
      trilex tm export --tm project.tm -o out.tmx --langs th,zh,en
    """
    from trilex.errors import ConfigError
    from trilex.tm.store import open_store
    from trilex.tm.tmx import write_bilingual, write_tmx

    if sum(bool(choice) for choice in (langs, pair, multilingual)) > 1:
        raise ConfigError("give only one of --langs, --pair and --multilingual")
    with open_store(tm_path, create=False) as store:
        stats = store.stats()
        units = _with_progress((stored.unit for stored in store.iter_units()), f"exporting {output}", stats.units)
        if pair:
            source, _, target = pair.partition(":")
            if not source or not target:
                raise ConfigError(f"--pair must look like th:zh, not {pair!r}")
            result = write_bilingual(units, output, source, target, encoding=encoding)
        elif langs:
            chosen = [lang.strip() for lang in langs.split(",") if lang.strip()]
            result = write_tmx(units, output, srclang=chosen[0], languages=chosen, encoding=encoding)
        else:
            source = srclang or max(stats.segments, key=stats.segments.__getitem__, default="en")
            result = write_tmx(units, output, srclang=source, encoding=encoding)
    for warning in result.warnings:
        debug(warning)
    skipped = f", {result.skipped} skipped (-v says why)" if result.skipped else ""
    info(f"{output_name(output)}: {result.written} units written{skipped}")


def _lang_of(text: str, lang: str | None) -> str:
    from trilex.tm.fuzzy import guess_lang

    return lang or guess_lang(text)


@cli.command()
@click.argument("text")
@TM_OPTION
@click.option("--min", "min_score", type=click.FloatRange(0, 100), default=75.0, show_default=True,
              help="Lowest match percentage shown.")
@click.option("--lang", "-l", help="Language of TEXT (default: guessed from its script: th, zh or en).")
@click.option("--to", "target", help="Show only this language of each match (default: all the others).")
@click.option("--limit", "-n", type=click.IntRange(1), default=10, show_default=True)
@FORMAT_OPTION
@verbosity_options
def search(text: str, tm_path: str, min_score: float, lang: str | None, target: str | None,
           limit: int, output_format: str) -> None:
    """Fuzzy matches for TEXT, best first, with the differences marked.

    Percentages count characters for Thai and Chinese and words for English. In the TM
    segment, [-text-] is only in the TM and {+text+} only in TEXT (colours on a terminal).

    \b
    Examples:
      trilex tm search "ศูนย์ข้อมูลปัญญาประดิษฐ์" --tm project.tm
      trilex tm search "The data centre opens next year." --tm project.tm --to th --min 60
    """
    lang = _lang_of(text, lang)
    targets = [target] if target else None
    matches = fuzzy_matches(text, tm_path, lang, min_score, limit, targets)
    if output_format == "json":
        click.echo(json.dumps(match_dicts(matches, text, lang, targets), ensure_ascii=False, indent=2))
        return
    for line in match_lines(matches, text, lang, targets):
        click.echo(line)
    if not matches:
        info(f"no match of {min_score:g}% or more")


def fuzzy_matches(text: str, tm_path: str, lang: str, min_score: float = 75.0, limit: int = 10,
                  targets: list[str] | None = None) -> list:
    """The fuzzy matches for ``text`` in the TM at ``tm_path`` (which must exist); with
    ``targets``, only matches whose unit has one of those languages."""
    from trilex.tm.store import open_store

    with open_store(tm_path, create=False) as store:
        if targets is None:
            return store.search_fuzzy(text, lang, min_score, limit)
        matches = store.search_fuzzy(text, lang, min_score, None)
    return [match for match in matches if _translations(match.unit, match.lang, targets)][:limit]


def match_lines(matches: list, text: str, lang: str, targets: list[str] | None) -> list[str]:
    """Matches as text: percentage and marked differences, then the translations."""
    from trilex.tm.fuzzy import diff, render_diff

    color = use_colour(sys.stdout)
    lines: list[str] = []
    for match in matches:
        lines.append(f"{match.score:5.1f}%  {render_diff(diff(match.text, text, lang), color)}")
        lines.extend(f"        {tag}: {translation}"
                     for tag, translation in _translations(match.unit, match.lang, targets).items())
    return lines


def match_dicts(matches: list, text: str, lang: str, targets: list[str] | None) -> list[dict]:
    """Matches as JSON-ready dictionaries (with the differences piece by piece)."""
    from trilex.tm.fuzzy import diff

    return [{"score": round(match.score, 1), "lang": match.lang, "text": match.text, "origin": match.origin,
             "diff": [asdict(piece) for piece in diff(match.text, text, lang)],
             "translations": _translations(match.unit, match.lang, targets)} for match in matches]


def _translations(unit, matched: str, targets: list[str] | None) -> dict[str, str]:
    """The unit's other variants (or only those in ``targets``), tag → text."""
    from trilex.lang.tags import tag_matches

    return {variant.lang: variant.text for variant in unit.variants
            if variant.lang != matched and (targets is None or any(tag_matches(lang, variant.lang)
                                                                    for lang in targets))}


@cli.command()
@click.argument("text")
@TM_OPTION
@click.option("--lang", "-l", help="Look only in this language (default: every language).")
@click.option("--limit", "-n", type=click.IntRange(1), default=50, show_default=True)
@FORMAT_OPTION
@verbosity_options
def concordance(text: str, tm_path: str, lang: str | None, limit: int, output_format: str) -> None:
    """Segments that contain TEXT (after normalization), with their translations.

    \b
    Examples:
      trilex tm concordance "ปัญญาประดิษฐ์" --tm project.tm
      trilex tm concordance "数据" --tm project.tm --lang zh
    """
    from trilex.tm.store import open_store

    with open_store(tm_path, create=False) as store:
        hits = store.concordance(text, lang, limit)
    if output_format == "json":
        click.echo(json.dumps([
            {"lang": hit.lang, "text": hit.text, "start": hit.start, "end": hit.end, "origin": hit.origin,
             "translations": _translations(hit.unit, hit.lang, None)} for hit in hits],
            ensure_ascii=False, indent=2))
        return
    color = use_colour(sys.stdout)
    for hit in hits:
        shown = hit.text
        if hit.start is not None and hit.end is not None:
            found = hit.text[hit.start:hit.end]
            marked = click.style(found, bold=True, fg="yellow") if color else f"[{found}]"
            shown = hit.text[:hit.start] + marked + hit.text[hit.end:]
        click.echo(f"{hit.lang}: {shown}")
        for tag, translation in _translations(hit.unit, hit.lang, None).items():
            click.echo(f"    {tag}: {translation}")
    if not hits:
        info("not found")


@cli.command()
@TM_OPTION
@FORMAT_OPTION
@verbosity_options
def stats(tm_path: str, output_format: str) -> None:
    """Units, segments per language, language pairs and origins of a TM.

    \b
    Example:
      trilex tm stats --tm project.tm
    """
    from trilex.tm.store import open_store

    with open_store(tm_path, create=False) as store:
        result = store.stats()
    if output_format == "json":
        click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    click.echo(f"units: {result.units}")
    click.echo("segments: " + ", ".join(f"{lang} {count}" for lang, count in result.segments.items()))
    click.echo("pairs: " + ", ".join(f"{pair} {count}" for pair, count in result.pairs.items()))
    click.echo("origins:")
    for origin, count in result.origins.items():
        click.echo(f"  {origin or '(unknown)'}: {count}")
    click.echo(f"size: {result.size_bytes / 2**20:.1f} MiB ({result.backend})")
