"""The registry of checks: each has a stable code, a default severity and a one-line summary.

Checks register themselves with :func:`register`, like sacrebleu's metrics; reporters (SARIF
rules, ``--help`` text, config validation) read :data:`CHECKS` and never import a check module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from trilex.check.findings import Severity


@dataclass(frozen=True)
class CheckInfo:
    """What a check is: its code (``missing-term``), default severity and descriptions."""

    code: str
    severity: Severity
    summary: str
    help: str = ""


#: check code → its description, in registration order.
CHECKS: dict[str, CheckInfo] = {}

F = TypeVar("F", bound=Callable)


def register(code: str, severity: Severity, summary: str, help: str = "") -> Callable[[F], F]:
    """Class/function decorator that records a check under ``code``; the object gets ``.info``."""

    def decorate(obj: F) -> F:
        if code in CHECKS:
            raise ValueError(f"check {code!r} registered twice")
        info = CheckInfo(code, severity, summary, help)
        CHECKS[code] = info
        obj.info = info  # type: ignore[attr-defined]
        return obj

    return decorate


def register_into(table: dict[str, F], code: str, severity: Severity, summary: str,
                  help: str = "") -> Callable[[F], F]:
    """:func:`register` the check and also record it in ``table`` (the runner's own registry:
    per-segment term checks, QA unit/document/run checks), under the same code."""

    def decorate(obj: F) -> F:
        register(code, severity, summary, help)(obj)
        table[code] = obj
        return obj

    return decorate
