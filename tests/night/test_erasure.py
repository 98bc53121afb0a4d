"""A forgotten member's part in a quiz night: taken out, and the result recomputed."""

from __future__ import annotations

from bot.game.privacy import DELETED_NAME
from bot.night import rules
from bot.night.erasure import DELETED_PLATFORM, forget_in_night, forget_in_result, names_member
from bot.night.models import RoundPlan
from bot.night.play import submit_tie_break
from bot.night.season import night_result, season_table
from tests.night.conftest import (
    ALEXEI,
    HOST,
    RIGHT,
    START,
    VALENTINA,
    answer_all,
    make_night,
    signed_up,
    started,
)


def _tie_broken_night():
    """Valentina and Alexei both right; Alexei's tie-breaker guess wins the night."""
    night = make_night(team_play=False, rounds=(RoundPlan("films", 1),))
    state = started(signed_up(night, {VALENTINA: None, ALEXEI: None}))
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state, _ = submit_tie_break(state, VALENTINA, 1970, START)
    state, _ = submit_tie_break(state, ALEXEI, 1964, START)
    state, _ = rules.next_question(state, HOST, START)
    return state


def test_forgetting_takes_answers_guesses_and_sign_up_and_recomputes_the_win():
    state = _tie_broken_night()
    before = night_result(state)
    assert {p.player: p.is_win for p in before.players} == {VALENTINA: False, ALEXEI: True}

    forgotten = forget_in_night(state, ALEXEI)
    assert not names_member(forgotten, ALEXEI)
    assert [p.player for p in forgotten.participants] == [VALENTINA]
    assert {a.player for a in forgotten.answers} == {VALENTINA}
    assert [g.player for g in forgotten.guesses] == [VALENTINA]
    result = forget_in_result(before, ALEXEI, forgotten)
    assert [(p.player, p.rank, p.is_win) for p in result.players] == [(VALENTINA, 1, True)]
    assert [(r.player, r.wins) for r in season_table([result])] == [(VALENTINA, 1)]


def test_a_forgotten_host_becomes_an_anonymous_stand_in():
    state = forget_in_night(_tie_broken_night(), HOST)
    assert state.night.host == state.controller
    assert (state.controller.platform, state.controller.name) == (DELETED_PLATFORM, DELETED_NAME)
    assert state.controller.external_id != HOST.external_id
    assert [p.player for p in state.participants] == [VALENTINA, ALEXEI]


def test_a_result_without_its_night_loses_only_the_members_line():
    result = night_result(_tie_broken_night())
    without = forget_in_result(result, ALEXEI)
    assert [p.player for p in without.players] == [VALENTINA]
    assert without.players[0] == next(p for p in result.players if p.player == VALENTINA)
