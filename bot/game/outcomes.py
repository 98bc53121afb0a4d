"""What the game service hands back to front ends: questions asked, answers, reveals, ends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.game.answering import Refusal
from bot.game.judging import Judgement
from bot.game.models import (
    PlayerRef,
    RoundId,
    RoundInfo,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.game.onscreen import OnScreen
from questions.models import TriviaItem


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question put to the players, with its stored round and the question on screen.

    Its number and time limit are the screen's (:class:`~bot.game.onscreen.OnScreen`),
    written once where the question opened.
    """

    round: RoundInfo
    item: TriviaItem
    screen: OnScreen
    has_hints: bool = False
    tie_break: bool = False

    @property
    def number(self) -> int:
        """The question's number in the game, from 1."""
        return self.screen.position

    @property
    def time_limit_seconds(self) -> float:
        """Seconds it gives to answer, its reading time included."""
        return self.screen.time_limit_seconds


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """How an answer was judged and what it earned.

    ``refused`` says why an answer was not taken (then ``judgement`` is None). In quiz mode
    ``points`` stays 0 until the reveal, where the latest answer of each player counts.
    ``round_id`` is the question answered (None when refused): a won race closes that one.
    ``tie_break`` marks a tie-breaker guess, judged by its distance only at the reveal.
    """

    judgement: Judgement | None
    points: int
    won: bool = False
    refused: Refusal | None = None
    round_id: RoundId | None = None
    tie_break: bool = False


@dataclass(frozen=True, slots=True)
class Reveal:
    """What the players see when a question closes."""

    question: AskedQuestion
    answer: str
    credited: Mapping[PlayerRef, int]
    answered: int
    correct: int
    fastest: PlayerRef | None
    skipped: bool
    session_over: bool

    @property
    def share_correct(self) -> float:
        """Share of players whose (latest) answer was right."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class FinalResult:
    """A session's end: standings, the players tied for first, the question it closed.

    ``reveal`` is the question that was still open when the session ended (settled as if
    its time had run out), so its message can show the answer too; after a crash, where no
    reveal was computed, ``last_question`` names the question whose message to close.
    """

    session: SessionInfo
    status: SessionStatus
    standings: Sequence[Standing]
    tied: tuple[Standing, ...]
    reveal: Reveal | None = None
    last_question: AskedQuestion | None = None
    """The last question of a session a crash cut short, whose message may still be open."""


@dataclass(frozen=True, slots=True)
class SkipResult:
    """A skip request: whether the question was skipped, and the vote count.

    ``counted`` is False for a vote from a member who has not answered in the game while
    others have: it does not count.
    """

    skipped: bool
    votes: int
    needed: int
    reveal: Reveal | None = None
    counted: bool = True


@dataclass(frozen=True, slots=True)
class Hint:
    """A hint: the masked answer at a level; each level costs points."""

    text: str
    level: int
