"""Migration 0007 records the nights of the previous schema as sessions of the play engine.

The database is created by the previous schema (0006) and filled as that schema stored
things: a game with its leaderboard totals, nights as JSON snapshots (one finished with a
joker, one running a question, one not started, one unreadable), and the one-round
session that credited a night planned to count on the leaderboard.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from importlib import import_module

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.game.models import (
    AnswerRecord,
    ChannelId,
    Cursor,
    GuildId,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
    SessionFormat,
)
from bot.game.ports import GLOBAL_SCOPE
from bot.night import play, rules
from bot.night.ledger import NightLedger, submission_id
from bot.night.models import NightId, NightStatus
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    HOST,
    NADIA,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
    make_night,
    signed_up,
    started,
)
from tests.storage.nights_before import NIGHTS, accepted_in_snapshot, version_1

GUILD = GuildId(7)
TS = sa.DateTime(timezone=True)
PLAYERS = sa.table(
    "players",
    sa.column("id", sa.Integer),
    sa.column("platform", sa.String),
    sa.column("external_id", sa.String),
    sa.column("display_name", sa.String),
    sa.column("created_at", TS),
)
SESSIONS = sa.table(
    "sessions",
    *(sa.column(n) for n in ("id", "guild_id", "channel_id", "mode", "status")),
    *(sa.column(n) for n in ("question_limit", "started_at", "time_limit_ms", "guess_limit")),
    *(sa.column(n) for n in ("streak_bonus", "phase")),
)
ROUNDS = sa.table(
    "rounds",
    *(sa.column(n) for n in ("id", "session_id", "position", "item_id", "opened_at")),
    *(sa.column(n) for n in ("time_limit_ms", "hints_used")),
)
SCORES = sa.table(
    "scores",
    *(sa.column(n) for n in ("guild_id", "player_id", "session_id", "round_id", "points")),
    sa.column("awarded_at", TS),
)
TOTALS = sa.table(
    "leaderboard_totals",
    *(sa.column(n) for n in ("scope", "period", "period_key", "player_id")),
    sa.column("points"),
)
HISTOGRAM = sa.table(
    "leaderboard_points",
    *(sa.column(n) for n in ("scope", "period", "period_key", "points")),
    sa.column("players"),
)
PAST = replace(VALENTINA, external_id="50", name="Old")


def _old_snapshot(state) -> str:
    """The snapshot as the previous code wrote it: no ids, the host's leaderboard choice."""
    data = version_1(state)
    night = data["night"]
    del night["session_id"]
    night["night"]["leaderboard"] = True
    if night["question"] is not None:
        del night["question"]["round_id"]
    for answer in night["answers"]:
        del answer["round_id"]
    return json.dumps(data)


def _finished_night():
    """Two rounds of two; the Red Rockets' joker on the second; a near miss accepted."""
    state = signed_up(make_night(night_id=1), {VALENTINA: "Red Rockets", ALEXEI: "Cosmonauts"})
    state, _ = play.play_joker(state, VALENTINA, 1)
    state = started(state)
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: CLOSE})
    state = accepted_in_snapshot(state, HOST, state.question.cursor, ALEXEI)
    state, _ = rules.next_question(state, HOST, START + timedelta(minutes=1))
    state, _ = rules.skip(state, HOST, START + timedelta(minutes=2))  # the second question
    state, _ = rules.next_question(state, HOST, START + timedelta(minutes=3))  # round 2
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: WRONG})
    state, _ = rules.end(state, HOST, START + timedelta(minutes=4))
    assert state.status is NightStatus.FINISHED
    return state


def _running_night():
    """A night with its second question on screen: the first answered, the second too."""
    state = signed_up(make_night(night_id=2, team_play=False), {YURI: None, NADIA: None})
    state = started(state)
    state = answer_all(state, {YURI: RIGHT})
    state, _ = rules.next_question(state, HOST, START + timedelta(minutes=1))
    return answer_all(state, {NADIA: RIGHT})


async def _fill_previous_schema(connection: AsyncConnection, finished, running) -> None:
    unstarted = signed_up(make_night(night_id=3), {YURI: "Solo"})
    rows = [
        (1, finished.status, _old_snapshot(finished)),
        (2, running.status, _old_snapshot(running)),
        (3, unstarted.status, _old_snapshot(unstarted)),
        (4, NightStatus.FINISHED, "{not json"),
    ]
    await connection.execute(
        sa.insert(NIGHTS),
        [
            {
                "id": night_id,
                "guild_id": GUILD,
                "channel_id": 8,
                "status": status.value,
                "starts_at": START,
                "snapshot": text,
            }
            for night_id, status, text in rows
        ],
    )
    # Ids come from the database: the back-fill inserts after these rows.
    ids = {}
    for player in (PAST, VALENTINA):
        ids[player] = await connection.scalar(
            sa.insert(PLAYERS)
            .values(
                platform=player.platform,
                external_id=player.external_id,
                display_name=player.name,
                created_at=START,
            )
            .returning(PLAYERS.c.id)
        )
    # A game Old won with 40 points, and the one-round credit of night 1 (Valentina: 20).
    for item, player, points in (("q-game", PAST, 40), ("night:1", VALENTINA, 20)):
        session_id = await connection.scalar(
            sa.insert(SESSIONS)
            .values(
                guild_id=GUILD,
                channel_id=8,
                mode="quiz",
                status="finished",
                question_limit=1,
                started_at=START,
                time_limit_ms=30_000,
                guess_limit=3,
                streak_bonus=True,
                phase="ended",
            )
            .returning(SESSIONS.c.id)
        )
        round_id = await connection.scalar(
            sa.insert(ROUNDS)
            .values(
                session_id=session_id,
                position=0,
                item_id=item,
                opened_at=START,
                time_limit_ms=30_000,
                hints_used=0,
            )
            .returning(ROUNDS.c.id)
        )
        await connection.execute(
            sa.insert(SCORES).values(
                guild_id=GUILD,
                player_id=ids[player],
                session_id=session_id,
                round_id=round_id,
                points=points,
                awarded_at=START,
            )
        )
        for scope in (GUILD, GLOBAL_SCOPE):
            values = {"scope": scope, "period": "all", "period_key": ""}
            await connection.execute(
                sa.insert(TOTALS).values(**values, player_id=ids[player], points=points)
            )
            await connection.execute(
                sa.insert(HISTOGRAM).values(**values, points=points, players=1)
            )


async def test_migration_records_the_nights_snapshots_as_night_sessions(database_url):
    finished, running = _finished_night(), _running_night()
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0006")
        async with engine.begin() as connection:
            await _fill_previous_schema(connection, finished, running)
        await db.upgrade(engine, "0018")  # 0007 to 0018; 0019 waits for an export
        sessions = db.session_factory(engine)
        repo = SqlRepository(sessions, batch_writes=False)
        now = START + timedelta(hours=1)

        # Night 1 as its snapshot scores it: Valentina's second-round points doubled.
        points = {
            player: sum(
                a.points * (2 if (player == VALENTINA and a.cursor.round == 1) else 1)
                for a in finished.answers
                if a.player == player
            )
            for player in (VALENTINA, ALEXEI)
        }
        # Night 2's open question is not credited yet: Yuri's first answer only.
        yuri = next(a.points for a in running.answers if a.player == YURI)
        expected = sorted(
            [
                ("Old", 40),
                ("Валентина", points[VALENTINA]),
                ("Alexei", points[ALEXEI]),
                ("Yuri 🚀", yuri),
            ],
            key=lambda row: -row[1],
        )
        for guild in (GUILD, None):
            board = await repo.leaderboard(guild, Period.ALL_TIME, now)
            assert sorted((s.name, s.points) for s in board) == sorted(expected)
        alexei = await repo.player_stats(await repo.player_id(ALEXEI), GUILD)
        # The accepted near miss scores, but the answer row keeps the judge's verdict.
        assert (alexei.games, alexei.answers) == (1, 2)
        valentina = await repo.player_stats(await repo.player_id(VALENTINA), GUILD)
        assert (valentina.games, valentina.wins, valentina.correct) == (1, 1, 2)
        assert await repo.unfinished_sessions() == []

        stored = SqlNightRepository(sessions)
        after = await stored.get(NightId(2))
        assert after is not None
        after = await NightLedger(repo).answered(after)  # the session's answers
        assert after.session_id is not None
        assert after.question is not None
        assert after.question.round_id is not None
        assert {a.round_id for a in after.answers} >= {after.question.round_id}
        assert (await stored.get(NightId(1))).session_id is not None
        assert (await stored.get(NightId(3))).session_id is None
        async with engine.connect() as connection:
            unreadable = await connection.scalar(  # kept as it was, quarantined by 0016
                sa.text("SELECT snapshot FROM night_snapshot_quarantine WHERE night_id = 4")
            )
            ids = set(
                (await connection.execute(sa.text("SELECT submission_id FROM answers"))).scalars()
            )
        assert unreadable == "{not json"
        assert submission_id(NightId(2), after.question.cursor, NADIA) in ids

        # The night goes on where it was: its open question is credited when it closes.
        open_round = after.question.round_id
        await repo.settle_round(open_round, now, credit_latest=True)
        nadia = await repo.rank(GUILD, Period.ALL_TIME, now, await repo.player_id(NADIA))
        assert nadia is not None
        assert nadia.standing.points > 0

        await db.downgrade(engine, "0006")
        async with engine.connect() as connection:
            text = await connection.scalar(sa.select(NIGHTS.c.snapshot).where(NIGHTS.c.id == 2))
            totals = (
                await connection.execute(
                    sa.select(TOTALS.c.player_id, TOTALS.c.points).where(
                        TOTALS.c.scope == GUILD, TOTALS.c.period == "all"
                    )
                )
            ).all()
        assert "session_id" not in json.loads(text)["night"]
        old_id = await SqlRepository(sessions).player_id(PAST)
        assert totals == [(old_id, 40)]
        await db.upgrade(engine, "0018")  # 0007 to 0018; 0019 waits for an export
        board = await SqlRepository(sessions, batch_writes=False).leaderboard(
            GUILD, Period.ALL_TIME, now
        )
        assert sorted((s.name, s.points) for s in board) == sorted(expected)
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


def test_the_migration_gives_answers_the_ledgers_submission_ids():
    """The migration's submission ids are the ledger's, so a night goes on recording."""
    migration = import_module("bot.storage.migrations.versions.0007_night_sessions")
    player = PlayerRef("discord", "77", "Any")
    cursor = {"round": 1, "question": 2}
    old = migration.submission_id(5, cursor, {"platform": "discord", "external_id": "77"})
    assert old == submission_id(NightId(5), Cursor(1, 2), player)
    assert old != submission_id(NightId(5), Cursor(2, 1), player)


async def test_downgrading_the_setting_counts_every_night_again(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        repo = SqlRepository(db.session_factory(engine), batch_writes=False)
        config = SessionConfig(Mode.QUIZ, format=SessionFormat.NIGHT)
        session = await repo.create_session(GUILD, ChannelId(8), config, START)
        stored = await repo.open_round(session.id, 0, "q-night", START, 30.0)
        answer = AnswerRecord(stored.id, YURI, "A", START, True, False, 100.0, 1000, 9, "n-1")
        await repo.record_answer(answer, credit=False, race=False)
        await repo.settle_round(stored.id, START, credit_latest=True)
        settings = await repo.guild_settings(GUILD)
        await repo.save_guild_settings(replace(settings, night_points=False))
        assert await repo.leaderboard(GUILD, Period.ALL_TIME, START) == []
        await db.downgrade(engine, "0007")
        board = await SqlRepository(db.session_factory(engine)).leaderboard(
            GUILD, Period.ALL_TIME, START
        )
        assert [(s.name, s.points) for s in board] == [(YURI.name, 9)]
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
