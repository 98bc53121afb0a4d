"""Restarts with live buttons, the message content intent, and the countdown's edit rate."""

from __future__ import annotations

from bot.game.errors import NoSessionError
from bot.game.models import GuildId
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, acknowledge, only, started
from tests.bot.test_quiz import _asked, _right_and_wrong, _start


async def test_buttons_work_on_a_new_bot_after_restart(run, world, bank):
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=2)
    question, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)

    await env.restart_bot(world.bot(items))

    why = await alice.click(question, label="Why?")
    assert why.ephemeral
    assert item.sources[0].document in why.response.embeds[0].fields[0].name
    report = await alice.click(question, label="Report")
    assert report.ephemeral
    assert "flagged for review" in report.response.content
    board = await alice.slash(channel, "trivia leaderboard")
    assert "alice" in board.response.embeds[0].description


async def test_answer_button_after_restart_says_the_game_is_over(run, world, bank):
    items = only(bank, ItemType.TRUE_FALSE)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=3)
    question, _ = await _asked(env, channel, bank)

    # Discord refuses to close the question at the next start: its buttons stay.
    env.inject_error("PATCH", f"/channels/{channel.id}/messages/*")
    await env.restart_bot(world.bot(items))

    late = await alice.click(question, label="True")
    assert late.ephemeral
    assert "game is over" in late.response.content
    assert "next one" not in late.response.content
    restarted = await _start(alice, channel, questions=1)
    assert restarted.response is not None


async def test_chat_answers_ignored_without_message_content_intent(run, bank):
    env = await run(only(bank, ItemType.OPEN))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=1)
    question, item = await _asked(env, channel, bank)
    how = next(f.value for f in question.embeds[0].fields if f.name == "How to answer")
    assert "chat" not in how
    assert "/answer" in how
    before = len(channel.history())
    await alice.send(channel, item.answers[0])
    assert len(channel.history()) == before + 1
    won = await alice.slash(channel, "answer", text=item.answers[0])
    assert "got it" in won.response.content


async def test_chat_answer_wins_race_with_message_content_intent(run, bank):
    env = await run(only(bank, ItemType.OPEN), message_content=True)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, questions=1)
    question, item = await _asked(env, channel, bank)
    how = next(f.value for f in question.embeds[0].fields if f.name == "How to answer")
    assert "type your answer in chat" in how
    await bob.send(channel, "no idea")
    await alice.send(channel, item.answers[0])
    announcements = [m.content for m in channel.history() if "got it" in m.content]
    assert announcements == [announcements[0]]
    assert alice.mention in announcements[0]
    assert channel.last_message.embeds[0].title.startswith("🏁 Game over")


async def test_countdown_edits_one_message_at_most_once_per_second(run, bank):
    env = await run(only(bank, ItemType.OPEN))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=1, timer=60)
    question, _ = await _asked(env, channel, bank)
    posted = len(channel.history())
    start = env.now()
    for _ in range(8):
        await env.advance_time(TICK_SECONDS)
    edits = [r for r in env.http_requests if r.method == "PATCH"]
    elapsed = (env.now() - start).total_seconds()
    assert len(channel.history()) == posted
    assert {r.path for r in edits} == {f"/channels/{channel.id}/messages/{question.id}"}
    assert 1 <= len(edits) <= elapsed
    assert (
        "⏳" in next(m for m in channel.history() if m.id == question.id).embeds[0].fields[-1].value
    )


async def test_hint_without_game_is_refused(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    refused = await alice.slash(channel, "trivia hint")
    assert refused.ephemeral
    assert acknowledge(env) == [NoSessionError]


async def test_shutdown_ends_running_game_with_points_kept(world, bank):
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    env = await started(world, world.bot(items))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=5)
    question, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)
    await env.advance_time(TICK_SECONDS)
    await env.bot.close()
    assert any("restarting" in m.content for m in channel.history())
    assert channel.last_message.embeds[0].title.startswith("🛑 Game stopped")
    await env.shutdown()

    later = world.bot(items).services
    board = await later.records.leaderboard(GuildId(guild.id))
    assert [row.name for row in board] == ["alice"]
    assert await later.game.recover() == []


async def test_start_after_a_crash_tells_the_channel_and_closes_the_open_question(run, world, bank):
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, mode="quiz", questions=3)
    question, item = await _asked(env, channel, bank)
    right, wrong = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)
    await bob.click(question, custom_id=wrong.custom_id)

    await env.restart_bot(world.bot(items))  # the old bot is cut off, as by a crash

    told = [m for m in channel.history() if "restarted during this game" in (m.content or "")]
    assert len(told) == 1
    assert told[0].embeds[0].title.startswith("🛑 Game stopped")
    assert "alice" in told[0].embeds[0].description
    closed = next(m for m in channel.history() if m.id == question.id)
    fields = {field.name: field.value for field in closed.embeds[0].fields}
    assert item.answers[0] in fields["Answer"]
    assert "Time left" not in fields
    labels = [child.label for row in closed.components for child in row.children]
    assert labels == ["Why?", "Report"]
    again = await _start(alice, channel, questions=1)
    assert not again.ephemeral
