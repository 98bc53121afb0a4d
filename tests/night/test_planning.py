"""Reading rounds and start times as hosts type them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.night.errors import NightPlanError
from bot.night.models import RoundPlan
from bot.night.planning import parse_rounds, parse_start

CATEGORIES = ("films", "plot", "years", "production history")
NOW = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)


def test_parse_rounds_reads_categories_and_counts():
    assert parse_rounds("Films x5, plot X5; years ×3\nproduction  history x2", CATEGORIES) == (
        RoundPlan("films", 5),
        RoundPlan("plot", 5),
        RoundPlan("years", 3),
        RoundPlan("production history", 2),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "List the rounds"),
        ("films five", "should read like"),
        ("films x5, cats x2", "no category `cats`"),
        ("films x0", "1 to 50"),
        ("films x51", "1 to 50"),
        (", ".join(["films x1"] * 21), "1 to 20 rounds"),
    ],
)
def test_parse_rounds_refuses_bad_input_with_a_clear_message(text, message):
    with pytest.raises(NightPlanError, match=message):
        parse_rounds(text, CATEGORIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 30m", NOW + timedelta(minutes=30)),
        ("in 1h 30m", NOW + timedelta(hours=1, minutes=30)),
        ("in 2h", NOW + timedelta(hours=2)),
        ("2026-03-14 19:00", datetime(2026, 3, 14, 19, 0, tzinfo=UTC)),
        ("2026-03-14T22:00+03:00", datetime(2026, 3, 14, 19, 0, tzinfo=UTC)),
    ],
)
def test_parse_start_reads_relative_and_absolute_times(text, expected):
    assert parse_start(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tonight", "Give the start time"),
        ("in", "Give the start time"),
        ("2026-03-14 17:00", "already passed"),
        ("2028-03-14 17:00", "a year ahead"),
    ],
)
def test_parse_start_refuses_unreadable_or_past_times(text, message):
    with pytest.raises(NightPlanError, match=message):
        parse_start(text, NOW)
