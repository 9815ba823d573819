"""``header-mismatch``: the language a file declares disagrees with its name or with ``--target``.

The file's own statement (PO ``Language:``, XLIFF ``target-language``/``trgLang``) against the
language its name ends with (``th.po``, ``messages.zh-Hans.xlf``) and the language it is checked
as. A different language is a warning, and so is Chinese in the other script (``zh-CN`` or
``zh-Hans`` against ``zh-TW`` or ``zh-Hant``: Simplified against Traditional); a different
region or script only (``zh_CN`` against ``zh``, ``zh-CN`` against ``zh-Hans``) is info.
"""

from __future__ import annotations

from collections.abc import Iterator

from trilex.bitext.languages import language_from_filename
from trilex.bitext.model import BilingualDocument
from trilex.check.findings import Finding, Severity
from trilex.check.qa.segment import document_check, document_finding
from trilex.lang.tags import chinese_script, normalize_tag, primary_subtag

CODE = "header-mismatch"


@document_check(
    CODE, Severity.WARNING,
    "The file's declared language (PO Language:, XLIFF target-language) disagrees with its name or --target.",
    "Info when only the region or script differ (zh_CN vs zh, zh-CN vs zh-Hans).",
)
def check_header_language(document: BilingualDocument, source_lang: str, target_lang: str) -> Iterator[Finding]:
    """The declared-language findings of one file."""
    declared = document.declared_target_lang
    if declared is None:
        return
    declared = normalize_tag(declared)
    where = "Language:" if document.format == "po" else "target-language"
    named = language_from_filename(document.path)
    if named is not None and named.lower() != declared.lower():
        yield _finding(document, declared, named, f"its file name says {named}", where)
    if target_lang.lower() not in (declared.lower(), (named or "").lower()):
        yield _finding(document, declared, target_lang, f"it is checked as {target_lang} (--target or config)", where)


def _finding(document: BilingualDocument, declared: str, other: str, what: str, where: str) -> Finding:
    scripts = {chinese_script(declared), chinese_script(other)} - {None}
    same_language = primary_subtag(declared) == primary_subtag(other) and len(scripts) < 2
    message = f"the file declares {where} {declared}, but {what}"
    if same_language:
        message += " (only the region or script differ)"
    elif len(scripts) == 2:
        message += " (Simplified against Traditional Chinese)"
    return document_finding(CODE, document, message, document.declared_line,
                            Severity.INFO if same_language else None)
