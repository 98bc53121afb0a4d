"""Persistent quiz-night buttons, and the forms they open.

Like the game's buttons, each is a :class:`~bot.views.buttons.TriviaButton` whose
``custom_id`` carries everything it needs (``trivia:join:<night_id>``,
``trivia:night:<night_id>:<round>:<question>:<choice>``), so a click still works after a
restart: it is rebuilt from the id and handed to the quiz nights' desk.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, Self

import discord

from bot.game.models import Cursor
from bot.night.models import NightId
from bot.views.answer_buttons import TRUE_FALSE, ReportButton, WhyButton
from bot.views.base import TriviaModal, TriviaView
from bot.views.buttons import KeyedButton, TriviaButton
from bot.views.desks import night_desk
from bot.views.embeds import CHOICE_LETTERS
from questions.models import ItemType, TriviaItem

CURSOR_TEMPLATE = r"(?P<night>\d+):(?P<round>\d+):(?P<q>\d+)"
"""A question of a night in a ``custom_id``: night, round and question."""


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


def _place(match: re.Match[str]) -> tuple[NightId, Cursor]:
    return NightId(int(match["night"])), Cursor(int(match["round"]), int(match["q"]))


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


class NightAnswerButton(TriviaButton, template=rf"trivia:night:{CURSOR_TEMPLATE}:(?P<choice>\w+)"):
    """One choice of a night's multiple-choice or true/false question."""

    def __init__(self, night_id: NightId, cursor: Cursor, choice: str, label: str) -> None:
        custom_id = f"trivia:night:{night_id}:{cursor.round}:{cursor.question}:{choice}"
        super().__init__(custom_id, label=label)
        self.night_id, self.cursor, self.choice = night_id, cursor, choice

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id."""
        return cls(*_place(match), match["choice"], label or match["choice"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this choice."""
        desk = night_desk(interaction)
        await desk.answer(interaction, self.night_id, self.cursor, choice_text(self.choice))


class NightWriteButton(TriviaButton, template=rf"trivia:nightwrite:{CURSOR_TEMPLATE}"):
    """Opens the private answer form for an open question."""

    LABEL, EMOJI, STYLE = "Answer", "✍️", discord.ButtonStyle.primary

    def __init__(self, night_id: NightId, cursor: Cursor) -> None:
        super().__init__(f"trivia:nightwrite:{night_id}:{cursor.round}:{cursor.question}")
        self.night_id, self.cursor = night_id, cursor

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id."""
        return cls(*_place(match))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Open the form, unless the question has closed."""
        desk = night_desk(interaction)
        await desk.check_open(interaction, self.night_id, self.cursor)

        async def submit(modal_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.answer(modal_interaction, self.night_id, self.cursor, text)

        await interaction.response.send_modal(TextModal("Your answer", "Answer", submit))


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


NIGHT_ITEMS = (JoinButton, NightAnswerButton, NightWriteButton, TieBreakButton)


def announcement_view(night_id: NightId) -> TriviaView:
    """The Join button under an announcement."""
    view = TriviaView(timeout=None)
    view.add_item(JoinButton(night_id))
    return view


def question_view(night_id: NightId, cursor: Cursor, item: TriviaItem) -> TriviaView:
    """The answer buttons under a night's question."""
    view = TriviaView(timeout=None)
    if item.type is ItemType.MULTIPLE_CHOICE:
        for index, (letter, choice) in enumerate(zip(CHOICE_LETTERS, item.choices, strict=False)):
            view.add_item(NightAnswerButton(night_id, cursor, str(index), f"{letter} {choice}"))
    elif item.type is ItemType.TRUE_FALSE:
        for choice, label in TRUE_FALSE:
            view.add_item(NightAnswerButton(night_id, cursor, choice, label))
    else:
        view.add_item(NightWriteButton(night_id, cursor))
    return view


def reveal_buttons(item_id: str) -> TriviaView:
    """Why? and Report under a revealed answer (the game's own persistent buttons)."""
    view = TriviaView(timeout=None)
    view.add_item(WhyButton(item_id))
    view.add_item(ReportButton(item_id))
    return view


def tie_break_view(night_id: NightId) -> TriviaView:
    """The button for the tie-breaker number."""
    view = TriviaView(timeout=None)
    view.add_item(TieBreakButton(night_id))
    return view


def choice_text(choice: str) -> str:
    """What a click answers: the option's letter (the judge maps it), or true/false."""
    if choice.isdigit() and int(choice) < len(CHOICE_LETTERS):
        return CHOICE_LETTERS[int(choice)]
    return choice
