"""The podium picture: a valid, deterministic PNG whatever the names."""

from __future__ import annotations

import io
from dataclasses import replace
from fractions import Fraction

import pytest
from PIL import Image

from bot.night import rules
from bot.night.podium import (
    BACKGROUND,
    MAX_TABLE_ROWS,
    STEP_COLOURS,
    WIDTH,
    drawable,
    format_score,
    render_podium,
)
from bot.night.recap import build_recap
from tests.night.conftest import ALEXEI, HOST, PAVEL, RIGHT, START, VALENTINA, answer_all


def _open(png: bytes) -> Image.Image:
    Image.open(io.BytesIO(png)).verify()
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_render_podium_team_night_draws_three_steps_and_the_table(teams_night):
    state = answer_all(teams_night, {VALENTINA: RIGHT, ALEXEI: RIGHT})
    state, _ = rules.end(state, HOST, START)
    recap = build_recap(state)
    picture = _open(render_podium(recap))
    assert picture.size[0] == WIDTH
    colours = {colour for _, colour in picture.getcolors(maxcolors=1 << 20)}
    assert STEP_COLOURS[1] in colours
    assert STEP_COLOURS[2] in colours
    assert BACKGROUND in colours
    assert [s.name for s in recap.standings] == ["Red Rockets", "Cosmonauts"]


def test_render_podium_is_deterministic_and_grows_with_the_table(solo_night):
    state = answer_all(solo_night, {VALENTINA: RIGHT, ALEXEI: RIGHT, PAVEL: RIGHT})
    state, _ = rules.end(state, HOST, START)
    recap = build_recap(state)
    png = render_podium(recap)
    assert png == render_podium(recap)
    assert png.startswith(b"\x89PNG")
    full, short = _open(png), _open(render_podium(recap, max_rows=1))
    assert full.height > short.height
    assert MAX_TABLE_ROWS >= 3
    # Three players tied for first: all on gold steps, none on silver or bronze.
    colours = {colour for _, colour in full.getcolors(maxcolors=1 << 20)}
    assert STEP_COLOURS[1] in colours
    assert STEP_COLOURS[2] not in colours


def test_render_podium_long_cyrillic_and_emoji_names_do_not_break_it(solo_night):
    state, _ = rules.end(solo_night, HOST, START)
    recap = build_recap(state)
    long_name = "Валентина Терешкова 🚀" * 5
    first, *others = recap.standings
    recap = replace(recap, standings=(replace(first, name=long_name), *others))
    assert _open(render_podium(recap)).size[0] == WIDTH


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Yuri", "Yuri"),
        ("Валентина", "Valentina"),
        ("Gagarin 🚀", "Gagarin :rocket:"),
        ("Zoë", "Zoe"),
        ("\u0378", "?"),
    ],
)
def test_drawable_transliterates_what_the_font_lacks(name, shown):
    assert drawable(name, 22) == shown


@pytest.mark.parametrize(
    ("score", "shown"), [(Fraction(35), "35"), (Fraction(50, 3), "16.7"), (Fraction(0), "0")]
)
def test_format_score_whole_numbers_plain_means_to_one_decimal(score, shown):
    assert format_score(score) == shown
