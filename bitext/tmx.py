"""TMX files read as one language pair: a small streaming reader over :mod:`trilex.xmlsafe`.

(:mod:`trilex.tm.tmx` is the full TMX library; it keeps no line numbers, which findings need,
so this reader stays separate and small.)

* One :class:`Segment` per ``<tu>`` that has the source language; ``line`` is the ``<tu>`` start
  tag's line, ``unit_id`` its ``tuid``; ``notes`` are the ``<note>`` texts of the ``<tu>`` and of
  the two ``<tuv>`` used. A ``<tu>`` without the target language gives ``target=None``.
* Languages: the source is ``source_lang`` if given, else the header's ``srclang``. The target
  is ``target_lang`` if given, else the one other language in the file; a multilingual file
  (or ``srclang="*all*"``) needs them given, and says so. Any direction works: a TMX written
  en→th can be read th→en. ``th`` finds ``th-TH`` (:func:`trilex.lang.tags.tag_matches`).
* Inline codes are flattened as :mod:`trilex.bitext.inline` describes (``<hi>`` content kept,
  ``<bpt>``/``<ept>``/``<it>`` dropped, ``<ph>``/``<ut>`` → U+FFFC); ``raw_*`` keep the markup.
* UTF-8 and UTF-16 (with a BOM or an encoding declaration) are read by the XML parser itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from lxml import etree

from trilex.bitext.inline import Flattened, flatten
from trilex.bitext.model import BilingualDocument, Segment
from trilex.bitext.xmllines import StartLines
from trilex.errors import InputError
from trilex.fileio import display_name, read_bytes
from trilex.lang.tags import normalize_tag, primary_subtag, tag_matches
from trilex.xmlsafe import iterparse_safe

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class _Variant:
    lang: str
    text: Flattened
    notes: list[str]
    line: int | None


@dataclass
class _Unit:
    line: int | None
    tuid: str | None
    notes: list[str]
    variants: list[_Variant]


def read_tmx(path: str, source_lang: str | None = None, target_lang: str | None = None,
             *, data: bytes | None = None) -> BilingualDocument:
    """Read the ``source_lang``/``target_lang`` pair of a TMX file (``data`` = its bytes if already read)."""
    name = display_name(path)
    raw = read_bytes(path) if data is None else data
    if not raw.strip():
        raise InputError("empty file, expected TMX", name, 1)
    srclang, header_line, units = _read_units(raw, name)
    source = _source_language(source_lang, srclang, name, header_line)
    target = normalize_tag(target_lang) if target_lang else _other_language(units, source, name, header_line)
    segments: list[Segment] = []
    for unit in units:
        source_variant = _pick(unit.variants, source)
        if source_variant is None:
            continue
        target_variant = _pick(unit.variants, target)
        notes = unit.notes + source_variant.notes
        source_text = source_variant.text
        if target_variant is None or target_variant.text.text == "":
            segments.append(Segment(source_text.text, None, name, unit.line, unit.tuid, notes,
                                    raw_source=source_text.raw, source_codes=source_text.codes))
        else:
            target_text = target_variant.text
            segments.append(Segment(source_text.text, target_text.text, name, unit.line, unit.tuid,
                                    notes + target_variant.notes, raw_source=source_text.raw,
                                    raw_target=target_text.raw, source_codes=source_text.codes,
                                    target_codes=target_text.codes, target_line=target_variant.line))
    return BilingualDocument(name, source, target, segments, "tmx")


def _read_units(data: bytes, name: str) -> tuple[str | None, int, list[_Unit]]:
    """The header's srclang (``None`` for ``*all*``), the header's line and every unit."""
    srclang: str | None = None
    header_line = 1
    units: list[_Unit] = []
    start_line = StartLines(data)
    languages: dict[str, str] = {}  # as written → normalized, computed once per tag
    root_checked = False
    for _, element in iterparse_safe(io.BytesIO(data), name, tag=("tmx", "header", "tu")):
        if not root_checked:
            root_checked = True
            root = element.getroottree().getroot()
            if root.tag != "tmx":
                raise InputError(f"not a TMX file: the root element is <{root.tag}>", name, start_line(root))
        if element.tag == "header":
            header_line = start_line(element) or 1
            value = element.get("srclang", "*all*").strip()
            srclang = None if value in ("*all*", "") else normalize_tag(value)
        elif element.tag == "tu":
            units.append(_unit(element, name, start_line, languages))
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    if not root_checked:
        raise InputError("not a TMX file: no <tmx> element", name, 1)
    return srclang, header_line, units


def _unit(element: etree._Element, name: str, start_line: StartLines, languages: dict[str, str]) -> _Unit:
    variants: list[_Variant] = []
    notes: list[str] = []
    for child in element:
        if child.tag == "note":
            notes.append(child.text or "")
        elif child.tag == "tuv":
            variants.append(_variant(child, name, start_line, languages))
    return _Unit(start_line(element), element.get("tuid"), notes, variants)


def _variant(tuv: etree._Element, name: str, start_line: StartLines, languages: dict[str, str]) -> _Variant:
    lang = tuv.get(_XML_LANG) or tuv.get("lang")
    if not lang:
        raise InputError("<tuv> without xml:lang", name, start_line(tuv))
    seg = None
    notes: list[str] = []
    for child in tuv:
        if child.tag == "seg":
            seg = child
        elif child.tag == "note":
            notes.append(child.text or "")
    if seg is None:
        raise InputError(f'<tuv xml:lang="{lang}"> without <seg>', name, start_line(tuv))
    if lang not in languages:
        languages[lang] = normalize_tag(lang)
    return _Variant(languages[lang], flatten(seg, name), notes, start_line(seg))


def _source_language(given: str | None, srclang: str | None, name: str, line: int) -> str:
    if given:
        return normalize_tag(given)
    if srclang is None:
        raise InputError('the TMX header has srclang="*all*" (or none): give the source language',
                         name, line)
    return srclang


def _other_language(units: list[_Unit], source: str, name: str, line: int) -> str | None:
    seen = dict.fromkeys(variant.lang for unit in units for variant in unit.variants)
    others = [lang for lang in seen if primary_subtag(lang) != primary_subtag(source)]
    if len(others) > 1:
        raise InputError(f"a multilingual TMX ({', '.join(others)}): give the target language", name, line)
    return next(iter(others), None)


def _pick(variants: list[_Variant], lang: str | None) -> _Variant | None:
    if lang is None:
        return None
    for variant in variants:
        if variant.lang == lang:
            return variant
    for variant in variants:
        if tag_matches(lang, variant.lang):
            return variant
    return None
