"""Reporters: one module per output format, each registering itself with
:func:`trilex.check.report.reporter`. Adding a format = adding a module here.

:func:`load_reporters` imports every module of this package, so :data:`REPORTERS` is complete.
"""

from __future__ import annotations

import importlib
import pkgutil

from trilex.check.report import REPORTERS, Reporter


def load_reporters() -> dict[str, Reporter]:
    """Import all reporter modules and return the registry (format name → reporter)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return REPORTERS
