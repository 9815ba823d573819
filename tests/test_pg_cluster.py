"""The PostgreSQL test harness itself (tests/pg_cluster.py and the fixtures in conftest.py):
an unprivileged server on a private socket, a fresh database per test, URLs psycopg takes, and
nothing left behind."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

import pg_cluster
import pytest
from conftest import REQUIRE_POSTGRES_ENV, new_database_name, postgres_required
from pg_cluster import ExistingServer, PostgresNotFound, ThrowawayCluster

psycopg = pytest.importorskip("psycopg")


def own_cluster(**kwargs) -> ThrowawayCluster:
    """A second cluster of this test's own, or skip (fail under TRILEX_REQUIRE_POSTGRES) without binaries."""
    try:
        return ThrowawayCluster(**kwargs)
    except PostgresNotFound as exc:
        missing = str(exc)
    if postgres_required():
        pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set but {missing}", pytrace=False)
    pytest.skip(missing)


def postmaster_uid(pid: int) -> int:
    """The real uid of process ``pid``, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError(f"no Uid line for process {pid}")


def server_pid(connection) -> int:
    """The postmaster's pid: the parent of this connection's backend."""
    backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
    for line in Path(f"/proc/{backend}/status").read_text().splitlines():
        if line.startswith("PPid:"):
            return int(line.split()[1])
    raise AssertionError(f"no PPid line for process {backend}")


def listening_tcp_inodes() -> set[str]:
    """Socket inodes of every listening TCP socket (IPv4 and IPv6) in this network namespace."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[3] == "0A":  # TCP_LISTEN
                inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    inodes: set[str] = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


@pytest.fixture(scope="module")
def cluster(postgres_server):
    """The session's throwaway cluster, or (when the session uses an existing server) one of this
    module's own: these tests inspect the harness, whatever server the other tests use."""
    if isinstance(postgres_server, ThrowawayCluster):
        yield postgres_server
        return
    own = own_cluster()
    try:
        yield own
    finally:
        own.stop()


@pytest.fixture
def admin(cluster):
    with cluster.connect() as connection:
        yield connection


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs Linux /proc")


@needs_proc
def test_server_runs_unprivileged_and_owns_its_data_folder(cluster, admin):
    data = admin.execute("SELECT current_setting('data_directory')").fetchone()[0]
    assert Path(data) == cluster.data_dir
    pid = server_pid(admin)
    assert pid == cluster.postmaster_pid()
    owner, uid = os.stat(data).st_uid, postmaster_uid(pid)
    assert owner == uid
    if os.geteuid() == 0:
        assert uid != 0, "the server runs as root"
        assert os.stat(cluster.socket_dir).st_uid == uid
    else:
        assert uid == os.geteuid()
    assert os.stat(data).st_mode & 0o077 == 0  # the data folder is private, as PostgreSQL wants


@needs_proc
def test_server_listens_on_no_tcp_port_only_on_its_private_socket(cluster, admin):
    assert admin.execute("SHOW listen_addresses").fetchone()[0] == ""
    assert admin.execute("SELECT inet_server_addr()").fetchone()[0] is None  # this session is a Unix socket
    pid = server_pid(admin)
    assert not socket_inodes(pid) & listening_tcp_inodes(), "the postmaster holds a listening TCP socket"
    sockets = admin.execute("SHOW unix_socket_directories").fetchone()[0]
    assert [Path(part.strip()) for part in sockets.split(",")] == [cluster.socket_dir]
    assert (cluster.socket_dir / ".s.PGSQL.5432").is_socket()
    assert os.stat(cluster.socket_dir).st_mode & 0o077 == 0


def test_server_has_throwaway_settings(admin):
    settings = dict(admin.execute(
        "SELECT name, setting FROM pg_settings WHERE name IN "
        "('fsync', 'synchronous_commit', 'full_page_writes', 'max_connections', 'server_encoding')").fetchall())
    assert settings["fsync"] == settings["synchronous_commit"] == settings["full_page_writes"] == "off"
    assert int(settings["max_connections"]) >= 50
    assert settings["server_encoding"] == "UTF8"


_seen_databases: list[str] = []


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_gets_a_fresh_empty_database_dropped_afterwards(postgres_server, postgres_tm_url, turn):
    with psycopg.connect(postgres_tm_url, autocommit=True) as connection:
        name = connection.info.dbname
        tables = connection.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").fetchone()
        assert tables == (0,)
        assert connection.execute("SELECT pg_encoding_to_char(encoding) FROM pg_database "
                                  "WHERE datname = current_database()").fetchone() == ("UTF8",)
        connection.execute("CREATE TABLE units (id int)")  # what the next test must not see
        connection.execute("INSERT INTO units VALUES (1)")
    assert name not in _seen_databases
    with postgres_server.connect() as admin:
        for earlier in _seen_databases:
            assert admin.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (earlier,)).fetchone() == (0,)
    _seen_databases.append(name)
    assert len(_seen_databases) == turn


def test_url_round_trips_through_psycopg(postgres_server, postgres_tm_url):
    with psycopg.connect(postgres_tm_url) as connection:
        info = connection.info
        assert connection.execute("SELECT current_database(), current_user").fetchone() == (info.dbname, info.user)
        assert postgres_tm_url == postgres_server.url(info.dbname)
        if isinstance(postgres_server, ThrowawayCluster):
            assert postgres_tm_url == f"postgresql://trilex@/{info.dbname}?host={postgres_server.socket_dir}"
            assert (info.user, info.host) == ("trilex", str(postgres_server.socket_dir))
        name = info.dbname
    assert psycopg.conninfo.conninfo_to_dict(postgres_tm_url)["dbname"] == name


@pytest.mark.postgres
def test_a_second_cluster_in_an_awkward_folder_works_and_stop_removes_everything():
    # A space and a literal %20 in the socket's path: both must survive the URL. (Under /tmp, not
    # tmp_path: pytest's folders are closed to the unprivileged user the server runs as.)
    base = Path(tempfile.mkdtemp(prefix="trilex pg%20", dir="/tmp"))
    os.chmod(base, 0o755)
    try:
        check_cluster_in(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def check_cluster_in(base: Path) -> None:
    started = time.monotonic()
    with own_cluster(base=base) as cluster:
        folder, pid = cluster.socket_dir, cluster.postmaster_pid()
        assert folder.parent == base.resolve()
        url = cluster.url("postgres")
        assert " " not in url and "%2520" in url
        with psycopg.connect(url) as connection:
            assert connection.info.host == str(folder)
            assert connection.execute("SELECT 1").fetchone() == (1,)
        assert cluster.create_database("second_one") == cluster.url("second_one")
        with psycopg.connect(cluster.url("second_one")) as connection:
            assert connection.info.dbname == "second_one"
    assert not folder.exists()
    assert list(base.iterdir()) == []
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    assert time.monotonic() - started < 60
    cluster.stop()  # a second stop does nothing


@pytest.mark.postgres
def test_stop_removes_the_folder_even_when_the_server_was_killed():
    cluster = own_cluster()
    folder = cluster.socket_dir
    os.kill(cluster.postmaster_pid(), 9)
    cluster.stop()
    assert not folder.exists() and not cluster.running


def test_existing_server_names_databases_by_replacing_the_path(postgres_server):
    server = ExistingServer(postgres_server.admin_url)
    assert server.check().startswith("PostgreSQL")
    name = new_database_name()
    with server.database(name) as url:
        assert pg_cluster.database_of(url) == name
        with psycopg.connect(url) as connection:
            assert connection.info.dbname == name
    with postgres_server.connect() as connection:
        assert connection.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone() == (0,)
    remote = ExistingServer("postgresql://me:s3cret@db.example:5433/postgres?sslmode=require")
    assert remote.url("tm") == "postgresql://me:s3cret@db.example:5433/tm?sslmode=require"
    assert remote.url("tm", schema="x") == "postgresql://me:s3cret@db.example:5433/tm?sslmode=require&schema=x"
    assert remote.description == "postgresql://me@db.example:5433/postgres?sslmode=require"


def test_missing_binaries_are_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(PostgresNotFound, match="does not hold initdb, pg_ctl and postgres"):
        ThrowawayCluster(bindir=tmp_path)
    monkeypatch.setattr(pg_cluster, "candidate_bindirs", lambda: [tmp_path])
    with pytest.raises(PostgresNotFound, match=r"not found: looked on PATH.*apt-get install postgresql"):
        pg_cluster.find_bindir()


def test_packaged_binaries_are_tried_newest_version_first(monkeypatch):
    monkeypatch.setattr(pg_cluster.shutil, "which", lambda name: None)
    layout = {"/usr/lib/postgresql/*/bin": ["/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/15/bin",
                                            "/usr/lib/postgresql/12/bin"]}
    monkeypatch.setattr(pg_cluster.glob, "glob", lambda pattern: layout.get(pattern, []))
    assert [str(folder) for folder in pg_cluster.candidate_bindirs()] == [
        "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/12/bin", "/usr/lib/postgresql/9.6/bin"]


def test_no_tcp_port_answers_for_the_cluster(cluster):
    """Belt and braces beside /proc: nothing accepts connections on the cluster's port on localhost
    (unless something unrelated listens there, in which case the check says nothing)."""
    probe = socket.socket()
    probe.settimeout(2)
    try:
        reached = probe.connect_ex(("127.0.0.1", cluster.port)) == 0
    finally:
        probe.close()
    if reached:
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=trilex dbname=postgres "
                            "connect_timeout=3").close()
