"""Through the real client and the fake gateway: a stop arriving with a winning answer.

The interleaving on the event loop is ordered both ways by tests/bot/test_table_races.py;
here several members act at once over the wire, and whichever way it falls, the game ends
once and the channel takes /trivia start and /trivia stop again.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_gateway import (
    SLASH,
    _item,
    _posted_question,
    _slash,
    live_bot,  # noqa: F401 - the fixture, shared with the gateway tests
    until,
)

HOST = 700_000_000_000_000_011
PLAYER = 700_000_000_000_000_012


def _stopped(fake: FakeDiscord, after: int) -> list[object]:
    return [c for c in fake.calls[after:] if "Game stopped" in str(c.body)]


async def _start(fake: FakeDiscord, guild, questions: int):
    mark = len(fake.calls)
    start = fake.interaction(guild, HOST, SLASH, _slash("start", questions=questions))
    await fake.dispatch(guild, "INTERACTION_CREATE", start)
    return await until(lambda: _posted_question(fake, mark))


@pytest.mark.parametrize("stop_first", [False, True])
async def test_a_stop_sent_with_a_winning_answer_never_sticks_the_channel(
    fake_discord,
    live_bot,  # noqa: F811 - the imported fixture
    stop_first,
):
    bot, guild, items = live_bot
    question = await _start(fake_discord, guild, questions=3)
    typed = fake_discord.chat_message(guild, PLAYER, _item(items, question).answers[0])
    stop = fake_discord.interaction(guild, HOST, SLASH, _slash("stop"))
    mark = len(fake_discord.calls)
    events = [("INTERACTION_CREATE", stop), ("MESSAGE_CREATE", typed)]
    if not stop_first:
        events.reverse()
    await asyncio.gather(*(fake_discord.dispatch(guild, kind, data) for kind, data in events))

    await until(lambda: _stopped(fake_discord, mark))
    table = bot.get_cog("QuizCog").table
    await until(lambda: table.get(guild.channel_id) is None)
    assert len(_stopped(fake_discord, mark)) == 1
    assert bot.services.game.session(guild.channel_id) is None
    stored = fake_discord.messages[int(question["id"])]
    buttons = [c["custom_id"] for row in stored["components"] for c in row["components"]]
    assert not [b for b in buttons if b.startswith(("trivia:answer", "trivia:write"))]

    await _start(fake_discord, guild, questions=1)
    mark = len(fake_discord.calls)
    again = fake_discord.interaction(guild, HOST, SLASH, _slash("stop"))
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", again)
    await until(lambda: _stopped(fake_discord, mark))
