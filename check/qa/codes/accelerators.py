"""``accelerator-mismatch``: the source has a keyboard accelerator and the target none, or two.

The marker is the file's (``_`` for GTK, ``&`` for Qt/KDE, ``~`` for LibreOffice): a PO header's
``X-Accelerator-Marker``, else the one its msgids use (:mod:`trilex.bitext.accelerators`), or the
config's ``accelerator`` for the document group. The letter may change — Thai and Chinese
catalogues keep the source's letter after the text, ``文件(_F)``, ``ไฟล์ (_F)``, which is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.bitext.accelerators import accelerator_positions
from trilex.check.findings import Finding, Severity, Span
from trilex.check.qa.segment import QaUnit, unit_check

CODE = "accelerator-mismatch"


@unit_check(
    CODE, Severity.WARNING,
    "The source has a keyboard accelerator (_File, &File) and the target none, or more than one.",
    "The marker is the file's (X-Accelerator-Marker, else the msgids'), or the config's 'accelerator'. "
    "文件(_F) / ไฟล์ (_F) is correct.",
)
def check_accelerators(unit: QaUnit) -> Iterator[Finding]:
    """The accelerator findings of one unit."""
    marker = unit.document.accelerator
    if marker is None or marker not in unit.source_text:
        return
    source = accelerator_positions(unit.source_text, marker)
    if len(source) != 1:
        return
    at = source[0]
    shown = unit.source_text[at:at + 2]
    source_span = Span(at, at + 2, shown)
    target = accelerator_positions(unit.target_text, marker)
    if not target:
        yield unit.finding(CODE, f"the source has the accelerator '{shown}', the target has none",
                           source_span=source_span)
    elif len(target) > 1:
        second = target[1]
        yield unit.finding(CODE, f"the target has {len(target)} accelerators ("
                                 + ", ".join(f"'{unit.target_text[i:i + 2]}'" for i in target) + "), the source one",
                           source_span=source_span,
                           target_span=Span(second, second + 2, unit.target_text[second:second + 2]))
