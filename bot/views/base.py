"""Shared error reply for commands, views, modals and dynamic buttons.

Slash-command errors reach the command tree's ``on_error``; view, modal and dynamic-item
errors never do, so every path ends in :func:`report_error`: a :class:`GameError` is shown
to the player as is, anything else is logged and answered with an apology. Both replies are
ephemeral.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.game.errors import GameError
from bot.views import embeds
from bot.views.limits import MESSAGE_LIMIT, clip

log = logging.getLogger(__name__)


def unwrap(error: BaseException) -> BaseException:
    """The exception a command raised, without discord.py's invoke wrapper."""
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    return error


async def send_private(
    interaction: discord.Interaction[Any],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
) -> None:
    """Reply only the user sees, whether or not the interaction was answered already.

    Player text may be part of ``content``, so mentions never ping.
    """
    kwargs: dict[str, Any] = {"ephemeral": True, "allowed_mentions": discord.AllowedMentions.none()}
    if embed is not None:
        kwargs["embed"] = embed
    if interaction.response.is_done():
        await interaction.followup.send(content or discord.utils.MISSING, **kwargs)
    else:
        await interaction.response.send_message(content, **kwargs)


async def report_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Tell the player what went wrong: the game's own message, or an apology."""
    original = unwrap(error)
    if isinstance(original, GameError):
        log.debug("game error for %s: %s", interaction.user.id, original)
        message = str(original)
    elif isinstance(original, app_commands.CheckFailure):
        message = embeds.permission_denied(original)
    else:
        log.error("unexpected error in an interaction", exc_info=original)
        message = embeds.APOLOGY
    try:
        await send_private(interaction, clip(message, MESSAGE_LIMIT))
    except (discord.HTTPException, RuntimeError):
        # RuntimeError: the bot is shutting down and its HTTP session is already closed.
        log.warning("could not deliver an error reply to %s", interaction.user.id)


class TriviaView(discord.ui.View):
    """A view whose errors get the same replies as slash commands."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        """Answer the player instead of discord.py's silent log line."""
        await report_error(interaction, error)


class TriviaModal(discord.ui.Modal):
    """A modal whose errors get the same replies as slash commands."""

    # discord.py's Modal.on_error has no item parameter, unlike the View it shares a base with.
    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        """Answer the player instead of discord.py's silent log line."""
        await report_error(interaction, error)
