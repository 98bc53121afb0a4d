"""The shared base of the SQL stores: transactions, dialect-aware inserts, small row helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import PlayerRef
from bot.storage.db import reachable
from bot.storage.sql.writer import BatchWriter
from bot.storage.tables import SeasonRow

T = TypeVar("T")

NEW_PLAYERS = "new_player_ids"
"""``session.info`` key of player ids looked up in a transaction, cached after its commit."""
NEW_ROUNDS = "new_round_homes"
"""``session.info`` key of round homes looked up in a transaction, cached after its commit."""


def rowcount(result: Any) -> int:
    """The number of rows a write statement touched."""
    return int(result.rowcount)


async def season_at(session: AsyncSession, at: datetime) -> int | None:
    """The id of the newest season started at or before ``at``."""
    return await session.scalar(
        select(SeasonRow.id)
        .where(SeasonRow.started_at <= at)
        .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
        .limit(1)
    )


class SqlStore:
    """A session factory with one-transaction units of work, a writer and id caches.

    Writes go through :meth:`_write`: on SQLite (one writer at a time) a
    :class:`BatchWriter` runs concurrent writes in shared transactions; on PostgreSQL,
    where row locks let transactions write side by side, each write is its own
    transaction unless ``batch_writes`` asks for batching.
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], batch_writes: bool | None = None
    ) -> None:
        self._sessions = sessions
        # Both mappings are immutable once committed, so caching them saves a query per
        # answer; entries found inside a transaction are published only after its commit.
        self._player_ids: dict[PlayerRef, int] = {}
        self._round_homes: dict[int, tuple[int, int]] = {}
        if batch_writes is None:
            bind = sessions.kw.get("bind")
            batch_writes = bind is not None and bind.dialect.name == "sqlite"
        self._writer = BatchWriter(self._unit) if batch_writes else None

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        """One transaction; database outages surface as :class:`StorageError`."""
        async with reachable():
            async with self._sessions.begin() as session:
                yield session
            self._player_ids.update(session.info.pop(NEW_PLAYERS, {}))
            self._round_homes.update(session.info.pop(NEW_ROUNDS, {}))

    async def _write(self, job: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run a write job in a transaction (shared with other jobs when batching)."""
        if self._writer is not None:
            return await self._writer.submit(job)
        async with self._unit() as session:
            return await job(session)

    @property
    def write_transactions(self) -> int:
        """Write transactions committed by the batching writer (0 without batching)."""
        return 0 if self._writer is None else self._writer.batches

    async def drain(self) -> None:
        """Wait for every write still queued (call before disposing of the engine)."""
        if self._writer is not None:
            await self._writer.drain()

    @staticmethod
    def _insert(session: AsyncSession, table: Any) -> Any:
        """An INSERT that understands ON CONFLICT on both backends."""
        dialect = session.get_bind().dialect.name
        return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
