"""The in-memory night store: a night comes back as it was saved, its answers left to its
session."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game.models import GuildId
from bot.night import rules
from bot.night.errors import NightStateError
from bot.night.memory import InMemoryNightRepository, as_night_repository
from bot.night.models import NightId
from bot.night.season import NightResult, night_result
from tests.night.conftest import (
    HOST,
    RIGHT,
    START,
    VALENTINA,
    answer_all,
)


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
    assert moved.answers
    assert await repository.get(teams_night.night.id) == replace(moved, answers=())
    assert await repository.unfinished() == (replace(moved, answers=()), other)
    finished, _ = rules.end(replace(moved, answers=()), HOST, START)
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
