"""A host's reference files beside the shipped ones: merged, checked, overriding, disputing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from questions.errors import CatalogueError
from questions.models import Claim, Evidence, Relation, Verdict
from questions.pipeline import run_pipeline
from questions.references import TEMPLATE, check_references, load_default_catalogue, load_references
from questions.verify import CatalogueVerifier
from tests.conftest import DATA

HOST_FILM = (DATA / "references" / "glass-comet.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "host.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_host_file_adds_a_film_the_shipped_references_do_not_know(tmp_path: Path):
    catalogue = load_references([_write(tmp_path, HOST_FILM)])
    film = catalogue.resolve("Steklyannaya kometa", ["film"])
    assert film is not None
    assert film.id == "host-comet"
    assert catalogue.resolve("Planeta Bur", ["film"]) is not None  # shipped ones stay
    (year,) = catalogue.facts_about("host-comet", Relation.RELEASE_YEAR)
    assert year.value == 1971
    assert year.source.url == "https://example.org/comet"


def test_folders_are_read_in_name_order(tmp_path: Path):
    _write(tmp_path, HOST_FILM, "a.yaml")
    more = "facts:\n  - {subject: host-comet, relation: setting, value: venus, source: host-page}\n"
    _write(tmp_path, more, "b.yaml")
    catalogue = load_references([tmp_path])
    assert catalogue.facts_about("host-comet", Relation.SETTING)


def test_overrides_replace_shipped_entries_and_are_noted(tmp_path: Path):
    text = HOST_FILM + (
        "  - {subject: planeta-bur, relation: release_year, value: 1961, source: host-page,"
        " replaces: true}\n"
    )
    catalogue = load_references([_write(tmp_path, text)])
    assert [f.value for f in catalogue.facts_about("planeta-bur", Relation.RELEASE_YEAR)] == [1961]
    assert any("replaces 1 earlier release_year" in note for note in catalogue.notes)


def test_a_cited_disagreement_disputes_the_claims_it_bears_on(tmp_path: Path):
    text = HOST_FILM + (
        "  - {subject: planeta-bur, relation: release_year, value: 1961, source: host-page}\n"
    )
    catalogue = load_references([_write(tmp_path, text)])
    assert any("disputed" in note for note in catalogue.notes)
    verifier = CatalogueVerifier(catalogue)
    quote = "Planeta Bur came out in 1962."
    claim = Claim("Planeta Bur", Relation.RELEASE_YEAR, "1962", Evidence("d", 0, len(quote), quote))
    result = verifier.assess(claim)
    assert result.verdict is Verdict.DISPUTED
    assert "1961" in result.reason
    assert "1962" in result.reason


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources: [unclosed", "not valid YAML"),
        ("films: []\n", "unknown section 'films'"),
        ("sources: 3\n", "'sources' must be a list"),
        (HOST_FILM.replace("source: host-page}", "source: nowhere}", 1), "unknown source"),
        (
            HOST_FILM.replace(
                "subject: host-comet, relation: release", "subject: ghost, relation: release"
            ),
            "unknown subject 'ghost'",
        ),
        (
            HOST_FILM.replace("relation: release_year", "relation: budget"),
            "unknown relation 'budget'",
        ),
        (HOST_FILM.replace("value: host-renner", "value: nobody"), "unknown value 'nobody'"),
        (
            HOST_FILM.replace('url: "https://example.org/comet"', 'url: "ftp://x"'),
            "url must be http",
        ),
        (HOST_FILM.replace("kind: film", "kind: song"), "unknown kind 'song'"),
        (HOST_FILM + HOST_FILM.split("facts:\n")[1], "duplicate fact"),
        (
            HOST_FILM.replace(
                "aliases: []}", "aliases: []}\n  - {id: host-renner, kind: person, name: X}"
            ),
            "duplicate entity id 'host-renner'",
        ),
        (
            HOST_FILM.replace(
                "    source: host-page\n  - {id: host-renner", "  - {id: host-renner"
            ),
            "need a known 'source'",
        ),
        (HOST_FILM.replace("value: 1971, ", ""), "missing 'value'"),
    ],
)
def test_broken_files_are_refused_whole_with_file_and_line(tmp_path: Path, text, message):
    path = _write(tmp_path, text)
    catalogue, report = check_references([path])
    assert catalogue is None
    assert any(message in problem and "host.yaml" in problem for problem in report.problems)
    with pytest.raises(CatalogueError, match=r"host\.yaml"):
        load_references([path])


def test_a_missing_reference_path_is_named(tmp_path: Path):
    with pytest.raises(CatalogueError, match="no such reference file or folder"):
        load_references([tmp_path / "nothing.yaml"])


def test_the_template_is_a_valid_reference_file(tmp_path: Path):
    catalogue = load_references([_write(tmp_path, TEMPLATE)])
    assert catalogue.resolve("Original Title", ["film"]) is not None


def test_a_near_miss_first_name_is_not_the_same_person():
    catalogue = load_default_catalogue()
    assert catalogue.resolve("Oles Berdnik", ["person"]) is not None
    assert catalogue.resolve("Olesya Berdnik", ["person"]) is None
    assert catalogue.resolve("Arkady Strugatsky", ["person"]).id == "arkady-strugatsky"
    assert catalogue.resolve("Boris Strugatsky", ["person"]).id == "boris-strugatsky"
    assert catalogue.resolve("M. Karyukov", ["person"]).id == "mikhail-karyukov"
    verifier = CatalogueVerifier(catalogue)
    quote = "It is based on the novel by Olesya Berdnik."
    claim = Claim(
        "The Heart of the Universe",
        Relation.WRITTEN_BY,
        "Olesya Berdnik",
        Evidence("d", 0, len(quote), quote),
    )
    result = verifier.assess(claim)
    assert result.verdict is Verdict.UNVERIFIED  # not verified, and not blamed either
    assert "not the first name" in result.reason


def test_no_item_rests_on_a_release_date_the_sources_disagree_on(tmp_path: Path):
    import random

    from questions.pipeline import run_pipeline

    other_date = (
        "version: 1\n"
        "sources:\n"
        '  - {id: other-db, title: "Another film database", url: "https://example.org/db"}\n'
        "facts:\n"
        '  - {subject: mechte-navstrechu, relation: release_date, value: "1963-06-25",'
        " source: other-db}\n"
    )
    catalogue = load_references([_write(tmp_path, other_date)])
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "dream.txt").write_text(
        "A Dream Come True was released just months after Valentina Tereshkova's flight "
        "on Vostok 6. It was directed by Mikhail Karyukov.\n",
        encoding="utf-8",
    )
    result = run_pipeline(seeds, catalogue, random.Random(0))
    timeline = [
        a for a in result.assessments if a.claim.relation is Relation.RELEASED_SHORTLY_AFTER
    ]
    assert timeline
    assert all(a.verdict is Verdict.DISPUTED for a in timeline)
    assert "1963-06-25" in timeline[0].reason
    assert "1963-11-18" in timeline[0].reason
    assert not [i for i in result.build.items if "Vostok 6" in i.question]
    assert [i for i in result.build.items if i.fact.relation == "directed_by"]


def test_a_host_files_titles_are_accepted_answers(tmp_path: Path):
    from questions.answers import AnswerKit
    from tests.fakes import shipped_judge

    catalogue = load_references([_write(tmp_path, HOST_FILM)])
    answers = AnswerKit(catalogue).accepted("host-comet", "Which film did Ivo Renner direct?")
    assert "Steklyannaya kometa" in answers
    assert shipped_judge().judge("steklyanaya kometa", answers, kind="open").accepted


def test_the_same_value_written_as_text_or_number_is_no_disagreement(tmp_path: Path):
    text = (
        HOST_FILM
        + '  - {subject: planeta-bur, relation: release_year, value: "1962", source: host-page}\n'
    )
    catalogue = load_references([_write(tmp_path, text)])
    assert not catalogue.disagreeing("planeta-bur", Relation.RELEASE_YEAR)
    assert not any("disputed" in note for note in catalogue.notes)


def test_entity_valued_facts_need_an_entity_id(tmp_path: Path):
    text = (
        HOST_FILM
        + "  - {subject: host-comet, relation: directed_by, value: 42, source: host-page}\n"
    )
    catalogue, report = check_references([_write(tmp_path, text)])
    assert catalogue is None
    assert any("unknown value '42'" in p for p in report.problems)


def test_the_shipped_release_dates_of_a_dream_come_true_are_disputed_and_never_asked():
    catalogue = load_default_catalogue()
    film = catalogue.resolve("A Dream Come True", ["film"])
    assert film is not None
    dates = {str(f.value) for f in catalogue.disagreeing(film.id, Relation.RELEASE_DATE)}
    assert dates == {"1963-06-06", "1963-11-18"}
    quote = "It reached cinemas just months after Tereshkova's flight."
    claim = Claim(
        "A Dream Come True",
        Relation.RELEASED_SHORTLY_AFTER,
        "Tereshkova's flight",
        Evidence("d", 0, len(quote), quote),
    )
    assert CatalogueVerifier(catalogue).assess(claim).verdict is Verdict.DISPUTED
    result = run_pipeline(Path(__file__).parents[2] / "seeds", catalogue, random.Random(7))
    disputed = [a for a in result.assessments if a.verdict is Verdict.DISPUTED]
    assert any(a.subject_id == film.id for a in disputed)
    dated = {Relation.RELEASE_DATE, Relation.RELEASED_AFTER, Relation.RELEASED_SHORTLY_AFTER}
    for item in result.build.items:
        about = catalogue.resolve(item.fact.subject, ["film"])
        assert not (about is film and Relation(item.fact.relation) in dated)


def test_a_number_too_long_to_read_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "refs.yaml"
    path.write_text("films:\n- title: X\n  year: " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"refs\.yaml, line 3: .*1,000 digits"):
        load_references([path])
