"""A night's points on the server leaderboard, for the nights that count there.

Whether a night counts is the host's choice when planning it (``QuizNight.leaderboard``,
off by default). A night that counts credits each player's points (jokers included) to
the guild's leaderboard when it ends, and a near miss accepted afterwards adds its points
then. Points go through the game's score store as a finished session of one round, so
leaderboards of every period see them while a player's game statistics (games, answers,
accuracy, wins) stay those of ordinary games.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from bot.game.models import (
    AwardOutcome,
    ChannelId,
    GuildId,
    PlayerRef,
    RoundId,
    RoundInfo,
    SessionConfig,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.night.models import QuizNight


class ScoreStore(Protocol):
    """What crediting needs of the game's score store (the game's repositories provide it)."""

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        ...

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked."""
        ...

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly, at most once per player."""
        ...

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session finished and keep its final standings."""
        ...


class NightBoard:
    """Credits a night's points to its guild's leaderboard."""

    def __init__(self, store: ScoreStore) -> None:
        self._store = store

    async def credit(self, night: QuizNight, points: Mapping[PlayerRef, int], at: datetime) -> None:
        """Credit each player's points (those above 0) for the night, as of ``at``."""
        scored = {player: value for player, value in points.items() if value > 0}
        if not scored:
            return
        config = SessionConfig(
            mode=night.mode, question_limit=1, time_limit_seconds=night.time_limit_seconds
        )
        session = await self._store.create_session(night.guild_id, night.channel_id, config, at)
        opened = await self._store.open_round(
            session.id, 0, f"night:{night.id}", at, night.time_limit_seconds
        )
        for player, value in scored.items():
            await self._store.award(opened.id, player, value, at)
        # No standings: the night is not a game in anyone's statistics.
        await self._store.end_session(session.id, SessionStatus.FINISHED, at, ())
