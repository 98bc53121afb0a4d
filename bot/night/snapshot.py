"""A night's state as plain JSON data and back, so a night survives a restart.

The snapshot is versioned: ``{"version": 4, "night": {...}}``. It holds everything but the
night's roster (sign-ups, jokers, tie-breaker numbers), which the stores keep as rows of
their own and join back with :func:`bot.night.repository.with_roster`, and but the
answers of a night recorded in a session: those are the session's, which the night's
ledger reads back (:meth:`bot.night.ledger.NightLedger.answered`), with who accepted a
near miss after the fact. A night without a session (saved before nights had sessions)
keeps its answers here. Version 1
held the roster (migration 0012 moved it out), version 2 every answer (migration 0014 left
them to the sessions), version 3 the near misses a host accepted later (migration 0015
moved who accepted them to the answers). Reading checks the version and every field
(pydantic validates at this edge), so a damaged snapshot is reported rather than turned
into a night with missing points.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import TypeAdapter, ValidationError

from bot.night.errors import SnapshotError
from bot.night.models import NightState

SNAPSHOT_VERSION = 4
ROSTER_FIELDS = ("participants", "jokers", "guesses")
"""The state's fields kept as roster rows, not in the snapshot."""

_STATE = TypeAdapter(NightState)


def to_dict(state: NightState) -> dict[str, Any]:
    """The state as JSON-ready data (str, numbers, None, lists, dicts).

    The roster is left out, and so are, with a session, the answers.
    """
    if state.session_id is not None:
        state = replace(state, answers=())
    night = _STATE.dump_python(state, mode="json", exclude=set(ROSTER_FIELDS))
    return {"version": SNAPSHOT_VERSION, "night": night}


def from_dict(data: object) -> NightState:
    """Rebuild the state :func:`to_dict` produced, with an empty roster.

    With a session, the state holds no answers.

    Raises:
        SnapshotError: The data is not a snapshot, comes from another version or has a
            missing or malformed field.
    """
    if not isinstance(data, dict) or "night" not in data:
        raise SnapshotError("This is not a quiz-night snapshot.")
    version = data.get("version")
    if version != SNAPSHOT_VERSION:
        raise SnapshotError(
            f"Snapshot version {version!r} is not supported (expected {SNAPSHOT_VERSION})."
        )
    night = data["night"]
    if isinstance(night, dict):
        night = {key: value for key, value in night.items() if key not in ROSTER_FIELDS}
    try:
        return _STATE.validate_python(night)
    except ValidationError as exc:
        raise SnapshotError(
            f"The snapshot is damaged: {exc.error_count()} invalid fields."
        ) from exc
