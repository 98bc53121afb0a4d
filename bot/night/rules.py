"""The host's controls as pure transitions: start, next, reveal, skip, pause, resume, end.

Each function takes the night's state, checks who acts and whether the action fits, and
returns the new state with the events to announce. Time (``now``) and chance (``rng``) are
parameters. The status machine::

    scheduled → signing_up → running ⇄ paused
                               ↓ ↑
                         between_rounds → tie_break → finished

``end`` finishes the night from any status; after the last round the night goes to the
tie-breaker when contestants are tied for a podium place, else straight to finished.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import groupby

from bot.game import asking, closing, onscreen
from bot.game import rules as game_rules
from bot.game.closing import Closing, Crediting, Timed
from bot.game.models import Cursor, PlayerRef
from bot.night.errors import NightPermissionError, NightPlanError, NightStateError
from bot.night.events import (
    NightEvent,
    NightFinished,
    NightPaused,
    NightResumed,
    QuestionOpened,
    QuestionRevealed,
    QuestionSkipped,
    RoundEnded,
    TieBreakStarted,
)
from bot.night.models import (
    NightState,
    NightStatus,
    OpenQuestion,
    QuizNight,
    position,
    with_answers,
)
from bot.night.standings import final_standings, standings, tied_for_podium

Transition = tuple[NightState, tuple[NightEvent, ...]]
"""The state after an action and what to announce."""

MAX_ROUNDS = 20
MAX_QUESTIONS_PER_ROUND = 50
MAX_TITLE = 100
"""As long as a Discord scheduled event's name may be."""
MAX_TIE_BREAK_QUESTION = 300


def create_night(night: QuizNight) -> NightState:
    """A scheduled night, its creator in control.

    Raises:
        NightPlanError: The title or tie-breaker is blank or too long, the start time is
            naive, the time limit is not positive, or a round is empty or too long.
    """
    if not night.title.strip():
        raise NightPlanError("A quiz night needs a title.")
    if len(night.title) > MAX_TITLE:
        raise NightPlanError(f"A quiz night's title has at most {MAX_TITLE} characters.")
    if night.starts_at.tzinfo is None:
        raise NightPlanError("The start time needs a time zone.")
    if not 1 <= len(night.rounds) <= MAX_ROUNDS:
        raise NightPlanError(f"A quiz night has 1 to {MAX_ROUNDS} rounds.")
    for number, plan in enumerate(night.rounds, start=1):
        if not plan.category.strip():
            raise NightPlanError(f"Round {number} needs a category.")
        if not 1 <= plan.questions <= MAX_QUESTIONS_PER_ROUND:
            raise NightPlanError(f"Round {number} has 1 to {MAX_QUESTIONS_PER_ROUND} questions.")
    if night.time_limit_seconds <= 0:
        raise NightPlanError("The time per question must be positive.")
    tie_breaker = night.tie_breaker
    if not tie_breaker.question.strip() or not math.isfinite(tie_breaker.answer):
        raise NightPlanError("The tie-breaker needs a question and a numeric answer.")
    if len(tie_breaker.question) > MAX_TIE_BREAK_QUESTION:
        raise NightPlanError(
            f"The tie-breaker question has at most {MAX_TIE_BREAK_QUESTION} characters."
        )
    return NightState(night=night, status=NightStatus.SCHEDULED, controller=night.host)


def ensure_controller(state: NightState, by: PlayerRef) -> None:
    """Check that ``by`` is the host in control.

    Raises:
        NightPermissionError: Someone else is hosting.
    """
    if by != state.controller:
        raise NightPermissionError(
            f"Only the host in control ({state.controller.name}) can do that."
        )


def start(
    state: NightState,
    by: PlayerRef,
    now: datetime,
    pool: Mapping[str, Sequence[str]],
    rng: random.Random,
    questions: Mapping[str, str] | None = None,
) -> Transition:
    """Draw every round's questions and open the first one.

    Args:
        state: A night taking sign-ups.
        by: The host in control.
        now: The current time.
        pool: Item ids available per category; no item is asked twice in a night.
        rng: Draws the questions.
        questions: The text of each item, when the night gives reading time: a long
            question gets the games' extra time (:func:`bot.game.rules.time_limit`).

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: Sign-ups are not open, nobody signed up, or a category has too
            few questions.
    """
    ensure_controller(state, by)
    if state.status is not NightStatus.SIGNING_UP:
        raise NightStateError("Open sign-ups before starting the night.")
    if not state.participants:
        raise NightStateError("Nobody has signed up yet.")
    used: set[str] = set()
    drawn: list[tuple[str, ...]] = []
    for plan in state.night.rounds:
        available = [item for item in pool.get(plan.category, ()) if item not in used]
        if len(available) < plan.questions:
            raise NightStateError(
                f"Category {plan.category!r} has {len(available)} questions left; "
                f"the round needs {plan.questions}."
            )
        picked = tuple(rng.sample(available, plan.questions))
        used.update(picked)
        drawn.append(picked)
    started = replace(state, questions=tuple(drawn))
    if state.night.reading_time and questions is not None:
        base = state.night.time_limit_seconds
        limits = tuple(
            tuple(game_rules.time_limit(questions.get(item, ""), base) for item in picked)
            for picked in drawn
        )
        started = replace(started, time_limits=limits)
    return _open(started, Cursor(0, 0), now)


def time_limit(state: NightState, cursor: Cursor) -> float:
    """Seconds to answer the question at ``cursor``."""
    return state.time_limit(cursor)


def reveal(state: NightState, by: PlayerRef) -> Transition:
    """Close the question on screen and show its answer.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: No question is running or it is already revealed.
    """
    ensure_controller(state, by)
    question = _running_question(state)
    if question.screen.revealed:
        raise NightStateError("The answer is already revealed.")
    return _reveal(state, question)


def next_question(state: NightState, by: PlayerRef, now: datetime) -> Transition:
    """Move on: reveal the question if needed, then open the next one or end the round.

    Between rounds this opens the next round; in the tie-breaker it settles the ties and
    finishes the night.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night is not running, between rounds or in the tie-breaker.
    """
    ensure_controller(state, by)
    if state.status is NightStatus.BETWEEN_ROUNDS:
        return _open(state, Cursor(state.rounds_done, 0), now)
    if state.status is NightStatus.TIE_BREAK:
        return _finish(state, now)
    question = _running_question(state)
    events: tuple[NightEvent, ...] = ()
    if not question.screen.revealed:
        state, events = _reveal(state, question)
    state, more = _advance(state, question.cursor, now)
    return state, events + more


def skip(state: NightState, by: PlayerRef, now: datetime) -> Transition:
    """Drop the question on screen (its answers score nothing) and move on.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: No question is running.
    """
    ensure_controller(state, by)
    question = _running_question(state)
    kept = tuple(a for a in state.answers if a.cursor != question.cursor)
    skipped = replace(with_answers(state, kept), skipped=(*state.skipped, question.cursor))
    state, events = _advance(skipped, question.cursor, now)
    dropped = QuestionSkipped(question.cursor, question.screen.item_id, question.screen.message_id)
    return state, (dropped, *events)


def pause(state: NightState, by: PlayerRef, now: datetime) -> Transition:
    """Put the running night on hold; the question's clock stops.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night is not running.
    """
    ensure_controller(state, by)
    if state.status is not NightStatus.RUNNING:
        raise NightStateError("Only a running night can be paused.")
    return replace(state, status=NightStatus.PAUSED, paused_at=now), (NightPaused(now),)


def resume(state: NightState, by: PlayerRef, now: datetime) -> Transition:
    """Go on after a pause; the question keeps the time it had left.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night is not paused.
    """
    ensure_controller(state, by)
    question = state.question
    if state.status is not NightStatus.PAUSED or state.paused_at is None or question is None:
        raise NightStateError("The night is not paused.")
    screen = question.screen
    moved = screen.with_asking(asking.resume(screen.asking, state.paused_at, now))
    # The resume is a moment the question is known to run: a crash after it pauses there.
    question = replace(question, screen=moved, checked_at=now)
    resumed = replace(state, status=NightStatus.RUNNING, paused_at=None, question=question)
    return resumed, (NightResumed(now, moved.deadline),)


def timed(state: NightState) -> Timed:
    """The question on screen as the clock sees it: running until paused or revealed.

    The deadline's own instant still takes answers (``last_instant``), as nights have it.
    """
    question = state.question
    screen = None if question is None else question.screen
    return onscreen.timed(screen, state.status is NightStatus.RUNNING, last_instant=True)


def is_time_up(state: NightState, now: datetime) -> bool:
    """Whether the question on screen ran out of time (never while paused or revealed)."""
    return closing.is_due(timed(state), now)


def closing_of(state: NightState, cursor: Cursor) -> Closing:
    """How the question at ``cursor`` closes: each right answer credited as it closes.

    A night's race is decided as its answers are given (later ones are refused), so its
    right answers are credited on the close too; a skipped question credits nobody.
    """
    return Closing(Crediting.ON_CLOSE, skipped=cursor in state.skipped)


def streaks_before(
    state: NightState, cursor: Cursor, players: Collection[PlayerRef] | None = None
) -> dict[PlayerRef, int]:
    """The players' runs of right answers before the question at ``cursor``.

    Each earlier question closed as the engine closes one
    (:func:`bot.game.closing.streaks_through`), replayed from the night's answers, which
    its session stores: an answer it credited adds one, any other answer starts again
    from 0, a question a player left alone changes nothing. ``players`` limits it to some.
    """
    earlier = sorted(
        (
            a
            for a in state.answers
            if a.cursor < cursor and (players is None or a.player in players)
        ),
        key=lambda a: a.cursor,
    )
    questions = [
        (closing_of(state, at), [a.attempt for a in answers])
        for at, answers in groupby(earlier, key=lambda a: a.cursor)
    ]
    return closing.streaks_through(questions)


def end(state: NightState, by: PlayerRef, now: datetime) -> Transition:
    """Finish the night now; points so far stand and unsettled ties stay ties.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night is already over.
    """
    ensure_controller(state, by)
    if state.status is NightStatus.FINISHED:
        raise NightStateError("The night is already over.")
    return _finish(state, now)


def _running_question(state: NightState) -> OpenQuestion:
    if state.status is not NightStatus.RUNNING or state.question is None:
        raise NightStateError("No question is running.")
    return state.question


def _open(state: NightState, cursor: Cursor, now: datetime) -> Transition:
    item_id = state.questions[cursor.round][cursor.question]
    place = position(state.night, cursor)
    screen = onscreen.show(item_id, place, now, time_limit(state, cursor))
    opened = replace(state, status=NightStatus.RUNNING, question=OpenQuestion(cursor, screen))
    category = state.night.rounds[cursor.round].category
    return opened, (QuestionOpened(cursor, item_id, category, screen.deadline),)


def _reveal(state: NightState, question: OpenQuestion) -> Transition:
    # Who was right is what closing the question meant, which the night's ledger tells once
    # the question is settled (bot.game.closing.close_question), as a game's reveal.
    screen = question.screen
    revealed = replace(state, question=question.with_screen(screen.revealing()))
    event = QuestionRevealed(question.cursor, screen.item_id, message_id=screen.message_id)
    return revealed, (event,)


def _advance(state: NightState, cursor: Cursor, now: datetime) -> Transition:
    if cursor.question + 1 < state.night.rounds[cursor.round].questions:
        return _open(state, Cursor(cursor.round, cursor.question + 1), now)
    done = cursor.round + 1
    between = replace(state, status=NightStatus.BETWEEN_ROUNDS, question=None, rounds_done=done)
    ended = RoundEnded(cursor.round, standings(between, through_round=done))
    if done < len(state.night.rounds):
        return between, (ended,)
    tied = tied_for_podium(standings(between))
    contenders = tied if state.night.tie_break_enabled else ()
    if not contenders:
        finished, events = _finish(between, now)
        return finished, (ended, *events)
    tie_break = replace(between, status=NightStatus.TIE_BREAK, contenders=contenders)
    return tie_break, (ended, TieBreakStarted(state.night.tie_breaker.question, contenders))


def _finish(state: NightState, now: datetime) -> Transition:
    question = state.question
    closed = question if question is not None and not question.screen.revealed else None
    finished = replace(
        state, status=NightStatus.FINISHED, question=None, paused_at=None, finished_at=now
    )
    return finished, (NightFinished(now, final_standings(finished), closed),)
