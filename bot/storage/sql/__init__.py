"""SQLAlchemy implementation of the repositories: one transaction per method call.

Every SQL statement of the project lives in this package (the architecture test allows
SQLAlchemy only here, in ``tables.py`` and ``db.py``). It is split by concern, one store
class per module; :class:`SqlRepository` combines them into the one object the services use.
"""

from __future__ import annotations

from bot.storage.sql.answers import AnswerStore
from bot.storage.sql.leaderboards import LeaderboardStore
from bot.storage.sql.review import ReviewStore
from bot.storage.sql.sessions import SessionStore
from bot.storage.sql.settings import SettingsStore
from bot.storage.sql.statistics import StatsStore

__all__ = ["SqlRepository"]


class SqlRepository(
    SessionStore, AnswerStore, LeaderboardStore, StatsStore, ReviewStore, SettingsStore
):
    """Implements every protocol of :mod:`bot.game.ports` over a session factory."""
