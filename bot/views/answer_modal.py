"""The private free-text answer form."""

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
