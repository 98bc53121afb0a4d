"""The question on screen as every format holds it (``bot.game.onscreen``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.game import asking, closing, onscreen, rules
from bot.game.asking import Asking
from bot.game.models import ChannelId, GuildId, Mode, SessionId, SessionInfo, SessionStatus
from bot.game.onscreen import OnScreen

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def _screen() -> OnScreen:
    return onscreen.show("film-1", 3, T0, 30.0, round_id=12)


def _game() -> rules.SessionState:
    info = SessionInfo(
        SessionId(1), GuildId(1), ChannelId(1), Mode.QUIZ, SessionStatus.RUNNING, T0, 5
    )
    return rules.new_session(info, T0)


def test_show_puts_the_item_on_screen_with_its_clock_and_limit():
    screen = _screen()
    assert screen == OnScreen("film-1", 3, Asking(T0, _at(30)), 30.0, round_id=12)
    assert (screen.opened_at, screen.deadline, screen.hints_used) == (T0, _at(30), 0)
    assert (screen.message_id, screen.revealed) == (None, False)


def test_show_keeps_the_limit_as_given_beside_the_clock():
    # A limit a clock counting microseconds cannot hold exactly is kept as it was given.
    screen = onscreen.show("film-1", 1, T0, 100 / 3)
    assert screen.time_limit_seconds == 100 / 3
    assert screen.time_limit_seconds != (screen.deadline - screen.opened_at).total_seconds()


def test_each_change_of_the_screen_changes_only_its_part():
    screen = _screen()
    hinted = screen.with_asking(asking.hinted(screen.asking))
    assert (hinted.hints_used, hinted.deadline) == (1, screen.deadline)
    assert screen.stored(40).round_id == 40
    assert screen.posted(2**45).message_id == 2**45
    assert screen.revealing().revealed
    assert screen.revealing().stored(40).posted(7) == OnScreen(
        "film-1", 3, screen.asking, 30.0, round_id=40, message_id=7, revealed=True
    )
    assert _screen() == screen  # frozen: every change is a copy


def test_timed_runs_the_clock_only_of_a_question_shown_and_not_revealed():
    screen = _screen()
    assert onscreen.timed(screen, running=True) == closing.Timed(screen.asking, True)
    assert not onscreen.timed(screen, running=False).running
    assert not onscreen.timed(screen.revealing(), running=True).running
    assert onscreen.timed(None, running=True) == closing.Timed(None, False)
    assert onscreen.timed(screen, running=True, last_instant=True).last_instant
    assert closing.is_due(onscreen.timed(screen, running=True), _at(31))
    assert not closing.is_due(onscreen.timed(screen.revealing(), running=True), _at(31))


def test_a_game_round_holds_the_question_on_screen():
    state = rules.open_round(_game(), T0, 25.0, item_id="film-1", round_id=9)
    current = state.round
    assert current is not None
    assert current.screen == OnScreen("film-1", 1, Asking(T0, _at(25)), 25.0, round_id=9)
    assert (current.position, current.asking, current.time_limit_seconds) == (
        1,
        current.screen.asking,
        25.0,
    )


def test_a_game_moves_its_screens_clock_on_pause_and_hint():
    state = rules.open_round(_game(), T0, 25.0, item_id="film-1", round_id=9)
    state = rules.resume(rules.pause(state, _at(5)), _at(65))
    state = rules.take_hint(state, 3)
    assert state.round is not None
    assert state.round.screen == OnScreen(
        "film-1", 1, Asking(_at(60), _at(85), 1), 25.0, round_id=9
    )
