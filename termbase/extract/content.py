"""What a gloss says: splitting ``(English/中文)`` into its English, Chinese and acronym parts.

A gloss is the text between brackets (or after *หรือ*) that names a term in another script:
``China-Laos Artificial Intelligence (AI) Innovation Cooperation Center/ 中国—老挝…中心``,
``The first Belt … Exchange: BRST``, ``Greater Bay Area – GBA``, ``EV``, ``南 A中心``.
Content with Thai letters (``(สดร.)``, ``(จีน)``), dates and amounts, and web addresses is
not a gloss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.scripts import split_scripts

from trilex.termbase.extract.spans import CHINESE, ENGLISH

#: A Latin acronym: two or more capitals, digits allowed (``BRST``, ``U2T``, ``GBA``, ``AI``).
ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*")
#: ``Name: ACR`` and ``Name – ACR`` at the end of an English part.
_TRAILING_ACRONYM = re.compile(r"\s*(?::|\s[-\u2013\u2014]|[\u2013\u2014])\s*([A-Z][A-Za-z0-9&]*[A-Z0-9])\s*$")
_WEB = re.compile(r"(?i)https?://|www\.|\.(?:com|org|net|gov|cn|th)\b|@")
_PART_SEPARATORS = "/\uff0f"
#: Separators between an English and a Chinese name (``China-ASEAN Expo, 中国—东盟博览会``).
_LIST_SEPARATORS = ",;\uff0c\uff1b\u3001"
#: Language labels before a name: ``(อังกฤษ: Smart City)``, ``(ภาษาจีน: 智慧城市)``.
_LABEL = re.compile(r"^\s*(?:ภาษา)?(?:อังกฤษ|จีน|ชื่อย่อ|ย่อ)\s*[:：]\s*|^\s*(?:English|Chinese|Eng|Chi)\s*[:：]\s*", re.IGNORECASE)
_LOWER_WORDS = {"a", "an", "and", "for", "of", "on", "the", "to", "in", "with", "by", "at"}


@dataclass(frozen=True)
class Part:
    """One name inside a gloss: ``text == source[start:end]``; kind is en, zh or acronym."""

    kind: str
    text: str
    start: int
    end: int


def is_acronym(text: str) -> bool:
    """Whether ``text`` is a Latin acronym such as ``EV``, ``NUS``, ``U2T`` (2–10 characters)."""
    return 2 <= len(text) <= 10 and ACRONYM.fullmatch(text) is not None and sum(c.isupper() for c in text) >= 2


def initials(text: str) -> str:
    """Capital initials of an English name, skipping small words: ``Intelligence Age`` → ``IA``."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    return "".join(word[0].upper() for word in words if word.lower() not in _LOWER_WORDS)


def expands(acronym: str, name: str) -> bool:
    """Whether ``name`` spells out ``acronym`` (its initials, small words allowed or not)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    every = "".join(word[0].upper() for word in re.findall(r"[A-Za-z]+", name))
    return bool(letters) and ("".join(letters) in (initials(name), every))


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    """English month names and abbreviations (the ``C`` locale's, from :mod:`calendar`)."""
    import calendar

    return frozenset(name.lower() for name in (*calendar.month_name, *calendar.month_abbr) if name)


#: Currency codes (ISO 4217) that amounts in news are written with (``USD 150 million``).
_CURRENCY_CODES = frozenset({"USD", "EUR", "CNY", "RMB", "THB", "JPY", "GBP", "HKD", "SGD", "KRW",
                             "INR", "AUD", "MYR", "VND", "LAK", "IDR", "PHP", "TWD", "CHF", "CAD"})
#: A unit symbol: an SI prefix and a unit of power, energy, mass, length, volume or frequency
#: (``GWh``, ``MW``, ``kg``, ``km``, ``TEU``).
_UNIT_SYMBOL = re.compile(r"(?:[kMGT]?(?:W|Wh|Wp|V|A|Hz|J|t|B)|[kcm]?[mgl]|m[23]|km[23]?|TEU|DWT)")


def is_quantity(text: str) -> bool:
    """Whether a Latin text is a date or an amount, not a name: it has a number and no capitalised
    word but month names, currency codes and unit symbols (``31 October 2026``, ``18 billion baht``,
    ``USD 150 million``, ``8 GWh per year``; not ``Basic Yellow 2``)."""
    words = list(re.finditer(r"[A-Za-z]+", text))
    if not re.search(r"\d", text) or not words:
        return False
    return all(_counts_in_quantity(word.group(), text[word.end():word.end() + 1]) for word in words)


def _counts_in_quantity(word: str, after: str) -> bool:
    """Whether ``word`` (followed by ``after``) may stand in a date or an amount: lower case, a
    month, or a currency code or unit symbol not glued to digits after it (``A320`` is a name)."""
    if word[0].islower() or word.lower() in _month_names():
        return True
    return not after.isdigit() and (word in _CURRENCY_CODES or _UNIT_SYMBOL.fullmatch(word) is not None)


def _scripts(text: str) -> set[str]:
    return {run.script for run in split_scripts(text)}


def _strip(text: str, start: int) -> tuple[str, int, int]:
    """Strip spaces and stray separators, returning the text and its new span."""
    left = len(text) - len(text.lstrip(" \u00a0\u3000"))
    body = text.strip(" \u00a0\u3000")
    return body, start + left, start + left + len(body)


def split_top_level(text: str, separators: str = _PART_SEPARATORS) -> list[tuple[str, int]]:
    """Split at separators that are not inside nested brackets; each piece with its offset."""
    pieces: list[tuple[str, int]] = []
    depth = 0
    begin = 0
    for i, ch in enumerate(text):
        if ch in "(（[":
            depth += 1
        elif ch in ")）]" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            pieces.append((text[begin:i], begin))
            begin = i + 1
    pieces.append((text[begin:], begin))
    return pieces


def classify_name(text: str, start: int) -> list[Part] | None:
    """Classify one name: Chinese, English (with a trailing acronym split off) or an acronym.

    ``None`` when it is not a name (Thai letters, a number or date, a web address).
    """
    label = _LABEL.match(text)
    if label:
        text, start = text[label.end():], start + label.end()
    body, begin, end = _strip(text, start)
    if not body:
        return []
    scripts = _scripts(body)
    if "thai" in scripts or _WEB.search(body):
        return None
    letters = sum(ch.isalpha() for ch in body)
    digits = sum(ch.isdigit() for ch in body)
    if letters == 0 or letters < digits:
        return None
    if "han" in scripts:
        return [Part(CHINESE, body, begin, end)]
    if "latin" not in scripts:
        return None
    if is_quantity(body):
        return None
    if is_acronym(body):
        return [Part("acronym", body, begin, end)]
    trailing = _TRAILING_ACRONYM.search(body)
    if trailing and is_acronym(trailing.group(1)) and trailing.start() > 0:
        name = body[: trailing.start()].rstrip()
        acr_start = begin + trailing.start(1)
        return [Part(ENGLISH, name, begin, begin + len(name)),
                Part("acronym", trailing.group(1), acr_start, acr_start + len(trailing.group(1)))]
    return [Part(ENGLISH, body, begin, end)]


def _pieces(text: str) -> list[tuple[str, int]]:
    """Names of a gloss: split at ``/``; a piece that mixes Latin and Han names separated by a
    comma or semicolon is split there too (a comma inside one English name is kept)."""
    pieces: list[tuple[str, int]] = []
    for piece, offset in split_top_level(text):
        listed = split_top_level(piece, _LIST_SEPARATORS)
        kinds = {"han" in _scripts(item) for item, _ in listed if item.strip()}
        if len(listed) > 1 and kinds == {True, False}:
            pieces.extend((item, offset + at) for item, at in listed)
        else:
            pieces.append((piece, offset))
    return pieces


def parse_gloss(text: str, start: int) -> list[Part] | None:
    """The names in a gloss body ``text`` (which starts at offset ``start``), or ``None``.

    Names are separated by ``/``; a nested ``(AI)`` stays part of the name it sits in.
    """
    parts: list[Part] = []
    for piece, offset in _pieces(text):
        names = classify_name(piece, start + offset)
        if names is None:
            return None
        parts.extend(names)
    kinds = [part.kind for part in parts]
    if not parts or len(set(kinds)) != len(kinds):
        return None
    return parts
