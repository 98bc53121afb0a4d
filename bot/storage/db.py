"""Engine, sessions and migrations for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.game.ports import StorageError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


@asynccontextmanager
async def reachable(url_hint: str = "") -> AsyncIterator[None]:
    """Report an unreachable or failing database as :class:`StorageError`, with the cause."""
    try:
        yield
    except (OperationalError, InterfaceError, OSError, TimeoutError) as exc:
        where = f" at {_safe(url_hint)}" if url_hint else ""
        raise StorageError(f"the database{where} is unreachable: {cause_of(exc)}") from exc
    except DBAPIError as exc:
        where = f" {_safe(url_hint)}" if url_hint else ""
        raise StorageError(f"the database{where} cannot be used: {cause_of(exc)}") from exc


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction of ``sessions``; database outages surface as :class:`StorageError`."""
    async with reachable(), sessions.begin() as session:
        yield session


def cause_of(exc: BaseException) -> str:
    """The driver's own words for a database failure, on one line (no SQLAlchemy links)."""
    cause: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    text = lines[0] if lines else type(cause).__name__
    # "(sqlite3.DatabaseError) file is not a database" → "file is not a database"
    if text.startswith("(") and ") " in text:
        text = text.split(") ", 1)[1]
    return text


def explain_failure(exc: BaseException, url: str) -> str | None:
    """One line for a database failure that escaped a command, or None if it is not one.

    The URL is shown with its password hidden; the driver's message names the cause
    (a database or role that does not exist, a file that is not a database …).
    """
    if isinstance(exc, StorageError):
        return str(exc)
    if isinstance(exc, (OperationalError, InterfaceError)):
        return f"the database at {_safe(url)} is unreachable: {cause_of(exc)}"
    if isinstance(exc, SQLAlchemyError):
        return f"the database {_safe(url)} cannot be used: {cause_of(exc)}"
    return None


def mask_password(message: str, url: str) -> str:
    """``message`` with the password of ``url`` (if it has one) replaced by ``***``."""
    try:
        password = make_url(url).password
    except ArgumentError:
        return message
    return message.replace(str(password), "***") if password else message


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
        StorageError: the URL is malformed, names a driver that is not installed, or
            names a SQLite file in a folder that cannot be created.
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            _make_folder(Path(parsed.database or "").expanduser().parent)
        engine = create_async_engine(
            parsed, pool_pre_ping=True, connect_args=_connect_args(parsed.get_driver_name())
        )
    except (ArgumentError, ImportError, ValueError) as exc:
        raise StorageError(f"cannot use database URL {_safe(url)}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _make_folder(folder: Path) -> None:
    """Create the folder of a SQLite file, or say why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"cannot create the folder {folder} for the SQLite database: {exc.strerror or exc}"
        ) from exc


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
    except (CommandError, RevisionError) as exc:
        raise StorageError(f"cannot migrate: {exc}") from exc


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` on the engine's database.

    Each migration is committed with its revision (see ``migrations/env.py``): one that
    stops leaves the database at the revision before it.
    """
    async with reachable(str(engine.url)), _migrating(), engine.connect() as connection:
        await connection.run_sync(lambda c: command.upgrade(_alembic_config(c), revision))
        await connection.commit()
    log.info("database upgraded to %s", revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Revert migrations down to ``revision`` (``"base"`` empties the schema).

    Each is committed with the revision it leaves the database at.
    """
    async with reachable(str(engine.url)), _migrating(), engine.connect() as connection:
        await connection.run_sync(lambda c: command.downgrade(_alembic_config(c), revision))
        await connection.commit()
    log.info("database downgraded to %s", revision)


@dataclass(frozen=True, slots=True)
class DowngradePlan:
    """What ``trivia db downgrade`` would revert: migrations, newest first, and the tables."""

    current: str | None
    target: str
    migrations: tuple[str, ...]
    """``"0004: Quiz nights …"``: revision and the first line of its description."""
    tables: tuple[str, ...]
    """Every table in the database now (all are dropped when the target is ``base``)."""


async def downgrade_plan(engine: AsyncEngine, revision: str) -> DowngradePlan:
    """The migrations a downgrade to ``revision`` would revert, without reverting any.

    Raises:
        StorageError: the database is unreachable, or the revision is unknown.
    """
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import inspect

    def plan(connection: Connection) -> DowngradePlan:
        current = MigrationContext.configure(connection).get_current_revision()
        scripts = ScriptDirectory.from_config(_alembic_config(connection))
        reverted = (
            scripts.iterate_revisions(current, revision, inclusive=False)
            if current is not None
            else ()
        )
        migrations = tuple(
            f"{script.revision} ({_title(script.doc or '')})"
            for script in reverted
            if script.revision != revision
        )
        tables = tuple(sorted(t for t in inspect(connection).get_table_names()))
        return DowngradePlan(current, revision, migrations, tables)

    async with reachable(str(engine.url)), _migrating(), engine.connect() as connection:
        return await connection.run_sync(plan)


def _title(doc: str, limit: int = 60) -> str:
    """A migration's description, on one line and cut to ``limit`` characters."""
    text = " ".join(doc.split()).split(" Revision ID")[0].rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"


def head_revision() -> str:
    """The newest migration this code knows: what ``trivia db upgrade`` goes to."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("bot.storage").joinpath("migrations"))
    )
    return str(ScriptDirectory.from_config(config).get_current_head())


async def require_head(engine: AsyncEngine) -> None:
    """Check the database is at the newest revision, for a command that does not migrate.

    Raises:
        StorageError: the database is unreachable, or at another revision.
    """
    current, head = await current_revision(engine), head_revision()
    if current != head:
        at = current or "base (empty)"
        raise StorageError(
            f"the database is at revision {at}, not {head}: run `trivia db upgrade` "
            "(the bot does at start)"
        )


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    async with reachable(str(engine.url)), engine.connect() as connection:
        return await connection.run_sync(
            lambda c: MigrationContext.configure(c).get_current_revision()
        )
