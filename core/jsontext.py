"""Indented JSON written at the speed of the C encoder: reports with a million findings.

``json.dump(..., indent=2)`` runs Python's pure-Python encoder over every value, about 0.7 ms a
finding. :func:`dump_indented` indents the outline of the document the same way, but writes
each small object of a list (a finding, a SARIF result) on one line of its own with the C
encoder: as readable, one finding per line in a diff, and many times faster.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

#: A list's objects up to this many characters (compact) are written on one line each.
ONE_LINE = 2_000


def dump_indented(data: Any, stream: TextIO, indent: int = 2) -> None:
    """Write ``data`` as UTF-8 JSON text (not ASCII-escaped), indented, with a final newline."""
    _write(data, stream, 0, indent)
    stream.write("\n")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _write(value: Any, stream: TextIO, level: int, indent: int) -> None:
    inner = " " * (indent * (level + 1))
    if isinstance(value, dict) and value:
        stream.write("{")
        for number, (key, item) in enumerate(value.items()):
            stream.write(("," if number else "") + "\n" + inner + json.dumps(str(key), ensure_ascii=False) + ": ")
            _write(item, stream, level + 1, indent)
        stream.write("\n" + " " * (indent * level) + "}")
    elif isinstance(value, list) and value and any(isinstance(item, (dict, list)) for item in value):
        stream.write("[")
        for number, item in enumerate(value):
            stream.write(("," if number else "") + "\n" + inner)
            text = _compact(item)
            if len(text) <= ONE_LINE or not isinstance(item, (dict, list)):
                stream.write(text)
            else:
                _write(item, stream, level + 1, indent)
        stream.write("\n" + " " * (indent * level) + "]")
    else:
        stream.write(_compact(value))
