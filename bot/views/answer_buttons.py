"""Persistent buttons: answers, the free-text form, "Why?" and "Report".

Every button is a :class:`discord.ui.DynamicItem` whose ``custom_id`` carries all it needs
(``trivia:answer:<round_id>:<choice>``), so a click still works after the bot restarts: the
item is rebuilt from the id and hands the click to the bot's :class:`AnswerDesk`.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Self

import discord

from bot.game.errors import SessionStateError
from bot.game.models import RoundId
from bot.game.service import AskedQuestion
from bot.views.answer_modal import AnswerModal
from bot.views.base import TriviaView, report_error
from bot.views.embeds import CHOICE_LETTERS
from questions.models import ItemType

TRUE_FALSE = (("true", "True"), ("false", "False"))
DESK_ATTRIBUTE = "answer_desk"


class AnswerDesk(Protocol):
    """Where button clicks go: the running games of this bot process."""

    def closed(self, channel_id: int | None, round_id: RoundId) -> str | None:
        """Why a question takes no answers (its game is over, or it closed), or None."""
        ...

    async def answer(
        self, interaction: discord.Interaction[Any], round_id: RoundId, text: str
    ) -> None:
        """Judge ``text`` as the clicking player's answer to a round and reply."""
        ...

    async def explain(self, interaction: discord.Interaction[Any], item_id: str) -> None:
        """Show the evidence behind an item's answer, privately."""
        ...

    async def report(self, interaction: discord.Interaction[Any], item_id: str) -> None:
        """File an item for review."""
        ...


def desk_of(interaction: discord.Interaction[Any]) -> AnswerDesk:
    """The desk the bot installed.

    Raises:
        SessionStateError: the game part of the bot is not loaded.
    """
    desk: AnswerDesk | None = getattr(interaction.client, DESK_ATTRIBUTE, None)
    if desk is None:
        raise SessionStateError("The trivia game is not running on this bot right now.")
    return desk


class TriviaButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"trivia:never"):
    """A persistent button whose errors get the same replies as slash commands."""

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Run the click; dynamic items never reach a view's ``on_error``."""
        try:
            await self.clicked(interaction)
        except Exception as error:  # noqa: BLE001 - top-level handler of a click
            await report_error(interaction, error)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Handle the click."""
        raise NotImplementedError


class AnswerButton(TriviaButton, template=r"trivia:answer:(?P<round>\d+):(?P<choice>\w+)"):
    """One choice of a multiple-choice or true/false question."""

    def __init__(self, round_id: RoundId, choice: str, label: str, text: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=label[:80],
                style=discord.ButtonStyle.secondary,
                custom_id=f"trivia:answer:{round_id}:{choice}",
            )
        )
        self.round_id = round_id
        self.text = text

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id alone: labels are cut at 80 characters, ids are not."""
        choice = match["choice"]
        label = getattr(item, "label", None) or choice
        return cls(RoundId(int(match["round"])), choice, label, _answer_text(choice))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this choice."""
        desk = desk_of(interaction)
        await desk.answer(interaction, self.round_id, self.text)


class WriteAnswerButton(TriviaButton, template=r"trivia:write:(?P<round>\d+)"):
    """Opens the private free-text answer form."""

    def __init__(self, round_id: RoundId) -> None:
        super().__init__(
            discord.ui.Button(
                label="Answer",
                emoji="✍️",
                style=discord.ButtonStyle.primary,
                custom_id=f"trivia:write:{round_id}",
            )
        )
        self.round_id = round_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(RoundId(int(match["round"])))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Open the form, unless the question has closed."""
        desk = desk_of(interaction)
        closed = desk.closed(interaction.channel_id, self.round_id)
        if closed is not None:
            raise SessionStateError(closed)
        await interaction.response.send_modal(AnswerModal(self.round_id, desk.answer))


class WhyButton(TriviaButton, template=r"trivia:why:(?P<item>[\w-]+)"):
    """Shows the document quotes behind the answer."""

    def __init__(self, item_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Why?",
                emoji="📄",
                style=discord.ButtonStyle.secondary,
                custom_id=f"trivia:why:{item_id}",
            )
        )
        self.item_id = item_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(match["item"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Show the evidence privately."""
        desk = desk_of(interaction)
        await desk.explain(interaction, self.item_id)


class ReportButton(TriviaButton, template=r"trivia:report:(?P<item>[\w-]+)"):
    """Flags a question for review."""

    def __init__(self, item_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Report",
                emoji="🚩",
                style=discord.ButtonStyle.danger,
                custom_id=f"trivia:report:{item_id}",
            )
        )
        self.item_id = item_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(match["item"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """File the report."""
        desk = desk_of(interaction)
        await desk.report(interaction, self.item_id)


def _answer_text(choice: str) -> str:
    """What a click answers: the option's letter (the judge maps it), or true/false."""
    if choice.isdigit() and int(choice) < len(CHOICE_LETTERS):
        return CHOICE_LETTERS[int(choice)]
    return choice


DYNAMIC_ITEMS = (AnswerButton, WriteAnswerButton, WhyButton, ReportButton)


def question_view(asked: AskedQuestion) -> TriviaView:
    """The buttons under a question: its choices, or the free-text form for open questions."""
    view = TriviaView(timeout=None)
    round_id = asked.round.id
    item = asked.item
    if item.type is ItemType.MULTIPLE_CHOICE:
        for index, (letter, choice) in enumerate(zip(CHOICE_LETTERS, item.choices, strict=False)):
            view.add_item(AnswerButton(round_id, str(index), f"{letter} {choice}", letter))
    elif item.type is ItemType.TRUE_FALSE:
        for choice, label in TRUE_FALSE:
            view.add_item(AnswerButton(round_id, choice, label, label))
    else:
        view.add_item(WriteAnswerButton(round_id))
    return view


def reveal_view(asked: AskedQuestion) -> TriviaView:
    """The buttons under a revealed answer."""
    view = TriviaView(timeout=None)
    view.add_item(WhyButton(asked.item.id))
    view.add_item(ReportButton(asked.item.id))
    return view
