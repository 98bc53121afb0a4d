"""What ``/trivia privacy`` shows: a member's stored data, and the button that deletes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord

from bot.game.errors import GameError
from bot.game.models import PlayerRef
from bot.game.privacy import MemberData
from bot.views.buttons import KeyedButton

if TYPE_CHECKING:
    from bot.app import TriviaBot

PRIVACY_COLOUR = discord.Colour.dark_grey()


def member_data_embed(data: MemberData) -> discord.Embed:
    """Everything stored about the member, counted, and what deleting it does."""
    embed = discord.Embed(title="What this bot stores about you", colour=PRIVACY_COLOUR)
    if data.is_empty:
        embed.description = "Nothing: you have not played, reported or decided anything."
        return embed
    embed.description = (
        f"Your name as shown in scores: **{discord.utils.escape_markdown(data.name or '—')}**\n"
        f"Answers typed or chosen: **{data.answers}**\n"
        f"Points scored: **{data.points}** over **{data.scores}** questions\n"
        f"Games finished: **{data.games}** (won **{data.wins}**)\n"
        f"Leaderboard rows (per server and period): **{data.boards}**\n"
        f"Questions you reported: **{data.reports}**; facts you decided: "
        f"**{data.fact_decisions}**\n"
        f"Quiz nights that name you: **{data.quiz_nights}**"
    )
    if data.accepted_near_misses:
        embed.description += f"\nNear misses of games you accepted: **{data.accepted_near_misses}**"
    embed.set_footer(
        text="Deleting removes your answers, scores and results in every server (quiz nights "
        "too) and takes your points off every leaderboard. Fact decisions you made stay, "
        "without your name; a report keeps your id (no name) so it is not made twice. "
        "Not while you play. It cannot be undone."
    )
    return embed


def forgotten_embed(removed: MemberData) -> discord.Embed:
    """Confirmation that the member's data is gone."""
    return discord.Embed(
        title="Your data is deleted",
        description=(
            f"Removed {removed.answers} answers and {removed.scores} scores "
            f"({removed.points} points); your name is gone from {removed.boards} leaderboard "
            f"rows, {removed.reports} reports, {removed.fact_decisions} fact decisions and "
            f"{removed.quiz_nights} quiz nights{_acceptances(removed)}. Playing again starts "
            "afresh."
        ),
        colour=PRIVACY_COLOUR,
    )


def _acceptances(removed: MemberData) -> str:
    """The near misses of games whose acceptance no longer names them, when there were any."""
    count = removed.accepted_near_misses
    return f" (and {count} near misses of games you accepted)" if count else ""


class ForgetButton(KeyedButton, template=r"trivia:privacy:forget:(?P<key>\d+)"):
    """Deletes the data of the member who asked; nobody else may press it."""

    KIND, LABEL, STYLE = "privacy:forget", "Delete all of this", discord.ButtonStyle.danger

    @property
    def user_id(self) -> int:
        """The member whose data it deletes."""
        return int(self.key)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Delete the clicker's data, if the button is theirs."""
        if interaction.user.id != self.user_id:
            raise GameError("This button deletes someone else's data; use /trivia privacy.")
        bot = cast("TriviaBot", interaction.client)
        store = bot.services.privacy
        if store is None:
            raise GameError("This bot keeps no stored data it could delete.")
        removed = await store.forget_member(PlayerRef("discord", str(self.user_id), ""))
        await interaction.response.edit_message(embed=forgotten_embed(removed), view=None)


def forget_view(user_id: int) -> discord.ui.View:
    """The button under the member's data."""
    view = discord.ui.View(timeout=None)
    view.add_item(ForgetButton(user_id))
    return view
