"""gettext PO/POT catalogues, parsed here (a small strict parser, so every entry has its line).

* One :class:`Segment` per message; a plural message gives one per ``msgstr[n]``: ``msgstr[0]``
  against ``msgid``, ``msgstr[n]`` (n ≥ 1) against ``msgid_plural``, with ``unit_id``
  ``…[n]``. ``unit_id`` is the msgid, or ``msgctxt`` + ``\\x04`` + msgid as gettext (and
  translate-toolkit) key it.
* ``line`` is the 1-based line of the entry's ``msgctxt``, or of its ``msgid`` when it has none.
* ``notes``: translator comments (``# …``) and extracted comments (``#. …``), marker removed;
  ``flags``: the ``#,`` flags (``c-format``, ``no-python-format``, ``fuzzy``…); ``previous_source``:
  the ``#| msgid`` of a fuzzy entry; ``context``: ``msgctxt``; ``plural_index``: ``n`` of ``msgstr[n]``.
* The header's fields are kept in ``BilingualDocument.header`` (``Plural-Forms``, ``Language``…),
  its ``Language:`` in ``declared_target_lang``, the accelerator marker in ``accelerator``.
* Fuzzy entries are skipped unless ``include_fuzzy`` (they then carry ``state="fuzzy"``);
  obsolete ``#~`` entries and the header entry are never segments; an empty ``msgstr`` gives
  ``target=None``.
* Accelerators are removed from ``source``/``target`` (kept in ``raw_*``), see
  :mod:`trilex.bitext.accelerators`.
* Languages: the target is the header's ``Language:``, else the file name (``th.po``,
  ``xfce4-panel.zh_CN.po``), else ``target_lang``. msgids carry no language in gettext: the
  source is ``X-Source-Language:`` if present, else ``source_lang``, else ``en`` (the gettext
  convention).
* Encoding: the header's ``charset`` (UTF-8 when absent or ``CHARSET``); a BOM wins. The charset
  must be a text encoding that reads ASCII as ASCII (the PO syntax is ASCII): ``punycode``,
  ``unicode_escape``, ``utf-7``, EBCDIC or a non-text codec such as ``rot13`` are refused at
  the header line.
* Plural forms must be numbered ``msgstr[0]``, ``msgstr[1]``… in order, without gaps or
  repeats: anything else is an ``InputError`` at the offending ``msgstr[n]``, as msgfmt refuses
  it. More forms than the header's ``nplurals`` are read: that is a QA finding
  (``plural-forms``), as it is only for ``msgfmt -c``.
* Two definitions of one message (the same ``msgctxt`` and ``msgid``; fuzzy entries and the
  header count, obsolete ``#~`` entries are not read), which msgfmt refuses: an error at the
  second one; the library's ``duplicates="warn"`` reads both instead, with one warning for the
  file (``FILE:LINE: warning: duplicate message definition…``).
* No message string may be longer than the maximum segment size
  (:func:`trilex.fileio.max_segment`; ``max_segment=``), nor a line longer than four times
  that; the text is decoded and parsed block by block.
"""

from __future__ import annotations

import codecs
import re
import warnings
from collections.abc import Iterator

from trilex.bitext.accelerators import detect_marker, strip_accelerator
from trilex.bitext.languages import checked_tag, language_from_filename, settle
from trilex.bitext.model import BilingualDocument, Segment
from trilex.errors import InputError, warn_input
from trilex.fileio import MAX_SEGMENT_ENV, display_name, iter_text, read_bytes, segment_too_long
from trilex.fileio import max_segment as segment_limit

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)$")
#: A quoted string's body, escapes included, written unrolled: Python's regex engine matches it
#: about 1.5× faster than the equivalent ``(?:[^"\\]|\\.)*``.
_BODY = r'[^"\\\n]*(?:\\.[^"\\\n]*)*'
_STRING = re.compile(rf'"({_BODY})"\s*$')
#: A keyword line in its usual shape, keyword and string at once (anything else takes the long way).
_KEYWORD_STRING = re.compile(rf'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"({_BODY})"\s*$')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
                   "f": "\f", "v": "\v", "'": "'", "?": "?"}
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_CONTEXT_SEPARATOR = "\x04"
_NO_FLAGS: frozenset[str] = frozenset()
#: What a charset must decode to itself to be usable for PO: ASCII and the syntax's escapes.
_ASCII_PROBE = bytes(range(128)) + b'\\n \\x41 \\u0041 +- +AGEA- &- ~{ ~} .xn--ls8h.org'
#: A line may be this many times the maximum segment size (escapes such as \ooo are 4 characters).
_LINE_FACTOR = 4


class _Entry:
    """One PO message as parsed, before it becomes segments."""

    __slots__ = ("line", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_lines", "notes", "flags",
                 "previous", "previous_key", "started")

    def __init__(self) -> None:
        self.line = 0
        self.msgctxt: str | None = None
        self.msgid: str | None = None
        self.msgid_plural: str | None = None
        self.msgstr: dict[int, str] = {}
        self.msgstr_lines: dict[int, int] = {}
        self.notes: list[str] = []
        self.flags: frozenset[str] = _NO_FLAGS  # replaced, not changed: entries share it
        self.previous: dict[str, str] | None = None  # "#| msgid" etc., once there is one
        self.previous_key: str | None = None  # the "#|" keyword a continuation string extends
        self.started = False  # a keyword has been seen


def read_po(path: str, source_lang: str | None = None, target_lang: str | None = None,
            *, include_fuzzy: bool = False, data: bytes | None = None,
            max_segment: int | None = None, duplicates: str = "error") -> BilingualDocument:
    """Read a gettext PO/POT file (``data`` = its bytes if already read; ``max_segment``: the
    longest message string allowed, in characters; ``duplicates``: ``"error"`` refuses two
    definitions of one message, ``"warn"`` reads them with one warning)."""
    if duplicates not in ("warn", "error"):
        raise ValueError(f"duplicates must be 'warn' or 'error', not {duplicates!r}")
    name = display_name(path)
    raw = read_bytes(path) if data is None else data
    limit = segment_limit(max_segment)
    encoding, encoding_line = _declared_encoding(raw, name)
    entries = _parse(iter_text(path, raw, encoding=encoding, encoding_line=encoding_line), name, limit)
    _duplicates(entries, name, duplicates == "error")
    header: dict[str, str] = {}
    header_line = 1
    if entries and entries[0].msgid == "" and entries[0].msgctxt is None:
        header_entry = entries.pop(0)
        header, header_line = _header_fields(header_entry.msgstr.get(0, "")), header_entry.line
    messages = [entry for entry in entries if include_fuzzy or "fuzzy" not in entry.flags]
    marker = detect_marker((entry.msgid or "" for entry in messages), header.get("X-Accelerator-Marker"))
    segments = _segments(messages, name, marker)
    stated = header.get("Language") or None
    return BilingualDocument(name, *_languages(header, header_line, name, source_lang, target_lang),
                             segments, "po",
                             declared_target_lang=checked_tag(stated, "Language", name, header_line) if stated else None,
                             declared_line=header_line if stated else None,
                             header=header, header_line=header_line if header else None, accelerator=marker)


def _declared_encoding(data: bytes, name: str) -> tuple[str | None, int | None]:
    """The header's charset, if it names one other than UTF-8 (``None`` = UTF-8 or BOM), and its line."""
    header_end = data.find(b"\n\n")
    match = _CHARSET.search(data, 0, header_end if header_end >= 0 else len(data))
    if match is None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, None
    charset = match.group(1).decode("ascii")
    if charset.upper() == "CHARSET":
        return None, None
    line = data[: match.start()].count(b"\n") + 1
    try:
        codecs.lookup(charset)
    except LookupError:
        raise InputError(f"unknown charset {charset!r} in the PO header", name, line) from None
    try:
        with warnings.catch_warnings():  # unicode_escape warns about the probe's "\\]"
            warnings.simplefilter("ignore")
            ascii_compatible = _ASCII_PROBE.decode(charset) == _ASCII_PROBE.decode("ascii")
    except (UnicodeError, LookupError, ValueError, TypeError):
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(f"charset {charset!r} in the PO header is not an ASCII-compatible text "
                         "encoding (a PO file is written in one, such as UTF-8)", name, line)
    return charset, line


def _header_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip()] = value.strip()
    return fields


def _languages(header: dict[str, str], line: int, name: str, source_lang: str | None,
               target_lang: str | None) -> tuple[str | None, str | None]:
    stated_source = header.get("X-Source-Language") or None
    if stated_source is not None:
        stated_source = checked_tag(stated_source, "X-Source-Language", name, line)
    source = settle(stated_source, source_lang, "source", name, line) or "en"
    stated_target = header.get("Language") or None
    if stated_target is not None:
        return source, settle(checked_tag(stated_target, "Language", name, line), target_lang,
                              "target", name, line)
    return source, settle(None, target_lang, "target", name, line) or language_from_filename(name)


def _segments(messages: list[_Entry], name: str, marker: str | None) -> list[Segment]:
    """The segments of ``messages``, in order: one per message, one per ``msgstr[n]`` of a
    plural one (flag sets are shared by value: a catalogue has few)."""
    segments: list[Segment] = []
    flag_sets: dict[frozenset[str], frozenset[str]] = {}
    for entry in messages:
        msgid = entry.msgid or ""
        unit_id = msgid if entry.msgctxt is None else entry.msgctxt + _CONTEXT_SEPARATOR + msgid
        flags = flag_sets.setdefault(entry.flags, entry.flags)
        state = "fuzzy" if "fuzzy" in flags else None
        previous = entry.previous.get("msgid") if entry.previous else None
        plural = entry.msgid_plural
        for number, target in entry.msgstr.items():  # msgstr[0], msgstr[1]… in order (see _finish)
            source = msgid if number == 0 else plural
            clean_source = strip_accelerator(source, marker)
            clean_target = strip_accelerator(target, marker) if target else None
            segments.append(Segment(
                clean_source, clean_target, name, entry.line,
                unit_id if plural is None else f"{unit_id}[{number}]",
                entry.notes if plural is None else list(entry.notes), state=state,
                raw_source=source if clean_source != source else None,
                raw_target=target if clean_target not in (None, target) else None,
                flags=flags, previous_source=previous, context=entry.msgctxt,
                plural_index=None if plural is None else number, target_line=entry.msgstr_lines[number]))
    return segments


#: A message in the shape msgfmt and every editor write, with the blank line after it: comments,
#: optional msgctxt, msgid and msgstr on one line each. Read in one step; anything else (continued
#: strings, plurals, odd spacing, an error) is read line by line.
_PLAIN_ENTRY = re.compile(
    r'((?:#[^\n]*\n)*)'
    rf'(?:msgctxt "({_BODY})"\r?\n)?'
    rf'msgid "({_BODY})"\r?\n'
    rf'msgstr "({_BODY})"\r?\n'
    r'\r?\n')


def _parse(chunks: Iterator[str], name: str, limit: int) -> list[_Entry]:
    """The entries of a PO file, checked for shape; errors name the offending line."""
    parser = _Parser(name, limit)
    for number, text in _pieces(chunks, name, limit * _LINE_FACTOR):
        parser.feed(number, text)
    return parser.close()


class _Parser:
    """The PO syntax, fed whole lines of text in order."""

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit = name, limit
        self.entries: list[_Entry] = []
        self.entry = _Entry()
        self.current: tuple[str, int] | None = None  # the keyword a continuation string extends
        self.current_line = 0  # where that keyword is
        self.parts: list[str] = []  # its string so far, when continuation lines extend it (joined once)
        self.size = 0

    def feed(self, number: int, text: str) -> None:
        """Read ``text``, whole lines that start on line ``number`` (the last may lack its ``\\n``)."""
        position, end = 0, len(text)
        whole = True  # try a whole message here (after a failed try, only after the next blank line)
        while position < end:
            if whole and text.startswith(("#", "m"), position):
                match = _PLAIN_ENTRY.match(text, position)
                if match is not None and self._plain(match, number):
                    number += text.count("\n", position, match.end())
                    position = match.end()
                    continue
                whole = False
            stop = text.find("\n", position)
            if stop < 0:
                stop = end
            line = text[position:stop]
            self.line(number, line)
            whole = whole or not line.strip()
            number += 1
            position = stop + 1

    def _plain(self, match: re.Match[str], number: int) -> bool:
        """Take ``match`` of :data:`_PLAIN_ENTRY` as a whole message if it may be one here."""
        entry = self.entry
        if not entry.msgstr and (entry.started or entry.notes or entry.flags or entry.previous):
            return False  # it continues a message begun line by line
        comments, msgctxt, msgid, msgstr = match.groups()
        longest = self.limit
        if match.end() - match.start() > longest and max(len(msgid), len(msgstr), len(msgctxt or "")) > longest:
            return False  # too long: the line-by-line reading says where
        if entry.msgstr:
            self._flush()
            self.entries.append(_finish(entry, self.name))
            entry = _Entry()
        if comments:
            lines = comments.count("\n")
            if not (comments.startswith("#:") and comments.count("\n#:") == lines - 1):
                for line in comments.split("\n")[:-1]:
                    if not line.startswith("#:"):  # source references keep nothing
                        _comment(line.strip(), entry)
            number += lines
        entry.line, entry.started = number, True
        if msgctxt is not None:
            entry.msgctxt = _unescaped(msgctxt, self.name, number)
            number += 1
        entry.msgid = _unescaped(msgid, self.name, number)
        entry.msgstr[0] = _unescaped(msgstr, self.name, number + 1)
        entry.msgstr_lines[0] = number + 1
        self.entries.append(entry)
        self.entry = _Entry()
        return True

    def _flush(self) -> None:
        """Store the string continuation lines were extending, if any."""
        if self.parts:
            _store(self.entry, self.current, self.parts)
            self.parts = []
        self.current = None

    def line(self, number: int, line: str) -> None:
        """Read line ``number`` of the file."""
        name = self.name
        line = line.strip()
        if not line:
            self._flush()
            return
        first = line[0]
        if first == "#":
            self._flush()
            if self.entry.msgstr:
                self.entries.append(_finish(self.entry, name))
                self.entry = _Entry()
            _comment(line, self.entry)
            return
        if first == '"':
            if self.current is None:
                raise InputError("a quoted string outside any msgid/msgstr", name, number)
            value = _unquote(line, name, number)
            if not self.parts:
                self.parts = [_stored(self.entry, self.current)]
            self.parts.append(value)
            self.size += len(value)
            if self.size > self.limit:
                raise InputError(f"{_keyword(self.current)} {segment_too_long(self.limit)}", name,
                                 self.current_line)
            return
        match = _KEYWORD_STRING.match(line) or _KEYWORD.match(line)
        if match is None:
            raise InputError(f"expected msgid, msgstr, a comment or a quoted string: {line[:40]!r}",
                             name, number)
        self._flush()
        keyword, index, rest = match.groups()
        entry = self.entry
        if keyword in ("msgctxt", "msgid") and (entry.msgstr or (keyword == "msgid" and entry.msgid is not None)):
            self.entries.append(_finish(entry, name))
            entry = self.entry = _Entry()
        if not entry.started:
            entry.line, entry.started = number, True
        self.current = ("msgstr", int(index)) if index is not None else (keyword, 0)
        self.current_line = number
        if match.re is _KEYWORD_STRING:
            value = _unescaped(rest, name, number)
        else:
            value = _unquote(rest, name, number)
        self.size = len(value)
        if self.size > self.limit:
            raise InputError(f"{_keyword(self.current)} {segment_too_long(self.limit)}", name, number)
        _set(entry, self.current, value, name, number)

    def close(self) -> list[_Entry]:
        """Every entry read, once the whole file has been fed."""
        if self.parts:
            _store(self.entry, self.current, self.parts)
        if self.entry.started:
            self.entries.append(_finish(self.entry, self.name))
        return self.entries


def _pieces(chunks: Iterator[str], name: str, longest: int) -> Iterator[tuple[int, str]]:
    """The text ``chunks`` in pieces of whole lines, each with the number of its first line (the
    last piece may lack its final ``\\n``); a line longer than ``longest`` is an error."""
    rest = ""
    number = 1  # the line ``rest`` starts on
    for chunk in chunks:
        text = rest + chunk if rest else chunk
        cut = text.rfind("\n") + 1
        piece, rest = text[:cut], text[cut:]
        if piece:
            if len(piece) > longest:  # else no line of it can be too long
                lines = piece.split("\n")
                if max(map(len, lines)) > longest:
                    number += next(index for index, line in enumerate(lines) if len(line) > longest)
                    break
            yield number, piece
            number += piece.count("\n")
        if len(rest) > longest:
            break
    else:
        if rest:
            yield number, rest
        return
    raise InputError(f"line longer than {longest:,} characters, {_LINE_FACTOR} times the maximum segment "
                     f"size: no message string can need more (set {MAX_SEGMENT_ENV} to allow more)", name, number)


def _keyword(key: tuple[str, int]) -> str:
    keyword, index = key
    return f"msgstr[{index}]" if keyword == "msgstr" and index else keyword


def _stored(entry: _Entry, key: tuple[str, int]) -> str:
    keyword, index = key
    return entry.msgstr[index] if keyword == "msgstr" else getattr(entry, keyword)


def _store(entry: _Entry, key: tuple[str, int], parts: list[str]) -> None:
    """Store the string a keyword and its continuation lines give (``parts``, joined once)."""
    keyword, index = key
    if keyword == "msgstr":
        entry.msgstr[index] = "".join(parts)
    else:
        setattr(entry, keyword, "".join(parts))


def _duplicates(entries: list[_Entry], name: str, refuse: bool) -> None:
    """Two definitions of one message (same msgctxt and msgid), which msgfmt refuses: an error
    if ``refuse``, else one warning for the file (the first one, and how many there are)."""
    first_line: dict[tuple[str | None, str | None], int] = {}
    found: list[tuple[_Entry, int]] = []
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key in first_line:
            if refuse:
                raise InputError(_duplicate_message(entry, first_line[key]), name, entry.line)
            found.append((entry, first_line[key]))
        else:
            first_line[key] = entry.line
    if found:
        entry, first = found[0]
        more = f" ({len(found) - 1} more duplicate(s) in the file)" if len(found) > 1 else ""
        warn_input(_duplicate_message(entry, first) + more + "; msgfmt refuses such a file", name, entry.line)


def _duplicate_message(entry: _Entry, first: int) -> str:
    what = f"msgid {_shown(entry.msgid)}"
    if entry.msgctxt is not None:
        what = f"msgctxt {_shown(entry.msgctxt)} {what}"
    return f"duplicate message definition: {what} is already defined on line {first}"


def _shown(text: str | None) -> str:
    text = text or ""
    return repr(text if len(text) <= 40 else text[:40] + "…")


_PREVIOUS = re.compile(r"(msgctxt|msgid_plural|msgid)?\s*(\".*)$")


def _comment(line: str, entry: _Entry) -> None:
    kind = line[1:2]
    if kind == ",":
        entry.flags = entry.flags.union(flag.strip() for flag in line[2:].split(",") if flag.strip())
    elif kind == "|":
        _previous(line[2:].strip(), entry)
    elif kind == ".":
        entry.notes.append(line[2:].strip())
    elif kind not in (":", "~"):
        entry.notes.append(line[1:].strip())


def _previous(text: str, entry: _Entry) -> None:
    """A ``#| msgid "…"`` line or its continuation; malformed ones are ignored (they are comments)."""
    match = _PREVIOUS.match(text)
    string = _STRING.match(match.group(2)) if match else None
    if string is None:
        return
    value = _ESCAPE.sub(lambda escape: _escaped_char(escape) or escape.group(0), string.group(1))
    if match.group(1):
        entry.previous_key = match.group(1)
        if entry.previous is None:
            entry.previous = {}
        entry.previous[entry.previous_key] = value
    elif entry.previous_key is not None and entry.previous is not None:
        entry.previous[entry.previous_key] += value


def _set(entry: _Entry, key: tuple[str, int], value: str, name: str, number: int) -> None:
    keyword, index = key
    if keyword == "msgstr":
        if index in entry.msgstr:
            raise InputError(f"msgstr[{index}] given twice", name, number)
        entry.msgstr[index] = value
        entry.msgstr_lines[index] = number
    elif getattr(entry, keyword) is not None or entry.msgstr:
        raise InputError(f"{keyword} out of place", name, number)
    elif keyword == "msgid_plural" and entry.msgid is None:
        raise InputError("msgid_plural before msgid", name, number)
    else:
        setattr(entry, keyword, value)


def _finish(entry: _Entry, name: str) -> _Entry:
    if entry.msgid is None:
        raise InputError("msgstr without msgid", name, entry.line)
    if not entry.msgstr:
        raise InputError("msgid without msgstr", name, entry.line)
    if entry.msgid_plural is None and set(entry.msgstr) != {0}:
        raise InputError("msgstr[n] in a message without msgid_plural", name, entry.line)
    if entry.msgid_plural is not None and 0 not in entry.msgstr:
        raise InputError("plural message without msgstr[0]", name, entry.line)
    for position, index in enumerate(entry.msgstr):
        if index != position:
            raise InputError(f"msgstr[{index}] where msgstr[{position}] belongs: plural forms are numbered "
                             "0, 1, 2… in order, without gaps", name, entry.msgstr_lines[index])
    return entry


def _unquote(text: str, name: str, number: int) -> str:
    match = _STRING.match(text)
    if match is None:
        raise InputError(f"expected a quoted string: {text[:40]!r}", name, number)
    return _unescaped(match.group(1), name, number)


def _unescaped(body: str, name: str, number: int) -> str:
    """The string ``body`` (between the quotes) with its escape sequences read."""
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda escape: _unescape(escape, name, number), body)


def _unescape(match: re.Match[str], name: str, number: int) -> str:
    char = _escaped_char(match)
    if char is None:
        raise InputError(f"unknown escape sequence \\{match.group(3)}", name, number)
    return char


def _escaped_char(match: re.Match[str]) -> str | None:
    """The character an escape sequence stands for, ``None`` for an unknown one."""
    octal, hexadecimal, simple = match.groups()
    if octal is not None:
        return chr(int(octal, 8))
    if hexadecimal is not None:
        return chr(int(hexadecimal, 16))
    return _SIMPLE_ESCAPES.get(simple)
