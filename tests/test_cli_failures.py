"""Every failure an operator can meet ends in one line naming the cause, exit status 1.

Each test reproduces one failure that used to end in a traceback or lose data: a database
that does not exist, an unknown role, a SQLite folder that cannot be created, a file that
is not a database, a full disk, a deeply nested decisions file, a closed standard input,
Ctrl-C while starting, a downgrade to nothing, and a build that produced nothing.
"""

from __future__ import annotations

import asyncio
import errno
import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.cli import main
from questions.bank import load_bank
from tests.conftest import REPO_ROOT, SEEDS

LOG_RECORD = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ WARNING ")


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    # Log records (the documents a build skipped, each named) may come before the error.
    lines = [line for line in captured.err.splitlines() if not LOG_RECORD.match(line)]
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.fixture
def tiny_seeds(tmp_path: Path) -> Path:
    """Three seed documents: enough for a bank, quick to build."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted(SEEDS.iterdir())[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture
def built_bank(tmp_path: Path, tiny_seeds: Path) -> Path:
    out = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(tiny_seeds), "--out", str(out)]) == 0
    return out


@pytest.mark.postgres
def test_a_postgresql_database_that_does_not_exist_is_named(postgres_server, monkeypatch, capsys):
    url = make_url(postgres_server).set(database="no_such_database_here")
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url.render_as_string(hide_password=False))
    assert main(["leaderboard"]) == 1
    line = _one_error_line(capsys)
    assert line.startswith("error: the database postgresql+asyncpg://")
    assert line.endswith('cannot be used: database "no_such_database_here" does not exist')


@pytest.mark.postgres
def test_an_unknown_role_is_named_and_its_password_masked(postgres_server, monkeypatch, capsys):
    url = make_url(postgres_server).set(username="nobody_here", password="s3cret-pw")
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url.render_as_string(hide_password=False))
    assert main(["db", "upgrade"]) == 1
    line = _one_error_line(capsys)
    assert "s3cret-pw" not in line
    assert "nobody_here:***@" in line
    assert 'role "nobody_here" does not exist' in line


def test_a_sqlite_folder_that_cannot_be_created_is_named(tmp_path: Path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{blocker}/sub/trivia.db")
    assert main(["stats", "Alexei"]) == 1
    assert _one_error_line(capsys) == (
        f"error: cannot create the folder {blocker}/sub for the SQLite database: Not a directory"
    )


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path, monkeypatch, capsys):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not SQLite at all, just some text" * 100)
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{junk}")
    assert main(["leaderboard"]) == 1
    assert _one_error_line(capsys) == (
        f"error: the database sqlite+aiosqlite:///{junk} cannot be used: file is not a database"
    )


def test_a_full_disk_on_build_out_keeps_the_old_bank(
    built_bank: Path, tiny_seeds: Path, monkeypatch, capsys
):
    before = built_bank.read_bytes()
    capsys.readouterr()

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["build", "--seeds", str(tiny_seeds), "--out", str(built_bank), "--seed", "7"]) == 1
    assert _one_error_line(capsys) == f"error: {built_bank}: No space left on device"
    assert built_bank.read_bytes() == before
    # The record of what the old bank was built from stays with it, unchanged.
    assert sorted(p.name for p in built_bank.parent.iterdir() if "bank" in p.name) == [
        "bank.json",
        "bank.json.inputs.json",
        "bank.json.lock",
    ]


def test_a_deeply_nested_decisions_file_is_one_line(tmp_path: Path, capsys):
    deep = tmp_path / "decisions.yaml"
    deep.write_text("decisions: " + "[" * 20_000 + "]" * 20_000, encoding="utf-8")
    assert main(["facts", "--seeds", str(SEEDS), "--decisions", str(deep)]) == 1
    assert _one_error_line(capsys) == (f"error: {deep}: nested too deeply to be a decisions file")


def test_play_with_a_closed_standard_input_says_so(built_bank: Path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", None)
    assert main(["play", "--bank", str(built_bank)]) == 1
    assert _one_error_line(capsys) == (
        "error: standard input is closed: `trivia play` reads your answers from it"
    )


def test_ctrl_c_while_play_starts_is_one_line(built_bank: Path, monkeypatch, capsys):
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.cli.load_items", interrupted)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["play", "--bank", str(built_bank)]) == 130
    assert _one_error_line(capsys) == (
        "interrupted (Ctrl-C); every file is written whole or not at all"
    )


def test_ctrl_c_while_the_program_loads_is_one_line(monkeypatch, capsys):
    from bot import entry

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.cli.main", interrupted)
    assert entry.main() == 130
    assert _one_error_line(capsys) == "interrupted (Ctrl-C); nothing was changed"


# Says "ready" once the interpreter has started, then does what the console script does.
ENTRY = (
    "import sys; sys.stderr.write('ready\\n'); sys.stderr.flush(); "
    "from bot.entry import main; sys.exit(main())"
)


def _trivia(database: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIVIA_")}
    env["TRIVIA_DATABASE_URL"] = database
    process: subprocess.Popen[str] = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", ENTRY, *args],
        cwd=REPO_ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,  # type: ignore[call-overload]
    )
    return process


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.4, 0.6, 0.9])
def test_ctrl_c_in_the_first_second_of_play_prints_no_traceback(
    built_bank: Path, tmp_path: Path, delay: float
):
    database = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    game = _trivia(database, "play", "--bank", str(built_bank), stdin=subprocess.PIPE)
    assert game.stderr is not None
    assert game.stderr.readline() == "ready\n"
    time.sleep(delay)  # not an assertion: where in the start-up the signal lands
    game.send_signal(signal.SIGINT)
    out, err = game.communicate(timeout=60)
    assert "Traceback" not in err
    assert game.returncode in (0, 130), err
    if game.returncode == 130:
        assert err.startswith("interrupted (Ctrl-C)")
        assert len(err.strip().splitlines()) == 1, err
    else:
        assert "Game ended early" in out


def test_play_with_standard_input_closed_by_the_shell(built_bank: Path, tmp_path: Path):
    database = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    closed = _trivia(
        database,
        "play",
        "--bank",
        str(built_bank),
        preexec_fn=lambda: os.close(0),  # as `trivia play <&-` does
    )
    _, err = closed.communicate(timeout=60)
    assert closed.returncode == 1
    assert err.splitlines()[1:] == [
        "error: standard input is closed: `trivia play` reads your answers from it"
    ]


def test_db_downgrade_without_a_target_drops_nothing(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "downgrade"]) == 2
    assert "say which revision to go down to" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "base (empty)" not in capsys.readouterr().out


def test_db_downgrade_says_what_it_removes_and_needs_yes(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "downgrade", "base"]) == 1
    captured = capsys.readouterr()
    assert re.search(r"reverts \d+ migrations: 00\d\d \(.*0001 \(Initial schema", captured.out)
    assert "Every table is dropped with all its data: accepted_forms, answers," in captured.out
    assert "Run again with --yes" in captured.out
    assert captured.err.strip() == "error: not confirmed; nothing was changed"
    assert main(["db", "current"]) == 0
    head = int(re.findall(r"revision (\d+)", capsys.readouterr().out)[0])
    assert main(["db", "downgrade", "-1", "--yes"]) == 0
    captured = capsys.readouterr().out
    assert f"reverts 1 migration: {head:04d} (" in captured
    assert "The tables and columns they added are dropped" in captured
    assert f"revision {head - 1:04d}" in captured


def test_db_downgrade_asks_on_a_terminal(tmp_path: Path, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    assert main(["db", "downgrade", "base"]) == 1
    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    assert main(["db", "downgrade", "base"]) == 0
    assert "base (empty)" in capsys.readouterr().out


@pytest.mark.parametrize("content", ["empty", "all bad"])
def test_a_build_that_produced_nothing_keeps_the_bank(
    built_bank: Path, tmp_path: Path, capsys, content: str
):
    before = load_bank(built_bank)
    seeds = tmp_path / "other-seeds"
    seeds.mkdir()
    if content == "all bad":
        (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\x01")
        (seeds / "empty.md").write_text("  \n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--seeds", str(seeds), "--out", str(built_bank)]) == 1
    skipped = 2 if content == "all bad" else 0
    assert _one_error_line(capsys) == (
        f"error: the build produced no items (0 documents read, {skipped} skipped); "
        f"{built_bank} kept as it was"
    )
    assert load_bank(built_bank) == before


def test_a_build_that_produced_nothing_writes_no_new_bank(tmp_path: Path, capsys):
    seeds = tmp_path / "none"
    seeds.mkdir()
    out = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 1
    assert _one_error_line(capsys).endswith("; nothing written")
    assert not out.exists()


def test_a_seeds_folder_names_every_path_it_skips(tiny_seeds: Path, tmp_path: Path, capsys):
    (tiny_seeds / "folder.txt").mkdir()
    (tiny_seeds / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tiny_seeds / "loop.md").symlink_to(tiny_seeds / "loop.md")
    os.mkfifo(tiny_seeds / "pipe.txt")
    out = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(tiny_seeds), "--out", str(out)]) == 3
    printed = capsys.readouterr()
    text = printed.out + printed.err
    for reason in (
        "folder.txt: is a folder, not a document",
        "dangling.txt: is a dangling link",
        "loop.md: is a symlink loop",
        "pipe.txt: is a FIFO (named pipe), not a document",
    ):
        assert reason in text


def test_reference_validate_refuses_dev_zero_and_a_fifo(tmp_path: Path, capsys):
    fifo = tmp_path / "refs.yaml"
    os.mkfifo(fifo)
    assert main(["reference", "validate", "/dev/zero"]) == 1
    assert "/dev/zero: a character device, not a regular file" in capsys.readouterr().out
    assert main(["reference", "validate", str(fifo)]) == 1
    assert f"{fifo}: a FIFO (named pipe), not a regular file" in capsys.readouterr().out


def test_build_if_stale_and_the_built_bank_is_what_show_reads(
    tiny_seeds: Path, tmp_path: Path, monkeypatch, capsys
):
    data = tmp_path / "data"
    monkeypatch.setenv("TRIVIA_DATA_DIR", str(data))
    monkeypatch.setenv("TRIVIA_SEEDS_DIR", str(tiny_seeds))
    assert main(["build", "--if-stale"]) == 0
    bank = data / "bank.json"
    assert f"building {bank}: {bank} does not exist yet" in capsys.readouterr().out
    item = load_bank(bank)[0]
    assert main(["build", "--if-stale"]) == 0
    assert "is up to date" in capsys.readouterr().out

    # show reads the built bank while it is up to date: nothing is built again.
    def no_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr("bot.cli.build_bank", no_build)
    assert main(["show", item.id]) == 0
    assert item.question in capsys.readouterr().out
    monkeypatch.undo()
    monkeypatch.setenv("TRIVIA_DATA_DIR", str(data))
    monkeypatch.setenv("TRIVIA_SEEDS_DIR", str(tiny_seeds))

    # A seed document changed with its old time kept (as Docker COPY does): built again.
    document = sorted(tiny_seeds.iterdir())[0]
    times = document.stat()
    document.write_text(document.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(document, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert main(["build", "--if-stale"]) == 0
    assert f"building {bank}: the seeds changed since {bank} was built" in (capsys.readouterr().out)
    assert main(["build", "--if-stale"]) == 0
    assert "is up to date" in capsys.readouterr().out
    (data / "bank.json.inputs.json").unlink()  # a bank built before inputs were recorded
    assert main(["build", "--if-stale"]) == 0
    assert "no readable record of what it was built from" in capsys.readouterr().out


def _waiting_snapshots(path: Path, texts: dict[int, str]) -> str:
    """A SQLite database at 0018 whose quarantine holds ``texts`` by night; its URL."""
    import sqlalchemy as sa

    from bot.storage import db

    url = f"sqlite+aiosqlite:///{path}"

    async def build() -> None:
        engine = db.create_engine(url)
        try:
            await db.upgrade(engine, "0018")
            async with engine.begin() as connection:
                for night_id, text in texts.items():
                    await connection.execute(
                        sa.text("INSERT INTO quiz_nights (id) VALUES (:id)"), {"id": night_id}
                    )
                    await connection.execute(
                        sa.text("INSERT INTO night_snapshot_quarantine VALUES (:id, :text)"),
                        {"id": night_id, "text": text},
                    )
        finally:
            await engine.dispose()

    asyncio.run(build())
    return url


def test_db_upgrade_while_unreadable_snapshots_wait_names_the_export(
    tmp_path: Path, monkeypatch, capsys
):
    url = _waiting_snapshots(tmp_path / "db.sqlite3", {3: "{broken"})
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 1
    line = _one_error_line(capsys)
    assert line.startswith("error: cannot migrate: 1 night snapshot migration 0016 could not")
    assert "export them with `trivia db export-unreadable-nights PATH`" in line
    assert main(["db", "current"]) == 0
    assert "database at revision 0018" in capsys.readouterr().out


def test_export_unreadable_nights_from_an_unreachable_database(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/none")
    out = tmp_path / "out.jsonl"
    assert main(["db", "export-unreadable-nights", str(out), "--yes"]) == 1
    assert "unreachable" in _one_error_line(capsys)
    assert not out.exists()


def test_export_unreadable_nights_to_a_path_that_cannot_be_written(
    tmp_path: Path, monkeypatch, capsys
):
    monkeypatch.setenv(
        "TRIVIA_DATABASE_URL", _waiting_snapshots(tmp_path / "db.sqlite3", {3: "{broken"})
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["db", "export-unreadable-nights", str(blocker / "out.jsonl"), "--yes"]) == 1
    line = _one_error_line(capsys)
    assert line.startswith(f"error: {blocker}")
    assert main(["db", "upgrade"]) == 1  # nothing was deleted
    assert "1 night snapshot" in capsys.readouterr().err


def test_export_unreadable_nights_with_nothing_to_export(tmp_path: Path, monkeypatch, capsys):
    url = _waiting_snapshots(tmp_path / "db.sqlite3", {})
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    out = tmp_path / "out.jsonl"
    assert main(["db", "export-unreadable-nights", str(out), "--yes"]) == 1
    assert _one_error_line(capsys) == (
        "error: nothing to export: night_snapshot_quarantine holds no snapshot; nothing written"
    )
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "export-unreadable-nights", str(out), "--yes"]) == 1
    assert _one_error_line(capsys).startswith(
        "error: nothing to export: the database has no night_snapshot_quarantine table"
    )
    assert not out.exists()


def test_export_unreadable_nights_keeps_an_existing_file(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv(
        "TRIVIA_DATABASE_URL", _waiting_snapshots(tmp_path / "db.sqlite3", {3: "{broken"})
    )
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    assert main(["db", "export-unreadable-nights", str(out), "--yes"]) == 1
    assert _one_error_line(capsys) == (
        f"error: {out}: already exists; not overwritten (give --overwrite to replace it)"
    )
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert main(["db", "export-unreadable-nights", str(out), "--yes", "--overwrite"]) == 0
    assert out.read_text(encoding="utf-8") == '{"night_id": 3, "snapshot": "{broken"}\n'
    assert main(["db", "upgrade"]) == 0


def test_export_unreadable_nights_names_an_existing_file_as_it_is(
    tmp_path: Path, monkeypatch, capsys
):
    monkeypatch.setenv(
        "TRIVIA_DATABASE_URL", _waiting_snapshots(tmp_path / "db.sqlite3", {3: "{broken"})
    )
    out = tmp_path / "[red]nights.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    assert main(["db", "export-unreadable-nights", str(out)]) == 1
    assert _one_error_line(capsys) == (
        f"error: {out}: already exists; not overwritten (give --overwrite to replace it)"
    )
