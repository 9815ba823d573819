"""``placeholder-mismatch``: format placeholders missing, extra or altered in the target.

A program fills placeholders at run time; one lost, added or changed crashes it or shows the
wrong value. Which syntaxes a unit uses comes from :mod:`.placeholder_syntax` (PO flags, the
config, else the source). Comparison:

* printf: by argument — ``%s %d`` and ``%2$d … %1$s`` agree (reordering needs positions);
  ``%s %d`` → ``%d %s`` does not. With ``c-format`` a ``%`` that starts no directive in the
  target is reported too (``50% ของ`` prints garbage).
* every other syntax: the same placeholders, in any order, as many times each;
* ICU MessageFormat: the same argument names (sub-messages included); a pattern that does not
  parse is a finding, never a crash;
* XLIFF/TMX standalone inline codes (``<x id="INTERPOLATION"/>``, ``<ph>``): the same codes by id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.codes.icu import IcuSyntaxError, argument_names
from trilex.check.qa.codes.inline_codes import code_differences, code_key, placeholder_codes
from trilex.check.qa.codes.placeholder_syntax import (
    Placeholder, find_placeholders, invalid_printf, syntaxes_for)
from trilex.check.qa.segment import QaUnit, quoted, unit_check, unmatched

CODE = "placeholder-mismatch"
_STRICT_PRINTF_FLAGS = frozenset({"c-format", "objc-format", "php-format", "gcc-internal-format"})
_POSITION = re.compile(r"^%([1-9]\d*)\$")


@unit_check(
    CODE, Severity.ERROR,
    "Format placeholders (%s, {name}, %(n)d, ICU arguments, <x/> codes…) missing, extra or altered in the target.",
    "Syntaxes come from PO flags (c-format, python-format, no-c-format…), the config's 'placeholders', "
    "else the source. Positional printf may be reordered; ICU plural cases may differ.",
)
def check_placeholders(unit: QaUnit) -> Iterator[Finding]:
    """The placeholder findings of one unit."""
    segment = unit.segment
    syntaxes = syntaxes_for(unit.source_text, unit.target_text, segment.flags, unit.document.placeholder_syntaxes)
    if "icu" in syntaxes:
        yield from _icu(unit)
        syntaxes = syntaxes - {"python-brace", "icu"}
    if syntaxes:
        strict = bool(segment.flags & _STRICT_PRINTF_FLAGS)
        source = find_placeholders(unit.source_text, syntaxes, strict_printf=strict)
        target = find_placeholders(unit.target_text, syntaxes, strict_printf=strict)
        yield from _compare(unit, source, target)
        if strict and "printf" in syntaxes:
            yield from _invalid_directives(unit, source, target)
    if segment.source_codes or segment.target_codes:
        yield from _compare_codes(unit)


def _canonical(placeholders: list[Placeholder]) -> list[str]:
    """Comparison keys; printf ones as ``position$body`` so ``%s`` and ``%1$s`` agree."""
    keys: list[str] = []
    position = 0
    for placeholder in placeholders:
        if placeholder.syntax != "printf":
            keys.append(placeholder.key)
            continue
        match = _POSITION.match(placeholder.text)
        if match:
            keys.append(f"{match.group(1)}${placeholder.text[match.end():]}")
        else:
            position += 1
            keys.append(f"{position}${placeholder.text[1:]}")
    return keys


def _compare(unit: QaUnit, source: list[Placeholder], target: list[Placeholder]) -> Iterator[Finding]:
    source_keys, target_keys = _canonical(source), _canonical(target)
    if Counter(source_keys) == Counter(target_keys):
        return
    source_bodies = Counter(_body(p) for p in source)
    if source_bodies == Counter(_body(p) for p in target) and any(p.ordered for p in target):
        yield unit.finding(
            CODE, f"printf placeholders change order ({' '.join(p.text for p in source)} → "
                  f"{' '.join(p.text for p in target)}); reordering needs positions such as %1$s",
            target_span=Span(target[0].start, target[-1].end, unit.target_text[target[0].start:target[-1].end]))
        return
    missing = unmatched(source, source_keys, Counter(target_keys))
    extra = unmatched(target, target_keys, Counter(source_keys))
    for lost in list(missing):
        found = next((added for added in extra if added.syntax == lost.syntax), None)
        if found is None:
            continue
        missing.remove(lost)
        extra.remove(found)
        yield unit.finding(
            CODE, f"'{lost.text}' in the source is altered to '{found.text}' in the target",
            source_span=_span(lost, unit.source_text), target_span=_span(found, unit.target_text),
            suggestion=lost.text, fix=Fix(_span(found, unit.target_text), lost.text))
    for lost in missing:
        yield unit.finding(CODE, f"'{lost.text}' in the source is missing in the target",
                           source_span=_span(lost, unit.source_text))
    for added in extra:
        yield unit.finding(CODE, f"'{added.text}' in the target is not in the source",
                           target_span=_span(added, unit.target_text))


def _body(placeholder: Placeholder) -> str:
    match = _POSITION.match(placeholder.text)
    return placeholder.text[match.end():] if match else placeholder.text.lstrip("%")


def _span(placeholder: Placeholder, text: str) -> Span:
    return Span(placeholder.start, placeholder.end, text[placeholder.start:placeholder.end])


def _invalid_directives(unit: QaUnit, source: list[Placeholder], target: list[Placeholder]) -> Iterator[Finding]:
    source_bad = {what for _, what in invalid_printf(unit.source_text, source)}
    for offset, what in invalid_printf(unit.target_text, target):
        if what in source_bad:
            continue
        shown = what.rstrip()
        yield unit.finding(
            CODE, f"'{shown}' in the target starts no valid printf directive (c-format); write '%%' for a percent sign",
            target_span=Span(offset, offset + 1, "%"), suggestion="%%", fix=Fix(Span(offset, offset + 1, "%"), "%%"))


def _icu(unit: QaUnit) -> Iterator[Finding]:
    names: dict[str, list[str]] = {}
    for side, text in (("source", unit.source_text), ("target", unit.target_text)):
        try:
            names[side] = argument_names(text)
        except IcuSyntaxError as error:
            yield unit.finding(CODE, f"the {side} is not a valid ICU message: {error} (at character {error.offset + 1})",
                               **{f"{side}_span": _point(text, error.offset)})
            return
    source_names, target_names = names["source"], names["target"]
    missing = sorted(set(source_names) - set(target_names), key=source_names.index)
    extra = sorted(set(target_names) - set(source_names), key=target_names.index)
    if missing:
        yield unit.finding(CODE, f"ICU argument(s) {quoted('{' + n + '}' for n in missing)} of the source "
                                 "missing in the target")
    if extra:
        yield unit.finding(CODE, f"ICU argument(s) {quoted('{' + n + '}' for n in extra)} in the target "
                                 "are not in the source")


def _point(text: str, offset: int) -> Span:
    offset = min(offset, max(len(text) - 1, 0))
    return Span(offset, offset + 1, text[offset:offset + 1])


def _compare_codes(unit: QaUnit) -> Iterator[Finding]:
    fmt = unit.document.format
    yield from code_differences(unit, CODE, placeholder_codes(unit.segment.source_codes),
                                placeholder_codes(unit.segment.target_codes), lambda code: code_key(code, fmt))
