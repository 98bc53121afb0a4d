"""Sessions and the rounds they ask, stored at every transition."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    RoundId,
    RoundInfo,
    SessionConfig,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    UnfinishedRound,
    UnfinishedSession,
)
from bot.storage.sql.base import NEW_SESSIONS, SqlStore
from bot.storage.tables import RoundRow, SessionResultRow, SessionRow


def session_info(row: SessionRow) -> SessionInfo:
    """A stored session as the game sees it."""
    return SessionInfo(
        SessionId(row.id),
        GuildId(row.guild_id),
        ChannelId(row.channel_id),
        Mode(row.mode),
        SessionStatus(row.status),
        row.started_at,
        row.question_limit,
        target_score=row.target_score,
        time_limit_seconds=row.time_limit_ms / 1000,
        guess_limit=row.guess_limit,
        streak_bonus=row.streak_bonus,
    )


def round_info(row: RoundRow) -> RoundInfo:
    """A stored round as the game sees it."""
    return RoundInfo(
        RoundId(row.id),
        SessionId(row.session_id),
        row.position,
        row.item_id,
        row.opened_at,
        row.time_limit_ms / 1000,
    )


class SessionStore(SqlStore):
    """Sessions: created, their phase saved at every transition, ended, recovered."""

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        time_limit_ms = round(config.time_limit_seconds * 1000)
        values = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "mode": config.mode.value,
            "status": SessionStatus.RUNNING.value,
            "question_limit": config.question_limit,
            "started_at": started_at,
            "ended_at": None,
            "target_score": config.target_score,
            "time_limit_ms": time_limit_ms,
            "guess_limit": config.guess_limit,
            "streak_bonus": config.streak_bonus,
            "phase": "between",
            "phase_at": started_at,
        }

        def job(session: Session) -> SessionInfo:
            insert = self._prepared(
                session,
                "insert session",
                lambda: self._insert(session, SessionRow).returning(SessionRow.id),
            )
            session_id = session.connection().execute(insert, values).scalar_one()
            session.info.setdefault(NEW_SESSIONS, {})[session_id] = guild_id
            return SessionInfo(
                SessionId(session_id),
                guild_id,
                channel_id,
                config.mode,
                SessionStatus.RUNNING,
                started_at,
                config.question_limit,
                target_score=config.target_score,
                time_limit_seconds=time_limit_ms / 1000,
                guess_limit=config.guess_limit,
                streak_bonus=config.streak_bonus,
            )

        return await self._write(job)

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase after a transition."""

        def job(session: Session) -> None:
            statement = self._prepared(
                session,
                "save phase",
                lambda: (
                    update(SessionRow)
                    .where(SessionRow.id == bindparam("saved"))
                    .values(phase=bindparam("phase"), phase_at=bindparam("phase_at"))
                ),
            )
            values = {"saved": session_id, "phase": phase, "phase_at": at}
            session.connection().execute(statement, values)

        await self._write(job)

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session ended and keep its final standings (idempotent)."""

        def job(session: Session) -> None:
            session.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id)
                .values(status=status.value, ended_at=ended_at, phase="ended", phase_at=ended_at)
            )
            if standings:
                rows = [
                    {
                        "session_id": session_id,
                        "player_id": s.player_id,
                        "rank": s.rank,
                        "points": s.points,
                    }
                    for s in standings
                ]
                insert = self._insert(session, SessionResultRow).on_conflict_do_nothing()
                session.execute(insert, rows)

        await self._write(job)

    async def unfinished_sessions(self) -> Sequence[UnfinishedSession]:
        """Sessions still marked running, each with its last round."""
        async with self._unit() as session:
            sessions = (
                await session.scalars(
                    select(SessionRow)
                    .where(SessionRow.status == SessionStatus.RUNNING.value)
                    .order_by(SessionRow.id)
                )
            ).all()
            found: list[UnfinishedSession] = []
            for row in sessions:
                last = await session.scalar(
                    select(RoundRow)
                    .where(RoundRow.session_id == row.id)
                    .order_by(RoundRow.position.desc())
                    .limit(1)
                )
                unfinished = (
                    None
                    if last is None
                    else UnfinishedRound(round_info(last), last.closed_at is not None)
                )
                found.append(UnfinishedSession(session_info(row), unfinished))
            return found

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild.

        Read once per guild, then kept up to date by the rounds this repository opens.
        """
        if guild_id not in self._asked_read:
            async with self._unit() as session:
                rows = await session.scalars(
                    select(RoundRow.item_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .where(SessionRow.guild_id == guild_id)
                    .distinct()
                )
                found = set(rows)
            # Rounds committed while reading were added to the cache already: keep them.
            self._asked.setdefault(guild_id, set()).update(found)
            self._asked_read.add(guild_id)
        return set(self._asked.get(guild_id, ()))
