"""Privacy: /trivia privacy shows a member what the bot stores about them, and deletes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot.cogs.common import player_of
from bot.views.privacy import ForgetButton, forget_view, member_data_embed

if TYPE_CHECKING:
    from bot.app import TriviaBot


@app_commands.command(name="privacy")
async def privacy_command(interaction: discord.Interaction[Any]) -> None:
    """See what this bot stores about you, and delete it."""
    bot = cast("TriviaBot", interaction.client)
    store = bot.services.privacy
    if store is None:
        await interaction.response.send_message(
            "This bot keeps no stored data about members.", ephemeral=True
        )
        return
    data = await store.member_data(player_of(interaction.user))
    embed = member_data_embed(data)
    if data.is_empty:
        await interaction.response.send_message(embed=embed, ephemeral=True)
        return
    view = forget_view(interaction.user.id)
    await interaction.response.send_message(embed=embed, view=view, ephemeral=True)


async def setup(bot: TriviaBot) -> None:
    """Add /trivia privacy and its delete button."""
    bot.trivia_group.add_command(privacy_command, override=True)
    bot.add_dynamic_items(ForgetButton)


async def teardown(bot: TriviaBot) -> None:
    """Remove /trivia privacy and its button."""
    bot.trivia_group.remove_command(privacy_command.name)
    bot.remove_dynamic_items(ForgetButton)
