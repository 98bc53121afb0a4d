"""Shutting down while a game is being stopped, and an error reply after the connection closed."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.game.errors import SessionStateError
from bot.views.base import report_error
from tests.bot.table_fakes import CHANNEL, FakeInteraction, FakeUser, Table
from tests.bot.test_table_races import _is_final, _let_run
from tests.fakes import text_item


@pytest.fixture
async def table():
    played = Table([text_item()])
    yield played
    await played.close()


async def test_sigterm_during_stop_posts_the_final_standings_before_closing(table):
    await table.start()
    question = await table.ask()
    await table.table.answer_in(FakeInteraction(FakeUser(2, "Alice")), CHANNEL, "wrong")
    table.gate.arm("settle_round")
    stopping = asyncio.create_task(table.table.stop(CHANNEL))
    await table.gate.reached("settle_round")

    async def shut_down():
        await table.table.close_all()
        table.channel.closed = True  # the bot closes its connection to Discord next

    closing = asyncio.create_task(shut_down())
    await _let_run()
    table.gate.open("settle_round")
    await asyncio.gather(stopping, closing)

    ends = table.channel.titled("🛑 Game stopped")
    assert len(ends) == 1
    assert "Alice" in ends[0].embed.description
    assert _is_final(question)
    assert not any("restarting" in (m.content or "") for m in table.channel.messages)
    assert table.service.session(CHANNEL) is None


async def test_an_error_reply_on_a_closed_connection_is_one_log_line(caplog):
    click = FakeInteraction(FakeUser(2, "Alice"))

    async def closed(*_args, **_kwargs):
        raise RuntimeError("Session is closed")

    click.response.send_message = closed
    with caplog.at_level(logging.WARNING, logger="bot.views.base"):
        await report_error(click, SessionStateError("There is no question to skip."))
    assert [r.getMessage() for r in caplog.records] == ["could not deliver an error reply to 2"]
    assert all(r.exc_info is None for r in caplog.records)
