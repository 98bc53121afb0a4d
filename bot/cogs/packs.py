"""Community packs: /trivia pack import|list|enable|disable|remove."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.cogs.permissions import ensure_host, guild_of
from bot.game.packs import PackError
from bot.views import pack_embeds
from questions.packs import MAX_PACK_BYTES, guess_format

if TYPE_CHECKING:
    from bot.app import Services, TriviaBot

MAX_CHOICES = 25


class PackCommands(app_commands.Group):
    """The /trivia pack group: packs each server imports and chooses to play."""

    def __init__(self, services: Services) -> None:
        super().__init__(name="pack", description="Community question packs for this server")
        self.services = services

    async def _check_host(self, interaction: discord.Interaction[Any]) -> None:
        settings = await self.services.records.settings(guild_of(interaction))
        ensure_host(interaction, role_id=settings.host_role_id)

    @app_commands.command(name="import")
    async def import_pack(
        self, interaction: discord.Interaction[Any], file: discord.Attachment
    ) -> None:
        """Import a Red-DiscordBot list (.yaml) or Open Trivia DB file (.json); Manage Server.

        Args:
            file: the pack: a Red trivia list (.yaml) or an Open Trivia DB response (.json).
        """
        await self._check_host(interaction)
        if guess_format(file.filename) is None:
            raise PackError(f"{file.filename}: upload a .yaml (Red) or .json (Open Trivia DB).")
        if file.size > MAX_PACK_BYTES:
            raise PackError(f"{file.filename} is too large (limit {MAX_PACK_BYTES:,} bytes).")
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        imported = await self.services.packs.import_upload(
            guild_of(interaction), data, file.filename
        )
        await interaction.followup.send(embed=pack_embeds.pack_imported(imported), ephemeral=True)

    @app_commands.command(name="list")
    async def list_packs(self, interaction: discord.Interaction[Any]) -> None:
        """The community packs this server can play, and which are enabled."""
        entries = await self.services.packs.listing(guild_of(interaction))
        await interaction.response.send_message(
            embed=pack_embeds.pack_list(entries), ephemeral=True
        )

    @app_commands.command(name="enable")
    async def enable(self, interaction: discord.Interaction[Any], pack: str) -> None:
        """Let this server's games ask a pack's questions (Manage Server or the host role).

        Args:
            pack: the pack's name, as /trivia pack list shows it.
        """
        await self._toggle(interaction, pack, True)

    @app_commands.command(name="disable")
    async def disable(self, interaction: discord.Interaction[Any], pack: str) -> None:
        """Stop asking a pack's questions in this server (Manage Server or the host role).

        Args:
            pack: the pack's name, as /trivia pack list shows it.
        """
        await self._toggle(interaction, pack, False)

    async def _toggle(self, interaction: discord.Interaction[Any], name: str, on: bool) -> None:
        await self._check_host(interaction)
        pack = await self.services.packs.set_enabled(guild_of(interaction), name, on)
        await interaction.response.send_message(pack_embeds.pack_enabled(pack, on))

    @app_commands.command(name="remove")
    async def remove(self, interaction: discord.Interaction[Any], pack: str) -> None:
        """Delete a pack this server imported (Manage Server or the host role).

        Args:
            pack: the pack's name, as /trivia pack list shows it.
        """
        await self._check_host(interaction)
        removed = await self.services.packs.remove(guild_of(interaction), pack)
        await interaction.response.send_message(pack_embeds.pack_removed(removed))

    @enable.autocomplete("pack")
    @disable.autocomplete("pack")
    @remove.autocomplete("pack")
    async def _pack_names(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        names = self.services.packs.available(guild_of(interaction))
        wanted = current.casefold()
        matching = [name for name in names if wanted in name][:MAX_CHOICES]
        return [app_commands.Choice(name=name, value=name) for name in matching]


async def setup(bot: TriviaBot) -> None:
    """Add /trivia pack to the /trivia group."""
    bot.trivia_group.add_command(PackCommands(bot.services), override=True)


async def teardown(bot: TriviaBot) -> None:
    """Remove /trivia pack."""
    bot.trivia_group.remove_command("pack")
