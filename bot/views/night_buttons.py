"""Persistent quiz-night buttons of a night's own: joining it and its tie-breaker number.

Like every button, each is a :class:`~bot.views.buttons.TriviaButton` whose ``custom_id``
carries everything it needs (``trivia:join:<night_id>``, ``trivia:tiebreak:<night_id>``),
so a click still works after a restart: it is rebuilt from the id and handed to the quiz
nights' desk. A night's questions have the games' buttons
(:mod:`bot.views.answer_buttons`), with the night's place in their ids.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.night.models import NightId
from bot.views.answer_modal import TextModal
from bot.views.base import TriviaView
from bot.views.buttons import KeyedButton
from bot.views.desks import night_desk


class NightButton(KeyedButton, template=r"trivia:never"):
    """A button about one night."""

    @property
    def night_id(self) -> NightId:
        """The night's id."""
        return NightId(int(self.key))


class JoinButton(NightButton, template=r"trivia:join:(?P<key>\d+)"):
    """Signs the member up for a night."""

    KIND, LABEL, EMOJI, STYLE = "join", "Join", "🙋", discord.ButtonStyle.success

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Sign up."""
        await night_desk(interaction).join(interaction, self.night_id)


class TieBreakButton(NightButton, template=r"trivia:tiebreak:(?P<key>\d+)"):
    """Opens the form for the tie-breaker number."""

    KIND, LABEL, EMOJI, STYLE = "tiebreak", "Our number", "⚖️", discord.ButtonStyle.primary

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Ask for the number, unless the night takes none now."""
        desk = night_desk(interaction)
        await desk.check_tie_break(interaction, self.night_id)

        async def submit(modal_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.tie_break(modal_interaction, self.night_id, text)

        await interaction.response.send_modal(TextModal("Tie-breaker", "Your number", submit))


NIGHT_ITEMS = (JoinButton, TieBreakButton)


def announcement_view(night_id: NightId) -> TriviaView:
    """The Join button under an announcement."""
    view = TriviaView(timeout=None)
    view.add_item(JoinButton(night_id))
    return view


def tie_break_view(night_id: NightId) -> TriviaView:
    """The button for the tie-breaker number."""
    view = TriviaView(timeout=None)
    view.add_item(TieBreakButton(night_id))
    return view
