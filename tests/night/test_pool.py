"""A night's answers counted per question, to feed back into the guild's curation."""

from __future__ import annotations

from dataclasses import replace

from bot.game.judging import AliasIndex, Judge
from bot.game.models import QuestionStats
from bot.moderation.memory import InMemoryCurationRepository
from bot.night import rules
from bot.night.pool import GuildQuestions, night_question_stats
from questions.models import ItemType
from tests.night.conftest import (
    ALEXEI,
    GUILD,
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


async def test_a_guilds_answers_are_judged_by_the_judge_it_was_given(items):
    item = replace(items[0], answers=("Kvazar Nine",), choices=())
    judge = Judge(AliasIndex.from_groups([("Kvazar Nine", "Quasar Nine Film")]))
    catalogue = {item.id: replace(item, type=ItemType.OPEN)}
    plain = await GuildQuestions(catalogue, InMemoryCurationRepository(), Judge()).judge(GUILD)
    given = await GuildQuestions(catalogue, InMemoryCurationRepository(), judge).judge(GUILD)
    assert not plain(item.id, "Quasar Nine Film").accepted
    assert given(item.id, "Quasar Nine Film").accepted
