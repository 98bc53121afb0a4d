"""The trivia command line: build, facts, show, validate, db and a piped terminal game."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.game.models import TERMINAL_GUILD, Period
from bot.storage import db
from bot.storage.sql import SqlRepository
from questions.bank import load_bank, save_bank
from questions.models import Claim, Document
from tests.conftest import SEEDS


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(SEEDS), "--out", str(out)]) == 0
    return out


def _one_item_bank(bank: Path, tmp_path: Path, kind: str) -> tuple[Path, str]:
    item = next(i for i in load_bank(bank) if i.type.value == kind)
    path = tmp_path / f"{kind}.json"
    save_bank([item], path)
    return path, item.answers[0]


def test_build_writes_a_valid_bank_and_reports_counts(bank: Path, capsys):
    capsys.readouterr()
    assert main(["validate", str(bank)]) == 0
    assert "valid bank" in capsys.readouterr().out
    data = json.loads(bank.read_text())
    assert data["format"] == "soviet-space-trivia/bank"
    assert data["version"] == 1
    for item in data["items"]:
        assert set(item) >= {"id", "type", "question", "answers", "fact", "sources"}


def test_build_report_names_types_and_relations(tmp_path: Path, capsys):
    main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "b.json")])
    out = capsys.readouterr().out
    assert "Items per type" in out
    assert "multiple_choice" in out
    assert "release_year" in out


def test_build_exit_status_says_a_document_was_skipped(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\x01")
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "b.json")]) == 3
    assert "broken.txt" in capsys.readouterr().out


def _failing_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Make the extractor fail, as a fault of ours would, on documents holding ``marker``."""
    from questions.extract import Extractor

    extract = Extractor.extract

    def failing(self: Extractor, document: Document) -> list[Claim]:
        if marker in document.text:
            raise IndexError("list index out of range")
        return extract(self, document)

    monkeypatch.setattr(Extractor, "extract", failing)


def test_build_goes_on_past_a_document_the_extractor_fails_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "trap.txt").write_text("Solaris (1972) was directed by Andrei Tarkovsky. TRAP\n")
    _failing_on(monkeypatch, "TRAP")
    out = tmp_path / "b.json"
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 3
    printed = capsys.readouterr()
    lines = [line for line in printed.out.splitlines() if "trap" in line]
    assert len(lines) == 1
    assert "internal error (IndexError)" in lines[0]
    assert "Traceback" not in printed.out + printed.err
    built = load_bank(out)
    assert built
    assert all(quote.document != "trap" for item in built for quote in item.sources)


def test_facts_json_lists_contradicted_claims_with_source(capsys):
    assert main(["facts", "--seeds", str(SEEDS), "--json", "--verdict", "contradicted"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["claims"]
    assert all(c["verdict"] == "contradicted" for c in report["claims"])
    assert all(c["correct_value"] and c["source"]["url"] for c in report["claims"])
    assert report["disagreements"]
    # Only surely attributed claims are ever blamed on the document.
    assert all(c["confidence"] >= 0.7 and c["attribution"] for c in report["claims"])


def test_facts_json_shows_how_each_claim_was_attributed(capsys):
    assert (
        main(["facts", "--seeds", str(SEEDS.parent / "tests" / "data" / "tuning"), "--json"]) == 0
    )
    claims = json.loads(capsys.readouterr().out)["claims"]
    doubtful = [c for c in claims if c["confidence"] < 0.7]
    assert doubtful
    assert all("uncertain" in c["attribution"] for c in doubtful)
    assert all(c["verdict"] != "contradicted" for c in doubtful)


def test_show_prints_item_with_evidence(bank: Path, capsys):
    item = load_bank(bank)[0]
    capsys.readouterr()
    assert main(["show", item.id, "--bank", str(bank)]) == 0
    out = capsys.readouterr().out
    assert item.question in out
    assert item.sources[0].quote[:40] in out


def test_show_unknown_id_fails(bank: Path, capsys):
    assert main(["show", "q-nope", "--bank", str(bank)]) == 1


def test_validate_rejects_broken_bank(tmp_path: Path, capsys):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "soviet-space-trivia/bank", "version": 1, "items": [{}]}')
    assert main(["validate", str(path)]) == 1
    assert "items.0" in capsys.readouterr().err


def _play(monkeypatch, url: str, bank: Path, player: str, stdin: str) -> int:
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["play", "--bank", str(bank), "--questions", "1", "--player", player])


async def _leaderboard(url: str):
    engine = db.create_engine(url)
    try:
        repository = SqlRepository(db.session_factory(engine))
        return await repository.leaderboard(TERMINAL_GUILD, Period.ALL_TIME, datetime.now(UTC))
    finally:
        await engine.dispose()


@pytest.mark.parametrize("kind", ["open", "multiple_choice", "true_false"])
def test_piped_play_records_score_and_shows_leaderboard(
    bank: Path, tmp_path: Path, monkeypatch, capsys, kind: str
):
    one, answer = _one_item_bank(bank, tmp_path, kind)
    url = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    capsys.readouterr()
    assert _play(monkeypatch, url, one, "Valentina", answer + "\n") == 0
    out = capsys.readouterr().out
    assert "Correct!" in out
    assert "Valentina" in out
    assert "Leaderboard" in out
    (standing,) = asyncio.run(_leaderboard(url))
    assert standing.name == "Valentina"
    assert standing.points > 0


def test_piped_play_wrong_answer_scores_nothing(bank: Path, tmp_path: Path, monkeypatch, capsys):
    one, _ = _one_item_bank(bank, tmp_path, "open")
    url = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    assert _play(monkeypatch, url, one, "Yuri", "completely wrong\n") == 0
    assert "Not quite" in capsys.readouterr().out
    assert asyncio.run(_leaderboard(url)) == []


def test_play_end_of_input_ends_cleanly_with_scores_saved(
    bank: Path, tmp_path: Path, monkeypatch, capsys
):
    url = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    one, answer = _one_item_bank(bank, tmp_path, "open")
    monkeypatch.setattr("sys.stdin", io.StringIO(answer + "\n"))
    assert main(["play", "--bank", str(one), "--questions", "3", "--player", "Gherman"]) == 0
    out = capsys.readouterr().out
    assert "ended early" in out
    (standing,) = asyncio.run(_leaderboard(url))
    assert standing.name == "Gherman"
    assert standing.points > 0


def test_play_without_bank_builds_from_seeds(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(SEEDS.parent)
    url = f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}"
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["play", "--questions", "1", "--player", "Alexei"]) == 0
    assert "Question 1/1" in capsys.readouterr().out


def test_play_reports_unreachable_database(bank: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/none")
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert main(["play", "--bank", str(bank), "--questions", "1"]) == 1
    assert "unreachable" in capsys.readouterr().err


def test_db_upgrade_and_downgrade_commands(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["db", "upgrade"]) == 0
    assert f"revision {db.head_revision()}" in capsys.readouterr().out
    assert main(["db", "downgrade", "base", "--yes"]) == 0
    assert "base (empty)" in capsys.readouterr().out


def test_piped_play_on_each_backend(bank: Path, tmp_path: Path, monkeypatch, capsys, database_url):
    one, answer = _one_item_bank(bank, tmp_path, "open")

    async def reset() -> None:
        engine = db.create_engine(database_url)
        await db.downgrade(engine, "base")
        await engine.dispose()

    try:
        assert _play(monkeypatch, database_url, one, "Pavel", answer + "\n") == 0
        (standing,) = asyncio.run(_leaderboard(database_url))
        assert standing.name == "Pavel"
        assert standing.points > 0
    finally:
        asyncio.run(reset())
