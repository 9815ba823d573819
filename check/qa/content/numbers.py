"""``number-mismatch``: a number of the source that the target does not have, as a value.

Numbers are read with :func:`trilex.lang.numbers.find_numbers` in each text's own language, from
the text with its codes blanked out (:mod:`trilex.check.qa.codes.masking`): ``1,200 ล้าน`` is
``1.2 billion`` and ``12亿``, ``๒๕๖๘`` and ``พ.ศ. 2568`` are ``2025``, ``ร้อยละ 50`` is ``50%``,
``23 ก.พ. 2568`` is ``February 23, 2025``. Each source number must meet a target number that
can be the same (:func:`~trilex.lang.numbers.same_number`), each target number standing for one
source number; a target ``4.40`` may also be the time 4:40 (hour and minutes of the source). A
number the target adds is not reported (a Thai translation may add the B.E. year); one the
target lacks is, with the value read and the target's unmatched numbers beside it. A decade
(``the 1980s``, ``20世纪80年代``) is not a year and is not required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from trilex.check.findings import Finding, Severity, Span
from trilex.check.qa.codes.masking import mask_codes
from trilex.check.qa.segment import QaUnit, unit_check
from trilex.lang.numbers import NumberMention, find_numbers, same_number

CODE = "number-mismatch"


@unit_check(
    CODE, Severity.ERROR,
    "A number of the source missing from the target as a value (digits, Thai digits, 万/亿/ล้าน, %, B.E. years, dates).",
    "Compared as values: 1,200 ล้าน = 1.2 billion = 12亿, พ.ศ. 2568 = 2025, ร้อยละ 50 = 50%. Numbers the target adds "
    "are not reported.",
)
def check_numbers(unit: QaUnit) -> Iterator[Finding]:
    """The number findings of one unit."""
    source_text = unit.source_text
    if _MAY_HAVE_NUMBER.search(source_text) is None:
        return
    masked = mask_codes(source_text)
    if masked is not source_text and _MAY_HAVE_NUMBER.search(masked) is None:
        return  # the digits were those of placeholders (%1$s) or tags
    source = find_numbers(masked, unit.source_lang)
    if not source:
        return
    target = find_numbers(mask_codes(unit.target_text), unit.target_lang)
    left = list(target)
    missing: list[NumberMention] = []
    for mention in source:
        if _is_decade(mention, source_text):
            continue  # the 1980s, the 1880s: a decade
        match = next((other for other in left if same_number(mention, other)), None)
        if match is None:
            missing.append(mention)
        else:
            left.remove(match)
    missing = _matched_as_times(missing, left)
    if unit.target_primary == "en" and missing:
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", unit.target_text)}
        missing = [mention for mention in missing if _ENGLISH_WORDS.get(mention.value) not in words]
    for mention in missing:
        shown = _value(mention)
        others = ", ".join(f"'{other.text}' ({_value(other)})" for other in left)
        message = f"the source number '{mention.text}' ({shown}) is not in the target"
        if others:
            message += f"; the target has {others}"
        target_span = Span(left[0].start, left[0].end, left[0].text) if len(missing) == 1 and len(left) == 1 else None
        yield unit.finding(CODE, message, source_span=Span(mention.start, mention.end, mention.text),
                           target_span=target_span)


#: English number words for small whole numbers: a Chinese or Thai source's 三 or สาม may be
#: ``three`` in an English target (the reader reads no English words).
_ENGLISH_WORDS = {Decimal(value): word for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_ENGLISH_WORDS.update({Decimal(10 * tens): word for tens, word in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_ENGLISH_WORDS.update({Decimal(100): "hundred", Decimal(1000): "thousand"})


def _is_decade(mention: NumberMention, text: str) -> bool:
    """``1980s``, ``the 1880s``: four digits and an ``s``."""
    return (len(mention.text) == 4 and mention.text.isdigit() and text[mention.end:mention.end + 1] == "s"
            and not text[mention.end + 1:mention.end + 2].isalpha())


#: A digit, or a Chinese or Thai letter (number words): without one a text has no number.
_MAY_HAVE_NUMBER = re.compile(r"[\d\u4e00-\u9fff\u0e00-\u0e7f]")

_TIME = re.compile(r"^([01]?\d|2[0-4])[.:]([0-5]\d)$")


def _matched_as_times(missing: list[NumberMention], left: list[NumberMention]) -> list[NumberMention]:
    """``missing`` less the numbers a time of the target (``4.40`` read as 4.4) gives as hour or minutes."""
    for other in list(left):
        time = _TIME.match(other.text)
        if time is None:
            continue
        parts = [Decimal(time.group(1)), Decimal(time.group(2))]
        taken = [mention for mention in missing if mention.kind == "number" and mention.value in parts
                 and not parts.remove(mention.value)]
        if taken:
            left.remove(other)
            missing = [mention for mention in missing if mention not in taken]
    return missing


def _value(mention: NumberMention) -> str:
    if mention.kind == "date" and mention.date is not None:
        return "date " + "-".join("?" if part is None else f"{part:02d}" for part in mention.date)
    value = f"{mention.value:,f}".rstrip("0").rstrip(".") if "." in f"{mention.value:f}" else f"{mention.value:,}"
    if mention.kind == "percent":
        return value + "%"
    if mention.kind == "year":
        return "year " + " = ".join(str(v) for v in sorted(mention.values) if v >= 1000)
    return value
