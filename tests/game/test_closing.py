"""Closing a question in every format: what it means, its one store path, when it is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.game import answered, asking, closing
from bot.game.closing import Attempt, Closing, Crediting, Timed
from bot.game.models import AnswerRecord, ChannelId, GuildId, Mode, PlayerRef, SessionConfig
from bot.storage.memory import InMemoryRepository

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")
CHEN = PlayerRef("discord", "3", "Chen")
ON_CLOSE = Closing(Crediting.ON_CLOSE)
AS_WON = Closing(Crediting.AS_WON)


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_close_counts_each_players_latest_answer_in_the_order_they_first_answered():
    answers = [
        Attempt(ANNA, True, 3.0, 8),
        Attempt(BORIS, False, 4.0, 0),
        Attempt(ANNA, False, 6.0, 0),  # Anna changed her mind: her latest counts
        Attempt(CHEN, True, 9.0, 5),
        Attempt(BORIS, True, 10.0, 4),
    ]
    closed = closing.close(ON_CLOSE, answers)
    assert list(closed.counted) == [ANNA, BORIS, CHEN]
    assert closed.counted[ANNA].accepted is False
    assert closed.right == (BORIS, CHEN)
    assert closed.fastest == CHEN
    assert closed.credited == {BORIS: 4, CHEN: 5}
    assert closed.skipped is False


def test_close_credits_only_right_answers_that_earn_points():
    answers = [Attempt(ANNA, True, 2.0, 0), Attempt(BORIS, False, 1.0, 7)]
    closed = closing.close(ON_CLOSE, answers)
    assert closed.right == (ANNA,)
    assert closed.credited == {}


def test_fastest_is_the_first_of_right_answers_equally_fast():
    answers = [Attempt(ANNA, True, 2.0, 8), Attempt(BORIS, True, 2.0, 8)]
    assert closing.close(ON_CLOSE, answers).fastest == ANNA
    assert closing.close(ON_CLOSE, []).fastest is None


def test_close_takes_the_points_the_store_credited_as_the_round_closed():
    # An answer stored as the question closed counts, though the format never saw it.
    answers = [Attempt(ANNA, True, 2.0, 8)]
    closed = closing.close(ON_CLOSE, answers, stored={ANNA: 8, BORIS: 6})
    assert closed.credited == {ANNA: 8, BORIS: 6}
    assert closed.right == (ANNA,)


def test_a_race_credits_its_winner_alone_with_the_points_it_won():
    answers = [Attempt(ANNA, True, 2.0, 9), Attempt(BORIS, True, 2.5, 0)]
    closed = closing.close(AS_WON, answers, winner=ANNA, stored={})
    assert closed.credited == {ANNA: 9}
    assert closed.right == (ANNA, BORIS)
    assert closing.close(AS_WON, answers).credited == {}
    assert closing.close(AS_WON, answers, winner=CHEN).credited == {}


@pytest.mark.parametrize("crediting", list(Crediting))
def test_a_skipped_question_credits_nobody(crediting):
    how = Closing(crediting, skipped=True)
    closed = closing.close(how, [Attempt(ANNA, True, 1.0, 9)], winner=ANNA, stored={ANNA: 9})
    assert closed.credited == {}
    assert closed.skipped is True
    assert how.credits_latest is False


def test_only_a_question_credited_on_its_close_has_the_store_credit_its_answers():
    assert ON_CLOSE.credits_latest is True
    assert AS_WON.credits_latest is False


def test_streaks_grow_with_points_restart_without_and_stay_for_those_who_did_not_answer():
    before = {ANNA: 2, BORIS: 3, CHEN: 1}
    after = closing.streaks_after(before, (ANNA, BORIS), {ANNA: 8})
    assert after == {ANNA: 3, BORIS: 0, CHEN: 1}
    assert before == {ANNA: 2, BORIS: 3, CHEN: 1}
    assert closing.streaks_after({}, (ANNA,), {ANNA: 5}) == {ANNA: 1}


async def _round(repo: InMemoryRepository, mode: Mode):
    session = await repo.create_session(GuildId(1), ChannelId(1), SessionConfig(mode), T0)
    return session, await repo.open_round(session.id, 1, "q-1", T0, 30.0)


def _answer(round_id, player, accepted, points):
    return AnswerRecord(round_id, player, "answer", T0, accepted, False, 90.0, 1000, points)


async def test_settle_credits_each_players_latest_right_answer_once():
    repo = InMemoryRepository()
    session, stored = await _round(repo, Mode.QUIZ)
    await repo.record_answer(_answer(stored.id, ANNA, True, 9), False, False)
    await repo.record_answer(_answer(stored.id, BORIS, True, 7), False, False)
    await repo.record_answer(_answer(stored.id, BORIS, False, 0), False, False)
    assert await closing.settle(repo, stored.id, ON_CLOSE, _at(30)) == {ANNA: 9}
    assert await closing.settle(repo, stored.id, ON_CLOSE, _at(31)) == {}
    standings = {s.name: s.points for s in await repo.session_standings(session.id)}
    assert standings == {"Anna": 9, "Boris": 0}


@pytest.mark.parametrize("how", [AS_WON, Closing(Crediting.ON_CLOSE, skipped=True)])
async def test_settle_closes_the_round_without_crediting_when_closing_credits_nothing(how):
    repo = InMemoryRepository()
    session, stored = await _round(repo, Mode.QUIZ)
    await repo.record_answer(_answer(stored.id, ANNA, True, 9), False, False)
    assert await closing.settle(repo, stored.id, how, _at(30)) == {}
    # Closed: a later settle credits nothing either.
    assert await closing.settle(repo, stored.id, ON_CLOSE, _at(31)) == {}
    assert [s.points for s in await repo.session_standings(session.id)] == [0]


async def test_close_question_settles_once_then_tells_what_closing_meant_and_left():
    repo = InMemoryRepository()
    _, stored = await _round(repo, Mode.QUIZ)
    await repo.record_answer(_answer(stored.id, ANNA, True, 9), False, False)
    await repo.record_answer(_answer(stored.id, BORIS, False, 0), False, False)
    # Chen's right answer reached the store but not the format: the store's credits count.
    await repo.record_answer(_answer(stored.id, CHEN, True, 5), False, False)
    who: answered.Answered = answered.of(
        [Attempt(ANNA, True, 4.0, 9), Attempt(BORIS, False, 2.0, 0)]
    )
    read: list[bool] = []

    def after_settle() -> answered.Answered:
        read.append(True)
        return who

    closed = await closing.close_question(
        repo,
        stored.id,
        ON_CLOSE,
        _at(30),
        answered=after_settle,
        streaks={ANNA: 2, BORIS: 4, CHEN: 1},
    )
    assert read == [True]
    assert closed.right == (ANNA,)
    assert (closed.answers, len(closed.right), closed.fastest) == (2, 1, ANNA)
    assert closed.credited == {ANNA: 9, CHEN: 5}
    # Chen answered nothing the format saw: his run stays; Boris's starts again.
    assert closed.streaks == {ANNA: 3, BORIS: 0, CHEN: 1}
    again = await closing.close_question(
        repo, stored.id, ON_CLOSE, _at(31), answered=lambda: who, streaks={}
    )
    assert again.credited == {}


async def test_close_question_runs_the_settle_as_told_and_credits_a_formats_award():
    repo = InMemoryRepository()
    _, stored = await _round(repo, Mode.RACE)
    ran: list[bool] = []

    async def run(write):
        ran.append(True)
        return await write()

    async def award(closed):
        assert closed.credited == {}
        return {BORIS: 1}

    who = answered.of([Attempt(ANNA, False, 1.0, 0), Attempt(BORIS, False, 2.0, 0)])
    closed = await closing.close_question(
        repo, stored.id, AS_WON, _at(30), answered=lambda: who, streaks={}, run=run, award=award
    )
    assert ran == [True]
    assert closed.credited == {BORIS: 1}
    assert closed.streaks == {ANNA: 0, BORIS: 1}


def test_streaks_through_replays_each_questions_close_in_turn():
    questions = [
        (ON_CLOSE, [Attempt(ANNA, True, 1.0, 5), Attempt(BORIS, True, 1.0, 5)]),
        (Closing(Crediting.ON_CLOSE, skipped=True), [Attempt(ANNA, True, 1.0, 5)]),
        (ON_CLOSE, [Attempt(BORIS, True, 1.0, 5)]),
        (ON_CLOSE, [Attempt(BORIS, False, 1.0, 0), Attempt(CHEN, True, 1.0, 5)]),
    ]
    assert closing.streaks_through(questions) == {ANNA: 0, BORIS: 0, CHEN: 1}
    assert closing.streaks_through(questions[:3]) == {ANNA: 0, BORIS: 2}
    assert closing.streaks_through([]) == {}


def test_due_names_the_questions_out_of_time_in_the_order_given():
    clock = asking.ask(T0, 30.0)
    questions = [
        ("late", Timed(asking.ask(_at(-40), 30.0), running=True)),
        ("running", Timed(clock, running=True)),
        ("paused", Timed(asking.ask(_at(-40), 30.0), running=False)),
        ("none", Timed(None, running=True)),
        ("at its deadline", Timed(asking.ask(_at(-30), 30.0), running=True)),
        ("its last instant", Timed(asking.ask(_at(-30), 30.0), running=True, last_instant=True)),
    ]
    assert closing.due(questions, T0) == ("late", "at its deadline")
    assert closing.is_due(Timed(clock, running=True), _at(30))
    assert not closing.is_due(Timed(clock, running=True, last_instant=True), _at(30))
