"""``script-variant``: a Simplified Chinese target with Traditional characters, or the reverse.

The script the target must be in comes from its language tag (:func:`trilex.lang.chinese_script.
chinese_script`: ``zh-CN``/``zh-SG``/``zh-Hans`` Simplified, ``zh-TW``/``zh-HK``/``zh-Hant``
Traditional; a bare ``zh`` is not checked). Each run of characters in the other script — or,
for ``zh-TW`` and ``zh-HK``, not in the region's standard forms (``爲`` for Taiwan's ``為``) — is a
finding whose fix is OpenCC's conversion of it (``s2tw``, ``s2hk``, ``s2t``, ``t2s``).
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.check.findings import Finding, Fix, Severity, Span
from trilex.check.qa.segment import QaUnit, unit_check
from trilex.lang.chinese_script import SIMPLIFIED, chinese_script, convert, other_script_runs

CODE = "script-variant"


@unit_check(
    CODE, Severity.WARNING,
    "A zh-CN/zh-Hans/zh-SG target with Traditional characters, or a zh-TW/zh-HK/zh-Hant target with Simplified ones.",
    "Found and fixed with OpenCC's phrase-level conversion; a bare 'zh' target names no script and is not checked.",
)
def check_script_variant(unit: QaUnit) -> Iterator[Finding]:
    """The script-variant findings of one unit."""
    script = chinese_script(unit.target_lang)
    if script is None:
        return
    wanted, other = ("Simplified", "Traditional") if script == SIMPLIFIED else ("Traditional", "Simplified")
    other_tag = "zh-Hant" if script == SIMPLIFIED else "zh-Hans"
    for run in other_script_runs(unit.target_text, unit.target_lang):
        span = Span(run.start, run.end, run.text)
        if convert(run.text, other_tag) == run.text:
            what = f"written in {other} characters in a {wanted} ({unit.target_lang}) target"
        else:
            what = f"not the form {unit.target_lang} writes"
        yield unit.finding(CODE, f"'{run.text}' is {what}: write '{run.converted}'",
                           target_span=span, suggestion=run.converted, fix=Fix(span, run.converted))
