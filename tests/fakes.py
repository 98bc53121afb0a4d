"""Fakes shared by the engine and storage tests: the seed bank, the judge, a recording sleep."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.game.judging import Judge
from bot.game.models import Clock
from bot.game.ports import Repository
from bot.game.service import GameService, Sleep
from questions.models import ItemType, TriviaItem
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@functools.cache
def seed_items() -> tuple[TriviaItem, ...]:
    """The question bank built from the seed documents (built once per test run)."""
    return tuple(run_pipeline(SEEDS, load_default_catalogue(), random.Random(1963)).build.items)


def shipped_judge() -> Judge:
    """The judge the entry points build without a host's files: the shipped aliases."""
    return Judge.from_catalogue(load_default_catalogue())


def game_service(
    repository: Repository,
    items: Sequence[TriviaItem],
    clock: Clock,
    rng: random.Random,
    *args: Any,
    **options: Any,
) -> GameService:
    """A game service over one store that serves every port it is given, as the wiring does."""
    return GameService(
        items,
        clock,
        rng,
        *args,
        sessions=repository,
        rounds=repository,
        settings=repository,
        review=repository,
        unfinished=repository,
        **options,
    )


def text_item() -> TriviaItem:
    """An open question whose answer is words (hints exist)."""
    return next(
        i for i in seed_items() if i.type is ItemType.OPEN and not re.search(r"\d", i.answers[0])
    )


def number_item() -> TriviaItem:
    """An open question whose answer is a number (a tie-breaker candidate)."""
    return next(
        i for i in seed_items() if i.type is ItemType.OPEN and re.fullmatch(r"\d+", i.answers[0])
    )


class RecordingSleep:
    """Records requested waits without waiting; runs a hook after each (e.g. a DB recovers)."""

    def __init__(self, after: int | None = None, hook: object = None) -> None:
        self.waits: list[float] = []
        self._after = after
        self._hook = hook

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self._after is not None and len(self.waits) >= self._after and callable(self._hook):
            self._hook()


def as_sleep(sleep: RecordingSleep) -> Sleep:
    """The fake typed as the service's Sleep, so signature drift fails mypy."""
    return sleep
