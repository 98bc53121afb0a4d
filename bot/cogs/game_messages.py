"""What a channel sees of its game: the question message, and the Discord steps that show it.

:class:`ChannelGame` is the per-channel state of the game table; the functions here post,
edit and find its messages, and tell a channel about a game a crash cut short.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import discord

from bot.game.errors import GameError
from bot.game.models import ChannelId, RoundId
from bot.game.service import AskedQuestion, FinalResult
from bot.views import embeds
from bot.views.answer_buttons import reveal_view

log = logging.getLogger(__name__)

RECOVERY_HISTORY = 50
"""How far back a restarted bot looks for the question a crash left open."""


@contextlib.asynccontextmanager
async def channel_step(channel_id: ChannelId, what: str) -> AsyncIterator[None]:
    """Log a channel's failed step (Discord refused it, or a game error) and carry on."""
    try:
        yield
    except (GameError, discord.HTTPException) as error:
        log.warning("game in channel %s: the %s could not be shown: %s", channel_id, what, error)


async def edit_or_send(
    channel: discord.abc.Messageable,
    message: discord.Message | None,
    embed: discord.Embed,
    view: discord.ui.View,
) -> None:
    """Turn ``message`` into ``embed``; post it anew if there is none or it was deleted."""
    if message is not None:
        try:
            await message.edit(embed=embed, view=view)
            return
        except discord.NotFound:
            pass
    await channel.send(embed=embed, view=view)


async def question_message(
    channel: discord.PartialMessageable, round_id: RoundId
) -> discord.Message | None:
    """The message asking a round's question, if it is among the channel's latest."""
    wanted = (f"trivia:answer:{round_id}:", f"trivia:write:{round_id}")
    async for message in channel.history(limit=RECOVERY_HISTORY):
        ids = (
            getattr(child, "custom_id", None) or ""
            for row in message.components
            for child in getattr(row, "children", ())
        )
        if any(i == wanted[1] or i.startswith(wanted[0]) for i in ids):
            return message
    return None


@dataclass(slots=True)
class ChannelGame:
    """What the channel sees of its game: the question message and when to ask next.

    ``turn`` is held while the question message is posted, revealed or the game ended, so
    the clock, a won race, a skip, a stop and the shutdown act on it one at a time.
    """

    channel: discord.abc.Messageable
    host_id: int
    total: int
    asked: AskedQuestion | None = None
    message: discord.Message | None = None
    ticks: int = 0
    wait: int = 0
    first_round: RoundId | None = None
    ending: bool = False
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    ended: asyncio.Event = field(default_factory=asyncio.Event)


async def show_recovered(channel: discord.PartialMessageable, result: FinalResult) -> None:
    """Tell a channel that its game, cut short by a crash, was closed with its points.

    The question it was asking, found among the channel's latest messages, is shown
    closed: its answer revealed and its answer buttons gone.
    """
    asked = result.last_question
    if asked is not None:
        async with channel_step(result.session.channel_id, "interrupted question"):
            message = await question_message(channel, asked.round.id)
            if message is not None:
                embed = embeds.interrupted(asked, result.session.question_limit)
                await message.edit(embed=embed, view=reveal_view(asked.item.id))
    async with channel_step(result.session.channel_id, "recovered end"):
        await channel.send(embeds.game_recovered(), embed=embeds.game_over(result, True))
