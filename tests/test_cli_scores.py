"""Scores from the command line: leaderboards, a player's record and seasons."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import SEEDS
from tests.test_cli import _one_item_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    out = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(SEEDS), "--out", str(out)]) == 0
    return out


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'scores.sqlite3'}"
    monkeypatch.setenv("TRIVIA_DATABASE_URL", url)
    return url


def _play(monkeypatch, bank_file: Path, player: str, answer: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(answer + "\n"))
    assert main(["play", "--bank", str(bank_file), "--questions", "1", "--player", player]) == 0


def test_leaderboard_and_stats_show_what_terminal_games_recorded(
    bank, tmp_path, database, monkeypatch, capsys
):
    one, answer = _one_item_bank(bank, tmp_path, "open")
    _play(monkeypatch, one, "Valentina", answer)
    _play(monkeypatch, one, "Yuri", "certainly not the answer")
    capsys.readouterr()

    assert main(["leaderboard"]) == 0
    board = capsys.readouterr().out
    assert "terminal, all time" in board
    assert "Valentina" in board
    assert "Yuri" not in board  # no points, no place

    assert main(["stats", "Valentina"]) == 0
    stats = capsys.readouterr().out
    assert "accuracy" in stats
    assert "100%" in stats
    assert main(["stats", "yuri"]) == 0  # names are found whatever their case
    assert "0%" in capsys.readouterr().out


def test_stats_of_an_unknown_player_is_an_error(database, capsys):
    assert main(["stats", "Gherman"]) == 1
    assert "no games recorded for 'Gherman'" in capsys.readouterr().err
    assert main(["stats", "--discord", "1234"]) == 1


def test_leaderboard_of_another_server_or_period_starts_empty(database, capsys):
    assert main(["leaderboard", "--guild", "42", "--period", "week"]) == 0
    assert "server 42, this week): nobody has scored yet" in capsys.readouterr().out
    assert main(["leaderboard", "--everywhere", "--period", "season"]) == 0
    assert "every server, this season" in capsys.readouterr().out


def test_bad_row_counts_are_refused_before_anything_runs(database, capsys):
    for limit in ("0", "101", "ten"):
        with pytest.raises(SystemExit) as refused:
            main(["leaderboard", "--limit", limit])
        assert refused.value.code == 2


def test_seasons_start_with_a_cleaned_name_and_show_as_current(database, capsys):
    assert main(["season"]) == 0
    assert "No season has been started" in capsys.readouterr().out
    assert main(["season", "start", "  Spring \n 2027 "]) == 0
    assert "Season 'Spring 2027' started" in capsys.readouterr().out
    assert main(["season"]) == 0
    assert "Current season: Spring 2027" in capsys.readouterr().out
    assert main(["season", "start", "   "]) == 1
    assert main(["season", "start", "x" * 101]) == 1
    assert "1 to 100 characters" in capsys.readouterr().err


def test_an_unreachable_database_is_reported(monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/none")
    for command in (["leaderboard"], ["stats", "Yuri"], ["season"]):
        assert main(command) == 1
        assert "unreachable" in capsys.readouterr().err
