"""Community packs: Red's whole list format, OpenTDB encodings, one bad question at a time."""

from __future__ import annotations

import functools
import json
import random
from pathlib import Path

import pytest

from bot.cli import main
from questions.bank import load_bank, save_bank
from questions.errors import BankError, FileRefusedError
from questions.models import ItemType
from questions.packs import (
    MAX_PACK_BYTES,
    PackStore,
    dump_red,
    merged,
    parse_opentdb,
    parse_pack,
    parse_red,
    read_pack,
)
from questions.packs.store import MAX_STORED_PACK_BYTES, packs_in_bank
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue
from tests.conftest import DATA, SEEDS

PACKS = DATA / "packs"


def test_red_pack_imports_every_kind_labelled_unverified():
    pack = read_pack(PACKS / "space_race.yaml")
    by_question = {i.question: i for i in pack.items}
    assert len(pack.items) == 5
    assert pack.name == "space_race"
    assert pack.author == "Quiz night regulars"
    assert pack.settings.target_score == 10
    assert all(i.origin == "red:space_race" and not i.verified for i in pack.items)
    assert by_question["Which dog flew on Sputnik 2?"].answers == ("Laika", "Лайка")
    vostok = by_question["True or false: Vostok 1 flew in 1961."]
    assert vostok.type is ItemType.TRUE_FALSE
    assert vostok.answers == ("True",)
    mc = by_question["Which spacecraft first reached the Moon's surface?"]
    assert mc.type is ItemType.MULTIPLE_CHOICE
    assert mc.choices == ("Luna 2", "Luna 1", "Ranger 4", "Pioneer 4")
    assert by_question["In which year did Sputnik 1 launch?"].answers == ("1957",)


def test_red_list_with_every_feature_of_the_format_imports():
    pack = read_pack(PACKS / "red_every_feature.yaml")
    answers = {i.question: i.answers for i in pack.items}
    assert pack.description == "Space race firsts, written to exercise every feature of the format."
    assert pack.author == "Quiz night regulars"
    assert pack.settings.time_limit_seconds == 25.0
    assert pack.settings.target_score == 7
    assert set(pack.ignored) == {
        "delay",
        "bot_plays",
        "reveal_answer",
        "payout_multiplier",
        "use_spoilers",
    }
    assert answers["In which year did Vostok 1 fly?"] == ("1961",)
    assert answers["How many orbits did Vostok 1 make?"] == ("1", "one")
    assert answers["What fraction of an orbit is Gagarin's flight often rounded to?"] == ("1.0",)
    assert answers["Was Sputnik 1 launched before Explorer 1?"] == ("True", "Yes", "On")
    assert answers["Did Laika return to Earth?"] == ("False", "No", "Off")
    assert answers["On what date did Gagarin fly?"] == ("1961-04-12", "12 April 1961")
    assert answers["True or false: Valentina Tereshkova flew on Vostok 6."] == ("True",)
    # The first of a repeated question is kept; a long explanation beside a short answer goes.
    assert answers["Who was the first woman in space?"] == ("Valentina Tereshkova",)
    assert answers["How many people flew on Voskhod 1?"] == ("3",)
    skipped = {s.question: s.reason for s in pack.skipped}
    assert skipped == {
        "Who was the first woman in space?": "appears twice (again at line 36); the first is kept",
        "Who designed the R-7 rocket?": "every answer is over 200 characters",
        "Which cosmonauts flew on Soyuz 11?": "an answer is a list or mapping, not text",
    }
    assert len(pack.items) == 11
    assert [(c.question, c.reason) for c in pack.changed] == [
        (
            "How many people flew on Voskhod 1?",
            "1 answer over 200 characters left out; the others kept",
        )
    ]


def test_one_bad_question_does_not_sink_a_list():
    pack = read_pack(PACKS / "duplicate_question.yaml")
    assert [i.answers for i in pack.items] == [("Valentina Tereshkova",)]
    assert [s.reason for s in pack.skipped] == [
        "appears twice (again at line 3); the first is kept"
    ]
    long_answer = parse_red("q?: ['" + "a" * 4000 + "']\nok?: [fine]\n", "long")
    assert [i.question for i in long_answer.items] == ["ok?"]
    assert long_answer.skipped[0].reason == "every answer is over 200 characters"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Six options cannot all be shown (A to D): the right one might be hidden.
        ('"Which year?\\nOptions: 1950 | 1951 | 1952 | 1953 | 1954 | 1963": ["1963"]\n', "4"),
        ('"Which one?\\nOptions: ' + "x" * 90 + ' | b": [b]\n', "80 characters"),
        ("1963: [A Dream Come True]\n", "the question is not text"),
        ("q?: []\n", "no answers"),
    ],
)
def test_a_question_that_breaks_a_limit_is_skipped_with_its_reason(text, reason):
    pack = parse_red(text + "fine?: [yes it is]\n", "limits")
    assert [i.question for i in pack.items] == ["fine?"]
    assert len(pack.skipped) == 1
    assert reason in pack.skipped[0].reason


def test_opentdb_pack_imports_unescaped_with_difficulty():
    pack = read_pack(PACKS / "opentdb_space.json")
    mc, tf = pack.items
    assert mc.question == 'Which country launched "Sputnik 1"?'
    assert mc.answers == ("Soviet Union",)
    assert sorted(mc.choices) == ["China", "France", "Soviet Union", "United States"]
    assert mc.difficulty == 3
    assert tf.question == "True or false: Yuri Gagarin was the first human in space."
    assert tf.answers == ("True",)
    assert tf.category == "Science & Nature"
    assert all(i.origin == "opentdb:opentdb_space" and not i.verified for i in pack.items)


@pytest.mark.parametrize("name", ["opentdb_url3986.json", "opentdb_base64.json"])
def test_opentdb_encodings_are_decoded(name):
    plain = read_pack(PACKS / "opentdb_space.json").items
    pack = read_pack(PACKS / name)
    assert [(i.question, i.answers, i.choices, i.category, i.difficulty) for i in pack.items] == [
        (i.question, i.answers, i.choices, i.category, i.difficulty) for i in plain
    ]


def test_opentdb_legacy_url_encoding_is_decoded():
    text = (
        '{"results": [{"type": "boolean", "category": "Science+%26+Nature", "question": '
        '"Laika+flew+on+Sputnik+2.", "correct_answer": "True", "incorrect_answers": ["False"]}]}'
    )
    (item,) = parse_opentdb(text, "legacy").items
    assert item.question == "True or false: Laika flew on Sputnik 2."
    assert item.category == "Science & Nature"


def test_opentdb_bad_result_is_skipped_and_named():
    pack = read_pack(PACKS / "bad_result.json")
    assert len(pack.items) == 1
    assert pack.skipped[0].question == "result 2"
    assert "'incorrect_answers' must be a list of text" in pack.skipped[0].reason
    twice = read_pack(PACKS / "duplicate_ids.json")
    assert len(twice.items) == 1
    assert "appears twice" in twice.skipped[0].reason


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion_laughs.yaml", "aliases"),
        ("wrong_schema.yaml", "no usable question"),
        ("bad_syntax.yaml", "line"),
    ],
)
def test_malformed_pack_is_rejected_naming_the_problem(name: str, message: str):
    with pytest.raises(BankError, match=message) as caught:
        read_pack(PACKS / name)
    assert name in str(caught.value)


def test_a_list_that_is_not_json_is_refused_as_opentdb():
    with pytest.raises(BankError, match="not valid JSON"):
        read_pack(PACKS / "space_race.yaml", "opentdb")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("!!python/object:os.system {}\n", "tags"),
        ("q?: !!str answer\n", "tags"),
        ("- just\n- a list\n", "mapping of questions"),
        ("AUTHOR: me\n", "no usable question"),
        ("AUTHOR: [me]\nq?: [a]\n", "AUTHOR must be text"),
        ("CONFIG: [1]\nq?: [a]\n", "CONFIG must be a mapping"),
        ("$schema: 3\nq?: [a]\n", r"\$schema must be text"),
    ],
)
def test_a_file_that_is_not_a_list_is_rejected_whole(text, message):
    with pytest.raises(BankError, match=message):
        parse_red(text, "whole")


def test_oversized_pack_is_refused_before_parsing(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_PACK_BYTES + 1)
    with pytest.raises(BankError, match="too large"):
        read_pack(path)


def test_a_device_is_refused_not_read_until_memory_runs_out():
    with pytest.raises(BankError, match="not a regular file"):
        read_pack(Path("/dev/zero"), "red")


def test_deeply_nested_pack_is_refused():
    with pytest.raises(BankError, match="nested too deeply"):
        parse_red("q: " + "[" * 1500 + "]" * 1500, "deep")


def test_an_upload_that_is_not_utf8_or_has_no_known_suffix_is_refused():
    with pytest.raises(BankError, match="not UTF-8"):
        parse_pack(b"q?: [\xff]\n", "space.yaml")
    with pytest.raises(BankError, match=r"not a \.yaml"):
        parse_pack(b"q?: [a]\n", "space.txt")


@functools.cache
def _seed_bank():
    return run_pipeline(SEEDS, load_default_catalogue(), random.Random(3)).build.items


def test_red_export_then_import_keeps_every_item():
    items = _seed_bank()
    again = parse_red(dump_red(items, "Quiz night"), "export")
    assert [(i.type, i.question, i.answers, i.choices) for i in again.items] == [
        (i.type, i.question, i.answers, i.choices) for i in items
    ]
    assert again.author == "Quiz night"
    assert all(not i.verified and i.origin == "red:export" for i in again.items)
    assert parse_red(dump_red(again.items), "export").items == again.items


def test_the_same_list_in_two_servers_gives_different_ids():
    text = (PACKS / "space_race.yaml").read_bytes()
    mine = parse_pack(text, "space.yaml", guild_id=1)
    theirs = parse_pack(text, "space.yaml", guild_id=2)
    assert not {i.id for i in mine.items} & {i.id for i in theirs.items}


def test_store_keeps_packs_apart_and_reads_them_back(tmp_path: Path):
    store = PackStore(tmp_path / "packs")
    pack = read_pack(PACKS / "red_every_feature.yaml")
    assert store.save(pack) is False
    assert store.save(pack) is True
    guild_pack = parse_pack((PACKS / "opentdb_space.json").read_bytes(), "o.json", guild_id=5)
    store.save(guild_pack)
    (tmp_path / "packs" / "broken.json").write_text("{", encoding="utf-8")
    packs, problems = store.load_all()
    assert packs == (pack, guild_pack)
    assert len(problems) == 1
    assert "broken.json" in problems[0]
    items, clashes = merged(_seed_bank(), packs)
    assert len(items) == len(_seed_bank()) + len(pack.items) + len(guild_pack.items)
    assert merged(items, packs)[1]
    assert not clashes
    assert store.remove("o", 5) is True
    assert store.remove("o", 5) is False


def test_store_refuses_a_pack_larger_than_it_may_read_back(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("questions.packs.store.MAX_STORED_PACK_BYTES", 1000)
    store = PackStore(tmp_path)
    with pytest.raises(FileRefusedError, match="over the limit"):
        store.save(read_pack(PACKS / "red_every_feature.yaml"))
    assert not list(tmp_path.glob("*.json"))
    assert MAX_STORED_PACK_BYTES > MAX_PACK_BYTES


def test_cli_pack_import_reports_and_keeps_the_pack_apart(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    assert main(["pack", "import", str(PACKS / "red_every_feature.yaml")]) == 0
    out = capsys.readouterr().out
    assert "pack red_every_feature (Red-DiscordBot list): 11 imported, 3 skipped" in out
    assert "description: Space race firsts" in out
    assert "author: Quiz night regulars" in out
    assert "time limit: 25 s per question" in out
    assert "target score: 7" in out
    assert "ignored (no such setting here): delay, bot_plays" in out
    assert "skipped 'Who designed the R-7 rocket?': every answer is over 200 characters" in out
    assert "changed 'How many people flew on Voskhod 1?': 1 answer over 200 characters" in out
    assert (tmp_path / "packs" / "red_every_feature.json").is_file()
    assert main(["pack", "list"]) == 0
    assert "red_every_feature (red, 11 questions, every server)" in capsys.readouterr().out


def test_cli_pack_check_writes_nothing(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    assert main(["pack", "import", str(PACKS / "space_race.yaml"), "--check"]) == 0
    assert "nothing written" in capsys.readouterr().out
    assert not (tmp_path / "packs").exists()
    assert main(["pack", "import", str(tmp_path / "pack.txt")]) == 1
    assert "not a .yaml" in capsys.readouterr().err


def test_cli_pack_import_of_a_bad_pack_writes_nothing(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    assert main(["pack", "import", str(PACKS / "billion_laughs.yaml")]) == 1
    assert not (tmp_path / "packs").exists()
    assert "aliases" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [["pack", "import", "/dev/zero", "--format", "red"], ["validate", "/dev/zero"]]
)
def test_cli_refuses_a_device_at_once(argv, capsys):
    assert main(argv) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_build_never_drops_imported_packs(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    bank = tmp_path / "bank.json"
    built = _seed_bank()
    # A bank written by an older version, which imported packs into the bank itself.
    old_import = read_pack(PACKS / "space_race.yaml").items
    save_bank((*built, *old_import), bank)
    assert main(["pack", "import", str(PACKS / "opentdb_space.json")]) == 0
    assert main(["build", "--out", str(bank)]) in {0, 3}
    assert "kept 5 imported items" in capsys.readouterr().out
    assert all(i.verified for i in load_bank(bank))
    shown = main(["show", old_import[0].id, "--bank", str(bank)])
    assert shown == 0
    assert "community pack: space_race (unverified)" in capsys.readouterr().out
    packs, _ = PackStore(tmp_path / "packs").load_all()
    assert sorted(p.name for p in packs) == ["opentdb_space", "space_race"]
    assert main(["build", "--out", str(bank)]) in {0, 3}
    assert "kept" not in capsys.readouterr().out


def test_build_keeps_an_old_banks_pack_items_apart_when_the_pack_was_imported_again(
    tmp_path: Path, capsys, monkeypatch
):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    bank = tmp_path / "bank.json"
    old_import = read_pack(PACKS / "space_race.yaml").items
    save_bank((*_seed_bank(), *old_import), bank)
    # The same pack imported again since, with one question only.
    (tmp_path / "space_race.yaml").write_text("Who flew first?:\n- Gagarin\n", encoding="utf-8")
    assert main(["pack", "import", str(tmp_path / "space_race.yaml")]) == 0
    capsys.readouterr()
    assert main(["build", "--out", str(bank)]) in {0, 3}
    out = capsys.readouterr().out
    where = tmp_path / "packs" / "space_race.json"
    assert f"kept 5 imported items of {bank} that {where} does not hold" in out
    assert "as pack 'space_race-old'" in out
    packs = {p.name: p for p in PackStore(tmp_path / "packs").load_all()[0]}
    assert len(packs["space_race"].items) == 1
    assert {i.id for i in packs["space_race-old"].items} == {i.id for i in old_import}


def test_packs_in_an_old_bank_keep_their_ids():
    old_import = read_pack(PACKS / "space_race.yaml").items
    (pack,) = packs_in_bank((*_seed_bank(), *old_import))
    assert pack.name == "space_race"
    assert pack.items == old_import


def test_cli_pack_remove_needs_yes(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    assert main(["pack", "import", str(PACKS / "space_race.yaml")]) == 0
    assert main(["pack", "remove", "space_race"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["pack", "remove", "space_race", "--yes"]) == 0
    assert main(["pack", "remove", "space_race", "--yes"]) == 1
    assert "no pack 'space_race'" in capsys.readouterr().err


def test_cli_pack_export_round_trip(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    bank, pack = tmp_path / "bank.json", tmp_path / "night.yaml"
    save_bank(_seed_bank(), bank)
    assert main(["pack", "export", str(bank), "--format", "red", "--out", str(pack)]) == 0
    assert main(["pack", "import", str(pack)]) == 0
    assert f"{len(_seed_bank())} imported, 0 skipped" in capsys.readouterr().out


def test_opentdb_category_too_long_for_a_menu_is_skipped():
    long_category = (
        '{"response_code": 0, "results": [{"category": "' + "c" * 3000 + '", '
        '"type": "boolean", "difficulty": "easy", "question": "Was Vostok 1 crewed?", '
        '"correct_answer": "True", "incorrect_answers": ["False"]}, {"category": "Space", '
        '"type": "boolean", "difficulty": "easy", "question": "Was Sputnik 1 crewed?", '
        '"correct_answer": "False", "incorrect_answers": ["True"]}]}'
    )
    pack = parse_opentdb(long_category, "categories")
    assert [item.question for item in pack.items] == ["True or false: Was Sputnik 1 crewed?"]
    ((question, reason),) = [(s.question, s.reason) for s in pack.skipped]
    assert "Was Vostok 1 crewed?" in question
    assert "50 characters" in reason


def test_terminal_play_asks_the_operators_packs_and_names_them(tmp_path: Path, capsys, monkeypatch):
    import io

    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    monkeypatch.setenv("TRIVIA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'play.sqlite3'}")
    PackStore(tmp_path / "packs").save(parse_red("Which dog flew on Sputnik 2?: [Laika]\n", "dogs"))
    empty = tmp_path / "empty.json"
    save_bank((), empty)
    monkeypatch.setattr("sys.stdin", io.StringIO("Laika\n"))
    assert main(["play", "--bank", str(empty), "--questions", "1", "--player", "Oleg"]) == 0
    out = capsys.readouterr().out
    assert "Which dog flew on Sputnik 2?" in out
    assert "community pack: dogs (unverified)" in out


def _result(**fields):
    entry = {
        "type": "boolean",
        "question": "Laika flew on Sputnik 2.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }
    entry.update(fields)
    return entry


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("just text", "not an object"),
        (_result(type="essay"), "unknown type 'essay'"),
        (_result(correct_answer="Maybe"), "must be True or False"),
        (_result(question=""), "'question' must be non-empty text"),
        (_result(question="   "), "'question' must be non-empty text"),
        (_result(incorrect_answers=[1]), "'incorrect_answers' must be a list of text"),
    ],
)
def test_opentdb_result_that_cannot_be_a_question_is_skipped(entry, reason):
    import json

    text = json.dumps({"response_code": 0, "results": [_result(question="Fine?"), entry]})
    pack = parse_opentdb(text, "results")
    assert len(pack.items) == 1
    assert reason in pack.skipped[0].reason


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"response_code": 1, "results": []}', "reported error 1"),
        ('{"results": {}}', "'results' list"),
        ("[" * 100_000, "nested too deeply|not valid JSON"),
        ('{"results": []}', "no usable question"),
    ],
)
def test_opentdb_response_that_is_not_a_pack_is_refused(text, message):
    with pytest.raises(BankError, match=message):
        parse_opentdb(text, "response")


def test_opentdb_base64_field_that_is_not_base64_is_skipped():
    import base64
    import json

    def enc(text):
        return base64.b64encode(text.encode()).decode()

    good = {k: enc(v) if isinstance(v, str) else [enc(x) for x in v] for k, v in _result().items()}
    bad = {**good, "question": "%%%not base64"}
    pack = parse_opentdb(json.dumps({"results": [good, bad]}), "b64")
    assert pack.items[0].question == "True or false: Laika flew on Sputnik 2."
    assert "'question' is not base64 text" in pack.skipped[0].reason


HUGE_NUMBER = "9" * 5000  # past Python's 4,300-digit limit on reading an int


@pytest.mark.parametrize(
    "answer",
    [HUGE_NUMBER, "0x" + "f" * 4000, "-" + HUGE_NUMBER],
    ids=["decimal", "hex", "negative"],
)
def test_red_answer_too_long_a_number_is_skipped_not_a_traceback(answer):
    text = f"Who flew first?:\n- {answer}\nWhat year?:\n- 1961\n"
    pack = parse_red(text, "big")
    assert [item.answers for item in pack.items] == [("1961",)]
    assert [(s.question, s.reason) for s in pack.skipped] == [
        ("Who flew first?", "every answer is over 200 characters")
    ]


def test_opentdb_number_too_long_to_read_is_refused_in_one_line():
    text = (
        '{"response_code": 0, "results": [{"category": "c", "type": "multiple", '
        '"difficulty": "easy", "question": "Q?", "correct_answer": ' + HUGE_NUMBER + ", "
        '"incorrect_answers": ["1", "2", "3"]}]}'
    )
    with pytest.raises(BankError, match="big: holds a number of more than 4,300 digits"):
        parse_opentdb(text, "big")


def test_bank_with_a_number_too_long_to_read_is_refused(tmp_path: Path):
    bank = tmp_path / "bank.json"
    bank.write_text('{"format": ' + HUGE_NUMBER + "}", encoding="utf-8")
    with pytest.raises(BankError, match="more than 4,300 digits"):
        load_bank(bank)


@pytest.mark.parametrize(
    ("name", "text", "code", "needle"),
    [
        ("big.yaml", f"Who?:\n- {HUGE_NUMBER}\nWhat?:\n- a\n", 0, "1 imported, 1 skipped"),
        ("big.json", '{"response_code": ' + HUGE_NUMBER + ', "results": []}', 1, "4,300"),
    ],
)
def test_cli_pack_import_of_a_huge_number_prints_one_line(
    tmp_path: Path, capsys, monkeypatch, name, text, code, needle
):
    monkeypatch.setenv("TRIVIA_PACKS_DIR", str(tmp_path / "packs"))
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["pack", "import", str(tmp_path / name)]) == code
    captured = capsys.readouterr()
    assert needle in captured.out + captured.err
    assert "Traceback" not in captured.err


def _opentdb(question: str, correct: str, wrong: list[str], category: str = "Math") -> str:
    result: dict[str, object] = {"type": "multiple", "difficulty": "easy", "category": category}
    result |= {"question": question, "correct_answer": correct, "incorrect_answers": wrong}
    return json.dumps({"response_code": 0, "results": [result]})


@pytest.mark.parametrize(
    ("question", "correct", "wrong"),
    [
        ("2+2=?", "4", ["3", "5", "22"]),
        ("C++?", "Stroustrup", ["Ritchie", "Thompson", "Pike"]),
        ("Discount%3F", "100%", ["50%", "10%", "0%"]),
    ],
)
def test_opentdb_default_file_with_plus_or_percent_and_no_space_is_not_url_decoded(
    question, correct, wrong
):
    (item,) = parse_opentdb(_opentdb(question, correct, wrong), "maths").items
    assert item.question == question
    assert item.answers == (correct,)
    assert set(item.choices) == {correct, *wrong}


def test_opentdb_encoding_is_one_decision_for_the_whole_file():
    # One url3986 text alone would decode; beside a text that cannot be encoded, none does.
    text = _opentdb("Who%20flew%3F", "Gagarin", ["Titov", "Leonov", "2+2=?"])
    (item,) = parse_opentdb(text, "mixed").items
    assert item.question == "Who%20flew%3F"
    assert "2+2=?" in item.choices
