"""Pure rules of a session: the round lifecycle, who may answer, skips, pauses and the end.

Every function takes the current state and returns a new one; time (``now``) and chance
(``rng``) are parameters, so the rules are deterministic under test. The service keeps one
:class:`SessionState` per channel and stores every transition.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from bot.game import answered, answering, asking, closing, onscreen, tiebreak
from bot.game.answered import Answered
from bot.game.answering import Refusal
from bot.game.asking import Asking
from bot.game.closing import Attempt, Timed
from bot.game.models import Mode, PlayerRef, SessionInfo, Standing
from bot.game.onscreen import OnScreen

READING_SECONDS_PER_WORD = 0.4
WORDS_READ_FREE = 12
MAX_TIME_LIMIT_FACTOR = 2.0
QUIZ_CHANGE_LIMIT = 20


class Phase(StrEnum):
    """Where a session is in its lifecycle."""

    BETWEEN = "between"
    ASKING = "asking"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class RoundState:
    """A game's question on screen: the engine's values, and the game's votes.

    What every format's question on screen has (the item, its place, its clock and hints,
    its time limit, its stored round) is :attr:`screen`, and who answered it (guesses,
    latest answers, the race's winner) is :attr:`answered`; the rest is only a game's.
    """

    screen: OnScreen
    """The question on screen as every format keeps it (:mod:`bot.game.onscreen`)."""
    answered: Answered = field(default_factory=Answered)
    """Who answered it, as every format keeps it (:mod:`bot.game.answered`)."""
    skip_votes: frozenset[PlayerRef] = frozenset()
    contenders: frozenset[PlayerRef] | None = None
    """Only these players may answer (a tie-breaker); None lets everyone answer."""

    @property
    def position(self) -> int:
        """The question's number in the game, from 1."""
        return self.screen.position

    @property
    def asking(self) -> Asking:
        """Its clock and hints, as every format keeps them (:mod:`bot.game.asking`)."""
        return self.screen.asking

    @property
    def time_limit_seconds(self) -> float:
        """Seconds the question gives to answer."""
        return self.screen.time_limit_seconds

    @property
    def opened_at(self) -> datetime:
        """When the question opened, moved forward by every pause."""
        return self.screen.opened_at

    @property
    def deadline(self) -> datetime:
        """When the question's time runs out."""
        return self.screen.deadline

    @property
    def hints_used(self) -> int:
        """Hints given on the question."""
        return self.screen.hints_used


@dataclass(frozen=True, slots=True)
class SessionState:
    """A running session as the rules see it."""

    session: SessionInfo
    phase: Phase
    last_activity: datetime
    asked: int = 0
    round: RoundState | None = None
    totals: Mapping[PlayerRef, int] = field(default_factory=dict)
    streaks: Mapping[PlayerRef, int] = field(default_factory=dict)
    active: frozenset[PlayerRef] = frozenset()
    paused_at: datetime | None = None


_Frozen = TypeVar("_Frozen", "RoundState", "SessionState")


def _with(state: _Frozen, **changes: Any) -> _Frozen:
    """A copy of a state with some fields changed, as ``dataclasses.replace`` gives.

    Without ``replace``'s look-ups of the class's fields on every call: the states are
    copied a few times for every answer.

    Raises:
        TypeError: a change names no field of the state.
    """
    slots: tuple[str, ...] = type(state).__slots__
    copy = object.__new__(type(state))
    used = 0
    for name in slots:
        if name in changes:
            used += 1
            object.__setattr__(copy, name, changes[name])
        else:
            object.__setattr__(copy, name, getattr(state, name))
    if used != len(changes):
        raise TypeError(f"no such field: {sorted(changes.keys() - set(slots))}")
    return copy


def new_session(session: SessionInfo, now: datetime) -> SessionState:
    """The state of a session that has just started."""
    return SessionState(session=session, phase=Phase.BETWEEN, last_activity=now)


def time_limit(question: str, base_seconds: float) -> float:
    """Time allowed for a question: the base plus reading time for long questions (capped)."""
    extra_words = max(len(question.split()) - WORDS_READ_FREE, 0)
    return min(
        base_seconds + extra_words * READING_SECONDS_PER_WORD, base_seconds * MAX_TIME_LIMIT_FACTOR
    )


def open_round(
    state: SessionState,
    now: datetime,
    limit_seconds: float,
    contenders: frozenset[PlayerRef] | None = None,
    *,
    item_id: str = "",
    round_id: int | None = None,
) -> SessionState:
    """Ask the next question: ``item_id``, stored as ``round_id``, numbered from 1.

    The rules decide nothing by the item or its round; the game keeps them on screen
    (:class:`~bot.game.onscreen.OnScreen`) for whatever reads the question.

    Raises:
        ValueError: a question is already open or the session has ended.
    """
    if state.phase is not Phase.BETWEEN:
        raise ValueError(f"cannot ask a question while the session is {state.phase.value}")
    screen = onscreen.show(item_id, state.asked + 1, now, limit_seconds, round_id)
    round_state = RoundState(screen, contenders=contenders)
    return _with(state, phase=Phase.ASKING, round=round_state, asked=state.asked + 1)


def refusal(state: SessionState, player: PlayerRef, now: datetime) -> Refusal | None:
    """Why ``player`` may not answer now, or None when the answer is taken.

    The order and the time rule are every format's (:func:`bot.game.answering.refusal`).
    """
    current = state.round
    if current is None:
        return answering.refusal(
            paused=state.phase is Phase.PAUSED, asking=False, deadline=None, now=now
        )
    return answered.refusal(
        current.answered,
        player,
        race=state.session.mode is Mode.RACE,
        answers_allowed=_guess_limit(state),
        paused=state.phase is Phase.PAUSED,
        asking=state.phase is Phase.ASKING,
        deadline=current.screen.deadline,
        now=now,
        contender=current.contenders is None or player in current.contenders,
    )


def _guess_limit(state: SessionState) -> int:
    current = state.round
    if current is not None and current.contenders is not None:
        return 1
    if state.session.mode is Mode.QUIZ:
        return QUIZ_CHANGE_LIMIT
    return max(state.session.guess_limit, 1)


def count_guess(state: SessionState, player: PlayerRef, now: datetime) -> SessionState:
    """Use up one of the player's guesses (before judging, so bursts cannot exceed the limit)."""
    current = _require_round(state)
    return _with(
        state,
        round=_with(current, answered=current.answered.counted(player)),
        active=state.active if player in state.active else state.active | {player},
        last_activity=now,
    )


def note_attempt(state: SessionState, attempt: Attempt, won: bool) -> SessionState:
    """Record a judged attempt: the latest answer per player, and the race winner."""
    current = state.round
    if current is None:
        return state
    noted = current.answered.noted(attempt, won=won)
    return _with(state, round=_with(current, answered=noted))


def streak_of(state: SessionState, player: PlayerRef) -> int:
    """Correct answers the player gave in a row up to the previous question."""
    return state.streaks.get(player, 0) if state.session.streak_bonus else 0


def take_hint(state: SessionState, max_hints: int) -> SessionState:
    """Reveal one more hint.

    Raises:
        ValueError: no question is being asked or every hint was given.
    """
    current = _require_round(state)
    if state.phase is not Phase.ASKING or current.screen.hints_used >= max_hints:
        raise ValueError("no more hints for this question")
    hinted = current.screen.with_asking(asking.hinted(current.screen.asking))
    return _with(state, round=_with(current, screen=hinted))


def skip_votes_needed(state: SessionState) -> int:
    """Votes that skip a question: half the active players, rounded up, at least one."""
    return max(math.ceil(len(state.active) / 2), 1)


def may_vote_skip(state: SessionState, player: PlayerRef) -> bool:
    """Whether a vote counts: once anyone has answered, only players who answered vote.

    Otherwise one passer-by would be half of a game of one or two players.
    """
    return not state.active or player in state.active


def vote_skip(state: SessionState, player: PlayerRef) -> tuple[SessionState, bool]:
    """Add a skip vote; returns the new state and whether the question is now skipped.

    A vote that does not count (see :func:`may_vote_skip`) changes nothing.
    """
    current = _require_round(state)
    if not may_vote_skip(state, player):
        return state, False
    votes = current.skip_votes | {player}
    updated = _with(state, round=_with(current, skip_votes=votes))
    return updated, len(votes) >= skip_votes_needed(updated)


def pause(state: SessionState, now: datetime) -> SessionState:
    """Stop the clock.

    Raises:
        ValueError: the session is not running or already paused.
    """
    if state.phase in (Phase.PAUSED, Phase.ENDED):
        raise ValueError(f"cannot pause a session that is {state.phase.value}")
    return _with(state, phase=Phase.PAUSED, paused_at=now, last_activity=now)


def resume(state: SessionState, now: datetime) -> SessionState:
    """Restart the clock; an open question gets back the time it had left.

    Raises:
        ValueError: the session is not paused.
    """
    if state.phase is not Phase.PAUSED or state.paused_at is None:
        raise ValueError("the session is not paused")
    current = state.round
    if current is None:
        return _with(state, phase=Phase.BETWEEN, paused_at=None, last_activity=now)
    clock = asking.resume(current.screen.asking, state.paused_at, now)
    moved = _with(current, screen=current.screen.with_asking(clock))
    return _with(state, phase=Phase.ASKING, round=moved, paused_at=None, last_activity=now)


def timed(state: SessionState) -> Timed:
    """The open question as the clock sees it: running while asked and not paused."""
    current = state.round
    return onscreen.timed(None if current is None else current.screen, state.phase is Phase.ASKING)


def is_time_up(state: SessionState, now: datetime) -> bool:
    """Whether the open question's time has run out (never while paused)."""
    return closing.is_due(timed(state), now)


def is_quiet(state: SessionState, now: datetime, quiet_seconds: float) -> bool:
    """Whether nobody has done anything for ``quiet_seconds`` (paused sessions included)."""
    return (now - state.last_activity).total_seconds() >= quiet_seconds


def close_round(
    state: SessionState, credited: Mapping[PlayerRef, int], streaks: Mapping[PlayerRef, int]
) -> SessionState:
    """Close the open question, adding the points credited and keeping the streaks after.

    Both are what the engine's close step gives (:func:`bot.game.closing.close_question`):
    the game moves on between questions with them.
    """
    _require_round(state)
    totals = dict(state.totals)
    for player, points in credited.items():
        totals[player] = totals.get(player, 0) + points
    return _with(state, phase=Phase.BETWEEN, round=None, totals=totals, streaks=streaks)


def is_over(state: SessionState) -> bool:
    """Whether the session has asked all its questions or someone reached the target."""
    target = state.session.target_score
    if target is not None and any(points >= target for points in state.totals.values()):
        return True
    return state.asked >= state.session.question_limit


def end(state: SessionState) -> SessionState:
    """The session has ended."""
    return _with(state, phase=Phase.ENDED, round=None)


def on_screen(state: SessionState) -> OnScreen:
    """The question on screen.

    Raises:
        ValueError: no question is being asked.
    """
    return _require_round(state).screen


def _require_round(state: SessionState) -> RoundState:
    if state.round is None:
        raise ValueError("no question is being asked")
    return state.round


def leaders(standings: Collection[Standing]) -> tuple[Standing, ...]:
    """The players sharing first place, when two or more do; empty without scores.

    Who is tied is the tie-break rule of every format (:func:`bot.game.tiebreak.tied`); a
    game's contestants are the players who scored.
    """
    return tiebreak.tied((s, s.points) for s in standings if s.points > 0)
