"""The line where an XML start tag begins.

lxml's ``sourceline`` is the line where a start tag *ends*: for
``<trans-unit⏎ id="a">`` it says line 2. Findings must point where the unit begins, so
:class:`StartLines` walks back from ``sourceline`` to the line holding ``<trans-unit``.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from trilex.bitext.inline import local_name

_LOOKBACK = 200  # lines a start tag may span


class StartLines:
    """Maps elements of a document parsed from ``data`` to the line of their ``<``."""

    def __init__(self, data: bytes):
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            data = data.decode("utf-16").encode("utf-8")
        self._lines = data.split(b"\n")
        self._patterns: dict[str, re.Pattern[bytes]] = {}

    def __call__(self, element: etree._Element) -> int | None:
        """The 1-based line where ``element``'s start tag begins (lxml's line if not found)."""
        line = element.sourceline
        if line is None or line > len(self._lines):
            return line
        name = local_name(element.tag)
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = re.compile(
                rb"<(?:[\w.-]+:)?" + re.escape(name.encode()) + rb"(?=[\s>/]|$)")
        for number in range(line, max(line - _LOOKBACK, 0), -1):
            if pattern.search(self._lines[number - 1]):
                return number
        return line
