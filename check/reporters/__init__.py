"""Reporters: one module per output format, each registering itself with
:func:`trilex.check.report.reporter`.

Adding a format = adding a module here and one line to :data:`FORMAT_MODULES`. Only the module
of the format asked for is imported, so a plain-text run does not pay for SARIF or JUnit.
"""

from __future__ import annotations

import importlib

from trilex.check.report import REPORTERS, Reporter

#: format name → module (in this package) that registers it.
FORMAT_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
}


def get_reporter(name: str) -> Reporter:
    """The reporter registered for the format ``name`` (importing just its module)."""
    if name not in REPORTERS:
        importlib.import_module(f"{__name__}.{FORMAT_MODULES[name]}")
    return REPORTERS[name]


def load_reporters() -> dict[str, Reporter]:
    """Import every reporter module and return the registry (format name → reporter)."""
    for name in FORMAT_MODULES:
        get_reporter(name)
    return REPORTERS
