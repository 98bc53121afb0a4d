"""What the SQL stores share, held not inherited: transactions, caches, inserts, row helpers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, sessionmaker

from bot.game.models import GuildSettings, PlayerRef
from bot.storage.db import reachable, sqlite_file_writer
from bot.storage.sql.writer import BatchWriter, ThreadBatchWriter
from bot.storage.tables import SeasonRow

T = TypeVar("T")

_PREPARED: dict[tuple[str, str], Any] = {}
"""Statements built once per dialect: building one, and its cache key, costs more than
running it (SQLAlchemy memoizes the key on the statement object)."""

NEW_PLAYERS = "new_player_ids"
"""``session.info`` key of player ids looked up in a transaction, cached after its commit."""
NEW_ROUNDS = "new_round_homes"
"""``session.info`` key of round homes looked up in a transaction, cached after its commit."""
NEW_SESSIONS = "new_session_guilds"
"""``session.info`` key of the guilds of sessions a transaction created or read."""
NEW_ASKED = "new_asked_items"
"""``session.info`` key of the (guild id, item id) pairs a transaction asked."""
NEW_FORMATS = "new_session_formats"
"""``session.info`` key of the formats of sessions a transaction created or read."""


def rowcount(result: Any) -> int:
    """The number of rows a write statement touched."""
    return int(result.rowcount)


def season_at(at: datetime) -> Select[int]:
    """The query for the id of the newest season started at or before ``at``."""
    return (
        select(SeasonRow.id)
        .where(SeasonRow.started_at <= at)
        .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
        .limit(1)
    )


class SqlDatabase:
    """A session factory with one-transaction units of work, a writer and id caches.

    Every store holds the one database object of its repository, so they share its
    writer and caches.

    Write jobs are synchronous functions of a :class:`~sqlalchemy.orm.Session`, run by
    :meth:`write`. Concurrent writes share transactions unless ``batch_writes`` is False.
    On a SQLite file (one writer at a time) a :class:`ThreadBatchWriter` runs each batch
    in a worker thread on a synchronous connection to the same file; elsewhere (PostgreSQL,
    an in-memory SQLite database, which a second engine could not share) a
    :class:`BatchWriter` runs it through the async session's ``run_sync``. On PostgreSQL
    row locks would let transactions write side by side, but a transaction per answer
    costs a dozen statements, each a pass of the event loop and a round trip: in a burst
    of answers the loop and the connection pool are the bottleneck, not the locks.
    With ``batch_writes=False`` every job runs in a transaction of its own.
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], batch_writes: bool = True
    ) -> None:
        self._sessions = sessions
        # Both mappings are immutable once committed, so caching them saves a query per
        # answer; entries found inside a transaction are published only after its commit.
        self.player_ids: dict[PlayerRef, int] = {}
        self.round_homes: dict[int, tuple[int, int]] = {}
        self.session_guilds: dict[int, int] = {}
        self.session_formats: dict[int, str] = {}
        self.settings: dict[int, GuildSettings] = {}
        # Items asked per guild: complete for the guilds in ``_asked_read`` (read once,
        # then kept up to date by this process's own rounds; a guild is played by one
        # process at a time).
        self.asked: dict[int, set[str]] = {}
        self.asked_read: set[int] = set()
        bind = sessions.kw.get("bind")
        is_sqlite = bind is not None and bind.dialect.name == "sqlite"
        self._sync_engine = (
            sqlite_file_writer(bind) if batch_writes and bind and is_sqlite else None
        )
        self._writer: BatchWriter | ThreadBatchWriter | None = None
        self._async_bulks: dict[Any, Any] = {}
        # Reads of a SQLite file run whole in a worker thread on a synchronous connection
        # (WAL lets them run beside the writer): one trip through the event loop per read
        # instead of one per statement.
        self._reader = sqlite_file_writer(bind) if bind is not None and is_sqlite else None
        if self._reader is not None:
            self._reader_sessions = sessionmaker(self._reader, expire_on_commit=False)
        if self._sync_engine is not None:
            self._sync_sessions = sessionmaker(self._sync_engine, expire_on_commit=False)
            self._writer = ThreadBatchWriter(self._sync_unit)
        elif batch_writes:
            self._writer = BatchWriter(self.unit)

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[AsyncSession]:
        """One transaction; database outages surface as :class:`StorageError`."""
        async with reachable():
            async with self._sessions.begin() as session:
                yield session
            self._publish(session.info)

    @contextmanager
    def _sync_unit(self) -> Iterator[Session]:
        """One transaction on the synchronous writer engine (run in a worker thread)."""
        with self._sync_sessions.begin() as session:
            yield session
        self._publish(session.info)

    def _publish(self, info: dict[str, Any]) -> None:
        """Cache the ids a committed transaction looked up."""
        self.player_ids.update(info.pop(NEW_PLAYERS, {}))
        self.round_homes.update(info.pop(NEW_ROUNDS, {}))
        self.session_guilds.update(info.pop(NEW_SESSIONS, {}))
        self.session_formats.update(info.pop(NEW_FORMATS, {}))
        for guild_id, item_id in info.pop(NEW_ASKED, ()):
            self.asked.setdefault(guild_id, set()).add(item_id)

    async def write(self, job: Callable[[Session], T]) -> T:
        """Run a write job in a transaction (shared with other jobs when batching)."""
        if isinstance(self._writer, ThreadBatchWriter):
            return await self._writer.submit(job)

        async def run(session: AsyncSession) -> T:
            return await session.run_sync(job)

        if self._writer is not None:
            return await self._writer.submit(run)
        async with self.unit() as session:
            return await run(session)

    async def read(self, read: Callable[[Session], T]) -> T:
        """Run a read in a transaction of its own (in a worker thread on a SQLite file)."""
        if self._reader is not None:
            async with reachable():
                return await asyncio.to_thread(self._read_in_thread, read)
        async with self.unit() as session:
            return await session.run_sync(read)

    def _read_in_thread(self, read: Callable[[Session], T]) -> T:
        with self._reader_sessions.begin() as session:
            return read(session)

    def write_item(
        self, bulk: Callable[[Session, list[Any]], list[Any]], item: Any
    ) -> Awaitable[Any]:
        """Run one item of a bulk write job: ``bulk`` stores many items in a few statements.

        With a batching writer, the items of the same bulk job in one batch run together
        (``bulk`` must be the same object each time, e.g. a bound method); otherwise the
        item runs alone in a transaction of its own. One result per item, in order.

        With a batching writer the item is queued at once and the writer's future is
        returned: no coroutine per waiting item (see :meth:`BatchWriter.submit_item`).
        """
        if isinstance(self._writer, ThreadBatchWriter):
            return self._writer.submit_item(bulk, item)
        if self._writer is not None:
            run = self._async_bulks.get(bulk)
            if run is None:

                async def run(session: AsyncSession, items: list[Any]) -> list[Any]:
                    return await session.run_sync(bulk, items)

                self._async_bulks[bulk] = run
            return self._writer.submit_item(run, item)
        return self._write_alone(bulk, item)

    async def _write_alone(self, bulk: Callable[[Session, list[Any]], list[Any]], item: Any) -> Any:
        async with self.unit() as session:
            return (await session.run_sync(bulk, [item]))[0]

    @property
    def write_transactions(self) -> int:
        """Write transactions committed by the batching writer (0 without batching)."""
        return 0 if self._writer is None else self._writer.batches

    async def drain(self) -> None:
        """Wait for every write still queued (call before disposing of the engine).

        The writer thread's connection is closed too; a later write opens a new one.
        """
        if self._writer is not None:
            await self._writer.drain()
        if self._sync_engine is not None:
            self._sync_engine.dispose()
        if self._reader is not None:
            self._reader.dispose()


def prepared(session: Session, name: str, build: Callable[[], Any]) -> Any:
    """The statement called ``name`` for the session's dialect, built on first use.

    ``build`` must give the same statement every time (bound values as parameters).
    """
    key = (session.get_bind().dialect.name, name)
    statement = _PREPARED.get(key)
    if statement is None:
        statement = _PREPARED[key] = build()
    return statement


def insert_into(session: Session, table: Any) -> Any:
    """An INSERT that understands ON CONFLICT on both backends.

    A mapped class is inserted as its Core table: the ORM's bulk path would rebuild the
    statement's parameters for every row and defeat the compiled statement cache.
    """
    dialect = session.get_bind().dialect.name
    target = getattr(table, "__table__", table)
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(target)
