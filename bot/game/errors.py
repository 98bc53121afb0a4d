"""Errors of the game engine; each carries a message safe to show to players.

Hierarchy::

    GameError
    ├── NoQuestionsError         the bank has nothing to ask
    ├── SessionStateError        the action does not fit the session's state
    │   └── NoSessionError       no game runs in the channel
    ├── ChannelNotAllowedError   the guild does not allow games in this channel
    ├── NotFoundError            the thing asked for (a near miss, a player) does not exist
    └── StorageUnavailableError  the database cannot be reached; nothing was recorded
"""


class GameError(Exception):
    """Root of the engine's errors; ``str(error)`` is shown to the player as is."""


class NoQuestionsError(GameError):
    """There is no question to ask."""


class SessionStateError(GameError):
    """The request does not fit the session's current state."""


class NoSessionError(SessionStateError):
    """No game is running in the channel."""


class ChannelNotAllowedError(GameError):
    """The guild's settings do not allow games in this channel."""


class NotFoundError(GameError):
    """The requested record does not exist."""


class StorageUnavailableError(GameError):
    """The database could not be reached, so the action was not recorded."""
