"""A night's question on screen keeps its item and hints in its round row (migration 0017):
moved out of ``quiz_nights`` and back, a question without a round given one."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy import inspect

from bot.night.ledger import NightLedger
from bot.night.models import NightState
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.night.conftest import ALEXEI, START, VALENTINA, make_night, signed_up, started

MOVED = ("open_item_id", "open_hints_used")
NIGHTS = sa.table(
    "quiz_nights",
    sa.column("id", sa.Integer),
    sa.column("open_round_id", sa.Integer),
    sa.column("open_item_id", sa.String),
    sa.column("open_hints_used", sa.Integer),
)
ROUNDS = sa.table(
    "rounds",
    sa.column("id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("item_id", sa.String),
    sa.column("hints_used", sa.Integer),
)
LINKS = sa.table("night_sessions", sa.column("night_id", sa.Integer))


async def _columns(engine) -> set[str]:
    async with engine.connect() as connection:
        found = await connection.run_sync(lambda c: inspect(c).get_columns("quiz_nights"))
    return {column["name"] for column in found}


async def _open(engine) -> dict[int, tuple[object, ...]]:
    """Each night's round of its question on screen, item and hints, as 0016 kept them."""
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.select(NIGHTS).where(NIGHTS.c.open_round_id.is_not(None)).order_by(NIGHTS.c.id)
        )
        return {row.id: (row.open_round_id, row.open_item_id, row.open_hints_used) for row in rows}


async def _rounds(engine) -> dict[int, tuple[object, ...]]:
    async with engine.connect() as connection:
        rows = await connection.execute(sa.select(ROUNDS))
        return {row.id: (row.session_id, row.position, row.item_id, row.hints_used) for row in rows}


async def _running(nights: SqlNightRepository, ledger: NightLedger, hints: int) -> NightState:
    """A night with its first question on screen, ``hints`` given, stored as the service does."""
    night_id = await nights.next_id()
    signed = signed_up(make_night(night_id=night_id, team_play=False), {VALENTINA: None})
    state = await ledger.follow(signed, started(signed), START)
    question = state.question
    assert question is not None
    screen = question.screen
    hinted = question.with_screen(screen.with_asking(replace(screen.asking, hints_used=hints)))
    state = await ledger.follow(state, replace(state, question=hinted), START)
    await nights.save(state)
    return state


async def test_migration_moves_the_question_on_screen_into_its_round_and_back(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        sessions = db.session_factory(engine)
        nights = SqlNightRepository(sessions)
        ledger = NightLedger(SqlRepository(sessions, batch_writes=False))
        kept = await _running(nights, ledger, hints=1)  # its round holds it all
        alone = await _running(nights, ledger, hints=0)  # will lose its round and session
        placed = await _running(nights, ledger, hints=0)  # will lose the id of its round
        other = signed_up(make_night(night_id=await nights.next_id()), {ALEXEI: "Reds"})
        await nights.save(other)  # no question on screen
        rounds = await _rounds(engine)

        await db.downgrade(engine, "0016")
        assert set(MOVED) <= await _columns(engine)
        ids = {s.night.id: s.question.round_id for s in (kept, alone, placed) if s.question}
        assert await _open(engine) == {
            night_id: (round_id, rounds[round_id][2], rounds[round_id][3])
            for night_id, round_id in ids.items()
        }
        # What the earlier code could have kept: more hints than the round has, a question
        # whose round and session are gone, one whose round id is lost.
        async with engine.begin() as connection:
            await connection.execute(
                sa.update(NIGHTS).where(NIGHTS.c.id == kept.night.id).values(open_hints_used=3)
            )
            await connection.execute(
                sa.update(NIGHTS).where(NIGHTS.c.id == alone.night.id).values(open_round_id=None)
            )
            await connection.execute(sa.delete(LINKS).where(LINKS.c.night_id == alone.night.id))
            await connection.execute(
                sa.update(NIGHTS).where(NIGHTS.c.id == placed.night.id).values(open_round_id=None)
            )
        before = await _open(engine)

        await db.upgrade(engine)
        assert not set(MOVED) & await _columns(engine)
        read = {s.night.id: await nights.get(s.night.id) for s in (kept, alone, placed, other)}
        assert read[kept.night.id] == replace(
            kept,
            question=kept.question.with_screen(
                kept.question.screen.with_asking(replace(kept.question.screen.asking, hints_used=3))
            ),
        )
        assert read[placed.night.id] == placed  # its round found again at its place
        assert read[other.night.id] == other
        # The question without a round has one now, in a session of its own.
        moved = read[alone.night.id]
        assert moved is not None
        assert moved.question is not None
        round_id = moved.question.round_id
        assert round_id is not None
        assert round_id not in rounds
        assert moved.session_id not in {None, alone.session_id}
        assert moved == replace(
            alone,
            session_id=moved.session_id,
            question=alone.question.with_screen(replace(alone.question.screen, round_id=round_id)),
        )
        session_id, place, item_id, hints = (await _rounds(engine))[round_id]
        assert (session_id, place, item_id, hints) == (
            moved.session_id,
            0,
            moved.question.item_id,
            0,
        )
        assert await nights.night_of_round(round_id) == moved

        # Down and up again: the same columns, the same nights.
        await db.downgrade(engine, "0016")
        after = await _open(engine)
        assert after[kept.night.id] == before[kept.night.id]
        assert after[alone.night.id] == (round_id, item_id, 0)
        await db.upgrade(engine)
        assert {
            s.night.id: await nights.get(s.night.id) for s in (kept, alone, placed, other)
        } == read
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
