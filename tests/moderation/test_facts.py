"""Facts waiting for approval: from the pipeline to the queue, decisions into the next build."""

from __future__ import annotations

import pytest

from bot.cli import build_bank
from bot.game.models import GuildId, PlayerRef
from bot.game.privacy import DELETED_NAME, MemberData, MemberDataEverywhere, MemberRecordsError
from bot.moderation.curation import FactDecision
from bot.moderation.errors import ReviewError
from bot.moderation.facts import FactLedger, pending_facts
from bot.moderation.queue import PendingFact
from bot.moderation.reviewing import ReviewAction, ReviewService
from questions.decisions import Choice, load_decisions
from questions.models import Verdict
from tests.conftest import SEEDS
from tests.moderation.test_reviewing import FakeGame
from tests.night.conftest import GUILD, HOST, World


def _review(world: World, ledger: FactLedger) -> ReviewService:
    nights = world.service()
    return ReviewService(
        nights.item,
        nights,
        world.curation,
        FakeGame(),
        world.clock,
        ledger.pending_for,
        ledger.record,
    )


async def _fact_keys(review: ReviewService, guild_id: GuildId) -> dict[str, str]:
    queue = await review.queue(guild_id)
    return {e.subject.claim_id: e.key for e in queue.items if isinstance(e.subject, PendingFact)}


def test_pending_facts_are_the_unverified_claims_with_their_quotes(world, tmp_path):
    result = build_bank(SEEDS, decisions=tmp_path / "decisions.yaml")
    facts = pending_facts(result.assessments, world.clock())
    unverified = {a.claim.id: a for a in result.assessments if a.verdict is Verdict.UNVERIFIED}
    assert facts
    assert {fact.claim_id for fact in facts} == set(unverified)
    for fact in facts:
        claim = unverified[fact.claim_id].claim
        assert fact.evidence.document == claim.evidence.document
        assert fact.evidence.quote == claim.evidence.quote
        assert claim.subject in fact.statement


async def test_fact_decisions_from_the_queue_reach_the_next_build(world, tmp_path):
    path = tmp_path / "decisions.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=path).assessments, world.clock())
    review = _review(world, FactLedger(facts, path, reviewers=(GUILD, GUILD + 1)))
    keys = await _fact_keys(review, GUILD)
    approved, rejected = facts[0].claim_id, facts[1].claim_id
    await review.act(GUILD, keys[approved], ReviewAction.APPROVE, HOST, "the poster says so")
    await review.act(GUILD, keys[rejected], ReviewAction.DENY, HOST, "invented")

    rebuilt = build_bank(SEEDS, decisions=path)
    verdicts = {a.claim.id: a.verdict for a in rebuilt.assessments}
    assert verdicts[approved] is Verdict.VERIFIED
    assert verdicts[rejected] is Verdict.CONTRADICTED
    assert rebuilt.reopened == ()
    assert (await world.curation.fact_decisions(GUILD))[approved].approved
    other = await _fact_keys(review, GuildId(GUILD + 1))
    assert approved not in other
    assert rejected not in other
    assert len(other) == len(facts) - 2


async def test_fact_decision_that_cannot_be_saved_is_refused_and_stays_queued(world, tmp_path):
    none = tmp_path / "none.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=none).assessments, world.clock())
    # The decisions "file" is a folder: it cannot be written.
    review = _review(world, FactLedger(facts, tmp_path, (GUILD,)))
    keys = await _fact_keys(review, GUILD)
    claim = facts[0].claim_id
    with pytest.raises(ReviewError, match="could not be saved"):
        await review.act(GUILD, keys[claim], ReviewAction.APPROVE, HOST, "the poster says so")
    assert await world.curation.fact_decisions(GUILD) == {}
    assert claim in await _fact_keys(review, GUILD)


async def test_only_fact_reviewing_guilds_see_facts_and_their_decisions_count(world, tmp_path):
    path = tmp_path / "decisions.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=path).assessments, world.clock())
    ledger = FactLedger(facts, path, reviewers=(GUILD,))
    review = _review(world, ledger)
    outsider = GuildId(GUILD + 1)
    assert await _fact_keys(review, outsider) == {}
    assert len(await _fact_keys(review, GUILD)) == len(facts)

    # A decision that does not come from a reviewing guild never reaches the decisions file.
    claim = facts[0].claim_id
    await ledger.record(FactDecision(outsider, claim, True, HOST, "trust me", world.clock()))
    assert not path.exists() or load_decisions(path).items == ()
    assert claim in {fact.claim_id for fact in ledger.pending()}


def test_without_reviewing_guilds_no_guild_is_offered_facts(world, tmp_path):
    path = tmp_path / "decisions.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=path).assessments, world.clock())
    ledger = FactLedger(facts, path)
    assert facts
    assert ledger.pending_for(GUILD) == ()


class _Database:
    """The database's side of a member's data: one fact decision, forgotten on request."""

    def __init__(self) -> None:
        self.forgotten: list[PlayerRef] = []

    async def member_data(self, player):
        return MemberData("Anna", 0, 0, 0, 0, 0, 0, 0, 1, 0)

    async def forget_member(self, player):
        self.forgotten.append(player)
        return await self.member_data(player)


async def test_forgetting_a_member_renames_their_decisions_in_the_file(world, tmp_path):
    path = tmp_path / "decisions.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=path).assessments, world.clock())
    ledger = FactLedger(facts, path, reviewers=(GUILD,))
    anna = PlayerRef("discord", "1001", "Anna")
    at = world.clock()
    await ledger.record(FactDecision(GUILD, facts[0].claim_id, True, anna, "credits", at))
    await ledger.record(FactDecision(GUILD, facts[1].claim_id, False, HOST, "no", at))
    everywhere = MemberDataEverywhere(_Database(), ledger)
    assert (await everywhere.member_data(anna)).fact_decisions == 2  # database + file

    removed = await everywhere.forget_member(anna)
    assert removed.fact_decisions == 2
    text = path.read_text(encoding="utf-8")
    assert "Anna" not in text
    assert "1001" not in text
    assert HOST.name in text
    kept = load_decisions(path).latest()
    assert (kept[facts[0].claim_id].by, kept[facts[0].claim_id].choice) == (
        DELETED_NAME,
        Choice.APPROVE,
    )
    assert (await everywhere.member_data(anna)).fact_decisions == 1
    rebuilt = build_bank(SEEDS, decisions=path)
    assert {a.claim.id: a.verdict for a in rebuilt.assessments}[facts[0].claim_id] is (
        Verdict.VERIFIED
    )


async def test_a_decisions_file_that_cannot_be_changed_is_one_message(world, tmp_path):
    path = tmp_path / "decisions.yaml"
    path.write_text("decisions: [\n", encoding="utf-8")
    ledger = FactLedger((), path, reviewers=(GUILD,))
    with pytest.raises(MemberRecordsError, match="fact decisions file"):
        await MemberDataEverywhere(_Database(), ledger).forget_member(HOST)
