"""Errors that trilex reports to users as one line: ``FILE:LINE: what is wrong``."""

from __future__ import annotations

from os import PathLike


class TrilexError(Exception):
    """An error a user can act on; the CLI prints it as one line and exits with code 2."""

    def __init__(self, message: str, path: str | PathLike[str] | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.message


class InputError(TrilexError):
    """A file (or stdin) that trilex cannot read: malformed, wrong format, hostile, undecodable."""


class ConfigError(TrilexError):
    """A configuration file or option value that is wrong."""


class OutputError(TrilexError):
    """A file trilex cannot write (missing folder, no permission, disk full)."""
