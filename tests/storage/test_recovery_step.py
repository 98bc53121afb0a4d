"""The one recovery step with both formats' policies, on every backend.

A stop leaves a game and a quiz night of one guild running, each with a question open;
the engine's step settles what each format closes and hands each session to its policy.
"""

from __future__ import annotations

import random

from bot.game import closing, recovery
from bot.game.closing import Closing, Crediting
from bot.game.models import (
    ChannelId,
    Mode,
    PlayerRef,
    RoundId,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionStatus,
)
from bot.game.outcomes import FinalResult
from bot.game.service import GameService
from bot.night import rules
from bot.night.models import NightState, NightStatus
from bot.night.service import Control, NightService
from tests.fakes import shipped_judge, text_item
from tests.night.conftest import GUILD, HOST, VALENTINA, World, right_answer, started_night

GAME_CHANNEL = ChannelId(1)
ANNA = PlayerRef("discord", "11", "Anna")


def _world(repo, items) -> World:
    world = World(items)
    world.store = repo
    return world


def _games(world: World) -> GameService:
    return GameService(
        [text_item()],
        world.clock,
        random.Random(0),
        sessions=world.store,
        rounds=world.store,
        settings=world.store,
        review=world.store,
        unfinished=world.store,
        judge=shipped_judge(),
    )


async def _night_answered(world: World) -> tuple[NightService, NightState]:
    """A night of the guild with a question on screen, answered right by Valentina."""
    nights = world.service()
    state = await started_night(world, nights)
    question = state.question
    assert question is not None
    right = right_answer(nights, question.item_id)
    await nights.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    return nights, await nights.get(state.night.id, GUILD)


async def _game_answered(world: World) -> tuple[GameService, RoundId, SessionId]:
    """A quiz game of the same guild with its question answered right by Anna."""
    games = _games(world)
    session = await games.start(GUILD, GAME_CHANNEL, SessionConfig(Mode.QUIZ))
    asked = await games.ask(GAME_CHANNEL)
    await games.answer(GAME_CHANNEL, ANNA, asked.item.answers[0])
    return games, asked.round.id, session.id


async def _points(world: World, session_id: int) -> dict[str, int]:
    return {s.name: s.points for s in await world.store.session_standings(SessionId(session_id))}


async def test_one_step_ends_the_game_and_pauses_the_night_of_one_guild(repo, items):
    world = _world(repo, items)
    _, night = await _night_answered(world)
    _, _, game_session = await _game_answered(world)
    assert night.session_id is not None
    world.clock.advance(60)

    # The bot comes back: one step, each format's policy passed in.
    games, nights = _games(world), world.service()
    night_policy = await nights.left_running()
    policies: dict[SessionFormat, recovery.RecoveryPolicy[FinalResult | NightState]] = {
        SessionFormat.GAME: games.left_running(),
        SessionFormat.NIGHT: night_policy,
    }
    paused, ended = await recovery.recover(repo, policies, world.clock)

    # The night's session came first; it is paused where it was, its question still open.
    assert isinstance(paused, NightState)
    assert paused.status is NightStatus.PAUSED
    assert paused.question is not None
    assert not paused.question.revealed
    (left,) = await repo.unfinished_sessions({SessionFormat.NIGHT, SessionFormat.GAME})
    assert left.session.id == night.session_id
    assert [r.position for r in left.open_rounds] == [0]
    assert (await _points(world, night.session_id))["Валентина"] == 0
    assert await night_policy.take_up_the_rest() == (paused,)
    # The game ended, abandoned, its open question credited as its time running out would.
    assert isinstance(ended, FinalResult)
    assert ended.status is SessionStatus.ABANDONED
    assert ended.session.id == game_session
    assert [(s.name, s.points > 0) for s in ended.standings] == [("Anna", True)]
    assert ended.last_question is not None

    # The night goes on: resumed and revealed, its question credits as it would have.
    await nights.control(paused.night.id, GUILD, Control.RESUME, HOST, False)
    await nights.control(paused.night.id, GUILD, Control.REVEAL, HOST, False)
    assert (await _points(world, night.session_id))["Валентина"] > 0
    assert await repo.unfinished_sessions({SessionFormat.NIGHT, SessionFormat.GAME}) != []


async def test_each_format_recovers_only_its_own_sessions_of_the_guild(repo, items):
    world = _world(repo, items)
    _, night = await _night_answered(world)
    await _game_answered(world)
    (ended,) = await _games(world).recover()
    assert ended.status is SessionStatus.ABANDONED
    (left,) = await repo.unfinished_sessions({SessionFormat.NIGHT, SessionFormat.GAME})
    assert left.session.id == night.session_id
    (paused,) = await world.service().recover()
    assert paused.status is NightStatus.PAUSED
    assert await _games(world).recover() == []


async def test_a_game_crashed_during_its_reveal_keeps_its_points_once(repo, items):
    world = _world(repo, items)
    _, round_id, session_id = await _game_answered(world)
    # The reveal stored the round closed and credited, then the bot stopped.
    await closing.settle(repo, round_id, Closing(Crediting.ON_CLOSE), world.clock())
    credited = await _points(world, session_id)
    assert credited["Anna"] > 0

    (ended,) = await _games(world).recover()
    assert {s.name: s.points for s in ended.standings} == credited
    assert await _points(world, session_id) == credited


async def test_a_night_crashed_after_saving_its_reveal_has_its_question_settled(repo, items):
    world = _world(repo, items)
    _, state = await _night_answered(world)
    assert state.session_id is not None
    revealed, _ = rules.reveal(state, state.controller)
    # The reveal was saved with the night; the stop came before its round was settled.
    await world.nights.save(revealed, state)
    assert (await _points(world, state.session_id))["Валентина"] == 0

    (taken,) = await world.service().recover()

    assert taken.question is not None
    assert taken.question.revealed
    assert taken.status is not NightStatus.PAUSED
    (left,) = await repo.unfinished_sessions({SessionFormat.NIGHT})
    assert left.open_rounds == ()
    assert (await _points(world, state.session_id))["Валентина"] > 0


async def test_a_night_crashed_after_settling_its_reveal_pauses_and_credits_once(repo, items):
    world = _world(repo, items)
    _, state = await _night_answered(world)
    question = state.question
    assert question is not None
    assert question.round_id is not None
    assert state.session_id is not None
    # The reveal settled the round, then the bot stopped before the night was saved.
    how = rules.closing_of(state, question.cursor)
    await closing.settle(repo, RoundId(question.round_id), how, world.clock())
    credited = await _points(world, state.session_id)
    assert credited["Валентина"] > 0

    later = world.service()
    (paused,) = await later.recover()
    assert paused.status is NightStatus.PAUSED
    await later.control(paused.night.id, GUILD, Control.RESUME, HOST, False)
    await later.control(paused.night.id, GUILD, Control.REVEAL, HOST, False)
    assert await _points(world, state.session_id) == credited


async def test_sessions_left_running_list_every_open_round_of_the_formats_asked(repo, items):
    world = _world(repo, items)
    game = await repo.create_session(GUILD, GAME_CHANNEL, SessionConfig(Mode.QUIZ), world.clock())
    night_config = SessionConfig(Mode.QUIZ, format=SessionFormat.NIGHT)
    night = await repo.create_session(GUILD, ChannelId(8), night_config, world.clock())
    rounds = [await repo.open_round(night.id, p, f"q-{p}", world.clock(), 30.0) for p in range(3)]
    await closing.settle(repo, rounds[1].id, Closing(Crediting.ON_CLOSE), world.clock())

    assert [left.session.id for left in await repo.unfinished_sessions()] == [game.id]
    both = await repo.unfinished_sessions({SessionFormat.GAME, SessionFormat.NIGHT})
    assert [left.session.id for left in both] == [game.id, night.id]
    assert (both[0].last_round, both[0].open_rounds) == (None, ())
    last = both[1].last_round
    assert last is not None
    assert (last.round.position, last.closed) == (2, False)
    assert [r.position for r in both[1].open_rounds] == [0, 2]
