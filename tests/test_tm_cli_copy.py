"""``trilex tm copy`` and the ``--tm`` option every TM command shares: a file or a server URL,
``TRILEX_TM`` when it is not given, and no password from a URL in any message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trilex.cli.main import cli
from trilex.tm.location import public_location
from trilex.errors import InputError
from trilex.tm.store import open_store

DATA = Path(__file__).parent / "data"
ROUNDTRIP = DATA / "tmstore" / "roundtrip.tmx"
MEMORY = DATA / "cli_contract" / "memory.tmx"
PO = DATA / "cli_contract" / "messages.th.po"

#: A server URL with a password, to a socket folder that does not exist (nothing listens there).
SECRET_URL = "postgresql://u:secret@/db?host=/nonexistent"


def run(*args, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


def _backend(location: str) -> None:
    """Skip a PostgreSQL run until the PostgreSQL backend is there."""
    if "://" in location:
        pytest.importorskip("trilex.tm.postgres_store", reason="the PostgreSQL backend is not installed yet")


def _stored(location: str) -> list[tuple]:
    """Every unit of a TM with its origin and import date, in the order they were added."""
    with open_store(location, create=False) as store:
        return [(stored.unit, stored.origin, stored.imported) for stored in store.iter_units()]


@pytest.fixture
def source(tmp_path) -> str:
    """A TM filled from two files (two origins, units with inline codes and dates)."""
    path = str(tmp_path / "source.tm")
    for name in (ROUNDTRIP, PO):
        result = run("tm", "import", name, "--tm", path)
        assert result.exit_code == 0, result.output
    return path


# -- tm copy -----------------------------------------------------------------------------------


def test_copy_keeps_every_unit_with_its_origin_and_import_date(source, tm_location):
    _backend(tm_location)
    before = _stored(source)
    assert len({origin for _unit, origin, _imported in before}) == 2
    assert any(code for unit, _o, _i in before for variant in unit.variants for code in variant.codes)
    result = run("tm", "copy", source, tm_location)
    assert result.exit_code == 0, result.output
    assert f"{len(before)} units copied, 0 duplicates" in result.output
    assert _stored(tm_location) == before  # units whole (notes, props, codes, dates), origins, import dates
    assert _stored(source) == before  # the source is only read


def test_copy_round_trip_through_a_second_tm_is_lossless(source, tm_location, tmp_path):
    _backend(tm_location)
    assert run("tm", "copy", source, tm_location).exit_code == 0
    back = str(tmp_path / "back.tm")
    assert run("tm", "copy", tm_location, back).exit_code == 0
    assert _stored(back) == _stored(source)
    search = json.loads(run("tm", "search", "ศูนย์ข้อมูล", "--tm", back, "--format", "json").output)
    assert search and search[0]["score"] == 100.0


def test_copy_into_a_tm_that_has_some_units_counts_them_as_duplicates(tmp_path, tm_location):
    _backend(tm_location)
    source = str(tmp_path / "source.tm")
    assert run("tm", "import", ROUNDTRIP, MEMORY, "--tm", source).exit_code == 0
    assert run("tm", "import", ROUNDTRIP, "--tm", tm_location).exit_code == 0
    kept = _stored(tm_location)
    from_memory = [row for row in _stored(source) if row[1] == str(MEMORY)]
    assert kept and from_memory

    result = run("tm", "copy", source, tm_location)
    assert result.exit_code == 0, result.output
    assert f"{len(from_memory)} units copied, {len(kept)} duplicates" in result.output
    after = _stored(tm_location)
    assert after[:len(kept)] == kept  # what DST had keeps its own origin and import date
    assert after[len(kept):] == from_memory

    again = run("tm", "copy", source, tm_location)
    assert f"0 units copied, {len(after)} duplicates" in again.output
    assert _stored(tm_location) == after


def test_a_missing_source_is_one_line_exit_2_and_creates_nothing(tmp_path):
    destination = tmp_path / "new.tm"
    result = run("tm", "copy", tmp_path / "none.tm", destination)
    assert result.exit_code == 2
    assert result.output == f"{tmp_path / 'none.tm'}: no such TM file\n"
    assert not destination.exists()


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink"])
def test_copying_a_tm_into_itself_is_refused(source, tmp_path, spelling):
    before = _stored(source)
    other = {"same": source, "dot": str(Path(source).parent / "." / Path(source).name),
             "symlink": str(tmp_path / "link.tm")}[spelling]
    if spelling == "symlink":
        Path(other).symlink_to(source)
    result = run("tm", "copy", source, other)
    assert result.exit_code == 2
    assert "same TM" in result.output and len(result.output.strip().splitlines()) == 1
    assert _stored(source) == before


def test_copy_says_nothing_with_q_and_has_help_with_examples(source, tmp_path):
    quiet = CliRunner().invoke(cli, ["tm", "copy", "-q", source, str(tmp_path / "q.tm")])
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    verbose = CliRunner().invoke(cli, ["tm", "copy", "-v", source, str(tmp_path / "v.tm")])
    assert f"copying {source} into {tmp_path / 'v.tm'}" in verbose.stderr
    assert verbose.stdout == ""
    help_text = run("tm", "copy", "--help").output
    assert "Examples:" in help_text and "trilex tm copy project.tm postgresql://" in help_text


def test_an_empty_source_copies_nothing(tmp_path):
    empty = tmp_path / "empty.tmx"
    empty.write_text(ROUNDTRIP.read_text(encoding="utf-8").split("<body>")[0] + "<body></body></tmx>",
                     encoding="utf-8")
    source = str(tmp_path / "source.tm")
    assert run("tm", "import", empty, "--tm", source).exit_code == 0
    result = run("tm", "copy", source, tmp_path / "copy.tm")
    assert result.exit_code == 0 and "0 units copied, 0 duplicates" in result.output


# -- --tm and TRILEX_TM --------------------------------------------------------------------------


def test_trilex_tm_in_the_environment_is_used_without_tm(source):
    stats = run("tm", "stats", "--format", "json", env={"TRILEX_TM": source})
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.output)["units"] == len(_stored(source))
    search = run("tm", "search", "ศูนย์ข้อมูล", "--to", "zh", "--format", "json", env={"TRILEX_TM": source})
    assert search.exit_code == 0, search.output
    assert json.loads(search.output)[0]["translations"] == {"zh-CN": "数据中心"}
    concordance = run("tm", "concordance", "数据", env={"TRILEX_TM": source})
    assert concordance.exit_code == 0 and "[数据]" in concordance.output


def test_tm_wins_over_the_environment(source, tmp_path):
    result = run("tm", "stats", "--tm", source, "--format", "json", env={"TRILEX_TM": str(tmp_path / "no.tm")})
    assert result.exit_code == 0 and json.loads(result.output)["units"] == len(_stored(source))


def test_import_into_the_tm_the_environment_names(tmp_path):
    path = tmp_path / "env.tm"
    result = run("tm", "import", ROUNDTRIP, env={"TRILEX_TM": str(path)})
    assert result.exit_code == 0 and "4 units added" in result.output and path.exists()


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["concordance", "x"], ["export", "-o", "-"],
                                     ["import", str(ROUNDTRIP)]])
def test_no_tm_and_no_environment_is_a_usage_error(command):
    result = run("tm", *command, env={"TRILEX_TM": None})
    assert result.exit_code == 2
    assert "no TM given" in result.output and "TRILEX_TM" in result.output and "Traceback" not in result.output


def test_suggest_uses_trilex_tm_too(source):
    result = run("suggest", "ศูนย์ข้อมูล", "--from", "th", "--to", "zh", "--format", "json", env={"TRILEX_TM": source})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["tm_matches"][0]["translations"] == {"zh-CN": "数据中心"}


@pytest.mark.parametrize("command", ["import", "export", "search", "concordance", "stats"])
def test_help_says_tm_takes_a_url_and_the_environment(command):
    text = " ".join(run("tm", command, "--help").output.split())
    assert "--tm FILE|URL" in text and "postgresql://USER@HOST/DB" in text and "$TRILEX_TM" in text


# -- passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("location", "shown"), [
    ("postgresql://u:secret@host/db", "postgresql://u:***@host/db"),
    ("postgresql://u:s%40cret@host:5432/db?schema=a", "postgresql://u:***@host:5432/db?schema=a"),
    ("postgresql://u@host/db?password=secret&sslmode=require", "postgresql://u@host/db?password=***&sslmode=require"),
    ("postgres://u:secret@/db?host=/run/pg", "postgres://u:***@/db?host=/run/pg"),
    ("postgresql://u:sec@ret@host/db", "postgresql://u:***@host/db"),
    ("postgresql://u@host/db", "postgresql://u@host/db"),
    ("project.tm", "project.tm"),
])
def test_public_location_hides_the_password(location, shown):
    assert public_location(location) == shown


def test_an_error_that_quotes_the_url_does_not_show_the_password(monkeypatch):
    def refuse(location, create=True, wait=None, jobs=1):
        raise InputError(f"cannot connect to {location} (password 'secret' rejected)", location)

    monkeypatch.setattr("trilex.tm.store.open_store", refuse)
    for args in (["tm", "stats", "--tm", SECRET_URL], ["tm", "copy", SECRET_URL, "x.tm"],
                 ["suggest", "ศูนย์ข้อมูล", "--tm", SECRET_URL]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert "secret" not in result.output and "postgresql://u:***@/db?host=/nonexistent" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_other_errors_that_quote_the_password_become_one_line(monkeypatch):
    def fail(location, create=True, wait=None, jobs=1):
        raise RuntimeError(f"driver said: bad URL {location}\ndetails")

    monkeypatch.setattr("trilex.tm.store.open_store", fail)
    result = CliRunner().invoke(cli, ["tm", "stats", "--tm", SECRET_URL])
    assert result.exit_code == 2 and "secret" not in result.output
    assert result.output.strip().count("\n") == 0


@pytest.mark.parametrize("args", [
    ["tm", "stats", "--tm", SECRET_URL],
    ["tm", "search", "ศูนย์ข้อมูล", "--tm", SECRET_URL],
    ["tm", "import", str(ROUNDTRIP), "--tm", SECRET_URL],
    ["tm", "export", "--tm", SECRET_URL, "-o", "-"],
    ["tm", "copy", SECRET_URL, "copy.tm"],
    ["suggest", "ศูนย์ข้อมูล", "--tm", SECRET_URL],
])
def test_a_server_that_is_not_there_is_exit_2_without_the_password(args, tmp_path, monkeypatch):
    pytest.importorskip("trilex.tm.postgres_store", reason="the PostgreSQL backend is not installed yet")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRILEX_TM_WAIT", "0")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "secret" not in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "copy.tm").exists()


def test_a_copy_into_a_server_that_is_not_there_is_exit_2_without_the_password(source):
    pytest.importorskip("trilex.tm.postgres_store", reason="the PostgreSQL backend is not installed yet")
    before = _stored(source)
    result = CliRunner().invoke(cli, ["tm", "copy", source, SECRET_URL])
    assert result.exit_code == 2 and "secret" not in result.output and "Traceback" not in result.output
    assert _stored(source) == before
