"""The termbase: concept entries with terms in several languages, and their file formats."""

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
]
