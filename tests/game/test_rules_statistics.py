"""Medians and streaks behind the statistics."""

from bot.game.statistics import best_streak, median_ms


def test_median_ms_of_nothing_is_none():
    assert median_ms([]) is None


def test_median_ms_rounds_even_count():
    assert median_ms([1000, 2001]) == 1500
    assert median_ms([3, 1, 2]) == 2


def test_best_streak_longest_run():
    assert best_streak([True, True, False, True, True, True, False]) == 3
    assert best_streak([]) == 0
