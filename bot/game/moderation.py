"""Near misses: close answers a host may accept later, awarding their points retroactively.

The store keeps the near misses of games and quiz nights alike; this review lists them all
and settles a game's. A night's is settled by its night (its standings and jokers follow),
which stores the outcome through the same store calls.
"""

from __future__ import annotations

from collections.abc import Sequence

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
        points = near_miss_points(miss.elapsed_ms, miss.time_limit_seconds)
        outcome = await retrying(
            lambda: self._store.accept_near_miss(answer_id, points, self._clock(), by), self._sleep
        )
        if outcome is None:
            raise NotFoundError("That near miss was already reviewed.")
        self._games.accept_form(guild_id, miss.item_id, miss.text.strip())
        return outcome

    async def reject_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> None:
        """Reject a near miss: it scores nothing and leaves the review.

        Raises:
            NotFoundError: no open near miss of a game with that id in the guild, or it was
                reviewed meanwhile.
            StorageUnavailableError: the database cannot be reached.
        """
        await self._game_miss(guild_id, answer_id, "reject")
        if not await retrying(lambda: self._store.reject_near_miss(answer_id), self._sleep):
            raise NotFoundError("That near miss was already reviewed.")
