"""What the bot stores about a member, and forgetting it (``/trivia privacy``).

Discord's developer policy expects a member to be able to see and delete their data. The
port is :class:`MemberDataStore`; storage implements it. Forgetting removes the member's
answers, scores, results and name everywhere and takes their points off every leaderboard,
so the boards read as if they had never played.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from bot.game.errors import GameError
from bot.game.models import PlayerRef

DELETED_NAME = "a deleted member"


class MemberPlayingError(GameError):
    """The member is in a game or quiz night still under way; nothing was deleted."""


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
    accepted_near_misses: int = 0
    """Near misses of games they accepted as a moderator (their answers name them); a
    night's are counted with its night."""

    @property
    def is_empty(self) -> bool:
        """Nothing at all is stored about the member."""
        return self.name is None and not any(
            (
                self.answers,
                self.reports,
                self.fact_decisions,
                self.quiz_nights,
                self.accepted_near_misses,
            )
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
        (reports, fact decisions, quiz nights), it is replaced. Answers still queued for
        writing are written first, so none lands after the delete.

        Returns:
            What was removed (as :meth:`member_data` described it just before).

        Raises:
            MemberPlayingError: they answered in a game still running, or take part in
                (or host) a quiz night not finished; a running game or night would write
                their answers and name again, so nothing is removed.
            StorageError: the database cannot be reached (nothing is removed).
        """
        ...


class MemberRecordsError(GameError):
    """A file that names members cannot be read or written (the message says which)."""


class MemberRecords(Protocol):
    """Records kept outside the database that may name a member (the decisions file)."""

    async def count_member(self, player: PlayerRef) -> int:
        """How many records name the member.

        Raises:
            MemberRecordsError: the records cannot be read.
        """
        ...

    async def forget_member(self, player: PlayerRef) -> int:
        """Replace the member's name and id in them; how many were changed.

        Raises:
            MemberRecordsError: the records cannot be read or written.
        """
        ...


class MemberDataEverywhere:
    """A :class:`MemberDataStore` over the database and the files that name members.

    Fact decisions in the decisions file count with those in the database. The database
    goes first: when it refuses (the member is playing), the files are left alone.
    """

    def __init__(self, store: MemberDataStore, decisions: MemberRecords) -> None:
        """Combine the database's store and the decisions file."""
        self._store = store
        self._decisions = decisions

    async def member_data(self, player: PlayerRef) -> MemberData:
        """What is stored about ``player``, in the database and the decisions file."""
        found = await self._store.member_data(player)
        extra = await self._decisions.count_member(player)
        return replace(found, fact_decisions=found.fact_decisions + extra)

    async def forget_member(self, player: PlayerRef) -> MemberData:
        """Forget the member in the database, then in the decisions file.

        Raises:
            MemberPlayingError: they are in a game or night still under way.
            StorageError: the database cannot be reached (nothing is removed).
            MemberRecordsError: the decisions file cannot be changed (the database is).
        """
        found = await self._store.forget_member(player)
        extra = await self._decisions.forget_member(player)
        return replace(found, fact_decisions=found.fact_decisions + extra)
