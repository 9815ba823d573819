"""QA checks beyond terms: what every bilingual linter checks, done right for Thai and Chinese.

One sub-package per family, one module per check, all behind the registries of
:mod:`trilex.check.qa.segment`:

* :mod:`~trilex.check.qa.codes` — what must survive translation intact: ``placeholders``,
  ``markup`` (tags and inline codes), ``accelerators``, ``whitespace``, ``urls``;
* :mod:`~trilex.check.qa.catalog` — the unit, the file and the run as a whole: ``untranslated``,
  ``plurals``, ``headers`` (declared language), ``consistency`` (translation consistency);
* :mod:`~trilex.check.qa.content` — what needs the languages' own rules: ``thai_spelling``.

Importing this package registers them all.
"""

from trilex.check import terms  # noqa: F401,I001  (the term checks are listed first, whoever imports first)
from trilex.check.qa import codes  # noqa: F401,I001  (registers the checks; codes first, catalog uses them)
from trilex.check.qa import catalog  # noqa: F401
from trilex.check.qa import content  # noqa: F401
from trilex.check.qa.segment import DOCUMENT_CHECKS, RUN_CHECKS, UNIT_CHECKS, QaUnit

__all__ = ["DOCUMENT_CHECKS", "RUN_CHECKS", "UNIT_CHECKS", "QaUnit"]
