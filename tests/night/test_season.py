"""The season table across nights."""

from __future__ import annotations

from datetime import timedelta

from bot.game.models import GuildId, PlayerRef
from bot.night import rules
from bot.night.models import NightId, RoundPlan
from bot.night.play import submit_tie_break
from bot.night.season import NightResult, PlayerResult, night_result, season_table
from tests.night.conftest import (
    ALEXEI,
    HOST,
    NADIA,
    PAVEL,
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


def _finished(state):
    state, _ = rules.end(state, HOST, START)
    return state


def test_team_night_win_goes_to_the_winning_team_not_the_best_player(teams_night):
    # Red Rockets (2 members) both right; Cosmonauts (3) only Alexei right: Alexei ties
    # for the best player, but his team's mean loses.
    state = answer_all(teams_night, {VALENTINA: RIGHT, YURI: RIGHT, ALEXEI: RIGHT, PAVEL: WRONG})
    result = night_result(_finished(state))
    wins = {p.player: p.is_win for p in result.players}
    assert wins == {VALENTINA: True, YURI: True, ALEXEI: False, PAVEL: False, NADIA: False}
    table = {row.player: row.wins for row in season_table([result])}
    assert table[ALEXEI] == 0
    assert table[VALENTINA] == table[YURI] == 1


def test_tie_breaker_decides_who_wins_the_night():
    night = make_night(team_play=False, rounds=(RoundPlan("films", 1),))
    state = started(signed_up(night, {VALENTINA: None, ALEXEI: None}))
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state, _ = submit_tie_break(state, VALENTINA, 1970, START)
    state, _ = submit_tie_break(state, ALEXEI, 1964, START)
    state, _ = rules.next_question(state, HOST, START)
    result = night_result(state)
    assert {p.player: (p.rank, p.is_win) for p in result.players} == {
        VALENTINA: (1, False),
        ALEXEI: (1, True),
    }


def test_results_kept_before_wins_were_recorded_count_rank_one_as_a_win():
    assert PlayerResult(VALENTINA, 10, 1).is_win
    assert not PlayerResult(VALENTINA, 10, 2).is_win
