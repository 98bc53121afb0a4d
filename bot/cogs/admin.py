"""Server settings: /trivia settings, for server managers and the host role."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Literal, cast

import discord
from discord import app_commands

from bot.cogs.permissions import ensure_host
from bot.game.models import ChannelId, GuildId, GuildSettings
from bot.views import embeds

if TYPE_CHECKING:
    from bot.app import TriviaBot


@app_commands.command(name="settings")
@app_commands.guild_only()
async def settings_command(
    interaction: discord.Interaction[Any],
    timer: app_commands.Range[int, 10, 120] | None = None,
    guess_limit: app_commands.Range[int, 1, 10] | None = None,
    host_role: discord.Role | None = None,
    allow_channel: discord.TextChannel | None = None,
    disallow_channel: discord.TextChannel | None = None,
    clear_host_role: bool = False,
    night_points: bool | None = None,
    web: Literal["on", "off"] | None = None,
) -> None:
    """Show or change this server's trivia settings (Manage Server or the host role).

    Args:
        timer: default seconds to answer a question.
        guess_limit: guesses per player and question in a race.
        host_role: members with this role may host games and change these settings.
        allow_channel: allow games in this channel (once any is set, only those).
        disallow_channel: no longer allow games in this channel.
        clear_host_role: remove the host role.
        night_points: whether quiz nights count in /trivia leaderboard and /trivia stats.
        web: show this server's leaderboards, nights and questions on the web pages.
    """
    bot = cast("TriviaBot", interaction.client)
    guild_id = GuildId(interaction.guild_id or 0)
    current = await bot.services.records.settings(guild_id)
    ensure_host(interaction, role_id=current.host_role_id)
    updated = _changed(
        current, timer, guess_limit, host_role, allow_channel, disallow_channel, clear_host_role
    )
    if night_points is not None:
        updated = dataclasses.replace(updated, night_points=night_points)
    if web is not None:
        updated = dataclasses.replace(updated, web_pages=web == "on")
    if updated != current:
        await bot.services.records.update_settings(updated)
    await interaction.response.send_message(
        embed=embeds.guild_settings(updated, changed=updated != current),
        ephemeral=True,
        allowed_mentions=embeds.NO_MENTIONS,
    )


def _changed(
    current: GuildSettings,
    timer: int | None,
    guess_limit: int | None,
    host_role: discord.Role | None,
    allow: discord.TextChannel | None,
    disallow: discord.TextChannel | None,
    clear_host_role: bool,
) -> GuildSettings:
    channels = set(current.allowed_channels)
    if allow is not None:
        channels.add(ChannelId(allow.id))
    if disallow is not None:
        channels.discard(ChannelId(disallow.id))
    role_id = None if clear_host_role else (host_role.id if host_role else current.host_role_id)
    return dataclasses.replace(
        current,
        time_limit_seconds=float(timer) if timer is not None else current.time_limit_seconds,
        guess_limit=guess_limit if guess_limit is not None else current.guess_limit,
        host_role_id=role_id,
        allowed_channels=frozenset(channels),
    )


COMMANDS: tuple[app_commands.Command[Any, ..., None], ...] = (settings_command,)


async def setup(bot: TriviaBot) -> None:
    """Add the settings command to /trivia."""
    for command in COMMANDS:
        bot.trivia_group.add_command(command, override=True)


async def teardown(bot: TriviaBot) -> None:
    """Remove the settings command from /trivia."""
    for command in COMMANDS:
        bot.trivia_group.remove_command(command.name)
