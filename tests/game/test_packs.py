"""The pack service: per-server packs and choices, without Discord or a database."""

from __future__ import annotations

import pytest

from bot.game.models import GuildId
from bot.game.packs import InMemoryPackChoices, PackError, PackLimits, PackService
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


def _list(number: int, padding: int = 0) -> bytes:
    return f"Question {number} {'x' * padding}?: [answer]\n".encode()


async def test_a_server_may_keep_only_so_many_packs_and_bytes():
    operator = parse_red("q?: [a]\n", "bots")
    service = PackService((operator,), None, InMemoryPackChoices(), PackLimits(2, 10_000))
    one, two = GuildId(1), GuildId(2)
    await service.import_upload(one, _list(1), "first.yaml")
    await service.import_upload(one, _list(2), "second.yaml")
    again = await service.import_upload(one, _list(3), "second.yaml")  # a replacement fits
    assert again.replaced
    with pytest.raises(PackError, match="already keeps 2 packs, the most it may"):
        await service.import_upload(one, _list(4), "third.yaml")
    assert [e.pack.name for e in await service.listing(one)] == ["bots", "first", "second"]
    await service.import_upload(two, _list(4), "third.yaml")  # another server's own count

    await service.remove(one, "second")
    await service.import_upload(one, _list(4), "third.yaml")  # room again

    # Each of these packs takes 592 bytes as stored: two fit in 1,200, a third does not.
    sized = PackService((), None, InMemoryPackChoices(), PackLimits(5, 1_200))
    await sized.import_upload(one, _list(1, padding=150), "one.yaml")
    await sized.import_upload(one, _list(2, padding=150), "two.yaml")
    await sized.import_upload(one, _list(3, padding=150), "two.yaml")  # replacing fits
    with pytest.raises(PackError, match=r"takes 0\.6 KB .* already 1\.2 KB, over the 1\.2 KB"):
        await sized.import_upload(one, _list(4, padding=150), "three.yaml")
    assert [e.pack.name for e in await sized.listing(one)] == ["one", "two"]
