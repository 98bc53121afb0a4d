"""The night snapshots migration 0016 could not read leave the database (migration 0019).

An empty ``night_snapshot_quarantine`` is dropped; one still holding snapshots stops the
upgrade at 0018 with one line naming ``trivia db export-unreadable-nights``, every
snapshot kept; the command writes them to a file, deletes them once confirmed, and the
upgrade then goes through. Downgrading creates the table again, empty.
"""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import inspect

from bot.cli import main
from bot.game.ports import StorageError
from bot.storage import db

QUARANTINE = sa.table(
    "night_snapshot_quarantine", sa.column("night_id", sa.Integer), sa.column("snapshot", sa.Text)
)
NIGHTS = sa.table(
    "quiz_nights",
    sa.column("id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("channel_id", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("snapshot", sa.Text),
)
ANNA = {"platform": "discord", "external_id": "501", "name": "Anna"}
# What 0016 cannot read: another version naming a member, text that is not JSON at all.
DAMAGED = {
    4: json.dumps({"version": 99, "night": {"participants": [{"player": ANNA}]}}),
    9: 'not JSON at all: «quiz» \\ "quoted"\nsecond line',
}
EXPORT = "trivia db export-unreadable-nights PATH"


async def _at_0015_with_damaged_nights(url: str) -> None:
    """A database at 0015 whose nights 4 and 9 hold snapshots 0016 cannot read."""
    engine = db.create_engine(url)
    try:
        await db.upgrade(engine, "0015")
        async with engine.begin() as connection:
            for night_id, text in DAMAGED.items():
                await connection.execute(
                    sa.insert(NIGHTS).values(
                        id=night_id, guild_id=1, channel_id=2, status="scheduled", snapshot=text
                    )
                )
    finally:
        await engine.dispose()


async def _state(url: str) -> tuple[str | None, dict[int, str] | None]:
    """The revision, and the quarantine's snapshots by night (None: no such table)."""
    engine = db.create_engine(url)
    try:
        async with engine.connect() as connection:
            kept = await connection.run_sync(
                lambda c: inspect(c).has_table("night_snapshot_quarantine")
            )
            rows = (await connection.execute(sa.select(QUARANTINE))).all() if kept else None
        revision = await db.current_revision(engine)
    finally:
        await engine.dispose()
    return revision, None if rows is None else {row.night_id: row.snapshot for row in rows}


async def _migrate(url: str, down_to: str | None = None) -> None:
    engine = db.create_engine(url)
    try:
        if down_to is None:
            await db.upgrade(engine)
        else:
            await db.downgrade(engine, down_to)
    finally:
        await engine.dispose()


async def test_an_empty_quarantine_is_dropped_and_comes_back_empty_going_down(database_url):
    try:
        await _migrate(database_url)
        assert await _state(database_url) == ("0021", None)
        await _migrate(database_url, "0018")
        assert await _state(database_url) == ("0018", {})
        await _migrate(database_url)
        assert await _state(database_url) == ("0021", None)
    finally:
        await _migrate(database_url, "base")


async def test_an_upgrade_stops_at_0018_while_snapshots_wait_and_loses_none(database_url):
    try:
        await _at_0015_with_damaged_nights(database_url)
        for _ in range(2):  # from 0015 (0016 quarantines them), then from 0018
            with pytest.raises(StorageError) as stopped:
                await _migrate(database_url)
            message = str(stopped.value)
            assert "\n" not in message
            assert message.startswith(
                "cannot migrate: 2 night snapshots migration 0016 could not read are still "
                "in night_snapshot_quarantine, so the database stays at revision 0018"
            )
            assert f"`{EXPORT}`" in message
            assert await _state(database_url) == ("0018", DAMAGED)
    finally:
        await _migrate(database_url, "base")


def _export(monkeypatch, url: str, *args: str) -> int:
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    return main(["db", "export-unreadable-nights", *args])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_export_writes_them_asks_and_deletes_only_after_yes(
    database_url, tmp_path: Path, monkeypatch, capsys
):
    out = tmp_path / "unreadable.jsonl"
    try:
        asyncio.run(_at_0015_with_damaged_nights(database_url))
        with pytest.raises(StorageError):
            asyncio.run(_migrate(database_url))
        capsys.readouterr()  # 0016's log lines for the snapshots it quarantined

        # No standard input: written, asked, nothing deleted.
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert _export(monkeypatch, database_url, str(out)) == 1
        captured = capsys.readouterr()
        assert "wrote 2 unreadable night snapshots (nights 4, 9) to" in captured.out
        assert "This deletes the 2 unreadable night snapshots from the database" in captured.out
        assert "Run again with --yes" in captured.out
        assert captured.err.strip() == (
            "error: not confirmed; the 2 unreadable night snapshots stay in the database as well"
        )
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == [
            {"night_id": night_id, "snapshot": text} for night_id, text in DAMAGED.items()
        ]
        assert asyncio.run(_state(database_url)) == ("0018", DAMAGED)
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

        # On a terminal answering no: nothing deleted; yes: deleted, the file the same.
        monkeypatch.setattr("sys.stdin", Terminal("no\n"))
        assert _export(monkeypatch, database_url, str(out), "--overwrite") == 1
        assert asyncio.run(_state(database_url)) == ("0018", DAMAGED)
        monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
        assert _export(monkeypatch, database_url, str(out), "--overwrite") == 0
        assert "deleted the 2 unreadable night snapshots" in capsys.readouterr().out
        assert out.read_text(encoding="utf-8").splitlines() == lines
        assert asyncio.run(_state(database_url)) == ("0018", {})

        # Now the upgrade drops the table; down and up again.
        asyncio.run(_migrate(database_url))
        assert asyncio.run(_state(database_url)) == ("0021", None)
        asyncio.run(_migrate(database_url, "0018"))
        assert asyncio.run(_state(database_url)) == ("0018", {})
        asyncio.run(_migrate(database_url))
        assert asyncio.run(_state(database_url)) == ("0021", None)
    finally:
        asyncio.run(_migrate(database_url, "base"))


def test_the_export_with_yes_deletes_without_asking(
    database_url, tmp_path: Path, monkeypatch, capsys
):
    out = tmp_path / "nights" / "unreadable.jsonl"  # its folder is created
    try:
        asyncio.run(_at_0015_with_damaged_nights(database_url))
        asyncio.run(_upgrade_to(database_url, "0018"))
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert _export(monkeypatch, database_url, str(out), "--yes") == 0
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2
        assert asyncio.run(_state(database_url)) == ("0018", {})
        asyncio.run(_migrate(database_url))
        assert asyncio.run(_state(database_url)) == ("0021", None)
    finally:
        asyncio.run(_migrate(database_url, "base"))


def test_an_unconfirmed_export_run_again_with_yes_keeps_its_file(
    database_url, tmp_path: Path, monkeypatch, capsys
):
    out = tmp_path / "unreadable.jsonl"
    try:
        asyncio.run(_at_0015_with_damaged_nights(database_url))
        asyncio.run(_upgrade_to(database_url, "0018"))
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert _export(monkeypatch, database_url, str(out)) == 1  # written, not confirmed
        written = out.read_text(encoding="utf-8")
        # run again as the hint says: the file holding exactly them is kept, not refused
        assert _export(monkeypatch, database_url, str(out), "--yes") == 0
        assert f"to {out.resolve()}" in capsys.readouterr().out
        assert out.read_text(encoding="utf-8") == written
        assert asyncio.run(_state(database_url)) == ("0018", {})
        # a file holding something else is still refused without --overwrite
        other = tmp_path / "other.jsonl"
        other.write_text("kept\n", encoding="utf-8")
        asyncio.run(_migrate(database_url, "base"))
        asyncio.run(_at_0015_with_damaged_nights(database_url))
        asyncio.run(_upgrade_to(database_url, "0018"))
        assert _export(monkeypatch, database_url, str(other), "--yes") == 1
        assert other.read_text(encoding="utf-8") == "kept\n"
    finally:
        asyncio.run(_migrate(database_url, "base"))


async def _upgrade_to(url: str, revision: str) -> None:
    engine = db.create_engine(url)
    try:
        await db.upgrade(engine, revision)
    finally:
        await engine.dispose()
