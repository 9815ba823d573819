"""Simplified and Traditional Chinese: text in the other script, and termbase sections converted.

Which script a tag asks for is :func:`trilex.lang.tags.chinese_script` (``zh-TW`` → ``Hant``).

Characters of the other script are found with OpenCC (phrase-level conversion, so ``著名``
stays ``著名`` in Simplified and ``干部`` becomes ``幹部``, not ``乾部``, in Traditional): the
runs that conversion to the wanted script changes are the ones written in the other script.
OpenCC is loaded on first use.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.tags import chinese_script, primary_subtag
from trilex.termbase.model import Concept, LanguageSection

SIMPLIFIED = "Hans"
TRADITIONAL = "Hant"
#: OpenCC configuration that converts text into the script (and regional standard) of a tag:
#: Taiwan's and Hong Kong's Traditional forms differ (``為``/``爲``, ``裡``/``裏``).
_REGIONAL = {"tw": "s2tw", "hk": "s2hk", "mo": "s2hk"}
_CONVERTED: dict[tuple[int, str], tuple[LanguageSection, LanguageSection]] = {}

__all__ = ["SIMPLIFIED", "TRADITIONAL", "ScriptRun", "chinese_script", "conversion", "convert",
           "converted_section", "other_script_runs"]


def conversion(tag: str) -> str | None:
    """The OpenCC configuration that writes text the way Chinese of ``tag`` does (``zh-TW`` →
    ``s2tw``), ``None`` for a tag that names no script."""
    script = chinese_script(tag)
    if script is None:
        return None
    if script == SIMPLIFIED:
        return "t2s"
    regions = {part.lower() for part in tag.replace("_", "-").split("-")[1:]}
    return next((_REGIONAL[region] for region in regions if region in _REGIONAL), "s2t")


@lru_cache(maxsize=4)
def _converter(configuration: str):
    import opencc

    return opencc.OpenCC(configuration)


def convert(text: str, tag: str) -> str:
    """``text`` written the way Chinese of ``tag`` writes it (``zh-CN``: Simplified; ``zh-TW``:
    Taiwan's Traditional forms; ``zh-Hant``: OpenCC's standard Traditional); unchanged for a tag
    that names no script."""
    configuration = conversion(tag)
    return text if configuration is None else _converter(configuration).convert(text)


@dataclass(frozen=True)
class ScriptRun:
    """A stretch of text written in the other script, and how the wanted script writes it."""

    start: int
    end: int
    text: str
    converted: str


def other_script_runs(text: str, tag: str) -> list[ScriptRun]:
    """The runs of ``text`` that Chinese of ``tag`` does not write that way, with their conversion."""
    if not any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text):
        return []
    converted = convert(text, tag)
    if converted == text:
        return []
    if len(converted) != len(text):  # a phrase of another length: report the whole text
        return [ScriptRun(0, len(text), text, converted)]
    runs: list[ScriptRun] = []
    index = 0
    while index < len(text):
        if text[index] == converted[index]:
            index += 1
            continue
        start = index
        while index < len(text) and text[index] != converted[index]:
            index += 1
        runs.append(ScriptRun(start, index, text[start:index], converted[start:index]))
    return runs


def converted_section(concept: Concept, lang: str) -> LanguageSection | None:
    """For a Chinese ``lang`` of one script (``zh-TW``) that ``concept`` has no section for: its
    Chinese section of the other script, every term converted (statuses and notes kept), else ``None``.

    The same converted section (and so the same :class:`~trilex.termbase.model.Term` objects)
    is returned every time, so matches and term lists agree on identity.
    """
    script = chinese_script(lang)
    if script is None:
        return None
    source = next((section for section in concept.languages
                   if primary_subtag(section.lang) == "zh" and chinese_script(section.lang) not in (None, script)),
                  None)
    if source is None:
        return None
    key = (id(source), conversion(lang))
    cached = _CONVERTED.get(key)
    if cached is None or cached[0] is not source:
        terms = [dataclasses.replace(term, text=convert(term.text, lang)) for term in source.terms]
        cached = _CONVERTED[key] = (source, dataclasses.replace(source, lang=lang, terms=terms))
    return cached[1]
