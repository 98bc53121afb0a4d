"""Playing a night: answers, jokers, tie-breaker numbers, and who settles its near misses.

A near miss is settled over its stored answer, the engine's one way
(:func:`bot.game.moderation.settle_near_miss`, through the night's ledger); the night says
only who may settle one (:func:`ensure_may_settle`) and which is waiting
(:func:`waiting_near_miss`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.game import answered, answering, asking, tiebreak
from bot.game.answering import Refusal
from bot.game.hints import NoHintError, next_hint
from bot.game.judging import Judgement
from bot.game.models import Cursor, Mode, PlayerRef
from bot.night.errors import NightPermissionError, NightStateError
from bot.night.events import (
    AnswerRecorded,
    HintGiven,
    JokerPlayed,
    TieBreakGuessed,
)
from bot.night.models import (
    Joker,
    NightAnswer,
    NightState,
    NightStatus,
    OpenQuestion,
    Participant,
    TieBreakGuess,
)
from bot.night.rules import Transition, ensure_controller, streaks_before
from questions.models import TriviaItem

NIGHT_OVER = "This quiz night is over; thanks for playing."
PAUSED = "The night is paused; answer once the host resumes it."
QUESTION_CLOSED = "That question has closed; wait for the next one."
NO_QUESTION = "No question is open right now."
ANSWERS_PER_QUESTION = 1
"""Each participant answers a question once."""
_REFUSALS = {
    Refusal.PAUSED: PAUSED,
    Refusal.NO_QUESTION: NO_QUESTION,
    Refusal.TIME_UP: "Time is up for this question.",
    Refusal.ALREADY_WON: "{winner} already answered this one.",
    Refusal.GUESS_LIMIT: "You already answered this question.",
}
"""What a participant is told when the engine's rules refuse an answer."""
_TIE_BREAK_REFUSALS = {
    tiebreak.GuessRefusal.NOT_TIED: "Only the tied contestants answer the tie-breaker.",
    tiebreak.GuessRefusal.NOT_A_NUMBER: "The tie-breaker needs a number.",
    tiebreak.GuessRefusal.ALREADY_GUESSED: "Your side already gave its number.",
}
"""What a participant is told when the engine's tie-break rule refuses a number."""


def check_question(state: NightState, cursor: Cursor) -> OpenQuestion:
    """The question at ``cursor``, checked to take answers now.

    Raises:
        NightStateError: The night is over, paused on that question, or the question has
            closed (revealed, skipped or moved on); each says which.
    """
    if state.status is NightStatus.FINISHED:
        raise NightStateError(NIGHT_OVER)
    question = state.question
    if question is None or question.cursor != cursor or question.screen.revealed:
        raise NightStateError(QUESTION_CLOSED)
    if state.status is NightStatus.PAUSED:
        raise NightStateError(PAUSED)
    return question


def record_answer(
    state: NightState, player: PlayerRef, text: str, judgement: Judgement, now: datetime
) -> Transition:
    """Keep a participant's judged answer to the question on screen.

    Each participant answers a question once. In a race the first right answer takes the
    question and later answers are refused; in a quiz everyone answers.

    Raises:
        NightPermissionError: The member has not signed up.
        NightStateError: The night is over or paused, no question is open, time is up, the
            member already answered, or the race question was already won.
    """
    _ensure_participant(state, player)
    if state.status is NightStatus.FINISHED:
        raise NightStateError(NIGHT_OVER)
    question = state.question
    screen = None if question is None else question.screen
    on_screen = screen is not None and not screen.revealed
    who_answered = answered.Answered() if question is None else question.answered
    refused = answered.refusal(
        who_answered,
        player,
        race=state.night.mode is Mode.RACE,
        answers_allowed=ANSWERS_PER_QUESTION,
        paused=state.status is NightStatus.PAUSED and on_screen,
        asking=state.status is NightStatus.RUNNING and on_screen,
        deadline=None if screen is None else screen.deadline,
        now=now,
        last_instant=True,
    )
    if refused is not None:
        winner = who_answered.winner
        who = "Someone" if winner is None else winner.name
        raise NightStateError(_REFUSALS.get(refused, NO_QUESTION).format(winner=who))
    if question is None or screen is None:  # pragma: no cover - refused above: none open
        raise NightStateError(NO_QUESTION)
    night = state.night
    scored = answering.score(
        judgement,
        asking.elapsed_seconds(screen.asking, now),
        screen.time_limit_seconds,
        screen.hints_used if night.hints else 0,
        streak_before(state, player, question.cursor) if night.streaks else 0,
    )
    answer = NightAnswer(
        cursor=question.cursor,
        item_id=screen.item_id,
        player=player,
        text=text,
        correct=scored.accepted,
        near_miss=scored.near_miss,
        similarity=scored.similarity,
        elapsed_ms=scored.elapsed_ms,
        points=scored.points,
        submitted_at=now,
        round_id=screen.round_id,
    )
    event = AnswerRecorded(question.cursor, player, answer.correct, answer.near_miss, answer.points)
    # The first right answer wins the race (later ones are refused above).
    taken = question.with_answered(who_answered.given(answer.attempt, won=answer.correct))
    return replace(state, answers=(*state.answers, answer), question=taken), (event,)


def streak_before(state: NightState, player: PlayerRef, cursor: Cursor) -> int:
    """Right answers the player gave in a row before the question at ``cursor``.

    Each earlier question updated the run as it closed (:func:`rules.streaks_before`, the
    engine's closing replayed from the answers, as in games).
    """
    return streaks_before(state, cursor, (player,)).get(player, 0)


def give_hint(state: NightState, by: PlayerRef, item: TriviaItem | None) -> Transition:
    """Show a little more of the answer of the question on screen (the games' hints).

    Every hint lowers the points of the answers given after it, as in games.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night has no hints, no question is running, the question
            has none (numbers, multiple choice, true or false) or no more.
    """
    ensure_controller(state, by)
    if not state.night.hints:
        raise NightStateError("This night is played without hints.")
    question = state.question
    if state.status is not NightStatus.RUNNING or question is None or question.screen.revealed:
        raise NightStateError("No question is running.")
    screen = question.screen
    try:
        step = next_hint(item, screen.hints_used)
    except NoHintError as exc:
        raise NightStateError(str(exc)) from exc
    hinted = replace(
        state, question=question.with_screen(screen.with_asking(asking.hinted(screen.asking)))
    )
    return hinted, (HintGiven(question.cursor, step.level, step.mask),)


def play_joker(state: NightState, player: PlayerRef, round_index: int) -> Transition:
    """Double the points of the member's team (or the member alone) in a round to come.

    Raises:
        NightPermissionError: The member has not signed up.
        NightStateError: Jokers are off, the round has started or does not exist, or the
            contestant already played its joker.
    """
    participant = _ensure_participant(state, player)
    if not state.night.joker_enabled:
        raise NightStateError("This night is played without jokers.")
    first_open = _first_unstarted_round(state)
    if not first_open <= round_index < len(state.night.rounds):
        raise NightStateError("The joker goes on a round that has not started yet.")
    contestant = state.contestant_of(participant)
    if any(j.contestant == contestant for j in state.jokers):
        raise NightStateError("Your joker is already played.")
    jokers = (*state.jokers, Joker(contestant, round_index))
    return replace(state, jokers=jokers), (JokerPlayed(contestant, round_index),)


def check_tie_break(state: NightState) -> None:
    """Check that the night takes tie-breaker numbers now, before the form opens.

    Raises:
        NightStateError: The night is over, or no tie-breaker is running.
    """
    if state.status is NightStatus.FINISHED:
        raise NightStateError(NIGHT_OVER)
    if state.status is not NightStatus.TIE_BREAK:
        raise NightStateError("There is no tie-breaker right now.")


def submit_tie_break(
    state: NightState, player: PlayerRef, value: float, now: datetime
) -> Transition:
    """Give the contestant's number for the tie-breaker; the first number counts.

    Who may give one, and how many, is the engine's rule (:func:`bot.game.tiebreak.refusal`)
    with the night's contestants: a team gives one number, through any of its members.

    Raises:
        NightPermissionError: The member has not signed up.
        NightStateError: No tie-breaker is running, the member's side is not tied, the
            number is not finite, or the side already gave its number.
    """
    participant = _ensure_participant(state, player)
    check_tie_break(state)
    contestant = state.contestant_of(participant)
    given = [guess.guess for guess in state.guesses]
    refused = tiebreak.refusal(state.contenders, given, contestant, value)
    if refused is not None:
        raise NightStateError(_TIE_BREAK_REFUSALS[refused])
    guess = TieBreakGuess(contestant, player, value, now)
    event = TieBreakGuessed(contestant, player, value)
    return replace(state, guesses=(*state.guesses, guess)), (event,)


def ensure_may_settle(state: NightState, by: PlayerRef, accept: bool) -> None:
    """Check that ``by`` may settle the night's near misses: any host of the night.

    The creator, a co-host or the one in control may, also after the night is over (the
    review queue's moderators settle them too; the queue checks who may).

    Raises:
        NightPermissionError: ``by`` does not host this night.
    """
    verb = "accept" if accept else "reject"
    _ensure_host(state, by, f"Only a host of the night can {verb} answers.")


def waiting_near_miss(
    state: NightState, cursor: Cursor, player: PlayerRef, *, accept: bool
) -> NightAnswer:
    """The participant's near miss to the question at ``cursor``, still waiting for review.

    Raises:
        NightStateError: There is no such near miss waiting (never one, or settled).
    """
    found = next(
        (
            a
            for a in state.answers
            if a.cursor == cursor and a.player == player and a.near_miss and not a.rejected
        ),
        None,
    )
    if found is None:
        verb = "accept" if accept else "reject"
        raise NightStateError(f"There is no near miss to {verb} there.")
    return found


def _ensure_host(state: NightState, by: PlayerRef, refusal: str) -> None:
    if by not in (state.night.host, state.controller, *state.cohosts):
        raise NightPermissionError(refusal)


def _ensure_participant(state: NightState, player: PlayerRef) -> Participant:
    participant = state.participant(player)
    if participant is None:
        raise NightPermissionError("Sign up for the night first.")
    return participant


def _first_unstarted_round(state: NightState) -> int:
    if state.status in (NightStatus.SCHEDULED, NightStatus.SIGNING_UP):
        return 0
    if state.status is NightStatus.BETWEEN_ROUNDS:
        return state.rounds_done
    if state.question is not None:
        return state.question.cursor.round + 1
    return len(state.night.rounds)
