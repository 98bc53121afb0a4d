"""Persistent quiz-night buttons, and the forms they open.

Like the game's buttons, each is a :class:`discord.ui.DynamicItem` whose ``custom_id``
carries everything it needs (``trivia:join:<night_id>``,
``trivia:night:<night_id>:<round>:<question>:<choice>``),
so a click still works after a restart: it is rebuilt from the id and handed to the desk
the quiz-night extension installed on the bot.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, Self

import discord

from bot.game.errors import SessionStateError
from bot.game.models import Cursor
from bot.night.models import NightId
from bot.views.answer_buttons import TRUE_FALSE, ReportButton, TriviaButton, WhyButton
from bot.views.base import TriviaModal, TriviaView
from bot.views.embeds import CHOICE_LETTERS
from questions.models import ItemType, TriviaItem

NIGHT_DESK = "night_desk"


class NightDesk(Protocol):
    """Where quiz-night clicks go."""

    async def join(self, interaction: discord.Interaction[Any], night_id: NightId) -> None:
        """Sign the member up (asking for a team first when the night has teams)."""
        ...

    async def answer(
        self, interaction: discord.Interaction[Any], night_id: NightId, cursor: Cursor, text: str
    ) -> None:
        """Judge the member's answer to the question at ``cursor``."""
        ...

    async def check_open(
        self, interaction: discord.Interaction[Any], night_id: NightId, cursor: Cursor
    ) -> None:
        """Refuse, saying why (over, paused, closed), when that question takes no answers."""
        ...

    async def check_tie_break(
        self, interaction: discord.Interaction[Any], night_id: NightId
    ) -> None:
        """Refuse, saying why (over, no tie-breaker), when no number is taken now."""
        ...

    async def tie_break(
        self, interaction: discord.Interaction[Any], night_id: NightId, value: str
    ) -> None:
        """Take the member's side's tie-breaker number."""
        ...


def desk_at(interaction: discord.Interaction[Any], attribute: str) -> Any:
    """The desk an extension installed on the bot under ``attribute``.

    Raises:
        SessionStateError: The extension is not loaded.
    """
    desk = getattr(interaction.client, attribute, None)
    if desk is None:
        raise SessionStateError("Quiz nights are not running on this bot right now.")
    return desk


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


class JoinButton(TriviaButton, template=r"trivia:join:(?P<night>\d+)"):
    """Signs the member up for a night."""

    def __init__(self, night_id: NightId) -> None:
        super().__init__(
            discord.ui.Button(
                label="Join",
                emoji="🙋",
                style=discord.ButtonStyle.success,
                custom_id=f"trivia:join:{night_id}",
            )
        )
        self.night_id = night_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(NightId(int(match["night"])))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Sign up."""
        desk: NightDesk = desk_at(interaction, NIGHT_DESK)
        await desk.join(interaction, self.night_id)


class NightAnswerButton(
    TriviaButton, template=r"trivia:night:(?P<night>\d+):(?P<round>\d+):(?P<q>\d+):(?P<choice>\w+)"
):
    """One choice of a night's multiple-choice or true/false question."""

    def __init__(self, night_id: NightId, cursor: Cursor, choice: str, label: str) -> None:
        custom_id = f"trivia:night:{night_id}:{cursor.round}:{cursor.question}:{choice}"
        super().__init__(
            discord.ui.Button(
                label=label[:80], style=discord.ButtonStyle.secondary, custom_id=custom_id
            )
        )
        self.night_id, self.cursor, self.choice = night_id, cursor, choice

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        cursor = Cursor(int(match["round"]), int(match["q"]))
        label = getattr(item, "label", None) or match["choice"]
        return cls(NightId(int(match["night"])), cursor, match["choice"], label)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this choice."""
        desk: NightDesk = desk_at(interaction, NIGHT_DESK)
        await desk.answer(interaction, self.night_id, self.cursor, choice_text(self.choice))


class NightWriteButton(
    TriviaButton, template=r"trivia:nightwrite:(?P<night>\d+):(?P<round>\d+):(?P<q>\d+)"
):
    """Opens the private answer form for an open question."""

    def __init__(self, night_id: NightId, cursor: Cursor) -> None:
        super().__init__(
            discord.ui.Button(
                label="Answer",
                emoji="✍️",
                style=discord.ButtonStyle.primary,
                custom_id=f"trivia:nightwrite:{night_id}:{cursor.round}:{cursor.question}",
            )
        )
        self.night_id, self.cursor = night_id, cursor

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(NightId(int(match["night"])), Cursor(int(match["round"]), int(match["q"])))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Open the form, unless the question has closed."""
        desk: NightDesk = desk_at(interaction, NIGHT_DESK)
        await desk.check_open(interaction, self.night_id, self.cursor)

        async def submit(modal_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.answer(modal_interaction, self.night_id, self.cursor, text)

        await interaction.response.send_modal(TextModal("Your answer", "Answer", submit))


class TieBreakButton(TriviaButton, template=r"trivia:tiebreak:(?P<night>\d+)"):
    """Opens the form for the tie-breaker number."""

    def __init__(self, night_id: NightId) -> None:
        super().__init__(
            discord.ui.Button(
                label="Our number",
                emoji="⚖️",
                style=discord.ButtonStyle.primary,
                custom_id=f"trivia:tiebreak:{night_id}",
            )
        )
        self.night_id = night_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(NightId(int(match["night"])))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Ask for the number, unless the night takes none now."""
        desk: NightDesk = desk_at(interaction, NIGHT_DESK)
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
