"""Medians and streaks behind the statistics."""

from hypothesis import given
from hypothesis import strategies as st

from bot.game.statistics import RunningRecord, best_streak, median_ms, running_record


def test_median_ms_of_nothing_is_none():
    assert median_ms([]) is None


def test_median_ms_rounds_even_count():
    assert median_ms([1000, 2001]) == 1500
    assert median_ms([3, 1, 2]) == 2


def test_best_streak_longest_run():
    assert best_streak([True, True, False, True, True, True, False]) == 3
    assert best_streak([]) == 0


def _counted(answers):
    """The definition: each round once with its last answer, runs over rounds by id."""
    last = {}
    for round_id, right in sorted(answers, key=lambda answer: answer[0]):  # stable: order kept
        last[round_id] = right
    verdicts = [last[round_id] for round_id in sorted(last)]
    return len(verdicts), sum(verdicts), best_streak(verdicts)


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=12), st.booleans()), min_size=1, max_size=40
    )
)
def test_a_record_moved_on_answer_by_answer_counts_as_the_answers_do(answers):
    record = RunningRecord()
    for given_so_far, (round_id, right) in enumerate(answers, 1):
        moved = record.answered(round_id, right)
        if moved is None:  # an earlier question: counted again from every answer so far
            assert round_id < record.last_round
            moved = running_record(sorted(answers[:given_so_far], key=lambda a: a[0]))
        record = moved
    assert (record.answers, record.correct, record.best_streak) == _counted(answers)


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=12), st.booleans()), min_size=1, max_size=40
    )
)
def test_a_record_counted_from_ordered_answers_matches_the_definition(answers):
    ordered = sorted(answers, key=lambda answer: answer[0])
    record = running_record(ordered)
    assert (record.answers, record.correct, record.best_streak) == _counted(answers)
    assert record.streak == (0 if not record.last_correct else record.streak_before + 1)


def test_a_changed_answer_to_the_last_question_replaces_it():
    record = running_record([(1, True), (2, True), (3, True)])
    assert (record.streak, record.best_streak) == (3, 3)
    wrong = record.answered(3, False)
    assert (wrong.answers, wrong.correct, wrong.streak, wrong.best_streak) == (3, 2, 0, 2)
    right = wrong.answered(3, True)
    assert (right.answers, right.correct, right.streak, right.best_streak) == (3, 3, 3, 3)
    assert right.answered(2, False) is None
    assert running_record([]) is None
