"""Settling a bilingual file's language pair from what the file says and what the user asked.

The file wins where it states a language; a language the user gives must then agree with it
(same primary language: ``zh`` agrees with ``zh-CN`` and with ``zh-Hans``), otherwise the reader
stops with an error rather than checking Thai rules against Chinese text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from trilex.errors import InputError
from trilex.lang.tags import is_valid_tag, normalize_tag, primary_subtag

# th.po, zh_CN.po, xfce4-panel.zh_CN.po, messages.zh-Hans.xlf: the last dotted part of the stem.
_NAME_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


# ISO 639-2/3 codes that file names use for the project's languages (ntrex128: ``.tha.txt``).
_THREE_LETTER = {"tha": "th", "zho": "zh", "chi": "zh", "eng": "en"}


def language_from_filename(path: str) -> str | None:
    """The language tag a file name ends with (``po/zh_CN.po`` → ``zh-CN``, ``x.tha.txt`` → ``th``),
    or ``None``."""
    stem = PurePath(path).stem
    last = stem.rsplit(".", 1)[-1]
    if not _NAME_TAG.match(last):
        return None
    primary, _, rest = normalize_tag(last).partition("-")
    primary = _THREE_LETTER.get(primary, primary)
    if len(primary) != 2:  # "doc.txt" names no language
        return None
    return f"{primary}-{rest}" if rest else primary


def checked_tag(tag: str, what: str, path: str, line: int | None) -> str:
    """``tag`` normalized (``zh_cn`` → ``zh-CN``), or an :class:`InputError` if it is not a tag."""
    tag = tag.strip()
    if not is_valid_tag(tag.replace("_", "-")):
        raise InputError(f"{what} {tag!r} is not a language tag", path, line)
    return normalize_tag(tag)


def settle(stated: str | None, given: str | None, role: str, path: str, line: int | None) -> str | None:
    """The language for ``role`` (``source``/``target``): the file's ``stated`` one, checked
    against the caller's ``given`` one, or ``given`` where the file says nothing."""
    if stated is None:
        return None if given is None else normalize_tag(given)
    if given is not None and primary_subtag(given) != primary_subtag(stated):
        raise InputError(
            f"the file says the {role} language is {stated!r}, but {given!r} was given", path, line)
    return stated
