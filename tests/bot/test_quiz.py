"""Playing through Discord: start, buttons, the answer form, /answer, reveal, stop, skip, hint."""

from __future__ import annotations

from discord import app_commands

from bot.game.errors import NoSessionError, SessionStateError
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, acknowledge, manager_role, only


def _item_asked(bank, message):
    """The item on screen: same question text and, for choice buttons, the same options."""
    question = message.embeds[0].description.replace("\\", "")
    labels = [child.label for row in message.components for child in row.children]
    options = {label.split(" ", 1)[-1] for label in labels if label[:2] in {"A ", "B ", "C ", "D "}}
    return next(
        item
        for item in bank
        if item.question.replace("*", "") in question
        and (not options or set(item.choices) == options)
    )


def _question_message(channel):
    return next(
        m
        for m in reversed(channel.history())
        if m.embeds and m.embeds[0].title.startswith("Question")
    )


def _last_allowed_mentions(env):
    """What the bot allowed to ping in its last interaction reply."""
    for request in reversed(env.http_requests):
        body = request.json or {}
        data = body.get("data", body)
        if "allowed_mentions" in data:
            return data["allowed_mentions"]
    raise AssertionError("no reply with allowed_mentions")


async def _start(actor, channel, **options):
    result = await actor.slash(channel, "trivia start", **options)
    assert result.response is not None
    return result


def _button(message, label_start):
    for row in message.components:
        for child in row.children:
            if child.label and child.label.startswith(label_start):
                return child
    raise AssertionError(f"no button {label_start!r}")


async def test_start_race_posts_question_with_choice_buttons(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    result = await _start(alice, channel, questions=1)
    assert "Race" in result.response.embeds[0].description
    await env.advance_time(TICK_SECONDS)
    message = _question_message(channel)
    item = _item_asked(bank, message)
    labels = [child.label for row in message.components for child in row.children]
    assert [label.split(" ", 1)[1] for label in labels] == list(item.choices)
    ids = [child.custom_id for row in message.components for child in row.children]
    assert all(i.startswith("trivia:answer:") for i in ids)


def _right_and_wrong(item, message):
    buttons = [child for row in message.components for child in row.children]
    right = next(b for b in buttons if b.label.split(" ", 1)[-1] == item.answers[0])
    wrong = next(b for b in buttons if b is not right)
    return right, wrong


async def _asked(env, channel, bank):
    await env.advance_time(TICK_SECONDS)
    message = _question_message(channel)
    return message, _item_asked(bank, message)


async def test_race_click_right_choice_wins_and_reveals(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, questions=1)
    message, item = await _asked(env, channel, bank)
    right, wrong = _right_and_wrong(item, message)

    missed = await bob.click(message, custom_id=wrong.custom_id)
    assert missed.ephemeral
    assert "not it" in missed.response.content

    won = await alice.click(message, custom_id=right.custom_id)
    assert not won.ephemeral
    assert "got it" in won.response.content
    assert alice.mention in won.response.content
    assert _last_allowed_mentions(env) == {"parse": []}

    revealed = channel.history()
    reveal = next(m for m in revealed if m.id == message.id)
    assert item.answers[0] in reveal.embeds[0].fields[0].value
    labels = [child.label for row in reveal.components for child in row.children]
    assert labels == ["Why?", "Report"]
    late = await bob.click(reveal, label="Why?")
    assert late.ephemeral
    assert item.sources[0].quote[:50] in late.response.embeds[0].fields[0].value

    board = await bob.slash(channel, "trivia leaderboard")
    assert "alice" in board.response.embeds[0].description
    assert "bob" not in board.response.embeds[0].description


async def test_quiz_answer_form_is_private_and_scores_at_reveal(run, bank):
    env = await run(only(bank, ItemType.OPEN))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, mode="quiz", questions=1, timer=10)
    message, item = await _asked(env, channel, bank)

    opened = await alice.click(message, label="Answer")
    assert opened.modal is not None
    submitted = await alice.submit_modal(opened, {"trivia:answer-text": item.answers[0]})
    assert submitted.ephemeral
    assert "Your answer is in" in submitted.response.content

    await env.advance_time(15)
    reveal = next(m for m in channel.history() if m.id == message.id)
    assert "1/1 right" in reveal.embeds[0].fields[1].value
    assert channel.last_message.embeds[0].title.startswith("🏁 Game over")
    assert "alice" in channel.last_message.embeds[0].description


async def test_answer_command_in_race_wins_and_echoes_without_pinging(run, bank):
    env = await run(only(bank, ItemType.OPEN))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=1)
    _, item = await _asked(env, channel, bank)

    wrong = await alice.slash(channel, "answer", text="@everyone nonsense")
    assert wrong.ephemeral
    assert "@everyone nonsense" in wrong.response.content
    won = await alice.slash(channel, "answer", text=item.answers[0])
    assert "got it" in won.response.content
    assert _last_allowed_mentions(env) == {"parse": []}


async def test_answer_without_game_is_refused_privately(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    result = await alice.slash(channel, "answer", text="1963")
    assert result.ephemeral
    assert "no trivia game" in result.response.content.lower()
    assert acknowledge(env) == [NoSessionError]


async def test_start_twice_in_channel_is_refused(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel)
    again = await alice.slash(channel, "trivia start")
    assert again.ephemeral
    assert "already running" in again.response.content
    assert acknowledge(env) == [SessionStateError]


async def test_stop_needs_host_or_manager(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    await _start(alice, channel)
    await env.advance_time(TICK_SECONDS)

    refused = await bob.slash(channel, "trivia stop")
    assert refused.ephemeral
    assert "Manage Server" in refused.response.content
    stopped = await carol.slash(channel, "trivia stop")
    assert not stopped.ephemeral
    assert channel.last_message.embeds[0].title.startswith("🛑 Game stopped")
    assert acknowledge(env) == [app_commands.CheckFailure]


async def test_host_skip_reveals_question_as_skipped(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=2)
    message, _ = await _asked(env, channel, bank)
    skipped = await alice.slash(channel, "trivia skip")
    assert "Skip vote" in skipped.response.content
    reveal = next(m for m in channel.history() if m.id == message.id)
    assert "skipped" in reveal.embeds[0].title


async def test_hint_on_open_question_masks_answer(run, bank):
    named = tuple(i for i in only(bank, ItemType.OPEN) if not i.answers[0][0].isdigit())
    env = await run(named)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=1)
    _, item = await _asked(env, channel, bank)
    hint = await alice.slash(channel, "trivia hint")
    assert "Hint 1" in hint.response.content
    shown = hint.response.content.split("`")[1]
    assert shown != item.answers[0]
    assert shown[0] == item.answers[0][0]


async def test_a_skip_vote_from_a_member_who_never_answered_does_not_skip(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    carol = guild.add_member(env.create_user("carol"))
    await _start(alice, channel, questions=2)
    message, item = await _asked(env, channel, bank)
    _, wrong = _right_and_wrong(item, message)
    await bob.click(message, custom_id=wrong.custom_id)

    passer_by = await carol.slash(channel, "trivia skip")
    assert passer_by.ephemeral
    assert "Only players who have answered" in passer_by.response.content
    still = next(m for m in channel.history() if m.id == message.id)
    assert still.embeds[0].title.startswith("Question 1/2")
    assert "skipped" not in still.embeds[0].title

    player = await bob.slash(channel, "trivia skip")
    assert "Skip vote: 1/1" in player.response.content
    skipped = next(m for m in channel.history() if m.id == message.id)
    assert "skipped" in skipped.embeds[0].title


async def test_an_answer_with_a_mass_mention_is_judged_like_one_with_a_member_mention(run, bank):
    env = await run(only(bank, ItemType.OPEN))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, questions=2)
    _, item = await _asked(env, channel, bank)
    first = await alice.slash(channel, "answer", text=f"{item.answers[0]} {bob.mention}")
    assert "got it" in first.response.content
    await env.advance_time(TICK_SECONDS)
    _, item = await _asked(env, channel, bank)
    second = await bob.slash(channel, "answer", text=f"@everyone {item.answers[0]}")
    assert "got it" in second.response.content
    assert _last_allowed_mentions(env) == {"parse": []}
