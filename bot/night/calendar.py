"""How a night's Discord scheduled event follows the night.

The event is created with the night; it goes active when the first question opens, is
completed when a night that started finishes, and is cancelled when a night ends before
its first question. The Discord layer (``bot.cogs.nights``) applies the change and only
logs a warning when it cannot: the night goes on without its event.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from bot.game.models import Cursor
from bot.night.events import NightEvent, NightFinished, QuestionOpened
from bot.night.models import NightState

FIRST = Cursor(0, 0)


class EventChange(StrEnum):
    """What to do with the night's scheduled event."""

    START = "start"
    END = "end"
    CANCEL = "cancel"


def event_change(state: NightState, events: Iterable[NightEvent]) -> EventChange | None:
    """The change an action's events call for, or None.

    Args:
        state: The night after the action.
        events: What the action announced.
    """
    change = None
    for event in events:
        if isinstance(event, QuestionOpened) and event.cursor == FIRST:
            change = EventChange.START
        elif isinstance(event, NightFinished):
            change = EventChange.END if state.questions else EventChange.CANCEL
    return change
