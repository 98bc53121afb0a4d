"""Points for a judged answer."""

from __future__ import annotations

BASE_POINTS = 10
SLOWEST_SHARE = 0.5


def award_points(accepted: bool, elapsed_seconds: float, time_limit_seconds: float) -> int:
    """Points for an answer: full for an instant one, falling linearly to half at the limit.

    Wrong answers score nothing; answers after the limit still get the floor (half).
    """
    if not accepted:
        return 0
    if time_limit_seconds <= 0:
        return BASE_POINTS
    lateness = min(max(elapsed_seconds / time_limit_seconds, 0.0), 1.0)
    return round(BASE_POINTS * (1.0 - (1.0 - SLOWEST_SHARE) * lateness))
