"""`trivia reference` and TRIVIA_REFERENCES: a host adds a film with one file, then sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import DATA

HOST_FILE = (DATA / "references" / "glass-comet.yaml").read_text(encoding="utf-8")
DOCUMENT = (
    "The Glass Comet (Russian: Steklyannaya kometa, 1971) is a Soviet science-fiction film "
    "directed by Ivo Renner at Mosfilm. It came out in 1973, some say.\n"
)


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    references = tmp_path / "refs"
    references.mkdir()
    (references / "comet.yaml").write_text(HOST_FILE, encoding="utf-8")
    monkeypatch.setenv("TRIVIA_REFERENCES", str(references))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "comet.txt").write_text(DOCUMENT, encoding="utf-8")
    return seeds


def test_a_host_file_verifies_claims_about_a_film_the_shipped_references_lack(host: Path, capsys):
    assert main(["facts", "--seeds", str(host), "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    verdicts = {(c["relation"], c["value"]): c["verdict"] for c in claims}
    assert verdicts["release_year", "1971"] == "verified"
    assert verdicts["directed_by", "Ivo Renner"] == "verified"
    assert verdicts["studio", "Mosfilm"] == "verified"
    assert verdicts["also_known_as", "Steklyannaya kometa"] == "verified"


def test_without_the_host_file_nothing_about_that_film_is_verified(
    host: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("TRIVIA_REFERENCES")
    assert main(["facts", "--seeds", str(host), "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert claims
    assert all(c["verdict"] != "verified" for c in claims if c["subject"] == "The Glass Comet")


def test_reference_list_and_show_include_the_host_film(host: Path, capsys):
    assert main(["reference", "list", "--kind", "film"]) == 0
    assert "The Glass Comet" in capsys.readouterr().out
    assert main(["reference", "show", "Steklyannaya kometa"]) == 0
    out = capsys.readouterr().out
    assert "Ivo Renner" in out
    assert "https://example.org/comet" in out
    assert main(["reference", "show", "No Such Film At All"]) == 1


def test_reference_validate_names_each_problem_and_loads_nothing(tmp_path: Path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        HOST_FILE.replace("source: host-page}", "source: nowhere}", 1).replace(
            "relation: studio", "relation: budget"
        ),
        encoding="utf-8",
    )
    assert main(["reference", "validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "broken.yaml, line" in out
    assert "unknown source 'nowhere'" in out
    assert "unknown relation 'budget'" in out
    assert "nothing would be loaded" in out


def test_a_broken_reference_setting_is_one_line_not_a_traceback(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("TRIVIA_REFERENCES", str(tmp_path / "missing.yaml"))
    assert main(["reference", "list"]) == 1
    err = capsys.readouterr().err
    assert "missing.yaml: no such reference file or folder" in err
    assert "Traceback" not in err


def test_reference_template_validates_and_is_never_written_over(tmp_path: Path, capsys):
    out = tmp_path / "mine.yaml"
    assert main(["reference", "template", "--out", str(out)]) == 0
    assert main(["reference", "validate", str(out)]) == 0
    out.write_text("# my work\n", encoding="utf-8")
    assert main(["reference", "template", "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "# my work\n"


def test_overrides_of_shipped_facts_are_shown_in_the_fact_report(
    host: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    override = HOST_FILE + (
        "  - {subject: planeta-bur, relation: studio, value: mosfilm, source: host-page,"
        " replaces: true}\n"
    )
    (host.parent / "refs" / "comet.yaml").write_text(override, encoding="utf-8")
    assert main(["facts", "--seeds", str(host), "--json"]) == 0
    notes = json.loads(capsys.readouterr().out)["reference_notes"]
    assert any("comet.yaml" in n and "replaces 1 earlier studio" in n for n in notes)
    assert main(["facts", "--seeds", str(host)]) == 0
    assert "replaces 1 earlier studio" in capsys.readouterr().out


def test_names_with_brackets_print_as_they_are(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    odd = tmp_path / "odd.yaml"
    odd.write_text(
        HOST_FILE.replace('name: "The Glass Comet"', 'name: "The [/b] Glass Comet"'),
        encoding="utf-8",
    )
    monkeypatch.setenv("TRIVIA_REFERENCES", str(odd))
    assert main(["reference", "list", "--kind", "film"]) == 0
    assert "[/b]" in capsys.readouterr().out
    assert main(["reference", "show", "[/]"]) == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text(HOST_FILE.replace("relation: studio", 'relation: "directed[/]"'), "utf-8")
    assert main(["reference", "validate", str(broken)]) == 1
    assert "directed[/]" in capsys.readouterr().out
