"""What a server's moderators keep about questions: reports, fixes, retirements, decisions.

Everything is per guild: one server's moderators never change the questions another server
plays. :class:`CurationRepository` is the storage protocol; ``tests/night/test_repository_contract``
runs its contract on every implementation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from bot.game.models import GuildId, PlayerRef, QuestionStats
from bot.moderation.calibration import recalibrate
from questions.models import TriviaItem

MAX_REASON = 300


@dataclass(frozen=True, slots=True)
class Report:
    """A member's report that a question is wrong or unclear."""

    guild_id: GuildId
    item_id: str
    reporter: PlayerRef
    reason: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class QuestionFix:
    """A guild's changes to one question.

    Attributes:
        guild_id: The guild.
        item_id: The question.
        answers: Accepted answers replacing the bank's, or None to keep the bank's.
        extra_forms: Wordings accepted on top (from accepted near misses).
        retired: Why the question is never asked again, or None while it is asked.
        difficulty: Difficulty recalibrated from play (1-5), or None while unknown.
        answers_seen: Answers given to it in the guild's nights.
        correct_seen: How many of those were right.
    """

    guild_id: GuildId
    item_id: str
    answers: tuple[str, ...] | None = None
    extra_forms: tuple[str, ...] = ()
    retired: str | None = None
    difficulty: int | None = None
    answers_seen: int = 0
    correct_seen: int = 0

    def accepted(self, bank_answers: Sequence[str]) -> tuple[str, ...]:
        """The answers to judge with: the replacement (or the bank's) and the extra forms."""
        base = self.answers if self.answers is not None else tuple(bank_answers)
        return (*base, *(form for form in self.extra_forms if form not in base))

    def with_form(self, form: str) -> QuestionFix:
        """The fix with one more accepted wording (repeats ignoring case are dropped)."""
        known = {f.casefold() for f in (*(self.answers or ()), *self.extra_forms)}
        if form.casefold() in known:
            return self
        return replace(self, extra_forms=(*self.extra_forms, form))

    def with_play(self, stats: QuestionStats, bank_difficulty: int) -> QuestionFix:
        """The fix after a night's answers: counts added and the difficulty recalibrated."""
        seen = replace(
            self,
            answers_seen=self.answers_seen + stats.answers,
            correct_seen=self.correct_seen + stats.correct,
        )
        total = QuestionStats(self.item_id, 0, seen.answers_seen, seen.correct_seen, None)
        current = self.difficulty or min(max(bank_difficulty, 1), 5)
        return replace(seen, difficulty=recalibrate(total, current))


def curated(
    items: Iterable[TriviaItem], fixes: Mapping[str, QuestionFix]
) -> tuple[TriviaItem, ...]:
    """The questions a guild plays: retired ones left out, fixed accepted answers in place.

    Ordinary games are given these items, so the engine judges with the guild's answers
    (replacements first, then the forms accepted from near misses).

    Args:
        items: The bank (or the part of it a game asked for).
        fixes: The guild's fixes by item id.
    """
    played = []
    for item in items:
        fix = fixes.get(item.id)
        if fix is None:
            played.append(item)
        elif fix.retired is None:
            played.append(replace(item, answers=fix.accepted(item.answers)))
    return tuple(played)


@dataclass(frozen=True, slots=True)
class FactDecision:
    """A moderator's decision on a claim waiting for approval."""

    guild_id: GuildId
    claim_id: str
    approved: bool
    by: PlayerRef
    why: str
    decided_at: datetime


class CurationRepository(Protocol):
    """Reports, question fixes and fact decisions, per guild."""

    async def add_report(self, report: Report) -> None:
        """Keep a report (a member reporting a question again adds another)."""
        ...

    async def open_reports(self, guild_id: GuildId) -> tuple[Report, ...]:
        """The guild's reports not settled yet, oldest first."""
        ...

    async def settle_reports(self, guild_id: GuildId, item_id: str, at: datetime) -> int:
        """Settle every open report on a question; returns how many were open."""
        ...

    async def explain_report(
        self, guild_id: GuildId, item_id: str, reporter: PlayerRef, reason: str
    ) -> bool:
        """Set the reason of the member's open report on a question; False if there is none."""
        ...

    async def fixes(self, guild_id: GuildId) -> Mapping[str, QuestionFix]:
        """The guild's question fixes by item id."""
        ...

    async def save_fix(self, fix: QuestionFix) -> None:
        """Store a question's fix, replacing the one stored."""
        ...

    async def decide_fact(self, decision: FactDecision) -> None:
        """Keep a decision on a claim, replacing an earlier one."""
        ...

    async def fact_decisions(self, guild_id: GuildId) -> Mapping[str, FactDecision]:
        """The guild's decisions by claim id."""
        ...
