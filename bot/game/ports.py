"""The storage ports of the play engine, owned here and implemented by :mod:`bot.storage`.

The engine says what it needs stored and read; :mod:`bot.storage.sql` and
:mod:`bot.storage.memory` implement these protocols (one contract test suite runs against
each), so storage depends on the engine and never the reverse. The protocols are small and
split by concern, and each service and part is given only those it calls:
:class:`~bot.game.service.GameService` sessions, rounds, settings and review,
:class:`~bot.game.tiebreaks.TieBreaks` only rounds, :class:`~bot.game.moderation.NearMissReview`
only the review store, :class:`~bot.game.records.RecordsService` leaderboards, stats and
settings. :class:`Repository` combines them all for the wiring, which builds one store and
hands it out port by port. No SQLAlchemy here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.game.models import (
    GAMES_ONLY,
    AnswerId,
    AnswerRecord,
    AwardOutcome,
    BoardRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    NearMiss,
    Period,
    PlayerId,
    PlayerRef,
    PlayerStats,
    QuestionStats,
    RankInfo,
    RoundId,
    RoundInfo,
    Season,
    SeasonId,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    StoredAnswer,
    UnfinishedSession,
)

GLOBAL_SCOPE = -1
"""Leaderboard scope holding every guild's points together."""


class StorageError(Exception):
    """The storage backend failed (unreachable, or an invariant was broken)."""


def period_keys(at: datetime, season: SeasonId | None) -> dict[Period, str]:
    """The leaderboard periods a point earned at ``at`` counts towards, with their keys."""
    year, week, _ = at.isocalendar()
    keys = {
        Period.WEEK: f"{year}-W{week:02d}",
        Period.MONTH: f"{at.year}-{at.month:02d}",
        Period.ALL_TIME: "",
    }
    if season is not None:
        keys[Period.SEASON] = str(season)
    return keys


@dataclass(frozen=True, slots=True)
class Credit:
    """Points credited to a player when a round was settled."""

    player: PlayerRef
    points: int


class SessionRepository(Protocol):
    """Sessions, saved at every transition, and the points each one gave."""

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        ...

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase (between questions, asking, paused) after a transition."""
        ...

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session finished or abandoned and keep its final standings."""
        ...

    async def unfinished_sessions(
        self, formats: Collection[SessionFormat] = GAMES_ONLY
    ) -> Sequence[UnfinishedSession]:
        """Sessions of these formats still marked running, each with its last and open rounds.

        Without ``formats`` only games are listed.
        """
        ...

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        ...

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Points of every player who scored or answered in one session."""
        ...


class RoundRepository(Protocol):
    """Questions asked and every judged answer; scoring is atomic here."""

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked.

        Opening a position of the session again returns the round stored there.
        """
        ...

    def record_answer(
        self, answer: AnswerRecord, credit: bool, race: bool
    ) -> Awaitable[AwardOutcome]:
        """Store a judged answer and, when ``credit``, credit its points atomically.

        What it returns is awaited for the outcome, which comes only once the answer is
        durable; a store may queue the answer at the call and return a future, so that
        the thousands of answers waiting in a burst hold no coroutine of its own each.

        In a race only the first accepted answer of a round scores; in every mode a player
        scores at most once per round, and an answer whose ``submission_id`` was already
        stored is not stored again (its earlier outcome is returned).
        """
        ...

    async def record_hint(self, round_id: RoundId, hints_used: int) -> None:
        """Store how many hints the round has given."""
        ...

    async def settle_round(
        self, round_id: RoundId, closed_at: datetime, credit_latest: bool
    ) -> Sequence[Credit]:
        """Close a round; with ``credit_latest`` credit each player's latest accepted answer.

        Idempotent: settling twice credits nobody twice. Returns the credits made now.
        """
        ...

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly (a tie-breaker win), at most once per player."""
        ...

    async def session_answers(self, session_id: SessionId) -> Sequence[StoredAnswer]:
        """Every answer stored in the session's rounds, in the order they were stored."""
        ...


class LeaderboardRepository(Protocol):
    """Leaderboards per guild or across guilds, per period."""

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period, now: datetime, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players of a guild (or every guild when None) for the period containing now.

        Quiz nights' points count only for the guilds whose ``night_points`` setting is on,
        on their own leaderboard and on the global one (also for :meth:`rank`).
        """
        ...

    async def rank(
        self,
        guild_id: GuildId | None,
        period: Period,
        now: datetime,
        player_id: PlayerId,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank with up to ``neighbours`` players each side; None if unranked."""
        ...

    async def player_id(self, player: PlayerRef) -> PlayerId | None:
        """The stored id of a player, or None if they never answered."""
        ...


class StatsRepository(Protocol):
    """Statistics per player and per question."""

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's record in one guild (or everywhere); None for an unknown player.

        Quiz nights count as games only in the guilds whose ``night_points`` setting is on.
        """
        ...

    async def question_stats(self, item_id: str) -> QuestionStats:
        """How often an item was asked and answered correctly."""
        ...

    async def board_records(
        self, player_ids: Sequence[PlayerId], guild_id: GuildId
    ) -> Mapping[PlayerId, BoardRecord]:
        """Several players' answers, correct answers and best streaks in one guild.

        Counted as :meth:`player_stats` counts them; players without answers there are left
        out. A guild's leaderboard reads them for every row it shows, so a store keeps them
        on write rather than counting a player's answers at each call.
        """
        ...

    async def guild_question_stats(self, guild_id: GuildId) -> Mapping[str, QuestionStats]:
        """How each item asked in one guild fared there, by item id."""
        ...


class ReviewRepository(Protocol):
    """Near misses kept for hosts, and answer forms they accepted."""

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers of games and nights not yet reviewed, newest first."""
        ...

    async def near_miss(self, answer_id: AnswerId) -> NearMiss | None:
        """One near miss still open for review, or None."""
        ...

    async def submitted_near_miss(self, submission_id: str) -> NearMiss | None:
        """The near miss stored under a submission id, while open for review, or None."""
        ...

    async def reject_near_miss(self, answer_id: AnswerId) -> bool:
        """Settle a near miss as wrong: it scores nothing and leaves the review.

        Returns False when the answer is not an open near miss.
        """
        ...

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime, by: PlayerRef | None = None
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points (at most once) and keep its form.

        The answer keeps when it was accepted, and who accepted it when ``by`` is given.
        Returns None when the answer is not an open near miss.
        """
        ...

    async def accepted_forms(self) -> Mapping[tuple[GuildId, str], tuple[str, ...]]:
        """Extra accepted answer forms per guild and item id (a form counts in its guild)."""
        ...


class SettingsRepository(Protocol):
    """Per-guild settings and seasons."""

    async def guild_settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (the defaults when never saved)."""
        ...

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings; turning ``night_points`` over recounts the leaderboards."""
        ...

    async def start_season(self, name: str, at: datetime) -> Season:
        """Start a new season; it becomes the current one from ``at``."""
        ...

    async def current_season(self, at: datetime) -> Season | None:
        """The newest season started at or before ``at``."""
        ...


class Repository(
    SessionRepository,
    RoundRepository,
    LeaderboardRepository,
    StatsRepository,
    ReviewRepository,
    SettingsRepository,
    Protocol,
):
    """Every repository protocol, as one object (the SQL and memory stores provide all).

    Only the wiring asks for it (``bot.app.Services``, and each store's check that it
    provides everything); services are handed the ports they use.
    """
