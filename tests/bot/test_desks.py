"""Buttons find their desk as a typed attribute of the bot, or get a player-safe refusal."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.game.errors import SessionStateError
from bot.views.desks import Desks, answer_desk, desks_of, night_desk, review_desk


def _interaction(client: object) -> object:
    return SimpleNamespace(client=client)


@pytest.mark.parametrize(
    ("find", "message"),
    [(answer_desk, "game"), (night_desk, "Quiz nights"), (review_desk, "review queue")],
)
def test_a_desk_not_installed_is_refused_with_a_message(find, message):
    with pytest.raises(SessionStateError, match=message):
        find(_interaction(SimpleNamespace(desks=Desks())))
    with pytest.raises(SessionStateError, match=message):
        find(_interaction(object()))


def test_an_installed_desk_is_found():
    desk = object()
    desks = Desks(answers=desk, nights=desk, review=desk)
    interaction = _interaction(SimpleNamespace(desks=desks))
    assert desks_of(interaction) is desks
    assert answer_desk(interaction) is night_desk(interaction) is review_desk(interaction) is desk
