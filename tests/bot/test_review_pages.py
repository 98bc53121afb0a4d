"""The review queue a page at a time: nothing is out of reach behind a run of near misses."""

from __future__ import annotations

from bot.game.models import GuildId, PlayerRef
from tests.bot.conftest import manager_role
from tests.bot.test_quiz import _asked, _start
from tests.bot.test_quiznight import _buttons
from tests.bot.test_review import _near_miss_text, open_with_near_misses


async def test_report_and_every_near_miss_are_reached_through_the_pages(run, bank):
    env = await run(open_with_near_misses(bank))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    players = [guild.add_member(env.create_user(f"player{n}")) for n in range(6)]
    await _start(players[0], channel, questions=1, mode="quiz")
    _, item = await _asked(env, channel, bank)
    for player in players:
        await player.slash(channel, "answer", text=_near_miss_text(item))
    await players[0].slash(channel, "trivia stop")
    who = PlayerRef("discord", str(players[1].id), "player1")
    await env.bot.services.review.report(GuildId(guild.id), item.id, who, "two answers fit")

    first = await moderator.slash(channel, "trivia review")
    embed = first.response.embeds[0]
    assert embed.footer.text == "Page 1 of 2"
    assert embed.description.startswith("7 entries waiting; 1–4 below")
    names = [field.name for field in embed.fields]
    assert names[0].startswith("1. Question")
    assert all(name.endswith("Near miss (game)") for name in names[1:])
    # A near miss names the question it answers and its expected answer, not only an id.
    shown = embed.fields[1].value.replace("\\", "")
    assert item.question[:40] in shown
    assert item.answers[0] in shown
    labels = [b.label for b in _buttons(first.response.message)]
    assert labels[-2:] == ["Previous", "Next"]

    second = await moderator.click(first.response.message, label="Next")
    page = second.response.embeds[0]
    assert page.footer.text == "Page 2 of 2"
    assert [field.name.split(".")[0] for field in page.fields] == ["5", "6", "7"]
    # Acting on an entry of the second page shows that page again, one entry fewer.
    accept = next(b for b in _buttons(second.response.message) if b.label == "Accept")
    done = await moderator.click(second.response.message, custom_id=accept.custom_id)
    assert "accept done" in done.response.content
    assert done.response.embeds[0].footer.text == "Page 2 of 2"
    assert done.response.embeds[0].description.startswith("6 entries waiting; 5–6 below")
