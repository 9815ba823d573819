"""QA checks of the unit, the file and the run as a whole: untranslated units, PO plural forms,
the declared language, translation consistency. Importing this package registers them."""

from trilex.check.qa.catalog import untranslated, plurals, headers, consistency  # noqa: F401,I001  (listing order)
