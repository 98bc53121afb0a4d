"""Engine, sessions and migrations for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from bot.storage.repository import StorageError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


@asynccontextmanager
async def reachable(url_hint: str = "") -> AsyncIterator[None]:
    """Report an unreachable or failing database as :class:`StorageError`, with the cause."""
    try:
        yield
    except (OperationalError, InterfaceError, OSError, TimeoutError) as exc:
        where = f" at {_safe(url_hint)}" if url_hint else ""
        raise StorageError(f"the database{where} is unreachable: {exc}") from exc


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    """WAL lets readers work while a writer commits; the busy timeout queues writers."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _connect_args(driver: str) -> dict[str, Any]:
    """Per-connection settings for the driver.

    asyncpg prepares every statement, and after five runs PostgreSQL may switch a prepared
    statement to a generic plan that cannot see the values; for "my row on this board" it
    picks the covering rank index and scans the whole board (17 ms instead of 0.1 ms at
    100,000 players). Custom plans cost a fraction of a millisecond of planning each.
    """
    if driver == "asyncpg":
        return {"server_settings": {"plan_cache_mode": "force_custom_plan"}}
    return {}


def create_engine(url: str) -> AsyncEngine:
    """Create an async engine; for a SQLite file, create its folder and tune the pragmas.

    Raises:
        StorageError: the URL is malformed or names a driver that is not installed.
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            parsed, pool_pre_ping=True, connect_args=_connect_args(parsed.get_driver_name())
        )
    except (ArgumentError, ImportError, ValueError) as exc:
        raise StorageError(f"cannot use database URL {_safe(url)}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def sqlite_file_writer(engine: AsyncEngine) -> Engine | None:
    """A synchronous engine on the same SQLite file, with the same pragmas (None otherwise).

    For writes run in a worker thread (see :mod:`bot.storage.sql.writer`); each batch runs
    on one thread at a time, but not always the same one, hence ``check_same_thread``.
    """
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    writer = create_sync_engine(
        url.set(drivername="sqlite"), connect_args={"check_same_thread": False}
    )
    event.listen(writer, "connect", _sqlite_pragmas)
    return writer


def _safe(url: str) -> str:
    """The URL with any password hidden, fit for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    """Sessions that keep loaded values after commit (repositories return plain values)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    script_location = resources.files("bot.storage").joinpath("migrations")
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    return config


@asynccontextmanager
async def _migrating() -> AsyncIterator[None]:
    """Report a migration Alembic refuses (an unknown revision) as :class:`StorageError`."""
    try:
        yield
    except CommandError as exc:
        raise StorageError(f"cannot migrate: {exc}") from exc


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` on the engine's database."""
    async with reachable(str(engine.url)), _migrating(), engine.begin() as connection:
        await connection.run_sync(lambda c: command.upgrade(_alembic_config(c), revision))
    log.info("database upgraded to %s", revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Revert migrations down to ``revision`` (``"base"`` empties the schema)."""
    async with reachable(str(engine.url)), _migrating(), engine.begin() as connection:
        await connection.run_sync(lambda c: command.downgrade(_alembic_config(c), revision))
    log.info("database downgraded to %s", revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    async with reachable(str(engine.url)), engine.connect() as connection:
        return await connection.run_sync(
            lambda c: MigrationContext.configure(c).get_current_revision()
        )
