"""A night counts on the server leaderboard when its host says so; by default it does not."""

from __future__ import annotations

import pytest

from tests.bot.test_quiznight import _join, _question_message, _right_button, _setup


@pytest.mark.parametrize("counted", [True, False])
async def test_night_points_on_the_server_leaderboard_follow_the_nights_setting(run, bank, counted):
    _env, _, channel, host, reds, blues = await _setup(run, bank)
    options = {"leaderboard": True} if counted else {}
    created = await host.slash(
        channel,
        "quiznight create",
        title="Friday night",
        start="in 20m",
        rounds="films x1",
        **options,
    )
    announcement = created.response.message
    board_field = next(f for f in announcement.embeds[0].fields if f.name == "Server leaderboard")
    assert board_field.value == ("yes" if counted else "no: the season table only")
    await _join(reds[0], announcement, "Red Rockets")
    await _join(blues[0], announcement, "Cosmonauts")
    await host.slash(channel, "quiznight start")
    question = _question_message(channel)
    await reds[0].click(question, custom_id=_right_button(bank, question).custom_id)
    await host.slash(channel, "quiznight end")

    board = await blues[0].slash(channel, "trivia leaderboard")
    text = board.response.embeds[0].description or ""
    assert ("valentina" in text) is counted
    assert "alexei" not in text  # no points, no line
