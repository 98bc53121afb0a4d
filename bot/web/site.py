"""What the web pages show, read through the same services and ports the bot uses.

:class:`GuildSite` gathers one page's values (leaderboards, a player's record, the season,
a night's recap, the question bank, the fact report, the host's view) and changes nothing.
Whether a guild's pages may be shown at all is the guild's ``web_pages`` setting
(:meth:`GuildSite.is_public`); the routes in :mod:`bot.web.app` ask before every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.game.models import (
    BoardRecord,
    Clock,
    GuildId,
    Period,
    PlayerId,
    PlayerStats,
    QuestionStats,
    Season,
    Standing,
)
from bot.game.ports import ReviewRepository
from bot.game.records import RecordsService
from bot.moderation.curation import CurationRepository
from bot.night.ledger import NightLedger
from bot.night.models import NightId, NightState, NightStatus
from bot.night.recap import Recap, build_recap
from bot.night.repository import NightRepository
from bot.night.season import SeasonRow, season_table
from questions.models import Assessment, SourceRef, TriviaItem, Verdict
from questions.pipeline import PipelineResult

BOARD_ROWS = 25
RECENT_NIGHTS = 50
REVIEW_LIMIT = 100
"""Near misses counted for the host's view; more show as "100+"."""
PERIODS = (Period.WEEK, Period.MONTH, Period.SEASON, Period.ALL_TIME)
RECORDS_FOR = timedelta(minutes=1)
"""How long a leaderboard row's accuracy and streak are reused before being read again."""


@dataclass(frozen=True, slots=True)
class BoardRow:
    """A leaderboard's row with the player's record in the guild (None: no answers there)."""

    standing: Standing
    record: BoardRecord | None


class BoardRecords:
    """The records leaderboard rows show, read once a minute per guild and kept meanwhile.

    A record is one row per player, kept on write as the points are (``board_records``),
    so reading it again costs one short query; keeping it spares that query on the
    requests of the minute. Points and ranks are read on every request; accuracy and
    streaks may lag by ``keep``.
    """

    def __init__(self, clock: Clock, keep: timedelta = RECORDS_FOR) -> None:
        """Keep what was read for ``keep``, by ``clock``."""
        self._clock = clock
        self._keep = keep
        self._read: dict[GuildId, tuple[datetime, dict[PlayerId, BoardRecord | None]]] = {}

    async def of(
        self, records: RecordsService, guild_id: GuildId, player_ids: Sequence[PlayerId]
    ) -> dict[PlayerId, BoardRecord | None]:
        """The records of these players, reading those not kept (or all, once stale)."""
        now = self._clock()
        read_at, kept = self._read.get(guild_id, (now, {}))
        if now - read_at >= self._keep:
            read_at, kept = now, {}
        missing = [p for p in player_ids if p not in kept]
        if missing:
            found = await records.board_records(guild_id, missing)
            kept = {**kept, **{p: found.get(p) for p in missing}}
        self._read[guild_id] = (read_at, kept)
        return {p: kept[p] for p in player_ids}

    def clear(self) -> None:
        """Forget every record kept."""
        self._read.clear()


@dataclass(frozen=True, slots=True)
class FactReport:
    """The pipeline's claims with their verdicts, as ``trivia facts`` reports them."""

    assessments: tuple[Assessment, ...]
    result: PipelineResult


@dataclass(frozen=True, slots=True)
class Board:
    """One leaderboard page: the period, the season it counts (if any) and its rows."""

    period: Period
    season: Season | None
    rows: tuple[BoardRow, ...]


@dataclass(frozen=True, slots=True)
class PlayerPage:
    """A player's record in a guild and their rank in each period (None: no points)."""

    record: PlayerStats
    ranks: tuple[tuple[Period, int | None, int], ...]


@dataclass(frozen=True, slots=True)
class SeasonPage:
    """The season table across the guild's nights since the season began, and its nights."""

    season: Season | None
    table: tuple[SeasonRow, ...]
    nights: tuple[NightState, ...]


@dataclass(frozen=True, slots=True)
class NightPage:
    """A night of the guild and its recap."""

    state: NightState
    recap: Recap


@dataclass(frozen=True, slots=True)
class BankEntry:
    """A question of the bank with the sources that verified its evidence."""

    item: TriviaItem
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class HostPage:
    """What a host sees: the review queue's counts and how each question fared."""

    near_misses: int
    near_misses_capped: bool
    reports: Mapping[str, int]
    questions: tuple[tuple[TriviaItem | None, str, QuestionStats], ...]


class GuildSite:
    """Reads for the web pages of one deployment (every guild that switched them on)."""

    def __init__(
        self,
        *,
        records: RecordsService,
        nights: NightRepository,
        ledger: NightLedger,
        curation: CurationRepository,
        review: ReviewRepository,
        items: Sequence[TriviaItem],
        facts: FactReport | None = None,
        board_records: BoardRecords,
    ) -> None:
        """Read through the ports given; ``facts`` is the report built at start (or None).

        ``board_records`` keeps the leaderboards' accuracy and streaks between reads.
        """
        self._board_records = board_records
        self._records = records
        self._nights = nights
        self._ledger = ledger
        self._curation = curation
        self._review = review
        self._items = {item.id: item for item in items}
        self.facts = facts
        self._verified_by = _verifying_sources(facts.assessments if facts else ())

    async def is_public(self, guild_id: GuildId) -> bool:
        """Whether the guild's admins switched its pages on (``/trivia settings web:on``)."""
        return (await self._records.settings(guild_id)).web_pages

    async def check(self) -> None:
        """Read from the database once (the health check).

        Raises:
            StorageUnavailableError: the database cannot be reached.
        """
        await self._records.current_season()

    async def board(self, guild_id: GuildId, period: Period) -> Board:
        """The guild's leaderboard for the current period, with each player's record."""
        season = await self._records.current_season()
        standings = await self._records.leaderboard(guild_id, period, BOARD_ROWS)
        found = await self._board_records.of(
            self._records, guild_id, [s.player_id for s in standings]
        )
        return Board(period, season, tuple(BoardRow(s, found[s.player_id]) for s in standings))

    async def player(self, guild_id: GuildId, player_id: PlayerId) -> PlayerPage | None:
        """A player's page; None unless they answered in the guild."""
        record = await self._records.player_record(player_id, guild_id)
        if record is None:
            return None
        ranks = []
        for period in PERIODS:
            found = await self._records.player_rank(guild_id, player_id, period)
            rank = None if found is None else found.standing.rank
            ranks.append((period, rank, 0 if found is None else found.standing.points))
        return PlayerPage(record, tuple(ranks))

    async def season(self, guild_id: GuildId) -> SeasonPage:
        """The season table (every night when no season was started) and the latest nights."""
        season = await self._records.current_season()
        since = None if season is None else season.started_at
        table = season_table(await self._nights.placings(guild_id, since))
        nights = await self._nights.recent(guild_id, RECENT_NIGHTS)
        return SeasonPage(season, table, nights)

    async def night(self, guild_id: GuildId, night_id: NightId) -> NightPage | None:
        """A night of the guild with its recap, its answers read from its session."""
        stored = await self._nights.get(night_id)
        if stored is None or stored.night.guild_id != guild_id:
            return None
        if stored.status in (NightStatus.SCHEDULED, NightStatus.SIGNING_UP):
            return NightPage(stored, build_recap(stored))
        state = await self._ledger.answered(stored)
        return NightPage(state, build_recap(state))

    def item(self, item_id: str) -> TriviaItem | None:
        """One question of the bank."""
        return self._items.get(item_id)

    def categories(self) -> tuple[str, ...]:
        """The bank's categories, sorted."""
        return tuple(sorted({item.category for item in self._items.values()}))

    def bank(self, category: str | None = None) -> tuple[BankEntry, ...]:
        """The bank's questions (of one category when given), by category and question."""
        chosen = [i for i in self._items.values() if category is None or i.category == category]
        chosen.sort(key=lambda i: (i.category, i.question.casefold(), i.id))
        return tuple(BankEntry(item, self.sources_of(item)) for item in chosen)

    def sources_of(self, item: TriviaItem) -> tuple[SourceRef, ...]:
        """The reference sources that verified the quotes an item rests on."""
        found = {
            source.url: source
            for quote in item.sources
            for source in self._verified_by.get((quote.document, quote.quote), ())
        }
        return tuple(found.values())

    async def host(self, guild_id: GuildId) -> HostPage:
        """The review queue's counts and the guild's per-question statistics."""
        misses = await self._review.near_misses(guild_id, REVIEW_LIMIT)
        reports: dict[str, int] = {}
        for report in await self._curation.open_reports(guild_id):
            reports[report.item_id] = reports.get(report.item_id, 0) + 1
        stats = await self._records.guild_question_stats(guild_id)
        questions = sorted(
            ((self._items.get(i), i, s) for i, s in stats.items()),
            key=lambda entry: (entry[2].share_correct, -entry[2].answers, entry[1]),
        )
        return HostPage(len(misses), len(misses) >= REVIEW_LIMIT, reports, tuple(questions))


def _verifying_sources(
    assessments: Sequence[Assessment],
) -> dict[tuple[str, str], tuple[SourceRef, ...]]:
    """The sources of verified claims, by the evidence (document, quote) they rest on."""
    found: dict[tuple[str, str], list[SourceRef]] = {}
    for assessment in assessments:
        if assessment.verdict is Verdict.VERIFIED and assessment.source is not None:
            evidence = assessment.claim.evidence
            found.setdefault((evidence.document, evidence.quote), []).append(assessment.source)
    return {key: tuple(sources) for key, sources in found.items()}


def when(at: datetime | None) -> str:
    """A time as the pages show it (UTC, to the minute)."""
    return "—" if at is None else at.strftime("%Y-%m-%d %H:%M UTC")
