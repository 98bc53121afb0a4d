"""Time running out, in every format: one tick step finds the questions due and hands them on.

The clock ticks every second or so. At each tick :func:`tick` is the one step: it asks each
format's policy (a :class:`TickPolicy`, passed in per format) for its live questions on
screen, decides once which of them ran out of time (:func:`bot.game.closing.due`), and
hands each one due to its format's policy, which applies its own consequence: a game
closes its round (:class:`bot.game.service.GamesOnTheClock`), a quiz night reveals the
answer (``NightsOnTheClock`` in ``bot/night/service.py``). A question closed meanwhile,
or closed with another asked since, is not due: the policy takes its question as it is
now, under its own lock, and applies the consequence only when the step's rule
(:data:`Due`) still finds it due. What else a format does at each tick is its own
housekeeping, which the step calls once per tick before looking at the questions (a
game stops when it has been quiet too long; a night notes now and then that its question
still runs, for recovery).

Each format is applied on its own: a policy that fails is logged in one line (a
:class:`~bot.game.errors.GameError`, whose message says what went wrong) or whole (a bug),
and the other questions and formats go on. What the channels are shown stays each
format's own; the step returns what each policy made (:class:`Ticked`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar, cast

from bot.game import closing
from bot.game.closing import Timed
from bot.game.errors import GameError

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
H = TypeVar("H")
R = TypeVar("R")
H_co = TypeVar("H_co", covariant=True)
R_co = TypeVar("R_co", covariant=True)

Due = Callable[[Timed], bool]
"""Whether a question, as its format has it now, is still due at this tick."""


class TickPolicy(Protocol[K, H_co, R_co]):
    """What one format does at a tick of the clock; its questions are named by keys ``K``."""

    async def housekeep(self, now: datetime) -> H_co:
        """The format's own work, once per tick, before its questions are looked at."""
        ...

    def on_screen(self) -> Iterable[tuple[K, Timed]]:
        """The format's live questions on screen, each by its key, as the clock sees them."""
        ...

    async def time_up(self, key: K, due: Due) -> R_co | None:
        """The question at ``key`` ran out of time: apply the format's consequence.

        The format takes the question as it is now (under its lock) and applies the
        consequence only when ``due`` says it still is due; None when it applied nothing
        (closed meanwhile, or being closed by something else).
        """
        ...


@dataclass(frozen=True, slots=True)
class Tick(Generic[K, H, R]):
    """What one tick made of one format's questions.

    Attributes:
        kept: What its housekeeping made; None when it failed.
        closed: The consequence applied to each question due, by key, in the order found.
    """

    kept: H | None = None
    closed: Mapping[K, R] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ticked:
    """What one tick made of every format's questions; each format reads its own."""

    ticks: Mapping[int, Tick[Any, Any, Any]] = field(default_factory=dict)
    """By the identity of the policy that made them (see :meth:`of`)."""

    def of(self, policy: TickPolicy[K, H, R]) -> Tick[K, H, R]:
        """What the tick made with ``policy`` (nothing when it was not ticked)."""
        # Stored under this very policy by tick(), so its values are its K, H and R.
        return cast("Tick[K, H, R]", self.ticks.get(id(policy), Tick()))


async def tick(policies: Mapping[str, TickPolicy[Any, object, object]], now: datetime) -> Ticked:
    """One tick of the clock at ``now``, for every format given.

    Each format's housekeeping runs first; then the questions every format shows are
    looked at once and each one due is handed to its format's policy. The formats run
    side by side; a format's questions are handed over one at a time, in its order.

    Args:
        policies: Each format's policy, by the name its log lines carry.
        now: The clock's time of the tick.

    Returns:
        What each policy made, read with :meth:`Ticked.of`.
    """
    named = list(policies.items())
    kept = await asyncio.gather(*(_housekeep(name, policy, now) for name, policy in named))
    shown = [
        ((index, key), question)
        for index, (name, policy) in enumerate(named)
        for key, question in _on_screen(name, policy)
    ]
    due = closing.due(shown, now)

    def still_due(question: Timed) -> bool:
        return closing.is_due(question, now)

    closed = await asyncio.gather(
        *(
            _time_up(name, policy, [key for at, key in due if at == index], still_due)
            for index, (name, policy) in enumerate(named)
        )
    )
    return Ticked(
        {
            id(policy): Tick(made, done)
            for (_, policy), made, done in zip(named, kept, closed, strict=True)
        }
    )


async def _housekeep(name: str, policy: TickPolicy[Any, H, object], now: datetime) -> H | None:
    with _logged(name):
        return await policy.housekeep(now)
    return None


def _on_screen(name: str, policy: TickPolicy[K, object, object]) -> list[tuple[K, Timed]]:
    with _logged(name):
        return list(policy.on_screen())
    return []


async def _time_up(
    name: str, policy: TickPolicy[K, object, R], keys: Sequence[K], due: Due
) -> dict[K, R]:
    closed: dict[K, R] = {}
    for key in keys:
        with _logged(name):
            made = await policy.time_up(key, due)
            if made is not None:
                closed[key] = made
    return closed


@contextlib.contextmanager
def _logged(name: str) -> Iterator[None]:
    """A policy's failure is logged and goes no further: the other questions and formats go on.

    A :class:`~bot.game.errors.GameError` says what went wrong in one line; anything else
    is a bug, logged whole.
    """
    try:
        yield
    except GameError as error:
        log.warning("%s: %s", name, error)
    except Exception:
        log.exception("%s: a tick failed", name)
