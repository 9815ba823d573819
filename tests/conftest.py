"""Shared fixtures: where ``../shared`` is, and skips with a clear reason when it is absent;
the PostgreSQL server and TM locations on both backends (see the PostgreSQL section below);
the terminal summaries of the tests that need a PostgreSQL server or a browser (at the end)."""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
STANDARDS = SHARED / "standards"
CORPORA = SHARED / "corpora"


def need_shared(path: Path) -> Path:
    """Return ``path`` or skip the test, saying which part of ../shared is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (schemas and corpora) is not beside this checkout")
    return path


@pytest.fixture
def standards() -> Path:
    """The official schemas folder, ``../shared/standards``."""
    return need_shared(STANDARDS)


@pytest.fixture
def corpora() -> Path:
    """The real third-party files, ``../shared/corpora``."""
    return need_shared(CORPORA)


# -- PostgreSQL ---------------------------------------------------------------------------------
#
# ``postgres_server`` (session): the server the PostgreSQL tests use —
#   * ``$TRILEX_TEST_POSTGRES``, the URL of an existing server's database whose user may create
#     databases (``postgresql://me:pw@localhost/postgres``), if set;
#   * else a :class:`pg_cluster.ThrowawayCluster` started for the session, if the server
#     binaries are installed;
#   * else the tests are skipped, saying why — or, with ``TRILEX_REQUIRE_POSTGRES=1`` (CI),
#     they fail instead.
# ``postgres_tm_url`` (function): the URL of a new, empty database, dropped after the test.
# ``tm_location`` (function, parametrized ``sqlite``/``postgresql``): a new TM location on each
#   backend — a file path under ``tmp_path``, or a ``postgres_tm_url``. Tests that use it run
#   twice; the ``postgresql`` run is marked ``postgres``.
# Every test that uses ``postgres_server`` (directly or through the fixtures above) is marked
# ``postgres`` (``-m "not postgres"`` leaves them out); the terminal summary says how many ran
# against which server, and ``$TRILEX_POSTGRES_SUMMARY`` names a file to write those counts to.

TEST_POSTGRES_ENV = "TRILEX_TEST_POSTGRES"
REQUIRE_POSTGRES_ENV = "TRILEX_REQUIRE_POSTGRES"
POSTGRES_SUMMARY_ENV = "TRILEX_POSTGRES_SUMMARY"
BACKENDS = ("sqlite", "postgresql")
_POSTGRES_FIXTURES = frozenset({"postgres_server", "postgres_tm_url"})
_database_numbers = itertools.count(1)
#: The server the session used, for the summary line (set once it is up).
_server_used: list[str] = []


def postgres_required() -> bool:
    """Whether a missing PostgreSQL server is a failure (``TRILEX_REQUIRE_POSTGRES=1``) rather than a skip."""
    return os.environ.get(REQUIRE_POSTGRES_ENV, "").strip() not in ("", "0", "no", "false")


def _no_postgres(reason: str):
    if postgres_required():
        pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set but {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason} (set {TEST_POSTGRES_ENV}=URL to use an existing one)")


def new_database_name(prefix: str = "trilex_test") -> str:
    """A database name no other test (or concurrent session) uses."""
    return f"{prefix}_{os.getpid()}_{next(_database_numbers)}_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def postgres_server():
    """The PostgreSQL server for this session: ``url(db)``, ``create_database(name)``,
    ``drop_database(name)``, ``database(name)`` and ``description`` (see tests/pg_cluster.py)."""
    try:
        import psycopg
    except ImportError:
        psycopg = None
    if psycopg is None:
        _no_postgres("psycopg is not installed (pip install -e '.[test]')")
    import pg_cluster

    url = os.environ.get(TEST_POSTGRES_ENV, "").strip()
    if url:
        server = pg_cluster.ExistingServer(url)
        try:
            version, problem = server.check(), None
        except Exception as exc:  # noqa: BLE001 - a server named explicitly must work: never skip
            version, problem = "", exc
        if problem is not None:
            pytest.fail(f"{TEST_POSTGRES_ENV}={server.description}: cannot connect: {problem}", pytrace=False)
        _server_used[:] = [f"{server.description} ({version.split(' on ')[0]})"]
        yield server
        return
    try:
        cluster, missing = pg_cluster.ThrowawayCluster(), None
    except pg_cluster.PostgresNotFound as exc:
        cluster, missing = None, str(exc)
    if cluster is None:
        _no_postgres(missing)
    _server_used[:] = [f"a throwaway PostgreSQL {cluster.version} cluster"]
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_tm_url(postgres_server) -> str:
    """The URL of a new, empty database for this test (dropped afterwards)."""
    with postgres_server.database(new_database_name()) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def tm_location(request, tmp_path) -> str:
    """A new TM location: a file path under ``tmp_path`` (``sqlite``) or a fresh database URL
    (``postgresql``). The backend is ``request.param`` (``tm_backend`` gives it too)."""
    if request.param == "sqlite":
        return str(tmp_path / "test.tm")
    return request.getfixturevalue("postgres_tm_url")


@pytest.fixture
def tm_backend(request) -> str:
    """``sqlite`` or ``postgresql``: the backend of this test's ``tm_location``."""
    return request.node.callspec.params["tm_location"]


def _uses_postgres(item) -> bool:
    if _POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("tm_location") == "postgresql"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _uses_postgres(item) and item.get_closest_marker("postgres") is None:
            item.add_marker(pytest.mark.postgres)


def _marked_outcomes(terminalreporter, marker: str) -> dict[str, str]:
    """nodeid → outcome (``passed``, ``failed``, ``error``, ``skipped``, ``xfailed``, ``xpassed``)
    of every test marked ``marker``; an error or failure in any phase wins over a pass."""
    rank = {"passed": 0, "xfailed": 1, "xpassed": 1, "skipped": 2, "failed": 3, "error": 4}
    outcomes: dict[str, str] = {}
    for key, reports in terminalreporter.stats.items():
        if key not in rank:
            continue
        for report in reports:
            if marker not in getattr(report, "keywords", {}):
                continue
            nodeid = getattr(report, "nodeid", None)
            if nodeid is None:
                continue
            if nodeid not in outcomes or rank[key] > rank[outcomes[nodeid]]:
                outcomes[nodeid] = key
    return outcomes


# -- summaries of the tests that need something from the machine ----------------------------------
#
# For each marker below, the terminal summary says how many of its tests passed, failed and were
# skipped, and against what; the environment variable names a file to write those counts to
# (``total=``, ``skipped=``…, read by .ci/run, which fails a run that skipped any of them).

BROWSER_SUMMARY_ENV = "TRILEX_BROWSER_SUMMARY"


def _browser_used() -> str:
    import page_browser

    return page_browser.chromium_path() or "no browser"


#: marker → (what the summary line calls its tests, the summary file's variable, what they ran against).
SUMMARIES = {
    "postgres": ("PostgreSQL tests", POSTGRES_SUMMARY_ENV, lambda: _server_used[0] if _server_used else "no server"),
    "browser": ("Browser tests", BROWSER_SUMMARY_ENV, _browser_used),
}


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for marker, (label, variable, against) in SUMMARIES.items():
        outcomes = _marked_outcomes(terminalreporter, marker)
        counts = {name: 0 for name in ("passed", "failed", "error", "skipped", "xfailed", "xpassed")}
        for outcome in outcomes.values():
            counts[outcome] += 1
        target = os.environ.get(variable, "").strip()
        if not outcomes and not target:
            continue
        server = against()
        if outcomes:
            shown = ", ".join(f"{count} {name}" for name, count in counts.items() if count) or "none"
            terminalreporter.write_line(f"{label}: {shown} against {server}")
        if target:
            lines = [f"{name}={count}" for name, count in counts.items()]
            lines += [f"total={len(outcomes)}", f"server={server}"]
            with open(target, "w", encoding="utf-8") as summary:
                summary.write("\n".join(lines) + "\n")
