"""The review queue through Discord: reports reach it, moderators settle entries in one click."""

from __future__ import annotations

import re

from discord import app_commands

from bot.game.models import GuildId, PlayerRef
from bot.storage import db
from bot.storage.sql.privacy import SqlMemberDataStore
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, World, acknowledge, manager_role, only
from tests.bot.test_quiz import _asked, _item_asked, _start
from tests.fakes import shipped_judge

TEXT = "trivia:night-text"


def _near_miss_or_none(item):
    answer = item.answers[0]
    candidates = [answer[:-2], answer[:-1] + "xq", answer[: len(answer) // 2] + "zz"]
    candidates += [answer[:cut] + answer[cut + 1 :] + "xq" for cut in range(len(answer))]
    for text in candidates:
        judgement = shipped_judge().judge(
            text, item.answers, kind=item.type.value, question=item.question
        )
        if judgement.close and not judgement.accepted:
            return text
    return None


def _near_miss_text(item):
    """A wording the real judge calls close but not right (found, not hard-coded)."""
    text = _near_miss_or_none(item)
    if text is None:
        raise AssertionError(f"no near miss for {item.answers[0]!r}")
    return text


def open_with_near_misses(bank):
    """The open questions some wording comes close to (a number like "2" has none)."""
    return tuple(i for i in only(bank, ItemType.OPEN) if _near_miss_or_none(i) is not None)


def _buttons(message):
    return [child for row in message.components for child in row.children]


async def _reported_game(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    await _start(alice, channel, questions=1)
    question, item = await _asked(env, channel, bank)
    await alice.slash(channel, "trivia skip")
    await env.advance_time(TICK_SECONDS)
    reveal = next(m for m in reversed(channel.history()) if m.id == question.id)
    report = await alice.click(reveal, label="Report")
    assert "flagged for review" in report.response.content
    return env, guild, channel, alice, moderator, item, report


async def test_reported_question_reaches_queue_with_evidence_and_is_retired(run, bank):
    env, _, channel, alice, moderator, item, _ = await _reported_game(run, bank)
    refused = await alice.slash(channel, "trivia review")
    assert refused.ephemeral
    assert acknowledge(env) == [app_commands.CheckFailure]

    shown = await moderator.slash(channel, "trivia review")
    assert shown.ephemeral
    entry = shown.response.embeds[0].fields[0]
    assert item.id in entry.name
    shown_text = entry.value.replace("\\", "")
    assert item.sources[0].document in shown_text
    assert item.sources[0].quote[:60] in shown_text
    assert "alice" in entry.value
    message = shown.response.message
    assert {b.label for b in _buttons(message)} == {"Fix answers", "Retire", "Dismiss"}
    form = await moderator.click(message, label="Retire")
    assert form.modal is not None
    done = await moderator.submit_modal(form, {TEXT: "two options are right"})
    assert "retire done" in done.response.content
    assert "Nothing waits" in done.response.embeds[0].description


async def test_fix_answers_from_the_queue_replaces_accepted_answers(run, bank):
    env, guild, channel, _, moderator, item, _ = await _reported_game(run, bank)
    shown = await moderator.slash(channel, "trivia review")
    form = await moderator.click(shown.response.message, label="Fix answers")
    done = await moderator.submit_modal(form, {TEXT: f"{item.answers[0]}\nthe first film"})
    assert "fix done" in done.response.content
    assert "Nothing waits" in done.response.embeds[0].description
    fixes = await env.bot.services.review._curation.fixes(GuildId(guild.id))
    assert fixes[item.id].answers == (item.answers[0], "the first film")


async def test_report_takes_a_reason_that_the_moderators_read(run, bank):
    _env, _, channel, alice, moderator, _item, report = await _reported_game(run, bank)
    form = await alice.click(report.response.message, label="Add a reason")
    assert form.modal is not None
    thanks = await alice.submit_modal(form, {TEXT: "The film came out in 1963, not 1964."})
    assert thanks.ephemeral
    assert "reason" in thanks.response.content
    shown = await moderator.slash(channel, "trivia review")
    entry = shown.response.embeds[0].fields[0]
    assert "alice: The film came out in 1963, not 1964." in entry.value.replace("\\", "")
    assert "reported from the answer" not in entry.value


async def test_game_near_miss_is_accepted_from_the_queue_with_points(run, bank, world: World):
    items = open_with_near_misses(bank)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    await _start(alice, channel, questions=1, mode="quiz")
    _, item = await _asked(env, channel, bank)
    await alice.slash(channel, "answer", text=_near_miss_text(item))
    await alice.slash(channel, "trivia stop")

    assert _points(await alice.slash(channel, "trivia leaderboard")) == 0
    shown = await moderator.slash(channel, "trivia review")
    entry = shown.response.embeds[0].fields[0]
    assert entry.name.endswith("Near miss (game)")
    assert "alice" in entry.value
    engine = db.create_engine(world.database_url)
    world.engines.append(engine)  # disposed with the others
    privacy = SqlMemberDataStore(db.session_factory(engine))
    who = PlayerRef("discord", str(moderator.id), "mod")
    assert (await privacy.member_data(who)).is_empty
    done = await moderator.click(shown.response.message, label="Accept")
    assert "accept done" in done.response.content
    assert _points(await alice.slash(channel, "trivia leaderboard")) > 0
    again = await moderator.slash(channel, "trivia review")
    assert "Nothing waits" in again.response.embeds[0].description
    # The stored answer names the moderator who accepted it (what /trivia privacy counts).
    assert (await privacy.member_data(who)).accepted_near_misses == 1


def _points(board) -> int:
    found = re.search(r"alice: (\d+) points", board.response.embeds[0].description or "")
    return int(found[1]) if found else 0


async def test_game_near_miss_is_rejected_from_the_queue_without_points(run, bank):
    items = open_with_near_misses(bank)
    env = await run(items)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    await _start(alice, channel, questions=1, mode="quiz")
    _, item = await _asked(env, channel, bank)
    await alice.slash(channel, "answer", text=_near_miss_text(item))
    await alice.slash(channel, "trivia stop")

    shown = await moderator.slash(channel, "trivia review")
    assert {b.label for b in _buttons(shown.response.message)} >= {"Accept", "Reject"}
    done = await moderator.click(shown.response.message, label="Reject")
    assert "reject done" in done.response.content
    assert "Nothing waits" in done.response.embeds[0].description
    assert _points(await alice.slash(channel, "trivia leaderboard")) == 0


async def test_night_near_miss_is_accepted_from_the_queue_and_counts_everywhere(run, bank):
    items = open_with_near_misses(bank)
    category = items[0].category
    env = await run(tuple(i for i in items if i.category == category))
    guild = env.create_guild()
    channel = guild.create_text_channel("quiz-night")
    moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
    alice = guild.add_member(env.create_user("alice"))
    created = await moderator.slash(
        channel,
        "quiznight create",
        title="Close calls",
        start="in 20m",
        rounds=f"{category} x1",
        teams=False,
        tiebreaker=False,
    )
    await alice.click(created.response.message, label="Join")
    await moderator.slash(channel, "quiznight start")
    question = next(m for m in reversed(channel.history()) if m.embeds and m.components)
    item = _item_asked(bank, question)
    form = await alice.click(question, label="Answer")
    await alice.submit_modal(form, {TEXT: _near_miss_text(item)})
    await moderator.slash(channel, "quiznight next")
    assert _points(await alice.slash(channel, "trivia leaderboard")) == 0

    shown = await moderator.slash(channel, "trivia review")
    entry = shown.response.embeds[0].fields[0]
    assert entry.name.endswith("Near miss (quiz night)")
    assert "alice" in entry.value
    done = await moderator.click(shown.response.message, label="Accept")
    assert "accept done" in done.response.content
    assert "Nothing waits" in done.response.embeds[0].description
    points = _points(await alice.slash(channel, "trivia leaderboard"))
    assert points > 0
    season = await moderator.slash(channel, "quiznight season")
    (row,) = season.response.embeds[0].description.splitlines()
    assert "alice" in row
    # The stored answer is accepted: the player's statistics count it as right.
    stats = await alice.slash(channel, "trivia stats")
    fields = {f.name: f.value for f in stats.response.embeds[0].fields}
    assert fields["Correct"].startswith("1/1")
    assert fields["Rank"] == f"#1 ({points} points)"
