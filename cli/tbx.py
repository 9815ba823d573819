"""``trilex tbx``: termbase commands (placeholder until the TBX formats land)."""

import click


@click.group()
def cli() -> None:
    """Read, validate, convert and show TBX/CSV termbases."""
