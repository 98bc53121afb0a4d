"""The season table across nights."""

from __future__ import annotations

from datetime import timedelta

from bot.game.models import GuildId, PlayerRef
from bot.night.models import NightId
from bot.night.season import NightResult, PlayerResult, season_table
from tests.night.conftest import ALEXEI, PAVEL, START, VALENTINA


def _night(number: int, *players: tuple[PlayerRef, int, int]) -> NightResult:
    results = tuple(PlayerResult(p, points, rank) for p, points, rank in players)
    return NightResult(
        NightId(number), GuildId(7), "Night", START + timedelta(days=number), results
    )


def test_season_table_ranks_by_points_then_wins_and_shares_equal_ranks():
    renamed = PlayerRef(VALENTINA.platform, VALENTINA.external_id, "Valya")
    table = season_table(
        [
            _night(2, (renamed, 30, 1), (ALEXEI, 20, 2), (PAVEL, 10, 3)),
            _night(1, (VALENTINA, 10, 2), (ALEXEI, 20, 1), (PAVEL, 40, 1)),
        ]
    )
    assert [(r.rank, r.player.name, r.points, r.nights, r.wins, r.best_rank) for r in table] == [
        (1, "Pavel", 50, 2, 1, 1),
        (2, "Alexei", 40, 2, 1, 1),
        (2, "Valya", 40, 2, 1, 1),
    ]


def test_season_table_without_nights_is_empty():
    assert season_table([]) == ()
