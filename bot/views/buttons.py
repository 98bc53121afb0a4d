"""The one shape of every persistent button: a ``custom_id`` that carries what a click needs.

Each button is a :class:`discord.ui.DynamicItem` (``Rapptz/discord.py:
examples/views/dynamic_counter.py``): discord.py matches a click's ``custom_id`` against the
class's ``template`` and rebuilds the button from it, so a click still works after the bot
restarts. A subclass declares its look (``LABEL``, ``EMOJI``, ``STYLE``), builds its
``custom_id`` in its constructor, says in :meth:`TriviaButton.rebuild` how the template's
groups become its fields, and handles the click in :meth:`TriviaButton.clicked`; errors get
the same replies as slash commands.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Self

import discord

from bot.views.base import report_error

LABEL_LIMIT = 80
"""Discord cuts a button's label at 80 characters."""


class TriviaButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"trivia:never"):
    """A persistent button whose errors get the same replies as slash commands."""

    LABEL: ClassVar[str] = ""
    EMOJI: ClassVar[str | None] = None
    STYLE: ClassVar[discord.ButtonStyle] = discord.ButtonStyle.secondary

    def __init__(
        self,
        custom_id: str,
        *,
        label: str | None = None,
        style: discord.ButtonStyle | None = None,
        row: int | None = None,
        disabled: bool = False,
    ) -> None:
        """Build the button: the class's look unless ``label`` or ``style`` say otherwise."""
        super().__init__(
            discord.ui.Button(
                label=(label or self.LABEL)[:LABEL_LIMIT],
                emoji=self.EMOJI,
                style=style or self.STYLE,
                custom_id=custom_id,
                row=row,
                disabled=disabled,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild the clicked button from its id (and the label the message showed)."""
        return cls.rebuild(match, getattr(item, "label", None))

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """The button the template's groups describe; ``label`` is the one shown, if any."""
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Run the click; dynamic items never reach a view's ``on_error``."""
        try:
            await self.clicked(interaction)
        except Exception as error:  # noqa: BLE001 - top-level handler of a click
            await report_error(interaction, error)

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Handle the click."""
        raise NotImplementedError


class KeyedButton(TriviaButton, template=r"trivia:never"):
    """A button that names one thing of its kind: ``trivia:<KIND>:<key>``.

    A subclass sets ``KIND`` and a ``template`` with a ``key`` group, and reads the key
    through a typed property (a question's id, a night's, a round's, a member's).
    """

    KIND: ClassVar[str] = "never"

    def __init__(self, key: str | int) -> None:
        super().__init__(f"trivia:{self.KIND}:{key}")
        self.key = str(key)

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id's key."""
        return cls(match["key"])


class ItemButton(KeyedButton, template=r"trivia:never"):
    """A button about one question of the bank."""

    @property
    def item_id(self) -> str:
        """The question's id."""
        return self.key
