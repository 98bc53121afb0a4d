"""A night's rounds keep their questions' time limits with reading time (migration 0018):
the rounds of nights stored before get them, and lose them again going down."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import sqlalchemy as sa

from bot.game import rules as game_rules
from bot.game.answering import near_miss_points
from bot.game.models import ChannelId, Mode, SessionConfig, SessionId
from bot.night import play, rules
from bot.night.ledger import NightLedger
from bot.night.models import NightState
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.night.conftest import ALEXEI, CLOSE, GUILD, HOST, POOL, START, make_night, signed_up

LONG = " ".join(["word"] * 40) + "?"  # well past the words read free
MEDIUM = " ".join(["word"] * 20) + "?"
ROUNDS = sa.table(
    "rounds",
    sa.column("id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("time_limit_ms", sa.Integer),
)


def _texts() -> dict[str, str]:
    """Short questions but the first of each round the nights draw: long, then medium."""
    drawn = rules.start(
        signed_up(make_night(team_play=False), {ALEXEI: None}),
        HOST,
        START,
        POOL,
        random.Random(0),
    )[0].questions
    texts = {item: "Short question?" for ids in POOL.values() for item in ids}
    texts[drawn[0][0]] = LONG
    texts[drawn[1][0]] = MEDIUM
    return texts


async def _played(nights: SqlNightRepository, ledger: NightLedger, reading: bool) -> NightState:
    """A night asking three questions across its two rounds, Alexei's answer to the first
    close (24 seconds in), then ended and saved."""
    night_id = await nights.next_id()
    night = replace(make_night(night_id=night_id, team_play=False), reading_time=reading)
    state = signed_up(night, {ALEXEI: None})
    now = START

    async def step(transition: rules.Transition) -> NightState:
        return await ledger.follow(state, transition[0], now)

    state = await step(rules.start(state, HOST, now, POOL, random.Random(0), _texts()))
    now += timedelta(seconds=24)
    state = await step(play.record_answer(state, ALEXEI, "Solarix", CLOSE, now))
    for _ in range(3):  # the second question, between rounds, the next round's first
        now += timedelta(seconds=60)
        state = await step(rules.next_question(state, HOST, now))
    state = await step(rules.end(state, HOST, now))
    await nights.save(state)
    return state


async def _limits(engine, session_id: int | None) -> list[int]:
    """The time limits of a session's rounds, in milliseconds, in the order asked."""
    async with engine.connect() as connection:
        found = await connection.execute(
            sa.select(ROUNDS.c.time_limit_ms)
            .where(ROUNDS.c.session_id == session_id)
            .order_by(ROUNDS.c.position)
        )
        return list(found.scalars())


async def test_migration_gives_night_rounds_their_reading_time_and_takes_it_back(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        sessions = db.session_factory(engine)
        store = SqlRepository(sessions, batch_writes=False)
        nights = SqlNightRepository(sessions)
        ledger = NightLedger(store)
        reading = await _played(nights, ledger, reading=True)
        plain = await _played(nights, ledger, reading=False)
        game = await store.create_session(GUILD, ChannelId(3), SessionConfig(Mode.RACE), START)
        await store.open_round(game.id, 1, "some-item", START, 45.0)
        long_limit = game_rules.time_limit(LONG, 30.0)
        medium_limit = game_rules.time_limit(MEDIUM, 30.0)
        assert 30.0 < medium_limit < long_limit
        stored = [round(long_limit * 1000), 30_000, round(medium_limit * 1000)]
        assert await _limits(engine, reading.session_id) == stored
        assert await _limits(engine, plain.session_id) == [30_000] * 3
        assert await _limits(engine, game.id) == [45_000]

        await db.downgrade(engine, "0017")
        # As the earlier code stored them: the night's own limit.
        assert await _limits(engine, reading.session_id) == [30_000] * 3
        assert await _limits(engine, plain.session_id) == [30_000] * 3
        assert await _limits(engine, game.id) == [45_000]

        await db.upgrade(engine)
        assert await _limits(engine, reading.session_id) == stored
        assert await _limits(engine, plain.session_id) == [30_000] * 3
        assert await _limits(engine, game.id) == [45_000]
        for state in (reading, plain):
            read = await nights.get(state.night.id)
            assert read is not None
            assert await ledger.answered(read) == state
        # The near miss of the night with reading time, settled by its round alone,
        # earns what it was given the time for.
        (miss,) = [m for m in await store.near_misses(GUILD) if m.round_id in _rounds(reading)]
        await ledger.settle_alone(miss, True, START + timedelta(days=1), HOST)
        (answer,) = await store.session_answers(SessionId(reading.session_id or 0))
        assert answer.points == near_miss_points(24_000, long_limit)
        assert answer.points != near_miss_points(24_000, 30.0)

        # Down and up again: the same limits.
        await db.downgrade(engine, "0017")
        assert await _limits(engine, reading.session_id) == [30_000] * 3
        await db.upgrade(engine)
        assert await _limits(engine, reading.session_id) == stored
        assert await _limits(engine, plain.session_id) == [30_000] * 3
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


def _rounds(state: NightState) -> set[int | None]:
    return {answer.round_id for answer in state.answers}
