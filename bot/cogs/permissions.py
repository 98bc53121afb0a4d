"""Who may host (the member who started the game, server managers, the host role) and where."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.game.errors import SessionStateError
from bot.game.models import GuildId

HOST_ONLY = "Only the game's host, the host role or members with Manage Server can do that."
SERVERS_ONLY = "Trivia is played in server channels, not in direct messages."


def guild_of(interaction: discord.Interaction[Any]) -> GuildId:
    """The server an interaction comes from.

    Raises:
        SessionStateError: it comes from a direct message (Discord hides the commands
            there, but an old client or a stale command list may still send one).
    """
    if interaction.guild_id is None:
        raise SessionStateError(SERVERS_ONLY)
    return GuildId(interaction.guild_id)


def is_manager(interaction: discord.Interaction[Any]) -> bool:
    """Whether the member has Manage Server in this guild."""
    member = interaction.user
    return isinstance(member, discord.Member) and member.guild_permissions.manage_guild


def has_role(interaction: discord.Interaction[Any], role_id: int | None) -> bool:
    """Whether the member carries the guild's host role."""
    member = interaction.user
    if role_id is None or not isinstance(member, discord.Member):
        return False
    return any(role.id == role_id for role in member.roles)


def is_host(
    interaction: discord.Interaction[Any], host_id: int | None = None, role_id: int | None = None
) -> bool:
    """Whether the member hosts this game, has the host role, or manages the server."""
    return (
        interaction.user.id == host_id or is_manager(interaction) or has_role(interaction, role_id)
    )


def ensure_host(
    interaction: discord.Interaction[Any], host_id: int | None = None, role_id: int | None = None
) -> None:
    """Refuse unless :func:`is_host`.

    Raises:
        app_commands.CheckFailure: the member may not host.
    """
    if not is_host(interaction, host_id, role_id):
        raise app_commands.CheckFailure(HOST_ONLY)
