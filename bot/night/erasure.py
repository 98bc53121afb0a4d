"""A member forgotten in quiz nights: their part taken out of a night's state and results.

Their sign-up, answers (texts, points), tie-breaker guesses and solo joker go, so the
standings, the podium a recap would show and the season table read as if they had not
played; team-mates keep their own answers. Where the night needs someone in a role (its
host, the host in control, the member who accepted an answer by hand) the member becomes
an anonymous reference: platform :data:`DELETED_PLATFORM`, a number unique within the
night, name :data:`~bot.game.privacy.DELETED_NAME`.
"""

from __future__ import annotations

from dataclasses import replace

from bot.game.models import PlayerRef
from bot.game.privacy import DELETED_NAME
from bot.night.models import NightAnswer, NightState, NightStatus, player_key, with_answers
from bot.night.season import NightResult, night_result

DELETED_PLATFORM = "deleted"


def names_member(state: NightState, player: PlayerRef) -> bool:
    """Whether the night refers to the member anywhere."""
    refs = (
        state.night.host,
        state.controller,
        *state.cohosts,
        *(p.player for p in state.participants),
        *(a.player for a in state.answers),
        *(a.accepted_by for a in state.answers if a.accepted_by is not None),
        *(g.player for g in state.guesses),
    )
    return player in refs


def forget_in_night(state: NightState, player: PlayerRef) -> NightState:
    """The night with the member's part removed (see the module)."""
    if not names_member(state, player):
        return state
    taken = {
        ref.external_id
        for ref in (state.night.host, state.controller, *state.cohosts)
        if ref.platform == DELETED_PLATFORM
    } | {
        a.accepted_by.external_id
        for a in state.answers
        if a.accepted_by is not None and a.accepted_by.platform == DELETED_PLATFORM
    }
    number = 1
    while str(number) in taken:
        number += 1
    stand_in = PlayerRef(DELETED_PLATFORM, str(number), DELETED_NAME)

    def kept(ref: PlayerRef) -> PlayerRef:
        return stand_in if ref == player else ref

    def answer(kept_answer: NightAnswer) -> NightAnswer:
        by = kept_answer.accepted_by
        return kept_answer if by is None else replace(kept_answer, accepted_by=kept(by))

    solo = player_key(player)
    kept_answers = tuple(answer(a) for a in state.answers if a.player != player)
    return replace(
        with_answers(state, kept_answers),
        night=replace(state.night, host=kept(state.night.host)),
        controller=kept(state.controller),
        cohosts=tuple(c for c in state.cohosts if c != player),
        participants=tuple(p for p in state.participants if p.player != player),
        jokers=tuple(j for j in state.jokers if j.contestant != solo),
        contenders=tuple(c for c in state.contenders if c != solo),
        guesses=tuple(g for g in state.guesses if g.player != player),
    )


def forget_in_result(
    result: NightResult, player: PlayerRef, state: NightState | None = None
) -> NightResult:
    """The result without the member.

    Recomputed from the night's forgotten ``state`` when that is finished, else with the
    member's line removed (the others keep their ranks).
    """
    if state is not None and state.status is NightStatus.FINISHED:
        return night_result(state)
    return replace(result, players=tuple(p for p in result.players if p.player != player))
