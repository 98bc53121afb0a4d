"""The leaderboard's records are read once a minute per guild, the missing ones at once."""

from __future__ import annotations

from datetime import timedelta

from bot.game.models import BoardRecord, GuildId, PlayerId
from bot.web.site import BoardRecords
from tests.conftest import FakeClock


class _Records:
    def __init__(self) -> None:
        self.asked: list[tuple[GuildId, list[PlayerId]]] = []
        self.correct = 1

    async def board_records(self, guild_id, player_ids):
        self.asked.append((guild_id, list(player_ids)))
        return {p: BoardRecord(10, self.correct, 1) for p in player_ids if p != PlayerId(9)}


async def test_records_are_kept_for_a_minute_then_read_again():
    clock, records = FakeClock(), _Records()
    kept = BoardRecords(clock, timedelta(minutes=1))
    one, two, gone = PlayerId(1), PlayerId(2), PlayerId(9)
    first = await kept.of(records, GuildId(5), [one, gone])
    assert first == {one: BoardRecord(10, 1, 1), gone: None}
    records.correct = 7
    clock.advance(59)
    again = await kept.of(records, GuildId(5), [one, two, gone])
    assert again[one].correct == 1  # kept
    assert again[two].correct == 7  # new on the board: read at once
    assert records.asked == [(GuildId(5), [one, gone]), (GuildId(5), [two])]
    await kept.of(records, GuildId(6), [one])  # each guild its own
    clock.advance(1)
    fresh = await kept.of(records, GuildId(5), [one])
    assert fresh[one].correct == 7
    kept.clear()
    await kept.of(records, GuildId(5), [one])
    assert len(records.asked) == 5
