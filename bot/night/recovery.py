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

After a crash the engine's recovery step (:func:`bot.game.recovery.recover`) finds the
nights' sessions left running and settles their open questions; :class:`NightsLeftRunning`
is the nights' policy for it: a question the night still shows (or has not shown yet)
stays open for the host to resume, one it revealed or moved past is settled as the night
closes it (:func:`closing_left_open`), and each night is paused as above.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.game.closing import Closing
from bot.game.models import RoundInfo, SessionId, SessionInfo, UnfinishedSession
from bot.night.ledger import cursor_at
from bot.night.models import NightId, NightState, NightStatus
from bot.night.rules import closing_of, is_time_up


def needs_clock_stopped(state: NightState) -> bool:
    """Whether the night runs a question whose time would run out while the bot is away."""
    question = state.question
    return (
        state.status is NightStatus.RUNNING
        and question is not None
        and not question.screen.revealed
    )


def check_due(state: NightState, now: datetime, every: timedelta) -> bool:
    """Whether it is time to note that the question on screen is still running."""
    question = state.question
    if question is None or not needs_clock_stopped(state) or is_time_up(state, now):
        return False
    return now - (question.checked_at or question.screen.opened_at) >= every


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
    moments = [question.screen.opened_at]
    if question.checked_at is not None:
        moments.append(question.checked_at)
    moments += [a.submitted_at for a in state.answers if a.cursor == question.cursor]
    return min(max(moments), question.screen.deadline)


def closing_left_open(state: NightState, place: int) -> Closing | None:
    """How the question at ``place`` (its round left open by a stop) closes now.

    None while the night shows it still running or has not shown it yet: the night goes on
    with it. A question the night revealed, skipped or moved past closes as the night
    closes it (:func:`bot.night.rules.closing_of`).
    """
    question = state.question
    if question is not None:
        shown = question.screen.position
        if place > shown or (place == shown and not question.screen.revealed):
            return None
    cursor = cursor_at(state.night, place)
    return None if cursor is None else closing_of(state, cursor)


class NightsLeftRunning:
    """The nights' recovery policy: questions settled as each night shows them, nights paused.

    Built from the unfinished nights as their store holds them; ``take_up`` reads a night's
    answers, pauses it (:func:`recover`) and drives it again. A night without a session
    left running (not started, say) is taken up by :meth:`take_up_the_rest`.
    """

    def __init__(
        self,
        nights: Sequence[NightState],
        take_up: Callable[[NightState], Awaitable[NightState]],
    ) -> None:
        self._nights = tuple(nights)
        self._by_session = {SessionId(s.session_id): s for s in nights if s.session_id is not None}
        self._take_up = take_up
        self._taken: dict[NightId, NightState] = {}

    @property
    def sessions(self) -> frozenset[SessionId]:
        """The sessions of the nights it was built from (the ones it takes)."""
        return frozenset(self._by_session)

    def takes(self, session: SessionInfo) -> bool:
        """The sessions of the nights it was built from."""
        return session.id in self._by_session

    def closing(self, left: UnfinishedSession, open_round: RoundInfo) -> Closing | None:
        """See :func:`closing_left_open`."""
        return closing_left_open(self._by_session[left.session.id], open_round.position)

    async def take_up(self, left: UnfinishedSession) -> NightState:
        """The session's night, taken up (paused where last seen running)."""
        return await self._taken_up(self._by_session[left.session.id])

    async def take_up_the_rest(self) -> tuple[NightState, ...]:
        """Take up the nights not taken up yet; every night, in the order it was built with."""
        return tuple([await self._taken_up(night) for night in self._nights])

    async def _taken_up(self, night: NightState) -> NightState:
        taken = self._taken.get(night.night.id)
        if taken is None:
            taken = self._taken[night.night.id] = await self._take_up(night)
        return taken
