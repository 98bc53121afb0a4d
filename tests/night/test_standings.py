"""Fair team scores, shared ranks and the tie-breaker."""

from __future__ import annotations

import random
from dataclasses import replace

from bot.game.models import PlayerRef
from bot.night import play, rules
from bot.night.models import RoundPlan, TieBreakGuess, player_key
from bot.night.standings import final_standings, standings, tied_for_podium
from tests.night.conftest import (
    ALEXEI,
    HOST,
    PAVEL,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
    make_night,
    signed_up,
)

BIG_TEAM = tuple(PlayerRef("discord", str(n), f"Member {n}") for n in range(20, 26))


def test_standings_small_strong_team_beats_big_team_with_more_total_points():
    members = {VALENTINA: "Duo", YURI: "Duo"} | dict.fromkeys(BIG_TEAM, "Crowd")
    state, _ = rules.start(signed_up(make_night(), members), HOST, START, POOL, random.Random(0))
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT})
    crowd_answers = dict.fromkeys(BIG_TEAM[:3], RIGHT) | dict.fromkeys(BIG_TEAM[3:], WRONG)
    state = answer_all(state, crowd_answers)
    duo, crowd = standings(state)
    assert (duo.name, duo.score, duo.points) == ("Duo", 10, 20)
    assert (crowd.name, crowd.score, crowd.points) == ("Crowd", 5, 30)


def test_standings_equal_scores_share_a_rank(solo_night):
    state = answer_all(solo_night, {VALENTINA: RIGHT, ALEXEI: RIGHT, PAVEL: WRONG})
    assert [(s.rank, s.points) for s in standings(state)] == [(1, 10), (1, 10), (3, 0)]
    assert set(tied_for_podium(standings(state))) == {player_key(VALENTINA), player_key(ALEXEI)}


def test_tied_for_podium_ignores_ties_below_the_podium():
    night = make_night(team_play=False, rounds=(RoundPlan("films", 2),))
    players = {
        VALENTINA: None,
        YURI: None,
        ALEXEI: None,
        PAVEL: None,
        **dict.fromkeys(BIG_TEAM[:1]),
    }
    state, _ = rules.start(signed_up(night, players), HOST, START, POOL, random.Random(0))
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT, ALEXEI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT})
    ranking = standings(state)
    assert [s.rank for s in ranking] == [1, 1, 3, 4, 4]
    assert set(tied_for_podium(ranking)) == {player_key(VALENTINA), player_key(YURI)}


def _tied(guesses: dict[PlayerRef, float]):
    night = make_night(team_play=False, rounds=(RoundPlan("films", 1),), answer=1963.0)
    players = dict.fromkeys([VALENTINA, YURI, ALEXEI, PAVEL])
    state, _ = rules.start(signed_up(night, players), HOST, START, POOL, random.Random(0))
    state = answer_all(state, dict.fromkeys(players, RIGHT))
    state, _ = rules.next_question(state, HOST, START)
    for player, value in guesses.items():
        state, _ = play.submit_tie_break(state, player, value, START)
    return state


def test_final_standings_closest_number_wins_and_equal_distances_stay_tied():
    state = _tied({VALENTINA: 1960, YURI: 1966, ALEXEI: 1963})
    ranking = {s.name: (s.rank, s.tie_break_distance) for s in final_standings(state)}
    assert ranking == {
        "Alexei": (1, 0.0),
        "Валентина": (2, 3.0),
        "Yuri 🚀": (2, 3.0),
        "Pavel": (4, None),
    }


def test_final_standings_nobody_giving_a_number_leaves_the_tie_as_it_was():
    ranking = [(s.rank, s.tie_break_distance) for s in final_standings(_tied({}))]
    assert ranking == [(1, None)] * 4


def test_final_standings_without_tie_break_are_the_standings(solo_night):
    state = answer_all(solo_night, {VALENTINA: RIGHT})
    assert final_standings(state) == standings(state)


def test_final_standings_only_settle_groups_of_contenders():
    state = _tied({})
    state = replace(
        state,
        contenders=(player_key(VALENTINA),),
        guesses=(TieBreakGuess(player_key(VALENTINA), VALENTINA, 1963, START),),
    )
    assert [s.rank for s in final_standings(state)] == [1, 1, 1, 1]
