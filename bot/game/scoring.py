"""Points for a judged answer: speed, hints taken and streaks."""

from __future__ import annotations

BASE_POINTS = 10
SLOWEST_SHARE = 0.5
HINT_COST = 2
STREAK_BONUS_PER_ANSWER = 1
STREAK_BONUS_CAP = 5
MIN_POINTS = 1


def award_points(
    accepted: bool,
    elapsed_seconds: float,
    time_limit_seconds: float,
    hints_used: int = 0,
    streak: int = 0,
) -> int:
    """Points for an answer: full for an instant one, falling linearly to half at the limit.

    Args:
        accepted: Whether the answer was right; wrong answers score nothing.
        elapsed_seconds: Time from the question to the answer (late answers get the floor).
        time_limit_seconds: The question's time limit.
        hints_used: Each hint taken before the answer costs ``HINT_COST`` points.
        streak: Correct answers the player gave in a row just before this one; each adds
            ``STREAK_BONUS_PER_ANSWER`` up to ``STREAK_BONUS_CAP``.

    Returns:
        The points, at least ``MIN_POINTS`` for a right answer.
    """
    if not accepted:
        return 0
    if time_limit_seconds <= 0:
        speed_points = BASE_POINTS
    else:
        lateness = min(max(elapsed_seconds / time_limit_seconds, 0.0), 1.0)
        speed_points = round(BASE_POINTS * (1.0 - (1.0 - SLOWEST_SHARE) * lateness))
    bonus = min(max(streak, 0) * STREAK_BONUS_PER_ANSWER, STREAK_BONUS_CAP)
    return max(speed_points - HINT_COST * max(hints_used, 0), MIN_POINTS) + bonus
