"""One contract for every repository: memory, SQLite and PostgreSQL behave the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.game.models import (
    AnswerRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    Period,
    PlayerId,
    PlayerRef,
    SessionConfig,
    SessionStatus,
)

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # a Monday
ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")
CHEN = PlayerRef("discord", "3", "Chen")


def _answer(round_id, player, *, accepted=True, points=10, at=T0, close=False, sid=None, ms=1000):
    return AnswerRecord(
        round_id, player, "answer", at, accepted, close, 90.0, ms, points, submission_id=sid
    )


async def _round(repo, guild=1, channel=1, mode=Mode.RACE, position=1, item="q-1", at=T0):
    session = await repo.create_session(GuildId(guild), ChannelId(channel), SessionConfig(mode), at)
    return session, await repo.open_round(session.id, position, item, at, 30.0)


async def test_race_first_accepted_answer_wins_once(repo):
    _, stored = await _round(repo)
    first = await repo.record_answer(_answer(stored.id, ANNA), credit=True, race=True)
    second = await repo.record_answer(_answer(stored.id, BORIS), credit=True, race=True)
    assert (first.points, first.won_round) == (10, True)
    assert (second.points, second.won_round) == (0, False)


async def test_repeated_submission_is_stored_and_counted_once(repo):
    session, stored = await _round(repo)
    answer = _answer(stored.id, ANNA, sid="msg-1")
    first = await repo.record_answer(answer, credit=True, race=True)
    again = await repo.record_answer(answer, credit=True, race=True)
    assert first == again
    assert [s.points for s in await repo.session_standings(session.id)] == [10]
    stats = await repo.player_stats(await repo.player_id(ANNA), None)
    assert stats.answers == 1


async def test_wrong_answer_is_stored_without_points(repo):
    session, stored = await _round(repo)
    outcome = await repo.record_answer(
        _answer(stored.id, ANNA, accepted=False, points=0), True, True
    )
    assert outcome.points == 0
    (standing,) = await repo.session_standings(session.id)
    assert standing.points == 0


async def test_settle_credits_latest_answer_per_player_once(repo):
    session, stored = await _round(repo, mode=Mode.QUIZ)
    await repo.record_answer(_answer(stored.id, ANNA, points=9), credit=False, race=False)
    await repo.record_answer(_answer(stored.id, ANNA, accepted=False, points=0), False, False)
    await repo.record_answer(_answer(stored.id, BORIS, accepted=False, points=0), False, False)
    await repo.record_answer(_answer(stored.id, BORIS, points=7), credit=False, race=False)
    credits = await repo.settle_round(stored.id, T0, credit_latest=True)
    assert {(c.player, c.points) for c in credits} == {(BORIS, 7)}
    assert list(await repo.settle_round(stored.id, T0, credit_latest=True)) == []
    points = {s.name: s.points for s in await repo.session_standings(session.id)}
    assert points == {"Boris": 7, "Anna": 0}


async def test_leaderboards_per_guild_global_and_period(repo):
    season = await repo.start_season("Spring", T0 - timedelta(days=1))
    _, r1 = await _round(repo, guild=1, at=T0)
    _, r2 = await _round(repo, guild=2, channel=2, at=T0)
    _, old = await _round(repo, guild=1, channel=3, at=T0 - timedelta(days=40))
    await repo.record_answer(_answer(r1.id, ANNA, points=10), True, True)
    await repo.record_answer(_answer(r2.id, BORIS, points=8), True, True)
    await repo.record_answer(
        _answer(old.id, BORIS, points=5, at=T0 - timedelta(days=40)), True, True
    )
    guild = await repo.leaderboard(GuildId(1), Period.ALL_TIME, T0)
    assert [(s.name, s.points) for s in guild] == [("Anna", 10), ("Boris", 5)]
    week = await repo.leaderboard(None, Period.WEEK, T0 + timedelta(days=2))
    assert [(s.name, s.points) for s in week] == [("Anna", 10), ("Boris", 8)]
    assert await repo.leaderboard(None, Period.WEEK, T0 + timedelta(days=7)) == []
    seasonal = await repo.leaderboard(None, Period.SEASON, T0)
    assert [(s.name, s.points) for s in seasonal] == [("Anna", 10), ("Boris", 8)]
    everywhere = await repo.leaderboard(None, Period.ALL_TIME, T0)
    assert [(s.rank, s.points) for s in everywhere] == [(1, 13), (2, 10)]
    assert (await repo.current_season(T0)).id == season.id


async def test_season_board_empty_without_season(repo):
    _, stored = await _round(repo)
    await repo.record_answer(_answer(stored.id, ANNA), True, True)
    assert await repo.leaderboard(None, Period.SEASON, T0) == []
    assert await repo.current_season(T0) is None


async def test_rank_with_ties_and_neighbours(repo):
    players = [PlayerRef("discord", str(n), f"P{n}") for n in range(6)]
    for n, (player, points) in enumerate(zip(players, [50, 40, 40, 30, 20, 10], strict=True)):
        _, stored = await _round(repo, channel=n, position=1, at=T0)
        await repo.record_answer(_answer(stored.id, player, points=points), True, True)
    me = await repo.player_id(players[3])
    info = await repo.rank(GuildId(1), Period.ALL_TIME, T0, me, neighbours=2)
    assert info.standing.rank == 4
    assert [(s.name, s.rank) for s in info.above] == [("P1", 2), ("P2", 2)]
    assert [(s.name, s.rank) for s in info.below] == [("P4", 5), ("P5", 6)]
    tied = await repo.rank(GuildId(1), Period.ALL_TIME, T0, await repo.player_id(players[2]))
    assert tied.standing.rank == 2
    assert await repo.rank(GuildId(1), Period.ALL_TIME, T0, PlayerId(9999)) is None


async def test_player_and_question_stats(repo):
    for position, (accepted, ms) in enumerate([(True, 1000), (True, 3000), (False, 500)], 1):
        session, stored = await _round(repo, channel=position, item="q-7")
        answer = _answer(stored.id, ANNA, accepted=accepted, points=10 if accepted else 0, ms=ms)
        await repo.record_answer(answer, True, True)
        standings = await repo.session_standings(session.id)
        await repo.end_session(session.id, SessionStatus.FINISHED, T0, standings)
    stats = await repo.player_stats(await repo.player_id(ANNA), GuildId(1))
    assert (stats.games, stats.wins, stats.answers, stats.correct) == (3, 2, 3, 2)
    assert stats.median_answer_ms == 2000
    assert stats.best_streak == 2
    assert round(stats.accuracy, 2) == 0.67
    question = await repo.question_stats("q-7")
    assert (question.times_asked, question.answers, question.correct) == (3, 3, 2)
    assert question.median_answer_ms == 2000
    assert await repo.player_stats(PlayerId(9999), None) is None


async def test_many_players_records_match_each_players_and_questions_stay_in_their_guild(repo):
    one, first = await _round(repo, guild=1, item="q-1")
    await repo.record_answer(_answer(first.id, ANNA, ms=1000), True, True)
    await repo.record_answer(_answer(first.id, BORIS, accepted=False, points=0), True, True)
    await repo.end_session(one.id, SessionStatus.FINISHED, T0, await repo.session_standings(one.id))
    _, elsewhere = await _round(repo, guild=2, item="q-1")
    await repo.record_answer(_answer(elsewhere.id, CHEN, accepted=False, points=0), True, True)
    _, second = await _round(repo, guild=1, channel=2, item="q-2")
    await repo.record_answer(_answer(second.id, ANNA, accepted=False, points=0), True, True)

    ids = [await repo.player_id(p) for p in (ANNA, BORIS, CHEN)]
    records = await repo.board_records([*ids, PlayerId(9999)], GuildId(1))
    for player_id in ids[:2]:
        stats = await repo.player_stats(player_id, GuildId(1))
        record = records[player_id]
        assert (record.answers, record.correct, record.best_streak) == (
            stats.answers,
            stats.correct,
            stats.best_streak,
        )
    assert set(records) == set(ids[:2])  # Chen answered only elsewhere; 9999 never
    assert (records[ids[0]].answers, records[ids[0]].correct) == (2, 1)
    assert records[ids[0]].accuracy == 0.5
    assert await repo.board_records([], GuildId(1)) == {}

    questions = await repo.guild_question_stats(GuildId(1))
    assert set(questions) == {"q-1", "q-2"}
    q1 = questions["q-1"]
    assert (q1.times_asked, q1.answers, q1.correct, q1.median_answer_ms) == (1, 2, 1, 1000)
    assert (questions["q-2"].answers, questions["q-2"].correct) == (1, 0)
    assert (await repo.guild_question_stats(GuildId(2)))["q-1"].answers == 1
    assert await repo.guild_question_stats(GuildId(3)) == {}


async def test_board_records_count_last_answers_and_the_longest_run_as_player_stats(repo):
    # Anna: right, right, (wrong then right: the last counts), wrong, right, right, right.
    verdicts = [(True,), (True,), (False, True), (False,), (True,), (True,), (True,)]
    for position, given in enumerate(verdicts, 1):
        _, stored = await _round(repo, channel=position, item=f"q-{position}")
        for number, accepted in enumerate(given):
            answer = _answer(
                stored.id, ANNA, accepted=accepted, points=0, sid=f"s{position}{number}"
            )
            await repo.record_answer(answer, False, False)
    anna = await repo.player_id(ANNA)
    record = (await repo.board_records([anna], GuildId(1)))[anna]
    stats = await repo.player_stats(anna, GuildId(1))
    assert (record.answers, record.correct, record.best_streak) == (7, 6, 3)
    assert (stats.answers, stats.correct, stats.best_streak) == (7, 6, 3)
    assert await repo.board_records([anna], GuildId(2)) == {}


async def test_web_pages_are_off_until_switched_on(repo):
    assert (await repo.guild_settings(GuildId(4))).web_pages is False
    await repo.save_guild_settings(GuildSettings(GuildId(4), web_pages=True))
    assert (await repo.guild_settings(GuildId(4))).web_pages is True
    assert (await repo.guild_settings(GuildId(5))).web_pages is False


async def test_near_miss_accepted_once_with_points_and_form(repo):
    session, stored = await _round(repo, item="q-9")
    miss = _answer(stored.id, ANNA, accepted=False, points=0, close=True)
    await repo.record_answer(miss, True, True)
    (found,) = await repo.near_misses(GuildId(1))
    assert found.name == "Anna"
    assert await repo.near_misses(GuildId(2)) == []
    outcome = await repo.accept_near_miss(found.answer_id, 8, T0, BORIS)
    assert outcome.points == 8
    assert await repo.accept_near_miss(found.answer_id, 8, T0, ANNA) is None
    # The answer keeps when it was accepted and by which moderator.
    (answer,) = await repo.session_answers(session.id)
    assert (answer.accepted, answer.accepted_by, answer.accepted_at) == (True, BORIS, T0)
    assert await repo.near_miss(found.answer_id) is None
    assert dict(await repo.accepted_forms()) == {(GuildId(1), "q-9"): ("answer",)}
    board = await repo.leaderboard(GuildId(1), Period.ALL_TIME, T0)
    assert [(s.name, s.points) for s in board] == [("Anna", 8)]


async def test_guild_settings_default_and_saved(repo):
    assert await repo.guild_settings(GuildId(5)) == GuildSettings(GuildId(5))
    wanted = GuildSettings(GuildId(5), 45.0, frozenset({ChannelId(7), ChannelId(9)}), 123, 2)
    await repo.save_guild_settings(wanted)
    assert await repo.guild_settings(GuildId(5)) == wanted


async def test_unfinished_sessions_and_asked_items(repo):
    session, stored = await _round(repo, item="q-3")
    done, _ = await _round(repo, channel=2, item="q-4")
    await repo.end_session(done.id, SessionStatus.FINISHED, T0, [])
    (left,) = await repo.unfinished_sessions()
    assert left.session.id == session.id
    assert left.last_round.round.id == stored.id
    assert not left.last_round.closed
    assert await repo.asked_item_ids(GuildId(1)) == {"q-3", "q-4"}


async def test_award_credits_once(repo):
    _, stored = await _round(repo)
    assert (await repo.award(stored.id, ANNA, 1, T0)).points == 1
    assert (await repo.award(stored.id, ANNA, 1, T0)).points == 0
