"""The review queue: order, and what each moderator action settles and changes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.game.models import AnswerId, Cursor, GuildId, NearMiss, PlayerId, PlayerRef, RoundId
from bot.moderation.errors import ReviewError
from bot.moderation.queue import (
    AddAcceptedAnswer,
    AwardNearMiss,
    DecideFact,
    Evidence,
    PendingFact,
    QuestionReport,
    RejectNearMiss,
    ReportedQuestion,
    RetireQuestion,
    SetAcceptedAnswers,
    accept_near_miss,
    build_queue,
    decide_fact,
    dismiss_reports,
    fix_accepted_answers,
    reject_near_miss,
    retire_question,
)
from bot.night import play
from bot.night.models import NightId
from bot.night.play import pending_near_misses
from bot.night.standings import player_points
from tests.night.conftest import ALEXEI, CLOSE, HOST, NADIA, PAVEL, START, VALENTINA

EVIDENCE = Evidence("000_aa8a6f7d18e2290c", "a quoted sentence")


def _report(player, minutes: int) -> QuestionReport:
    return QuestionReport(player, "the year is wrong", START + timedelta(minutes=minutes))


def _question(item_id: str, *reports: QuestionReport) -> ReportedQuestion:
    return ReportedQuestion(item_id, "Who directed it?", ("Pavel Klushantsev",), EVIDENCE, reports)


def _fact(claim_id: str, minutes: int) -> PendingFact:
    return PendingFact(claim_id, "a claim", EVIDENCE, START + timedelta(minutes=minutes))


def _queue_with_near_misses(teams_night):
    state, _ = play.record_answer(teams_night, NADIA, "Klushantsev ", CLOSE, START)
    state, _ = play.record_answer(state, PAVEL, "klushantsev", CLOSE, START)
    state, _ = play.record_answer(state, ALEXEI, "Klushan", CLOSE, START)
    return state, build_queue(pending_near_misses(state), (), ())


def _game_miss(answer_id: int, minutes: int) -> NearMiss:
    return NearMiss(
        AnswerId(answer_id),
        GuildId(7),
        RoundId(1),
        "q1",
        PlayerId(1),
        PlayerRef("discord", "1", "alice"),
        "Klushantsev",
        88.0,
        1000,
        START + timedelta(minutes=minutes),
        30.0,
    )


def test_build_queue_orders_reported_then_night_then_game_near_misses_then_facts(teams_night):
    state, _ = play.record_answer(teams_night, NADIA, "Klushantsev", CLOSE, START)
    queue = build_queue(
        pending_near_misses(state),
        [
            _question("once", _report(VALENTINA, 1)),
            _question("unreported"),
            _question("twice", _report(VALENTINA, 5), _report(ALEXEI, 6)),
        ],
        [_fact("late", 9), _fact("early", 2)],
        [_game_miss(2, 8), _game_miss(1, 3)],
    )
    assert [item.key for item in queue.items] == [
        "question:twice",
        "question:once",
        "near:1:0:0:discord:5",
        "game:1",
        "game:2",
        "fact:early",
        "fact:late",
    ]


def test_queue_pages_reach_every_entry_behind_many_near_misses():
    misses = [_game_miss(n, n) for n in range(1, 10)]
    queue = build_queue((), [_question("q1", _report(VALENTINA, 1))], [_fact("f", 1)], misses)
    pages = [queue.page(number, 4) for number in range(3)]
    assert [page.pages for page in pages] == [3, 3, 3]
    assert [len(page.items) for page in pages] == [4, 4, 3]
    assert [item.key for page in pages for item in page.items] == [i.key for i in queue.items]
    assert pages[2].items[-1].key == "fact:f"
    assert queue.page(9, 4) == pages[2]
    assert queue.page_of("fact:f", 4) == 2
    assert queue.page_of("missing", 4) == 0
    assert build_queue((), (), ()).page(0, 4).pages == 1


def test_accept_near_miss_awards_every_same_wording_and_adds_the_form(teams_night):
    state, queue = _queue_with_near_misses(teams_night)
    outcome = accept_near_miss(queue, queue.items[0].key)
    item_id = state.questions[0][0]
    assert outcome.effects == (
        AwardNearMiss(NightId(1), Cursor(0, 0), NADIA),
        AwardNearMiss(NightId(1), Cursor(0, 0), PAVEL),
        AddAcceptedAnswer(item_id, "Klushantsev"),
    )
    assert [item.subject.player for item in outcome.queue.items] == [ALEXEI]
    for effect in outcome.effects:
        if isinstance(effect, AwardNearMiss):
            state, _ = play.accept_near_miss(state, HOST, effect.cursor, effect.player)
    assert player_points(state)[NADIA] == 10
    assert player_points(state)[PAVEL] == 10
    assert player_points(state)[ALEXEI] == 0


def test_reject_near_miss_changes_nothing(teams_night):
    _, queue = _queue_with_near_misses(teams_night)
    key = queue.items[2].key
    outcome = reject_near_miss(queue, key)
    (effect,) = outcome.effects
    assert isinstance(effect, RejectNearMiss)
    assert len(outcome.queue.items) == 2
    assert key not in {item.key for item in outcome.queue.items}


def test_actions_on_missing_or_mismatched_items_are_refused(teams_night):
    _, queue = _queue_with_near_misses(teams_night)
    with pytest.raises(ReviewError, match="gone"):
        accept_near_miss(queue, "near:404")
    with pytest.raises(ReviewError, match="does not fit"):
        dismiss_reports(queue, queue.items[0].key)


def test_fix_accepted_answers_cleans_the_list_and_settles_the_reports():
    queue = build_queue(
        (), [_question("q1", _report(VALENTINA, 1)), _question("q2", _report(ALEXEI, 1))], ()
    )
    outcome = fix_accepted_answers(
        queue, "q1", ["Pavel  Klushantsev", "pavel klushantsev", " ", "Klushantsev"]
    )
    assert outcome.effects == (SetAcceptedAnswers("q1", ("Pavel Klushantsev", "Klushantsev")),)
    assert [item.key for item in outcome.queue.items] == ["question:q2"]


@pytest.mark.parametrize(
    ("answers", "message"), [([" "], "at least one"), ([str(n) for n in range(21)], "at most")]
)
def test_fix_accepted_answers_empty_or_too_many_is_refused(answers, message):
    with pytest.raises(ReviewError, match=message):
        fix_accepted_answers(build_queue((), (), ()), "q1", answers)


def test_retire_question_clears_its_reports_and_near_misses(teams_night):
    state, near = _queue_with_near_misses(teams_night)
    item_id = state.questions[0][0]
    queue = build_queue(
        pending_near_misses(state), [_question(item_id, _report(VALENTINA, 1))], [_fact("f", 1)]
    )
    outcome = retire_question(queue, item_id, " duplicate ", HOST)
    assert outcome.effects == (RetireQuestion(item_id, "duplicate", HOST),)
    assert [item.key for item in outcome.queue.items] == ["fact:f"]
    with pytest.raises(ReviewError, match="why"):
        retire_question(near, item_id, "  ", HOST)


def test_dismiss_reports_keeps_the_question():
    queue = build_queue((), [_question("q1", _report(VALENTINA, 1))], ())
    outcome = dismiss_reports(queue, "question:q1")
    assert outcome == type(outcome)(build_queue((), (), ()), ())


@pytest.mark.parametrize("approved", [True, False])
def test_decide_fact_records_the_decision_with_its_reason(approved):
    queue = build_queue((), (), [_fact("claim-7", 1)])
    outcome = decide_fact(queue, "fact:claim-7", approved, HOST, " the SFE entry agrees ")
    assert outcome.effects == (DecideFact("claim-7", approved, HOST, "the SFE entry agrees"),)
    assert outcome.queue.items == ()
    with pytest.raises(ReviewError, match="why"):
        decide_fact(queue, "fact:claim-7", approved, HOST, "")
