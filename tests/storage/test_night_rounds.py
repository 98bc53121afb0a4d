"""A round of the play engine's tables leads to the night that asked it, in every store;
a night's answers read back from its session are the answers the night gave; and migration
0013 records which session each night saved before uses."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.game import rules as game_rules
from bot.game.answering import near_miss_points
from bot.game.judging import Judgement
from bot.game.models import (
    AnswerRecord,
    ChannelId,
    Cursor,
    Mode,
    PlayerRef,
    SessionConfig,
    SessionId,
)
from bot.game.moderation import settle_near_miss
from bot.moderation.memory import InMemoryCurationRepository
from bot.night import play, rules
from bot.night.ledger import NightLedger
from bot.night.memory import InMemoryNightRepository
from bot.night.models import NightId, NightState, NightStatus
from bot.night.recap import build_recap
from bot.night.repository import NightRepository
from bot.night.season import night_result
from bot.night.service import Control, NightService
from bot.storage import db
from bot.storage.memory import InMemoryRepository
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.fakes import shipped_judge
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    GUILD,
    HOST,
    NADIA,
    PAVEL,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    World,
    make_night,
    right_answer,
    signed_up,
)
from tests.storage.nights_before import NIGHTS, version_4

Stores = tuple[InMemoryRepository | SqlRepository, NightRepository]


@pytest.fixture
async def stores(backend_url: str | None) -> AsyncIterator[Stores]:
    if backend_url is None:
        yield InMemoryRepository(), InMemoryNightRepository()
        return
    engine = db.create_engine(backend_url)
    await db.upgrade(engine)
    sessions = db.session_factory(engine)
    play = SqlRepository(sessions)
    try:
        yield play, SqlNightRepository(sessions)
    finally:
        await play.drain()
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_a_rounds_night_is_the_night_whose_session_holds_it(stores: Stores, items):
    play, nights = stores
    world = World(items)
    service = NightService(
        nights,
        InMemoryCurationRepository(),
        items,
        world.clock,
        random.Random(3),
        NightLedger(play),
        judge=shipped_judge(),
    )
    state = await service.create(world.plan())
    waiting = await service.create(world.plan())
    for player in (VALENTINA, ALEXEI):
        await service.join(state.night.id, GUILD, player, None)
    state = (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state
    question = state.question
    assert question is not None
    assert question.round_id is not None
    world.clock.advance(2)
    await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, "Gagarin")

    found = await nights.night_of_round(question.round_id)
    assert found is not None
    assert found == await nights.get(state.night.id)
    assert found.session_id == state.session_id
    answered = await NightLedger(play).answered(found)
    assert [a.player for a in answered.answers] == [VALENTINA]
    # Once the night moved on, the earlier question's round still leads to it.
    await service.control(state.night.id, GUILD, Control.REVEAL, HOST, False)
    moved = await service.control(state.night.id, GUILD, Control.NEXT, HOST, False)
    assert moved.state.question is None or moved.state.question.cursor != question.cursor
    later = await nights.night_of_round(question.round_id)
    assert later is not None
    assert later.night.id == state.night.id
    assert found.night.id != waiting.night.id
    # A game's round, and a round nobody stored, belong to no night.
    game = await play.create_session(GUILD, ChannelId(3), SessionConfig(Mode.RACE), START)
    other = await play.open_round(game.id, 0, items[0].id, START, 30.0)
    assert await nights.night_of_round(other.id) is None
    assert await nights.night_of_round(other.id + 1000) is None


async def _played(ledger: NightLedger) -> NightState:
    """A finished team night followed by its ledger: a joker, right and wrong answers, near
    misses accepted and rejected by a host after the night, a skipped question."""
    members = {VALENTINA: "Red Rockets", YURI: "Red Rockets"}
    members |= {ALEXEI: "Cosmonauts", PAVEL: "Cosmonauts", NADIA: "Cosmonauts"}
    state = signed_up(make_night(), members)
    now = START

    async def step(transition: rules.Transition) -> NightState:
        after, _ = transition
        return await ledger.follow(state, after, now)

    state = await step(play.play_joker(state, YURI, 0))
    state = await step(rules.start(state, HOST, now, POOL, random.Random(0)))

    async def answer(judged: dict[PlayerRef, Judgement]) -> NightState:
        nonlocal state, now
        for player, judgement in judged.items():
            now += timedelta(seconds=2)
            state = await step(play.record_answer(state, player, player.name, judgement, now))
        return state

    await answer({VALENTINA: RIGHT, YURI: CLOSE, ALEXEI: WRONG, PAVEL: CLOSE, NADIA: RIGHT})
    state = await step(rules.reveal(state, HOST))
    state = await step(rules.next_question(state, HOST, now))
    await answer({VALENTINA: RIGHT, ALEXEI: RIGHT})
    state = await step(rules.skip(state, HOST, now))
    state = await step(rules.next_question(state, HOST, now))
    await answer({ALEXEI: RIGHT, YURI: WRONG, NADIA: CLOSE})
    state = await step(rules.end(state, HOST, now))
    for player, accept in ((YURI, True), (PAVEL, False)):
        waiting = play.waiting_near_miss(state, Cursor(0, 0), player, accept=accept)
        state = await ledger.settle(state, waiting, accept, HOST, now)
    return state


async def test_a_nights_answers_read_from_its_session_are_the_answers_it_gave(stores: Stores):
    store, _ = stores
    ledger = NightLedger(store)
    state = await _played(ledger)
    assert state.status is NightStatus.FINISHED
    assert any(a.accepted_by == HOST for a in state.answers)
    assert any(a.rejected for a in state.answers)

    read = await ledger.answered(state)
    assert read.answers == state.answers
    assert [a.player.name for a in read.answers] == [a.player.name for a in state.answers]
    assert build_recap(read) == build_recap(state)
    assert night_result(read) == night_result(state)
    # Without them in the state, the session's answers are the same, with who accepted
    # the near miss.
    bare = await ledger.answered(replace(state, answers=()))
    assert bare.answers == state.answers
    assert build_recap(bare) == build_recap(state)
    assert night_result(bare) == night_result(state)
    # Only participants answer: a member no longer signed up (forgotten) has no answers.
    without = replace(state, participants=tuple(p for p in state.participants if p.player != YURI))
    assert YURI not in {a.player for a in (await ledger.answered(without)).answers}
    # A night without a session keeps the answers it holds.
    assert await ledger.answered(replace(state, session_id=None)) == replace(state, session_id=None)


LONG = " ".join(["word"] * 40) + "?"


async def _near_missed_long(ledger: NightLedger, night_id: int, after: float) -> NightState:
    """A night giving reading time, its first (long) question answered close by Alexei
    ``after`` seconds in, then ended."""
    night = replace(make_night(night_id=night_id, team_play=False), reading_time=True)
    state = signed_up(night, {ALEXEI: None})
    texts = {item: LONG for ids in POOL.values() for item in ids}
    started = rules.start(state, HOST, START, POOL, random.Random(0), texts)[0]
    state = await ledger.follow(state, started, START)
    at = START + timedelta(seconds=after)
    answered = play.record_answer(state, ALEXEI, "Solarix", CLOSE, at)[0]
    state = await ledger.follow(state, answered, at)
    return await ledger.follow(state, rules.end(state, HOST, at)[0], at)


async def test_a_near_miss_settled_once_its_night_is_gone_earns_what_it_would_while_kept(
    stores: Stores, items
):
    store, _ = stores
    ledger = NightLedger(store)
    limit = game_rules.time_limit(LONG, 30.0)
    # Answered 24 seconds in: the reading time changes what the near miss earns.
    assert near_miss_points(24_000, limit) != near_miss_points(24_000, 30.0)
    kept = await _near_missed_long(ledger, 1, 24)
    gone = await _near_missed_long(ledger, 2, 24)
    assert kept.question is None
    assert kept.time_limit(Cursor(0, 0)) == limit
    later = START + timedelta(days=1)
    waiting = play.waiting_near_miss(kept, Cursor(0, 0), ALEXEI, accept=True)
    kept = await ledger.settle(kept, waiting, True, HOST, later)
    (miss,) = await store.near_misses(GUILD)
    assert miss.round_id == next(a.round_id for a in gone.answers)
    assert miss.time_limit_seconds == pytest.approx(limit)
    await ledger.settle_alone(miss, True, later, HOST)
    # A game's near miss given as late on a question of the same time limit.
    game = await store.create_session(GUILD, ChannelId(3), SessionConfig(Mode.RACE), START)
    asked = await store.open_round(game.id, 0, items[0].id, START, limit)
    record = AnswerRecord(
        asked.id, ALEXEI, "Solarix", START, False, True, 85.0, 24_000, 0, "game-near-miss"
    )
    await store.record_answer(record, False, False)
    (game_miss,) = await store.near_misses(GUILD)
    await settle_near_miss(store, game_miss, True, later, HOST)

    earned = [
        [a.points for a in await store.session_answers(SessionId(session_id or 0))]
        for session_id in (kept.session_id, gone.session_id, game.id)
    ]
    assert earned == [[near_miss_points(24_000, limit)]] * 3


async def test_a_night_read_again_takes_its_answers_from_its_session(stores: Stores, items):
    store, nights = stores
    world = World(items)

    def service() -> NightService:
        return NightService(
            nights,
            InMemoryCurationRepository(),
            items,
            world.clock,
            random.Random(3),
            NightLedger(store),
            judge=shipped_judge(),
        )

    first = service()
    ids = []
    for _ in range(2):
        state = await first.create(world.plan())
        for player in (VALENTINA, ALEXEI):
            await first.join(state.night.id, GUILD, player, None)
        state = (await first.control(state.night.id, GUILD, Control.START, HOST, False)).state
        question = state.question
        assert question is not None
        world.clock.advance(3)
        right = right_answer(first, question.item_id)
        await first.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
        await first.answer(state.night.id, GUILD, question.cursor, ALEXEI, "no idea")
        ids.append(state.night.id)
    finished = (await first.control(ids[0], GUILD, Control.END, HOST, False)).state
    running = await first.get(ids[1], GUILD)
    assert [a.correct for a in finished.answers] == [True, False]
    # The snapshots lose their answers: a service started afresh reads them from the
    # nights' sessions, for a finished night and for one it takes up again.
    for night_id in ids:
        stored = await nights.get(night_id)
        assert stored is not None
        await nights.save(replace(stored, answers=()), stored)
    again = service()
    read = await again.get(ids[0], GUILD)
    assert read.answers == finished.answers
    assert NightService.recap(read) == NightService.recap(finished)
    (recovered,) = await again.recover()
    assert recovered.answers == running.answers


async def test_migration_links_the_nights_saved_before_to_their_sessions(database_url, items):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0012")
        play = SqlRepository(db.session_factory(engine))
        night_session = await play.create_session(GUILD, ChannelId(8), SessionConfig(), START)
        asked = await play.open_round(night_session.id, 0, items[0].id, START, 30.0)
        game = await play.create_session(GUILD, ChannelId(3), SessionConfig(), START)
        game_round = await play.open_round(game.id, 0, items[0].id, START, 30.0)
        created = rules.create_night(make_night(night_id=1))
        linked = replace(created, status=NightStatus.RUNNING, session_id=night_session.id)
        saved = [
            (1, json.dumps(version_4(linked))),
            # The same session named again, a session that is not stored, no session.
            (2, json.dumps(version_4(replace(linked, night=replace(linked.night, id=NightId(2)))))),
            (3, json.dumps(version_4(replace(linked, session_id=game.id + 1000)))),
            (4, json.dumps(version_4(created))),
            (5, "{not json"),
            (6, None),
        ]
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(NIGHTS),
                [
                    {"id": night_id, "guild_id": GUILD, "status": "running", "snapshot": text}
                    for night_id, text in saved
                ],
            )

        await db.upgrade(engine, "0018")  # 0019 waits for an export
        nights = SqlNightRepository(db.session_factory(engine))
        assert await nights.night_of_round(asked.id) == linked
        assert await nights.night_of_round(game_round.id) is None
        async with engine.connect() as connection:
            links = (await connection.execute(sa.text("SELECT * FROM night_sessions"))).all()
        assert [tuple(row) for row in links] == [(1, night_session.id)]

        await db.downgrade(engine, "0012")
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
        assert "night_sessions" not in names
        await play.drain()
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
