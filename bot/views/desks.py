"""Where clicks go: the desks the extensions install on the bot, typed.

A persistent button knows only its ``custom_id``; the work is done by the extension that
runs the games, the nights or the review queue. Each extension sets its desk on the bot's
:class:`Desks` when it loads and clears it when it unloads; a button asks for the desk it
needs and gets a typed object or a player-safe error when that extension is not loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, runtime_checkable

import discord

from bot.game.errors import SessionStateError
from bot.game.models import Cursor, RoundId
from bot.moderation.reviewing import ReviewAction
from bot.night.models import NightId

NO_GAMES = "The trivia game is not running on this bot right now."
NO_NIGHTS = "Quiz nights are not running on this bot right now."
NO_REVIEW = "The review queue is not open on this bot right now."

D = TypeVar("D")


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


class ReviewDesk(Protocol):
    """Where review clicks go."""

    async def review(
        self,
        interaction: discord.Interaction[Any],
        action: ReviewAction,
        key: str,
        text: str,
        page: int = 0,
    ) -> None:
        """Run a moderator's action on a review entry, then show the page it was on."""
        ...

    async def check(self, interaction: discord.Interaction[Any]) -> None:
        """Refuse members who may not review."""
        ...

    async def explain(
        self, interaction: discord.Interaction[Any], item_id: str, reason: str
    ) -> None:
        """Add the member's reason to their report on a question."""
        ...

    async def show(
        self, interaction: discord.Interaction[Any], note: str | None = None, page: int = 0
    ) -> None:
        """Show one page of the queue (counted from 0)."""
        ...


@dataclass(slots=True)
class Desks:
    """The desks of the loaded extensions (None while an extension is not loaded)."""

    answers: AnswerDesk | None = None
    nights: NightDesk | None = None
    review: ReviewDesk | None = None


@runtime_checkable
class HasDesks(Protocol):
    """A client that carries desks (the :class:`~bot.app.TriviaBot`)."""

    desks: Desks


def desks_of(interaction: discord.Interaction[Any]) -> Desks:
    """The desks of the bot the interaction came to (none on any other client)."""
    client = interaction.client
    return client.desks if isinstance(client, HasDesks) else Desks()


def answer_desk(interaction: discord.Interaction[Any]) -> AnswerDesk:
    """The games' desk.

    Raises:
        SessionStateError: the game extension is not loaded.
    """
    return _loaded(desks_of(interaction).answers, NO_GAMES)


def night_desk(interaction: discord.Interaction[Any]) -> NightDesk:
    """The quiz nights' desk.

    Raises:
        SessionStateError: the quiz-night extension is not loaded.
    """
    return _loaded(desks_of(interaction).nights, NO_NIGHTS)


def review_desk(interaction: discord.Interaction[Any]) -> ReviewDesk:
    """The review queue's desk.

    Raises:
        SessionStateError: the review extension is not loaded.
    """
    return _loaded(desks_of(interaction).review, NO_REVIEW)


def _loaded(desk: D | None, missing: str) -> D:
    if desk is None:
        raise SessionStateError(missing)
    return desk
