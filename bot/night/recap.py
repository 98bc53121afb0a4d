"""The recap of a night: round results, hardest and easiest question, fastest answer, climb.

A question's share correct counts the answers given to it; skipped questions and questions
nobody answered are left out of hardest and easiest (there is nothing to compare). Ties for
hardest, easiest, fastest or biggest climb go to the earliest in the night.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from bot.game import tiebreak
from bot.game.models import Cursor, PlayerRef
from bot.night.models import ContestantId, NightState
from bot.night.standings import ContestantStanding, final_standings, player_standings, standings


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """How one question went."""

    cursor: Cursor
    item_id: str
    category: str
    answers: int
    correct: int

    @property
    def share_correct(self) -> float:
        """Share of the answers given that were right (0 without answers)."""
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class RoundResult:
    """A round: its questions, who scored best in it and the standings after it."""

    round: int
    category: str
    questions: tuple[QuestionResult, ...]
    best: tuple[str, ...]
    best_score: Fraction
    standings: tuple[ContestantStanding, ...]


@dataclass(frozen=True, slots=True)
class FastestAnswer:
    """The quickest right answer of the night."""

    player: PlayerRef
    cursor: Cursor
    item_id: str
    elapsed_ms: int


@dataclass(frozen=True, slots=True)
class Climb:
    """A contestant's rise in rank from one round's standings to the next."""

    contestant: ContestantId
    name: str
    after_round: int
    from_rank: int
    to_rank: int

    @property
    def places(self) -> int:
        """How many places the contestant gained."""
        return self.from_rank - self.to_rank


@dataclass(frozen=True, slots=True)
class TieBreakResult:
    """The tie-breaker as played: the right number and each tied side's number (or None)."""

    question: str
    answer: float
    guesses: tuple[tuple[str, float | None], ...]


@dataclass(frozen=True, slots=True)
class Recap:
    """Everything worth telling about a night once it is over."""

    title: str
    team_play: bool
    standings: tuple[ContestantStanding, ...]
    players: tuple[ContestantStanding, ...]
    rounds: tuple[RoundResult, ...]
    hardest: QuestionResult | None
    easiest: QuestionResult | None
    fastest: FastestAnswer | None
    biggest_climb: Climb | None
    tie_break: TieBreakResult | None = None


def build_recap(state: NightState) -> Recap:
    """Summarise the night as it stands (usually once it is finished)."""
    rounds = tuple(_round_result(state, index) for index in range(state.rounds_done))
    questions = [q for result in rounds for q in result.questions if q.answers]
    return Recap(
        title=state.night.title,
        team_play=state.night.team_play,
        standings=final_standings(state),
        players=player_standings(state),
        rounds=rounds,
        hardest=min(questions, key=lambda q: q.share_correct, default=None),
        easiest=max(questions, key=lambda q: q.share_correct, default=None),
        fastest=_fastest(state),
        biggest_climb=_biggest_climb(state),
        tie_break=tie_break_result(state),
    )


def tie_break_result(state: NightState) -> TieBreakResult | None:
    """The tie-breaker's right number and the tied sides' numbers; None if it was not played.

    A side's first number counts; a side that gave none has None.
    """
    if not state.contenders:
        return None
    names = {s.contestant: s.name for s in standings(state)}
    given = tiebreak.first_guesses(guess.guess for guess in state.guesses)
    guesses = tuple(
        (names.get(c, c), given[c].value if c in given else None) for c in state.contenders
    )
    tie_breaker = state.night.tie_breaker
    return TieBreakResult(tie_breaker.question, tie_breaker.answer, guesses)


def _round_result(state: NightState, index: int) -> RoundResult:
    category = state.night.rounds[index].category
    questions = []
    for number, item_id in enumerate(state.questions[index]):
        cursor = Cursor(index, number)
        if cursor in state.skipped:
            continue
        given = [a for a in state.answers if a.cursor == cursor]
        correct = sum(1 for a in given if a.correct)
        questions.append(QuestionResult(cursor, item_id, category, len(given), correct))
    before = {s.contestant: s.score for s in standings(state, through_round=index)}
    after = standings(state, through_round=index + 1)
    gains = {s.name: s.score - before.get(s.contestant, Fraction(0)) for s in after}
    best_score = max(gains.values(), default=Fraction(0))
    best = tuple(name for name, gain in gains.items() if gain == best_score and gain > 0)
    return RoundResult(index, category, tuple(questions), best, best_score, after)


def _fastest(state: NightState) -> FastestAnswer | None:
    right = [a for a in state.answers if a.correct]
    if not right:
        return None
    best = min(right, key=lambda a: a.elapsed_ms)
    return FastestAnswer(best.player, best.cursor, best.item_id, best.elapsed_ms)


def _biggest_climb(state: NightState) -> Climb | None:
    best: Climb | None = None
    for done in range(1, state.rounds_done):
        before = {s.contestant: s.rank for s in standings(state, through_round=done)}
        for standing in standings(state, through_round=done + 1):
            climb = Climb(
                standing.contestant, standing.name, done, before[standing.contestant], standing.rank
            )
            if climb.places > 0 and (best is None or climb.places > best.places):
                best = climb
    return best
