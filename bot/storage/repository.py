"""Repository protocols the game service depends on; no SQLAlchemy here.

Both :mod:`bot.storage.sql` and :mod:`bot.storage.memory` implement them, and one contract
test suite runs against each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.game.models import (
    AnswerRecord,
    AwardOutcome,
    ChannelId,
    GuildId,
    Mode,
    RoundId,
    RoundInfo,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
)


class StorageError(Exception):
    """The storage backend failed (unreachable, or an invariant was broken)."""


class GameRepository(Protocol):
    """Sessions, rounds and answers, written at every transition."""

    async def create_session(
        self,
        guild_id: GuildId,
        channel_id: ChannelId,
        mode: Mode,
        question_limit: int,
        started_at: datetime,
    ) -> SessionInfo:
        """Store a new running session."""
        ...

    async def open_round(
        self, session_id: SessionId, position: int, item_id: str, opened_at: datetime
    ) -> RoundInfo:
        """Store a question being asked."""
        ...

    async def record_answer(self, answer: AnswerRecord, race: bool) -> AwardOutcome:
        """Store a judged answer and credit its points atomically.

        In a race only the first accepted answer of a round scores; in every mode a player
        scores at most once per round, however many times the answer arrives.
        """
        ...

    async def close_round(self, round_id: RoundId, closed_at: datetime) -> None:
        """Mark a question as closed."""
        ...

    async def end_session(
        self, session_id: SessionId, status: SessionStatus, ended_at: datetime
    ) -> None:
        """Mark a session finished or abandoned."""
        ...

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        ...


class ScoreRepository(Protocol):
    """Leaderboards over stored points."""

    async def leaderboard(
        self, guild_id: GuildId | None, since: datetime | None = None, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players of a guild (or of all guilds when ``guild_id`` is None)."""
        ...

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Points of every player who scored or answered in one session."""
        ...
