"""Simplified and Traditional Chinese: which one a language tag asks for, and text in the other.

A tag names the script directly (``zh-Hans``, ``zh-Hant``) or through its region, as CLDR's
likely-subtags data has it: ``zh-CN``, ``zh-SG``, ``zh-MY`` are Simplified; ``zh-TW``,
``zh-HK``, ``zh-MO`` Traditional. A bare ``zh`` names neither, and nothing is checked for it.

Characters of the other script are found with OpenCC (phrase-level conversion, so ``著名``
stays ``著名`` in Simplified and ``干部`` becomes ``幹部``, not ``乾部``, in Traditional): the
runs that conversion to the wanted script changes are the ones written in the other script.
OpenCC is loaded on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.tags import primary_subtag

SIMPLIFIED = "Hans"
TRADITIONAL = "Hant"
_TRADITIONAL_SUBTAGS = frozenset({"hant", "tw", "hk", "mo"})
_SIMPLIFIED_SUBTAGS = frozenset({"hans", "cn", "sg", "my"})
#: OpenCC configuration that converts text into each script.
_INTO = {SIMPLIFIED: "t2s", TRADITIONAL: "s2t"}


def chinese_script(tag: str) -> str | None:
    """``Hans`` or ``Hant`` for a Chinese tag that implies one (``zh-TW`` → ``Hant``), else ``None``."""
    if primary_subtag(tag) != "zh":
        return None
    subtags = {part.lower() for part in tag.replace("_", "-").split("-")[1:]}
    if subtags & _TRADITIONAL_SUBTAGS:
        return TRADITIONAL
    return SIMPLIFIED if subtags & _SIMPLIFIED_SUBTAGS else None


@lru_cache(maxsize=2)
def _converter(script: str):
    import opencc

    return opencc.OpenCC(_INTO[script])


def convert(text: str, script: str) -> str:
    """``text`` written in ``script`` (``Hans`` or ``Hant``)."""
    return _converter(script).convert(text)


@dataclass(frozen=True)
class ScriptRun:
    """A stretch of text written in the other script, and how the wanted script writes it."""

    start: int
    end: int
    text: str
    converted: str


def other_script_runs(text: str, script: str) -> list[ScriptRun]:
    """The runs of ``text`` that are not written in ``script``, with their conversion."""
    if not any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text):
        return []
    converted = convert(text, script)
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
