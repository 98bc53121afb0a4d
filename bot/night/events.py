"""What the rules report back: one event per thing the channel should hear about.

The Discord layer renders events; the rules never talk to anyone themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.game.models import Cursor, PlayerRef
from bot.night.models import ContestantId, OpenQuestion
from bot.night.standings import ContestantStanding


@dataclass(frozen=True, slots=True)
class SignupsOpened:
    """Members may now join the night."""


@dataclass(frozen=True, slots=True)
class PlayerJoined:
    """A member signed up or changed team (``team`` is None without team play)."""

    player: PlayerRef
    team: str | None


@dataclass(frozen=True, slots=True)
class PlayerLeft:
    """A member withdrew before the start."""

    player: PlayerRef


@dataclass(frozen=True, slots=True)
class HostChanged:
    """Another host is now in control."""

    host: PlayerRef


@dataclass(frozen=True, slots=True)
class CohostAdded:
    """A member may now take over as host."""

    cohost: PlayerRef


@dataclass(frozen=True, slots=True)
class JokerPlayed:
    """A contestant will score double in a round (counted from 0)."""

    contestant: ContestantId
    round: int


@dataclass(frozen=True, slots=True)
class QuestionOpened:
    """A question is on screen until ``deadline``."""

    cursor: Cursor
    item_id: str
    category: str
    deadline: datetime


@dataclass(frozen=True, slots=True)
class HintGiven:
    """The host gave a hint on the question on screen: ``text`` is the masked answer."""

    cursor: Cursor
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class AnswerRecorded:
    """A participant's answer was judged (``points`` before any joker)."""

    cursor: Cursor
    player: PlayerRef
    correct: bool
    near_miss: bool
    points: int


@dataclass(frozen=True, slots=True)
class QuestionRevealed:
    """The answer is shown; ``correct`` lists who had it; ``message_id`` showed the question.

    Who had it is what closing the question meant (the engine's close step, once the
    question is settled): the night's service names them as its ledger closes it.
    """

    cursor: Cursor
    item_id: str
    correct: tuple[PlayerRef, ...] = ()
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class QuestionSkipped:
    """The host dropped the question; answers to it score nothing."""

    cursor: Cursor
    item_id: str
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class RoundEnded:
    """A round is over; the standings count every round up to it."""

    round: int
    standings: tuple[ContestantStanding, ...]


@dataclass(frozen=True, slots=True)
class NightPaused:
    """The night is on hold; the question's clock stops."""

    at: datetime


@dataclass(frozen=True, slots=True)
class NightResumed:
    """The night goes on; the question's deadline moved by the pause."""

    at: datetime
    deadline: datetime


@dataclass(frozen=True, slots=True)
class TieBreakStarted:
    """The announced tie-breaker decides between these contestants."""

    question: str
    contenders: tuple[ContestantId, ...]


@dataclass(frozen=True, slots=True)
class TieBreakGuessed:
    """A contestant gave its number."""

    contestant: ContestantId
    player: PlayerRef
    value: float


@dataclass(frozen=True, slots=True)
class NightFinished:
    """The night is over; ``standings`` are final, tie-breaker applied.

    ``closed`` is the question that was still on screen, unrevealed, when the night ended.
    """

    at: datetime
    standings: tuple[ContestantStanding, ...]
    closed: OpenQuestion | None = None


NightEvent = (
    SignupsOpened
    | PlayerJoined
    | PlayerLeft
    | HostChanged
    | CohostAdded
    | JokerPlayed
    | QuestionOpened
    | HintGiven
    | AnswerRecorded
    | QuestionRevealed
    | QuestionSkipped
    | RoundEnded
    | NightPaused
    | NightResumed
    | TieBreakStarted
    | TieBreakGuessed
    | NightFinished
)
"""Any event the rules may report."""
