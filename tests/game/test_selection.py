"""The next question: fresh in the guild, never the same text, fact or a given-away answer."""

from __future__ import annotations

import itertools
import random

import pytest

from bot.game.models import ChannelId, GuildId, Mode, PlayerRef, SessionConfig
from bot.game.selection import choose_item
from bot.storage.memory import InMemoryRepository
from questions.models import ItemType
from tests.fakes import game_service, seed_items, shipped_judge


def _pool(items):
    return {item.id: item for item in items}


def _normal(text):
    return " ".join(text.casefold().split())


def test_choose_item_avoids_items_asked_in_the_guild_until_the_bank_is_exhausted():
    items = [i for i in seed_items() if i.type is ItemType.OPEN][:3]
    rng = random.Random(3)
    asked = {items[0].id, items[1].id}
    assert {choose_item(_pool(items), asked, (), rng).id for _ in range(20)} == {items[2].id}
    everything = {i.id for i in items}
    assert {choose_item(_pool(items), everything, (), rng).id for _ in range(40)} == everything


def test_choose_item_from_nothing_fails():
    with pytest.raises(ValueError, match="no items"):
        choose_item({}, set(), (), random.Random(0))


@pytest.mark.parametrize("seed", range(25))
def test_a_game_never_repeats_a_text_or_a_fact_or_gives_an_answer_away(seed):
    pool = _pool(seed_items())
    rng = random.Random(seed)
    game = []
    for _ in range(15):
        game.append(choose_item(pool, set(), game, rng))
    texts = [_normal(item.question) for item in game]
    assert len(set(texts)) == len(texts)
    assert len({item.fact for item in game}) == len(game)
    for earlier, later in itertools.combinations(game, 2):
        shown = _normal(" ".join((earlier.question, *earlier.choices)))
        if later.type is not ItemType.TRUE_FALSE:
            assert not any(_normal(a) in shown for a in later.answers if len(a) > 2), (
                earlier.question,
                later.question,
            )


def test_another_title_never_answers_the_next_question():
    items = seed_items()
    title = next(
        i
        for i in items
        if i.fact.relation == "also_known_as"
        and i.type is ItemType.MULTIPLE_CHOICE
        and i.question.startswith("Which of these is another title")
    )
    reverse = [
        i
        for i in items
        if i.fact.relation == "also_known_as"
        and i.type is not ItemType.TRUE_FALSE
        and title.fact.subject in i.answers
    ]
    assert reverse
    pool = _pool([title, *reverse, *[i for i in items if i.fact.relation == "release_year"]])
    picks = {choose_item(pool, set(), [title], random.Random(s)).id for s in range(40)}
    assert not picks & {i.id for i in reverse}


def test_the_same_question_text_is_never_asked_twice_in_a_game():
    items = seed_items()
    twins = next(
        (a, b)
        for a in items
        for b in items
        if a.id < b.id and _normal(a.question) == _normal(b.question)
    )
    others = [i for i in items if i.fact.relation == "release_year"]
    pool = _pool([*twins, *others])
    picks = {choose_item(pool, set(), [twins[0]], random.Random(s)).id for s in range(40)}
    assert twins[1].id not in picks


@pytest.mark.parametrize("seed", range(10))
async def test_a_played_game_never_asks_one_thing_twice(seed, clock):
    repository = InMemoryRepository()
    service = game_service(
        repository, seed_items(), clock, random.Random(seed), judge=shipped_judge()
    )
    await service.start(GuildId(1), ChannelId(1), SessionConfig(Mode.RACE, question_limit=20))
    game = []
    for _ in range(20):
        game.append((await service.ask(ChannelId(1))).item)
        await service.skip(ChannelId(1), PlayerRef("discord", "1", "Anna"), is_host=True)
    assert len({_normal(item.question) for item in game}) == len(game)
    assert len({item.fact for item in game}) == len(game)
