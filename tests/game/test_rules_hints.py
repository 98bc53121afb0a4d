"""Hints reveal the answer progressively; none for numbers or choice questions."""

from __future__ import annotations

import pytest

from bot.game.hints import (
    MAX_HINTS,
    NO_HINT,
    NO_MORE_HINTS,
    NextHint,
    NoHintError,
    has_hints,
    has_more_hints,
    hint_mask,
    next_hint,
)
from questions.models import FactTriple, ItemType, Quote, TriviaItem


def _item(kind: ItemType, answer: str) -> TriviaItem:
    return TriviaItem(
        id="q-1",
        type=kind,
        question="?",
        answers=(answer,),
        fact=FactTriple("s", "r", answer),
        sources=(Quote("doc", "quote"),),
        category="c",
        difficulty=1,
    )


def test_hint_mask_level_zero_hides_every_letter_but_keeps_spaces():
    assert hint_mask("Planeta Bur", 0) == "_______ ___"


def test_hint_mask_level_one_shows_first_letters():
    assert hint_mask("Planeta Bur", 1) == "P______ B__"


def test_hint_mask_reveals_more_at_each_level():
    answer = "Mechte navstrechu"
    hidden = [hint_mask(answer, level).count("_") for level in range(4)]
    assert hidden == sorted(hidden, reverse=True)
    assert len(set(hidden)) == 4
    assert hint_mask(answer, 99) == hint_mask(answer, 3)


def test_hints_exist_only_for_open_text_answers():
    assert has_hints(_item(ItemType.OPEN, "Mikhail Karzhukov"))
    assert not has_hints(_item(ItemType.OPEN, "1963"))
    assert not has_hints(_item(ItemType.MULTIPLE_CHOICE, "B"))
    assert not has_hints(_item(ItemType.TRUE_FALSE, "true"))


def test_each_hint_shows_more_of_every_word_that_has_letters_left():
    for length in range(4, 13):
        word = "abcdefghijkl"[:length]
        masks = [hint_mask(word, level) for level in range(4)]
        hidden = [mask.count("_") for mask in masks]
        assert hidden == sorted(hidden, reverse=True), word
        assert len(set(masks)) == 4, masks
        assert hidden[3] >= 1  # a hint never spells the whole word
    assert hint_mask("Venus", 3) != hint_mask("Venus", 2)


def test_no_more_hints_when_the_next_would_show_nothing_new():
    assert has_more_hints("Venus", 2)
    assert not has_more_hints("Io", 1)
    assert not has_more_hints("Mir", 2)  # a third letter would spell it
    assert not has_more_hints("Venus", 3)


def test_next_hint_gives_the_level_after_those_given_and_its_mask():
    item = _item(ItemType.OPEN, "Planeta Bur")
    assert next_hint(item, 0) == NextHint(1, "P______ B__")
    assert next_hint(item, 1) == NextHint(2, hint_mask("Planeta Bur", 2))


@pytest.mark.parametrize(
    ("item", "given", "reason"),
    [
        (None, 0, NO_HINT),
        (_item(ItemType.MULTIPLE_CHOICE, "Planeta Bur"), 0, NO_HINT),
        (_item(ItemType.OPEN, "1963"), 0, NO_HINT),
        (_item(ItemType.OPEN, "Planeta Bur"), MAX_HINTS, NO_MORE_HINTS),
        (_item(ItemType.OPEN, "Ya"), 1, NO_MORE_HINTS),
    ],
)
def test_next_hint_refuses_saying_why(item, given, reason):
    with pytest.raises(NoHintError, match=reason):
        next_hint(item, given)
