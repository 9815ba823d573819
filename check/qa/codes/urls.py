"""``url-mismatch``: URLs, e-mail addresses and file paths of the source missing or altered.

Found in both texts and compared as written, in any order. A URL is ASCII (``https://…``,
``ftp://…``, ``www.…``): Thai or Chinese text glued to it (``https://xfce.orgเพื่อ``,
``https://xfce.org。``) is not part of it, nor is trailing punctuation. Paths are absolute
(``/usr/share/…``), home-relative (``~/.config/…``) or Windows (``C:\\…``); ``and/or`` and
``1/2`` are not paths. A URL inside a markup tag (``<a href="…">``) is left to ``tag-mismatch``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.codes.markup import find_tags
from trilex.check.qa.segment import QaUnit, unit_check, unmatched

CODE = "url-mismatch"
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_PATTERNS = (
    ("URL", re.compile(rf"\b(?:https?|ftps?|sftp|file|git|ssh)://{_URL_CHARS}+|\bwww\.[A-Za-z0-9-]+\.{_URL_CHARS}+")),
    ("e-mail address", re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")),
    ("path", re.compile(r"(?<![\w/~.:\\-])(?:~|\.{1,2})?/(?:[A-Za-z0-9._+-]+/)*[A-Za-z0-9._+-]*[A-Za-z0-9_+-]"
                        r"|\b[A-Z]:\\(?:[A-Za-z0-9._ -]+\\)*[A-Za-z0-9._-]+")),
)
_TRAILING = ".,;:!?'\")]"


@dataclass(frozen=True)
class _Address:
    kind: str
    text: str
    start: int
    end: int


_MAY_HAVE_ADDRESS = re.compile(r"[/@\\]|www\.")


def find_addresses(text: str) -> list[_Address]:
    """The URLs, e-mail addresses and paths in ``text``, in text order."""
    if _MAY_HAVE_ADDRESS.search(text) is None:
        return []
    found: list[_Address] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, value = match.start(), _trim(match.group())
            end = start + len(value)
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue  # a path inside a URL, an address inside a URL
            if kind == "path" and value.count("/") < 2 and not value.startswith(("~", ".")) and "." not in value:
                continue  # "/" or "/word": too little to be sure it is a path
            taken.append((start, end))
            found.append(_Address(kind, value, start, end))
    return sorted(found, key=lambda address: address.start)


def _outside_tags(text: str) -> list[_Address]:
    addresses = find_addresses(text)
    if not addresses or "<" not in text:
        return addresses
    tags = [(tag.start, tag.end) for tag in find_tags(text)]
    return [a for a in addresses if not any(start <= a.start < end for start, end in tags)]


def _trim(value: str) -> str:
    while value and value[-1] in _TRAILING:
        if value[-1] == ")" and value.count("(") >= value.count(")"):
            break
        value = value[:-1]
    return value


@unit_check(
    CODE, Severity.WARNING,
    "URLs, e-mail addresses or file paths of the source missing or altered in the target.",
    "Compared as written; Thai/Chinese text or punctuation next to a URL is not part of it.",
)
def check_urls(unit: QaUnit) -> Iterator[Finding]:
    """The URL, e-mail and path findings of one unit."""
    source = _outside_tags(unit.source_text)
    if not source:
        return
    target = _outside_tags(unit.target_text)
    missing = unmatched(source, [a.text for a in source], [a.text for a in target])
    extra = unmatched(target, [a.text for a in target], [a.text for a in source])
    for lost in missing:
        changed = next((added for added in extra if added.kind == lost.kind), None)
        source_span = Span(lost.start, lost.end, lost.text)
        if changed is not None:
            extra.remove(changed)
            target_span = Span(changed.start, changed.end, changed.text)
            yield unit.finding(CODE, f"the {lost.kind} '{lost.text}' is altered to '{changed.text}' in the target",
                               source_span=source_span, target_span=target_span, suggestion=lost.text,
                               fix=Fix(target_span, lost.text))
        else:
            yield unit.finding(CODE, f"the {lost.kind} '{lost.text}' of the source is missing in the target",
                               source_span=source_span)
