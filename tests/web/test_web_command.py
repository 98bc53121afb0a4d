"""``trivia web`` without a migrated database: one line, exit status 1, nothing served."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from bot.cli import main
from bot.storage import db
from questions.errors import QuestionGenError


def test_an_empty_database_is_refused_in_one_line(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}")
    assert main(["web", "--port", "8999"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "revision base (empty)" in err
    assert "trivia db upgrade" in err


def test_a_database_behind_the_newest_revision_is_refused(tmp_path: Path, monkeypatch, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}"

    async def older() -> None:
        engine = db.create_engine(url)
        await db.upgrade(engine, "0019")
        await engine.dispose()

    asyncio.run(older())
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    assert main(["web"]) == 1
    assert f"at revision 0019, not {db.head_revision()}" in capsys.readouterr().err


def test_a_port_in_use_is_refused_in_one_line(tmp_path: Path, monkeypatch, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}"

    async def migrated() -> None:
        engine = db.create_engine(url)
        await db.upgrade(engine)
        await engine.dispose()

    asyncio.run(migrated())
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    monkeypatch.setenv("TRIVIA_BANK_PATH", str(tmp_path / "missing-bank.json"))
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        monkeypatch.setattr("bot.cli.load_items", lambda *args: ())
        monkeypatch.setattr("bot.cli.build_bank", _no_report)
        assert main(["web", "--port", str(port)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert f"cannot listen on 127.0.0.1:{port}" in err


def _no_report(*args, **kwargs):
    raise QuestionGenError("no seeds here")
