"""Errors of the game engine; each carries a message safe to show to players.

Hierarchy::

    GameError
    ├── NoQuestionsError      the bank has nothing to ask
    ├── SessionStateError     the action does not fit the session's state
    └── StorageUnavailableError  the database cannot be reached; nothing was recorded
"""


class GameError(Exception):
    """Root of the engine's errors; ``str(error)`` is shown to the player as is."""


class NoQuestionsError(GameError):
    """There is no question to ask."""


class SessionStateError(GameError):
    """The request does not fit the session's current state."""


class StorageUnavailableError(GameError):
    """The database could not be reached, so the action was not recorded."""
