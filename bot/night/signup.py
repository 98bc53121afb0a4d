"""Sign-ups and hosting: opening sign-ups, joining a team, leaving, co-hosts taking over."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from bot.game.models import PlayerRef
from bot.night.errors import NightPermissionError, NightPlanError, NightStateError
from bot.night.events import CohostAdded, HostChanged, PlayerJoined, PlayerLeft, SignupsOpened
from bot.night.models import NightState, NightStatus, Participant
from bot.night.rules import Transition, ensure_controller

MAX_TEAM_NAME = 40


def open_signups(state: NightState, by: PlayerRef) -> Transition:
    """Let members join the scheduled night.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The night is not scheduled.
    """
    ensure_controller(state, by)
    if state.status is not NightStatus.SCHEDULED:
        raise NightStateError("Sign-ups are only opened once, before the night starts.")
    return replace(state, status=NightStatus.SIGNING_UP), (SignupsOpened(),)


def join(state: NightState, player: PlayerRef, team: str | None, now: datetime) -> Transition:
    """Sign a member up, or move them to another team.

    Args:
        state: A night taking sign-ups.
        player: The member.
        team: The team's name with team play (a new name founds a team); ignored without.
        now: The current time.

    Raises:
        NightStateError: Sign-ups are not open.
        NightPlanError: Team play is on and the team name is blank or too long.
    """
    check_signups_open(state)
    chosen = _team_name(state, team) if state.night.team_play else None
    existing = state.participant(player)
    if existing is None:
        participants = (*state.participants, Participant(player, chosen, now))
    else:
        participants = tuple(
            replace(p, team=chosen) if p.player == player else p for p in state.participants
        )
    return replace(state, participants=participants), (PlayerJoined(player, chosen),)


def join_interested(state: NightState, players: Iterable[PlayerRef], now: datetime) -> Transition:
    """Sign up the members who marked the night's Discord event as Interested.

    Only without team play (a team needs its name, which only the member can give) and
    only while sign-ups are open; members already signed up stay as they are.
    """
    if state.night.team_play or state.status is not NightStatus.SIGNING_UP:
        return state, ()
    # Matched on the account, not the name: a member may have renamed since joining.
    known = {(p.player.platform, p.player.external_id) for p in state.participants}
    added: list[Participant] = []
    for player in players:
        if (player.platform, player.external_id) not in known:
            known.add((player.platform, player.external_id))
            added.append(Participant(player, None, now))
    if not added:
        return state, ()
    events = tuple(PlayerJoined(p.player, None) for p in added)
    return replace(state, participants=(*state.participants, *added)), events


def check_signups_open(state: NightState) -> None:
    """Check that the night takes sign-ups, before a member is asked for a team name.

    Raises:
        NightStateError: Sign-ups have not opened, or closed when the night started or ended.
    """
    if state.status is NightStatus.FINISHED:
        raise NightStateError("This quiz night is over; sign-ups are closed.")
    if state.status is not NightStatus.SIGNING_UP and state.status is not NightStatus.SCHEDULED:
        raise NightStateError("Sign-ups closed when the night started.")
    if state.status is not NightStatus.SIGNING_UP:
        raise NightStateError("Sign-ups are not open.")


def leave(state: NightState, player: PlayerRef) -> Transition:
    """Withdraw a member's sign-up before the start.

    Raises:
        NightStateError: Sign-ups are closed or the member had not signed up.
    """
    if state.status is not NightStatus.SIGNING_UP:
        raise NightStateError("Sign-ups are closed.")
    if state.participant(player) is None:
        raise NightStateError("You have not signed up.")
    participants = tuple(p for p in state.participants if p.player != player)
    return replace(state, participants=participants), (PlayerLeft(player),)


def add_cohost(state: NightState, by: PlayerRef, cohost: PlayerRef) -> Transition:
    """Allow another member to take over hosting.

    Raises:
        NightPermissionError: ``by`` is not the host in control.
        NightStateError: The member already hosts or co-hosts, or the night is over.
    """
    ensure_controller(state, by)
    _ensure_open(state)
    if cohost in (state.night.host, state.controller, *state.cohosts):
        raise NightStateError(f"{cohost.name} already hosts this night.")
    return replace(state, cohosts=(*state.cohosts, cohost)), (CohostAdded(cohost),)


def take_over(state: NightState, by: PlayerRef) -> Transition:
    """Make a co-host (or the night's creator) the host in control.

    Raises:
        NightPermissionError: ``by`` is neither the creator nor a co-host.
        NightStateError: ``by`` is already in control, or the night is over.
    """
    if by != state.night.host and by not in state.cohosts:
        raise NightPermissionError("Only the host or a co-host can take over.")
    _ensure_open(state)
    if by == state.controller:
        raise NightStateError("You are already hosting.")
    return replace(state, controller=by), (HostChanged(by),)


def _ensure_open(state: NightState) -> None:
    if state.status is NightStatus.FINISHED:
        raise NightStateError("The night is over.")


def _team_name(state: NightState, team: str | None) -> str:
    name = " ".join((team or "").split())
    if not name:
        raise NightPlanError("Choose a team: this night is played in teams.")
    if len(name) > MAX_TEAM_NAME:
        raise NightPlanError(f"Team names have at most {MAX_TEAM_NAME} characters.")
    # Joining "red rockets" when "Red Rockets" exists joins that team under its first spelling.
    for existing in state.teams():
        if existing.name.casefold() == name.casefold():
            return existing.name
    return name
