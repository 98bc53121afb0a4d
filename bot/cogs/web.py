"""The web pages from Discord: /trivia web gives a host the server's addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot.cogs.permissions import ensure_host, guild_of
from bot.views import embeds

if TYPE_CHECKING:
    from bot.app import TriviaBot


@app_commands.command(name="web")
@app_commands.guild_only()
async def web_command(interaction: discord.Interaction[Any]) -> None:
    """Get this server's web pages and a private link to the host view (hosts only)."""
    bot = cast("TriviaBot", interaction.client)
    guild_id = guild_of(interaction)
    settings = await bot.services.records.settings(guild_id)
    ensure_host(interaction, role_id=settings.host_role_id)
    web = bot.services.web
    public = None if web is None else web.guild_url(guild_id)
    host = None if web is None else web.host_url(guild_id)
    await interaction.response.send_message(
        embed=embeds.web_links(public, host, settings.web_pages),
        ephemeral=True,
        allowed_mentions=embeds.NO_MENTIONS,
    )


async def setup(bot: TriviaBot) -> None:
    """Add /trivia web."""
    bot.trivia_group.add_command(web_command, override=True)


async def teardown(bot: TriviaBot) -> None:
    """Remove /trivia web."""
    bot.trivia_group.remove_command(web_command.name)
