"""A throwaway PostgreSQL server for tests and benchmarks: private, fast, gone afterwards.

:class:`ThrowawayCluster` finds the server binaries (``initdb``, ``pg_ctl``, ``postgres``),
creates a cluster in a new temporary folder and starts it listening on a Unix socket in that
folder only (no TCP port), with the durability settings a test does not need turned off. When
this process is root (which ``initdb`` refuses), the folder is handed to an unprivileged user
(``postgres``, else ``nobody``) and the server runs as that user. ::

    with ThrowawayCluster() as cluster:
        cluster.create_database("bench")
        store = open_store(cluster.url("bench"))

:class:`ExistingServer` offers the same ``url``/``create_database``/``drop_database`` for a
server someone else runs (``TRILEX_TEST_POSTGRES``). Both need :mod:`psycopg` only to create
and drop databases; finding and starting the server needs nothing beyond the standard library.

Nothing here depends on pytest or on trilex, so benchmarks can use it by putting ``tests/`` on
``sys.path``.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

#: The superuser ``initdb`` creates (trust authentication, socket only).
SUPERUSER = "trilex"
#: Users a root process hands the cluster to, first one that exists.
UNPRIVILEGED_USERS = ("postgres", "nobody")
#: Settings for a server whose data is thrown away: no durability, no TCP, enough connections.
SERVER_SETTINGS: dict[str, str] = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "shared_buffers": "32MB",
    "max_wal_size": "1GB",
    "lc_messages": "'C'",
    "log_min_messages": "warning",
    "logging_collector": "off",
}
#: Longest Unix socket path the kernel takes (``sun_path`` is 108 bytes, NUL included).
_MAX_SOCKET_PATH = 107
_SOCKET_NAME = ".s.PGSQL.{port}"
#: How long (seconds) ``pg_ctl start`` may take before the cluster counts as broken.
START_TIMEOUT = 60


class PostgresNotFound(RuntimeError):
    """No PostgreSQL server binaries were found; the message says where it looked."""


class ClusterError(RuntimeError):
    """The server binaries exist but the cluster could not be created, started or used."""


# -- finding the binaries --------------------------------------------------------------------------

def _has_server(folder: Path) -> bool:
    return all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres"))


def _version_key(folder: str) -> tuple[int, ...]:
    """``(15,)`` for ``/usr/lib/postgresql/15/bin``; ``()`` when the path names no version."""
    found = re.findall(r"(\d+(?:\.\d+)*)", folder)
    return tuple(int(part) for part in found[-1].split(".")) if found else ()


def candidate_bindirs() -> list[Path]:
    """Folders that may hold the server binaries, in the order they are tried (duplicates removed):

    1. the folder of ``initdb`` on ``PATH`` (symbolic links followed);
    2. ``pg_config --bindir``;
    3. the usual packaged locations (``/usr/lib/postgresql/*/bin`` on Debian and Ubuntu,
       ``/usr/pgsql-*/bin`` on RHEL-like systems, Homebrew's ``postgresql@*``), newest version first.
    """
    found: list[Path] = []
    initdb = shutil.which("initdb")
    if initdb:
        found.append(Path(os.path.realpath(initdb)).parent)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            output = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10,
                                    check=True).stdout.strip()
            if output:
                found.append(Path(output))
    patterns = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin",
                "/usr/local/opt/postgresql@*/bin", "/usr/local/pgsql/bin")
    packaged = [folder for pattern in patterns for folder in glob.glob(pattern)]
    packaged.sort(key=_version_key, reverse=True)
    found.extend(Path(folder) for folder in packaged)
    unique: list[Path] = []
    for folder in found:
        resolved = Path(os.path.realpath(folder))
        if resolved not in unique:
            unique.append(resolved)
    return unique


def find_bindir() -> Path:
    """The first of :func:`candidate_bindirs` that holds ``initdb``, ``pg_ctl`` and ``postgres``.

    Raises :class:`PostgresNotFound`, naming the folders tried, when none does.
    """
    tried = candidate_bindirs()
    for folder in tried:
        if _has_server(folder):
            return folder
    where = ", ".join(str(folder) for folder in tried) or "no candidate folder exists"
    raise PostgresNotFound("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: looked on PATH, "
                           f"in `pg_config --bindir` and in /usr/lib/postgresql/*/bin ({where}); "
                           "install the server (e.g. `apt-get install postgresql`)")


def server_version(bindir: Path) -> str:
    """``postgres (PostgreSQL) 15.8`` — what ``postgres --version`` says."""
    return subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True, text=True,
                          timeout=30, check=True).stdout.strip()


# -- URLs ------------------------------------------------------------------------------------------

def socket_url(socket_dir: str | os.PathLike[str], dbname: str, user: str = SUPERUSER, port: int | None = None,
               **params: str) -> str:
    """``postgresql://USER@/DBNAME?host=SOCKETDIR`` (the socket folder percent-encoded, ``/`` kept).

    ``params`` are added to the query (``schema="tm2"`` gives ``&schema=tm2``).
    """
    query = [("host", os.fspath(socket_dir))]
    if port is not None:
        query.append(("port", str(port)))
    query.extend(params.items())
    text = "&".join(f"{quote(key, safe='')}={quote(value, safe='/')}" for key, value in query)
    return f"postgresql://{quote(user, safe='')}@/{quote(dbname, safe='')}?{text}"


def with_database(url: str, dbname: str) -> str:
    """``url`` with its database (the URL's path) replaced by ``dbname``; everything else kept."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(dbname, safe=""), parts.query, parts.fragment))


def without_password(url: str) -> str:
    """``url`` with the password of its user part left out, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    return urlunsplit((parts.scheme, user.split(":", 1)[0] + "@" + host, parts.path, parts.query, parts.fragment))


def database_of(url: str) -> str:
    """The database a URL names (``postgres`` when it names none)."""
    return unquote(urlsplit(url).path.lstrip("/")) or "postgres"


_DBNAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _checked_name(name: str) -> str:
    if not _DBNAME.match(name):
        raise ValueError(f"database name {name!r}: use lower-case letters, digits and _ (63 at most)")
    return name


# -- servers ---------------------------------------------------------------------------------------

class _Server:
    """What tests need from a server: URLs of databases, and making and dropping databases."""

    #: A URL of the maintenance database, used to create and drop the others.
    admin_url: str

    def url(self, dbname: str, **params: str) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def description(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def connect(self, dbname: str | None = None, **kwargs: Any):
        """A :mod:`psycopg` connection (autocommit) to ``dbname``, or to the maintenance database."""
        import psycopg

        return psycopg.connect(self.admin_url if dbname is None else self.url(dbname), autocommit=True, **kwargs)

    def create_database(self, name: str) -> str:
        """Create the empty database ``name`` (from ``template0``, UTF-8) and return its URL."""
        from psycopg import sql

        with self.connect() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                sql.Identifier(_checked_name(name))))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop ``name`` if it exists, ending the sessions still connected to it."""
        import psycopg
        from psycopg import sql

        identifier = sql.Identifier(_checked_name(name))
        with self.connect() as connection:
            try:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier))
            except psycopg.errors.SyntaxError:  # before PostgreSQL 13
                connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                                   (name,))
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(identifier))

    @contextlib.contextmanager
    def database(self, name: str) -> Iterator[str]:
        """A new database ``name`` for the length of a ``with`` block; yields its URL."""
        url = self.create_database(name)
        try:
            yield url
        finally:
            self.drop_database(name)


class ExistingServer(_Server):
    """A server someone else runs, given by the URL of a database there (usually ``postgres``)
    whose user may create databases. Databases are named by replacing the URL's path."""

    def __init__(self, url: str):
        self.admin_url = url

    def url(self, dbname: str, **params: str) -> str:
        url = with_database(self.admin_url, dbname)
        if params:
            url += ("&" if urlsplit(url).query else "?") + "&".join(
                f"{quote(key, safe='')}={quote(value, safe='/')}" for key, value in params.items())
        return url

    @property
    def description(self) -> str:
        return without_password(self.admin_url)

    def check(self) -> str:
        """Connect once and return the server's version string (raises if it cannot be reached)."""
        with self.connect() as connection:
            return connection.execute("SELECT version()").fetchone()[0]


def _unprivileged_user() -> tuple[str, int, int]:
    import pwd

    for name in UNPRIVILEGED_USERS:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_name, entry.pw_uid, entry.pw_gid
    raise ClusterError(f"running as root and none of the users {', '.join(UNPRIVILEGED_USERS)} exists: "
                       "initdb will not run as root")


class ThrowawayCluster(_Server):
    """A new PostgreSQL cluster in a temporary folder, reachable on a Unix socket only.

    ``bindir`` is where ``initdb``/``pg_ctl``/``postgres`` are (default: :func:`find_bindir`);
    ``base`` the folder to create the temporary folder in (default: the system's temporary
    folder, or ``/tmp`` when that is too deep for a socket path); ``user`` the account the server
    runs as when this process is root (default: the first of :data:`UNPRIVILEGED_USERS`);
    ``settings`` override or extend :data:`SERVER_SETTINGS`.

    The server starts in the constructor (``start=False`` defers it to :meth:`start`) and is
    stopped, its folder removed, by :meth:`stop` or at the end of a ``with`` block.

    Raises :class:`PostgresNotFound` without the binaries, :class:`ClusterError` when
    ``initdb`` or the server fails (with the reason and the end of the server's log).
    """

    def __init__(self, bindir: str | os.PathLike[str] | None = None, *, base: str | os.PathLike[str] | None = None,
                 user: str | None = None, settings: dict[str, str] | None = None, start: bool = True):
        self.bindir = Path(bindir) if bindir is not None else find_bindir()
        if not _has_server(self.bindir):
            raise PostgresNotFound(f"{self.bindir} does not hold initdb, pg_ctl and postgres")
        self.settings = {**SERVER_SETTINGS, **(settings or {})}
        self.port = 5432  # only names the socket file; the folder is private so it never clashes
        self._base = base
        self._user = user
        self.folder: Path | None = None
        self.running = False
        if start:
            self.start()

    # -- paths ---------------------------------------------------------------------------------

    @property
    def socket_dir(self) -> Path:
        """The folder the server's socket is in (the cluster's temporary folder)."""
        if self.folder is None:
            raise ClusterError("the cluster has not been created")
        return self.folder

    @property
    def data_dir(self) -> Path:
        return self.socket_dir / "data"

    @property
    def log_file(self) -> Path:
        return self.socket_dir / "server.log"

    @property
    def admin_url(self) -> str:  # type: ignore[override]
        return self.url("postgres")

    def url(self, dbname: str, **params: str) -> str:
        """``postgresql://trilex@/DBNAME?host=SOCKETDIR``: what :mod:`psycopg` and trilex take."""
        return socket_url(self.socket_dir, dbname, SUPERUSER, None, **params)

    @property
    def description(self) -> str:
        return f"a throwaway cluster ({self.version}) at {self.socket_dir}"

    @functools.cached_property
    def version(self) -> str:
        """The server's version (``15.8``)."""
        text = server_version(self.bindir)
        found = re.search(r"\(PostgreSQL\)\s+(\S+)", text)
        return found.group(1) if found else text

    # -- running commands ----------------------------------------------------------------------

    def _identity(self) -> dict[str, Any]:
        """``subprocess`` arguments that run a command as the cluster's owner."""
        if os.geteuid() != 0:
            return {}
        if self._user is not None:
            import pwd

            entry = pwd.getpwnam(self._user)
            return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        _name, uid, gid = _unprivileged_user()
        return {"user": uid, "group": gid, "extra_groups": []}

    def _run(self, *args: str, timeout: float = START_TIMEOUT) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        env.update(LC_ALL="C", LANG="C")
        if os.geteuid() == 0:
            env["HOME"] = str(self.socket_dir)
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], capture_output=True, text=True, check=False,
                              cwd=self.socket_dir, env=env, timeout=timeout, **self._identity())

    def _failure(self, what: str, done: subprocess.CompletedProcess[str]) -> ClusterError:
        log = ""
        with contextlib.suppress(OSError):
            log = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-20:])
        details = "\n".join(part for part in (done.stdout.strip(), done.stderr.strip(), log) if part)
        return ClusterError(f"{what} failed (exit code {done.returncode}) in {self.socket_dir}:\n{details}")

    # -- life cycle ----------------------------------------------------------------------------

    def _make_folder(self) -> Path:
        if self._base is not None:
            base = os.fspath(self._base)
        else:
            base = tempfile.gettempdir()
            # room for "/trilex-pg-XXXXXXXX/.s.PGSQL.5432"
            if len(os.fsencode(os.path.abspath(base))) + 40 > _MAX_SOCKET_PATH:
                base = "/tmp"
        folder = Path(tempfile.mkdtemp(prefix="trilex-pg-", dir=base)).resolve()
        socket = folder / _SOCKET_NAME.format(port=self.port)
        if len(os.fsencode(str(socket))) > _MAX_SOCKET_PATH:
            shutil.rmtree(folder, ignore_errors=True)
            raise ClusterError(f"the socket path {socket} is longer than {_MAX_SOCKET_PATH} bytes: "
                               "choose a shorter base folder")
        identity = self._identity()
        if identity:
            os.chown(folder, identity["user"], identity["group"])
            os.chmod(folder, 0o700)
        return folder

    def start(self) -> ThrowawayCluster:
        """Create the cluster (``initdb``), configure it and start the server; wait until it
        takes connections. Returns the cluster."""
        if self.running:
            return self
        self.folder = self._make_folder()
        try:
            self._initdb()
            with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.write("\n# trilex test cluster\n")
                conf.write(f"unix_socket_directories = '{self.socket_dir}'\n")
                conf.write("unix_socket_permissions = 0700\n")
                conf.write(f"port = {self.port}\n")
                conf.writelines(f"{name} = {value}\n" for name, value in self.settings.items())
            done = self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-w",
                             "-t", str(START_TIMEOUT), "start", timeout=START_TIMEOUT + 30)
            if done.returncode != 0:
                raise self._failure("pg_ctl start", done)
            self.running = True
            self._wait_for_connections()
        except BaseException:
            self.stop()
            raise
        return self

    def _initdb(self) -> None:
        for locale in ("C.UTF-8", "C"):
            done = self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                             f"--locale={locale}", "--no-sync")
            if done.returncode == 0:
                return
            if "locale" not in (done.stderr + done.stdout).lower() or locale == "C":
                raise self._failure("initdb", done)
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def _wait_for_connections(self) -> None:
        """``pg_ctl -w`` waits for the server; this also checks the socket answers a query."""
        try:
            import psycopg
        except ImportError:
            return
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with psycopg.connect(self.admin_url, connect_timeout=5) as connection:
                    connection.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise ClusterError(f"the server in {self.socket_dir} takes no connections: {exc}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server at once (``pg_ctl stop -m immediate``) and remove its folder."""
        folder = self.folder
        if folder is None:
            return
        try:
            if self.running and (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop", timeout=60)
        finally:
            self.running = False
            self.folder = None
            shutil.rmtree(folder, ignore_errors=True)

    def postmaster_pid(self) -> int:
        """The process id of the running server (first line of ``postmaster.pid``)."""
        return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])

    def __enter__(self) -> ThrowawayCluster:  # noqa: PYI034 - Self needs Python 3.11
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()


def main() -> int:
    """``python3 tests/pg_cluster.py``: print where the server binaries are and their version
    (exit 0), or why none were found (exit 1). CI runs it before the tests."""
    import sys

    try:
        bindir = find_bindir()
        version = server_version(bindir)
    except (PostgresNotFound, OSError, subprocess.SubprocessError) as exc:
        print(f"pg_cluster: {exc}", file=sys.stderr)
        return 1
    print(f"PostgreSQL server binaries: {bindir} ({version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
