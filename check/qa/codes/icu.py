"""A reader of ICU MessageFormat patterns, for the argument names a translation must keep.

``{count, plural, =0 {No files} one {# file} other {# files}}`` has the argument ``count``;
the arguments of its sub-messages (``{name}`` inside ``other {…}``) count too. The plural and
select keywords may differ between languages — Thai and Chinese need only ``other`` — so only
argument names are compared, never the selectors.

Quoting follows ICU: an apostrophe quotes a following ``{``, ``}`` (``#`` and ``|`` in plural
messages) up to the next single apostrophe; ``''`` is one apostrophe; any other apostrophe
is text (``don't``). A malformed pattern raises :class:`IcuSyntaxError` with the offset.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"\s*([^\s{},#'=]+)\s*")
_SELECTOR = re.compile(r"\s*(=-?\d+(?:\.\d+)?|[A-Za-z_][\w-]*)\s*")
_OFFSET = re.compile(r"\s*offset\s*:\s*\d+\s*")
_SUBMESSAGE_TYPES = frozenset({"plural", "select", "selectordinal"})
_SIMPLE_TYPES = frozenset({"number", "date", "time", "spellout", "ordinal", "duration"})


class IcuSyntaxError(ValueError):
    """A pattern that is not valid MessageFormat; ``offset`` is where reading failed."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def argument_names(pattern: str) -> list[str]:
    """Every argument name in ``pattern``, sub-messages included, in order of appearance."""
    reader = _Reader(pattern)
    names: list[str] = []
    reader.message(names, in_plural=False, nested=False)
    return names


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, message: str) -> IcuSyntaxError:
        return IcuSyntaxError(message, self.pos)

    def message(self, names: list[str], *, in_plural: bool, nested: bool) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char == "'":
                self._quote(in_plural)
            elif char == "{":
                self.pos += 1
                self.argument(names)
            elif char == "}":
                if nested:
                    return
                raise self.fail("unmatched '}'")
            else:
                self.pos += 1
        if nested:
            raise self.fail("a sub-message is not closed with '}'")

    def _quote(self, in_plural: bool) -> None:
        text = self.text
        following = text[self.pos + 1:self.pos + 2]
        if following == "'":
            self.pos += 2
            return
        if following and (following in "{}" or (in_plural and following in "#|")):
            end = text.find("'", self.pos + 1)
            self.pos = len(text) if end < 0 else end + 1
            return
        self.pos += 1

    def argument(self, names: list[str]) -> None:
        start = self.pos
        match = _NAME.match(self.text, self.pos)
        if match is None:
            raise self.fail("an argument without a name")
        names.append(match.group(1))
        self.pos = match.end()
        if self._take("}"):
            return
        if not self._take(","):
            self.pos = start
            raise self.fail(f"expected ',' or '}}' after the argument name {match.group(1)!r}")
        kind = _NAME.match(self.text, self.pos)
        if kind is None:
            raise self.fail("an argument without a type after ','")
        self.pos = kind.end()
        argument_type = kind.group(1)
        if argument_type in _SUBMESSAGE_TYPES:
            if not self._take(","):
                raise self.fail(f"'{argument_type}' needs its cases after ','")
            self.cases(names, argument_type)
        elif self._take(","):
            self._style()
        elif not self._take("}"):
            raise self.fail(f"expected '}}' after the type {argument_type!r}")
        elif argument_type not in _SIMPLE_TYPES and not argument_type.isidentifier():
            raise self.fail(f"unknown argument type {argument_type!r}")

    def cases(self, names: list[str], argument_type: str) -> None:
        if argument_type != "select":
            offset = _OFFSET.match(self.text, self.pos)
            if offset is not None:
                self.pos = offset.end()
        keywords: list[str] = []
        while True:
            if self._take("}"):
                break
            selector = _SELECTOR.match(self.text, self.pos)
            if selector is None:
                raise self.fail("expected a case keyword (one, other, =0…) or '}'")
            keywords.append(selector.group(1))
            self.pos = selector.end()
            if not self._take("{"):
                raise self.fail(f"expected '{{' after the case {selector.group(1)!r}")
            self.message(names, in_plural=argument_type != "select", nested=True)
            self.pos += 1  # the sub-message's '}'
        if not keywords:
            raise self.fail(f"'{argument_type}' without any case")
        if "other" not in keywords:
            raise self.fail(f"'{argument_type}' without the required 'other' case")

    def _style(self) -> None:
        depth = 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 1
            if char == "{":
                depth += 1
            elif char == "}":
                if depth == 0:
                    return
                depth -= 1
        raise self.fail("an argument style is not closed with '}'")

    def _take(self, char: str) -> bool:
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text.startswith(char, pos):
            self.pos = pos + 1
            return True
        return False
