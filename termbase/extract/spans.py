"""The records the gloss finder returns: term spans in an article and the glosses that tie them."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Language codes of :class:`TermSpan`; the termbase builder maps them onto BCP 47 tags.
THAI, ENGLISH, CHINESE = "th", "en", "zh"


@dataclass(frozen=True)
class TermSpan:
    """One term as written in the article: ``text == article[start:end]``.

    ``start``/``end`` are code-point offsets into the whole article text, ``line`` is 1-based.
    ``term_type`` is the TBX termType: ``fullForm``, ``acronym`` or ``shortForm``.
    """

    text: str
    start: int
    end: int
    line: int
    lang: str
    term_type: str = "fullForm"


@dataclass
class Gloss:
    """A term glossed inline: the Thai term with its English and/or Chinese names.

    ``th`` is ``None`` when the glossed name is not Thai (``BYD (Build Your Dreams)``).
    ``acronym`` is a Latin acronym (``BRST``, ``AI``); ``short_forms`` are shorter names of the
    same thing introduced by *หรือที่เรียกสั้น ๆ ว่า* (``ศูนย์หนาน เอ`` / ``南 A中心``).
    ``confidence`` (0–1) is how sure the finder is of the Thai span; ``review`` says why it
    is unsure, for a terminologist. ``shape`` names the pattern that matched (``paren``,
    ``or``, ``person``, ``latin-or-thai``…).
    """

    path: str
    th: TermSpan | None
    en: TermSpan | None = None
    zh: TermSpan | None = None
    acronym: TermSpan | None = None
    short_forms: list[TermSpan] = field(default_factory=list)
    confidence: float = 1.0
    review: str = ""
    shape: str = "paren"

    def terms(self) -> list[TermSpan]:
        """Every term of the gloss, Thai first, in a fixed order."""
        found = [self.th, self.en, self.zh, self.acronym, *self.short_forms]
        return [term for term in found if term is not None]

    @property
    def line(self) -> int:
        """The line of the first term."""
        return min(term.line for term in self.terms())

    @property
    def start(self) -> int:
        """Offset where the gloss's first term starts."""
        return min(term.start for term in self.terms())

    @property
    def end(self) -> int:
        """Offset where the gloss's last term ends."""
        return max(term.end for term in self.terms())
