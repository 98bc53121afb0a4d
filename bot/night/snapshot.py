"""A night's state as plain JSON data and back, so a night survives a restart.

The snapshot is versioned: ``{"version": 1, "night": {...}}``. Reading checks the version
and every field (pydantic validates at this edge), so a damaged snapshot is reported rather
than turned into a night with missing points.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from bot.night.errors import SnapshotError
from bot.night.models import NightState

SNAPSHOT_VERSION = 1

_STATE = TypeAdapter(NightState)


def to_dict(state: NightState) -> dict[str, Any]:
    """The state as JSON-ready data (str, int, float, bool, None, lists and dicts)."""
    return {"version": SNAPSHOT_VERSION, "night": _STATE.dump_python(state, mode="json")}


def from_dict(data: object) -> NightState:
    """Rebuild the state :func:`to_dict` produced.

    Raises:
        SnapshotError: The data is not a snapshot, comes from an unknown version or has a
            missing or malformed field.
    """
    if not isinstance(data, dict) or "night" not in data:
        raise SnapshotError("This is not a quiz-night snapshot.")
    version = data.get("version")
    if version != SNAPSHOT_VERSION:
        raise SnapshotError(
            f"Snapshot version {version!r} is not supported (expected {SNAPSHOT_VERSION})."
        )
    try:
        return _STATE.validate_python(data["night"])
    except ValidationError as exc:
        raise SnapshotError(
            f"The snapshot is damaged: {exc.error_count()} invalid fields."
        ) from exc
