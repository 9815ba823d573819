"""``--format html``: a self-contained page to work through the findings in a browser.

The page itself is built by :mod:`trilex.pages.report` (summary charts, source and target side
by side, filters, search, baseline and suppressed findings apart, concept cards); this module
only registers it as a report format.
"""

from __future__ import annotations

from typing import TextIO

from trilex.check.report import Report, reporter


@reporter("html")
def write_html(report: Report, stream: TextIO, terms_page: str | None = None) -> None:
    """Write ``report`` as one HTML file; ``terms_page`` (a page made by ``trilex tbx html``,
    such as ``terms.html``) is where each finding's concept links to."""
    from trilex.pages.report import write_report

    write_report(report, stream, terms_page)
