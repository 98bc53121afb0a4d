"""Persistent question buttons of games and nights alike: answers, the form, "Why?", "Report".

Every button is a :class:`~bot.views.buttons.TriviaButton` whose ``custom_id`` carries all
it needs, so a click still works after the bot restarts. One class serves every format: an
answer button names its question's place, a game's round (``trivia:answer:<round_id>:
<choice>``, ``trivia:write:<round_id>``) or a night's question (``trivia:night:<night_id>:
<round>:<question>:<choice>``, ``trivia:nightwrite:<night_id>:<round>:<question>``), and
the place hands the click to its format's desk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Self

import discord

from bot.game.errors import SessionStateError
from bot.game.models import Cursor, RoundId
from bot.night.models import NightId
from bot.views.answer_modal import NIGHT_FORM, answer_form, game_form
from bot.views.base import TriviaView
from bot.views.buttons import ItemButton, TriviaButton
from bot.views.desks import answer_desk, night_desk
from bot.views.question_embed import CHOICE_LETTERS
from questions.models import ItemType, TriviaItem

TRUE_FALSE = (("true", "True"), ("false", "False"))


@dataclass(frozen=True, slots=True)
class GameRound:
    """A game's question: its round; clicks go to the games' desk."""

    CHOICE: ClassVar[str] = "answer"
    WRITE: ClassVar[str] = "write"

    round_id: RoundId

    @property
    def key(self) -> str:
        """The place in a ``custom_id``."""
        return str(self.round_id)

    async def answer(self, interaction: discord.Interaction[Any], text: str) -> None:
        """Answer the round with ``text``."""
        await answer_desk(interaction).answer(interaction, self.round_id, text)

    async def open_form(self, interaction: discord.Interaction[Any]) -> None:
        """Open the answer form, unless the question has closed."""
        desk = answer_desk(interaction)
        closed = desk.closed(interaction.channel_id, self.round_id)
        if closed is not None:
            raise SessionStateError(closed)

        async def answer(form_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.answer(form_interaction, self.round_id, text)

        await interaction.response.send_modal(answer_form(game_form(self.round_id), answer))


@dataclass(frozen=True, slots=True)
class NightQuestion:
    """A quiz night's question: the night and its place; clicks go to the nights' desk."""

    CHOICE: ClassVar[str] = "night"
    WRITE: ClassVar[str] = "nightwrite"

    night_id: NightId
    cursor: Cursor

    @property
    def key(self) -> str:
        """The place in a ``custom_id``."""
        return f"{self.night_id}:{self.cursor.round}:{self.cursor.question}"

    async def answer(self, interaction: discord.Interaction[Any], text: str) -> None:
        """Answer the night's question with ``text``."""
        await night_desk(interaction).answer(interaction, self.night_id, self.cursor, text)

    async def open_form(self, interaction: discord.Interaction[Any]) -> None:
        """Open the answer form, unless the question takes no answers now."""
        desk = night_desk(interaction)
        await desk.check_open(interaction, self.night_id, self.cursor)

        async def answer(form_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.answer(form_interaction, self.night_id, self.cursor, text)

        await interaction.response.send_modal(answer_form(NIGHT_FORM, answer))


Place = GameRound | NightQuestion
"""Where a question's answers go."""

_PLACE = r"(?:{game}:(?P<round>\d+)|{night}:(?P<night>\d+):(?P<r>\d+):(?P<q>\d+))"


def _place(match: re.Match[str]) -> Place:
    if match["round"] is not None:
        return GameRound(RoundId(int(match["round"])))
    return NightQuestion(NightId(int(match["night"])), Cursor(int(match["r"]), int(match["q"])))


class AnswerButton(
    TriviaButton,
    template=_PLACE.format(game="trivia:answer", night="trivia:night") + r":(?P<choice>\w+)",
):
    """One choice of a multiple-choice or true/false question."""

    def __init__(self, place: Place, choice: str, label: str) -> None:
        super().__init__(f"trivia:{place.CHOICE}:{place.key}:{choice}", label=label)
        self.place, self.choice = place, choice

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id alone: labels are cut at 80 characters, ids are not."""
        choice = match["choice"]
        return cls(_place(match), choice, label or choice)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this choice."""
        await self.place.answer(interaction, choice_text(self.choice))


class WriteAnswerButton(
    TriviaButton, template=_PLACE.format(game="trivia:write", night="trivia:nightwrite")
):
    """Opens the private free-text answer form."""

    LABEL, EMOJI, STYLE = "Answer", "✍️", discord.ButtonStyle.primary

    def __init__(self, place: Place) -> None:
        super().__init__(f"trivia:{place.WRITE}:{place.key}")
        self.place = place

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id."""
        return cls(_place(match))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Open the form, unless the question has closed."""
        await self.place.open_form(interaction)


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


def choice_text(choice: str) -> str:
    """What a click answers: the option's letter (the judge maps it), or true/false."""
    if choice.isdigit() and int(choice) < len(CHOICE_LETTERS):
        return CHOICE_LETTERS[int(choice)]
    return choice


DYNAMIC_ITEMS = (AnswerButton, WriteAnswerButton, WhyButton, ReportButton)


def question_view(place: Place, item: TriviaItem) -> TriviaView:
    """The buttons under a question: its choices, or the free-text form for open questions."""
    view = TriviaView(timeout=None)
    if item.type is ItemType.MULTIPLE_CHOICE:
        for index, (letter, choice) in enumerate(zip(CHOICE_LETTERS, item.choices, strict=False)):
            view.add_item(AnswerButton(place, str(index), f"{letter} {choice}"))
    elif item.type is ItemType.TRUE_FALSE:
        for choice, label in TRUE_FALSE:
            view.add_item(AnswerButton(place, choice, label))
    else:
        view.add_item(WriteAnswerButton(place))
    return view


def reveal_view(item_id: str) -> TriviaView:
    """The buttons under a revealed answer, of a game or a night."""
    view = TriviaView(timeout=None)
    view.add_item(WhyButton(item_id))
    view.add_item(ReportButton(item_id))
    return view
