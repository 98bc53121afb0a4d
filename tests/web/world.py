"""A database filled by playing through the engine: a game and a quiz night, as the bot would.

The web tests (routes and browser) read what these leave in the games' own tables.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.app import Services
from bot.game.models import (
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    PlayerId,
    PlayerRef,
    SessionConfig,
)
from bot.moderation.curation import Report
from bot.night.models import NightId, NightStatus, RoundPlan, TieBreaker
from bot.night.planning import NightPlan
from bot.night.service import Control
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from questions.models import TriviaItem
from tests.conftest import FakeClock
from tests.fakes import shipped_judge

GUILD = GuildId(4242)
HIDDEN = GuildId(5151)
"""A guild that played but never switched its pages on."""
CHANNEL = ChannelId(11)
START = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
HOST = PlayerRef("discord", "900000000000000001", "Olga the host")
ANNA = PlayerRef("discord", "900000000000000002", "Anna")
BORIS = PlayerRef("discord", "900000000000000003", "<b>Boris</b><script>alert(1)</script>")
CHEN = PlayerRef("discord", "900000000000000004", "Chen")
NIGHT_TITLE = "Friday <i>space</i> night"
YEAR = 1963.0
NIGHT_QUESTIONS = 4
"""Two rounds of two questions."""


@dataclass(frozen=True, slots=True)
class Filled:
    """What was played: the night's id and the stored ids of the players."""

    night_id: NightId
    players: dict[str, PlayerId]
    asked: tuple[str, ...]


def right_answer(item: TriviaItem) -> str:
    """What a player who knows the answer types (the letter for multiple choice)."""
    if item.answers[0] in item.choices:
        return "ABCD"[item.choices.index(item.answers[0])]
    return item.answers[0]


def wrong_answer(item: TriviaItem) -> str:
    """What a player who gets it wrong types: another choice's letter, else nonsense.

    Never "no", which answers a true-or-false question whose answer is false.
    """
    for index, choice in enumerate(item.choices):
        if choice not in item.answers:
            return "ABCD"[index]
    return "nonsense"


async def fill(url: str, items: tuple[TriviaItem, ...]) -> Filled:
    """Migrate the database at ``url`` and play a game and a night in it."""
    engine = db.create_engine(url)
    await db.upgrade(engine)
    sessions = db.session_factory(engine)
    repository = SqlRepository(sessions, batch_writes=False)
    nights = SqlNightRepository(sessions)
    clock = FakeClock(START)
    services = Services(
        repository,
        items,
        clock,
        random.Random(5),
        nights=(nights, SqlCurationRepository(sessions)),
        judge=shipped_judge(),
    )
    try:
        await services.records.update_settings(GuildSettings(GUILD, web_pages=True))
        asked = await _game(services, clock)
        night_id = await _night(services, clock, items)
        await _game(services, clock, guild=HIDDEN)
        await services.curation.add_report(
            Report(GUILD, asked[0], ANNA, "The <em>answer</em> is disputed", clock())
        )
        ids = {p.name: await repository.player_id(p) for p in (ANNA, BORIS, CHEN)}
        players = {name: found for name, found in ids.items() if found is not None}
        return Filled(night_id, players, asked)
    finally:
        await repository.drain()
        await engine.dispose()


async def _game(services: Services, clock: FakeClock, guild: GuildId = GUILD) -> tuple[str, ...]:
    """A quiz game of four questions: Anna always right, Boris twice, Chen never."""
    game = services.game
    await game.start(guild, CHANNEL, SessionConfig(Mode.QUIZ, question_limit=4))
    asked = []
    for number in range(4):
        question = await game.ask(CHANNEL)
        asked.append(question.item.id)
        right = right_answer(question.item)
        clock.advance(3)
        await game.answer(CHANNEL, ANNA, right, f"{guild}-a-{number}")
        clock.advance(2)
        wrong = wrong_answer(question.item)
        boris = right if number % 2 else wrong
        await game.answer(CHANNEL, BORIS, boris, f"{guild}-b-{number}")
        await game.answer(CHANNEL, CHEN, wrong, f"{guild}-c-{number}")
        clock.advance(30)
        await game.close(CHANNEL)
    await game.finish(CHANNEL)
    clock.advance(60)
    return tuple(asked)


async def _night(services: Services, clock: FakeClock, items: tuple[TriviaItem, ...]) -> NightId:
    """A two-round night where Anna and Boris tie for first and the tie-breaker decides."""
    nights = services.nights
    categories = sorted({item.category for item in items})[:2]
    plan = NightPlan(
        GUILD,
        CHANNEL,
        NIGHT_TITLE,
        clock() + timedelta(minutes=5),
        tuple(RoundPlan(category, 2) for category in categories),
        Mode.QUIZ,
        False,
        HOST,
        TieBreaker("In which year did Gagarin fly?", YEAR - 2),
    )
    state = await nights.create(plan)
    night_id = state.night.id
    for player in (ANNA, BORIS, CHEN):
        await nights.join(night_id, GUILD, player, None)
    clock.advance(300)
    state = (await nights.control(night_id, GUILD, Control.START, HOST, False)).state
    question = 0
    while state.question is not None:
        cursor = state.question.cursor
        item = nights.item(state.question.screen.item_id)
        assert item is not None
        right = right_answer(item)
        clock.advance(4)
        wrong = wrong_answer(item)
        await nights.answer(night_id, GUILD, cursor, ANNA, right if question != 1 else wrong)
        await nights.answer(night_id, GUILD, cursor, BORIS, right if question != 2 else wrong)
        await nights.answer(night_id, GUILD, cursor, CHEN, right if question == 0 else wrong)
        clock.advance(20)
        await nights.control(night_id, GUILD, Control.REVEAL, HOST, False)
        state = (await nights.control(night_id, GUILD, Control.NEXT, HOST, False)).state
        if state.status is NightStatus.BETWEEN_ROUNDS:
            state = (await nights.control(night_id, GUILD, Control.NEXT, HOST, False)).state
        question += 1
    if state.status is NightStatus.TIE_BREAK:
        await nights.tie_break(night_id, GUILD, ANNA, YEAR)
        state = (await nights.tie_break(night_id, GUILD, BORIS, YEAR - 10)).state
    if state.status is not NightStatus.FINISHED:
        state = (await nights.control(night_id, GUILD, Control.END, HOST, False)).state
    assert state.status is NightStatus.FINISHED, state.status
    return night_id
