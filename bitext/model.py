"""The bilingual-segment model every document reader produces."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

#: Unit states that mean "not finished, not shipped": PO ``fuzzy``, XLIFF 1.2 ``new`` and
#: ``needs-*``, XLIFF 2 ``initial``. Findings on such units are reported at a lower severity.
UNFINISHED_STATES = frozenset({
    "fuzzy", "new", "initial", "needs-translation", "needs-adaptation", "needs-l10n",
    "needs-review-translation", "needs-review-adaptation", "needs-review-l10n"})


@dataclass(frozen=True)
class InlineCode:
    """One inline code of an XLIFF or TMX segment, kept beside the flattened text.

    ``kind`` is ``standalone`` (XLIFF ``<x>``/``<ph>``, TMX ``<ph>``/``<ut>``), ``open`` or
    ``close`` (the two ends of a paired code: ``<g>``/``<pc>``/``<hi>``/``<mrk>`` give both,
    ``<bpt>``/``<sc>``/``<bx>`` open, ``<ept>``/``<ec>``/``<ex>`` close) or ``isolated``
    (``<it>``, or an ``<sc>``/``<ec>`` with ``isolated="yes"``). ``element`` is the XML element's
    local name; ``id`` the code's id as the format writes it (``id``, TMX ``x``; for a closing
    code the id of the code it closes: ``rid``/``startRef``/TMX ``i``); ``native`` the original
    code it stands for where the file gives it (``<bpt>`` content, ``equiv-text``, ``disp``, ``ctype``);
    ``position`` the offset in the flattened text where it stands; ``markup`` the code's XML as
    the file writes it (a paired code's start or end tag alone).
    """

    kind: str
    element: str
    id: str | None
    native: str | None
    position: int
    markup: str


@dataclass
class Segment:
    """One source text and its translation, with a location a person can open.

    ``line`` is the 1-based line in ``path`` where the unit starts (``None`` where the format
    cannot say); ``unit_id`` is the format's own id (XLIFF ``id``, PO ``msgctxt``+``msgid``,
    TMX ``tuid``...). ``notes`` holds comments a translator can write (PO translator comments,
    XLIFF ``<note>``, a CSV comment column), where inline suppressions live.

    ``source``/``target`` are the text to check: inline codes flattened (see
    :mod:`trilex.bitext.inline`) and gettext accelerators removed (see
    :mod:`trilex.bitext.accelerators`). ``raw_source``/``raw_target`` hold the text exactly as
    the file writes it (markup serialized, accelerator kept) when it differs, else ``None``;
    :attr:`source_as_written`/:attr:`target_as_written` give whichever applies. ``state`` is the
    file's own status of the translation where it has one (XLIFF ``state``, ``fuzzy`` for an
    included fuzzy PO entry).

    What the QA checks need beyond the text: ``flags`` (PO ``#,`` flags such as ``c-format``,
    ``no-python-format``), ``previous_source`` (PO ``#| msgid``), ``context`` (PO ``msgctxt``),
    ``plural_index`` (the ``n`` of ``msgstr[n]`` for a plural message, else ``None``),
    ``source_codes``/``target_codes`` (the inline codes of XLIFF and TMX, see :class:`InlineCode`);
    ``target_line`` is the line where the target text starts (PO ``msgstr``, XLIFF ``<target>``),
    where it differs from ``line``; ``space_preserved`` is ``False`` where the file lets tools normalize white space (XLIFF
    without ``xml:space="preserve"``), so leading and trailing white space carry no meaning.
    """

    source: str
    target: str | None
    path: str
    line: int | None = None
    unit_id: str | None = None
    notes: list[str] = field(default_factory=list)
    state: str | None = None
    raw_source: str | None = None
    raw_target: str | None = None
    flags: frozenset[str] = frozenset()
    previous_source: str | None = None
    context: str | None = None
    plural_index: int | None = None
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    space_preserved: bool = True
    target_line: int | None = None

    @property
    def unfinished(self) -> bool:
        """Whether the file marks this translation as not finished (fuzzy, needs-translation…)."""
        return self.state is not None and self.state in UNFINISHED_STATES

    @property
    def source_as_written(self) -> str:
        """The source text as the file writes it."""
        return self.source if self.raw_source is None else self.raw_source

    @property
    def target_as_written(self) -> str | None:
        """The target text as the file writes it (``None`` when untranslated)."""
        return self.target if self.raw_target is None else self.raw_target

    @property
    def location(self) -> str:
        """``FILE:LINE`` (or ``FILE#unit`` where the line is unknown)."""
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.unit_id:
            return f"{self.path}#{self.unit_id}"
        return self.path


@dataclass
class BilingualDocument:
    """A bilingual file: its language pair and its segments, in file order.

    ``declared_target_lang`` is the target language the file itself states (PO ``Language:``,
    XLIFF ``target-language``/``trgLang``), ``None`` where it states none; ``declared_line`` is
    where it says so. ``header`` holds a PO header's fields (``Plural-Forms``, ``Language``…),
    ``header_line`` its line. ``accelerator`` is the keyboard-accelerator marker the file uses
    (``_``, ``&``), where it has one. ``placeholder_syntaxes`` names the placeholder syntaxes its
    texts use where the configuration says (``None``: judged per unit from flags and source).
    """

    path: str
    source_lang: str | None
    target_lang: str | None
    segments: list[Segment] = field(default_factory=list)
    format: str = ""
    declared_target_lang: str | None = None
    declared_line: int | None = None
    header: dict[str, str] = field(default_factory=dict)
    header_line: int | None = None
    accelerator: str | None = None
    placeholder_syntaxes: tuple[str, ...] | None = None

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)
