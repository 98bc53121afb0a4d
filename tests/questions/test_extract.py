"""Extraction rules on short texts: sentences, context, cast, plot and history phrasings."""

from __future__ import annotations

from questions.extract import _sentences, extract_claims
from questions.models import Document, Relation


def _claims(text: str, kind=None):
    return extract_claims(Document("doc", text), kind)


def _values(text: str, relation: Relation, kind=None):
    return [(c.subject, c.value, c.role) for c in _claims(text, kind) if c.relation is relation]


def test_extract_initials_do_not_end_a_sentence():
    text = "“Film X” was released in 1970. It is a female alien (T. Pochepa) and she is hurt."
    cast = _values(text, Relation.CAST)
    assert cast == [("Film X", "T. Pochepa", "female alien")]


def test_extract_cast_pair_defaults_to_character_then_actor():
    text = "“Film X” was released in 1970. Anna Lee (Boris Good) writes a poem."
    assert _values(text, Relation.CAST) == [("Film X", "Boris Good", "Anna Lee")]


def test_extract_cast_pair_swaps_when_the_oracle_knows_the_actor():
    text = "“Film X” was released in 1970. Boris Good (Anna Lee) writes a poem."
    kinds = {"Boris Good": "person", "Anna Lee": "character"}
    assert _values(text, Relation.CAST, kinds.get) == [("Film X", "Boris Good", "Anna Lee")]


def test_extract_list_heading_sets_the_section_film():
    text = (
        "Intro text here.\n\nRed Moon (1968)\nDescription: A Soviet film about a mission to Mars.\n"
    )
    claims = _claims(text)
    assert ("Red Moon", Relation.RELEASE_YEAR, "1968") in [
        (c.subject, c.relation, c.value) for c in claims
    ]
    assert ("Red Moon", "Soviet Union", None) in _values(text, Relation.COUNTRY)
    assert ("Red Moon", "Mars", None) in _values(text, Relation.SETTING)


def test_extract_review_plot_before_the_title_belongs_to_the_main_film():
    text = (
        "Visitors from the distant planet of Zorba crash-land on Io.\n\n"
        "“Zorba Calling” AKA “Star Call” was released in 1970."
    )
    assert _values(text, Relation.ALIEN_HOMEWORLD) == [("Zorba Calling", "Zorba", None)]
    assert _values(text, Relation.ALSO_KNOWN_AS) == [("Zorba Calling", "Star Call", None)]


def test_extract_capacity_from_cannot_carry():
    text = "“Film X” came out in 1970. Their small ship cannot carry four people."
    assert _values(text, Relation.RESCUE_SHIP_CAPACITY) == [("Film X", "3", None)]


def test_extract_release_tied_to_an_event():
    text = "“Film X” was released in 1970. It was released just months after the Vostok 6 flight."
    assert _values(text, Relation.RELEASED_SHORTLY_AFTER) == [
        ("Film X", "the Vostok 6 flight", None)
    ]


def test_extract_footage_reuse_names_every_source():
    text = "Footage from this movie and “Other Film” were used by Ann Bee to make “New Film” 1966."
    doc = "“Main Film” was released in 1960.\n\n" + text
    used = _values(doc, Relation.FOOTAGE_USED_IN)
    assert ("Main Film", "New Film", None) in used
    assert ("Other Film", "New Film", None) in used
    assert ("New Film", "Ann Bee", None) in _values(doc, Relation.PRODUCED_BY)


def test_extract_claim_records_the_year_the_document_states():
    text = "Red Moon (1968)\nFact: It was released shortly after the Vostok 6 flight.\n"
    claims = [c for c in _claims(text) if c.relation is Relation.RELEASED_SHORTLY_AFTER]
    assert [c.stated_year for c in claims] == ["1968"]


def test_extract_text_without_film_facts_gives_no_claims():
    assert _claims("Nothing to see here. Just words about the weather.") == []


def test_extract_narrator_in_parentheses():
    text = "“Film X” was released in 1970. It also has a narrator (Vera Bright) who adds poems."
    assert _values(text, Relation.NARRATED_BY) == [("Film X", "Vera Bright", None)]
    assert _values(text, Relation.CAST) == []


def test_extract_sentences_end_at_stops_before_capitals_and_at_line_breaks():
    text = (
        "He said “Go!” Then he left.\nA new line here. Dr. Ivanov met H.G. Wells. "
        "It was 1962. “Yes,” she said.\t1963 came.\n\nPara two?! Yes... (Aside.) Done"
    )
    found = [(s.text, s.paragraph) for s in _sentences(text)]
    assert found == [
        ("He said “Go!”", 0),
        ("Then he left.", 0),
        ("A new line here.", 0),
        ("Dr. Ivanov met H.G. Wells.", 0),
        ("It was 1962.", 0),
        ("“Yes,” she said.", 0),
        ("1963 came.", 0),
        ("Para two?!", 1),
        ("Yes...", 1),
        ("(Aside.)", 1),
        ("Done", 1),
    ]
    assert all(text[s.start : s.end] == s.text for s in _sentences(text))
