"""A quiz night played with hints in Discord: a free-text question, a hint, a typed answer."""

from __future__ import annotations

from bot.game.scoring import award_points
from bot.night.errors import NightPermissionError
from questions.models import ItemType
from tests.bot.conftest import acknowledge, only
from tests.bot.test_quiz import _item_asked
from tests.bot.test_quiznight import TEAM_TEXT, _buttons, _question_message


def _free_text(bank):
    """Free-text questions whose answer is a name (numbers have no hints)."""
    return tuple(i for i in only(bank, ItemType.OPEN) if not i.answers[0][0].isdigit())


async def test_host_hints_a_free_text_night_question_and_the_typed_answer_scores_less(run, bank):
    items = _free_text(bank)
    category = items[0].category
    env = await run(tuple(i for i in items if i.category == category))
    guild = env.create_guild()
    channel = guild.create_text_channel("quiz-night")
    host = guild.add_member(env.create_user("host"))
    valentina = guild.add_member(env.create_user("valentina"))
    created = await host.slash(
        channel,
        "quiznight create",
        title="Hints night",
        start="in 20m",
        rounds=f"{category} x1",
        mode="race",
        teams=False,
        tiebreaker=False,
        hints=True,
    )
    joined = await valentina.click(created.response.message, label="Join")
    assert joined.ephemeral
    await host.slash(channel, "quiznight start")

    question = _question_message(channel)
    item = _item_asked(bank, question)
    assert item.type is ItemType.OPEN
    (write,) = _buttons(question)
    assert write.custom_id.startswith("trivia:nightwrite:")

    refused = await valentina.slash(channel, "quiznight hint")
    assert refused.ephemeral
    assert acknowledge(env) == [NightPermissionError]
    hinted = await host.slash(channel, "quiznight hint")
    assert hinted.ephemeral
    line = next(m.content for m in reversed(channel.history()) if "Hint 1" in m.content)
    shown = line.split("`")[1]
    assert shown != item.answers[0]
    assert shown[0] == item.answers[0][0]

    form = await valentina.click(question, custom_id=write.custom_id)
    assert form.modal is not None
    answered = await valentina.submit_modal(form, {TEAM_TEXT: item.answers[0]})
    assert answered.ephemeral
    content = answered.response.content
    assert content.startswith("🎉 Right! +")
    points = int(content.split("+", 1)[1].split(" ", 1)[0])
    assert 0 < points < award_points(True, 0.0, 30.0)

    await host.slash(channel, "quiznight next")
    recap = channel.last_message.embeds[0]
    assert recap.title == "🏁 Hints night: the results"
    assert "valentina" in recap.description
    assert str(points) in recap.description
