"""What the bot stores about a member, and forgetting it (``/trivia privacy``).

Discord's developer policy expects a member to be able to see and delete their data. The
port is :class:`MemberDataStore`; storage implements it. Forgetting removes the member's
answers, scores, results and name everywhere and takes their points off every leaderboard,
so the boards read as if they had never played.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.game.models import PlayerRef

DELETED_NAME = "a deleted member"


@dataclass(frozen=True, slots=True)
class MemberData:
    """Everything stored about one member, counted (the texts stay in the database)."""

    name: str | None
    """The display name kept with their scores (None: never played)."""
    answers: int
    scores: int
    points: int
    games: int
    wins: int
    boards: int
    """Leaderboard rows (one per server or everywhere, per period) holding their points."""
    reports: int
    fact_decisions: int
    quiz_nights: int
    """Quiz nights whose sign-ups, teams or results name them."""

    @property
    def is_empty(self) -> bool:
        """Nothing at all is stored about the member."""
        return self.name is None and not any(
            (self.answers, self.reports, self.fact_decisions, self.quiz_nights)
        )


class MemberDataStore(Protocol):
    """Finds and forgets a member's data across every table."""

    async def member_data(self, player: PlayerRef) -> MemberData:
        """What is stored about ``player`` (all zeros when nothing is).

        Raises:
            StorageError: the database cannot be reached.
        """
        ...

    async def forget_member(self, player: PlayerRef) -> MemberData:
        """Delete the member's answers, scores, results and name, in one transaction.

        Their points come off every leaderboard; where another record keeps their name
        (reports, fact decisions, quiz nights), it is replaced.

        Returns:
            What was removed (as :meth:`member_data` described it just before).

        Raises:
            StorageError: the database cannot be reached (nothing is removed).
        """
        ...
