"""A compact, lossless JSON form of a :class:`~trilex.tm.model.TranslationUnit` for the TM store.

Every field of the unit survives: variants with their inline codes (nested ``sub``/``hi``
included), notes, props and attributes (dates among them), ``tuid`` and ``srclang``.
Empty fields are left out to keep the stored rows small.
"""

from __future__ import annotations

import json
from typing import Any

from trilex.tm.model import Content, InlineCode, Note, Prop, TranslationUnit, Variant

_CODE_FIELDS = ("i", "x", "type", "pos", "assoc", "datatype")
#: One encoder for every unit (``json.dumps`` with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _encode_content(content: Content) -> list[Any]:
    items: list[Any] = []
    for item in content:
        if isinstance(item, str):
            items.append(item)
            continue
        code: dict[str, Any] = {"kind": item.kind}
        if item.content:
            code["content"] = _encode_content(item.content)
        for name in _CODE_FIELDS:
            value = getattr(item, name)
            if value is not None:
                code[name] = value
        items.append(code)
    return items


def _decode_content(items: list[Any]) -> Content:
    content: Content = []
    for item in items:
        if isinstance(item, str):
            content.append(item)
        else:
            fields = {name: item.get(name) for name in _CODE_FIELDS}
            content.append(InlineCode(item["kind"], _decode_content(item.get("content", [])), **fields))
    return content


def _encode_meta(target: dict[str, Any], notes: list[Note], props: list[Prop],
                 attributes: dict[str, str]) -> None:
    if notes:
        target["notes"] = [[note.text, note.lang] for note in notes]
    if props:
        target["props"] = [[prop.type, prop.value, prop.lang] for prop in props]
    if attributes:
        target["attributes"] = attributes


def _decode_notes(data: dict[str, Any]) -> list[Note]:
    return [Note(text, lang) for text, lang in data.get("notes", [])]


def _decode_props(data: dict[str, Any]) -> list[Prop]:
    return [Prop(kind, value, lang) for kind, value, lang in data.get("props", [])]


def encode_unit(unit: TranslationUnit) -> str:
    """The unit as one line of JSON."""
    data: dict[str, Any] = {}
    if unit.tuid is not None:
        data["tuid"] = unit.tuid
    if unit.srclang is not None:
        data["srclang"] = unit.srclang
    _encode_meta(data, unit.notes, unit.props, unit.attributes)
    variants = []
    for variant in unit.variants:
        encoded: dict[str, Any] = {"lang": variant.lang, "content": _encode_content(variant.content)}
        _encode_meta(encoded, variant.notes, variant.props, variant.attributes)
        variants.append(encoded)
    data["variants"] = variants
    return _ENCODER.encode(data)


def decode_unit(text: str) -> TranslationUnit:
    """The unit that :func:`encode_unit` wrote."""
    data = json.loads(text)
    variants = [
        Variant(item["lang"], _decode_content(item["content"]), _decode_notes(item),
                _decode_props(item), dict(item.get("attributes", {})))
        for item in data["variants"]
    ]
    return TranslationUnit(data.get("tuid"), variants, _decode_notes(data), _decode_props(data),
                           dict(data.get("attributes", {})), data.get("srclang"))
