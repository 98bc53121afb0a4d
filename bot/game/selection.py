"""Which question comes next: fresh in the guild, and unrelated to the game's questions so far.

Two items can ask one thing: an open and a multiple-choice item built from the same fact
share their wording, and one question can give away another's answer ("Which of these is
another title of X?", then "Y is another title of which film?"). Within a game the next
question avoids both; the guild's history only prefers questions not asked yet. When the
bank is too small for every preference, the least important ones are dropped first.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence

from questions.models import ItemType, TriviaItem

Keep = Callable[[TriviaItem], bool]
DIFFICULTIES = {"easy": range(1, 3), "medium": range(3, 4), "hard": range(4, 6)}
"""The difficulties (1-5) a host may ask for by name."""


def of_difficulty(
    items: Sequence[TriviaItem], name: str, rated: Mapping[str, int]
) -> tuple[TriviaItem, ...]:
    """The items of a named difficulty, as play has rated them where it has.

    Args:
        items: The candidates.
        name: A key of :data:`DIFFICULTIES`.
        rated: Difficulties recalibrated from play, by item id; the bank's otherwise.

    Raises:
        KeyError: ``name`` is no difficulty.
    """
    wanted = DIFFICULTIES[name]
    return tuple(item for item in items if rated.get(item.id, item.difficulty) in wanted)


def choose_item(
    pool: Mapping[str, TriviaItem],
    asked_in_guild: Collection[str],
    asked_here: Sequence[TriviaItem],
    rng: random.Random,
) -> TriviaItem:
    """The next question of a game, drawn at random among the best candidates.

    Preferences, most important first: not the same text as a question of this game, not
    the same fact, not answered by a question of this game, and not asked in the guild yet.

    Raises:
        ValueError: ``pool`` is empty.
    """
    if not pool:
        raise ValueError("no items to pick from")
    texts = {_normal(item.question) for item in asked_here}
    facts = {item.fact for item in asked_here}
    shown = [_shown_text(item) for item in asked_here]
    fresh = set(pool) - set(asked_in_guild)

    def new_text(item: TriviaItem) -> bool:
        # A game's first question has nothing to differ from: no text to normalise.
        return not texts or _normal(item.question) not in texts

    def new_fact(item: TriviaItem) -> bool:
        return new_text(item) and item.fact not in facts

    def not_given_away(item: TriviaItem) -> bool:
        return new_fact(item) and not any(_gives_away(text, item) for text in shown)

    tiers: tuple[Keep, ...] = (
        lambda item: item.id in fresh and not_given_away(item),
        not_given_away,
        lambda item: item.id in fresh and new_fact(item),
        new_fact,
        new_text,
    )
    for keep in tiers:
        chosen = sorted(item_id for item_id, item in pool.items() if keep(item))
        if chosen:
            return pool[rng.choice(chosen)]
    return pool[rng.choice(sorted(pool))]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _shown_text(item: TriviaItem) -> str:
    """Everything a question put on screen before its answer: the question and its choices."""
    return _normal(" ".join((item.question, *item.choices)))


def _gives_away(shown: str, item: TriviaItem) -> bool:
    """Whether an earlier question's text contains an answer of ``item``.

    True/false answers are not names, so those items are only kept apart by their fact.
    """
    if item.type is ItemType.TRUE_FALSE:
        return False
    return any(len(answer) > 2 and _normal(answer) in shown for answer in item.answers)
