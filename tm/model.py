"""The translation-memory model: units, language variants and inline codes, as TMX 1.4b has them.

A :class:`TranslationUnit` holds one :class:`Variant` per language. A variant's ``content`` is
a list whose items are either plain text (``str``) or an :class:`InlineCode`, so formatting
codes survive a round trip instead of being flattened into the text:

* ``bpt``/``ept`` – the begin and end of a paired code in the same segment (linked by ``i``);
* ``it`` – an isolated begin or end code whose partner is in another segment (``pos``);
* ``ph`` – a standalone code such as ``<br/>`` or a placeholder;
* ``ut`` – TMX's deprecated unknown code (read, written back as ``ph``);
* ``hi`` – highlighted *translatable* text (its content is part of the segment text);
* ``sub`` – translatable sub-flow text inside a code (e.g. a link title inside a ``bpt``).

For ``bpt``/``ept``/``it``/``ph``/``ut`` the code's ``content`` is the native code as text
(``"<b>"``), possibly with ``sub`` items; for ``hi`` and ``sub`` it is segment-like content.
:attr:`Variant.text` is the plain text used for matching: codes (and their ``sub`` flows)
removed, ``hi`` content kept.

Dates are kept as strings in :attr:`attributes`; the TMX reader stores them in the TMX form
``YYYYMMDDThhmmssZ`` whenever it can parse them. :func:`parse_tmx_date` and
:func:`format_tmx_date` convert between that form and :class:`datetime.datetime`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from trilex.errors import InputWarning
from trilex.lang.tags import normalized_tag, tag_matches

#: Inline elements whose content is native code (text plus ``sub`` flows).
CODE_KINDS = ("bpt", "ept", "it", "ph", "ut")
#: Attributes that hold dates in TMX.
DATE_ATTRIBUTES = ("creationdate", "changedate", "lastusagedate")
#: ``xml:lang`` in lxml's notation.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxWarning(InputWarning):
    """Something in a TMX file was repaired while reading it; the data is still usable.

    An :class:`~trilex.errors.InputWarning` with the file and line, so the CLI shows it as one
    line ``FILE:LINE: warning: …`` (and ``-q`` silences it)."""


Content = list["str | InlineCode"]


@dataclass(slots=True)
class InlineCode:
    """One inline element of a segment: ``bpt``, ``ept``, ``it``, ``ph``, ``ut``, ``hi`` or ``sub``.

    ``i`` pairs a ``bpt`` with its ``ept``; ``x`` links the same code across the variants of
    a unit; ``pos`` (``begin``/``end``) is required on ``it``; ``assoc`` (``p``/``f``/``b``) is
    optional on ``ph``; ``datatype`` is optional on ``sub``.
    """

    kind: str
    content: Content = field(default_factory=list)
    i: str | None = None
    x: str | None = None
    type: str | None = None
    pos: str | None = None
    assoc: str | None = None
    datatype: str | None = None

    @property
    def code(self) -> str:
        """The native code as text (``"<b>"``), ``sub`` flows included; for ``hi``/``sub`` the text."""
        return "".join(item if isinstance(item, str) else item.code for item in self.content)


@dataclass(slots=True)
class Note:
    """A ``<note>``: free text, optionally in a given language."""

    text: str
    lang: str | None = None


@dataclass(slots=True)
class Prop:
    """A ``<prop type="...">``: a tool-defined property (trilex's own are named ``x-...``)."""

    type: str
    value: str
    lang: str | None = None


def plain_text(content: Content) -> str:
    """The text of ``content`` for matching: codes removed, ``hi`` content kept."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif item.kind == "hi":
            parts.append(plain_text(item.content))
    return "".join(parts)


def flow_codes(content: Content) -> Iterator[InlineCode]:
    """The codes of one text flow in order, for pairing ``bpt`` with ``ept``.

    ``hi`` is transparent (its codes belong to the same flow); the ``sub`` flows inside codes
    are separate flows and are not entered.
    """
    for item in content:
        if isinstance(item, InlineCode):
            if item.kind == "hi":
                yield from flow_codes(item.content)
            else:
                yield item


@dataclass(slots=True)
class Variant:
    """One language of a unit (TMX ``<tuv>``): the segment plus its metadata.

    ``lang`` is a normalized BCP 47 tag (``th-TH``, ``zh-CN``); ``attributes`` holds the other
    ``<tuv>`` attributes (``creationdate``, ``changedate``, ``creationid``, ``changeid``,
    ``usagecount``, ``lastusagedate``, ``creationtool``, ...).
    """

    lang: str
    content: Content = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Plain text for matching: inline codes removed, ``hi`` content kept."""
        content = self.content
        if len(content) == 1 and type(content[0]) is str:
            return content[0]
        return plain_text(content)

    @property
    def codes(self) -> list[InlineCode]:
        """The inline codes of the segment, in order (``hi`` included, nested ones after it)."""
        found: list[InlineCode] = []
        _collect_codes(self.content, found)
        return found


def _collect_codes(content: Content, found: list[InlineCode]) -> None:
    for item in content:
        if not isinstance(item, str):
            found.append(item)
            if item.kind == "hi":
                _collect_codes(item.content, found)


@dataclass(slots=True)
class TranslationUnit:
    """A translation unit (TMX ``<tu>``): the same segment in several languages.

    ``srclang`` is the unit's source language (the ``<tu srclang>`` attribute, else the
    header's), or ``None`` when the file says ``*all*`` or nothing.
    """

    tuid: str | None = None
    variants: list[Variant] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    srclang: str | None = None

    def variant(self, lang: str) -> Variant | None:
        """The variant for ``lang``; ``th`` finds ``th-TH``. An exact tag wins over a looser match."""
        for variant in self.variants:
            if variant.lang == lang:
                return variant
        wanted = normalized_tag(lang)
        for variant in self.variants:
            if variant.lang == wanted:
                return variant
        for variant in self.variants:
            if tag_matches(wanted, variant.lang):
                return variant
        return None

    @property
    def languages(self) -> list[str]:
        """The language tags of the variants, in order."""
        return [variant.lang for variant in self.variants]


@dataclass(slots=True)
class TmxHeader:
    """The ``<header>`` of a TMX file: the seven required attributes, the others, notes and props."""

    creationtool: str = "trilex"
    creationtoolversion: str = ""
    segtype: str = "sentence"
    o_tmf: str = "trilex"
    adminlang: str = "en-US"
    srclang: str = "*all*"
    datatype: str = "plaintext"
    attributes: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    version: str = "1.4"


_TMX_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")


def parse_tmx_date(value: str) -> datetime | None:
    """Parse ``YYYYMMDDThhmmssZ`` or an ISO 8601 form into an aware UTC datetime; ``None`` if not a date.

    ISO forms without an offset are taken as UTC, as TMX dates are.
    """
    value = value.strip()
    match = _TMX_DATE.match(value)
    try:
        if match:
            return datetime(*(int(part) for part in match.groups()), tzinfo=timezone.utc)
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def format_tmx_date(moment: datetime) -> str:
    """``YYYYMMDDThhmmssZ`` in UTC (naive datetimes are taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def normalize_tmx_date(value: str) -> str:
    """``value`` in the TMX form ``YYYYMMDDThhmmssZ`` if it parses as a date, else unchanged."""
    return readable_tmx_date(value) or value


@functools.lru_cache(maxsize=4096)
def readable_tmx_date(value: str | None) -> str | None:
    """``value`` in the TMX form ``YYYYMMDDThhmmssZ`` if it is a date, else ``None``.

    Dates in that form compare correctly as strings; a value that is not a date must never
    take part in a comparison (it would sort after every real date). Cached: the units of a
    file share few distinct dates.
    """
    if not value:
        return None
    parsed = parse_tmx_date(value)
    if parsed is None:
        return None
    return value if _TMX_DATE.match(value) else format_tmx_date(parsed)
