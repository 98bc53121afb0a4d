"""The night and curation repositories behave alike in memory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import GuildId, Mode
from bot.moderation.curation import CurationRepository, FactDecision, QuestionFix, Report
from bot.moderation.memory import InMemoryCurationRepository, as_curation_repository
from bot.night import play, rules, signup
from bot.night.ledger import NightLedger
from bot.night.memory import InMemoryNightRepository, as_night_repository
from bot.night.models import NightState, NightStatus, RoundPlan, player_key, team_key
from bot.night.repository import NightRepository, NightRoster, roster_of
from bot.night.season import night_result
from bot.storage import db
from bot.storage.memory import InMemoryRepository
from bot.storage.sql import SqlRepository
from bot.storage.sql import moderation as sql_moderation
from bot.storage.sql import nights as sql_nights
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    HOST,
    PAVEL,
    RIGHT,
    START,
    VALENTINA,
    YURI,
    answer_all,
    make_night,
    signed_up,
    started,
)

Stores = tuple[NightRepository, CurationRepository]
Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    if request.param == "memory":
        return None
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'nights.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    return str(request.getfixturevalue("postgres_database"))


@pytest.fixture
async def database(backend_url: str | None) -> AsyncIterator[Sessions | None]:
    """The backend's database, upgraded (None: in memory)."""
    if backend_url is None:
        yield None
        return
    engine = db.create_engine(backend_url)
    await db.upgrade(engine)
    try:
        yield db.session_factory(engine)
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


@pytest.fixture
def stores(database: Sessions | None) -> Stores:
    if database is None:
        return (
            as_night_repository(InMemoryNightRepository()),
            as_curation_repository(InMemoryCurationRepository()),
        )
    return (
        sql_nights.as_night_repository(sql_nights.SqlNightRepository(database)),
        sql_moderation.as_curation_repository(sql_moderation.SqlCurationRepository(database)),
    )


@pytest.fixture
def ledger(database: Sessions | None) -> NightLedger:
    """The nights' ledger over the same backend: it stores a question's round before the
    night is saved, as the service does."""
    store = InMemoryRepository() if database is None else SqlRepository(database, False)
    return NightLedger(store)


async def _stored(ledger: NightLedger, before: NightState, after: NightState) -> NightState:
    """``after`` followed by the ledger: its question on screen has its round."""
    return await ledger.follow(before, after, START)


async def test_saved_night_reads_back_equal_but_its_answers_are_its_sessions(
    stores: Stores, ledger: NightLedger
):
    nights, _ = stores
    night_id = await nights.next_id()
    state = signed_up(make_night(night_id=night_id), {VALENTINA: "Reds", ALEXEI: "Blues"})
    state = await _stored(ledger, state, started(state))
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: CLOSE})
    await nights.save(state)
    assert state.answers
    assert await nights.get(night_id) == replace(state, answers=())
    assert await nights.get(night_id) != (await nights.get(await nights.next_id()))


async def test_every_part_of_a_night_reads_back_as_saved(stores: Stores, ledger: NightLedger):
    """Plan, co-hosts, questions drawn with reading time, skipped questions, the question
    on screen paused (its item and hints its round's), contenders and the tie-breaker
    message all come back, and each save told the state before replaces exactly what
    changed."""
    nights, _ = stores
    night_id = await nights.next_id()
    plan = replace(
        make_night(night_id=night_id, rounds=(RoundPlan("films", 2), RoundPlan("crew", 1))),
        mode=Mode.RACE,
        tie_break_enabled=False,
        event_id=2**40,
        hints=True,
        streaks=True,
        reading_time=True,
        time_limit_seconds=12.5,
    )
    state = signed_up(plan, {VALENTINA: "Reds", ALEXEI: "Blues"})
    state, _ = signup.add_cohost(state, HOST, YURI)
    state, _ = signup.add_cohost(state, HOST, PAVEL)
    state = await _stored(
        ledger,
        state,
        replace(started(state), time_limits=((12.5, 20.25), (31.0,)), tie_break_message_id=2**50),
    )
    await nights.save(state)
    assert await nights.get(night_id) == state
    question = state.question
    assert question is not None
    shown = replace(
        state,
        question=replace(
            question,
            screen=replace(
                question.screen, message_id=2**45, asking=replace(question.asking, hints_used=1)
            ),
            checked_at=START + timedelta(seconds=2),
        ),
    )
    shown = await _stored(ledger, state, shown)
    await nights.save(shown, state)
    state = await _stored(ledger, shown, rules.skip(shown, HOST, START + timedelta(seconds=3))[0])
    state, _ = rules.pause(state, HOST, START + timedelta(seconds=4))
    state = replace(state, contenders=(team_key("Reds"), team_key("Blues")))
    await nights.save(state, shown)
    read = await nights.get(night_id)
    assert read == state
    assert read is not None
    assert read.status is NightStatus.PAUSED
    assert read.paused_at == START + timedelta(seconds=4)
    assert read.question is not None
    assert read.question.cursor.question == 1
    assert read.skipped == (question.cursor,)
    assert [c.name for c in read.cohosts] == [YURI.name, PAVEL.name]
    assert read.night.host.name == HOST.name
    assert read.time_limits == ((12.5, 20.25), (31.0,))
    assert await nights.unfinished() == (state,)
    assert await nights.recent(plan.guild_id) == (state,)
    finished, _ = rules.end(state, HOST, START + timedelta(minutes=9))
    await nights.save(finished, state)
    assert await nights.get(night_id) == finished
    assert await nights.unfinished() == ()


async def test_next_id_never_repeats_and_reserved_ids_are_not_nights(stores: Stores):
    nights, _ = stores
    ids = [await nights.next_id() for _ in range(3)]
    assert len(set(ids)) == 3
    assert await nights.get(ids[0]) is None
    assert await nights.unfinished() == ()


async def test_unfinished_and_recent_follow_status_and_guild(stores: Stores):
    nights, _ = stores
    first = rules.create_night(make_night(night_id=await nights.next_id()))
    second = rules.create_night(make_night(night_id=await nights.next_id()))
    other = rules.create_night(
        replace(make_night(night_id=await nights.next_id()), guild_id=GuildId(99))
    )
    for state in (first, second, other):
        await nights.save(state)
    finished, _ = rules.end(second, HOST, START)
    await nights.save(finished)
    assert [s.night.id for s in await nights.unfinished()] == [first.night.id, other.night.id]
    recent = await nights.recent(first.night.guild_id)
    assert [s.night.id for s in recent] == [second.night.id, first.night.id]
    assert recent[0].status is NightStatus.FINISHED
    assert [s.night.id for s in await nights.recent(first.night.guild_id, limit=1)] == [
        second.night.id
    ]


async def test_claim_reminder_is_true_once(stores: Stores):
    nights, _ = stores
    state = rules.create_night(make_night(night_id=await nights.next_id()))
    await nights.save(state)
    assert await nights.claim_reminder(state.night.id) is True
    assert await nights.claim_reminder(state.night.id) is False


async def test_placings_replace_and_filter_by_guild_and_time(stores: Stores, ledger: NightLedger):
    nights, _ = stores
    state = signed_up(make_night(night_id=await nights.next_id()), {VALENTINA: "Reds"})
    state = await _stored(ledger, state, started(state))
    await nights.save(state)
    finished, _ = rules.end(answer_all(state, {VALENTINA: RIGHT}), HOST, START)
    await nights.save(finished)
    result = night_result(finished)
    await nights.add_result(replace(result, title="draft"))
    await nights.add_result(result)
    assert await nights.placings(result.guild_id) == (result,)
    assert await nights.placings(result.guild_id, since=START + timedelta(seconds=1)) == ()
    assert await nights.placings(GuildId(99)) == ()


def _tie_break_night(night_id):
    """Two players both right on a one-question night, then both give a tie-breaker number."""
    night = make_night(night_id=night_id, team_play=False, rounds=(RoundPlan("films", 1),))
    state = started(signed_up(night, {VALENTINA: None, YURI: None}))
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    assert state.status is NightStatus.TIE_BREAK
    state, _ = play.submit_tie_break(state, YURI, 1970, START + timedelta(seconds=5))
    state, _ = play.submit_tie_break(state, VALENTINA, 1963, START + timedelta(seconds=9))
    return state


async def test_the_roster_is_kept_as_saved_and_replaced_by_each_save(stores: Stores):
    nights, _ = stores
    night_id = await nights.next_id()
    assert await nights.roster(night_id) is None
    members = {VALENTINA: "Red Rockets", ALEXEI: "red  rockets", YURI: "Cosmonauts"}
    state = signed_up(make_night(night_id=night_id), members)
    state, _ = play.play_joker(state, YURI, 1)
    await nights.save(state)
    roster = await nights.roster(night_id)
    assert roster == roster_of(state)
    assert roster is not None
    assert [t.name for t in roster.teams] == ["Red Rockets", "Cosmonauts"]
    assert roster.teams[0].members == (VALENTINA, ALEXEI)
    assert [p.team for p in roster.participants] == ["Red Rockets", "Red Rockets", "Cosmonauts"]
    assert [p.player.name for p in roster.participants] == [p.name for p in members]
    assert roster.jokers[0].contestant == team_key("Cosmonauts")
    assert roster.jokers[0].round == 1

    state, _ = signup.leave(state, ALEXEI)
    await nights.save(state)
    assert (await nights.roster(night_id)) == roster_of(state)
    assert len(state.participants) == 2


async def test_a_save_told_the_previous_state_writes_the_roster_only_when_it_changed(
    stores: Stores, ledger: NightLedger
):
    nights, _ = stores
    night_id = await nights.next_id()
    state = signed_up(make_night(night_id=night_id), {VALENTINA: "Reds", ALEXEI: "Blues"})
    await nights.save(state)
    joined, _ = signup.join(state, YURI, "Reds", START)
    await nights.save(joined, state)
    assert await nights.get(night_id) == joined
    renamed = replace(VALENTINA, name="Valya")
    moved = replace(
        joined,
        participants=tuple(
            replace(p, player=renamed) if p.player == VALENTINA else p for p in joined.participants
        ),
    )
    await nights.save(moved, joined)  # the same members, one of them renamed
    kept = await nights.get(night_id)
    assert kept is not None
    assert [p.player.name for p in kept.participants] == ["Valya", ALEXEI.name, YURI.name]

    # A roster unchanged since the previous state is not written again: a save that says
    # so leaves the stored roster as it is, even when told about a state never stored.
    earlier = await _stored(ledger, state, started(state))  # before Yuri joined
    await nights.save(earlier, state)
    read = await nights.get(night_id)
    assert read is not None
    assert read.status is earlier.status
    assert [p.player.name for p in read.participants] == ["Valya", ALEXEI.name, YURI.name]


async def test_tie_breaker_numbers_are_kept_in_the_order_given(stores: Stores):
    nights, _ = stores
    state = _tie_break_night(await nights.next_id())
    await nights.save(state)
    roster = await nights.roster(state.night.id)
    assert roster == roster_of(state)
    assert roster is not None
    assert [(g.contestant, g.value, g.submitted_at) for g in roster.guesses] == [
        (player_key(YURI), 1970.0, START + timedelta(seconds=5)),
        (player_key(VALENTINA), 1963.0, START + timedelta(seconds=9)),
    ]
    assert [g.player.name for g in roster.guesses] == [YURI.name, VALENTINA.name]
    assert roster.teams == ()


async def test_an_unsaved_night_has_no_roster_and_an_empty_one_is_empty(stores: Stores):
    nights, _ = stores
    state = rules.create_night(make_night(night_id=await nights.next_id()))
    await nights.save(state)
    assert await nights.roster(state.night.id) == NightRoster()
    assert await nights.roster(await nights.next_id()) is None


async def test_placings_give_back_the_results_with_ranks_and_wins(stores: Stores):
    nights, _ = stores
    state = _tie_break_night(await nights.next_id())
    finished, _ = rules.next_question(state, HOST, START + timedelta(minutes=1))
    assert finished.status is NightStatus.FINISHED
    result = night_result(finished)
    await nights.save(finished)
    await nights.add_result(replace(result, title="draft", players=result.players[:1]))
    await nights.add_result(result)
    placed = await nights.placings(result.guild_id)
    assert placed == (result,)
    assert [p.player.name for p in placed[0].players] == [p.player.name for p in result.players]
    assert [(p.rank, p.won) for p in placed[0].players] == [(p.rank, p.won) for p in result.players]
    assert any(p.won for p in placed[0].players)
    assert await nights.placings(result.guild_id, since=result.finished_at) == (result,)
    later = result.finished_at + timedelta(seconds=1)
    assert await nights.placings(result.guild_id, since=later) == ()
    assert await nights.placings(GuildId(99)) == ()


async def test_reports_open_settle_and_stay_in_their_guild(stores: Stores):
    _, curation = stores
    guild = GuildId(7)
    first = Report(guild, "q1", VALENTINA, "the year is wrong", START)
    second = Report(guild, "q1", ALEXEI, "two answers fit", START + timedelta(minutes=1))
    elsewhere = Report(GuildId(99), "q1", ALEXEI, "typo", START)
    for report in (second, first, elsewhere):
        await curation.add_report(report)
    assert await curation.open_reports(guild) == (first, second)
    assert await curation.settle_reports(guild, "q1", START) == 2
    assert await curation.settle_reports(guild, "q1", START) == 0
    assert await curation.open_reports(guild) == ()
    assert await curation.open_reports(GuildId(99)) == (elsewhere,)


async def test_a_members_open_report_takes_the_reason_they_add(stores: Stores):
    _, curation = stores
    guild = GuildId(7)
    mine = Report(guild, "q1", VALENTINA, "reported from the answer", START)
    theirs = Report(guild, "q1", ALEXEI, "reported from the answer", START)
    await curation.add_report(mine)
    await curation.add_report(theirs)
    assert await curation.explain_report(guild, "q1", VALENTINA, "the year is 1963")
    assert await curation.open_reports(guild) == (replace(mine, reason="the year is 1963"), theirs)
    assert not await curation.explain_report(guild, "q2", VALENTINA, "nothing to explain")
    assert not await curation.explain_report(GuildId(99), "q1", VALENTINA, "elsewhere")
    await curation.settle_reports(guild, "q1", START)
    assert not await curation.explain_report(guild, "q1", VALENTINA, "too late")


async def test_fixes_and_decisions_round_trip_per_guild(stores: Stores):
    _, curation = stores
    guild = GuildId(7)
    fix = QuestionFix(guild, "q1", ("Klushantsev",), ("Pavel Klushantsev",), None, 4, 12, 3)
    await curation.save_fix(QuestionFix(guild, "q1"))
    await curation.save_fix(fix)
    await curation.save_fix(QuestionFix(guild, "q2", retired="ambiguous"))
    assert (await curation.fixes(guild))["q1"] == fix
    assert (await curation.fixes(guild))["q2"].retired == "ambiguous"
    assert await curation.fixes(GuildId(99)) == {}
    decision = FactDecision(guild, "claim-1", True, HOST, "the catalogue cites it", START)
    await curation.decide_fact(replace(decision, approved=False))
    await curation.decide_fact(decision)
    assert await curation.fact_decisions(guild) == {"claim-1": decision}
    assert await curation.fact_decisions(GuildId(99)) == {}
