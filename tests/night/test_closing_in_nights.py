"""A night closes its questions as a game does: the engine's closing, store path and clock."""

from __future__ import annotations

import random
from datetime import timedelta

from bot.game import closing
from bot.game import rules as game_rules
from bot.game.closing import Attempt, Closing, Crediting
from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    PlayerRef,
    SessionConfig,
    SessionId,
    SessionInfo,
    SessionStatus,
)
from bot.night import play, rules
from bot.night.events import QuestionRevealed
from bot.night.ledger import NightLedger
from bot.night.service import Control
from bot.storage.memory import InMemoryRepository
from tests.fakes import game_service, shipped_judge, text_item
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    GUILD,
    HOST,
    PAVEL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    answer_all,
    right_answer,
    started_night,
)


class SettlingStore(InMemoryRepository):
    """The in-memory store, noting every round it settles and what it credited."""

    def __init__(self) -> None:
        super().__init__()
        self.settled: list[tuple[int, bool, dict[PlayerRef, int]]] = []

    async def settle_round(self, round_id, closed_at, credit_latest):
        credits = await super().settle_round(round_id, closed_at, credit_latest)
        self.settled.append((round_id, credit_latest, {c.player: c.points for c in credits}))
        return credits


async def test_the_reveal_names_the_right_answers_of_the_engines_close_step(world):
    store = SettlingStore()
    nights = world.service(store)
    night = await started_night(world, nights)
    question = night.question
    world.clock.advance(3)
    right = right_answer(nights, question.item_id)
    await nights.answer(night.night.id, GUILD, question.cursor, VALENTINA, right)
    await nights.answer(night.night.id, GUILD, question.cursor, ALEXEI, "no idea")
    revealed = await nights.control(night.night.id, GUILD, Control.REVEAL, HOST, False)
    (event,) = [e for e in revealed.events if isinstance(e, QuestionRevealed)]
    (points,) = [a.points for a in revealed.state.answers if a.player == VALENTINA]
    assert event.correct == (VALENTINA,)
    # Settled once, as it was revealed: what the store credited is what closing meant.
    assert store.settled == [(question.round_id, True, {VALENTINA: points})]


async def test_the_ledger_closes_through_the_engines_step_with_the_stores_credits(solo_night):
    store = InMemoryRepository()
    ledger = NightLedger(store)
    before = solo_night
    state = await ledger.follow(before, before, START)  # the question on screen is stored
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: WRONG, PAVEL: CLOSE})
    state = await ledger.follow(solo_night, state, START)
    cursor = state.question.cursor
    revealed, _ = rules.reveal(state, HOST)
    followed = await ledger.followed(state, revealed, START + timedelta(seconds=5))
    closed = followed.closed[cursor]
    points = {a.player: a.points for a in state.answers}
    assert closed.right == (VALENTINA,)
    assert closed.credited == {VALENTINA: points[VALENTINA]}
    assert (closed.answers, closed.fastest, closed.skipped) == (3, VALENTINA, False)
    assert closed.streaks == {VALENTINA: 1, ALEXEI: 0, PAVEL: 0}
    # The question revealed is settled: moving past it closes nothing again.
    moved, _ = rules.next_question(revealed, HOST, START + timedelta(seconds=6))
    assert (await ledger.followed(revealed, moved, START)).closed == {}


async def test_a_skipped_question_closes_crediting_nobody(solo_night):
    store = InMemoryRepository()
    ledger = NightLedger(store)
    state = await ledger.follow(solo_night, solo_night, START)
    answered = answer_all(state, {VALENTINA: RIGHT})
    state = await ledger.follow(state, answered, START)
    cursor = state.question.cursor
    assert rules.closing_of(state, cursor).credits_latest
    skipped, _ = rules.skip(state, HOST, START + timedelta(seconds=5))
    how = rules.closing_of(skipped, cursor)
    assert how == Closing(Crediting.ON_CLOSE, skipped=True)
    closed = (await ledger.followed(state, skipped, START)).closed[cursor]
    assert closed.credited == {}
    assert closed.skipped


def test_a_nights_streak_is_what_its_earlier_questions_credited_as_they_closed(solo_night):
    state = solo_night
    for judged in (RIGHT, RIGHT, WRONG):
        state = answer_all(state, {VALENTINA: judged})
        cursor = state.question.cursor
        state, _ = rules.next_question(state, HOST, state.question.opened_at)
        if state.question is None:
            state, _ = rules.next_question(state, HOST, START)
    credited = [
        closing.close(Closing(Crediting.ON_CLOSE), [a.attempt]).credited for a in state.answers
    ]
    expected = closing.streaks_after({}, [VALENTINA], credited[0])
    expected = closing.streaks_after(expected, [VALENTINA], credited[1])
    assert play.streak_before(state, VALENTINA, state.answers[2].cursor) == expected[VALENTINA] == 2
    assert play.streak_before(state, VALENTINA, state.question.cursor) == 0
    assert cursor == state.answers[2].cursor


async def test_a_night_and_a_game_close_their_questions_through_one_store_path(world):
    store = SettlingStore()
    nights = world.service(store)
    night = await started_night(world, nights)
    question = night.question
    world.clock.advance(3)
    await nights.answer(
        night.night.id, GUILD, question.cursor, VALENTINA, right_answer(nights, question.item_id)
    )
    await nights.answer(night.night.id, GUILD, question.cursor, ALEXEI, "no idea")
    revealed = await nights.control(night.night.id, GUILD, Control.REVEAL, HOST, False)
    (points,) = [a.points for a in revealed.state.answers if a.player == VALENTINA]

    games = game_service(store, [text_item()], world.clock, random.Random(0), judge=shipped_judge())
    await games.start(GUILD, ChannelId(99), SessionConfig(Mode.QUIZ))
    asked = await games.ask(ChannelId(99))
    world.clock.advance(3)
    await games.answer(ChannelId(99), VALENTINA, asked.item.answers[0])
    await games.answer(ChannelId(99), ALEXEI, "no idea")
    reveal = await games.close(ChannelId(99))

    assert store.settled == [
        (question.round_id, True, {VALENTINA: points}),
        (asked.round.id, True, dict(reveal.credited)),
    ]
    assert reveal.credited == {VALENTINA: points}


def _game_state(limit: float) -> game_rules.SessionState:
    session = SessionInfo(
        SessionId(1), GuildId(1), ChannelId(1), Mode.QUIZ, SessionStatus.RUNNING, START, 10
    )
    return game_rules.open_round(game_rules.new_session(session, START), START, limit)


def test_a_game_and_a_night_find_their_questions_due_by_one_rule(solo_night):
    night = solo_night
    limit = (night.question.deadline - night.question.opened_at).total_seconds()
    game = _game_state(limit)
    both = [("game", game_rules.timed(game)), ("night", rules.timed(night))]
    deadline = START + timedelta(seconds=limit)
    assert closing.due(both, deadline - timedelta(seconds=1)) == ()
    # A night's deadline's own instant still takes answers; a game's is up.
    assert closing.due(both, deadline) == ("game",)
    assert closing.due(both, deadline + timedelta(milliseconds=1)) == ("game", "night")
    paused, _ = rules.pause(night, HOST, START)
    assert closing.due([("night", rules.timed(paused))], deadline + timedelta(hours=1)) == ()
    revealed, _ = rules.reveal(night, HOST)
    assert not rules.is_time_up(revealed, deadline + timedelta(hours=1))
    assert game_rules.is_time_up(game, deadline)


def test_an_attempt_is_a_nights_answer_timed_in_seconds(solo_night):
    state = answer_all(solo_night, {VALENTINA: RIGHT})
    (answer,) = state.answers
    assert answer.attempt == Attempt(VALENTINA, True, answer.elapsed_ms / 1000, answer.points)
