"""The question on screen, as players see it in a game and in a quiz night (pinned).

Both formats build it with one function; these tests hold each format's embed to what it
showed before: title, description, colour, fields (names, values, order, inline) and no
footer. A night escapes markdown in its choices and category, a game shows them as written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.game import onscreen
from bot.game.models import Cursor, Mode, RoundId, RoundInfo, SessionId
from bot.game.outcomes import AskedQuestion
from bot.night import rules as night_rules
from bot.night.models import NightState, RoundPlan
from bot.views import embeds, night_embeds
from questions.models import ItemType, TriviaItem
from tests.fakes import number_item, seed_items, text_item
from tests.night.conftest import make_night

BLURPLE = 0x5865F2
DEADLINE = datetime(2026, 4, 12, 18, 30, tzinfo=UTC)
CHOICES = ("Pavel *Klushantsev*", "Mikhail_Karyukov", "Aleksandr Kozyr", "Richard ~~Viktorov~~")


def _choice_item() -> TriviaItem:
    first = next(i for i in seed_items() if i.type is ItemType.MULTIPLE_CHOICE)
    return replace(
        first, question="Who *directed* Planeta_Bur?", choices=CHOICES, category="films *cult*"
    )


def _open_item() -> TriviaItem:
    return replace(text_item(), question="Who wrote *Noon*?", category="books_and_films")


def _asked(item: TriviaItem, number: int = 2, tie_break: bool = False) -> AskedQuestion:
    info = RoundInfo(RoundId(1), SessionId(1), number, item.id, DEADLINE)
    screen = onscreen.show(item.id, number, DEADLINE, 30.0, info.id)
    return AskedQuestion(info, item, screen, tie_break=tie_break)


def _night(category: str = "films *cult*") -> NightState:
    plan = replace(make_night(), rounds=(RoundPlan("crew", 2), RoundPlan(category, 3)))
    return night_rules.create_night(plan)


def _field(name: str, value: str, inline: bool = True) -> dict[str, object]:
    return {"name": name, "value": value, "inline": inline}


def _shown(title: str, description: str, *fields: dict[str, object]) -> dict[str, object]:
    return {
        "type": "rich",
        "title": title,
        "description": description,
        "color": BLURPLE,
        "fields": list(fields),
        "flags": 0,
    }


GAME_CHOICES = _field(
    "Choices",
    "**A** Pavel *Klushantsev*\n**B** Mikhail_Karyukov\n**C** Aleksandr Kozyr\n"
    "**D** Richard ~~Viktorov~~",
    False,
)
NIGHT_CHOICES = _field(
    "Choices",
    "**A** Pavel \\*Klushantsev\\*\n**B** Mikhail\\_Karyukov\n**C** Aleksandr Kozyr\n"
    "**D** Richard \\~\\~Viktorov\\~\\~",
    False,
)


def test_a_games_multiple_choice_question_shows_its_choices_as_written():
    embed = embeds.question(_asked(_choice_item()), 5, 17, Mode.RACE)
    assert embed.to_dict() == _shown(
        "Question 2/5",
        "Who \\*directed\\* Planeta\\_Bur?",
        GAME_CHOICES,
        _field("Category", "films *cult*"),
        _field("Time left", "⏳ 17 s"),
    )
    assert embed.footer.text is None


@pytest.mark.parametrize(
    ("mode", "chat", "how"),
    [
        (Mode.RACE, False, "press Answer or use `/answer`"),
        (Mode.RACE, True, "type your answer in chat, use `/answer`, or press Answer"),
        (Mode.QUIZ, True, "press Answer (only you see it)"),
        (None, False, "press Answer or use `/answer`"),
    ],
)
def test_a_games_open_question_says_how_to_answer(mode, chat, how):
    embed = embeds.question(_asked(_open_item(), 1), 1, 0, mode, chat)
    assert embed.to_dict() == _shown(
        "Question 1/1",
        "Who wrote \\*Noon\\*?",
        _field("How to answer", how, False),
        _field("Category", "books_and_films"),
        _field("Time left", "⏰ time is up"),
    )


def test_a_games_paused_tie_breaker():
    item = replace(number_item(), question="In which year?", category="years")
    embed = embeds.question(_asked(item, 4, tie_break=True), 3, 12, Mode.QUIZ, paused=True)
    how = "the tied players only, one number each: the closest wins 1 point"
    assert embed.to_dict() == _shown(
        "Tie-breaker",
        "In which year?",
        _field("How to answer", how, False),
        _field("Category", "years"),
        _field("Time left", "⏸️ paused"),
    )


def test_a_nights_multiple_choice_question_escapes_its_choices_and_category():
    embed = night_embeds.question(_night(), _choice_item(), Cursor(1, 0), DEADLINE)
    stamp = int(DEADLINE.timestamp())
    assert embed.to_dict() == _shown(
        "Round 2 · question 1/3",
        "Who \\*directed\\* Planeta\\_Bur?",
        NIGHT_CHOICES,
        _field("Category", "films \\*cult\\*"),
        _field("Time", f"ends <t:{stamp}:R>"),
    )
    assert embed.footer.text is None


def test_a_nights_paused_open_question():
    embed = night_embeds.question(_night("crew_x"), _open_item(), Cursor(1, 1), None)
    assert embed.to_dict() == _shown(
        "Round 2 · question 2/3",
        "Who wrote \\*Noon\\*?",
        _field("How to answer", "press Answer", False),
        _field("Category", "crew\\_x"),
        _field("Time", "⏸️ paused"),
    )
