"""The ``trilex`` entry point.

Subcommands live in their own modules and are imported only when used, so ``trilex --help``
and small checks start quickly. To add a command, add one line to :data:`COMMANDS`.
"""

from __future__ import annotations

import sys
import warnings

import click

from trilex import __version__
from trilex.errors import InputWarning, TrilexError

#: command name → "module:attribute" of its click command, in the order ``--help`` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "tbx": ("trilex.cli.tbx", "Read, validate, convert and show TBX/CSV termbases; browsable HTML page."),
    "extract": ("trilex.cli.extract", "Build a termbase from articles that gloss terms inline."),
    "check": ("trilex.cli.check", "Check translations against a termbase (missing, forbidden, inconsistent terms)."),
    "suggest": ("trilex.cli.suggest", "List the termbase terms in a sentence and their approved translations."),
    "tm": ("trilex.cli.tm", "Translation memory: import, fuzzy search, concordance, stats, TMX export."),
    "score": ("trilex.cli.score", "Score MT output against references: BLEU, chrF, TER (right for th/zh)."),
    "align": ("trilex.cli.align", "Align parallel documents sentence by sentence into TMX or a TM (th/zh/en)."),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name = COMMANDS[name][0]
        module = __import__(module_name, fromlist=["cli"])
        return getattr(module, "cli")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above, so ``--help`` imports nothing heavy.
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except TrilexError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(2)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as the CLI's own one-line output (``FILE:LINE: warning: …``), none with ``-q``."""
    from trilex.cli.common import verbosity

    if verbosity() < 0:
        return
    text = str(message) if isinstance(message, InputWarning) else f"warning: {message}"
    click.echo(text, err=True)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="trilex")
@click.option("-v", "--verbose", count=True, help="Say more (repeat for even more).")
@click.option("-q", "--quiet", is_flag=True, help="Print only findings and errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Terminology and translation memory for Thai, Chinese and English.

    \b
    Examples:
      trilex tbx show termbase.tbx "ศูนย์ข้อมูล"
      trilex tbx convert glossary.csv glossary.tbx
    """
    ctx.obj = {"verbosity": -1 if quiet else verbose}


def main() -> None:
    """Run the command line (the ``trilex`` console script)."""
    cli(prog_name="trilex")
