"""The one tie-break rule of every format: who is tied, the number asked, the closest guess.

A format says who its contestants are (a game's players who scored, a night's players or
teams), for how many places a tie is broken and how numbers equally far from the answer
fall; the rest is this module's:

- **Who is tied** (:func:`tied`): equal scores share a place and the next place counts the
  contestants ahead (1, 1, 3); a place two or more share is tied.
- **The number asked** (:class:`TieBreaker`): a question whose answer is a finite number. A
  night plans one; a game draws an open question with a numeric answer (:func:`from_item`).
- **One guess per contestant** (:func:`refusal`): only the tied guess, the number must be
  finite, and a contestant (a player, or a team through any member) guesses once.
- **The closest guess** (:func:`placings`, :func:`closest`): the nearer number places first;
  numbers equally near are broken by the earlier or share the place
  (:class:`EqualDistance`). Contestants who gave no number share the place after every one
  who did, so when nobody gives one the tie stands and nobody wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from fractions import Fraction
from itertools import groupby
from typing import Generic, TypeVar

from questions.models import ItemType, TriviaItem

K = TypeVar("K", bound=Hashable)
"""A contestant as its format names it (a game's player, a night's player or team)."""

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class TieBreaker:
    """The number asked: a question whose answer is a number; the closest guess wins."""

    question: str
    answer: float


@dataclass(frozen=True, slots=True)
class Guess(Generic[K]):
    """A contestant's number for the tie-breaker and when it was given."""

    contestant: K
    value: float
    at: datetime


@dataclass(frozen=True, slots=True)
class Placing(Generic[K]):
    """A tied contestant's place after the tie-breaker.

    Attributes:
        contestant: The contestant.
        ahead: How many contestants placed ahead of it (0: among the closest); contestants
            placed equally share it (0, 0, 2).
        distance: How far its number was from the answer; None when it gave none.
    """

    contestant: K
    ahead: int
    distance: float | None


class EqualDistance(StrEnum):
    """What decides between numbers equally far from the answer (a format's choice)."""

    EARLIER = "earlier"
    """The earlier number places first; numbers given at one instant share the place."""
    SHARED = "shared"
    """They share the place."""


class GuessRefusal(StrEnum):
    """Why a contestant's number is not taken; each format words it its own way."""

    NOT_TIED = "not_tied"
    NOT_A_NUMBER = "not_a_number"
    ALREADY_GUESSED = "already_guessed"


def tied(scores: Iterable[tuple[K, int | Fraction]], places: int = 1) -> tuple[K, ...]:
    """The contestants sharing one of the first ``places`` places, best first.

    Contestants with equal scores keep the order they are given in.
    """
    ordered = sorted(scores, key=lambda entry: -entry[1])
    found: list[K] = []
    ahead = 0
    for _, group in groupby(ordered, key=lambda entry: entry[1]):
        sharing = [contestant for contestant, _ in group]
        if ahead < places and len(sharing) > 1:
            found.extend(sharing)
        ahead += len(sharing)
    return tuple(found)


def from_item(item: TriviaItem) -> TieBreaker | None:
    """An open question whose answer is a number, as a tie-breaker; None for any other."""
    if item.type is not ItemType.OPEN or not item.answers:
        return None
    found = _NUMBER.fullmatch(item.answers[0].strip())
    value = None if found is None else _read(found.group(0))
    return None if value is None else TieBreaker(item.question, value)


def number_in(text: str) -> float | None:
    """The first number written in ``text`` (a decimal comma counts), or None."""
    found = _NUMBER.search(text)
    return None if found is None else _read(found.group(0))


def refusal(
    contenders: Collection[K], guesses: Iterable[Guess[K]], contestant: K, value: float
) -> GuessRefusal | None:
    """Why ``contestant``'s number is not taken, checked in this order; None takes it."""
    if contestant not in contenders:
        return GuessRefusal.NOT_TIED
    if not math.isfinite(value):
        return GuessRefusal.NOT_A_NUMBER
    if contestant in first_guesses(guesses):
        return GuessRefusal.ALREADY_GUESSED
    return None


def first_guesses(guesses: Iterable[Guess[K]]) -> dict[K, Guess[K]]:
    """The number that counts for each contestant who gave one: its first."""
    counted: dict[K, Guess[K]] = {}
    for guess in guesses:
        counted.setdefault(guess.contestant, guess)
    return counted


def placings(
    contenders: Sequence[K], guesses: Iterable[Guess[K]], answer: float, equal: EqualDistance
) -> tuple[Placing[K], ...]:
    """The tied contestants placed by how near their number came, nearest first.

    Contestants placed equally keep the order they are given in; numbers of anyone not
    among ``contenders`` are left out.
    """
    counted = first_guesses(guesses)

    def key(contestant: K) -> tuple[float, tuple[datetime, ...]]:
        guess = counted.get(contestant)
        if guess is None:
            return math.inf, ()
        earlier = (guess.at,) if equal is EqualDistance.EARLIER else ()
        return abs(guess.value - answer), earlier

    keys = {contestant: key(contestant) for contestant in contenders}
    return tuple(
        Placing(
            contestant,
            sum(1 for other in keys.values() if other < keys[contestant]),
            keys[contestant][0] if contestant in counted else None,
        )
        for contestant in sorted(keys, key=keys.__getitem__)
    )


def closest(guesses: Iterable[Guess[K]], answer: float, equal: EqualDistance) -> tuple[K, ...]:
    """Who wins: the contestants whose number came nearest, in the order they gave it.

    Nobody wins when nobody gave a number.
    """
    counted = first_guesses(guesses)
    placed = placings(tuple(counted), counted.values(), answer, equal)
    return tuple(placing.contestant for placing in placed if placing.ahead == 0)


def _read(number: str) -> float | None:
    value = float(number.replace(",", "."))
    return value if math.isfinite(value) else None
