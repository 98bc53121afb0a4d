"""The pack service: per-server packs and choices, without Discord or a database."""

from __future__ import annotations

import pytest

from bot.game.models import GuildId
from bot.game.packs import InMemoryPackChoices, PackError, PackService
from questions.packs import parse_red

LIST = b"Which dog flew on Sputnik 2?: [Laika]\n"


class BrokenFiles:
    def save(self, pack):
        raise OSError("No space left on device")

    def remove(self, name, guild_id=None):
        raise OSError("Read-only file system")


async def test_packs_without_files_are_kept_in_memory_per_server():
    service = PackService((), None, InMemoryPackChoices())
    one, two = GuildId(1), GuildId(2)
    first = await service.import_upload(one, LIST, "dogs.yaml")
    again = await service.import_upload(one, LIST, "dogs.yaml")
    assert (first.replaced, again.replaced) == (False, True)
    assert service.item(first.pack.items[0].id) == first.pack.items[0]
    assert [e.pack.name for e in await service.listing(one)] == ["dogs"]
    assert await service.listing(two) == []
    await service.set_enabled(one, "DOGS", True)
    assert [p.name for p in await service.enabled_packs(one)] == ["dogs"]
    removed = await service.remove(one, "dogs")
    assert service.item(removed.items[0].id) is None
    assert await service.enabled_packs(one) == ()


async def test_a_pack_that_cannot_be_saved_or_removed_is_one_message():
    operator = parse_red("q?: [a]\n", "bots")
    owned = parse_red("q?: [a]\n", "mine", guild_id=1)
    service = PackService((operator, owned), BrokenFiles(), InMemoryPackChoices())
    with pytest.raises(PackError, match="could not be saved: No space left"):
        await service.import_upload(GuildId(1), LIST, "dogs.yaml")
    with pytest.raises(PackError, match="could not be removed: Read-only"):
        await service.remove(GuildId(1), "mine")
    with pytest.raises(PackError, match="cannot be removed; disable it instead"):
        await service.remove(GuildId(1), "bots")
    with pytest.raises(PackError, match="not UTF-8"):
        await service.import_upload(GuildId(1), b"\xff", "dogs.yaml")
    with pytest.raises(PackError, match="No pack named 'bots' is enabled here"):
        await service.chosen(GuildId(1), "bots")


async def test_an_upload_with_a_number_too_long_to_read_is_reported_not_a_traceback():
    service = PackService((), None, InMemoryPackChoices())
    huge = "9" * 5000
    opentdb = b'{"response_code": 0, "results": [{"correct_answer": ' + huge.encode() + b"}]}"
    with pytest.raises(PackError, match="more than 4,300 digits"):
        await service.import_upload(GuildId(1), opentdb, "big.json")
    red = f"Who?:\n- {huge}\nWhat?:\n- a\n".encode()
    imported = await service.import_upload(GuildId(1), red, "big.yaml")
    assert [s.reason for s in imported.pack.skipped] == ["every answer is over 200 characters"]
