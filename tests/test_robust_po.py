"""Issue 11, PO: charsets that are no PO encoding, duplicate messages, plural indices and the
maximum segment size; what msgfmt refuses is refused here too (checked against msgfmt itself
when it is installed).
"""

from __future__ import annotations

import shutil
import subprocess
import warnings

import pytest
from click.testing import CliRunner

from trilex.bitext.po import read_po
from trilex.cli.main import cli
from trilex.errors import InputError, InputWarning
from trilex.fileio import MAX_SEGMENT_ENV, decode_text

HEADER = ('msgid ""\nmsgstr ""\n"Language: th\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
MSGFMT = shutil.which("msgfmt")


def po_bytes(body: str, charset: str = "UTF-8") -> bytes:
    return (HEADER.format(charset=charset) + body).encode("utf-8")


def read(body: str, charset: str = "UTF-8", **options):
    return read_po("case.th.po", data=po_bytes(body, charset), **options)


def refused(body: str, charset: str = "UTF-8", **options) -> InputError:
    with pytest.raises(InputError) as caught:
        read(body, charset, **options)
    assert "\n" not in str(caught.value)
    return caught.value


# -- charsets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["punycode", "rot13", "base64", "hex", "undefined", "idna", "utf-7",
                                     "unicode_escape", "raw_unicode_escape", "cp037", "utf-16"])
def test_a_charset_that_is_no_po_encoding_is_one_line_at_the_header(charset):
    error = refused('msgid "Panel"\nmsgstr "พาเนล"\n', charset)
    assert (error.path, error.line) == ("case.th.po", 4)
    assert error.message == (f"charset {charset!r} in the PO header is not an ASCII-compatible text encoding "
                             "(a PO file is written in one, such as UTF-8)")


def test_the_cli_reports_a_punycode_charset_in_one_line(tmp_path):
    path = tmp_path / "x.th.po"
    path.write_bytes(po_bytes('msgid "a"\nmsgstr "ก"\n', "punycode"))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"{path}:4: charset 'punycode' in the PO header is not an "
                                     "ASCII-compatible text encoding (a PO file is written in one, such as UTF-8)")


@pytest.mark.parametrize("encoding, message", [
    ("punycode", "cannot decode as punycode"),
    ("rot13", "'rot13' is not a text encoding"),
    ("base64", "'base64' is not a text encoding"),
    ("undefined", "cannot decode as undefined"),
    ("no-such-codec", "unknown encoding 'no-such-codec'"),
])
def test_decode_text_never_lets_a_codec_error_through(encoding, message):
    with pytest.raises(InputError) as caught:
        decode_text("ไทย".encode() + b"\xff-abc", "x.po", encoding, encoding_line=3)
    assert (caught.value.path, caught.value.line) == ("x.po", 3)
    assert caught.value.message.startswith(message)


def test_legacy_charsets_still_read():
    data = HEADER.format(charset="TIS-620").encode() + 'msgid "Panel"\nmsgstr "พาเนล"\n'.encode("tis-620")
    assert read_po("x.po", data=data).segments[0].target == "พาเนล"


# -- duplicates and plural indices ---------------------------------------------------------------

CASES = {  # name: (body, what trilex does: "read", "warn" (refused by default, read with a warning
           # by duplicates="warn") or the line it refuses)
    "distinct": ('msgid "a"\nmsgstr "x"\n\nmsgid "b"\nmsgstr "y"\n', "read"),
    "same msgid, other msgctxt": ('msgctxt "menu"\nmsgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', "read"),
    "empty msgctxt is a context": ('msgid "a"\nmsgstr "x"\n\nmsgctxt ""\nmsgid "a"\nmsgstr "y"\n', "read"),
    "duplicate msgid": ('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', "warn"),
    "duplicate msgctxt+msgid": ('msgctxt "c"\nmsgid "a"\nmsgstr "x"\n\nmsgctxt "c"\nmsgid "a"\nmsgstr "y"\n', "warn"),
    "duplicate of a fuzzy entry": ('#, fuzzy\nmsgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', "warn"),
    "duplicate with another plural": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n\n'
                                      'msgid "a"\nmsgstr "z"\n', "warn"),
    "second header": ('msgid "a"\nmsgstr "x"\n\nmsgid ""\nmsgstr "y"\n', "warn"),
    "more forms than nplurals": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n',
                                 "read"),
    "fewer forms than nplurals": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n', "read"),
    "a gap in the plural forms": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[2] "z"\n', 10),
    "plural forms out of order": ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "y"\nmsgstr[0] "x"\n', 9),
    "a plural form given twice": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[1] "z"\n',
                                  11),
    "a gap after a long form": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n"more"\nmsgstr[1] "y"\n'
                                'msgstr[3] "z"\n', 12),
}


@pytest.mark.parametrize("name", CASES)
def test_duplicates_and_plural_indices(name):
    body, expected = CASES[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if isinstance(expected, int):
            assert refused(body).line == expected
            return
        document = read(body, duplicates="warn")
    found = [w.message for w in caught if isinstance(w.message, InputWarning)]
    if expected == "read":
        assert found == []
        return
    [warning] = found
    assert warning.path == "case.th.po" and "duplicate message definition" in warning.message
    assert "msgfmt refuses such a file" in warning.message
    if "fuzzy" not in name:  # both definitions are read, for the consistency check
        assert len(document.segments) >= 2
    error = refused(body)  # the default: msgfmt refuses it, so does trilex
    assert (error.line, error.message.split(":")[0]) == (warning.line, "duplicate message definition")


def test_the_duplicate_warning_and_error_name_both_lines():
    body = 'msgid "a"\nmsgstr "x"\n\nmsgctxt "c"\nmsgid "b"\nmsgstr "y"\n\nmsgid "a"\nmsgstr "z"\n\n' \
           'msgctxt "c"\nmsgid "b"\nmsgstr "w"\n'
    with pytest.warns(InputWarning) as caught:
        read(body, duplicates="warn")
    [warning] = caught
    assert str(warning.message) == ("case.th.po:14: warning: duplicate message definition: msgid 'a' is already "
                                    "defined on line 7 (1 more duplicate(s) in the file); msgfmt refuses such a file")
    error = refused(body)
    assert str(error) == "case.th.po:14: duplicate message definition: msgid 'a' is already defined on line 7"
    with pytest.raises(ValueError):
        read(body, duplicates="ignore")


def test_the_plural_errors_say_what_belongs_there():
    assert refused(CASES["a gap in the plural forms"][0]).message == (
        "msgstr[2] where msgstr[1] belongs: plural forms are numbered 0, 1, 2… in order, without gaps")


@pytest.mark.skipif(MSGFMT is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("name", CASES)
def test_trilex_refuses_or_warns_about_exactly_what_msgfmt_refuses(tmp_path, name):
    body, expected = CASES[name]
    path = tmp_path / "case.po"
    path.write_bytes(po_bytes(body))
    msgfmt = subprocess.run([MSGFMT, "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert (msgfmt.returncode != 0) == (expected != "read"), msgfmt.stderr
    if isinstance(expected, int):
        assert f"{path}:{expected}:" in msgfmt.stderr  # the same line as trilex


# -- the maximum segment size ------------------------------------------------------------------

def test_a_message_string_over_the_limit_is_refused_at_its_keyword(monkeypatch):
    monkeypatch.delenv(MAX_SEGMENT_ENV, raising=False)
    body = 'msgid "a"\nmsgstr ""\n' + '"0123456789"\n' * 20 + '\nmsgid "b"\nmsgstr "c"\n'
    assert read(body, max_segment=200).segments[0].target == "0123456789" * 20
    error = refused(body, max_segment=199)
    assert (error.line, error.message) == (8, "msgstr longer than the maximum segment size of 199 characters "
                                              f"(set {MAX_SEGMENT_ENV} to allow more)")
    plural = 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "' + "y" * 250 + '"\n'
    assert refused(plural, max_segment=200).message.startswith("msgstr[1] longer than")
    monkeypatch.setenv(MAX_SEGMENT_ENV, "199")
    assert refused(body).line == 8


def test_a_huge_line_is_refused_without_reading_it_whole():
    data = po_bytes('msgid "a"\nmsgstr "') + b"x" * 3_000_000 + b'"\n'
    with pytest.raises(InputError) as caught:
        read_po("big.po", data=data, max_segment=100_000)
    assert caught.value.line == 8
    assert caught.value.message.startswith("line longer than 400,000 characters")


def test_many_continuation_lines_are_joined_once():
    """A long string in many short continuation lines is read in linear time (joined at the end)."""
    body = 'msgid "a"\nmsgstr ""\n' + '"ก"\n' * 200_000
    assert read(body).segments[0].target == "ก" * 200_000
