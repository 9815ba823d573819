"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import os

import click


def verbosity(ctx: click.Context | None = None) -> int:
    """-1 with ``-q``, 0 by default, 1+ with ``-v``."""
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    return (root.obj or {}).get("verbosity", 0)


def info(message: str) -> None:
    """Print a progress/status message to stderr unless ``-q`` was given."""
    if verbosity() >= 0:
        click.echo(message, err=True)


def debug(message: str) -> None:
    """Print a message to stderr only with ``-v``."""
    if verbosity() >= 1:
        click.echo(message, err=True)


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: int | bool) -> None:
    if not value:
        return
    root = ctx.find_root()
    root.obj = root.obj or {}
    root.obj["verbosity"] = -1 if param.name == "quiet" else int(value)


def verbosity_options(command):
    """Add ``-v/--verbose`` and ``-q/--quiet`` to a subcommand (they also work before it)."""
    command = click.option("-v", "--verbose", count=True, expose_value=False, is_eager=True,
                           callback=_set_verbosity, help="Say more (repeat for more).")(command)
    command = click.option("-q", "--quiet", is_flag=True, expose_value=False, is_eager=True,
                           callback=_set_verbosity, help="Print only results and errors.")(command)
    return command


def jobs_option(help: str):
    """The ``--jobs/-j`` option: worker processes, by default the machine's cores."""
    return click.option("--jobs", "-j", type=click.IntRange(1), default=lambda: os.cpu_count() or 1,
                        show_default="the machine's cores", help=help)
