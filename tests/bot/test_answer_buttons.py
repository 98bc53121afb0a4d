"""One set of question buttons for games and nights: the ids they carry and rebuild from."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from bot.game.models import Cursor, RoundId
from bot.night.models import NightId
from bot.views.answer_buttons import (
    DYNAMIC_ITEMS,
    AnswerButton,
    GameRound,
    NightQuestion,
    ReportButton,
    WhyButton,
    WriteAnswerButton,
    choice_text,
    question_view,
    reveal_view,
)
from bot.views.desks import Desks
from bot.views.night_buttons import NIGHT_ITEMS
from questions.models import ItemType
from tests.fakes import text_item

GAME = GameRound(RoundId(7))
NIGHT = NightQuestion(NightId(3), Cursor(1, 4))


def _rebuilt(cls, custom_id: str):
    match = cls.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None, custom_id
    return cls.rebuild(match, None)


@pytest.mark.parametrize(
    ("place", "choice", "custom_id"),
    [(GAME, "2", "trivia:answer:7:2"), (NIGHT, "true", "trivia:night:3:1:4:true")],
)
def test_an_answer_button_keeps_its_formats_id_and_rebuilds_its_place(place, choice, custom_id):
    button = AnswerButton(place, choice, "label")
    assert button.item.custom_id == custom_id
    rebuilt = _rebuilt(AnswerButton, custom_id)
    assert (rebuilt.place, rebuilt.choice) == (place, choice)


@pytest.mark.parametrize(
    ("place", "custom_id"), [(GAME, "trivia:write:7"), (NIGHT, "trivia:nightwrite:3:1:4")]
)
def test_a_write_button_keeps_its_formats_id_and_rebuilds_its_place(place, custom_id):
    assert WriteAnswerButton(place).item.custom_id == custom_id
    assert _rebuilt(WriteAnswerButton, custom_id).place == place


@pytest.mark.parametrize(
    "custom_id", ["trivia:answer:7", "trivia:night:3:1:true", "trivia:write:x", "trivia:join:3"]
)
def test_other_ids_are_not_answer_buttons(custom_id):
    for cls in (AnswerButton, WriteAnswerButton):
        assert cls.__discord_ui_compiled_template__.fullmatch(custom_id) is None


def test_a_question_view_is_the_same_for_both_formats_but_for_the_place():
    item = replace(text_item(), type=ItemType.MULTIPLE_CHOICE, choices=("Tarkovsky", "Klimov"))
    game = [child.custom_id for child in question_view(GAME, item).children]
    night = [child.custom_id for child in question_view(NIGHT, item).children]
    assert game == ["trivia:answer:7:0", "trivia:answer:7:1"]
    assert night == ["trivia:night:3:1:4:0", "trivia:night:3:1:4:1"]
    labels = [child.item.label for child in question_view(NIGHT, item).children]
    assert labels == ["A Tarkovsky", "B Klimov"]
    (write,) = question_view(NIGHT, text_item()).children
    assert write.custom_id == "trivia:nightwrite:3:1:4"


def test_a_reveal_view_has_why_and_report():
    ids = [child.custom_id for child in reveal_view("item-1").children]
    assert ids == ["trivia:why:item-1", "trivia:report:item-1"]


def test_a_choice_answers_its_letter_or_true_false():
    assert [choice_text(c) for c in ("0", "3", "true", "false")] == ["A", "D", "true", "false"]


def test_no_button_class_is_registered_twice():
    # The nights register only their own buttons; their questions' are the games'.
    assert not set(DYNAMIC_ITEMS) & set(NIGHT_ITEMS)
    assert {WhyButton, ReportButton, AnswerButton, WriteAnswerButton} <= set(DYNAMIC_ITEMS)


class FormDesk:
    """Both formats' desks as the write button sees them: the question is open."""

    def __init__(self) -> None:
        self.answers: list[tuple[object, ...]] = []

    def closed(self, channel_id, round_id):
        return None

    async def check_open(self, interaction, night_id, cursor):
        return None

    async def answer(self, interaction, *where_and_text):
        self.answers.append(where_and_text)


class FormClick:
    """A click on a write button: it carries the bot's desks and keeps the form it opens."""

    def __init__(self, desk: FormDesk) -> None:
        self.client = SimpleNamespace(desks=Desks(answers=desk, nights=desk))  # type: ignore[arg-type]
        self.channel_id = 5
        self.form = None

        async def send_modal(form):
            self.form = form

        self.response = SimpleNamespace(send_modal=send_modal)


GAME_FORM = {
    "custom_id": "trivia:modal:7",
    "title": "Your answer",
    "components": [
        {
            "type": 1,
            "components": [
                {
                    "type": 4,
                    "custom_id": "trivia:answer-text",
                    "style": 1,
                    "label": "Answer",
                    "required": True,
                    "placeholder": "Type your answer",
                    "max_length": 200,
                }
            ],
        }
    ],
}
NIGHT_FORM = {
    "custom_id": "trivia:night-form",
    "title": "Your answer",
    "components": [
        {
            "type": 1,
            "components": [
                {
                    "type": 4,
                    "custom_id": "trivia:night-text",
                    "style": 1,
                    "label": "Answer",
                    "required": True,
                    "max_length": 200,
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("place", "shown", "answered"),
    [
        (GAME, GAME_FORM, (RoundId(7), "Solaris")),
        (NIGHT, NIGHT_FORM, (NightId(3), Cursor(1, 4), "Solaris")),
    ],
)
async def test_the_answer_form_keeps_its_formats_look_and_ids_and_answers_its_place(
    place, shown, answered
):
    desk = FormDesk()
    click = FormClick(desk)
    await WriteAnswerButton(place).clicked(click)
    assert click.form is not None
    assert click.form.to_dict() == shown
    (field,) = click.form.children
    field._value = "Solaris"
    await click.form.on_submit(click)
    assert desk.answers == [answered]
