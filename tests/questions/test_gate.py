"""The quality gate: each named rule rejects what it should and lets good items through."""

from __future__ import annotations

from dataclasses import replace

import pytest

from questions.gate import apply_gate, check_item
from questions.models import FactTriple, ItemType, Quote, TriviaItem, stable_id


def _item(question: str, answers: tuple[str, ...] = ("Mikhail Karyukov",), **changes) -> TriviaItem:
    item = TriviaItem(
        id=stable_id("q", question, *answers),
        type=ItemType.OPEN,
        question=question,
        answers=answers,
        fact=FactTriple("A Dream Come True", "directed_by", answers[0]),
        sources=(Quote("doc", "directed by Mikhail Karyukov"),),
        category="people",
        difficulty=3,
    )
    return replace(item, **changes)


def test_gate_accepts_a_well_made_item():
    assert check_item(_item("Who directed “A Dream Come True”?")) is None


@pytest.mark.parametrize(
    ("item", "rule"),
    [
        (_item("Who made it?", ("Mikhail Karyukov of the Odessa Film Studio",)), "answer-length"),
        (_item("Was “A Dream Come True” directed by Karyukov?", ("yes",)), "yes-no-open"),
        (_item("Did Karyukov direct “Nebo Zovyot”?", ("Nebo Zovyot",)), "yes-no-open"),
        (_item("Who directed the best Soviet space film?"), "opinion"),
        (_item("Which director made the most boring film of 1963?"), "opinion"),
        (_item("Who currently holds the rights to “Nebo Zovyot”?"), "depends-on-now"),
        (_item("Which director had a film out this year?"), "depends-on-now"),
        (_item("Which film did Mikhail Karyukov direct?"), "contains-answer"),
        (
            _item("Who directed the film Karyukov made?", ("Mikhail Karyukov", "Karyukov")),
            "contains-answer",
        ),
        (_item("Who directed “Nebo Zovyot”?", sources=()), "evidence"),
        (
            _item(
                "Which of these directed “Nebo Zovyot”?",
                ("Mikhail Karyukov", "Karjukov"),
                type=ItemType.MULTIPLE_CHOICE,
                choices=("Mikhail Karyukov", "Mikhail Karjukov", "Otar Koberidze", "Kurt Maetzig"),
            ),
            "one-correct-option",
        ),
        (
            _item(
                "Which of these directed “Nebo Zovyot”?",
                type=ItemType.MULTIPLE_CHOICE,
                choices=("Otar Koberidze", "Kurt Maetzig", "Pavel Klushantsev", "Roger Corman"),
            ),
            "one-correct-option",
        ),
    ],
)
def test_gate_rule_rejects_with_its_name(item: TriviaItem, rule: str):
    result = apply_gate([item])
    assert result.accepted == ()
    assert [r.rule for r in result.rejected] == [rule]
    assert result.rejected[0].detail


def test_gate_true_false_may_contain_its_values():
    item = _item(
        "True or false: Mikhail Karyukov directed “Nebo Zovyot”.",
        ("True",),
        type=ItemType.TRUE_FALSE,
    )
    assert check_item(item) is None


def test_gate_keeps_the_first_of_near_duplicates():
    first = _item("Who directed the film “A Dream Come True”?")
    twin = _item("Who directed the film “A Dream Come True”? ")
    other_answer = _item("Who directed the film “A Dream Come True”?", ("Otar Koberidze",))
    result = apply_gate([first, twin, other_answer])
    assert result.accepted == (first, other_answer)
    assert result.rejected[0].rule == "near-duplicate"
    assert first.id in result.rejected[0].detail


def test_gate_does_not_confuse_statements_about_different_facts():
    one = _item(
        "True or false: Vostok 1 took place in 1961.",
        ("True",),
        type=ItemType.TRUE_FALSE,
        fact=FactTriple("Vostok 1", "event_date", "1961-04-12"),
    )
    six = _item(
        "True or false: Vostok 6 took place in 1963.",
        ("True",),
        type=ItemType.TRUE_FALSE,
        fact=FactTriple("Vostok 6", "event_date", "1963-06-16"),
    )
    assert apply_gate([one, six]).accepted == (one, six)
    assert apply_gate([one, one]).accepted == (one,)
