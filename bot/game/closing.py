"""Closing a question, in every format: what closing means, how it is stored, when it is due.

A game closes its round (the clock, a won race, a skip, the end) and a quiz night reveals
its question (the host, or the clock); both close a question the same way, here:

* :class:`Closing`: how the question closes, when its points are credited
  (:class:`Crediting`) and whether it was skipped;
* :func:`close`: what closing means, decided from the answers given (:class:`Closed`):
  each player's answer that counts (the latest), the right ones and the fastest, and the
  points each player earns with the question;
* :func:`streaks_after`: the players' runs of right answers once it closed;
* :func:`settle`: the one store path, the round closed and its points credited once,
  however often it is repeated;
* :func:`close_question`: the one step both formats close a question with: settled once,
  then what closing meant from who answered and the store's credits, the streaks after
  (:class:`QuestionClosed`);
* :func:`streaks_through`: the players' runs once each question of a sequence closed,
  from the answers given to each (what a night reads back from its stored answers);
* :func:`due`: which open questions a tick of the clock finds out of time (:class:`Timed`).

Each format keeps its own consequences and words: a game closes the round and moves on
between questions, a night reveals the answer and waits for its host.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from bot.game import answering, asking
from bot.game.asking import Asking
from bot.game.models import PlayerRef, RoundId
from bot.game.ports import RoundRepository

if TYPE_CHECKING:  # who answered holds the closing's attempts: named for the types only
    from bot.game.answered import Answered

K = TypeVar("K")


class Crediting(StrEnum):
    """When the points of a question's answers are credited."""

    ON_CLOSE = "on_close"
    """Each player's latest right answer, as the question closes (a quiz game, a night)."""
    AS_WON = "as_won"
    """The race's winning answer, as it was given (a race game): closing credits no more."""


@dataclass(frozen=True, slots=True)
class Closing:
    """How a question closes: when its points are credited, and whether it was skipped."""

    crediting: Crediting
    skipped: bool = False
    """A skipped question credits nobody."""

    @property
    def credits_latest(self) -> bool:
        """Whether the store credits each player's latest right answer as the round closes."""
        return self.crediting is Crediting.ON_CLOSE and not self.skipped


@dataclass(frozen=True, slots=True)
class Attempt:
    """A player's judged answer to the question, as closing sees it."""

    player: PlayerRef
    accepted: bool
    elapsed_seconds: float
    points: int


@dataclass(frozen=True, slots=True)
class Closed:
    """What closing a question meant.

    Attributes:
        counted: Each player's answer that counts (their latest), in the order the
            players first answered.
        right: The players whose counted answer is right, in that order.
        fastest: The right player who answered soonest (the first of equals), or None.
        credited: The points each player earns with the question.
        skipped: The question was skipped (nobody earns anything).
    """

    counted: Mapping[PlayerRef, Attempt]
    right: tuple[PlayerRef, ...]
    fastest: PlayerRef | None
    credited: Mapping[PlayerRef, int]
    skipped: bool


def close(
    closing: Closing,
    answers: Iterable[Attempt],
    *,
    winner: PlayerRef | None = None,
    stored: Mapping[PlayerRef, int] | None = None,
) -> Closed:
    """Decide what closing a question means, from the answers given to it in order.

    Args:
        closing: How the question closes.
        answers: Its judged answers, in the order they were given.
        winner: Who won the race, when its points were credited as it was won
            (:attr:`Crediting.AS_WON`); the winner's counted answer gives the points.
        stored: The credits the store made as it closed the round (:func:`settle`), when
            it credited the latest answers: they are the points, since the store's
            answers are the ones that count (an answer stored as the question closed may
            not have reached the format). Without them the points follow the same rule
            from ``answers``: each latest right answer earning points.
    """
    counted: dict[PlayerRef, Attempt] = {}
    for answer in answers:
        counted[answer.player] = answer
    right = tuple(player for player, answer in counted.items() if answer.accepted)
    fastest = min(right, key=lambda player: counted[player].elapsed_seconds) if right else None
    credited: Mapping[PlayerRef, int]
    if closing.skipped:
        credited = {}
    elif closing.crediting is Crediting.AS_WON:
        won = counted.get(winner) if winner is not None else None
        credited = {won.player: won.points} if won is not None else {}
    elif stored is not None:
        credited = dict(stored)
    else:
        credited = {p: a.points for p, a in counted.items() if a.accepted and a.points > 0}
    return Closed(counted, right, fastest, credited, closing.skipped)


def streaks_after(
    streaks: Mapping[PlayerRef, int],
    answered: Iterable[PlayerRef],
    credited: Mapping[PlayerRef, int],
) -> dict[PlayerRef, int]:
    """The players' runs of right answers once a question closed.

    A player who answered (``answered``) goes on with a run when the question credited
    them points and starts again from 0 otherwise
    (:func:`bot.game.answering.streak_after`); the others keep theirs.
    """
    after = dict(streaks)
    for player in answered:
        after[player] = answering.streak_after(after.get(player, 0), credited.get(player, 0))
    return after


async def settle(
    store: RoundRepository, round_id: RoundId, closing: Closing, now: datetime
) -> Mapping[PlayerRef, int]:
    """Close the question's round in the store and credit what closing it means.

    With :attr:`Closing.credits_latest` the store credits each player's latest right
    answer in the same transaction (score rows, totals); otherwise the points were credited
    as they were won, or the question was skipped. Repeating it credits nobody twice.

    Returns:
        The points credited now, per player (see ``stored`` in :func:`close`).
    """
    credits = await store.settle_round(round_id, now, closing.credits_latest)
    return {credit.player: credit.points for credit in credits}


Credits = Mapping[PlayerRef, int]
"""Points per player, as the store credited them."""
Store = Callable[[Callable[[], Awaitable[Credits]]], Awaitable[Credits]]
"""How a format runs a store write (a game retries it while the database is down)."""
Award = Callable[[Closed], Awaitable[Credits]]
"""A format's own award once the question closed, credited instead (a game's tie-breaker)."""


@dataclass(frozen=True, slots=True)
class QuestionClosed:
    """What closing a question meant and left, in every format (:func:`close_question`).

    Attributes:
        closed: What closing meant (:func:`close`): the answers counted, the right ones,
            the fastest, the points each player earns.
        credited: The points credited with the question (a format's award when it gave
            one, else ``closed.credited``).
        streaks: The players' runs of right answers once it closed (:func:`streaks_after`).
    """

    closed: Closed
    credited: Credits
    streaks: Mapping[PlayerRef, int]

    @property
    def right(self) -> tuple[PlayerRef, ...]:
        """The players whose counted answer is right, in the order they first answered."""
        return self.closed.right

    @property
    def fastest(self) -> PlayerRef | None:
        """The right player who answered soonest, or None."""
        return self.closed.fastest

    @property
    def answers(self) -> int:
        """How many players' answers counted (the tally's answers)."""
        return len(self.closed.counted)

    @property
    def skipped(self) -> bool:
        """The question was skipped: nobody earned anything."""
        return self.closed.skipped


async def _now(write: Callable[[], Awaitable[Credits]]) -> Credits:
    return await write()


async def close_question(
    store: RoundRepository,
    round_id: RoundId,
    closing: Closing,
    now: datetime,
    *,
    answered: Callable[[], Answered],
    streaks: Mapping[PlayerRef, int],
    run: Store = _now,
    award: Award | None = None,
) -> QuestionClosed:
    """Close a question, in every format: the one step from the store to what it meant.

    The round is settled in the store once (:func:`settle`, run by ``run``); then who
    answered is read (after the settle: an answer noted meanwhile counts, as the store
    counted it) and closing decided from it with the store's credits (:func:`close`); a
    format's ``award`` (a game's tie-breaker) gives the points instead; and the streaks
    follow from the points (:func:`streaks_after`).

    Args:
        store: The rounds' store.
        round_id: The question's round.
        closing: How it closes.
        now: When it closes.
        answered: Who answered the question, read once it is settled.
        streaks: The players' runs before it closed.
        run: How the format runs the store write (at once, or retried).
        award: The format's own award, credited once the question closed.
    """
    stored = await run(lambda: settle(store, round_id, closing, now))
    who = answered()
    closed = close(closing, who.latest.values(), winner=who.winner, stored=stored)
    credited = closed.credited if award is None else await award(closed)
    return QuestionClosed(closed, credited, streaks_after(streaks, who.players, credited))


def streaks_through(questions: Iterable[tuple[Closing, Iterable[Attempt]]]) -> dict[PlayerRef, int]:
    """The players' runs once each question closed in turn, from the answers given to each.

    Each question updates the runs as its close did (:func:`close`, :func:`streaks_after`):
    what is read back from stored answers, so it holds after a restart.
    """
    streaks: dict[PlayerRef, int] = {}
    for how, answers in questions:
        closed = close(how, answers)
        streaks = streaks_after(streaks, closed.counted, closed.credited)
    return streaks


@dataclass(frozen=True, slots=True)
class Timed:
    """A format's open question as the clock sees it.

    Attributes:
        asking: Its clock (:class:`~bot.game.asking.Asking`), or None without a question.
        running: The format runs its clock (asked, not paused, not yet closed).
        last_instant: The deadline's own instant still takes answers, as a night has it
            (:func:`bot.game.answering.time_up`).
    """

    asking: Asking | None
    running: bool
    last_instant: bool = False


def is_due(question: Timed, now: datetime) -> bool:
    """Whether the question's time ran out at ``now``: the clock closes it."""
    return asking.is_time_up(
        question.asking, now, running=question.running, last_instant=question.last_instant
    )


def due(questions: Iterable[tuple[K, Timed]], now: datetime) -> tuple[K, ...]:
    """Which of a format's open questions a tick at ``now`` closes, in the order given.

    Each is named by the format's own key (a game's channel, a night's id); the format
    applies its own consequence to each, checked again under its lock.
    """
    return tuple(key for key, question in questions if is_due(question, now))
