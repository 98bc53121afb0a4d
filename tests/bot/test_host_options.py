"""What a host reaches: pause and resume, a target score, the streak switch, a difficulty
(as play rated it), the rank of a period, a question's record, and the tie-breaker."""

from __future__ import annotations

import asyncio

import pytest
from discord import app_commands

from bot.game.models import GuildId
from bot.moderation.curation import QuestionFix
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, acknowledge, only
from tests.bot.table_fakes import CHANNEL, FakeInteraction, FakeUser, Table
from tests.bot.test_quiz import _asked, _right_and_wrong, _start
from tests.fakes import number_item, text_item


def _fields(message):
    return {field.name: field.value for field in message.embeds[0].fields}


async def _room(run, bank, kind=ItemType.MULTIPLE_CHOICE):
    env = await run(only(bank, kind))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    return env, guild, channel, alice, bob


async def test_host_pauses_and_resumes_and_the_question_keeps_its_time(run, bank):
    env, _, channel, alice, bob = await _room(run, bank)
    await _start(alice, channel, questions=1, timer=10)
    question, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, question)

    refused = await bob.slash(channel, "trivia pause")
    assert refused.ephemeral
    assert acknowledge(env) == [app_commands.CheckFailure]
    paused = await alice.slash(channel, "trivia pause")
    assert "paused" in paused.response.content
    shown = next(m for m in channel.history() if m.id == question.id)
    assert _fields(shown)["Time left"] == "⏸️ paused"
    waiting = await bob.click(question, custom_id=right.custom_id)
    assert "paused" in waiting.response.content
    for _ in range(6):
        await env.advance_time(TICK_SECONDS)
    assert next(m for m in channel.history() if m.id == question.id).embeds[0].title == (
        "Question 1/1"
    )

    await alice.slash(channel, "trivia resume")
    won = await bob.click(question, custom_id=right.custom_id)
    assert "got it" in won.response.content


async def test_a_target_score_ends_the_game_when_reached(run, bank):
    env, _, channel, alice, _ = await _room(run, bank)
    started = await _start(alice, channel, questions=5, target=10)
    assert "first to 10 points" in started.response.embeds[0].description
    question, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)
    assert channel.last_message.embeds[0].title.startswith("🏁 Game over")


@pytest.mark.parametrize(("streaks", "second"), [(True, "+11 points"), (False, "+10 points")])
async def test_the_streak_switch_turns_the_bonus_off(run, bank, streaks, second):
    env, _, channel, alice, _ = await _room(run, bank)
    await _start(alice, channel, questions=2, streaks=streaks)
    won = []
    for _ in range(2):
        question, item = await _asked(env, channel, bank)
        right, _ = _right_and_wrong(item, question)
        won.append(await alice.click(question, custom_id=right.custom_id))
        await env.advance_time(TICK_SECONDS)
    assert "+10 points" in won[0].response.content
    assert second in won[1].response.content


async def test_a_difficulty_goes_by_what_play_rated(run, bank):
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    env, guild, channel, alice, _ = await _room(run, bank)
    easy = next(i for i in items if i.difficulty <= 2)
    services = env.bot.services
    for item in items:  # play rated every question easy but one, which it found hard
        rated = 5 if item.id == easy.id else 1
        await services.curation.save_fix(QuestionFix(GuildId(guild.id), item.id, difficulty=rated))
    await _start(alice, channel, questions=1, difficulty="hard")
    _, item = await _asked(env, channel, bank)
    assert item.id == easy.id

    await alice.slash(channel, "trivia stop")
    refused = await alice.slash(channel, "trivia start", difficulty="medium")
    assert "no medium questions" in refused.response.content
    acknowledge(env)


async def test_stats_show_the_rank_of_a_period_and_why_shows_the_record(run, bank):
    env, _, channel, alice, _ = await _room(run, bank)
    await _start(alice, channel, questions=1)
    question, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)

    stats = await alice.slash(channel, "trivia stats", period="week")
    assert _fields(stats.response)["Rank (this week)"] == "#1 (10 points)"
    why = await alice.click(question, label="Why?")
    record = _fields(why.response)["📊 Played in every server"]
    assert record.startswith("asked once; 1 of 1 answers right (100%)")


async def test_a_tie_for_first_is_broken_by_the_closest_number():
    played = Table([text_item(), number_item()])
    try:
        await played.start(questions=2)
        alice, bob = FakeUser(2, "Alice"), FakeUser(3, "Bob")
        for winner in (alice, bob):
            asked = await played.ask()
            item = next(i for i in played.items if i.question in asked.embed.description)
            await played.table.answer_in(FakeInteraction(winner), CHANNEL, item.answers[0])
        tie = played.channel.messages[-1]
        assert tie.embed.title == "Tie-breaker"
        year = int(number_item().answers[0])
        near = FakeInteraction(alice)
        await played.table.answer_in(near, CHANNEL, str(year + 1))
        await played.table.answer_in(FakeInteraction(bob), CHANNEL, str(year + 30))
        assert "Your guess is in" in near.replies[0]
        played.clock.advance(60)
        await played.table.tick()
        await asyncio.sleep(0)

        (end,) = played.channel.titled("🏁 Game over")
        assert end.embed.description.splitlines()[0].startswith("🥇 Alice")
        assert not [f for f in end.embed.fields if f.name == "Tie for first"]
        assert tie.embed.title == "Tie-breaker: the answer"
    finally:
        await played.close()
