"""Extracting a termbase from articles that gloss their terms inline.

Thai news writers name a term and gloss it with its English and/or Chinese name::

    …และศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน (China-ASEAN AI Data Center/中国—东盟人工智能数据中心)

Library API:

* :func:`find_glosses(text, path) <trilex.termbase.extract.glosses.find_glosses>` → a list of
  :class:`Gloss`, in reading order. Each gloss has ``th``, ``en``, ``zh`` and ``acronym``
  (:class:`TermSpan` or ``None``: ``text``, ``start``/``end`` code-point offsets into ``text``,
  1-based ``line``, ``lang`` and TBX ``term_type``), ``short_forms`` (spans introduced by
  *หรือที่เรียกสั้น ๆ ว่า*), ``confidence`` (0–1, how sure the Thai span is), ``review`` (why it
  is unsure) and ``shape`` (the pattern that matched). The checker of inline glosses builds on it.
* :func:`extract_termbase(paths) <trilex.termbase.extract.build.extract_termbase>` → a
  :class:`~trilex.termbase.Termbase` with one concept per real-world thing across all articles
  (see :mod:`.merge` and :mod:`.build`).
* :func:`review_lines(termbase) <trilex.termbase.extract.review.review_lines>`: the terminologist's
  view, lowest confidence first.

Modules: :mod:`.content` (what a gloss says), :mod:`.glosses` (gloss shapes and spans),
:mod:`.edge_score` (where an unquoted Thai term starts: one scored choice with a calibrated
confidence), :mod:`.thai_edge` (the rules and word classes it weighs), :mod:`.heads` (head nouns
the gloss implies), :mod:`.evidence` (Thai words that spell the gloss, via
:mod:`trilex.lang.romanize`), :mod:`.lexicon` (what PyThaiNLP's dictionaries, Thai Wikipedia
titles and Thai WordNet say about names),
:mod:`.merge` (concepts across articles), :mod:`.context` (context sentences), :mod:`.build`
(the TBX model).
"""

from trilex.termbase.extract.build import extract_termbase, termbase_from_glosses
from trilex.termbase.extract.glosses import find_glosses
from trilex.termbase.extract.spans import Gloss, TermSpan

__all__ = ["Gloss", "TermSpan", "extract_termbase", "find_glosses", "termbase_from_glosses"]
