"""The nights' policy for the engine's recovery step: which open questions close now."""

from __future__ import annotations

from dataclasses import replace

from bot.game.closing import Closing, Crediting
from bot.night import rules
from bot.night.recovery import closing_left_open
from tests.night.conftest import HOST, START

ON_CLOSE = Closing(Crediting.ON_CLOSE)


def test_a_question_still_on_screen_or_not_shown_yet_stays_open(solo_night):
    assert solo_night.question is not None
    assert solo_night.question.cursor.question == 0
    assert closing_left_open(solo_night, 0) is None
    assert closing_left_open(solo_night, 1) is None


def test_a_question_revealed_closes_as_the_night_closes_it(solo_night):
    revealed, _ = rules.reveal(solo_night, HOST)
    assert closing_left_open(revealed, 0) == ON_CLOSE


def test_a_question_moved_past_closes_and_a_skipped_one_credits_nobody(solo_night):
    moved, _ = rules.next_question(solo_night, HOST, START)
    assert closing_left_open(moved, 0) == ON_CLOSE
    skipped, _ = rules.skip(solo_night, HOST, START)
    assert closing_left_open(skipped, 0) == Closing(Crediting.ON_CLOSE, skipped=True)


def test_without_a_question_on_screen_every_planned_question_closes(solo_night):
    between = replace(solo_night, question=None)
    assert closing_left_open(between, 3) == ON_CLOSE
    assert closing_left_open(between, 4) is None  # past the plan: no such question
