"""``thai-spelling``: Thai stored in the wrong character order, or with stray invisible characters.

The sequences are those :mod:`trilex.lang.thai_spelling` lists (``เเ`` for ``แ``, ``ํา`` for
``ำ``, tone marks before their vowel or doubled, marks with no consonant, ZWJ/ZWNJ/soft hyphen);
matching already reads through them, but search engines, sorting, spell checkers and screen
readers do not. A Thai target gets a fix with the corrected text; a Thai source is reported
too (its author should fix it), without a fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.segment import QaUnit, unit_check
from trilex.lang.thai_spelling import spelling_problems

CODE = "thai-spelling"


@unit_check(
    CODE, Severity.WARNING,
    "Thai stored in the wrong order (เเ for แ, ํา for ำ, tone mark before its vowel, doubled marks) or with stray invisible characters.",
    "The fix gives the corrected text; ZERO WIDTH SPACE, used on purpose to mark Thai word breaks, is left alone.",
)
def check_thai_spelling(unit: QaUnit) -> Iterator[Finding]:
    """The Thai spelling findings of one unit."""
    if unit.target_primary == "th":
        for problem in spelling_problems(unit.target_text):
            span = Span(problem.start, problem.end, problem.text)
            fix = None if problem.correction is None else Fix(span, problem.correction)
            shown = f": write '{problem.correction}'" if problem.correction else ""
            yield unit.finding(CODE, f"{problem.problem} in the target{shown}", target_span=span,
                               suggestion=problem.correction or None, fix=fix)
    if unit.source_primary == "th":
        for problem in spelling_problems(unit.source_text):
            shown = f" (should be '{problem.correction}')" if problem.correction else ""
            yield unit.finding(CODE, f"{problem.problem} in the source{shown}",
                               source_span=Span(problem.start, problem.end, problem.text))
