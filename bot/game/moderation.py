"""Near misses: close answers a host may accept later, awarding their points retroactively."""

from __future__ import annotations

from collections.abc import Sequence

from bot.game.errors import NotFoundError
from bot.game.live import LiveGames
from bot.game.models import AnswerId, AwardOutcome, GuildId, NearMiss
from bot.game.recording import recorded
from bot.game.scoring import award_points


class Moderation(LiveGames):
    """Listing and accepting near misses; an accepted form is judged right from then on."""

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers a host may still accept, newest first."""
        async with recorded():
            return await self._repo.near_misses(guild_id, limit)

    async def accept_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> AwardOutcome:
        """Accept a near miss: award its points now and accept its form from now on.

        Raises:
            NotFoundError: no open near miss with that id in the guild.
            StorageUnavailableError: the database cannot be reached.
        """
        async with recorded():
            miss = await self._repo.near_miss(answer_id)
        if miss is None or miss.guild_id != guild_id:
            raise NotFoundError("There is no such near miss to accept.")
        points = award_points(True, miss.elapsed_ms / 1000, miss.time_limit_seconds)
        outcome = await self._retrying(
            lambda: self._repo.accept_near_miss(answer_id, points, self._clock())
        )
        if outcome is None:
            raise NotFoundError("That near miss was already reviewed.")
        key = (guild_id, miss.item_id)
        self._extra_forms[key] = (*self._extra_forms.get(key, ()), miss.text.strip())
        return outcome
