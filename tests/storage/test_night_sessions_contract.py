"""Quiz nights stored as sessions: every store counts them in leaderboards and stats."""

from __future__ import annotations

from datetime import timedelta

from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    Period,
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


async def test_night_points_count_on_leaderboards_and_in_stats(repo):
    await _night(repo)
    await _game(repo)
    now = T0 + timedelta(hours=1)
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


async def test_nights_stay_out_of_game_recovery_and_game_near_misses(repo):
    running = await repo.create_session(GUILD, ChannelId(9), NIGHT, T0)
    assert running.format is SessionFormat.NIGHT
    await repo.open_round(running.id, 0, "q-open", T0, 30.0)
    await _night(repo, close=True)
    assert await repo.unfinished_sessions() == []
    assert await repo.near_misses(GUILD) == []
    # Night rounds are asked questions of the guild all the same.
    assert {"q-open", "q-night"} <= await repo.asked_item_ids(GUILD)


async def test_opening_a_nights_question_again_returns_its_round(repo):
    session = await repo.create_session(GUILD, ChannelId(9), NIGHT, T0)
    first = await repo.open_round(session.id, 3, "q-1", T0, 30.0)
    again = await repo.open_round(session.id, 3, "q-1", T0 + timedelta(seconds=1), 30.0)
    assert again.id == first.id
    other = await repo.open_round(session.id, 4, "q-2", T0, 30.0)
    assert other.id != first.id
