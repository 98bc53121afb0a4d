"""SQLAlchemy implementations of the repositories: one transaction per method call.

Points are credited with conditional writes the database enforces, so a round is won at
most once and a player scores at most once per round even under concurrent submissions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import (
    AnswerRecord,
    AwardOutcome,
    ChannelId,
    GuildId,
    Mode,
    PlayerId,
    PlayerRef,
    RoundId,
    RoundInfo,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.storage.db import reachable
from bot.storage.repository import StorageError
from bot.storage.tables import (
    ANSWER_TEXT_LIMIT,
    AnswerRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SessionRow,
)


def _ranked(rows: Sequence[Any]) -> list[Standing]:
    """Standard competition ranking: equal points share a rank (1, 1, 3)."""
    standings: list[Standing] = []
    for index, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = standings[-1].rank if tied else index + 1
        standings.append(Standing(rank, PlayerId(player_id), name, int(points)))
    return standings


class SqlRepository:
    """Implements ``GameRepository`` and ``ScoreRepository`` over an async session factory."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        """One transaction; database outages surface as :class:`StorageError`."""
        async with reachable(), self._sessions.begin() as session:
            yield session

    async def create_session(
        self,
        guild_id: GuildId,
        channel_id: ChannelId,
        mode: Mode,
        question_limit: int,
        started_at: datetime,
    ) -> SessionInfo:
        """Store a new running session."""
        row = SessionRow(
            guild_id=guild_id,
            channel_id=channel_id,
            mode=mode.value,
            status=SessionStatus.RUNNING.value,
            question_limit=question_limit,
            started_at=started_at,
        )
        async with self._unit() as session:
            session.add(row)
            await session.flush()
        return SessionInfo(
            SessionId(row.id),
            guild_id,
            channel_id,
            mode,
            SessionStatus.RUNNING,
            started_at,
            question_limit,
        )

    async def open_round(
        self, session_id: SessionId, position: int, item_id: str, opened_at: datetime
    ) -> RoundInfo:
        """Store a question being asked."""
        row = RoundRow(
            session_id=session_id, position=position, item_id=item_id, opened_at=opened_at
        )
        async with self._unit() as session:
            session.add(row)
            await session.flush()
        return RoundInfo(RoundId(row.id), session_id, position, item_id, opened_at)

    async def _player_id(self, session: AsyncSession, player: PlayerRef, now: datetime) -> int:
        found = await session.scalar(
            select(PlayerRow.id).where(
                PlayerRow.platform == player.platform, PlayerRow.external_id == player.external_id
            )
        )
        if found is not None:
            return found
        row = PlayerRow(
            platform=player.platform,
            external_id=player.external_id,
            display_name=player.name[:100],
            created_at=now,
        )
        # A savepoint, so losing a race to create the same player does not end the transaction.
        try:
            async with session.begin_nested():
                session.add(row)
                await session.flush()
        except IntegrityError:
            found = await session.scalar(
                select(PlayerRow.id).where(
                    PlayerRow.platform == player.platform,
                    PlayerRow.external_id == player.external_id,
                )
            )
            if found is None:
                raise StorageError("player row vanished during creation") from None
            return found
        return row.id

    async def record_answer(self, answer: AnswerRecord, race: bool) -> AwardOutcome:
        """Store a judged answer and credit its points atomically (see the protocol)."""
        async with self._unit() as session:
            player_id = await self._player_id(session, answer.player, answer.submitted_at)
            session.add(
                AnswerRow(
                    round_id=answer.round_id,
                    player_id=player_id,
                    text=answer.text[:ANSWER_TEXT_LIMIT],
                    submitted_at=answer.submitted_at,
                    accepted=answer.accepted,
                    close=answer.close,
                    similarity=answer.similarity,
                    elapsed_ms=answer.elapsed_ms,
                )
            )
            if not answer.accepted or answer.points <= 0:
                return AwardOutcome(0, False)
            return await self._credit(session, answer, player_id, race)

    async def _credit(
        self, session: AsyncSession, answer: AnswerRecord, player_id: int, race: bool
    ) -> AwardOutcome:
        round_row = await session.get(RoundRow, answer.round_id)
        if round_row is None:
            raise StorageError(f"round {answer.round_id} does not exist")
        if race:
            claimed = await session.execute(
                update(RoundRow)
                .where(RoundRow.id == answer.round_id, RoundRow.winner_id.is_(None))
                .values(winner_id=player_id)
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]  # CursorResult at runtime
                return AwardOutcome(0, False)
        try:
            async with session.begin_nested():
                session.add(
                    ScoreRow(
                        guild_id=await self._guild_of(session, round_row.session_id),
                        player_id=player_id,
                        session_id=round_row.session_id,
                        round_id=answer.round_id,
                        points=answer.points,
                        awarded_at=answer.submitted_at,
                    )
                )
        except IntegrityError:
            return AwardOutcome(0, False)  # this player already scored this round
        return AwardOutcome(answer.points, race)

    async def _guild_of(self, session: AsyncSession, session_id: int) -> int:
        guild = await session.scalar(select(SessionRow.guild_id).where(SessionRow.id == session_id))
        if guild is None:
            raise StorageError(f"session {session_id} does not exist")
        return guild

    async def close_round(self, round_id: RoundId, closed_at: datetime) -> None:
        """Mark a question as closed (idempotent)."""
        async with self._unit() as session:
            await session.execute(
                update(RoundRow)
                .where(RoundRow.id == round_id, RoundRow.closed_at.is_(None))
                .values(closed_at=closed_at)
            )

    async def end_session(
        self, session_id: SessionId, status: SessionStatus, ended_at: datetime
    ) -> None:
        """Mark a session finished or abandoned."""
        async with self._unit() as session:
            await session.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id)
                .values(status=status.value, ended_at=ended_at)
            )

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        async with self._unit() as session:
            rows = await session.scalars(
                select(RoundRow.item_id)
                .join(SessionRow, SessionRow.id == RoundRow.session_id)
                .where(SessionRow.guild_id == guild_id)
                .distinct()
            )
            return set(rows)

    async def leaderboard(
        self, guild_id: GuildId | None, since: datetime | None = None, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players by points, ties sharing a rank."""
        total = func.sum(ScoreRow.points).label("total")
        query = (
            select(PlayerRow.id, PlayerRow.display_name, total)
            .join(ScoreRow, ScoreRow.player_id == PlayerRow.id)
            .group_by(PlayerRow.id, PlayerRow.display_name)
            .order_by(total.desc(), PlayerRow.id)
            .limit(limit)
        )
        if guild_id is not None:
            query = query.where(ScoreRow.guild_id == guild_id)
        if since is not None:
            query = query.where(ScoreRow.awarded_at >= since)
        async with self._unit() as session:
            return _ranked((await session.execute(query)).all())

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Every player who answered in the session, with their points (0 if none)."""
        points = (
            select(ScoreRow.player_id, func.sum(ScoreRow.points).label("points"))
            .where(ScoreRow.session_id == session_id)
            .group_by(ScoreRow.player_id)
            .subquery()
        )
        players = (
            select(AnswerRow.player_id)
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .where(RoundRow.session_id == session_id)
            .distinct()
            .subquery()
        )
        total = func.coalesce(points.c.points, 0).label("total")
        query = (
            select(PlayerRow.id, PlayerRow.display_name, total)
            .join(players, players.c.player_id == PlayerRow.id)
            .outerjoin(points, points.c.player_id == PlayerRow.id)
            .order_by(total.desc(), PlayerRow.id)
        )
        async with self._unit() as session:
            return _ranked((await session.execute(query)).all())
