"""``whitespace-mismatch``: leading or trailing whitespace, or line breaks and tabs, that differ.

msgfmt's rule first: a msgid that begins or ends with a newline needs a msgstr that does too.
Then leading and trailing spaces (a label ``"Name: "`` glued to a value) and the number of
line breaks and tabs inside. Spaces inside the text are not compared: Thai separates phrases
and sentences with spaces where English uses none or punctuation. Where the file lets tools
normalize white space (XLIFF without ``xml:space="preserve"``, such as Angular's, whose texts
carry the template's indentation) nothing is compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.segment import QaUnit, unit_check

CODE = "whitespace-mismatch"
_SPACE = " \t\n\r\u00a0\u2009\u202f\u3000"
_NAMES = {"\n": "newline", "\t": "tab", " ": "space", "\r": "carriage return", "\u00a0": "no-break space",
          "\u3000": "ideographic space"}


def _describe(whitespace: str) -> str:
    names = [_NAMES.get(char, f"U+{ord(char):04X}") for char in whitespace]
    if len(set(names)) == 1:
        return names[0] if len(names) == 1 else f"{len(names)} {names[0]}s"
    return " + ".join(names)


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip(_SPACE))]


def _trailing(text: str) -> str:
    return text[len(text.rstrip(_SPACE)):]


@unit_check(
    CODE, Severity.WARNING,
    "Leading/trailing whitespace or a trailing newline on one side only; different newline or tab counts.",
    "Spaces inside the text are not compared (Thai separates phrases with spaces).",
)
def check_whitespace(unit: QaUnit) -> Iterator[Finding]:
    """The whitespace findings of one unit."""
    source, target = unit.source_text, unit.target_text
    if not target.strip(_SPACE) or not unit.segment.space_preserved:
        return
    for side, source_ws, target_ws in (("begins", _leading(source), _leading(target)),
                                       ("ends", _trailing(source), _trailing(target))):
        if _key(source_ws) == _key(target_ws):
            continue
        at = 0 if side == "begins" else len(target) - len(target_ws)
        target_span = Span(at, at + len(target_ws), target_ws)
        if source_ws:
            message = f"the source {side} with {_describe(source_ws)}, the target " + (
                f"with {_describe(target_ws)}" if target_ws else "does not")
        else:
            message = f"the target {side} with {_describe(target_ws)}, the source does not"
        yield unit.finding(CODE, message, target_span=target_span, fix=Fix(target_span, source_ws))
    for char, name in (("\n", "line breaks"), ("\t", "tabs")):
        inner_source = source.strip(_SPACE).count(char)
        inner_target = target.strip(_SPACE).count(char)
        if inner_source != inner_target:
            yield unit.finding(CODE, f"the source has {inner_source} {name} inside, the target {inner_target}")


def _key(whitespace: str) -> tuple[bool, bool]:
    """What must agree: whether there is whitespace at all, and whether it holds a newline."""
    return bool(whitespace), "\n" in whitespace
