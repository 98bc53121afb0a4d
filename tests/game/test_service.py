"""GameService on the in-memory store: race and quiz play, hints, skips, pauses, the end."""

from __future__ import annotations

import dataclasses
import random

import pytest

from bot.game import ticking
from bot.game.answering import Refusal
from bot.game.errors import (
    ChannelNotAllowedError,
    NoQuestionsError,
    NoSessionError,
    NotFoundError,
    SessionStateError,
)
from bot.game.hints import MASK
from bot.game.judging import AliasIndex, Judge
from bot.game.models import (
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
    SessionStatus,
)
from bot.game.records import RecordsService
from bot.game.scoring import award_points
from bot.storage.memory import InMemoryRepository
from tests.fakes import game_service, number_item, seed_items, shipped_judge, text_item

GUILD = GuildId(1)
HERE = ChannelId(10)
ANNA = PlayerRef("discord", "1", "Anna")
BORIS = PlayerRef("discord", "2", "Boris")
MODERATOR = PlayerRef("discord", "9", "Mod")
CHEN = PlayerRef("discord", "3", "Chen")


@pytest.fixture
def repository():
    return InMemoryRepository()


async def _tick(service, clock):
    """One tick of the clock's step for the games alone; what it made of them."""
    policy = service.on_the_clock()
    return (await ticking.tick({"game clock": policy}, clock())).of(policy)


def _service(repository, clock, items=None, judge=None, **kwargs):
    return game_service(
        repository,
        items or [text_item()],
        clock,
        random.Random(0),
        judge=judge or shipped_judge(),
        **kwargs,
    )


async def _race(repository, clock, items=None, **config):
    service = _service(repository, clock, items)
    await service.start(GUILD, HERE, SessionConfig(Mode.RACE, **config))
    return service, await service.ask(HERE)


async def test_race_first_right_answer_wins_and_later_answers_are_refused(repository, clock):
    service, asked = await _race(repository, clock)
    wrong = await service.answer(HERE, BORIS, "Gagarin")
    clock.advance(1)
    right = await service.answer(HERE, ANNA, asked.item.answers[0])
    late = await service.answer(HERE, BORIS, asked.item.answers[0])
    assert not wrong.judgement.accepted
    assert right.won
    assert right.points > 0
    assert late.refused is Refusal.ALREADY_WON
    reveal = await service.close(HERE)
    assert reveal.credited == {ANNA: right.points}
    assert reveal.fastest == ANNA
    assert (reveal.answered, reveal.correct) == (2, 1)


async def test_race_guess_limit_refuses_extra_guesses(repository, clock):
    service, _ = await _race(repository, clock, guess_limit=2)
    for _ in range(2):
        assert (await service.answer(HERE, ANNA, "wrong guess")).refused is None
    assert (await service.answer(HERE, ANNA, "wrong again")).refused is Refusal.GUESS_LIMIT


async def test_quiz_latest_answer_counts_with_speed_points(repository, clock):
    service = _service(repository, clock)
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ))
    asked = await service.ask(HERE)
    await service.answer(HERE, ANNA, asked.item.answers[0])
    clock.advance(asked.time_limit_seconds / 2)
    await service.answer(HERE, ANNA, "changed my mind")
    pending = await service.answer(HERE, BORIS, asked.item.answers[0])
    assert pending.points == 0
    clock.advance(asked.time_limit_seconds)
    assert (await service.answer(HERE, CHEN, "too late")).refused is Refusal.TIME_UP
    reveal = await service.close(HERE)
    assert set(reveal.credited) == {BORIS}
    assert 5 <= reveal.credited[BORIS] < 10
    assert reveal.share_correct == 0.5


async def test_hint_reveals_more_and_costs_points(repository, clock):
    service, asked = await _race(repository, clock)
    first = await service.hint(HERE)
    second = await service.hint(HERE)
    assert first.text.count(MASK) > second.text.count(MASK)
    result = await service.answer(HERE, ANNA, asked.item.answers[0])
    assert result.points == 10 - 2 * 2


async def test_hint_refused_for_numbers(repository, clock):
    service, _ = await _race(repository, clock, items=[number_item()])
    with pytest.raises(SessionStateError, match="no hint"):
        await service.hint(HERE)


async def test_skip_by_vote_of_half_the_active_players(repository, clock):
    service, _ = await _race(repository, clock)
    for player in (ANNA, BORIS, CHEN):
        await service.answer(HERE, player, "no idea")
    first = await service.skip(HERE, ANNA, is_host=False)
    assert (first.skipped, first.votes, first.needed) == (False, 1, 2)
    second = await service.skip(HERE, BORIS, is_host=False)
    assert second.skipped
    assert second.reveal.skipped


async def test_host_skips_at_once(repository, clock):
    service, _ = await _race(repository, clock)
    assert (await service.skip(HERE, ANNA, is_host=True)).skipped
    with pytest.raises(SessionStateError, match="no question"):
        await service.skip(HERE, ANNA, is_host=True)


async def test_pause_keeps_time_left(repository, clock):
    service, asked = await _race(repository, clock)
    clock.advance(5)
    await service.pause(HERE)
    assert (await service.answer(HERE, ANNA, "x")).refused is Refusal.PAUSED
    clock.advance(200)
    assert (await _tick(service, clock)).closed == {}
    await service.resume(HERE)
    clock.advance(asked.time_limit_seconds - 6)
    assert (await service.answer(HERE, ANNA, asked.item.answers[0])).won
    with pytest.raises(SessionStateError, match="not paused"):
        await service.resume(HERE)


async def test_answer_after_a_pause_is_timed_without_the_pause(repository, clock):
    service, asked = await _race(repository, clock)
    clock.advance(5)
    await service.pause(HERE)
    clock.advance(200)
    await service.resume(HERE)
    clock.advance(3)
    right = await service.answer(HERE, ANNA, asked.item.answers[0])
    assert right.points == award_points(True, 8.0, asked.time_limit_seconds)


async def test_tick_closes_questions_on_time_and_stops_quiet_games(repository, clock):
    service, asked = await _race(repository, clock)
    clock.advance(asked.time_limit_seconds)
    done = await _tick(service, clock)
    assert set(done.closed) == {HERE}
    clock.advance(301)
    done = await _tick(service, clock)
    assert done.kept[HERE].status is SessionStatus.FINISHED
    assert service.session(HERE) is None


async def test_session_ends_at_target_score(repository, clock):
    service, asked = await _race(repository, clock, target_score=5, question_limit=10)
    await service.answer(HERE, ANNA, asked.item.answers[0])
    assert (await service.close(HERE)).session_over
    with pytest.raises(SessionStateError, match="cannot be asked"):
        await service.ask(HERE)


async def test_questions_do_not_repeat_in_a_guild_until_bank_exhausted(repository, clock):
    items = seed_items()[:4]
    service = _service(repository, clock, items)
    await service.start(GUILD, HERE, SessionConfig(Mode.RACE, question_limit=8))
    asked = []
    for _ in range(8):
        asked.append((await service.ask(HERE)).item.id)
        await service.close(HERE)
    assert len(set(asked[:4])) == 4


async def test_one_session_per_channel_several_per_guild(repository, clock):
    service = _service(repository, clock)
    await service.start(GUILD, HERE)
    await service.start(GUILD, ChannelId(11))
    with pytest.raises(SessionStateError, match="already running"):
        await service.start(GUILD, HERE)
    with pytest.raises(NoSessionError):
        await service.ask(ChannelId(12))


async def test_guild_settings_limit_channels_and_set_defaults(repository, clock):
    records = RecordsService(clock, leaderboards=repository, stats=repository, settings=repository)
    await records.update_settings(GuildSettings(GUILD, 45.0, frozenset({HERE}), None, 1))
    service = _service(repository, clock)
    with pytest.raises(ChannelNotAllowedError):
        await service.start(GUILD, ChannelId(99))
    session = await service.start(GUILD, HERE)
    assert (session.time_limit_seconds, session.guess_limit) == (45.0, 1)


async def test_empty_bank_cannot_start(repository, clock):
    service = game_service(repository, [], clock, random.Random(0), judge=shipped_judge())
    with pytest.raises(NoQuestionsError):
        await service.start(GUILD, HERE)


async def test_finish_reports_tie_and_tie_break_closest_number_wins(repository, clock):
    word, number = text_item(), number_item()
    service = _service(repository, clock, [word, number])
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ, question_limit=1))
    asked = await service.ask(HERE)
    for player in (ANNA, BORIS):
        await service.answer(HERE, player, asked.item.answers[0])
    await service.close(HERE)
    tie = await service.tie_break(HERE)
    target = int(number.answers[0])
    assert (await service.answer(HERE, CHEN, str(target))).refused is Refusal.NOT_IN_TIE_BREAK
    await service.answer(HERE, ANNA, str(target + 3))
    clock.advance(1)
    await service.answer(HERE, BORIS, str(target - 1))
    reveal = await service.close(HERE)
    assert tie.tie_break
    assert reveal.credited == {BORIS: 1}
    final = await service.finish(HERE)
    assert final.tied == ()
    assert final.standings[0].name == "Boris"


async def _tied_game(repository, clock):
    service = _service(repository, clock, [text_item(), number_item()])
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ, question_limit=1))
    asked = await service.ask(HERE)
    for player in (ANNA, BORIS):
        await service.answer(HERE, player, asked.item.answers[0])
    await service.close(HERE)
    return service


async def test_tie_break_nobody_giving_a_number_credits_nobody_and_the_tie_stands(
    repository, clock
):
    service = await _tied_game(repository, clock)
    await service.tie_break(HERE)
    assert (await service.answer(HERE, ANNA, "no idea")).tie_break
    reveal = await service.close(HERE)
    assert reveal.credited == {}
    final = await service.finish(HERE)
    assert {s.name for s in final.tied} == {"Anna", "Boris"}


async def test_tie_break_equally_near_numbers_the_earlier_wins(repository, clock):
    service = await _tied_game(repository, clock)
    tie = await service.tie_break(HERE)
    target = int(tie.item.answers[0])
    await service.answer(HERE, BORIS, f"maybe {target + 2}")
    clock.advance(1)
    await service.answer(HERE, ANNA, str(target - 2))
    assert (await service.close(HERE)).credited == {BORIS: 1}


async def test_tie_break_refused_without_a_tie_for_first_place(repository, clock):
    service = _service(repository, clock, [text_item(), number_item()])
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ, question_limit=2))
    asked = await service.ask(HERE)
    await service.answer(HERE, ANNA, asked.item.answers[0])
    await service.answer(HERE, BORIS, "wrong")
    await service.close(HERE)
    with pytest.raises(SessionStateError, match="no tie to break"):
        await service.tie_break(HERE)


async def test_finish_reports_ties(repository, clock):
    service = _service(repository, clock)
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ, question_limit=1))
    asked = await service.ask(HERE)
    for player in (ANNA, BORIS):
        await service.answer(HERE, player, asked.item.answers[0])
    final = await service.finish(HERE)
    assert {s.name for s in final.tied} == {"Anna", "Boris"}


async def test_accepted_near_miss_awards_points_and_is_accepted_next_time(repository, clock):
    service, asked = await _race(repository, clock)
    answer = asked.item.answers[0]
    near = next(
        answer[:n]
        for n in range(len(answer) - 1, 0, -1)
        if shipped_judge()
        .judge(
            answer[:n],
            asked.item.answers,
            kind=asked.item.type.value,
            question=asked.item.question,
        )
        .close
    )
    result = await service.answer(HERE, ANNA, near)
    assert result.judgement.close
    (miss,) = await service.near_misses(GUILD)
    with pytest.raises(NotFoundError):
        await service.accept_near_miss(GuildId(2), miss.answer_id, MODERATOR)
    outcome = await service.accept_near_miss(GUILD, miss.answer_id, MODERATOR)
    assert outcome.points > 0
    with pytest.raises(NotFoundError):
        await service.accept_near_miss(GUILD, miss.answer_id, BORIS)
    # The stored answer keeps when it was accepted and by which moderator.
    session = service.session(HERE)
    assert session is not None
    (stored,) = await repository.session_answers(session.session.id)
    assert (stored.accepted, stored.accepted_by, stored.accepted_at) == (True, MODERATOR, clock())
    await service.close(HERE)
    await service.ask(HERE)
    assert (await service.answer(HERE, BORIS, near)).judgement.accepted
    # The host of this server accepted it; another server's game judges it as before.
    await service.finish(HERE)
    elsewhere = ChannelId(20)
    await service.start(GuildId(2), elsewhere, SessionConfig(Mode.RACE))
    await service.ask(elsewhere)
    assert not (await service.answer(elsewhere, BORIS, near)).judgement.accepted
    # After a restart the forms come back from storage, still per server.
    again = _service(repository, clock)
    await again.recover()
    await again.start(GuildId(2), ChannelId(30), SessionConfig(Mode.RACE))
    await again.ask(ChannelId(30))
    assert not (await again.answer(ChannelId(30), BORIS, near)).judgement.accepted
    await again.start(GUILD, ChannelId(40), SessionConfig(Mode.RACE))
    await again.ask(ChannelId(40))
    assert (await again.answer(ChannelId(40), CHEN, near)).judgement.accepted


async def test_records_leaderboard_rank_and_stats(repository, clock):
    service, asked = await _race(repository, clock)
    await service.answer(HERE, ANNA, asked.item.answers[0])
    await service.finish(HERE)
    records = RecordsService(clock, leaderboards=repository, stats=repository, settings=repository)
    (top,) = await records.leaderboard(GUILD, Period.WEEK)
    assert top.name == "Anna"
    assert (await records.rank(None, ANNA)).standing.rank == 1
    assert await records.rank(None, BORIS) is None
    stats = await records.player_stats(ANNA)
    assert (stats.games, stats.wins, stats.correct) == (1, 1, 1)
    assert (await records.question_stats(asked.item.id)).times_asked == 1
    season = await records.start_season("Autumn")
    assert await records.current_season() == season


async def test_a_hint_showing_nothing_new_is_refused_and_costs_nothing(repository, clock):
    short = dataclasses.replace(text_item(), answers=("Io",))
    service, _ = await _race(repository, clock, items=[short])
    assert (await service.hint(HERE)).text == "I_"
    with pytest.raises(SessionStateError, match="No more hints"):
        await service.hint(HERE)
    result = await service.answer(HERE, ANNA, "Io")
    assert result.points == 10 - 2


async def test_stats_count_a_changed_answer_once(repository, clock):
    service = _service(repository, clock)
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ))
    asked = await service.ask(HERE)
    await service.answer(HERE, ANNA, "a first guess")
    await service.answer(HERE, ANNA, asked.item.answers[0])
    await service.close(HERE)
    records = RecordsService(clock, leaderboards=repository, stats=repository, settings=repository)
    stats = await records.player_stats(ANNA)
    assert (stats.answers, stats.correct, stats.best_streak) == (1, 1, 1)
    question = await records.question_stats(asked.item.id)
    assert (question.answers, question.correct) == (1, 1)


async def test_answers_are_judged_by_the_judge_the_service_was_given(repository, clock):
    item = dataclasses.replace(text_item(), answers=("Kvazar Nine",))
    judge = Judge(AliasIndex.from_groups([("Kvazar Nine", "Quasar Nine Film")]))
    plain = _service(repository, clock, [item])
    given = _service(InMemoryRepository(), clock, [item], judge=judge)
    for service in (plain, given):
        await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ))
        await service.ask(HERE)
    assert not (await plain.answer(HERE, ANNA, "Quasar Nine Film")).judgement.accepted
    assert (await given.answer(HERE, ANNA, "Quasar Nine Film")).judgement.accepted


async def test_asked_question_reads_its_number_and_time_limit_from_the_screen(repository, clock):
    service = _service(repository, clock, [text_item(), dataclasses.replace(text_item(), id="b")])
    await service.start(GUILD, HERE, SessionConfig(Mode.QUIZ, time_limit_seconds=20))
    await service.ask(HERE)
    await service.skip(HERE, ANNA, is_host=True)
    asked = await service.ask(HERE)

    live = service._games.get(HERE)
    assert live is not None
    assert live.state.round is not None
    assert asked.screen is live.state.round.screen
    assert (asked.number, asked.time_limit_seconds) == (2, asked.screen.time_limit_seconds)
    assert asked.round.position == asked.number
    # A game a stop left running names its last question the same way, from its round.
    (ended,) = await _service(repository, clock).recover()
    assert ended.last_question is not None
    assert ended.last_question.number == 2
    assert ended.last_question.time_limit_seconds == asked.time_limit_seconds
    assert ended.last_question.screen.round_id == asked.round.id
