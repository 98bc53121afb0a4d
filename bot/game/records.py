"""RecordsService: leaderboards, ranks, statistics, guild settings and seasons."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager

from bot.game.errors import StorageUnavailableError
from bot.game.models import (
    BoardRecord,
    Clock,
    GuildId,
    GuildSettings,
    Period,
    PlayerId,
    PlayerRef,
    PlayerStats,
    QuestionStats,
    RankInfo,
    Season,
    Standing,
)
from bot.game.ports import (
    LeaderboardRepository,
    SettingsRepository,
    StatsRepository,
    StorageError,
)

UNREACHABLE = "The score database is unreachable right now. Try again shortly."


class RecordsService:
    """Read-mostly API over what the games stored.

    Every method raises :class:`StorageUnavailableError` when the database is unreachable.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        leaderboards: LeaderboardRepository,
        stats: StatsRepository,
        settings: SettingsRepository,
    ) -> None:
        """Read the records through the ports given; ``clock`` says which period is current."""
        self._leaderboards = leaderboards
        self._stats = stats
        self._settings = settings
        self._clock = clock

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period = Period.ALL_TIME, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players of a guild (or of every guild when None) for the current period."""
        async with _reading():
            return await self._leaderboards.leaderboard(guild_id, period, self._clock(), limit)

    async def rank(
        self,
        guild_id: GuildId | None,
        player: PlayerRef,
        period: Period = Period.ALL_TIME,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank and the players around them; None if they have no points."""
        async with _reading():
            player_id = await self._leaderboards.player_id(player)
            if player_id is None:
                return None
            return await self._leaderboards.rank(
                guild_id, period, self._clock(), player_id, neighbours
            )

    async def player_stats(
        self, player: PlayerRef, guild_id: GuildId | None = None
    ) -> PlayerStats | None:
        """A player's games, wins, correct answers, accuracy, median time and best streak."""
        async with _reading():
            player_id = await self._leaderboards.player_id(player)
            if player_id is None:
                return None
            return await self._stats.player_stats(player_id, guild_id)

    async def question_stats(self, item_id: str) -> QuestionStats:
        """Times a question was asked, share correct and median correct time."""
        async with _reading():
            return await self._stats.question_stats(item_id)

    async def board_records(
        self, guild_id: GuildId, player_ids: Sequence[PlayerId]
    ) -> Mapping[PlayerId, BoardRecord]:
        """Answers, correct answers and best streak of players in a guild (all time)."""
        async with _reading():
            return await self._stats.board_records(player_ids, guild_id)

    async def player_record(self, player_id: PlayerId, guild_id: GuildId) -> PlayerStats | None:
        """A stored player's record in one guild; None unless they answered there."""
        async with _reading():
            stats = await self._stats.player_stats(player_id, guild_id)
        return stats if stats is not None and stats.answers else None

    async def player_rank(
        self, guild_id: GuildId, player_id: PlayerId, period: Period
    ) -> RankInfo | None:
        """A stored player's rank in one guild for the current period; None if unranked."""
        async with _reading():
            return await self._leaderboards.rank(guild_id, period, self._clock(), player_id, 0)

    async def guild_question_stats(self, guild_id: GuildId) -> Mapping[str, QuestionStats]:
        """How each item asked in the guild fared there, by item id."""
        async with _reading():
            return await self._stats.guild_question_stats(guild_id)

    async def settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (defaults until changed)."""
        async with _reading():
            return await self._settings.guild_settings(guild_id)

    async def update_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings."""
        async with _reading():
            await self._settings.save_guild_settings(settings)

    async def start_season(self, name: str) -> Season:
        """Start a new season now; seasonal leaderboards count from here."""
        async with _reading():
            return await self._settings.start_season(name, self._clock())

    async def current_season(self) -> Season | None:
        """The season running now, if any was started."""
        async with _reading():
            return await self._settings.current_season(self._clock())


@asynccontextmanager
async def _reading() -> AsyncIterator[None]:
    try:
        yield
    except StorageError as exc:
        raise StorageUnavailableError(UNREACHABLE) from exc
