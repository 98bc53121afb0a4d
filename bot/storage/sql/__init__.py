"""SQLAlchemy implementation of the storage ports: one transaction per method call.

Every SQL statement of the project lives in this package (the architecture test allows
SQLAlchemy only here, in ``tables.py`` and ``db.py``). It is split by concern, one store
class per module; the stores share one :class:`~bot.storage.sql.base.SqlDatabase`
(transactions, writer, caches) and the stores that credit points share one
:class:`~bot.storage.sql.crediting.Crediting`, both held, not inherited.
:class:`SqlRepository` holds the stores and hands each call of
:class:`bot.game.ports.Repository` to the one that implements it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Collection, Mapping, Sequence
from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    StoredAnswer,
    UnfinishedSession,
)
from bot.game.ports import Credit, Repository
from bot.storage.sql.answers import AnswerStore
from bot.storage.sql.base import SqlDatabase
from bot.storage.sql.crediting import Crediting
from bot.storage.sql.kept_records import KeptRecords, Recounted
from bot.storage.sql.leaderboards import LeaderboardStore
from bot.storage.sql.review import ReviewStore
from bot.storage.sql.sessions import SessionStore
from bot.storage.sql.settings import SettingsStore
from bot.storage.sql.statistics import StatsStore

__all__ = ["SqlRepository"]


class SqlRepository:
    """Implements :class:`bot.game.ports.Repository` over a session factory, by delegation."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        batch_writes: bool = True,
        keep_settings: bool = True,
    ) -> None:
        """Build the stores over one database object (see :class:`SqlDatabase`).

        ``keep_settings`` False reads a guild's settings at every call, for a process whose
        guilds' settings another process changes (``trivia web`` beside the bot).
        """
        self._db = SqlDatabase(sessions, batch_writes)
        crediting = Crediting(self._db)
        records = KeptRecords(crediting)
        self._records = records
        self._sessions = SessionStore(self._db)
        self._answers = AnswerStore(self._db, crediting, records)
        self._leaderboards = LeaderboardStore(self._db)
        self._stats = StatsStore(self._db, records)
        self._review = ReviewStore(self._db, crediting, records)
        self._settings = SettingsStore(self._db, crediting, records, keep_settings)

    @property
    def write_transactions(self) -> int:
        """Write transactions committed by the batching writer (0 without batching)."""
        return self._db.write_transactions

    async def drain(self) -> None:
        """Wait for every write still queued (call before disposing of the engine)."""
        await self._db.drain()

    async def recount_records(self) -> tuple[int, Recounted]:
        """Count every kept leaderboard record again from the answers (a repair).

        One transaction per guild, its rows locked as an answer locks them, so the bot may
        run meanwhile. Returns how many guilds were counted and what changed.
        """
        guilds = await self._db.read(self._records.guilds)
        done = Recounted()
        for guild_id in guilds:
            done += await self._db.write(partial(self._records.recount_guild, guild_id=guild_id))
        return len(guilds), done

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        return await self._sessions.create_session(guild_id, channel_id, config, started_at)

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase (between questions, asking, paused) after a transition."""
        await self._sessions.save_phase(session_id, phase, at)

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session finished or abandoned and keep its final standings."""
        await self._sessions.end_session(session_id, status, ended_at, standings)

    async def unfinished_sessions(
        self, formats: Collection[SessionFormat] = GAMES_ONLY
    ) -> Sequence[UnfinishedSession]:
        """Sessions of these formats still marked running, with their last and open rounds."""
        return await self._sessions.unfinished_sessions(formats)

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        return await self._sessions.asked_item_ids(guild_id)

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked."""
        return await self._answers.open_round(
            session_id, position, item_id, opened_at, time_limit_seconds
        )

    def record_answer(
        self, answer: AnswerRecord, credit: bool, race: bool
    ) -> Awaitable[AwardOutcome]:
        """Store a judged answer and, when ``credit``, credit its points atomically."""
        return self._answers.record_answer(answer, credit, race)

    async def record_hint(self, round_id: RoundId, hints_used: int) -> None:
        """Store how many hints the round has given."""
        await self._answers.record_hint(round_id, hints_used)

    async def settle_round(
        self, round_id: RoundId, closed_at: datetime, credit_latest: bool
    ) -> Sequence[Credit]:
        """Close a round; with ``credit_latest`` credit each player's latest accepted answer."""
        return await self._answers.settle_round(round_id, closed_at, credit_latest)

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly (a tie-breaker win), at most once per player."""
        return await self._answers.award(round_id, player, points, at)

    async def session_answers(self, session_id: SessionId) -> Sequence[StoredAnswer]:
        """Every answer stored in the session's rounds, in the order they were stored."""
        return await self._answers.session_answers(session_id)

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period, now: datetime, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players of a guild (or every guild when None) for the period containing now."""
        return await self._leaderboards.leaderboard(guild_id, period, now, limit)

    async def rank(
        self,
        guild_id: GuildId | None,
        period: Period,
        now: datetime,
        player_id: PlayerId,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank with up to ``neighbours`` players each side; None if unranked."""
        return await self._leaderboards.rank(guild_id, period, now, player_id, neighbours)

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Points of every player who scored or answered in one session."""
        return await self._leaderboards.session_standings(session_id)

    async def player_id(self, player: PlayerRef) -> PlayerId | None:
        """The stored id of a player, or None if they never answered."""
        return await self._leaderboards.player_id(player)

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's record in one guild (or everywhere); None for an unknown player."""
        return await self._stats.player_stats(player_id, guild_id)

    async def question_stats(self, item_id: str) -> QuestionStats:
        """How often an item was asked and answered correctly."""
        return await self._stats.question_stats(item_id)

    async def board_records(
        self, player_ids: Sequence[PlayerId], guild_id: GuildId
    ) -> Mapping[PlayerId, BoardRecord]:
        """Several players' answers, correct answers and best streaks in a guild (kept)."""
        return await self._stats.board_records(player_ids, guild_id)

    async def guild_question_stats(self, guild_id: GuildId) -> Mapping[str, QuestionStats]:
        """How each item asked in one guild fared there, by item id."""
        return await self._stats.guild_question_stats(guild_id)

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers not yet accepted, newest first."""
        return await self._review.near_misses(guild_id, limit)

    async def near_miss(self, answer_id: AnswerId) -> NearMiss | None:
        """One near miss still open for review, or None."""
        return await self._review.near_miss(answer_id)

    async def submitted_near_miss(self, submission_id: str) -> NearMiss | None:
        """The near miss stored under a submission id, while open for review, or None."""
        return await self._review.submitted_near_miss(submission_id)

    async def reject_near_miss(self, answer_id: AnswerId) -> bool:
        """Settle a near miss as wrong; False when it is not open for review."""
        return await self._review.reject_near_miss(answer_id)

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime, by: PlayerRef | None = None
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points once; keep its form, when and by whom."""
        return await self._review.accept_near_miss(answer_id, points, at, by)

    async def accepted_forms(self) -> Mapping[tuple[GuildId, str], tuple[str, ...]]:
        """Extra accepted answer forms per guild and item id (a form counts in its guild)."""
        return await self._review.accepted_forms()

    async def guild_settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (the defaults when never saved)."""
        return await self._settings.guild_settings(guild_id)

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings."""
        await self._settings.save_guild_settings(settings)

    async def start_season(self, name: str, at: datetime) -> Season:
        """Start a new season; it becomes the current one from ``at``."""
        return await self._settings.start_season(name, at)

    async def current_season(self, at: datetime) -> Season | None:
        """The newest season started at or before ``at``."""
        return await self._settings.current_season(at)


def as_repository(repository: SqlRepository) -> Repository:
    """The SQL repository typed as the port, so signature drift fails mypy."""
    return repository
