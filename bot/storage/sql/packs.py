"""Which community packs each server enabled (migration ``0005``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import BigInteger, String, delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.game.models import GuildId
from bot.storage.db import reachable
from bot.storage.tables import Base

PACK_NAME_LIMIT = 40


class GuildPackRow(Base):
    """A pack one server enabled."""

    __tablename__ = "guild_packs"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    pack: Mapped[str] = mapped_column(String(PACK_NAME_LIMIT), primary_key=True)


class SqlPackChoices:
    """Implements :class:`~bot.game.packs.PackChoices`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        async with reachable(), self._sessions.begin() as session:
            yield session

    async def enabled(self, guild_id: GuildId) -> frozenset[str]:
        """The names of the packs a server enabled."""
        query = select(GuildPackRow.pack).where(GuildPackRow.guild_id == guild_id)
        async with self._unit() as session:
            return frozenset((await session.scalars(query)).all())

    async def set_enabled(self, guild_id: GuildId, name: str, enabled: bool) -> None:
        """Enable or disable a pack in a server (doing it twice changes nothing)."""
        async with self._unit() as session:
            row = await session.get(GuildPackRow, (guild_id, name))
            if enabled and row is None:
                session.add(GuildPackRow(guild_id=guild_id, pack=name))
            elif not enabled and row is not None:
                await session.execute(
                    delete(GuildPackRow).where(
                        GuildPackRow.guild_id == guild_id, GuildPackRow.pack == name
                    )
                )
