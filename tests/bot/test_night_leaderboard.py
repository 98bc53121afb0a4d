"""Quiz-night points in /trivia leaderboard and /trivia stats."""

from __future__ import annotations

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


async def test_night_points_show_in_leaderboard_and_stats(run, bank):
    _env, _guild, channel, host, reds, blues = await _setup(run, bank)
    await _play_night(host, channel, bank, reds, blues)

    board = await blues[0].slash(channel, "trivia leaderboard")
    text = board.response.embeds[0].description or ""
    assert "valentina" in text
    assert "alexei" not in text  # no points, no line
    weekly = await blues[0].slash(channel, "trivia leaderboard", period="week", scope="global")
    assert "valentina" in (weekly.response.embeds[0].description or "")

    stats = (await reds[0].slash(channel, "trivia stats")).response.embeds[0]
    points = int(_field(stats, "Rank").split("(")[1].split()[0])
    assert points >= 10  # two right answers, each worth 5 to 10 points
    assert _field(stats, "Games") == "1"
    assert _field(stats, "Correct").startswith("2/2")
    assert _field(stats, "Wins") == "1"
    alexei = (await blues[0].slash(channel, "trivia stats")).response.embeds[0]
    assert _field(alexei, "Correct").startswith("0/2")
