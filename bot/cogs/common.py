"""What the cogs of every format share: who a Discord user is to the engine, and quiet posts.

A format's cog imports these from here, never from another format's cog.
"""

from __future__ import annotations

import discord

from bot.game.models import PlayerRef

NO_MENTIONS = discord.AllowedMentions.none()
"""Posts naming players never ping them."""


def player_of(user: discord.abc.User) -> PlayerRef:
    """The engine's reference to a Discord user."""
    return PlayerRef("discord", str(user.id), user.display_name)
