"""The rule book runs only the rules whose needles a sentence holds, with the same result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from questions.extract import _sentences
from questions.extract_rules import RULES, Found, Rule, RuleBook, Sentence, SentenceRule, rule
from questions.history_rules import HISTORY_RULES
from questions.models import Relation
from questions.patterns import gated, occurring
from tests.conftest import DATA, SEEDS

EVERY_RULE = (*RULES, *HISTORY_RULES)

# Phrasings the seed documents lack, so that every rule finds something somewhere.
EXTRA = (
    "“Red Moon” (1968) was directed by Ann Bee and Carl Dee.",
    "“Red Moon” AKA “Luna Rossa” was released in 1968, also known in English as “Red Luna”.",
    "“Krasnaya Luna” (Red Moon) is a 1968 Soviet film; a Polish co-production with Hungary.",
    "Ivan Petrov directed this film. It is an animated film made at the Odessa Film Studio.",
    "It has a narrator (Vera Bright). Boris Good plays Anna Lee; a female alien (Ola Kay).",
    "It was adapted from a short story by Stanislaw Lem, based on Lem's novel “The Planet”.",
    "It was re-edited into “Moon Girls”, and its sequel “Red Sun” followed.",
    "“Space Boys”, which reused footage from “Red Moon”, is Roger Corman's film “Space Boys”.",
    "It came out following the Vostok 1 flight and depicts the launch of Sputnik 1.",
    "Red Moon (also known as Luna) inspired Roger Corman's “Blood Moon”.",
)


def _sentences_of_documents() -> list[Sentence]:
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted((DATA / "documents").glob("*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in paths] + list(EXTRA)
    return [sentence for text in texts for sentence in _sentences(text)]


def _every_rule(sentence: Sentence) -> list[Found]:
    return [found for item in EVERY_RULE for found in item.read(sentence)]


def test_rule_book_finds_what_running_every_rule_finds() -> None:
    book = RuleBook(EVERY_RULE)
    for sentence in _sentences_of_documents():
        assert list(book.read(sentence)) == _every_rule(sentence), sentence.text


@pytest.mark.parametrize("item", EVERY_RULE, ids=lambda item: item.read.__name__)
def test_every_rule_finds_something_only_in_sentences_with_its_needles(
    item: SentenceRule,
) -> None:
    found_any = False
    for sentence in _sentences_of_documents():
        if list(item.read(sentence)):
            found_any = True
            assert item.admits(sentence.text), sentence.text
    assert found_any, f"no test sentence exercises {item.read.__name__}"


def _yields(value: str) -> Rule:
    def read(sentence: Sentence) -> Iterator[Found]:
        yield Found(Relation.SETTING, value)

    return read


def test_rule_book_plan_keeps_the_book_order_and_skips_rules_without_needles() -> None:
    first = rule(_yields("first"), gated("zebra", "zebra"))
    second = rule(_yields("second"), gated("yak", "yak"))
    third = rule(_yields("third"), gated("zebra", "zebra"))
    book = RuleBook((first, second, third))

    assert book.plan(occurring("a zebra here")) == (first.read, third.read)
    assert book.plan(occurring("a yak and a zebra")) == (first.read, second.read, third.read)
    assert book.plan(occurring("nothing")) == ()
    values = [found.value for found in book.read(Sentence(0, 12, "a yak, a zebra"))]
    assert values == ["first", "second", "third"]
