"""A stop racing a winning answer or the clock, ordered both ways on the event loop.

Each race holds the first closer inside its storage write (``settle_round``), lets the
other side run as far as it can, then lets both finish. Whatever the order, the game ends
once with its standings, the question message is left revealed without answer buttons,
and the channel takes ``/trivia start`` and ``/trivia stop`` again.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.game.errors import SessionStateError
from tests.bot.table_fakes import CHANNEL, FakeInteraction, FakeUser, Table
from tests.fakes import text_item

ALICE = FakeUser(2, "Alice")


@pytest.fixture
async def table():
    played = Table([text_item()])
    yield played
    await played.close()


async def _let_run() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def _is_final(message) -> bool:
    """Answer revealed, no answer buttons, no countdown."""
    fields = {field.name: field.value for field in message.embed.fields}
    answers = [b for b in message.buttons if b.startswith(("trivia:answer", "trivia:write"))]
    return "Answer" in fields and "Time left" not in fields and not answers


async def _channel_works_again(table: Table) -> None:
    assert table.service.session(CHANNEL) is None
    assert table.table.get(CHANNEL) is None
    await table.start(questions=2)
    await table.ask()
    await table.table.stop(CHANNEL)
    assert table.service.session(CHANNEL) is None
    with pytest.raises(SessionStateError):
        await table.table.stop(CHANNEL)


def _answer(table, click):
    return table.table.answer_in(click, CHANNEL, text_item().answers[0])


@pytest.mark.parametrize("first", ["win", "stop"])
async def test_stop_racing_a_winning_answer_ends_the_game_once(table, first):
    await table.start()
    question = await table.ask()
    click = FakeInteraction(ALICE)
    table.gate.arm("settle_round")
    if first == "win":
        tasks = [asyncio.create_task(_answer(table, click))]
        await table.gate.reached("settle_round")
        tasks.append(asyncio.create_task(table.table.stop(CHANNEL)))
    else:
        tasks = [asyncio.create_task(table.table.stop(CHANNEL))]
        await table.gate.reached("settle_round")
        tasks.append(asyncio.create_task(_answer(table, click)))
    await _let_run()
    table.gate.open("settle_round")
    await asyncio.gather(*tasks)

    assert "got it" in click.replies[0]
    points = {field.name: field.value for field in question.embed.fields}.get("Points for")
    assert points == "Alice"
    ends = table.channel.titled("🛑 Game stopped")
    assert len(ends) == 1
    assert "Alice" in ends[0].embed.description
    assert _is_final(question)
    await _channel_works_again(table)


@pytest.mark.parametrize("first", ["clock", "stop"])
async def test_stop_racing_the_time_running_out_ends_the_game_once(table, first):
    await table.start()
    question = await table.ask()
    table.gate.arm("settle_round")
    if first == "clock":
        table.clock.advance(60)
        tasks = [asyncio.create_task(table.table.tick())]
        await table.gate.reached("settle_round")
        tasks.append(asyncio.create_task(table.table.stop(CHANNEL)))
    else:
        tasks = [asyncio.create_task(table.table.stop(CHANNEL))]
        await table.gate.reached("settle_round")
        table.clock.advance(60)
        tasks.append(asyncio.create_task(table.table.tick()))
    await _let_run()
    table.gate.open("settle_round")
    await asyncio.gather(*tasks)

    assert len(table.channel.titled("🛑 Game stopped")) == 1
    assert _is_final(question)
    await _channel_works_again(table)


async def test_a_late_win_never_closes_the_next_question(table):
    await table.start()
    await table.ask()
    click = FakeInteraction(ALICE)
    table.gate.arm("record_answer")
    answering = asyncio.create_task(_answer(table, click))
    await table.gate.reached("record_answer")
    table.clock.advance(60)
    await table.table.tick()  # time is up: revealed
    following = await table.ask()
    table.gate.open("record_answer")
    await answering

    assert table.service.session(CHANNEL).round is not None
    assert not _is_final(following)
