"""The question being asked, in every format: its clock, the pauses that stop it, its hints.

Every format's question on screen (:class:`bot.game.onscreen.OnScreen`, which a game's
round and a quiz night's open question hold) holds an :class:`Asking`. Both formats stop a
question's clock alike: a pause
holds it, and the resume moves the question's opening and its deadline forward by the
length of the pause, so the question keeps the time it had left and the time from its
opening is the time it has been running (an answer's time, :func:`elapsed_seconds`). Each
format keeps its own phases and the words it refuses an action with; the arithmetic, the
time-up test and the count of hints are here, written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import overload

from bot.game import answering


@dataclass(frozen=True, slots=True)
class Asking:
    """A question being asked: when it opened, when its time runs out, the hints given.

    ``opened_at`` and ``deadline`` move forward by every pause (:func:`resume`), so
    ``deadline - opened_at`` stays the question's time limit.
    """

    opened_at: datetime
    deadline: datetime
    hints_used: int = 0


def ask(now: datetime, limit_seconds: float) -> Asking:
    """A question opened at ``now`` with ``limit_seconds`` to answer and no hint given."""
    return Asking(now, now + timedelta(seconds=limit_seconds))


def elapsed_seconds(clock: Asking, now: datetime) -> float:
    """Seconds the question has been running at ``now``: pauses left out, never negative."""
    return max((now - clock.opened_at).total_seconds(), 0.0)


def hinted(clock: Asking) -> Asking:
    """The question after one more hint.

    Which hint that is, and whether one is left, is :func:`bot.game.hints.next_hint`'s.
    """
    return Asking(clock.opened_at, clock.deadline, clock.hints_used + 1)


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
    return Asking(clock.opened_at + held, clock.deadline + held, clock.hints_used)


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
