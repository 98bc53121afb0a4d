"""Forgetting a member: answers, scores, results and name go everywhere, the boards are
recomputed as if they had never played; on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
import sqlalchemy as sa

from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
)
from bot.game.privacy import DELETED_NAME, MemberData, MemberPlayingError
from bot.game.records import RecordsService
from bot.game.service import GameService
from bot.moderation.curation import FactDecision
from bot.night import rules as night_rules
from bot.night import signup
from bot.night.ledger import NightLedger
from bot.night.models import NightId, NightState, RoundPlan
from bot.night.play import submit_tie_break
from bot.night.repository import roster_of
from bot.night.season import night_result, season_table
from bot.night.service import Control, NightService
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import FactDecisionRow, ReportRow, SqlCurationRepository
from bot.storage.sql.nights import (
    NightPlacingRow,
    QuizNightRow,
    SqlNightRepository,
    read_roster,
)
from bot.storage.sql.privacy import SqlMemberDataStore
from bot.storage.tables import AnswerRow
from tests.fakes import game_service, shipped_judge, text_item
from tests.night.conftest import (
    ALEXEI,
    GUILD,
    HOST,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    World,
    answer_all,
    make_night,
    right_answer,
)

ANNA = PlayerRef("discord", "1001", "Anna")
BORIS = PlayerRef("discord", "1002", "Boris")
CHEN = PlayerRef("discord", "1003", "Chen")


async def _game(service: GameService, guild: int, channel: int, answers) -> None:
    """One race question in ``guild``; ``answers`` in order (the first right one wins)."""
    here = ChannelId(channel)
    await service.start(GuildId(guild), here, SessionConfig(Mode.RACE, question_limit=1))
    asked = await service.ask(here)
    for player, right in answers:
        await service.answer(here, player, asked.item.answers[0] if right else "Gagarin")
    await service.close(here)
    await service.finish(here)


async def _add_reports_decisions_and_a_night(engine) -> NightState:
    """A report and a fact decision by Anna, and a finished night Anna won on a tie-breaker
    against Boris (both right; Anna hosted it and guessed closer), saved without a session:
    the store keeps its plan, roster and placings (the answers would be the session's)."""
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(ReportRow).values(
                guild_id=1,
                item_id="q",
                reporter_platform="discord",
                reporter_id=ANNA.external_id,
                reporter_name="Anna",
                reason="typo",
                created_at=sa.func.now(),
            )
        )
    sessions = db.session_factory(engine)
    curation = SqlCurationRepository(sessions)
    await curation.decide_fact(
        FactDecision(GuildId(1), "claim-1", True, ANNA, "as the film's credits say", START)
    )
    night = replace(make_night(team_play=False, rounds=(RoundPlan("films", 1),)), host=ANNA)
    state, _ = signup.open_signups(night_rules.create_night(night), ANNA)
    for player in (ANNA, BORIS):
        state, _ = signup.join(state, player, None, START)
    state, _ = night_rules.start(state, ANNA, START, POOL, random.Random(0))
    state = answer_all(state, {ANNA: RIGHT, BORIS: RIGHT})
    state, _ = night_rules.next_question(state, ANNA, START)
    state, _ = submit_tie_break(state, ANNA, 1963, START)
    state, _ = submit_tie_break(state, BORIS, 1970, START)
    state, _ = night_rules.next_question(state, ANNA, START)
    nights = SqlNightRepository(sessions)
    await nights.save(state)
    await nights.add_result(night_result(state))
    return state


async def test_forget_member_removes_everything_and_recomputes_the_boards(database_url, clock):
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        repository = SqlRepository(db.session_factory(engine))
        service = game_service(
            repository, [text_item()], clock, random.Random(0), judge=shipped_judge()
        )
        # Anna wins in two servers; Boris and Chen score less.
        await _game(service, 1, 10, [(ANNA, True), (BORIS, False)])
        clock.advance(60)
        await _game(service, 2, 20, [(ANNA, True)])
        clock.advance(60)
        await _game(service, 1, 11, [(BORIS, True)])
        clock.advance(60)
        await _game(service, 1, 12, [(CHEN, False), (CHEN, True)])
        await repository.drain()
        night = await _add_reports_decisions_and_a_night(engine)
        nights = SqlNightRepository(db.session_factory(engine))
        season = season_table(await nights.placings(night.night.guild_id))
        assert [(r.player, r.wins) for r in season] == [(ANNA, 1), (BORIS, 0)]
        records = RecordsService(
            clock, leaderboards=repository, stats=repository, settings=repository
        )
        assert (await records.leaderboard(GuildId(1)))[0].name == "Anna"
        boris = await records.player_stats(BORIS)

        store = SqlMemberDataStore(db.session_factory(engine))
        before = await store.member_data(ANNA)
        assert before.name == "Anna"
        assert (before.answers, before.scores, before.games, before.wins) == (2, 2, 2, 2)
        assert (before.reports, before.fact_decisions) == (1, 1)
        assert before.quiz_nights == 2  # the night's rows and its placings
        assert before.boards > 0

        assert await store.forget_member(ANNA) == before
        after = await store.member_data(ANNA)
        assert after == MemberData(None, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        assert after.is_empty

        for guild in (GuildId(1), None):
            board = await records.leaderboard(guild, Period.ALL_TIME)
            assert "Anna" not in [s.name for s in board]
            assert [s.rank for s in board] == [
                1 + sum(o.points > s.points for o in board) for s in board
            ]
        assert (await records.rank(GuildId(1), BORIS)).standing.rank == 1
        assert await records.leaderboard(GuildId(2)) == []
        assert await records.player_stats(BORIS) == boris
        async with engine.connect() as connection:
            reporter = await connection.scalar(sa.select(ReportRow.reporter_name))
            decided = (await connection.execute(sa.select(FactDecisionRow))).one()
            hosts = (
                await connection.execute(
                    sa.select(
                        QuizNightRow.host_id,
                        QuizNightRow.host_name,
                        QuizNightRow.controller_id,
                        QuizNightRow.controller_name,
                    ).where(QuizNightRow.title.is_not(None))
                )
            ).one()
            placed = (await connection.execute(sa.select(NightPlacingRow))).all()
        assert reporter == DELETED_NAME
        assert (decided.by_id, decided.by_name, decided.approved) == ("", DELETED_NAME, True)
        # Nothing in the night names Anna or holds her id: not her sign-up, points,
        # tie-breaker guess or placing; the host is an anonymous stand-in.
        assert "Anna" not in hosts
        assert ANNA.external_id not in hosts
        assert [(row.external_id, row.name, row.rank, row.won) for row in placed] == [
            (BORIS.external_id, "Boris", 1, True)
        ]
        kept = await nights.get(night.night.id)
        assert kept is not None
        assert [p.player for p in kept.participants] == [BORIS]
        assert [g.player for g in kept.guesses] == [BORIS]
        assert kept.night.host.name == DELETED_NAME
        season = season_table(await nights.placings(night.night.guild_id))
        assert [(r.rank, r.player, r.wins) for r in season] == [(1, BORIS, 1)]
        # The roster and placing rows forget her too.
        assert await nights.roster(night.night.id) == roster_of(kept)
        assert await nights.placings(night.night.guild_id) == (night_result(kept),)
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_forget_member_writes_queued_answers_and_refuses_while_they_play(database_url, clock):
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        sessions = db.session_factory(engine)
        repository = SqlRepository(sessions)
        service = game_service(
            repository, [text_item()], clock, random.Random(0), judge=shipped_judge()
        )
        store = SqlMemberDataStore(sessions, repository.drain)
        here = ChannelId(10)
        await service.start(GuildId(1), here, SessionConfig(Mode.QUIZ, question_limit=2))
        await service.ask(here)
        await service.answer(here, ANNA, "Gagarin")  # queued in the batch writer
        with pytest.raises(MemberPlayingError, match="still running"):
            await store.forget_member(ANNA)
        assert (await store.member_data(ANNA)).answers == 1  # nothing removed
        await service.close(here)
        await service.finish(here)
        await store.forget_member(ANNA)
        await repository.drain()
        assert (await store.member_data(ANNA)).is_empty

        # Signed up for a night that has not started: refused until they leave it.
        night = replace(make_night(team_play=False), id=NightId(6), host=BORIS)
        state, _ = signup.open_signups(night_rules.create_night(night), BORIS)
        state, _ = signup.join(state, CHEN, None, START)
        await SqlNightRepository(sessions).save(state)
        with pytest.raises(MemberPlayingError, match="/quiznight leave"):
            await store.forget_member(CHEN)
        state, _ = signup.leave(state, CHEN)
        await SqlNightRepository(sessions).save(state)
        await store.forget_member(CHEN)
    finally:
        await repository.drain()
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_forgetting_in_damaged_night_data_removes_their_rows_too(database_url):
    """A night 0016 could not read keeps only rows (its snapshot was exported, see
    migration 0019); the roster and placing rows saved before lose the member all the
    same, the others keep their places."""
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        night = await _add_reports_decisions_and_a_night(engine)
        async with engine.begin() as connection:
            # As 0016 leaves a night whose snapshot it could not read.
            columns = {c.name: None for c in QuizNightRow.__table__.c if c.name[:3] != "id"}
            columns.pop("reminded")
            await connection.execute(sa.update(QuizNightRow).values(columns))
        store = SqlMemberDataStore(db.session_factory(engine))
        assert (await store.member_data(ANNA)).quiz_nights == 2  # its rows and its placings
        await store.forget_member(ANNA)
        nights = SqlNightRepository(db.session_factory(engine))
        async with db.session_factory(engine)() as session:
            roster = await read_roster(session, night.night.id)  # no night reads it now
        assert [p.player for p in roster.participants] == [BORIS]
        assert [g.player for g in roster.guesses] == [BORIS]
        (placed,) = await nights.placings(night.night.guild_id)
        boris = next(p for p in night_result(night).players if p.player == BORIS)
        assert placed.players == (boris,)
        assert (await store.member_data(ANNA)).quiz_nights == 0
        assert await nights.get(night.night.id) is None
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_forgetting_a_member_recomputes_a_session_nights_placings_from_its_answers(
    database_url, items
):
    """A night recorded in its session: the placings left are the others' answers."""
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        sessions = db.session_factory(engine)
        store = SqlRepository(sessions)
        nights = SqlNightRepository(sessions)
        world = World(items)
        service = NightService(
            nights,
            SqlCurationRepository(sessions),
            items,
            world.clock,
            random.Random(3),
            NightLedger(store),
            judge=shipped_judge(),
        )
        state = await service.create(world.plan(rounds=(RoundPlan("films", 1),)))
        night_id = state.night.id
        for player in (VALENTINA, ALEXEI):
            await service.join(night_id, GUILD, player, None)
        state = (await service.control(night_id, GUILD, Control.START, HOST, False)).state
        question = state.question
        assert question is not None
        world.clock.advance(2)
        right = right_answer(service, question.item_id)
        await service.answer(night_id, GUILD, question.cursor, VALENTINA, right)
        world.clock.advance(2)
        await service.answer(night_id, GUILD, question.cursor, ALEXEI, right)
        await service.control(night_id, GUILD, Control.REVEAL, HOST, False)
        finished = (await service.control(night_id, GUILD, Control.END, HOST, False)).state
        (result,) = await nights.placings(GUILD)
        assert [(p.player, p.rank) for p in result.players] == [(VALENTINA, 1), (ALEXEI, 2)]
        await store.drain()

        await SqlMemberDataStore(sessions).forget_member(VALENTINA)
        (result,) = await nights.placings(GUILD)
        alexei = next(a.points for a in finished.answers if a.player == ALEXEI)
        assert [(p.player, p.points, p.rank) for p in result.players] == [(ALEXEI, alexei, 1)]
        kept = await service.get(night_id, GUILD)
        assert [a.player for a in kept.answers] == [ALEXEI]
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_forgetting_a_moderator_takes_their_name_off_the_near_misses_they_accepted(
    database_url, clock
):
    """A game's near miss names the moderator who accepted it: /trivia privacy counts it
    (someone who only reviewed has data too) and forgetting them leaves an anonymous
    reference, the answer still accepted."""
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        sessions = db.session_factory(engine)
        repository = SqlRepository(sessions)
        service = game_service(
            repository, [text_item()], clock, random.Random(0), judge=shipped_judge()
        )
        here = ChannelId(10)
        await service.start(GuildId(1), here, SessionConfig(Mode.QUIZ, question_limit=1))
        asked = await service.ask(here)
        right = asked.item.answers[0]
        near = next(
            right[:n]
            for n in range(len(right) - 1, 0, -1)
            if shipped_judge().judge(right[:n], asked.item.answers).close
        )
        assert (await service.answer(here, ANNA, near)).judgement.close
        await service.close(here)
        await service.finish(here)
        await repository.drain()
        (miss,) = await service.near_misses(GuildId(1))
        store = SqlMemberDataStore(sessions)
        assert (await store.member_data(CHEN)).is_empty
        await service.accept_near_miss(GuildId(1), miss.answer_id, CHEN)
        found = await store.member_data(CHEN)
        assert (found.accepted_near_misses, found.is_empty) == (1, False)
        assert (await store.member_data(ANNA)).accepted_near_misses == 0

        assert await store.forget_member(CHEN) == found
        assert (await store.member_data(CHEN)).is_empty
        async with engine.connect() as connection:
            kept = (
                await connection.execute(
                    sa.select(
                        AnswerRow.accepted,
                        AnswerRow.accepted_by_id,
                        AnswerRow.accepted_by_name,
                        AnswerRow.accepted_at,
                    )
                )
            ).one()
        assert (kept.accepted, kept.accepted_by_id, kept.accepted_by_name) == (
            True,
            "0",
            DELETED_NAME,
        )
        assert kept.accepted_at is not None
        assert (await store.member_data(ANNA)).answers == 1  # the player's answer stays
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
