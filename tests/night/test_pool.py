"""A night's answers counted per question, to feed back into the guild's curation."""

from __future__ import annotations

from bot.game.models import QuestionStats
from bot.night import rules
from bot.night.pool import night_question_stats
from tests.night.conftest import (
    ALEXEI,
    HOST,
    NADIA,
    PAVEL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
)


def test_night_question_stats_count_answers_and_leave_out_skipped_and_unanswered(teams_night):
    state = answer_all(teams_night, {VALENTINA: RIGHT, YURI: WRONG, ALEXEI: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state = answer_all(state, {PAVEL: RIGHT, NADIA: RIGHT})
    state, _ = rules.skip(state, HOST, START)
    first = state.questions[0][0]
    assert night_question_stats(state) == (QuestionStats(first, 1, 3, 2, 0),)
