"""One restart after a crash takes up a game and a quiz night together, in one recovery step."""

from __future__ import annotations

import pytest

from bot.app import BotOptions
from bot.game import recovery
from bot.game.models import SessionFormat
from bot.night import ledger
from tests.bot.conftest import TICK_SECONDS
from tests.bot.test_quiz import _asked, _right_and_wrong, _start
from tests.bot.test_quiznight import ROUNDS, _join, _playable, _question_message


@pytest.fixture
def steps(monkeypatch):
    """The formats each run of the engine's recovery step was given, in order."""
    given: list[frozenset[SessionFormat]] = []
    step = recovery.recover

    async def counted(store, policies, clock, **options):
        given.append(frozenset(policies))
        return await step(store, policies, clock, **options)

    monkeypatch.setattr(recovery, "recover", counted)
    monkeypatch.setattr(ledger, "recover", counted)
    return given


async def test_restart_after_a_crash_takes_up_a_game_and_a_night_in_one_step(
    run, world, bank, steps
):
    items = _playable(bank)
    env = await run(items)
    guild = env.create_guild()
    games = guild.create_text_channel("trivia")
    nights = guild.create_text_channel("quiz-night")
    alice = guild.add_member(env.create_user("alice"))
    host = guild.add_member(env.create_user("host"))
    yuri = guild.add_member(env.create_user("yuri"))
    created = await host.slash(
        nights, "quiznight create", title="Friday night", start="in 20m", rounds=ROUNDS
    )
    await _join(yuri, created.response.message, "Red Rockets")
    await host.slash(nights, "quiznight start")
    shown = _question_message(nights)
    await _start(alice, games, mode="quiz", questions=3)
    question, item = await _asked(env, games, bank)
    right, _ = _right_and_wrong(item, question)
    await alice.click(question, custom_id=right.custom_id)
    steps.clear()  # the first start found nothing left running

    await env.restart_bot(world.bot(items))  # the old bot is cut off, as by a crash
    await env.advance_time(TICK_SECONDS)

    assert steps == [frozenset({SessionFormat.GAME, SessionFormat.NIGHT})]
    ended = [m for m in games.history() if "restarted during this game" in (m.content or "")]
    assert len(ended) == 1
    assert "alice" in ended[0].embeds[0].description
    back = [m for m in nights.history() if "bot is back" in (m.content or "")]
    assert len(back) == 1
    late = await yuri.click(shown, custom_id=_buttons_of(shown)[0].custom_id)
    assert late.ephemeral
    assert "The night is paused" in late.response.content
    resumed = await host.slash(nights, "quiznight resume")
    assert resumed.response is not None


def _buttons_of(message):
    return [child for row in message.components for child in row.children]


async def test_start_up_leaves_the_nights_alone_without_their_extension(world, bank, steps):
    bot = world.bot(_playable(bank))
    assert bot._prepare is not None

    recovered = await bot._prepare(False)  # the nights' extension is not configured

    assert recovered.nights is None
    assert not recovered.games
    assert steps == [frozenset({SessionFormat.GAME})]
    assert "bot.cogs.quiznight" in BotOptions().extensions
