"""Hints reveal the answer progressively; none for numbers or choice questions."""

from __future__ import annotations

from bot.game.hints import has_hints, hint_mask
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
