"""``inconsistent-translation``: Xbench's two consistency checks, over the whole run.

* **One source, several translations**: the same source text (normalized: width, dash and
  space variants folded, case kept — ``Point`` on a graph and ``point`` of a score differ; accelerators — also the ``(_F)`` that Chinese and Thai add — inline
  codes and end punctuation such as ``…``, ``:`` out) translated in different ways
  in the same target language. Each unit whose translation differs from the most frequent one
  is reported, with that one as the suggestion. PO messages with different ``msgctxt`` are
  meant to differ and are not compared.
* **One translation, several sources**: the same target text used for sources that differ in
  their words (not only in case, punctuation, an accelerator or an inflection: ``Close`` and
  ``_Close:``, ``Item`` and ``Items`` are one source). Reported on the units of the less
  frequent sources, at ``info``: Thai and Chinese do not inflect and often have one word for
  two English synonyms (``Cancel``/``Dismiss`` → ``取消``), so this is a lead for a reviewer,
  not an error.

Units the file marks unfinished (fuzzy, needs-translation) and untranslated copies of the
source take no part: they are not what ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from trilex.bitext.accelerators import strip_accelerator
from trilex.check.findings import Finding, Location, Severity
from trilex.check.qa.segment import QaUnit, run_wide_check
from trilex.lang.english import stem
from trilex.lang.normalize import normalize

CODE = "inconsistent-translation"
SHOWN_LOCATIONS = 3
_NOT_WORDS = re.compile(r"[\W_]+")
#: The accelerator Chinese and Thai translations add after the text: ``文件(_F)``, ``ไฟล์ (_F)``.
_ACCELERATOR_SUFFIX = "\\s*[(（]{marker}[A-Za-z0-9][)）]"
_END_PUNCTUATION = ".:：…。!！?？ "


@lru_cache(maxsize=8)
def _accelerator_suffix(marker: str) -> re.Pattern[str]:
    return re.compile(_ACCELERATOR_SUFFIX.format(marker=re.escape(marker)))


@lru_cache(maxsize=1 << 16)
def normalized(text: str, accelerator: str | None = None) -> str:
    """How texts are compared: normalized (width, dashes, spaces; case kept), the accelerator
    (``_File``, ``文件(_F)``) when the file has a marker, inline code marks and end punctuation
    out, spaces collapsed."""
    if accelerator:
        text = _accelerator_suffix(accelerator).sub("", text)
        text = strip_accelerator(text, accelerator)
    text = normalize(text).text.replace("\ufffc", " ")
    return " ".join(text.split()).rstrip(_END_PUNCTUATION)


@lru_cache(maxsize=1 << 16)
def _stemmed_words(text: str) -> str:
    """The words of a normalized text, English words stemmed: ``Items`` and ``item`` are one source.

    Thai and Chinese do not inflect: their words are kept as they are (and cost no stemming)."""
    return " ".join(stem(word) if word.isascii() else word for word in _NOT_WORDS.sub(" ", text.casefold()).split())


@dataclass(slots=True)
class _Use:
    """The units that render one text the same way, and how the first of them writes it."""

    shown: str  # the other side as written, first time seen
    units: list[QaUnit]

    def locations(self, count: int) -> list[Location]:
        """Where the first ``count`` units are."""
        return [unit.location for unit in self.units[:count]]


#: A text's renderings: ``value → uses``, or while only one unit has the text (most texts of a
#: large run), that unit's ``(value, shown, unit)`` alone, so it costs one tuple.
_Renderings = dict[str, _Use] | tuple[str, str, QaUnit]


def _record(table: dict[tuple, _Renderings], key: tuple, value: str, shown: str, unit: QaUnit) -> None:
    """Count ``unit`` as rendering the text ``key`` by ``value`` (``shown`` as written)."""
    uses = table.get(key)
    if uses is None:
        table[key] = (value, shown, unit)
        return
    if type(uses) is tuple:
        first_value, first_shown, first_unit = uses
        uses = table[key] = {first_value: _Use(first_shown, [first_unit])}
    use = uses.get(value)
    if use is None:
        uses[value] = _Use(shown, [unit])
    else:
        use.units.append(unit)


@run_wide_check(
    CODE, Severity.WARNING,
    "One source text translated in different ways, or one translation used for different sources, across the run.",
    "Case, width, spacing and accelerators are ignored; PO messages with different msgctxt are not compared.",
)
class TranslationConsistency:
    """Collects every finished translation of the run, then reports the disagreements."""

    def __init__(self) -> None:
        self._by_source: dict[tuple, _Renderings] = {}
        self._by_target: dict[tuple, _Renderings] = {}

    def observe(self, unit: QaUnit) -> tuple[str, str, str] | None:
        """The unit's texts as compared (source, target, stemmed source words), or ``None``
        for a unit that takes no part."""
        segment = unit.segment
        if segment.unfinished or segment.target is None:
            return None
        marker = unit.document.accelerator
        source, target = normalized(unit.source_text, marker), normalized(unit.target_text, marker)
        if not source or source == target or not _NOT_WORDS.sub("", source):
            return None
        return source, target, _stemmed_words(source)

    def add(self, unit: QaUnit, observation: tuple[str, str, str]) -> None:
        """Record one translated unit, as :meth:`observe` saw it."""
        source, target, words = observation
        language, segment = unit.target_primary, unit.segment
        _record(self._by_source, (language, source, segment.context, segment.plural_index), target,
                unit.target_text, unit)
        _record(self._by_target, (language, target), words, unit.source_text, unit)

    def findings(self) -> Iterator[Finding]:
        """One finding per unit whose rendering is not the group's most frequent one."""
        for uses in self._by_source.values():
            if type(uses) is dict and len(uses) > 1:
                yield from self._report(uses, "translated", "source")
        for uses in self._by_target.values():
            if type(uses) is dict and len(uses) > 1:
                yield from self._report(uses, "used as the translation of", "target")

    @staticmethod
    def _report(uses: dict[str, _Use], verb: str, side: str) -> Iterator[Finding]:
        ranked = sorted(uses.values(), key=lambda use: -len(use.units))  # stable: first seen wins ties
        main = ranked[0]
        related = main.locations(SHOWN_LOCATIONS)
        shown_main = ", ".join(map(str, related))
        more = len(main.units) - SHOWN_LOCATIONS
        if more > 0:
            shown_main += f" and {more} more"
        of = "" if side == "source" else "of "
        for use in ranked[1:]:
            for unit in use.units:
                text = unit.source_text if side == "source" else unit.target_text
                message = (f"'{text}' is {verb} '{use.shown}' here, but {of}'{main.shown}' in "
                           f"{len(main.units)} other unit(s): {shown_main}")
                finding = unit.finding(CODE, message, suggestion=main.shown if side == "source" else None)
                if side == "target":
                    finding.severity = Severity.INFO
                finding.related.extend(related)
                yield finding
