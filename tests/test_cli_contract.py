"""The command-line contract, checked over every trilex command and subcommand.

The rules come from the developer guide:

* ``--help`` on every command and subcommand, with an example; ``-q``/``-v`` on every command;
* bad input gets ONE line on stderr, ``FILE:LINE: what is wrong`` (``FILE: ...`` where the
  problem has no line), exit code 2, no traceback, and an existing output file survives the
  failed run unchanged;
* XML is parsed with entities and network access off; documents declaring entities are refused
  (and never leak a local file);
* ``trilex --help`` does not import the heavy libraries; ``python -m trilex --version`` works;
  ``-`` means stdin/stdout where the help says so; colour only on a terminal.

Commands are discovered from :data:`trilex.cli.main.COMMANDS` and the click groups, so a new
command is covered by the help/option checks at once, and the coverage tests below fail until it
has a row in :data:`GOOD_RUNS` (a successful invocation) and, if it reads files, in
:data:`READERS` (where its input goes).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from trilex import __version__
from trilex.cli.main import COMMANDS, cli

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "cli_contract"
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable

#: Libraries that ``trilex --help`` must not import (the start-up rule).
HEAVY = ("pythainlp", "sacrebleu", "translate", "rapidfuzz", "ahocorasick", "numpy", "lxml")

ANSI = "\x1b["


# -- discovery -------------------------------------------------------------------------------


def _walk(command: click.Command, path: tuple[str, ...]):
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{' '.join(path + (name,))} is listed but cannot be loaded"
            yield from _walk(sub, path + (name,))


ALL_COMMANDS: dict[tuple[str, ...], click.Command] = dict(_walk(cli, ()))
LEAVES = [path for path, command in ALL_COMMANDS.items() if not isinstance(command, click.Group)]
GROUPS = [path for path, command in ALL_COMMANDS.items() if isinstance(command, click.Group)]


def _name(path: tuple[str, ...]) -> str:
    return " ".join(("trilex",) + path)


def _reads_files(command: click.Command) -> bool:
    return any(isinstance(param.type, click.Path) for param in command.params)


def run(args: list[str], input: str | bytes | None = None):
    """Run trilex in-process; ``result.stdout`` and ``result.stderr`` are separate."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input, catch_exceptions=True)


def run_process(args: list[str], input: bytes | None = None, cwd: Path | None = None):
    return subprocess.run([PYTHON, "-m", "trilex", *map(str, args)], input=input, capture_output=True,
                          cwd=cwd, timeout=60)


def test_discovery_finds_every_command_in_the_table():
    assert set(COMMANDS) == {path[0] for path in ALL_COMMANDS if path}
    assert len(LEAVES) >= len(COMMANDS)


# -- help, examples, -q/-v ---------------------------------------------------------------------


@pytest.mark.parametrize("path", list(ALL_COMMANDS), ids=_name)
def test_help_has_an_example(path):
    result = run([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    text = result.stdout
    match = re.search(r"^\s*Examples?:\s*$", text, re.MULTILINE)
    assert match, f"{_name(path)} --help has no 'Example:' section:\n{text}"
    examples = [line.strip() for line in text[match.end():].splitlines()]
    assert any(line.startswith(_name(path)) for line in examples), (
        f"{_name(path)} --help: no example line starts with {_name(path)!r}:\n{text}")


def test_root_help_lists_every_command():
    text = run(["--help"]).stdout
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", text, re.MULTILINE), f"trilex --help does not list {name}"


def _option_names(command: click.Command) -> set[str]:
    return {opt for param in command.params if isinstance(param, click.Option) for opt in param.opts}


@pytest.mark.parametrize("path", list(ALL_COMMANDS), ids=_name)
def test_quiet_and_verbose_options_exist(path):
    names = _option_names(ALL_COMMANDS[path])
    assert {"-q", "--quiet", "-v", "--verbose"} <= names, f"{_name(path)} lacks -q/-v: {sorted(names)}"


# -- data for successful runs ------------------------------------------------------------------


@pytest.fixture(scope="module")
def tm_file(tmp_path_factory) -> Path:
    """A small TM filled from the sample TMX."""
    path = tmp_path_factory.mktemp("tm") / "project.tm"
    result = run(["tm", "import", DATA / "memory.tmx", "--tm", path, "-q"])
    assert result.exit_code == 0, result.output
    return path


#: One successful invocation per leaf command; ``{TM}`` is a filled TM, ``{OUT}`` an output file.
GOOD_RUNS: dict[tuple[str, ...], list[str]] = {
    ("tbx", "validate"): [DATA / "termbase.tbx"],
    ("tbx", "convert"): [DATA / "termbase.csv", "{OUT}.tbx"],
    ("tbx", "stats"): [DATA / "termbase.tbx"],
    ("tbx", "show"): [DATA / "termbase.tbx", "ศูนย์ข้อมูล"],
    ("tbx", "html"): [DATA / "termbase.tbx", "-o", "{OUT}.html"],
    ("extract",): [DATA / "article.txt", "-o", "{OUT}.tbx"],
    ("check",): ["-t", DATA / "termbase.tbx", DATA / "messages.th.po", DATA / "messages.th.xlf",
                 DATA / "memory.tmx", DATA / "article.txt", "-o", "{OUT}.txt"],
    ("suggest",): ["ศูนย์ข้อมูลเปิดแล้ว", "-t", DATA / "termbase.tbx", "--tm", "{TM}"],
    ("tm", "import"): [DATA / "messages.th.po", "--tm", "{OUT}.tm"],
    ("tm", "copy"): ["{TM}", "{OUT}.tm"],
    ("tm", "export"): ["--tm", "{TM}", "-o", "{OUT}.tmx"],
    ("tm", "search"): ["The data center is open", "--tm", "{TM}", "--min", "50"],
    ("tm", "concordance"): ["data", "--tm", "{TM}"],
    ("tm", "stats"): ["--tm", "{TM}"],
    ("score",): [DATA / "mt.th.txt", DATA / "ref.th.txt", "--lang", "th"],
    ("align",): [DATA / "align.en.txt", DATA / "align.th.txt", "-s", "en", "-t", "th", "-o", "{OUT}.tmx"],
}


def test_every_leaf_command_has_a_good_run():
    missing = [_name(path) for path in LEAVES if path not in GOOD_RUNS]
    assert not missing, f"add a successful invocation to GOOD_RUNS for: {missing}"


def _fill(args, tm_file: Path, out: Path) -> list[str]:
    return [str(arg).replace("{TM}", str(tm_file)).replace("{OUT}", str(out)) for arg in args]


@pytest.mark.parametrize("path", LEAVES, ids=_name)
def test_quiet_verbose_and_no_colour_off_a_terminal(path, tm_file, tmp_path):
    args = GOOD_RUNS[path]
    plain = run([*path, *_fill(args, tm_file, tmp_path / "plain")])
    quiet = run([*path, "-q", *_fill(args, tm_file, tmp_path / "quiet")])
    verbose = run([*path, "-v", *_fill(args, tm_file, tmp_path / "verbose")])
    before = run(["-q", *path, *_fill(args, tm_file, tmp_path / "before")])
    for label, result in (("plain", plain), ("-q", quiet), ("-v", verbose), ("-q first", before)):
        assert result.exit_code == 0, f"{_name(path)} {label}: exit {result.exit_code}\n{result.output}"
        assert ANSI not in result.stdout + result.stderr, f"{_name(path)} {label}: colour off a terminal"
    assert quiet.stderr == "", f"{_name(path)} -q still says: {quiet.stderr!r}"
    assert before.stderr == "", f"trilex -q {' '.join(path)} still says: {before.stderr!r}"
    assert quiet.stdout == plain.stdout.replace(str(tmp_path / "plain"), str(tmp_path / "quiet"))


# -- bad input -------------------------------------------------------------------------------

XML_FORMATS = ("tbx", "xliff", "tmx")


@dataclass(frozen=True)
class Reader:
    """Where a command reads a file: ``{IN}`` is the file, ``{OUT}`` an output that must survive."""

    command: tuple[str, ...]
    args: tuple[str, ...]
    fmt: str  # tbx, csv, po, xliff, tmx, txt (article), lines (plain text lines), tm (SQLite TM)
    suffix: str
    out: str | None = None  # suffix of the output file, if the command writes one
    #: whether the output must already be a valid TM (tm import adds to it) rather than any file
    out_is_tm: bool = False

    @property
    def id(self) -> str:
        args = " ".join(self.args).replace(str(DATA) + "/", "")
        return f"{' '.join(self.command)} {args} ({self.fmt}{self.suffix})"


def _r(command: str, args: str, fmt: str, suffix: str, out: str | None = None) -> Reader:
    return Reader(tuple(command.split()), tuple(args.split()), fmt, suffix, out, out_is_tm=(out == ".tm"))


_TBX = str(DATA / "termbase.tbx")
_PO = str(DATA / "messages.th.po")
_MT = str(DATA / "mt.th.txt")
_REF = str(DATA / "ref.th.txt")
_SRC = str(DATA / "source.en.txt")
_ALIGN_EN = str(DATA / "align.en.txt")
_ALIGN_TH = str(DATA / "align.th.txt")

READERS = [
    _r("tbx validate", "{IN}", "tbx", ".tbx"),
    _r("tbx convert", "{IN} {OUT}", "tbx", ".tbx", ".csv"),
    _r("tbx convert", "{IN} {OUT}", "csv", ".csv", ".tbx"),
    _r("tbx convert", "{IN} {OUT} --from tbx2", "tbx", ".xml", ".csv"),
    _r("tbx stats", "{IN}", "tbx", ".tbx"),
    _r("tbx show", "{IN}", "tbx", ".tbx"),
    _r("tbx show", "{IN}", "csv", ".csv"),
    _r("tbx html", "{IN} -o {OUT}", "tbx", ".tbx", ".html"),
    _r("tbx html", "{IN} -o {OUT}", "csv", ".csv", ".html"),
    _r("extract", "{IN} --review --format html -o {OUT}", "txt", ".txt", ".html"),
    _r("check", "-t " + _TBX + " {IN} --format html -o {OUT}", "po", ".po", ".html"),
    _r("extract", "{IN} -o {OUT}", "txt", ".txt", ".tbx"),
    _r("check", "-t " + _TBX + " {IN} -o {OUT}", "xliff", ".xlf", ".txt"),
    _r("check", "-t " + _TBX + " {IN} -o {OUT}", "po", ".po", ".txt"),
    _r("check", "-t " + _TBX + " {IN} -o {OUT}", "tmx", ".tmx", ".txt"),
    _r("check", "-t " + _TBX + " {IN} -o {OUT}", "csv", ".csv", ".txt"),
    _r("check", "-t " + _TBX + " {IN} -o {OUT}", "txt", ".txt", ".txt"),
    _r("check", "-t {IN} " + _PO + " -o {OUT}", "tbx", ".tbx", ".txt"),
    _r("check", "-t {IN} " + _PO + " -o {OUT}", "csv", ".csv", ".txt"),
    _r("check", "-t " + _TBX + " --source en --target th -p " + _SRC + " {IN} -o {OUT}", "lines", ".txt", ".txt"),
    _r("suggest", "ศูนย์ข้อมูล -t {IN}", "tbx", ".tbx"),
    _r("suggest", "ศูนย์ข้อมูล --tm {IN}", "tm", ".tm"),
    _r("tm import", "{IN} --tm {OUT}", "tmx", ".tmx", ".tm"),
    _r("tm import", "{IN} --tm {OUT}", "xliff", ".xlf", ".tm"),
    _r("tm import", "{IN} --tm {OUT}", "po", ".po", ".tm"),
    _r("tm import", "{IN} --tm {OUT}", "csv", ".csv", ".tm"),
    _r("tm import", "{IN} --tm {OUT}", "tbx", ".tbx", ".tm"),
    _r("tm copy", "{IN} {OUT}", "tm", ".tm", ".tm"),
    _r("tm export", "--tm {IN} -o {OUT}", "tm", ".tm", ".tmx"),
    _r("tm search", "data --tm {IN}", "tm", ".tm"),
    _r("tm concordance", "data --tm {IN}", "tm", ".tm"),
    _r("tm stats", "--tm {IN}", "tm", ".tm"),
    _r("score", "{IN} " + _REF + " --lang th", "lines", ".txt"),
    _r("score", _MT + " {IN} --lang th", "lines", ".txt"),
    _r("score", "{IN} " + _REF + " --lang th", "xliff", ".xlf"),
    _r("score", "{IN} " + _REF + " --lang th", "po", ".po"),
    _r("score", "{IN} " + _REF + " --lang th", "tmx", ".tmx"),
    _r("align", "{IN} " + _ALIGN_TH + " -s en -t th -o {OUT}", "txt", ".txt", ".tmx"),
    _r("align", _ALIGN_EN + " {IN} -s en -t th -o {OUT}", "txt", ".txt", ".tmx"),
    _r("align", _ALIGN_EN + " " + _ALIGN_TH + " {IN} " + _ALIGN_TH + " -s en -t th -o {OUT}", "txt", ".txt", ".tmx"),
    _r("align", "{IN} " + _ALIGN_TH + " -s en -t th --tm {OUT}", "txt", ".txt", ".tm"),
]


def test_every_command_that_reads_files_has_a_reader_row():
    covered = {reader.command for reader in READERS}
    missing = [_name(path) for path in LEAVES if _reads_files(ALL_COMMANDS[path]) and path not in covered]
    assert not missing, f"add rows to READERS for: {missing}"


#: The body of a well-formed document of each XML format, with ``%s`` where the text goes.
XML_BODIES = {
    "tbx": ('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
            '<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>'
            '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>%s</term></termSec></langSec>'
            '<langSec xml:lang="th"><termSec><term>ศูนย์ข้อมูล</term></termSec></langSec></conceptEntry>'
            '</body></text></tbx>'),
    "xliff": ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
              'target-language="th" datatype="plaintext" original="x"><body><trans-unit id="1">'
              '<source>%s</source><target>ศูนย์ข้อมูล</target></trans-unit></body></file></xliff>'),
    "tmx": ('<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
            'o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="en"><seg>%s</seg>'
            '</tuv><tuv xml:lang="th"><seg>ศูนย์ข้อมูล</seg></tuv></tu></body></tmx>'),
}
XML_ROOTS = {"tbx": "tbx", "xliff": "xliff", "tmx": "tmx"}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

BILLION_LAUGHS = (
    '<!DOCTYPE {root} [\n'
    ' <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">\n' for n in range(2, 10))
    + ']>\n'
)
XXE = '<!DOCTYPE {root} [\n <!ENTITY xxe SYSTEM "file://{secret}">\n]>\n'


@dataclass(frozen=True)
class Bad:
    """A bad input: its bytes, and the line the error must name (None: only the file)."""

    content: bytes | None  # None: the file does not exist
    line: int | None
    any_line: bool = False  # the error must name some line, which one is up to the parser


def bad_inputs(fmt: str, secret: Path) -> dict[str, Bad]:
    """Every kind of bad input that applies to ``fmt``."""
    cases: dict[str, Bad] = {"missing": Bad(None, None)}
    if fmt == "tm":
        cases["empty"] = Bad(b"", None)
        cases["wrong-format"] = Bad("en,th\ndata center,ศูนย์ข้อมูล\n".encode(), None)
        return cases
    if fmt in XML_FORMATS:
        # A well-formed document of the right kind whose first text holds the bad bytes, on line 3.
        head, tail = (DECLARATION + XML_BODIES[fmt] + "\n").encode().split(b"%s")
        cases["undecodable"] = Bad(head + b"\n\xc3\x28\xff" + tail, 3)
        # The right root, then a mismatched end tag on line 5.
        cases["malformed-xml"] = Bad((DECLARATION + XML_BODIES[fmt].replace("%s", "\n<a>\n<b>\n</a>")
                                      + "\n").encode(), 5)
        root = XML_ROOTS[fmt]
        cases["billion-laughs"] = Bad((DECLARATION + BILLION_LAUGHS.format(root=root)
                                       + XML_BODIES[fmt] % "&lol9;" + "\n").encode(), None, any_line=True)
        cases["xxe"] = Bad((DECLARATION + XXE.format(root=root, secret=secret)
                            + XML_BODIES[fmt] % "&xxe;" + "\n").encode(), None, any_line=True)
        cases["empty"] = Bad(b"", None)
        cases["wrong-format"] = Bad((DECLARATION + "<html>\n<body><p>not a termbase</p></body>\n</html>\n").encode(),
                                    None, any_line=True)
        return cases
    # Line-oriented text formats.
    cases["undecodable"] = Bad({
        "csv": "en,th\n".encode() + b"data center,\xc3\x28\xff\n",
        "po": 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'.encode()
              + b'msgid "a"\nmsgstr "\xc3\x28\xff"\n',
        "txt": "ข่าวเทคโนโลยี\n".encode() + b"\xc3\x28\xff\n",
        "lines": "ศูนย์ข้อมูลเปิดแล้ว\n".encode() + b"\xc3\x28\xff\n",
    }[fmt], {"csv": 2, "po": 6, "txt": 2, "lines": 2}[fmt])
    if fmt in ("csv", "po"):
        cases["empty"] = Bad(b"", None)
        cases["wrong-format"] = Bad({
            "csv": "just some words\nno language header here\n".encode(),
            "po": "just some words\nno msgid here\n".encode(),
        }[fmt], 1)
    if fmt == "txt":
        cases["empty"] = Bad(b"", None)
    return cases


def _bad_cases():
    probe = Path("/secret")
    for reader in READERS:
        for kind in bad_inputs(reader.fmt, probe):
            if reader.command == ("tbx", "validate") and kind == "wrong-format":
                continue  # a readable non-TBX document is "invalid" (exit 1): see the test below
            yield reader, kind


def known_defect(reader: Reader, kind: str) -> str | None:
    """Why this reader/kind pair fails today, if it is an open defect (the test is then a strict xfail)."""
    return None


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TRILEX-SECRET-4f1c9a\n", encoding="utf-8")
    return path


SENTINEL = b"precious earlier output\n"


def _params():
    for reader, kind in _bad_cases():
        marks = []
        reason = known_defect(reader, kind)
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        yield pytest.param(reader, kind, marks=marks, id=f"{reader.id}-{kind}")


@pytest.mark.parametrize(("reader", "kind"), list(_params()))
def test_bad_input_is_one_line_exit_2_and_leaves_output_alone(reader, kind, tmp_path, secret, tm_file):
    bad = bad_inputs(reader.fmt, secret)[kind]
    source = tmp_path / f"input-{kind}{reader.suffix}"
    if bad.content is not None:
        source.write_bytes(bad.content)
    out = tmp_path / f"output{reader.out}" if reader.out else None
    before = SENTINEL if not reader.out_is_tm else tm_file.read_bytes()
    if out is not None:
        out.write_bytes(before)
    args = [arg.replace("{IN}", str(source)).replace("{OUT}", str(out)) for arg in reader.args]

    result = run([*reader.command, *args])

    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}")
    assert result.exit_code == 2, f"exit {result.exit_code}; stdout={result.stdout!r} stderr={result.stderr!r}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    line = lines[0]
    if bad.line is not None:
        assert line.startswith(f"{source}:{bad.line}: "), f"expected '{source}:{bad.line}: ...', got {line!r}"
    elif bad.any_line:
        assert re.match(re.escape(str(source)) + r":\d+: \S", line), f"expected '{source}:LINE: ...', got {line!r}"
    else:
        assert line.startswith(f"{source}"), f"expected the message to start with {source}, got {line!r}"
        assert re.match(re.escape(str(source)) + r"(:\d+)?: \S", line), line
    assert "TRILEX-SECRET" not in everything
    if out is not None:
        assert out.read_bytes() == before, f"{out} was changed by a failed run"
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers, f"temporary files left behind: {leftovers}"


def test_validate_calls_a_readable_non_tbx_document_invalid(tmp_path):
    """``tbx validate`` documents exit 1 (not 2) for readable XML that is not TBX; the problem is FILE:LINE."""
    source = tmp_path / "page.tbx"
    source.write_text(DECLARATION + "<html>\n<body/>\n</html>\n", encoding="utf-8")
    result = run(["tbx", "validate", source])
    assert result.exit_code == 1
    assert re.match(re.escape(str(source)) + r":\d+: \S", result.stdout)
    assert "Traceback" not in result.output


# -- outputs that cannot be written ------------------------------------------------------------

WRITERS = [
    ("tbx", "convert", str(DATA / "termbase.csv"), "{OUT}"),
    ("extract", str(DATA / "article.txt"), "-o", "{OUT}"),
    ("check", "-t", str(DATA / "termbase.tbx"), str(DATA / "messages.th.po"), "-o", "{OUT}"),
    ("tm", "export", "--tm", "{TM}", "-o", "{OUT}"),
    ("align", str(DATA / "align.en.txt"), str(DATA / "align.th.txt"), "-s", "en", "-t", "th", "-o", "{OUT}"),
    ("tbx", "html", str(DATA / "termbase.tbx"), "-o", "{OUT}"),
    ("extract", str(DATA / "article.txt"), "--review", "--format", "html", "-o", "{OUT}"),
    ("check", "-t", str(DATA / "termbase.tbx"), str(DATA / "messages.th.po"), "--format", "html", "-o", "{OUT}"),
]


def _writer_params():
    for args in WRITERS:
        label = " ".join(args).replace(str(DATA) + "/", "")
        yield pytest.param(args, "missing-folder", id=f"{label}-missing-folder")
        yield pytest.param(args, "directory", id=f"{label}-directory")


@pytest.mark.parametrize(("args", "where"), list(_writer_params()))
def test_unwritable_output_is_one_line_exit_2(args, where, tm_file, tmp_path):
    """An output that cannot be written: one line naming it, exit 2, no traceback, nothing left behind.

    click's own usage error (``Usage: ...`` / ``Error: ... is a directory``) is accepted for options
    declared ``dir_okay=False``: that is click's convention for a bad argument, checked before any work.
    """
    if where == "missing-folder":
        out = tmp_path / "no-such-folder" / "out.file"
    else:
        out = tmp_path / "a-folder"
        out.mkdir()
    result = run([arg.replace("{OUT}", str(out)).replace("{TM}", str(tm_file)) for arg in args])
    assert "Traceback" not in result.stdout + result.stderr
    assert isinstance(result.exception, (SystemExit, type(None))), f"uncaught {result.exception!r}"
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    if lines and lines[0].startswith("Usage:"):
        assert lines[-1].startswith("Error: ") and str(out) in lines[-1], lines
    else:
        assert len(lines) == 1 and lines[0].startswith(f"{out}: "), lines
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def test_failed_tm_import_leaves_the_tm_unchanged(tm_file, tmp_path):
    tm_copy = tmp_path / "copy.tm"
    tm_copy.write_bytes(tm_file.read_bytes())
    before = run(["tm", "stats", "--tm", tm_copy, "--format", "json"]).stdout
    good = (DATA / "memory.tmx").read_text(encoding="utf-8")
    broken = tmp_path / "broken.tmx"
    # New units first, then a syntax error near the end: nothing of the file may be kept.
    extra = '<tu><tuv xml:lang="en"><seg>Brand new unit</seg></tuv><tuv xml:lang="th"><seg>ใหม่</seg></tuv></tu>\n'
    broken.write_text(good.replace("<body>", "<body>\n" + extra * 3).replace("</body>", "<tu><tuv></body>"),
                      encoding="utf-8")
    result = run(["tm", "import", broken, "--tm", tm_copy])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{broken}:")
    assert run(["tm", "stats", "--tm", tm_copy, "--format", "json"]).stdout == before


# -- subprocesses: start-up, --version, stdin ----------------------------------------------------


def test_root_help_imports_no_heavy_library():
    probe = ("import sys, runpy\n"
             "sys.argv = ['trilex', '--help']\n"
             "try:\n    runpy.run_module('trilex', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             f"print('HEAVY=' + ','.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n")
    done = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    heavy = done.stdout.strip().splitlines()[-1].removeprefix("HEAVY=")
    assert heavy == "", f"'trilex --help' imports: {heavy}"


def test_root_help_importtime_has_no_heavy_library():
    done = subprocess.run([PYTHON, "-X", "importtime", "-m", "trilex", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert not imported & set(HEAVY), f"'trilex --help' imports: {sorted(imported & set(HEAVY))}"


def test_subcommand_help_imports_no_heavy_library():
    """``trilex CMD --help`` also stays light: the heavy imports are inside the command bodies."""
    paths = [list(path) for path in ALL_COMMANDS]
    probe = ("import sys, json\nfrom click.testing import CliRunner\nfrom trilex.cli.main import cli\n"
             f"for path in {paths!r}:\n"
             "    result = CliRunner().invoke(cli, path + ['--help'])\n"
             "    assert result.exit_code == 0, (path, result.output)\n"
             f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n")
    done = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_python_m_trilex_version():
    done = run_process(["--version"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == f"trilex, version {__version__}"


def test_stdin_to_stdout_convert_in_a_subprocess():
    tsv = "en\tth\tzh\ndata center\tศูนย์ข้อมูล\t数据中心\n".encode()
    done = run_process(["tbx", "convert", "-", "-", "--from", "tsv", "--to", "csv", "-q"], input=tsv)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert "data center,ศูนย์ข้อมูล,数据中心" in done.stdout.decode("utf-8")


def test_stdin_error_names_stdin_and_line():
    done = run_process(["tbx", "convert", "-", "-", "--from", "tsv", "--to", "csv"],
                       input="en\tth\n".encode() + b"data center\t\xc3\x28\n")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == [done.stderr.decode().strip()]
    assert done.stderr.decode().startswith("<stdin>:2: ")


def test_missing_file_in_a_subprocess_has_no_traceback(tmp_path):
    done = run_process(["check", tmp_path / "nope.xlf"])
    assert done.returncode == 2
    assert done.stderr.decode().strip() == f"{tmp_path / 'nope.xlf'}: cannot read file: No such file or directory"


def test_suggest_reads_stdin():
    result = run(["suggest", "-", "-t", DATA / "termbase.tbx", "--to", "zh"], input="ศูนย์ข้อมูลเปิดแล้ว\n")
    assert result.exit_code == 0, result.output
    assert "数据中心" in result.stdout


def test_check_report_to_stdout_and_file_agree(tmp_path):
    args = ["check", "-t", DATA / "termbase.tbx", DATA / "messages.th.po", "--format", "json"]
    to_stdout = run([*args, "-o", "-"])
    out = tmp_path / "report.json"
    to_file = run([*args, "-o", out])
    assert to_stdout.exit_code == to_file.exit_code == 0
    assert json.loads(to_stdout.stdout) == json.loads(out.read_text(encoding="utf-8"))


def test_extract_writes_stdout_by_default():
    result = run(["extract", DATA / "article.txt", "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("id,")
    assert "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน" in result.stdout


# -- terminals, quiet mode, warnings from libraries ----------------------------------------------


def _run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    """Run trilex with stdout on a pseudo-terminal; return (exit code, terminal output, stderr)."""
    import pty
    import select

    master, slave = pty.openpty()
    process = subprocess.Popen([PYTHON, "-m", "trilex", *map(str, args)], stdout=slave, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, cwd=cwd)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    stderr = process.stderr.read()
    process.stderr.close()
    return process.wait(timeout=30), shown, stderr


def test_quiet_means_no_progress_bar_even_on_a_terminal(tmp_path):
    code, _shown, stderr = _run_on_a_terminal(["tm", "import", DATA / "messages.th.po", "--tm", tmp_path / "t.tm", "-q"],
                                              tmp_path)
    assert code == 0
    assert stderr == b"", stderr[:200]


def test_progress_bar_never_off_a_terminal(tmp_path):
    done = run_process(["tm", "import", DATA / "memory.tmx", DATA / "messages.th.po", "--tm", tmp_path / "t.tm"])
    assert done.returncode == 0
    assert b"\r" not in done.stderr and b"[" not in done.stderr and ANSI.encode() not in done.stderr


def test_score_quiet_has_no_library_warnings(tmp_path):
    lines = "".join(f"ศูนย์ข้อมูลแห่งที่ {n} เปิดแล้ว.\n" for n in range(120))
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text(lines, encoding="utf-8")
    ref.write_text(lines, encoding="utf-8")
    done = run_process(["score", hyp, ref, "--lang", "th", "-q"])
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b"", done.stderr.decode()


def test_score_refuses_references_in_another_language(tmp_path):
    zh = tmp_path / "messages.zh.xlf"
    zh.write_text((DATA / "messages.th.xlf").read_text(encoding="utf-8")
                  .replace('target-language="th"', 'target-language="zh"')
                  .replace("ศูนย์ข้อมูลเปิดแล้ว", "数据中心已开放。").replace("ปัญญาประดิษฐ์ช่วยนักแปล", "人工智能帮助译者。"),
                  encoding="utf-8")
    result = run(["score", DATA / "messages.th.xlf", zh])
    assert result.exit_code == 2
    assert result.stderr.startswith(str(DATA / "messages.th.xlf"))


def test_check_excerpts_do_not_split_thai_clusters(corpora):
    import unicodedata

    po = corpora / "po" / "xfce4-panel.th.po"
    if not po.exists():
        pytest.skip(f"{po} is absent")
    result = run(["check", "-t", REPO / "tests" / "data" / "check" / "xfce.tbx", po])
    assert result.exit_code in (0, 1), result.output
    # A Thai vowel or tone mark (category Mn) right after an ellipsis or a span mark lost its base letter.
    broken = [line for line in result.stdout.splitlines()
              if any(char in "…⟦⟧" and unicodedata.category(following) == "Mn"
                     for char, following in zip(line, line[1:]))]
    assert not broken, broken[:3]


def test_tm_search_to_lists_only_matches_with_that_language(tmp_path):
    zh = tmp_path / "en-zh.tmx"
    zh.write_text((DATA / "memory.tmx").read_text(encoding="utf-8").replace('xml:lang="th"', 'xml:lang="zh"')
                  .replace("ศูนย์ข้อมูลเปิดแล้ว", "数据中心已开放。").replace("ปัญญาประดิษฐ์ช่วยนักแปล", "人工智能帮助译者。"),
                  encoding="utf-8")
    tm = tmp_path / "t.tm"
    assert run(["tm", "import", DATA / "memory.tmx", zh, "--tm", tm, "-q"]).exit_code == 0
    result = run(["tm", "search", "The data center is open.", "--tm", tm, "--to", "th", "--format", "json"])
    assert result.exit_code == 0, result.output
    matches = json.loads(result.stdout)
    assert matches, "no match at all"
    assert all(match["translations"] for match in matches), matches
