"""Stopping and restarting the bot in the middle of a night without losing a question.

A night is saved after every action, but a question's clock runs between actions: a
question open when the bot stops would be "time is up" by the time it is back. So the bot
stops the clock instead. At a clean shutdown :func:`suspend` pauses the night at that
moment, so the question keeps exactly the time it had left. After a crash the moment of
the stop is unknown; :func:`recover` pauses the night at the latest moment it is known to
have been running (the clock's last check, the last answer, the resume or the opening),
so the question keeps the time it had left then and the answers after the resume are
timed from the question's real start, not from a fresh one. Either way the host
continues with *resume*.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.night.models import NightState, NightStatus
from bot.night.rules import is_time_up


def needs_clock_stopped(state: NightState) -> bool:
    """Whether the night runs a question whose time would run out while the bot is away."""
    question = state.question
    return state.status is NightStatus.RUNNING and question is not None and not question.revealed


def check_due(state: NightState, now: datetime, every: timedelta) -> bool:
    """Whether it is time to note that the question on screen is still running."""
    question = state.question
    if question is None or not needs_clock_stopped(state) or is_time_up(state, now):
        return False
    return now - (question.checked_at or question.opened_at) >= every


def mark_running(state: NightState, now: datetime) -> NightState:
    """Note that the question is running now (a crash after this pauses the night here)."""
    question = state.question
    if question is None or not needs_clock_stopped(state):
        return state
    return replace(state, question=replace(question, checked_at=now))


def suspend(state: NightState, at: datetime) -> NightState:
    """Pause a night running a question at shutdown; other nights are returned as they are."""
    if not needs_clock_stopped(state):
        return state
    return replace(state, status=NightStatus.PAUSED, paused_at=at)


def recover(state: NightState) -> NightState:
    """Pause a night the bot left running a question (a crash) where it was last seen running.

    Nights already paused (by the host or by :func:`suspend`) keep their pause time.
    """
    question = state.question
    if question is None or not needs_clock_stopped(state):
        return state
    return replace(state, status=NightStatus.PAUSED, paused_at=last_seen_running(state))


def last_seen_running(state: NightState) -> datetime | None:
    """The latest moment the question on screen is known to have been running, or None.

    That is the clock's last check, the latest answer to the question or its opening,
    never past its deadline.
    """
    question = state.question
    if question is None:
        return None
    moments = [question.opened_at]
    if question.checked_at is not None:
        moments.append(question.checked_at)
    moments += [a.submitted_at for a in state.answers if a.cursor == question.cursor]
    return min(max(moments), question.deadline)
