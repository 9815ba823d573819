"""QA checks of what must survive translation intact: placeholders, markup, accelerators,
whitespace, URLs. Importing this package registers them."""

from trilex.check.qa.codes import placeholders, markup, accelerators, whitespace, urls  # noqa: F401,I001  (listing order)
