"""Round lifecycle, who may answer, skips, pauses, hints and the end of a session."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from bot.game import rules
from bot.game.answering import Refusal
from bot.game.closing import Attempt
from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    PlayerId,
    PlayerRef,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.game.rules import Phase

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")
CHEN = PlayerRef("discord", "3", "Chen")


def _session(mode=Mode.RACE, questions=3, target=None, guess_limit=3, streak=True):
    info = SessionInfo(
        SessionId(1),
        GuildId(1),
        ChannelId(1),
        mode,
        SessionStatus.RUNNING,
        T0,
        questions,
        target_score=target,
        guess_limit=guess_limit,
        streak_bonus=streak,
    )
    return rules.new_session(info, T0)


def _asking(mode=Mode.RACE, **kwargs):
    return rules.open_round(_session(mode, **kwargs), T0, 30.0)


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_player_ref_equality_ignores_display_name():
    assert PlayerRef("discord", "1", "Anna") == PlayerRef("discord", "1", "Anya")


def test_open_round_sets_deadline_and_counts_question():
    state = _asking()
    assert state.phase is Phase.ASKING
    assert state.asked == 1
    assert state.round is not None
    assert state.round.deadline == _at(30)


def test_open_round_twice_is_refused():
    with pytest.raises(ValueError, match="asking"):
        rules.open_round(_asking(), T0, 30.0)


def test_refusal_none_while_question_open():
    assert rules.refusal(_asking(), ANNA, _at(5)) is None


def test_refusal_before_any_question_is_no_question():
    assert rules.refusal(_session(), ANNA, T0) is Refusal.NO_QUESTION


def test_refusal_after_deadline_is_time_up():
    assert rules.refusal(_asking(), ANNA, _at(30)) is Refusal.TIME_UP


def test_race_guess_limit_stops_fourth_guess():
    state = _asking(guess_limit=3)
    for _ in range(3):
        assert rules.refusal(state, ANNA, _at(1)) is None
        state = rules.count_guess(state, ANNA, _at(1))
    assert rules.refusal(state, ANNA, _at(1)) is Refusal.GUESS_LIMIT
    assert rules.refusal(state, BORIS, _at(1)) is None


def test_race_won_round_refuses_later_answers():
    state = rules.count_guess(_asking(), ANNA, _at(1))
    state = rules.note_attempt(state, Attempt(ANNA, True, 1.0, 10), won=True)
    assert state.round is not None
    assert state.round.answered.winner == ANNA
    assert rules.refusal(state, BORIS, _at(2)) is Refusal.ALREADY_WON
    assert rules.refusal(state, ANNA, _at(2)) is Refusal.ALREADY_WON


def test_quiz_answers_may_change_until_time_runs_out():
    state = _asking(Mode.QUIZ)
    for second in range(5):
        state = rules.count_guess(state, ANNA, _at(second))
        state = rules.note_attempt(state, Attempt(ANNA, second % 2 == 0, second, 9), won=False)
    assert rules.refusal(state, ANNA, _at(29)) is None
    assert state.round is not None
    assert state.round.answered.latest[ANNA].elapsed_seconds == 4


def test_quiz_correct_answers_do_not_close_the_round():
    state = rules.note_attempt(_asking(Mode.QUIZ), Attempt(ANNA, True, 1.0, 10), won=False)
    assert rules.refusal(state, BORIS, _at(2)) is None


def test_time_limit_scales_with_question_length_and_is_capped():
    short = rules.time_limit("Who directed it?", 30)
    long = rules.time_limit(" ".join(["word"] * 40), 30)
    huge = rules.time_limit(" ".join(["word"] * 1000), 30)
    assert short == 30
    assert 30 < long < 60
    assert huge == 60


def test_skip_needs_half_of_active_players():
    state = _asking()
    for player in (ANNA, BORIS, CHEN):
        state = rules.count_guess(state, player, _at(1))
    assert rules.skip_votes_needed(state) == 2
    state, skipped = rules.vote_skip(state, ANNA)
    assert not skipped
    state, skipped = rules.vote_skip(state, ANNA)
    assert not skipped  # the same player voting twice counts once
    _, skipped = rules.vote_skip(state, BORIS)
    assert skipped


def test_skip_with_no_active_players_needs_one_vote():
    _, skipped = rules.vote_skip(_asking(), ANNA)
    assert skipped


def test_pause_stops_the_clock_and_resume_restores_time_left():
    state = rules.pause(_asking(), _at(10))
    assert rules.refusal(state, ANNA, _at(11)) is Refusal.PAUSED
    assert not rules.is_time_up(state, _at(100))
    state = rules.resume(state, _at(70))
    assert state.round is not None
    assert state.round.deadline == _at(90)
    assert rules.refusal(state, ANNA, _at(89)) is None
    assert rules.is_time_up(state, _at(90))


def test_pause_spanning_the_deadline_keeps_the_time_that_was_left():
    state = rules.pause(_asking(), _at(20))
    assert not rules.is_time_up(state, _at(300))
    state = rules.resume(state, _at(300))
    assert state.round is not None
    assert state.round.deadline == _at(310)
    assert state.round.opened_at == _at(280)
    assert rules.refusal(state, ANNA, _at(309)) is None
    assert not rules.is_time_up(state, _at(309))
    assert rules.is_time_up(state, _at(310))


def test_pause_between_questions_resumes_between():
    state = rules.resume(rules.pause(_session(), _at(1)), _at(5))
    assert state.phase is Phase.BETWEEN


def test_pause_twice_and_resume_unpaused_fail():
    with pytest.raises(ValueError, match="paused"):
        rules.pause(rules.pause(_asking(), T0), T0)
    with pytest.raises(ValueError, match="not paused"):
        rules.resume(_asking(), T0)


def test_is_quiet_after_period_without_activity():
    state = rules.count_guess(_asking(), ANNA, _at(10))
    assert not rules.is_quiet(state, _at(100), 120)
    assert rules.is_quiet(state, _at(130), 120)


def test_close_round_adds_points_and_keeps_the_streaks_the_close_left():
    state = _asking()
    for player in (ANNA, BORIS):
        state = rules.count_guess(state, player, _at(1))
    state = rules.close_round(state, {ANNA: 10}, {ANNA: 1, BORIS: 0})
    assert state.phase is Phase.BETWEEN
    assert state.totals == {ANNA: 10}
    assert rules.streak_of(state, ANNA) == 1
    assert rules.streak_of(state, BORIS) == 0
    state = rules.open_round(state, _at(40), 30)
    state = rules.count_guess(state, ANNA, _at(41))
    state = rules.close_round(state, {}, {ANNA: 0, BORIS: 0})
    assert rules.streak_of(state, ANNA) == 0


def test_streak_is_zero_when_bonus_disabled():
    state = rules.count_guess(_asking(streak=False), ANNA, _at(1))
    state = rules.close_round(state, {ANNA: 10}, {ANNA: 1})
    assert rules.streak_of(state, ANNA) == 0


def test_is_over_after_question_limit():
    state = _session(questions=1)
    assert not rules.is_over(state)
    state = rules.close_round(rules.open_round(state, T0, 30), {}, {})
    assert rules.is_over(state)


def test_is_over_at_target_score():
    state = rules.close_round(_asking(questions=10, target=15), {ANNA: 10}, {})
    assert not rules.is_over(state)
    state = rules.close_round(rules.open_round(state, _at(40), 30), {ANNA: 6}, {})
    assert rules.is_over(state)


def test_hints_are_limited():
    state = rules.take_hint(_asking(), max_hints=1)
    assert state.round is not None
    assert state.round.hints_used == 1
    with pytest.raises(ValueError, match="no more hints"):
        rules.take_hint(state, max_hints=1)


def test_tie_break_only_contenders_answer_once():
    state = rules.open_round(_session(), T0, 20, contenders=frozenset({ANNA, BORIS}))
    assert rules.refusal(state, CHEN, _at(1)) is Refusal.NOT_IN_TIE_BREAK
    state = rules.count_guess(state, ANNA, _at(1))
    assert rules.refusal(state, ANNA, _at(2)) is Refusal.GUESS_LIMIT


def test_leaders_reports_shared_first_place():
    standings = [
        Standing(1, PlayerId(1), "Anna", 20),
        Standing(1, PlayerId(2), "Boris", 20),
        Standing(3, PlayerId(3), "Chen", 5),
    ]
    assert [s.name for s in rules.leaders(standings)] == ["Anna", "Boris"]
    assert rules.leaders([Standing(1, PlayerId(1), "Anna", 0)]) == ()


def test_end_marks_session_ended():
    assert rules.end(_asking()).phase is Phase.ENDED


def test_a_changed_state_keeps_every_other_field_as_dataclasses_replace_would():
    state = rules.count_guess(_asking(), ANNA, _at(1))
    changed = rules._with(state, asked=7, last_activity=_at(2))
    assert changed == dataclasses.replace(state, asked=7, last_activity=_at(2))
    assert state.asked == 1  # the original is left alone
    with pytest.raises(TypeError):
        rules._with(state, no_such_field=1)


@pytest.mark.parametrize("players", [1, 2])
def test_skip_vote_of_a_member_who_never_answered_does_not_count(players):
    state = _asking()
    for player in (ANNA, BORIS)[:players]:
        state = rules.count_guess(state, player, _at(1))
    state, skipped = rules.vote_skip(state, CHEN)
    assert not skipped
    assert state.round.skip_votes == frozenset()
    _, skipped = rules.vote_skip(state, ANNA)
    assert skipped
