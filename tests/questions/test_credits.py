"""The cast a reference synopsis credits in passing, and the cast claims it backs.

The catalogue here is invented for these tests: its films, people and synopses exist nowhere
else, so what is credited can only come from how the synopses are written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.catalogue import Catalogue
from questions.credits import synopsis_credits
from questions.models import Claim, Evidence, Relation, Verdict
from questions.references import load_catalogue
from questions.verify import CatalogueVerifier

REFERENCES = """\
version: 1
sources:
  - {id: s1, title: "Cast page", url: "https://example.org/cast"}
  - {id: s2, title: "Story page", url: "https://example.org/story"}
entities:
  - {id: comet, kind: film, name: "Comet Harbour", aliases: []}
  - {id: ilse, kind: person, name: "Ilse Varga", aliases: []}
  - {id: pavel, kind: person, name: "Pavel Dorn", aliases: []}
  - {id: mara, kind: person, name: "Mara Kell", aliases: []}
  - {id: otto, kind: person, name: "Otto Brandl", aliases: []}
  - {id: lena, kind: person, name: "Lena Sova", aliases: []}
  - {id: vega, kind: place, name: "Vega Station", aliases: []}
facts:
  - {subject: comet, relation: release_year, value: 1971, source: s1}
  - {subject: comet, relation: cast, value: lena, source: s1}
synopses:
  - film: comet
    source: s2
    text: >-
      The pilot Arkan (Ilse Varga) flies to Vega Station with Pavel Dorn as the engineer
      Tomas Rell. Doctor Fenn, played by Mara Kell, stays behind. The film, with Otto Brandl
      as director and Lena Sova, Gert Holm and Rudi Pask in the lead roles, ends on Vega
      Station. Its characters include Jan Mirek, a cadet, and the crew travels with Captain
      Anna Blok. The planet Tarsis (Vega Station) is near.
"""


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    path: Path = tmp_path_factory.mktemp("refs") / "references.yaml"
    path.write_text(REFERENCES, encoding="utf-8")
    return load_catalogue(path)


def _credited(catalogue: Catalogue) -> dict[str, str | None]:
    return {c.name: c.part for c in synopsis_credits(catalogue)["comet"]}


def test_parts_in_brackets_after_as_and_played_by_are_credits(catalogue):
    credited = _credited(catalogue)
    assert credited["Ilse Varga"] == "Arkan"
    assert credited["Pavel Dorn"] == "Tomas Rell"
    assert credited["Mara Kell"] == "Doctor Fenn"
    assert all(c.source.id == "s2" for c in synopsis_credits(catalogue)["comet"])


def test_a_list_that_says_it_is_the_cast_credits_unknown_names_too(catalogue):
    credited = _credited(catalogue)
    for name in ("Lena Sova", "Gert Holm", "Rudi Pask"):
        assert name in credited
        assert credited[name] is None


def test_jobs_characters_and_other_names_of_places_are_no_credits(catalogue):
    credited = _credited(catalogue)
    assert "Otto Brandl" not in credited  # "as director"
    assert "Jan Mirek" not in credited  # "its characters include"
    assert "Anna Blok" not in credited
    assert "Captain Anna Blok" not in credited
    assert "Vega Station" not in credited  # "Tarsis (Vega Station)": a place


def _cast(actor: str, role: str | None = None) -> Claim:
    quote = f"{actor} is in Comet Harbour."
    return Claim("Comet Harbour", Relation.CAST, actor, Evidence("d", 0, len(quote), quote), role)


def test_a_synopsis_credit_verifies_a_cast_claim_with_its_cited_page(catalogue):
    verifier = CatalogueVerifier(catalogue)
    for claim in (_cast("Ilse Varga"), _cast("Ilse Varga", "Arkan"), _cast("Gert Holm")):
        result = verifier.assess(claim)
        assert result.verdict is Verdict.VERIFIED, claim
        assert result.source is not None
        assert result.source.id == "s2"
    rell = verifier.assess(_cast("Pavel Dorn", "Rell"))  # the part in fewer words
    assert rell.verdict is Verdict.VERIFIED


def test_a_synopsis_credit_in_another_part_or_none_leaves_the_claim_unverified(catalogue):
    verifier = CatalogueVerifier(catalogue)
    other_part = verifier.assess(_cast("Ilse Varga", "Doctor Fenn"))
    assert other_part.verdict is Verdict.UNVERIFIED  # a synopsis never refutes
    assert "no reference names the role" in other_part.reason
    for name in ("Otto Brandl", "Jan Mirek"):
        assert verifier.assess(_cast(name)).verdict is Verdict.UNVERIFIED
