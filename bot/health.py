"""The gateway's health, noted in a small file by the running bot.

``trivia health`` (a container's healthcheck) reads it.

A note older than :data:`MAX_AGE_SECONDS` means the bot stopped noting: hung or gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from questions.errors import FileRefusedError
from questions.files import read_text_bounded, write_atomically

MAX_AGE_SECONDS = 90
REFRESH_SECONDS = 30
MAX_HEALTH_BYTES = 4096


@dataclass(frozen=True, slots=True)
class GatewayState:
    """What the bot last knew of its gateway connection."""

    connected: bool
    at: datetime
    detail: str = ""


def note_gateway(state: GatewayState, path: Path) -> None:
    """Replace the health file with ``state`` (atomically: a reader never sees half).

    Raises:
        OSError: the file cannot be written.
    """
    data = {"connected": state.connected, "at": state.at.isoformat(), "detail": state.detail}
    write_atomically(json.dumps(data) + "\n", path, limit=MAX_HEALTH_BYTES)


def read_gateway(path: Path) -> GatewayState | None:
    """The state the bot last noted, or None when there is no readable note."""
    try:
        data = json.loads(read_text_bounded(path, MAX_HEALTH_BYTES))
        return GatewayState(
            bool(data["connected"]), datetime.fromisoformat(data["at"]), str(data["detail"])
        )
    except (OSError, FileRefusedError, ValueError, KeyError, TypeError):
        return None


def gateway_problem(state: GatewayState | None, now: datetime, path: Path) -> str | None:
    """What is wrong with the gateway connection, in one line, or None when it is up."""
    if state is None:
        return f"the bot has noted no gateway connection in {path} (is `trivia run` running?)"
    age = now - state.at
    if age > timedelta(seconds=MAX_AGE_SECONDS):
        return f"the bot's last note in {path} is {age.total_seconds():.0f} s old (hung or gone)"
    if not state.connected:
        return f"the gateway is disconnected ({state.detail or 'no reason given'})"
    return None
