"""The moderators' review service: reports in, one-click actions out.

It gathers a guild's queue (the near misses the play engine stored, of games and nights
alike, reported or statistically flagged questions, facts waiting for approval), runs the
pure actions of :mod:`bot.moderation.queue` and applies their effects: a near miss settled
through the game engine, or through its night when it has one so the night's standings
follow (each reached through a small port declared here), accepted answers and
retirements in the guild's question fixes, fact decisions in the curation store and, when
wired (``trivia run``), in the decisions file the next bank build reads (see
:mod:`bot.moderation.facts`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from typing import Protocol

from bot.game.models import (
    AnswerId,
    AwardOutcome,
    Clock,
    GuildId,
    NearMiss,
    PlayerRef,
    SessionFormat,
)
from bot.game.models import QuestionStats as Stats
from bot.moderation import queue as moderation
from bot.moderation.calibration import flag_questions
from bot.moderation.curation import (
    MAX_REASON,
    CurationRepository,
    FactDecision,
    QuestionFix,
    Report,
)
from bot.moderation.errors import ReviewError
from bot.moderation.queue import (
    AcceptNearMiss,
    AddAcceptedAnswer,
    DecideFact,
    Effect,
    Evidence,
    PendingFact,
    QuestionReport,
    RejectNearMiss,
    ReportedQuestion,
    RetireQuestion,
    ReviewOutcome,
    ReviewQueue,
    SetAcceptedAnswers,
)
from questions.errors import QuestionGenError
from questions.models import TriviaItem

log = logging.getLogger(__name__)

ALREADY_REPORTED = "You have reported this question already; the moderators will look at it."

NEAR_MISSES_SHOWN = 100
"""The newest near misses the queue holds (its pages show them all)."""


class ReviewAction(StrEnum):
    """What a moderator can do with an entry of the queue."""

    ACCEPT = "accept"
    REJECT = "reject"
    FIX = "fix"
    RETIRE = "retire"
    DISMISS = "dismiss"
    APPROVE = "approve"
    DENY = "deny"


class GameReview(Protocol):
    """The play engine's near misses (implemented by :class:`bot.game.service.GameService`)."""

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers of games and nights a host may still accept, newest first."""
        ...

    async def accept_near_miss(
        self, guild_id: GuildId, answer_id: AnswerId, by: PlayerRef
    ) -> AwardOutcome:
        """Accept a game's as moderator ``by``: its points are credited, its form accepted."""
        ...

    async def reject_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> None:
        """Reject a game's: it scores nothing and leaves the review."""
        ...

    def accept_form(self, guild_id: GuildId, item_id: str, form: str) -> None:
        """Judge a wording right in the guild's games from now on."""
        ...


class NightReview(Protocol):
    """Nights' part in settling their near misses (:class:`bot.night.service.NightService`)."""

    async def settle_near_miss(
        self, guild_id: GuildId, miss: NearMiss, accept: bool, by: PlayerRef
    ) -> object:
        """Settle a night's near miss as moderator ``by``: accepted (points count) or rejected."""
        ...


ItemLookup = Callable[[str], TriviaItem | None]
"""A question of the bank by id, or None when the bank no longer has it."""


class ReviewService:
    """Reports and the review queue of each guild."""

    def __init__(
        self,
        items: ItemLookup,
        nights: NightReview,
        curation: CurationRepository,
        game: GameReview,
        clock: Clock,
        facts: Callable[[GuildId], Sequence[PendingFact]] | None = None,
        record_fact: Callable[[FactDecision], Awaitable[None]] | None = None,
    ) -> None:
        self._items = items
        self._nights = nights
        self._record_fact = record_fact
        self._curation = curation
        self._game = game
        self._clock = clock
        self._facts = facts or (lambda _guild: ())

    async def report(
        self, guild_id: GuildId, item_id: str, reporter: PlayerRef, reason: str = ""
    ) -> None:
        """File a member's report on a question.

        Raises:
            ReviewError: The question is not in the bank, or the member has an open report
                on it already.
        """
        if self._items(item_id) is None:
            raise ReviewError("That question is no longer in the bank.")
        who = (reporter.platform, reporter.external_id)
        for earlier in await self._curation.open_reports(guild_id):
            if earlier.item_id == item_id and (
                (earlier.reporter.platform, earlier.reporter.external_id) == who
            ):
                # One voice per member: three clicks must not flag a question on their own.
                raise ReviewError(ALREADY_REPORTED)
        text = " ".join(reason.split())[:MAX_REASON] or "reported from the answer"
        await self._curation.add_report(Report(guild_id, item_id, reporter, text, self._clock()))
        log.info("question %s reported in guild %s", item_id, guild_id)

    async def explain(
        self, guild_id: GuildId, item_id: str, reporter: PlayerRef, reason: str
    ) -> None:
        """Add the member's reason to their open report on a question.

        Raises:
            ReviewError: The reason is blank, or the member has no open report on it (it
                may have been settled already).
        """
        text = " ".join(reason.split())[:MAX_REASON]
        if not text:
            raise ReviewError("Say what is wrong with the question.")
        if not await self._curation.explain_report(guild_id, item_id, reporter, text):
            raise ReviewError("That report is settled already; report the question again.")
        log.info("report on question %s explained in guild %s", item_id, guild_id)

    async def queue(self, guild_id: GuildId) -> ReviewQueue:
        """Everything in the guild waiting for a moderator, in review order.

        Near misses on a question the guild retired are left out: accepting one would
        add a wording to a question nobody is asked any more.
        """
        fixes = await self._curation.fixes(guild_id)
        retired = {item_id for item_id, fix in fixes.items() if fix.retired is not None}
        stored = await self._game.near_misses(guild_id, NEAR_MISSES_SHOWN)
        misses = [miss for miss in stored if miss.item_id not in retired]
        decided = await self._curation.fact_decisions(guild_id)
        facts = [fact for fact in self._facts(guild_id) if fact.claim_id not in decided]
        questions = await self._questions(guild_id)
        return moderation.build_queue(misses, questions, facts)

    async def _questions(self, guild_id: GuildId) -> list[ReportedQuestion]:
        reports = await self._curation.open_reports(guild_id)
        fixes = await self._curation.fixes(guild_id)
        counts = Counter(report.item_id for report in reports)
        stats = [
            Stats(fix.item_id, 0, fix.answers_seen, fix.correct_seen, None)
            for fix in fixes.values()
            if fix.retired is None
        ]
        flags = {flag.item_id: flag for flag in flag_questions(stats, counts)}
        questions = []
        for item_id in dict.fromkeys([*counts, *flags]):
            item = self._items(item_id)
            if item is None:
                continue
            fix = fixes.get(item_id) or QuestionFix(guild_id, item_id)
            quote = item.sources[0] if item.sources else None
            evidence = Evidence(quote.document, quote.quote) if quote else Evidence("", "")
            filed = tuple(
                QuestionReport(r.reporter, r.reason, r.created_at)
                for r in reports
                if r.item_id == item_id
            )
            reasons = (
                tuple(str(reason) for reason in flags[item_id].reasons) if item_id in flags else ()
            )
            questions.append(
                ReportedQuestion(
                    item_id, item.question, fix.accepted(item.answers), evidence, filed, reasons
                )
            )
        return questions

    async def act(
        self, guild_id: GuildId, key: str, action: ReviewAction, by: PlayerRef, text: str = ""
    ) -> ReviewOutcome:
        """Run one action on an entry and apply its effects.

        Args:
            guild_id: The moderator's guild.
            key: The entry's key.
            action: What to do.
            by: The moderator.
            text: Accepted answers (one per line) to fix, or the reason to retire, approve
                or reject.

        Raises:
            ReviewError: The entry is gone, or the action does not fit it or lacks a reason.
        """
        queue = await self.queue(guild_id)
        outcome = self._decide(queue, key, action, by, text)
        for effect in outcome.effects:
            await self._apply(guild_id, effect, by)
        if action in (ReviewAction.FIX, ReviewAction.RETIRE, ReviewAction.DISMISS):
            item_id = key.split(":", 1)[1]
            await self._curation.settle_reports(guild_id, item_id, self._clock())
            await self._restart_statistics(guild_id, item_id)
        log.info("review %s on %s in guild %s", action, key, guild_id)
        return outcome

    async def _restart_statistics(self, guild_id: GuildId, item_id: str) -> None:
        """A moderator has looked at the question: its statistics start afresh.

        Otherwise a question flagged by its statistics (too hard, too easy) would be flagged
        again at once, whatever the moderator decided. The difficulty calibrated so far is
        kept as the starting point for the answers to come.
        """
        fix = (await self._curation.fixes(guild_id)).get(item_id)
        if fix is not None and (fix.answers_seen or fix.correct_seen):
            await self._curation.save_fix(replace(fix, answers_seen=0, correct_seen=0))

    @staticmethod
    def _decide(
        queue: ReviewQueue, key: str, action: ReviewAction, by: PlayerRef, text: str
    ) -> ReviewOutcome:
        item = queue.find(key)
        if action is ReviewAction.ACCEPT:
            return moderation.accept_near_miss(queue, key)
        if action is ReviewAction.REJECT:
            return moderation.reject_near_miss(queue, key)
        if action is ReviewAction.DISMISS:
            return moderation.dismiss_reports(queue, key)
        if action in (ReviewAction.APPROVE, ReviewAction.DENY):
            return moderation.decide_fact(queue, key, action is ReviewAction.APPROVE, by, text)
        if not isinstance(item.subject, ReportedQuestion):
            raise ReviewError("That action does not fit this review item.")
        if action is ReviewAction.FIX:
            return moderation.fix_accepted_answers(queue, item.subject.item_id, text.splitlines())
        return moderation.retire_question(queue, item.subject.item_id, text, by)

    async def _apply(self, guild_id: GuildId, effect: Effect, by: PlayerRef) -> None:
        if isinstance(effect, AcceptNearMiss | RejectNearMiss):
            await self._settle(guild_id, effect.miss, isinstance(effect, AcceptNearMiss), by)
        elif isinstance(effect, DecideFact):
            decision = FactDecision(
                guild_id, effect.claim_id, effect.approved, effect.by, effect.why, self._clock()
            )
            await self._keep_fact(decision)
        else:
            await self._fix(guild_id, effect)

    async def _settle(self, guild_id: GuildId, miss: NearMiss, accept: bool, by: PlayerRef) -> None:
        """A night's near miss is settled by its night (standings, joker); a game's here.

        Either's stored answer, once accepted, names the moderator ``by``.
        """
        if miss.format is SessionFormat.NIGHT:
            await self._nights.settle_near_miss(guild_id, miss, accept, by)
            if accept:  # the night's ledger stored the form; the running games learn it now
                self._game.accept_form(guild_id, miss.item_id, miss.text.strip())
        elif accept:
            await self._game.accept_near_miss(guild_id, miss.answer_id, by)
        else:
            await self._game.reject_near_miss(guild_id, miss.answer_id)

    async def _keep_fact(self, decision: FactDecision) -> None:
        """Record the decision for the bank's next build (if wired), then for the guild."""
        if self._record_fact is not None:
            try:
                await self._record_fact(decision)
            except (OSError, QuestionGenError) as exc:
                log.warning("claim %s: decision not saved: %s", decision.claim_id, exc)
                raise ReviewError("The decision could not be saved; try again later.") from exc
        await self._curation.decide_fact(decision)

    async def _fix(
        self, guild_id: GuildId, effect: AddAcceptedAnswer | SetAcceptedAnswers | RetireQuestion
    ) -> None:
        fixes = await self._curation.fixes(guild_id)
        fix = fixes.get(effect.item_id) or QuestionFix(guild_id, effect.item_id)
        if isinstance(effect, AddAcceptedAnswer):
            fix = fix.with_form(effect.form)
        elif isinstance(effect, SetAcceptedAnswers):
            fix = replace(fix, answers=effect.answers, extra_forms=())
        else:
            fix = replace(fix, retired=effect.reason)
        await self._curation.save_fix(fix)
