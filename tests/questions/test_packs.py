"""Community packs: Red trivia lists and Open Trivia DB, strict, all-or-nothing, round-trip."""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest

from bot.cli import main
from questions.bank import load_bank, save_bank
from questions.catalogue import load_default_catalogue
from questions.errors import BankError
from questions.models import ItemType
from questions.packs import MAX_PACK_BYTES, dump_red, load_pack, merge_items, parse_red
from questions.pipeline import run_pipeline
from tests.conftest import DATA, SEEDS

PACKS = DATA / "packs"


def test_red_pack_imports_every_kind_labelled_unverified():
    items = load_pack(PACKS / "space_race.yaml", "red")
    by_question = {i.question: i for i in items}
    assert len(items) == 5
    assert all(i.origin == "red:space_race" and not i.verified and not i.sources for i in items)
    assert by_question["Which dog flew on Sputnik 2?"].answers == ("Laika", "Лайка")
    assert by_question["True or false: Vostok 1 flew in 1961."].type is ItemType.TRUE_FALSE
    assert by_question["True or false: Vostok 1 flew in 1961."].answers == ("True",)
    mc = by_question["Which spacecraft first reached the Moon's surface?"]
    assert mc.type is ItemType.MULTIPLE_CHOICE
    assert mc.choices == ("Luna 2", "Luna 1", "Ranger 4", "Pioneer 4")
    assert by_question["In which year did Sputnik 1 launch?"].answers == ("1957",)


def test_opentdb_pack_imports_unescaped_with_difficulty():
    items = load_pack(PACKS / "opentdb_space.json", "opentdb")
    mc, tf = items
    assert mc.question == 'Which country launched "Sputnik 1"?'
    assert mc.answers == ("Soviet Union",)
    assert sorted(mc.choices) == ["China", "France", "Soviet Union", "United States"]
    assert mc.difficulty == 3
    assert tf.question == "True or false: Yuri Gagarin was the first human in space."
    assert tf.answers == ("True",)
    assert tf.category == "Science & Nature"
    assert all(i.origin == "opentdb" and not i.verified for i in items)


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        ("duplicate_question.yaml", "red", "appears twice"),
        ("billion_laughs.yaml", "red", "aliases"),
        ("wrong_schema.yaml", "red", "needs a list of answers"),
        ("bad_syntax.yaml", "red", "line"),
        ("duplicate_ids.json", "opentdb", "appears twice"),
        ("bad_result.json", "opentdb", "result 2: 'incorrect_answers'"),
        ("space_race.yaml", "opentdb", "not valid JSON"),
    ],
)
def test_malformed_pack_is_rejected_naming_the_problem(name: str, fmt, message: str):
    with pytest.raises(BankError, match=message) as caught:
        load_pack(PACKS / name, fmt)
    assert name in str(caught.value)


def test_oversized_pack_is_refused_before_parsing(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_PACK_BYTES + 1)
    with pytest.raises(BankError, match="too large"):
        load_pack(path, "red")


def test_deeply_nested_pack_is_refused():
    with pytest.raises(BankError, match="nested too deeply"):
        parse_red("q: " + "[" * 1500 + "]" * 1500, "deep")


def test_pack_schema_errors_name_the_question():
    with pytest.raises(BankError, match="every question must be text"):
        parse_red("1963: [A Dream Come True]\n", "years")
    with pytest.raises(BankError, match="holds no questions"):
        parse_red("AUTHOR: me\n", "empty")
    with pytest.raises(BankError, match="AUTHOR must be text"):
        parse_red("AUTHOR: [me]\nq?: [a]\n", "author")


@functools.cache
def _seed_bank():
    return run_pipeline(SEEDS, load_default_catalogue(), random.Random(3)).build.items


def test_red_export_then_import_keeps_every_item():
    items = _seed_bank()
    again = parse_red(dump_red(items, "Quiz night"), "export")
    assert [(i.type, i.question, i.answers, i.choices) for i in again] == [
        (i.type, i.question, i.answers, i.choices) for i in items
    ]
    assert all(not i.verified and i.origin == "red:export" for i in again)
    assert parse_red(dump_red(again), "export") == again


def test_merge_is_idempotent_and_refuses_conflicting_ids():
    items = load_pack(PACKS / "space_race.yaml", "red")
    merged, added = merge_items((), items)
    assert added == len(items)
    assert merge_items(merged, items) == (merged, 0)
    changed = (items[0].__class__(**{**_fields(items[0]), "answers": ("Belka",)}),)
    with pytest.raises(BankError, match="different content"):
        merge_items(merged, changed)


def _fields(item):
    return {name: getattr(item, name) for name in item.__slots__}


def test_cli_pack_round_trip_through_a_bank(tmp_path: Path, capsys):
    bank, pack, merged = tmp_path / "bank.json", tmp_path / "night.yaml", tmp_path / "all.json"
    save_bank(_seed_bank(), bank)
    assert main(["pack", "export", str(bank), "--format", "red", "--out", str(pack)]) == 0
    assert main(["pack", "import", str(pack), "--format", "red", "--into", str(merged)]) == 0
    assert main(["pack", "import", str(PACKS / "opentdb_space.json"), "--into", str(merged)]) == 0
    out = capsys.readouterr().out
    assert "2 new items added" in out
    items = load_bank(merged)
    assert len(items) == len(load_bank(bank)) + 2
    assert {i.origin for i in items} == {"red:night", "opentdb"}
    assert not any(i.verified for i in items)


def test_cli_pack_import_of_a_bad_pack_writes_nothing(tmp_path: Path, capsys):
    merged = tmp_path / "all.json"
    assert main(["pack", "import", str(PACKS / "billion_laughs.yaml"), "--into", str(merged)]) == 1
    assert not merged.exists()
    assert "aliases" in capsys.readouterr().err


def test_cli_pack_import_without_into_only_reports(tmp_path: Path, capsys):
    assert main(["pack", "import", str(PACKS / "space_race.yaml")]) == 0
    out = capsys.readouterr().out
    assert "5 items" in out
    assert "nothing written" in out
    assert main(["pack", "import", str(tmp_path / "pack.txt")]) == 2


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        # Six options cannot all be shown (A to D): the right one might be hidden.
        ('"Which year?\\nOptions: 1950 | 1951 | 1952 | 1953 | 1954 | 1963": ["1963"]\n', "4"),
        ("q?: ['" + "a" * 4000 + "']\n", "200 characters"),
        ('"Which one?\\nOptions: ' + "x" * 90 + ' | b": [b]\n', "80 characters"),
    ],
)
def test_items_that_cannot_be_shown_are_refused_at_import(pack, message):
    with pytest.raises(BankError, match=message) as caught:
        parse_red(pack, "oversized")
    assert "oversized" in str(caught.value)


def test_opentdb_category_too_long_for_a_menu_is_refused(tmp_path: Path):
    long_category = (
        '{"response_code": 0, "results": [{"category": "' + "c" * 3000 + '", '
        '"type": "boolean", "difficulty": "easy", "question": "Was Vostok 1 crewed?", '
        '"correct_answer": "True", "incorrect_answers": ["False"]}]}'
    )
    path = tmp_path / "categories.json"
    path.write_text(long_category, encoding="utf-8")
    with pytest.raises(BankError, match="50 characters"):
        load_pack(path, "opentdb")


def test_a_failed_save_leaves_no_side_file_behind(tmp_path: Path):
    folder = tmp_path / "bank.json"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        save_bank(_seed_bank(), folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.json"]
