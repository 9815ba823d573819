"""What the terminal allows: colour only on a terminal, and never when ``NO_COLOR`` is set."""

from __future__ import annotations

import os
from typing import TextIO


def use_colour(stream: TextIO) -> bool:
    """Whether to colour output written to ``stream`` (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ
