"""A night's question message always ends final: answer shown, answer buttons and countdown gone.

Whatever ends the question (reveal, skip, time up, end) turns its message into the answer;
a pause, a shutdown or a crash stops the countdown until the host resumes; clicks on a
night that is over or paused say so.
"""

from __future__ import annotations

from tests.bot.conftest import TICK_SECONDS
from tests.bot.test_quiznight import (
    _buttons,
    _join,
    _playable,
    _question_message,
    _right_button,
    _setup,
)


def _current(channel, message):
    return next(m for m in channel.history() if m.id == message.id)


def _answer_buttons(message):
    return [
        b
        for b in _buttons(message)
        if b.custom_id.startswith(("trivia:night:", "trivia:nightwrite:"))
    ]


def _time(message):
    return next((f.value for f in message.embeds[0].fields if f.name == "Time"), None)


def _assert_final(channel, message, how):
    shown = _current(channel, message)
    embed = shown.embeds[0]
    assert embed.title.endswith(how), embed.title
    assert "Answer" in [field.name for field in embed.fields]
    assert _time(shown) is None
    assert _answer_buttons(shown) == []
    assert {b.label for b in _buttons(shown)} == {"Why?", "Report"}


async def _night(run, bank, rounds="films x4", timer=30):
    env, _guild, channel, host, reds, blues = await _setup(run, bank)
    created = await host.slash(
        channel,
        "quiznight create",
        title="Friday night",
        start="in 20m",
        rounds=rounds,
        timer=timer,
    )
    announcement = created.response.message
    await _join(reds[0], announcement, "Red Rockets")
    await _join(blues[0], announcement, "Cosmonauts")
    await host.slash(channel, "quiznight start")
    return env, channel, host, reds[0], blues[0], announcement


async def test_reveal_skip_timeout_and_end_each_leave_the_question_message_final(run, bank):
    env, channel, host, _red, _, _ = await _night(run, bank, timer=10)
    first = _question_message(channel)
    assert _answer_buttons(first)
    assert "ends" in _time(first)
    await host.slash(channel, "quiznight reveal")
    _assert_final(channel, first, "the answer")

    await host.slash(channel, "quiznight next")
    second = _question_message(channel)
    await host.slash(channel, "quiznight skip")
    _assert_final(channel, second, "skipped")

    third = _question_message(channel)
    assert third.id not in (first.id, second.id)
    await env.advance_time(10 + 2 * TICK_SECONDS)
    _assert_final(channel, third, "the answer")

    await host.slash(channel, "quiznight next")
    fourth = _question_message(channel)
    await host.slash(channel, "quiznight end")
    _assert_final(channel, fourth, "the night ended")


async def test_click_on_a_question_left_open_after_the_end_says_the_night_is_over(run, bank):
    env, channel, host, red, blue, announcement = await _night(run, bank)
    question = _question_message(channel)
    # Discord refuses the edit that would close the message: its buttons stay.
    env.inject_error("PATCH", "/channels/*/messages/*", status=403, code=50001, times=None)
    await host.slash(channel, "quiznight end")
    late = await red.click(question, custom_id=_answer_buttons(question)[0].custom_id)
    assert late.ephemeral
    assert "quiz night is over" in late.response.content
    join = await blue.click(announcement, label="Join")
    assert join.modal is None
    assert "over" in join.response.content


async def test_join_after_the_start_refuses_without_opening_the_team_form(run, bank):
    _env, _channel, _, _, blue, announcement = await _night(run, bank)
    shown = await blue.click(announcement, label="Join")
    assert shown.modal is None
    assert "closed when the night started" in shown.response.content


async def test_pause_stops_the_countdown_and_answers_say_paused_until_resume(run, bank):
    _env, channel, host, red, _, _ = await _night(run, bank)
    question = _question_message(channel)
    await host.slash(channel, "quiznight pause")
    paused = _current(channel, question)
    assert "paused" in _time(paused)
    assert _answer_buttons(paused)
    click = await red.click(paused, custom_id=_answer_buttons(paused)[0].custom_id)
    assert "The night is paused" in click.response.content
    await host.slash(channel, "quiznight resume")
    assert "ends" in _time(_current(channel, question))


async def test_shutdown_and_crash_stop_the_countdown_and_end_closes_the_message(run, world, bank):
    env, channel, host, _red, _, _ = await _night(run, bank)
    question = _question_message(channel)
    await env.bot.close()
    await env.restart_bot(world.bot(_playable(bank)))
    await env.advance_time(TICK_SECONDS)
    assert "paused" in _time(_current(channel, question))
    await host.slash(channel, "quiznight resume")
    assert "ends" in _time(_current(channel, question))

    # A crash: the new bot takes over without the old one closing anything.
    await env.restart_bot(world.bot(_playable(bank)))
    await env.advance_time(TICK_SECONDS)
    assert "paused" in _time(_current(channel, question))
    await host.slash(channel, "quiznight end")
    _assert_final(channel, question, "the night ended")


async def test_reveal_whose_edit_was_lost_to_a_crash_is_closed_after_the_restart(run, world, bank):
    env, channel, host, _, _, _ = await _night(run, bank)
    question = _question_message(channel)
    # The reveal is saved, then Discord refuses the edit once, and the bot crashes.
    env.inject_error("PATCH", "/channels/*/messages/*", status=403, code=50001, times=1)
    await host.slash(channel, "quiznight reveal")
    assert _answer_buttons(_current(channel, question))
    await env.restart_bot(world.bot(_playable(bank)))
    await env.advance_time(TICK_SECONDS)
    _assert_final(channel, question, "the answer")


async def test_tie_break_button_left_after_the_end_says_the_night_is_over(run, bank):
    env, channel, host, red, blue, _ = await _night(run, bank, rounds="films x1")
    question = _question_message(channel)
    right = _right_button(bank, question)
    for member in (red, blue):
        await member.click(question, custom_id=right.custom_id)
    await host.slash(channel, "quiznight next")
    tie_break = channel.last_message
    assert tie_break.embeds[0].title.startswith("⚖️ Tie-breaker")
    env.inject_error("PATCH", "/channels/*/messages/*", status=403, code=50001, times=None)
    await host.slash(channel, "quiznight end")
    late = await red.click(tie_break, label="Our number")
    assert late.modal is None
    assert "quiz night is over" in late.response.content
