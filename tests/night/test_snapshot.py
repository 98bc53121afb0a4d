"""Snapshots and the repository contract: a night comes back exactly as it was saved."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game.models import GuildId
from bot.night import play, rules
from bot.night.errors import NightStateError, SnapshotError
from bot.night.memory import InMemoryNightRepository, as_night_repository
from bot.night.models import NightId
from bot.night.repository import roster_of, with_roster
from bot.night.season import NightResult, night_result
from bot.night.snapshot import SNAPSHOT_VERSION, from_dict, to_dict
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    HOST,
    NADIA,
    PAVEL,
    RIGHT,
    START,
    VALENTINA,
    YURI,
    answer_all,
)


def test_snapshot_round_trip_through_json_is_exact(teams_night):
    state, _ = play.play_joker(teams_night, YURI, 1)
    state = answer_all(state, {VALENTINA: RIGHT, NADIA: CLOSE})
    state, _ = rules.pause(state, HOST, START + timedelta(seconds=3))
    data = json.loads(json.dumps(to_dict(state)))
    assert data["version"] == SNAPSHOT_VERSION
    read = with_roster(from_dict(data), roster_of(state))
    assert read == state
    assert read.participants[0].player.name == "Валентина"


def test_snapshot_leaves_the_roster_to_the_rows(teams_night):
    state, _ = play.play_joker(teams_night, YURI, 1)
    state = answer_all(state, {VALENTINA: RIGHT})
    data = to_dict(state)
    assert not {"participants", "jokers", "guesses"} & set(data["night"])
    alone = from_dict(data)
    assert (alone.participants, alone.jokers, alone.guesses) == ((), (), ())
    assert alone.answers == state.answers


def test_a_night_with_a_session_leaves_every_answer_to_it(solo_night):
    state = answer_all(solo_night, {VALENTINA: RIGHT, ALEXEI: CLOSE, PAVEL: CLOSE})
    cursor = state.question.cursor
    accepted, _ = play.accept_near_miss(state, HOST, cursor, ALEXEI)
    alone = from_dict(json.loads(json.dumps(to_dict(accepted))))
    assert alone.answers == accepted.answers  # no session: every answer, who accepted too
    recorded = replace(accepted, session_id=5)
    read = from_dict(json.loads(json.dumps(to_dict(recorded))))
    assert read.session_id == 5
    assert read.answers == ()  # even the near miss a host accepted: the session says who
    assert read == replace(recorded, answers=(), participants=())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a quiz-night snapshot"),
        ({"version": 1}, "not a quiz-night snapshot"),
        ({"version": 99, "night": {}}, "version 99"),
        ({"version": 1, "night": {}}, "version 1"),
        ({"version": SNAPSHOT_VERSION, "night": {"status": "dancing"}}, "damaged"),
    ],
)
def test_from_dict_bad_data_is_refused(data, message):
    with pytest.raises(SnapshotError, match=message):
        from_dict(data)


@pytest.fixture(params=["memory"])
def repository(request):
    # The SQL implementation joins this parametrisation when it exists.
    return as_night_repository(InMemoryNightRepository())


async def test_repository_get_unknown_night_is_none(repository):
    assert await repository.get(NightId(404)) is None


async def test_repository_ids_are_never_reused(repository):
    first, second = await repository.next_id(), await repository.next_id()
    assert first != second


async def test_repository_save_replaces_and_unfinished_lists_open_nights(repository, teams_night):
    other = replace(teams_night, night=replace(teams_night.night, id=NightId(2)))
    await repository.save(other)
    await repository.save(teams_night)
    moved = answer_all(teams_night, {VALENTINA: RIGHT})
    await repository.save(moved)
    assert await repository.get(teams_night.night.id) == moved
    assert await repository.unfinished() == (moved, other)
    finished, _ = rules.end(moved, HOST, START)
    await repository.save(finished)
    assert await repository.unfinished() == (other,)


async def test_repository_placings_by_guild_and_date(repository, teams_night):
    finished, _ = rules.end(teams_night, HOST, START + timedelta(days=1))
    early = night_result(finished)
    late = replace(early, night_id=NightId(2), finished_at=START + timedelta(days=9))
    elsewhere: NightResult = replace(early, night_id=NightId(3), guild_id=GuildId(99))
    for result in (late, early, elsewhere, early):
        await repository.add_result(result)
    assert await repository.placings(early.guild_id) == (early, late)
    assert await repository.placings(early.guild_id, since=START + timedelta(days=2)) == (late,)


def test_night_result_before_the_end_is_refused(teams_night):
    with pytest.raises(NightStateError, match="not over"):
        night_result(teams_night)
