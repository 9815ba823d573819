"""``punctuation-mismatch``: end marks and paired marks, by the target language's own rules.

The facts are in :mod:`trilex.lang.punctuation` (GB/T 15834 for Chinese, the Royal Institute's
rules for Thai). What is reported:

* **End mark**: the source ends with ``?``, ``!``, ``:``, ``;`` or an ellipsis and the target
  does not end with the same mark — half- or full-width alike (``?`` = ``？``); ``…``, ``...``
  and ``……`` are one mark. A Thai question may do without ``?`` when a question word or
  particle asks it (``ทำไม…``, ``…หรือไม่``). A target that has the mark elsewhere moved it
  (a Chinese question asked mid-sentence, ``…吗？即使…。``), and one that ends a sentence with
  ``?`` or ``!`` where the source has ``.`` ended it more strongly: neither is reported. A source full stop asks for ``。`` in Chinese; in Thai, which ends no sentence
  with a full stop, nothing is asked, and nothing is said when the target keeps it.
* **Half-width marks in Chinese**: a ``,`` or ``.`` written after a Chinese character (not a
  decimal point, a ``...`` or a file extension); the fix is ``，`` / ``。``.
* **Balance**: brackets the source closes and the target leaves open (``()`` with ``（）``,
  ``《》``, ``【】``…), and quotation marks (curly, corner and straight as one family: ``“…“`` is
  a typo) where the source has quotes that balance — a sentence of a quotation that runs over
  several segments has no quote to balance.
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.segment import QaUnit, unit_check
from trilex.lang.punctuation import (
    CHINESE_MARK, END_MARKS, HALF_WIDTH_IN_CHINESE, end_mark, has_quotes, has_thai_question_word,
    unbalanced_pairs)

CODE = "punctuation-mismatch"
#: End marks whose loss the check reports, per target language (``None``: every other language).
_REQUIRED: dict[str | None, frozenset[str]] = {
    "th": frozenset({"question", "exclamation", "colon", "semicolon", "ellipsis"}),
    "zh": frozenset({"period", "question", "exclamation", "colon", "semicolon", "ellipsis"}),
    None: frozenset({"period", "question", "exclamation", "colon", "semicolon", "ellipsis"}),
}


@unit_check(
    CODE, Severity.WARNING,
    "End marks (?, !, :, …) lost, half-width , . in Chinese, unbalanced brackets or quotes — by the target language's rules.",
    "Thai ends no sentence with '.', and a Thai question may end with its particle; full-width marks stand for "
    "half-width ones in Chinese.",
)
def check_punctuation(unit: QaUnit) -> Iterator[Finding]:
    """The punctuation findings of one unit."""
    language = unit.target_primary
    source, target = unit.source_text, unit.target_text
    if not target.strip():
        return
    yield from _end_mark(unit, language, source, target)
    if language == "zh":
        for match in HALF_WIDTH_IN_CHINESE.finditer(target):
            span = Span(match.start(), match.end(), match.group())
            full = "，" if match.group() == "," else "。"
            yield unit.finding(CODE, f"half-width '{match.group()}' in Chinese text: write '{full}'",
                               target_span=span, suggestion=full, fix=Fix(span, full))
    source_open = set(unbalanced_pairs(source))
    if not has_quotes(source):
        source_open.add("quotes")
    for name in unbalanced_pairs(target):
        if name not in source_open:
            yield unit.finding(CODE, f"the target's {name} do not balance (the source's do)")


def _end_mark(unit: QaUnit, language: str, source: str, target: str) -> Iterator[Finding]:
    source_class, source_start, source_end = end_mark(source)
    if source_class is None or source_class not in _REQUIRED.get(language, _REQUIRED[None]):
        return
    if source_class == "period" and source[:source_start].rstrip()[-1:].isdigit():
        return  # "version 2." / a list number, not a sentence end
    target_class, target_start, target_end = end_mark(target)
    if target_class == source_class:
        return
    if source_class == "period" and target_class in ("question", "exclamation"):
        return
    if source_class in ("question", "exclamation") and any(mark in target for mark in END_MARKS[source_class]):
        return  # the question or exclamation moved inside the target
    if language == "th" and source_class == "question" and has_thai_question_word(target):
        return
    mark = source[source_start:source_end]
    wanted = CHINESE_MARK.get(source_class, mark) if language == "zh" else mark
    if target_class is None:
        at = len(target.rstrip())  # after a closing bracket: 行大小 (像素)：
        span = Span(at, at, "")
        yield unit.finding(CODE, f"the source ends with '{mark}', the target with no end mark: add '{wanted}'",
                           source_span=Span(source_start, source_end, mark), target_span=span,
                           suggestion=wanted, fix=Fix(span, wanted))
    else:
        written = target[target_start:target_end]
        span = Span(target_start, target_end, written)
        yield unit.finding(CODE, f"the source ends with '{mark}', the target with '{written}'",
                           source_span=Span(source_start, source_end, mark), target_span=span,
                           suggestion=wanted, fix=Fix(span, wanted))


assert set(CHINESE_MARK) == set(END_MARKS)  # every class has its Chinese mark
