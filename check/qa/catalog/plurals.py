"""``plural-forms``: a PO plural message whose forms do not match the header's ``nplurals``.

gettext picks ``msgstr[n]`` with the header's ``Plural-Forms`` formula: a message with fewer
forms shows nothing for some numbers, one with more wastes a form nobody sees (Thai and Chinese
have a single form, ``nplurals=1``). Reported: plural messages without a usable
``Plural-Forms`` header, a header whose ``nplurals`` is not the language's, and each message
whose ``msgstr[n]`` are missing, empty or too many — located on its first form (``msgid[0]``),
where an inline suppression of the message applies; a fuzzy message's finding follows the
run's unfinished severity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.findings import Finding, Severity
from trilex.check.qa.segment import document_check, document_finding
from trilex.lang.tags import primary_subtag

CODE = "plural-forms"
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
#: The number of plural forms gettext (and CLDR) give a language, where trilex is sure of it.
LANGUAGE_NPLURALS = {
    "th": 1, "zh": 1, "ja": 1, "ko": 1, "vi": 1, "lo": 1, "km": 1, "my": 1, "id": 1, "ms": 1,
    "en": 2, "de": 2, "nl": 2, "sv": 2, "da": 2, "nb": 2, "es": 2, "it": 2, "pt": 2, "fr": 2,
}


@document_check(
    CODE, Severity.ERROR,
    "A PO plural message whose msgstr[n] count differs from the header's nplurals, or a missing msgstr[n].",
    "Thai and Chinese have nplurals=1. Plural messages need a Plural-Forms header.",
)
def check_plural_forms(document: BilingualDocument, source_lang: str, target_lang: str) -> Iterator[Finding]:
    """The plural-form findings of one PO file."""
    messages = _plural_messages(document)
    if document.format != "po" or not messages:
        return
    header = document.header.get("Plural-Forms")
    match = _NPLURALS.search(header or "")
    if match is None:
        what = "no Plural-Forms header" if header is None else f"a Plural-Forms header without nplurals: {header!r}"
        yield document_finding(CODE, document, f"{len(messages)} plural message(s) but {what}", document.header_line)
        return
    nplurals = int(match.group(1))
    expected = LANGUAGE_NPLURALS.get(primary_subtag(target_lang))
    if expected is not None and nplurals != expected:
        yield document_finding(CODE, document, f"the header says nplurals={nplurals}, but {target_lang} has "
                                               f"{expected} plural form(s)", document.header_line)
    for forms in messages.values():
        yield from _check_message(document, forms, nplurals)


def _plural_messages(document: BilingualDocument) -> dict[int | None, list[Segment]]:
    messages: dict[int | None, list[Segment]] = {}
    for segment in document.segments:
        if segment.plural_index is not None:
            messages.setdefault(segment.line, []).append(segment)
    return messages


def _check_message(document: BilingualDocument, forms: list[Segment], nplurals: int) -> Iterator[Finding]:
    if all(form.target is None for form in forms):
        return  # not translated at all: the untranslated count reports it
    first = forms[0]
    indices = sorted(form.plural_index for form in forms)
    wanted = list(range(nplurals))
    problems: list[str] = []
    missing = [n for n in wanted if n not in indices]
    extra = [n for n in indices if n >= nplurals]
    empty = [form.plural_index for form in forms if form.target is None and form.plural_index < nplurals]
    if missing:
        problems.append("missing " + ", ".join(f"msgstr[{n}]" for n in missing))
    if extra:
        problems.append("has " + ", ".join(f"msgstr[{n}]" for n in extra) + " beyond them")
    if empty:
        problems.append("empty " + ", ".join(f"msgstr[{n}]" for n in empty))
    if problems:
        finding = document_finding(CODE, document, f"the header says nplurals={nplurals}; this message "
                                                   + "; ".join(problems), first.line, unit_id=first.unit_id)
        finding.source, finding.target = first.source_as_written, first.target_as_written or ""
        finding.unfinished = first.unfinished
        yield finding
