"""Builders for quiz-night tests: members, a planned night, judgements and a running night."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.cli import build_bank
from bot.game import ticking
from bot.game.judging import Judgement
from bot.game.models import ChannelId, GuildId, Mode, PlayerRef
from bot.moderation.memory import InMemoryCurationRepository
from bot.night import rules, signup
from bot.night.ledger import NightLedger, PlayStore
from bot.night.memory import InMemoryNightRepository
from bot.night.models import NightId, NightState, QuizNight, RoundPlan, TieBreaker
from bot.night.planning import NightPlan
from bot.night.play import record_answer
from bot.night.service import Control, NightService, Outcome
from bot.storage.memory import InMemoryRepository
from questions.models import ItemType, TriviaItem
from tests.conftest import SEEDS, FakeClock
from tests.fakes import shipped_judge

START = datetime(2026, 3, 14, 19, 0, tzinfo=UTC)
HOST = PlayerRef("discord", "100", "Host")
COHOST = PlayerRef("discord", "101", "Cohost")
VALENTINA = PlayerRef("discord", "1", "Валентина")
YURI = PlayerRef("discord", "2", "Yuri 🚀")
ALEXEI = PlayerRef("discord", "3", "Alexei")
PAVEL = PlayerRef("discord", "4", "Pavel")
NADIA = PlayerRef("discord", "5", "Nadia")
STRANGER = PlayerRef("discord", "9", "Stranger")
GUILD = GuildId(7)
CHANNEL = ChannelId(8)

RIGHT = Judgement(accepted=True, matched="x", score=100.0, close=False)
WRONG = Judgement(accepted=False, matched=None, score=10.0, close=False)
CLOSE = Judgement(accepted=False, matched=None, score=85.0, close=True)

POOL = {
    "films": tuple(f"film-{n}" for n in range(4)),
    "crew": tuple(f"crew-{n}" for n in range(4)),
    "dates": tuple(f"date-{n}" for n in range(4)),
}


def make_night(
    *,
    team_play: bool = True,
    mode: Mode = Mode.QUIZ,
    rounds: tuple[RoundPlan, ...] = (RoundPlan("films", 2), RoundPlan("crew", 2)),
    joker: bool = True,
    answer: float = 1963.0,
    night_id: int = 1,
) -> QuizNight:
    return QuizNight(
        id=NightId(night_id),
        guild_id=GuildId(7),
        channel_id=ChannelId(8),
        title="Soviet space cinema night",
        starts_at=START,
        rounds=rounds,
        mode=mode,
        team_play=team_play,
        host=HOST,
        tie_breaker=TieBreaker("In which year was the film released?", answer),
        joker_enabled=joker,
    )


def signed_up(night: QuizNight, members: Mapping[PlayerRef, str | None]) -> NightState:
    """A night taking sign-ups with these members (and their teams) signed up."""
    state, _ = signup.open_signups(rules.create_night(night), HOST)
    for player, team in members.items():
        state, _ = signup.join(state, player, team, START)
    return state


def started(state: NightState, seed: int = 0) -> NightState:
    state, _ = rules.start(state, HOST, START, POOL, random.Random(seed))
    return state


def answer_all(state: NightState, judged: Mapping[PlayerRef, Judgement]) -> NightState:
    """Everyone answers the open question the moment it opens."""
    assert state.question is not None
    for player, judgement in judged.items():
        state, _ = record_answer(state, player, "answer", judgement, state.question.opened_at)
    return state


@pytest.fixture
def teams_night() -> NightState:
    """Two teams of two and three, signed up and started (two rounds of two questions)."""
    members = {VALENTINA: "Red Rockets", YURI: "Red Rockets"}
    members |= {ALEXEI: "Cosmonauts", PAVEL: "Cosmonauts", NADIA: "Cosmonauts"}
    return started(signed_up(make_night(), members))


@pytest.fixture
def solo_night() -> NightState:
    """Three players on their own, signed up and started."""
    night = make_night(team_play=False)
    return started(signed_up(night, {VALENTINA: None, ALEXEI: None, PAVEL: None}))


@pytest.fixture(scope="session")
def items() -> tuple[TriviaItem, ...]:
    bank = build_bank(SEEDS).build.items
    return tuple(item for item in bank if item.type is ItemType.MULTIPLE_CHOICE)


class World:
    """Repositories, a clock and the multiple-choice items of the bank, shared by services."""

    def __init__(self, items: tuple[TriviaItem, ...]) -> None:
        self.items = items
        self.nights = InMemoryNightRepository()
        self.curation = InMemoryCurationRepository()
        self.clock = FakeClock()
        self.store = InMemoryRepository()

    def service(self, store: PlayStore | None = None) -> NightService:
        """The nights' service, recording nights in ``store`` (the world's own by default)."""
        return NightService(
            self.nights,
            self.curation,
            self.items,
            self.clock,
            random.Random(3),
            NightLedger(self.store if store is None else store),
            judge=shipped_judge(),
        )

    def plan(self, **changes: object) -> NightPlan:
        plan = NightPlan(
            GUILD,
            CHANNEL,
            "Friday night",
            self.clock() + timedelta(hours=1),
            (RoundPlan("films", 1), RoundPlan("plot", 1)),
            Mode.QUIZ,
            False,
            HOST,
            TieBreaker("In which year?", 1963.0),
        )
        return replace(plan, **changes)  # type: ignore[arg-type]


@pytest.fixture
def world(items) -> World:
    return World(items)


def right_answer(service: NightService, item_id: str) -> str:
    """What a player who knows the answer types (the letter for multiple choice)."""
    item = service.item(item_id)
    assert item is not None
    return (
        "ABCD"[item.choices.index(item.answers[0])]
        if item.answers[0] in item.choices
        else item.answers[0]
    )


async def started_night(world: World, service: NightService) -> NightState:
    """A night of two players (Valentina, Alexei) started by the host."""
    state = await service.create(world.plan())
    await service.join(state.night.id, GUILD, VALENTINA, None)
    await service.join(state.night.id, GUILD, ALEXEI, None)
    return (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state


async def tick(world: World, service: NightService) -> tuple[Outcome, ...]:
    """One tick of the clock's step for the nights alone; the questions it revealed."""
    policy = service.on_the_clock()
    done = (await ticking.tick({"night clock": policy}, world.clock())).of(policy)
    return tuple(done.closed.values())
