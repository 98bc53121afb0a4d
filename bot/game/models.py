"""Domain values of the game: ids, modes, players, asked questions, answers and standings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType

GuildId = NewType("GuildId", int)
ChannelId = NewType("ChannelId", int)
SessionId = NewType("SessionId", int)
RoundId = NewType("RoundId", int)
PlayerId = NewType("PlayerId", int)

Clock = Callable[[], datetime]
"""Returns the current time as an aware UTC datetime; injected so tests control time."""

TERMINAL_GUILD = GuildId(0)
"""Games played in the terminal are filed under this guild id."""


class Mode(StrEnum):
    """How a session is played."""

    RACE = "race"
    QUIZ = "quiz"


class SessionStatus(StrEnum):
    """Lifecycle of a session."""

    RUNNING = "running"
    FINISHED = "finished"
    ABANDONED = "abandoned"


@dataclass(frozen=True, slots=True)
class PlayerRef:
    """Who is playing: a platform ("discord", "terminal"), their id there and a display name."""

    platform: str
    external_id: str
    name: str


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A stored session."""

    id: SessionId
    guild_id: GuildId
    channel_id: ChannelId
    mode: Mode
    status: SessionStatus
    started_at: datetime
    question_limit: int


@dataclass(frozen=True, slots=True)
class RoundInfo:
    """A question asked in a session."""

    id: RoundId
    session_id: SessionId
    position: int
    item_id: str
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One judged answer, as it will be stored."""

    round_id: RoundId
    player: PlayerRef
    text: str
    submitted_at: datetime
    accepted: bool
    close: bool
    similarity: float
    elapsed_ms: int
    points: int


@dataclass(frozen=True, slots=True)
class AwardOutcome:
    """What storing an answer achieved: the points actually credited (0 if none)."""

    points: int
    won_round: bool


@dataclass(frozen=True, slots=True)
class Standing:
    """A player's place on a leaderboard; equal points share a rank."""

    rank: int
    player_id: PlayerId
    name: str
    points: int
