"""The termbase: concept entries with terms in several languages, and their file formats."""

from trilex.termbase.formats import (
    FORMATS,
    bundled_path,
    load,
    load_many,
    parse,
    save,
    serialize,
    sniff_format,
)
from trilex.termbase.model import (
    AdminStatus,
    Concept,
    Context,
    CrossReference,
    Definition,
    ExternalReference,
    LanguageSection,
    Term,
    Termbase,
    Transaction,
)

__all__ = [
    "FORMATS",
    "AdminStatus",
    "Concept",
    "Context",
    "CrossReference",
    "Definition",
    "ExternalReference",
    "LanguageSection",
    "Term",
    "Termbase",
    "Transaction",
    "bundled_path",
    "load",
    "load_many",
    "parse",
    "save",
    "serialize",
    "sniff_format",
]
