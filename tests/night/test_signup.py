"""Sign-ups, team choice and hosts handing over."""

from __future__ import annotations

import pytest

from bot.night import rules, signup
from bot.night.errors import NightPermissionError, NightPlanError, NightStateError
from bot.night.events import CohostAdded, PlayerJoined, PlayerLeft, SignupsOpened
from bot.night.models import NightStatus
from tests.night.conftest import (
    ALEXEI,
    COHOST,
    HOST,
    START,
    STRANGER,
    VALENTINA,
    make_night,
    signed_up,
)


def test_open_signups_twice_is_refused():
    state, events = signup.open_signups(rules.create_night(make_night()), HOST)
    assert events == (SignupsOpened(),)
    assert state.status is NightStatus.SIGNING_UP
    with pytest.raises(NightStateError, match="once"):
        signup.open_signups(state, HOST)


def test_join_before_signups_open_is_refused():
    with pytest.raises(NightStateError, match="not open"):
        signup.join(rules.create_night(make_night()), VALENTINA, "A", START)


@pytest.mark.parametrize("team", [None, "   ", "x" * 41])
def test_join_team_night_without_a_valid_team_is_refused(team):
    with pytest.raises(NightPlanError):
        signup.join(signed_up(make_night(), {}), VALENTINA, team, START)


def test_join_again_moves_the_member_to_the_other_team():
    state = signed_up(make_night(), {VALENTINA: "Red Rockets", ALEXEI: "Cosmonauts"})
    state, events = signup.join(state, VALENTINA, "cosmonauts", START)
    assert events == (PlayerJoined(VALENTINA, "Cosmonauts"),)
    assert [(t.name, t.members) for t in state.teams()] == [("Cosmonauts", (VALENTINA, ALEXEI))]


def test_join_solo_night_ignores_the_team():
    state = signed_up(make_night(team_play=False), {VALENTINA: "Red Rockets"})
    assert state.participants[0].team is None
    assert state.teams() == ()


def test_leave_withdraws_the_signup():
    state = signed_up(make_night(), {VALENTINA: "A", ALEXEI: "B"})
    state, events = signup.leave(state, VALENTINA)
    assert events == (PlayerLeft(VALENTINA),)
    assert [p.player for p in state.participants] == [ALEXEI]
    with pytest.raises(NightStateError, match="not signed up"):
        signup.leave(state, VALENTINA)


def test_leave_after_signups_closed_is_refused(teams_night):
    with pytest.raises(NightStateError, match="closed"):
        signup.leave(teams_night, VALENTINA)


def test_add_cohost_lets_them_take_over_and_the_creator_take_back(teams_night):
    state, events = signup.add_cohost(teams_night, HOST, COHOST)
    assert events == (CohostAdded(COHOST),)
    state, _ = signup.take_over(state, COHOST)
    assert state.controller == COHOST
    with pytest.raises(NightPermissionError):
        rules.pause(state, HOST, START)
    state, _ = signup.take_over(state, HOST)
    assert state.controller == HOST


def test_add_cohost_twice_is_refused(teams_night):
    state, _ = signup.add_cohost(teams_night, HOST, COHOST)
    with pytest.raises(NightStateError, match="already hosts"):
        signup.add_cohost(state, HOST, COHOST)


def test_take_over_by_a_stranger_or_the_host_in_control_is_refused(teams_night):
    with pytest.raises(NightPermissionError, match="co-host"):
        signup.take_over(teams_night, STRANGER)
    with pytest.raises(NightStateError, match="already hosting"):
        signup.take_over(teams_night, HOST)


def test_hosting_changes_after_the_night_are_refused(teams_night):
    state, _ = signup.add_cohost(teams_night, HOST, COHOST)
    state, _ = rules.end(state, HOST, START)
    with pytest.raises(NightStateError, match="over"):
        signup.take_over(state, COHOST)
    with pytest.raises(NightStateError, match="over"):
        signup.add_cohost(state, HOST, STRANGER)
