"""Persistent game buttons: answers, the free-text form, "Why?" and "Report".

Every button is a :class:`~bot.views.buttons.TriviaButton` whose ``custom_id`` carries all
it needs (``trivia:answer:<round_id>:<choice>``), so a click still works after the bot
restarts: the item is rebuilt from the id and hands the click to the games' desk.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord

from bot.game.errors import SessionStateError
from bot.game.models import RoundId
from bot.game.service import AskedQuestion
from bot.views.answer_modal import AnswerModal
from bot.views.base import TriviaView
from bot.views.buttons import ItemButton, KeyedButton, TriviaButton
from bot.views.desks import answer_desk
from bot.views.embeds import CHOICE_LETTERS
from questions.models import ItemType

TRUE_FALSE = (("true", "True"), ("false", "False"))


class AnswerButton(TriviaButton, template=r"trivia:answer:(?P<round>\d+):(?P<choice>\w+)"):
    """One choice of a multiple-choice or true/false question."""

    def __init__(self, round_id: RoundId, choice: str, label: str, text: str) -> None:
        super().__init__(f"trivia:answer:{round_id}:{choice}", label=label)
        self.round_id = round_id
        self.text = text

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id alone: labels are cut at 80 characters, ids are not."""
        choice = match["choice"]
        return cls(RoundId(int(match["round"])), choice, label or choice, _answer_text(choice))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this choice."""
        await answer_desk(interaction).answer(interaction, self.round_id, self.text)


class WriteAnswerButton(KeyedButton, template=r"trivia:write:(?P<key>\d+)"):
    """Opens the private free-text answer form."""

    KIND, LABEL, EMOJI, STYLE = "write", "Answer", "✍️", discord.ButtonStyle.primary

    @property
    def round_id(self) -> RoundId:
        """The question's round."""
        return RoundId(int(self.key))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Open the form, unless the question has closed."""
        desk = answer_desk(interaction)
        closed = desk.closed(interaction.channel_id, self.round_id)
        if closed is not None:
            raise SessionStateError(closed)
        await interaction.response.send_modal(AnswerModal(self.round_id, desk.answer))


class WhyButton(ItemButton, template=r"trivia:why:(?P<key>[\w-]+)"):
    """Shows the document quotes behind the answer."""

    KIND, LABEL, EMOJI = "why", "Why?", "📄"

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Show the evidence privately."""
        await answer_desk(interaction).explain(interaction, self.item_id)


class ReportButton(ItemButton, template=r"trivia:report:(?P<key>[\w-]+)"):
    """Flags a question for review."""

    KIND, LABEL, EMOJI, STYLE = "report", "Report", "🚩", discord.ButtonStyle.danger

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """File the report."""
        await answer_desk(interaction).report(interaction, self.item_id)


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
