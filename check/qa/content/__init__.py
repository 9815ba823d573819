"""QA checks that know the languages: Thai spelling (character order), and — with their own
modules — numbers, punctuation and Chinese script variants. Importing this package registers them."""

from trilex.check.qa.content import punctuation, thai_spelling  # noqa: F401,I001  (listing order)
