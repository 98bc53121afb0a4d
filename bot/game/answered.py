"""Who answered the question on screen, in every format: guesses, latest answers, the race.

A game's round (:class:`bot.game.rules.RoundState`) and a quiz night's question on screen
(``bot.night.models.OpenQuestion``) each hold one :class:`Answered` beside the question's
:class:`~bot.game.onscreen.OnScreen`: how many answers each player gave, each player's
latest judged answer (the one closing counts) and who won the race. The checks the
answering rule needs of it (already answered, no answers left, the race won) are read
from it by :func:`refusal`, for both formats.

Each format says what is its own: how many answers a player may give, whether the
question is a race and who may answer at all (a game's tie-breaker contenders, a night's
sign-ups).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.game import answering
from bot.game.answering import Refusal
from bot.game.closing import Attempt
from bot.game.models import PlayerRef


@dataclass(frozen=True, slots=True)
class Answered:
    """Who answered the question on screen.

    Attributes:
        guesses: The answers each player gave to it, counted as they are taken (a game
            counts one before judging it, so a burst cannot exceed the limit).
        latest: Each player's latest judged answer, in the order the players first
            answered: the one closing the question counts (:func:`bot.game.closing.close`).
        winner: Who won the race: the first answer that won it, or None.
    """

    guesses: Mapping[PlayerRef, int] = field(default_factory=dict)
    latest: Mapping[PlayerRef, Attempt] = field(default_factory=dict)
    winner: PlayerRef | None = None

    def answers_of(self, player: PlayerRef) -> int:
        """How many answers ``player`` gave to the question."""
        return self.guesses.get(player, 0)

    @property
    def players(self) -> tuple[PlayerRef, ...]:
        """Who answered, in the order they first did."""
        return tuple(self.guesses)

    def counted(self, player: PlayerRef) -> Answered:
        """One more answer of ``player`` taken (before it is judged)."""
        return replace(self, guesses={**self.guesses, player: self.answers_of(player) + 1})

    def noted(self, attempt: Attempt, *, won: bool) -> Answered:
        """A judged answer noted: the player's latest, and the winner when it won the race.

        The first answer that won keeps the race; a later one changes no winner.
        """
        winner = attempt.player if won and self.winner is None else self.winner
        return replace(self, latest={**self.latest, attempt.player: attempt}, winner=winner)

    def given(self, attempt: Attempt, *, won: bool) -> Answered:
        """A judged answer taken and noted at once (:meth:`counted`, then :meth:`noted`)."""
        return self.counted(attempt.player).noted(attempt, won=won)


def of(attempts: Iterable[Attempt]) -> Answered:
    """Who answered, from the judged answers given in order; the first right one won."""
    answered = Answered()
    for attempt in attempts:
        answered = answered.given(attempt, won=attempt.accepted)
    return answered


def refusal(
    answered: Answered,
    player: PlayerRef,
    *,
    race: bool,
    answers_allowed: int,
    paused: bool,
    asking: bool,
    deadline: datetime | None,
    now: datetime,
    contender: bool = True,
    last_instant: bool = False,
) -> Refusal | None:
    """Why ``player`` may not answer the question now, or None when the answer is taken.

    The order and the time rule are :func:`bot.game.answering.refusal`'s; whether the race
    is won and how many answers the player gave are read from ``answered``.

    Args:
        answered: Who answered the question on screen.
        player: Who answers.
        race: The question is a race (its first winning answer takes it).
        answers_allowed: How many answers a player may give to it.
        paused: The format's clock is stopped.
        asking: A question takes answers (asked, not closed or revealed).
        deadline: When its time runs out.
        now: The current time.
        contender: The player may answer this question (a tie-breaker names who may).
        last_instant: The deadline's own instant still takes answers, as a night has it.
    """
    return answering.refusal(
        paused=paused,
        asking=asking,
        deadline=deadline,
        now=now,
        contender=contender,
        race_won=race and answered.winner is not None,
        answers_given=answered.answers_of(player),
        answers_allowed=answers_allowed,
        last_instant=last_instant,
    )
