"""A game table on plain fakes: a channel, messages and interactions that only record.

Races between a stop, a winning answer and the clock need every await placed by the test;
simcord runs one operation at a time, so these tests drive :class:`GameTable` directly on
the event loop, with a repository whose chosen writes wait for the test's go-ahead.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import Iterable
from typing import Any

from bot.cogs.games import ChannelGame, GameTable
from bot.cogs.ticker import Ticker
from bot.game.models import ChannelId, GuildId, Mode, SessionConfig
from bot.storage.memory import InMemoryRepository
from questions.models import TriviaItem
from tests.conftest import FakeClock
from tests.fakes import game_service, shipped_judge

GUILD = GuildId(1)
CHANNEL = ChannelId(10)
_ids = itertools.count(1000)


class FakeMessage:
    """A posted message: its latest embed, content and buttons."""

    def __init__(self, content: str | None, embed: Any, view: Any) -> None:
        self.id = next(_ids)
        self.content = content
        self.embed = embed
        self.view = view
        self.edits = 0

    async def edit(self, **changes: Any) -> None:
        self.edits += 1
        if "embed" in changes:
            self.embed = changes["embed"]
        if "view" in changes:
            self.view = changes["view"]

    @property
    def buttons(self) -> list[str]:
        """The custom ids of the message's buttons (none once removed)."""
        if self.view is None:
            return []
        return [
            child.custom_id for child in self.view.children if not getattr(child, "disabled", False)
        ]


class FakeChannel:
    """A text channel that keeps what the bot posted."""

    def __init__(self) -> None:
        self.id = CHANNEL
        self.messages: list[FakeMessage] = []
        self.closed = False
        """Set when the bot's connection closed: sending fails as aiohttp's would."""

    async def send(
        self, content: str | None = None, *, embed: Any = None, view: Any = None, **_: Any
    ) -> FakeMessage:
        if self.closed:
            raise RuntimeError("Session is closed")
        message = FakeMessage(content, embed, view)
        self.messages.append(message)
        return message

    def titled(self, start: str) -> list[FakeMessage]:
        return [m for m in self.messages if m.embed is not None and m.embed.title.startswith(start)]


class FakeUser:
    def __init__(self, user_id: int, name: str) -> None:
        self.id = user_id
        self.display_name = name
        self.mention = f"<@{user_id}>"


class FakeResponse:
    def __init__(self, sent: list[str]) -> None:
        self._sent = sent
        self._done = False

    def is_done(self) -> bool:
        return self._done

    async def send_message(self, content: str | None = None, **_: Any) -> None:
        self._done = True
        self._sent.append(content or "")


class FakeFollowup:
    def __init__(self, sent: list[str]) -> None:
        self._sent = sent

    async def send(self, content: Any = None, **_: Any) -> None:
        self._sent.append(str(content))


class FakeInteraction:
    """A click or command: who, and every reply it got."""

    def __init__(self, user: FakeUser) -> None:
        self.id = next(_ids)
        self.user = user
        self.replies: list[str] = []
        self.response = FakeResponse(self.replies)
        self.followup = FakeFollowup(self.replies)


class Gate:
    """Holds chosen repository writes until :meth:`open` (each holds once per arming)."""

    def __init__(self) -> None:
        self.armed: set[str] = set()
        self.waiting: dict[str, asyncio.Event] = {}
        self._go: dict[str, asyncio.Event] = {}

    def arm(self, *names: str) -> None:
        for name in names:
            self.armed.add(name)
            self.waiting[name] = asyncio.Event()
            self._go[name] = asyncio.Event()

    async def reached(self, name: str) -> None:
        await asyncio.wait_for(self.waiting[name].wait(), 5)

    def open(self, name: str) -> None:
        self._go[name].set()

    async def passing(self, name: str) -> None:
        if name in self.armed:
            self.armed.discard(name)
            self.waiting[name].set()
            await self._go[name].wait()


class GatedRepository:
    """The in-memory repository, with writes a :class:`Gate` may hold."""

    def __init__(self, inner: InMemoryRepository, gate: Gate) -> None:
        self._inner = inner
        self._gate = gate

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if not asyncio.iscoroutinefunction(attribute):
            return attribute

        async def gated(*args: Any, **kwargs: Any) -> Any:
            await self._gate.passing(name)
            return await attribute(*args, **kwargs)

        return gated


class Table:
    """A table, its service, one channel and a gate, as the races need them."""

    def __init__(self, items: Iterable[TriviaItem], seed: int = 0) -> None:
        self.clock = FakeClock()
        self.gate = Gate()
        self.repository = InMemoryRepository()
        gated: Any = GatedRepository(self.repository, self.gate)
        self.items = tuple(items)
        self.service = game_service(
            gated, self.items, self.clock, random.Random(seed), judge=shipped_judge()
        )
        # An hour between the ticker's own ticks: the tests call tick() themselves.
        self.ticker = Ticker(3600.0)
        self.table = GameTable(self.service, lambda _: None, self.clock, self.ticker)
        self.channel = FakeChannel()
        self.host = FakeUser(1, "Anna")

    async def start(self, questions: int = 3, mode: Mode = Mode.RACE) -> None:
        config = SessionConfig(mode, question_limit=questions, time_limit_seconds=20.0)
        await self.service.start(GUILD, CHANNEL, config)
        channel: Any = self.channel
        self.table.open(CHANNEL, ChannelGame(channel, self.host.id, questions))

    async def close(self) -> None:
        await self.ticker.stop()

    async def ask(self) -> FakeMessage:
        """Tick until the next question is posted; its message."""
        posted = len(self.channel.messages)
        for _ in range(10):
            self.clock.advance(1)
            await self.table.tick()
            if len(self.channel.messages) > posted:
                return self.channel.messages[-1]
        raise AssertionError("no question was asked")
