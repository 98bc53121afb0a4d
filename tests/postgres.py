"""A PostgreSQL server for the test run: the configured one, or a throwaway local cluster.

``TRIVIA_TEST_POSTGRES_URL`` (default ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``)
is tried first. When nothing answers there, a temporary cluster is created with ``initdb``
and started with ``pg_ctl`` on a free port, and stopped when the run ends.
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
CONNECT_TIMEOUT = 5


def configured_url() -> str:
    """The server the tests should use when it answers."""
    return os.environ.get("TRIVIA_TEST_POSTGRES_URL", DEFAULT_URL)


def _dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def _answers(url: str) -> bool:
    try:
        connection = await asyncpg.connect(_dsn(url), timeout=CONNECT_TIMEOUT)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await connection.close()
    return True


def answers(url: str) -> bool:
    """Whether a PostgreSQL server accepts connections at ``url``."""
    return asyncio.run(_answers(url))


async def _admin(url: str, statement: str) -> None:
    connection = await asyncpg.connect(_dsn(url), timeout=CONNECT_TIMEOUT)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextmanager
def fresh_database(server_url: str, name: str) -> Iterator[str]:
    """Create an empty database on the server for one test run, and drop it afterwards."""
    asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}"'))
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_cluster_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; drop to the 'postgres' account when we are root."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run_checked(command: list[str]) -> None:
    subprocess.run(  # noqa: S603 - fixed argument list, no shell
        _as_cluster_owner(command), check=True, capture_output=True, timeout=120
    )


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a temporary cluster (trust auth, loopback only) and yield its URL.

    Raises:
        RuntimeError: ``initdb``/``pg_ctl`` are missing or the cluster does not start.
    """
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("initdb and pg_ctl are not installed")
    root = Path(tempfile.mkdtemp(prefix="trivia-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data, port = root / "data", _free_port()
    try:
        _run_checked([initdb, "-D", str(data), "-A", "trust", "-U", "postgres"])
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        # -l: the server must not inherit our pipes, or waiting for pg_ctl never ends.
        log = str(root / "server.log")
        _run_checked([pg_ctl, "-D", str(data), "-o", options, "-l", log, "-w", "start"])
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, KeyError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start a throwaway PostgreSQL: {exc}") from exc
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(  # noqa: S603 - fixed argument list
            _as_cluster_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)
