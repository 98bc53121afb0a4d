"""The review queue: order, and what each moderator action settles and changes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.game.models import (
    AnswerId,
    GuildId,
    NearMiss,
    PlayerId,
    PlayerRef,
    RoundId,
    SessionFormat,
)
from bot.moderation.errors import ReviewError
from bot.moderation.queue import (
    AcceptNearMiss,
    AddAcceptedAnswer,
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
from tests.night.conftest import ALEXEI, HOST, NADIA, PAVEL, START, VALENTINA

EVIDENCE = Evidence("000_aa8a6f7d18e2290c", "a quoted sentence")
NIGHT = SessionFormat.NIGHT
ALICE = PlayerRef("discord", "1", "alice")


def _report(player, minutes: int) -> QuestionReport:
    return QuestionReport(player, "the year is wrong", START + timedelta(minutes=minutes))


def _question(item_id: str, *reports: QuestionReport) -> ReportedQuestion:
    return ReportedQuestion(item_id, "Who directed it?", ("Pavel Klushantsev",), EVIDENCE, reports)


def _fact(claim_id: str, minutes: int) -> PendingFact:
    return PendingFact(claim_id, "a claim", EVIDENCE, START + timedelta(minutes=minutes))


def _miss(
    answer_id: int,
    minutes: int = 0,
    player: PlayerRef = ALICE,
    text: str = "Klushantsev",
    kind: SessionFormat = SessionFormat.GAME,
    item_id: str = "q1",
) -> NearMiss:
    return NearMiss(
        AnswerId(answer_id),
        GuildId(7),
        RoundId(1),
        item_id,
        PlayerId(answer_id),
        player,
        text,
        88.0,
        1000,
        START + timedelta(minutes=minutes),
        30.0,
        kind,
    )


def _night_misses() -> list[NearMiss]:
    return [
        _miss(1, 0, NADIA, "Klushantsev ", NIGHT),
        _miss(2, 0, PAVEL, "klushantsev", NIGHT),
        _miss(3, 0, ALEXEI, "Klushan", NIGHT),
    ]


def test_build_queue_orders_reported_then_night_then_game_near_misses_then_facts():
    queue = build_queue(
        [_miss(2, 8), _miss(5, 9, NADIA, kind=NIGHT), _miss(1, 3)],
        [
            _question("once", _report(VALENTINA, 1)),
            _question("unreported"),
            _question("twice", _report(VALENTINA, 5), _report(ALEXEI, 6)),
        ],
        [_fact("late", 9), _fact("early", 2)],
    )
    assert [item.key for item in queue.items] == [
        "question:twice",
        "question:once",
        "near:5",
        "near:1",
        "near:2",
        "fact:early",
        "fact:late",
    ]


def test_queue_pages_reach_every_entry_behind_many_near_misses():
    misses = [_miss(n, n) for n in range(1, 10)]
    queue = build_queue(misses, [_question("q1", _report(VALENTINA, 1))], [_fact("f", 1)])
    pages = [queue.page(number, 4) for number in range(3)]
    assert [page.pages for page in pages] == [3, 3, 3]
    assert [len(page.items) for page in pages] == [4, 4, 3]
    assert [item.key for page in pages for item in page.items] == [i.key for i in queue.items]
    assert pages[2].items[-1].key == "fact:f"
    assert queue.page(9, 4) == pages[2]
    assert queue.page_of("fact:f", 4) == 2
    assert queue.page_of("missing", 4) == 0
    assert build_queue((), (), ()).page(0, 4).pages == 1


def test_accept_near_miss_accepts_a_nights_same_wordings_and_adds_the_form():
    nadia, pavel, alexei = _night_misses()
    game, elsewhere = _miss(4, 1), _miss(6, 1, NADIA, kind=NIGHT, item_id="q2")
    queue = build_queue([nadia, pavel, alexei, game, elsewhere], (), ())
    outcome = accept_near_miss(queue, "near:1")
    assert outcome.effects == (
        AcceptNearMiss(nadia),
        AcceptNearMiss(pavel),
        AddAcceptedAnswer("q1", "Klushantsev"),
    )
    assert [item.subject for item in outcome.queue.items] == [alexei, elsewhere, game]


def test_accept_near_miss_of_a_game_accepts_it_alone():
    first, second = _miss(4, 1), _miss(5, 2, NADIA)
    queue = build_queue([first, second, *_night_misses()], (), ())
    outcome = accept_near_miss(queue, "near:5")
    assert outcome.effects == (AcceptNearMiss(second), AddAcceptedAnswer("q1", "Klushantsev"))
    assert len(outcome.queue.items) == 4


@pytest.mark.parametrize("kind", [SessionFormat.NIGHT, SessionFormat.GAME])
def test_reject_near_miss_settles_it_alone(kind):
    misses = [_miss(1, 0, NADIA, kind=kind), _miss(2, 0, PAVEL, kind=kind)]
    queue = build_queue(misses, (), ())
    outcome = reject_near_miss(queue, "near:2")
    assert outcome.effects == (RejectNearMiss(misses[1]),)
    assert [item.key for item in outcome.queue.items] == ["near:1"]


def test_actions_on_missing_or_mismatched_items_are_refused():
    queue = build_queue(_night_misses(), (), [_fact("f", 1)])
    with pytest.raises(ReviewError, match="gone"):
        accept_near_miss(queue, "near:404")
    with pytest.raises(ReviewError, match="does not fit"):
        dismiss_reports(queue, queue.items[0].key)
    with pytest.raises(ReviewError, match="does not fit"):
        reject_near_miss(queue, "fact:f")


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


def test_retire_question_clears_its_reports_and_near_misses():
    item_id = "q1"
    near = build_queue(_night_misses(), (), ())
    queue = build_queue(
        [*_night_misses(), _miss(4)], [_question(item_id, _report(VALENTINA, 1))], [_fact("f", 1)]
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
