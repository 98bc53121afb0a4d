"""In-memory night and curation repositories for tests and dry runs.

It keeps each night as serialised snapshot text, like a database would, so a state that
cannot make the round trip fails here too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from bot.game.models import GuildId, PlayerRef
from bot.night.curation import CurationRepository, FactDecision, QuestionFix, Report
from bot.night.models import NightId, NightState, NightStatus
from bot.night.repository import NightRepository
from bot.night.season import NightResult
from bot.night.snapshot import from_dict, to_dict


class InMemoryNightRepository:
    """Nights and results in dictionaries."""

    def __init__(self) -> None:
        self._snapshots: dict[NightId, str] = {}
        self._results: dict[NightId, NightResult] = {}
        self._last_id = 0
        self._reminded: set[NightId] = set()

    async def next_id(self) -> NightId:
        """A night id never handed out before."""
        self._last_id += 1
        return NightId(self._last_id)

    async def save(self, state: NightState) -> None:
        """Store the night's state, replacing what was stored for its id."""
        self._snapshots[state.night.id] = json.dumps(to_dict(state))

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None if there is none."""
        text = self._snapshots.get(night_id)
        return None if text is None else from_dict(json.loads(text))

    async def unfinished(self) -> tuple[NightState, ...]:
        """Every night not finished yet, by id."""
        states = (from_dict(json.loads(self._snapshots[key])) for key in sorted(self._snapshots))
        return tuple(s for s in states if s.status is not NightStatus.FINISHED)

    async def recent(self, guild_id: GuildId, limit: int = 20) -> tuple[NightState, ...]:
        """The guild's nights, finished or not, newest id first."""
        states = (from_dict(json.loads(self._snapshots[key])) for key in sorted(self._snapshots))
        mine = [s for s in states if s.night.guild_id == guild_id]
        return tuple(reversed(mine))[:limit]

    async def claim_reminder(self, night_id: NightId) -> bool:
        """Mark the night's reminder as sent: True the first time only."""
        if night_id in self._reminded:
            return False
        self._reminded.add(night_id)
        return True

    async def add_result(self, result: NightResult) -> None:
        """Keep a finished night's result; storing it again replaces it."""
        self._results[result.night_id] = result

    async def results(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since`` (None: all), oldest first."""
        chosen = (
            r
            for r in self._results.values()
            if r.guild_id == guild_id and (since is None or r.finished_at >= since)
        )
        return tuple(sorted(chosen, key=lambda r: (r.finished_at, r.night_id)))


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


def as_night_repository(repository: InMemoryNightRepository) -> NightRepository:
    """The fake typed as the protocol, so signature drift fails mypy."""
    return repository


def as_curation_repository(repository: InMemoryCurationRepository) -> CurationRepository:
    """The fake typed as the protocol, so signature drift fails mypy."""
    return repository
