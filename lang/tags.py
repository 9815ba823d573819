"""BCP 47 language tags: comparing ``th`` with ``th-TH``, ``zh_CN`` with ``zh-CN``."""

from __future__ import annotations

import functools
import re

_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

#: The region-qualified tag trilex writes for a bare primary language by default.
DEFAULT_REGIONS = {"th": "th-TH", "zh": "zh-CN", "en": "en-US"}


def normalize_tag(tag: str) -> str:
    """Canonical case and separator: ``zh_cn`` → ``zh-CN``, ``EN-us`` → ``en-US``, ``zh-hans`` → ``zh-Hans``."""
    parts = tag.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


#: :func:`normalize_tag`, cached: files repeat a handful of tags millions of times.
normalized_tag = functools.lru_cache(maxsize=256)(normalize_tag)


def is_valid_tag(tag: str) -> bool:
    """Whether ``tag`` has the shape of a BCP 47 tag (``xsd:language``)."""
    return bool(_TAG.match(tag))


@functools.lru_cache(maxsize=1024)
def primary_subtag(tag: str) -> str:
    """``th-TH`` → ``th``; ``zh_CN`` → ``zh``."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def tag_matches(wanted: str, tag: str) -> bool:
    """Whether a language ``tag`` in a file answers a lookup for ``wanted``.

    A bare primary subtag (``th``) matches any region (``th-TH``); a full tag matches the same
    tag, ignoring case and ``_``/``-``, or a bare tag of the same language. Chinese tags that
    imply the same script match each other (``zh-TW`` finds ``zh-Hant``, ``zh-Hans`` finds
    ``zh-CN``; see :func:`chinese_script`).
    """
    wanted_n, tag_n = normalize_tag(wanted), normalize_tag(tag)
    if wanted_n == tag_n:
        return True
    if "-" not in wanted_n or "-" not in tag_n:
        return primary_subtag(wanted_n) == primary_subtag(tag_n)
    script = chinese_script(wanted_n)
    return script is not None and script == chinese_script(tag_n)


_TRADITIONAL_SUBTAGS = frozenset({"hant", "tw", "hk", "mo"})
_SIMPLIFIED_SUBTAGS = frozenset({"hans", "cn", "sg", "my"})


def chinese_script(tag: str) -> str | None:
    """``Hans`` or ``Hant`` for a Chinese tag that implies one, else ``None``.

    The script subtag says it, or the region as CLDR's likely subtags have it: ``zh-CN``,
    ``zh-SG``, ``zh-MY`` Simplified; ``zh-TW``, ``zh-HK``, ``zh-MO`` Traditional. A bare ``zh``
    implies neither.
    """
    if primary_subtag(tag) != "zh":
        return None
    subtags = {part.lower() for part in tag.replace("_", "-").split("-")[1:]}
    if subtags & _TRADITIONAL_SUBTAGS:
        return "Hant"
    return "Hans" if subtags & _SIMPLIFIED_SUBTAGS else None


def with_region(tag: str) -> str:
    """A region-qualified tag for writing: ``th`` → ``th-TH``; tags with a region stay as they are."""
    tag_n = normalize_tag(tag)
    return DEFAULT_REGIONS.get(tag_n, tag_n)
