"""Reading a host's plan as typed: rounds like ``films x5, plot x5`` and start times.

Both parsers refuse what they cannot read with a message that shows the expected form, so
a host fixes the command instead of guessing. :class:`NightPlan` is what the host asked
for, checked and turned into a :class:`~bot.night.models.QuizNight` by the night service.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.game.models import ChannelId, GuildId, Mode, PlayerRef
from bot.night.errors import NightPlanError
from bot.night.models import NightId, QuizNight, RoundPlan, TieBreaker
from bot.night.rules import MAX_QUESTIONS_PER_ROUND, MAX_ROUNDS
from questions.catalogue import Catalogue
from questions.models import Relation

ROUND_PATTERN = re.compile(r"(?P<category>\S.*?)\s*[x×*]\s*(?P<count>\d{1,3})", re.IGNORECASE)
RELATIVE_PATTERN = re.compile(
    r"in\s+(?:(?P<hours>\d{1,3})\s*h)?\s*(?:(?P<minutes>\d{1,4})\s*m(?:in)?)?", re.IGNORECASE
)
ABSOLUTE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")
MAX_AHEAD = timedelta(days=365)
ECHO_LIMIT = 40
ROUNDS_EXAMPLE = "films x5, plot x5, years x3"
TIE_BREAK_FILM = "mechte-navstrechu"
START_EXAMPLE = "`in 30m`, `in 2h`, `2026-03-14 19:00` (UTC) or `2026-03-14T19:00+03:00`"


def parse_rounds(text: str, categories: Collection[str]) -> tuple[RoundPlan, ...]:
    """Read rounds written as ``category xN``, separated by commas, semicolons or lines.

    Args:
        text: What the host typed.
        categories: The bank's categories; matched ignoring case and spacing.

    Raises:
        NightPlanError: A part does not read as ``category xN``, names an unknown
            category, has a count out of range, or there are too many rounds.
    """
    known = {" ".join(c.casefold().split()): c for c in categories}
    parts = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    if not parts:
        raise NightPlanError(f"List the rounds, like `{ROUNDS_EXAMPLE}`.")
    if len(parts) > MAX_ROUNDS:
        raise NightPlanError(f"A quiz night has 1 to {MAX_ROUNDS} rounds.")
    plans: list[RoundPlan] = []
    for number, part in enumerate(parts, start=1):
        match = ROUND_PATTERN.fullmatch(part)
        if match is None:
            raise NightPlanError(
                f"Round {number} (`{_shown(part)}`) should read like `films x5`: a category, "
                f"x and a number of questions (e.g. `{ROUNDS_EXAMPLE}`)."
            )
        category = known.get(" ".join(match["category"].casefold().split()))
        if category is None:
            choices = ", ".join(sorted(categories)) or "none"
            raise NightPlanError(
                f"Round {number}: there is no category `{_shown(match['category'])}`. "
                f"Categories: {choices}."
            )
        count = int(match["count"])
        if not 1 <= count <= MAX_QUESTIONS_PER_ROUND:
            raise NightPlanError(
                f"Round {number} has 1 to {MAX_QUESTIONS_PER_ROUND} questions, not {count}."
            )
        plans.append(RoundPlan(category, count))
    return tuple(plans)


def parse_start(text: str, now: datetime) -> datetime:
    """Read a start time: relative (``in 30m``, ``in 1h 30m``) or a date and time.

    A date and time without a zone is UTC.

    Raises:
        NightPlanError: The text is no time this reads, or the time is past or over a
            year ahead.
    """
    cleaned = " ".join(text.split())
    relative = RELATIVE_PATTERN.fullmatch(cleaned)
    if relative is not None and (relative["hours"] or relative["minutes"]):
        ahead = timedelta(hours=int(relative["hours"] or 0), minutes=int(relative["minutes"] or 0))
        start = now + ahead
    else:
        start = _absolute(cleaned)
    if start < now:
        raise NightPlanError("That start time has already passed.")
    if start - now > MAX_AHEAD:
        raise NightPlanError("Plan quiz nights at most a year ahead.")
    return start


def _absolute(text: str) -> datetime:
    for form in ABSOLUTE_FORMATS:
        try:
            return datetime.strptime(text, form).replace(tzinfo=UTC)
        except ValueError:
            continue
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise NightPlanError(f"Give the start time as {START_EXAMPLE}.") from exc
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def default_tie_breaker(catalogue: Catalogue, film: str = TIE_BREAK_FILM) -> TieBreaker:
    """The tie-breaker used when the host names none: a film's release year.

    The year comes from the reference catalogue, so the answer is a cited fact.

    Raises:
        NightPlanError: The catalogue has no such film or no single release year for it.
    """
    entity = catalogue.entity(film)
    years = catalogue.facts_about(film, Relation.RELEASE_YEAR)
    if entity is None or len(years) != 1 or not isinstance(years[0].value, int):
        raise NightPlanError("Name a tie-breaker question and its numeric answer.")
    # Plain text: embeds escape the question (a host may type anything), so markup would
    # show as literal asterisks.
    return TieBreaker(f"In which year was “{entity.name}” released?", float(years[0].value))


@dataclass(frozen=True, slots=True)
class NightPlan:
    """What a host asks for when creating a night (see :class:`~bot.night.models.QuizNight`)."""

    guild_id: GuildId
    channel_id: ChannelId
    title: str
    starts_at: datetime
    rounds: tuple[RoundPlan, ...]
    mode: Mode
    team_play: bool
    host: PlayerRef
    tie_breaker: TieBreaker
    joker_enabled: bool = False
    tie_break_enabled: bool = True
    time_limit_seconds: float = 30.0
    event_id: int | None = None
    hints: bool = False
    streaks: bool = False
    reading_time: bool = False

    def night(self, night_id: NightId) -> QuizNight:
        """The night this plan asks for, under ``night_id``."""
        return QuizNight(
            id=night_id,
            guild_id=self.guild_id,
            channel_id=self.channel_id,
            title=self.title.strip(),
            starts_at=self.starts_at,
            rounds=self.rounds,
            mode=self.mode,
            team_play=self.team_play,
            host=self.host,
            tie_breaker=self.tie_breaker,
            joker_enabled=self.joker_enabled,
            time_limit_seconds=self.time_limit_seconds,
            tie_break_enabled=self.tie_break_enabled,
            event_id=self.event_id,
            hints=self.hints,
            streaks=self.streaks,
            reading_time=self.reading_time,
        )


def _shown(text: str) -> str:
    """A piece of the host's text, short enough to quote back in an error."""
    flat = " ".join(text.split()).replace("`", "'")
    return flat if len(flat) <= ECHO_LIMIT else flat[: ECHO_LIMIT - 1] + "…"
