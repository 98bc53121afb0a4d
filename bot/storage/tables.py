"""SQLAlchemy 2 table mappings. The schema itself changes only through Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ANSWER_TEXT_LIMIT = 400
SUBMISSION_ID_LIMIT = 100
NAME_LIMIT = 100


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite hands back naive values otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes and store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC time")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Mark values read back without a zone as UTC."""
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class PlayerRow(Base):
    """A player on one platform."""

    __tablename__ = "players"
    __table_args__ = (UniqueConstraint("platform", "external_id", name="uq_players_identity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SessionRow(Base):
    """A game in one channel, or the rounds of a quiz night (``format`` says which)."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    mode: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    question_limit: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    target_score: Mapped[int | None] = mapped_column(Integer)
    time_limit_ms: Mapped[int] = mapped_column(Integer, default=30_000)
    guess_limit: Mapped[int] = mapped_column(Integer, default=3)
    streak_bonus: Mapped[bool] = mapped_column(Boolean, default=True)
    phase: Mapped[str] = mapped_column(String(16), default="between")
    phase_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    format: Mapped[str] = mapped_column(String(16), server_default="game")


class RoundRow(Base):
    """A question asked in a session; ``winner_id`` is set once, by the first correct answer."""

    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("session_id", "position", name="uq_rounds_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64), index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    winner_id: Mapped[int | None] = mapped_column(ForeignKey("players.id"))
    time_limit_ms: Mapped[int] = mapped_column(Integer, default=30_000)
    hints_used: Mapped[int] = mapped_column(Integer, default=0)


class AnswerRow(Base):
    """Every judged answer: who, what, when, the verdict and the time taken."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("submission_id", name="uq_answers_submission"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    text: Mapped[str] = mapped_column(String(ANSWER_TEXT_LIMIT))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    accepted: Mapped[bool] = mapped_column(Boolean)
    close: Mapped[bool] = mapped_column(Boolean)
    similarity: Mapped[float] = mapped_column(Float)
    elapsed_ms: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer, default=0)
    submission_id: Mapped[str | None] = mapped_column(String(SUBMISSION_ID_LIMIT))
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    # A near miss accepted later: when, and who accepted it (when known; not a player row,
    # as a host need not have played).
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    accepted_by_platform: Mapped[str | None] = mapped_column(String(16))
    accepted_by_id: Mapped[str | None] = mapped_column(String(64))
    accepted_by_name: Mapped[str | None] = mapped_column(String(NAME_LIMIT))


class ScoreRow(Base):
    """Points credited to a player for a round; at most one row per round and player."""

    __tablename__ = "scores"
    __table_args__ = (
        UniqueConstraint("round_id", "player_id", name="uq_scores_round_player"),
        Index("ix_scores_guild_player", "guild_id", "player_id"),
        Index("ix_scores_guild_awarded", "guild_id", "awarded_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    points: Mapped[int] = mapped_column(Integer)
    awarded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LeaderboardTotalRow(Base):
    """Points per player summed per scope (a guild, or every guild) and period, kept on write.

    Leaderboards read these instead of summing millions of score rows.
    """

    __tablename__ = "leaderboard_totals"
    __table_args__ = (
        PrimaryKeyConstraint("scope", "period", "period_key", "player_id"),
        Index(
            "ix_leaderboard_totals_rank",
            "scope",
            "period",
            "period_key",
            text("points DESC"),
            "player_id",
        ),
    )

    scope: Mapped[int] = mapped_column(BigInteger)
    period: Mapped[str] = mapped_column(String(8))
    period_key: Mapped[str] = mapped_column(String(16))
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"))
    points: Mapped[int] = mapped_column(BigInteger)


class LeaderboardPointsRow(Base):
    """How many players of one leaderboard hold each points value, kept on write.

    A rank is one plus the players holding more points: a sum over the values above,
    far fewer rows than the players above. Values nobody holds any more keep a 0 count.
    """

    __tablename__ = "leaderboard_points"
    __table_args__ = (PrimaryKeyConstraint("scope", "period", "period_key", "points"),)

    scope: Mapped[int] = mapped_column(BigInteger)
    period: Mapped[str] = mapped_column(String(8))
    period_key: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(BigInteger)
    players: Mapped[int] = mapped_column(Integer)


class BoardRecordRow(Base):
    """A player's answers, right answers and streaks in one guild, kept on write.

    What a guild's leaderboard row shows beside the points (all time): counted as
    ``player_stats`` counts the answers (each question once, the last answer; a night's
    only where the guild counts night points), moved on with every answer stored in the
    same transaction, and counted again from the answers when that cannot be done at the
    end (an answer to an earlier question, a near miss accepted, night points switched).
    The last question counted and the runs before it are what a next answer needs
    (:class:`~bot.game.statistics.RunningRecord`).
    """

    __tablename__ = "board_records"
    __table_args__ = (PrimaryKeyConstraint("guild_id", "player_id"),)

    guild_id: Mapped[int] = mapped_column(BigInteger)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    answers: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)
    best_streak: Mapped[int] = mapped_column(Integer)
    streak: Mapped[int] = mapped_column(Integer)
    last_round_id: Mapped[int] = mapped_column(Integer)
    last_correct: Mapped[bool] = mapped_column(Boolean)
    streak_before: Mapped[int] = mapped_column(Integer)
    best_before: Mapped[int] = mapped_column(Integer)


class SessionResultRow(Base):
    """A player's final place in a finished session (wins are rank 1 with points)."""

    __tablename__ = "session_results"
    __table_args__ = (PrimaryKeyConstraint("session_id", "player_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)


class GuildSettingsRow(Base):
    """A guild's preferences; ``allowed_channels`` is a space-separated list of ids."""

    __tablename__ = "guild_settings"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    time_limit_ms: Mapped[int] = mapped_column(Integer)
    allowed_channels: Mapped[str] = mapped_column(Text)
    host_role_id: Mapped[int | None] = mapped_column(BigInteger)
    guess_limit: Mapped[int] = mapped_column(Integer)
    night_points: Mapped[bool] = mapped_column(Boolean, server_default=true())
    web_pages: Mapped[bool] = mapped_column(Boolean, server_default=false())


class SeasonRow(Base):
    """A season; the newest one started is current."""

    __tablename__ = "seasons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class AcceptedFormRow(Base):
    """An answer form a guild's host accepted for an item, beyond the bank's own answers.

    Accepted in one guild, it counts in that guild only.
    """

    __tablename__ = "accepted_forms"
    __table_args__ = (
        UniqueConstraint("guild_id", "item_id", "form", name="uq_accepted_forms_guild_item_form"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    item_id: Mapped[str] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(ANSWER_TEXT_LIMIT))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())
