"""The private forms: a player's answer to a question, and one line or paragraph of text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.game.models import RoundId
from bot.views.base import TriviaModal

ANSWER_MAX_LENGTH = 200
TEXT_ID = "trivia:answer-text"

Submit = Callable[[discord.Interaction[Any], RoundId, str], Awaitable[None]]


class AnswerModal(TriviaModal, title="Your answer"):
    """Asks for one answer; only the player sees what they typed."""

    text: discord.ui.TextInput[AnswerModal] = discord.ui.TextInput(
        label="Answer",
        custom_id=TEXT_ID,
        placeholder="Type your answer",
        max_length=ANSWER_MAX_LENGTH,
    )

    def __init__(self, round_id: RoundId, submit: Submit) -> None:
        super().__init__(custom_id=f"trivia:modal:{round_id}")
        self.round_id = round_id
        self._submit = submit

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Hand the answer to the game."""
        await self._submit(interaction, self.round_id, self.text.value)


class TextModal(TriviaModal, title="Quiz night"):
    """One line or paragraph of text, handed to a callback."""

    def __init__(
        self,
        title: str,
        label: str,
        submit: Callable[[discord.Interaction[Any], str], Awaitable[None]],
        paragraph: bool = False,
        max_length: int = 200,
        default: str | None = None,
    ) -> None:
        super().__init__(title=title, custom_id="trivia:night-form")
        self.field: discord.ui.TextInput[TextModal] = discord.ui.TextInput(
            label=label[:45],
            custom_id="trivia:night-text",
            style=discord.TextStyle.paragraph if paragraph else discord.TextStyle.short,
            max_length=max_length,
            default=default,
        )
        self.add_item(self.field)
        self._submit = submit

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Hand the text on."""
        await self._submit(interaction, self.field.value)
