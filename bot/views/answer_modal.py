"""The private forms: one line or paragraph of text, a player's answer to a question among them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.game.models import RoundId
from bot.views.base import TriviaModal

ANSWER_MAX_LENGTH = 200

Submit = Callable[[discord.Interaction[Any], str], Awaitable[None]]
"""Takes the text typed in a form (a player's answer, a team name, a reason) and replies."""


@dataclass(frozen=True, slots=True)
class FormIds:
    """How one format's answer form is known to Discord, and the hint its field shows.

    Each format keeps the ids its forms had before there was one form, so a form opened
    before an update is still understood after it.
    """

    form: str
    field: str
    placeholder: str | None = None


def game_form(round_id: RoundId) -> FormIds:
    """A game's answer form: it names its round."""
    return FormIds(f"trivia:modal:{round_id}", "trivia:answer-text", "Type your answer")


NIGHT_FORM = FormIds("trivia:night-form", "trivia:night-text")
"""A night's answer form (its question is the place of the button that opened it).

Every other form (a team name, a tie-breaker number, a moderator's text, a report's
reason) is known by the same ids: none is persistent, and each hands its text to the
callback it was opened with.
"""


def answer_form(ids: FormIds, answer: Submit) -> TextModal:
    """Asks for one answer, to a game's or a night's question; only the player sees it."""
    return TextModal("Your answer", "Answer", answer, max_length=ANSWER_MAX_LENGTH, ids=ids)


class TextModal(TriviaModal, title="Quiz night"):
    """One line or paragraph of text (an answer, a team name, a reason), handed to a callback."""

    def __init__(
        self,
        title: str,
        label: str,
        submit: Submit,
        paragraph: bool = False,
        max_length: int = 200,
        default: str | None = None,
        ids: FormIds = NIGHT_FORM,
    ) -> None:
        super().__init__(title=title, custom_id=ids.form)
        self.field: discord.ui.TextInput[TextModal] = discord.ui.TextInput(
            label=label[:45],
            custom_id=ids.field,
            placeholder=ids.placeholder,
            style=discord.TextStyle.paragraph if paragraph else discord.TextStyle.short,
            max_length=max_length,
            default=default,
        )
        self.add_item(self.field)
        self._submit = submit

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Hand the text on."""
        await self._submit(interaction, self.field.value)
