"""Community packs as Discord embeds and messages: all their wording."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.game.packs import Imported, PackEntry
from bot.views.limits import DESCRIPTION_LIMIT, clip, fitted
from questions.packs import Pack
from questions.packs.report import import_report

PACK_COLOUR = discord.Colour.dark_teal()
LINE_LIMIT = 300


def _esc(text: str) -> str:
    return discord.utils.escape_markdown(text)


def pack_imported(imported: Imported) -> discord.Embed:
    """The import report (the same lines ``trivia pack import`` prints)."""
    pack = imported.pack
    verb = "replaced" if imported.replaced else "imported"
    embed = discord.Embed(title=f"📦 Pack {pack.name} {verb}", colour=PACK_COLOUR)
    lines = [_esc(clip(line, LINE_LIMIT)) for line in import_report(pack)]
    embed.description = fitted(lines, "\n", DESCRIPTION_LIMIT)
    embed.set_footer(
        text=f"Its questions are unverified. Play them after /trivia pack enable pack:{pack.name}"
    )
    return embed


def pack_list(entries: Sequence[PackEntry]) -> discord.Embed:
    """The packs this server may play, enabled ones marked."""
    embed = discord.Embed(title="📦 Community packs", colour=PACK_COLOUR)
    if not entries:
        embed.description = "No packs yet. Upload one with `/trivia pack import`."
        return embed
    lines = []
    for entry in entries:
        pack = entry.pack
        mark = "✅" if entry.enabled else "▫️"
        owner = "this server's" if entry.own else "comes with the bot"
        about = f": {_esc(clip(pack.description, LINE_LIMIT))}" if pack.description else ""
        lines.append(f"{mark} **{_esc(pack.name)}**, {len(pack.items)} questions, {owner}{about}")
    embed.description = fitted(lines, "\n", DESCRIPTION_LIMIT)
    embed.set_footer(text="✅ enabled: games here draw from it. Questions are unverified.")
    return embed


def pack_enabled(pack: Pack, enabled: bool) -> str:
    """The reply to enable or disable."""
    if enabled:
        return (
            f"✅ **{_esc(pack.name)}** is enabled: games here draw from its "
            f"{len(pack.items)} questions (or only from it with `/trivia start pack:{pack.name}`)."
        )
    return f"▫️ **{_esc(pack.name)}** is disabled: games here no longer ask its questions."


def pack_removed(pack: Pack) -> str:
    """The reply to remove."""
    return f"🗑️ **{_esc(pack.name)}** and its {len(pack.items)} questions are removed."
