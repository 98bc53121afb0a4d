"""In-memory curation repository for tests and dry runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from bot.game.models import GuildId, PlayerRef
from bot.moderation.curation import CurationRepository, FactDecision, QuestionFix, Report


class InMemoryCurationRepository:
    """Reports, question fixes and fact decisions in lists and dictionaries."""

    def __init__(self) -> None:
        self._reports: list[tuple[Report, datetime | None]] = []
        self._fixes: dict[tuple[GuildId, str], QuestionFix] = {}
        self._decisions: dict[tuple[GuildId, str], FactDecision] = {}

    async def add_report(self, report: Report) -> None:
        """Keep a report."""
        self._reports.append((report, None))

    async def open_reports(self, guild_id: GuildId) -> tuple[Report, ...]:
        """The guild's reports not settled yet, oldest first."""
        open_ = (r for r, settled in self._reports if settled is None and r.guild_id == guild_id)
        return tuple(sorted(open_, key=lambda r: r.created_at))

    async def settle_reports(self, guild_id: GuildId, item_id: str, at: datetime) -> int:
        """Settle every open report on a question; returns how many were open."""
        count = 0
        for index, (report, settled) in enumerate(self._reports):
            if settled is None and (report.guild_id, report.item_id) == (guild_id, item_id):
                self._reports[index] = (report, at)
                count += 1
        return count

    async def explain_report(
        self, guild_id: GuildId, item_id: str, reporter: PlayerRef, reason: str
    ) -> bool:
        """Set the reason of the member's open report on a question; False if there is none."""
        who = (reporter.platform, reporter.external_id)
        for index, (report, settled) in enumerate(self._reports):
            mine = (report.reporter.platform, report.reporter.external_id) == who
            if (
                settled is None
                and mine
                and (report.guild_id, report.item_id) == (guild_id, item_id)
            ):
                self._reports[index] = (replace(report, reason=reason), None)
                return True
        return False

    async def fixes(self, guild_id: GuildId) -> Mapping[str, QuestionFix]:
        """The guild's question fixes by item id."""
        return {item: fix for (guild, item), fix in self._fixes.items() if guild == guild_id}

    async def save_fix(self, fix: QuestionFix) -> None:
        """Store a question's fix."""
        self._fixes[(fix.guild_id, fix.item_id)] = fix

    async def decide_fact(self, decision: FactDecision) -> None:
        """Keep a decision on a claim."""
        self._decisions[(decision.guild_id, decision.claim_id)] = decision

    async def fact_decisions(self, guild_id: GuildId) -> Mapping[str, FactDecision]:
        """The guild's decisions by claim id."""
        return {c: d for (guild, c), d in self._decisions.items() if guild == guild_id}


def as_curation_repository(repository: InMemoryCurationRepository) -> CurationRepository:
    """The fake typed as the protocol, so signature drift fails mypy."""
    return repository
