"""The HTML document every page shares: head, inline assets, the embedded data, languages.

* :func:`document` writes the page: a Content-Security-Policy that allows only the page's own
  inline script and style (by their SHA-256) and no request anywhere, the shared and the page's
  styles and scripts from ``assets/``, the data as JSON (:func:`json_script`), and a static
  heading and ``<noscript>`` note. Everything else the page's script builds with
  ``textContent``: user text is never parsed as HTML.
* :func:`json_script` embeds data safely: every ``<`` in the JSON is written ``\\u003c``, so no
  string (``</script>``, ``<!--``) can end or change the script element. :func:`json_lines` does
  the same for data a page parses one item at a time (100,000 concepts: only those shown).
* :func:`html_lang` gives the ``lang`` attribute of a text: ``th``, ``zh-Hans``/``zh-Hant``,
  ``en``…, from its language tag, or from its script when no tag is known — so the fonts and
  line breaking the browser picks are right for Thai and Chinese.
* :func:`utf16_index` converts Python's code-point offsets into the UTF-16 offsets JavaScript
  strings use (they differ after a character outside the BMP, such as 𠀀 or an emoji).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from collections.abc import Sequence
from typing import Any

from trilex import __version__

#: The ``id`` of the ``<script type="application/json">`` element that holds a page's data.
DATA_ID = "trilex-data"
#: Assets every page includes before its own.
COMMON_STYLES = ("base.css",)
COMMON_SCRIPTS = ("common.js",)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_HAN = re.compile("[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                  "\uf900-\ufaff\U00020000-\U0003ffff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def escape(text: str) -> str:
    """``text`` safe inside HTML element content and quoted attribute values."""
    return html.escape(text, quote=True)


@cache
def asset(name: str) -> str:
    """The text of ``assets/NAME`` (a page's CSS or JavaScript), from the installed package."""
    return (resources.files("trilex.pages") / "assets" / name).read_text(encoding="utf-8")


def json_text(data: Any) -> str:
    """``data`` as compact JSON that is safe inside a ``<script>`` element (no ``<`` at all)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c")


def json_script(data: Any, element_id: str = DATA_ID) -> str:
    """A ``<script type="application/json">`` element holding ``data`` (read it with
    ``JSON.parse(element.textContent)``)."""
    return f'<script type="application/json" id="{escape(element_id)}">{json_text(data)}</script>'


def json_lines(items: Sequence[Any]) -> str:
    """One compact JSON value per line (no ``<``, no raw line break inside a value): data a page
    parses item by item, when it shows the item (``T.lines(id)`` splits it), not all at load."""
    return "\n".join(json_text(item) for item in items)


def html_lang(tag: str | None, text: str = "") -> str:
    """The HTML ``lang`` of a text in language ``tag``: ``th``, ``zh-Hans`` or ``zh-Hant``, ``en``,
    else the tag itself. With no tag, the text's script decides (``th``, ``zh-Hans``), and a text
    in neither script is ``und`` (undetermined) — or ``en`` if it is Latin letters."""
    from trilex.lang.tags import chinese_script, normalize_tag, primary_subtag

    if tag:
        primary = primary_subtag(tag)
        if primary == "zh":
            return "zh-Hant" if chinese_script(tag) == "Hant" else "zh-Hans"
        if primary in ("th", "en"):
            return primary
        return normalize_tag(tag)
    if _THAI.search(text):
        return "th"
    if _HAN.search(text):
        return "zh-Hans"
    return "en" if _LATIN.search(text) else "und"


def utf16_index(text: str, index: int) -> int:
    """The UTF-16 offset (JavaScript's) of code-point offset ``index`` in ``text``."""
    if not _ASTRAL.search(text, 0, index):
        return index
    return index + len(_ASTRAL.findall(text, 0, index))


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def document(*, title: str, kind: str, data: Any, styles: Sequence[str], scripts: Sequence[str],
             subtitle: str = "", title_lang: str = "en", lines: dict[str, str] | None = None) -> str:
    """The whole HTML page: ``kind`` names it (``report``, ``terms``, ``review``; the ``<body>``
    class), ``data`` is embedded as JSON for ``scripts`` (asset names, after ``common.js``), and
    ``styles`` (after ``base.css``) style it. ``title``/``subtitle`` are plain text. ``lines``:
    element id → text made by :func:`json_lines`, embedded as ``<script type="text/plain">``."""
    blocks = []
    for element_id, text in (lines or {}).items():
        if "<" in text:
            raise ValueError(f"{element_id}: embedded lines must come from json_lines (no '<')")
        blocks.append(f'<script type="text/plain" id="{escape(element_id)}">{text}</script>\n')
    style = "\n".join(asset(name) for name in (*COMMON_STYLES, *styles))
    script = "\n".join(asset(name) for name in (*COMMON_SCRIPTS, *scripts))
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    sub = f'\n<p class="subtitle">{escape(subtitle)}</p>' if subtitle else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<link rel="icon" href="data:,">\n'  # no favicon request
        f'<meta name="generator" content="trilex {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{style}</style>\n</head>\n"
        f'<body class="page-{escape(kind)}">\n'
        f'<header class="page-header"><h1 lang="{escape(title_lang)}">{escape(title)}</h1>{sub}</header>\n'
        '<noscript><p class="noscript">This page needs JavaScript to show its contents.</p></noscript>\n'
        '<main id="app" aria-live="polite"></main>\n'
        f'<footer class="page-footer">Made by trilex {escape(__version__)}</footer>\n'
        f"{json_script(data)}\n"
        f"{''.join(blocks)}"
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )
