"""Who answered the question on screen: guesses, latest answers and the race's winner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.game import answered
from bot.game.answered import Answered
from bot.game.answering import Refusal
from bot.game.closing import Attempt
from bot.game.models import PlayerRef

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")


def _refusal(who: Answered, player: PlayerRef, *, race: bool = True, allowed: int = 2):
    return answered.refusal(
        who,
        player,
        race=race,
        answers_allowed=allowed,
        paused=False,
        asking=True,
        deadline=T0 + timedelta(seconds=30),
        now=T0,
    )


def test_an_answer_is_counted_before_it_is_judged_and_noted_after():
    counted = Answered().counted(ANNA)
    assert counted.answers_of(ANNA) == 1
    assert counted.latest == {}
    wrong, right = Attempt(ANNA, False, 1.0, 0), Attempt(ANNA, True, 2.0, 9)
    noted = counted.noted(wrong, won=False).counted(ANNA).noted(right, won=True)
    assert noted.answers_of(ANNA) == 2
    assert noted.latest == {ANNA: right}
    assert noted.winner == ANNA
    assert noted.players == (ANNA,)


def test_the_first_winning_answer_keeps_the_race():
    first, later = Attempt(BORIS, True, 1.0, 10), Attempt(ANNA, True, 2.0, 9)
    who = Answered().given(first, won=True).given(later, won=True)
    assert who.winner == BORIS
    assert who.players == (BORIS, ANNA)


def test_who_answered_read_from_answers_in_order_the_first_right_one_winning():
    attempts = [Attempt(ANNA, False, 1.0, 0), Attempt(BORIS, True, 2.0, 9)]
    attempts.append(Attempt(ANNA, True, 3.0, 8))
    who = answered.of(attempts)
    assert who.guesses == {ANNA: 2, BORIS: 1}
    assert who.latest == {ANNA: attempts[2], BORIS: attempts[1]}
    assert who.winner == BORIS


def test_the_answering_rule_reads_the_race_and_the_answers_given_from_it():
    who = Answered().given(Attempt(ANNA, False, 1.0, 0), won=False)
    assert _refusal(who, ANNA) is None
    assert _refusal(who, ANNA, allowed=1) is Refusal.GUESS_LIMIT
    won = who.given(Attempt(BORIS, True, 2.0, 9), won=True)
    assert _refusal(won, ANNA) is Refusal.ALREADY_WON
    assert _refusal(won, ANNA, race=False) is None
