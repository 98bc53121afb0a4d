"""Facts waiting for approval: from the pipeline to the review queue, and decisions back.

Design: ``trivia run`` runs the pipeline on the seeds with the stored moderator decisions
(``questions.decisions``); every claim it leaves UNVERIFIED becomes a :class:`PendingFact`
in the review queue of the fact-reviewing guilds. A decision on a fact changes the bank
every server plays, so only the servers the operator names (``TRIVIA_FACT_REVIEW_GUILDS``)
are offered them; with none named, facts are decided with ``trivia facts approve|reject``.
A moderator's approval or rejection is kept in the guild's curation store (so that
guild's queue forgets the claim) and is also appended to the decisions file, with the
quote it was made on. That file is the one ``trivia build`` and ``trivia facts`` read, so
the decision survives rebuilds: the next build verifies an approved claim (and makes
questions of it) or contradicts a rejected one. Once decided, the claim leaves every
guild's queue for the rest of the run. The file is written under a lock and off the event
loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from bot.game.models import PlayerRef
from bot.game.privacy import DELETED_NAME, MemberRecordsError
from bot.moderation.curation import FactDecision
from bot.moderation.queue import Evidence, PendingFact
from questions.decisions import (
    Choice,
    Decision,
    count_decider,
    record_decision,
    rename_decider,
)
from questions.errors import QuestionGenError
from questions.models import Assessment, Verdict

log = logging.getLogger(__name__)


def _account(player: PlayerRef) -> str:
    return f"({player.platform} {player.external_id})"


def _signed_by(player: PlayerRef) -> Callable[[str], bool]:
    """Whether a decision's ``by`` is the member's (whatever name they had then)."""
    account = _account(player)
    return lambda by: by.endswith(account)


NO_REASON = "decided in the Discord review queue"


def pending_facts(assessments: Iterable[Assessment], at: datetime) -> tuple[PendingFact, ...]:
    """The claims the pipeline could neither verify nor contradict, with their quotes.

    Args:
        assessments: The pipeline's assessments (stored decisions already applied).
        at: When they were found (shown in the queue).
    """
    return tuple(
        PendingFact(
            a.claim.id,
            f"{a.claim.subject} {a.claim.relation.value} {a.claim.value}",
            Evidence(a.claim.evidence.document, a.claim.evidence.quote),
            at,
        )
        for a in assessments
        if a.verdict is Verdict.UNVERIFIED
    )


class FactLedger:
    """Pending facts of this run and the decisions file moderators' decisions go to."""

    def __init__(
        self, facts: Iterable[PendingFact], path: Path, reviewers: Iterable[int] = ()
    ) -> None:
        """Keep the facts of this run.

        Args:
            facts: The claims waiting for a decision.
            path: The decisions file.
            reviewers: The guilds whose moderators may decide facts (none: command line only).
        """
        self._facts = {fact.claim_id: fact for fact in facts}
        self._path = path
        self._reviewers = frozenset(reviewers)
        self._decided: set[str] = set()
        self._lock = asyncio.Lock()

    def pending(self) -> tuple[PendingFact, ...]:
        """The facts no moderator decided during this run."""
        return tuple(f for claim, f in self._facts.items() if claim not in self._decided)

    def pending_for(self, guild_id: int) -> tuple[PendingFact, ...]:
        """The undecided facts a guild's moderators are offered: all, or none if not trusted."""
        return self.pending() if guild_id in self._reviewers else ()

    async def record(self, decision: FactDecision) -> None:
        """Append a decision to the decisions file, with the quote the claim rests on.

        A claim this run did not offer (or already settled), or a decision from a guild
        that does not review facts, is ignored.

        Raises:
            DecisionsError: The decisions file cannot be read.
            OSError: It cannot be written.
        """
        fact = self._facts.get(decision.claim_id)
        if fact is None or decision.guild_id not in self._reviewers:
            return
        by = decision.by
        stored = Decision(
            claim=decision.claim_id,
            choice=Choice.APPROVE if decision.approved else Choice.REJECT,
            by=f"{by.name} {_account(by)}",
            at=decision.decided_at,
            why=decision.why.strip() or NO_REASON,
            quote=fact.evidence.quote,
        )
        async with self._lock:
            await asyncio.to_thread(self._append, stored)
            self._decided.add(decision.claim_id)
        log.info("claim %s %sd; saved to the decisions file", stored.claim, stored.choice)

    async def count_member(self, player: PlayerRef) -> int:
        """How many decisions in the decisions file name the member.

        Raises:
            MemberRecordsError: The decisions file cannot be read.
        """
        try:
            return await asyncio.to_thread(count_decider, self._path, _signed_by(player))
        except QuestionGenError as exc:
            raise MemberRecordsError(f"The fact decisions file cannot be read: {exc}") from exc

    async def forget_member(self, player: PlayerRef) -> int:
        """Replace the member's name and id in the decisions file (the decisions stay).

        Raises:
            MemberRecordsError: The decisions file cannot be read or written.
        """
        try:
            async with self._lock:
                return await asyncio.to_thread(
                    rename_decider, self._path, _signed_by(player), DELETED_NAME
                )
        except (OSError, QuestionGenError) as exc:
            raise MemberRecordsError(
                f"Your name could not be removed from the fact decisions file ({exc}); "
                "the rest is deleted. Ask the bot's operator."
            ) from exc

    def _append(self, decision: Decision) -> None:
        record_decision(decision, self._path)
