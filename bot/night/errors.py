"""Errors of quiz nights; each carries a message safe to show to players.

Hierarchy::

    GameError                    (bot.game.errors)
    └── NightError
        ├── NightPermissionError  the member may not do this (not the host, not a participant)
        ├── NightStateError       the action does not fit the night's state
        └── NightPlanError        the night's plan or a sign-up is invalid
"""

from bot.game.errors import GameError


class NightError(GameError):
    """Root of quiz-night errors; ``str(error)`` is shown to the member as is."""


class NightPermissionError(NightError):
    """The member is not allowed to do this."""


class NightStateError(NightError):
    """The request does not fit the night's current state."""


class NightPlanError(NightError):
    """The night's plan, a team name or a sign-up is invalid."""
