"""The question on screen, one embed for every format, in the variant its format shows.

A game's and a night's question look alike: the question, its choices or how to answer,
its category and its time. What a format words its own way (the title, how to answer,
the time) it hands in; the rest is a :class:`QuestionLook`.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from questions.models import ItemType, TriviaItem

QUESTION_COLOUR = discord.Colour.blurple()
CHOICE_LETTERS = "ABCD"


@dataclass(frozen=True, slots=True)
class QuestionLook:
    """How one format shows its questions, where the formats differ.

    Each format keeps what its players saw before there was one embed: a night escapes
    markdown in its choices and category, a game shows them as written.
    """

    time_field: str
    escaped: bool


GAME_LOOK = QuestionLook("Time left", escaped=False)
"""A game's question: its time as ``Time left``, choices and category as written."""

NIGHT_LOOK = QuestionLook("Time", escaped=True)
"""A night's question: its time as ``Time``, choices and category markdown-escaped."""


def question_embed(
    look: QuestionLook, item: TriviaItem, title: str, how: str | None, category: str, time: str
) -> discord.Embed:
    """The question ``item`` under ``title``, in the format's ``look``.

    Args:
        look: The format's variant.
        item: The question; its text is always escaped, its choices listed when it has them.
        title: Which question it is (its number, or that it breaks a tie).
        how: How to answer it, or None to say nothing.
        category: The category shown (the item's, or the night's round's).
        time: The time left, or that the play is paused.
    """
    shown = discord.utils.escape_markdown if look.escaped else str
    embed = discord.Embed(
        title=title,
        description=discord.utils.escape_markdown(item.question),
        colour=QUESTION_COLOUR,
    )
    if item.type is ItemType.MULTIPLE_CHOICE:
        lines = (
            f"**{letter}** {shown(choice)}"
            for letter, choice in zip(CHOICE_LETTERS, item.choices, strict=False)
        )
        embed.add_field(name="Choices", value="\n".join(lines), inline=False)
    if how is not None:
        embed.add_field(name="How to answer", value=how, inline=False)
    embed.add_field(name="Category", value=shown(category))
    embed.add_field(name=look.time_field, value=time)
    return embed
