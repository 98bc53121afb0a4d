"""Sessions and the rounds they ask, stored at every transition."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from bot.game.models import (
    GAMES_ONLY,
    ChannelId,
    GuildId,
    Mode,
    RoundId,
    RoundInfo,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    UnfinishedRound,
    UnfinishedSession,
)
from bot.storage.sql.base import NEW_FORMATS, NEW_SESSIONS, SqlDatabase, insert_into, prepared
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
        format=SessionFormat(row.format),
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


class SessionStore:
    """Sessions: created, their phase saved at every transition, ended, recovered."""

    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

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
            "format": config.format.value,
        }

        session_id: int = await self._db.write_item(self._insert_sessions, values)
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
            format=config.format,
        )

    def _insert_sessions(self, session: Session, rows: list[dict[str, Any]]) -> list[int]:
        """Insert sessions (one statement each: nothing but the id tells them apart)."""
        insert = prepared(
            session,
            "insert session",
            lambda: insert_into(session, SessionRow).returning(SessionRow.id),
        )
        connection = session.connection()
        staged = session.info.setdefault(NEW_SESSIONS, {})
        formats = session.info.setdefault(NEW_FORMATS, {})
        ids: list[int] = []
        for row in rows:
            session_id = connection.execute(insert, row).scalar_one()
            staged[session_id] = row["guild_id"]
            formats[session_id] = row["format"]
            ids.append(session_id)
        return ids

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase after a transition."""
        await self._db.write_item(
            self._save_phases, {"saved": session_id, "saved_phase": phase, "saved_at": at}
        )

    def _save_phases(self, session: Session, rows: list[dict[str, Any]]) -> list[None]:
        """Store sessions' phases in one statement."""
        statement = prepared(
            session,
            "save phase",
            lambda: (
                update(SessionRow)
                .where(SessionRow.id == bindparam("saved"))
                .values(phase=bindparam("saved_phase"), phase_at=bindparam("saved_at"))
            ),
        )
        session.connection().execute(statement, rows)
        return [None] * len(rows)

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session ended and keep its final standings (idempotent)."""
        await self._db.write_item(self._end_sessions, (session_id, status, ended_at, standings))

    def _end_sessions(
        self,
        session: Session,
        items: list[tuple[SessionId, SessionStatus, datetime, Sequence[Standing]]],
    ) -> list[None]:
        """Mark sessions ended and store their standings: one statement for each table."""
        ending = prepared(
            session,
            "end session",
            lambda: (
                update(SessionRow)
                .where(SessionRow.id == bindparam("ending"))
                .values(
                    status=bindparam("end_status"),
                    ended_at=bindparam("ended"),
                    phase="ended",
                    phase_at=bindparam("ended"),
                )
            ),
        )
        ended = [
            {"ending": session_id, "end_status": status.value, "ended": at}
            for session_id, status, at, _ in items
        ]
        connection = session.connection()
        connection.execute(ending, ended)
        rows = [
            {"session_id": session_id, "player_id": s.player_id, "rank": s.rank, "points": s.points}
            for session_id, _, _, standings in items
            for s in standings
        ]
        if rows:
            insert = prepared(
                session,
                "insert results",
                lambda: insert_into(session, SessionResultRow).on_conflict_do_nothing(),
            )
            connection.execute(insert, rows)
        return [None] * len(items)

    async def unfinished_sessions(
        self, formats: Collection[SessionFormat] = GAMES_ONLY
    ) -> Sequence[UnfinishedSession]:
        """Sessions of these formats still marked running, with their last and open rounds."""
        async with self._db.unit() as session:
            sessions = (
                await session.scalars(
                    select(SessionRow)
                    .where(
                        SessionRow.status == SessionStatus.RUNNING.value,
                        SessionRow.format.in_([f.value for f in formats]),
                    )
                    .order_by(SessionRow.id)
                )
            ).all()
            found: list[UnfinishedSession] = []
            for row in sessions:
                rounds = (
                    await session.scalars(
                        select(RoundRow)
                        .where(RoundRow.session_id == row.id)
                        .order_by(RoundRow.position.desc())
                    )
                ).all()
                # The last round always, and every round not closed (normally the last alone).
                last = rounds[0] if rounds else None
                unfinished = (
                    None
                    if last is None
                    else UnfinishedRound(round_info(last), last.closed_at is not None)
                )
                left_open = tuple(round_info(r) for r in reversed(rounds) if r.closed_at is None)
                found.append(UnfinishedSession(session_info(row), unfinished, left_open))
            return found

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild.

        Read once per guild, then kept up to date by the rounds this repository opens.
        """
        if guild_id not in self._db.asked_read:
            async with self._db.unit() as session:
                rows = await session.scalars(
                    select(RoundRow.item_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .where(SessionRow.guild_id == guild_id)
                    .distinct()
                )
                found = set(rows)
            # Rounds committed while reading were added to the cache already: keep them.
            self._db.asked.setdefault(guild_id, set()).update(found)
            self._db.asked_read.add(guild_id)
        return set(self._db.asked.get(guild_id, ()))
