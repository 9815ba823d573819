"""``trilex tm``: fill a translation memory, look things up in it, export it as TMX, copy it.

Every command takes the TM as ``--tm FILE|URL`` (``$TRILEX_TM`` when not given): a SQLite file
or a ``postgresql://`` server URL; no message shows a password written in a URL.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from trilex.cli.common import debug, info, jobs_option, verbosity, verbosity_options
from trilex.fileio import display_name, output_name
from trilex.terminal import use_colour
from trilex.tm.location import public_location, secrets_in

if TYPE_CHECKING:
    from trilex.progress import ReadProgress
    from trilex.tm.store import TMStore

#: The environment variable naming the TM when ``--tm`` is not given.
TM_ENV = "TRILEX_TM"


class TMLocation(click.Path):
    """A TM file (checked like any file path) or a server URL (``postgresql://…``, kept as given)."""

    name = "tm"

    def __init__(self) -> None:
        super().__init__(dir_okay=False)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and "://" in value:
            return value
        return super().convert(value, param, ctx)


def _required_tm(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is None:
        raise click.UsageError(f"no TM given: use --tm FILE or --tm postgresql://USER@HOST/DB, "
                               f"or set {TM_ENV}", ctx)
    return value


def tm_option(help_text: str, required: bool = True):
    """The ``--tm FILE|URL`` option (``$TRILEX_TM`` when it is not given)."""
    return click.option(
        "--tm", "tm_path", type=TMLocation(), metavar="FILE|URL", envvar=TM_ENV,
        callback=_required_tm if required else None,
        help=help_text + " A file is a SQLite TM; postgresql://USER@HOST/DB a TM on a PostgreSQL server "
        f"(password from ~/.pgpass or PGPASSWORD). Without --tm, ${TM_ENV} names the TM.")


TM_OPTION = tm_option("The TM.")
NEW_TM_OPTION = tm_option("The TM (created if missing).")
JOBS_OPTION = jobs_option("Processes that read a TMX file and prepare its units (normalization, keys); "
                          "the TM is the same for any number.")
FORMAT_OPTION = click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format.")


# -- where the TM is, without its password -----------------------------------------------------


def _scrub(text: str | None, secrets: list[tuple[str, list[str]]]) -> str | None:
    if text is None:
        return None
    for location, found in secrets:
        text = text.replace(location, public_location(location))
        for secret in found:
            text = text.replace(secret, "***")
    return text


@contextlib.contextmanager
def no_password(*locations: str) -> Iterator[None]:
    """Let no password written in ``locations`` out in an error raised inside the block."""
    from trilex.errors import InputError, TrilexError

    secrets = [(location, found) for location in locations if (found := secrets_in(location))]
    if not secrets:
        yield
        return
    try:
        yield
    except TrilexError as exc:
        exc.message = _scrub(exc.message, secrets) or ""
        exc.path = _scrub(exc.path, secrets)
        exc.args = (exc.message,)
        raise
    except Exception as exc:
        text = str(exc)
        if _scrub(text, secrets) == text:
            raise
        lines = (_scrub(text, secrets) or "").strip().splitlines()
        raise InputError(lines[0] if lines else type(exc).__name__, public_location(secrets[0][0])) from None


@contextlib.contextmanager
def open_tm(location: str, create: bool = True, jobs: int = 1) -> Iterator[TMStore]:
    """The TM at ``location`` (a file or a server URL), closed afterwards; no error raised
    while opening or using it shows a password from ``location``. ``jobs``: processes an
    import reads a TMX file and prepares its units in."""
    from trilex.tm.store import open_store

    with no_password(location), open_store(location, create=create, jobs=jobs) as store:
        yield store


@click.group()
@verbosity_options
def cli() -> None:
    """Translation memory: import, fuzzy search, concordance, statistics, TMX export, copy.

    The TM is a file (SQLite, no server) or a PostgreSQL server a team shares
    (--tm postgresql://USER@HOST/DB); TRILEX_TM names it when --tm is not given.

    \b
    Examples:
      trilex tm import memoq-export.tmx messages.th.po --tm project.tm
      trilex tm search "ศูนย์ข้อมูลปัญญาประดิษฐ์" --tm project.tm --to zh
      trilex tm export --tm project.tm -o th-zh.tmx --pair th:zh
      trilex tm copy project.tm postgresql://translator@tm.example.org/tm
    """


# -- progress ------------------------------------------------------------------------------


def _show_progress() -> bool:
    """Progress is drawn (on stderr) only when stdout and stderr are terminals, and not with ``-q``."""
    from trilex.progress import on_terminal

    return verbosity() >= 0 and on_terminal(sys.stdout, sys.stderr)


def _with_progress(units: Iterable, label: str, total: int | None = None,
                   progress: ReadProgress | None = None) -> Iterable:
    """``units``, with progress on stderr on a terminal (see :func:`_show_progress`): a bar by
    how far the reader has got when ``progress`` knows the size of its input, a bar by units
    when ``total`` is known, else a count of the units done so far. A TMX file read in pieces
    stays one (:class:`~trilex.tm.tmx_pieces.TmxUnits`), so its pieces can go to workers."""
    if not _show_progress():
        return units
    from trilex.progress import track
    from trilex.tm.tmx_pieces import TmxUnits

    if isinstance(units, TmxUnits):
        return units.tracked(lambda pieces: track(pieces, label, sys.stderr, progress=progress, counting=False))
    return track(units, label, sys.stderr, progress=progress, total=total)


@cli.command(name="import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@NEW_TM_OPTION
@click.option("--parallel", nargs=2, multiple=True, metavar="SOURCE TARGET",
              help="Two line-aligned plain-text files (repeatable).")
@click.option("--source-lang", "-s", help="Source language, for files that do not say (CSV, parallel text).")
@click.option("--target-lang", "-t", help="Target language, for files that do not say.")
@click.option("--format", "file_format",
              help="File format instead of the guess from the name (tmx, xliff, po, csv, tsv).")
@click.option("--termbase", is_flag=True, help="Read the files as termbases (TBX is recognized anyway).")
@JOBS_OPTION
@verbosity_options
def import_(files: tuple[str, ...], tm_path: str, parallel: tuple[tuple[str, str], ...],
            source_lang: str | None, target_lang: str | None, file_format: str | None, termbase: bool,
            jobs: int) -> None:
    """Add TMX, XLIFF, PO, CSV/TSV, parallel-text or termbase files to a TM.

    Units already in the TM (the same texts as written, with the same inline codes, notes and
    props, in the same languages) are counted as duplicates; a newer copy (later change date)
    replaces the older one. The same sentence with other formatting is another entry. A date
    that is not a date is kept as written, never counts as newer, and is counted in a warning.
    Each file is imported in one transaction: a file that turns out to be broken half-way adds
    nothing, and a new TM whose first import fails is not created.

    Imports into the same TM take turns: one waits for another to finish, for up to 600
    seconds (set TRILEX_TM_WAIT=SECONDS for another limit), then gives up with "TM is busy".

    On a terminal each file gets a progress bar on stderr, with percent and time left: by the
    bytes of a TMX file read so far, by segments for the formats read whole, a count of units
    for a TMX read from a pipe.

    \b
    Examples:
      trilex tm import project.tmx --tm project.tm
      trilex tm import glossary.tbx messages.th.po --tm project.tm
      trilex tm import --parallel news.en.txt news.th.txt -s en -t th --tm project.tm
      trilex tm import memoq-export.tmx --tm postgresql://translator@tm.example.org/tm
      TRILEX_TM=project.tm trilex tm import messages.th.po
    """
    from trilex.errors import ConfigError, warn_input
    from trilex.progress import ReadProgress
    from trilex.tm.importers import read_parallel_units, read_units

    if not files and not parallel:
        raise ConfigError("nothing to import: give files or --parallel SOURCE TARGET")
    sources = [(path, lambda progress, path=path: read_units(
        path, source_lang=source_lang, target_lang=target_lang, format=file_format, termbase=termbase,
        progress=progress)) for path in files]
    sources += [(pair[1], lambda progress, pair=pair: read_parallel_units(*pair, source_lang, target_lang,
                                                                          progress=progress))
                for pair in parallel]
    with open_tm(tm_path, jobs=jobs) as store:
        debug(f"importing into {store.location}")
        for path, read in sources:
            progress = ReadProgress() if _show_progress() else None
            units = _with_progress(read(progress), f"importing {display_name(path)}", progress=progress)
            result = store.add(units, origin=path)
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
    from trilex.tm.tmx import write_bilingual, write_tmx

    if sum(bool(choice) for choice in (langs, pair, multilingual)) > 1:
        raise ConfigError("give only one of --langs, --pair and --multilingual")
    with open_tm(tm_path, create=False) as store:
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
      TRILEX_TM=postgresql://translator@tm.example.org/tm trilex tm search "数据中心"
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
    """The fuzzy matches for ``text`` in the TM at ``tm_path`` (a file, which must exist, or a
    server URL); with ``targets``, only matches whose unit has one of those languages."""
    with open_tm(tm_path, create=False) as store:
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
    with open_tm(tm_path, create=False) as store:
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
    Examples:
      trilex tm stats --tm project.tm
      trilex tm stats --tm postgresql://translator@tm.example.org/tm --format json
      TRILEX_TM=project.tm trilex tm stats
    """
    with open_tm(tm_path, create=False) as store:
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


def _same_location(first: str, second: str) -> bool:
    """Whether two TM locations name the same TM (the same file, or the same server URL)."""
    if "://" in first or "://" in second:
        def canonical(location: str) -> str:
            scheme, _, rest = location.partition("://")
            scheme = "postgresql" if scheme.lower() in ("postgres", "postgresql") else scheme.lower()
            return f"{scheme}://{rest.rstrip('/')}"

        return canonical(first) == canonical(second)
    try:
        if os.path.samefile(first, second):
            return True
    except OSError:
        pass
    return os.path.realpath(first) == os.path.realpath(second)


@cli.command()
@click.argument("source", metavar="SRC", type=TMLocation())
@click.argument("destination", metavar="DST", type=TMLocation())
@verbosity_options
def copy(source: str, destination: str) -> None:
    """Copy every unit of the TM SRC into the TM DST (a file or a server URL each).

    Each unit keeps its origin and import date. Units DST already has (the same texts, codes,
    notes and props in the same languages) are counted as duplicates, as an import counts them;
    a newer copy replaces the older one. DST is created if missing and filled in one
    transaction: a copy that fails half-way adds nothing. SRC must exist and is only read.

    \b
    Examples:
      trilex tm copy project.tm postgresql://translator@tm.example.org/tm
      trilex tm copy postgresql://translator@tm.example.org/tm backup.tm
      trilex tm copy old.tm merged.tm
    """
    from trilex.errors import ConfigError

    if _same_location(source, destination):
        raise ConfigError(f"SRC and DST are the same TM ({public_location(source)}): copy into another one")
    with open_tm(source, create=False) as src, open_tm(destination) as dst:
        where = dst.location
        debug(f"copying {src.location} into {where}")
        total = src.stats().units if _show_progress() else None
        result = dst.add_stored(_with_progress(src.iter_units(), f"copying into {where}", total=total))
        dst.maintain()
    updated = f" ({result.updated} newer copies kept)" if result.updated else ""
    empty = f", {result.empty} empty" if result.empty else ""
    info(f"{where}: {result.added} units copied, {result.duplicates} duplicates{updated}{empty}")
