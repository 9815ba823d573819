"""Finding inline glosses in an article: the shapes, with exact spans.

Shapes recognised (all on one line of the article):

* ``“THAI” (English/中文)`` and ``THAI (中文/English)``: a quoted or unquoted Thai term followed
  by brackets holding English and/or Chinese names separated by ``/``; a nested ``(AI)`` stays
  inside the name. An unquoted Thai term's start is found by :mod:`.thai_edge`.
* ``… หรือที่เรียกสั้น ๆ ว่า “SHORT” (中文)``: a short form of the term just glossed (or of
  the term before the marker), recorded in :attr:`Gloss.short_forms`.
* ``“THAI” หรือ AI (Artificial Intelligence)``: a Thai term, its Latin acronym or name, and
  the acronym's expansion.
* ``นายเฉิน กัง (Chen Gang/陈刚)``: a person; the title is not part of the name.
* ``(… Exchange: BRST)``, ``(Greater Bay Area – GBA)``, ``(EV)``: acronyms.
* ``Latin (中文)``, ``Intelligent Age (IA)``, ``BYD (Build Your Dreams)``: names without Thai.
* ``THAI หรือ Latin`` and ``“Latin” หรือTHAI``: glosses without brackets.

Not glosses: brackets holding Thai (``(สดร.)``), dates and amounts, web addresses and the site
names after them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from trilex.lang.thai import thai_words

from trilex.termbase.extract.content import Part, expands, is_acronym, parse_gloss
from trilex.termbase.extract.spans import CHINESE, ENGLISH, THAI, Gloss, TermSpan
from trilex.termbase.extract.edge_score import find_left_edge
from trilex.termbase.extract.thai_edge import HIGH

OPEN_BRACKETS, CLOSE_BRACKETS = "(（", ")）"
#: Closing quote → opening quote.
QUOTES = {"”": "“", "’": "‘", '"': '"', "»": "«", "」": "「"}
#: Characters that end the text a term can reach back into.
BOUNDARIES = "()（）[]“”\"‘’«»「」!?;:,…|"
#: Markers of a short form: *หรือที่เรียกสั้น ๆ ว่า*, *หรือเรียกย่อว่า*, *ชื่อย่อ*.
SHORT_FORM_MARKER = re.compile(
    r"(?:หรือ\s*(?:ที่)?\s*(?:เรียก|รู้จัก)(?:กัน)?(?:ใน)?(?:ชื่อ)?\s*(?:สั้น\s*ๆ|ย่อ\s*ๆ|โดยย่อ|ย่อ)?\s*(?:ว่า)?"
    r"|ชื่อย่อ\s*(?:ว่า)?)\s*$"
)
OR_WORD = "หรือ"
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9]*(?:[-.&'][A-Za-z0-9]+)*"
#: A Latin name after ``หรือ``: words separated by single spaces.
_OR_LATIN = re.compile(rf"หรือ[ \u00a0]*(“{_LATIN_NAME}(?: {_LATIN_NAME})*”|{_LATIN_NAME}(?: {_LATIN_NAME})*)")
#: ``“Latin” หรือThai…``: the Thai runs to the next space or punctuation.
_LATIN_OR_THAI = re.compile(rf"“({_LATIN_NAME}(?: {_LATIN_NAME})*)”[ \u00a0]*หรือ[ \u00a0]*([\u0e01-\u0e4e][^\s()“”\"‘’,;:!?]*)")
#: Thai letters and spaces only: a Thai gloss of a foreign name.
#: One Thai word of letters only (no digits, no abbreviation dot).
_THAI_WORD = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_THAI_GLOSS = re.compile(r"[\u0e01-\u0e4e]+(?:[ -][\u0e01-\u0e4e]+)*")
_SMALL_WORDS = {"of", "and", "for", "the", "on", "in", "to", "a"}
_WEB = re.compile(r"(?i)https?://|www\.|\w\.\w+\.\w")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")
#: Space-separated Latin words directly before a bracket (``Steam Computing``, ``AI``).
_LATIN_TAIL = re.compile(rf"{_LATIN_NAME}(?: {_LATIN_NAME})*$")


@dataclass
class _Line:
    """One line of the article and where it starts in the whole text."""

    text: str
    offset: int
    number: int


class _Finder:
    """Finds the glosses of one article (see the module docstring)."""

    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def span(self, line: _Line, start: int, end: int, lang: str, term_type: str = "fullForm") -> TermSpan:
        """A :class:`TermSpan` for ``line.text[start:end]``, with absolute offsets."""
        absolute = line.offset + start
        number = bisect_right(self.line_starts, absolute)
        return TermSpan(line.text[start:end], absolute, line.offset + end, number, lang, term_type)

    def run(self) -> list[Gloss]:
        glosses: list[Gloss] = []
        for number, start in enumerate(self.line_starts, 1):
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            line = _Line(self.text[start:end].rstrip("\r"), start, number)
            found = self.bracket_glosses(line)
            for gloss in self.or_glosses(line):
                if not any(g.start < gloss.end and gloss.start < g.end for g in found):
                    found.append(gloss)
            glosses.extend(sorted(found, key=lambda g: g.start))
        return glosses

    # -- brackets -------------------------------------------------------------------------

    def bracket_glosses(self, line: _Line) -> list[Gloss]:
        """Glosses in brackets, in line order; short forms join the gloss before them."""
        glosses: list[Gloss] = []
        floor = 0
        for open_at, close_at in _bracket_groups(line.text):
            quote = _glossed_quote_start(line.text, open_at)
            start = floor if quote is None else max(floor, quote + 1)
            parts = parse_gloss(line.text[open_at + 1:close_at], open_at + 1)
            before = line.text[start:open_at]
            if parts and not _WEB.search(before.split()[-1] if before.split() else ""):
                gloss = self.bracket_gloss(line, start, open_at, parts, glosses, quote is not None)
                if gloss is not None and gloss not in glosses:
                    glosses.append(gloss)
            elif parts is None:
                gloss = self.thai_in_brackets(line, start, open_at, close_at)
                if gloss is not None:
                    glosses.append(gloss)
            if quote is None and not _name_part_bracket(line.text, open_at, close_at):
                floor = close_at + 1
        return glosses

    def bracket_gloss(self, line: _Line, floor: int, open_at: int, parts: list[Part],
                      previous: list[Gloss], in_name: bool = False) -> Gloss | None:
        """The gloss made by the bracket at ``open_at`` and the text before it.

        ``in_name`` says the bracket is inside a quoted name that is glossed as a whole; the
        name's head then belongs to that name, not to this inner gloss.
        """
        text = line.text
        names = {part.kind: part for part in parts}
        anchor_end = len(text[:open_at].rstrip())
        if anchor_end <= floor:
            return None
        last = text[anchor_end - 1]
        if last in QUOTES:
            return self.quoted_anchor(line, floor, anchor_end, names, previous)
        latin = _LATIN_TAIL.search(text[floor:anchor_end])
        if latin:
            gloss = self.latin_anchor(line, floor, floor + latin.start(), anchor_end, names)
            if gloss is not None:
                return gloss
            en = names.get(ENGLISH)
            if en and latin.group() not in en.text and _THAI.search(text[floor:floor + latin.start()]):
                # ``ฉากทัศน์การใช้งาน AI (Application Scenario)``: the gloss does not cover ``AI``.
                anchor_end = len(text[:floor + latin.start()].rstrip())
        return self.thai_anchor(line, floor, anchor_end, names, shape="paren", in_name=in_name)

    def quoted_anchor(self, line: _Line, floor: int, close_quote: int, names: dict[str, Part],
                      previous: list[Gloss]) -> Gloss | None:
        """``“…” (gloss)``: a quoted term, maybe a short form after *หรือที่เรียกสั้น ๆ ว่า*."""
        text = line.text
        opener = QUOTES[text[close_quote - 1]]
        open_quote = text.rfind(opener, floor, close_quote - 1)
        if open_quote < 0:
            return None
        start, end = open_quote + 1, close_quote - 1
        quoted = text[start:end]
        marker = SHORT_FORM_MARKER.search(text[floor:open_quote])
        if marker:
            return self.short_form(line, floor, floor + marker.start(), (start, end), names, previous)
        if _THAI.search(quoted):
            return self.make(line, (start, end), names, HIGH, "", "paren")
        if is_acronym(quoted) and ENGLISH in names:
            return self.make(line, None, names, HIGH, "", "paren", acronym=(start, end))
        if ENGLISH not in names:
            return self.make(line, None, {**names, ENGLISH: Part(ENGLISH, quoted, start, end)}, HIGH, "", "paren")
        return None

    def short_form(self, line: _Line, floor: int, marker_at: int, short: tuple[int, int],
                   names: dict[str, Part], previous: list[Gloss]) -> Gloss | None:
        """A short form and its gloss: joins the gloss just before the marker, or the term there."""
        text = line.text
        shorts = [self.span(line, *short, THAI if _THAI.search(text[slice(*short)]) else ENGLISH, "shortForm")]
        for kind, part in names.items():
            lang = kind if kind in (ENGLISH, CHINESE) else ENGLISH
            term_type = "acronym" if kind == "acronym" else "shortForm"
            shorts.append(self.span(line, part.start, part.end, lang, term_type))
        if previous and previous[-1].end - line.offset >= len(text[:marker_at].rstrip()) - 1:
            previous[-1].short_forms.extend(shorts)
            return previous[-1]
        gloss = self.thai_anchor(line, 0, len(text[:marker_at].rstrip()), {}, shape="short-form", hints=names)
        if gloss is not None:
            gloss.short_forms.extend(shorts)
        return gloss

    def thai_in_brackets(self, line: _Line, floor: int, open_at: int, close_at: int) -> Gloss | None:
        """``Smart City (เมืองอัจฉริยะ)``: a foreign name glossed in Thai.

        Only after a quoted Latin name, a name of two or more capitalised words, or an acronym
        whose Thai gloss has at least three words; the Thai must be letters only (no digits,
        no abbreviation dots), so remarks, dates and amounts are left alone.
        """
        text = line.text
        inner = text[open_at + 1:close_at]
        thai = inner.strip()
        if not _THAI_GLOSS.fullmatch(thai) or len(thai) > 60:
            return None
        anchor_end = len(text[:open_at].rstrip())
        quoted = text[anchor_end - 1:anchor_end] == "”"
        if quoted:
            latin_start = text.rfind("“", floor, anchor_end - 1) + 1
            latin_end = anchor_end - 1
            if latin_start <= 0 or not re.fullmatch(_LATIN_NAME + rf"(?: {_LATIN_NAME})*", text[latin_start:latin_end]):
                return None
        else:
            latin = _LATIN_TAIL.search(text[floor:anchor_end])
            if latin is None:
                return None
            latin_start, latin_end = floor + latin.start(), anchor_end
        name = text[latin_start:latin_end]
        words = name.split()
        if is_acronym(name):
            if len(thai_words(thai)) < 3:
                return None
            kind = "acronym"
        elif quoted or (len(words) >= 2 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)):
            kind = ENGLISH
        else:
            return None
        start = open_at + 1 + inner.index(thai)
        names = {kind: Part(kind, name, latin_start, latin_end)}
        return self.make(line, (start, start + len(thai)), names, 0.75,
                         "Thai in brackets after a foreign name: check it is a gloss", "thai-in-brackets")

    def latin_anchor(self, line: _Line, floor: int, latin_start: int, latin_end: int,
                     names: dict[str, Part]) -> Gloss | None:
        """A Latin name before the bracket: an acronym with its expansion, an alias of the
        Thai term before *หรือ*, or a name glossed in Chinese. ``None`` if the Latin word
        belongs to a Thai term (``ฉากทัศน์การใช้งาน AI (Application Scenario)``)."""
        text = line.text
        latin = text[latin_start:latin_end]
        before = text[floor:latin_start].rstrip()
        alias = before.endswith(OR_WORD) or SHORT_FORM_MARKER.search(before)
        en = names.get(ENGLISH)
        if alias:
            marker = SHORT_FORM_MARKER.search(before)
            thai_end = floor + (marker.start() if marker else len(before) - len(OR_WORD))
            extra = dict(names)
            key = "acronym" if is_acronym(latin) and "acronym" not in names else ENGLISH
            if key in extra:
                return None
            extra[key] = Part(key, latin, latin_start, latin_end)
            thai_end = len(text[:thai_end].rstrip())
            if thai_end > floor and text[thai_end - 1] in QUOTES:
                open_quote = text.rfind(QUOTES[text[thai_end - 1]], floor, thai_end - 1)
                if open_quote >= 0:
                    return self.make(line, (open_quote + 1, thai_end - 1), extra, HIGH, "", "or")
            return self.thai_anchor(line, floor, thai_end, extra, shape="or")
        acronym = names.get("acronym")
        if acronym and not en and expands(acronym.text, latin):
            return self.make(line, None, {ENGLISH: Part(ENGLISH, latin, latin_start, latin_end),
                                          **names}, HIGH, "", "paren")
        if en and not acronym and is_acronym(latin) and expands(latin, en.text):
            return self.make(line, None, names, HIGH, "", "paren", acronym=(latin_start, latin_end))
        if CHINESE in names and not en and (len(latin.split()) > 1 or not _THAI.search(before[-1:])):
            return self.make(line, None, {ENGLISH: Part(ENGLISH, latin, latin_start, latin_end),
                                          **names}, HIGH, "", "paren")
        return None

    def thai_anchor(self, line: _Line, floor: int, end: int, names: dict[str, Part],
                    shape: str, in_name: bool = False, hints: dict[str, Part] | None = None) -> Gloss | None:
        """An unquoted Thai term ending at ``end``: its start comes from :mod:`.edge_score`.

        ``hints`` are names that tell how the term sounds or what it means without being its
        gloss (the gloss of a short form that follows the term).
        """
        floor = _region_floor(line.text, floor, end)
        region = line.text[floor:end]
        after_gloss = line.text[:floor].rstrip().endswith(tuple(CLOSE_BRACKETS))
        evidence = names or hints or {}
        en = evidence.get(ENGLISH)
        zh = evidence.get(CHINESE)
        acronym = evidence.get("acronym")
        person = acronym is None and _looks_like_person(en.text if en else None, zh.text if zh else None)
        edge = find_left_edge(region, en.text if en else None, zh.text if zh else None,
                              acronym.text if acronym else None, person=person, after_gloss=after_gloss,
                              named_heads=not in_name)
        if edge is None:
            return None
        shape = "person" if edge.method == "title" else shape
        return self.make(line, (floor + edge.start, end), names, edge.confidence, edge.review, shape)

    # -- glosses without brackets ---------------------------------------------------------

    def or_glosses(self, line: _Line) -> list[Gloss]:
        """``THAI หรือ Latin`` and ``“Latin” หรือTHAI``."""
        text = line.text
        found: list[Gloss] = []
        for match in _OR_LATIN.finditer(text):
            before = text[:match.start()].rstrip()
            after = text[match.end():].lstrip()
            if not before or after.startswith(tuple(OPEN_BRACKETS)) or not (_THAI.search(before[-1]) or before[-1] in QUOTES):
                continue
            start, end = match.span(1)
            if text[start] == "“":
                start, end = start + 1, end - 1
            latin = text[start:end]
            kind = "acronym" if is_acronym(latin) else ENGLISH
            names = {kind: Part(kind, latin, start, end)}
            if before[-1] in QUOTES:
                open_quote = text.rfind(QUOTES[before[-1]], 0, len(before) - 1)
                if open_quote >= 0 and _THAI.search(text[open_quote + 1:len(before) - 1]):
                    found.append(self.make(line, (open_quote + 1, len(before) - 1), names, HIGH, "", "or"))
                continue
            gloss = self.thai_anchor(line, 0, len(before), names, shape="or")
            if gloss is not None:
                found.append(gloss)
        for match in _LATIN_OR_THAI.finditer(text):
            names = {ENGLISH: Part(ENGLISH, match.group(1), *match.span(1))}
            found.append(self.make(line, match.span(2), names, 0.75,
                                   "Thai description after หรือ: check where it ends", "latin-or-thai"))
        return found

    def make(self, line: _Line, thai: tuple[int, int] | None, names: dict[str, Part], confidence: float,
             review: str, shape: str, acronym: tuple[int, int] | None = None) -> Gloss:
        """Build a :class:`Gloss` from line-relative spans."""
        def term(kind: str, lang: str, term_type: str = "fullForm") -> TermSpan | None:
            part = names.get(kind)
            return self.span(line, part.start, part.end, lang, term_type) if part else None

        acronym_span = (self.span(line, *acronym, ENGLISH, "acronym") if acronym
                        else term("acronym", ENGLISH, "acronym"))
        return Gloss(
            path=self.path,
            th=self.span(line, *thai, THAI) if thai else None,
            en=term(ENGLISH, ENGLISH),
            zh=term(CHINESE, CHINESE),
            acronym=acronym_span,
            confidence=round(confidence, 2) if thai else HIGH,
            review=review if thai else "",
            shape=shape,
        )


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the outermost closed bracket pairs of a line."""
    groups = []
    depth = 0
    opened = 0
    for i, ch in enumerate(text):
        if ch in OPEN_BRACKETS:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in CLOSE_BRACKETS and depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, i))
    return groups


def _glossed_quote_start(text: str, pos: int) -> int | None:
    """The opening quote if ``pos`` is inside “…” that a bracket gloss follows
    (``“…ปัญญาประดิษฐ์ (AI) จีน…” (…)``): the inner bracket glosses a word of the quoted name."""
    opened = text.rfind("“", 0, pos)
    if opened < 0 or text.rfind("”", 0, pos) > opened:
        return None
    closed = text.find("”", pos)
    if closed >= 0 and text[closed + 1:].lstrip().startswith(tuple(OPEN_BRACKETS)):
        return opened
    return None


def _name_part_bracket(text: str, open_at: int, close_at: int) -> bool:
    """Whether ``text[open_at:close_at + 1]`` is one Thai word in brackets right after Thai text,
    which a name may hold (``บริษัท ทาเคดา (ประเทศไทย) จำกัด``, ``… จำกัด (มหาชน)``)."""
    inner = text[open_at + 1:close_at]
    before = text[:open_at].rstrip()
    return bool(_THAI_WORD.fullmatch(inner)) and bool(before) and _THAI.match(before[-1]) is not None


def _region_floor(text: str, floor: int, end: int) -> int:
    """Where the text a term may reach back into begins: after the last boundary character.

    A Thai word in brackets that a name may hold (:func:`_name_part_bracket`) is no boundary.
    """
    i = end - 1
    while i >= floor:
        ch = text[i]
        if ch in CLOSE_BRACKETS:
            opened = max(text.rfind(o, floor, i) for o in OPEN_BRACKETS)
            if opened >= 0 and _name_part_bracket(text, opened, i):
                i = opened - 1
                continue
        if ch in BOUNDARIES or (ch in "—–-" and i > 0 and text[i - 1] in "—–-"):
            return i + 1
        i -= 1
    return floor


def _looks_like_person(en: str | None, zh: str | None) -> bool:
    """Whether the gloss could be a person's name: 2–3 capitalised words, or 2–4 Han characters."""
    if en:
        words = en.split()
        return 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(word) for word in words)
    return bool(zh) and 2 <= len(zh) <= 4


def find_glosses(text: str, path: str = "<text>") -> list[Gloss]:
    """Every inline gloss in ``text`` (an article), in reading order.

    ``path`` is recorded in each :class:`Gloss`; offsets are code points into ``text`` and
    lines are 1-based.
    """
    return _Finder(text, path).run()
