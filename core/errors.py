"""Errors and warnings that trilex reports to users as one line: ``FILE:LINE: what is wrong``.

Errors are exceptions (:class:`TrilexError` and its kinds); the CLI prints them and exits 2.
Warnings — a file read with a repair or a value kept as written — go through
:func:`warn_input`, which issues an :class:`InputWarning` by Python's ``warnings`` machinery; the
CLI shows each one as ``FILE:LINE: warning: …`` on stderr (silenced by ``-q``), and a library
caller can filter or record them like any warning. Messages longer than
:data:`MAX_MESSAGE` characters are cut (a list of 10,000 column names is not a message).
"""

from __future__ import annotations

import warnings
from os import PathLike

#: Longest message shown; longer ones are cut with a count of what was left out.
MAX_MESSAGE = 300


def shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` cut to about ``limit`` characters, saying how much was left out."""
    if len(message) <= limit:
        return message
    return message[:limit].rstrip() + f"… ({len(message) - limit:,} more characters)"


def location(path: str | None, line: int | None) -> str:
    """``FILE:LINE: `` (or ``FILE: ``, or nothing) in front of a message."""
    if path is None:
        return ""
    return (path if line is None else f"{path}:{line}") + ": "


class _Located:
    """A message about a place in a file: ``message``, ``path`` and ``line`` (each may be unknown)."""

    def __init__(self, message: str, path: str | PathLike[str] | None = None, line: int | None = None):
        super().__init__(message)
        self.message = shorten(message)
        self.path = None if path is None else str(path)
        self.line = line


class TrilexError(_Located, Exception):
    """An error a user can act on; the CLI prints it as one line and exits with code 2."""

    def __str__(self) -> str:
        return location(self.path, self.line) + self.message


class InputError(TrilexError):
    """A file (or stdin) that trilex cannot read: malformed, wrong format, hostile, undecodable."""


class ConfigError(TrilexError):
    """A configuration file or option value that is wrong."""


class OutputError(TrilexError):
    """A file trilex cannot write (missing folder, no permission, disk full)."""


class InputWarning(_Located, UserWarning):
    """Something in a file that trilex read anyway (a repair, a value kept as written)."""

    def __str__(self) -> str:
        return location(self.path, self.line) + "warning: " + self.message


def warn_input(message: str, path: str | PathLike[str] | None = None, line: int | None = None) -> None:
    """Issue an :class:`InputWarning` about ``path``/``line``."""
    warnings.warn(InputWarning(message, path, line), stacklevel=2)
