"""The question on screen, in every format: what it asks, where it stands, its clock.

A game's round (:class:`bot.game.rules.RoundState`) and a quiz night's question on screen
(``bot.night.models.OpenQuestion``) each hold an :class:`OnScreen` and who answered it
(:class:`bot.game.answered.Answered`), and keep beside them only what their format adds:
a game its skip votes and tie-breaker contenders; a night its cursor (round and question
of its plan) and the last moment its clock was seen running. Whatever needs only the
shared parts (the clock, the stored round, the message showing it, whether it was
revealed) reads this value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.game import asking
from bot.game.asking import Asking
from bot.game.closing import Timed


@dataclass(frozen=True, slots=True)
class OnScreen:
    """A question put to the players and not yet gone from the screen.

    Attributes:
        item_id: The item asked.
        position: Its place in the session's sequence of questions, as its stored round
            has it (a game counts from 1, a night from 0 across its rounds).
        asking: Its clock and hints (:mod:`bot.game.asking`).
        time_limit_seconds: Seconds it gives to answer (its reading time included), which
            the speed bonus is measured against.
        round_id: The round storing it, or None until it is stored.
        message_id: The message showing it, or None until it is posted, or when the format
            keeps its message itself (a game's table does).
        revealed: Its answer was shown: it takes no more answers and its clock stops. A
            game's question leaves the screen as it closes; a night's stays, revealed,
            until the host moves on.
    """

    item_id: str
    position: int
    asking: Asking
    time_limit_seconds: float
    round_id: int | None = None
    message_id: int | None = None
    revealed: bool = False

    @property
    def opened_at(self) -> datetime:
        """When the question opened, moved forward by every pause."""
        return self.asking.opened_at

    @property
    def deadline(self) -> datetime:
        """When the question's time runs out."""
        return self.asking.deadline

    @property
    def hints_used(self) -> int:
        """Hints given on the question."""
        return self.asking.hints_used

    def with_asking(self, clock: Asking) -> OnScreen:
        """The question with its clock and hints as the engine moved them."""
        return replace(self, asking=clock)

    def stored(self, round_id: int) -> OnScreen:
        """The question once its round is stored."""
        return replace(self, round_id=round_id)

    def posted(self, message_id: int) -> OnScreen:
        """The question once the message showing it is posted."""
        return replace(self, message_id=message_id)

    def revealing(self) -> OnScreen:
        """The question with its answer shown."""
        return replace(self, revealed=True)


def show(
    item_id: str,
    position: int,
    now: datetime,
    limit_seconds: float,
    round_id: int | None = None,
) -> OnScreen:
    """A question put on screen at ``now`` with ``limit_seconds`` to answer, no hint given."""
    return OnScreen(item_id, position, asking.ask(now, limit_seconds), limit_seconds, round_id)


def timed(screen: OnScreen | None, running: bool, *, last_instant: bool = False) -> Timed:
    """The question on screen as the clock sees it.

    Args:
        screen: The question on screen, or None when there is none.
        running: The format runs the question's clock (not paused, not between questions).
        last_instant: The deadline's own instant still takes answers, as a night has it.

    A revealed question's clock stands, whatever the format says.
    """
    if screen is None:
        return Timed(None, running=False, last_instant=last_instant)
    return Timed(screen.asking, running and not screen.revealed, last_instant=last_instant)
