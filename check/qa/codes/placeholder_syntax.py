"""Format placeholders in text: which syntaxes a unit uses, and the placeholders of a text.

Syntaxes (their names are what ``placeholders = [...]`` in the config takes):

=================  ==================================================  ==========================
name               placeholders                                        PO flag
=================  ==================================================  ==========================
``printf``         ``%s %d %ld %zu %jd %.*s %5.2f``, positional        ``c-format``, ``php-format``,
                   ``%1$s`` (``%%`` is a literal percent sign)         ``objc-format``…
``python``         ``%(name)s`` (and printf, as Python's ``%`` does)  ``python-format``
``python-brace``   ``{name}``, ``{0}``, ``{}``, ``{name!r:>10}``       ``python-brace-format``
``icu``            ICU MessageFormat arguments, see :mod:`.icu`        —
``mustache``       ``{{ name }}`` (Symfony/Twig, i18next, Handlebars)  —
``percent``        ``%name%`` (Symfony)                                —
``percent-brace``  ``%{name}`` (Ruby, Rails i18n)                      ``ruby-format``
``qt``             ``%1`` … ``%99``, ``%L1``                           ``qt-format``, ``kde-format``
``shell``          ``${VAR}`` (shell, debconf)                         ``sh-format``
=================  ==================================================  ==========================

A PO entry's ``X-format`` flags decide. Without them (or in XLIFF, TMX, CSV) the syntaxes are
judged from what the source and the target contain (a ``%s`` the translator added is as wrong
as one lost), cautiously: a printf reading is not taken for a source
that is a ``strftime`` format (``%Y-%m-%d``, GTK's ``%0``/``%Ey``), nor for ``% o`` in ``50% of``;
and a ``no-X-format`` flag — the programmer saying its ``%`` signs are not directives xgettext
knows — rules out every ``%`` syntax (its format is the program's own, such as a fuzzy clock's
``%0``/``%1``), leaving only the brace and ``${}`` ones to be judged from the source.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

SYNTAXES = ("printf", "python", "python-brace", "icu", "mustache", "percent", "percent-brace", "qt", "shell")

#: PO flag (without ``-format``) → the syntaxes it turns on.
_FLAG_SYNTAXES: dict[str, tuple[str, ...]] = {
    "c": ("printf",), "objc": ("printf",), "php": ("printf",), "gcc-internal": ("printf",),
    "gfc-internal": ("printf",), "awk": ("printf",), "perl": ("printf",), "tcl": ("printf",),
    "python": ("printf", "python"), "python-brace": ("python-brace",), "qt": ("qt",),
    "qt-plural": ("qt",), "kde": ("qt",), "kde-kuit": ("qt",), "sh": ("shell",), "ruby": ("percent-brace", "printf"),
    "javascript": ("printf",),
}

_PERCENT_SYNTAXES = frozenset({"printf", "python", "percent", "percent-brace", "qt"})

_PRINTF_BODY = r"[-+#0]*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?(?:hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I)?[diouxXeEfFgGaAcCsSpn@]"
#: Per syntax: the regular expression of one placeholder (named group per syntax).
_PATTERNS: dict[str, str] = {
    "mustache": r"\{\{-?\s*[A-Za-z_$][\w.$-]*(?:\s*\|[^{}]*)?\s*-?\}\}",
    "shell": r"\$\{[A-Za-z_]\w*\}",
    "percent-brace": r"%\{[A-Za-z_]\w*\}",
    "python": r"%\([A-Za-z_][\w.-]*\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]",
    "percent": r"%[A-Za-z_][\w.-]*[A-Za-z0-9_]%",
    "printf": r"%(?:[1-9]\d*\$)?" + _PRINTF_BODY,
    "qt": r"%L?[1-9]\d?(?!\d)",
    "python-brace": r"\{(?:[A-Za-z_]\w*|\d+)?(?:(?:\.[A-Za-z_]\w*)|\[[^\[\]{}]*\])*(?:![rsa])?(?::[^{}]*)?\}",
}
#: The order alternatives are tried at one position (earlier wins).
_ORDER = ("mustache", "shell", "percent-brace", "python", "percent", "printf", "qt", "python-brace")
_ESCAPED_PERCENT = r"%%"
_ESCAPED_BRACES = r"\{\{|\}\}"

_STRFTIME = re.compile(r"%[-_0^#]?[EO]?[YmHMBbyjkTRZzIUWVCDhrtwPl](?![diouxXeEfFgGaAcsSpn])|%[EO][a-zA-Z]|%0(?![\d.])")
_SPACE_FLAG_PRINTF = re.compile(r"% [-+#0]*\d*(?:\.\d+)?[a-zA-Z]")
_ICU_COMPLEX = re.compile(r"\{\s*[\w.-]+\s*,\s*(?:plural|select|selectordinal|number|date|time|spellout|ordinal|duration)\b")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder in a text: its syntax, as written, the key it is compared by, and where."""

    syntax: str
    text: str
    key: str
    start: int
    end: int

    @property
    def ordered(self) -> bool:
        """Whether its position among the text's placeholders matters (printf without ``n$``)."""
        return self.syntax == "printf" and "$" not in self.text


def syntaxes_for(source: str, target: str, flags: Collection[str],
                 configured: Collection[str] | None = None) -> frozenset[str]:
    """The placeholder syntaxes that apply to a unit with this source, target and PO flags.

    ``configured`` (from the config's document group) wins; then the unit's ``X-format`` flags;
    else what the texts contain, minus the syntaxes a ``no-X-format`` flag rules out.
    """
    if configured is not None:
        return frozenset(configured)
    turned_on: set[str] = set()
    ruled_out: set[str] = set()
    for flag in flags:
        if not flag.endswith("-format"):
            continue
        name = flag[: -len("-format")]
        if name.startswith("no-"):
            ruled_out.update(_PERCENT_SYNTAXES)
        else:
            turned_on.update(_FLAG_SYNTAXES.get(name, ()))
    if turned_on:
        return frozenset(turned_on)
    return frozenset(_detect(source) | _detect(target)) - ruled_out


def _detect(source: str) -> set[str]:
    found: set[str] = set()
    if "%" in source:
        if re.search(_PATTERNS["python"], source):
            found.add("python")
        if re.search(_PATTERNS["percent-brace"], source):
            found.add("percent-brace")
        if re.search(_PATTERNS["percent"], source):
            found.add("percent")
        if not _STRFTIME.search(source):
            without_space_flag = _SPACE_FLAG_PRINTF.sub("", source)
            if re.search(_PATTERNS["printf"], without_space_flag):
                found.add("printf")
            elif re.search(_PATTERNS["qt"], source):
                found.add("qt")
    if "{" in source:
        if _ICU_COMPLEX.search(source):
            found.add("icu")
        elif re.search(_PATTERNS["mustache"], source):
            found.add("mustache")
        elif re.search(_PATTERNS["python-brace"], source):
            found.add("python-brace")
    if "${" in source and re.search(_PATTERNS["shell"], source):
        found.add("shell")
    return found


@lru_cache(maxsize=64)
def _scanner(syntaxes: frozenset[str], strict_printf: bool) -> re.Pattern[str] | None:
    alternatives = []
    if syntaxes & _PERCENT_SYNTAXES:
        alternatives.append(f"(?P<escape>{_ESCAPED_PERCENT})")
    if "python-brace" in syntaxes:
        alternatives.append(f"(?P<braces>{_ESCAPED_BRACES})")
    for name in _ORDER:
        if name in syntaxes or (name == "printf" and "python" in syntaxes):
            pattern = _PATTERNS[name]
            if name == "printf" and strict_printf:
                pattern = pattern.replace("[-+#0]*", "[-+ #0']*", 1)
            alternatives.append(f"(?P<{name.replace('-', '_')}>{pattern})")
    return re.compile("|".join(alternatives)) if alternatives else None


def find_placeholders(text: str, syntaxes: frozenset[str], *, strict_printf: bool = False) -> list[Placeholder]:
    """The placeholders of ``syntaxes`` in ``text``, in text order (ICU is read by :mod:`.icu`).

    ``strict_printf`` (a unit flagged ``c-format``) also reads the space and ``'`` flags.
    """
    scanner = _scanner(syntaxes - {"icu"}, strict_printf)
    if scanner is None:
        return []
    found: list[Placeholder] = []
    for match in scanner.finditer(text):
        group = match.lastgroup
        if group in ("escape", "braces"):
            continue
        syntax = group.replace("_", "-")
        token = match.group()
        found.append(Placeholder(syntax, token, _key(syntax, token), match.start(), match.end()))
    return found


def invalid_printf(text: str, placeholders: Iterable[Placeholder]) -> list[tuple[int, str]]:
    """``%`` signs in a printf text that start no valid directive: ``(offset, what follows)``."""
    taken = {offset for placeholder in placeholders for offset in range(placeholder.start, placeholder.end)}
    bad: list[tuple[int, str]] = []
    index = text.find("%")
    while index >= 0:
        if text.startswith("%%", index):
            index = text.find("%", index + 2)
            continue
        if index not in taken:
            bad.append((index, text[index:index + 3]))
        index = text.find("%", index + 1)
    return bad


def _key(syntax: str, token: str) -> str:
    if syntax == "mustache":
        inner = token.strip("{}").strip("-").strip()
        return "{{" + re.sub(r"\s+", "", inner) + "}}"
    return token
