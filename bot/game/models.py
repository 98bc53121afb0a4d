"""Domain values of the game: ids, modes, players, sessions, rounds, answers and standings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

GuildId = NewType("GuildId", int)
ChannelId = NewType("ChannelId", int)
SessionId = NewType("SessionId", int)
RoundId = NewType("RoundId", int)
PlayerId = NewType("PlayerId", int)
AnswerId = NewType("AnswerId", int)
SeasonId = NewType("SeasonId", int)

Clock = Callable[[], datetime]
"""Returns the current time as an aware UTC datetime; injected so tests control time."""


@dataclass(frozen=True, slots=True, order=True)
class Cursor:
    """A question's place in a planned session: round and question, both counted from 0."""

    round: int
    question: int


TERMINAL_GUILD = GuildId(0)
"""Games played in the terminal are filed under this guild id."""

DEFAULT_TIME_LIMIT_SECONDS = 30.0
DEFAULT_GUESS_LIMIT = 3
DEFAULT_QUESTIONS = 10


class Mode(StrEnum):
    """How a session is played."""

    RACE = "race"
    QUIZ = "quiz"


class SessionFormat(StrEnum):
    """What a session is: an ordinary game, or a quiz night played over the same rounds."""

    GAME = "game"
    NIGHT = "night"


GAMES_ONLY = frozenset({SessionFormat.GAME})
"""The formats a listing of sessions left running covers unless told others."""


class SessionStatus(StrEnum):
    """Lifecycle of a session."""

    RUNNING = "running"
    FINISHED = "finished"
    ABANDONED = "abandoned"


class Period(StrEnum):
    """The span a leaderboard covers."""

    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    ALL_TIME = "all"


@dataclass(frozen=True, slots=True)
class PlayerRef:
    """Who is playing: a platform ("discord", "terminal"), their id there and a display name.

    Two references to the same account are equal whatever name they carry.
    """

    platform: str
    external_id: str
    name: str = field(compare=False)


@dataclass(frozen=True, slots=True)
class SessionConfig:
    """How a session is played and when it ends.

    Attributes:
        mode: Race (first correct answer wins) or quiz (everyone answers privately).
        question_limit: The session ends after this many questions.
        target_score: The session ends as soon as a player reaches it (None: no target).
        time_limit_seconds: Base time per question; long questions get more.
        guess_limit: Attempts per player and question in a race.
        streak_bonus: Whether consecutive correct answers earn bonus points.
        format: An ordinary game, or the session recording a quiz night.
    """

    mode: Mode = Mode.RACE
    question_limit: int = DEFAULT_QUESTIONS
    target_score: int | None = None
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    guess_limit: int = DEFAULT_GUESS_LIMIT
    streak_bonus: bool = True
    format: SessionFormat = SessionFormat.GAME


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
    target_score: int | None = None
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    guess_limit: int = DEFAULT_GUESS_LIMIT
    streak_bonus: bool = True
    format: SessionFormat = SessionFormat.GAME


@dataclass(frozen=True, slots=True)
class RoundInfo:
    """A question asked in a session."""

    id: RoundId
    session_id: SessionId
    position: int
    item_id: str
    opened_at: datetime
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One judged answer, as it will be stored.

    ``points`` is what the answer is worth if it counts; ``submission_id`` identifies the
    submission (a message or interaction id) so a repeated delivery is stored only once.
    """

    round_id: RoundId
    player: PlayerRef
    text: str
    submitted_at: datetime
    accepted: bool
    close: bool
    similarity: float
    elapsed_ms: int
    points: int
    submission_id: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """A judged answer as a session stores it, with its round's place and question.

    ``accepted`` is the verdict now (a near miss accepted later is accepted), ``close``
    whether it was judged close, ``reviewed`` whether a host settled it as a near miss;
    ``points`` what it is worth as stored (credited once its round closes, if accepted).
    A near miss accepted later has ``accepted_at``, and ``accepted_by`` when the store was
    told who accepted it.
    """

    answer_id: AnswerId
    round_id: RoundId
    position: int
    item_id: str
    player: PlayerRef
    text: str
    submitted_at: datetime
    accepted: bool
    close: bool
    reviewed: bool
    similarity: float
    elapsed_ms: int
    points: int
    submission_id: str | None = None
    accepted_by: PlayerRef | None = None
    accepted_at: datetime | None = None


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


@dataclass(frozen=True, slots=True)
class RankInfo:
    """A player's standing with the players just above and just below."""

    standing: Standing
    above: tuple[Standing, ...]
    below: tuple[Standing, ...]


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """Per-guild preferences.

    Attributes:
        guild_id: The guild.
        time_limit_seconds: Default base time per question.
        allowed_channels: Channels where games may run; empty means every channel.
        host_role_id: Members with this role may host (skip, stop, accept near misses).
        guess_limit: Default attempts per player and question in a race.
        night_points: Whether quiz nights' points count in the leaderboards (the guild's
            and the global one) and quiz nights in players' statistics.
        web_pages: Whether ``trivia web`` shows the guild's pages (leaderboards, nights,
            questions); off until its admins switch them on.
    """

    guild_id: GuildId
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    allowed_channels: frozenset[ChannelId] = frozenset()
    host_role_id: int | None = None
    guess_limit: int = DEFAULT_GUESS_LIMIT
    night_points: bool = True
    web_pages: bool = False


@dataclass(frozen=True, slots=True)
class Season:
    """A named competition period; the newest season started is the current one."""

    id: SeasonId
    name: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class NearMiss:
    """An answer judged close but not accepted, kept for a host to review.

    ``format`` tells a game's near miss from a quiz night's, which its night settles.
    """

    answer_id: AnswerId
    guild_id: GuildId
    round_id: RoundId
    item_id: str
    player_id: PlayerId
    player: PlayerRef
    text: str
    similarity: float
    elapsed_ms: int
    submitted_at: datetime
    time_limit_seconds: float
    format: SessionFormat = SessionFormat.GAME

    @property
    def name(self) -> str:
        """The player's display name."""
        return self.player.name


@dataclass(frozen=True, slots=True)
class PlayerStats:
    """A player's record.

    ``answers`` counts questions answered, each once with the player's last answer (a
    changed quiz answer or a race's earlier guesses do not count); ``median_answer_ms``
    counts correct answers only.
    """

    player_id: PlayerId
    name: str
    games: int
    wins: int
    answers: int
    correct: int
    median_answer_ms: int | None
    best_streak: int

    @property
    def accuracy(self) -> float:
        """Share of answers that were correct (0 without answers)."""
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class BoardRecord:
    """What a leaderboard row shows of a player's record: answers, correct, best streak.

    Counted as :class:`PlayerStats` counts them (each question once, the last answer).
    """

    answers: int
    correct: int
    best_streak: int

    @property
    def accuracy(self) -> float:
        """Share of answers that were correct (0 without answers)."""
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class QuestionStats:
    """How a question fared: times asked, share correct and the median correct time."""

    item_id: str
    times_asked: int
    answers: int
    correct: int
    median_answer_ms: int | None

    @property
    def share_correct(self) -> float:
        """Share of answers that were correct (0 without answers)."""
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class UnfinishedRound:
    """The round open in an unfinished session when the bot stopped, if any."""

    round: RoundInfo
    closed: bool


@dataclass(frozen=True, slots=True)
class UnfinishedSession:
    """A session still marked running after a crash or restart."""

    session: SessionInfo
    last_round: UnfinishedRound | None
    open_rounds: tuple[RoundInfo, ...] = ()
    """Its rounds not closed yet, in the order they were asked (normally the last alone)."""
