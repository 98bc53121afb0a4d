"""Facts waiting for approval in Discord: approved in one click, used by the next build."""

from __future__ import annotations

import random

from bot.app import BotOptions, Services, TriviaBot, startup
from bot.cli import build_bank
from bot.moderation.facts import FactLedger, pending_facts
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from questions.decisions import load_decisions
from questions.models import Verdict
from tests.bot.conftest import START, TICK_SECONDS, manager_role, started
from tests.conftest import SEEDS
from tests.fakes import shipped_judge

TEXT = "trivia:night-text"
REVIEW_GUILD = 4242


def _bot(world, bank, ledger: FactLedger) -> TriviaBot:
    engine = db.create_engine(world.database_url)
    world.engines.append(engine)
    sessions = db.session_factory(engine)
    nights = (SqlNightRepository(sessions), SqlCurationRepository(sessions))
    services = Services(
        SqlRepository(sessions),
        bank,
        world.clock,
        random.Random(7),
        nights=nights,
        facts=ledger,
        judge=shipped_judge(),
    )
    options = BotOptions(shard_count=1, tick_seconds=TICK_SECONDS)
    return TriviaBot(services, options, startup(lambda: db.upgrade(engine), services))


async def test_fact_approved_in_review_is_verified_by_the_next_build(world, bank, tmp_path):
    path = tmp_path / "decisions.yaml"
    facts = pending_facts(build_bank(SEEDS, decisions=path).assessments, START)
    env = await started(world, _bot(world, bank, FactLedger(facts, path, (REVIEW_GUILD,))))
    try:
        guild = env.create_guild(id=REVIEW_GUILD)
        channel = guild.create_text_channel("trivia")
        moderator = guild.add_member(env.create_user("mod"), roles=[manager_role(guild)])
        shown = await moderator.slash(channel, "trivia review")
        entry = shown.response.embeds[0].fields[0]
        message = shown.response.message
        buttons = [child for row in message.components for child in row.children]
        approve = next(button for button in buttons if button.label == "Approve")
        form = await moderator.click(message, custom_id=approve.custom_id)
        done = await moderator.submit_modal(form, {TEXT: "the poster says so"})
        assert "approve done" in done.response.content
    finally:
        await env.shutdown()

    (decision,) = load_decisions(path).items
    (fact,) = [f for f in facts if f.claim_id == decision.claim]
    assert fact.statement.replace("*", "") in (entry.name + entry.value).replace("\\", "")
    assert decision.by.startswith("mod")
    verdicts = {a.claim.id: a.verdict for a in build_bank(SEEDS, decisions=path).assessments}
    assert verdicts[decision.claim] is Verdict.VERIFIED
