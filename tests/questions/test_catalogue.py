"""Loading the reference catalogue: strict validation with file and line in every error."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.errors import CatalogueError
from questions.models import Relation
from questions.names import name_key, title_head
from questions.references import load_catalogue, load_default_catalogue

VALID = """\
version: 1
sources:
  - {id: s1, title: "Page", url: "https://example.org/page"}
entities:
  - {id: film-a, kind: film, name: "Sky Calls", aliases: ["Nebo zovyot", "Небо зовёт"], source: s1}
  - {id: person-a, kind: person, name: "Mikhail Karyukov", aliases: ["Karjukov"], source: s1}
  - {id: person-b, kind: person, name: "Aleksandr Kozyr", aliases: []}
facts:
  - {subject: film-a, relation: release_year, value: 1959, source: s1}
  - {subject: film-a, relation: directed_by, value: person-a, source: s1}
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return load_catalogue(path)


def test_catalogue_resolves_aliases_scripts_and_romanisations(tmp_path: Path):
    catalogue = _load(tmp_path, VALID)
    for name in ("The Sky Calls", "nebo zovjot", "Небо зовёт", "NEBO ZOVYOT!"):
        entity = catalogue.resolve(name, ["film"])
        assert entity is not None, name
        assert entity.id == "film-a", name
    assert catalogue.resolve("Mikhail Kariukov", ["person"]).id == "person-a"
    assert catalogue.resolve("Sky Calls", ["person"]) is None


def test_catalogue_does_not_guess_between_close_names(tmp_path: Path):
    catalogue = _load(tmp_path, VALID)
    assert catalogue.resolve("The Star", ["film"]) is None
    assert catalogue.resolve("Mikhail Karyukovv", ["person"]).id == "person-a"


def test_catalogue_answers_fact_lookups(tmp_path: Path):
    catalogue = _load(tmp_path, VALID)
    (fact,) = catalogue.facts_about("film-a", Relation.RELEASE_YEAR)
    assert fact.value == 1959
    assert fact.source.url == "https://example.org/page"
    assert catalogue.display("person-a") == "Mikhail Karyukov"
    assert catalogue.names_of(1959) == ("1959",)
    assert ("Sky Calls", "Nebo zovyot", "Небо зовёт") in catalogue.alias_groups()


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (("value: 1959, source: s1", "value: 1959, source: nope"), "line 9: unknown source"),
        (("relation: release_year", "relation: budget"), "line 9: unknown relation"),
        (
            ("subject: film-a, relation: directed_by", "subject: ghost, relation: directed_by"),
            "line 10: unknown subject",
        ),
        (("kind: film", "kind: song"), "line 5: unknown kind"),
        (("id: person-b", "id: person-a"), "line 7: duplicate entity id"),
        (('url: "https://example.org/page"', 'url: "ftp://x"'), "line 3: source 's1' url"),
        (("sources:", "sources: 3\nx:"), "'sources' must be a list"),
    ],
)
def test_malformed_catalogue_names_file_and_line(tmp_path: Path, mutation, message):
    old, new = mutation
    with pytest.raises(CatalogueError, match=message) as caught:
        _load(tmp_path, VALID.replace(old, new, 1))
    assert "catalogue.yaml" in str(caught.value)


def test_catalogue_that_is_not_yaml_is_rejected(tmp_path: Path):
    with pytest.raises(CatalogueError, match="not valid YAML"):
        _load(tmp_path, "sources: [unclosed")


def test_shipped_catalogue_loads_and_every_fact_cites_a_web_page():
    catalogue = load_default_catalogue()
    assert catalogue.facts
    assert all(f.source.url.startswith(("https://", "http://")) for f in catalogue.facts)
    assert all(f.source.title for f in catalogue.facts)


def test_countries_are_known_by_their_other_names():
    catalogue = load_default_catalogue()
    for name, country in [
        ("USSR", "soviet-union"),
        ("GDR", "east-germany"),
        ("USA", "united-states"),
    ]:
        found = catalogue.resolve(name, ["country"])
        assert found is not None
        assert found.id == country


def test_a_title_in_another_romanisation_of_its_letters_is_the_same_title():
    catalogue = load_default_catalogue()
    assert catalogue.resolve("Kosmicheskiy reys", ("film",)) == catalogue.resolve(
        "Cosmic Voyage", ("film",)
    )
    assert name_key("Nikolai Tseretelli") == name_key("Nikolay Tseretelli")
    assert name_key("Tolstoi") == name_key("Tolstoy") != name_key("Tolstaya")


def test_yo_after_a_hushing_consonant_is_one_letter_however_it_is_romanised():
    # ё after ж, ч, ш is written "o", "e" or "yo": one name (and one person) all the same
    assert name_key("Zhzhonov") == name_key("Zhzhenov") == name_key("Zhzhyonov")
    assert name_key("Pugachova") == name_key("Pugacheva")
    assert name_key("Khrushchov") == name_key("Khrushchev")
    assert name_key("Zhora") != name_key("Zhura")


RELATED = """\
version: 1
sources:
  - {id: s1, title: "Page", url: "https://example.org/page"}
entities:
  - {id: film-a, kind: film, name: "Sky Calls", source: s1}
  - {id: film-b, kind: film, name: "Beyond the Sun", source: s1}
  - {id: novel-a, kind: novel, name: "The Calling", source: s1}
  - {id: person-a, kind: person, name: "Mikhail Karyukov", source: s1}
  - {id: person-b, kind: person, name: "Ivan Writer", source: s1}
  - {id: person-c, kind: person, name: "Roger Producer", source: s1}
  - {id: person-d, kind: person, name: "Pyotr Actor", source: s1}
facts:
  - {subject: film-a, relation: directed_by, value: person-a, source: s1}
  - {subject: film-a, relation: based_on, value: novel-a, source: s1}
  - {subject: film-a, relation: cast, value: person-d, source: s1}
  - {subject: novel-a, relation: written_by, value: person-b, source: s1}
  - {subject: novel-a, relation: published_year, value: 1955, source: s1}
  - {subject: film-a, relation: footage_used_in, value: film-b, source: s1}
  - {subject: film-b, relation: produced_by, value: person-c, source: s1}
  - {subject: film-a, relation: release_year, value: 1959, source: s1}
"""


def test_a_films_related_names_reach_the_makers_of_the_works_it_comes_from(tmp_path: Path):
    catalogue = _load(tmp_path, RELATED)
    of_original = catalogue.related_names("film-a")
    assert {"Mikhail Karyukov", "The Calling", "Ivan Writer", "1955"} <= set(of_original)
    assert "Roger Producer" in of_original  # the re-edit its footage went into
    of_re_edit = catalogue.related_names("film-b")
    assert {"Sky Calls", "Mikhail Karyukov", "Roger Producer"} <= set(of_re_edit)
    assert "Pyotr Actor" not in of_re_edit  # another film's cast is no credit of this one


def test_a_films_related_names_hold_its_own_years(tmp_path: Path):
    # "Sky Calls (1959) follows ...": the year is a credit of the film, not a story detail
    catalogue = _load(tmp_path, RELATED)
    assert "1959" in catalogue.related_names("film-a")
    assert "1959" in catalogue.related_names("film-b")  # ... and of the film it went into


def test_a_film_goes_by_its_title_before_the_colon_unless_it_is_an_english_word():
    assert title_head("Aelita: Queen of Mars") == "Aelita"
    assert title_head("Signals: An Adventure in Space") is None  # an English word
    assert title_head("Solaris") is None
    catalogue = load_default_catalogue()
    aelita = catalogue.resolve("Aelita: Queen of Mars")
    assert aelita is not None
    assert catalogue.resolve("Aelita", ("film",)) == aelita
    assert catalogue.resolve("Signal") is None  # "Signal iz Galaktiki" is another film
