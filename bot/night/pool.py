"""The bank as one guild's nights see it: its moderators' curation in, its play fed back.

Nights draw from the guild's curated questions (:func:`bot.moderation.curation.curated`: retired
ones left out, fixed accepted answers in place), the same ones its ordinary games play,
and a finished night's answers recalibrate each question's difficulty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.game import judging
from bot.game.judging import Judgement
from bot.game.models import Cursor, GuildId, QuestionStats
from bot.game.statistics import median_ms
from bot.moderation.curation import CurationRepository, QuestionFix, curated
from bot.night.models import NightState
from questions.models import TriviaItem

UNKNOWN_DIFFICULTY = 3

Judge = Callable[[str, str], Judgement]
"""Judges an answer ``(item_id, text)`` with the guild's accepted answers."""


class GuildQuestions:
    """The guild-curated view of the bank that quiz nights play."""

    def __init__(
        self,
        items: Mapping[str, TriviaItem],
        curation: CurationRepository,
        judge: judging.Judge,
    ) -> None:
        self._items = items
        self._curation = curation
        self._judge = judge

    async def pool(self, guild_id: GuildId) -> dict[str, tuple[str, ...]]:
        """The ids of the guild's playable questions by category (retired ones left out)."""
        pool: dict[str, list[str]] = {}
        for item in curated(self._items.values(), await self._curation.fixes(guild_id)):
            pool.setdefault(item.category, []).append(item.id)
        return {category: tuple(ids) for category, ids in pool.items()}

    async def judge(self, guild_id: GuildId) -> Judge:
        """A judge using the guild's fixed accepted answers, loaded now."""
        fixes = await self._curation.fixes(guild_id)

        def judge(item_id: str, text: str) -> Judgement:
            item = self._items[item_id]
            fix = fixes.get(item_id) or QuestionFix(guild_id, item_id)
            return self._judge.judge(
                text,
                fix.accepted(item.answers),
                kind=item.type.value,
                choices=item.choices or None,
                question=item.question,
            )

        return judge

    async def feed_back(self, state: NightState) -> None:
        """Count a finished night's answers per question and recalibrate their difficulty."""
        guild_id = state.night.guild_id
        fixes = await self._curation.fixes(guild_id)
        for stats in night_question_stats(state):
            item = self._items.get(stats.item_id)
            difficulty = item.difficulty if item else UNKNOWN_DIFFICULTY
            fix = fixes.get(stats.item_id) or QuestionFix(guild_id, stats.item_id)
            await self._curation.save_fix(fix.with_play(stats, difficulty))


def night_question_stats(state: NightState) -> tuple[QuestionStats, ...]:
    """What a night adds to each question's statistics (skipped questions add nothing)."""
    stats: list[QuestionStats] = []
    for round_index, items in enumerate(state.questions):
        for number, item_id in enumerate(items):
            cursor = Cursor(round_index, number)
            given = [a for a in state.answers if a.cursor == cursor]
            if cursor in state.skipped or not given:
                continue
            right = [a.elapsed_ms for a in given if a.correct]
            stats.append(QuestionStats(item_id, 1, len(given), len(right), median_ms(right)))
    return tuple(stats)
