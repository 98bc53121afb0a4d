"""Every message that showed a question ends final, whatever ended it.

Final: the answer revealed, no answer buttons (only Why? and Report), no countdown.
"""

from __future__ import annotations

import pytest

from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, only, started
from tests.bot.test_quiz import _asked, _right_and_wrong, _start


def _questions(channel):
    return [m for m in channel.history() if m.embeds and m.embeds[0].title.startswith("Question")]


def _assert_final(message, item=None):
    fields = {field.name: field.value for field in message.embeds[0].fields}
    assert "Answer" in fields, message.embeds[0].title
    assert "Time left" not in fields
    if item is not None:
        assert item.answers[0] in fields["Answer"]
    labels = [child.label for row in message.components for child in row.children]
    assert labels == ["Why?", "Report"]


@pytest.mark.parametrize("ending", ["stop", "skip", "time", "won"])
async def test_a_question_ends_final_however_it_ends(run, bank, ending):
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, questions=2, timer=10)
    question, item = await _asked(env, channel, bank)
    right, wrong = _right_and_wrong(item, question)
    await bob.click(question, custom_id=wrong.custom_id)
    if ending == "stop":
        await alice.slash(channel, "trivia stop")
    elif ending == "skip":
        await alice.slash(channel, "trivia skip")
    elif ending == "time":
        for _ in range(4):
            await env.advance_time(TICK_SECONDS)
    else:
        await alice.click(question, custom_id=right.custom_id)

    _assert_final(next(m for m in channel.history() if m.id == question.id), item)
    if ending != "stop":
        await alice.slash(channel, "trivia stop")
    for shown in _questions(channel):
        _assert_final(shown)


async def test_shutdown_leaves_the_open_question_final(world, bank):
    items = only(bank, ItemType.TRUE_FALSE)
    env = await started(world, world.bot(items))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=3)
    question, item = await _asked(env, channel, bank)
    await env.bot.close()
    _assert_final(next(m for m in channel.history() if m.id == question.id), item)
    assert channel.last_message.embeds[0].title.startswith("🛑 Game stopped")
    await env.shutdown()
