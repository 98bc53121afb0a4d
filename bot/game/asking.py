"""The question being asked, in every format: its clock, the pauses that stop it, time up.

A game (:mod:`bot.game.rules`) and a quiz night (:mod:`bot.night.rules`) stop a question's
clock alike: a pause holds it, and the resume moves the question's opening and its
deadline forward by the length of the pause, so the question keeps the time it had left
and the time from its opening is the time it has been running. Each format keeps its own
phases and the words it refuses an action with; the arithmetic and the time-up test are
here, written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import overload

from bot.game import answering


@dataclass(frozen=True, slots=True)
class Asking:
    """A question's clock: when it opened and when its time runs out.

    Both move forward by every pause (:func:`resume`), so ``deadline - opened_at`` stays
    the question's time limit.
    """

    opened_at: datetime
    deadline: datetime


def ask(now: datetime, limit_seconds: float) -> Asking:
    """The clock of a question opened at ``now`` with ``limit_seconds`` to answer."""
    return Asking(now, now + timedelta(seconds=limit_seconds))


def pause_length(paused_at: datetime, now: datetime) -> timedelta:
    """How long a pause from ``paused_at`` to ``now`` held the clock (never negative)."""
    return max(now - paused_at, timedelta(0))


@overload
def resume(clock: Asking, paused_at: datetime, now: datetime) -> Asking: ...
@overload
def resume(clock: None, paused_at: datetime, now: datetime) -> None: ...
def resume(clock: Asking | None, paused_at: datetime, now: datetime) -> Asking | None:
    """The question's clock after a pause from ``paused_at`` to ``now``.

    Its opening and deadline move by the pause, so it keeps the time it had left, even
    when the pause spans the old deadline. Without a question (a pause between questions)
    there is no clock to move: None.
    """
    if clock is None:
        return None
    held = pause_length(paused_at, now)
    return Asking(clock.opened_at + held, clock.deadline + held)


def is_time_up(
    clock: Asking | None, now: datetime, *, running: bool, last_instant: bool = False
) -> bool:
    """Whether the question's time has run out; never while its clock is stopped.

    Args:
        clock: The clock of the question on screen, or None when there is none.
        now: The current time.
        running: The format's clock runs the question (asked, not paused, not closed).
        last_instant: The deadline's own instant still takes answers
            (:func:`bot.game.answering.time_up`), as a quiz night has it.
    """
    return (
        running
        and clock is not None
        and answering.time_up(clock.deadline, now, last_instant=last_instant)
    )
