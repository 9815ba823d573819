"""Issue 11: one strict CSV rule for both CSV readers, NUL refused where it is read, and the
maximum segment size enforced while streaming (a huge field is refused before it is held whole).
"""

from __future__ import annotations

import csv
import io
import itertools
import tracemalloc

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import trilex.csvread as csvread
from trilex.bitext.delimited import read_csv, read_tsv
from trilex.cli.main import cli
from trilex.csvread import read_records
from trilex.errors import ConfigError, InputError
from trilex.fileio import DEFAULT_MAX_SEGMENT, MAX_SEGMENT_ENV, decode_text, iter_text, max_segment
from trilex.termbase import parse
from trilex.termbase.csvfile import read_csv as read_glossary

OPEN_QUOTE = 'en,th\nserver,เซิร์ฟเวอร์\n"data centre,ศูนย์\n'


def bilingual(tmp_path, text: str | bytes, name: str = "pairs.csv", **options):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    reader = read_csv if name.endswith(".csv") else read_tsv
    return reader(str(path), **options), path


def error_of(call) -> InputError:
    with pytest.raises(InputError) as caught:
        call()
    assert "\n" not in str(caught.value)
    return caught.value


# -- one strict rule ---------------------------------------------------------------------------

def test_a_file_ending_inside_an_open_quote_is_refused_by_both_readers(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(OPEN_QUOTE, encoding="utf-8")
    for call in (lambda: read_csv(str(path), "en", "th"), lambda: parse(path.read_bytes(), path)):
        error = error_of(call)
        assert (error.path, error.line) == (str(path), 3)
        assert "ends inside a quoted field" in error.message
    result = CliRunner().invoke(cli, ["tbx", "convert", str(path), str(tmp_path / "out.tbx")])
    assert result.exit_code == 2
    assert result.output.strip() == f"{path}:3: malformed CSV: the file ends inside a quoted field; " \
                                    "the quote opened here is never closed"
    assert not (tmp_path / "out.tbx").exists()


def test_the_error_names_the_line_where_the_quote_opened_not_where_the_record_started(tmp_path):
    text = 'en,th\n"multi\nline",ok\nx,"one\ntwo","three\nfour\n'
    for call in (lambda: bilingual(tmp_path, text, source_lang="en", target_lang="th"),
                 lambda: parse(text.encode(), "g.csv")):
        assert error_of(call).line == 5  # the record starts on line 4, "three opens on line 5


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_glossary_reader_is_strict_with_every_delimiter(delimiter):
    header = delimiter.join(["en", "th"])
    error = error_of(lambda: parse(f'{header}\n"a"b{delimiter}ก\n'.encode(), "g.txt", None))
    assert (error.line, error.message.split(":")[0]) == (2, "malformed CSV")
    error = error_of(lambda: parse(f'{header}\nok{delimiter}"ก\n'.encode(), "g.txt"))
    assert error.line == 2 and "never closed" in error.message


def test_text_after_a_closing_quote_is_refused_by_both_readers(tmp_path):
    text = 'en,th\n"a"b,c\n'
    assert error_of(lambda: bilingual(tmp_path, text)).line == 2
    assert error_of(lambda: parse(text.encode(), "g.csv")).line == 2


def test_what_both_readers_accept_they_read_the_same(tmp_path):
    text = ('en,th\r\n"data, centre","ศูนย์\r\nข้อมูล"\r\n5" disk,"say ""hi"""\r\n\r\nplain,ไทย\r\n'
            'old mac,line\rlast,one')
    document, _ = bilingual(tmp_path, text)
    rows = [(s.source, s.target, s.line) for s in document]
    assert rows == [("data, centre", "ศูนย์\r\nข้อมูล", 2), ('5" disk', 'say "hi"', 4), ("plain", "ไทย", 6),
                    ("old mac", "line", 7), ("last", "one", 8)]
    glossary = parse(text.encode(), "g.csv")
    assert [(c.terms("en")[0].text, c.terms("th")[0].text) for c in glossary.concepts] == [
        (source, target) for source, target, _ in rows]


@given(st.text(st.sampled_from(['a', 'ก', ',', ';', '"', '\n', '\r', ' ', '\t']), max_size=30),
       st.sampled_from([",", ";", "\t"]), st.integers(1, 8), st.sampled_from([1, 2, 5, 1 << 16]))
@settings(max_examples=600, deadline=None)
def test_records_are_those_of_pythons_strict_csv_reader(text, delimiter, chunk, piece):
    """Whatever the text and however it is cut into blocks and pieces, read_records gives the
    rows of ``csv.reader(strict=True)`` with the lines where they start, or refuses what it refuses."""
    expected: list | None = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            if row:
                expected.append((start, row))
            start = reader.line_num + 1
    except csv.Error:
        expected = None
    chunks = [text[i:i + chunk] for i in range(0, len(text), chunk)]
    original, csvread._PIECE = csvread._PIECE, piece
    try:
        got = list(read_records(chunks, "x.csv", delimiter=delimiter, max_field=10 ** 9))
    except InputError:
        got = None
    finally:
        csvread._PIECE = original
    assert got == expected


@given(st.text(st.sampled_from(['a', 'ก', '"', '\n', '\r', ' ', '\t']), max_size=30), st.integers(1, 8))
@settings(max_examples=300, deadline=None)
def test_tsv_records_are_lines_split_at_tabs(text, chunk):
    expected = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line[:-1] if line.endswith("\r") else line
        if line:
            expected.append((number, line.split("\t")))
    chunks = [text[i:i + chunk] for i in range(0, len(text), chunk)]
    assert list(read_records(chunks, "x.tsv", delimiter="\t", quoting=False, max_field=10 ** 9)) == expected


# -- NUL and other characters --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pairs.csv", "pairs.tsv"])
def test_a_nul_byte_is_refused_where_the_bilingual_reader_reads_it(tmp_path, name):
    separator = "," if name.endswith(".csv") else "\t"
    text = f"en{separator}th\nok{separator}ตกลง\nser\x00ver{separator}เซิร์ฟเวอร์\n"
    error = error_of(lambda: bilingual(tmp_path, text, name))
    assert (error.line, error.message.split(":")[0]) == (3, "NUL character (U+0000) in the text")


def test_a_nul_byte_in_a_glossary_is_refused_at_its_line_not_by_the_tbx_writer(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_bytes("en,th\nserver,เซิร์ฟเวอร์\n\"data\ncentre\",ศูนย์\x00ข้อมูล\n".encode())
    error = error_of(lambda: read_glossary(path.read_bytes(), path))
    assert (error.path, error.line) == (str(path), 4)
    assert error.message.startswith("NUL character (U+0000) in the text: a termbase cannot hold it")
    result = CliRunner().invoke(cli, ["tbx", "convert", str(path), str(tmp_path / "out.tbx")])
    assert (result.exit_code, result.output.count("\n")) == (2, 1)
    assert result.output.startswith(f"{path}:4: NUL character")


def test_other_characters_xml_cannot_hold_are_refused_in_a_glossary_but_kept_in_bilingual_files(tmp_path):
    text = "en,th\nbell\x07,กริ่ง\n"
    error = error_of(lambda: parse(text.encode(), "g.csv"))
    assert (error.line, error.message.split(":")[0]) == (2, "control character U+0007 in the text")
    document, _ = bilingual(tmp_path, text)
    assert document.segments[0].source == "bell\x07"  # a QA matter, not a reading one


# -- the maximum segment size ------------------------------------------------------------------

def test_the_maximum_segment_size_has_a_documented_default_an_environment_variable_and_a_keyword(monkeypatch):
    monkeypatch.delenv(MAX_SEGMENT_ENV, raising=False)
    assert max_segment() == DEFAULT_MAX_SEGMENT == 1 << 20
    for raw, size in (("262144", 262144), ("4M", 4 << 20), ("512k", 512 << 10), ("2MiB", 2 << 20), (" 1G ", 1 << 30)):
        monkeypatch.setenv(MAX_SEGMENT_ENV, raw)
        assert max_segment() == size
    assert max_segment(100) == 100
    for bad in ("0", "lots", "-5", "1.5M"):
        monkeypatch.setenv(MAX_SEGMENT_ENV, bad)
        with pytest.raises(ConfigError, match=MAX_SEGMENT_ENV):
            max_segment()
    with pytest.raises(ConfigError):
        max_segment(0)


def test_a_field_over_the_limit_is_refused_at_the_line_where_it_starts(tmp_path, monkeypatch):
    monkeypatch.delenv(MAX_SEGMENT_ENV, raising=False)
    text = 'en,th\nok,fine\nx,"' + "long line\n" * 3 + '"\n'
    error = error_of(lambda: bilingual(tmp_path, text, max_segment=25))
    assert (error.line, error.message) == (3, "field longer than the maximum segment size of 25 characters "
                                              f"(set {MAX_SEGMENT_ENV} to allow more)")
    bilingual(tmp_path, text, max_segment=30)  # 30 characters fit
    error = error_of(lambda: read_glossary(text.encode(), "g.csv", max_segment=25))
    assert error.line == 3
    monkeypatch.setenv(MAX_SEGMENT_ENV, "25")
    assert error_of(lambda: bilingual(tmp_path, text)).line == 3
    assert error_of(lambda: bilingual(tmp_path, "en\tth\nok\t" + "x" * 26 + "\n", "p.tsv")).line == 2


def test_a_line_of_countless_tiny_fields_is_refused_as_a_whole(tmp_path):
    error = error_of(lambda: bilingual(tmp_path, "en,th\n" + "a," * 500 + "\n", max_segment=100))
    assert error.line == 2 and error.message.startswith("record longer than 800 characters")


def test_a_never_ending_field_is_refused_after_reading_little_of_it():
    """The reader streams: an endless stream of one field is refused after about the limit."""
    consumed = []

    def endless():
        yield b"en\tth\nok\t"
        for number in itertools.count():
            consumed.append(number)
            yield b"a" * 65536

    rows = read_records(iter_text("-", blocks=endless()), "<stdin>", delimiter="\t", quoting=False,
                        max_field=1 << 20)
    error = error_of(lambda: list(rows))
    assert error.line == 2
    assert len(consumed) <= (1 << 20) // 65536 + 3


def test_refusing_a_huge_field_holds_only_a_few_blocks_in_memory(tmp_path):
    path = tmp_path / "huge.tsv"
    with open(path, "wb") as out:
        out.write(b"en\tth\n")
        for _ in range(40):
            out.write(b"x" * 1_000_000)
        out.write(b"\tok\n")
    quoted = tmp_path / "huge.csv"
    with open(quoted, "wb") as out:
        out.write(b'en,th\nok,"')
        for _ in range(400_000):
            out.write(b"y" * 99 + b"\n")
        out.write(b'"\n')
    for call in (lambda: read_tsv(str(path)), lambda: read_csv(str(quoted))):
        tracemalloc.start()
        try:
            error = error_of(call)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert error.line == 2 and "maximum segment size" in error.message
        assert peak < 12_000_000, peak  # 40 MB of field; the limit (1 Mi characters) plus a block or two


def test_the_bilingual_readers_stream_bytes_given_too():
    data = b"en\tth\n" + b"z" * 3_000_000 + b"\tok\n"
    error = error_of(lambda: read_tsv("big.tsv", data=data))
    assert (error.path, error.line) == ("big.tsv", 2)
    assert read_tsv("ok.tsv", data=b"en\tth\nok\t" + "ตกลง".encode() * 100_000 + b"\n").segments[0].target \
        == "ตกลง" * 100_000


def test_a_tm_import_of_a_huge_single_line_is_one_line_exit_2(tmp_path):
    path = tmp_path / "one-line.tsv"
    path.write_bytes(b"en\tth\n" + b"a" * 2_000_000 + b"\tx\n")
    result = CliRunner().invoke(cli, ["tm", "import", str(path), "--tm", str(tmp_path / "x.tm")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"{path}:2: field longer than the maximum segment size of 1,048,576 characters "
        f"(set {MAX_SEGMENT_ENV} to allow more)")


# -- decoding block by block -----------------------------------------------------------------

@pytest.mark.parametrize("size", [1, 2, 3, 7, 4096])
def test_streamed_decoding_gives_the_text_and_the_errors_of_whole_decoding(size):
    good = "\ufeffline ไทย 中文\n".encode() + "สอง\nสาม\n".encode() * 5
    assert "".join(iter_text("x", good, blocks=(good[i:i + size] for i in range(0, len(good), size)))) \
        == decode_text(good, "x")
    utf16 = "\ufeffหนึ่ง\n中文\n".encode("utf-16-be")
    assert "".join(iter_text("x", blocks=(utf16[i:i + size] for i in range(0, len(utf16), size)))) == "หนึ่ง\n中文\n"
    for bad in (good + b"\xff tail\n", good[:-2], b"ok\n" + "ก".encode()[:2] + b"\nx"):
        blocks = [bad[i:i + size] for i in range(0, len(bad), size)]
        whole = error_of(lambda bad=bad: decode_text(bad, "x"))
        streamed = error_of(lambda blocks=blocks: "".join(iter_text("x", blocks=blocks)))
        assert (streamed.line, streamed.message) == (whole.line, whole.message)
