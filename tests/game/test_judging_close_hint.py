"""The "close" verdict reaches the player in the terminal game, Discord games and nights."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.game.judging import CLOSE_HINT, Judgement
from bot.game.models import Mode
from bot.game.outcomes import AnswerResult
from bot.views import embeds, night_embeds
from questions.bank import load_bank, save_bank
from tests.conftest import SEEDS
from tests.fakes import shipped_judge

CLOSE = Judgement(accepted=False, matched=None, score=88.0, close=True)
WRONG = Judgement(accepted=False, matched=None, score=10.0, close=False)


def test_discord_game_tells_a_close_answer_to_check_the_spelling():
    feedback = embeds.answer_feedback(AnswerResult(CLOSE, 0), "Planeta Bru", quiz=False)
    assert CLOSE_HINT in feedback
    assert "Planeta Bru" in feedback


def test_discord_game_does_not_call_a_wrong_answer_close():
    feedback = embeds.answer_feedback(AnswerResult(WRONG, 0), "Saturn", quiz=False)
    assert CLOSE_HINT not in feedback


def test_quiz_night_tells_a_close_answer_to_check_the_spelling():
    assert CLOSE_HINT in night_embeds.answer_received(False, True, 0, Mode.RACE)
    assert CLOSE_HINT not in night_embeds.answer_received(False, False, 0, Mode.RACE)


def test_quiz_mode_reveals_nothing_before_the_reveal():
    # In quiz mode answers are judged at the reveal; a hint now would give the answer away.
    assert CLOSE_HINT not in embeds.answer_feedback(AnswerResult(CLOSE, 0), "x", quiz=True)
    assert CLOSE_HINT not in night_embeds.answer_received(False, True, 0, Mode.QUIZ)


@pytest.fixture
def open_item_bank(tmp_path: Path) -> tuple[Path, str]:
    full = tmp_path / "bank.json"
    assert main(["build", "--seeds", str(SEEDS), "--out", str(full)]) == 0
    item = next(i for i in load_bank(full) if i.type.value == "open" and len(i.answers[0]) >= 8)
    one = tmp_path / "one.json"
    save_bank([item], one)
    answer = item.answers[0]
    near = next(
        answer[:cut]
        for cut in range(len(answer) - 1, 0, -1)
        if shipped_judge()
        .judge(answer[:cut], item.answers, kind="open", question=item.question)
        .close
    )
    return one, near


def test_terminal_game_tells_a_close_answer_to_check_the_spelling(
    open_item_bank, tmp_path: Path, monkeypatch, capsys
):
    one, near = open_item_bank
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'p.sqlite3'}")
    monkeypatch.setattr("sys.stdin", io.StringIO(near + "\n"))
    capsys.readouterr()
    assert main(["play", "--bank", str(one), "--questions", "1", "--player", "Yuri"]) == 0
    out = capsys.readouterr().out
    assert CLOSE_HINT in out
    assert "Not quite" not in out
