"""``tag-mismatch``: markup missing, extra, unbalanced or with a changed link in the target.

Two kinds of markup are compared:

* **Markup written in the text** — HTML, Pango, Android (``<b>``, ``<a href="…">``, ``<br/>``,
  ``<xliff:g id="n">``). A ``<word>`` counts as markup when it is a known element, has
  attributes, or is closed in the same text: ``Usage: panel <file>`` names a metavariable, not
  a tag, and a translator may translate it.
* **XLIFF/TMX paired inline codes** (``<g>``, ``<pc>``, ``<bpt>``/``<ept>``, ``<sc>``/``<ec>``,
  ``<bx>``/``<ex>``, ``<it>``, Angular's ``<x id="START_LINK"/>`` … ``<x id="CLOSE_LINK"/>``),
  read by the XLIFF and TMX readers into ``Segment.source_codes``/``target_codes``.

Order may change (Thai and Chinese put things elsewhere); counts, balance and the attribute
values that matter (``href``, ``src``, Android's ``id``) may not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from trilex.bitext.model import InlineCode
from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.codes.inline_codes import angular_tag, code_differences, code_key, code_span, markup_codes
from trilex.check.qa.segment import QaUnit, unit_check, unmatched

CODE = "tag-mismatch"
_TAG = re.compile(
    r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>/]+))?)*)\s*(/?)>")
_ATTRIBUTE = re.compile(r"([\w:.-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>/]+)))?")
_KNOWN = frozenset("""
a abbr b big blockquote br button caption cite code dd del dfn div dl dt em font h1 h2 h3 h4 h5 h6
hr i img input ins kbd label li mark ol p pre q s samp small span strike strong sub sup table tbody
td tfoot th thead tr tt u ul var wbr annotation xliff:g
""".split())
_VOID = frozenset({"br", "hr", "img", "input", "wbr"})
#: Attributes whose value must survive translation.
_KEPT_ATTRIBUTES = frozenset({"href", "src", "id"})


@dataclass(frozen=True)
class _Tag:
    kind: str  # "open", "close", "empty"
    name: str
    kept: tuple[tuple[str, str], ...]  # (attribute, value) of the attributes that must survive
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        return self.kind, self.name, self.kept


def find_tags(text: str) -> list[_Tag]:
    """The markup tags in ``text`` (metavariables such as ``<file>`` left out)."""
    if "<" not in text:
        return []
    matches = list(_TAG.finditer(text))
    closed = {match.group(2).lower() for match in matches if match.group(1)}
    tags: list[_Tag] = []
    for match in matches:
        slash, name, attributes, empty = match.groups()
        name = name.lower()
        if name not in _KNOWN and not attributes.strip() and name not in closed:
            continue
        kind = "close" if slash else "empty" if empty or name in _VOID else "open"
        # findall gives "" for the two value spellings not used: the value is the one given
        kept = tuple(sorted((key.lower(), next((value for value in values if value), ""))
                            for key, *values in _ATTRIBUTE.findall(attributes)
                            if key.lower() in _KEPT_ATTRIBUTES))
        tags.append(_Tag(kind, name, kept, match.start(), match.end(), match.group()))
    return tags


@unit_check(
    CODE, Severity.ERROR,
    "Markup (<b>, <a href>, Pango, Android) or XLIFF/TMX paired inline codes missing, extra, unbalanced or altered.",
    "Order may change; counts, balance and href/src/id values may not. <word> metavariables are not tags.",
)
def check_tags(unit: QaUnit) -> Iterator[Finding]:
    """The markup findings of one unit."""
    yield from _text_markup(unit)
    if unit.segment.source_codes or unit.segment.target_codes:
        yield from _inline_codes(unit)


def _text_markup(unit: QaUnit) -> Iterator[Finding]:
    source = find_tags(unit.source_text)
    target = find_tags(unit.target_text)
    if not source and not target:
        return
    source_count = Counter(tag.key for tag in source)
    target_count = Counter(tag.key for tag in target)
    if source_count != target_count:
        missing = unmatched(source, [tag.key for tag in source], target_count)
        extra = unmatched(target, [tag.key for tag in target], source_count)
        for lost in list(missing):
            changed = next((tag for tag in extra if (tag.kind, tag.name) == (lost.kind, lost.name)), None)
            if changed is None or not lost.kept:
                continue
            missing.remove(lost)
            extra.remove(changed)
            yield unit.finding(CODE, f"{_describe(lost)} is altered in the target: {changed.text}",
                               source_span=_span(lost), target_span=_span(changed),
                               suggestion=lost.text, fix=Fix(_span(changed), lost.text))
        for lost in missing:
            yield unit.finding(CODE, f"{lost.text} in the source is missing in the target", source_span=_span(lost))
        for added in extra:
            yield unit.finding(CODE, f"{added.text} in the target is not in the source", target_span=_span(added))
    elif _balanced(source) and not _balanced(target):
        yield unit.finding(CODE, "the target's tags are not properly nested or closed (the source's are)",
                           target_span=_span(target[0]))


def _describe(tag: _Tag) -> str:
    attributes = " ".join(f'{key}="{value}"' for key, value in tag.kept)
    return f"<{tag.name} {attributes}>"


def _balanced(tags: list[_Tag]) -> bool:
    stack: list[str] = []
    for tag in tags:
        if tag.kind == "open":
            stack.append(tag.name)
        elif tag.kind == "close":
            if not stack or stack.pop() != tag.name:
                return False
    return not stack


def _span(tag: _Tag) -> Span:
    return Span(tag.start, tag.end, tag.text)


def _code_identity(code: InlineCode, fmt: str) -> tuple[str, str]:
    angular = angular_tag(code)
    if angular is not None:
        return angular
    return code.kind, f"{code.element}:{code_key(code, fmt)}"


def _inline_codes(unit: QaUnit) -> Iterator[Finding]:
    fmt = unit.document.format
    source = markup_codes(unit.segment.source_codes)
    target = markup_codes(unit.segment.target_codes)
    differences = list(code_differences(unit, CODE, source, target, lambda code: _code_identity(code, fmt)))
    if differences:
        yield from differences
        return
    unclosed = _unpaired(target)
    if unclosed is not None and _unpaired(source) is None:
        yield unit.finding(CODE, f"inline code {unclosed.markup} in the target is not paired with its other end",
                           target_span=code_span(unclosed, unit.target_text))


def _unpaired(codes: list[InlineCode]) -> InlineCode | None:
    """The first opening or closing code without its other end (in order), or ``None``."""
    open_codes: dict[tuple[str, str | None], list[InlineCode]] = {}
    for code in codes:
        angular = angular_tag(code)
        kind, ident = angular if angular else (code.kind, code.id)
        if kind == "open":
            open_codes.setdefault((code.element, ident), []).append(code)
        elif kind == "close":
            element = code.element if angular else _OPENER.get(code.element, code.element)
            waiting = open_codes.get((element, ident))
            if not waiting:
                return code
            waiting.pop()
    return next((stack[0] for stack in open_codes.values() if stack), None)


_OPENER = {"ept": "bpt", "ec": "sc", "ex": "bx", "em": "sm"}
