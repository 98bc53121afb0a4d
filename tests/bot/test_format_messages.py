"""What each format shows at a reveal, an answer, a race won, the standings and a pause (pinned).

A game and a quiz night word these their own way; these tests hold every one to what its
players saw, to the byte: titles, descriptions, colours, fields (names, values, order,
inline) and footers, markdown escaped where it was.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from fractions import Fraction

import pytest

from bot.game import onscreen
from bot.game.answering import Refusal
from bot.game.judging import CLOSE_HINT, Judgement
from bot.game.models import (
    Cursor,
    Mode,
    Period,
    PlayerId,
    PlayerRef,
    RoundId,
    RoundInfo,
    SessionId,
    Standing,
)
from bot.game.outcomes import AnswerResult, AskedQuestion, Reveal
from bot.night.events import RoundEnded
from bot.night.models import ContestantId, NightState, RoundPlan
from bot.night.recap import Recap
from bot.night.rules import create_night
from bot.night.standings import ContestantStanding
from bot.views import embeds, night_embeds
from questions.models import TriviaItem
from tests.fakes import text_item
from tests.night.conftest import make_night

TEAL = 0x11806A
GOLD = 0xF1C40F
DEADLINE = datetime(2026, 4, 12, 18, 30, tzinfo=UTC)
FOOTER = {"text": "Why? shows the source · Report flags a wrong question"}
RIGHT = Judgement(accepted=True, matched="x", score=100.0, close=False)
CLOSE = Judgement(accepted=False, matched=None, score=88.0, close=True)
WRONG = Judgement(accepted=False, matched=None, score=10.0, close=False)


def _item() -> TriviaItem:
    return replace(
        text_item(), question="Who wrote *Noon*?", answers=("the_Strugatsky *brothers*",)
    )


def _asked(number: int = 2, tie_break: bool = False) -> AskedQuestion:
    info = RoundInfo(RoundId(1), SessionId(1), number, "id", DEADLINE)
    screen = onscreen.show(info.item_id, number, DEADLINE, 30.0, info.id)
    return AskedQuestion(info, _item(), screen, tie_break=tie_break)


def _reveal(answered: int, correct: int, fastest: str | None, skipped: bool = False) -> Reveal:
    who = PlayerRef("discord", "1", fastest) if fastest is not None else None
    return Reveal(_asked(), _item().answers[0], {}, answered, correct, who, skipped, False)


def _field(name: str, value: str, inline: bool = True) -> dict[str, object]:
    return {"name": name, "value": value, "inline": inline}


def _embed(title: str, colour: int, **parts: object) -> dict[str, object]:
    return {"type": "rich", "title": title, "color": colour, "flags": 0, **parts}


ANSWER = _field("Answer", "**the\\_Strugatsky \\*brothers\\***")
QUESTION = "Who wrote \\*Noon\\*?"


# A game's reveal ---------------------------------------------------------------------------


def test_a_games_reveal_shows_the_tally_the_fastest_and_who_scored():
    embed = embeds.reveal(_reveal(3, 2, "Yuri_G"), 5, ["Yuri_G", "Valentina *T*"])
    assert embed.to_dict() == _embed(
        "Question 2/5: the answer",
        TEAL,
        description=QUESTION,
        fields=[
            ANSWER,
            _field("Answers", "2/3 right (67%)"),
            _field("Fastest", "Yuri\\_G"),
            _field("Points for", "Yuri\\_G, Valentina \\*T\\*", False),
        ],
        footer=FOOTER,
    )


def test_a_games_skipped_reveal_nobody_answered():
    embed = embeds.reveal(_reveal(0, 0, None, skipped=True), 5, [])
    assert embed.to_dict() == _embed(
        "Question 2/5: skipped",
        TEAL,
        description=QUESTION,
        fields=[ANSWER, _field("Answers", "nobody answered")],
        footer=FOOTER,
    )


def test_a_games_reveal_fits_many_scorers_in_a_field():
    names = [f"cosmonaut-{n:03}-with-a-long-name" for n in range(60)]
    embed = embeds.reveal(_reveal(60, 60, None), 5, names)
    scorers = embed.fields[-1].value
    assert embed.fields[-1].name == "Points for"
    assert len(scorers) <= 1024
    assert len(scorers) > 1000
    assert scorers.endswith("… and 29 more")


def test_a_games_interrupted_question_shows_its_answer_only():
    embed = embeds.interrupted(_asked(3, tie_break=True), 5)
    assert embed.to_dict() == _embed(
        "Tie-breaker: the answer",
        TEAL,
        description=QUESTION,
        fields=[ANSWER],
        footer={"text": "The game ended before this question closed; every point is kept."},
    )


# A night's reveal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "how", [night_embeds.REVEALED, night_embeds.ENDED, night_embeds.CLOSED, "the answer"]
)
def test_a_nights_reveal_names_who_had_it_right(how):
    embed = night_embeds.reveal(_item(), Cursor(1, 2), ["Yuri_G", "Valentina *T*"], how)
    assert embed.to_dict() == _embed(
        f"Round 2 · question 3: {how}",
        TEAL,
        description=QUESTION,
        fields=[ANSWER, _field("Right", "Yuri\\_G, Valentina \\*T\\*", False)],
        footer=FOOTER,
    )


def test_a_nights_reveal_nobody_had_it():
    embed = night_embeds.reveal(_item(), Cursor(0, 0), [])
    assert embed.title == "Round 1 · question 1: the answer"
    assert [(f.name, f.value, f.inline) for f in embed.fields] == [
        ("Answer", ANSWER["value"], True),
        ("Right", "nobody", False),
    ]


def test_a_nights_skipped_reveal_scores_nothing():
    embed = night_embeds.reveal(_item(), Cursor(0, 1), ["Yuri"], night_embeds.SKIPPED)
    assert embed.to_dict() == _embed(
        "Round 1 · question 2: skipped",
        TEAL,
        description=QUESTION,
        fields=[ANSWER, _field("Right", "skipped: it scores nothing", False)],
        footer=FOOTER,
    )


def test_a_nights_reveal_fits_many_names_in_a_thousand_characters():
    names = [f"cosmonaut-{n:03}-with-a-long-name" for n in range(60)]
    right = night_embeds.reveal(_item(), Cursor(0, 0), names).fields[-1].value
    assert len(right) <= 1000
    assert right.endswith("… and 30 more")


# Answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "quiz", "line"),
    [
        (AnswerResult(None, 0, refused=Refusal.PAUSED), False, "⛔ The game is paused."),
        (
            AnswerResult(None, 0, tie_break=True),
            False,
            "🎯 Your guess is in: **19\\_63**. The closest number wins.",
        ),
        (
            AnswerResult(CLOSE, 0),
            True,
            "✅ Your answer is in: **19\\_63**. You can change it until the time runs out.",
        ),
        (AnswerResult(RIGHT, 10), False, "✅ Right, but someone was faster."),
        (AnswerResult(CLOSE, 0), False, f"🤏 **19\\_63**: {CLOSE_HINT}"),
        (AnswerResult(WRONG, 0), False, "❌ **19\\_63** is not it."),
        (AnswerResult(None, 0), False, "❌ **19\\_63** is not it."),
    ],
)
def test_a_games_answer_feedback(result, quiz, line):
    assert embeds.answer_feedback(result, "19_63", quiz) == line


@pytest.mark.parametrize(
    ("correct", "near_miss", "mode", "line"),
    [
        (True, False, Mode.QUIZ, "✅ Your answer is in."),
        (False, True, Mode.QUIZ, "✅ Your answer is in."),
        (True, False, Mode.RACE, "🎉 Right! +12 points."),
        (False, True, Mode.RACE, f"🤏 {CLOSE_HINT} The host may still accept it later."),
        (False, False, Mode.RACE, "❌ Not it."),
    ],
)
def test_a_nights_answer_received(correct, near_miss, mode, line):
    assert night_embeds.answer_received(correct, near_miss, 12, mode) == line


def test_a_race_won_in_a_game_echoes_the_answer():
    line = "🎉 <@1> got it with **Planeta \\*Bur\\*** (+15 points)"
    assert embeds.race_won("<@1>", "Planeta *Bur*", 15) == line


def test_a_race_won_in_a_night():
    assert night_embeds.race_won("<@1>", 15) == "🎉 <@1> got it (+15 points)."


# Standings ---------------------------------------------------------------------------------


def _standing(rank: int, name: str, points: int) -> Standing:
    return Standing(rank, PlayerId(rank), name, points)


def test_a_games_standings_show_medals_then_ranks():
    rows = [_standing(1, "Yuri_G", 30), _standing(1, "Alexei", 30), _standing(4, "Pavel", 5)]
    embed = embeds.leaderboard(rows, Period.WEEK, everywhere=False)
    assert embed.to_dict() == _embed(
        "🏆 Leaderboard: this server, this week",
        GOLD,
        description="🥇 Yuri\\_G: 30 points\n🥇 Alexei: 30 points\n4. Pavel: 5 points",
    )


def test_a_games_empty_standings():
    embed = embeds.standings("Standings", [])
    assert embed.to_dict() == _embed("Standings", GOLD, description="Nobody has scored yet.")


def test_a_games_long_standings_keep_their_top():
    rows = [_standing(n, f"cosmonaut-{n:03}-with-a-long-name", 500 - n) for n in range(1, 301)]
    text = embeds.standings("Standings", rows).description
    assert len(text) <= 4096
    assert text.startswith("🥇 cosmonaut-001")
    assert text.endswith("more")


def _contestant(
    rank: int, name: str, score: Fraction, points: int, members: int
) -> ContestantStanding:
    players = tuple(PlayerRef("discord", str(n), f"p{n}") for n in range(members))
    return ContestantStanding(rank, ContestantId(name), name, score, points, players)


def _night(team_play: bool, rounds: int = 3) -> NightState:
    plans = tuple(RoundPlan(f"round {n}", 2) for n in range(rounds))
    return create_night(make_night(team_play=team_play, rounds=plans))


TEAMS = (
    _contestant(1, "Team_A", Fraction(25, 2), 25, 2),
    _contestant(2, "Team *B*", Fraction(10), 30, 3),
    _contestant(4, "C", Fraction(0), 0, 1),
)


def test_a_nights_team_standings_after_a_round():
    embed = night_embeds.round_standings(_night(True), RoundEnded(0, TEAMS))
    assert embed.to_dict() == _embed(
        "📊 Standings after round 1 of 3",
        GOLD,
        description=(
            "🥇 Team\\_A: 12.5 (mean of 2, 25 points)\n"
            "🥈 Team \\*B\\*: 10 (mean of 3, 30 points)\n"
            "4. C: 0 (mean of 1, 0 points)"
        ),
        footer={"text": "The host opens the next round with /quiznight next."},
    )


def test_a_nights_player_standings_after_the_last_round():
    rows = (_contestant(1, "Yuri_G", Fraction(7), 7, 1), _contestant(2, "Pavel", Fraction(3), 3, 1))
    embed = night_embeds.round_standings(_night(False, 2), RoundEnded(1, rows))
    assert embed.to_dict() == _embed(
        "📊 Standings after round 2 of 2", GOLD, description="🥇 Yuri\\_G: 7\n🥈 Pavel: 3"
    )


def test_a_nights_standings_show_fifteen_sides_at_most():
    rows = tuple(_contestant(n, f"p{n}", Fraction(40 - n), 40 - n, 1) for n in range(1, 21))
    text = night_embeds.round_standings(_night(False), RoundEnded(0, rows)).description
    assert text.splitlines()[-1] == "15. p15: 25"
    assert len(text.splitlines()) == 15


def test_a_nights_empty_standings_and_recap():
    embed = night_embeds.round_standings(_night(False), RoundEnded(0, ()))
    assert embed.description == "Nobody has signed up."
    recap = Recap("Night *1*", False, (), (), (), None, None, None, None)
    assert night_embeds.recap(recap).to_dict() == _embed(
        "🏁 Night \\*1\\*: the results",
        GOLD,
        description="Nobody has signed up.",
        image={"url": "attachment://podium.png"},
    )


def test_a_nights_recap_lists_the_standings():
    recap = Recap("Night", True, TEAMS, (), (), None, None, None, None)
    assert night_embeds.recap(recap).description == (
        "🥇 Team\\_A: 12.5 (mean of 2, 25 points)\n"
        "🥈 Team \\*B\\*: 10 (mean of 3, 30 points)\n"
        "4. C: 0 (mean of 1, 0 points)"
    )


# Pause and resume --------------------------------------------------------------------------


def test_a_games_pause_and_resume_notices():
    assert embeds.pause_notice(True) == (
        "⏸️ The game is paused; the clock has stopped. `/trivia resume` carries on."
    )
    assert embeds.pause_notice(False) == (
        "▶️ The game goes on; the question keeps the time it had left."
    )


def test_a_nights_pause_and_resume_notices():
    assert night_embeds.paused() == "⏸️ The night is paused; the question's clock has stopped."
    stamp = int(DEADLINE.timestamp())
    assert night_embeds.resumed(DEADLINE) == (
        f"▶️ The night goes on; the question ends <t:{stamp}:R>."
    )
