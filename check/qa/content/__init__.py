"""QA checks that know the languages: punctuation by the target's rules, Chinese script
variants, Thai spelling (character order). Importing this package registers them."""

from trilex.check.qa.content import numbers, punctuation, script_variant, thai_spelling  # noqa: F401,I001  (listing order)
