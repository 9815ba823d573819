"""``trilex check``: find termbase terms in documents and report translations that break the termbase."""

from __future__ import annotations

import click

from trilex.cli.common import debug, verbosity_options

FAIL_ON = ("error", "warning", "info", "never")
#: Output formats; more register themselves in trilex.check.reporters.
FORMATS = ("text", "json")


def _split_codes(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]


def _print_checks(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from trilex.check import engine  # noqa: F401  (registers the checks)
    from trilex.check.registry import CHECKS

    for info in CHECKS.values():
        click.echo(f"{info.code:<20} {info.severity.value:<8} {info.summary}")
    ctx.exit(0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-t", "--termbase", "termbases", multiple=True, type=click.Path(dir_okay=False),
              help="Termbase (TBX or CSV); repeatable. Default: the bundled termbase.")
@click.option("--source", "source_lang", metavar="LANG",
              help="Source language (overrides the files'); for a .txt article, its language (default th).")
@click.option("--target", "target_lang", metavar="LANG", help="Target language (overrides the files').")
@click.option("-p", "--parallel", "parallel", nargs=2, multiple=True, metavar="SRC TGT",
              type=click.Path(dir_okay=False), help="A source and a target text file aligned line by line; repeatable.")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit with 1 when a finding is at least this severe.")
@click.option("-c", "--checks", callback=_split_codes, metavar="CODE,...",
              help="Run only these checks (see --list-checks).")
@click.option("--list-checks", is_flag=True, expose_value=False, is_eager=True, callback=_print_checks,
              help="List the checks with their default severity and exit.")
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              show_default=True, help="Write the report here (atomically); - is stdout.")
@verbosity_options
def cli(files: tuple[str, ...], termbases: tuple[str, ...], source_lang: str | None,
        target_lang: str | None, parallel: tuple[tuple[str, str], ...], output_format: str,
        fail_on: str, checks: list[str] | None, output: str) -> None:
    """Check translations against a termbase; exit 1 when a finding reaches --fail-on.

    FILES are bilingual files (XLIFF, PO, TMX, CSV/TSV); a .txt file on its own is a
    monolingual article whose inline glosses (Thai name (English/中文)) are checked.
    Parallel plain text is given with --parallel SRC TGT. Exit codes: 0 clean, 1 findings at
    or above --fail-on, 2 bad usage or unreadable input.

    \b
    Examples:
      trilex check seeds/articles/*.txt
      trilex check -t glossary.tbx messages.th.xlf --fail-on warning
      trilex check -t glossary.tbx --source th --target zh --parallel news.th.txt news.zh.txt
      trilex check -t glossary.tbx app.po --format json -o findings.json
    """
    if not files and not parallel:
        raise click.UsageError("give at least one FILE or --parallel SRC TGT")
    from trilex.check.engine import CheckOptions, run_check
    from trilex.check.index import load_index
    from trilex.check.reporters import load_reporters
    from trilex.fileio import atomic_write

    index = load_index(termbases)
    documents = _read_documents(files, parallel, source_lang, target_lang)
    options = CheckOptions(checks=checks, source_lang=source_lang, target_lang=target_lang)
    report = run_check(documents, index, options)
    debug(f"{report.segments_checked} segments checked, {len(report.findings)} findings")
    with atomic_write(output) as stream:
        load_reporters()[output_format](report, stream)
    report.fail_on = fail_on
    if any(report.fails(finding) for finding in report.findings):
        raise SystemExit(1)


def _read_documents(files: tuple[str, ...], parallel: tuple[tuple[str, str], ...],
                    source_lang: str | None, target_lang: str | None) -> list:
    """Every document named on the command line, read fully (so input errors come first)."""
    from trilex.bitext import read_document, read_parallel
    from trilex.check.article import Article

    documents: list = []
    for path in files:
        if path.lower().endswith(".txt"):
            documents.append(Article.read(path, source_lang or "th"))
        else:
            documents.append(read_document(path, source_lang=source_lang, target_lang=target_lang))
    for source_path, target_path in parallel:
        if not source_lang or not target_lang:
            raise click.UsageError("--parallel needs --source and --target")
        documents.append(read_parallel(source_path, target_path, source_lang, target_lang))
    return documents
