"""Nights as earlier revisions stored them, for the migration tests: the tables' columns
as raw SQL sees them, version 1 snapshots (roster inside), version 2 snapshots (every
answer inside) and a finished team night; and version 4, the last."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter

from bot.game.answering import near_miss_points
from bot.game.models import Cursor, PlayerRef
from bot.night import play, rules
from bot.night.models import NightState, NightStatus
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    HOST,
    RIGHT,
    START,
    VALENTINA,
    YURI,
    answer_all,
    make_night,
    signed_up,
    started,
)

TS = sa.DateTime(timezone=True)
NIGHTS = sa.table(
    "quiz_nights",
    sa.column("id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("channel_id", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("starts_at", TS),
    sa.column("snapshot", sa.Text),
)
RESULTS = sa.table(
    "quiz_night_results",
    sa.column("night_id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("finished_at", TS),
    sa.column("result", sa.Text),
)

_STATE = TypeAdapter(NightState)


def snapshot_data(state: NightState, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The state as the snapshots kept it, but ``exclude``.

    A snapshot kept the question on screen's fields side by side; its place and time
    limit, which the engine's value (``OnScreen``) now holds, were the plan's.
    """
    night: dict[str, Any] = _STATE.dump_python(state, mode="json", exclude=set(exclude))
    question = night.get("question")
    if question is not None:
        screen, clock = question["screen"], question["screen"]["asking"]
        night["question"] = {
            "cursor": question["cursor"],
            "item_id": screen["item_id"],
            "opened_at": clock["opened_at"],
            "deadline": clock["deadline"],
            "revealed": screen["revealed"],
            "message_id": screen["message_id"],
            "checked_at": question["checked_at"],
            "round_id": screen["round_id"],
            "hints_used": clock["hints_used"],
        }
    return night


def version_1(state: NightState) -> dict[str, Any]:
    """The whole state as a version 1 snapshot's data."""
    return {"version": 1, "night": snapshot_data(state)}


def team_night() -> NightState:
    """Night 1: three members in two teams (one spelling its team otherwise), a joker on
    the second round, one right answer and one near miss; ended by the host."""
    members = {VALENTINA: "Red Rockets", ALEXEI: "red rockets", YURI: "Cosmonauts"}
    state = signed_up(make_night(night_id=1), members)
    state, _ = play.play_joker(state, YURI, 1)
    state = answer_all(started(state), {VALENTINA: RIGHT, YURI: CLOSE})
    state, _ = rules.end(state, HOST, START + timedelta(minutes=5))
    assert state.status is NightStatus.FINISHED
    return state


def accepted_in_snapshot(
    state: NightState, by: PlayerRef, cursor: Cursor, player: PlayerRef
) -> NightState:
    """A near miss accepted in the night's own answers, as snapshots of nights without a
    session kept it: right, with the points it would have earned and who accepted it."""
    (found,) = [a for a in state.answers if (a.cursor, a.player) == (cursor, player)]
    assert found.near_miss
    points = near_miss_points(found.elapsed_ms, state.time_limit(cursor))
    accepted = replace(found, correct=True, near_miss=False, points=points, accepted_by=by)
    return replace(state, answers=tuple(accepted if a is found else a for a in state.answers))


def version_2(state: NightState) -> dict[str, Any]:
    """The state as a version 2 snapshot's data: every answer, the roster left to its rows."""
    night = snapshot_data(state, frozenset({"participants", "jokers", "guesses"}))
    return {"version": 2, "night": night}


SNAPSHOT_VERSION = 4
"""The last snapshot version (0015); migration 0016 moved every night's state to rows."""


def version_4(state: NightState) -> dict[str, Any]:
    """The state as a version 4 snapshot's data, as the store wrote it before 0016: the
    roster left to its rows and, with a session, every answer left to the session."""
    if state.session_id is not None:
        state = replace(state, answers=())
    exclude = frozenset({"participants", "jokers", "guesses"})
    return {"version": 4, "night": snapshot_data(state, exclude)}
