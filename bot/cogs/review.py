"""Moderation: /trivia review, the queue of near misses, reported questions and facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot.cogs.common import player_of
from bot.cogs.permissions import ensure_host
from bot.game.errors import SessionStateError
from bot.game.models import GuildId
from bot.moderation.queue import ReviewKind, ReviewPage
from bot.moderation.reviewing import ReviewAction, ReviewService
from bot.views import review_embeds
from bot.views.base import send_private
from bot.views.desks import NO_REVIEW
from bot.views.review_buttons import REVIEW_ITEMS, review_view

if TYPE_CHECKING:
    from bot.app import Services, TriviaBot

ACTIONS = {
    ReviewKind.NEAR_MISS: (ReviewAction.ACCEPT, ReviewAction.REJECT),
    ReviewKind.REPORTED_QUESTION: (ReviewAction.FIX, ReviewAction.RETIRE, ReviewAction.DISMISS),
    ReviewKind.PENDING_FACT: (ReviewAction.APPROVE, ReviewAction.DENY),
}


class ReviewTable:
    """The desk review buttons call: checks the moderator, acts, shows the queue again."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def reviewer(self) -> ReviewService:
        """The review service."""
        return self.services.review

    async def check(self, interaction: discord.Interaction[Any]) -> None:
        """Refuse members without Manage Server or the host role."""
        settings = await self.services.records.settings(GuildId(interaction.guild_id or 0))
        ensure_host(interaction, role_id=settings.host_role_id)

    async def explain(
        self, interaction: discord.Interaction[Any], item_id: str, reason: str
    ) -> None:
        """Add the member's reason to their report (any member; no moderator check)."""
        guild_id = GuildId(interaction.guild_id or 0)
        await self.reviewer.explain(guild_id, item_id, player_of(interaction.user), reason)
        await send_private(interaction, review_embeds.report_explained())

    async def show(
        self, interaction: discord.Interaction[Any], note: str | None = None, page: int = 0
    ) -> None:
        """Reply privately with one page of the queue and its buttons (page counted from 0)."""
        queue = await self.reviewer.queue(GuildId(interaction.guild_id or 0))
        shown = queue.page(page, review_embeds.REVIEW_PAGE)
        embed = review_embeds.review_queue(shown, self.services.item)
        kwargs: dict[str, Any] = {"embed": embed, "ephemeral": True}
        if shown.items:
            kwargs["view"] = review_view(_entries(shown), shown.number, shown.pages)
        if interaction.response.is_done():
            await interaction.followup.send(note or discord.utils.MISSING, **kwargs)
        else:
            await interaction.response.send_message(note, **kwargs)

    async def review(
        self,
        interaction: discord.Interaction[Any],
        action: ReviewAction,
        key: str,
        text: str,
        page: int = 0,
    ) -> None:
        """Run the action and show what is left, on the page the entry was on."""
        await self.check(interaction)
        guild_id = GuildId(interaction.guild_id or 0)
        await self.reviewer.act(guild_id, key, action, player_of(interaction.user), text)
        await self.show(interaction, review_embeds.review_done(action.value), page)


def _entries(page: ReviewPage) -> list[tuple[str, tuple[ReviewAction, ...]]]:
    return [(item.key, ACTIONS[item.kind]) for item in page.items]


@app_commands.command(name="review")
@app_commands.guild_only()
async def review_command(interaction: discord.Interaction[Any]) -> None:
    """Review near misses, reported questions and facts (Manage Server or the host role)."""
    bot = cast("TriviaBot", interaction.client)
    table = bot.desks.review
    if not isinstance(table, ReviewTable):
        raise SessionStateError(NO_REVIEW)
    await table.check(interaction)
    await table.show(interaction)


async def setup(bot: TriviaBot) -> None:
    """Add /trivia review, its buttons and their desk."""
    bot.desks.review = ReviewTable(bot.services)
    bot.add_dynamic_items(*REVIEW_ITEMS)
    bot.trivia_group.add_command(review_command, override=True)


async def teardown(bot: TriviaBot) -> None:
    """Remove /trivia review and its buttons."""
    bot.trivia_group.remove_command(review_command.name)
    bot.remove_dynamic_items(*REVIEW_ITEMS)
    bot.desks.review = None
