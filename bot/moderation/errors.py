"""Errors of moderation; each carries a message safe to show to the moderator.

Hierarchy::

    GameError               (bot.game.errors)
    └── ReviewError         the review queue has no such item, or the action or fix is invalid
"""

from bot.game.errors import GameError


class ReviewError(GameError):
    """A review action names a missing item or carries an invalid fix."""
