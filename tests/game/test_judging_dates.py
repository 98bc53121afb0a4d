"""Dates however players write them: month names, spoken days, short years, digits."""

from __future__ import annotations

import pytest

from bot.game.judging import Judge
from bot.game.normalising import name_form
from bot.game.numbers import date_readings, month_of, write_dates

SPUTNIK = ["4 October 1957", "October 4, 1957", "1957-10-04"]
JUDGE = Judge()


@pytest.mark.parametrize(
    "text",
    [
        "4 october 1957",
        "oct. 4, 1957",
        "the 4th of october, 1957",
        "the fourth of october 1957",
        "october fourth, 1957",
        "october the 4th, '57",
        "oct 4th 57",
        "4-oct-1957",
        "ocotber 4 1957",
        "october 4th, nineteen fifty-seven",
        "1957 october 4",
    ],
)
def test_a_date_with_a_month_name_is_written_in_iso_form(text):
    assert "1957-10-04" in write_dates(text)


@pytest.mark.parametrize(
    "text", ["4 october", "october 1957", "mars 4 1957", "31 february 1957", "the 4th"]
)
def test_no_whole_date_is_left_as_written(text):
    assert write_dates(text) == text


def test_months_by_name_abbreviation_and_one_slip():
    assert [month_of(w) for w in ("october", "oct", "sept", "octobre", "mars", "may")] == [
        10, 10, 9, 10, None, 5
    ]  # fmt: skip


def test_digits_give_both_readings_when_day_and_month_could_swap():
    assert date_readings("4/10/1957") == {(1957, 10, 4), (1957, 4, 10)}
    assert date_readings("16.06.1963") == {(1963, 6, 16)}
    assert date_readings("1957-10-04") == {(1957, 10, 4)}
    assert date_readings("4.10.57") == {(1957, 10, 4), (1957, 4, 10)}
    assert date_readings("1960-1965") == frozenset()


def test_two_different_dates_agree_with_none():
    assert date_readings("1957-10-04 1957-10-05") == {(0, 0, 0)}


def test_a_name_form_carries_its_date():
    assert name_form("the 4th of October 1957").dates == {(1957, 10, 4)}
    assert name_form("Planeta Bur").dates == frozenset()


@pytest.mark.parametrize(
    "attempt",
    ["Oct 4 1957", "the fourth of October 1957", "it launched on 4 October 1957", "4.10.57"],
)
def test_the_judge_accepts_the_date_however_written(attempt):
    assert JUDGE.judge(attempt, SPUTNIK).accepted


@pytest.mark.parametrize(
    "attempt",
    ["4 November 1957", "October 4, 1958", "4 October", "October 4 or 5, 1957", "10 April 1957"],
)
def test_the_judge_refuses_another_day_or_an_incomplete_one(attempt):
    assert not JUDGE.judge(attempt, SPUTNIK).accepted


def test_a_day_of_the_year_answers_which_year():
    assert JUDGE.judge("4 October 1957", ["1957"]).accepted
    assert not JUDGE.judge("4 October 1958", ["1957"]).accepted


def test_a_year_after_a_withdrawal_is_judged_without_error():
    # "no" withdraws what came before; the year that follows has nothing to place.
    assert JUDGE.judge("1963, no, 1963", ["1963"]).accepted
    assert not JUDGE.judge("1963, no, 1963", ["Phobos"]).accepted
