"""The live state of each channel's game and what every part of the game service shares.

The state held here is only a cache of what the database already knows: every transition
is stored as it happens.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from bot.game import rules
from bot.game.errors import NoSessionError
from bot.game.hints import has_hints
from bot.game.judging import Judgement, judge_answer
from bot.game.models import ChannelId, Clock, GuildId, PlayerRef
from bot.game.outcomes import AskedQuestion
from bot.game.recording import Sleep, recorded, retrying
from bot.game.rules import SessionState
from bot.storage.repository import Repository
from questions.models import TriviaItem

T = TypeVar("T")


class LiveSession:
    """The cached state of one channel's session (mutable holder; the values are frozen).

    ``turn`` is held by whatever opens, closes or ends the session's questions (the clock,
    a won race, a skip, a stop), so two of them never act on one question: the second
    finds it closed, or the session ended, and says so. Answers do not take it.
    """

    __slots__ = ("asked", "asked_items", "items", "state", "tie_broken", "tie_guesses", "turn")

    def __init__(self, state: SessionState, items: Mapping[str, TriviaItem]) -> None:
        self.state = state
        self.items = items
        self.asked_items: list[TriviaItem] = []
        self.turn = asyncio.Lock()
        self.asked: AskedQuestion | None = None
        self.tie_guesses: dict[PlayerRef, tuple[float, datetime]] = {}
        self.tie_broken = False


class LiveGames:
    """The games running per channel, with the judge, the clock and storage retries."""

    def __init__(
        self,
        repository: Repository,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random,
        sleep: Sleep,
        quiet_seconds: float,
    ) -> None:
        self._repo = repository
        self._items = {item.id: item for item in items}
        self._clock = clock
        self._rng = rng
        self._sleep = sleep
        self._quiet_seconds = quiet_seconds
        self._live: dict[ChannelId, LiveSession] = {}
        # Forms a guild's hosts accepted, per (guild, item): they count in that guild only.
        self._extra_forms: dict[tuple[GuildId, str], tuple[str, ...]] = {}

    def session(self, channel_id: ChannelId) -> SessionState | None:
        """The live state of the channel's session, or None when no game runs there."""
        live = self._live.get(channel_id)
        return None if live is None else live.state

    def _require(self, channel_id: ChannelId) -> LiveSession:
        live = self._live.get(channel_id)
        if live is None:
            raise NoSessionError("No trivia game is running in this channel.")
        return live

    def _require_same(self, channel_id: ChannelId, live: LiveSession) -> None:
        """Refuse when the session ended while its turn was awaited."""
        if self._live.get(channel_id) is not live:
            raise NoSessionError("No trivia game is running in this channel.")

    async def _retrying(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run an idempotent write, retrying with backoff while the database is down."""
        return await retrying(call, self._sleep)

    def _judge(self, live: LiveSession, item: TriviaItem, text: str) -> Judgement:
        extra = self._extra_forms.get((live.state.session.guild_id, item.id), ())
        answers = (*item.answers, *extra)
        return judge_answer(
            text,
            answers,
            kind=item.type.value,
            choices=item.choices or None,
            question=item.question,
        )

    async def _open(
        self,
        live: LiveSession,
        item: TriviaItem,
        base_seconds: float,
        contenders: frozenset[PlayerRef] | None,
    ) -> AskedQuestion:
        now = self._clock()
        limit = base_seconds if contenders else rules.time_limit(item.question, base_seconds)
        number = live.state.asked + 1
        async with recorded():
            stored = await self._repo.open_round(live.state.session.id, number, item.id, now, limit)
        live.state = rules.open_round(live.state, now, limit, contenders)
        live.tie_guesses = {}
        tie = contenders is not None
        live.asked = AskedQuestion(stored, item, number, limit, has_hints(item) and not tie, tie)
        return live.asked
