"""A whole quiz night: three rounds, two teams, a joker, a restart and a tie-breaker."""

from __future__ import annotations

import io
import random
from dataclasses import replace
from datetime import timedelta

from PIL import Image

from bot.game.models import Cursor, Mode
from bot.night import play, rules, signup
from bot.night.events import (
    HostChanged,
    NightFinished,
    QuestionSkipped,
    RoundEnded,
    TieBreakStarted,
)
from bot.night.memory import InMemoryNightRepository
from bot.night.models import NightStatus, RoundPlan, team_key
from bot.night.podium import render_podium
from bot.night.recap import build_recap
from bot.night.season import night_result, season_table
from bot.night.standings import player_points, standings
from questions.models import Relation
from questions.references import load_default_catalogue
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    COHOST,
    HOST,
    NADIA,
    PAVEL,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
    make_night,
)

ROCKETS = team_key("Red Rockets")
COSMONAUTS = team_key("Cosmonauts")


def _release_year() -> int:
    catalogue = load_default_catalogue()
    (fact,) = catalogue.facts_about("mechte-navstrechu", Relation.RELEASE_YEAR)
    assert isinstance(fact.value, int)
    return fact.value


async def test_night_three_rounds_two_teams_restart_and_tie_break_runs_to_podium():
    year = _release_year()
    rounds = (RoundPlan("films", 2), RoundPlan("crew", 2), RoundPlan("dates", 2))
    night = make_night(rounds=rounds, mode=Mode.QUIZ, answer=float(year))
    repository = InMemoryNightRepository()

    state = rules.create_night(night)
    state, _ = signup.add_cohost(state, HOST, COHOST)
    state, _ = signup.open_signups(state, HOST)
    for player, team in [
        (VALENTINA, "Red Rockets"),
        (YURI, "red  rockets"),
        (ALEXEI, "Cosmonauts"),
        (PAVEL, "Cosmonauts"),
        (NADIA, "Cosmonauts"),
    ]:
        state, _ = signup.join(state, player, team, START)
    assert [t.name for t in state.teams()] == ["Red Rockets", "Cosmonauts"]
    state, _ = rules.start(state, HOST, START, POOL, random.Random(3))
    await repository.save(state)

    # Round 1: everyone right, then a split question with a near miss.
    state = answer_all(state, dict.fromkeys([VALENTINA, YURI, ALEXEI, PAVEL, NADIA], RIGHT))
    state, _ = rules.next_question(state, HOST, START)
    state = answer_all(state, {VALENTINA: RIGHT, YURI: WRONG, ALEXEI: RIGHT, PAVEL: RIGHT})
    state = answer_all(state, {NADIA: CLOSE})
    state, events = rules.next_question(state, HOST, START)
    (ended,) = [e for e in events if isinstance(e, RoundEnded)]
    assert [(s.name, float(s.score)) for s in ended.standings] == [
        ("Cosmonauts", 50 / 3),
        ("Red Rockets", 15.0),
    ]

    # Between rounds the Rockets play their joker on round 2.
    state, _ = play.play_joker(state, YURI, 1)
    state, _ = rules.next_question(state, HOST, START)
    state = answer_all(state, {VALENTINA: RIGHT, YURI: RIGHT, ALEXEI: RIGHT})
    state = answer_all(state, {PAVEL: WRONG, NADIA: WRONG})

    # The bot restarts while the night is paused: nothing is lost. The store keeps the
    # night and its roster; the answers are the night's session's, which the service reads
    # back (its ledger), as here.
    state, _ = rules.pause(state, HOST, START + timedelta(seconds=5))
    await repository.save(state)
    before = player_points(state)
    (stored,) = await repository.unfinished()
    assert stored == replace(state, answers=())
    restored = replace(stored, answers=state.answers)
    assert restored == state
    assert player_points(restored) == before
    assert restored.controller == HOST
    state, _ = rules.resume(restored, HOST, START + timedelta(minutes=3))
    assert state.question is not None
    assert state.question.deadline == START + timedelta(minutes=3, seconds=25)

    state, _ = rules.next_question(state, HOST, START + timedelta(minutes=4))
    late = state.question
    assert late is not None
    state, _ = play.record_answer(state, PAVEL, "answer", RIGHT, late.opened_at)
    state, events = rules.skip(state, HOST, late.opened_at)
    assert isinstance(events[0], QuestionSkipped)
    assert [s.name for s in standings(state)] == ["Red Rockets", "Cosmonauts"]

    # Round 3: the co-host takes over; the Cosmonauts catch up exactly.
    state, events = signup.take_over(state, COHOST)
    assert events == (HostChanged(COHOST),)
    state, _ = rules.next_question(state, COHOST, START + timedelta(minutes=10))
    state = answer_all(state, {ALEXEI: RIGHT, PAVEL: RIGHT, NADIA: RIGHT})
    state = answer_all(state, {VALENTINA: WRONG, YURI: WRONG})
    state, _ = rules.next_question(state, COHOST, START + timedelta(minutes=11))
    state = answer_all(state, {ALEXEI: RIGHT, VALENTINA: WRONG, YURI: WRONG, NADIA: WRONG})
    assert state.question is not None
    state, _ = play.record_answer(state, PAVEL, "answer", RIGHT, state.question.deadline)
    state, events = rules.next_question(state, COHOST, START + timedelta(minutes=12))

    assert state.status is NightStatus.TIE_BREAK
    assert events[-1] == TieBreakStarted(night.tie_breaker.question, (COSMONAUTS, ROCKETS))
    assert {s.name: s.score for s in standings(state)} == {"Red Rockets": 35, "Cosmonauts": 35}
    await repository.save(state)
    stored = await repository.get(night.id)
    assert stored == replace(state, answers=())
    state = replace(stored, answers=state.answers)  # as the ledger reads them back

    state, _ = play.submit_tie_break(state, VALENTINA, year + 1, START + timedelta(minutes=13))
    state, _ = play.submit_tie_break(state, PAVEL, year - 3, START + timedelta(minutes=13))
    state, events = rules.next_question(state, COHOST, START + timedelta(minutes=14))
    assert state.status is NightStatus.FINISHED
    (finished,) = events
    assert isinstance(finished, NightFinished)
    assert [(s.rank, s.name, s.tie_break_distance) for s in finished.standings] == [
        (1, "Red Rockets", 1.0),
        (2, "Cosmonauts", 3.0),
    ]
    await repository.save(state)
    assert await repository.unfinished() == ()

    recap = build_recap(state)
    assert [r.best for r in recap.rounds] == [("Cosmonauts",), ("Red Rockets",), ("Cosmonauts",)]
    assert recap.biggest_climb is not None
    assert (recap.biggest_climb.name, recap.biggest_climb.places) == ("Red Rockets", 1)
    assert recap.hardest is not None
    assert recap.hardest.cursor == Cursor(2, 1)
    assert recap.hardest.share_correct == 2 / 5
    assert recap.easiest is not None
    assert recap.easiest.cursor == Cursor(0, 0)
    assert recap.fastest is not None
    assert recap.fastest.player == VALENTINA
    assert recap.fastest.elapsed_ms == 0
    assert all(len(r.questions) == 2 for r in (recap.rounds[0], recap.rounds[2]))
    assert len(recap.rounds[1].questions) == 1

    result = night_result(state)
    await repository.add_result(result)
    table = season_table(await repository.placings(night.guild_id))
    assert [(row.player, row.points) for row in table][:3] == [
        (ALEXEI, 50),
        (VALENTINA, 40),
        (PAVEL, 35),
    ]

    png = render_podium(recap)
    picture = Image.open(io.BytesIO(png))
    picture.verify()
    picture = Image.open(io.BytesIO(png))
    assert picture.format == "PNG"
    assert picture.width == 960
    assert picture.height > 500
    assert picture.getextrema() != ((18, 18), (24, 24), (48, 48))
    assert {s.name for s in recap.standings} == {"Red Rockets", "Cosmonauts"}
    assert {"Валентина", "Yuri 🚀"} <= {s.name for s in recap.players}
