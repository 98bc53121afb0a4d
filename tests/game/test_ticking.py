"""The one tick step: which questions ran out of time, handed to each format's policy."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from bot.game import ticking
from bot.game.asking import Asking
from bot.game.closing import Timed
from bot.game.errors import StorageUnavailableError

NOW = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def _question(seconds_left: float) -> Timed:
    """A running question whose deadline is ``seconds_left`` after NOW (negative: past)."""
    deadline = NOW + timedelta(seconds=seconds_left)
    return Timed(Asking(deadline - timedelta(seconds=30), deadline), running=True)


class Format:
    """A format as the step sees it: questions by key; closing one stops its clock."""

    def __init__(self, **questions: Timed) -> None:
        self.questions = dict(questions)
        self.closed: list[str] = []
        self.housekept = 0
        self.fail_on: dict[str, BaseException] = {}
        self.housekeeping_fails: BaseException | None = None
        self.before_closing: dict[str, object] = {}

    async def housekeep(self, now: datetime) -> int:
        if self.housekeeping_fails is not None:
            raise self.housekeeping_fails
        self.housekept += 1
        return self.housekept

    def on_screen(self):
        return list(self.questions.items())

    async def time_up(self, key: str, due: ticking.Due) -> str | None:
        if key in self.fail_on:
            raise self.fail_on[key]
        await asyncio.sleep(0)  # another format's consequence may run meanwhile
        if not due(self.questions[key]):
            return None
        self.closed.append(key)
        self.questions[key] = Timed(self.questions[key].asking, running=False)
        return f"revealed {key}"


async def test_tick_hands_every_formats_due_questions_to_their_policies():
    games = Format(first=_question(-1), second=_question(10), third=_question(0))
    nights = Format(friday=_question(-5))

    ticked = await ticking.tick({"games": games, "nights": nights}, NOW)

    assert games.closed == ["first", "third"]
    assert nights.closed == ["friday"]
    assert ticked.of(games).closed == {"first": "revealed first", "third": "revealed third"}
    assert ticked.of(nights).closed == {"friday": "revealed friday"}
    assert (ticked.of(games).kept, ticked.of(nights).kept) == (1, 1)


async def test_tick_keeps_the_deadlines_own_instant_for_a_format_that_takes_it():
    night = Format(friday=Timed(_question(0).asking, running=True, last_instant=True))
    assert (await ticking.tick({"nights": night}, NOW)).of(night).closed == {}
    later = NOW + timedelta(milliseconds=1)
    assert (await ticking.tick({"nights": night}, later)).of(night).closed == {
        "friday": "revealed friday"
    }


async def test_a_question_closed_meanwhile_is_not_closed_again():
    games = Format(here=_question(-1))

    class Stop(Format):
        async def housekeep(self, now: datetime) -> int:
            return 0

        async def time_up(self, key: str, due: ticking.Due) -> str | None:
            # A stop closes the game's question while the step is at work.
            games.questions["here"] = Timed(games.questions["here"].asking, running=False)
            return await super().time_up(key, due)

    ticked = await ticking.tick({"stops": Stop(there=_question(-1)), "games": games}, NOW)

    assert games.closed == []
    assert ticked.of(games).closed == {}
    assert (await ticking.tick({"games": games}, NOW)).of(games).closed == {}


async def test_a_question_closed_and_another_asked_since_is_not_due():
    games = Format(here=_question(-1))

    class Next(Format):
        async def time_up(self, key: str, due: ticking.Due) -> str | None:
            # The question closed and the next one was asked, with its own full time.
            games.questions["here"] = Timed(Asking(NOW, NOW + timedelta(seconds=30)), True)
            return await super().time_up(key, due)

    await ticking.tick({"others": Next(there=_question(-1)), "games": games}, NOW)

    assert games.closed == []
    assert games.questions["here"].running


async def test_a_question_closed_by_one_tick_is_not_closed_by_the_next():
    games = Format(here=_question(-1))
    await ticking.tick({"games": games}, NOW)
    ticked = await ticking.tick({"games": games}, NOW + timedelta(seconds=1))
    assert games.closed == ["here"]
    assert ticked.of(games).closed == {}


async def test_a_failing_policy_stops_no_other_question_or_format(caplog):
    games = Format(down=_question(-1), broken=_question(-1), fine=_question(-1))
    games.fail_on = {
        "down": StorageUnavailableError("The database is unavailable."),
        "broken": RuntimeError("a bug"),
    }
    nights = Format(friday=_question(-1))
    nights.housekeeping_fails = RuntimeError("another bug")

    with caplog.at_level(logging.WARNING, logger="bot.game.ticking"):
        ticked = await ticking.tick({"game clock": games, "night clock": nights}, NOW)

    assert ticked.of(games).closed == {"fine": "revealed fine"}
    assert ticked.of(nights).closed == {"friday": "revealed friday"}
    assert ticked.of(nights).kept is None
    lines = [(r.levelname, r.getMessage(), r.exc_info is not None) for r in caplog.records]
    assert lines == [
        ("ERROR", "night clock: a tick failed", True),
        ("WARNING", "game clock: The database is unavailable.", False),
        ("ERROR", "game clock: a tick failed", True),
    ]


async def test_a_tick_with_nothing_due_hands_nothing_over():
    games = Format(here=_question(5))
    paused = Format(there=Timed(_question(-60).asking, running=False))
    idle = Format()

    ticked = await ticking.tick({"games": games, "paused": paused, "idle": idle}, NOW)

    assert [f.closed for f in (games, paused, idle)] == [[], [], []]
    assert [ticked.of(f).closed for f in (games, paused, idle)] == [{}, {}, {}]
    assert [f.housekept for f in (games, paused, idle)] == [1, 1, 1]


async def test_a_policy_not_ticked_made_nothing():
    ticked = await ticking.tick({}, NOW)
    assert ticked.of(Format(here=_question(-1))) == ticking.Tick()
