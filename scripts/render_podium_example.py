"""Render the example podium picture for the quiz-night guide (docs/podium-example.png).

Plays a short night through the real rules (two teams, three rounds, a tie-breaker) and
draws its podium, so the picture always shows what the code draws today. Deterministic:
running it again gives the same file.

    .venv/bin/python scripts/render_podium_example.py [OUT]
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.game.judging import Judgement
from bot.game.models import ChannelId, GuildId, Mode, PlayerRef
from bot.night import play, rules, signup
from bot.night.models import NightId, NightState, NightStatus, QuizNight, RoundPlan, TieBreaker
from bot.night.podium import render_podium
from bot.night.recap import build_recap
from questions.models import Relation
from questions.references import load_default_catalogue

START = datetime(2026, 3, 14, 19, 0, tzinfo=UTC)
HOST = PlayerRef("discord", "0", "Host")
RIGHT = Judgement(accepted=True, matched="", score=100.0, close=False)
WRONG = Judgement(accepted=False, matched=None, score=0.0, close=False)
TEAMS = {
    "Red Rockets": ["Валентина", "Yuri 🚀"],
    "Cosmonauts": ["Alexei", "Pavel", "Nadia"],
    "Storm Planet": ["Masha", "Ivan", "Olga", "Boris"],
}
# Chance of a right answer per member; seeded, so the night is the same on every run.
SKILL = {"Валентина": 0.9, "Yuri 🚀": 0.7, "Alexei": 0.8, "Pavel": 0.6, "Nadia": 0.5}


def _tie_breaker() -> TieBreaker:
    # The answer comes from the reference catalogue, like every fact the bot asks about.
    catalogue = load_default_catalogue()
    film = catalogue.entity("mechte-navstrechu")
    (fact,) = catalogue.facts_about("mechte-navstrechu", Relation.RELEASE_YEAR)
    if film is None or not isinstance(fact.value, int):
        raise SystemExit("the catalogue has no release year for Mechte navstrechu")
    return TieBreaker(f"In which year was {film.name} released?", float(fact.value))


def _play(rng: random.Random) -> NightState:
    night = QuizNight(
        NightId(1),
        GuildId(1),
        ChannelId(1),
        "Soviet space cinema night",
        START,
        (RoundPlan("films", 4), RoundPlan("crew", 4), RoundPlan("dates", 4)),
        Mode.QUIZ,
        True,
        HOST,
        _tie_breaker(),
        joker_enabled=True,
    )
    state, _ = signup.open_signups(rules.create_night(night), HOST)
    players = []
    for team, names in TEAMS.items():
        for number, name in enumerate(names):
            player = PlayerRef("discord", f"{team}-{number}", name)
            players.append(player)
            state, _ = signup.join(state, player, team, START)
    pool = {c: [f"{c}-{n}" for n in range(4)] for c in ("films", "crew", "dates")}
    state, _ = rules.start(state, HOST, START, pool, rng)
    now = START
    while state.status is not NightStatus.FINISHED:
        if state.status is NightStatus.RUNNING:
            for player in players:
                judgement = RIGHT if rng.random() < SKILL.get(player.name, 0.55) else WRONG
                elapsed = timedelta(seconds=rng.uniform(2, 25))
                state, _ = play.record_answer(state, player, "...", judgement, now + elapsed)
        if state.status is NightStatus.TIE_BREAK:
            for participant in state.participants:
                side = state.contestant_of(participant)
                if side in state.contenders and side not in {g.contestant for g in state.guesses}:
                    guess = 1900 + rng.randint(50, 80)
                    state, _ = play.submit_tie_break(state, participant.player, guess, now)
        now += timedelta(minutes=1)
        state, _ = rules.next_question(state, HOST, now)
    return state


def main(argv: list[str]) -> int:
    out = (
        Path(argv[0])
        if argv
        else Path(__file__).resolve().parent.parent / "docs" / "podium-example.png"
    )
    state = _play(random.Random(1961))
    out.write_bytes(render_podium(build_recap(state)))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
