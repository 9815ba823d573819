"""``trilex check``: find termbase terms in documents and report translations that break the termbase."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from trilex.gc_pause import paused_gc
from trilex.cli.common import debug, info, jobs_option, verbosity, verbosity_options

FAIL_ON = ("error", "warning", "info", "never")
#: Report formats: the names trilex.check.reporters.FORMAT_MODULES knows, without importing it.
FORMATS = ("text", "json", "sarif", "junit", "github", "html")
#: Input formats trilex.bitext reads (kept here so --help imports nothing heavy).
INPUT_FORMATS = ("xliff", "po", "tmx", "csv", "tsv")


def _split_codes(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [code.strip() for code in value.split(",") if code.strip()]


def _print_checks(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from trilex.check import engine, gate  # noqa: F401  (they register the checks)
    from trilex.check.registry import CHECKS

    for check in CHECKS.values():
        click.echo(f"{check.code:<25} {check.severity.value:<8} {check.summary}")
    ctx.exit(0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-t", "--termbase", "termbases", multiple=True, type=click.Path(dir_okay=False),
              help="Termbase (TBX or CSV); repeatable. Default: the config's, else the bundled termbase.")
@click.option("--source", "source_lang", metavar="LANG",
              help="Source language (overrides the files'); for a .txt article, its language (default th).")
@click.option("--target", "target_lang", metavar="LANG", help="Target language (overrides the files').")
@click.option("-p", "--parallel", "parallel", nargs=2, multiple=True, metavar="SRC TGT",
              type=click.Path(dir_okay=False), help="A source and a target text file aligned line by line; repeatable.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS),
              help="Format of FILES where the extension cannot tell (default: from the name or content).")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit with 1 when a new finding is at least this severe. [default: the config's, else error]")
@click.option("-c", "--checks", callback=_split_codes, metavar="CODE,...",
              help="Run only these checks (see --list-checks).")
@click.option("--list-checks", is_flag=True, expose_value=False, is_eager=True, callback=_print_checks,
              help="List the checks with their default severity and exit.")
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              show_default=True, help="Write the report here (atomically); the summary still goes to the terminal.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: trilex.toml or pyproject.toml [tool.trilex], searched upward).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--show-config", is_flag=True, help="Print the merged configuration and exit.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Known findings that do not fail the run (default: the config's 'baseline').")
@click.option("--update-baseline", is_flag=True,
              help="Write every current finding to the baseline file and exit 0.")
@click.option("--terms-page", metavar="URL",
              help="With --format html: link each finding's concept to this page made by "
                   "'trilex tbx html' (e.g. terms.html beside the report).")
@jobs_option("Processes that check the segments (one where most units repeat each other: only the "
             "serial merge is left); the report is the same for any number.")
@verbosity_options
def cli(files: tuple[str, ...], termbases: tuple[str, ...], source_lang: str | None,
        target_lang: str | None, parallel: tuple[tuple[str, str], ...], input_format: str | None,
        output_format: str,
        fail_on: str | None, checks: list[str] | None, output: str, config_path: str | None,
        no_config: bool, show_config: bool, baseline_path: str | None, update_baseline: bool,
        terms_page: str | None, jobs: int) -> None:
    """Check translations against a termbase; exit 1 when a new finding reaches --fail-on.

    FILES are bilingual files (XLIFF, PO, TMX, CSV/TSV); a .txt file on its own is a
    monolingual article whose inline glosses (Thai name (English/中文)) are checked.
    Parallel plain text is given with --parallel SRC TGT. With no FILES, the documents of
    the configuration ([tool.trilex] in pyproject.toml, or trilex.toml) are checked.
    Suppress one unit with a comment 'trilex: ignore[CHECK]' (PO comment, XLIFF note,
    CSV note column).

    \b
    Exit codes:
      0  no new finding at or above --fail-on
      1  at least one such finding
      2  usage, configuration or input error

    \b
    Examples:
      trilex check seeds/articles/*.txt
      trilex check -t glossary.tbx messages.th.xlf --fail-on warning
      trilex check -t glossary.tbx --source th --target zh --parallel news.th.txt news.zh.txt
      trilex check --format sarif --output trilex.sarif        # documents from the config
      trilex check -t glossary.tbx messages.th.po --format html -o report.html
      trilex check --update-baseline                           # adopt on an existing project
      trilex check -j 1 big.tmx                                # one process (default: one per core)
    """
    from trilex.check.config import CheckConfig, find_config, load_config
    from trilex.check.engine import CheckOptions, run_check
    from trilex.check.gate import apply_gate
    from trilex.check.index import load_index
    from trilex.check.registry import CHECKS
    from trilex.check.reporters import get_reporter
    from trilex.check.reporters.text import summary_line
    from trilex.check.suppressions import UNUSED_CHECK
    from trilex.fileio import atomic_write

    found = None if no_config else (config_path and Path(config_path)) or find_config()
    config = load_config(Path(found), CHECKS) if found else CheckConfig()
    if show_config:
        click.echo(config.as_toml(), nl=False)
        return
    fail_on = fail_on or config.fail_on
    baseline = baseline_path or (config.resolve(config.baseline) if config.baseline else None)
    if terms_page and output_format != "html":
        raise click.UsageError("--terms-page needs --format html")
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE or 'baseline' in the config")
    targets = _targets(files, config)
    if not targets and not parallel:
        raise click.UsageError("give at least one FILE or --parallel SRC TGT, "
                               "or list documents in [tool.trilex] (see docs/ci.md)")

    with paused_gc(freeze=True):  # the index and the documents stay for the whole run
        index = load_index(termbases or [config.resolve(path) for path in config.termbases])
        documents = _read_documents(targets, parallel, source_lang, target_lang, input_format)
    severities = {code: config.severity_of(code, info.severity) for code, info in CHECKS.items()}
    enabled = [code for code in (checks or CHECKS) if severities.get(code, True) is not None]
    configured = {code: severities[code] for code in config.severities if severities.get(code) is not None}
    options = CheckOptions(checks=enabled, source_lang=source_lang, target_lang=target_lang,
                           severities=configured, unfinished_severity=config.unfinished_severity,
                           do_not_translate=config.do_not_translate)
    report = run_check(documents, index, options, progress=_progress(documents), jobs=jobs)
    report.fail_on = fail_on
    apply_gate(report, documents, None if update_baseline else baseline,
               unused_severity=severities.get(UNUSED_CHECK))
    if update_baseline:
        from trilex.check.baseline import write_baseline

        count = write_baseline(report.findings, baseline)
        info(f"wrote {count} finding(s) to the baseline {baseline}")
        return
    debug(f"{report.segments_checked} segments checked, {len(report.findings)} new findings")
    with atomic_write(output) as stream:
        get_reporter(output_format)(report, stream, **({"terms_page": terms_page} if terms_page else {}))
    if output != "-" or output_format != "text":
        info(summary_line(report))
    if report.baselined or report.stale_baseline:
        info(f"baseline: {len(report.baselined)} known finding(s) not counted; "
             f"{len(report.stale_baseline)} stale entr{'y' if len(report.stale_baseline) == 1 else 'ies'}")
        for line in report.stale_baseline:
            debug(f"  stale: {line}")
    if report.suppressed:
        info(f"{len(report.suppressed)} finding(s) suppressed inline")
    if any(report.fails(finding) for finding in report.findings):
        raise SystemExit(1)


def _targets(files: tuple[str, ...], config) -> list[tuple[str, object]]:
    """The files to check with their document group: FILES (minus ignored ones), else the config's globs."""
    if files:
        return [(path, config.spec_for(path)) for path in files
                if path == "-" or not config.is_ignored(path)]
    return [(os.path.relpath(path), spec) for path, spec in config.expand_documents()]


def _progress(documents: list):
    """A progress callback drawing a bar on a terminal for long runs, else ``None``."""
    total = sum(len(getattr(document, "segments", ())) for document in documents)
    if total < 5000 or verbosity() < 0 or not sys.stderr.isatty():
        return None
    bar = click.progressbar(length=total, label="checking", file=sys.stderr)
    done = [0]

    def advance(segments_done: int) -> None:
        bar.update(segments_done - done[0])
        done[0] = segments_done
        if segments_done >= total:
            bar.render_finish()

    return advance


def _read_documents(targets: list[tuple[str, object]], parallel: tuple[tuple[str, str], ...],
                    source_lang: str | None, target_lang: str | None, input_format: str | None = None) -> list:
    """Every document to check, read fully (so input errors come first).

    A file's document group in the config supplies the format and languages the file cannot
    give itself; --source/--target override both.
    """
    from trilex.bitext import read_document, read_parallel
    from trilex.check.article import Article

    documents: list = []
    for path, spec in targets:
        source = source_lang or getattr(spec, "source", None)
        target = target_lang or getattr(spec, "target", None)
        if path.lower().endswith(".txt"):
            documents.append(Article.read(path, source or "th"))
            continue
        document = read_document(path, format=input_format or getattr(spec, "format", None),
                                 source_lang=source, target_lang=target, include_fuzzy=True)
        if getattr(spec, "accelerator", None):
            document.accelerator = spec.accelerator
        if getattr(spec, "placeholders", None) is not None:
            document.placeholder_syntaxes = tuple(spec.placeholders)
        documents.append(document)
    for source_path, target_path in parallel:
        if not source_lang or not target_lang:
            raise click.UsageError("--parallel needs --source and --target")
        documents.append(read_parallel(source_path, target_path, source_lang, target_lang))
    return documents
