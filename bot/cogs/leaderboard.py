"""Scores: /trivia leaderboard and /trivia stats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast

import discord
from discord import app_commands

from bot.cogs.common import player_of
from bot.cogs.permissions import guild_of
from bot.game.models import Period
from bot.views import embeds

if TYPE_CHECKING:
    from bot.app import TriviaBot

LEADERBOARD_SIZE = 10
PeriodName = Literal["week", "month", "season", "all"]
Scope = Literal["server", "global"]


@app_commands.command(name="leaderboard")
@app_commands.guild_only()
async def leaderboard_command(
    interaction: discord.Interaction[Any], period: PeriodName = "all", scope: Scope = "server"
) -> None:
    """Show the best players.

    Args:
        period: this week, this month, this season or all time.
        scope: this server only, or every server the bot plays in.
    """
    bot = cast("TriviaBot", interaction.client)
    guild_id = guild_of(interaction) if scope == "server" else None
    rows = await bot.services.records.leaderboard(guild_id, Period(period), LEADERBOARD_SIZE)
    embed = embeds.leaderboard(rows, Period(period), everywhere=guild_id is None)
    await interaction.response.send_message(embed=embed, allowed_mentions=embeds.NO_MENTIONS)


@app_commands.command(name="stats")
@app_commands.guild_only()
async def stats_command(
    interaction: discord.Interaction[Any],
    member: discord.Member | None = None,
    period: PeriodName = "all",
) -> None:
    """Show a player's record in this server.

    Args:
        member: whose record (default: yours).
        period: the rank of this week, this month, this season or all time.
    """
    bot = cast("TriviaBot", interaction.client)
    who = member or interaction.user
    guild_id = guild_of(interaction)
    player = player_of(who)
    stats = await bot.services.records.player_stats(player, guild_id)
    rank = await bot.services.records.rank(guild_id, player, Period(period))
    embed = embeds.player_stats(who.display_name, stats, rank, Period(period))
    await interaction.response.send_message(embed=embed, allowed_mentions=embeds.NO_MENTIONS)


COMMANDS: tuple[app_commands.Command[Any, ..., None], ...] = (leaderboard_command, stats_command)


async def setup(bot: TriviaBot) -> None:
    """Add the score commands to /trivia."""
    for command in COMMANDS:
        bot.trivia_group.add_command(command, override=True)


async def teardown(bot: TriviaBot) -> None:
    """Remove the score commands from /trivia."""
    for command in COMMANDS:
        bot.trivia_group.remove_command(command.name)
