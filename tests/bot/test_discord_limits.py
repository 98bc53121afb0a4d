"""What Discord refuses never stops a game, and nothing the bot posts outgrows Discord's limits."""

from __future__ import annotations

import discord
import pytest

from bot.game.outcomes import AnswerResult
from bot.night.errors import NightPlanError
from bot.night.planning import parse_rounds
from bot.views import embeds
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, only
from tests.bot.test_quiz import _asked, _start


async def test_a_deleted_question_message_does_not_stop_the_game(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    cleaner = guild.create_role("Cleaners", permissions=discord.Permissions(manage_messages=True))
    alice = guild.add_member(env.create_user("alice"), roles=[cleaner])
    await _start(alice, channel, questions=2, timer=10)
    question, _ = await _asked(env, channel, bank)
    await alice.delete(question)

    for _ in range(12):  # past the time limit, the pause between questions and the next one
        await env.advance_time(TICK_SECONDS)
    titles = [m.embeds[0].title for m in channel.history() if m.embeds and m.embeds[0].title]
    assert any(title.startswith("Question 1/2: the answer") for title in titles)
    assert any(title.startswith("Question 2/2") for title in titles)
    assert any(title.startswith("🏁 Game over") for title in titles)
    again = await _start(alice, channel, questions=1)
    assert not again.ephemeral  # the channel is free for a new game


def test_fitted_keeps_the_first_parts_and_counts_the_rest():
    names = [f"cosmonaut-{number:03}-with-a-long-name" for number in range(200)]
    text = embeds.fitted(names, ", ", embeds.FIELD_LIMIT)
    assert len(text) <= embeds.FIELD_LIMIT
    assert text.startswith("cosmonaut-000")
    shown = text.count("cosmonaut-")
    assert text.endswith(f"… and {200 - shown} more")
    assert embeds.fitted(names[:3], ", ", embeds.FIELD_LIMIT) == ", ".join(names[:3])
    assert embeds.fitted([], ", ", 10) == ""


@pytest.mark.parametrize("limit", [1, 2, 50])
def test_clip_never_exceeds_its_limit(limit):
    text = "Туманность Андромеды" * 10
    assert len(embeds.clip(text, limit)) <= limit
    assert embeds.clip("short", limit + 5) == "short"


def test_answers_echoed_back_are_clipped():
    long_answer = "Phobos " * 600
    feedback = embeds.answer_feedback(AnswerResult(None, 0), long_answer, quiz=True)
    assert len(feedback) < embeds.MESSAGE_LIMIT
    assert "…" in feedback
    assert len(embeds.race_won("<@1>", long_answer, 10)) < embeds.MESSAGE_LIMIT


def test_unreadable_rounds_are_quoted_back_short():
    with pytest.raises(NightPlanError) as refused:
        parse_rounds("films" * 450, ("films", "plot"))
    assert len(str(refused.value)) < 400
    assert "…" in str(refused.value)
