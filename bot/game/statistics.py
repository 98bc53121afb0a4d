"""Pure summaries behind player and question statistics: medians, streaks, kept records."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def median_ms(values: Sequence[int]) -> int | None:
    """The median of answer times in milliseconds, rounded; None without values."""
    if not values:
        return None
    return round(statistics.median(values))


def best_streak(rounds_correct: Iterable[bool]) -> int:
    """The longest run of consecutive questions answered correctly."""
    best = current = 0
    for correct in rounds_correct:
        current = current + 1 if correct else 0
        best = max(best, current)
    return best


@dataclass(frozen=True, slots=True)
class RunningRecord:
    """A player's record in a guild kept answer by answer, as the leaderboard rows show it.

    Counted as :func:`best_streak` over the player's questions counts it: each question
    (round) once, with the player's last answer to it, a streak running over questions in
    the order they were asked (by round id). Enough is kept to take one more answer at the
    end: to a later question, or again to the last one (a changed answer replaces it).

    ``last_round`` is the last question counted (None before any); ``streak_before`` the
    run of right answers ending just before it; ``best_before`` the longest run among the
    questions before it.
    """

    answers: int = 0
    correct: int = 0
    last_round: int | None = None
    last_correct: bool = False
    streak_before: int = 0
    best_before: int = 0

    @property
    def streak(self) -> int:
        """The current run: right answers in a row ending with the last question."""
        return self.streak_before + 1 if self.last_correct else 0

    @property
    def best_streak(self) -> int:
        """The longest run of questions answered right in a row."""
        return max(self.best_before, self.streak)

    def answered(self, round_id: int, correct: bool) -> RunningRecord | None:
        """The record once this answer is the player's last to question ``round_id``.

        None when the question comes before the last one counted: the record cannot be
        moved on from its end, and must be counted again from every answer.
        """
        last = self.last_round
        if last is not None and round_id < last:
            return None
        if last is not None and round_id == last:  # the question's answer replaced
            change = int(correct) - int(self.last_correct)
            return RunningRecord(
                self.answers,
                self.correct + change,
                last,
                correct,
                self.streak_before,
                self.best_before,
            )
        return RunningRecord(
            self.answers + 1,
            self.correct + int(correct),
            round_id,
            correct,
            self.streak,
            self.best_streak,
        )


def running_record(answers: Iterable[tuple[int, bool]]) -> RunningRecord | None:
    """A record counted from answers (round id, right) in the order they were stored.

    The answers must come by round id, a round's answers in the order given (the last one
    counts). None without answers.
    """
    record = RunningRecord()
    for round_id, correct in answers:
        moved = record.answered(round_id, correct)
        if moved is None:
            raise ValueError(f"answers out of order: round {round_id} after {record.last_round}")
        record = moved
    return record if record.answers else None
