"""Night snapshots as the code before migration 0012 wrote them (version 1, roster inside)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from bot.night.models import NightState

_STATE = TypeAdapter(NightState)


def version_1(state: NightState) -> dict[str, Any]:
    """The whole state as a version 1 snapshot's data."""
    return {"version": 1, "night": _STATE.dump_python(state, mode="json")}
