"""The shared base of the SQL stores: transactions, dialect-aware inserts, small row helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import PlayerRef
from bot.storage.db import reachable
from bot.storage.tables import SeasonRow


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
    """A session factory with one-transaction units of work and id caches."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # Both mappings are immutable once written, so caching them saves a query per answer.
        self._player_ids: dict[PlayerRef, int] = {}
        self._round_homes: dict[int, tuple[int, int]] = {}

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        """One transaction; database outages surface as :class:`StorageError`."""
        async with reachable(), self._sessions.begin() as session:
            yield session

    @staticmethod
    def _insert(session: AsyncSession, table: Any) -> Any:
        """An INSERT that understands ON CONFLICT on both backends."""
        dialect = session.get_bind().dialect.name
        return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
