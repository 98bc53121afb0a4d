"""The one tie-break rule, with a game's contestants (players) and a night's (players, teams)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from bot.game import tiebreak
from bot.game.models import PlayerRef
from bot.game.tiebreak import EqualDistance, Guess, GuessRefusal, Placing, TieBreaker
from questions.models import ItemType
from tests.fakes import number_item, seed_items, text_item

ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")
CHEN = PlayerRef("discord", "3", "Chen")
T0 = datetime(2026, 1, 1, tzinfo=UTC)
REDS, BLUES, GREENS, SOLO = "team:reds", "team:blues", "team:greens", "discord:9"


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


# Who is tied


def test_tied_a_game_breaks_only_a_tie_for_first_place():
    scores = [(ANNA, 20), (BORIS, 5), (CHEN, 20)]
    assert tiebreak.tied(scores) == (ANNA, CHEN)
    assert tiebreak.tied([(ANNA, 20), (BORIS, 5), (CHEN, 5)]) == ()


def test_tied_a_lone_leader_or_nobody_is_no_tie():
    assert tiebreak.tied([(ANNA, 3)]) == ()
    assert tiebreak.tied([]) == ()


def test_tied_a_night_breaks_ties_for_any_podium_place_with_fair_team_scores():
    scores = [
        (REDS, Fraction(7, 2)),
        (BLUES, Fraction(7, 2)),
        (GREENS, Fraction(3)),
        (SOLO, Fraction(1)),
        ("discord:8", Fraction(1)),
    ]
    assert tiebreak.tied(scores, places=3) == (REDS, BLUES)
    assert tiebreak.tied(scores, places=4) == (REDS, BLUES, SOLO, "discord:8")


def test_tied_a_place_shared_from_third_place_counts_on_a_podium_of_three():
    scores = [(REDS, 9), (BLUES, 8), (GREENS, 4), (SOLO, 4)]
    assert tiebreak.tied(scores, places=3) == (GREENS, SOLO)
    assert tiebreak.tied(scores, places=2) == ()


def test_tied_everyone_on_nothing_is_tied_unless_the_format_counts_only_scorers():
    scores = [(REDS, 0), (BLUES, 0)]
    assert tiebreak.tied(scores, places=3) == (REDS, BLUES)
    assert tiebreak.tied((c, s) for c, s in scores if s > 0) == ()


# The number asked


def test_from_item_an_open_question_with_a_numeric_answer_is_a_tie_breaker():
    item = number_item()
    assert tiebreak.from_item(item) == TieBreaker(item.question, float(item.answers[0]))
    decimal = replace(item, answers=(" 2,5 ",))
    assert tiebreak.from_item(decimal) == TieBreaker(item.question, 2.5)


@pytest.mark.parametrize("answers", [("about 1960",), (), ("9" * 400,)])
def test_from_item_needs_one_finite_number_as_the_first_answer(answers):
    assert tiebreak.from_item(replace(number_item(), answers=answers)) is None


def test_from_item_words_and_choices_are_no_tie_breaker():
    assert tiebreak.from_item(text_item()) is None
    choice = next(i for i in seed_items() if i.type is not ItemType.OPEN)
    assert tiebreak.from_item(replace(choice, answers=("1960",))) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("1963", 1963.0), ("I'd say 1962, maybe 1970", 1962.0), ("-3,5 degrees", -3.5)],
)
def test_number_in_reads_the_first_number_written(text, number):
    assert tiebreak.number_in(text) == number


@pytest.mark.parametrize("text", ["the sixties", "", "9" * 400])
def test_number_in_finds_no_number_in_words_or_overflows(text):
    assert tiebreak.number_in(text) is None


# One guess per contestant


def test_refusal_only_the_tied_give_a_number_and_each_gives_one():
    given = [Guess(ANNA, 1960.0, _at(1))]
    assert tiebreak.refusal({ANNA, BORIS}, given, BORIS, 1961.0) is None
    assert tiebreak.refusal({ANNA, BORIS}, given, CHEN, 1961.0) is GuessRefusal.NOT_TIED
    assert tiebreak.refusal({ANNA, BORIS}, given, ANNA, 1961.0) is GuessRefusal.ALREADY_GUESSED


def test_refusal_a_team_gives_one_number_whichever_member_gives_it():
    given = [Guess(REDS, 1960.0, _at(1))]  # given by one member of the reds
    assert tiebreak.refusal((REDS, BLUES), given, REDS, 1950.0) is GuessRefusal.ALREADY_GUESSED
    assert tiebreak.refusal((REDS, BLUES), given, BLUES, 1950.0) is None


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_refusal_a_number_must_be_finite_and_not_tied_comes_first(value):
    assert tiebreak.refusal((REDS,), [], REDS, value) is GuessRefusal.NOT_A_NUMBER
    assert tiebreak.refusal((REDS,), [], BLUES, value) is GuessRefusal.NOT_TIED


def test_first_guesses_the_first_number_of_each_contestant_counts():
    first, later = Guess(REDS, 1960.0, _at(1)), Guess(REDS, 1963.0, _at(2))
    blue = Guess(BLUES, 1970.0, _at(3))
    assert tiebreak.first_guesses([first, blue, later]) == {REDS: first, BLUES: blue}


# The closest guess


def test_closest_number_wins_and_earlier_breaks_equal_distance():
    guesses = [Guess(ANNA, 1960.0, _at(3)), Guess(BORIS, 1964.0, _at(2)), Guess(CHEN, 1970, _at(1))]
    assert tiebreak.closest(guesses, 1963, EqualDistance.EARLIER) == (BORIS,)
    equal = [Guess(ANNA, 1962.0, _at(1)), Guess(BORIS, 1964.0, _at(2))]
    assert tiebreak.closest(equal, 1963, EqualDistance.EARLIER) == (ANNA,)
    assert tiebreak.closest([], 1963, EqualDistance.EARLIER) == ()


def test_closest_equally_near_at_one_instant_all_win_in_the_order_given():
    guesses = [Guess(BORIS, 1964.0, _at(1)), Guess(ANNA, 1962.0, _at(1))]
    assert tiebreak.closest(guesses, 1963, EqualDistance.EARLIER) == (BORIS, ANNA)
    later = [Guess(BORIS, 1964.0, _at(2)), Guess(ANNA, 1962.0, _at(1))]
    assert tiebreak.closest(later, 1963, EqualDistance.SHARED) == (BORIS, ANNA)


def test_closest_a_later_number_of_the_same_contestant_does_not_count():
    guesses = [Guess(ANNA, 1900.0, _at(1)), Guess(BORIS, 1950.0, _at(2)), Guess(ANNA, 1963, _at(3))]
    assert tiebreak.closest(guesses, 1963, EqualDistance.EARLIER) == (BORIS,)


def test_placings_a_night_shares_equal_distances_and_places_the_silent_last():
    guesses = [
        Guess(REDS, 1960.0, _at(1)),
        Guess(BLUES, 1966.0, _at(2)),
        Guess(GREENS, 1963.0, _at(3)),
    ]
    placed = tiebreak.placings((REDS, BLUES, SOLO, GREENS), guesses, 1963, EqualDistance.SHARED)
    assert placed == (
        Placing(GREENS, 0, 0.0),
        Placing(REDS, 1, 3.0),
        Placing(BLUES, 1, 3.0),
        Placing(SOLO, 3, None),
    )


def test_placings_earlier_first_splits_equal_distances_but_not_the_silent():
    guesses = [Guess(BORIS, 1966.0, _at(1)), Guess(ANNA, 1960.0, _at(2))]
    placed = tiebreak.placings((ANNA, BORIS, CHEN), guesses, 1963, EqualDistance.EARLIER)
    assert placed == (Placing(BORIS, 0, 3.0), Placing(ANNA, 1, 3.0), Placing(CHEN, 2, None))


@pytest.mark.parametrize("equal", list(EqualDistance))
def test_placings_when_nobody_gives_a_number_the_tie_stands_and_nobody_wins(equal):
    placed = tiebreak.placings((REDS, BLUES), [], 1963, equal)
    assert placed == (Placing(REDS, 0, None), Placing(BLUES, 0, None))
    assert tiebreak.closest([], 1963, equal) == ()


def test_placings_leave_out_numbers_of_contestants_not_tied():
    guesses = [Guess(SOLO, 1963.0, _at(1)), Guess(REDS, 1950.0, _at(2))]
    placed = tiebreak.placings((REDS, BLUES), guesses, 1963, EqualDistance.SHARED)
    assert placed == (Placing(REDS, 0, 13.0), Placing(BLUES, 1, None))
