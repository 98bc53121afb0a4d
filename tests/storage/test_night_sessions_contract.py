"""Quiz nights stored as sessions: every store counts them as the guild's setting says."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.game.models import (
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
    SessionFormat,
    SessionStatus,
)
from tests.storage.test_repository_contract import ANNA, BORIS, CHEN, T0, _answer

GUILD = GuildId(1)
OTHER = GuildId(2)
NIGHT = SessionConfig(Mode.QUIZ, question_limit=2, guess_limit=1, format=SessionFormat.NIGHT)


async def _night(repo, guild=GUILD, points=((ANNA, 30), (BORIS, 20)), close=False):
    """A finished night of one question; each player's answer credited when it closed."""
    session = await repo.create_session(guild, ChannelId(9), NIGHT, T0)
    stored = await repo.open_round(session.id, 0, "q-night", T0, 30.0)
    for player, value in points:
        answer = _answer(stored.id, player, points=value, sid=f"n-{guild}-{player.external_id}")
        await repo.record_answer(answer, credit=False, race=False)
    if close:
        miss = _answer(stored.id, CHEN, accepted=False, points=0, close=True, sid=f"n-{guild}-c")
        await repo.record_answer(miss, credit=False, race=False)
    await repo.settle_round(stored.id, T0 + timedelta(seconds=30), credit_latest=True)
    standings = await repo.session_standings(session.id)
    await repo.end_session(session.id, SessionStatus.FINISHED, T0 + timedelta(minutes=1), standings)
    return session, stored


async def _game(repo, guild=GUILD, player=BORIS, value=25):
    """A finished race game of one question won by ``player``."""
    session = await repo.create_session(guild, ChannelId(1), SessionConfig(Mode.RACE), T0)
    stored = await repo.open_round(session.id, 1, "q-game", T0, 30.0)
    answer = _answer(stored.id, player, points=value, sid=f"g-{guild}-{player.external_id}")
    await repo.record_answer(answer, credit=True, race=True)
    standings = await repo.session_standings(session.id)
    await repo.end_session(session.id, SessionStatus.FINISHED, T0, standings)
    return session


def _board(rows):
    return [(row.name, row.points) for row in rows]


async def _set_night_points(repo, guild, on):
    settings = await repo.guild_settings(guild)
    await repo.save_guild_settings(replace(settings, night_points=on))


async def test_night_points_count_on_leaderboards_and_in_stats_by_default(repo):
    await _night(repo)
    await _game(repo)
    now = T0 + timedelta(hours=1)
    assert (await repo.guild_settings(GUILD)).night_points is True
    expected = [("Boris", 45), ("Anna", 30)]
    assert _board(await repo.leaderboard(GUILD, Period.ALL_TIME, now)) == expected
    assert _board(await repo.leaderboard(None, Period.WEEK, now)) == expected
    anna = await repo.player_id(ANNA)
    rank = await repo.rank(GUILD, Period.MONTH, now, anna)
    assert (rank.standing.rank, rank.standing.points) == (2, 30)
    stats = await repo.player_stats(anna, GUILD)
    assert (stats.games, stats.wins, stats.answers, stats.correct) == (1, 1, 1, 1)
    boris = await repo.player_stats(await repo.player_id(BORIS), None)
    assert (boris.games, boris.wins, boris.answers) == (2, 1, 2)


async def test_turning_night_points_off_takes_them_off_and_on_puts_them_back(repo):
    await _night(repo)
    await _night(repo, guild=OTHER, points=((ANNA, 5),))
    await _game(repo)
    now = T0 + timedelta(hours=1)
    anna = await repo.player_id(ANNA)

    await _set_night_points(repo, GUILD, False)
    assert (await repo.guild_settings(GUILD)).night_points is False
    assert _board(await repo.leaderboard(GUILD, Period.ALL_TIME, now)) == [("Boris", 25)]
    # The other guild still counts its night, on its board and on the global one.
    assert _board(await repo.leaderboard(None, Period.ALL_TIME, now)) == [
        ("Boris", 25),
        ("Anna", 5),
    ]
    assert _board(await repo.leaderboard(OTHER, Period.ALL_TIME, now)) == [("Anna", 5)]
    assert await repo.rank(GUILD, Period.ALL_TIME, now, anna) is None
    global_rank = await repo.rank(None, Period.ALL_TIME, now, anna)
    assert (global_rank.standing.rank, global_rank.standing.points) == (2, 5)
    stats = await repo.player_stats(anna, GUILD)
    assert (stats.games, stats.wins, stats.answers) == (0, 0, 0)
    boris = await repo.player_stats(await repo.player_id(BORIS), GUILD)
    assert (boris.games, boris.wins, boris.answers) == (1, 1, 1)

    await _set_night_points(repo, GUILD, True)
    assert _board(await repo.leaderboard(GUILD, Period.ALL_TIME, now)) == [
        ("Boris", 45),
        ("Anna", 30),
    ]
    assert _board(await repo.leaderboard(None, Period.ALL_TIME, now)) == [
        ("Boris", 45),
        ("Anna", 35),
    ]
    rank = await repo.rank(None, Period.ALL_TIME, now, anna)
    assert (rank.standing.rank, [s.name for s in rank.above]) == (2, ["Boris"])


async def test_a_night_played_while_its_points_are_off_counts_once_turned_on(repo):
    await _set_night_points(repo, GUILD, False)
    await _night(repo)
    now = T0 + timedelta(hours=1)
    assert await repo.leaderboard(GUILD, Period.ALL_TIME, now) == []
    # Saving other settings leaves the night points where they are.
    settings = await repo.guild_settings(GUILD)
    await repo.save_guild_settings(replace(settings, guess_limit=5))
    assert await repo.leaderboard(None, Period.ALL_TIME, now) == []
    await _set_night_points(repo, GUILD, True)
    assert _board(await repo.leaderboard(GUILD, Period.ALL_TIME, now)) == [
        ("Anna", 30),
        ("Boris", 20),
    ]


async def test_nights_stay_out_of_game_recovery_and_their_near_misses_say_so(repo):
    running = await repo.create_session(GUILD, ChannelId(9), NIGHT, T0)
    assert running.format is SessionFormat.NIGHT
    await repo.open_round(running.id, 0, "q-open", T0, 30.0)
    await _night(repo, close=True)
    assert await repo.unfinished_sessions() == []
    (miss,) = await repo.near_misses(GUILD)
    assert (miss.format, miss.player, miss.name) == (SessionFormat.NIGHT, CHEN, CHEN.name)
    assert await repo.near_miss(miss.answer_id) == miss
    # Night rounds are asked questions of the guild all the same.
    assert {"q-open", "q-night"} <= await repo.asked_item_ids(GUILD)


async def test_an_accepted_night_near_miss_is_stored_accepted_and_counts_as_correct(repo):
    session, _ = await _night(repo, close=True)
    miss = await repo.submitted_near_miss(f"n-{GUILD}-c")
    assert miss is not None
    assert miss.format is SessionFormat.NIGHT
    assert await repo.submitted_near_miss("n-unknown") is None
    host = PlayerRef("discord", "77", "Host with a long name " * 6)
    accepted_at = T0 + timedelta(minutes=5)
    outcome = await repo.accept_near_miss(miss.answer_id, 12, accepted_at, host)
    assert outcome.points == 12
    # Who accepted it and when are stored with the answer (the name as far as it fits).
    (stored,) = [a for a in await repo.session_answers(session.id) if a.answer_id == miss.answer_id]
    assert (stored.accepted, stored.accepted_by, stored.accepted_at) == (True, host, accepted_at)
    assert host.name.startswith(stored.accepted_by.name)
    others = [a for a in await repo.session_answers(session.id) if a.answer_id != miss.answer_id]
    assert others
    assert {(a.accepted_by, a.accepted_at) for a in others} == {(None, None)}
    assert await repo.submitted_near_miss(f"n-{GUILD}-c") is None
    assert await repo.near_misses(GUILD) == []
    chen = await repo.player_stats(await repo.player_id(CHEN), GUILD)
    assert (chen.answers, chen.correct) == (1, 1)
    now = T0 + timedelta(hours=1)
    board = _board(await repo.leaderboard(GUILD, Period.ALL_TIME, now))
    assert ("Chen", 12) in board
    assert (await repo.question_stats("q-night")).correct == 3


async def test_a_rejected_near_miss_leaves_the_review_without_points(repo):
    await _night(repo, close=True)
    (miss,) = await repo.near_misses(GUILD)
    assert await repo.reject_near_miss(miss.answer_id) is True
    assert await repo.reject_near_miss(miss.answer_id) is False
    assert await repo.near_misses(GUILD) == []
    assert await repo.accept_near_miss(miss.answer_id, 12, T0) is None
    chen = await repo.player_stats(await repo.player_id(CHEN), GUILD)
    assert (chen.answers, chen.correct) == (1, 0)


async def test_opening_a_nights_question_again_returns_its_round(repo):
    session = await repo.create_session(GUILD, ChannelId(9), NIGHT, T0)
    first = await repo.open_round(session.id, 3, "q-1", T0, 30.0)
    again = await repo.open_round(session.id, 3, "q-1", T0 + timedelta(seconds=1), 30.0)
    assert again.id == first.id
    other = await repo.open_round(session.id, 4, "q-2", T0, 30.0)
    assert other.id != first.id


async def test_guild_settings_keep_night_points(repo):
    default = await repo.guild_settings(OTHER)
    assert default == GuildSettings(OTHER)
    await repo.save_guild_settings(replace(default, night_points=False, guess_limit=4))
    assert await repo.guild_settings(OTHER) == replace(default, night_points=False, guess_limit=4)


async def test_session_answers_come_back_in_order_with_their_round_and_settlement(repo):
    session = await repo.create_session(GUILD, ChannelId(9), NIGHT, T0)
    first = await repo.open_round(session.id, 0, "q-first", T0, 30.0)
    second = await repo.open_round(session.id, 1, "q-second", T0, 30.0)
    later = T0 + timedelta(seconds=5)
    await repo.record_answer(
        _answer(first.id, ANNA, points=20, at=later, sid="s-anna"), credit=False, race=False
    )
    for player, sid in ((BORIS, "s-boris"), (CHEN, "s-chen")):
        miss = _answer(second.id, player, accepted=False, points=0, close=True, sid=sid, ms=2500)
        await repo.record_answer(miss, credit=False, race=False)
    # Another session's answers are not this one's.
    other = await repo.create_session(OTHER, ChannelId(9), NIGHT, T0)
    elsewhere = await repo.open_round(other.id, 0, "q-first", T0, 30.0)
    await repo.record_answer(_answer(elsewhere.id, ANNA, sid="s-other"), credit=False, race=False)
    boris = await repo.submitted_near_miss("s-boris")
    chen = await repo.submitted_near_miss("s-chen")
    await repo.accept_near_miss(boris.answer_id, 14, later)
    await repo.reject_near_miss(chen.answer_id)

    stored = await repo.session_answers(session.id)
    assert [(a.round_id, a.position, a.item_id, a.player) for a in stored] == [
        (first.id, 0, "q-first", ANNA),
        (second.id, 1, "q-second", BORIS),
        (second.id, 1, "q-second", CHEN),
    ]
    assert [a.player.name for a in stored] == ["Anna", "Boris", "Chen"]
    assert [(a.accepted, a.close, a.reviewed, a.points) for a in stored] == [
        (True, False, False, 20),
        (True, True, True, 14),
        (False, True, True, 0),
    ]
    anna = stored[0]
    assert (anna.text, anna.submitted_at, anna.similarity, anna.elapsed_ms) == (
        "answer",
        later,
        90.0,
        1000,
    )
    assert [a.submission_id for a in stored] == ["s-anna", "s-boris", "s-chen"]
    assert stored[1].answer_id == boris.answer_id
    assert await repo.session_answers(session.id + 100) == []
