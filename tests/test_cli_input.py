"""Bad command-line input: a usage error or a one-line message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

USAGE = 2


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["play", "--questions", "0"], "from 1 to 50"),
        (["play", "--questions", "-3"], "from 1 to 50"),
        (["play", "--questions", "many"], "from 1 to 50"),
        (["play", "--player", "   "], "must not be blank"),
        (["play", "--player", "v" * 80], "at most 32 characters"),
        (["stats", "v" * 80], "at most 32 characters"),
        (["leaderboard", "--guild", "9" * 25], "whole number"),
        (["leaderboard", "--limit", "0"], "from 1 to 100"),
        (["facts", "approve", "c-1", "--by", "", "--why", "invented"], "must not be blank"),
        (["facts", "reject", "c-1", "--by", "mod", "--why", " \n "], "must not be blank"),
        (["--log-level", "nonsense", "season"], "invalid choice"),
    ],
)
def test_bad_arguments_are_usage_errors(argv, problem, capsys):
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == USAGE
    assert problem in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["build", "--out"], ["pack", "export", "bank.json", "--out"]])
def test_writing_onto_a_folder_is_refused_before_anything_is_written(argv, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(SystemExit) as refused:
        main([*argv, str(folder)])
    assert refused.value.code == USAGE
    assert "is a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_unknown_log_level_in_the_environment_names_the_setting(monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_LOG_LEVEL", "verbose")
    assert main(["season"]) == 1
    err = capsys.readouterr().err
    assert "TRIVIA_LOG_LEVEL" in err
    assert "DEBUG, INFO" in err


def test_a_setting_that_is_not_a_list_of_ids_names_the_setting(monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_SHARD_IDS", "first")
    assert main(["season"]) == 1
    assert "TRIVIA_SHARD_IDS:" in capsys.readouterr().err


def test_an_unknown_migration_revision_is_a_one_line_error(capsys):
    assert main(["db", "upgrade", "nosuchrev"]) == 1
    err = capsys.readouterr().err
    assert "cannot migrate" in err
    assert "nosuchrev" in err
    assert "Traceback" not in err
