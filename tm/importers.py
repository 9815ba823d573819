"""Translation units from the files a TM is filled from: TMX, bilingual documents and termbases.

* TMX is read with :func:`trilex.tm.tmx_pieces.read_tmx_units` (in pieces that an import's
  worker processes read, or whole with :func:`trilex.tm.tmx.read_tmx`), every unit whole
  (notes, props, inline codes, dates);
* XLIFF, PO and CSV/TSV go through :func:`trilex.bitext.read_document` (parallel text through
  :func:`read_parallel_units`): one
  unit per translated segment (source and target as the file wrote them; the file's notes and
  unit id kept; untranslated segments left out);
* a termbase (``.tbx``, or any file with ``termbase=True``) through
  :func:`trilex.termbase.load`: one unit per concept, with the preferred term of each language.

Given a :class:`~trilex.progress.ReadProgress`, the readers say how far they have got: a TMX
file in bytes (``done``/``total``: the end of the last piece handed out, or what a byte
counter has read; ``total`` unknown for a pipe); the other formats are read whole first, so
they count the segments or concepts handed out of those in the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from trilex.bitext.model import BilingualDocument
from trilex.errors import InputError
from trilex.fileio import display_name
from trilex.lang.tags import normalize_tag
from trilex.tm.model import Note, TranslationUnit, Variant

if TYPE_CHECKING:
    from trilex.progress import ReadProgress

#: File name endings read as termbases without being told.
TERMBASE_SUFFIXES = (".tbx",)


def read_units(path: str | os.PathLike[str], *, source_lang: str | None = None,
               target_lang: str | None = None, format: str | None = None,
               termbase: bool = False, progress: ReadProgress | None = None) -> Iterable[TranslationUnit]:
    """The units in ``path``, read lazily (errors surface while iterating, with file and line).

    ``format`` overrides the guess from the file name (``tmx`` or a format
    :func:`trilex.bitext.read_document` knows); ``source_lang``/``target_lang`` supply the pair
    for files that do not name it (CSV, parallel text). ``progress`` is kept up to date with
    how far reading has got (see the module docstring).
    """
    suffix = Path(str(path)).suffix.lower()
    if format == "tmx" or (format is None and suffix == ".tmx"):
        return _tmx_units(path, progress)
    if termbase or format == "tbx" or (format is None and suffix in TERMBASE_SUFFIXES):
        return _termbase_units(path, progress)
    return _document_units(path, format, source_lang, target_lang, progress)


def _tmx_units(path: str | os.PathLike[str], progress: ReadProgress | None) -> Iterable[TranslationUnit]:
    from trilex.tm.tmx_pieces import read_tmx_units

    return read_tmx_units(path, progress)


def _document_units(path: str | os.PathLike[str], format: str | None, source_lang: str | None,
                    target_lang: str | None, progress: ReadProgress | None = None) -> Iterator[TranslationUnit]:
    from trilex.bitext import read_document

    document = read_document(str(path), format=format, source_lang=source_lang, target_lang=target_lang)
    return units_from_document(document, source_lang, target_lang, progress)


def read_parallel_units(source_path: str, target_path: str, source_lang: str | None = None,
                        target_lang: str | None = None, progress: ReadProgress | None = None,
                        ) -> Iterator[TranslationUnit]:
    """The units of two line-aligned plain-text files (see :func:`trilex.bitext.read_parallel`)."""
    from trilex.bitext import read_parallel

    return units_from_document(read_parallel(source_path, target_path, source_lang, target_lang),
                               source_lang, target_lang, progress)


def units_from_document(document: BilingualDocument, source_lang: str | None = None,
                        target_lang: str | None = None,
                        progress: ReadProgress | None = None) -> Iterator[TranslationUnit]:
    """One unit per translated segment of ``document`` (texts as the file wrote them);
    ``progress`` counts the segments gone through."""
    source = source_lang or document.source_lang
    target = target_lang or document.target_lang
    if not source or not target:
        raise InputError("the file does not say its languages: give --source-lang and --target-lang",
                         display_name(document.path))
    source, target = normalize_tag(source), normalize_tag(target)
    segments = document.segments
    if progress is not None:
        from trilex.progress import counted

        segments = counted(segments, progress, len(document.segments))
    for segment in segments:
        target_text = segment.target_as_written
        if not target_text or not target_text.strip() or not segment.source.strip():
            continue
        yield TranslationUnit(
            tuid=segment.unit_id,
            variants=[Variant(source, [segment.source_as_written]), Variant(target, [target_text])],
            notes=[Note(text) for text in segment.notes],
            srclang=source,
        )


def _termbase_units(path: str | os.PathLike[str], progress: ReadProgress | None = None) -> Iterator[TranslationUnit]:
    from trilex.termbase import load

    concepts = load(path).concepts
    if progress is not None:
        from trilex.progress import counted

        concepts = counted(concepts, progress, len(concepts))
    for concept in concepts:
        variants = []
        for section in concept.languages:
            term = section.preferred()
            if term is not None and term.text.strip():
                variants.append(Variant(normalize_tag(section.lang), [term.text]))
        if variants:
            yield TranslationUnit(tuid=concept.id, variants=variants,
                                  notes=[Note(definition.text) for definition in concept.definitions],
                                  srclang=variants[0].lang)
