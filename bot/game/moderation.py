"""Near misses: close answers a host may accept later, awarding their points retroactively.

The store keeps the near misses of games and quiz nights alike, each an answer row open
for review. :func:`settle_near_miss` is the one way any format settles one: accepted, it
earns the points :func:`~bot.game.answering.near_miss_points` gives (times what the
format multiplies them by, a night's joker) and names who accepted it; rejected, it scores
nothing; either way it leaves the review, once. :class:`NearMissReview` lists them all and
settles a game's; a night settles its own through its ledger, with the night's joker,
so its standings follow from the stored answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.game.answering import near_miss_points
from bot.game.errors import NotFoundError
from bot.game.live import LiveGames
from bot.game.models import (
    AnswerId,
    AwardOutcome,
    Clock,
    GuildId,
    NearMiss,
    PlayerRef,
    SessionFormat,
)
from bot.game.ports import ReviewRepository
from bot.game.recording import Sleep, recorded, retrying

ALREADY_REVIEWED = "That near miss was already reviewed."


class NearMissStore(Protocol):
    """What settling a near miss needs of the store: its two one-time settling calls."""

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime, by: PlayerRef | None = None
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points once, keep its form and who accepted it."""
        ...

    async def reject_near_miss(self, answer_id: AnswerId) -> bool:
        """Settle a near miss as wrong; False when it is not open for review."""
        ...


async def settle_near_miss(
    store: NearMissStore,
    miss: NearMiss,
    accept: bool,
    at: datetime,
    by: PlayerRef | None,
    *,
    factor: int = 1,
) -> AwardOutcome | None:
    """Settle a stored near miss as ``by`` decided, once: accepted (its points) or rejected.

    Accepted, it earns what it would have earned had it been right
    (:func:`~bot.game.answering.near_miss_points` over its time and its stored round's
    time limit, which every format stores as its screen gave it), times ``factor``, credited
    at ``at``; the stored answer keeps when and by whom. Rejected, it scores nothing.

    Returns:
        What settling credited (nothing for a rejection), or None when the answer was no
        longer open for review (settled meanwhile).
    """
    if not accept:
        rejected = await store.reject_near_miss(miss.answer_id)
        return AwardOutcome(0, won_round=False) if rejected else None
    points = near_miss_points(miss.elapsed_ms, miss.time_limit_seconds) * factor
    return await store.accept_near_miss(miss.answer_id, points, at, by)


class NearMissReview:
    """Listing and accepting near misses; an accepted form is judged right from then on."""

    def __init__(
        self, games: LiveGames, store: ReviewRepository, clock: Clock, sleep: Sleep
    ) -> None:
        self._games = games
        self._store = store
        self._clock = clock
        self._sleep = sleep

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers a host may still accept, newest first."""
        async with recorded():
            return await self._store.near_misses(guild_id, limit)

    async def _game_miss(self, guild_id: GuildId, answer_id: AnswerId, verb: str) -> NearMiss:
        """An open near miss of one of the guild's games.

        A quiz night's is settled by its night, which owns its standings and jokers.
        """
        async with recorded():
            miss = await self._store.near_miss(answer_id)
        if miss is None or miss.guild_id != guild_id or miss.format is not SessionFormat.GAME:
            raise NotFoundError(f"There is no such near miss to {verb}.")
        return miss

    async def accept_near_miss(
        self, guild_id: GuildId, answer_id: AnswerId, by: PlayerRef
    ) -> AwardOutcome:
        """Accept a near miss: award its points now and accept its form from now on.

        The stored answer keeps when it was accepted and by whom (``by``, the moderator).

        Raises:
            NotFoundError: no open near miss of a game with that id in the guild.
            StorageUnavailableError: the database cannot be reached.
        """
        miss = await self._game_miss(guild_id, answer_id, "accept")
        outcome = await self._settle(miss, True, by)
        self._games.accept_form(guild_id, miss.item_id, miss.text.strip())
        return outcome

    async def reject_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> None:
        """Reject a near miss: it scores nothing and leaves the review.

        Raises:
            NotFoundError: no open near miss of a game with that id in the guild, or it was
                reviewed meanwhile.
            StorageUnavailableError: the database cannot be reached.
        """
        miss = await self._game_miss(guild_id, answer_id, "reject")
        await self._settle(miss, False, None)

    async def _settle(self, miss: NearMiss, accept: bool, by: PlayerRef | None) -> AwardOutcome:
        """Settle a game's near miss the one way, retried while the database is down."""
        outcome = await retrying(
            lambda: settle_near_miss(self._store, miss, accept, self._clock(), by), self._sleep
        )
        if outcome is None:
            raise NotFoundError(ALREADY_REVIEWED)
        return outcome
