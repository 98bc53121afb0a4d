"""The moderators' curation reaches ordinary /trivia games: retired questions, fixed answers."""

from __future__ import annotations

from bot.game.errors import NoQuestionsError
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, acknowledge, manager_role, only
from tests.bot.test_quiz import _asked, _start
from tests.fakes import shipped_judge

TEXT = "trivia:night-text"
NEW_FORM = "the first film"


async def _report_first(env, bank, **options):
    """Play one question, skip it and report it; returns the channel, the members and item."""
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    await _start(alice, channel, questions=1, **options)
    question, item = await _asked(env, channel, bank)
    await alice.slash(channel, "trivia skip")
    await env.advance_time(TICK_SECONDS)
    reveal = next(m for m in reversed(channel.history()) if m.id == question.id)
    await alice.click(reveal, label="Report")
    return channel, alice, moderator, item


def _two_categories(bank):
    """Two choice questions of different categories."""
    items = only(bank, ItemType.MULTIPLE_CHOICE)
    first = items[0]
    second = next(item for item in items if item.category != first.category)
    return first, second


async def test_retired_question_is_never_asked_in_trivia_start(run, bank):
    items = _two_categories(bank)
    env = await run(items)
    channel, alice, moderator, item = await _report_first(env, items, category=items[0].category)
    assert item == items[0]
    shown = await moderator.slash(channel, "trivia review")
    form = await moderator.click(shown.response.message, label="Retire")
    await moderator.submit_modal(form, {TEXT: "two options are right"})

    refused = await alice.slash(channel, "trivia start", category=item.category)
    assert "retired" in refused.response.content.lower()
    assert acknowledge(env) == [NoQuestionsError]
    await _start(alice, channel, questions=1)
    _, asked = await _asked(env, channel, items)
    assert asked == items[1]


async def test_fixed_answers_are_accepted_in_a_trivia_game(run, bank):
    items = only(bank, ItemType.OPEN)[:1]
    (item,) = items
    assert (
        not shipped_judge()
        .judge(NEW_FORM, item.answers, kind="open", question=item.question)
        .accepted
    )
    env = await run(items)
    channel, alice, moderator, _ = await _report_first(env, items)
    shown = await moderator.slash(channel, "trivia review")
    form = await moderator.click(shown.response.message, label="Fix answers")
    await moderator.submit_modal(form, {TEXT: f"{item.answers[0]}\n{NEW_FORM}"})

    await _start(alice, channel, questions=1)
    await _asked(env, channel, items)
    won = await alice.slash(channel, "answer", text=NEW_FORM)
    assert "got it" in won.response.content
