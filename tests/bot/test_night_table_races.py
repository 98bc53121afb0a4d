"""The night table when a question closes while its message is still being posted.

Both orders are played on the event loop: the reveal before the question's message is
kept, and after. Either way the question's message ends showing the answer, without
answer buttons.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import discord
import pytest

from bot.cogs.nights import NightTable
from bot.cogs.ticker import Ticker
from bot.night.events import QuestionOpened
from bot.night.service import Control
from questions.models import ItemType
from tests.bot.conftest import only
from tests.night.conftest import ALEXEI, GUILD, HOST, VALENTINA, World

_ids = itertools.count(1000)


class Sent:
    def __init__(self, content: str | None, fields: dict[str, Any]) -> None:
        self.id = next(_ids)
        self.content = content
        self.fields = dict(fields)


class FakeChannel(discord.abc.Messageable):
    """A channel whose first question message is held until the test lets it through."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.edits: dict[int, dict[str, Any]] = {}
        self.gate = asyncio.Event()
        self.posting = asyncio.Event()

    async def _get_channel(self) -> Any:  # pragma: no cover - send is replaced
        return self

    async def send(self, content: str | None = None, **fields: Any) -> Any:
        message = Sent(content, fields)
        if "view" in fields and not self.posting.is_set():
            self.posting.set()  # only the first message with buttons (the question) waits
            await self.gate.wait()
        self.sent.append(message)
        return message

    def get_partial_message(self, message_id: int) -> Any:
        channel = self

        class Partial:
            async def edit(self, **fields: Any) -> None:
                channel.edits[message_id] = fields

        return Partial()


class FakeClient:
    def __init__(self, channel: FakeChannel) -> None:
        self.channel = channel

    def get_channel(self, _: int) -> FakeChannel:
        return self.channel

    def get_partial_messageable(self, _: int) -> FakeChannel:
        return self.channel

    def get_guild(self, _: int) -> None:
        return None


@pytest.fixture
def nights(bank) -> World:
    return World(only(bank, ItemType.MULTIPLE_CHOICE))


async def _opened(world: World):
    service = world.service()
    state = await service.create(world.plan())
    await service.join(state.night.id, GUILD, VALENTINA, None)
    await service.join(state.night.id, GUILD, ALEXEI, None)
    outcome = await service.control(state.night.id, GUILD, Control.START, HOST, False)
    assert any(isinstance(e, QuestionOpened) for e in outcome.events)
    channel = FakeChannel()
    table = NightTable(service, FakeClient(channel), Ticker(3600.0))  # type: ignore[arg-type]
    return service, table, channel, outcome


def _question(channel: FakeChannel) -> Sent:
    (question,) = [m for m in channel.sent if m.fields.get("embed") and "view" in m.fields]
    return question


def _answer_buttons(view: discord.ui.View | None) -> list[str]:
    ids = [getattr(child, "custom_id", "") or "" for child in (view.children if view else [])]
    return [i for i in ids if i.startswith(("trivia:night:", "trivia:nightwrite:"))]


async def test_reveal_while_the_question_is_being_posted_closes_the_message_once_posted(nights):
    service, table, channel, opened = await _opened(nights)
    night = opened.state.night
    posting = asyncio.create_task(table.show(opened))
    await channel.posting.wait()
    revealed = await service.control(night.id, GUILD, Control.REVEAL, HOST, False)
    assert revealed.events[0].message_id is None
    await table.show(revealed)
    channel.gate.set()
    await posting

    question = next(m for m in channel.sent if "view" in m.fields and m.id in channel.edits)
    final = channel.edits[question.id]
    assert final["embed"].title.endswith(": closed")
    assert _answer_buttons(final["view"]) == []
    kinds = {child.custom_id.split(":")[1] for child in final["view"].children}
    assert kinds == {"why", "report"}


async def test_reveal_after_the_question_is_posted_edits_that_message(nights):
    service, table, channel, opened = await _opened(nights)
    night = opened.state.night
    channel.gate.set()
    await table.show(opened)
    question = _question(channel)
    revealed = await service.control(night.id, GUILD, Control.REVEAL, HOST, False)
    assert revealed.events[0].message_id == question.id
    await table.show(revealed)
    final = channel.edits[question.id]
    assert final["embed"].title.endswith(": the answer")
    assert _answer_buttons(final["view"]) == []
    assert len(channel.sent) == 1  # the answer is shown in the question's own message
