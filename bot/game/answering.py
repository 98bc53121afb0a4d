"""One answer to one question, in any format: who may give it, what it scores, when time is up.

A game and a quiz night ask for answers the same way, so they share these rules: a game
through :mod:`bot.game.rules` and :class:`~bot.game.service.GameService`, a night through
:mod:`bot.night.play`. Each format keeps what is its own (a night's sign-ups and its
messages, a game's tie-breaker) and asks here for the rest; who answered the question on
screen, which :func:`refusal` is told about, is :mod:`bot.game.answered`'s:

* :func:`refusal`: why a player may not answer now (paused, no question, time up, not in
  the tie-breaker, the race won, no answers left), checked in that order;
* :func:`time_up`: whether a question's time has run out (answers refused, the clock closes
  it);
* :func:`score`: the verdict and points of a judged answer (speed, hints, streak);
* :func:`near_miss_points`: what a near miss earns when a host accepts it later;
* :func:`streak_after`: a player's run of right answers once a question closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.game.judging import Judgement
from bot.game.scoring import award_points


class Refusal(StrEnum):
    """Why an answer is not taken."""

    NO_QUESTION = "no_question"
    PAUSED = "paused"
    TIME_UP = "time_up"
    ALREADY_WON = "already_won"
    GUESS_LIMIT = "guess_limit"
    NOT_IN_TIE_BREAK = "not_in_tie_break"


@dataclass(frozen=True, slots=True)
class Scored:
    """A judged answer as it is stored: its verdict, its time and its points."""

    accepted: bool
    near_miss: bool
    """Close but not accepted: it waits in the review for a host."""
    similarity: float
    elapsed_ms: int
    points: int


def time_up(deadline: datetime, now: datetime, *, last_instant: bool = False) -> bool:
    """Whether a question's time has run out: from its deadline on, no answer is taken.

    With ``last_instant`` the deadline's own instant still takes answers and time is up
    only after it, as a quiz night has always had it; a game's time is up at the deadline.
    """
    return now > deadline if last_instant else now >= deadline


def refusal(
    *,
    paused: bool,
    asking: bool,
    deadline: datetime | None,
    now: datetime,
    contender: bool = True,
    race_won: bool = False,
    answers_given: int = 0,
    answers_allowed: int = 1,
    last_instant: bool = False,
) -> Refusal | None:
    """Why a player may not answer now, or None when the answer is taken.

    Args:
        paused: The format's clock is stopped.
        asking: A question takes answers (asked, not closed or revealed).
        deadline: When the open question's time runs out.
        now: The current time.
        contender: The player may answer this question (a tie-breaker names who may).
        race_won: The question is a race someone already won.
        answers_given: The player's answers to this question so far.
        answers_allowed: How many answers a player may give to it.
        last_instant: The deadline's own instant still takes answers (see :func:`time_up`).
    """
    if paused:
        return Refusal.PAUSED
    if not asking or deadline is None:
        return Refusal.NO_QUESTION
    if time_up(deadline, now, last_instant=last_instant):
        return Refusal.TIME_UP
    if not contender:
        return Refusal.NOT_IN_TIE_BREAK
    if race_won:
        return Refusal.ALREADY_WON
    if answers_given >= answers_allowed:
        return Refusal.GUESS_LIMIT
    return None


def score(
    judgement: Judgement,
    elapsed_seconds: float,
    time_limit_seconds: float,
    hints_used: int = 0,
    streak: int = 0,
) -> Scored:
    """The verdict and points of a judged answer (:func:`bot.game.scoring.award_points`).

    Args:
        judgement: What the judge ruled.
        elapsed_seconds: Time from the question to the answer, clock stops left out.
        time_limit_seconds: The question's time limit.
        hints_used: Hints shown before the answer.
        streak: The player's right answers in a row before this question.
    """
    elapsed = max(elapsed_seconds, 0.0)
    points = award_points(judgement.accepted, elapsed, time_limit_seconds, hints_used, streak)
    return Scored(
        accepted=judgement.accepted,
        near_miss=judgement.close and not judgement.accepted,
        similarity=judgement.score,
        elapsed_ms=round(elapsed * 1000),
        points=points,
    )


def near_miss_points(elapsed_ms: int, time_limit_seconds: float) -> int:
    """What a near miss earns when a host accepts it: a right answer's speed points.

    Hints and streaks are left out: they belonged to the moment, which has passed.
    """
    return award_points(True, elapsed_ms / 1000, time_limit_seconds)


def streak_after(streak: int, points: int) -> int:
    """A player's run once a question closes: a scoring answer adds one, any other ends it.

    A question the player left alone leaves the run as it was (the caller does not ask).
    """
    return streak + 1 if points > 0 else 0
