"""Quiz-night points in /trivia leaderboard and /trivia stats, as the server's setting says."""

from __future__ import annotations

import pytest

from tests.bot.conftest import manager_role
from tests.bot.test_quiznight import _join, _question_message, _right_button, _setup


def _field(embed, name):
    return next(f.value for f in embed.fields if f.name == name)


async def _play_night(host, channel, bank, reds, blues):
    """Valentina answers both questions right, Alexei both wrong; the last Next ends it."""
    created = await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", rounds="films x2"
    )
    announcement = created.response.message
    await _join(reds[0], announcement, "Red Rockets")
    await _join(blues[0], announcement, "Cosmonauts")
    await host.slash(channel, "quiznight start")
    for _ in range(2):
        question = _question_message(channel)
        right = _right_button(bank, question)
        wrong = next(
            child
            for row in question.components
            for child in row.children
            if child.custom_id != right.custom_id
        )
        await reds[0].click(question, custom_id=right.custom_id)
        await blues[0].click(question, custom_id=wrong.custom_id)
        await host.slash(channel, "quiznight next")
    assert any(m.attachments for m in channel.history())  # the podium: the night is over


@pytest.mark.parametrize("counted", [True, False])
async def test_night_points_show_in_leaderboard_and_stats_unless_the_server_turns_them_off(
    run, bank, counted
):
    env, guild, channel, host, reds, blues = await _setup(run, bank)
    admin = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    if not counted:
        changed = await admin.slash(channel, "trivia settings", night_points=False)
        shown = _field(changed.response.embeds[0], "Quiz nights in leaderboards and stats")
        assert shown == "do not count"
    await _play_night(host, channel, bank, reds, blues)

    board = await blues[0].slash(channel, "trivia leaderboard")
    text = board.response.embeds[0].description or ""
    assert ("valentina" in text) is counted
    assert "alexei" not in text  # no points, no line
    weekly = await blues[0].slash(channel, "trivia leaderboard", period="week", scope="global")
    assert ("valentina" in (weekly.response.embeds[0].description or "")) is counted

    stats = (await reds[0].slash(channel, "trivia stats")).response.embeds[0]
    if counted:
        points = int(_field(stats, "Rank").split("(")[1].split()[0])
        assert points >= 10  # two right answers, each worth 5 to 10 points
        assert _field(stats, "Games") == "1"
        assert _field(stats, "Correct").startswith("2/2")
        assert _field(stats, "Wins") == "1"
        alexei = (await blues[0].slash(channel, "trivia stats")).response.embeds[0]
        assert _field(alexei, "Correct").startswith("0/2")
    else:
        assert "No answers yet" in (stats.description or "")

    # Turned on (or off) afterwards, the night counts (or not) from then on.
    await admin.slash(channel, "trivia settings", night_points=not counted)
    board = await blues[0].slash(channel, "trivia leaderboard")
    assert ("valentina" in (board.response.embeds[0].description or "")) is not counted
