"""What /trivia privacy shows: near misses a moderator accepted are counted when there are any."""

from __future__ import annotations

from bot.game.privacy import MemberData
from bot.views.privacy import forgotten_embed, member_data_embed

PLAYER = MemberData("Anna", 3, 2, 20, 1, 1, 2, 0, 0, 0)
MODERATOR = MemberData(None, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)


def test_a_moderator_who_only_accepted_near_misses_sees_them_and_may_delete_them():
    assert not MODERATOR.is_empty
    shown = member_data_embed(MODERATOR).description or ""
    assert shown.endswith("Near misses of games you accepted: **2**")
    removed = forgotten_embed(MODERATOR).description or ""
    assert "0 quiz nights (and 2 near misses of games you accepted)." in removed


def test_a_player_who_accepted_none_sees_what_they_saw_before():
    assert "Near misses" not in (member_data_embed(PLAYER).description or "")
    assert "near misses" not in (forgotten_embed(PLAYER).description or "")
    assert (forgotten_embed(PLAYER).description or "").endswith(
        "and 0 quiz nights. Playing again starts afresh."
    )
