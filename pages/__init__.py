"""Static HTML pages: the check report, the browsable termbase, the extraction review.

Each page is one self-contained file — styles, scripts and data inline, no request to any
server (a Content-Security-Policy in the page forbids them) — that opens from a CI artifact or
an e-mail. The data goes into the page as JSON in a ``<script type="application/json">`` (the
termbase's concepts one JSON list per line in a ``<script type="text/plain">``, parsed only when
shown), with every ``<`` escaped; the page's script builds the DOM from it with ``textContent``
only, so text from the user's files can never become markup. Lists are paged, so 50,000 findings
or 100,000 concepts stay fast.

Modules: :mod:`.shell` (the HTML document, JSON embedding, languages and fonts, the assets),
:mod:`.report` (``trilex check --format html``), :mod:`.terms` (``trilex tbx html``),
:mod:`.review` (``trilex extract --review --format html``). The page scripts and styles are in
``assets/``: ``common.js`` holds what the pages share, among it the search normalization that
mirrors :func:`trilex.lang.normalize.match_key`.
"""
