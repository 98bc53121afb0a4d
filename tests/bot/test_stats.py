"""/trivia stats: a question counts once, with the last answer; names are shown as typed."""

from __future__ import annotations

from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, only
from tests.bot.test_quiz import _item_asked, _start


async def _open_question(env, channel, number):
    for _ in range(5):
        await env.advance_time(TICK_SECONDS)
        for message in channel.history():
            if message.embeds and message.embeds[0].title == f"Question {number}/4":
                return message
    raise AssertionError(f"question {number} was never asked")


async def _answer_question(env, channel, bank, alice, number, clicks):
    message = await _open_question(env, channel, number)
    item = _item_asked(bank, message)
    right = item.answers[0]
    wrong = "False" if right == "True" else "True"
    for choice in clicks:
        await alice.click(message, label=right if choice else wrong)


async def test_stats_count_each_question_once_with_the_last_answer(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, mode="quiz", questions=4, timer=10)
    # Right after a change, wrong after a change, right, wrong: two of four.
    for number, clicks in enumerate(([False, True], [True, False], [True], [False]), 1):
        await _answer_question(env, channel, bank, alice, number, clicks)
    for _ in range(4):
        await env.advance_time(TICK_SECONDS)
    assert channel.last_message.embeds[0].title.startswith("🏁 Game over")

    stats = await alice.slash(channel, "trivia stats")
    fields = {field.name: field.value for field in stats.response.embeds[0].fields}
    assert fields["Correct"] == "2/4 (50%)"


async def test_stats_title_shows_a_name_with_markdown_as_typed(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    star = guild.add_member(env.create_user("**star**_"))
    stats = await star.slash(channel, "trivia stats")
    assert stats.response.embeds[0].title == "📊 \\*\\*star\\*\\*\\_"
