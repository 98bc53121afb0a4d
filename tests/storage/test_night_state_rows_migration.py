"""A night's state is kept as rows (migration 0016): every version 4 snapshot becomes rows
and comes back from them; a night saved before nights had sessions gets one, so none of
its answers is lost; a snapshot that cannot be read is quarantined as it was."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import inspect

from bot.game.models import Cursor, Mode, Period, SessionId
from bot.night import play, rules, signup
from bot.night.ledger import NightLedger
from bot.night.models import NightId, NightState, NightStatus, RoundPlan
from bot.night.repository import roster_of
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import NightSessionRow, SqlNightRepository, write_roster
from bot.storage.tables import BoardRecordRow
from tests.night.conftest import (
    ALEXEI,
    COHOST,
    GUILD,
    HOST,
    NADIA,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
    make_night,
    signed_up,
)
from tests.storage.nights_before import NIGHTS, accepted_in_snapshot, team_night, version_4
from tests.storage.test_night_rounds import _played

QUARANTINE = sa.table(
    "night_snapshot_quarantine", sa.column("night_id", sa.Integer), sa.column("snapshot", sa.Text)
)
DAMAGED = {
    8: "{not json",
    9: json.dumps({"version": 99, "night": {"participants": [{"player": {"name": "Anna"}}]}}),
}


class Follow:
    """Steps of a night followed by its ledger, as the service follows them."""

    def __init__(self, ledger: NightLedger, state: NightState) -> None:
        self.ledger, self.state, self.now = ledger, state, START

    async def __call__(self, transition: rules.Transition) -> NightState:
        after, _ = transition
        self.state = await self.ledger.follow(self.state, after, self.now)
        return self.state


async def _scheduled() -> NightState:
    """Night 2: planned with every option, a co-host added, sign-ups not open yet."""
    plan = replace(
        make_night(night_id=2, rounds=(RoundPlan("films", 2), RoundPlan("dates", 1))),
        mode=Mode.RACE,
        event_id=2**42,
        hints=True,
        streaks=True,
        tie_break_enabled=False,
        time_limit_seconds=17.5,
    )
    state, _ = signup.add_cohost(rules.create_night(plan), HOST, COHOST)
    return state


async def _running(ledger: NightLedger) -> NightState:
    """Night 4: a question on screen with reading time, a hint and an answer, recorded."""
    plan = replace(make_night(night_id=4, team_play=False), hints=True, reading_time=True)
    follow = Follow(ledger, signed_up(plan, {VALENTINA: None, ALEXEI: None}))
    state = await follow(rules.start(follow.state, HOST, START, POOL, random.Random(4)))
    limits = ((25.0, 31.5), (30.0, 44.25))
    assert state.question is not None
    # The question on screen holds its time limit: the one drawn for it, as when it opened.
    screen = replace(state.question.screen, time_limit_seconds=limits[0][0])
    opened = state.question.with_screen(screen)
    follow.state = state = replace(state, time_limits=limits, question=opened)
    follow.now = START + timedelta(seconds=3)
    state = await follow(play.record_answer(state, VALENTINA, "x", RIGHT, follow.now))
    assert state.question is not None
    shown = replace(
        state.question,
        screen=replace(
            state.question.screen,
            message_id=2**41,
            asking=replace(state.question.asking, hints_used=1),
        ),
        checked_at=START + timedelta(seconds=4),
    )
    return replace(state, question=shown)


async def _paused(ledger: NightLedger) -> NightState:
    """Night 5: a question skipped, the next one paused, in teams, recorded."""
    members = {VALENTINA: "Reds", ALEXEI: "Blues", YURI: "reds"}
    follow = Follow(ledger, signed_up(make_night(night_id=5), members))
    state = await follow(rules.start(follow.state, HOST, START, POOL, random.Random(5)))
    follow.now = START + timedelta(seconds=2)
    state = await follow(play.record_answer(state, ALEXEI, "x", WRONG, follow.now))
    state = await follow(rules.skip(state, HOST, follow.now))
    follow.now = START + timedelta(seconds=9)
    state = await follow(rules.pause(state, HOST, follow.now))
    assert state.status is NightStatus.PAUSED
    return state


def _tie_break() -> NightState:
    """Night 6, saved before nights had sessions: both right, now at the tie-breaker."""
    night = make_night(night_id=6, team_play=False, rounds=(RoundPlan("films", 1),))
    state = _started(signed_up(night, {VALENTINA: None, YURI: None}))
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state, _ = play.submit_tie_break(state, YURI, 1970, START + timedelta(seconds=5))
    assert state.status is NightStatus.TIE_BREAK
    return replace(state, tie_break_message_id=2**44)


def _started(state: NightState) -> NightState:
    return rules.start(state, HOST, START, POOL, random.Random(6))[0]


def _before_sessions() -> NightState:
    """Night 7, saved before nights had sessions: finished, a joker, a near miss accepted
    after the night by the host."""
    state = team_night()
    state = replace(state, night=replace(state.night, id=NightId(7)))
    state = accepted_in_snapshot(state, HOST, Cursor(0, 0), YURI)
    assert any(a.accepted_by == HOST for a in state.answers)
    return state


async def _save_as_0015(engine, state: NightState, text: str | None = None) -> None:
    """As the store of revision 0015 saved a night: its row with the version 4 snapshot
    (or ``text``), its roster rows and the row of its session."""
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(NIGHTS).values(
                id=state.night.id,
                guild_id=state.night.guild_id,
                channel_id=state.night.channel_id,
                status=state.status.value,
                starts_at=state.night.starts_at,
                snapshot=text if text is not None else json.dumps(version_4(state)),
            )
        )
    async with db.session_factory(engine).begin() as session:
        await write_roster(session, state.night.id, roster_of(state))
        if state.session_id is not None:
            session.add(NightSessionRow(night_id=state.night.id, session_id=state.session_id))


async def _snapshots(engine) -> dict[int, Any]:
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(NIGHTS.c.id, NIGHTS.c.snapshot))).all()
    return {row.id: row.snapshot for row in rows}


async def _quarantined(engine) -> dict[int, str]:
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(QUARANTINE))).all()
    return {row.night_id: row.snapshot for row in rows}


async def _columns(engine) -> set[str]:
    async with engine.connect() as connection:
        found = await connection.run_sync(lambda c: inspect(c).get_columns("quiz_nights"))
    return {column["name"] for column in found}


def _plain(state: NightState) -> NightState:
    """The state without what a session adds: its id, the rounds' ids and the answers."""
    question = state.question and replace(
        state.question, screen=replace(state.question.screen, round_id=None)
    )
    return replace(state, answers=(), session_id=None, question=question)


def _without_rounds(state: NightState) -> list[object]:
    return [replace(a, round_id=None) for a in state.answers]


async def test_migration_moves_every_night_out_of_its_snapshot_and_back(database_url, caplog):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0015")
        sessions = db.session_factory(engine)
        store = SqlRepository(sessions, batch_writes=False)
        ledger = NightLedger(store)
        # Today's store keeps each player's record as it stores an answer: its table
        # (migration 0021) stands in while the nights are played at 0015.
        async with engine.begin() as connection:
            await connection.run_sync(BoardRecordRow.__table__.create)
        finished = await _played(ledger)  # night 1: recorded in its session
        scheduled = await _scheduled()
        signing_up = signed_up(make_night(night_id=3), {NADIA: "Solo", YURI: "solo "})
        running, paused = await _running(ledger), await _paused(ledger)
        async with engine.begin() as connection:
            await connection.run_sync(BoardRecordRow.__table__.drop)
        tie_break, before_sessions = _tie_break(), _before_sessions()
        recorded = (finished, scheduled, signing_up, running, paused)
        for state in (*recorded, tie_break, before_sessions):
            await _save_as_0015(engine, state)
        unreadable = replace(scheduled, night=replace(scheduled.night, id=NightId(10)))
        bad_status = version_4(unreadable)
        bad_status["night"]["status"] = "dancing"
        undrawn = version_4(replace(before_sessions, night=replace(before_sessions.night, id=12)))
        undrawn["night"]["answers"][0]["cursor"]["round"] = 9  # no such round was drawn
        damaged = DAMAGED | {10: json.dumps(bad_status), 12: json.dumps(undrawn)}
        for night_id, text in damaged.items():
            state = (
                unreadable
                if night_id == 10
                else replace(scheduled, night=replace(scheduled.night, id=NightId(night_id)))
            )
            await _save_as_0015(engine, state, text)
        async with engine.begin() as connection:
            await connection.execute(sa.insert(NIGHTS).values(id=11))  # only reserved
        before = await _snapshots(engine)
        board_before = await store.leaderboard(GUILD, Period.ALL_TIME, START)

        await db.upgrade(engine, "0018")  # 0019 waits for an export
        assert "snapshot" not in await _columns(engine)
        nights = SqlNightRepository(sessions)
        for state in recorded:
            read = await nights.get(state.night.id)
            assert read == replace(state, answers=())
            assert (await ledger.answered(read)).answers == state.answers
        # The nights saved before sessions now have one, holding every answer.
        moved = {}
        for state in (tie_break, before_sessions):
            read = await nights.get(state.night.id)
            assert read is not None
            assert read.session_id is not None
            assert _plain(read) == _plain(state)
            answered = await ledger.answered(read)
            assert _without_rounds(answered) == _without_rounds(state)
            assert [a.player.name for a in answered.answers] == [
                a.player.name for a in state.answers
            ]
            moved[state.night.id] = read
        # Its points count as 0007 counted them (the joker is on a round not played), and
        # the near miss the host accepted names who accepted it.
        standings = await store.session_standings(SessionId(moved[7].session_id))
        points = {a.player.name: a.points for a in before_sessions.answers if a.correct}
        assert {s.name: s.points for s in standings if s.points} == points
        stored = await store.session_answers(SessionId(moved[7].session_id))
        assert [(a.player, a.accepted_by) for a in stored if a.accepted_by] == [(YURI, HOST)]
        board = {s.name: s.points for s in await store.leaderboard(GUILD, Period.ALL_TIME, START)}
        assert board[VALENTINA.name] > {s.name: s.points for s in board_before}.get(
            VALENTINA.name, 0
        )
        # What could not be read is kept as it was, one line said for each, and is no
        # night any more.
        assert await _quarantined(engine) == damaged
        said = [r.getMessage() for r in caplog.records if "quarantine" in r.getMessage()]
        assert [line.split(":")[0] for line in said] == [f"quiz night {key}" for key in damaged]
        for night_id in (*damaged, 11):
            assert await nights.get(NightId(night_id)) is None
        assert [s.night.id for s in await nights.unfinished()] == [2, 3, 4, 5, 6]
        assert [s.night.id for s in await nights.recent(GUILD)] == [7, 6, 5, 4, 3, 2, 1]
        first = {night_id: await nights.get(NightId(night_id)) for night_id in range(1, 8)}

        # Downgrading writes version 4 snapshots again, as the earlier code wrote them.
        await db.downgrade(engine, "0015")
        back = await _snapshots(engine)
        for state in recorded:
            assert json.loads(back[state.night.id]) == version_4(state)
        for night_id, read in moved.items():
            data = json.loads(back[night_id])
            assert data == version_4(read)  # with its session, so without answers
            assert data["night"]["answers"] == []
        assert {key: back[key] for key in (*damaged, 11)} == {
            key: before[key] for key in (*damaged, 11)
        }
        assert set(await _columns(engine)) >= {"snapshot"}
        assert not {"title", "open_round"} & await _columns(engine)

        # Up again: the same nights, nothing recorded twice.
        answers = len(await store.session_answers(SessionId(moved[7].session_id)))
        await db.upgrade(engine, "0018")  # 0019 waits for an export
        for night_id, read in first.items():
            assert await nights.get(NightId(night_id)) == read
        assert len(await store.session_answers(SessionId(moved[7].session_id))) == answers
        assert await _quarantined(engine) == damaged
        # And a night keeps being played and saved where it was.
        resumed, _ = rules.resume(paused, HOST, START + timedelta(minutes=1))
        await nights.save(resumed, paused)
        assert await nights.get(paused.night.id) == replace(resumed, answers=())
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
