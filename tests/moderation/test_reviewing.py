"""The review service: reports in, actions out, effects applied to nights, fixes and facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game.models import (
    AnswerId,
    AwardOutcome,
    GuildId,
    NearMiss,
    Period,
    PlayerId,
    PlayerRef,
    RoundId,
    SessionFormat,
)
from bot.moderation.curation import QuestionFix
from bot.moderation.errors import ReviewError
from bot.moderation.queue import Evidence, PendingFact, ReviewKind
from bot.moderation.reviewing import ReviewAction, ReviewService
from bot.night.ledger import NightLedger
from bot.night.models import NightAnswer, NightState
from bot.night.service import Control
from bot.night.standings import player_points
from bot.storage.memory import InMemoryRepository
from tests.night.conftest import ALEXEI, GUILD, HOST, VALENTINA, World, right_answer, started_night

MODERATOR = PlayerRef("discord", "200", "Moderator")


class FakeGame:
    """The game engine's near-miss review: its own near misses, then those of ``store``."""

    def __init__(self, misses: Sequence[NearMiss] = (), store: InMemoryRepository | None = None):
        self.misses = list(misses)
        self.store = store
        self.accepted: list[AnswerId] = []
        self.accepted_by: list[PlayerRef] = []
        self.rejected: list[AnswerId] = []
        self.forms: list[tuple[GuildId, str, str]] = []

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        stored = [] if self.store is None else list(await self.store.near_misses(guild_id))
        return [*stored, *(m for m in self.misses if m.guild_id == guild_id)][:limit]

    async def accept_near_miss(
        self, guild_id: GuildId, answer_id: AnswerId, by: PlayerRef
    ) -> AwardOutcome:
        self.accepted.append(answer_id)
        self.accepted_by.append(by)
        self.misses = [m for m in self.misses if m.answer_id != answer_id]
        return AwardOutcome(8, False)

    async def reject_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> None:
        self.rejected.append(answer_id)
        self.misses = [m for m in self.misses if m.answer_id != answer_id]

    def accept_form(self, guild_id: GuildId, item_id: str, form: str) -> None:
        self.forms.append((guild_id, item_id, form))


def _review(world: World, game: FakeGame | None = None, facts=()):
    game = game or FakeGame()
    nights = world.service(game.store)
    return nights, ReviewService(
        nights.item, nights, world.curation, game, world.clock, lambda _guild: facts
    )


async def test_reported_question_waits_with_evidence_and_retire_settles_it(world):
    _, review = _review(world)
    item = world.items[0]
    await review.report(GUILD, item.id, VALENTINA, "the year is wrong")
    await review.report(GUILD, item.id, ALEXEI)
    queue = await review.queue(GUILD)
    (entry,) = queue.items
    assert entry.kind is ReviewKind.REPORTED_QUESTION
    assert entry.subject.evidence.quote == item.sources[0].quote
    assert [r.reason for r in entry.subject.reports] == [
        "the year is wrong",
        "reported from the answer",
    ]
    assert (await review.queue(GuildId(99))).items == ()
    with pytest.raises(ReviewError, match="Say why"):
        await review.act(GUILD, entry.key, ReviewAction.RETIRE, HOST, " ")
    await review.act(GUILD, entry.key, ReviewAction.RETIRE, HOST, "two answers fit")
    assert (await review.queue(GUILD)).items == ()
    assert (await world.curation.fixes(GUILD))[item.id].retired == "two answers fit"


async def test_fix_answers_replaces_them_and_nights_judge_with_the_fix(world):
    nights, review = _review(world)
    state = await started_night(world, nights)
    question = state.question
    await review.report(GUILD, question.item_id, VALENTINA)
    (entry,) = (await review.queue(GUILD)).items
    await review.act(GUILD, entry.key, ReviewAction.FIX, HOST, "Planet X\n\nplanet x")
    fix = (await world.curation.fixes(GUILD))[question.item_id]
    assert fix.answers == ("Planet X",)
    # The bank's right option is no longer among the accepted answers: judged wrong now.
    right = right_answer(nights, question.item_id)
    outcome = await nights.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    assert not outcome.events[0].correct


async def test_a_member_reports_a_question_once_until_it_is_settled(world):
    _, review = _review(world)
    item = world.items[0]
    await review.report(GUILD, item.id, VALENTINA, "the year is wrong")
    renamed = replace(VALENTINA, name="Valya")
    for again in (VALENTINA, renamed):
        with pytest.raises(ReviewError, match="already"):
            await review.report(GUILD, item.id, again, "still wrong")
    await review.report(GUILD, item.id, ALEXEI)
    await review.report(GUILD, world.items[1].id, VALENTINA)  # another question is fine
    reports = await world.curation.open_reports(GUILD)
    assert sorted((r.item_id, r.reporter.name) for r in reports) == sorted(
        [(item.id, VALENTINA.name), (item.id, ALEXEI.name), (world.items[1].id, VALENTINA.name)]
    )


async def test_unknown_item_cannot_be_reported(world):
    _, review = _review(world)
    with pytest.raises(ReviewError, match="no longer"):
        await review.report(GUILD, "nope", VALENTINA)


async def test_dismiss_keeps_question_and_settles_reports(world):
    _, review = _review(world)
    await review.report(GUILD, world.items[1].id, VALENTINA)
    (entry,) = (await review.queue(GUILD)).items
    await review.act(GUILD, entry.key, ReviewAction.DISMISS, HOST)
    assert (await review.queue(GUILD)).items == ()
    assert world.items[1].id not in await world.curation.fixes(GUILD)


async def _night_with_near_miss(world: World, player, text: str, score: float):
    """A started night holding one near miss on its open question, stored as it happened."""
    store = InMemoryRepository()
    game = FakeGame(store=store)
    state = await started_night(world, world.service(store))
    question = state.question
    assert question is not None
    miss = NightAnswer(
        question.cursor,
        question.item_id,
        player,
        text,
        False,
        True,
        score,
        1000,
        0,
        world.clock(),
        round_id=question.round_id,
    )
    stored = await world.nights.get(state.night.id)
    assert stored is not None
    after = replace(stored, answers=(miss,))
    await world.nights.save(await NightLedger(store).follow(stored, after, world.clock()))
    # A service started afresh (as after a restart) reads the night as stored.
    nights, review = _review(world, game)
    return state, question, nights, review, game


async def test_accepting_a_night_near_miss_awards_points_after_the_night(world):
    state, question, nights, review, game = await _night_with_near_miss(
        world, VALENTINA, "Klushantsev?", 88.0
    )
    store = game.store
    await nights.control(state.night.id, GUILD, Control.END, HOST, False)
    (entry,) = (await review.queue(GUILD)).items
    assert entry.kind is ReviewKind.NEAR_MISS
    assert entry.subject.format is SessionFormat.NIGHT
    await review.act(GUILD, entry.key, ReviewAction.ACCEPT, HOST)
    after = await nights.get(state.night.id, GUILD)
    points = player_points(after)[VALENTINA]
    assert points > 0
    (result,) = await world.nights.placings(GUILD)
    assert next(p.points for p in result.players if p.player == VALENTINA) == points
    assert "Klushantsev?" in (await world.curation.fixes(GUILD))[question.item_id].extra_forms
    assert game.forms == [(GUILD, question.item_id, "Klushantsev?")]
    assert (await review.queue(GUILD)).items == ()
    # The stored answer is accepted and credited with the night's points.
    stats = await store.player_stats(await store.player_id(VALENTINA), GUILD)
    assert (stats.answers, stats.correct) == (1, 1)
    board = await store.leaderboard(GUILD, Period.ALL_TIME, world.clock())
    assert [(row.name, row.points) for row in board] == [(VALENTINA.name, points)]


async def test_rejecting_a_night_near_miss_removes_it_without_points(world):
    state, _, _, review, game = await _night_with_near_miss(world, ALEXEI, "close", 85.0)
    (entry,) = (await review.queue(GUILD)).items
    await review.act(GUILD, entry.key, ReviewAction.REJECT, HOST)
    assert game.forms == []
    assert (await review.queue(GUILD)).items == ()
    assert player_points(await world.nights.get(state.night.id))[ALEXEI] == 0
    assert await game.store.near_misses(GUILD) == []


async def test_a_near_miss_of_an_older_night_is_settled_by_its_night(world):
    """Found through its round's session, not among the guild's latest nights."""
    state, _, nights, review, _ = await _night_with_near_miss(world, ALEXEI, "close", 85.0)
    for _ in range(25):
        await nights.create(world.plan())
    assert state.night.id not in {s.night.id for s in await world.nights.recent(GUILD)}
    (entry,) = (await review.queue(GUILD)).items
    await review.act(GUILD, entry.key, ReviewAction.ACCEPT, HOST)
    # Its session keeps the answer, and who accepted it.
    after = await nights.get(state.night.id, GUILD)
    (answer,) = after.answers
    assert (answer.correct, answer.accepted_by) == (True, HOST)
    assert player_points(after)[ALEXEI] == answer.points > 0


def _without_answer_of(state: NightState, player: PlayerRef) -> NightState:
    """The night as if it no longer held the player's answers (it reads them by its roster)."""
    kept = tuple(p for p in state.participants if p.player != player)
    return replace(state, participants=kept, answers=())


async def test_a_near_miss_of_a_night_no_longer_kept_is_settled_in_the_store(world):
    state, _, _, review, game = await _night_with_near_miss(world, ALEXEI, "close", 85.0)
    (entry,) = (await review.queue(GUILD)).items
    # As if the night were gone: it no longer holds the answer.
    kept = await world.nights.get(state.night.id)
    await world.nights.save(_without_answer_of(kept, ALEXEI))
    await review.act(GUILD, entry.key, ReviewAction.ACCEPT, HOST)
    assert (await review.queue(GUILD)).items == ()
    board = await game.store.leaderboard(GUILD, Period.ALL_TIME, world.clock())
    assert [row.name for row in board] == [ALEXEI.name]


@pytest.mark.parametrize("night_kept", [True, False], ids=["night kept", "night gone"])
async def test_a_night_near_miss_accepted_in_the_review_names_the_moderator(world, night_kept):
    """As a game's does: the moderator who pressed Accept, not the night's host."""
    state, _, nights, review, game = await _night_with_near_miss(world, ALEXEI, "close", 85.0)
    kept = await world.nights.get(state.night.id)
    assert kept is not None
    assert kept.session_id is not None
    if not night_kept:
        await world.nights.save(_without_answer_of(kept, ALEXEI))
    (entry,) = (await review.queue(GUILD)).items
    await review.act(GUILD, entry.key, ReviewAction.ACCEPT, MODERATOR)
    (stored,) = await game.store.session_answers(kept.session_id)
    assert (stored.accepted, stored.accepted_by) == (True, MODERATOR)
    if night_kept:
        (answer,) = (await nights.get(state.night.id, GUILD)).answers
        assert answer.accepted_by == MODERATOR


@pytest.mark.parametrize("action", [ReviewAction.ACCEPT, ReviewAction.REJECT])
async def test_game_near_miss_is_settled_through_the_engine(world, action):
    item = world.items[2]
    miss = NearMiss(
        AnswerId(5),
        GUILD,
        RoundId(1),
        item.id,
        PlayerId(1),
        PlayerRef("discord", "1", "alice"),
        "almost",
        87.0,
        1500,
        world.clock(),
        30.0,
    )
    game = FakeGame([miss])
    _, review = _review(world, game)
    (entry,) = (await review.queue(GUILD)).items
    assert entry.kind is ReviewKind.NEAR_MISS
    await review.act(GUILD, entry.key, action, HOST)
    settled = game.accepted if action is ReviewAction.ACCEPT else game.rejected
    assert settled == [AnswerId(5)]
    # The engine is told which moderator accepted it (its stored answer names them).
    assert game.accepted_by == ([HOST] if action is ReviewAction.ACCEPT else [])
    forms = ("almost",) if action is ReviewAction.ACCEPT else None
    fix = (await world.curation.fixes(GUILD)).get(item.id)
    assert (fix.extra_forms if fix else None) == forms
    assert (await review.queue(GUILD)).items == ()


async def test_fact_decisions_are_recorded_and_leave_the_queue(world):
    fact = PendingFact("claim-1", "a claim", Evidence("doc", "quote"), world.clock())
    later = PendingFact(
        "claim-2", "another", Evidence("doc", "quote"), world.clock() + timedelta(1)
    )
    _, review = _review(world, facts=(fact, later))
    first, second = (await review.queue(GUILD)).items
    with pytest.raises(ReviewError, match="Say why"):
        await review.act(GUILD, first.key, ReviewAction.APPROVE, HOST, "")
    await review.act(GUILD, first.key, ReviewAction.APPROVE, HOST, "the catalogue cites it")
    await review.act(GUILD, second.key, ReviewAction.DENY, HOST, "invented")
    decisions = await world.curation.fact_decisions(GUILD)
    assert decisions["claim-1"].approved
    assert not decisions["claim-2"].approved
    assert (await review.queue(GUILD)).items == ()


async def test_questions_almost_nobody_gets_are_flagged(world):
    _, review = _review(world)
    await world.curation.save_fix(
        QuestionFix(GUILD, world.items[3].id, answers_seen=20, correct_seen=0)
    )
    (entry,) = (await review.queue(GUILD)).items
    assert entry.subject.flags == ("too_hard",)
    assert entry.subject.reports == ()


@pytest.mark.parametrize("action", [ReviewAction.DISMISS, ReviewAction.FIX])
async def test_question_flagged_by_its_statistics_leaves_the_queue_once_reviewed(world, action):
    _, review = _review(world)
    item = world.items[0]
    await world.curation.save_fix(QuestionFix(GUILD, item.id, answers_seen=12, correct_seen=0))
    (entry,) = (await review.queue(GUILD)).items
    assert entry.subject.flags == ("too_hard",)
    await review.act(GUILD, entry.key, action, HOST, item.answers[0])
    assert (await review.queue(GUILD)).items == ()
    fix = (await world.curation.fixes(GUILD))[item.id]
    assert (fix.answers_seen, fix.correct_seen) == (0, 0)


async def test_near_misses_of_a_retired_question_leave_the_queue_and_cannot_be_accepted(world):
    _, question, _, _, night_game = await _night_with_near_miss(world, VALENTINA, "zz", 85.0)
    miss = NearMiss(
        AnswerId(99),
        GUILD,
        RoundId(1),
        question.item_id,
        PlayerId(1),
        PlayerRef("discord", "1", "alice"),
        "Klushantsev",
        88.0,
        100,
        world.clock(),
        30.0,
    )
    game = FakeGame([miss], night_game.store)
    _, review = _review(world, game)
    await review.report(GUILD, question.item_id, ALEXEI)
    queue = await review.queue(GUILD)
    kinds = [entry.kind for entry in queue.items]
    assert kinds == [ReviewKind.REPORTED_QUESTION, ReviewKind.NEAR_MISS, ReviewKind.NEAR_MISS]
    stale = queue.items[1].key, queue.items[2].key
    await review.act(GUILD, queue.items[0].key, ReviewAction.RETIRE, HOST, "ambiguous")

    assert (await review.queue(GUILD)).items == ()
    for key in stale:
        with pytest.raises(ReviewError, match="gone"):
            await review.act(GUILD, key, ReviewAction.ACCEPT, HOST)
    assert game.accepted == []
