"""``untranslated``: translations that are the source again, or not in the target's script.

* A target equal to its source (after normalization) is untranslated when the source has words
  left once placeholders, markup, URLs and the config's ``do-not-translate`` terms are taken out,
  unless it is one token written like a name or code (``GNOME``, ``Xfce4``, ``iBus``, ``GTK+``).
* A Thai or Chinese target with no Thai or Han letter at all, for a source of three words or
  more, was not translated either (an English rewording, a pasted copy).
* Units with no translation are counted per file and reported once, at ``info``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from trilex.bitext.model import BilingualDocument
from trilex.check.findings import Finding, Severity
from trilex.check.qa.codes.masking import mask_codes
from trilex.check.qa.segment import QaUnit, document_finding, document_part, unit_check
from trilex.lang.normalize import match_key

CODE = "untranslated"
_WORD = re.compile(r"[^\W\d_]{2,}")
_NAME_LIKE = re.compile(r"^(?:[A-Z0-9][A-Z0-9+.#-]*|[A-Za-z]\w*[A-Z0-9+#]\w*[+]*|[a-z]+[A-Z]\w*)$")
#: The letters a Thai or Chinese target must have some of.
_TARGET_SCRIPT = {"th": re.compile("[\u0e01-\u0e5b]"),
                  "zh": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")}
_SENTENCE_WORDS = 3


def prose(text: str, do_not_translate: frozenset[str] = frozenset()) -> str:
    """``text`` without placeholders, markup, URLs, paths and do-not-translate terms."""
    result = mask_codes(text)
    for term in do_not_translate:
        result = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", " ", result, flags=re.IGNORECASE)
    return result


@unit_check(
    CODE, Severity.WARNING,
    "A translated unit whose target is its source again, or a Thai/Chinese target with no Thai/Han letter.",
    "Names and codes (GNOME, Xfce4) and the config's 'do-not-translate' terms are allowed; units without a "
    "translation are counted per file at info.",
)
def check_untranslated(unit: QaUnit) -> Iterator[Finding]:
    """The untranslated findings of one unit."""
    source, target = unit.segment.source, unit.segment.target or ""
    script = _TARGET_SCRIPT.get(unit.target_primary)
    if script is not None and script.search(target) and not script.search(source):
        return  # a Thai or Chinese translation of a text in another script: no copy
    same = match_key(source) == match_key(target)
    if not same and (script is None or script.search(target)):
        return  # translated, or written in the target's script
    words = _WORD.findall(prose(source, unit.do_not_translate))
    if not words:
        return
    if same:
        if len(words) == 1 and len(source.split()) == 1 and _NAME_LIKE.match(source.strip()):
            return
        yield unit.finding(CODE, "the target is the source text again: untranslated")
    elif len(words) >= _SENTENCE_WORDS and _WORD.search(target):
        name = "Thai" if unit.target_primary == "th" else "Chinese"
        yield unit.finding(CODE, f"the {name} target has no {name} letter: not translated")


@document_part(CODE)
def count_missing(document: BilingualDocument, source_lang: str, target_lang: str) -> Iterator[Finding]:
    """One info finding per file with units that have no translation."""
    missing = sum(1 for segment in document.segments if segment.target is None)
    if missing:
        total = len(document.segments)
        yield document_finding(CODE, document, f"{missing:,} of {total:,} units have no translation",
                               None, Severity.INFO)

