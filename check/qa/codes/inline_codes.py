"""Which XLIFF/TMX inline codes are placeholders and which are markup.

Standalone codes (``<x/>``, ``<ph/>``, TMX ``<ut>``) are placeholders — ``<x id="INTERPOLATION"/>``
stands for ``{{ name }}`` — except where Angular writes a tag as a pair of them,
``<x id="START_LINK" ctype="x-a"/>`` … ``<x id="CLOSE_LINK" ctype="x-a"/>``: those open and close
markup. Paired codes (``<g>``, ``<pc>``, ``<bpt>``/``<ept>``, ``<sc>``/``<ec>``, ``<bx>``/``<ex>``,
``<it>``) are markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator

from trilex.bitext.model import InlineCode
from trilex.check.findings import Finding, Span
from trilex.check.qa.segment import QaUnit, unmatched

_ANGULAR_TAG = re.compile(r"^(START|CLOSE)_(.+?)(?:_\d+)?$")


def angular_tag(code: InlineCode) -> tuple[str, str] | None:
    """``("open"|"close", name)`` for an Angular tag written as ``<x id="START_…"/>``, else ``None``."""
    if code.kind != "standalone" or not code.id:
        return None
    match = _ANGULAR_TAG.match(code.id)
    if match is None:
        return None
    return ("open" if match.group(1) == "START" else "close"), match.group(2)


def placeholder_codes(codes: Iterable[InlineCode]) -> list[InlineCode]:
    """The codes that are placeholders."""
    return [code for code in codes if code.kind == "standalone" and angular_tag(code) is None]


def markup_codes(codes: Iterable[InlineCode]) -> list[InlineCode]:
    """The codes that are markup (paired codes, isolated ends, Angular START_/CLOSE_ tags)."""
    return [code for code in codes if code.kind != "standalone" or angular_tag(code) is not None]


def code_key(code: InlineCode, format: str) -> str:
    """What a code is compared by across languages: its id in XLIFF, its native code in TMX
    (for a code that wraps text, whose content is translated: its id, else its type)."""
    if format == "tmx" and code.element != "hi":
        return code.native or code.id or code.element
    return code.id if code.id is not None else (code.native or code.element)


def code_span(code: InlineCode, text: str) -> Span:
    """Where ``code`` stands in the flattened ``text``: its U+FFFC, or an empty span for a paired code."""
    position = min(code.position, len(text))
    length = 1 if code.kind == "standalone" and position < len(text) else 0
    return Span(position, position + length, text[position:position + length])


def code_differences(unit: QaUnit, code: str, source: list[InlineCode], target: list[InlineCode],
                     key: Callable[[InlineCode], Hashable]) -> Iterator[Finding]:
    """Findings of check ``code`` for the source codes missing in the target and the extra target ones."""
    source_keys = [key(item) for item in source]
    target_keys = [key(item) for item in target]
    if Counter(source_keys) == Counter(target_keys):
        return
    for item in unmatched(source, source_keys, target_keys):
        yield unit.finding(code, f"inline code {item.markup} of the source is missing in the target",
                           source_span=code_span(item, unit.source_text))
    for item in unmatched(target, target_keys, source_keys):
        yield unit.finding(code, f"inline code {item.markup} in the target is not in the source",
                           target_span=code_span(item, unit.target_text))
