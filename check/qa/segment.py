"""What every QA check is handed, and the three registries the engine runs them from.

* **Unit checks** look at one translated unit: ``(unit: QaUnit) -> Iterable[Finding]``,
  registered with :func:`unit_check` (placeholders, markup, accelerators, whitespace, URLs,
  untranslated).
* **Document checks** look at one file as a whole: ``(document: BilingualDocument,
  source_lang, target_lang) -> Iterable[Finding]``, registered with :func:`document_check`
  (plural forms against the header, the declared language, the count of missing translations).
* **Run checks** see every unit of the run and report after the last one: a class with
  ``add(unit)`` and ``findings()``, registered with :func:`run_wide_check` (one source text
  translated in different ways).

Each registration also records the check in :data:`trilex.check.registry.CHECKS`, so
``--list-checks``, the config, SARIF rules and suppressions know it like any term check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Protocol, TypeVar

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.findings import Finding, Fix, Location, Severity, Span
from trilex.check.registry import CHECKS, register_into
from trilex.lang.tags import primary_subtag

#: Formats whose flattened text stands for inline XML codes (the QA checks read that text).
_XML_FORMATS = frozenset({"xliff", "tmx"})
#: gettext's conventional msgids whose "translation" is a list of the translators' names.
CREDITS_SOURCES = frozenset({"translator-credits", "translator_credits", "translator-credits\n",
                             "TRANSLATORS", "Your names", "Your emails"})


def qa_applies(segment: Segment) -> bool:
    """Whether the QA checks look at this translated segment (not translator credits)."""
    return segment.source not in CREDITS_SOURCES


class QaUnit:
    """One translated unit as the QA checks see it: the segment, its file and its languages.

    ``source_text``/``target_text`` are what the checks read and every span points into: the
    text as the file writes it (accelerator markers kept), except for XLIFF and TMX, whose
    inline XML codes are read as structured codes and stand in the text as U+FFFC.
    ``source_primary``/``target_primary`` are the languages' primary subtags (``th``, ``zh``).
    """

    __slots__ = ("segment", "document", "source_lang", "target_lang", "do_not_translate", "source_text",
                 "target_text", "source_primary", "target_primary", "_location")

    def __init__(self, segment: Segment, document: BilingualDocument, source_lang: str, target_lang: str,
                 do_not_translate: frozenset[str] = frozenset()) -> None:
        self.segment = segment
        self.document = document
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.do_not_translate = do_not_translate
        if document.format in _XML_FORMATS:
            self.source_text, self.target_text = segment.source, segment.target or ""
        else:
            self.source_text, self.target_text = segment.source_as_written, segment.target_as_written or ""
        self.source_primary = primary_subtag(source_lang)
        self.target_primary = primary_subtag(target_lang)
        self._location: Location | None = None

    @property
    def location(self) -> Location:
        """Where the unit is (made when a finding needs it)."""
        if self._location is None:
            self._location = Location.of(self.segment)
        return self._location

    def finding(self, code: str, message: str, *, source_span: Span | None = None,
                target_span: Span | None = None, suggestion: str | None = None,
                fix: Fix | None = None) -> Finding:
        """A finding of check ``code`` on this unit, at the check's default severity."""
        return Finding(code, CHECKS[code].severity, message, self.location,
                       source=self.source_text, target=self.target_text,
                       source_span=source_span, target_span=target_span,
                       suggestion=suggestion, fix=fix, target_line=self.segment.target_line)


UnitCheck = Callable[[QaUnit], Iterable[Finding]]
DocumentCheck = Callable[[BilingualDocument, str, str], Iterable[Finding]]


class RunCheck(Protocol):
    """A check over the whole run: fed every translated unit, asked for findings at the end.

    Feeding is in two steps, so that the costly part can run in a worker process
    (:mod:`trilex.check.segments`): ``observe`` reads what the check needs of a unit — it must
    not change the check, and returns something small and picklable, or ``None`` when the unit
    does not concern it — and ``add`` records that observation, in the order of the units.
    """

    def observe(self, unit: QaUnit) -> object | None: ...

    def add(self, unit: QaUnit, observation: object) -> None: ...

    def findings(self) -> Iterable[Finding]: ...


#: check code → function, for the QA checks of one translated unit.
UNIT_CHECKS: dict[str, UnitCheck] = {}
#: check code → function, for the QA checks of one whole file.
DOCUMENT_CHECKS: dict[str, DocumentCheck] = {}
#: check code → class, for the QA checks over a whole run.
RUN_CHECKS: dict[str, Callable[[], RunCheck]] = {}


def unit_check(code: str, severity: Severity, summary: str, help: str = "") -> Callable[[UnitCheck], UnitCheck]:
    """Register a QA check of one translated unit under ``code``."""
    return register_into(UNIT_CHECKS, code, severity, summary, help)


def document_check(code: str, severity: Severity, summary: str,
                   help: str = "") -> Callable[[DocumentCheck], DocumentCheck]:
    """Register a QA check of one whole file under ``code``."""
    return register_into(DOCUMENT_CHECKS, code, severity, summary, help)


def document_part(code: str) -> Callable[[DocumentCheck], DocumentCheck]:
    """Add a whole-file part to the already registered check ``code`` (same code, same switch)."""

    def decorate(func: DocumentCheck) -> DocumentCheck:
        if code not in CHECKS:
            raise ValueError(f"check {code!r} is not registered")
        DOCUMENT_CHECKS[code] = func
        return func

    return decorate


def run_wide_check(code: str, severity: Severity, summary: str, help: str = "") -> Callable[[type], type]:
    """Register a QA check over the whole run (a class with ``add`` and ``findings``) under ``code``."""
    return register_into(RUN_CHECKS, code, severity, summary, help)


def document_finding(code: str, document: BilingualDocument, message: str, line: int | None,
                     severity: Severity | None = None, unit_id: str | None = None) -> Finding:
    """A finding of a document check, at ``line`` of the file (default severity unless given)."""
    return Finding(code, severity or CHECKS[code].severity, message, Location(document.path, line, unit_id))


def quoted(items: Iterable[str]) -> str:
    """``"%s", "%d"``: items for a message."""
    return ", ".join(f"'{item}'" for item in items)


T = TypeVar("T")


def unmatched(items: Sequence[T], keys: Sequence[Hashable], other: Iterable[Hashable]) -> list[T]:
    """The ``items`` whose key ``other`` lacks, counted: two ``%s`` against one leaves one."""
    left = Counter(other)
    out: list[T] = []
    for item, key in zip(items, keys):
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(item)
    return out
