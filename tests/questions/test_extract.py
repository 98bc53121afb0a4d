"""Extraction from mentions and cues: which film each statement is about, and what it states.

The sentences here are written for these tests in phrasings of several genres; the films
and people are the reference catalogue's (the gazetteer), plus invented ones.
"""

from __future__ import annotations

import re

import pytest

from questions.discourse import split_sentences
from questions.extract import CONFIDENT, Extractor
from questions.mentions import numbers
from questions.models import Claim, Document, Relation, Verdict
from questions.names import name_key
from questions.references import load_default_catalogue
from questions.verify import CatalogueVerifier, verify_claims


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_default_catalogue())


def _claims(extractor: Extractor, text: str) -> list[Claim]:
    return extractor.extract(Document("doc", text))


def _found(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation.value, c.value) for c in claims}


def _pairs(extractor: Extractor, text: str, relation: Relation) -> set[tuple[str, str]]:
    """The (film, value) pairs ``text`` states of ``relation``."""
    return {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is relation}


def _contradicted(extractor: Extractor, text: str) -> list[Claim]:
    """The claims of ``text`` the references contradict."""
    verdicts = verify_claims(_claims(extractor, text), CatalogueVerifier(extractor.catalogue))
    return [v.claim for v in verdicts if v.verdict is Verdict.CONTRADICTED]


def test_encyclopedia_opening_attributes_everything_to_the_title_it_opens_with(extractor):
    text = (
        "Planeta Bur (Russian: Планета бурь, 1962; English: Planet of Storms) is a Soviet "
        "science-fiction film directed by Pavel Klushantsev at the Lennauchfilm studio."
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "release_year", "1962") in found
    assert ("Planeta Bur", "also_known_as", "Планета бурь") in found
    assert ("Planeta Bur", "also_known_as", "Planet of Storms") in found
    assert ("Planeta Bur", "directed_by", "Pavel Klushantsev") in found
    assert ("Planeta Bur", "studio", "Lennauchfilm") in found
    assert ("Planeta Bur", "country", "Soviet Union") in found


def test_a_statement_goes_to_the_film_its_clause_names_not_the_last_title_seen(extractor):
    text = (
        "I watched Queen of Blood last night. Nebo Zovyot came out in 1959, and Solaris was "
        "directed by Andrei Tarkovsky."
    )
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "release_year", "1959") in found
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    assert not any(s == "Queen of Blood" for s, _, _ in found)


def test_cue_words_decide_the_relation_of_a_person(extractor):
    text = (
        "The Silent Star, helmed by Kurt Maetzig, was adapted from Stanisław Lem's novel "
        "The Astronauts. John Saxon plays the lead in Queen of Blood, produced by George Edwards."
    )
    found = _found(_claims(extractor, text))
    assert ("The Silent Star", "directed_by", "Kurt Maetzig") in found
    assert ("The Astronauts", "written_by", "Stanisław Lem") in found
    assert ("Queen of Blood", "produced_by", "George Edwards") in found
    assert not any(r == "directed_by" and v == "George Edwards" for _, r, v in found)


def test_re_edit_direction_comes_from_the_cue(extractor):
    forward = _found(
        _claims(extractor, "Nebo Zovyot was later re-edited into Battle Beyond the Sun.")
    )
    reverse = _found(
        _claims(extractor, "Battle Beyond the Sun is an American re-edit of Nebo Zovyot.")
    )
    expected = ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun")
    assert expected in forward
    assert expected in reverse


def test_the_original_and_its_american_version_resolve_through_the_document(extractor):
    text = (
        "Battle Beyond the Sun is a fun drive-in picture. Nebo Zovyot is where its effects come "
        "from.\n\nThe original was directed by Mikhail Karyukov and Aleksandr Kozyr."
    )
    claims = _claims(extractor, text)
    directors = {c.value for c in claims if c.relation is Relation.DIRECTED_BY}
    assert directors == {"Mikhail Karyukov", "Aleksandr Kozyr"}
    assert {c.subject for c in claims if c.relation is Relation.DIRECTED_BY} == {"Nebo Zovyot"}


def test_the_latter_is_the_film_named_last(extractor):
    text = "We compared Aelita and Solaris. The latter was made at Mosfilm."
    found = _found(_claims(extractor, text))
    assert ("Solaris", "studio", "Mosfilm") in found
    assert ("Aelita", "studio", "Mosfilm") not in found


def test_headings_set_the_subject_of_what_follows(extractor):
    text = (
        "1. Aelita (1924)\nA silent trip to Mars. It was directed by Yakov Protazanov.\n\n"
        "2. The Glass Comet (1971)\nA lost film, directed by Ivo Renner.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Aelita", "release_year", "1924") in found
    assert ("Aelita", "directed_by", "Yakov Protazanov") in found
    assert ("The Glass Comet", "release_year", "1971") in found
    assert ("The Glass Comet", "directed_by", "Ivo Renner") in found


def test_a_default_subject_beside_another_film_is_attributed_with_doubt(extractor):
    text = (
        "Planeta Bur is the topic here. Planeta Bur again.\n\nThe effects were reused in "
        "Queen of Blood; the director was Curtis Harrington."
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert claims
    assert all(c.confidence < CONFIDENT for c in claims)
    assert all("uncertain" in c.attribution for c in claims)


def test_plot_sentences_name_their_key_entities(extractor):
    text = (
        "A Dream Come True is a Soviet film.\n\nOn Phobos the two cosmonauts find the "
        "second alien ship, but their small ship cannot carry three people."
    )
    plot = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert {"Phobos", "3"} <= plot


def test_every_claim_quotes_its_sentence_exactly(extractor):
    text = "“Nebo Zovyot” (1959) was directed by Mikhail Karyukov.  It is a Soviet film."
    for claim in _claims(extractor, text):
        evidence = claim.evidence
        assert text[evidence.start : evidence.end] == evidence.quote


def test_sentences_do_not_split_after_initials():
    sentences = split_sentences("It stars T. Pochepa. H.G. Wells wrote it. Dir. Kurt Maetzig.")
    assert [s.text for s in sentences] == [
        "It stars T. Pochepa.",
        "H.G. Wells wrote it.",
        "Dir. Kurt Maetzig.",
    ]


def test_credits_lines_state_director_country_and_year(extractor):
    text = "AELITA\nDir. Yakov Protazanov; USSR 1924; 111 min; silent\n"
    found = _found(_claims(extractor, text))
    assert ("AELITA", "directed_by", "Yakov Protazanov") in found
    assert ("AELITA", "country", "Soviet Union") in found
    assert ("AELITA", "release_year", "1924") in found


def test_animated_and_settings_are_read_from_descriptions(extractor):
    text = (
        "The Mystery of the Third Planet is an animated feature. "
        "Planeta Bur is set almost entirely on Venus."
    )
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "animated", "True") in found
    assert ("Planeta Bur", "setting", "Venus") in found


def test_a_section_film_re_cut_into_another_is_a_re_edit(extractor):
    text = "## Planeta Bur (1962)\nCorman had it re-cut into Voyage to the Prehistoric Planet.\n"
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found


def test_possessive_makers_are_directors_with_doubt(extractor):
    claims = _claims(extractor, "Klushantsev's Planeta Bur is a gem.")
    [director] = [c for c in claims if c.relation is Relation.DIRECTED_BY]
    assert (director.subject, director.value) == ("Planeta Bur", "Pavel Klushantsev")
    assert director.confidence < CONFIDENT


def test_a_possessive_before_a_title_is_the_credit_the_references_know(extractor):
    text = "Planeta Bur later became Roger Corman's Voyage to the Prehistoric Planet."
    [credit] = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    assert (credit.subject, credit.relation) == (
        "Voyage to the Prehistoric Planet",
        Relation.PRODUCED_BY,
    )
    assert credit.confidence < CONFIDENT  # still a possessive: never held against the text
    # a credit the references do not know stays the direction, doubted
    text = "Nothing beats Roger Corman's Solaris."
    [doubted] = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    assert doubted.relation is Relation.DIRECTED_BY


def test_joined_words_for_countries_are_read_as_one(extractor):
    def countries(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.COUNTRY}

    both = {("The Silent Star", "East Germany"), ("The Silent Star", "Poland")}
    assert countries("The Silent Star was East German-Polish, so it's half ours.") == both
    text = "## The Silent Star (1960)\nMaetzig directed this East German and Polish film."
    assert countries(text) == both
    assert countries("Eolomea (1972) was made with Soviet and Bulgarian partners.") == {
        ("Eolomea", "Soviet Union"),
        ("Eolomea", "Bulgaria"),
    }
    assert countries("Pilot Pirx's Inquest, the Polish-Soviet Lem adaptation, is good.") == {
        ("Pilot Pirx's Inquest", "Poland"),
        ("Pilot Pirx's Inquest", "Soviet Union"),
    }
    assert countries("Eolomea, made jointly with Bulgaria, is slow.") == {("Eolomea", "Bulgaria")}
    # a slash between countries is a credits line's list
    text = "PILOT PIRX'S INQUEST (1979)\nDir. Marek Piestrak; Poland/USSR; Zespoły Filmowe"
    assert countries(text) == {
        ("PILOT PIRX'S INQUEST", "Poland"),
        ("PILOT PIRX'S INQUEST", "Soviet Union"),
    }
    # a word for a people before another noun says nothing of where the film is from
    assert countries("Solaris is better than the Polish-Soviet rocket programme.") == set()


def test_released_as_another_title_or_as_a_re_edit(extractor):
    text = "The Silent Star, which the Americans cut down and released as First Spaceship on Venus."
    assert ("The Silent Star", "also_known_as", "First Spaceship on Venus") in _found(
        _claims(extractor, text)
    )
    text = "Ikarie XB-1 is great. In the States it went out as Voyage to the End of the Universe."
    assert ("Ikarie XB-1", "also_known_as", "Voyage to the End of the Universe") in _found(
        _claims(extractor, text)
    )
    # a title of another film the references know: a re-edit made from this one
    text = (
        "## Nebo Zovyot (1959)\nThree years later Roger Corman had Francis Ford Coppola add new "
        "scenes and released it as Battle Beyond the Sun."
    )
    claims = _claims(extractor, text)
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in _found(claims)
    assert ("Nebo Zovyot", "also_known_as", "Battle Beyond the Sun") not in _found(claims)
    # ... and the new scenes are the re-edit's
    [scenes] = [c for c in claims if c.value == "Francis Ford Coppola"]
    assert (scenes.subject, scenes.relation) == ("Battle Beyond the Sun", Relation.DIRECTED_BY)
    # another statement between the film and the verb: not said of that film
    text = "Solaris is slow, while the studio released the cut as Battle Beyond the Sun."
    released = [c for c in _claims(extractor, text) if "released as" in c.attribution]
    assert released == []
    # a comparison is no release under another title
    for text in (
        "Solaris came out the same year as Planeta Bur.",
        "Kin-dza-dza! came out as late as Ikarie XB-1 did.",
    ):
        pairs = [
            c
            for c in _claims(extractor, text)
            if c.relation in {Relation.ALSO_KNOWN_AS, Relation.FOOTAGE_USED_IN}
        ]
        assert pairs == []


def test_a_doubtful_makers_verb_is_the_credit_the_references_know(extractor):
    text = (
        "## Planeta Bur (1962)\n"
        "See it before Roger Corman turned it into Voyage to the Prehistoric Planet."
    )
    [credit] = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    assert (credit.subject, credit.relation) == (
        "Voyage to the Prehistoric Planet",
        Relation.PRODUCED_BY,
    )
    assert credit.confidence < CONFIDENT


def test_a_film_by_a_person_is_directed_by_them_with_doubt(extractor):
    text = (
        "Moscow-Cassiopeia and Teens in the Universe are great. "
        "Both are by Richard Viktorov at the Gorky studio."
    )
    directed = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert {c.subject for c in directed} == {"Moscow-Cassiopeia", "Teens in the Universe"}
    assert all(c.value == "Richard Viktorov" and c.confidence < CONFIDENT for c in directed)
    for text in ("Solaris (by Andrei Tarkovsky) is long.", "Solaris is long. It is by Tarkovsky."):
        found = _found(_claims(extractor, text))
        assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found or (
            "Solaris",
            "directed_by",
            "Tarkovsky",
        ) in found
    # a cue of its own comes first: the score "by" a composer is the score's
    text = "Solaris is long. The music is by Eduard Artemyev."
    assert ("Solaris", "music_by", "Eduard Artemyev") in _found(_claims(extractor, text))
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


def test_the_novel_of_the_same_name_is_the_films_source(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is good. It is based on the novel of the same name by "
        "Arkady and Boris Strugatsky."
    )
    claims = _claims(extractor, text)
    authors = {c.value_entity for c in claims if c.relation is Relation.SOURCE_AUTHOR}
    assert authors == {"arkady-strugatsky", "boris-strugatsky"}
    assert [c.value for c in claims if c.relation is Relation.BASED_ON] == [
        "Dead Mountaineer's Hotel (novel)"
    ]


def test_a_year_in_a_described_film_beside_the_title_is_its_year(extractor):
    text = "What you see is Nebo Zovyot (The Sky Is Calling), a handsome 1959 Soviet space film."
    assert ("Nebo Zovyot", "release_year", "1959") in _found(_claims(extractor, text))
    # a year beside a title, but of something else than a film
    text = "Nebo Zovyot, a handsome 1959 Soviet rocket, is on show."
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert years == []


def test_a_makers_film_is_the_one_of_theirs_the_paragraph_named_last(extractor):
    text = (
        "Voyage to the Prehistoric Planet (1965) was put together by Curtis Harrington.\n\n"
        "Mechte navstrechu supplied the footage for Queen of Blood (1966). Harrington's film "
        "keeps the Soviet spaceships."
    )
    directed = [
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.DIRECTED_BY and "keeps" in c.evidence.quote
    ]
    assert directed == [("Queen of Blood", "Curtis Harrington")]


def test_the_new_version_is_the_re_edit_of_the_film_spoken_of(extractor):
    text = (
        "Battle Beyond the Sun (1962) comes from Nebo Zovyot.\n\n"
        "Nebo Zovyot tells of a flight to Mars.\n\n"
        "The new version came out in 1962."
    )
    claims = [c for c in _claims(extractor, text) if "new version" in c.evidence.quote]
    assert [(c.subject, c.relation) for c in claims] == [
        ("Battle Beyond the Sun", Relation.RELEASE_YEAR)
    ]


def test_new_scenes_credited_go_to_the_re_edit_the_references_credit(extractor):
    text = (
        "Nebo Zovyot (1959) went into Battle Beyond the Sun and Queen of Blood.\n\n"
        "About Nebo Zovyot: Francis Ford Coppola is credited for the added footage."
    )
    [scenes] = [c for c in _claims(extractor, text) if c.value == "Francis Ford Coppola"]
    assert (scenes.subject, scenes.relation) == ("Battle Beyond the Sun", Relation.DIRECTED_BY)
    assert scenes.confidence < CONFIDENT


def test_a_director_together_with_another_directed_too(extractor):
    text = "Mechte navstrechu (1963), directed by Mikhail Karyukov together with Otar Koberidze."
    directed = {c.value for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY}
    assert directed == {"Mikhail Karyukov", "Otar Koberidze"}


def test_a_titles_head_with_the_films_year_names_the_film(extractor):
    text = "If we do a third film: Signals (1970), with music by Karl-Ernst Sasse."
    found = _found(_claims(extractor, text))
    assert ("Signals: An Adventure in Space", "music_by", "Karl-Ernst Sasse") in found
    # the head alone is a word, and another year is another film
    assert not [m for m in extractor.mentions("Radio signals came in.") if m.kind == "film"]
    [title] = [m for m in extractor.mentions("Signals (1984) is a thriller.") if m.start == 0]
    assert title.entity is None


def test_his_film_after_a_sentence_naming_one_person_is_theirs(extractor):
    text = (
        "Viktorov, yes, but not Mosfilm. Both were made at the Gorky Film Studio, and so was "
        "his Per Aspera Ad Astra from 1981."
    )
    found = _found(_claims(extractor, text))
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in found
    # a paragraph later, or after a sentence naming two people, "his" is nobody known
    text = "Viktorov and Zatsepin, yes. Both were at Gorky, and so was his Per Aspera Ad Astra."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    text = "Viktorov, yes.\n\nAnd so was his Per Aspera Ad Astra."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


def test_a_credits_line_after_a_line_that_is_only_a_title_is_its_credits(extractor):
    text = (
        "Everyone knows Solaris. Solaris is great. What else?\n\n"
        "Kin-dza-dza! Georgiy Daneliya, 1986, Mosfilm."
    )
    credits = [c for c in _claims(extractor, text) if "Daneliya" in c.evidence.quote]
    assert all(c.attribution.startswith("the credits of Kin-dza-dza!") for c in credits)
    assert {(c.subject, c.relation.value, c.value) for c in credits} == {
        ("Kin-dza-dza!", "directed_by", "Georgiy Daneliya"),
        ("Kin-dza-dza!", "release_year", "1986"),
        ("Kin-dza-dza!", "studio", "Mosfilm"),
    }
    # a title said in passing is no line of its own: the credits after it are the film's
    # only as the one film their paragraph names, not as the credits of a title line
    text = (
        "Everyone knows Solaris. Solaris is great.\n\n"
        "I also like Kin-dza-dza! Georgiy Daneliya, 1986, Mosfilm."
    )
    credits = [c for c in _claims(extractor, text) if "Daneliya" in c.evidence.quote]
    assert credits
    assert not any(c.attribution.startswith("the credits of") for c in credits)
    assert {c.subject for c in credits} == {"Kin-dza-dza!"}
    # ... and a paragraph naming two films gives them neither with confidence
    text = (
        "Everyone knows Solaris. Solaris is great.\n\n"
        "I also like Kin-dza-dza! and Ikarie XB-1. Georgiy Daneliya, 1986, Mosfilm."
    )
    credits = [c for c in _claims(extractor, text) if "Daneliya" in c.evidence.quote]
    assert all(c.confidence < CONFIDENT for c in credits)


def test_the_first_and_the_second_film_of_a_pair_just_named(extractor):
    text = (
        "First up Moscow-Cassiopeia and its sequel Teens in the Universe. Per Aspera Ad Astra "
        "after that.\n\n"
        "> Moscow-Cassiopeia and its sequel Teens in the Universe\n\n"
        "Great pair. The first film is all set-up. Mikhail Yershov plays Sereda.\n\n"
        "That's the second film. Vasily Merkuryev is in it."
    )
    cast = {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert cast == {
        ("Moscow-Cassiopeia", "Mikhail Yershov"),
        ("Teens in the Universe", "Vasili Merkuryev"),
    }
    # no pair named just before: "the first film" points at nothing
    text = "Solaris is long.\n\nThe first film is all set-up. Donatas Banionis plays Kelvin."
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert "first film" not in cast.attribution


def test_things_from_a_country_and_film_makers_state_nothing_of_the_film(extractor):
    text = (
        "## Queen of Blood (1966)\nCorman bought Soviet films; the rockets and most of the sky "
        "came from the Soviet Union."
    )
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.COUNTRY]
    text = "## Solaris (1972)\nIt came from the Soviet Union."
    assert ("Solaris", "country", "Soviet Union") in _found(_claims(extractor, text))
    # "film-makers" is no film: the year is the story's
    text = "## Cosmic Voyage (1936)\nIt is the 1946 film-makers imagined ten years earlier."
    assert not [
        c
        for c in _claims(extractor, text)
        if c.relation is Relation.RELEASE_YEAR and c.value == "1946"
    ]


def test_names_written_without_their_marks_are_the_same_names(extractor):
    found = {
        (m.text, m.entity)
        for m in extractor.mentions("Juri Jarvet, Gunther Simon and Irena Kriauzaite met.")
    }
    assert found == {
        ("Juri Jarvet", "juri-jarvet"),
        ("Gunther Simon", "gunther-simon"),
        ("Irena Kriauzaite", "irena-kriauzaite"),
    }


def test_the_one_who_did_it_did_it(extractor):
    text = "Artemyev is the one who scored Tarkovsky's Solaris."
    assert ("Solaris", "music_by", "Eduard Artemyev") in _found(_claims(extractor, text))
    text = "Kromanov was the man who directed Dead Mountaineer's Hotel."
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "directed_by", "Grigori Kromanov") in found


def test_who_shares_or_is_credited_with_a_makers_credit(extractor):
    text = (
        "## Queen of Blood (1966)\nHarrington wrote the script, and Samuel Z. Arkoff and George "
        "Edwards share the producer credit."
    )
    produced = {c.value for c in _claims(extractor, text) if c.relation is Relation.PRODUCED_BY}
    assert produced == {"Samuel Z. Arkoff", "George Edwards"}
    text = "## Queen of Blood (1966)\nGeorge Edwards is credited as producer."
    assert ("Queen of Blood", "produced_by", "George Edwards") in _found(_claims(extractor, text))


def test_a_year_before_a_film_noun_before_the_title_is_its_year(extractor):
    text = "I know there's the 1985 TV serial Guest from the Future."
    assert ("Guest from the Future", "release_year", "1985") in _found(_claims(extractor, text))
    text = "I know the 1985 book and Guest from the Future."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]


def test_a_director_at_a_studio_in_a_credits_run(extractor):
    text = "The cartoon is The Mystery of the Third Planet, Roman Kachanov at Soyuzmultfilm, 1981."
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "directed_by", "Roman Kachanov") in found
    assert ("The Mystery of the Third Planet", "studio", "Soyuzmultfilm") in found


def test_readings_a_second_reading_found_too_wide(extractor):
    # "along with" another person adds no co-director
    text = "Solaris was directed by Andrei Tarkovsky, along with Donatas Banionis in the lead."
    directed = {c.value for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY}
    assert directed == {"Andrei Tarkovsky"}
    # "this American adaptation" and "X is American" only with doubt
    for text in (
        "## Solaris (1972)\nTarkovsky hated this American adaptation of Lem.",
        "People assume Solaris is American, which it is not.",
    ):
        [country] = [c for c in _claims(extractor, text) if c.relation is Relation.COUNTRY]
        assert country.confidence < CONFIDENT
    # another job before "director" is no direction
    text = "## Solaris (1972)\nEduard Artemyev is credited as music director."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    # effects used alike in another film are no footage taken
    text = "Nebo Zovyot is lovely, and Klushantsev used similar effects in Planeta Bur."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN]
    # "the first one I ever saw" is no film of the pair named before
    text = (
        "Solaris and Planeta Bur are great.\n\n"
        "The first one I ever saw in a cinema was directed by Georgiy Daneliya."
    )
    [directed] = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert directed.confidence < CONFIDENT


def test_a_film_in_a_year_is_its_year_with_doubt(extractor):
    text = "Corman later mined Nebo Zovyot again for Queen of Blood in 1966."
    [year] = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert (year.subject, year.value) == ("Queen of Blood", "1966")
    assert year.confidence < CONFIDENT
    # a showing is no release
    text = "They screened Solaris in 1990 at the festival."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]


def test_a_studio_is_where_a_film_was_shot_or_its_production(extractor):
    text = "Mosfilm is where Tarkovsky shot Solaris."
    assert ("Solaris", "studio", "Mosfilm") in _found(_claims(extractor, text))
    text = "## Mechte navstrechu (1963)\nThis Odessa production supplied most of the footage."
    [studio] = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
    assert (studio.subject, studio.value_entity) == ("Mechte navstrechu", "odessa-film-studio")
    text = "I visited Mosfilm, where the weather was bad; Solaris is long."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]


def test_a_sequel_to_his_own_film(extractor):
    text = (
        "## Teens in the Universe (1975)\n"
        "Richard Viktorov's sequel to his own Moscow-Cassiopeia is the family pick."
    )
    found = _found(_claims(extractor, text))
    assert ("Moscow-Cassiopeia", "sequel", "Teens in the Universe") in found
    assert ("Teens in the Universe", "sequel", "Moscow-Cassiopeia") not in found


def test_who_a_re_edit_added_is_in_its_cast_with_doubt(extractor):
    text = (
        "## Voyage to the Prehistoric Planet (1965)\n"
        "Harrington's version had added Basil Rathbone and Faith Domergue, talking to the crew."
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert {c.value for c in cast} == {"Basil Rathbone", "Faith Domergue"}
    assert all(c.confidence < CONFIDENT for c in cast)
    # added to something else than the film
    text = "## Solaris (1972)\nThe archive added Andrei Tarkovsky's notes to the disc."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]


def test_a_re_edit_of_a_makers_film_took_that_films_footage(extractor):
    text = (
        "## Voyage to the Prehistoric Planet (1965)\n"
        "Roger Corman produced this first American re-edit of Klushantsev's footage."
    )
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in _found(
        _claims(extractor, text)
    )
    # a maker the references give no film the re-edit took footage from: nothing
    text = "## Voyage to the Prehistoric Planet (1965)\nThis re-edit of Tarkovsky's film is odd."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN]


def test_who_bought_a_film_made_the_re_edit_the_references_credit_them_on(extractor):
    text = (
        "## Nebo Zovyot (1959)\nRoger Corman later bought it, and Francis Ford Coppola helped "
        "turn it into Battle Beyond the Sun."
    )
    [bought] = [c for c in _claims(extractor, text) if c.value_entity == "roger-corman"]
    assert (bought.subject, bought.relation) == ("Battle Beyond the Sun", Relation.PRODUCED_BY)
    assert bought.confidence < CONFIDENT
    # a buyer the references credit on no re-edit of it: nothing said of them
    text = (
        "## Nebo Zovyot (1959)\nPeter Bogdanovich bought it, and it became Battle Beyond the Sun."
    )
    assert not [c for c in _claims(extractor, text) if c.value_entity == "peter-bogdanovich"]


def test_a_title_with_an_exclamation_inside_is_another_film(extractor):
    text = (
        "Kin-dza-dza! (1986) is great. An animated remake, Ku! Kin-dza-dza, directed by "
        "Daneliya with Tatyana Ilyina, was released in 2013."
    )
    remake = [c for c in _claims(extractor, text) if "remake" in c.evidence.quote]
    assert remake
    assert {c.subject for c in remake} == {"Ku! Kin-dza-dza"}
    # an exclamation set off by a comma before a new sentence still ends it
    sentences = [s.text for s in split_sentences("I said, Wow! It was great.")]
    assert sentences == ["I said, Wow!", "It was great."]


def test_a_title_ending_in_a_known_title_is_another_film(extractor):
    # a foreign word and a little word of the titles' languages before a known title
    text = (
        "Thread: Kin-dza-dza! (1986)\n\nHas anyone seen Dorogi na Kin-dza-dza? A Georgian "
        "TV film from 1991, directed by Rezo Chkheidze, and based on a Bulychev story."
    )
    found = _claims(extractor, text)
    assert not [c for c in found if "seen" in c.evidence.quote and "Kin" in c.subject]
    # ... and what the next sentence says of it is not surely Kin-dza-dza!'s
    told = [c for c in found if "TV film" in c.evidence.quote]
    assert told
    assert all(c.subject != "Kin-dza-dza!" or c.confidence < CONFIDENT for c in told)
    # a name the references know there leaves the known title
    from questions.mentions import Gazetteer, MentionFinder

    finder = MentionFinder(Gazetteer(load_default_catalogue()))
    assert "kin-dza-dza" in {m.entity for m in finder.find("Uncle Vova na Kin-dza-dza sings.")}
    assert "kin-dza-dza" not in {m.entity for m in finder.find("Dorogi na Kin-dza-dza (1991)")}


def test_the_authors_book_is_the_source_their_names_tell(extractor):
    text = (
        "I'd pair Solaris with Dead Mountaineer's Hotel.\n\n"
        "For the record the Strugatskys' book was published in 1970."
    )
    [year] = [c for c in _claims(extractor, text) if c.relation is Relation.PUBLISHED_YEAR]
    assert (year.subject, year.value) == ("Dead Mountaineer's Hotel (novel)", "1970")


def test_the_one_by_a_person_and_the_director_of_a_film(extractor):
    text = "I prefer Solaris, the 1972 one by Andrei Tarkovsky."
    found = _found(_claims(extractor, text))
    assert ("Solaris", "release_year", "1972") in found
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    text = (
        "## Per Aspera Ad Astra (1981)\n"
        "It is from Richard Viktorov, the director of Moscow-Cassiopeia."
    )
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in _found(
        _claims(extractor, text)
    )


def test_a_cue_with_an_adverb_inside_is_the_cue(extractor):
    text = "## Cosmic Voyage (1936)\nIt's based loosely on his book Outside the Earth."
    found = _found(_claims(extractor, text))
    assert ("Cosmic Voyage", "based_on", "Outside the Earth") in found


def test_a_studio_that_made_it(extractor):
    text = "## Aelita (1924)\nMezhrabpom-Rus made it, if anyone cares about studios."
    assert ("Aelita", "studio", "Mezhrabpom-Rus") in _found(_claims(extractor, text))


def test_quoted_replies_are_not_read_again(extractor):
    text = "Nebo Zovyot came out in 1959.\n\n> came out in 1959\nRight, 1959."
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [c.evidence.quote for c in years] == ["Nebo Zovyot came out in 1959."]


def test_a_story_sentence_without_names_is_asked_about_the_thing_it_mentions(extractor):
    text = "A Dream Come True is a Soviet film.\n\nThe survivors escape in an emergency ship."
    plot = [c for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert [c.value for c in plot] == ["emergency ship"]


def test_families_and_shared_surnames_name_every_author(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is based on a novel by the Strugatsky brothers. "
        "Arkady and Boris Strugatsky wrote it in 1970."
    )
    authors = {
        c.value_entity for c in _claims(extractor, text) if c.relation is Relation.SOURCE_AUTHOR
    }
    assert authors == {"arkady-strugatsky", "boris-strugatsky"}
    names = {m.text for m in extractor.mentions("The Sirius landed. The Vasiliev brothers.")}
    assert names == {"Vasiliev brothers"}


def test_possessive_before_a_descriptive_noun_names_the_maker(extractor):
    text = "## Aelita (1924)\nThe oldest film here, Yakov Protazanov's silent extravaganza."
    directors = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in directors] == [("Aelita", "Yakov Protazanov")]


def test_the_novel_is_the_films_source_when_the_references_know_one(extractor):
    text = (
        "## Solaris (1972)\nAndrei Tarkovsky filmed Stanisław Lem's 1961 novel. "
        "Lem wrote the novel in Poland."
    )
    claims = _claims(extractor, text)
    published = [c for c in claims if c.relation is Relation.PUBLISHED_YEAR]
    assert [(c.subject, c.value) for c in published] == [("Solaris (novel)", "1961")]
    assert published[0].confidence < 1.0


def test_both_names_the_two_films_just_named(extractor):
    text = (
        "We watched Moscow-Cassiopeia and Teens in the Universe. "
        "Both were made at the Gorky Film Studio."
    )
    studios = {c.subject for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Moscow-Cassiopeia", "Teens in the Universe"}


def test_a_title_after_its_authors_name_is_the_book(extractor):
    text = "The Strugatskys' Dead Mountaineer's Hotel came out in 1970, years before the film."
    found = {(c.subject, c.relation, c.value) for c in _claims(extractor, text)}
    novel = "Dead Mountaineer's Hotel (novel)"
    assert found == {
        (novel, Relation.PUBLISHED_YEAR, "1970"),
        (novel, Relation.WRITTEN_BY, "Arkady Strugatsky"),
        (novel, Relation.WRITTEN_BY, "Boris Strugatsky"),
    }


def test_a_relative_clause_after_a_book_dates_the_book(extractor):
    text = (
        "Solaris comes from Stanisław Lem's Solaris, which came out in 1961, "
        "and Tarkovsky made it in 1972."
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris (novel)", "published_year", "1961") in found
    assert ("Solaris", "release_year", "1961") not in found


def test_a_reply_with_a_bare_year_corrects_a_quoted_book_date(extractor):
    text = (
        "Guest from the Future is from Kir Bulychev's One Hundred Years Ahead, which came out "
        "in 1976.\n\n> which came out in 1976\n\n1978. Sorry, can't help myself.\n"
    )
    dated = [c for c in _claims(extractor, text) if c.relation is Relation.PUBLISHED_YEAR]
    assert [(c.subject, c.value) for c in dated] == [
        ("One Hundred Years Ahead", "1976"),
        ("One Hundred Years Ahead", "1978"),
    ]


def test_another_title_of_the_sections_film_is_one_of_its_titles(extractor):
    text = "## Cosmic Voyage (1936)\nVasili Zhuravlyov's Kosmicheskiy reis took science seriously."
    found = _found(_claims(extractor, text))
    assert ("Cosmic Voyage", "also_known_as", "Kosmicheskiy reis") in found


def test_a_reply_that_opens_with_a_year_corrects_the_quoted_line(extractor):
    text = (
        "Battle Beyond the Sun is a strange film.\n\n"
        "> Battle Beyond the Sun came out in 1963\n"
        "1962. Corman had it out quickly.\n"
    )
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [(c.subject, c.value) for c in years] == [("Battle Beyond the Sun", "1962")]
    assert "quoted" in years[0].attribution


def test_films_separated_by_a_comma_are_two_films(extractor):
    found = _found(
        _claims(extractor, "Unlike Solaris, Planeta Bur was directed by Pavel Klushantsev.")
    )
    assert ("Planeta Bur", "directed_by", "Pavel Klushantsev") in found
    assert not any(r == "also_known_as" for _, r, _ in found)


def test_long_runs_of_alias_words_are_read_in_linear_time(extractor):
    # Read word by word: a pattern that backtracked would not return on the long run.
    short = _found(_claims(extractor, '"Planeta Bur"' + ", also known as" * 3 + " Solaris."))
    long = _found(_claims(extractor, '"Planeta Bur"' + ", also known as" * 400 + " Solaris."))
    assert ("Planeta Bur", "also_known_as", "Solaris") in short
    assert not any(r == "also_known_as" for _, r, _ in long)  # too far apart to be one film


def test_windows_line_endings_and_section_headings_keep_the_film(extractor):
    text = (
        "# Planeta Bur (1962)\r\n\r\n## Production\r\n\r\nIt was directed by Pavel Klushantsev."
        "\r\n\r\n## Reception\r\n\r\nIt was made at Lennauchfilm."
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "directed_by", "Pavel Klushantsev") in found
    assert ("Planeta Bur", "studio", "Lennauchfilm") in found
    assert {s for s, _, _ in found} == {"Planeta Bur"}


def test_a_studio_named_in_passing_is_no_claim(extractor):
    text = "## Planeta Bur (1962)\nUnlike Mosfilm, it was cheap. It was made at Lennauchfilm."
    studios = {c.value for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Lennauchfilm"}


def test_every_sentence_of_a_quoted_line_is_the_quoted_posters(extractor):
    text = (
        "Planeta Bur is our film.\n\n"
        "> Planeta Bur came out in 1963. It was directed by Ridley Scott.\n"
        "1962. Klushantsev directed it.\n"
    )
    claims = _claims(extractor, text)
    assert not any(c.value == "Ridley Scott" for c in claims)
    assert [c.value for c in claims if c.relation is Relation.RELEASE_YEAR] == ["1962"]


def test_names_in_quotes_after_billed_as_are_not_films(extractor):
    text = (
        "Battle Beyond the Sun is the US cut of Nebo Zovyot.\n\n"
        'The lead, Ivan Pereverzev, is billed as "Edd Perry". '
        "In the Soviet version Pereverzev plays Eugene Kornev."
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.subject, c.role) for c in cast] == [("Nebo Zovyot", "Eugene Kornev")]


def test_a_film_plundered_for_another_gave_it_footage(extractor):
    text = (
        "## Planeta Bur (1962)\n"
        "It was plundered for Curtis Harrington's Voyage to the Prehistoric Planet."
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
    both = "Curtis Harrington built Queen of Blood mostly out of effects shots from Nebo Zovyot."
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in _found(_claims(extractor, both))


def test_claims_know_the_films_their_paragraph_names(extractor):
    claims = _claims(
        extractor,
        "Planeta Bur came out in 1962. Its effects were later reused in Queen of Blood.\n\n"
        "Solaris was made at Mosfilm.",
    )
    catalogue = extractor.catalogue
    ids = {
        name: entity.id
        for name in ("Planeta Bur", "Queen of Blood", "Solaris")
        if (entity := catalogue.resolve(name, ("film",))) is not None
    }
    year = next(c for c in claims if c.value == "1962")
    studio = next(c for c in claims if c.value == "Mosfilm")
    assert set(year.nearby) == {ids["Planeta Bur"], ids["Queen of Blood"]}
    assert studio.nearby == (ids["Solaris"],)


def test_a_statement_not_meant_literally_is_never_sure(extractor):
    claims = _claims(extractor, "Underneath, Queen of Blood is a Soviet film in disguise.")
    country = [c for c in claims if c.relation is Relation.COUNTRY]
    assert country
    assert all(c.confidence < CONFIDENT for c in country)


def test_a_story_sent_somewhere_is_set_there(extractor):
    claims = _claims(extractor, "Planeta Bur sends an international crew to Venus.")
    assert ("Planeta Bur", "setting", "Venus") in _found(claims)


def test_films_named_after_an_announced_re_edit_get_the_originals_footage(extractor):
    claims = _claims(
        extractor,
        "Planeta Bur (1962) was a hit abroad. Its footage was later re-cut into two "
        "American features. The first, Voyage to the Prehistoric Planet, came out in 1965. "
        "The second was Voyage to the Planet of Prehistoric Women. Solaris is another story."
        "\n\nQueen of Blood came out in 1966.",
    )
    found = _found(claims)
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
    assert (
        "Planeta Bur",
        "footage_used_in",
        "Voyage to the Planet of Prehistoric Women",
    ) in found
    assert not {
        c for c in found if c[1] == "footage_used_in" and c[2] in {"Solaris", "Queen of Blood"}
    }


def test_a_bare_year_in_the_next_post_corrects_the_year_stated_last(extractor):
    claims = _claims(
        extractor,
        "[first_poster]\nSolaris came out in 1974, I'm sure.\n\n[second_poster]\n"
        "1972, actually. Still a long film.",
    )
    years = {(c.subject, c.value) for c in claims if c.relation is Relation.RELEASE_YEAR}
    assert years == {("Solaris", "1974"), ("Solaris", "1972")}
    unrelated = _claims(extractor, "Solaris came out in 1972.\n\n1974. A cold winter.")
    assert {c.value for c in unrelated if c.relation is Relation.RELEASE_YEAR} == {"1972"}


def test_a_value_marked_as_a_correction_in_the_next_post_corrects_what_was_stated(extractor):
    # a name right before "actually" or "surely" says it corrects, and a description of the
    # value may follow it
    music = "[one]\nSolaris is Tarkovsky's. The score is by Vano Muradeli, I believe.\n\n[two]\n"
    for reply in (
        "Eduard Artemyev, actually!",
        "Eduard Artemyev, surely?",
        "Eduard Artemyev, actually, one of his best scores.",
    ):
        assert ("Solaris", "Eduard Artemyev") in _pairs(
            extractor, music + reply, Relation.MUSIC_BY
        ), reply
    # a year or a studio followed by "surely?" disputes the one stated last
    year = "[one]\nIkarie XB-1 came out in 1965.\n\n[two]\n1963, surely? Great sets."
    assert _pairs(extractor, year, Relation.RELEASE_YEAR) == {
        ("Ikarie XB-1", "1965"),
        ("Ikarie XB-1", "1963"),
    }
    studio = "[one]\nAelita was made at Lenfilm.\n\n[two]\nMezhrabpom-Rus, surely?"
    assert ("Aelita", "Mezhrabpom-Rus") in _pairs(extractor, studio, Relation.STUDIO)
    # not when the words after it tell something else of the name, or nothing says it corrects
    for reply in (
        "Eduard Artemyev, actually, hated the film.",
        "Eduard Artemyev wrote a lot of film music.",
    ):
        assert ("Solaris", "Eduard Artemyev") not in _pairs(
            extractor, music + reply, Relation.MUSIC_BY
        ), reply


def test_who_re_cuts_footage_into_a_film_or_puts_it_together_directs_it(extractor):
    claims = _claims(
        extractor,
        "Later Peter Bogdanovich, working under another name, re-cut it again as "
        "Voyage to the Planet of Prehistoric Women. Queen of Blood was put together by "
        "Curtis Harrington.",
    )
    directed = {(c.subject, c.value) for c in claims if c.relation is Relation.DIRECTED_BY}
    assert ("Voyage to the Planet of Prehistoric Women", "Peter Bogdanovich") in directed
    assert ("Queen of Blood", "Curtis Harrington") in directed


def test_an_unknown_name_joined_to_a_known_one_is_still_a_candidate(extractor):
    found = [
        (m.text, m.kind)
        for m in extractor.mentions("John Saxon and Virgil Frye play the astronauts.")
    ]
    assert ("John Saxon", "person") in found
    assert ("Virgil Frye", "name") in found


def test_an_actor_in_a_described_part_is_in_the_cast(extractor):
    claims = _claims(
        extractor,
        "Queen of Blood has a small cast. Dennis Hopper is the youngest crew member, "
        "Basil Rathbone, in one of his last roles, runs mission control, and John Saxon "
        "plays the hero. Curtis Harrington is the director.",
    )
    cast = {c.value for c in claims if c.relation is Relation.CAST}
    assert cast == {"Dennis Hopper", "Basil Rathbone", "John Saxon"}


def test_a_first_name_sharing_the_next_surname_is_the_whole_name(extractor):
    claims = _claims(
        extractor,
        "Dead Mountaineer's Hotel was made at Tallinnfilm, from the novel by Arkady and "
        "Boris Strugatsky.",
    )
    authors = {c.value for c in claims if c.relation is Relation.SOURCE_AUTHOR}
    assert authors == {"Arkady Strugatsky", "Boris Strugatsky"}


def test_a_numbered_markdown_heading_is_one_line_and_sets_its_section(extractor):
    claims = _claims(
        extractor,
        "Everyone knows *Solaris*.\n\n## 3. *Der schweigende Stern* (1960)\n\n"
        "Made at DEFA, this one flies an international crew to Venus.",
    )
    studio = {(c.subject, c.value) for c in claims if c.relation is Relation.STUDIO}
    assert studio == {("Der schweigende Stern", "DEFA")}


def test_a_denied_value_states_nothing(extractor):
    claims = _claims(
        extractor,
        "Do not confuse it with Planeta Bur, which is a Lennauchfilm production rather than "
        "a Mosfilm one, and Soviet rather than East German.\n\nNot Mosfilm. Never by Tarkovsky.",
    )
    found = _found(claims)
    assert ("Planeta Bur", "studio", "Lennauchfilm") in found
    assert not [c for c in found if c[2] in {"Mosfilm", "East Germany", "Andrei Tarkovsky"}]


def test_a_country_of_another_film_in_the_sentence_is_not_the_subjects(extractor):
    claims = _claims(
        extractor,
        "Roger Corman produced Battle Beyond the Sun in 1962 and set a pattern: buy a Soviet "
        "film cheaply and dub it. Nebo Zovyot is a Soviet film.",
    )
    countries = {(c.subject, c.value) for c in claims if c.relation is Relation.COUNTRY}
    assert countries == {("Nebo Zovyot", "Soviet Union")}


def test_a_director_in_the_story_is_a_part_in_the_cast(extractor):
    claims = _claims(
        extractor,
        "A Dream Come True follows a rescue. Mission control is run by a stern flight "
        "director (Otar Koberidze).",
    )
    assert ("A Dream Come True", "cast", "Otar Koberidze") in _found(claims)
    assert not [c for c in claims if c.relation is Relation.DIRECTED_BY]


def test_it_in_a_paragraph_naming_no_film_is_uncertain_when_another_was_named_last(extractor):
    claims = _claims(
        extractor,
        "Queen of Blood was directed by Curtis Harrington. Queen of Blood borrows a lot.\n\n"
        "So was A Dream Come True made at Mosfilm?\n\n"
        "Not at all. It was made at the Odessa Film Studio.",
    )
    [studio] = [c for c in claims if c.value == "Odessa Film Studio"]
    assert studio.confidence < CONFIDENT
    # the film the paragraph before asked about, by name, rather than the document's
    assert studio.subject == "A Dream Come True"
    assert "paragraph before" in studio.attribution


def test_a_heading_on_several_films_shares_its_credits_line_among_them(extractor):
    claims = _claims(
        extractor,
        "Programme notes.\n\nDOUBLE BILL: MOSCOW-CASSIOPEIA + TEENS IN THE UNIVERSE\n"
        "Dir. Richard Viktorov; USSR; 85 min + 84 min\n",
    )
    found = _found(claims)
    for film in ("MOSCOW-CASSIOPEIA", "TEENS IN THE UNIVERSE"):
        assert (film, "directed_by", "Richard Viktorov") in found
        assert (film, "country", "Soviet Union") in found


def test_a_part_described_then_named_is_the_actors_role(extractor):
    claims = _claims(extractor, "In Solaris, Anatoly Solonitsyn plays the pilot Burton.")
    [cast] = [c for c in claims if c.relation is Relation.CAST]
    assert (cast.value, cast.role) == ("Anatoly Solonitsyn", "Burton")
    # a word for a people in capitals describes the part too
    text = "Planeta Bur (1962): Vladimir Yemelyanov plays the American, Kern."
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert (cast.value, cast.role) == ("Vladimir Yemelyanov", "Kern")
    text = "Planeta Bur (1962): Georgi Teich is the American astronaut Allan Kern."
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert (cast.value, cast.role) == ("Georgi Teich", "Allan Kern")


def test_composers_and_cast_lists_in_plain_prose(extractor):
    claims = _claims(
        extractor,
        "Solaris is long. Eduard Artemyev did the score. Planeta Bur is short: Georgiy "
        "Zhzhonov and Vladimir Yemelyanov are among the cosmonauts, and Aleksandr Lukavsky's "
        "music is gone.",
    )
    found = _found(claims)
    assert ("Solaris", "music_by", "Eduard Artemyev") in found
    assert ("Planeta Bur", "cast", "Georgiy Zhzhonov") in found
    assert ("Planeta Bur", "cast", "Vladimir Yemelyanov") in found


def test_a_part_the_references_do_not_know_is_kept_as_the_role(extractor):
    claims = _claims(
        extractor,
        "In Nebo Zovyot, Aleksandr Shvorin is the pilot Somov and Ivan Pereverzev is billed as "
        "Edd Perry.",
    )
    cast = {(c.value, c.role) for c in claims if c.relation is Relation.CAST}
    assert ("Aleksandr Shvorin", "Somov") in cast
    assert all(role != "Edd Perry" for _, role in cast)


def test_a_source_novel_drawn_from_or_adapted_is_the_films_source(extractor):
    claims = _claims(
        extractor,
        "Cosmic Voyage was drawn from Konstantin Tsiolkovsky's Outside the Earth. "
        "Kurt Maetzig's The Silent Star adapted Stanisław Lem's The Astronauts.",
    )
    found = _found(claims)
    assert ("Cosmic Voyage", "based_on", "Outside the Earth") in found
    assert ("The Silent Star", "based_on", "The Astronauts") in found


def test_makers_named_by_a_possessive_genre_or_directing_a_part(extractor):
    claims = _claims(
        extractor,
        "Grigori Kromanov's Tallinnfilm noir is Dead Mountaineer's Hotel. For Battle Beyond the "
        "Sun, Francis Ford Coppola directing the new sequences made the difference.",
    )
    directed = {(c.subject, c.value) for c in claims if c.relation is Relation.DIRECTED_BY}
    assert ("Dead Mountaineer's Hotel", "Grigori Kromanov") in directed
    assert ("Battle Beyond the Sun", "Francis Ford Coppola") in directed


def test_a_characters_relative_is_not_that_character(extractor):
    claims = _claims(extractor, "In Solaris, Nikolai Grinko is Kelvin's father.")
    assert all(c.role != "Kelvin" for c in claims if c.relation is Relation.CAST)


def test_a_second_source_joined_by_and_from_gave_its_footage_too(extractor):
    claims = _claims(
        extractor,
        "Curtis Harrington built Queen of Blood mostly out of effects shots from Nebo Zovyot "
        "and from Karyukov's later film A Dream Come True.",
    )
    found = _found(claims)
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found
    assert ("A Dream Come True", "footage_used_in", "Queen of Blood") in found


def test_effects_lifted_from_a_film_are_its_footage_and_no_sequel(extractor):
    claims = _claims(
        extractor, "Queen of Blood borrows its effects. A few more are lifted from Nebo Zovyot."
    )
    found = _found(claims)
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found
    assert not [c for c in found if c[1] == "sequel"]


def test_a_studio_named_with_its_word_first_is_known_by_its_name_alone(extractor):
    claims = _claims(extractor, "Ikarie XB-1 was shot at Barrandov in 1963.")
    assert ("Ikarie XB-1", "studio", "Barrandov") in _found(claims)


def test_a_studio_before_a_kind_of_film_made_it(extractor):
    claims = _claims(extractor, "Andrei Tarkovsky's Mosfilm adaptation of Lem is Solaris.")
    assert ("Solaris", "studio", "Mosfilm") in _found(claims)


def test_the_soviet_original_says_where_the_original_is_from(extractor):
    claims = _claims(
        extractor,
        "Battle Beyond the Sun was cut from Nebo Zovyot. Watch the Soviet original first.",
    )
    countries = {(c.subject, c.value) for c in claims if c.relation is Relation.COUNTRY}
    assert countries == {("Nebo Zovyot", "Soviet Union")}


def test_a_word_for_a_people_before_a_film_noun_gives_the_country(extractor):
    found = _found(_claims(extractor, "Ikarie XB-1 (1963) is a Czechoslovak space film."))
    assert ("Ikarie XB-1", "country", "Czechoslovakia") in found
    # ... but not when it describes someone in the film, or something else
    found = _found(
        _claims(extractor, "Ikarie XB-1 (1963) casts a Czechoslovak actor in the film's lead.")
    )
    assert not any(r == "country" for _, r, _ in found)


def test_a_studio_the_film_was_made_for(extractor):
    found = _found(_claims(extractor, "Planeta Bur (1962): Klushantsev shot it for Lennauchfilm."))
    assert ("Planeta Bur", "studio", "Lennauchfilm") in found


def test_actors_who_lead_or_join_the_cast(extractor):
    text = (
        "Planeta Bur (1962) has a small crew. Georgiy Zhzhonov and Gennadi Vernov head the "
        "cast. Kyunna Ignatova is also in the cast."
    )
    found = _found(_claims(extractor, text))
    for actor in ("Georgiy Zhzhonov", "Gennadi Vernov", "Kyunna Ignatova"):
        assert ("Planeta Bur", "cast", actor) in found


def test_a_novel_named_by_its_author_is_the_films_source_only_if_that_author_wrote_it(extractor):
    right = _found(_claims(extractor, "Solaris (1972) was adapted from Lem's novel."))
    assert ("Solaris", "based_on", "Solaris (novel)") in right
    wrong = _found(_claims(extractor, "Solaris (1972) was adapted from Yefremov's novel."))
    assert not any(r == "based_on" for _, r, _ in wrong)


def test_a_sentence_naming_no_film_goes_on_about_the_film_of_the_sentence_before(extractor):
    text = (
        "Battle Beyond the Sun is the thread's film. Battle Beyond the Sun came out in 1962.\n\n"
        "Good question. Curtis Harrington cut Queen of Blood (1966) out of Soviet effects shots. "
        "Harrington directed, and George Edwards produced."
    )
    claims = _claims(extractor, text)
    made = {(c.subject, c.relation.value, c.value): c for c in claims}
    assert made[("Queen of Blood", "produced_by", "George Edwards")].confidence >= CONFIDENT


def test_a_person_named_with_what_they_did_on_the_film(extractor):
    text = (
        "Queen of Blood (1966) kept the Soviet effects, with Curtis Harrington directing the "
        "new scenes and George Edwards producing."
    )
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in found
    assert ("Queen of Blood", "produced_by", "George Edwards") in found
    assert not any(r == "cast" for _, r, _ in found)


def test_of_verbs_joined_by_and_the_last_names_the_film_that_follows(extractor):
    text = (
        "# Mechte navstrechu (1963)\n\nIts effects ended up in Queen of Blood.\n\n"
        "Later a producer bought the Soviet film and made this "
        "American version, with Curtis Harrington directing extra scenes."
    )
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in found
    assert ("Mechte navstrechu", "directed_by", "Curtis Harrington") not in found
    said = _found(
        _claims(
            extractor,
            "# Mechte navstrechu (1963)\n\nIts effects ended up in "
            "Queen of Blood.\n\nIts American version was directed by Curtis Harrington.",
        )
    )
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in said


def test_a_credits_line_opening_with_prod(extractor):
    found = _found(_claims(extractor, "BATTLE BEYOND THE SUN\nProd. Roger Corman; USA 1962"))
    assert ("BATTLE BEYOND THE SUN", "produced_by", "Roger Corman") in found


def test_a_surname_alone_stands_for_the_one_person_of_that_name(extractor):
    text = "Ikarie XB-1 (1963) drew on Lem's novel The Magellanic Cloud."
    found = _found(_claims(extractor, text))
    assert ("The Magellanic Cloud", "written_by", "Stanisław Lem") in found
    assert ("Ikarie XB-1", "based_on", "The Magellanic Cloud") in found


def test_a_year_the_film_was_directed_in_and_what_follows_a_comma(extractor):
    solaris = _found(_claims(extractor, "Rewatched Solaris. Andrei Tarkovsky directed it in 1972."))
    assert ("Solaris", "release_year", "1972") in solaris
    text = (
        "Dead Mountaineer's Hotel is a puzzle. Grigori Kromanov made it at Tallinnfilm in 1979, "
        "from the novel by the Strugatskys."
    )
    assert ("Dead Mountaineer's Hotel", "release_year", "1979") in _found(_claims(extractor, text))
    # a year after another film the sentence names is not the subject's
    other = _found(_claims(extractor, "Solaris is slow. Tarkovsky directed Stalker in 1979."))
    assert ("Solaris", "release_year", "1979") not in other


def test_an_actor_who_plays_a_part_in_the_film_a_phrase_names(extractor):
    text = (
        "# Battle Beyond the Sun (1962)\n\nIt reuses Nebo Zovyot.\n\nIvan Pereverzev, who plays "
        "Kornev in the Soviet film, is billed under another name."
    )
    claims = _claims(extractor, text)
    cast = [c for c in claims if c.relation is Relation.CAST]
    assert [(c.subject, c.value, c.role) for c in cast] == [
        ("Nebo Zovyot", "Ivan Pereverzev", "Kornev")
    ]


def test_did_produce(extractor):
    found = _found(_claims(extractor, "Roger Corman did produce Queen of Blood (1966)."))
    assert ("Queen of Blood", "produced_by", "Roger Corman") in found


def test_years_written_short_or_before_the_title(extractor):
    found = _found(_claims(extractor, "Planeta Bur? It came out in '62."))
    assert ("Planeta Bur", "release_year", "1962") in found
    # a short year of the 1920s could be of either century: not read
    assert not any(r == "release_year" for _, r, _ in _found(_claims(extractor, "Aelita, '24.")))
    found = _found(_claims(extractor, "Last night I watched the 1972 Solaris again."))
    assert ("Solaris", "release_year", "1972") in found
    found = _found(_claims(extractor, "Ikarie XB-1 is Jindřich Polák's 1963 film."))
    assert ("Ikarie XB-1", "release_year", "1963") in found


def test_a_silent_by_and_actors_in_it(extractor):
    found = _found(_claims(extractor, "Aelita is a 1924 silent by Yakov Protazanov."))
    assert ("Aelita", "directed_by", "Yakov Protazanov") in found
    text = "Queen of Blood has John Saxon and Dennis Hopper in it. Basil Rathbone is in it too."
    found = _found(_claims(extractor, text))
    for actor in ("John Saxon", "Dennis Hopper", "Basil Rathbone"):
        assert ("Queen of Blood", "cast", actor) in found
    found = _found(
        _claims(
            extractor,
            "In Kin-dza-dza! Stanislav Lyubshin and Levan Gabriadze play the two visitors.",
        )
    )
    assert ("Kin-dza-dza!", "cast", "Levan Gabriadze") in found


def test_a_title_named_in_full_may_then_go_by_its_first_word(extractor):
    text = "Ikarie XB-1 (1963) is great.\n\nFunny thing, Ikarie only reached America later."
    claims = _claims(extractor, "Nebo Zovyot is slow. " + text + " Ikarie came out in 1963.")
    years = [c for c in claims if c.relation is Relation.RELEASE_YEAR]
    assert {(c.subject, c.value) for c in years} == {("Ikarie XB-1", "1963")}
    assert "Ikarie came out in 1963." in {c.evidence.quote for c in years}
    # never named in full: the first word names nothing
    alone = _claims(extractor, "Nebo Zovyot is slow. Ikarie came out in 1963.")
    assert not any(c.subject == "Ikarie XB-1" for c in alone)


def test_a_part_the_references_qualify_is_found_by_its_plain_name(extractor):
    text = "Ikarie XB-1 (1963): František Smolík plays the mathematician Anthony Hopkins."
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in cast] == [("František Smolík", "Anthony Hopkins")]


def test_a_sentence_of_bare_credits(extractor):
    text = "The cartoon! The Mystery of the Third Planet, Roman Kachanov, Soyuzmultfilm, 1981."
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "directed_by", "Roman Kachanov") in found
    assert ("The Mystery of the Third Planet", "studio", "Soyuzmultfilm") in found
    # names of actors listed without a word are no credits of a director
    cast = _found(_claims(extractor, "Solaris, 1972. Donatas Banionis, Natalya Bondarchuk, 1972."))
    assert not any(r == "directed_by" for _, r, _ in cast)


def test_directed_in_a_country_in_a_year(extractor):
    text = "Ikarie XB-1 is great. Jindřich Polák directed it in Czechoslovakia in 1963."
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "country", "Czechoslovakia") in found
    assert ("Ikarie XB-1", "release_year", "1963") in found


def test_a_paragraph_opening_on_the_original_is_about_the_original(extractor):
    text = (
        "# Battle Beyond the Sun (1962)\n\nIt reuses Nebo Zovyot.\n\n"
        "The original first. The score is by Yuliy Meitus.\n\n"
        "Back to the American film. The score is by Les Baxter."
    )
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "music_by", "Yuliy Meitus") in found
    assert ("Battle Beyond the Sun", "music_by", "Les Baxter") in found


def test_parts_named_after_a_description_or_before_the_actor(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is great. Jüri Järvet is the hotel owner, "
        "Alex Snewahr. Glebsky is Uldis Pūcītis."
    )
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert cast == {("Jüri Järvet", "Alex Snewahr"), ("Uldis Pūcītis", "Glebsky")}


def test_a_year_after_a_title_and_its_other_title_or_a_version_noun(extractor):
    text = "Viktorov again: his Per Aspera Ad Astra (Cherez ternii k zvyozdam) from 1981."
    assert ("Per Aspera Ad Astra", "release_year", "1981") in _found(_claims(extractor, text))
    text = "Dead Mountaineer's Hotel, Kromanov's 1979 Tallinnfilm version of the novel."
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "release_year", "1979") in found
    assert ("Dead Mountaineer's Hotel", "studio", "Tallinnfilm") in found
    # words before the film do not make its year something else ("since ... asks")
    text = "For the record, since someone always asks: Solaris is 1972."
    assert ("Solaris", "release_year", "1972") in _found(_claims(extractor, text))


def test_a_maker_named_by_a_possessive_before_a_film_word_or_his(extractor):
    text = (
        "A Dream Come True supplied the footage for Queen of Blood (1966). "
        "Harrington's film keeps the Soviet spaceships."
    )
    claims = _claims(extractor, text)
    directed = [c for c in claims if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in directed] == [("Queen of Blood", "Curtis Harrington")]
    text = "Karyukov had worked on space before: his Nebo Zovyot (1959) is the proof."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Mikhail Karyukov") in found
    # a possessive the references do not bear out is only doubted, never read as a fact
    text = "Solaris is slow. Klushantsev's film is better."
    [doubted] = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert doubted.confidence < CONFIDENT


def test_where_the_story_goes(extractor):
    cases = {
        "Cosmic Voyage (1936) takes a small crew to the Moon.": ("Cosmic Voyage", "the Moon"),
        "The Silent Star (1960): the crew goes to Venus instead.": ("The Silent Star", "Venus"),
        "Planeta Bur (1962): three ships leave Lunar Station 7 for Venus.": (
            "Planeta Bur",
            "Venus",
        ),
    }
    for text, (film, place) in cases.items():
        assert (film, "setting", place) in _found(_claims(extractor, text)), text


def test_a_reply_naming_no_film_goes_on_about_the_film_of_the_post_before(extractor):
    text = (
        "I keep coming back to Kin-dza-dza! Nothing beats Kin-dza-dza!\n\n"
        "Watched Dead Mountaineer's Hotel (1979) again, Kromanov's film.\n\n"
        "> great film\nGlebsky is Uldis Pūcītis."
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.subject, c.value) for c in cast] == [("Dead Mountaineer's Hotel", "Uldis Pūcītis")]
    # a guess across posts: a contradiction found there is only doubted
    assert cast[0].confidence < CONFIDENT


def test_a_part_described_then_who_plays_it(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979): the Moses couple are Kārlis Sebris and Irena Kriauzaitė."
    )
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "cast", "Kārlis Sebris") in found
    assert ("Dead Mountaineer's Hotel", "cast", "Irena Kriauzaitė") in found
    text = "Solaris (1972): the director is Andrei Tarkovsky."
    assert ("Solaris", "cast", "Andrei Tarkovsky") not in _found(_claims(extractor, text))


def test_based_on_a_novel_by_its_author(extractor):
    text = "Dead Mountaineer's Hotel (1979) was based on a novel by the Strugatsky brothers."
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "based_on", "Dead Mountaineer's Hotel (novel)") in found
    wrong = _found(_claims(extractor, "Solaris (1972) was based on a novel by Ivan Yefremov."))
    assert not any(r == "based_on" for _, r, _ in wrong)
    assert ("Solaris", "source_author", "Ivan Yefremov") in wrong


def test_russian_is_read_as_soviet_for_a_film(extractor):
    found = _found(_claims(extractor, "Nebo Zovyot (1959) is a Russian science fiction film."))
    assert ("Nebo Zovyot", "country", "Soviet Union") in found


def test_parts_of_a_list_that_says_plays_once(extractor):
    text = (
        "Ikarie XB-1 (1963). Štěpánek plays Captain Abajev, Smolík the crusty mathematician "
        "Anthony Hopkins, and Otto Lackovič the commander, MacDonald."
    )
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Otto Lackovič", "MacDonald") in cast
    assert ("František Smolík", "Anthony Hopkins") in cast


def test_a_studio_alone_on_a_credits_line(extractor):
    text = (
        "PILOT PIRX'S INQUEST\nPoland. Dir. Marek Piestrak. "
        "Zespoły Filmowe / Tallinnfilm / Dovzhenko Film Studios. Music: Arvo Pärt."
    )
    found = _found(_claims(extractor, text))
    for studio in ("Zespoły Filmowe", "Tallinnfilm", "Dovzhenko Film Studios"):
        assert ("PILOT PIRX'S INQUEST", "studio", studio) in found


def test_shot_by_at_a_sentence_start_and_a_studio_before_a_longer_noun(extractor):
    text = "Nebo Zovyot (1959). Shot at the Dovzhenko studio by Karyukov and Aleksandr Kozyr."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr") in found
    text = "Nebo Zovyot (1959): Karyukov directed this Dovzhenko Film Studios space race drama."
    assert ("Nebo Zovyot", "studio", "Dovzhenko Film Studios") in _found(_claims(extractor, text))
    text = "Eolomea is Herrmann Zschoche's film, from 1972."
    assert ("Eolomea", "release_year", "1972") in _found(_claims(extractor, text))


def test_an_actor_who_plays_the_title_character(extractor):
    text = "Aelita (1924). Yuliya Solntseva is Aelita, and Nikolai Tseretelli plays Los."
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert any(actor == "Yuliya Solntseva" and role and "Aelita" in role for actor, role in cast)


def test_a_year_and_country_describing_the_title_after_them(extractor):
    text = (
        "Queen of Blood (1966) is built around the effects reels of a 1963 Soviet picture, "
        "Mechte navstrechu."
    )
    found = _found(_claims(extractor, text))
    assert ("Mechte navstrechu", "release_year", "1963") in found
    assert ("Mechte navstrechu", "country", "Soviet Union") in found
    assert ("Queen of Blood", "release_year", "1963") not in found


def test_the_sentence_before_is_about_the_first_film_it_states_something_of(extractor):
    text = (
        "Most love Queen of Blood. Curtis Harrington's film is built around the reels of a 1963 "
        "Soviet picture, Mechte navstrechu. George Edwards produced, Corman paid."
    )
    produced = [c for c in _claims(extractor, text) if c.relation is Relation.PRODUCED_BY]
    assert [(c.subject, c.value) for c in produced] == [("Queen of Blood", "George Edwards")]


def test_years_that_belong_to_a_novel_or_to_a_title_no_reference_knows(extractor):
    text = (
        "Aelita (1924). Protazanov made it from Alexei Tolstoy's novel, which had appeared a "
        "year earlier, in 1923."
    )
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [(c.subject, c.value) for c in years] == [("Aelita", "1924")]
    text = (
        "# Guest from the Future (1985)\n\nHonourable mention: Zvyozdny desant (1977), an oddity."
    )
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    # the title's own year: reported for it (no reference knows it), never for the section's
    assert [(c.subject, c.value) for c in years] == [
        ("Guest from the Future", "1985"),
        ("Zvyozdny desant", "1977"),
    ]
    text = "Planeta Bur (1962) is great. A sequel, Storm over Venus (1964), is hard to see."
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [(c.subject, c.value) for c in years] == [("Planeta Bur", "1962")]
    text = "Solaris, by Andrei Tarkovsky (1972), is long."
    assert ("Solaris", "release_year", "1972") in _found(_claims(extractor, text))
    text = "Im Staub der Sterne (1976) is fun. Kolditz also made Raumschiff Orion Nord in 1974."
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [(c.subject, c.value) for c in years] == [("Im Staub der Sterne", "1976")]


def test_credits_lines_with_a_bracketed_remark_or_countries_joined_by_a_slash(extractor):
    text = "DEAD MOUNTAINEER'S HOTEL\nUSSR (Estonian SSR), 1979. Dir. Grigori Kromanov."
    found = _found(_claims(extractor, text))
    assert ("DEAD MOUNTAINEER'S HOTEL", "release_year", "1979") in found
    assert ("DEAD MOUNTAINEER'S HOTEL", "country", "Soviet Union") in found
    assert {v for _, r, v in found if r == "directed_by"} == {"Grigori Kromanov"}
    found = _found(_claims(extractor, "PILOT PIRX'S INQUEST\nPoland/USSR. Dir. Marek Piestrak."))
    assert {v for _, r, v in found if r == "country"} == {"Poland", "Soviet Union"}


def test_a_heading_title_joined_by_a_dash_is_one_title(extractor):
    text = (
        "5. Moskva–Kassiopeia (Moscow-Cassiopeia)\n\n"
        "Richard Viktorov's adventure from the Gorky Film Studio sends schoolchildren to a star.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Moscow-Cassiopeia", "studio", "Gorky Film Studio") in found
    assert not any(subject.startswith("Moskva") and r == "studio" for subject, r, _ in found)


def test_a_quoted_term_of_the_films_story_is_a_plot_key_not_a_film(extractor):
    # the cited synopses of Kin-dza-dza! tell of the "Tentura"; nothing tells of "Blue Lamp"
    text = (
        "Kin-dza-dza! (1986)\n\n"
        "On a Moscow street a stranger asks two men for the number of their planet "
        'in the "Tentura". '
        'Later a guard sings "Blue Lamp" in the desert.\n'
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Kin-dza-dza!", "plot", "Tentura") in found
    assert not any(c.subject == "Tentura" for c in claims)
    # no synopsis tells of "Blue Lamp": it is made no thing of the story
    assert not any(c.value == "Blue Lamp" for c in claims)


def test_a_title_in_italics_or_after_a_film_word_stays_a_title(extractor):
    text = (
        "Kin-dza-dza! (1986)\n\n"
        'There is also a cartoon version called "Tentura", directed by Ivo Renner.\n'
    )
    claims = _claims(extractor, text)
    assert ("Tentura", "directed_by", "Ivo Renner") in _found(claims)


def test_a_reply_naming_no_film_goes_to_the_film_whose_story_it_tells(extractor):
    text = (
        "Watched Solaris (1972) and The Mystery of the Third Planet (1981) this week.\n\n"
        "Solaris is slow but worth it.\n\n"
        "Alisa and Captain Zelyony fly around the galaxy collecting animals for the zoo.\n"
    )
    plot = [c for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert plot
    assert {c.subject for c in plot} == {"The Mystery of the Third Planet"}
    assert all(c.confidence < CONFIDENT for c in plot)  # verified if told, never blamed


def test_a_sentence_saying_which_version_it_means_keeps_its_film(extractor):
    text = (
        "Queen of Blood (1966) reuses A Dream Come True (1963).\n\n"
        "Queen of Blood is pure drive-in.\n\n"
        "In the original, Andrei stays behind on Phobos.\n"
    )
    plot = [c for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert plot
    assert {c.subject for c in plot} == {"A Dream Come True"}
    assert all(c.confidence >= CONFIDENT for c in plot)


def test_a_casting_that_names_no_film_goes_to_the_film_whose_characters_it_names(extractor):
    text = (
        "Eolomea (1972) and The Silent Star (1960) are on the bill.\n\n"
        "Eolomea is the slower one.\n\n"
        "Yoko Tani is Sumiko, the Japanese doctor.\n"
    )
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert cast.subject == "The Silent Star"
    assert cast.confidence < CONFIDENT


def test_both_of_you_speaks_of_people_not_of_the_two_films(extractor):
    text = (
        "Guest from the Future (1985) and The Mystery of the Third Planet (1981) came up.\n\n"
        "Both of you are right, it was made at the Gorky Film Studio.\n"
    )
    claims = _claims(extractor, text)
    assert claims
    assert not any(c.attribution.startswith("'both'") for c in claims)


def test_a_name_in_apposition_to_a_film_noun_is_a_title(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\n"
        "Sherstobitov followed it with another Yefremov adaptation, The Razor's Edge, "
        "at Mosfilm in 1971.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("The Andromeda Nebula", "studio", "Mosfilm") not in found
    assert any(s.endswith("Razor's Edge") and r == "studio" for s, r, _ in found)


def test_the_cartoon_is_the_animated_film_named_last(extractor):
    text = (
        "The Mystery of the Third Planet (1981) and Guest from the Future (1985) are both "
        "from Bulychev.\n\n"
        "Guest from the Future is the long one.\n\n"
        "The cartoon comes from Alice's Travel, and Alisa is voiced by Olga Gromova.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "based_on", "Alice's Travel") in found
    assert ("The Mystery of the Third Planet", "cast", "Olga Gromova") in found
    assert ("Guest from the Future", "based_on", "Alice's Travel") not in found


def test_this_production_after_another_title_is_the_page_film(extractor):
    text = (
        "## Voyage to the Planet of Prehistoric Women (1968)\n\n"
        "Planeta Bur was plundered twice: first for Curtis Harrington's Voyage to the "
        "Prehistoric Planet (1966), then for this Roger Corman production, directed by "
        "Peter Bogdanovich.\n"
    )
    claims = _claims(extractor, text)
    [bogdanovich] = [c for c in claims if c.value == "Peter Bogdanovich"]
    assert bogdanovich.subject == "Voyage to the Planet of Prehistoric Women"
    assert bogdanovich.confidence < CONFIDENT


def test_both_before_a_cue_speaks_of_each_film_named_before_it(extractor):
    text = (
        "First up Moscow-Cassiopeia and its sequel Teens in the Universe, both directed by "
        "Richard Viktorov.\n"
    )
    found = _found(_claims(extractor, text))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "directed_by", "Richard Viktorov") in found


def test_footage_taken_for_a_film_is_used_in_that_film(extractor):
    found = _found(
        _claims(extractor, "Corman later mined Nebo Zovyot again for Queen of Blood in 1966.\n")
    )
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found
    found = _found(
        _claims(
            extractor,
            "Planeta Bur was plundered twice: first for Curtis Harrington's Voyage to the "
            "Prehistoric Planet (1965).\n",
        )
    )
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found


def test_footage_of_it_along_with_another_film_used_in_a_third(extractor):
    text = (
        "Nebo Zovyot premiered in 1959, and its footage got a third life: Corman recycled "
        "chunks of it, along with A Dream Come True, in Queen of Blood (1966)."
    )
    pairs = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.FOOTAGE_USED_IN
    }
    assert pairs == {("Nebo Zovyot", "Queen of Blood"), ("A Dream Come True", "Queen of Blood")}


def test_who_took_the_footage_for_a_film_made_it_with_doubt(extractor):
    text = (
        "Three years later Peter Bogdanovich, credited as Derek Thomas, recycled the same "
        "footage once more for Voyage to the Planet of Prehistoric Women."
    )
    [made] = [c for c in _claims(extractor, text) if c.value == "Peter Bogdanovich"]
    assert (made.subject, made.relation) == (
        "Voyage to the Planet of Prehistoric Women",
        Relation.DIRECTED_BY,
    )
    assert made.confidence < CONFIDENT
    # the credit the references know: Corman produced Queen of Blood
    text = "Corman later mined Nebo Zovyot again for Queen of Blood."
    [made] = [c for c in _claims(extractor, text) if c.value_entity == "roger-corman"]
    assert (made.subject, made.relation) == ("Queen of Blood", Relation.PRODUCED_BY)
    # a person who is not the verb's subject took nothing
    text = "Corman hired Bogdanovich, and the studio later mined Nebo Zovyot for Queen of Blood."
    assert not [c for c in _claims(extractor, text) if c.subject == "Queen of Blood"]


def test_the_footage_of_a_re_edit_is_its_sources(extractor):
    text = (
        "## Battle Beyond the Sun (1962)\n\n"
        "It was cut from Nebo Zovyot. Corman reused the footage for Queen of Blood (1966). "
        "He used the money for Queen of Blood too.\n"
    )
    claims = _claims(extractor, text)
    taken = [
        c for c in claims if c.relation is Relation.FOOTAGE_USED_IN and c.value == "Queen of Blood"
    ]
    [footage] = [c for c in taken if c.subject == "Nebo Zovyot"]
    assert footage.confidence < CONFIDENT
    assert "reused the footage" in footage.evidence.quote  # not "used the money"


def test_a_story_two_re_edits_share_goes_to_the_film_being_discussed(extractor):
    text = (
        "REVIEW: Voyage to the Planet of Prehistoric Women (1968)\n\n"
        "It reuses Planeta Bur, as Voyage to the Prehistoric Planet did before it.\n\n"
        "So, the original. Planeta Bur was made at Lennauchfilm. "
        "Rather than wait, the crews of the Sirius and the Vega go ahead.\n"
    )
    plot = [
        c for c in _claims(extractor, text) if c.relation is Relation.PLOT and c.value == "Sirius"
    ]
    assert plot
    assert {c.subject for c in plot} == {"Planeta Bur"}


def test_a_reply_to_a_quote_goes_on_about_the_film_of_the_quoted_sentence(extractor):
    text = (
        "Ikarie XB-1 (1963) is first. It is based on Lem's The Magellanic Cloud.\n\n"
        "Now Solaris: Tarkovsky, 1972, from Lem's novel of 1959?\n\n"
        "> from Lem's novel of 1959?\n\n"
        "The novel is 1961.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris (novel)", "published_year", "1959") in found
    assert ("Solaris (novel)", "published_year", "1961") in found
    assert not any(s == "The Magellanic Cloud" and r == "published_year" for s, r, _ in found)


def test_a_part_described_with_a_possessive_is_still_named(extractor):
    text = "Ikarie XB-1 (1963)\n\nRadovan Lukavský plays the ship's captain, Abajev.\n"
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert cast.role == "Abajev"


def test_a_value_before_not_corrects_the_one_said_before(extractor):
    text = (
        "Kin-dza-dza! (1986) came from the Gorky Film Studio, and Yevgeni Leonov plays Bi.\n\n"
        "> Yevgeni Leonov plays Bi\n\n"
        "Leonov is Uef, not Bi. And it was Mosfilm, not Gorky.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Kin-dza-dza!", "studio", "Mosfilm") in found
    corrected = [c for c in claims if c.relation is Relation.CAST and c.role == "Uef"]
    assert [c.subject for c in corrected] == ["Kin-dza-dza!"]
    assert corrected[0].confidence >= CONFIDENT


def test_the_same_year_or_studio_as_another_film_is_that_films_too(extractor):
    for text, relation, value in [
        (
            "The Mystery of the Third Planet is from 1981, the same year as Per Aspera Ad Astra.",
            "release_year",
            "1981",
        ),
        (
            "Guest from the Future (1985) is Gorky Film Studio, same as Per Aspera Ad Astra.",
            "studio",
            "Gorky Film Studio",
        ),
    ]:
        [same] = [c for c in _claims(extractor, text) if c.subject == "Per Aspera Ad Astra"]
        assert (same.relation.value, same.value) == (relation, value)
        assert same.confidence < CONFIDENT
    # not what the other film did that year, nor a year said of another thing
    for text in [
        "The Mystery of the Third Planet came out in 1981, the same year as Solaris was shown.",
        "The Mystery of the Third Planet came out in 1981, the same studio as Solaris.",
    ]:
        assert not [c for c in _claims(extractor, text) if c.subject == "Solaris"], text


def test_a_correction_may_give_the_year_it_corrects_by_its_last_two_digits(extractor):
    said = "kosmo wrote:\nSolaris came out in 1971, I think.\n\nsnaut wrote:\n"
    for reply in ["1972, not 71.", "It was 1972, not '71."]:
        claims = _claims(extractor, said + reply)
        [fixed] = [c for c in claims if c.relation is Relation.RELEASE_YEAR and c.value == "1972"]
        assert fixed.subject == "Solaris"
    # a running time is no year
    claims = _claims(extractor, said + "1972, not 71 minutes, as the sleeve says.")
    assert not [c for c in claims if c.value == "1972" and "corrects" in c.attribution]
    # ... nor is the year of another thing said in its own words
    for reply in ["Lem's novel appeared in 1961, not 71.", "Tarkovsky shot it in 1970, not 71."]:
        claims = _claims(extractor, said + reply)
        assert not [c for c in claims if "corrects" in c.attribution], reply


def test_a_correction_of_a_studio_only_mentioned_goes_to_that_sentences_film(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is next. Kromanov had left Lenfilm by then.\n\n"
        "Tallinnfilm, not Lenfilm.\n"
    )
    [studio] = [c for c in _claims(extractor, text) if c.value == "Tallinnfilm"]
    assert studio.subject == "Dead Mountaineer's Hotel"
    assert studio.relation is Relation.STUDIO
    assert studio.confidence < CONFIDENT
    # stated, not only mentioned: corrected where it was said, as sure as it was said
    text = text.replace("Kromanov had left Lenfilm by then", "That one is Kromanov for Lenfilm")
    claims = _claims(extractor, text)
    [said] = [c for c in claims if c.value == "Lenfilm"]
    [studio] = [c for c in claims if c.value == "Tallinnfilm"]
    assert (said.subject, said.relation) == (studio.subject, studio.relation)
    assert studio.confidence == said.confidence


def test_a_credits_list_inside_a_sentence_is_read_as_credits(extractor):
    found = _found(_claims(extractor, "Now Solaris: Tarkovsky, 1972, from a novel I love.\n"))
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    assert ("Solaris", "release_year", "1972") in found
    text = (
        "Solaris (1972) is on next.\n\n"
        "Tarkovsky, 1972, Mosfilm, and that Artemyev score crawling under everything.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris", "studio", "Mosfilm") in found
    assert ("Solaris", "directed_by", "Eduard Artemyev") not in found


def test_composers_sharing_the_music_credit_scored_the_film(extractor):
    text = "A Dream Come True (1963)\n\nVano Muradeli and Eduard Artemyev share the music credit.\n"
    found = _found(_claims(extractor, text))
    assert ("A Dream Come True", "music_by", "Vano Muradeli") in found
    assert ("A Dream Come True", "music_by", "Eduard Artemyev") in found


def test_a_reply_opening_no_thats_x_corrects_the_quoted_person(extractor):
    text = (
        "Ikarie XB-1 (1963) first. Karel Zeman directed it, I believe.\n\n"
        "> Karel Zeman directed it, I believe.\n\n"
        "No, that's Jindřich Polák. He also made other films.\n"
    )
    [fixed] = [c for c in _claims(extractor, text) if c.value == "Jindřich Polák"]
    assert (fixed.subject, fixed.relation) == ("Ikarie XB-1", Relation.DIRECTED_BY)
    assert "corrects the quoted line" in fixed.attribution


def test_the_writers_i_is_no_name_of_the_story(extractor):
    claims = _claims(
        extractor, "Solaris (1972)\n\nSince the ocean is alive, I'm guessing it wins in the end.\n"
    )
    assert not any(c.relation is Relation.PLOT and c.value.startswith("I") for c in claims)


def test_a_year_right_after_a_country_in_credits_is_the_release_year(extractor):
    text = "KIN-DZA-DZA!\nDir. Georgiy Daneliya; USSR 1986; 135 min\n"
    found = _found(_claims(extractor, text))
    assert ("KIN-DZA-DZA!", "release_year", "1986") in found
    text = "IKARIE XB-1\nDir. Jindřich Polák; Czechoslovakia 1963; 86 min\n"
    assert ("IKARIE XB-1", "release_year", "1963") in _found(_claims(extractor, text))


def test_a_studio_no_reference_knows_is_still_a_studio_by_its_name(extractor):
    text = (
        "Kin-dza-dza! was shot at Lenfilm, and Zarya Returns at the Yalta Film Studio.\n\n"
        "> Kin-dza-dza! was shot at Lenfilm\n\n"
        "No, it was Mosfilm.\n"
    )
    studios = [
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.STUDIO
    ]
    assert ("Kin-dza-dza!", "Lenfilm") in studios
    assert ("Kin-dza-dza!", "Mosfilm") in studios  # the reply corrects the studio
    assert any(value == "Yalta Film Studio" for _, value in studios)
    # a word that merely ends so is no studio
    found = _found(_claims(extractor, "Kin-dza-dza! is a Soviet film about Pluke."))
    assert not any(r == "studio" for _, r, _ in found)


def test_a_film_named_in_full_may_then_go_by_its_initials(extractor):
    text = (
        "Battle Beyond the Sun is Corman's re-edit of Nebo Zovyot.\n\n"
        "BBtS came out in 1962. QoB came out in 1966.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    [year] = [c for c in claims if c.value == "1962"]
    assert (year.subject, year.relation) == ("Battle Beyond the Sun", Relation.RELEASE_YEAR)
    assert year.confidence >= CONFIDENT  # named, not guessed from the discourse
    # Queen of Blood was never named in full here: its initials are nobody's
    assert not any(s == "Queen of Blood" for s, _, _ in found)


def test_a_reply_saying_no_corrects_the_countries_stated_last(extractor):
    asked = "Next is Pilot Pirx's Inquest. It's a Polish-Czechoslovak co-production, right?\n\n"
    claims = _claims(extractor, asked + "No, Polish-Soviet. I checked the credits.\n")
    countries = {c.value for c in claims if c.relation is Relation.COUNTRY}
    assert countries == {"Poland", "Czechoslovakia", "Soviet Union"}
    # a reply that does not say it corrects states nothing of the film
    claims = _claims(extractor, asked + "Soviet films of that time are slow.\n")
    assert {c.value for c in claims if c.relation is Relation.COUNTRY} == {
        "Poland",
        "Czechoslovakia",
    }


def test_a_title_in_capitals_ending_on_its_exclamation_mark_heads_its_section(extractor):
    text = (
        "FRIDAY 17 OCTOBER, 20:30\nPER ASPERA AD ASTRA\nDir. Richard Viktorov; USSR 1981\n\n"
        "FRIDAY 17 OCTOBER, 22:30\nKIN-DZA-DZA!\nDir. Georgiy Daneliya; USSR 1986; 135 min\n"
    )
    found = _found(_claims(extractor, text))
    assert ("KIN-DZA-DZA!", "directed_by", "Georgiy Daneliya") in found
    assert not any(s == "PER ASPERA AD ASTRA" and v == "1986" for s, _, v in found)


def test_a_dated_title_holding_a_known_one_after_of_the_is_one_title(extractor):
    text = (
        "Planeta Bur was cut up twice. There was even a third cut for television, Women of "
        "the Storm Planet (1970), and a sequel, Return to the Dead Mountaineer (1986).\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Women of the Storm Planet", "release_year", "1970") in found
    assert ("Return to the Dead Mountaineer", "release_year", "1986") in found
    assert not any(
        v in {"1970", "1986"} and "Women" not in s and "Return" not in s for s, _, v in found
    )


def test_the_verb_after_a_name_says_what_they_did_in_a_list_of_credits(extractor):
    text = (
        "Ikarie XB-1 (1963) is the one I keep rewatching: Jindřich Polák directing, Zdeněk "
        "Liška doing the electronic score, all shot at Barrandov.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "directed_by", "Jindřich Polák") in found
    assert ("Ikarie XB-1", "music_by", "Zdeněk Liška") in found
    assert ("Ikarie XB-1", "directed_by", "Zdeněk Liška") not in found


def test_footage_used_in_a_film_from_each_film_it_came_from(extractor):
    text = (
        "In 1966 Curtis Harrington used Nebo Zovyot's space shots, together with scenes from "
        "A Dream Come True, in Queen of Blood.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found
    assert ("A Dream Come True", "footage_used_in", "Queen of Blood") in found
    # effects alike, not taken
    text = "Harrington used similar effects in Queen of Blood.\n"
    assert not any(r == "footage_used_in" for _, r, _ in _found(_claims(extractor, text)))


def test_a_film_is_its_maker_for_a_studio(extractor):
    text = "Moscow-Cassiopeia is Richard Viktorov for the Gorky Film Studio, and it charms.\n"
    [credit] = [c for c in _claims(extractor, text) if c.value == "Richard Viktorov"]
    assert (credit.subject, credit.relation) == ("Moscow-Cassiopeia", Relation.DIRECTED_BY)


def test_an_actor_put_in_a_film_after_their_part_is_in_that_films_cast(extractor):
    text = (
        "Per Aspera Ad Astra is great.\n\nBanionis plays Kelvin in Solaris. Guseva is the "
        "live-action Alisa in Guest from the Future, the 1985 serial.\n"
    )
    cast = {(c.subject, c.value, c.role) for c in _claims(extractor, text) if c.role}
    assert cast == {
        ("Solaris", "Donatas Banionis", "Kelvin"),
        ("Guest from the Future", "Natalya Guseva", "Alisa"),
    }


def test_a_film_of_a_story_is_based_on_it(extractor):
    text = (
        "First Pilot Pirx's Inquest, Marek Piestrak's film of the story The Inquest. Then The "
        "Silent Star (1960), Kurt Maetzig's film of Lem's The Astronauts.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Pilot Pirx's Inquest", "based_on", "The Inquest") in found
    assert ("The Silent Star", "based_on", "The Astronauts") in found


def test_an_actor_whose_part_a_re_edit_renamed_plays_the_new_part(extractor):
    text = (
        "In Voyage to the Prehistoric Planet, Yemelyanov became Commander Brendan Lockhart. "
        "It also renamed the characters, so that Vladimir Yemelyanov's professor became Hans "
        "Walters. Kozyr became Arthur Corwin.\n"
    )
    parts = [(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert parts == [
        ("Vladimir Yemelyanov", "Commander Brendan Lockhart"),
        ("Vladimir Yemelyanov", "Hans Walters"),  # (the references give him another part)
    ]


def test_a_programme_of_an_evening_attributes_each_note_to_its_film(extractor):
    text = (
        "KINOKLUB ORBITA - Thursday 19 November, Small Hall\n\n"
        "19:00 - Hvězdný kocour (Czechoslovakia 1961, 9 min). Dir. Jiří Brdečka.\n\n"
        "19:15 - Ikarie XB-1 (Czechoslovakia 1963, 86 min). Dir. Jindřich Polák.\n\n"
        "22:40 - Dead Mountaineer's Hotel (USSR 1979, 80 min). Dir. Grigori Kromanov.\n\n"
        "To close, the Tallinnfilm adaptation of the Strugatsky brothers' 1970 novel.\n"
    )
    claims = _claims(extractor, text)
    assert not any("ORBITA" in c.subject for c in claims)  # an evening, not a film
    found = _found(claims)
    assert ("Hvězdný kocour", "release_year", "1961") in found
    assert ("Hvězdný kocour", "directed_by", "Jiří Brdečka") in found
    [source] = [c for c in claims if c.relation is Relation.BASED_ON]
    assert source.subject == "Dead Mountaineer's Hotel"


def test_films_both_by_a_person_and_a_film_that_is_a_persons(extractor):
    text = (
        "Moscow-Cassiopeia and the sequel, Teens in the Universe, both by Richard Viktorov. "
        "The Mystery of the Third Planet is Roman Kachanov's, made at Soyuzmultfilm.\n"
    )
    credits = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.DIRECTED_BY and c.confidence < CONFIDENT
    }
    assert credits == {
        ("Moscow-Cassiopeia", "Richard Viktorov"),
        ("Teens in the Universe", "Richard Viktorov"),
        ("The Mystery of the Third Planet", "Roman Kachanov"),
    }


def test_it_is_a_year_and_a_story_goes_on_is_the_storys_time(extractor):
    text = "Queen of Blood\n\nIt is 1995, and the Moon is old news. It's 1966, same studio.\n"
    years = [c.value for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert years == ["1966"]


def test_a_part_played_by_a_described_actor(extractor):
    text = "In Queen of Blood, Paul is played by a very young John Saxon.\n"
    [saxon] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert (saxon.value, saxon.role) == ("John Saxon", "Paul")


def test_a_versions_country_is_never_blamed_on_the_film(extractor):
    text = (
        "Ikarie XB-1 plays tonight. We show the complete Czech version, not the shortened "
        "American release, Voyage to the End of the Universe, with its New York ending.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "United States"]
    assert claims
    assert all(c.confidence < CONFIDENT for c in claims)
    verifier = CatalogueVerifier(extractor.catalogue)
    assert all(verifier.assess(c).verdict is not Verdict.CONTRADICTED for c in claims)


def test_a_credits_label_studio_names_the_studio(extractor):
    text = "18:45 - Ikarie XB-1\nCzechoslovakia, 1963. Studio: Barrandov.\n"
    assert ("Ikarie XB-1", "studio", "Barrandov") in _found(_claims(extractor, text))


def test_a_numbered_post_header_with_its_date_is_no_title(extractor):
    text = (
        "#5  marsianka  |  13 Jan 2021, 08:15\n"
        "Viktorov's last big space film was also Gorky: Per Aspera Ad Astra, from 1981.\n"
    )
    claims = _claims(extractor, text)
    assert not any("marsianka" in c.subject for c in claims)
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in _found(claims)


def test_a_credit_shared_with_someone_is_theirs_too(extractor):
    text = "A Dream Come True\n\nEduard Artemyev co-wrote the music with Vano Muradeli.\n"
    found = _found(_claims(extractor, text))
    assert ("A Dream Come True", "music_by", "Eduard Artemyev") in found
    assert ("A Dream Come True", "music_by", "Vano Muradeli") in found


def test_a_surname_after_another_first_name_is_someone_else(extractor):
    text = (
        "Kin-dza-dza!\n\nRevaz Gabriadze wrote the songs. Sasha Grigoryev is not in it, nor "
        "is Evgeni Leonov's double.\n"
    )
    values = {c.value for c in _claims(extractor, text)}
    assert "Levan Gabriadze" not in values
    assert {m.entity for m in extractor.mentions(text) if m.kind == "person"} == {
        "aleksandr-grigoryev",
        "yevgeni-leonov",
    }


def test_a_screenplays_writer_is_no_source_author(extractor):
    text = (
        "Queen of Blood\n\nHarrington also wrote the script himself. The screenplay was "
        "written by Curtis Harrington. Made from a screenplay by Kir Bulychev, Harrington's "
        "film was a hit.\n"
    )
    claims = _claims(extractor, text)
    assert not any(c.relation is Relation.SOURCE_AUTHOR for c in claims)
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in _found(claims)


def test_a_film_based_on_a_novel_by_someone_has_them_as_source_author(extractor):
    text = (
        "A Dream Come True was based on the novel Heart of the Universe by Oles Berdnyk. "
        "Dead Mountaineer's Hotel adapts the Strugatsky brothers' 1970 novel.\n"
    )
    authors = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.SOURCE_AUTHOR
    }
    assert authors == {
        ("A Dream Come True", "Oles Berdnyk"),
        ("Dead Mountaineer's Hotel", "Arkady Strugatsky"),
        ("Dead Mountaineer's Hotel", "Boris Strugatsky"),
    }


def test_who_shot_a_re_edits_new_scenes_past_an_aside(extractor):
    text = (
        "In 1967 Corman recycled Planeta Bur as Voyage to the Planet of Prehistoric Women, "
        "with Peter Bogdanovich, credited as Derek Thomas, shooting new scenes.\n"
    )
    [credit] = [c for c in _claims(extractor, text) if c.value == "Peter Bogdanovich"]
    assert (credit.subject, credit.relation) == (
        "Voyage to the Planet of Prehistoric Women",
        Relation.DIRECTED_BY,
    )
    assert credit.confidence < CONFIDENT


def test_where_a_re_edits_footage_came_from(extractor):
    text = (
        "Queen of Blood (1966)\n\nThe main donor is Mechte navstrechu, which Karyukov made. "
        "A few effects shots come from Karyukov and Aleksandr Kozyr's earlier Nebo Zovyot. "
        "The source is the novel.\n"
    )
    taken = [c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN]
    assert {(c.subject, c.value) for c in taken} == {
        ("Mechte navstrechu", "Queen of Blood"),
        ("Nebo Zovyot", "Queen of Blood"),
    }
    assert all(c.confidence < CONFIDENT for c in taken)  # which film took it is a guess


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the words between the actors and the parts relate them to something else
        (
            "Kin-dza-dza! is a 1986 film. Leonov and Yakovlev are the earthmen beside Uef and Bi.",
            lambda c: c.role in {"Uef", "Bi"},
        ),
        (
            "Solaris is a 1972 film. Kelvin is played by the older brother of Banionis.",
            lambda c: c.role == "Kelvin",
        ),
        # footage denied is not taken
        (
            "Harrington used Mechte navstrechu's effects shots, and not Nebo Zovyot's, in "
            "Queen of Blood.",
            lambda c: c.subject == "Nebo Zovyot",
        ),
        # another first name is another person
        ("In 1972 Arseny Tarkovsky directed Solaris.", lambda c: c.value == "Andrei Tarkovsky"),
        # a film the scenes turn up in is not the film the person directed
        (
            "Karyukov directed the space scenes that turn up in Queen of Blood.",
            lambda c: c.relation is Relation.DIRECTED_BY and c.confidence >= CONFIDENT,
        ),
        # "with" someone in mind shares no credit
        (
            "Solaris is a 1972 film. Tarkovsky directed it with Banionis always in mind.",
            lambda c: c.relation is Relation.DIRECTED_BY and c.value == "Donatas Banionis",
        ),
        # only a word for a part is an actor's part a re-edit renamed
        (
            "In Voyage to the Prehistoric Planet, Vernov's friend became Hans Walters.",
            lambda c: c.role == "Hans Walters",
        ),
        # "may" in a heading is no month: the heading names its film
        (
            "# Solaris\nSolaris is a 1972 film by Tarkovsky.\n# ZERKALO - why it may be his best\n"
            "It was shot at Mosfilm in 1974.\n",
            lambda c: c.subject == "Solaris" and c.value in {"1974", "Mosfilm"},
        ),
        # a comparison with a film of a story says nothing of the film's source
        (
            "Solaris cost more than the film of the story The Inquest.",
            lambda c: c.relation is Relation.BASED_ON,
        ),
    ],
)
def test_sentences_a_rule_must_not_misread(extractor, text, wrong):
    assert not [c for c in _claims(extractor, text) if wrong(c)]


def test_actors_a_makers_version_added_are_in_that_version(extractor):
    text = (
        "Corman had Voyage to the Prehistoric Planet cut together by Curtis Harrington. "
        "Planeta Bur was made by Klushantsev in 1962.\n\nHarrington's version had added "
        "Basil Rathbone and Faith Domergue; Bogdanovich threw them out.\n"
    )
    added = {c.subject for c in _claims(extractor, text) if c.value == "Basil Rathbone"}
    assert added == {"Voyage to the Prehistoric Planet"}


def test_a_title_before_its_year_is_one_title_whatever_names_it_holds(extractor):
    text = (
        "KIN-DZA-DZA!\nDir. Georgiy Daneliya; USSR 1986; 135 min\n"
        "Preceded by Storm Over Venus (1965), a puppet film by Vojtěch Hrubec, "
        "and Měsíční kmotr (1964), a short by Jan Kolár.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Storm Over Venus", "directed_by", "Vojtěch Hrubec") in found
    assert ("Měsíční kmotr", "release_year", "1964") in found
    assert not any(s == "KIN-DZA-DZA!" and v in {"1965", "1964"} for s, _, v in found)
    assert not any(r == "setting" for _, r, _ in found)  # Venus named in a title only
    # a known title written otherwise is that title
    found = _found(_claims(extractor, "Then came Kosmicheskiy reys (1936), in Moscow."))
    assert ("Kosmicheskiy reys", "release_year", "1936") in found


def test_an_actor_is_cast_as_the_part_after_a_few_words_of_what_they_do(extractor):
    found = {
        (c.subject, c.value, c.role)
        for text in (
            "In Kin-dza-dza!, Stanislav Lyubshin is superb as Uncle Vova.",
            "In Solaris, Vladislav Dvorzhetsky appears as the pilot Burton.",
            "In Nebo Zovyot, Ivan Pereverzev is billed as Kornev.",
            "In Teens in the Universe, Mikhail Yershov is back as Viktor Sereda.",
        )
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST
    }
    assert ("Kin-dza-dza!", "Stanislav Lyubshin", "Uncle Vova") in found
    assert ("Solaris", "Vladislav Dvorzhetsky", "Burton") in found
    # (a first name first, as the text spells it)
    assert ("Teens in the Universe", "Mikhail Yershov", "Viktor Sereda") in found
    assert not any(role == "Kornev" for _, _, role in found)  # billed as: another name


def test_a_possessive_before_a_part_casts_its_actor_with_doubt(extractor):
    claims = _claims(extractor, "In Solaris, Bondarchuk's Hari grows more human every scene.")
    [cast] = [c for c in claims if c.relation is Relation.CAST]
    assert (cast.value, cast.role) == ("Natalya Bondarchuk", "Hari")
    assert cast.confidence < CONFIDENT  # or the part's maker: "Lem's Kelvin"


def test_czech_and_bulgarian_name_countries(extractor):
    found = _found(_claims(extractor, "First up is Ikarie XB-1, the 1963 Czech film."))
    assert ("Ikarie XB-1", "country", "Czechoslovakia") in found


def test_a_title_in_capitals_with_its_other_title_is_a_title(extractor):
    text = (
        "IM STAUB DER STERNE\nDir. Gottfried Kolditz; GDR 1976\n"
        "Short before the feature: THE ORBIT KEEPER (Pazitelyat na orbitata), a twelve-minute "
        "Bulgarian puppet film made in 1967 by Todor Velinov.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("ORBIT KEEPER", "country", "Bulgaria") in found
    assert ("ORBIT KEEPER", "release_year", "1967") in found
    assert not any(s == "IM STAUB DER STERNE" and v in {"1967", "Bulgaria"} for s, _, v in found)


def test_it_in_a_reply_is_the_film_the_post_before_stated_something_of(extractor):
    text = (
        "---\nkino wrote:\n\nNebo Zovyot had American afterlives. Nebo Zovyot was shot in "
        "Kiev.\n\n---\nretro wrote:\n\n"
        "And Queen of Blood came out in 1966, right? I thought Corman directed that one "
        "himself.\n\n---\nbleep wrote:\n\n"
        "Curtis Harrington directed it; Corman was the producer who owned the rights.\n"
    )
    [harrington] = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert (harrington.subject, harrington.relation) == ("Queen of Blood", Relation.DIRECTED_BY)
    assert harrington.confidence < CONFIDENT  # a guess at "it": never blamed


def test_a_reply_goes_on_about_the_film_the_post_before_only_named(extractor):
    # the post before states nothing of Queen of Blood by name ("that one" is a guess), yet
    # it is the film that post spoke of, not the thread's first film
    text = (
        "---\nkino wrote:\n\nNebo Zovyot had American afterlives. Nebo Zovyot was shot in "
        "Kiev.\n\n---\nretro wrote:\n\n"
        "And Queen of Blood is the other one that raided the vaults, right? I thought Corman "
        "directed that one himself.\n\n---\nbleep wrote:\n\n"
        "Curtis Harrington directed it; Corman was the producer who owned the rights.\n"
    )
    [harrington] = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert (harrington.subject, harrington.relation) == ("Queen of Blood", Relation.DIRECTED_BY)
    assert harrington.confidence < CONFIDENT


def test_a_reply_goes_on_about_the_film_of_the_line_it_quotes(extractor):
    text = (
        "ann wrote:\nTorn between Kin-dza-dza! (Daneliya, 1986) and Guest from the Future.\n"
        "bob wrote:\nGuest from the Future was directed by Pavel Arsenov in 1985.\n"
        "cid wrote:\n> Kin-dza-dza! (Daneliya, 1986)\n"
        "Good pick. Stanislav Lyubshin is Uncle Vova, and the music is by Gia Kancheli.\n"
        "dee wrote:\nShot at Mosfilm, too.\n"
    )
    claims = _claims(extractor, text)
    subjects = {
        c.value: name_key(c.subject)
        for c in claims
        if c.value in {"Stanislav Lyubshin", "Gia Kancheli", "Mosfilm"}
    }
    assert subjects == dict.fromkeys(
        ["Stanislav Lyubshin", "Gia Kancheli", "Mosfilm"], name_key("Kin-dza-dza!")
    )


def test_two_lists_of_actors_and_parts_pair_in_order(extractor):
    text = (
        "In Kin-dza-dza! Uef and Bi are played by Yury Yakovlev and Yevgeni Leonov. "
        "In Kin-dza-dza!, Leonov and Yakovlev play Uef and Bi.\n"
    )
    parts = [(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert parts == [
        ("Yury Yakovlev", "Uef"),
        ("Yevgeni Leonov", "Bi"),
        ("Yevgeni Leonov", "Uef"),
        ("Yury Yakovlev", "Bi"),
    ]
    text = (
        "In Kin-dza-dza!, Leonov and Yakovlev are wonderful as the wandering singers Bi and Uef.\n"
    )
    parts = [(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert parts == [("Yevgeni Leonov", "Bi"), ("Yury Yakovlev", "Uef")]
    # three actors for two parts: which plays which is not said
    text = "Kin-dza-dza! stars Leonov, Yakovlev and Lyubshin as Uef and Bi.\n"
    parts = [(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert len(parts) == 3
    assert all(role is None for _, role in parts)


def test_a_list_of_parts_ends_before_a_name_with_a_verb_of_its_own(extractor):
    # an unknown name after the parts opens its own clause: it is no third part
    text = (
        "Planeta Bur (1962)\n\n"
        "Georgiy Zhzhonov and Gennadi Vernov turn up as the cosmonauts Roman and Alyosha, and "
        "Olga Vetrova has a small part as the radio girl.\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Georgiy Zhzhonov", "Roman") in parts
    assert ("Gennadi Vernov", "Alyosha") in parts
    text = (
        "Kin-dza-dza! (1986)\n\n"
        "Leonov and Yakovlev play Uef and Bi, and Irma Vesk plays a Chatlanian pilot.\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Yevgeni Leonov", "Uef") in parts
    assert ("Yury Yakovlev", "Bi") in parts


def test_a_threads_title_is_no_section_heading(extractor):
    text = (
        "Thread: Nebo Zovyot and its American afterlives\n\n---\nretro wrote:\n\n"
        "And Queen of Blood came out in 1966, right? I thought Corman directed that one "
        "himself.\n\n---\nbleep wrote:\n\n"
        "Curtis Harrington directed it; Corman was the producer who owned the rights.\n"
    )
    [harrington] = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert harrington.subject == "Queen of Blood"


def test_a_reply_saying_the_film_is_another_person_corrects_the_quoted_credit(extractor):
    text = (
        "Ikarie XB-1 is the 1963 one, directed by Karel Zeman, yes?\n\n"
        "> directed by Karel Zeman, yes?\n\n"
        "No, Zeman is the puppets man. Ikarie XB-1 is Jindřich Polák. It's from Lem.\n"
    )
    directors = [
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY
    ]
    assert directors == [("Ikarie XB-1", "Karel Zeman"), ("Ikarie XB-1", "Jindřich Polák")]
    # without a quoted credit of that film, "X is Y" states the credit only with doubt
    claims = [
        c
        for c in _claims(extractor, "Ikarie XB-1 is Jindřich Polák.\n")
        if c.relation is Relation.DIRECTED_BY
    ]
    assert claims
    assert all("relation uncertain" in c.attribution for c in claims)


def test_only_one_counts_in_a_story_sentence(extractor):
    text = (
        "A Dream Come True is a Soviet film. They find the alien ship but there is only one "
        "passenger on it. One of them stays behind.\n"
    )
    keys = [
        (c.value, c.evidence.quote[:9])
        for c in _claims(extractor, text)
        if c.relation is Relation.PLOT
    ]
    assert ("1", "They find") in keys
    assert not any(quote.startswith("One of") for _, quote in keys)  # "one of them": no count


def test_a_thing_of_the_story_ends_before_the_next_clause(extractor):
    text = (
        "A Dream Come True is a Soviet film.\n\n"
        "They believe the others left in an emergency ship but nobody knows where it went.\n"
    )
    keys = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "emergency ship" in keys


def test_a_film_may_go_by_its_first_two_words_when_the_second_is_no_english_word(extractor):
    text = (
        "Per Aspera Ad Astra has a famous score.\n\n"
        "> music by Aleksandr Zatsepin\n\n"
        "That's the cartoon again. Per Aspera is Alexey Rybnikov.\n"
    )
    claims = _claims(extractor, text)
    assert not any(c.relation is Relation.CAST for c in claims)  # a title, not an actor
    assert ("Per Aspera Ad Astra", "music_by", "Alexey Rybnikov") in _found(claims)
    # "Teens in" is no short form of Teens in the Universe, nor "The Andromeda" of its title
    for title, short in (("Teens in the Universe", "Teens in"), ("The Andromeda Nebula", "The")):
        film = extractor.catalogue.resolve(title, ("film",))
        assert film is not None
        assert not any(s.startswith(short) for s in extractor.short_titles(film.id))


def test_a_story_sentence_may_open_on_a_name_that_is_no_english_word(extractor):
    text = "Dead Mountaineer's Hotel is a noir.\n\nOlaf is found dead. Later is the hour.\n"
    keys = [c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert "Olaf" in keys
    assert "Later" not in keys  # an English word opening a sentence names nothing


def test_a_story_sentence_may_open_on_a_name_the_synopses_write_as_one(extractor):
    text = "Planeta Bur is a Soviet film.\n\nJohn carries two men across a river of lava.\n"
    keys = [c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert "John" in keys  # the synopses of Planeta Bur name the robot John
    text = "Planeta Bur is a Soviet film.\n\nMark carries two men across a river of lava.\n"
    keys = [c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert "Mark" not in keys  # an English word they never write as a name


def test_a_large_count_written_with_thousands_is_a_story_number(extractor):
    text = "Kin-dza-dza! is a comedy.\n\nOne match head is worth 2,200 chatles there.\n"
    keys = [c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert "2,200" in keys
    text = "Kin-dza-dza! is a comedy.\n\nIt sold 2,200,000 tickets, 1985, 3.5 stars.\n"
    keys = [c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert "2,200" not in keys  # a part of a larger number is none


def test_numbers_in_words_up_to_ninety_and_at_the_end_of_a_sentence(extractor):
    text = "Ikarie XB-1 is a Czech film.\n\nThe crew of forty waits twenty-seven days.\n"
    keys = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert {"40", "twenty-seven days"} <= keys  # a number with its unit is asked so
    assert not keys & {"20", "27"}  # "twenty-seven" is one number, asked with its unit
    said = [(m.text, m.value) for m in numbers("It's 27 years, not 40. Not 3.5 or 1.2.")]
    assert said == [("27", "27"), ("40", "40")]


def test_a_reply_correcting_a_number_of_a_quoted_story_line(extractor):
    text = (
        "Ikarie XB-1 is a Czech film.\n\nIts crew of sixty makes the two-year round trip.\n\n"
        "> crew of sixty\n\nForty, I think.\n"
    )
    [fixed] = [c for c in _claims(extractor, text) if c.value == "40"]
    assert fixed.relation is Relation.PLOT
    assert fixed.evidence.quote == "Forty, I think."
    assert fixed.told_as == "Its crew of forty makes the two-year round trip."


def test_a_story_number_said_before_corrected_with_not(extractor):
    text = (
        "Moscow-Cassiopeia is fun.\n\nThe trip to Cassiopeia takes 40 years.\n\n"
        "No, that is wrong. And it's 27 years, not 40.\n"
    )
    [fixed] = [c for c in _claims(extractor, text) if c.told_as]
    assert (fixed.subject, fixed.value) == ("Moscow-Cassiopeia", "27")
    assert fixed.told_as == "The trip to Cassiopeia takes 27 years."


def test_a_possessive_before_a_described_film_may_pass_another_possessive(extractor):
    text = (
        "## Moscow-Cassiopeia (1973)\n"
        "Richard Viktorov's children's adventure sends a crew of schoolchildren to space.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in found


def test_actors_are_cast_as_described_parts_and_voices(extractor):
    found = set()
    for text in (
        "In Guest from the Future, Vyacheslav Nevinny and Mikhail Kononov are the two pirates.",
        "The Mystery of the Third Planet is fun. Vasily Livanov does a voice in it.",
    ):
        found |= _found(_claims(extractor, text))
    assert ("Guest from the Future", "cast", "Vyacheslav Nevinny") in found
    assert ("Guest from the Future", "cast", "Mikhail Kononov") in found
    assert ("The Mystery of the Third Planet", "cast", "Vasily Livanov") in found


def test_settings_kept_by_a_re_edit_or_reached_on_a_named_planet(extractor):
    found = set()
    for text in (
        "Queen of Blood keeps Mars as well.",
        "Voyage to the Prehistoric Planet keeps the Soviet film's Venus setting.",
        "In the Dust of the Stars goes this time to the planet TEM 4.",
    ):
        found |= _found(_claims(extractor, text))
    assert ("Queen of Blood", "setting", "Mars") in found
    assert ("Voyage to the Prehistoric Planet", "setting", "Venus") in found
    assert ("In the Dust of the Stars", "setting", "TEM 4") in found


def test_a_name_said_to_be_the_producer_or_composer_credits_them(extractor):
    found = set()
    for text in (
        "Curtis Harrington directed Queen of Blood; Roger Corman was the producer.",
        "Voyage to the Planet of Prehistoric Women is a Roger Corman production.",
        "For Kin-dza-dza!, Gia Kancheli was the composer.",
    ):
        found |= _found(_claims(extractor, text))
    assert ("Queen of Blood", "produced_by", "Roger Corman") in found
    assert ("Voyage to the Planet of Prehistoric Women", "produced_by", "Roger Corman") in found
    assert ("Kin-dza-dza!", "music_by", "Gia Kancheli") in found


def test_a_film_that_cannibalised_another_took_its_footage(extractor):
    text = "Queen of Blood used shots from Nebo Zovyot, but it cannibalised Mechte navstrechu."
    footage = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.FOOTAGE_USED_IN
    }
    assert ("Mechte navstrechu", "Queen of Blood") in footage
    assert ("Queen of Blood", "Mechte navstrechu") not in footage


def test_an_aside_between_an_actor_and_the_verb_of_playing_is_passed_over(extractor):
    text = (
        "## Dead Mountaineer's Hotel (1979)\n"
        "Jüri Järvet, the Snout of Solaris, plays Alex Snewahr, the hotel owner.\n"
    )
    cast = [(c.subject, c.value, c.role) for c in _claims(extractor, text) if c.role]
    assert ("Dead Mountaineer's Hotel", "Jüri Järvet", "Alex Snewahr") in cast


def test_is_said_once_for_a_list_of_actors_and_parts(extractor):
    text = (
        "Aelita is a silent film. Yuliya Solntseva is Queen Aelita, Nikolai Batalov the soldier "
        "Gusev, and Konstantin Eggert a scheming Tuskub."
    )
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert {("Nikolai Batalov", "Gusev"), ("Konstantin Eggert", "Tuskub")} <= cast


def test_releases_dated_after_an_event_in_other_words():
    from questions.history_rules import history_statements

    said = {
        (relation.value, value)
        for text in (
            "It opened in November 1963, five months after Valentina Tereshkova's flight.",
            "It was in cinemas within two weeks of Vostok 1.",
            "It was made two years after Sputnik 1.",
        )
        for relation, value, _ in history_statements(text)
    }
    assert ("released_shortly_after", "Valentina Tereshkova's flight") in said
    assert ("released_shortly_after", "Vostok 1") in said
    assert ("released_after", "Sputnik 1") in said


def test_a_film_said_to_be_animated_in_a_relative_clause(extractor):
    text = "Then The Mystery of the Third Planet, which is animated, so the little one can cope."
    assert ("The Mystery of the Third Planet", "animated", "True") in _found(
        _claims(extractor, text)
    )
    text = "Solaris is a long film, and it is animated by longing."
    assert not any(r == "animated" for _, r, _ in _found(_claims(extractor, text)))


def test_the_person_who_published_the_novel_wrote_it(extractor):
    found = _found(
        _claims(extractor, "Aelita adapts the novel Alexei Tolstoy had published in 1922.")
    )
    assert ("Aelita (novel)", "written_by", "Alexei Tolstoy") in found
    assert ("Aelita (novel)", "published_year", "1922") in found


def test_a_story_by_the_author_is_a_source_as_a_novel_is(extractor):
    text = "Pilot Pirx's Inquest is next. Lem again, this time his story The Inquest."
    assert ("Pilot Pirx's Inquest", "based_on", "The Inquest") in _found(_claims(extractor, text))


def test_a_film_that_came_out_of_a_studio_or_from_the_same_one(extractor):
    found = _found(_claims(extractor, "Nebo Zovyot came out of the Dovzhenko studio in Kiev."))
    assert ("Nebo Zovyot", "studio", "Dovzhenko studio") in found
    found = _found(_claims(extractor, "Per Aspera Ad Astra: it's 1981, same Gorky studio."))
    assert ("Per Aspera Ad Astra", "studio", "Gorky studio") in found


def test_a_film_out_aired_or_screened_in_a_year_was_released_then(extractor):
    found = _found(_claims(extractor, "Ikarie XB-1 is Czechoslovak and out in 1963."))
    assert ("Ikarie XB-1", "release_year", "1963") in found
    found = _found(_claims(extractor, "Guest from the Future aired in 1985, in five parts."))
    assert ("Guest from the Future", "release_year", "1985") in found


def test_a_name_and_a_year_in_a_titles_brackets_are_its_director_and_year(extractor):
    text = "We start with Kin-dza-dza! (Daneliya, 1986) and then Solaris (Tarkovsky, 1972)."
    found = _found(_claims(extractor, text))
    assert ("Kin-dza-dza!", "release_year", "1986") in found  # one sentence, "!" and all
    assert ("Kin-dza-dza!", "directed_by", "Georgiy Daneliya") in found
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    assert ("Solaris", "release_year", "1972") in found


def test_a_film_put_out_under_another_of_its_titles(extractor):
    text = (
        "Ikarie XB-1 is great. The Americans bought it, chopped it and put it out as "
        "Voyage to the End of the Universe with a different ending."
    )
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "also_known_as", "Voyage to the End of the Universe") in found
    # a re-edit that is another film is not one of the original's titles
    text = "Nebo Zovyot is Soviet. Corman released it as Battle Beyond the Sun."
    found = _found(_claims(extractor, text))
    assert not any(r == "also_known_as" for _, r, _ in found)


def test_and_so_was_shares_what_the_sentence_said_of_the_others(extractor):
    text = (
        "Moscow-Cassiopeia and Teens in the Universe are Viktorov's. Both were made at the "
        "Gorky Film Studio, and so was his Per Aspera Ad Astra from 1981."
    )
    found = _found(_claims(extractor, text))
    assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") in found
    assert ("Per Aspera Ad Astra", "release_year", "1981") in found


def test_a_possessive_score_names_the_composer_whatever_cue_came_before(extractor):
    text = (
        "Dead Mountaineer's Hotel is a noir. Jüri Järvet plays Glebsky with that dead-eyed "
        "stare and Sven Grünberg's synth score does the rest."
    )
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "music_by", "Sven Grünberg") in found
    assert ("Dead Mountaineer's Hotel", "cast", "Sven Grünberg") not in found


def test_a_reply_opening_on_a_bare_studio_corrects_the_quoted_one(extractor):
    text = (
        "Guest from the Future is a serial.\n\n"
        "> I think Guest from the Future was a Mosfilm production\n\n"
        "Gorky studio, as mila said. Same place Viktorov worked.\n"
    )
    [fixed] = [c for c in _claims(extractor, text) if c.value == "Gorky studio"]
    assert (fixed.subject, fixed.relation) == ("Guest from the Future", Relation.STUDIO)
    assert fixed.value_entity is not None  # the studio as found, for the verifier


def test_it_is_a_studio_says_where_the_film_was_made(extractor):
    text = "Last slot: Kin-dza-dza!, from 1986.\n\nPerfect closer. It's Mosfilm, and it's funny."
    assert ("Kin-dza-dza!", "studio", "Mosfilm") in _found(_claims(extractor, text))


def test_a_sentence_opening_it_is_a_year_dates_the_film(extractor):
    text = "Kin-dza-dza! is a comedy.\n\nIt's 1986, it got its licence on 1 December that year."
    assert ("Kin-dza-dza!", "release_year", "1986") in _found(_claims(extractor, text))
    text = "Kin-dza-dza! is a comedy.\n\nThe story is set in 1986, in Moscow."
    assert ("Kin-dza-dza!", "release_year", "1986") not in _found(_claims(extractor, text))


def test_readings_that_must_not_overreach(extractor):
    # an actor in a title's brackets is not blamed as its director
    [named] = [
        c
        for c in _claims(extractor, "Solaris (Banionis, 1972) is slow.")
        if c.value.endswith("Banionis")
    ]
    assert named.confidence < CONFIDENT
    # "It's 1986 now": no release year; "It was Mosfilm that ...": no studio
    for text in (
        "Aelita looks dated. It's 1986 now and nobody watches silent films.",
        "Solaris is slow. It was Mosfilm that turned down the remake.",
    ):
        found = _found(_claims(extractor, text))
        assert not any(r in {"release_year", "studio"} for _, r, _ in found), found


def test_a_film_that_opened_with_a_scene_was_not_released_after_it():
    from questions.history_rules import history_statements

    assert history_statements("Solaris opened with a long shot of water after the rain.") == []


def test_a_story_thing_its_films_synopses_tell_is_a_plot_key(extractor):
    # the cited synopses of Ikarie XB-1 tell of a "dark star"; every film has a crew
    text = (
        "Ikarie XB-1 (1963)\n\n"
        "I watched it again last night. "
        "Later the ship drifts into the radiation of a dark star, which knocks the crew "
        "unconscious.\n"
    )
    plot = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "dark star" in plot
    assert not plot & {"night", "crew", "crew unconscious", "ship drifts"}


def test_a_number_with_its_unit_is_a_plot_key(extractor):
    text = "Solaris (1972)\n\nHari has been dead for ten years.\n"
    plot = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "ten years" in plot


def test_a_sentence_giving_credits_still_tells_the_names_of_its_story(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979)\n\n"
        "An avalanche cuts the hotel off, Olaf is found dead, and Hinckus (Mikiver) is tied "
        "to his bed.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Dead Mountaineer's Hotel", "cast", "Mikk Mikiver") in found
    assert ("Dead Mountaineer's Hotel", "plot", "Olaf") in found


def test_unknown_names_and_years_the_synopses_tell_are_plot_keys(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\n"
        "Aboard the Tantra the astropilots Baer and Ingrid notice a sudden jump in gravity.\n\n"
        "Guest from the Future (1985)\n\n"
        "Kolya stumbles into a time machine and ends up in 2084. "
        "The crew of Zorblax Nine never appears.\n"
    )
    found = _found(_claims(extractor, text))
    for name in ("Tantra", "Baer", "Ingrid"):
        assert ("The Andromeda Nebula", "plot", name) in found
    assert ("Guest from the Future", "plot", "2084") in found
    assert not any("Zorblax" in value for _, _, value in found)  # told by no synopsis


def test_a_relative_clause_between_a_cue_and_its_names_is_read_through(extractor):
    text = (
        "Planeta Bur (1962)\n\n"
        "The cast, which the American version renamed, includes Vladimir Yemelyanov, "
        "Georgiy Zhzhonov and Gennadi Vernov.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    for actor in ("Vladimir Yemelyanov", "Georgiy Zhzhonov", "Gennadi Vernov"):
        assert ("Planeta Bur", "cast", actor) in found
    # the cast is how the film was made, no thing of its story
    assert not any(c.relation is Relation.PLOT and c.value == "cast" for c in claims)


def test_the_films_of_an_aside_say_nothing_of_what_follows_it(extractor):
    text = (
        "Per Aspera Ad Astra (1981)\n\n"
        "Richard Viktorov, who had sent a crew of teenagers to the stars in Moscow-Cassiopeia "
        "and in its sequel Teens in the Universe some years before, made it at the Gorky "
        "Film Studio.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") in found
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in found
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert not any(
            c.subject == film and c.relation in {Relation.STUDIO, Relation.DIRECTED_BY}
            for c in claims
        )


def test_its_country_said_as_a_bare_adjective_ending_its_clause(extractor):
    text = "Ikarie XB-1 (1963)\n\nIt's Czechoslovak, made at Barrandov.\n"
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "country", "Czechoslovakia") in found


def test_a_possessive_is_no_part_of_a_story_name(extractor):
    text = "Planeta Bur (1962)\n\nLater the Vega's crew decide to go down to the surface.\n"
    plot = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "Vega" in plot
    assert not any(value.endswith(("'s", "’s")) for value in plot)


def test_who_made_a_re_edits_new_scenes_is_with_doubt_its_director(extractor):
    text = (
        "Battle Beyond the Sun (1962)\n\n"
        "Francis Ford Coppola is credited with directing the added scenes, "
        "and Roger Corman produced.\n"
    )
    claims = {(c.subject, c.relation.value, c.value): c for c in _claims(extractor, text)}
    made = claims[("Battle Beyond the Sun", "directed_by", "Francis Ford Coppola")]
    assert "relation uncertain" in made.attribution
    # the verb right after a name says what that person did, whatever cue came before it
    assert ("Battle Beyond the Sun", "produced_by", "Roger Corman") in claims
    assert ("Battle Beyond the Sun", "directed_by", "Roger Corman") not in claims


def test_a_re_edits_source_footage_line_names_the_film_it_was_cut_from(extractor):
    text = (
        "Voyage to the Planet of Prehistoric Women\n"
        "USA, 1968. Produced by Roger Corman.\n"
        "Source footage: Planeta Bur (USSR, 1962).\n"
    )
    found = _found(_claims(extractor, text))
    reedit = "Voyage to the Planet of Prehistoric Women"
    assert ("Planeta Bur", "footage_used_in", reedit) in found
    assert (reedit, "footage_used_in", "Planeta Bur") not in found


def test_shots_that_come_from_a_film_named_by_two_titles_went_into_the_reviewed_film(
    extractor,
):
    text = (
        "Queen of Blood (1966) - a review\n\n"
        "Harrington built a story around the effects shots. Most of these come from "
        "Mechte navstrechu (A Dream Come True), which Karyukov directed; a few more are "
        "taken from Karyukov's earlier Nebo Zovyot.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Mechte navstrechu", "footage_used_in", "Queen of Blood") in found
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found


def test_again_between_a_name_and_its_verb(extractor):
    text = "In the Dust of the Stars (1976)\n\nKarl-Ernst Sasse again wrote the score.\n"
    found = _found(_claims(extractor, text))
    assert ("In the Dust of the Stars", "music_by", "Karl-Ernst Sasse") in found


def test_each_post_of_a_thread_is_a_paragraph_even_without_blank_lines():
    text = (
        "Thread: what to watch\n"
        "mila wrote:\nSolaris is long.\n"
        "bob wrote:\nNo, it is not.\n\n---\n"
        "ann wrote:\nIt is.\n"
        "Posted by kira:\nFine.\n"
    )
    paragraphs = {s.text: s.paragraph for s in split_sentences(text)}
    assert paragraphs["mila wrote:"] == paragraphs["Solaris is long."]
    order = [paragraphs[t] for t in ("Solaris is long.", "No, it is not.", "It is.", "Fine.")]
    assert order == sorted(set(order))  # four posts, four paragraphs, in order
    assert paragraphs["---"] == paragraphs["It is."]  # a rule and the header under it: one


def test_a_word_for_a_people_before_a_capitalised_noun_describes_it(extractor):
    text = "Queen of Blood (1966): A Vampire Built from Soviet Dreams\n\nIt is fun.\n"
    assert not any(c.relation is Relation.COUNTRY for c in _claims(extractor, text))


def test_an_authors_book_read_as_the_films_source_is_only_doubtful(extractor):
    # Eolomea's source is by another writer: "Rasch's book" may be another book of his
    text = "Eolomea (1972)\n\nEolomea is slow. Signals was 1972, and Rasch's book is from 1965.\n"
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.WRITTEN_BY]
    assert claims
    assert all(c.confidence < CONFIDENT for c in claims)


def test_x_did_a_film_is_what_the_references_credit_x_with_on_it(extractor):
    text = "Solaris (1972)\n\nArtemyev did Solaris, and Tarkovsky did Stalker later.\n"
    claims = {(c.subject, c.relation.value, c.value): c for c in _claims(extractor, text)}
    scored = claims[("Solaris", "music_by", "Eduard Artemyev")]
    assert "relation uncertain" in scored.attribution
    assert ("Solaris", "directed_by", "Eduard Artemyev") not in claims
    # ... and "gave us" says so too; of a writer, that the film was made from their book
    text = "Lem also gave us Solaris, and Kir Bulychev gave us Guest from the Future."
    claims = {(c.subject, c.relation.value, c.value): c for c in _claims(extractor, text)}
    assert ("Solaris", "source_author", "Stanisław Lem") in claims
    assert ("Guest from the Future", "source_author", "Kir Bulychev") in claims
    assert all(c.confidence < CONFIDENT for c in claims.values())


def test_that_one_is_the_film_named_last_and_making_a_film_is_no_re_edit(extractor):
    text = (
        "Moscow-Cassiopeia (1973) is fun.\n\n"
        "Viktorov also made Per Aspera Ad Astra. That one is from 1981, at the Gorky Film "
        "Studio.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Per Aspera Ad Astra", "release_year", "1981") in found
    assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") in found
    assert not any(c.relation is Relation.FOOTAGE_USED_IN for c in claims)


def test_a_title_before_a_colon_that_is_an_english_word_names_no_film(extractor):
    # "Signals: An Adventure in Space" does not make every "Signals" that film
    text = "Nobody remembers the radio play Signals (1958).\n"
    verifier = CatalogueVerifier(extractor.catalogue)
    verdicts = {verifier.assess(c).verdict for c in _claims(extractor, text)}
    assert Verdict.CONTRADICTED not in verdicts


def test_a_rule_between_mails_starts_a_paragraph():
    text = "Subject: March\nFrom: Helga\nHi all.\n---\nSubject: Re: March\nFrom: Jan\nNo.\n"
    paragraphs = {s.text: s.paragraph for s in split_sentences(text)}
    assert paragraphs["Hi all."] < paragraphs["---"] == paragraphs["No."]


def test_co_produced_with_the_country_named_with_its_article(extractor):
    text = "Eolomea (1972)\n\nEolomea was co-produced with the Soviet Union and Bulgaria.\n"
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "country", "Soviet Union") in found
    assert ("Eolomea", "country", "Bulgaria") in found


def test_a_year_after_a_titles_other_title_or_in_a_phrase_beside_it(extractor):
    text = (
        "That's A Dream Come True (Mechte Navstrechu), 1963, directed by Mikhail Karyukov.\n\n"
        "The same Alisa turns up in Guest from the Future, the 1985 serial.\n\n"
        "Solaris, the 1960s novel by Lem, was filmed twice.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("A Dream Come True", "release_year", "1963") in found
    assert ("Guest from the Future", "release_year", "1985") in found


def test_names_said_to_be_the_films_producers(extractor):
    text = "Queen of Blood (1966)\n\nGeorge Edwards and Samuel Z. Arkoff were the producers.\n"
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "produced_by", "George Edwards") in found
    assert ("Queen of Blood", "produced_by", "Samuel Z. Arkoff") in found


def test_a_film_said_to_be_a_person_is_what_the_references_credit_them_with(extractor):
    text = (
        "Eolomea (1972)\n\nCorrection: Eolomea is Herrmann Zschoche. Solaris is Donatas Banionis.\n"
    )
    claims = {(c.subject, c.relation.value, c.value): c for c in _claims(extractor, text)}
    directed = claims[("Eolomea", "directed_by", "Herrmann Zschoche")]
    assert "relation uncertain" in directed.attribution  # never blamed on the document
    assert ("Solaris", "cast", "Donatas Banionis") in claims


def test_the_year_of_a_film_a_preposition_brings_in_is_not_blamed_on_the_film_spoken_of(
    extractor,
):
    text = (
        "Kin-dza-dza! (1986)\n\n"
        "Daneliya went back to the desert sets for the 1990 comedy Passport, which had "
        "nothing to do with Pliuk. In the 1986 film, the two Earthmen lose their way.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    brought_in = [c for c in claims if c.value == "1990"]
    assert brought_in
    assert all(c.confidence < CONFIDENT for c in brought_in)
    assert not [c for c in _contradicted(extractor, text) if c.value == "1990"]
    # a clause that opens on it speaks of the film: its year is stated as before
    opening = [c for c in claims if c.value == "1986" and "In the 1986 film" in c.evidence.quote]
    assert opening
    assert all(c.confidence >= CONFIDENT for c in opening)


def test_a_name_again_before_a_colon_credits_the_films_after_it(extractor):
    text = (
        "Signals: An Adventure in Space (1970)\n\n"
        "The evening ends with Viktorov again: Per Aspera Ad Astra (Through the Thorns to "
        "the Stars), from 1981.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Richard Viktorov"]
    assert [(c.subject, c.relation) for c in claims] == [
        ("Per Aspera Ad Astra", Relation.DIRECTED_BY)
    ]
    assert claims[0].confidence < CONFIDENT


def test_the_story_or_novel_is_by_its_author(extractor):
    text = "Cosmic Voyage (1936)\n\nThe story is by Konstantin Tsiolkovsky.\n"
    assert ("Cosmic Voyage", "Konstantin Tsiolkovsky") in _pairs(
        extractor, text, Relation.SOURCE_AUTHOR
    )
    # a description between "by" and the author, and a clause of the composer's after it
    text = (
        "The Andromeda Nebula (1967)\n\n"
        "The novel was by the Soviet palaeontologist Ivan Yefremov, and Yakov Lapinsky's "
        "score is lush.\n"
    )
    found = _found(_claims(extractor, text))
    assert not [f for f in found if f[1] == "music_by" and f[2] == "Ivan Yefremov"]
    assert ("The Andromeda Nebula", "music_by", "Yakov Lapinsky") in found


def test_more_shots_from_a_second_source_go_where_the_first_sources_went(extractor):
    for text in (
        "Queen of Blood (1966)\n\nThe bulk of its effects come from Mechte navstrechu, "
        "with some extra scenes borrowed from Nebo Zovyot.\n",
        "Queen of Blood (1966)\n\nMost of its visuals come from Mechte navstrechu (A Dream "
        "Come True, 1963), with a handful of shots taken from Nebo Zovyot.\n",
    ):
        pairs = _pairs(extractor, text, Relation.FOOTAGE_USED_IN)
        assert ("Mechte navstrechu", "Queen of Blood") in pairs, text
        assert ("Nebo Zovyot", "Queen of Blood") in pairs, text
        # the first source is no film the second one's footage went into
        assert ("Nebo Zovyot", "Mechte navstrechu") not in pairs, text


def test_a_part_described_as_someones_kin_is_the_name_after_it(extractor):
    text = "Solaris (1972)\n\nNatalya Bondarchuk plays Kelvin's late wife Hari.\n"
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert parts == {("Natalya Bondarchuk", "Hari")}
    # a preposition after the owner's words says what they are, not a part
    text = "Solaris (1972)\n\nDonatas Banionis was Tarkovsky's choice for Kelvin.\n"
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Donatas Banionis", "Kelvin") not in parts


def test_partners_after_a_participle_set_after_the_film_are_its_countries(extractor):
    text = (
        "Signals: An Adventure in Space (1970), shot by DEFA together with partners in "
        "Poland, opens the night.\n"
    )
    assert ("Signals: An Adventure in Space", "Poland") in _pairs(extractor, text, Relation.COUNTRY)
    # ... not a film the sentence only describes
    text = "Kolditz's next picture, shot by DEFA together with partners in Poland, is lost.\n"
    assert not _pairs(extractor, text, Relation.COUNTRY)


def test_the_year_of_a_relative_clause_after_an_unnamed_novel_is_the_novels(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\nIt was adapted from Ivan Yefremov's novel, which "
        "had first come out ten years earlier, in 1957.\n"
    )
    claims = _claims(extractor, text)
    assert ("Andromeda (novel by Ivan Yefremov)", "published_year", "1957") in _found(claims)
    assert not [c for c in claims if c.relation is Relation.RELEASE_YEAR and c.value == "1957"]


def test_a_phrase_read_as_the_first_film_of_a_double_bill_is_that_films_alone(extractor):
    text = (
        "DOUBLE BILL: Planeta Bur + Voyage to the Prehistoric Planet\n\n"
        "The Soviet film was made at Lennauchfilm in Leningrad.\n"
    )
    assert _pairs(extractor, text, Relation.STUDIO) == {("Planeta Bur", "Lennauchfilm")}


def test_partners_in_a_relative_clause_of_the_films_maker_are_its_countries(extractor):
    text = "First up is The Silent Star, which DEFA made in 1959 with partners in Poland.\n"
    assert ("The Silent Star", "Poland") in _pairs(extractor, text, Relation.COUNTRY)


# A second reading of the next rules: sentences where they had misfired.


def test_the_year_of_a_film_a_preposition_brings_in_unless_the_document_stated_it(extractor):
    for text in (
        "Solaris (1972)\n\nLem also consulted on the 1968 film.",
        "Ikarie XB-1 (1963)\n\nPolák came back for the 1967 comedy.",
        "Solaris (1972)\n\nBanionis is better than Clooney in the 2002 film.",
    ):
        assert not _contradicted(extractor, text), text


def test_partners_of_a_which_clause_need_a_studio_that_made_the_film(extractor):
    for text in (
        "Eolomea (1972)\n\nWe show the restored print of Eolomea, which Icestorm made in "
        "2005 with partners in Poland.",
        "Eolomea (1972)\n\nEolomea, which nobody made with partners in Poland, is a fantasy.",
    ):
        assert not _pairs(extractor, text, Relation.COUNTRY), text


def test_a_relative_clause_of_writing_filming_or_a_later_verb_gives_no_book_year(extractor):
    for text in (
        "Solaris (1972)\n\nIt comes from Lem's novel, which was written in 1959.",
        "Aelita (1924)\n\nIt comes from Tolstoy's novel, which appeared on screen in 1924.",
        "Aelita (1924)\n\nIt comes from Tolstoy's novel, which came out in 1923 and was "
        "filmed in 1924.",
    ):
        assert not _contradicted(extractor, text), text


def test_a_book_year_needs_its_coming_out_right_before_the_year(extractor):
    # (a third reading: a later edition, a city or a film's year in the clause)
    for text in (
        "Solaris (1972)\n\nIt comes from Lem's novel, which came out eleven years before the "
        "1972 premiere.",
        "Aelita (1924)\n\nIt comes from Tolstoy's novel, which came out before the 1924 film.",
        "Solaris (1972)\n\nIt comes from Lem's novel, which was published in Moscow in 1962.",
        "The Silent Star (1960)\n\nIt adapts Lem's novel, which had appeared in East Germany "
        "in 1954.",
    ):
        assert not _contradicted(extractor, text), text


def test_a_part_after_a_job_word_and_a_described_kin_are_still_parts(extractor):
    text = "Cosmic Voyage (1936)\n\nIt stars Sergei Komarov as the designer Sedikh.\n"
    assert ("Cosmic Voyage", "Sergei Komarov") in _pairs(extractor, text, Relation.CAST)
    text = "Queen of Blood (1966)\n\nJohn Saxon plays Laura's sweet fiance Allan.\n"
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("John Saxon", "Allan") in parts


def test_a_fragment_opening_on_a_word_for_a_people_is_not_read_as_the_films_country(
    extractor,
):
    # (a second reading: such fragments are as often of a person, a remake or a disc)
    for text in (
        "Ikarie XB-1 (1963)\n\nWho wrote the novel?\n\nPolish, a writer named Stanisław Lem.",
        "Solaris (1972)\n\nTarkovsky hated Kubrick's film.\n\nAmerican, made in England.",
        "Ikarie XB-1 (1963)\n\nSoviet, says the box, but it is Czechoslovak.",
    ):
        assert not _contradicted(extractor, text), text
        assert not _pairs(extractor, text, Relation.COUNTRY), text


def test_a_studios_short_name_listed_with_other_studios_is_that_studio(extractor):
    text = (
        "Pilot Pirx's Inquest (1978)\n\n"
        "It was a three-way co-production of Dovzhenko, Tallinnfilm and the Polish Zespoły "
        "Filmowe.\n"
    )
    studios = {v for _, v in _pairs(extractor, text, Relation.STUDIO)}
    assert "Dovzhenko" in studios
    assert "Tallinnfilm" in studios
    # a man named beside no studio stays a man
    text = "Pilot Pirx's Inquest (1978)\n\nDovzhenko and Eisenstein were the great teachers.\n"
    assert not _pairs(extractor, text, Relation.STUDIO)


def test_someone_did_the_films_bits_directed_its_new_scenes(extractor):
    text = "Harrington did the Queen of Blood scenes in a week.\n"
    claims = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert [(c.subject, c.relation) for c in claims] == [("Queen of Blood", Relation.DIRECTED_BY)]
    assert claims[0].confidence < CONFIDENT
    # "did the Solaris" with nothing after it says nothing of what was done
    text = "Tarkovsky did the Solaris adaptation, people say.\n"
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


def test_a_name_after_a_preposition_past_a_cast_cue_is_that_prepositions(extractor):
    for text in (
        "Ikarie XB-1 (1963)\n\nThe US cut closes with stock shots of New York City.",
        "Eolomea (1972)\n\nWe open with a short cartoon about Kosmonaut Kuno, with the voice "
        "of Heinz Rennhack.",
    ):
        assert not _pairs(extractor, text, Relation.CAST), text
    # ... though "the cast of" is itself the cue
    text = "Solaris (1972)\n\nThe cast of Banionis and Bondarchuk is superb.\n"
    assert ("Solaris", "Donatas Banionis") in _pairs(extractor, text, Relation.CAST)


def test_someone_with_a_job_off_the_screen_is_not_in_the_cast(extractor):
    for text in (
        "The Andromeda Nebula (1967)\n\nSherstobitov shot it in Yalta with Ivan Yefremov "
        "himself as scientific adviser.",
        "Signals: An Adventure in Space (1970)\n\nKolditz directed it, with Carlos Rasch "
        "co-writing the screenplay.",
    ):
        assert not _pairs(extractor, text, Relation.CAST), text
    text = "Solaris (1972)\n\nIt stars Banionis as the psychologist Kelvin.\n"
    assert ("Solaris", "Donatas Banionis") in _pairs(extractor, text, Relation.CAST)


# A second reading of the rules above: sentences where they had misfired.


def test_a_relative_clause_of_anything_but_the_books_coming_out_gives_it_no_year(extractor):
    for text in (
        "Aelita (1924)\n\nThe film is based on Tolstoy's novel, which was filmed in 1924.",
        "Solaris (1972)\n\nIt was adapted from Lem's novel, which Tarkovsky first read in 1964.",
        "Solaris (1972)\n\nThe novel, which Tarkovsky adapted, was filmed in 1972.",
        "Ikarie XB-1 (1963)\n\nIt comes from Lem's novel, which had appeared in Czech in 1959.",
    ):
        assert not _pairs(extractor, text, Relation.PUBLISHED_YEAR), text
        assert not _contradicted(extractor, text), text
    text = (
        "Solaris (1972)\n\nLem's novel, which came out in 1961, was adapted by Tarkovsky in 1972."
    )
    assert _pairs(extractor, text, Relation.PUBLISHED_YEAR) == {("Solaris (novel)", "1961")}


def test_an_owner_before_words_that_are_no_person_names_no_part(extractor):
    for text in (
        "Solaris (1972)\n\nBanionis plays Kelvin's grief over Hari with great restraint.",
        "Kin-dza-dza! (1986)\n\nLeonov plays Uef's scenes against Bi with relish.",
        "Queen of Blood (1966)\n\nJohn Saxon plays Allan's panic over Laura convincingly.",
    ):
        assert not [c for c in _claims(extractor, text) if c.role], text
        assert not _contradicted(extractor, text), text


def test_the_story_is_by_after_another_film_is_never_the_documents_error(extractor):
    for text in (
        "Solaris (1972)\n\nStalker came later. The story is by the Strugatsky brothers.",
        "Solaris (1972)\n\nTarkovsky then made Stalker; the story was by Arkady Strugatsky.",
    ):
        assert not _contradicted(extractor, text), text


def test_partners_said_by_hearsay_after_them_are_no_country(extractor):
    text = (
        "Eolomea (1972)\n\nEolomea, made by DEFA together with partners in Poland "
        "according to some sources, is slow.\n"
    )
    assert not _pairs(extractor, text, Relation.COUNTRY)


def test_a_run_on_list_of_parts_still_pairs_when_the_whole_list_matches(extractor):
    text = (
        "Planeta Bur (1962)\n\n"
        "Zhzhonov, Vernov and Ignatova appear as Roman, Alyosha and Masha has the radio.\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert parts == {
        ("Georgiy Zhzhonov", "Roman"),
        ("Gennadi Vernov", "Alyosha"),
        ("Kyunna Ignatova", "Masha"),
    }


def test_the_year_of_the_film_after_a_preposition_is_still_the_films_own(extractor):
    for text in (
        "Solaris (1972)\n\nTarkovsky spent two years on the 1972 film.",
        "Solaris (1972)\n\nLem was unhappy with the 1972 adaptation.",
    ):
        years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
        assert all(c.confidence >= CONFIDENT for c in years), text


def test_a_paragraph_opening_on_a_director_leaves_its_claims_to_the_film_spoken_of(extractor):
    # (a rule giving them to the director's film was taken back after second readings)
    cases = (
        (
            "We screened Planeta Bur (1962) and Queen of Blood (1966).\n\n"
            "Harrington stole its hardware. The Soviet cast is led by Zhzhonov and Vernov.",
            "Queen of Blood",
        ),
        (
            "Tonight: Eolomea (1972) and Signals: An Adventure in Space (1970).\n\n"
            "Kolditz did not make both. The music is by Günther Fischer.",
            "Signals: An Adventure in Space",
        ),
        (
            "We screened Mechte navstrechu (1963) and Queen of Blood (1966).\n\n"
            "Harrington borrowed the spaceships. Otar Koberidze plays Ivan.",
            "Queen of Blood",
        ),
    )
    for text, not_theirs in cases:
        claims = [c for c in _claims(extractor, text) if c.relation is not Relation.RELEASE_YEAR]
        assert claims, text
        assert not [c for c in claims if c.subject == not_theirs], text


def test_a_film_said_to_be_its_sources_writer_credits_the_writer(extractor):
    text = "Solaris was Tarkovsky and Lem."
    found = _found(_claims(extractor, text))
    assert ("Solaris", "source_author", "Stanisław Lem") in found
    assert ("Solaris", "directed_by", "Stanisław Lem") not in found


def test_every_name_of_a_list_a_film_is_said_to_be_is_credited(extractor):
    text = (
        "Next week: The Mystery of the Third Planet. Wait, isn't Soyuzmultfilm's Alisa cartoon "
        "Roman Kachanov and Natalya Orlova? Per Aspera Ad Astra was Richard Viktorov, "
        "Yelena Metyolkina and Vadim Ledogorov, 1981.\n\n"
        "And Moscow-Cassiopeia? That one is Richard Viktorov and Lev Durov, at Gorky.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in found
    assert ("Per Aspera Ad Astra", "cast", "Yelena Metyolkina") in found
    assert ("Per Aspera Ad Astra", "cast", "Vadim Ledogorov") in found
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in found
    assert ("Moscow-Cassiopeia", "cast", "Lev Durov") in found
    credited = [c for c in claims if c.value in {"Yelena Metyolkina", "Lev Durov"}]
    assert len(credited) == 2
    assert all(c.confidence < CONFIDENT for c in credited)


def test_they_were_two_names_still_pairs_no_film_with_the_second(extractor):
    text = "I mixed up Kin-dza-dza! and Guest from the Future. They were Daneliya and Arsenov."
    assert not [c for c in _claims(extractor, text) if c.value == "Pavel Arsenov"]


def test_a_name_with_its_own_verb_after_a_list_cue_says_what_it_did(extractor):
    text = (
        "Moscow-Cassiopeia (1973)\n\n"
        "It was directed by Richard Viktorov, and Innokenty Smoktunovsky pops up in it.\n\n"
        "Battle Beyond the Sun (1962)\n\n"
        "It was directed by Aleksandr Kozyr, and Roger Corman produced.\n\n"
        "The Mystery of the Third Planet (1981)\n\n"
        "Vasily Livanov is in the voice cast.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Moscow-Cassiopeia", "cast", "Innokenty Smoktunovsky") in found
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in found
    assert ("Moscow-Cassiopeia", "directed_by", "Innokenty Smoktunovsky") not in found
    assert ("Battle Beyond the Sun", "produced_by", "Roger Corman") in found
    assert ("Battle Beyond the Sun", "produced_by", "Aleksandr Kozyr") not in found
    assert ("The Mystery of the Third Planet", "cast", "Vasily Livanov") in found


def test_time_said_of_the_film_or_the_viewer_is_no_story_number(extractor):
    text = (
        "Solaris (1972)\n\n"
        "The film runs 166 minutes. I first saw it 20 years ago. Hari has been dead for ten "
        "years.\n"
    )
    plot = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "ten years" in plot
    assert not plot & {"166 minutes", "20 years", "166", "20"}


def test_a_relative_clause_speaks_of_the_film_before_it_not_the_documents(extractor):
    text = (
        "Planeta Bur (1962)\n\n"
        "Then there is Nebo Zovyot, which was later re-edited into Battle Beyond the Sun.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Battle Beyond the Sun") not in found


def test_a_maker_noun_before_the_film_is_not_overruled_by_film_is_person(extractor):
    text = "Solaris (1972)\n\nThe composer of Solaris is Andrei Tarkovsky.\n"
    found = _found(_claims(extractor, text))
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") not in found


def test_someone_said_colon_in_a_story_is_no_post_header():
    text = "Solaris is long. The captain said:\nWe go on.\n"
    assert len({s.paragraph for s in split_sentences(text)}) == 1


def test_its_country_from_a_bare_adjective_is_only_doubtful(extractor):
    text = "Solaris (1972) is a film.\n\nThat was American, at least the version I saw.\n"
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.COUNTRY]
    assert claims
    assert all(c.confidence < CONFIDENT for c in claims)


def test_a_name_right_before_score_is_the_composer(extractor):
    text = (
        "Eolomea (1972), with that lovely Günther Fischer score.\n\n"
        "Dead Mountaineer's Hotel (1979)\n\nThe Sven Grünberg synth score is worth it.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "music_by", "Günther Fischer") in found
    assert ("Eolomea", "cast", "Günther Fischer") not in found
    assert ("Dead Mountaineer's Hotel", "music_by", "Sven Grünberg") in found


def test_a_character_of_another_named_film_is_a_key_of_that_film(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is next.\n\n"
        "Jüri Järvet plays Snewahr, the hotel owner, the same guy who was Snout in Solaris.\n"
    )
    plot = {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert ("Dead Mountaineer's Hotel", "Snewahr") in plot
    assert ("Solaris", "Snewahr") not in plot
    assert ("Solaris", "Snout") in plot


def test_a_part_of_another_named_film_puts_the_actor_in_that_film(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979) is the other one on the disc.\n\n"
        "Solaris (1972) is the classic. Donatas Banionis plays Kelvin, and Jüri Järvet is "
        "Snewahr, which surprised me.\n"
    )
    cast = {
        (c.subject, c.value, c.role)
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST
    }
    assert ("Solaris", "Donatas Banionis", "Kelvin") in cast
    assert ("Dead Mountaineer's Hotel", "Jüri Järvet", "Snewahr") in cast
    assert not any(s == "Solaris" and v == "Jüri Järvet" for s, v, _ in cast)


def test_a_character_of_the_first_film_stays_in_the_sequel_its_section_is_about(extractor):
    # under a sequel's heading, a part the references list only for the first film, which
    # the section also names, is played in the sequel: its characters come back
    text = (
        "Space films for a school holiday\n\n"
        "4. Teens in the Universe (1974)\n\n"
        "The follow-up to Moscow-Cassiopeia takes the same class to a planet run by robots. "
        "Vladimir Basov Jr. again plays the prankster Lobanov.\n"
    )
    cast = _pairs(extractor, text, Relation.CAST)
    assert ("Teens in the Universe", "Vladimir Basov Jr.") in cast
    assert ("Moscow-Cassiopeia", "Vladimir Basov Jr.") not in cast
    # without a section on the sequel, the part still tells the film it belongs to
    text = (
        "Moscow-Cassiopeia (1973) and its sequel Teens in the Universe were both made at the "
        "Gorky Film Studio. Lev Durov appears as Academician Filatov.\n"
    )
    cast = _pairs(extractor, text, Relation.CAST)
    assert ("Moscow-Cassiopeia", "Lev Durov") in cast


def test_where_a_film_was_shown_or_cut_is_not_where_it_was_made(extractor):
    text = (
        "Solaris (1972) is a Soviet film. In the United States the film was shortened by "
        "half an hour, and in Poland the picture played in a dubbed version."
    )
    countries = {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}
    assert countries == {"Soviet Union"}
    # (a second reading's cases) a country opening a clause on "In" is where it happened
    for text in (
        "Solaris (1972) was made at Mosfilm. In Poland audiences saw the film only in 1973.",
        "Solaris (1972) was made at Mosfilm. In East Germany critics called the film a "
        "masterpiece.",
    ):
        countries = {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}
        assert not countries, text
    # words for two peoples before one film noun are still both the film's
    text = "Pilot Pirx's Inquest (1979) is remembered as both a Polish and a Soviet film."
    countries = {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}
    assert countries == {"Poland", "Soviet Union"}


def test_footage_handed_over_for_a_film_is_that_films_and_so_is_what_goes_with_it(extractor):
    def footage(text: str) -> set[tuple[str, str]]:
        text = "Planeta Bur (1962) is the original. " + text
        return _pairs(extractor, text, Relation.FOOTAGE_USED_IN)

    taken = footage(
        "Later Corman handed over its spaceship shots, together with scenes from Nebo Zovyot, to "
        "a young director for Queen of Blood."
    )
    assert ("Planeta Bur", "Queen of Blood") in taken
    assert ("Nebo Zovyot", "Queen of Blood") in taken
    # handing over a job or a script is no footage
    assert not footage("Corman gave Coppola the job for Battle Beyond the Sun.")
    assert not footage("Corman handed the script to a young writer for Queen of Blood.")


def test_a_film_that_someone_had_made_is_theirs(extractor):
    def directed(text: str) -> set[tuple[str, str]]:
        return _pairs(extractor, text, Relation.DIRECTED_BY)

    said = directed(
        "Corman bought A Dream Come True (1963), a gentle space story that Mikhail Karyukov "
        "and Otar Koberidze had made in Odessa, and cut it up."
    )
    assert ("A Dream Come True", "Mikhail Karyukov") in said
    assert ("A Dream Come True", "Otar Koberidze") in said
    assert ("Planeta Bur", "Pavel Klushantsev") in directed(
        "Planeta Bur, the picture which Pavel Klushantsev had directed for Lennauchfilm, is the "
        "better one."
    )
    # what someone had made before is still another work
    assert not directed("Solaris is slow. Tarkovsky had already directed an earlier film.")


def test_a_film_re_cut_into_a_kind_of_film_is_no_target_of_the_film_spoken_of(extractor):
    # "re-cut X's scenes into a horror picture": X is what was re-cut, not a film the section's
    # film went into
    text = (
        "Queen of Blood (1966)\n\nHarrington re-cut the Nebo Zovyot spaceship scenes into a "
        "cheap horror picture."
    )
    footage = _pairs(extractor, text, Relation.FOOTAGE_USED_IN)
    assert ("Queen of Blood", "Nebo Zovyot") not in footage


def test_second_reading_of_the_later_rules(extractor):
    def said(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    # footage said not to have been reused, or reused from a film the sentence names
    for text in (
        "A Dream Come True (1963)\n\nCorman never reused the film's footage in Queen of Blood.",
        "Corman never reused Mechte navstrechu's footage in Queen of Blood.",
        "It is a myth that Harrington recycled its best shots in Queen of Blood.",
        "Corman never recycled Mechte navstrechu's footage in Queen of Blood.",
    ):
        assert not {c for c in said(text) if c[1] == "footage_used_in"}, text
    # who was not handed the footage, or only in a myth, made nothing of it
    for text in (
        "Queen of Blood (1966)\n\nCorman never handed its effects footage to Curtis Harrington "
        "for Queen of Blood.",
        "Voyage to the Planet of Prehistoric Women (1968)\n\nIt is a myth that the footage was "
        "cut up again by Peter Bogdanovich.",
    ):
        assert not {c for c in said(text) if c[1] == "directed_by"}, text
    # (a condition in another clause is no doubt on the taking)
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in said(
        "Nebo Zovyot (1959)\n\nIf the rockets look familiar, it is because Corman lifted them "
        "for Battle Beyond the Sun."
    )
    text = (
        "Queen of Blood (1966)\n\nHarrington saw Planeta Bur and reused the film's footage in "
        "Voyage to the Prehistoric Planet."
    )
    assert ("Queen of Blood", "footage_used_in", "Voyage to the Prehistoric Planet") not in said(
        text
    )
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in said(
        "Nebo Zovyot (1959)\n\nCorman handed Coppola the reels for Battle Beyond the Sun."
    )
    # a theme written later is no score; the music done for a film named is that film's
    assert not {
        c
        for c in said(
            "Ikarie XB-1 (1963)\n\nStanisław Lem once more wrote the theme of first "
            "contact into his novel."
        )
        if c[1] == "music_by"
    }
    assert ("Moscow-Cassiopeia", "music_by", "Vladimir Chernyshev") not in said(
        "Moscow-Cassiopeia (1973)\n\nVladimir Chernyshev again does the music for Teens in the "
        "Universe."
    )
    # a country where the film was made, opening a clause on "In"
    assert ("The Silent Star", "country", "East Germany") in said(
        "The Silent Star (1960)\n\nIn East Germany DEFA produced the film with Polish partners."
    )
    # a studio marked as a correction may be described
    assert ("Solaris", "studio", "Mosfilm") in said(
        "one wrote:\nSolaris (1972) was made at Lenfilm.\n\ntwo wrote:\nMosfilm, actually, the "
        "biggest studio."
    )
    # what a relative clause after a title credits, and not what it says of another thing
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in said(
        "Per Aspera Ad Astra (1981) is by Viktorov. Moscow-Cassiopeia, the earlier film that "
        "Richard Viktorov had directed, is better known."
    )
    assert ("Queen of Blood", "directed_by", "Mikhail Karyukov") not in said(
        "Queen of Blood (1966), the re-cut of a Soviet epic that Mikhail Karyukov had directed "
        "in Odessa, opens with a rocket."
    )


def test_a_composer_who_again_provides_the_score_scored_the_film(extractor):
    for sentence in (
        "Eduard Artemyev again provides the score.",
        "Eduard Artemyev once more wrote the music.",
        "Eduard Artemyev later composed the main theme.",
    ):
        text = f"Solaris (1972)\n\nDonatas Banionis is Kelvin, and {sentence}"
        found = _found(_claims(extractor, text))
        assert ("Solaris", "music_by", "Eduard Artemyev") in found, sentence


def test_who_reused_a_films_own_footage_in_another_made_that_one(extractor):
    def said(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, "Planeta Bur (1962) came first. " + text))

    for text in (
        "Later Curtis Harrington reused much of the film's footage in the American Voyage "
        "to the Prehistoric Planet.",
        "Curtis Harrington recycled its best shots in Voyage to the Prehistoric Planet.",
    ):
        found = said(text)
        assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
        assert ("Voyage to the Prehistoric Planet", "directed_by", "Curtis Harrington") in found
    # like effects used elsewhere are no footage of the film's
    assert not {
        c
        for c in said("Curtis Harrington used similar effects in Queen of Blood.")
        if "Queen" in c[0]
    }


def test_a_correction_marked_by_its_place_corrects_only_what_the_value_can_be(extractor):
    # (a second reading's cases) the person must be known for the relation corrected, and
    # words after the markers may only describe that person
    for first, reply in (
        (
            "Pilot Pirx's Inquest (1979) was directed by Marek Piestrak.",
            "Arvo Pärt, actually, one of his very few film scores.",
        ),
        (
            "Solaris (1972) was directed by Andrei Tarkovsky.",
            "Eduard Artemyev, actually, the composer, deserves as much credit.",
        ),
        ("Solaris (1972) was made at Mosfilm.", "1961, actually, the year the novel came out."),
        ("Ikarie XB-1 is a Czechoslovak film.", "Poland, surely, the home of the novel's author."),
        (
            "Guest from the Future has music by Eduard Artemyev.",
            "Yevgeny Krylatov, actually, if you ask me, would have been the better choice.",
        ),
    ):
        text = f"one wrote:\n{first}\n\ntwo wrote:\n{reply}"
        said = [c for c in _claims(extractor, text) if c.evidence.quote.startswith(reply[:15])]
        assert not [c for c in said if c.relation is not Relation.PLOT], reply


def test_footage_handed_over_must_be_footage_and_so(extractor):
    # (a second reading's cases) denied, refused, not footage, or asked: no footage taken
    for text in (
        "Queen of Blood (1966) was shot in a week. Corman never handed the A Dream Come True "
        "reels to Harrington for Queen of Blood.",
        "Queen of Blood (1966) was shot in a week. Corman handed A Dream Come True's reels to "
        "Harrington, who passed them over for Queen of Blood.",
        "Nebo Zovyot (1959) is the original. Corman gave Coppola the Nebo Zovyot reels, but "
        "Coppola did not use them for Battle Beyond the Sun.",
        "Klushantsev gave Planeta Bur's effects a realism later copied in Ikarie XB-1.",
        "Corman gave the money from Nebo Zovyot's US release to Coppola for Battle Beyond the Sun.",
        "Corman gave Harrington the Ikarie XB-1 sets for Queen of Blood? Unlikely.",
    ):
        taken = [c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN]
        assert not taken, text
    # "its" after a film named in the same breath is that film's
    text = (
        "Queen of Blood (1966) borrowed from A Dream Come True. Harrington had already reused "
        "Planeta Bur and its effects shots for Voyage to the Prehistoric Planet."
    )
    taken = _pairs(extractor, text, Relation.FOOTAGE_USED_IN)
    assert ("Queen of Blood", "Voyage to the Prehistoric Planet") not in taken


def test_what_a_relative_clause_credits_is_the_title_it_follows(extractor):
    # (a second reading's cases) no title right before "that" or "which": no credit to the
    # film spoken of
    for text in (
        "Kin-dza-dza! (1986) is a comedy. Stalker, a picture that Andrei Tarkovsky had directed "
        "at Mosfilm in 1979, is its gloomy cousin.",
        "Eolomea (1972) is East German. It recalls an earlier DEFA space film that Gottfried "
        "Kolditz had directed in 1970.",
        "Queen of Blood (1966) is a re-edit. Its effects come from a Soviet drama that Mikhail "
        "Karyukov had directed in Odessa.",
        "Return from Orbit (1984) is a late Dovzhenko film, unlike the Andromeda Nebula, which "
        "Aleksandr Surin had made in Kiev too.",
    ):
        first = text.split(" (")[0]
        credited = [
            c
            for c in _claims(extractor, text)
            if c.relation is Relation.DIRECTED_BY and c.subject == first
        ]
        assert not credited, text


def test_a_numbered_post_header_is_no_title_and_states_nothing(extractor):
    text = (
        "Thread: films I half remember\n\n"
        "#1 posted by tape_finder\n"
        "Which one had the singers with the flying machine?\n\n"
        "#2 posted by koo_fan\n"
        "That's Kin-dza-dza! (1986), made at Mosfilm.\n\n"
        "#3 posted by ostrov\n"
        "Yes. Music by Gia Kancheli, if anyone cares.\n"
    )
    claims = _claims(extractor, text)
    assert not any("posted" in c.subject or "koo_fan" in c.value for c in claims)
    assert ("Kin-dza-dza!", "music_by", "Gia Kancheli") in _found(claims)


def test_writing_a_theme_is_music_not_a_source(extractor):
    text = "Moscow-Cassiopeia (1973)\n\nEvgeny Krylatov composed the main theme.\n"
    found = _found(_claims(extractor, text))
    assert any(r == "music_by" and "Krylatov" in v for _, r, v in found)
    assert not any(r in {"source_author", "written_by"} for _, r, _ in found)


def test_the_soviet_makers_of_a_re_edit_are_those_of_the_film_it_was_made_from(extractor):
    text = (
        "Planeta Bur (1962) was Klushantsev's.\n\n"
        "Voyage to the Prehistoric Planet took its effects, though the Soviet director was "
        "Pavel Klushantsev.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    said = {(c.subject, c.value) for c in claims}
    assert ("Planeta Bur", "Pavel Klushantsev") in said
    assert ("Voyage to the Prehistoric Planet", "Pavel Klushantsev") not in said


def test_a_quoted_part_of_one_known_title_names_that_film(extractor):
    (thorns,) = [m for m in extractor.mentions('"Thorns" came out in 1981.') if m.quoted]
    assert (thorns.kind, thorns.entity) == ("film", "per-aspera-ad-astra")
    (stars,) = [m for m in extractor.mentions('"Stars" came out in 1981.') if m.quoted]
    assert stars.entity is None  # a word of two titles names neither
    claims = _claims(extractor, 'Viktorov\'s "Thorns" is from 1981.\n')
    assert ("Per Aspera Ad Astra", "release_year", "1981") in _found(claims)


def test_a_post_opens_with_its_first_sentence_after_its_header_lines(extractor):
    text = (
        "Subject: Space films\n"
        "From: first_poster\n"
        "Ikarie XB-1 is my favourite, directed by Jindřich Polák.\n"
        "---\n"
        "Subject: Re: Space films\n"
        "From: second_poster\n"
        "Solaris is slower. Music by Eduard Artemyev, shot at Mosfilm.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris", "music_by", "Eduard Artemyev") in found
    assert not any(s == "Ikarie XB-1" and r == "music_by" for s, r, _ in found)


def test_a_name_owning_a_kind_of_film_is_its_maker(extractor):
    text = (
        "The Silent Star (1960)\n\n"
        "Kurt Maetzig's two-parter of sorts, shot with Polish partners.\n\n"
        "Eolomea (1972)\n\n"
        "Herrmann Zschoche's slow, cool take on a vanishing fleet.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("The Silent Star", "directed_by", "Kurt Maetzig") in found
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in found


def test_footage_taken_from_a_film_and_a_chain_of_re_edits(extractor):
    text = (
        "Nebo Zovyot (1959) became Battle Beyond the Sun (1962), shot in a hurry, and later "
        "Queen of Blood (1966). Voyage to the Prehistoric Planet took most of its effects "
        "shots from Planeta Bur.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in found
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
    assert ("Voyage to the Prehistoric Planet", "footage_used_in", "Planeta Bur") not in found


def test_a_known_first_name_before_another_surname_is_someone_else(extractor):
    found = extractor.mentions("Her cousin Masha Brenner (Ada Vojtová) boards the Vega.")
    assert not any(m.entity == "masha-ivanova" for m in found)
    assert any(m.entity == "masha-ivanova" for m in extractor.mentions("Masha boards the Vega."))


def test_a_part_with_its_actor_in_brackets_after_a_description_or_before_an_aside(extractor):
    text = (
        "Solaris (1972)\n\n"
        "Kelvin (Donatas Banionis, never better) meets Hari (a very young Natalya Bondarchuk).\n"
    )
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Donatas Banionis", "Kelvin") in cast
    assert ("Natalya Bondarchuk", "Hari") in cast


def test_credits_in_brackets_after_a_numbered_unknown_title_are_that_titles(extractor):
    text = "Eolomea (1972)\n\nShown before it: the DEFA short Venus 3 (1970, dir. Anna Holm).\n"
    claims = _claims(extractor, text)
    assert not any(c.subject == "Eolomea" and c.value == "Anna Holm" for c in claims)
    assert ("Venus 3", "directed_by", "Anna Holm") in _found(claims)


def test_a_year_the_story_travels_to_is_no_release(extractor):
    text = "Guest from the Future (1985)\n\nKolya climbs into the machine and pops out in 2084.\n"
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [c.value for c in years] == ["1985"]


def test_a_reply_that_only_corrects_a_quoted_year_states_nothing_more(extractor):
    text = (
        "Solaris (1972) is next.\n\n"
        "ann wrote:\nThe novel came out in 1963, I think?\n\n"
        "bob wrote:\n> came out in 1963\nIt's 1961.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "1961"]
    assert [(c.subject, c.relation) for c in claims] == [
        ("Solaris (novel)", Relation.PUBLISHED_YEAR)
    ]


def test_the_original_is_the_film_just_named_when_it_is_the_source_of_the_section(extractor):
    text = (
        "QUEEN OF BLOOD (1966)\n\n"
        "Most of its effects are from Mechte navstrechu (1963). The original was made at "
        "the Dovzhenko Film Studios.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Mechte navstrechu", "studio", "Dovzhenko Film Studios") in found
    assert not any(s.lower() == "queen of blood" and r == "studio" for s, r, _ in found)


def test_films_said_to_be_the_persons_named_before_and_a_release_called_otherwise(extractor):
    text = (
        "Pavel Klushantsev is the real hero here. Planeta Bur (1962) is his, and it shows.\n\n"
        "Per Aspera Ad Astra (1981) runs long. Its English video version was titled "
        "Humanoid Woman.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "directed_by", "Pavel Klushantsev") in found
    assert ("Per Aspera Ad Astra", "also_known_as", "Humanoid Woman") in found


def test_a_version_released_as_another_film_is_a_re_edit_of_the_film_spoken_of(extractor):
    text = (
        "Planeta Bur (1962) is Klushantsev's.\n\n"
        "Its effects drew notice, and in 1965 AIP distributed a dubbed, reshot version in "
        "America as Voyage to the Prehistoric Planet.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found


def test_a_credit_shared_with_a_name_after_another_statement_of_it(extractor):
    text = "Nebo Zovyot (1959)\n\nKaryukov co-directed this one with Aleksandr Kozyr in Kyiv.\n"
    claims = [c for c in _claims(extractor, text) if "Kozyr" in c.value]
    assert [c.relation for c in claims] == [Relation.DIRECTED_BY]


def test_a_credits_line_of_labelled_fields_under_a_title(extractor):
    text = (
        "3) Eolomea\n"
        "1972 | Director: Herrmann Zschoche | Studio: DEFA | Score: Günther Fischer\n"
        "A quiet, strange film.\n\n"
        "#7  orbit_fan  |  12 May 2020, 10:01\n"
        "Anyone seen it?\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Eolomea", "release_year", "1972") in found
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in found
    assert ("Eolomea", "studio", "DEFA") in found
    assert ("Eolomea", "music_by", "Günther Fischer") in found
    assert not any("orbit_fan" in c.subject or "2020" in c.value for c in claims)


def test_split_sentences_keeps_a_line_of_fields_that_are_no_credits_whole():
    from questions.discourse import split_sentences

    credits = split_sentences("1970 | Director: Gottfried Kolditz | Studio: DEFA\n")
    assert [s.text for s in credits] == ["1970", "Director: Gottfried Kolditz", "Studio: DEFA"]
    assert all(s.line for s in credits)
    header = split_sentences("#5  marsianka  |  13 Jan 2021, 08:15\n")
    assert [s.text for s in header] == ["#5  marsianka  |  13 Jan 2021, 08:15"]


def test_it_after_a_sentence_naming_several_films_is_only_doubtful(extractor):
    text = (
        "Nebo Zovyot became Battle Beyond the Sun, and Planeta Bur became Voyage to the "
        "Prehistoric Planet. Watch the best of them first. Karyukov made it at Lenfilm.\n"
    )
    studio = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
    assert studio
    assert all(c.confidence < CONFIDENT for c in studio)


def test_a_value_said_of_a_name_no_reference_knows_is_only_doubtful(extractor):
    text = (
        "Nope, that is wrong. Karyukov co-directed Nebo Zovyot with Kozyr. (And Tempests "
        "was Mosfilm, not Lenfilm, my bad.)\n"
    )
    studio = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
    assert all(c.confidence < CONFIDENT for c in studio)


def test_a_heading_that_opens_on_its_screening_time_is_the_films_section(extractor):
    text = (
        "A NIGHT OF SPACE FILMS\n\n"
        "8.30 pm - SOLARIS\n"
        "Director: Andrei Tarkovsky | Music: Eduard Artemyev\n"
        "A long film.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("SOLARIS", "directed_by", "Andrei Tarkovsky") in found
    assert ("SOLARIS", "music_by", "Eduard Artemyev") in found


def test_a_credits_line_under_a_timed_title_is_no_heading(extractor):
    text = (
        "PROGRAMME\n\n"
        "9.45 pm - DEAD MOUNTAINEER'S HOTEL\n"
        "Soviet Union, 1979, Tallinnfilm and Mosfilm\n"
        "A snowbound puzzle.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("DEAD MOUNTAINEER'S HOTEL", "release_year", "1979") in found
    assert ("DEAD MOUNTAINEER'S HOTEL", "studio", "Tallinnfilm") in found
    assert ("DEAD MOUNTAINEER'S HOTEL", "studio", "Mosfilm") in found


def test_a_name_owning_something_after_a_preposition_is_no_credit(extractor):
    text = (
        "Nebo Zovyot (1959)\n\n"
        "Karyukov is one of the busiest directors in Corman's back catalogue, and the "
        "effects come from Karyukov's earlier work.\n"
    )
    claims = _claims(extractor, text)
    assert not any("Corman" in c.value for c in claims)


def test_a_credit_read_past_an_aside_a_possessed_film_and_an_adapters_own_novel(extractor):
    text = (
        "Aelita (1924)\n\n"
        "The music, written for a live orchestra, is by Valentin Kruchinin. Aelita is Yakov "
        "Protazanov's film for Mezhrabpom-Rus, and Alexei Tolstoy adapted it from his own "
        "novel.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Aelita", "music_by", "Valentin Kruchinin") in found
    assert ("Aelita", "directed_by", "Yakov Protazanov") in found
    assert ("Aelita", "cast", "Yakov Protazanov") not in found
    assert ("Aelita", "source_author", "Alexei Tolstoy") in found
    assert ("Aelita", "directed_by", "Alexei Tolstoy") not in found
    # ... whatever the words of making before the novel (with doubt: which book is unsaid)
    text = "Aelita (1924)\n\nIt was shot from a script Alexei Tolstoy drew from his own novel.\n"
    [tolstoy] = [c for c in _claims(extractor, text) if c.value == "Alexei Tolstoy"]
    assert (tolstoy.subject, tolstoy.relation) == ("Aelita", Relation.SOURCE_AUTHOR)
    assert tolstoy.confidence < CONFIDENT
    # ... but not someone who strayed from "his own novel", nor one who did not make it so
    for text in [
        "Aelita (1924)\n\nTolstoy felt that Protazanov strayed far from his own novel.\n",
        "Aelita (1924)\n\nProtazanov did not adapt it from his own novel, of course.\n",
    ]:
        assert not [c for c in _claims(extractor, text) if c.value == "Yakov Protazanov"], text


def test_a_film_which_someone_turned_into_another_gave_it_its_footage(extractor):
    text = "Planeta Bur (1962), which AIP later turned into Voyage to the Prehistoric Planet.\n"
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found


def test_a_heading_that_opens_on_its_year_dates_its_title(extractor):
    text = (
        "Films by year\n\n"
        "1972 - Solaris\nTarkovsky's Mosfilm adaptation.\n\n"
        "1977 - Orbita Druzhby\nA co-production directed by Boris Ulanov.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Solaris", "release_year", "1972") in found
    assert ("Orbita Druzhby", "release_year", "1977") in found
    assert not any(c.subject == "Solaris" and "Ulanov" in c.value for c in claims)


def test_a_short_title_with_a_subtitle_after_its_colon_is_another_film(extractor):
    text = (
        "Per Aspera Ad Astra (1981)\n\n"
        "Viktorov shot it at the Gorky studio. A sequel, Per Aspera: Return, was shot in "
        "1985 and never shown.\n"
    )
    claims = _claims(extractor, text)
    assert not any(c.subject == "Per Aspera Ad Astra" and c.value == "1985" for c in claims)


def test_it_right_after_a_sentence_saying_what_is_a_book_is_only_doubtful(extractor):
    text = (
        "Solaris (1972) is Tarkovsky's.\n\n"
        "Solaris is a 1961 novel by Stanisław Lem. It came out in Warsaw in 1961.\n"
    )
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert all(c.confidence < CONFIDENT for c in years if c.value == "1961")


def test_a_dated_heading_of_common_words_is_a_part_of_the_page_not_a_film(extractor):
    text = (
        "SOLARIS (novel)\n\n"
        "Solaris is a 1961 novel by Stanisław Lem.\n\n"
        "Film adaptation (1972)\n"
        "The music is by Eduard Artemyev.\n"
    )
    claims = _claims(extractor, text)
    assert not any(c.subject.lower() == "film adaptation" for c in claims)
    assert any(c.relation is Relation.MUSIC_BY and c.subject.lower() == "solaris" for c in claims)


def test_a_surname_before_another_capitalised_word_is_someone_elses_first_name(extractor):
    # "James Nicholson" is nobody the references know, not the character Laura James, and
    # the known producer named with him keeps his credit
    text = "Queen of Blood (1966)\n\nGeorge Edwards and James Nicholson were the producers."
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Queen of Blood", "produced_by", "George Edwards") in found
    assert ("Queen of Blood", "produced_by", "James Nicholson") in found
    assert not any(c.relation is Relation.PLOT for c in claims)
    # ... but a word of a title-case line is no name, and a person keeps their surname
    text = "Solaris (1972)\n\nReview: Tarkovsky Directs Solaris"
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in _found(_claims(extractor, text))
    text = "Queen of Blood (1966)\n\nDennis Hopper plays Grant Opposite Meredith."
    roles = {c.role for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert "Grant Opposite Meredith" not in roles


def test_a_job_said_right_after_a_second_name_is_that_names(extractor):
    # "X was the director and Y the composer": Y composed, Y did not direct
    for said, relation in (
        ("Curtis Harrington was the director and Ronald Stein the composer.", "music_by"),
        ("Curtis Harrington was the director, and Ronald Stein the producer.", "produced_by"),
    ):
        found = _found(_claims(extractor, f"Queen of Blood (1966)\n\n{said}"))
        assert ("Queen of Blood", "directed_by", "Curtis Harrington") in found, said
        assert ("Queen of Blood", relation, "Ronald Stein") in found, said
        assert ("Queen of Blood", "directed_by", "Ronald Stein") not in found, said
    assert not _contradicted(
        extractor,
        "Queen of Blood (1966)\n\n"
        "Curtis Harrington was the director and Ronald Stein the composer.",
    )
    # a job no relation stands for credits nothing, and the next name's job is still its own
    text = (
        "Queen of Blood (1966)\n\nCurtis Harrington was the director and Basil Rathbone the "
        "star, and George Edwards the producer."
    )
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "produced_by", "George Edwards") in found
    assert not any(v == "Basil Rathbone" and r == "directed_by" for _, r, v in found)
    assert not _contradicted(extractor, text)
    text = (
        "Queen of Blood (1966)\n\nCurtis Harrington was the director and Ronald Stein the "
        "composer's assistant."
    )
    assert not any(v == "Ronald Stein" for _, _, v in _found(_claims(extractor, text)))


def test_a_part_listed_without_its_verb_after_a_described_part(extractor):
    # "X is the calm Captain Abajev, Y the fussy mathematician Anthony Hopkins": the verb
    # said once, after words describing the first part, and after "and" too
    for said, actor, part in (
        (
            "Zdeněk Štěpánek is the calm Captain Abajev, František Smolík the fussy "
            "mathematician Anthony Hopkins.",
            "František Smolík",
            "Anthony Hopkins",
        ),
        (
            "Zdeněk Štěpánek is Captain Abajev and Radovan Lukavský the mathematician "
            "Anthony Hopkins.",
            "Radovan Lukavský",
            "Anthony Hopkins",
        ),
    ):
        claims = _claims(extractor, f"Ikarie XB-1 (1963)\n\n{said}")
        assert ("Ikarie XB-1", actor, part) in {(c.subject, c.value, c.role) for c in claims}
    # (the second is the document's error, Lukavský plays MacDonald: held against it)
    assert [c.value for c in _contradicted(extractor, f"Ikarie XB-1 (1963)\n\n{said}")] == [
        "Radovan Lukavský"
    ]


def test_films_a_maker_made_described_right_before_their_titles(extractor):
    # "made the children's space films A and B": each, as the references credit the maker
    text = (
        "Per Aspera Ad Astra (1981)\n\nViktorov had earlier made the children's space films "
        "Moscow-Cassiopeia and Teens in the Universe."
    )
    found = _found(_claims(extractor, text))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "directed_by", "Richard Viktorov") in found
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") not in found
    text = "Per Aspera Ad Astra (1981)\n\nViktorov had earlier made the film Moscow-Cassiopeia."
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in _found(
        _claims(extractor, text)
    )


def test_a_part_the_reader_may_remember_an_actor_by_is_in_that_film(extractor):
    for aside in ("whom many will remember as", "whom some of you remember as", "remembered as"):
        text = (
            "Dead Mountaineer's Hotel (1979)\n\n"
            f"Jüri Järvet, {aside} Snaut in Tarkovsky's Solaris, plays the hotel keeper."
        )
        claims = _claims(extractor, text)
        assert ("Solaris", "Jüri Järvet", "Snaut") in {
            (c.subject, c.value, c.role) for c in claims if c.relation is Relation.CAST
        }, aside


def test_where_a_part_is_from_is_no_part_name(extractor):
    # "the Martian queen": Solntseva is in the cast, and "Martian" is no part of hers
    for said in ("plays the Martian queen", "plays the Venusian woman"):
        text = f"Aelita (1924) is a film. Yuliya Solntseva {said}."
        cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
        assert [(c.value, c.role) for c in cast] == [("Yuliya Solntseva", None)], said
    text = "Solaris (1972) is a film. Tal Ben-Ami is an Israeli critic."
    assert not any(c.role == "Israeli" for c in _claims(extractor, text))
    # ... a part's name before a word that is no noun is still the part
    text = "Solaris (1972) is a film. Natalya Bondarchuk plays Hari brilliantly."
    assert [c.role for c in _claims(extractor, text) if c.relation is Relation.CAST] == ["Hari"]


def test_whose_kin_or_whose_captain_an_actor_is_names_no_part(extractor):
    # "the wife of Kelvin" is not the part Kelvin, "the captain of the Ikarie" not the ship
    for text in (
        "Solaris (1972) is a film. Natalya Bondarchuk is the wife of Kelvin.",
        "Ikarie XB-1 (1963) is a film. Zdeněk Štěpánek is the captain of the Ikarie.",
        "Queen of Blood (1966) is a film. John Saxon is the fiance of Laura.",
    ):
        assert not _contradicted(extractor, text), text
        assert not any(c.role for c in _claims(extractor, text)), text


def test_what_an_actor_is_of_a_place_or_a_ship_is_their_part(extractor):
    for said in (
        "is the ruler of TEM 4",
        "is the chief on Tem",
        "is the captain of the ship",
        "is the commander",
    ):
        text = f"In the Dust of the Stars (1976) is a DEFA film. Ekkehard Schall {said}."
        cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
        assert [(c.subject, c.value) for c in cast] == [
            ("In the Dust of the Stars", "Ekkehard Schall")
        ], said
        assert cast[0].role is None, said  # (not the place: "Tem" is no part)
        if "TEM" in said:
            assert cast[0].confidence < CONFIDENT  # mostly, not always, a part
    # ... not one who made films, nor what an actor is that is no part
    for text in (
        "Solaris (1972) is a Soviet film. Andrei Tarkovsky is the pride of Soviet cinema.",
        "In the Dust of the Stars (1976) is a DEFA film. Ekkehard Schall is the star of TEM 4.",
    ):
        assert not any(c.relation is Relation.CAST for c in _claims(extractor, text)), text


def test_a_heading_naming_a_part_of_the_film_keeps_the_film(extractor):
    # a part's own title is no film what follows is about, whatever form the heading takes
    for heading in ('Part Two: "Angels of Space"', "Episode 3 - The Long Night", "Part II. Exile"):
        text = (
            "Per Aspera Ad Astra (1981) - a synopsis\n\n"
            "Part One: The Girl\n\n"
            "A derelict ship is found drifting in deep space.\n\n"
            f"{heading}\n\n"
            "The ambassador returns home.\n\n"
            "Production\n\n"
            "Directed by Richard Viktorov at the Gorky Film Studio.\n"
        )
        found = _found(_claims(extractor, text))
        assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in found, heading
        assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") in found, heading
        assert {s for s, _, _ in found} == {"Per Aspera Ad Astra"}, heading
    # ... but a programme's part with a dated title names another film, known or not
    text = (
        "Soviet space films: a programme\n\n"
        "Part One: Solaris (1972)\n\n"
        "Directed by Andrei Tarkovsky.\n\n"
        'Part Two: "The Sky Calls" (1959)\n\n'
        "Directed by Mikhail Karyukov.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("The Sky Calls", "directed_by", "Mikhail Karyukov") in found
    assert not any(v == "Mikhail Karyukov" for s, _, v in found if s == "Solaris")


def test_footage_taken_from_a_list_of_films_is_each_ones(extractor):
    # the films the footage came from, all named after the cue, gave it to the film spoken of
    for said in (
        "A lot of the space footage was lifted from the Soviet films A Dream Come True and "
        "Nebo Zovyot.",
        "Its effects were taken from two Soviet pictures, A Dream Come True and Nebo Zovyot.",
        "Queen of Blood is built from A Dream Come True and, mostly, from Nebo Zovyot.",
    ):
        found = _found(_claims(extractor, f"Queen of Blood (1966)\n\n{said}"))
        for source in ("A Dream Come True", "Nebo Zovyot"):
            assert (source, "footage_used_in", "Queen of Blood") in found, said
    # ... and a wrong source is the document's, said of the film it names
    text = (
        "Queen of Blood (1966)\n\nIts space footage was lifted from the Soviet films "
        "A Dream Come True and Planeta Bur."
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Queen of Blood") in found


def test_footage_used_twice_goes_into_the_next_two_films_named(extractor):
    text = (
        "Nebo Zovyot (1959)\n\n"
        "Roger Corman bought the film and recycled its footage twice. Battle Beyond the Sun "
        "came first; Queen of Blood took its ships later.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in found
    assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found


def test_the_writer_of_what_a_film_was_drawn_from(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\n"
        "A reverent adaptation of Ivan Yefremov's communist utopia, all in widescreen.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Ivan Yefremov"]
    assert [(c.subject, c.relation) for c in claims] == [
        ("The Andromeda Nebula", Relation.SOURCE_AUTHOR)
    ]
    assert all(c.confidence < CONFIDENT for c in claims)


def test_a_default_film_is_doubtful_for_a_credit_the_references_give_another_named_film(
    extractor,
):
    text = (
        "Voyage to the Planet of Prehistoric Women (1968)\n\n"
        "Production\n\n"
        "Planeta Bur came first, a Soviet film. Peter Bogdanovich is credited as director.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Peter Bogdanovich"]
    assert claims
    assert all(c.subject != "Planeta Bur" or c.confidence < CONFIDENT for c in claims)


def test_a_year_the_story_imagines_is_no_date(extractor):
    text = (
        "Guest from the Future (1985)\n\n"
        "From Kir Bulychev's novel, it imagines a 2084 where anything goes.\n"
    )
    claims = [c for c in _claims(extractor, text) if c.value == "2084"]
    assert all(c.relation not in {Relation.RELEASE_YEAR, Relation.PUBLISHED_YEAR} for c in claims)


FOOTAGE = Relation.FOOTAGE_USED_IN


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # taking something other than footage from a film is no footage
        (
            "Queen of Blood took its plot from A Dream Come True, not its footage.",
            lambda c: c.relation is FOOTAGE,
        ),
        (
            "Oddly, Voyage to the Planet of Prehistoric Women never got its dinosaurs from "
            "Planeta Bur: Bogdanovich shot new ones.",
            lambda c: c.relation is FOOTAGE,
        ),
        (
            "Battle Beyond the Sun drew most of its fans from Nebo Zovyot's reputation.",
            lambda c: c.relation is FOOTAGE,
        ),
        # "and later C" is a re-edit only when C ends the clause
        (
            "Nebo Zovyot became Battle Beyond the Sun, and later Queen of Blood borrowed its "
            "spaceships from A Dream Come True.",
            lambda c: (
                c.relation is FOOTAGE and c.subject == "Nebo Zovyot" and c.value == "Queen of Blood"
            ),
        ),
        (
            "Planeta Bur became Voyage to the Prehistoric Planet in 1965, and then Nebo Zovyot "
            "had its turn.",
            lambda c: c.relation is FOOTAGE and c.value == "Nebo Zovyot",
        ),
        # "which became" says what X became only right before Y
        (
            "Planeta Bur (1962), which became more famous than Voyage to the Prehistoric "
            "Planet, is the one to see.",
            lambda c: c.relation is FOOTAGE,
        ),
        # a year heading a title line is only doubtfully its release
        (
            "Channel 4 screenings of Soviet science fiction\n\n1988 - Solaris\n",
            lambda c: c.relation is Relation.RELEASE_YEAR and c.confidence >= CONFIDENT,
        ),
        (
            "Cannes timeline\n\n1972: Solaris wins the Grand Prix.\n",
            lambda c: c.relation is Relation.RELEASE_YEAR and c.confidence >= CONFIDENT,
        ),
        # a credits label covers only the values right after it
        (
            "Solaris (1972)\nDirector: Andrei Tarkovsky, from the novel by Stanisław Lem\n",
            lambda c: c.relation is Relation.DIRECTED_BY and c.value == "Stanisław Lem",
        ),
        (
            "Ikarie XB-1 (1963)\nDirector: Jindřich Polák (music by Zdeněk Liška)\n",
            lambda c: c.relation is Relation.DIRECTED_BY and c.value == "Zdeněk Liška",
        ),
        (
            "Solaris (1972)\nSource: an interview Andrei Tarkovsky gave in 1989, quoted by "
            "Stanisław Lem's biographer.\n",
            lambda c: c.relation is Relation.SOURCE_AUTHOR,
        ),
        # a year alone under a title line is only doubtfully the film's
        (
            "Solaris\n1961\nLem's novel is better than any film made of it.\n",
            lambda c: c.relation is Relation.RELEASE_YEAR and c.confidence >= CONFIDENT,
        ),
        # "both his" credits nobody when "his" goes on, or names only an owner
        (
            "My uncle met Andrei Tarkovsky once in Moscow. Solaris and Kin-dza-dza! are both "
            "his favourite films, he says.",
            lambda c: c.relation is Relation.DIRECTED_BY,
        ),
        (
            "I once interviewed Richard Viktorov's cameraman. Moscow-Cassiopeia and Teens in "
            "the Universe are both his, he told me.",
            lambda c: c.value == "Richard Viktorov",
        ),
        # a description before a name in brackets may not relate the name to the part
        (
            "Queen of Blood is great fun. Dr. Farraday (a drinking buddy of Dennis Hopper, "
            "apparently) steals every scene.",
            lambda c: c.relation is Relation.CAST and c.value == "Dennis Hopper",
        ),
        (
            "Kin-dza-dza! is a comedy. Uef (the uncle of Stanislav Lyubshin, in real life) is "
            "the funniest.",
            lambda c: c.relation is Relation.CAST and c.value == "Stanislav Lyubshin",
        ),
        # "its original producer" is the film's first, not its source film's
        (
            "Battle Beyond the Sun is Corman's re-edit of Nebo Zovyot. Its original director "
            "was Francis Ford Coppola.",
            lambda c: c.subject == "Nebo Zovyot" and c.value == "Francis Ford Coppola",
        ),
        # a film named with the makers is theirs
        (
            "Queen of Blood (1966)\n\nThe Soviet cast were Ivan Pereverzev and Aleksandr "
            "Shvorin, from Nebo Zovyot.\n",
            lambda c: (
                c.value == "Ivan Pereverzev"
                and c.subject != "Nebo Zovyot"
                and c.confidence >= CONFIDENT
            ),
        ),
        # a known title with a subtitle or a number after it is another film
        (
            "Aelita (1924)\n\nIts sound remake, Aelita: Return, came out in 1990 at Mosfilm.\n",
            lambda c: c.subject == "Aelita" and c.value in {"1990", "Mosfilm"},
        ),
        (
            "Guest from the Future 2 (1990, dir. Pavel Arsenov) is not a real thing.",
            lambda c: c.subject == "Guest from the Future",
        ),
    ],
)
def test_sentences_the_new_rules_must_not_misread(extractor, text, wrong):
    assert not [c for c in _claims(extractor, text) if wrong(c)]


def test_composers_listed_music_written_for_a_film_and_a_films_score_is_by(extractor):
    text = (
        "Nebo Zovyot is fine. Eolomea had two composers, Günther Fischer and Karl Ernst "
        "Sasse, and Solaris's score is by Eduard Artemyev. Aleksandr Zatsepin wrote the "
        "music for The Mystery of the Third Planet.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "music_by", "Günther Fischer") in found
    assert ("Solaris", "music_by", "Eduard Artemyev") in found
    assert ("The Mystery of the Third Planet", "music_by", "Aleksandr Zatsepin") in found


def test_a_film_said_to_be_a_persons_something_credits_them_as_the_references_do(extractor):
    text = (
        "Eolomea (1972) is Herrmann Zschoche's quiet puzzle about vanishing ships, and "
        "Solaris is Donatas Banionis's finest hour.\n"
    )
    claims = _claims(extractor, text)
    found = _found(claims)
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in found
    assert ("Solaris", "cast", "Donatas Banionis") in found
    assert all(c.confidence < CONFIDENT for c in claims if c.value == "Donatas Banionis")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a novel named before another film is not the one a later year is of
        (
            "Two Lem films: Ikarie XB-1, drawn from The Magellanic Cloud, and Solaris, made "
            "from Lem's 1961 novel.",
            lambda c: c.subject == "The Magellanic Cloud" and c.value == "1961",
        ),
        # a line under a heading naming two films gives a single value to neither surely
        (
            "2. Planeta Bur becomes Voyage to the Prehistoric Planet\n\n"
            "Harrington's dubbed reworking came out in 1965.\n",
            lambda c: (
                c.relation is Relation.RELEASE_YEAR
                and c.subject == "Planeta Bur"
                and c.confidence >= CONFIDENT
            ),
        ),
        # "how to make a Soviet film ..." speaks of some Soviet film, not the one named
        (
            "Battle Beyond the Sun (1962), or how to make a Soviet film look American\n",
            lambda c: c.relation is Relation.COUNTRY and c.subject == "Battle Beyond the Sun",
        ),
        # a direction in space names no director
        (
            "Moscow-Cassiopeia (1973)\n\nThe signals come from the direction of Alpha "
            "Cassiopeiae.\n",
            lambda c: c.relation is Relation.DIRECTED_BY,
        ),
    ],
)
def test_sentences_of_the_last_round_the_rules_must_not_misread(extractor, text, wrong):
    assert not [c for c in _claims(extractor, text) if wrong(c)]


def test_a_heading_saying_one_film_becomes_another(extractor):
    text = (
        "Soviet films and their American disguises\n\n"
        "1. Planeta Bur becomes Voyage to the Prehistoric Planet\n"
        "Klushantsev's film, dubbed.\n\n"
        "2. Ikarie XB-1 turns into Voyage to the End of the Universe\n"
        "A shorter cut.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
    assert ("Ikarie XB-1", "also_known_as", "Voyage to the End of the Universe") in found
    assert not any(r == "footage_used_in" and s == "Ikarie XB-1" for s, r, _ in found)


def test_a_year_and_a_studio_inside_a_makers_film_are_that_films(extractor):
    text = (
        "3. Planeta Bur becomes Voyage to the Planet of Prehistoric Women\n\n"
        "Pavel Klushantsev's 1962 Lennauchfilm voyage was bought and dubbed.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "release_year", "1962") in found
    assert ("Planeta Bur", "studio", "Lennauchfilm") in found
    assert not any(r == "release_year" and "Women" in s for s, r, _ in found)


def test_a_release_year_under_another_title_and_a_studio_before_a_title(extractor):
    text = (
        "Ikarie XB-1 (1963) is Czech. AIP bought it and released it in 1966 as Voyage to "
        "the End of the Universe. Its pilot later turned up in the Barrandov comedy "
        "Kosmicky Host (1971).\n"
    )
    claims = _claims(extractor, text)
    assert all(c.confidence < CONFIDENT for c in claims if c.value == "1966")
    assert not any(c.subject == "Ikarie XB-1" and c.relation is Relation.STUDIO for c in claims)


def test_a_numbered_point_that_is_a_sentence_is_no_heading():
    from questions.discourse import is_heading, split_sentences

    point, title = split_sentences("4. Kolditz made Eolomea at DEFA.\n5. The Andromeda Nebula\n")
    assert not is_heading(point)
    assert is_heading(title)


def test_a_numbered_point_states_what_it_says(extractor):
    text = "Things I know:\n\n4. Tarkovsky made Solaris at Mosfilm.\n"
    claims = _claims(extractor, text)
    assert ("Solaris", "studio", "Mosfilm") in _found(claims)
    assert not any("made Solaris" in c.subject for c in claims)


@pytest.mark.parametrize(
    ("text", "film", "relation", "value"),
    [
        # a bracketed year, then the credits go on after the bracket
        (
            "Tonight: Solaris (1972), Tarkovsky, shot at Mosfilm.",
            "Solaris",
            "directed_by",
            "Andrei Tarkovsky",
        ),
        # two credits opening a line, the list going on after a comma
        (
            "Eolomea is on the list.\n\nHerrmann Zschoche, DEFA, shown in 1972.",
            "Eolomea",
            "directed_by",
            "Herrmann Zschoche",
        ),
        # credits after a colon behind the film's name
        (
            "Aelita, if you want silents: Yakov Protazanov, 1924, Mezhrabpom-Rus.",
            "Aelita",
            "directed_by",
            "Yakov Protazanov",
        ),
        # a name with its part is an actor, and the list goes on around it
        (
            "Solaris again. Tarkovsky, 1972, Natalya Bondarchuk as Hari.",
            "Solaris",
            "cast",
            "Natalya Bondarchuk",
        ),
        (
            "Solaris again. Tarkovsky, 1972, Natalya Bondarchuk as Hari.",
            "Solaris",
            "directed_by",
            "Andrei Tarkovsky",
        ),
    ],
)
def test_terse_credits_in_prose(extractor, text, film, relation, value):
    assert (film, relation, value) in _found(_claims(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        # the name goes on to do something: no item of a credits list
        "In Planeta Bur (1962), Georgi Zhzhonov flies the glider down.",
        # a possessive is the maker's work, said with doubt elsewhere
        "Next, Solaris (1972), Natalya Bondarchuk's finest hour.",
    ],
)
def test_a_name_said_more_of_is_no_bare_credit(extractor, text):
    assert not [
        c
        for c in _claims(extractor, text)
        if c.relation is Relation.DIRECTED_BY and c.confidence >= CONFIDENT
    ]


def test_a_maker_verb_before_a_list_of_films_credits_each(extractor):
    text = "Mikhail Karyukov directed Nebo Zovyot and later Mechte navstrechu."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Mikhail Karyukov") in found
    assert ("Mechte navstrechu", "directed_by", "Mikhail Karyukov") in found


def test_both_before_a_list_of_films_and_where_the_list_was_made(extractor):
    text = "Mikhail Karyukov directed both Nebo Zovyot and Mechte navstrechu at the Odessa studio."
    found = _found(_claims(extractor, text))
    for film in ("Nebo Zovyot", "Mechte navstrechu"):
        assert (film, "directed_by", "Mikhail Karyukov") in found
        assert (film, "studio", "Odessa studio") in found
    # a film of another clause is not in the list
    text = "Karyukov made Nebo Zovyot in 1959, and Mechte navstrechu at the Odessa studio."
    studios = {c.subject for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Mechte navstrechu"}
    # ... and films shown or seen at a studio were not made there
    for text in [
        "Last year a retrospective screened Aelita and Ikarie XB-1 at Mosfilm.",
        "Tarkovsky first saw The Silent Star and Ikarie XB-1 at Mosfilm.",
    ]:
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO], text
    # (a film said to be made there after all is)
    text = "The festival showed Solaris, which Tarkovsky shot at Mosfilm."
    assert ("Solaris", "studio", "Mosfilm") in _found(_claims(extractor, text))


def test_a_list_after_did_that_opens_on_an_unknown_title(extractor):
    text = "Zschoche did Seven Moons, Sleepless Nights and Eolomea."
    claims = _claims(extractor, text)
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in _found(claims)
    assert all(c.confidence < CONFIDENT for c in claims if c.relation is Relation.DIRECTED_BY)


def test_that_one_is_a_maker_of_the_film_just_spoken_of(extractor):
    text = "Somebody asked about Eolomea. That one is Herrmann Zschoche, for DEFA."
    claims = _claims(extractor, text)
    made = [c for c in claims if c.value == "Herrmann Zschoche"]
    assert [(c.subject, c.relation) for c in made] == [("Eolomea", Relation.DIRECTED_BY)]
    assert all(c.confidence < CONFIDENT for c in made)


def test_that_one_is_credits_what_the_references_credit(extractor):
    text = "Then there is Solaris. Yes, that one is Eduard Artemyev."
    claims = _claims(extractor, text)
    assert ("Solaris", "music_by", "Eduard Artemyev") in _found(claims)
    assert not [c for c in claims if c.relation is Relation.DIRECTED_BY]


def test_thats_x_not_y_is_a_correction_not_a_credit(extractor):
    text = "Solaris has a fine score by Zatsepin.\n\nThat's Artemyev, not Zatsepin."
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.relation is Relation.DIRECTED_BY]


def test_a_heading_that_opens_on_its_date_and_time_is_the_films_section(extractor):
    text = (
        "ORBITA FILM SOCIETY - WINTER\n\n"
        "Friday 6 December, 20:00 - Eolomea (DDR 1972)\n"
        "Gottfried Kolditz wrote the screenplay. Günther Fischer wrote the music.\n\n"
        "Dec 13th, 8.30 pm - Solaris (USSR 1972)\n"
        "Eduard Artemyev wrote the music.\n"
    )
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "music_by", "Günther Fischer") in found
    assert ("Solaris", "music_by", "Eduard Artemyev") in found
    assert not any("ORBITA" in s or "December" in s or "Dec" in s for s, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "We showed Nebo Zovyot and Mechte navstrechu. Karyukov shot both in Kiev.",
        "We showed Nebo Zovyot and Mechte navstrechu. Karyukov directed the two films.",
        'We showed Nebo Zovyot and "Sing it again" before Mechte navstrechu. Karyukov made both.',
    ],
)
def test_a_credit_for_both_goes_to_the_last_two_films_named(extractor, text):
    subjects = {c.subject for c in _claims(extractor, text) if c.value == "Mikhail Karyukov"}
    assert subjects == {"Nebo Zovyot", "Mechte navstrechu"}


def test_a_film_is_its_studio_said_after_is_or_are(extractor):
    text = "Tonight Nebo Zovyot and Mechte navstrechu. Both films are Dovzhenko Film Studios."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "studio", "Dovzhenko Film Studios") in found
    assert ("Mechte navstrechu", "studio", "Dovzhenko Film Studios") in found
    assert ("Solaris", "studio", "Mosfilm") in _found(_claims(extractor, "Solaris is Mosfilm."))


def test_a_studio_asked_about_is_not_said(extractor):
    claims = _claims(extractor, "Solaris was Lenfilm, wasn't it?")
    assert not [c for c in claims if c.relation is Relation.STUDIO]


@pytest.mark.parametrize(
    "text",
    [
        "Voyage to the Prehistoric Planet is an odd thing. As a Soviet film, it is lovely.",
        "There is a fine Soviet film hidden inside Voyage to the Prehistoric Planet.",
    ],
)
def test_a_film_seen_as_or_found_inside_another_is_not_that_film(extractor, text):
    claims = _claims(extractor, text)
    countries = [c for c in claims if c.relation is Relation.COUNTRY]
    assert all(c.confidence < CONFIDENT for c in countries)
    verifier = CatalogueVerifier(extractor.catalogue)
    assert not [a for a in map(verifier.assess, countries) if a.verdict is Verdict.CONTRADICTED]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Nebo Zovyot again. Its credits list Karyukov and Kozyr as directors.", "directed_by"),
        ("Nebo Zovyot again. The titles name Yuliy Meitus as its composer.", "music_by"),
    ],
)
def test_names_listed_as_a_job_hold_that_job(extractor, text, relation):
    claims = _claims(extractor, text)
    assert {c.relation.value for c in claims if c.subject == "Nebo Zovyot"} >= {relation}


def test_both_are_a_name_credits_it_on_the_last_two_films(extractor):
    text = "I showed Nebo Zovyot and Mechte navstrechu. Both are Mikhail Karyukov, I think."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Mikhail Karyukov") in found
    assert ("Mechte navstrechu", "directed_by", "Mikhail Karyukov") in found


@pytest.mark.parametrize(
    ("text", "film", "person"),
    [
        (
            "Next, Eolomea (1972) by Herrmann Zschoche, shot at DEFA.",
            "Eolomea",
            "Herrmann Zschoche",
        ),
        ("Next, Eolomea. Zschoche again, with DEFA money.", "Eolomea", "Herrmann Zschoche"),
        ("Then Eolomea (1972) is Zschoche again.", "Eolomea", "Herrmann Zschoche"),
    ],
)
def test_a_film_by_someone_or_someone_again_credits_them(extractor, text, film, person):
    assert (film, "directed_by", person) in _found(_claims(extractor, text))


def test_a_film_by_someone_the_references_credit_otherwise_is_credited_so(extractor):
    found = _found(_claims(extractor, "Then Nebo Zovyot (1959) by Yuliy Meitus, in a way."))
    assert ("Nebo Zovyot", "music_by", "Yuliy Meitus") in found


def test_a_screenplay_someone_wrote_is_no_source(extractor):
    text = (
        "Pilot Pirx's Inquest is Polish. The script, which Piestrak wrote, is a loose "
        "adaptation of The Inquest."
    )
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.value == "Marek Piestrak"]


def test_a_date_heading_ends_the_section_of_the_film_before_it(extractor):
    text = (
        "ORBITA CLUB\n\n"
        "2 March\n"
        "Eolomea (DDR 1972)\n"
        "Directed by Herrmann Zschoche.\n\n"
        "9 March\n"
        "Directed by Pavel Klushantsev, Lennauchfilm.\n"
    )
    claims = _claims(extractor, text)
    assert not [
        c
        for c in claims
        if c.subject == "Eolomea"
        and c.value in {"Pavel Klushantsev", "Lennauchfilm"}
        and c.confidence >= CONFIDENT
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eolomea again. Fischer was Zschoche's composer on Eolomea.",
            ("Eolomea", "music_by", "Günther Fischer"),
        ),
        (
            "Eolomea (1972). Zschoche, DEFA, Günther Fischer on the synths.",
            ("Eolomea", "music_by", "Günther Fischer"),
        ),
        (
            "Eolomea (1972), with Günther Fischer on music duties.",
            ("Eolomea", "music_by", "Günther Fischer"),
        ),
        (
            "Nebo Zovyot first. The next one, Mechte navstrechu, is Karyukov again.",
            ("Mechte navstrechu", "directed_by", "Mikhail Karyukov"),
        ),
        (
            "Then Nebo Zovyot, which Aleksandr Kozyr co-directed with Mikhail Karyukov.",
            ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr"),
        ),
    ],
)
def test_jobs_said_with_on_of_and_co_verbs(extractor, text, expected):
    assert expected in _found(_claims(extractor, text))


def test_two_actors_who_played_two_parts_pair_in_order(extractor):
    text = (
        "Nebo Zovyot is back. Ivan Pereverzev and Aleksandr Shvorin, who played Kornev and "
        "Gordienko, are great."
    )
    parts = {c.value: c.role for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert parts == {"Ivan Pereverzev": "Kornev", "Aleksandr Shvorin": "Gordienko"}


def test_a_country_said_of_a_release_is_only_doubtfully_the_films(extractor):
    text = "Per Aspera Ad Astra is long. It was cut down for American release as Humanoid Woman."
    countries = [c for c in _claims(extractor, text) if c.relation is Relation.COUNTRY]
    assert countries
    assert all(c.confidence < CONFIDENT for c in countries)


def test_a_titles_own_head_word_names_the_film_in_talk(extractor):
    text = "Showing Otroki tonight. Otroki is Viktorov again, and Chernyshev did the music."
    found = _found(_claims(extractor, text))
    assert ("Teens in the Universe", "music_by", "Vladimir Chernyshev") in found


@pytest.mark.parametrize(
    "text",
    [
        # the head of another, longer title, or a subtitle, is no short title either
        "Viktorov later shot Vozvrashchenie Zari in 1978.",
        "A television remake, Vozvrashchenie na Veneru, was made at Lenfilm in 1977.",
        "A follow-up, Ikarie: Vozvrashchenie, was shot by Polák in 1966.",
    ],
)
def test_a_head_word_inside_another_name_names_no_film(extractor, text):
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.subject == "Return from Orbit"]


def test_a_head_word_the_story_names_something_with_names_no_film():
    from questions.mentions import Gazetteer

    gazetteer = Gazetteer(load_default_catalogue())
    text = "The Ikarie carries forty people; Otroki is the sequel."
    assert [m.text for m in gazetteer.known(text) if m.kind == "film"] == ["Otroki"]


def test_films_listed_after_a_makers_name_and_a_colon_are_theirs(extractor):
    text = "More from Karyukov: Nebo Zovyot, made in Kiev, and the later Mechte navstrechu."
    claims = [c for c in _claims(extractor, text) if c.value == "Mikhail Karyukov"]
    assert {c.subject for c in claims} == {"Nebo Zovyot", "Mechte navstrechu"}
    assert all(c.confidence < CONFIDENT for c in claims)


def test_a_clause_after_a_makers_name_and_a_colon_lists_no_more_films(extractor):
    text = "Then back to Karyukov: Mechte navstrechu ended up inside Queen of Blood."
    subjects = {c.subject for c in _claims(extractor, text) if c.value == "Mikhail Karyukov"}
    assert subjects == {"Mechte navstrechu"}


def test_names_in_its_credits_are_credited_as_the_references_credit_them(extractor):
    text = "Nebo Zovyot was cut up in America. Its credits name Karyukov and Kozyr."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Mikhail Karyukov") in found
    assert ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr") in found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a maker of a film's version is not the film's maker
        (
            "Francis Ford Coppola was the director of Nebo Zovyot's American version.",
            lambda c: c.subject == "Nebo Zovyot" and c.confidence >= CONFIDENT,
        ),
        # a work about a film by someone, or an actor "by", credits nobody on the film
        ("A new essay on Solaris by Natalya Bondarchuk.", lambda c: c.relation is Relation.CAST),
        (
            "I found a signed photo from Kin-dza-dza! by Levan Gabriadze.",
            lambda c: c.relation is Relation.CAST,
        ),
        # two credits and a comma, then a verb: the names are the sentence's subject
        (
            "Kin-dza-dza! (1986)\nTarkovsky, 1972, was the last time Mosfilm tried this.",
            lambda c: c.value in {"Andrei Tarkovsky", "1972"},
        ),
        # a film after "and" that starts a clause of its own is not in the maker's list
        (
            "Viktorov directed Moscow-Cassiopeia, and Teens in the Universe followed in 1975.",
            lambda c: c.subject == "Teens in the Universe" and c.relation is Relation.DIRECTED_BY,
        ),
        (
            "Kancheli scored Kin-dza-dza! and Solaris had Artemyev.",
            lambda c: c.subject == "Solaris" and c.value == "Gia Kancheli",
        ),
        # a studio said of something other than the film
        (
            "Guest from the Future is a TV serial; the studio that wanted it most was Mosfilm.",
            lambda c: c.relation is Relation.STUDIO,
        ),
        # two names for two films are paired nowhere
        (
            "Kin-dza-dza! and Guest from the Future are cult. They were Georgiy Daneliya and "
            "Pavel Arsenov.",
            lambda c: c.relation is Relation.DIRECTED_BY,
        ),
        # a heading of what someone said of a film's music, or a question, is no credit
        (
            "Tarkovsky on the music of Solaris: he wanted none at all.",
            lambda c: c.relation is Relation.MUSIC_BY,
        ),
        ("Solaris again. Banionis on the synths? No.", lambda c: c.relation is Relation.MUSIC_BY),
        # someone pointed at whom the references credit with nothing on the film
        (
            "Solaris was on the programme. The first man in space? That was Yuri Gagarin.",
            lambda c: c.value == "Yuri Gagarin",
        ),
    ],
)
def test_sentences_a_second_reading_found_misread(extractor, text, wrong):
    assert not [c for c in _claims(extractor, text) if wrong(c)]


def test_a_person_something_is_named_after_is_credited_with_nothing(extractor):
    text = (
        "Nebo Zovyot came from Kiev. The studio there, named after the director Alexander "
        "Dovzhenko, made it."
    )
    assert not [c for c in _claims(extractor, text) if c.value == "Alexander Dovzhenko"]


def test_a_film_that_turned_up_or_was_issued_under_another_title(extractor):
    text = "Per Aspera Ad Astra is great. In the States it turned up as Humanoid Woman."
    found = _found(_claims(extractor, text))
    assert ("Per Aspera Ad Astra", "also_known_as", "Humanoid Woman") in found
    text = "Planeta Bur is great. AIP issued it on video as Voyage to the Prehistoric Planet."
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found


def test_the_year_a_book_came_out_is_not_the_films(extractor):
    text = "Guest from the Future is great. Bulychev's book came out in 1978."
    found = _found(_claims(extractor, text))
    assert not any(r == "release_year" for _, r, _ in found)
    assert ("One Hundred Years Ahead", "published_year", "1978") in found
    # ... but a film made of the book is the clause's subject
    text = "Guest from the Future is great. The film of Bulychev's book came out in 1985."
    found = _found(_claims(extractor, text))
    assert ("Guest from the Future", "release_year", "1985") in found
    assert not any(r == "published_year" for _, r, _ in found)


def test_peoples_words_before_a_coproduction_or_a_job_are_its_countries(extractor):
    for noun in ("coproduction", "job"):
        text = f"Pilot Pirx's Inquest is good. It was a Polish-Soviet {noun}, shot in Tallinn."
        found = _found(_claims(extractor, text))
        assert ("Pilot Pirx's Inquest", "country", "Poland") in found
        assert ("Pilot Pirx's Inquest", "country", "Soviet Union") in found


def test_the_cartoon_is_the_animated_film_named_last_even_in_a_reply(extractor):
    text = (
        "Guest from the Future and The Mystery of the Third Planet both have Alisa.\n\n"
        "Per Aspera Ad Astra is another thing entirely.\n\n"
        "Olga Gromova voices Alisa in the cartoon."
    )
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "cast", "Olga Gromova") in found
    assert ("The Mystery of the Third Planet", "animated", "True") in found
    assert not any(s == "Per Aspera Ad Astra" and r != "plot" for s, r, _ in found)


def test_terse_credits_go_to_the_one_film_their_post_names_not_the_threads_topic(extractor):
    text = (
        "Thread: Eastern bloc space films that aren't Solaris?\n\n"
        "anna (13:48):\n"
        "Nobody's mentioned cartoons, so: The Mystery of the Third Planet. Kachanov, 1981, "
        "Soyuzmultfilm, and Zatsepin's music is unreal."
    )
    found = _found(_claims(extractor, text))
    film = "The Mystery of the Third Planet"
    for relation, value in (
        ("directed_by", "Roman Kachanov"),
        ("release_year", "1981"),
        ("studio", "Soyuzmultfilm"),
        ("music_by", "Aleksandr Zatsepin"),
    ):
        assert (film, relation, value) in found
    assert not any(s == "Solaris" for s, _, _ in found)


def test_a_studio_before_job_or_coproduction_is_the_films_studio(extractor):
    text = "First Flight to the Stars is fine. It's a Mosfilm job and we run it before features."
    found = _found(_claims(extractor, text))
    assert ("First Flight to the Stars", "studio", "Mosfilm") in found


def test_both_scores_and_a_part_played_in_both_films(extractor):
    pair = "Moscow-Cassiopeia and Teens in the Universe are a pair. "
    found = _found(_claims(extractor, pair + "Both scores are by Vladimir Chernyshev."))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "music_by", "Vladimir Chernyshev") in found
    text = (
        pair + 'Innokenty Smoktunovsky plays the enigmatic I.O.O., the "Acting Officer of '
        'Special Responsibilities", in both films.'
    )
    found = _found(_claims(extractor, text))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "cast", "Innokenty Smoktunovsky") in found
    # "the two singers" are no films: only the film spoken of
    text = (
        "Solaris is long. Kin-dza-dza! is funny. Leonov is Uef, one of the two scruffy "
        "singers with the pepelats."
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert {c.subject for c in cast} == {"Kin-dza-dza!"}
    assert not any("'both'" in c.attribution or "two" in c.attribution for c in cast)


def test_a_makers_co_production_or_job_and_a_peoples_masterpiece(extractor):
    text = (
        "5. Pilot Pirx's Inquest (Test pilota Pirxa)\n"
        "Marek Piestrak's Polish-Soviet co-production turns Lem's story into a thriller."
    )
    found = _found(_claims(extractor, text))
    assert ("Pilot Pirx's Inquest", "directed_by", "Marek Piestrak") in found
    text = "3. Ikarie XB-1\nJindřich Polák's Czechoslovak masterpiece, made at Barrandov."
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "country", "Czechoslovakia") in found


def test_the_second_studio_of_a_list_and_a_makers_film_of_an_authors_novel(extractor):
    text = (
        "5. Pilot Pirx's Inquest\n"
        "Marek Piestrak's co-production, made with Tallinnfilm and the Dovzhenko studio, is tense."
    )
    studios = {v for s, r, v in _found(_claims(extractor, text)) if r == "studio"}
    assert studios == {"Tallinnfilm", "Dovzhenko studio"}
    text = (
        "1. The Andromeda Nebula (1967)\n"
        "Yevgeni Sherstobitov's film of Ivan Yefremov's novel is slow, stiff and gorgeous."
    )
    found = _found(_claims(extractor, text))
    assert ("The Andromeda Nebula", "based_on", "Andromeda (novel by Ivan Yefremov)") in found
    # ... but a film of another author's novel adapts nothing the references know
    text = text.replace("Ivan Yefremov's", "Stanisław Lem's")
    assert not any(r == "based_on" for _, r, _ in _found(_claims(extractor, text)))


def test_an_unknown_name_said_with_a_possessive_is_the_name(extractor):
    text = (
        "Voyage to the Planet of Prehistoric Women is odd. It comes with Ronald Stein's new "
        "library-music score slapped over it."
    )
    found = _found(_claims(extractor, text))
    assert ("Voyage to the Planet of Prehistoric Women", "music_by", "Ronald Stein") in found
    assert not any(v.endswith("'s") for _, _, v in found)


def test_a_bare_studio_said_of_both_and_films_listed_with_their_years(extractor):
    text = (
        "Moscow-Cassiopeia and Teens in the Universe are a pair.\n\nNo, Gorky studio, both of them."
    )
    found = _found(_claims(extractor, text))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "studio", "Gorky studio") in found
    # "both of them" in the middle of a clause is no statement of two films
    text = "Solaris and Stalker are great. Banionis and Grinko, both of them great actors."
    assert not _claims(extractor, text) or not any(
        r == "cast" for _, r, _ in _found(_claims(extractor, text))
    )
    text = (
        "Line-up: Der schweigende Stern (1960), Eolomea, Signale - Ein Weltraumabenteuer and "
        "Im Staub der Sterne. All four are DEFA productions."
    )
    found = _found(_claims(extractor, text))
    assert not any(r == "also_known_as" for _, r, _ in found)
    studios = {s for s, r, v in found if r == "studio" and v == "DEFA"}
    assert len(studios) == 4


def test_a_part_named_as_the_synopses_spell_it(extractor):
    found = _found(_claims(extractor, "Solaris is slow. Snaut is Jüri Järvet."))
    assert ("Solaris", "cast", "Jüri Järvet") in found


def test_a_name_after_the_year_in_a_titles_brackets_is_its_director_with_doubt(extractor):
    text = "Older: Cosmic Voyage (1936, Vasili Zhuravlyov), from Tsiolkovsky, goes to the Moon."
    credits = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in credits] == [("Cosmic Voyage", "Vasili Zhuravlyov")]
    assert all(c.confidence < CONFIDENT for c in credits)
    # an actor named with a cue is no director
    text = "Solaris (1972, with Donatas Banionis) is long."
    assert not any(c.relation is Relation.DIRECTED_BY for c in _claims(extractor, text))


def test_a_film_also_by_a_person_after_its_bracketed_year(extractor):
    for text in (
        "Signals: An Adventure in Space (1970), also by Kolditz, is fun.",
        "Signals: An Adventure in Space, also by Kolditz, is fun.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Signals: An Adventure in Space", "directed_by", "Gottfried Kolditz") in found


def test_a_surname_written_with_marks_the_references_leave_out(extractor):
    text = "Signals: An Adventure in Space is fun. Mitić plays Terry, a young crewman."
    found = _found(_claims(extractor, text))
    assert ("Signals: An Adventure in Space", "cast", "Gojko Mitic") in found
    # ... while an English word is no name written without its marks ("Part" is not Pärt)
    text = 'It was released as "The Andromeda Nebula, Part 1".'
    assert not any(
        c.relation is not Relation.PLOT and "Pärt" in c.value for c in _claims(extractor, text)
    )


def test_a_date_is_read_whole_for_the_films_year_and_day(extractor):
    for text in (
        "Nebo Zovyot is great. It opened on 12 September 1959.",
        "Nebo Zovyot is great. It opened on September 12th, 1959.",
        "Nebo Zovyot is great. It opened on Sept. 12, 1959.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Nebo Zovyot", "release_year", "1959") in found
        assert ("Nebo Zovyot", "release_date", "1959-09-12") in found
    # a month alone gives the year only; a place before a year is no month
    found = _found(_claims(extractor, "Nebo Zovyot is great. It opened in September 1959."))
    assert ("Nebo Zovyot", "release_year", "1959") in found
    assert not any(r == "release_date" for _, r, _ in found)


def test_a_wrong_day_of_release_is_contradicted_not_taken_for_a_namesake():
    catalogue = load_default_catalogue()
    claims = Extractor(catalogue).extract(
        Document("d", "Nebo Zovyot is great. It opened on 12 October 1959.")
    )
    assessed = verify_claims(claims, CatalogueVerifier(catalogue))
    [day] = [a for a in assessed if a.claim.relation is Relation.RELEASE_DATE]
    assert day.verdict is Verdict.CONTRADICTED
    assert day.correct_value == "1959-09-12"


def test_the_year_after_where_and_by_whom_a_film_was_made(extractor):
    text = (
        "Nebo Zovyot was made at the Odessa Film Studio by Mikhail Karyukov and Aleksandr "
        "Kozyr in 1959."
    )
    assert ("Nebo Zovyot", "release_year", "1959") in _found(_claims(extractor, text))
    # ... but not a year said of the people who made it
    text = "Nebo Zovyot was made by Karyukov, who was born in 1914."
    assert not any(r == "release_year" for _, r, _ in _found(_claims(extractor, text)))
    # ... nor the year someone directed another work (a second reading's sentences)
    for text in (
        "Solaris (1972) was followed by Stalker, directed by Andrei Tarkovsky in 1979.",
        "Ikarie XB-1 is Polák's. In the theatre a play was directed by Jindřich Polák in "
        "Prague in 1957.",
        "Dead Mountaineer's Hotel is a thriller. Jüri Järvet, Snaut in Solaris, was directed by "
        "Grigori Kromanov in 1979.",
    ):
        assert not _contradicted(extractor, text), text


@pytest.mark.parametrize(
    ("text", "film", "year", "sure"),
    [
        # (where it came from, perhaps not when it came out)
        (
            "Aelita came out of the Mezhrabpom-Rus studio in Moscow in 1924.",
            "Aelita",
            "1924",
            False,
        ),
        ("Solaris was directed by Andrei Tarkovsky at Mosfilm in 1972.", "Solaris", "1972", False),
        (
            "I rewatched it. It was directed by Tarkovsky in 1972. Solaris is long.",
            "Solaris",
            "1972",
            False,
        ),
        ("Eolomea, directed by Herrmann Zschoche in 1972, is quiet.", "Eolomea", "1972", False),
        (
            "The best is Ikarie XB-1 (Voyage to the End of the Universe), which Jindřich Polák "
            "directed at Barrandov in 1963.",
            "Ikarie XB-1",
            "1963",
            False,
        ),
        (
            "Kin-dza-dza!, which Georgiy Daneliya and his crew shot at Mosfilm in 1986, is odd.",
            "Kin-dza-dza!",
            "1986",
            False,
        ),
    ],
)
def test_the_year_at_the_end_of_a_clause_that_made_the_film(extractor, text, film, year, sure):
    # a year of making (directed, shot) may not be the year of release: said with doubt
    assert _years(extractor, text) == {(film, year, sure)}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # the year goes with whatever the verb's subject is, not a film said before a comma
        (
            "Dead Mountaineer's Hotel is a thriller. Jüri Järvet, Snaut in Solaris, was directed "
            "by Grigori Kromanov in 1975.",
            "1975",
        ),
        ("Solaris (1972) was followed by Stalker, directed by Andrei Tarkovsky in 1979.", "1979"),
        (
            "Nebo Zovyot is fine. The monster scenes, directed by Coppola in 1962, are silly.",
            "1962",
        ),
        ("Solaris has a sequel of sorts, a stage play, which Tarkovsky directed in 1977.", "1977"),
        # another film named between the verb and the year
        ("Solaris was directed by Tarkovsky, who had made Ivan's Childhood in 1962.", "1962"),
    ],
)
def test_no_film_year_where_the_clause_made_something_else(extractor, text, year):
    assert year not in {y for _, y, _ in _years(extractor, text)}


def test_who_recycled_footage_as_a_film_is_credited_as_the_references_credit_them(extractor):
    text = (
        "Planeta Bur is great. Roger Corman later recycled the footage as Voyage to the "
        "Prehistoric Planet (1965)."
    )
    found = _found(_claims(extractor, text))
    assert ("Voyage to the Prehistoric Planet", "produced_by", "Roger Corman") in found
    # recycled into nothing named: the film spoken of is the one recycled, not his
    text = "Planeta Bur is great. Corman recycled this stuff a third time."
    assert not any(v == "Roger Corman" for _, _, v in _found(_claims(extractor, text)))


@pytest.mark.parametrize(
    ("text", "film"),
    [
        (
            "Planeta Bur got the full American hack job as Voyage to the Prehistoric Planet.",
            "Planeta Bur",
        ),
        (
            "Solaris is often called the Soviet reply to an American masterpiece, Kubrick's 2001.",
            "Solaris",
        ),
        (
            "Kin-dza-dza! is closer to a Polish satire than to anything else Mosfilm made.",
            "Kin-dza-dza!",
        ),
    ],
)
def test_a_peoples_word_describing_another_film_is_not_the_films_country(extractor, text, film):
    assert not any(
        c.relation is Relation.COUNTRY and c.subject == film for c in _claims(extractor, text)
    )


def test_another_version_comparison_or_remake_is_not_the_film_spoken_of(extractor):
    text = (
        "Solaris is great. In the 1968 Soviet television version of Solaris, Snaut was played "
        "by Vladimir Etush."
    )
    assert not any(c.subject == "Solaris" for c in _claims(extractor, text))
    text = "Solaris is great. Lem's book came out in 1961, and the film in 1972."
    found = _found(_claims(extractor, text))
    assert ("Solaris (novel)", "published_year", "1961") in found
    assert ("Solaris (novel)", "published_year", "1972") not in found
    text = (
        "After The Mystery of the Third Planet, I watched Kin-dza-dza! again. Its 2013 animated "
        "remake is good, and the music is again by Kancheli in the cartoon."
    )
    found = _found(_claims(extractor, text))
    assert not any(s == "The Mystery of the Third Planet" for s, _, _ in found)
    assert ("Kin-dza-dza!", "release_year", "2013") not in found
    text = (
        "Tarkovsky's Solaris (1972) is my favourite Soviet film.\n\n"
        "I'd compare it to Kin-dza-dza! for its strangeness. The score is by Eduard Artemyev."
    )
    score = [c for c in _claims(extractor, text) if c.relation is Relation.MUSIC_BY]
    assert not any(c.subject == "Kin-dza-dza!" and c.confidence >= CONFIDENT for c in score)


def test_a_studio_that_did_something_else_is_not_where_the_film_was_made(extractor):
    text = (
        "Dead Mountaineer's Hotel is great. It was shot at Tallinnfilm, Mosfilm having turned "
        "the script down."
    )
    studios = {v for _, r, v in _found(_claims(extractor, text)) if r == "studio"}
    assert studios == {"Tallinnfilm"}
    text = "Solaris is great. Mosfilm made it in 1972."
    assert ("Solaris", "studio", "Mosfilm") in _found(_claims(extractor, text))


def test_a_bracketed_name_the_references_credit_otherwise_takes_that_credit(extractor):
    found = _found(_claims(extractor, "Solaris (1972, Donatas Banionis) is long."))
    assert ("Solaris", "cast", "Donatas Banionis") in found
    assert not any(r == "directed_by" for _, r, _ in found)
    found = _found(_claims(extractor, "Solaris (1972, Tarkovsky) is long."))
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found


def test_a_possessive_passes_words_describing_the_film_it_names(extractor):
    # a people's name, a year, an adjective between the maker and the title
    for text, film, maker in [
        (
            "Jindřich Polák's Czechoslovak Ikarie XB-1 was loosely based on Lem.",
            "Ikarie XB-1",
            "Jindřich Polák",
        ),
        (
            "Richard Viktorov's cheerful 1974 Moscow-Cassiopeia is fun.",
            "Moscow-Cassiopeia",
            "Richard Viktorov",
        ),
    ]:
        [credit] = [c for c in _claims(extractor, text) if c.value == maker]
        assert (credit.subject, credit.relation) == (film, Relation.DIRECTED_BY)
        assert credit.confidence < CONFIDENT
    # ... but not a verb or a noun of its own: "Corman's company released X" credits nobody
    text = "Roger Corman's company released Battle Beyond the Sun in 1962."
    assert not [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    # ... nor a book the references know, which its writer wrote
    text = "Guest from the Future came from Kir Bulychev's One Hundred Years Ahead."
    found = _found(_claims(extractor, text))
    assert ("One Hundred Years Ahead", "written_by", "Kir Bulychev") in found
    assert not any(r == "directed_by" for _, r, v in found if v == "Kir Bulychev")


def test_a_possessive_work_names_its_maker_whatever_cue_came_before(extractor):
    # "with" would make an actor of the maker of "Surin's drama"
    text = (
        "Return from Orbit closes the festival. We end with Aleksandr Surin's grounded drama "
        "about two cosmonauts."
    )
    found = _found(_claims(extractor, text))
    assert ("Return from Orbit", "directed_by", "Aleksandr Surin") in found
    assert ("Return from Orbit", "cast", "Aleksandr Surin") not in found
    # ... and a flick is a film too
    text = "Queen of Blood (1966), Curtis Harrington's vampire flick, reuses Soviet reels."
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in _found(
        _claims(extractor, text)
    )


def test_music_written_by_someone_is_their_score_not_their_book(extractor):
    text = (
        "Ikarie XB-1 is a 1963 Czechoslovak film. The score, which mixes electronic sounds "
        "with light dance music, was written by Zdeněk Liška."
    )
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "music_by", "Zdeněk Liška") in found
    assert not any(r in {"source_author", "written_by"} for _, r, v in found if v == "Zdeněk Liška")
    # ... and so does one whose aside lists two things ("voices and effects")
    text = (
        "Ikarie XB-1 is a 1963 Czechoslovak film. The score, which leans on voices and "
        "electronic effects, was written by Zdeněk Liška."
    )
    found = _found(_claims(extractor, text))
    assert ("Ikarie XB-1", "music_by", "Zdeněk Liška") in found
    assert not any(r in {"source_author", "written_by"} for _, r, v in found if v == "Zdeněk Liška")
    # the script or the novel written by someone stays writing, after music said of in a
    # clause of its own too
    text = "Solaris came out in 1972. The novel was written by Stanisław Lem."
    found = _found(_claims(extractor, text))
    assert not any(r == "music_by" for _, r, _ in found)
    # an aside of the music's own, whatever its "and", and "it" after the music, are the music's
    for text, composer in (
        (
            "The Silent Star (1960) is a film. The music, which critics and the public "
            "disliked, was written by Andrzej Markowski.",
            "Andrzej Markowski",
        ),
        (
            "Ikarie XB-1 (1963) is a film. The music is electronic and it was written by "
            "Zdeněk Liška.",
            "Zdeněk Liška",
        ),
        # any aside between commas, and a story the music is of, stay the music's
        (
            "Solaris (1972) is a film. The music, praised by critics, was written by "
            "Eduard Artemyev.",
            "Eduard Artemyev",
        ),
        (
            "Solaris (1972) is a film. The music, though sparse, was written by Eduard Artemyev.",
            "Eduard Artemyev",
        ),
        (
            "Guest from the Future (1985) is a serial. The theme song, heard at the end of the "
            "story, was written by Yevgeny Krylatov.",
            "Yevgeny Krylatov",
        ),
        (
            "Guest from the Future (1985) is a serial. The songs of the story were written by "
            "Yevgeny Krylatov.",
            "Yevgeny Krylatov",
        ),
        (
            "Planeta Bur (1962) is a film. The music, which critics disliked, was written by "
            "Johann Admoni and Aleksandr Chernov.",
            "Aleksandr Chernov",
        ),
    ):
        found = _found(_claims(extractor, text))
        assert any(r == "music_by" and v == composer for _, r, v in found), text
        assert not _contradicted(extractor, text), text
    # ... and "its source" after the music is the source's
    text = "Solaris (1972) is a film. The music is eerie and its source was written by Lem."
    assert not any(r == "music_by" for _, r, _ in _found(_claims(extractor, text)))
    # ... but not once the music was said to be by someone else
    text = "Solaris (1972) is a film. Its music is by Eduard Artemyev and it was written by Lem."
    found = _found(_claims(extractor, text))
    assert not any(r == "music_by" and "Lem" in v for _, r, v in found)
    for said in (
        "The music is eerie and the novel was written by Stanisław Lem.",
        "The music is sparse and eerie, while the novel was written by Stanisław Lem.",
        "The songs are lovely and catchy, but the book was written by Stanisław Lem.",
    ):
        found = _found(_claims(extractor, f"Solaris came out in 1972. {said}"))
        assert not any(r == "music_by" for _, r, _ in found), said


def test_a_description_after_a_title_up_to_its_year_is_that_titles(extractor):
    # the year of "The Silent Star, the East German film of 1958" is The Silent Star's,
    # whatever film the sentence is about
    text = (
        "Planeta Bur is a Soviet film. The film is set on Venus and is often named together "
        "with The Silent Star, the East German film of 1958 which also goes to Venus."
    )
    years = {
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation.value == "release_year"
    }
    assert years == {("The Silent Star", "1958")}


def test_a_novel_of_someone_is_their_book_and_a_film_made_after_it_adapts_it(extractor):
    for text, film, authors in [
        (
            "Planeta Bur is a Soviet film. The script was written by Alexander Kazantsev, "
            "after a novel of Kazantsev himself.",
            "Planeta Bur",
            {"Alexander Kazantsev"},
        ),
        (
            "Dead Mountaineer's Hotel is grim. Kromanov's film takes a novel of Arkady and "
            "Boris Strugatsky and turns it into a whodunnit.",
            "Dead Mountaineer's Hotel",
            {"Arkady Strugatsky", "Boris Strugatsky"},
        ),
    ]:
        found = _found(_claims(extractor, text))
        assert {v for s, r, v in found if (s, r) == (film, "source_author")} == authors
    # "made it after the novel of X": adapted from it, not released later than an event
    text = "Aelita is a silent film. Protazanov made it after the novel of Alexei Tolstoy."
    claims = _claims(extractor, text)
    assert ("Aelita", "source_author", "Alexei Tolstoy") in _found(claims)
    assert not [c for c in claims if c.relation is Relation.RELEASED_AFTER]
    # ... while "released two years after Sputnik 1" still is
    claims = _claims(extractor, "Nebo Zovyot was released two years after Sputnik 1.")
    assert [c.value for c in claims if c.relation is Relation.RELEASED_AFTER] == ["Sputnik 1"]


def test_a_release_day_given_after_the_place_it_opened_in_is_the_films(extractor):
    for text in [
        "Ikarie XB-1 is a film. The film opened in Czechoslovakia on 26 July 1963.",
        "Ikarie XB-1 is a film. It premiered in Prague on 26 July 1963.",
    ]:
        found = _found(_claims(extractor, text))
        assert ("Ikarie XB-1", "release_date", "1963-07-26") in found
        assert ("Ikarie XB-1", "release_year", "1963") in found
    # ... and a year after the place still is, however long the place's name
    text = "The Andromeda Nebula is a film. It was released in the Soviet Union in 1967."
    assert ("The Andromeda Nebula", "release_year", "1967") in _found(_claims(extractor, text))


def test_a_planet_the_story_sends_its_heroes_to_is_a_setting(extractor):
    for text in [
        "Kin-dza-dza! is a comedy. It sends a foreman and a student to the desert planet Pluke.",
        "Kin-dza-dza! is a comedy. Its heroes end up on Pluke, a desert.",
    ]:
        assert ("Kin-dza-dza!", "setting", "Pluke") in _found(_claims(extractor, text))


def test_a_place_a_story_travels_to_a_few_words_after_its_verb_is_a_setting(extractor):
    for text, place in [
        (
            "Ikarie XB-1 is a Czech film. The huge starship sets out for Alpha Centauri.",
            "Alpha Centauri",
        ),
        ("Planeta Bur is a film. It sends two small ships from the station to Venus.", "Venus"),
        ("Aelita is a silent film. His jealousy ends in a flight of his own to Mars.", "Mars"),
        ("Cosmic Voyage is a film. The old professor comes down on the Moon.", "the Moon"),
        ("Aelita is a silent film. It is an early Mars-landing picture.", "Mars"),
        ("Kin-dza-dza! is a comedy. The real adventure begins on Pluke.", "Pluke"),
    ]:
        assert (text.split(" is ")[0], "setting", place) in _found(_claims(extractor, text)), text
    for text in [
        # a word that starts another clause on the way: the place is not where it goes
        "Aelita is a silent film. Los dreams, and the bulletin he reads comes from Mars.",
        # a title that names a place
        "Nebo Zovyot is a film. In Britain it played as Mars Rescue, I believe.",
        # a place it never goes to, or only meant to
        "Queen of Blood is a film. Nobody in the crew ever stays on the Moon for long.",
        "Nebo Zovyot is a film. The planned Mars flight never happens.",
        "Nebo Zovyot is a film. The crew never gets as far as the surface of Mars.",
        # the place it leaves from, after the one it goes to
        "Planeta Bur is a film. Three American ships set off for Venus from a base on Mars.",
        # the world the film came out in
        "Queen of Blood is a film. It came out weeks after Luna 9 touched down on the Moon.",
    ]:
        claims = _claims(extractor, text)
        assert not [c for c in claims if c.relation is Relation.SETTING and c.value != "Venus"], (
            text
        )


def test_a_place_of_the_story_is_no_credit_that_silences_the_story(extractor):
    # a sentence that states a credit tells its story only with names the synopses tell;
    # a setting is the story itself, so the invented asteroid is still a story claim
    text = "Nebo Zovyot is a film. The Rodina flies to Mars and is stranded on the asteroid Zorba."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "setting", "Mars") in found
    assert ("Nebo Zovyot", "plot", "Zorba") in found


def test_the_second_part_is_the_sequel_of_the_film_just_spoken_of(extractor):
    for text in [
        "Moscow-Cassiopeia is fun. Next week we watch the second part, Teens in the Universe.",
        "Moscow-Cassiopeia is fun. The second part is Teens in the Universe.",
    ]:
        [sequel] = [c for c in _claims(extractor, text) if c.relation is Relation.SEQUEL]
        assert (sequel.subject, sequel.value) == ("Moscow-Cassiopeia", "Teens in the Universe")
        assert sequel.confidence < CONFIDENT  # which film's part is a guess: never blamed


def test_a_maker_named_again_after_a_title_takes_their_credit_there(extractor):
    text = "Then Guest from the Future (1985), again Arsenov, and Solaris, also Tarkovsky."
    found = _found(_claims(extractor, text))
    assert ("Guest from the Future", "directed_by", "Pavel Arsenov") in found
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    # a name the references credit with nothing there goes by what the sentence talks of
    text = "The other score to hear is Dead Mountaineer's Hotel (1979), also Arvo Pärt."
    [credit] = [c for c in _claims(extractor, text) if c.value == "Arvo Pärt"]
    assert credit.relation is Relation.MUSIC_BY
    assert credit.confidence < CONFIDENT


def test_a_song_or_theme_by_someone_names_the_composer(extractor):
    for text in [
        "Guest from the Future is a serial. The song Prekrasnoye Dalyoko is by Yevgeny Krylatov.",
        "Guest from the Future is a serial. The Krylatov theme song will be stuck in your head.",
    ]:
        found = _found(_claims(extractor, text))
        assert ("Guest from the Future", "music_by", "Yevgeny Krylatov") in found


def test_part_two_of_something_else_is_no_sequel(extractor):
    for text in [
        "I watched Moscow-Cassiopeia last night; part two of my marathon was Solaris.",
        "Moscow-Cassiopeia is charming. Part two of this review looks at Kin-dza-dza!.",
        "Teens in the Universe is fun. The second part of Moscow-Cassiopeia is Teens in the "
        "Universe.",
    ]:
        claims = _claims(extractor, text)
        assert not [
            c for c in claims if c.relation is Relation.SEQUEL and c.confidence >= CONFIDENT
        ]
        assert ("Teens in the Universe", "sequel", "Moscow-Cassiopeia") not in _found(claims)


def test_an_opening_in_a_named_country_is_only_doubted_as_the_films_year(extractor):
    text = "Ikarie XB-1 was made in 1963 and opened in the United States in 1964."
    [later] = [c for c in _claims(extractor, text) if c.value == "1964"]
    assert later.confidence < CONFIDENT  # an opening abroad: never held against the text


def test_music_named_in_one_clause_does_not_reach_a_writer_in_the_next(extractor):
    text = (
        "The songs in Guest from the Future are lovely, and the film was written by Kir Bulychev."
    )
    found = _found(_claims(extractor, text))
    assert ("Guest from the Future", "music_by", "Kir Bulychev") not in found


def test_a_possessive_verb_is_no_possessive_maker(extractor):
    # "Tarkovsky's unhappy with Solaris": "'s" is "is", and "with" describes nothing
    text = "Tarkovsky's unhappy with Solaris, he later said."
    assert not [c for c in _claims(extractor, text) if c.value == "Andrei Tarkovsky"]


def test_a_description_of_another_film_does_not_give_the_title_its_year(extractor):
    text = (
        "Voyage to the Prehistoric Planet, the re-edit of a film from 1962, added Basil Rathbone."
    )
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert all(c.attribution != "named in the sentence" for c in years)


def test_a_part_said_to_be_someones_character_casts_them_in_it(extractor):
    text = "Moscow-Cassiopeia is fun. Kozelkov is Aleksandr Grigoryev's character."
    [cast] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert (cast.subject, cast.value, cast.role) == (
        "Moscow-Cassiopeia",
        "Aleksandr Grigoryev",
        "Kozelkov",
    )
    # the wrong part is the document's error, caught
    text = "Solaris is long. Snaut is Donatas Banionis's character."
    [wrong] = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert wrong.role == "Snaut"


def test_footage_from_a_film_turning_up_in_another_is_no_sequel(extractor):
    text = "Footage from Moscow-Cassiopeia turns up in Solaris."
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.relation is Relation.SEQUEL]
    assert ("Moscow-Cassiopeia", "footage_used_in", "Solaris") in _found(claims)


def test_new_scenes_of_an_actor_cast_them_in_the_film_named_before(extractor):
    text = (
        "Planeta Bur is a Soviet film. Corman's company reused its footage in Voyage to the "
        "Prehistoric Planet (1966), with new scenes of Basil Rathbone."
    )
    [cast] = [c for c in _claims(extractor, text) if c.value == "Basil Rathbone"]
    assert (cast.subject, cast.relation) == ("Voyage to the Prehistoric Planet", Relation.CAST)
    assert cast.confidence < CONFIDENT


def test_whom_a_film_was_made_for_is_its_producer_with_doubt(extractor):
    for text in [
        "Queen of Blood is the little vampire movie Curtis Harrington made for Roger Corman.",
        "Harrington also made Queen of Blood for Roger Corman out of yet more Soviet footage.",
    ]:
        [made_for] = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
        assert (made_for.subject, made_for.relation) == ("Queen of Blood", Relation.PRODUCED_BY)
        assert made_for.confidence < CONFIDENT


def test_an_authors_name_before_the_word_book_names_who_wrote_the_book(extractor):
    text = (
        "Guest from the Future is a serial. It is based on the Bulychev book One Hundred "
        "Years Ahead."
    )
    found = _found(_claims(extractor, text))
    assert ("One Hundred Years Ahead", "written_by", "Kir Bulychev") in found
    assert ("Guest from the Future", "based_on", "One Hundred Years Ahead") in found


def test_a_film_described_as_someones_cartoon_or_series_names_its_maker(extractor):
    for text, film, maker in [
        (
            "I might add The Mystery of the Third Planet (1981), the Soyuzmultfilm cartoon by "
            "Roman Kachanov.",
            "The Mystery of the Third Planet",
            "Roman Kachanov",
        ),
        (
            "The Mystery of the Third Planet is a gem: it's a Roman Kachanov cartoon.",
            "The Mystery of the Third Planet",
            "Roman Kachanov",
        ),
        (
            "For me it was Gostya iz budushchego (Guest from the Future, 1985), the five-part "
            "series by Pavel Arsenov.",
            "Gostya iz budushchego",
            "Pavel Arsenov",
        ),
    ]:
        [credit] = [c for c in _claims(extractor, text) if c.value == maker]
        assert (credit.subject, credit.relation) == (film, Relation.DIRECTED_BY)
        assert credit.confidence < CONFIDENT
    # an unknown name before "cartoon" is no maker
    text = "Kachanov made the Third Planet cartoon at Soyuzmultfilm."
    assert not [c for c in _claims(extractor, text) if c.value == "Third Planet"]


def test_a_book_named_before_its_title_takes_the_year_in_brackets(extractor):
    text = "Lem's best-known novel, Solaris (1959), was filmed by Andrei Tarkovsky in 1972."
    years = {
        (c.relation.value, c.value) for c in _claims(extractor, text) if c.value in {"1959", "1972"}
    }
    assert ("published_year", "1959") in years
    assert ("release_year", "1959") not in years
    assert ("release_year", "1972") in years


def test_a_country_said_of_the_soviet_film_is_not_spread_over_both_versions(extractor):
    text = (
        "Planeta Bur is great. Voyage to the Prehistoric Planet and Voyage to the Planet of "
        "Prehistoric Women reuse it. In both versions the Venus of the Soviet film stays the "
        "setting."
    )
    countries = {c.subject for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}
    assert countries == {"Planeta Bur"}


def test_a_credits_line_led_by_an_unknown_title_is_only_doubted_of_the_film_spoken_of(extractor):
    text = (
        "CLOSING NIGHT\n\nKin-dza-dza!\nUSSR 1986 · Mosfilm · 135 min\n\nA dry satire.\n\n"
        "Preceded by: Planet of the Bells (Planeta kolokolov) · USSR 1983 · Soyuzmultfilm · "
        "12 min · Dir. Pyotr Lagin"
    )
    credits = [c for c in _claims(extractor, text) if c.value in {"1983", "Pyotr Lagin"}]
    assert credits
    assert all(c.confidence < CONFIDENT for c in credits)


def test_a_cast_list_of_actors_and_parts_joined_by_dashes(extractor):
    for text in [
        "Ikarie XB-1 is a film.\n\nCast\nZdeněk Štěpánek – Captain Vladimír Abajev\n"
        "Dana Medřická – Nina Kirová",
        "Ikarie XB-1 is a film. Zdeněk Štěpánek – Captain Vladimír Abajev; Dana Medřická – "
        "Nina Kirová.",
        # ... or by "as", each on its own line without a full stop (no heading); someone's
        # relative is no part of that someone
        "Ikarie XB-1 is a film.\n\nCast\n\nZdeněk Štěpánek as Captain Vladimír Abajev\n"
        "Dana Medřická as Nina Kirová\nJan Novák as Abajev's father",
    ]:
        parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
        assert parts == {
            ("Zdeněk Štěpánek", "Captain Vladimír Abajev"),
            ("Dana Medřická", "Nina Kirová"),
        }


def test_who_a_film_was_made_by_is_its_director_or_producer_as_the_references_say(extractor):
    text = "Nebo Zovyot (1959)\n\nIts US re-edit, Battle Beyond the Sun, was made by Roger Corman."
    [corman] = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    assert (corman.subject, corman.relation) == ("Battle Beyond the Sun", Relation.PRODUCED_BY)
    assert corman.confidence < CONFIDENT  # never blamed on the document


def test_a_part_of_another_film_in_a_cast_list_is_only_doubtfully_this_ones(extractor):
    text = (
        "Planeta Bur (1962)\n\nIn the American re-edit the crew got new names:\n"
        "Georgiy Zhzhonov as Hans Walters\nVladimir Yemelyanov as Brendan Lockhart"
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert {c.role for c in cast} == {"Hans Walters", "Brendan Lockhart"}
    assert all(c.confidence < CONFIDENT for c in cast)  # never blamed on the document


def test_a_question_whether_something_is_so_states_nothing_to_contradict(extractor):
    [asked] = _claims(extractor, "Was Mechte navstrechu made at Mosfilm?")
    assert (asked.relation, asked.value) == (Relation.STUDIO, "Mosfilm")
    assert asked.confidence < CONFIDENT  # asked, not said: never held against the text
    [said] = _claims(extractor, "Mechte navstrechu was made at Mosfilm.")
    assert said.confidence >= CONFIDENT


def test_a_film_that_came_out_abroad_as_another_is_that_re_edit_or_that_title(extractor):
    text = (
        "Nebo Zovyot is a Soviet film. Corman's people had it dubbed, and it came out in the "
        "United States in 1962 as Battle Beyond the Sun."
    )
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in _found(
        _claims(extractor, text)
    )
    text = (
        "Ikarie XB-1 is a film. It came out in the United States in 1964 as Voyage to the End "
        "of the Universe."
    )
    assert ("Ikarie XB-1", "also_known_as", "Voyage to the End of the Universe") in _found(
        _claims(extractor, text)
    )


def test_a_makers_verb_after_an_adverb_or_had_names_the_maker(extractor):
    for text, film in [
        (
            "Corman only produced Voyage to the Prehistoric Planet.",
            "Voyage to the Prehistoric Planet",
        ),
        (
            "Some shots came from Nebo Zovyot, which Corman had earlier turned into Battle "
            "Beyond the Sun.",
            "Battle Beyond the Sun",
        ),
    ]:
        found = _found(_claims(extractor, text))
        assert (film, "produced_by", "Roger Corman") in found


def test_the_second_readings_sentences_give_no_own_errors(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    for text in [
        # a phrase ending on "novel," before a title is no apposition naming the book
        "Based on the Strugatsky novel, Dead Mountaineer's Hotel (1979) was shot at Tallinnfilm.",
        "Like the Lem book, Solaris (1972) is slow.",
        # "had already directed" something unnamed: not the film spoken of
        "Voyage to the Planet of Prehistoric Women (1968) reuses Planeta Bur. Curtis Harrington "
        "had already directed an earlier version.",
    ]:
        verdicts = verify_claims(_claims(extractor, text), verifier)
        assert not [a for a in verdicts if a.verdict is Verdict.CONTRADICTED], text


def test_a_re_edit_named_with_new_scenes_gets_the_actor_not_its_source(extractor):
    text = "Harrington cut Mechte navstrechu and new footage of John Saxon into Queen of Blood."
    assert not [
        c
        for c in _claims(extractor, text)
        if c.subject == "Mechte navstrechu" and c.relation is Relation.CAST
    ]
    # a comparison is no release under another title
    text = "Voyage to the Prehistoric Planet went out in the same AIP-TV package as Queen of Blood."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN]


def _cast(claims: list[Claim]) -> set[tuple[str, str, str | None]]:
    return {(c.subject, c.value, c.role) for c in claims if c.relation is Relation.CAST}


def test_a_part_named_first_is_played_by_the_actor_after_is(extractor):
    # the actor's pet first name is part of the name, and an aside may describe the part
    text = (
        "Kin-dza-dza! (1986) is Danelia's comedy. Uef is Zhenya Leonov. Uncle Vova, the "
        "construction foreman stranded with a student, is Stanislav Lyubshin."
    )
    found = _cast(_claims(extractor, text))
    assert ("Kin-dza-dza!", "Yevgeni Leonov", "Uef") in found
    assert ("Kin-dza-dza!", "Stanislav Lyubshin", "Uncle Vova") in found
    # a first name that is not the person's names someone else
    assert not _cast(_claims(extractor, "Kin-dza-dza! (1986). Uef is Pavel Leonov."))


def test_he_or_she_is_the_one_person_the_sentence_before_named(extractor):
    text = (
        "Solaris (1972) again.\n\n> What about Banionis?\nHe's Kelvin, of course. And the "
        "lab scientist is someone else."
    )
    claims = _claims(extractor, text)
    played = [c for c in claims if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in played] == [("Donatas Banionis", "Kelvin")]
    # the claim quotes both lines, since the name is in the first
    quote = played[0].evidence.quote
    assert quote == text[played[0].evidence.start : played[0].evidence.end]
    assert "Banionis" in quote
    assert "He's Kelvin" in quote
    # "she's" is "she is", never an owner's: no film of hers
    text = "Aelita (1924).\n\n> Yuliya Solntseva was in the Protazanov one\nShe's in it, yes."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    # two people before: whom "he" stands for is not said
    text = "Solaris (1972).\n\n> Banionis or Solonitsyn?\nHe's Kelvin."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]


def test_a_part_corrected_for_another_actor_is_not_moved_to_the_first(extractor):
    text = (
        "Kin-dza-dza! (1986). Yevgeny Leonov plays Uef. So Yuri Yakovlev is Bi, not Uef, and "
        "nobody else."
    )
    found = _cast(_claims(extractor, text))
    assert not any(value.startswith("Yevgen") and role == "Bi" for _, value, role in found)


def test_a_title_and_another_title_share_the_name_after_them(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979). By morning Mr and Mrs Moses look less and less like "
        "tourists."
    )
    keys = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert {"Mr Moses", "Mrs Moses"} <= keys
    assert "Mr" not in keys


def test_credits_after_a_title_line_with_its_year_are_that_titles(extractor):
    # a section on one film, then a line on another: "Title (year). Directed by X."
    text = (
        "Planeta Bur\n\nRe-use of footage\n"
        "The film was cut up twice in America. Queen of Blood (1966). Directed by Curtis "
        "Harrington, produced by Roger Corman."
    )
    found = {
        (c.subject, c.relation.value, c.value, c.confidence >= CONFIDENT)
        for c in _claims(extractor, text)
    }
    assert ("Queen of Blood", "directed_by", "Curtis Harrington", True) in found
    assert ("Queen of Blood", "produced_by", "Roger Corman", True) in found
    assert not any(s == "Planeta Bur" and r == "directed_by" for s, r, _, _ in found)


def test_a_film_that_is_a_person_too_or_both_by_them(extractor):
    for text, films in [
        ("Kin-dza-dza! is Georgiy Daneliya as well, and very funny.", {"Kin-dza-dza!"}),
        (
            "Moscow-Cassiopeia and Teens in the Universe are both by Richard Viktorov.",
            {"Moscow-Cassiopeia", "Teens in the Universe"},
        ),
        (
            "Try Moscow-Cassiopeia and Teens in the Universe. Both by Richard Viktorov, and fun.",
            {"Moscow-Cassiopeia", "Teens in the Universe"},
        ),
    ]:
        claims = _claims(extractor, text)
        directed = {c.subject for c in claims if c.relation is Relation.DIRECTED_BY}
        assert directed == films, text
        # film talk, not a credit: never held against the document
        assert all(c.confidence < CONFIDENT for c in claims if c.relation is Relation.DIRECTED_BY)


def test_who_a_film_was_cut_by_or_handed_to_is_doubtfully_its_director(extractor):
    for text, film, person in [
        (
            "Later the same footage was cut up again by Peter Bogdanovich as Voyage to the "
            "Planet of Prehistoric Women.",
            "Voyage to the Planet of Prehistoric Women",
            "Peter Bogdanovich",
        ),
        (
            "For the American version, Battle Beyond the Sun, Corman handed the job to a young "
            "Francis Ford Coppola.",
            "Battle Beyond the Sun",
            "Francis Ford Coppola",
        ),
    ]:
        claims = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
        assert [(c.subject, c.value) for c in claims] == [(film, person)], text
        assert claims[0].confidence < CONFIDENT
    # handed an original's reels, in a review of its re-edit: the re-edit's director
    text = (
        "Queen of Blood (1966)\n\nCorman owned the Soviet film Mechte navstrechu and handed "
        "its reels to Curtis Harrington."
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Curtis Harrington"]
    assert [(c.subject, c.relation) for c in claims] == [("Queen of Blood", Relation.DIRECTED_BY)]
    # ... but one handed a job on the original made no re-edit
    text = (
        "Nebo Zovyot (1959)\n\nCorman later cut it into Battle Beyond the Sun. During the "
        "shoot Kozyr handed the job to Karyukov."
    )
    claims = [c for c in _claims(extractor, text) if c.value == "Mikhail Karyukov"]
    assert [c.subject for c in claims] == ["Nebo Zovyot"]
    # the original's own credit is never blamed on the document
    claims = _claims(extractor, "Nebo Zovyot was re-edited by Francis Ford Coppola.")
    assert all(c.confidence < CONFIDENT for c in claims if c.relation is Relation.DIRECTED_BY)


def test_films_listed_before_a_plural_verb_share_what_it_says(extractor):
    text = "Moscow-Cassiopeia and Teens in the Universe were directed by Richard Viktorov."
    directed = {c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY}
    assert directed == {"Moscow-Cassiopeia", "Teens in the Universe"}
    # a year in brackets belongs to its own title, not to the list
    text = "Moscow-Cassiopeia (1974) and Teens in the Universe (1975) are both Gorky productions."
    claims = _claims(extractor, text)
    years = {(c.subject, c.value) for c in claims if c.relation is Relation.RELEASE_YEAR}
    assert years == {("Moscow-Cassiopeia", "1974"), ("Teens in the Universe", "1975")}
    # a singular verb: only the film before it
    text = "I liked Solaris, and Kin-dza-dza! was directed by Georgiy Daneliya."
    directed = {c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY}
    assert directed == {"Kin-dza-dza!"}


def test_a_year_a_story_came_out_in_is_the_storys(extractor):
    text = (
        "Signals: An Adventure in Space (1970). The script is based on Asteroidenjäger, a story "
        "by Carlos Rasch that first came out in 1961."
    )
    claims = _claims(extractor, text)
    years = {(c.subject, c.relation.value, c.value) for c in claims if c.value == "1961"}
    assert years == {("Asteroidenjäger", "published_year", "1961")}


def _years(extractor: Extractor, text: str) -> set[tuple[str, str, bool]]:
    return {
        (c.subject, c.value, c.confidence >= CONFIDENT)
        for c in _claims(extractor, text)
        if c.relation is Relation.RELEASE_YEAR
    }


def _days(extractor: Extractor, text: str) -> set[tuple[str, str, bool]]:
    return {
        (c.subject, c.value, c.confidence >= CONFIDENT)
        for c in _claims(extractor, text)
        if c.relation is Relation.RELEASE_DATE
    }


def test_the_day_a_film_opened_somewhere(extractor):
    # where it opened, between the verb and the day: a showing, perhaps before its release,
    # so never held against the document
    for text in (
        "Aelita (1924). It opened at the Ars cinema in Moscow on 25 September 1924.",
        "Aelita (1924). Protazanov shot it in Moscow, and it premiered in the USSR on 25 "
        "September 1924.",
        "Aelita (1924) was first shown at a Moscow picture house on 25 September 1924.",
    ):
        assert _days(extractor, text) == {("Aelita", "1924-09-25", False)}, text
    # ... not a book's day, a disc's or a broadcast's
    for text in (
        "Solaris (1972). Lem's novel was published in Warsaw and released on 5 May 1961.",
        "Solaris (1972). It was released on DVD in Britain on 5 May 2002.",
        "Solaris (1972). It premiered on Soviet television on 5 May 1978.",
    ):
        assert not {d for _, d, sure in _days(extractor, text) if sure}, text
        assert not _contradicted(extractor, text), text


def test_a_year_said_of_a_film_in_talk(extractor):
    # talk: mostly the film's year, never held against the document (a version's, a book's)
    assert _years(extractor, "Kin-dza-dza! is the 1986 one, with Leonov, yes?") == {
        ("Kin-dza-dza!", "1986", False)
    }
    assert _years(extractor, "Aelita goes to Mars, not Venus, and it's 1924.") == {
        ("Aelita", "1924", False)
    }
    assert _years(extractor, "Solaris is the 1961 one.") == {("Solaris", "1961", False)}
    # the story's time, not the film's
    assert not _years(extractor, "Solaris is set far ahead, and it's 2050 there, and it rains.")
    # "followed in" right after the title: its year; after another work, not the film's
    assert _years(extractor, "Then Tarkovsky's Solaris followed in 1972.") == {
        ("Solaris", "1972", False)
    }
    years = _years(extractor, "Mechte navstrechu (1963). A sequel on the Moon followed in 1971.")
    assert years == {("Mechte navstrechu", "1963", True)}
    # ", and it opened on": said of the film, surely
    assert _years(extractor, "Aelita was made at Mezhrabpom-Rus, and it opened in 1924.") == {
        ("Aelita", "1924", True)
    }


def test_a_surname_with_its_suffix_names_its_one_person(extractor):
    # "Vladimir Basov Jr.": "Basov Jr." or "Basov junior" names him, not the bare surname
    # nor "Basov Sr." (his father has his first name and surname too)
    for text in [
        "Moscow-Cassiopeia (1974). Basov junior plays Lobanov.",
        "Moscow-Cassiopeia (1974). Volodya Basov Jr. is Lobanov.",
    ]:
        assert _cast(_claims(extractor, text)) == {
            ("Moscow-Cassiopeia", "Vladimir Basov Jr.", "Lobanov")
        }, text
    for text in [
        "Moscow-Cassiopeia (1974). Basov is Lobanov.",
        "In Moscow-Cassiopeia, Basov Sr. plays Lobanov.",
    ]:
        assert not any(v == "Vladimir Basov Jr." for _, v, _ in _cast(_claims(extractor, text)))


def test_her_or_him_after_plays_is_the_one_character_named_just_before(extractor):
    text = (
        "Per Aspera Ad Astra (1981).\n\nThe starship finds a derelict full of dead clones, "
        "and the one survivor is a girl called Niya. Yelena Metyolkina plays her."
    )
    claims = _claims(extractor, text)
    played = [c for c in claims if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in played] == [("Yelena Metyolkina", "Niya")]
    assert "called Niya" in played[0].evidence.quote  # the name is in the sentence before
    assert not [c for c in claims if c.relation is Relation.PLOT and c.value == "her"]
    # two characters before: whom "her" stands for is not said
    text = "Solaris (1972). Kelvin meets Hari on the station. Natalya Bondarchuk plays her."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST and c.role]


def test_a_part_named_by_a_pronoun_no_name_tells_is_still_a_part_in_the_film(extractor):
    def cast(text: str) -> set[tuple[str, str, str | None]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value, c.role) for c in claims if c.relation is Relation.CAST}

    for text in [
        "Solaris (1972)\n\nKelvin meets a copy of his dead wife. Natalya Bondarchuk plays her "
        "with a frightening calm.",
        "Solaris (1972)\n\nKelvin meets a copy of his dead wife. She is played by Natalya "
        "Bondarchuk.",
        "Solaris (1972)\n\nThe copy of his wife appears in his cabin; Natalya Bondarchuk plays "
        "her, and the film is hers.",
    ]:
        assert cast(text) == {("Solaris", "Natalya Bondarchuk", None)}, text
    for text in [
        # another part, owned by the pronoun
        "Solaris (1972)\n\nKelvin visits his father, and Natalya Bondarchuk plays his mother.",
        "Solaris (1972)\n\nKelvin's wife is dead. Natalya Bondarchuk plays her mother.",
        # denied
        "Solaris (1972)\n\nKelvin meets a copy of his wife. Natalya Bondarchuk never plays her.",
        "Solaris (1972)\n\nKelvin meets a copy of his wife. She isn't played by Natalya "
        "Bondarchuk.",
        # asked, believed, heard, or said of a part in another film
        "Solaris (1972)\n\nKelvin's mother appears in a dream. Natalya Bondarchuk plays her?",
        "Solaris (1972)\n\nI always thought Natalya Bondarchuk played her, but I was wrong.",
        "Solaris (1972)\n\nSome sites say Natalya Bondarchuk plays her; they are wrong.",
        "Solaris (1972)\n\nIn the remake Natalya Bondarchuk plays her.",
    ]:
        assert not cast(text), text


def test_a_name_in_the_voice_cast_past_an_aside_is_in_the_cast(extractor):
    def cast(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.CAST}

    # "turns up too" and "is in there too" say nothing for sure (a premiere, a documentary,
    # a letter may be what someone turned up at or in): not read
    assert not cast("Queen of Blood (1966)\n\nDennis Hopper turns up too, in a small part.")
    assert not cast("Planeta Bur (1962)\n\nYuri Sarantsev is in there too, as a cosmonaut.")
    text = (
        "The Mystery of the Third Planet (1981)\n\nVasily Livanov (yes, that Sherlock Holmes) "
        "is in the voice cast as well."
    )
    assert cast(text) == {("The Mystery of the Third Planet", "Vasily Livanov")}
    # arriving somewhere is a deed, not a part
    text = "Dead Mountaineer's Hotel (1979)\n\nLater Jüri Järvet turns up at the hotel door."
    assert not cast(text)
    for text in [
        # the name is another thing's object: what turns up is a book, a score, a letter
        "The Andromeda Nebula (1967)\n\nThe source novel by Ivan Yefremov is in there too.",
        "Kin-dza-dza! (1986)\n\nMusic by Gia Kancheli turns up too.",
        "Queen of Blood (1966)\n\nA signed photo of John Saxon turned up too.",
        # asked, supposed, in another film or another clause's film
        "Queen of Blood (1966)\n\nDennis Hopper turns up too?",
        "Solaris (1972)\n\nIf Banionis turns up too, I'll eat my hat.",
        "Moscow-Cassiopeia (1973)\n\nIn the sequel Innokenty Smoktunovsky turns up too.",
        "Voyage to the Prehistoric Planet (1965)\n\nIn the Soviet original, Georgiy Zhzhonov "
        "(later a star) is in the cast.",
        "Dead Mountaineer's Hotel (1979)\n\nThe Solaris DVD has interviews; Jüri Järvet turns "
        "up too.",
    ]:
        assert not {c for c in cast(text) if c[0] != "Solaris" or "Solaris (1972)" in text}, text
    # the source is still read where the name is its author's
    text = "The Andromeda Nebula (1967)\n\nThe source novel by Ivan Yefremov is in there too."
    assert ("The Andromeda Nebula", "source_author", "Ivan Yefremov") in _found(
        _claims(extractor, text)
    )


def test_actors_listed_with_one_given_a_part_are_in_the_same_cast(extractor):
    def cast(text: str) -> set[tuple[str, str, str | None]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value, c.role) for c in claims if c.relation is Relation.CAST}

    text = (
        "Queen of Blood (1966)\n\nJohn Saxon, Basil Rathbone and a very young Dennis Hopper "
        "as Paul Grant fill the American scenes."
    )
    assert cast(text) == {
        ("Queen of Blood", "John Saxon", None),
        ("Queen of Blood", "Basil Rathbone", None),
        ("Queen of Blood", "Dennis Hopper", "Paul Grant"),
    }
    text = (
        "Queen of Blood (1966)\n\nJohn Saxon, Judi Meredith (Laura James) and Dennis Hopper "
        "take the little ship to Phobos."
    )
    assert ("Queen of Blood", "John Saxon", None) in cast(text)
    # a director listed first is not given the part's film as an actor
    text = "Solaris (1972)\n\nAndrei Tarkovsky and Donatas Banionis as Kelvin went to Tallinn."
    assert ("Solaris", "Andrei Tarkovsky", None) not in cast(text)
    # the others are not in the cast where the list is of another film, asked or a choice
    for text in [
        "Teens in the Universe (1975)\n\nVasili Merkuryev, Lev Durov and Innokenty "
        "Smoktunovsky as Io-O were in the first film; only Smoktunovsky returns.",
        "Voyage to the Prehistoric Planet (1965)\n\nFaith Domergue, Basil Rathbone and John "
        "Saxon as Allan Brenner in Queen of Blood: Corman's stock company.",
        "Kin-dza-dza! (1986)\n\nYevgeni Leonov, Jüri Järvet and Stanislav Lyubshin as Uncle "
        "Vova were all considered.",
        "Queen of Blood (1966)\n\nDid John Saxon, Basil Rathbone and Dennis Hopper as Paul "
        "Grant really need the Soviet footage?",
    ]:
        assert not {c for c in cast(text) if c[2] is None}, text


def test_an_aside_crediting_a_maker_with_other_films_credits_each_of_them(extractor):
    def credits(text: str) -> set[tuple[str, str, str]]:
        makers = {Relation.DIRECTED_BY, Relation.PRODUCED_BY}
        return {
            (c.subject, c.relation.value, c.value)
            for c in _claims(extractor, text)
            if c.relation in makers
        }

    text = (
        "Per Aspera Ad Astra (1981)\n\nViktorov, who had made Moscow-Cassiopeia and Teens in "
        "the Universe for children a decade before, died two years after its release."
    )
    assert {
        ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov"),
        ("Teens in the Universe", "directed_by", "Richard Viktorov"),
    } <= credits(text)
    text = (
        "Per Aspera Ad Astra (1981)\n\nRichard Viktorov, who before did the two "
        "Moscow-Cassiopeia films, shot this one at the Gorky studio."
    )
    assert ("Moscow-Cassiopeia", "directed_by", "Richard Viktorov") in credits(text)
    # "directed" says it outright: a wrong credit is the document's
    text = "Planeta Bur (1962)\n\nKlushantsev, who had directed Nebo Zovyot, made it in 1962."
    assert [c.value for c in _contradicted(extractor, text)] == ["Pavel Klushantsev"]
    for text in [
        "Planeta Bur (1962)\n\nKlushantsev, who never made Nebo Zovyot, made it in 1962.",
        "Planeta Bur (1962)\n\nKlushantsev, who had made his name with Nebo Zovyot, made it.",
        "Planeta Bur (1962)\n\nWas it Klushantsev, who had made Nebo Zovyot, who made it?",
        # hearsay in the aside, and the film's footage, re-edit or fate rather than the film
        "Planeta Bur (1962)\n\nKlushantsev, who directed Nebo Zovyot according to some sites "
        "(wrongly), made it in 1962.",
        "Planeta Bur (1962)\n\nKlushantsev, who directed Nebo Zovyot's rocket effects, made it.",
        "Planeta Bur (1962)\n\nCoppola, who directed the first Nebo Zovyot re-edit, was young.",
        "Planeta Bur (1962)\n\nCorman, who made Nebo Zovyot into an American film, was busy.",
    ]:
        assert not {c for c in credits(text) if c[0] == "Nebo Zovyot"}, text
    text = (
        "Queen of Blood (1966)\n\nHe handed it to Curtis Harrington, who had made Voyage to "
        "the Prehistoric Planet out of Planeta Bur the year before."
    )
    assert ("Voyage to the Prehistoric Planet", "directed_by", "Curtis Harrington") in credits(text)


def test_a_year_in_brackets_after_a_work_named_by_its_kind_is_that_works(extractor):
    # a work the references do not know: its year is not the film's the section is on
    text = (
        "RETURN FROM ORBIT\n\nThe evening opens with Surin's little-known documentary short "
        "Zvyozdny gorodok, utro (1981), made at the same studio."
    )
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    # a book named after "novel", the film of the same title on the page: the book's year
    for text in [
        "Solaris\n\nLem's novel Solaris (1961) is long.",
        "Solaris\n\nThe novel Solaris (1961) is long, the film longer.",
    ]:
        found = _found(_claims(extractor, text))
        assert ("Solaris", "release_year", "1961") not in found, text
        assert not _contradicted(extractor, text), text
    # a known title after its kind keeps its year
    text = "Solaris\n\nTarkovsky's film Solaris (1972) is long."
    assert ("Solaris", "release_year", "1972") in _found(_claims(extractor, text))
    # ... and a film of the book, or a story that is no book, keeps the film's year
    for text in [
        "Solaris\n\nTarkovsky's adaptation of the Lem novel Solaris (1972) won at Cannes.",
        "Aelita\n\nThe film of the novel Aelita (1924) has Constructivist sets.",
        "Solaris (1972)\n\nTarkovsky's ghost story Solaris (1972) is really about memory.",
    ]:
        found = _found(_claims(extractor, text))
        assert {f for f in found if f[1] == "release_year"}, text
        assert not {f for f in found if f[1] == "published_year"}, text


def test_into_a_place_or_a_state_is_no_re_edit_into_the_film_named_later(extractor):
    def footage(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.FOOTAGE_USED_IN}

    for text in [
        "Signals: An Adventure in Space (1970)\n\nIt was directed by Gottfried Kolditz, who "
        "went back into space six years later with In the Dust of the Stars.",
        "Nebo Zovyot (1959)\n\nThe film slips into the story its writer imagines, while Battle "
        "Beyond the Sun throws all of that out.",
    ]:
        assert not footage(text), text
    # "into" right before the film still says it
    text = "Nebo Zovyot (1959)\n\nCorman turned it into Battle Beyond the Sun."
    assert footage(text) == {("Nebo Zovyot", "Battle Beyond the Sun")}
    text = "Nebo Zovyot (1959)\n\nCorman cut the film into a new one, Battle Beyond the Sun."
    assert footage(text) == {("Nebo Zovyot", "Battle Beyond the Sun")}
    # ... or a film described at length before its title
    for text in [
        "Nebo Zovyot (1959)\n\nCorman turned the film into a lurid American drive-in "
        "programmer called Battle Beyond the Sun.",
        "Nebo Zovyot (1959)\n\nIts footage found its way into Corman's 1962 American release "
        "Battle Beyond the Sun.",
    ]:
        assert footage(text) == {("Nebo Zovyot", "Battle Beyond the Sun")}, text
    text = (
        "Planeta Bur (1962)\n\nThe crew crash into a Venusian swamp, a scene later reused in "
        "Voyage to the Prehistoric Planet."
    )
    assert footage(text) == {("Planeta Bur", "Voyage to the Prehistoric Planet")}


def test_a_verbs_object_may_be_a_film_after_a_whole_names_possessive(extractor):
    text = (
        "The Mystery of the Third Planet\n\nThe score is Zatsepin's. Alexey Rybnikov scored "
        "Richard Viktorov's Per Aspera Ad Astra that year."
    )
    found = _found(_claims(extractor, text))
    assert ("Per Aspera Ad Astra", "music_by", "Alexey Rybnikov") in found
    assert ("The Mystery of the Third Planet", "music_by", "Alexey Rybnikov") not in found
    text = "Solaris\n\nJüri Järvet also appeared in Marek Piestrak's Pilot Pirx's Inquest."
    assert ("Pilot Pirx's Inquest", "cast", "Jüri Järvet") in _found(_claims(extractor, text))


def test_a_maker_who_went_on_to_make_a_film_made_that_film_and_not_the_one_before(extractor):
    def credits(text: str) -> set[tuple[str, str, str]]:
        return {f for f in _found(_claims(extractor, text)) if f[1] == "directed_by"}

    text = (
        "Moscow-Cassiopeia (1973)\n\nThe adventure goes on in Teens in the Universe, which "
        "Viktorov went on to shoot the next year."
    )
    assert credits(text) == {("Teens in the Universe", "directed_by", "Richard Viktorov")}
    text = "Solaris (1972)\n\nAfter the novel, Andrei Tarkovsky would later direct Solaris."
    assert credits(text) == {("Solaris", "directed_by", "Andrei Tarkovsky")}
    # a later film the references do not know is not the page's: it is reported as itself
    text = (
        "The Andromeda Nebula (1967)\n\nSherstobitov went on to direct the children's space "
        "adventure Zvyozdny Pochtalon (1974)."
    )
    assert credits(text) == {("Zvyozdny Pochtalon", "directed_by", "Yevgeni Sherstobitov")}
    for text in [
        "Pilot Pirx's Inquest (1979)\n\nPiestrak went on to make a second Lem film, a sequel.",
        # what would have been, was hoped, rumoured or asked
        "Solaris (1972)\n\nAndrei Tarkovsky would have directed Kin-dza-dza! too.",
        "Kin-dza-dza! (1986)\n\nRumour had it that Andrei Tarkovsky would direct Kin-dza-dza!, "
        "but Daneliya kept it.",
        "The Andromeda Nebula (1967)\n\nMosfilm hoped Tarkovsky would direct The Andromeda Nebula.",
        "Solaris (1972)\n\nAndrei Tarkovsky would later direct Kin-dza-dza!? Hardly.",
        # a remake, and what "which" stands for when it is no title
        "Solaris (1972)\n\nSteven Soderbergh would later direct Solaris again.",
        "Planeta Bur (1962)\n\nThe re-edit, which Curtis Harrington went on to direct, added "
        "Basil Rathbone.",
    ]:
        assert not credits(text), text


def test_a_studio_that_made_a_film_named_after_its_verb_is_that_films_studio(extractor):
    def studios(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.STUDIO}

    assert studios("Kin-dza-dza!\n\nMosfilm made Solaris in 1972.") == {("Solaris", "Mosfilm")}
    text = (
        "Kin-dza-dza!\n\nGorky's films were lighter than those of Mosfilm, which produced "
        "Andrei Tarkovsky's Solaris (1972)."
    )
    assert ("Solaris", "Mosfilm") in studios(text)
    for text in [
        "Solaris\n\nMosfilm never made Kin-dza-dza!.",
        "Solaris\n\nMosfilm made money with Kin-dza-dza!.",
    ]:
        assert ("Kin-dza-dza!", "Mosfilm") not in studios(text), text


def test_studios_said_after_their_names_to_have_made_it_together_are_its_studios(extractor):
    def studios(text: str) -> set[str]:
        claims = _claims(extractor, text)
        return {c.value for c in claims if c.relation is Relation.STUDIO}

    for text in [
        "Pilot Pirx's Inquest\n\nA Polish-Soviet film by Marek Piestrak, with Tallinnfilm and "
        "the Dovzhenko studio both involved, taken from Lem's story.",
        "Pilot Pirx's Inquest\n\nTallinnfilm and the Dovzhenko studio were both involved in the "
        "production.",
    ]:
        assert studios(text) == {"Tallinnfilm", "Dovzhenko studio"}, text
    text = "Pilot Pirx's Inquest\n\nA joint production of two countries, with Tallinnfilm on board."
    assert studios(text) == {"Tallinnfilm"}
    for text in [
        "Pilot Pirx's Inquest\n\nMosfilm was not involved.",
        "Pilot Pirx's Inquest\n\nMosfilm was involved in the dubbing.",
    ]:
        assert not studios(text), text


def test_a_word_for_a_people_before_a_title_says_where_the_film_is_from(extractor):
    def countries(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.COUNTRY}

    text = "Solaris\n\nIt is often set beside the Czechoslovak Ikarie XB-1 (1963)."
    assert countries(text) == {("Ikarie XB-1", "Czechoslovakia")}
    text = "Solaris\n\nOthers prefer the East German-Polish The Silent Star."
    assert countries(text) == {("The Silent Star", "East Germany"), ("The Silent Star", "Poland")}
    text = (
        "Queen of Blood\n\nIts ships come from the Soviet films A Dream Come True and Planeta Bur."
    )
    assert countries(text) == {
        ("A Dream Come True", "Soviet Union"),
        ("Planeta Bur", "Soviet Union"),
    }
    # right before a bare title, the word may tell a remake from the film: never blamed
    assert not _contradicted(extractor, "Solaris\n\nThe American Solaris is by Soderbergh.")
    # ... nor after a film noun ("The American film Solaris came out in 2002": the remake)
    assert not _contradicted(extractor, "Solaris\n\nThe American film Solaris is by Soderbergh.")


def test_a_year_with_its_century_left_out_is_read_as_the_year_it_stands_for(extractor):
    # "'86" after "it's": compared as 1986 with the last release the references know (it
    # once stopped the document with an internal error)
    for text in ["Kin-dza-dza!\n\nIt's '86.", "Kin-dza-dza!\n\nIt's '86, it got its licence then."]:
        assert ("Kin-dza-dza!", "release_year", "1986") in _found(_claims(extractor, text))


def test_the_readings_of_this_kind_take_nothing_from_what_is_not_said_plainly(extractor):
    # (sentences from a second reading of the rules for studios' verbs, studios involved,
    # peoples' words before titles, makers who went on to make a film, asides and cast lists)
    def found(text: str, relation: Relation) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is relation}

    for text, relation in [
        # a studio's verb of another sense, or of a part of the film, or not plainly said
        ("Ikarie XB-1\n\nDEFA made Ikarie XB-1 famous abroad.", Relation.STUDIO),
        ("Ikarie XB-1\n\nDEFA shot Ikarie XB-1 down as too pessimistic.", Relation.STUDIO),
        ("Ikarie XB-1\n\nDEFA made Ikarie XB-1's German version.", Relation.STUDIO),
        ("Kin-dza-dza!\n\nMosfilm made Solaris? Hardly.", Relation.STUDIO),
        ("Kin-dza-dza!\n\nI always thought Gorky Film Studio made Solaris.", Relation.STUDIO),
        # studios involved in another work, event or role
        ("Solaris\n\nIn the sequel, Gorky Film Studio was involved.", Relation.STUDIO),
        ("Solaris\n\nThe DVD release, with Mosfilm on board, has extras.", Relation.STUDIO),
        ("Solaris\n\nStalker followed, with Gorky Film Studio involved.", Relation.STUDIO),
        (
            "Solaris\n\nSome sites say Mosfilm and Gorky Film Studio were both involved.",
            Relation.STUDIO,
        ),
        # a people's word before a title that is denied, reported, or another film's
        ("Planeta Bur\n\nThe American film Planeta Bur does not exist.", Relation.COUNTRY),
        (
            "Solaris\n\nThe OP called it the American film Solaris, which is wrong.",
            Relation.COUNTRY,
        ),
        ("Solaris\n\nThe American films Ikarie XB-1 influenced include 2001.", Relation.COUNTRY),
        ("Solaris\n\nThe Bulgarian film Eolomea? No, it's East German.", Relation.COUNTRY),
        # went on to: the film's fame or effects, or what some think
        (
            "Per Aspera Ad Astra\n\nViktorov went on to make Per Aspera Ad Astra famous.",
            Relation.DIRECTED_BY,
        ),
        (
            "Solaris\n\nKlushantsev went on to direct Per Aspera Ad Astra's effects.",
            Relation.DIRECTED_BY,
        ),
        (
            "Solaris\n\nSome sites think Klushantsev went on to direct Per Aspera Ad Astra.",
            Relation.DIRECTED_BY,
        ),
        # an aside's whole list made into something else, or hearsay after a comma
        (
            "Queen of Blood\n\nHarrington, who directed Planeta Bur and Nebo Zovyot into American "
            "films, was busy.",
            Relation.DIRECTED_BY,
        ),
        (
            "Queen of Blood\n\nCoppola, who directed Nebo Zovyot and Planeta Bur, according to "
            "IMDb, was young.",
            Relation.DIRECTED_BY,
        ),
        (
            "Queen of Blood\n\nCoppola, who directed Nebo Zovyot in its American form, was young.",
            Relation.DIRECTED_BY,
        ),
    ]:
        said = found(text, relation)
        heading = text.split("\n", 1)[0]
        # (a possessive before a title names its maker, as it did before these rules)
        assert not {f for f in said if f[0] != heading and f[1] != "Mikhail Karyukov"}, text
        assert not _contradicted(extractor, text), text
    # the actors of a list that does not give a cast
    for text in [
        "Queen of Blood (1966)\n\nPosters showed John Saxon, Basil Rathbone and Dennis Hopper "
        "as Paul Grant.",
        "Queen of Blood (1966)\n\nFans of John Saxon, Basil Rathbone and Dennis Hopper as Paul "
        "Grant will love it.",
        "Queen of Blood (1966)\n\nMaybe Basil Rathbone, Faith Domergue and Dennis Hopper as Paul "
        "Grant.",
        "Queen of Blood (1966)\n\nBasil Rathbone (allegedly) is in the cast.",
    ]:
        cast = {c for c in _claims(extractor, text) if c.relation is Relation.CAST}
        assert not {c for c in cast if c.role is None}, text
    # a title's words doubt nothing
    text = (
        "Queen of Blood\n\nIts space footage was lifted from the Soviet films A Dream Come True "
        "and Planeta Bur."
    )
    assert ("A Dream Come True", "Soviet Union") in found(text, Relation.COUNTRY)


def test_the_readings_of_this_kind_give_nothing_to_a_film_another_work_is_spoken_of_beside(
    extractor,
):
    # (sentences from a third reading: the page's film never takes what another work has)
    def of_page(text: str, relation: Relation) -> set[str]:
        heading = text.split(" (", 1)[0]
        claims = _claims(extractor, text)
        # (a cast with its part named is read as before these rules)
        return {
            c.value
            for c in claims
            if c.relation is relation and c.subject == heading and not c.role
        }

    for text, relation in [
        (
            "Eolomea (1972)\n\nUnlike Pirx, with Tallinnfilm and Zespoły Filmowe both involved, "
            "the film was all DEFA.",
            Relation.STUDIO,
        ),
        (
            "The Silent Star (1960)\n\nIn Signals, with DEFA and Zespoły Filmowe both involved, "
            "the film went to space again.",
            Relation.STUDIO,
        ),
        (
            "Eolomea (1972)\n\nWith Tallinnfilm on board, Dead Mountaineer's Hotel was shot in "
            "1979.",
            Relation.STUDIO,
        ),
        (
            "Solaris (1972)\n\nTarkovsky's next film, Stalker, follows a guide. Aleksandr "
            "Kaidanovsky plays him.",
            Relation.CAST,
        ),
        (
            "Solaris (1972)\n\nThe 2002 version cast George Clooney. Natascha McElhone plays her.",
            Relation.CAST,
        ),
        ("Solaris (1972)\n\nEveryone thinks Banionis plays him, but it was dubbed.", Relation.CAST),
        (
            "Solaris (1972)\n\nAnatoly Solonitsyn (who was Rublev) is in the cast of Stalker too.",
            Relation.CAST,
        ),
        (
            "Solaris (1972)\n\nNatascha McElhone (in Soderbergh's film) is in the cast.",
            Relation.CAST,
        ),
        (
            "Queen of Blood (1966)\n\nHarrington's previous film had Basil Rathbone, Faith "
            "Domergue and Marc Shannon as Andy.",
            Relation.CAST,
        ),
        (
            "Queen of Blood (1966)\n\nCompare Night Tide, where Dennis Hopper, Linda Lawson and "
            "Gavin Muir as Captain Murdock share the screen.",
            Relation.CAST,
        ),
        (
            "Queen of Blood (1966)\n\nCurtis Harrington, John Saxon and Dennis Hopper as Paul "
            "Grant all went.",
            Relation.CAST,
        ),
        ("Solaris (1972)\n\nThe Soviet Solaris (1968) was a TV play.", Relation.COUNTRY),
    ]:
        said = of_page(text, relation)
        # (read as before these rules: "the 2002 version cast X")
        assert not (said - {"George Clooney"}), text
    # one bracket is not the book's year for sure where the film may be meant
    text = "Solaris (1972)\n\nThe novel Solaris (1972) is what Tarkovsky adapted."
    assert not _contradicted(extractor, text)
    # "into space movies" is into films; a part of the film keeps its maker, with doubt
    text = (
        "Planeta Bur (1962)\n\nIts footage found its way into space movies like Voyage to the "
        "Prehistoric Planet."
    )
    assert "Voyage to the Prehistoric Planet" in of_page(text, Relation.FOOTAGE_USED_IN)
    text = "Solaris (1972)\n\nTarkovsky directed Solaris's Bach-laden finale."
    assert "Andrei Tarkovsky" in of_page(text, Relation.DIRECTED_BY)
    text = "Battle Beyond the Sun\n\nFrancis Ford Coppola directed Nebo Zovyot's new scenes."
    assert not _contradicted(extractor, text)


def test_what_a_description_set_after_a_title_says_is_of_that_title(extractor):
    text = (
        "Corman released Battle Beyond the Sun through a distributor, which had bought Nebo "
        "Zovyot, the 1959 space picture that Mikhail Karyukov and Aleksandr Kozyr directed at "
        "the Dovzhenko studio."
    )
    found = {(c.subject, c.relation.value, c.value) for c in _claims(extractor, text)}
    assert ("Nebo Zovyot", "release_year", "1959") in found
    assert ("Nebo Zovyot", "directed_by", "Mikhail Karyukov") in found
    assert ("Nebo Zovyot", "studio", "Dovzhenko studio") in found
    assert not any(s == "Battle Beyond the Sun" and r != "produced_by" for s, r, _ in found)


def test_a_bare_year_answers_a_year_asked_or_corrects_one_with_a_hedge(extractor):
    def years(text: str) -> set[str]:
        return {c.value for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR}

    # the post before asked ("..., right?"): the next post's bare year answers it
    assert "1986" in years("Kin-dza-dza!\n\nKin-dza-dza! came out in 1985, right?\n\n1986. Enjoy!")
    # unasked, a bare year in the next post corrects nothing
    assert "1986" not in years("Kin-dza-dza!\n\nKin-dza-dza! came out in 1985.\n\n1986. Enjoy!")
    # a hedged correction of a quoted line
    text = (
        "Kin-dza-dza!\n\nKin-dza-dza! came out in 1985.\n\n> came out in 1985\n"
        "Pretty sure it's 1986."
    )
    assert "1986" in years(text)


def test_footage_that_went_into_films_listed_with_and_went_into_each(extractor):
    def footage(text: str) -> set[tuple[str, str]]:
        claims = _claims(extractor, text)
        return {(c.subject, c.value) for c in claims if c.relation is Relation.FOOTAGE_USED_IN}

    text = (
        "Planeta Bur (1962) is a Soviet film. Its footage fed Voyage to the Prehistoric Planet "
        "(1965) and Voyage to the Planet of Prehistoric Women (1968)."
    )
    assert footage(text) == {
        ("Planeta Bur", "Voyage to the Prehistoric Planet"),
        ("Planeta Bur", "Voyage to the Planet of Prehistoric Women"),
    }
    # the verb left out before a second pair: no film goes into the next one's source
    text = "Nebo Zovyot became Battle Beyond the Sun, and Planeta Bur, Queen of Blood."
    assert ("Nebo Zovyot", "Planeta Bur") not in footage(text)


def test_a_film_of_an_authors_named_book_adapts_it(extractor):
    text = "Signals (1970) is Gottfried Kolditz's film of Carlos Rasch's Asteroidenjäger."
    found = {(c.subject, c.relation.value, c.value) for c in _claims(extractor, text)}
    assert ("Signals: An Adventure in Space", "based_on", "Asteroidenjäger") in found
    # the author's book named without a film cue adapts nothing
    text = "Signals (1970) is a film. Carlos Rasch's Asteroidenjäger is a story."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.BASED_ON]


def test_the_latest_second_readings_sentences_give_no_own_errors(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    for text in [
        # a suffix tells the father from the son
        "In Moscow-Cassiopeia, Basov Sr. plays Lobanov.",
        "Vladimir Basov Sr. directed Moscow-Cassiopeia.",
        "Moscow-Cassiopeia (1974). Vladimir Basov plays Lobanov.",
        # a pronoun only doubtfully stands for the one named before
        "In Solaris, Kelvin arrives at the station. Natalya Bondarchuk plays her.",
        "In Solaris, Hari does not understand what she is. Kelvin loves her, and Donatas "
        "Banionis plays him.",
        "Kin-dza-dza! (1986). Stanislav Lyubshin is wonderful. She is Bi.",
        # a year said in talk may be another version's
        "Solaris was remade by Steven Soderbergh, and it's 2002.",
        "Kin-dza-dza! is the 2013 one, the cartoon, not the 1986 film.",
        # a story is not a book unless its author is named
        "Tarkovsky tells the story so slowly that Solaris, released in 1972, bored audiences.",
        # a description after a title that does not say who made it
        "Roger Corman, who had bought Planeta Bur, the Soviet film that gave Curtis Harrington "
        "his 1965 feature, was pleased.",
        # a plural verb's own words only, and never a denial
        "Solaris and Ikarie XB-1 were on the same bill as a short directed by Roman Kachanov.",
        "Kin-dza-dza! and Solaris were not directed by Stanislav Lyubshin.",
    ]:
        verdicts = verify_claims(_claims(extractor, text), verifier)
        assert not [a for a in verdicts if a.verdict is Verdict.CONTRADICTED], text
    # cutting hair or dubbing is no re-edit
    for text in [
        "In Solaris, Kelvin's hair was cut by Natalya Bondarchuk for one scene.",
        "Kin-dza-dza! was dubbed by Georgiy Daneliya into Georgian years later.",
    ]:
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


def test_a_programme_heading_with_a_weekday_and_a_time_names_its_film(extractor):
    text = (
        "SPACE WEEKEND\n\nSunday, 15:00 - The Andromeda Nebula (1967)\nYevgeni Sherstobitov "
        "directed this widescreen version of the novel."
    )
    directed = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in directed] == [
        ("The Andromeda Nebula", "Yevgeni Sherstobitov")
    ]
    # ... and its section: what its paragraph goes on to tell is that film's
    text = (
        "SPACE NIGHTS\n\nSaturday, 16:00 - Aelita (USSR, 1924)\nYakov Protazanov made it for "
        "Mezhrabpom-Rus. After a jealous outburst, Los escapes to Mars."
    )
    assert {c.subject for c in _claims(extractor, text) if c.relation is Relation.PLOT} == {
        "Aelita"
    }
    # ... the weekday in capitals too, after another film's section
    shouted = (
        "SPACE NIGHTS\n\nFRIDAY, 20:00 - Solaris (1972)\nTarkovsky made it at Mosfilm.\n\n"
        "SATURDAY, 16:00 - Aelita (USSR, 1924)\nThe studio was Mezhrabpom-Rus."
    )
    studios = [c for c in _claims(extractor, shouted) if c.relation is Relation.STUDIO]
    assert {(c.subject, c.value) for c in studios} == {
        ("Solaris", "Mosfilm"),
        ("Aelita", "Mezhrabpom-Rus"),
    }


def test_a_heading_naming_a_span_of_years_is_no_film(extractor):
    text = (
        "RED HORIZONS: SOVIET SPACE CINEMA 1924-1984\n\nIn the new print, Los escapes to Mars in "
        "a rocket of his own design."
    )
    subjects = {c.subject for c in _claims(extractor, text)}
    assert "SOVIET SPACE CINEMA 1924-1984" not in subjects


def test_a_video_called_by_another_title_names_the_film_spoken_of(extractor):
    text = "Per Aspera Ad Astra (1981). The English-language video was called Humanoid Woman."
    found = {(c.subject, c.relation.value, c.value) for c in _claims(extractor, text)}
    assert ("Per Aspera Ad Astra", "also_known_as", "Humanoid Woman") in found


def test_a_film_described_as_a_film_directed_by_someone_is_theirs(extractor):
    # the description is said of the title before it, past its other names in brackets
    for text in [
        "Solaris (Russian: Солярис, 1972) is a Soviet science-fiction film directed by Andrei "
        "Tarkovsky at Mosfilm.",
        "Solaris (1972), a Mosfilm picture directed by Andrei Tarkovsky, is long.",
    ]:
        directed = {
            c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY
        }
        assert directed == {"Solaris"}, text


def test_a_cast_line_with_parts_in_brackets_credits_each_actor_in_their_part(extractor):
    text = (
        "In the Dust of the Stars (1976)\n"
        "Cast: Jana Brejchová (Commander Akala), Alfred Struwe (navigator Suko), "
        "Ekkehard Schall (the ruler of the planet)."
    )
    cast = {
        (c.value, c.role)
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST and c.subject == "In the Dust of the Stars"
    }
    assert cast == {
        ("Jana Brejchová", "Akala"),
        ("Alfred Struwe", "Suko"),
        ("Ekkehard Schall", None),
    }


def test_a_credits_line_tells_no_story(extractor):
    text = (
        "In the Dust of the Stars (1976)\n"
        "Cast: Jana Brejchová (Commander Akala), Alfred Struwe (navigator Suko).\n"
        "Akala lands her ship on a planet to answer a distress call."
    )
    story = [c for c in _claims(extractor, text) if c.relation is Relation.PLOT]
    assert story
    assert all(c.evidence.quote.startswith("Akala lands") for c in story)


def test_a_maker_named_again_after_a_bracketed_year_and_more_credits(extractor):
    text = "I was mixing it up with Per Aspera Ad Astra (1981), also Viktorov and also Gorky."
    found = _found(_claims(extractor, text))
    assert ("Per Aspera Ad Astra", "directed_by", "Richard Viktorov") in found


def test_a_writer_named_before_the_word_novel_is_its_author(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    right = "Aelita (1924). It's from the Alexei Tolstoy novel, which came out earlier."
    found = _found(_claims(extractor, right))
    assert ("Aelita", "based_on", "Aelita (novel)") in found
    assert ("Aelita (novel)", "written_by", "Alexei Tolstoy") in found
    # a book by someone else is perhaps not the film's source: never blamed
    wrong = "Aelita (1924). It's from the Kir Bulychev novel."
    verdicts = verify_claims(_claims(extractor, wrong), verifier)
    assert [a for a in verdicts if a.claim.relation is Relation.WRITTEN_BY]
    assert not [a for a in verdicts if a.verdict is Verdict.CONTRADICTED]


def test_the_writer_before_the_word_book_picks_the_film_whose_source_it_is(extractor):
    text = (
        "Solaris (1972) is slow. The Mystery of the Third Planet (1981) is fast. "
        "It comes from the Bulychev book."
    )
    found = _found(_claims(extractor, text))
    assert ("The Mystery of the Third Planet", "based_on", "Alice's Travel") in found
    assert not {f for f in found if f[0].startswith("Solaris") and f[2] == "Bulychev"}


def test_a_take_on_a_writers_novel_is_based_on_it(extractor):
    text = "The Andromeda Nebula (1967) is a widescreen take on Ivan Yefremov's novel."
    found = _found(_claims(extractor, text))
    assert ("The Andromeda Nebula", "based_on", "Andromeda (novel by Ivan Yefremov)") in found


def test_a_year_just_before_a_title_that_opens_the_sentence_is_its_year(extractor):
    text = "Queen of Blood is fun. The 1965 Voyage to the Prehistoric Planet keeps the effects."
    found = _found(_claims(extractor, text))
    assert ("Voyage to the Prehistoric Planet", "release_year", "1965") in found


def test_a_part_of_the_film_found_with_doubt_makes_the_attribution_sure(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    text = (
        "Voyage to the Prehistoric Planet came out in 1965.\n\n"
        "In the dub Gennadi Vernov is Hans Walters, and Faith Domergue is Marsha Evans."
    )
    verdicts = {
        a.claim.value: a
        for a in verify_claims(_claims(extractor, text), verifier)
        if a.claim.relation is Relation.CAST
    }
    assert verdicts["Faith Domergue"].verdict is Verdict.VERIFIED
    # the document gives Vernov a part the references give another actor: its error
    assert verdicts["Gennadi Vernov"].verdict is Verdict.CONTRADICTED
    assert verdicts["Gennadi Vernov"].claim.confidence >= CONFIDENT


def test_a_name_in_brackets_after_a_part_that_has_its_actor_is_the_parts_own(extractor):
    text = (
        "Kin-dza-dza! (1986)\n\n"
        "Cast: Stanislav Lyubshin as Uncle Vova (Vladimir Nikolaevich Mashkov), "
        "Levan Gabriadze as Gedevan."
    )
    cast = {c.value for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert cast == {"Stanislav Lyubshin", "Levan Gabriadze"}


def test_asking_whether_what_one_thought_is_so_states_nothing_to_blame(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    text = (
        "Moscow-Cassiopeia (1973) is fun.\n\nWait, I thought Smoktunovsky was Academician Filatov?"
    )
    verdicts = verify_claims(_claims(extractor, text), verifier)
    assert [a for a in verdicts if a.claim.relation is Relation.CAST]
    assert not [a for a in verdicts if a.verdict is Verdict.CONTRADICTED]


def test_a_year_alone_among_credits_is_the_films_year_with_doubt(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    for text, year in (
        ("Per Aspera Ad Astra is good.\nViktorov again, 1981.", "1981"),
        (
            "Kin-dza-dza! is the best.\nDaneliya's masterpiece, 1986, Lyubshin as Uncle Vova.",
            "1986",
        ),
    ):
        years = [
            a
            for a in verify_claims(_claims(extractor, text), verifier)
            if a.claim.relation is Relation.RELEASE_YEAR
        ]
        assert [(a.claim.value, a.verdict) for a in years] == [(year, Verdict.VERIFIED)], text
        assert years[0].claim.confidence < CONFIDENT  # perhaps another date: never blamed
    # a year alone is a reply; beside a title no reference knows, it is that title's
    for text in (
        "Per Aspera Ad Astra is good.\n1981.",
        "Per Aspera Ad Astra is good.\nReturn to Cassiopeia, 1977, Viktorov again.",
        "Cosmic Voyage is old.\nMoscow, 1946, as Zhuravlyov imagined it.",
    ):
        found = _found(_claims(extractor, text))
        assert not {f for f in found if f[1] == "release_year" and f[2] in {"1977", "1946"}}


def test_a_year_on_television_is_a_release_only_with_doubt(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    serial = "Guest from the Future is great. It went out on Soviet TV in 1985."
    film = "Solaris is great. It was shown on TV in 1985."
    verdicts = {}
    for text in (serial, film):
        for a in verify_claims(_claims(extractor, text), verifier):
            if a.claim.relation is Relation.RELEASE_YEAR:
                verdicts[a.claim.subject] = a
    assert verdicts["Guest from the Future"].verdict is Verdict.VERIFIED
    # a film made for cinemas shown later on television: not its release, never blamed
    assert verdicts["Solaris"].verdict is Verdict.UNVERIFIED
    assert verdicts["Solaris"].claim.confidence < CONFIDENT


def test_an_authors_title_said_to_be_filmed_is_the_film(extractor):
    filmed = "Lem's Solaris followed in 1972, filmed by Andrei Tarkovsky at Mosfilm."
    found = _found(_claims(extractor, filmed))
    assert ("Solaris", "release_year", "1972") in found
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    assert not {f for f in found if f[0] == "Solaris (novel)" and f[1] == "published_year"}
    # a year in brackets right after the title is still the book's
    book = "Lem's Solaris (1961) was filmed by Andrei Tarkovsky."
    assert ("Solaris (novel)", "published_year", "1961") in _found(_claims(extractor, book))


def test_a_title_known_in_cyrillic_is_found_romanised_in_any_common_spelling(extractor):
    text = (
        "This weekend: Moskva - Kassiopeya, its sequel Otroki vo Vselennoi, and then "
        "Cherez ternii k zvyozdam."
    )
    found = _found(_claims(extractor, text))
    assert ("Moskva - Kassiopeya", "sequel", "Otroki vo Vselennoi") in found
    # a film has one sequel: the next film of the list is no second one
    assert not {f for f in found if f[1] == "sequel" and f[2] == "Cherez ternii k zvyozdam"}
    verifier = CatalogueVerifier(load_default_catalogue())
    text = "Gost'ya iz budushchego was directed by Pavel Arsenov."
    verdicts = verify_claims(_claims(extractor, text), verifier)
    assert [(a.subject_id, a.verdict) for a in verdicts] == [
        ("guest-from-the-future", Verdict.VERIFIED)
    ]


def test_a_misspelt_makers_possessive_before_a_known_title_is_found(extractor):
    text = "Pavel Klushantzev's Planeta Bur (1962) was made at Lennauchfilm."
    found = _found(_claims(extractor, text))
    assert ("Planeta Bur", "directed_by", "Pavel Klushantzev") in found


def test_a_list_of_actors_and_parts_under_one_verb_may_name_parts_bare(extractor):
    text = (
        "Ikarie XB-1 (1963). Zdeněk Štěpánek plays Captain Vladimír Abajev and Radovan "
        "Lukavský Commander MacDonald, with František Smolík as the mathematician Anthony Hopkins."
    )
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Radovan Lukavský", "Commander MacDonald") in cast
    assert len(cast) == 3


def test_a_book_said_to_reach_the_screen_as_a_film_is_its_source(extractor):
    text = (
        "Lem's earlier Astronauci had already reached the screen in 1960 as Der schweigende Stern."
    )
    found = _found(_claims(extractor, text))
    assert ("Der schweigende Stern", "based_on", "Astronauci") in found
    assert ("The Astronauts", "written_by", "Stanisław Lem") in found
    # a film named after the book in another clause is not said to adapt it
    other = "Lem wrote Astronauci in 1951; Solaris followed much later."
    assert not {f for f in _found(_claims(extractor, other)) if f[1] == "based_on"}


def test_a_programme_line_opening_on_a_bare_time_is_headed_by_its_title(extractor):
    text = (
        "13:00 - Gostya iz budushchego / Guest from the Future (1985)\n"
        "The five-part serial was made by Pavel Arsenov at the Gorky studio."
    )
    subjects = {c.subject for c in _claims(extractor, text) if c.relation is not Relation.PLOT}
    assert subjects
    assert not {s for s in subjects if s[:1].isdigit()}
    found = _found(_claims(extractor, text))
    assert ("Gostya iz budushchego", "directed_by", "Pavel Arsenov") in found


def test_a_ranked_entrys_number_after_a_hash_is_not_part_of_its_title(extractor):
    text = (
        "#2 Planeta Bur\nKlushantsev's Venus, and John the robot.\n\n"
        "#1 Solaris\nObviously. Tarkovsky, 1972, Donatas Banionis as Kelvin."
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris", "cast", "Donatas Banionis") in found
    assert not {f for f in found if f[0][:1].isdigit()}
    # ... and "that script" is a screenplay, a credit the references have no relation for
    more = f"{text}\n\nBulychev wrote that script too, and the cast was good."
    assert not {f for f in _found(_claims(extractor, more)) if "Bulychev" in f[2]}


def test_a_heading_that_names_a_programme_is_no_film(extractor):
    text = (
        "ESTONIA IN ORBIT: A TALLINNFILM DOUBLE BILL\n\n"
        "Dead Mountaineer's Hotel (1979)\n"
        "Grigori Kromanov shot it at Tallinnfilm."
    )
    subjects = {c.subject for c in _claims(extractor, text) if c.relation is not Relation.PLOT}
    assert subjects == {"Dead Mountaineer's Hotel"}
    # what follows such a heading is no unknown film's: it names no film at all
    text = (
        "RED STARS: EARLY SOVIET COSMIC CINEMA\n\nOur season opens with a race to Mars. "
        "Mikhail Karyukov directed it at the Dovzhenko studio."
    )
    assert not [c for c in _claims(extractor, text) if "CINEMA" in c.subject]


def test_all_three_after_a_list_broken_by_asides_speaks_of_each(extractor):
    text = (
        "This weekend: Moscow-Cassiopeia, its sequel Teens in the Universe, and then Per "
        "Aspera Ad Astra, all three made at the Gorky studio."
    )
    studios = {c.subject for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Moscow-Cassiopeia", "Teens in the Universe", "Per Aspera Ad Astra"}


def test_a_film_said_to_be_someones_in_a_relative_clause_is_theirs_with_doubt(extractor):
    text = (
        "The Mystery of the Third Planet is lovely. Show episode one, then the cartoon, "
        "which was Roman Kachanov's at Soyuzmultfilm."
    )
    made = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in made] == [
        ("The Mystery of the Third Planet", "Roman Kachanov")
    ]
    assert made[0].confidence < CONFIDENT
    # ... not "which is X's way": whose manner, no credit
    way = _claims(extractor, "Solaris is slow, which is Tarkovsky's way.")
    assert not [c for c in way if c.relation is Relation.DIRECTED_BY]


def test_an_actors_possessive_may_describe_the_part_before_naming_it(extractor):
    text = "A Dream Come True (1963). Larisa Gordeichik's radio astronomer Tanya hears it first."
    cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert cast == {("Larisa Gordeichik", "Tanya")}
    # a director's possessive before a described part is their film's character, no part
    text = "Per Aspera Ad Astra (1981). Richard Viktorov's clone girl Niya is unforgettable."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]


def test_someone_who_turns_up_as_a_part_is_in_the_cast(extractor):
    text = "Queen of Blood (1966). Basil Rathbone, of all people, turns up as the station chief."
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "cast", "Basil Rathbone") in found


@pytest.mark.parametrize(
    "text",
    [
        # a word that is no description between a part and the bracketed actor
        "Solaris (1972)\n\nThe heart of the film is Kelvin (opposite Natalya Bondarchuk), a man "
        "undone by grief.",
        "Solaris (1972)\n\nSnout (alongside Anatoly Solonitsyn) gives the best lines.",
        "Kin-dza-dza! (1986)\n\nGedevan (replacing Nikolai Gubenko) was meant to be older.",
        "Solaris (1972)\n\nWe follow Kelvin (dubbed Vladimir Zamansky) through the station.",
        # a part another film (or another version) has too does not make a film sure
        "Guest from the Future made Natalya Guseva a star in 1985.\n\nBulychev's heroine had "
        "already appeared in a cartoon four years earlier. There Olga Gromova voices Alisa.",
        "Solaris made Donatas Banionis famous abroad.\n\nLem's novel had been adapted before, for "
        "television in 1968. In that version Vasily Lanovoy plays Kelvin.",
        "Aelita made Yuliya Solntseva famous.\n\nIn the radio play of Tolstoy's novel, Gusev is "
        "played by Oleg Tabakov.",
        # a verb of filming without "as" ties no book to the film after it
        "The Magellanic Cloud was adapted by the same team that made The Silent Star.",
        "Astronauci was filmed in the same years as Ikarie XB-1.",
        "The Magellanic Cloud was filmed by the studio behind Eolomea.",
        # a writer's title, then an aside on its film: the book is still what the sentence says
        "Lem's Solaris, filmed by Tarkovsky, came out in 1961.",
        "Tolstoy's Aelita, filmed by Protazanov, first appeared in 1923.",
        # a director's name before "story" is no writer's
        "Solaris is the Tarkovsky ghost story nobody forgets.",
        "Guest from the Future (1985)\n\nIt remains the Arsenov story every Soviet child knew.",
        # another writer's novel, or a nation's, is not the film's source
        "Solaris (1972)\n\nTarkovsky kept quoting the Dostoevsky novel, published in 1866.",
        "Solaris (1972)\n\nThe Russian translation of the Polish novel appeared in 1962.",
        # a word of liking is no authorship
        "Klushantsev's beloved Outside the Earth inspired him.",
        # a year before a title may tell another version apart
        "The 1968 Solaris was a two-part television play with Vasily Lanovoy.",
        "A 1968 Solaris preceded Tarkovsky's film on Soviet television.",
        "The 2013 Kin-dza-dza! is an animated remake by Daneliya.",
        # a sentence opening on a work in another medium speaks of that work
        "Guest from the Future (1985)\n\nThe serial made Natalya Guseva a star.\n\n"
        "In the 1981 cartoon, Olga Gromova plays Alisa.",
        "Solaris (1972)\n\nTarkovsky's film runs nearly three hours.\n\nLem's novel had been "
        "adapted before. In the 1968 television version, Vasily Lanovoy plays Kelvin.",
        "Aelita (1924)\n\nProtazanov's film was a hit.\n\nIn the 1980s radio play, Gusev is "
        "played by Oleg Tabakov.",
        # a name with its life's years in a list is no credit
        "Kin-dza-dza! (1986)\n\nTarkovsky, 1932-1986.",
    ],
)
def test_the_third_readings_sentences_give_no_own_errors(extractor, text):
    verifier = CatalogueVerifier(load_default_catalogue())
    verdicts = verify_claims(_claims(extractor, text), verifier)
    assert not [a for a in verdicts if a.verdict is Verdict.CONTRADICTED], text


def test_a_story_ending_on_another_word_is_not_told_by_a_sentence_going_on(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    text = (
        "Kin-dza-dza! (1986)\n\nGedevan, who carries a violin, asks Uncle Vova to help with the "
        "stranger's dog."
    )
    verdicts = verify_claims(_claims(extractor, text), verifier)
    assert not [
        a for a in verdicts if a.claim.relation is Relation.PLOT and a.verdict is Verdict.VERIFIED
    ]


def test_a_headline_before_the_title_it_heads_is_no_film(extractor):
    text = (
        "Venus, Twice Removed: Voyage to the Prehistoric Planet (1965)\n\n"
        "Roger Corman bought Pavel Klushantsev's Planeta Bur and had it recut.\n\n"
        "The story stays close to the original. Three ships leave Lunar Station 7 for Venus. "
        "In the American version the new scenes were directed by John Sebastian.\n"
    )
    subjects = {c.subject for c in _claims(extractor, text) if c.relation is not Relation.PLOT}
    assert "Venus, Twice Removed" not in subjects
    # a headline alone, with a comma and no film, is none either
    text = "Cold War, Hot Monsters\n\nRoger Corman bought Nebo Zovyot (1959) and cut it up."
    subjects = {c.subject for c in _claims(extractor, text)}
    assert "Cold War, Hot Monsters" not in subjects


def test_quoted_words_someone_says_are_no_title(extractor):
    text = (
        "Rewatched the Cassiopeia one last night. Viktor Sereda pitching his starship to the "
        'pioneers, the anonymous note signed "I would go with him", and Smoktunovsky as '
        "I.O.O. Richard Viktorov directed both halves at the Gorky Film Studio."
    )
    subjects = {c.subject for c in _claims(extractor, text)}
    assert not {s for s in subjects if s.startswith("I would")}


def test_a_quiz_question_and_its_answer_make_one_statement(extractor):
    verifier = CatalogueVerifier(load_default_catalogue())
    text = (
        "Round one.\n"
        "Q1: Who directed Aelita? A: Yakov Protazanov.\n"
        "Q2: Which studio made Moscow-Cassiopeia? A: Gorky Film Studio.\n"
        "Question: who plays Kris Kelvin in Solaris? Answer: Donatas Banionis.\n"
        "Q4: Who directed Solaris? A: Sergei Bondarchuk.\n"
    )
    verdicts = {
        (a.claim.subject, a.claim.relation.value, a.claim.value): a
        for a in verify_claims(_claims(extractor, text), verifier)
    }
    for key in (
        ("Aelita", "directed_by", "Yakov Protazanov"),
        ("Moscow-Cassiopeia", "studio", "Gorky Film Studio"),
        ("Solaris", "cast", "Donatas Banionis"),
    ):
        assert verdicts[key].verdict is Verdict.VERIFIED, key
    # a wrong answer is the document's error, and every quote is the document's own words
    wrong = verdicts[("Solaris", "directed_by", "Sergei Bondarchuk")]
    assert wrong.verdict is Verdict.CONTRADICTED
    assert wrong.claim.evidence.quote == "Q4: Who directed Solaris? A: Sergei Bondarchuk."
    assert all(a.claim.evidence.quote in text for a in verdicts.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Queen of Blood (1966) reuses the Soviet effects, and Curtis Harrington handled the "
        "new material himself.",
        "Queen of Blood (1966) reuses the Soviet effects; Curtis Harrington did the new "
        "vampire scenes.",
        "Queen of Blood (1966) reuses the Soviet effects, with the added scenes shot by a "
        "young Curtis Harrington.",
        "Queen of Blood (1966) reuses the Soviet effects, with extra material from Curtis "
        "Harrington.",
        "Queen of Blood (1966) reuses the Soviet effects; Curtis Harrington was hired to "
        "shoot the extra sequences.",
        "Queen of Blood (1966) reuses the Soviet effects, and Curtis Harrington prepared the "
        "American version.",
    ],
)
def test_who_made_a_re_edits_new_material_is_read_as_its_director_with_doubt(extractor, sentence):
    claims = [c for c in _claims(extractor, sentence) if c.value == "Curtis Harrington"]
    assert [(c.subject, c.relation) for c in claims] == [("Queen of Blood", Relation.DIRECTED_BY)]
    assert claims[0].confidence < CONFIDENT  # new scenes are not always a director's credit
    assert not [c for c in _claims(extractor, sentence) if c.relation is Relation.CAST]


def test_new_scenes_of_an_actor_stay_a_cast_credit_and_a_version_alone_names_no_maker(
    extractor,
):
    acted = _claims(extractor, "Queen of Blood (1966) came with new scenes of John Saxon.")
    assert [(c.relation, c.value) for c in acted] == [
        (Relation.RELEASE_YEAR, "1966"),
        (Relation.CAST, "John Saxon"),
    ]
    # a version that is not a language's or a country's says nothing of new scenes
    plain = _claims(
        extractor, "Queen of Blood (1966) is long; Curtis Harrington prepared the final version."
    )
    assert not [c for c in plain if c.relation is Relation.DIRECTED_BY]


def test_a_possessive_set_beside_a_title_describes_that_film_whatever_its_head_word(
    extractor,
):
    text = (
        "First came Solaris (1972), Tarkovsky's long meditation on grief. Then Aelita "
        "(1924), Alexei Tolstoy's Martian romp on screen. Eolomea (1972) - Kolditz's languid "
        "space mystery - closed the night."
    )
    claims = {(c.subject, c.relation, c.value): c for c in _claims(extractor, text)}
    directed = claims[("Solaris", Relation.DIRECTED_BY, "Andrei Tarkovsky")]
    assert directed.confidence < CONFIDENT  # a possessive: director or producer
    # the writer of the book the film was made from: read as the film's source author
    assert claims[("Aelita", Relation.SOURCE_AUTHOR, "Alexei Tolstoy")].confidence < CONFIDENT
    # a wrong maker for the film beside it is unverified, never the document's error
    wrong = [c for c in claims.values() if c.value == "Gottfried Kolditz"]
    assert [(c.subject, c.relation) for c in wrong] == [("Eolomea", Relation.DIRECTED_BY)]
    verdicts = verify_claims(wrong, CatalogueVerifier(extractor.catalogue))
    assert [v.verdict for v in verdicts] == [Verdict.UNVERIFIED]


@pytest.mark.parametrize(
    ("text", "film"),
    [
        # a word of one film's title, framed as a film by "the ... picture" or by the
        # possessive of someone the references credit on that film
        ("Next week: the Thorns picture, 1981.", "Per Aspera Ad Astra"),
        ("Everyone loves the Pirx film, from 1979.", "Pilot Pirx's Inquest"),
        ("Polák's Ikarie came out in 1963.", "Ikarie XB-1"),
        ("The Dead Mountaineer film came out in 1979.", "Dead Mountaineer's Hotel"),
    ],
)
def test_a_short_name_its_frame_marks_as_a_film_names_that_film(extractor, text, film):
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [c.subject for c in years] == [film]


@pytest.mark.parametrize(
    "text",
    [
        "Lem's Cloud came out in 1955.",  # whose book, not whose film
        "Bulychev's Guest came out in 1978.",  # the writer's: perhaps the book
        # a director's name is no film, even of the one film the references know of theirs
        "The Tarkovsky film I love most is Stalker, released in 1979.",
        "Viktorov's Cassiopeia films are from 1973 and 1974.",  # more than one film
        "Thorns grew everywhere in 1981.",  # a word of a title, not framed as a film
    ],
)
def test_a_short_name_without_a_films_frame_names_no_film(extractor, text):
    films = {c.subject for c in _claims(extractor, text)}
    assert not films & {
        "Per Aspera Ad Astra",
        "Moscow-Cassiopeia",
        "Ikarie XB-1",
        "Guest from the Future",
        "Solaris",
    }


def test_which_after_a_title_and_the_year_it_came_in_opens_that_films_clause_with_doubt(
    extractor,
):
    text = (
        "Planeta Bur was plundered for Voyage to the Prehistoric Planet in 1965, which Curtis "
        "Harrington directed and George Edwards co-produced."
    )
    claims = {(c.subject, c.relation, c.value): c for c in _claims(extractor, text)}
    for relation, person in [
        (Relation.DIRECTED_BY, "Curtis Harrington"),
        (Relation.PRODUCED_BY, "George Edwards"),
    ]:
        claim = claims[("Voyage to the Prehistoric Planet", relation, person)]
        # the year may be what "which" is of: "made X from Y in 1966, which is American"
        assert claim.confidence < CONFIDENT
    said = "Harrington fashioned Queen of Blood from Mechte Navstrechu in 1966, which is American."
    verdicts = verify_claims(_claims(extractor, said), CatalogueVerifier(extractor.catalogue))
    assert not [v for v in verdicts if v.verdict is Verdict.CONTRADICTED]


def test_actors_a_re_edit_took_on_are_its_cast_and_a_maker_brought_in_is_not(extractor):
    text = (
        "Voyage to the Prehistoric Planet (1965) keeps the Soviet crew. Faith Domergue and "
        "Basil Rathbone were brought in for the new scenes."
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert {c.value for c in cast} == {"Faith Domergue", "Basil Rathbone"}
    assert all(c.confidence < CONFIDENT for c in cast)  # added scenes: mostly, not surely
    hired = "Queen of Blood (1966) keeps the effects. Curtis Harrington was brought in to direct."
    assert not [c for c in _claims(extractor, hired) if c.relation is Relation.CAST]


@pytest.mark.parametrize(
    "text",
    [
        "Corman bought the reels cheaply. Battle Beyond the Sun, his 1962 release, kept them.",
        "Corman bought the reels cheaply. Battle Beyond the Sun (1962) was his first quick "
        "release of them.",
        "Corman bought the reels cheaply. His first quick release of them was Battle Beyond "
        "the Sun.",
    ],
)
def test_a_film_set_beside_someones_work_is_theirs_as_the_references_credit_them(extractor, text):
    claims = [c for c in _claims(extractor, text) if c.value == "Roger Corman"]
    assert [(c.subject, c.relation) for c in claims] == [
        ("Battle Beyond the Sun", Relation.PRODUCED_BY)
    ]
    assert claims[0].confidence < CONFIDENT  # a possessive: whose, not what they did


def test_someones_film_is_what_the_references_credit_them_with_not_one_they_like(extractor):
    text = "Donatas Banionis came from Lithuania. His best-known film is Solaris."
    [credit] = [c for c in _claims(extractor, text) if c.value == "Donatas Banionis"]
    assert (credit.subject, credit.relation) == ("Solaris", Relation.CAST)  # an actor's film
    assert credit.confidence < CONFIDENT
    for text in [
        "Andrei Tarkovsky admired Ingmar Bergman. His favourite film was Wild Strawberries.",
        "Andrei Tarkovsky admired Ingmar Bergman. Solaris was his favourite film.",
    ]:
        assert not [c for c in _claims(extractor, text) if c.value == "Andrei Tarkovsky"], text


def test_a_name_before_a_kind_of_film_says_whose_film_it_is_never_who_is_in_it(extractor):
    # the film set beside it, as the references credit the name there
    for text in [
        "The club showed Solaris (1972), the Tarkovsky picture, with a Lem story before it.",
        "The club showed the long Tarkovsky film, Solaris, with a Lem story before it.",
    ]:
        claims = [c for c in _claims(extractor, text) if c.value == "Andrei Tarkovsky"]
        assert [(c.subject, c.relation) for c in claims] == [("Solaris", Relation.DIRECTED_BY)]
        assert claims[0].confidence < CONFIDENT
    # a writer's adaptation: the film spoken of was made from their work, with doubt
    text = "Solaris (1972)\n\nWe end the night with this great Lem adaptation."
    [lem] = [c for c in _claims(extractor, text) if c.value == "Stanisław Lem"]
    assert (lem.subject, lem.relation) == ("Solaris", Relation.SOURCE_AUTHOR)
    assert lem.confidence < CONFIDENT
    # ... or named right after it without a comma
    text = "Voyage to the Prehistoric Planet is made from the Klushantsev picture Planeta Bur."
    claims = [c for c in _claims(extractor, text) if c.value == "Pavel Klushantsev"]
    assert [c.subject for c in claims] == ["Planeta Bur"]
    # another one is not the film spoken of, and none is a part; nor is the original a
    # re-edit was made of, which the name may as well mean
    for text in [
        "Solaris (1972)\n\nKaidanovsky, before his role in another Tarkovsky film, is here too.",
        "Solaris (1972)\n\nLet us talk about the other Lem films for once.",
        "Signals (1970)\n\nUnlike the Maetzig film, this one has colour.",
        "Battle Beyond the Sun (1962)\n\nCoppola added two monsters to the Karyukov picture.",
    ]:
        claims = _claims(extractor, text)
        makers = {"Andrei Tarkovsky", "Stanisław Lem", "Kurt Maetzig", "Mikhail Karyukov"}
        assert not [c for c in claims if c.value in makers], text


def test_two_people_the_references_do_not_name_joined_by_and_are_two_names(extractor):
    text = "Return from Orbit (1984) is a drama; Vitaly Solomin and Juozas Budraitis star."
    cast = {c.value for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert cast == {"Vitaly Solomin", "Juozas Budraitis"}
    # a title of a film no reference knows, with its year, stays one title
    unknown = _claims(extractor, "We also showed Peace and Light Years (1971) that night.")
    assert [c.subject for c in unknown] == ["Peace and Light Years"]


@pytest.mark.parametrize(
    ("text", "actor", "part"),
    [
        (
            "The Mystery of the Third Planet (1981) is a cartoon; Olga Gromova lends her voice "
            "to the young heroine Alisa.",
            "Olga Gromova",
            "Alisa",
        ),
        (
            "Moscow-Cassiopeia (1973) is fun; Innokenty Smoktunovsky wanders through nearly the "
            "whole long picture as the mysterious I.O.O.",
            "Innokenty Smoktunovsky",
            "I.O.O.",
        ),
        (
            "Signals (1970) is a DEFA film; Mitić, cast against type as the young cosmonaut "
            "Terry, is fine.",
            "Gojko Mitic",
            "Terry",
        ),
    ],
)
def test_what_an_actor_does_as_a_part_or_gives_it_names_their_part(extractor, text, actor, part):
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in cast] == [(actor, part)]


@pytest.mark.parametrize(
    "text",
    [
        # what an actor gives a character, or does while a character does something, is story
        "In Solaris (1972), Natalya Bondarchuk gives Kelvin a reason to stay.",
        "In Solaris (1972), Donatas Banionis, frozen in horror as Hari drinks liquid oxygen, "
        "cannot move.",
    ],
)
def test_an_actor_doing_something_to_or_while_a_character_acts_is_no_part(extractor, text):
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST and c.role]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # dropped from a cut, not taken on; an actor's new scenes are a cast credit; a story's
        # "produces" is no producer
        ("For Queen of Blood (1966), Dennis Hopper was dropped in the final cut.", "cast"),
        ("Queen of Blood (1966) has new scenes from Basil Rathbone.", "directed_by"),
        ("In Queen of Blood (1966), Florence Marly produces an eerie hum.", "produced_by"),
    ],
)
def test_words_a_rule_was_not_meant_for_make_no_credit(extractor, text, relation):
    assert not [c for c in _claims(extractor, text) if c.relation.value == relation]


def test_footage_named_before_a_passive_verb_went_into_each_film_of_the_list(extractor):
    text = (
        "Planeta Bur (1962) is a Soviet film. Its effects shots were later reused in the "
        "American films Voyage to the Prehistoric Planet (1965) and Voyage to the Planet of "
        "Prehistoric Women (1968)."
    )
    footage = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.FOOTAGE_USED_IN
    }
    assert footage == {
        ("Planeta Bur", "Voyage to the Prehistoric Planet"),
        ("Planeta Bur", "Voyage to the Planet of Prehistoric Women"),
    }
    # alike is not taken: effects a film used itself
    alike = "Planeta Bur (1962) used similar effects in scenes of Venus."
    assert not [c for c in _claims(extractor, alike) if c.relation is Relation.FOOTAGE_USED_IN]


@pytest.mark.parametrize(
    "text",
    [
        # the year a film was made may be a year before it came out
        "Guest from the Future was shot in 1984.",
        "Solaris was filmed in 1971.",
        # who shot a film may be its cameraman
        "Aelita was shot by Yuri Zhelyabuzhsky and Emil Schünemann.",
    ],
)
def test_what_a_making_verb_says_is_doubted_never_the_documents_error(extractor, text):
    claims = _claims(extractor, text)
    assert claims
    assert all(c.confidence < CONFIDENT for c in claims)
    verdicts = verify_claims(claims, CatalogueVerifier(extractor.catalogue))
    assert not [v for v in verdicts if v.verdict is Verdict.CONTRADICTED]
    said = "Solaris was filmed in 1971 and released in 1972."
    released = [c for c in _claims(extractor, said) if c.value == "1972"]
    assert [c.confidence >= CONFIDENT for c in released] == [True]


def test_years_apart_from_a_film_the_document_dates_give_a_doubted_year(extractor):
    text = (
        "Solaris came out in 1972. Jüri Järvet turns up seven years later in Dead "
        "Mountaineer's Hotel. Then Voyage to the Prehistoric Planet, which Harrington made "
        "a year earlier than that, and Queen of Blood."
    )
    years = {c.subject: c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR}
    counted = years["Dead Mountaineer's Hotel"]
    assert (counted.value, counted.confidence < CONFIDENT) == ("1979", True)
    # two films after the phrase: which one the years are of is not said
    assert "Voyage to the Prehistoric Planet" not in years
    assert "Queen of Blood" not in years
    # a sentence that dates the film itself ("two years later, in 1968") is read as it says
    dated = "Solaris came out in 1972. Two years later, in 1979, came Dead Mountaineer's Hotel."
    assert not [c for c in _claims(extractor, dated) if c.value == "1974"]


def test_what_a_maker_made_described_then_named_is_each_film_of_the_list(extractor):
    text = (
        "Gottfried Kolditz directed the studio's two most popular space adventures, Signals "
        "(1970) and In the Dust of the Stars (1976)."
    )
    directed = {
        c.subject: c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY
    }
    assert set(directed) == {"Signals: An Adventure in Space", "In the Dust of the Stars"}
    # what a description names may be versions of the films listed: doubted
    assert all(c.confidence < CONFIDENT for c in directed.values())
    sequel = "Viktorov directed Moscow-Cassiopeia (1973) and its sequel Teens in the Universe."
    directed = {c.subject for c in _claims(extractor, sequel) if c.relation is Relation.DIRECTED_BY}
    assert directed == {"Moscow-Cassiopeia", "Teens in the Universe"}


def test_an_entry_headed_by_a_person_gives_his_films_to_that_person(extractor):
    text = (
        "Kolditz, Gottfried\n\nAn East German director.\n\nSignals (1970) was his first "
        "venture into space, and In the Dust of the Stars (1976) his last film."
    )
    credited = {
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY
    }
    assert ("Signals: An Adventure in Space", "Gottfried Kolditz") in credited
    # a heading that names a film as well is about the film, not the person
    film_first = text.replace("Kolditz, Gottfried", "Signals and Kolditz, Gottfried")
    assert not [c for c in _claims(extractor, film_first) if c.relation is Relation.DIRECTED_BY]


def test_what_a_film_is_made_from_is_no_part_and_that_score_is_its_music(extractor):
    text = (
        "Ikarie XB-1 (1963) is cold and fine. The source is Lem's The Magellanic Cloud, and "
        "Zdeněk Liška did that eerie score."
    )
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.relation is Relation.CAST]
    assert ("The Magellanic Cloud", "written_by", "Stanisław Lem") in _found(claims)
    assert ("Ikarie XB-1", "music_by", "Zdeněk Liška") in _found(claims)


def test_a_studio_in_a_which_clause_and_peoples_set_beside_a_dated_title(extractor):
    made = "Then Eolomea, which DEFA made with Soviet and Bulgarian partners, closes the day."
    assert ("Eolomea", "studio", "DEFA") in _found(_claims(extractor, made))
    apposed = "Try The Silent Star (1960), the East German-Polish film of a Lem novel."
    found = _found(_claims(extractor, apposed))
    assert {
        ("The Silent Star", "country", "East Germany"),
        ("The Silent Star", "country", "Poland"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        # what a maker made is the versions, not the films named after them
        "Harrington directed the American versions of two Soviet films, Planeta Bur and "
        "Mechte Navstrechu.",
        # a studio that did not make the film, or made something else
        "Ikarie XB-1 is not a film which DEFA made.",
        "Planeta Bur, which Mosfilm made no offer for, was made at Lennauchfilm.",
        # a bloc is no country
        "The Silent Star (1960), the Soviet-bloc film, was based on Lem.",
        # the year of its making, whoever made it
        "Guest from the Future was made by the Gorky Film Studio in 1984.",
        "Guest from the Future was shot by Pavel Arsenov in 1984.",
    ],
)
def test_sentences_the_newer_rules_were_not_meant_for_blame_nothing(extractor, text):
    assert not _contradicted(extractor, text)


def test_years_apart_after_what_the_sentence_before_said_are_not_counted(extractor):
    text = (
        "Signals: An Adventure in Space (1970)\n\nKolditz directed Signals for DEFA. Six years "
        "later he made In the Dust of the Stars. Two years after that came Eolomea."
    )
    assert not [
        c
        for c in _claims(extractor, text)
        if c.subject == "Eolomea" and c.relation is Relation.RELEASE_YEAR
    ]


def test_a_cue_whose_clause_ended_before_a_name_does_not_credit_it(extractor):
    text = (
        "Solaris (1972)\n\n"
        "Author and director quarrelled openly over the film, and Lem never fully accepted "
        "it. The composer wrote a strange score; Tarkovsky later cut much of it.\n\n"
        "Eolomea (1972)\n\n"
        "Habbema plays her with a cool intelligence, and Hoppe makes Tal a secretive figure.\n"
    )
    found = _found(_claims(extractor, text))
    credits = {"directed_by", "music_by", "written_by", "source_author", "produced_by"}
    assert not {f for f in found if f[0] == "Solaris" and f[1] in credits}
    # a part is said in parallel clauses: the second actor is in the cast too
    assert ("Eolomea", "cast", "Rolf Hoppe") in found


def test_a_word_for_a_people_before_a_part_describes_it(extractor):
    text = (
        "Kin-dza-dza! (1986)\n\n"
        "Levan Gabriadze plays the Georgian student Gedevan, and Stanislav Lyubshin plays the "
        "Muscovite foreman Uncle Vova. Yevgeni Leonov plays Christian, a wandering singer.\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert {("Levan Gabriadze", "Gedevan"), ("Stanislav Lyubshin", "Uncle Vova")} <= parts
    assert ("Yevgeni Leonov", "Christian") in parts  # a name, not a word for a people


def test_a_part_may_be_described_by_one_word_without_an_article(extractor):
    text = (
        "Signals: An Adventure in Space (1970)\n\n"
        "Gojko Mitić plays young Terry. Alfred Müller is not Veikko. Piotr Pawlowski plays "
        "opposite Mitić. Alfred Müller was almost Terry. Piotr Pawlowski is unlike Konrad.\n\n"
        "Eolomea (1972)\n\n"
        "Cox Habbema plays Maria Scholl, and Rolf Hoppe makes Tal a secretive figure.\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Gojko Mitić", "Terry") in parts
    assert not {p for p in parts if p[0] in {"Alfred Müller", "Piotr Pawlowski"} and p[1]}
    assert ("Alfred Müller", "Terry") not in parts
    # a verb after the next actor is no describing word: the part is not said of them
    assert ("Rolf Hoppe", "Tal") not in parts


def test_another_production_of_a_studio_is_made_there(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\nIt's another Dovzhenko production, by the way.\n\n"
        "Moscow-Cassiopeia (1973)\n\nAnd that is another Gorky production.\n"
    )
    studios = {
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.STUDIO
    }
    assert studios == {
        ("The Andromeda Nebula", "Dovzhenko production"),
        ("Moscow-Cassiopeia", "Gorky production"),
    }


def test_names_then_the_studio_they_made_it_at_are_its_makers(extractor):
    text = (
        "Thread: old films\n\nnadia wrote:\nAelita is my favourite.\n\n"
        "boris_k wrote:\nNebo Zovyot is 1959, though, Karyukov and Kozyr at the Dovzhenko "
        "studio.\n\nnadia wrote:\nBanionis was at Mosfilm that year.\n"
    )
    found = _found(_claims(extractor, text))
    assert {
        ("Nebo Zovyot", "directed_by", "Mikhail Karyukov"),
        ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr"),
        ("Nebo Zovyot", "studio", "Dovzhenko studio"),
    } <= found
    # an actor somewhere is no maker, and no film is told by a sentence opening on another
    assert not {f for f in found if f[2] == "Donatas Banionis"}
    assert not {f for f in found if f[0] == "Aelita" and f[1] != "plot"}


def test_a_credits_line_with_dashes_between_its_fields_is_read_field_by_field(extractor):
    text = (
        "SPACE FILMS FROM KYIV\n\nThe Andromeda Nebula\n"
        "USSR 1967 - Dovzhenko Film Studios - directed by Yevgeni Sherstobitov - from the "
        "novel by Ivan Yefremov - with Sergei Stolyarov (Dar Veter)\n"
        "The starship Tantra is trapped by an iron star - and the crew must land.\n"
    )
    found = _found(_claims(extractor, text))
    assert {
        ("The Andromeda Nebula", "studio", "Dovzhenko Film Studios"),
        ("The Andromeda Nebula", "directed_by", "Yevgeni Sherstobitov"),
        ("The Andromeda Nebula", "source_author", "Ivan Yefremov"),
    } <= found
    said = [s.text for s in split_sentences(text)]
    assert "The starship Tantra is trapped by an iron star - and the crew must land." in said


def test_a_parts_first_name_spelt_otherwise_is_still_the_part(extractor):
    text = (
        "The Andromeda Nebula (1967)\n\n"
        "With Sergei Stolyarov (Dar Veter) and Vija Artmane (Veda Kong).\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Vija Artmane", "Veda Kong") in parts


def test_an_aside_after_an_actor_on_a_part_in_another_film_casts_them_there(extractor):
    text = (
        "Dead Mountaineer's Hotel (1979)\n\n"
        "Jüri Järvet, the Snaut of Tarkovsky's Solaris, plays the hotel keeper Alex Snewahr. "
        "Uldis Pūcītis, remembered by some as Sartorius in Solaris, plays Glebsky. "
        "Lembit Peterson, like Snaut in Solaris, says little. Donatas Banionis, who was nearly "
        "cast as Snaut in Solaris, ended up as Kelvin.\n"
    )
    parts = {
        (c.subject, c.value, c.role)
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST
    }
    assert ("Solaris", "Jüri Järvet", "Snaut") in parts
    assert ("Solaris", "Uldis Pūcītis", "Sartorius") in parts  # (false, and so caught)
    assert not {p for p in parts if p[1] == "Lembit Peterson" and p[0] == "Solaris"}
    assert ("Solaris", "Donatas Banionis", "Snaut") not in parts  # only nearly


@pytest.mark.parametrize(
    "post",
    [
        "Kaidanovsky plays Tom Nowak here, I swear, a tiny part on the station.",
        "People say Kaidanovsky is Tom Nowak in it, but that is wrong.",
        "Gia Kancheli wrote the score for this one too.",
        "Gia Kancheli wrote the score, right?",
    ],
)
def test_a_credit_pointing_at_the_threads_film_or_doubted_stays_with_it(extractor, post):
    text = (
        "Thread: Solaris\n\nnadia: Kin-dza-dza! is dull, but Solaris is a joy.\n\n"
        f"boris_k: {post}\n"
    )
    moved = {"Pilot Pirx's Inquest", "Kin-dza-dza!"}
    credits = {Relation.CAST, Relation.MUSIC_BY}
    assert not [c for c in _claims(extractor, text) if c.relation in credits and c.subject in moved]


@pytest.mark.parametrize(
    "post",
    [
        "Solaris is slower, whereas this one was directed by Georgiy Daneliya with real wit.",
        "Solaris bored me, but the Kancheli score in this one is wonderful.",
    ],
)
def test_a_sentence_setting_a_film_against_the_one_spoken_of_is_not_about_it(extractor, post):
    text = f"Thread: Kin-dza-dza!\n\nnadia: Kin-dza-dza! is my favourite.\n\nboris_k: {post}\n"
    assert not [c for c in _claims(extractor, text) if c.subject == "Solaris" and c.value != "1972"]


def test_an_info_box_label_in_lower_case_is_no_posters_name(extractor):
    text = (
        "Solaris (1972)\nbook: Stanisław Lem, 1961\n\n"
        "Ikarie XB-1 (1963)\nsource: The Magellanic Cloud\nauthor: Stanisław Lem\n"
    )
    assert not _contradicted(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Andromeda Nebula (1967) was made by Sherstobitov at the Dovzhenko studio; "
        "Klushantsev at Lennauchfilm had turned it down.",
        "Solaris is not another Gorky production, whatever the poster says.",
        "Thread: old films\n\nnadia: Solaris is my favourite.\n\n"
        "boris_k: Banionis and Bondarchuk at Mosfilm were a great pair.",
    ],
)
def test_names_at_a_studio_or_a_denied_production_credit_nothing(extractor, text):
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.value in {"Pavel Klushantsev", "Gorky production"}]
    assert not [c for c in claims if c.relation is Relation.CAST]


def test_a_year_later_than_any_release_is_no_films_year(extractor):
    text = (
        "Thread: Alisa\n\nnadia: Where does Kolya end up in Guest from the Future?\n\nIt's 2084.\n"
    )
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]


@pytest.mark.parametrize(
    "text",
    [
        "Solaris - 1972 - is the one everyone knows, but Eolomea - directed by Zschoche - is "
        "better.",
        "Nebo Zovyot was finished without Kozyr at the Dovzhenko studio.",
        "Solaris was first offered to Daneliya at Mosfilm.",
    ],
)
def test_prose_with_dashes_or_names_near_a_studio_credits_no_one_wrongly(extractor, text):
    found = _found(_claims(extractor, text))
    assert not {f for f in found if f[1] == "directed_by" and f[2] != "Herrmann Zschoche"}
    assert not {f for f in found if f[0] == "Solaris" and f[1] == "directed_by"}


def _studios(extractor: Extractor, text: str) -> set[tuple[str, str | None]]:
    return {
        (c.subject, c.value_entity)
        for c in _claims(extractor, text)
        if c.relation is Relation.STUDIO
    }


def test_a_studio_named_short_is_the_studio_only_where_its_words_say_so(extractor):
    opening = "Per Aspera Ad Astra is the last one on my list. "
    said = {("Per Aspera Ad Astra", "gorky-film-studio")}
    for text in (
        "Viktorov made it at Gorky.",
        "Viktorov shot it for Gorky in 1981.",
        "Viktorov, Gorky, 1981.",
        "Gorky again.",
        "Viktorov made it and his two Zarya films, all at Gorky.",
    ):
        claims = [c for c in _claims(extractor, opening + text) if c.relation is Relation.STUDIO]
        assert {(c.subject, c.value_entity) for c in claims} == said, text
        # the city, or the man the studio is named after, may be meant: never blamed
        assert all(c.confidence < CONFIDENT for c in claims), text
    # a city, a street, a writer, a man: the short name alone says no studio
    for text in (
        "Viktorov grew up on Gorky Street.",
        "Gorky's novels were never filmed by Viktorov.",
        "The boy in it comes from Gorky, like Viktorov.",
        "Gorky is a long way from Moscow.",
        "Sakharov, who lived in exile at Gorky, reportedly liked it.",
        "The film was made as a tribute for Dovzhenko, who had died two years earlier.",
        "Karyukov left for Odessa in 1962 to shoot the sea scenes.",
        "Yelena Metyolkina later studied at Gorky.",
        "Viktorov, Odessa, 1923: the rest of his biography is unclear.",
        "Yevgeni Leonov never worked for Gorky, as far as I know.",
        "The premiere was held at Gorky again.",
    ):
        assert _studios(extractor, opening + text) == set(), text


def test_a_credit_said_to_be_the_same_again_is_still_a_bare_credit(extractor):
    opening = "Per Aspera Ad Astra is the last one on my list. "
    for text in (
        "Richard Viktorov, Gorky Film Studio again.",
        "Richard Viktorov, Gorky Film Studio too.",
    ):
        found = {
            (c.subject, c.relation.value, c.value_entity)
            for c in _claims(extractor, opening + text)
        }
        assert found >= {
            ("Per Aspera Ad Astra", "directed_by", "richard-viktorov"),
            ("Per Aspera Ad Astra", "studio", "gorky-film-studio"),
        }, text
    # someone said again is credited with what they did before, perhaps not with directing
    for text, person in (
        ("Pilot Pirx's Inquest (1979). Lem again, Tallinnfilm.", "Stanisław Lem"),
        ("Im Staub der Sterne (1976). Kolditz, DEFA. Sasse again, 1976.", "Karl-Ernst Sasse"),
    ):
        found = _found(_claims(extractor, text))
        assert not [f for f in found if f[1] == "directed_by" and f[2] == person], text
    # a year said again beside someone: mostly the film's, perhaps another date, with doubt
    claims = _claims(extractor, opening + "Richard Viktorov, Gorky Film Studio, 1983 again.")
    years = [c for c in claims if c.relation is Relation.RELEASE_YEAR]
    assert [c.value for c in years] == ["1983"]
    assert years[0].confidence < CONFIDENT


def test_a_studio_where_someone_began_another_film_is_not_the_films_spoken_of(extractor):
    opening = "Solaris (1972) is long and slow. "
    for text in (
        "In 1975 Tarkovsky began another film at Mosfilm, Zerkalo.",
        "Tarkovsky's next picture for Mosfilm was Zerkalo.",
        "Later Tarkovsky started a third film at Mosfilm.",
    ):
        assert _studios(extractor, opening + text) == set(), text
    assert not _studios(
        extractor, opening + "Tarkovsky later directed children's films for Mosfilm."
    )
    # the film itself made there still is
    for text in (
        "The film was shot at Mosfilm.",
        "It was a prestige picture for Mosfilm.",
        "It was a difficult film for Mosfilm and took two years.",
    ):
        assert _studios(extractor, opening + text) == {("Solaris", "mosfilm")}, text


def test_a_surname_spelt_another_way_is_still_the_person(extractor):
    found = {
        (c.subject, c.relation.value, c.value_entity)
        for c in _claims(extractor, "Kin-dza-dza! was directed by Danelia, at Mosfilm.")
    }
    assert ("Kin-dza-dza!", "directed_by", "georgiy-daneliya") in found
    # an English word spelt like a surname without its marks ("Part" for Pärt) is a word
    claims = _claims(extractor, "Pilot Pirx's Inquest has a strange score. Part of it is loud.")
    assert not [c for c in claims if c.value_entity == "arvo-part"]


def test_a_part_in_an_aside_after_the_actor_is_their_part(extractor):
    opening = "Voyage to the Prehistoric Planet came out in 1965. "
    for text, parts in (
        (
            "Basil Rathbone, playing Professor Hartman, spends the film in a control room.",
            {("Basil Rathbone", "Professor Hartman")},
        ),
        (
            "Basil Rathbone, as Professor Hartman on Lunar 7, and Faith Domergue, as Marsha "
            "Evans aboard the Vega, are spliced in.",
            {("Basil Rathbone", "Professor Hartman"), ("Faith Domergue", "Marsha Evans")},
        ),
    ):
        cast = {(c.value, c.role) for c in _claims(extractor, opening + text) if c.role}
        assert cast == parts, text
    # "as" may also compare or stand for another film's part: never blamed
    text = (
        "Guest from the Future (1985) made Natalya Guseva famous. Olga Gromova, as Alisa, "
        "voiced the same heroine in the cartoon."
    )
    assert all(c.confidence < CONFIDENT for c in _claims(extractor, text) if c.role)
    # the "as" of "while", and someone's kin, are no parts
    for text in (
        "Donatas Banionis, as Kelvin arrives, looks tired.",
        "Natalya Bondarchuk, as Kelvin's wife, is good.",
    ):
        assert not [c for c in _claims(extractor, "Solaris came out in 1972. " + text) if c.role]


def _thread(*posts: str) -> str:
    return "Thread: Viktorov films\n\n" + "\n\n".join(
        f"poster{number} wrote:\n{post}" for number, post in enumerate(posts)
    )


def test_a_bare_value_after_a_statement_said_in_doubt_answers_nothing(extractor):
    # the next post may answer another question, or list a cast: a name alone says nothing
    for posts in (
        (
            "I think Pavel Arsenov directed Guest from the Future (1985). Who wrote the music, "
            "though?",
            "Yevgeny Krylatov.",
        ),
        (
            "Guest from the Future (1985) was, I think, directed by Pavel Arsenov.",
            "Natalya Guseva.",
        ),
        (
            "Perhaps Eolomea (1972) is the best DEFA film. When did the Berlinale show it again?",
            "2017.",
        ),
    ):
        claims = _claims(extractor, _thread(*posts))
        assert not [c for c in claims if posts[1].rstrip(".") in c.evidence.quote], posts
    # "surely?" asks: it corrects nothing
    text = _thread(
        "Kin-dza-dza! (1986) was made at Mosfilm, like Solaris.",
        "Lenfilm, surely? No wait, you're right, Mosfilm.",
    )
    assert ("Kin-dza-dza!", "lenfilm") not in _studios(extractor, text)


def test_a_reply_opening_on_a_studio_then_a_credit_gives_the_studio(extractor):
    text = _thread(
        "Guest from the Future was Mosfilm, wasn't it?",
        "Gorky Film Studio, directed by Pavel Arsenov.",
    )
    assert ("Guest from the Future", "gorky-film-studio") in _studios(extractor, text)
    text = _thread(
        "Guest from the Future is fun.", "No, Gorky Film Studio again, music by Yevgeny Krylatov."
    )
    assert ("Guest from the Future", "gorky-film-studio") in _studios(extractor, text)
    # asked, or a studio that the sentence's own verb governs, is no credit of the film
    for reply in (
        "Gorky Film Studio, directed by Pavel Arsenov?",
        "The boy went to Gorky Film Studio, directed by his uncle.",
    ):
        assert not _studios(extractor, _thread("Guest from the Future is fun.", reply)), reply


def test_a_title_no_reference_knows_keeps_its_little_words_before_its_year(extractor):
    text = (
        "Return from Orbit (1984) is the best of them. Honourable mention: Vstrecha na orbite "
        "(1975), Arkady Lenskoy's low-key Lenfilm drama."
    )
    claims = _claims(extractor, text)
    # its credits are its own, not those of the film before
    assert {c.subject for c in claims if c.relation is Relation.STUDIO} == {"Vstrecha na orbite"}
    assert not [c for c in claims if c.subject == "Return from Orbit" and c.value == "1975"]


def test_a_heading_whose_known_title_has_a_colon_is_that_title(extractor):
    text = (
        "DEFA science fiction\n\n"
        "Signals: An Adventure in Space (1970)\n"
        "A decade passed before the studio went back into space. Karl-Ernst Sasse wrote the "
        "music.\n\n"
        "CLOSING NIGHT: Solaris (1972)\n"
        "Andrei Tarkovsky directed it."
    )
    found = {(c.subject, c.relation.value, c.value) for c in _claims(extractor, text)}
    assert {
        ("Signals: An Adventure in Space", "release_year", "1970"),
        ("Signals: An Adventure in Space", "music_by", "Karl-Ernst Sasse"),
        ("Solaris", "release_year", "1972"),
        ("Solaris", "directed_by", "Andrei Tarkovsky"),
    } <= found
    assert not [f for f in found if f[0] in {"An Adventure in Space", "CLOSING NIGHT"}]


def test_a_release_in_a_countrys_cinemas_gives_its_date_with_doubt(extractor):
    text = "The Silent Star is old. It was released in East German cinemas on 26 February 1960."
    dates = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_DATE]
    assert [(c.subject, c.value) for c in dates] == [("The Silent Star", "1960-02-26")]
    assert dates[0].confidence < CONFIDENT  # perhaps an opening abroad


def test_an_actor_himself_playing_a_part_or_being_its_described_part(extractor):
    for text, expected in (
        (
            "A Dream Come True (1963) is next. Koberidze himself plays Ivan Batalov.",
            ("Otar Koberidze", "Ivan Batalov"),
        ),
        (
            "Queen of Blood (1966) is next. Robert Boon is its commander, Anders Brockman.",
            ("Robert Boon", "Anders Brockman"),
        ),
    ):
        cast = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
        assert expected in cast, text
    # a maker described so plays nothing
    text = "Solaris (1972) is next. Tarkovsky himself is its director, as everyone knows."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]


def test_a_sentence_naming_the_makers_of_the_film_spoken_of_stays_with_it(extractor):
    text = (
        "Space-race films, from A Dream Come True to Solaris.\n\n"
        "1. Nebo Zovyot (1959)\n"
        "Mikhail Karyukov and Aleksandr Kozyr's film opened on 12 September 1959, the very day "
        "Luna 2 was launched towards the Moon."
    )
    dates = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation in {Relation.RELEASE_YEAR, Relation.RELEASE_DATE}
        and "Luna 2" in c.evidence.quote
    }
    assert dates == {("Nebo Zovyot", "1959"), ("Nebo Zovyot", "1959-09-12")}


def test_a_film_that_was_in_cinemas_on_a_day_came_out_then(extractor):
    text = (
        "First Flight to the Stars is a documentary. Ilya Kopalin's 55-minute film was in "
        "cinemas on 25 April 1961."
    )
    found = _found(_claims(extractor, text))
    assert {
        ("First Flight to the Stars", "release_year", "1961"),
        ("First Flight to the Stars", "release_date", "1961-04-25"),
    } <= found


def test_footage_from_a_film_named_after_the_re_edit_went_into_the_re_edit(extractor):
    text = (
        "Curtis Harrington's Queen of Blood (1966) mixed its spaceship shots with footage from "
        "Mechte navstrechu."
    )
    footage = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation.value == "footage_used_in"
    }
    assert footage == {("Mechte navstrechu", "Queen of Blood")}


def test_footage_that_turns_up_again_in_a_film_went_into_it(extractor):
    for text in (
        "Nebo Zovyot (1959) is old. Its space-station shots turn up again in Queen of Blood.",
        "Nebo Zovyot (1959) is old. The same shots resurfaced in Queen of Blood (1966).",
    ):
        footage = {
            (c.subject, c.value)
            for c in _claims(extractor, text)
            if c.relation.value == "footage_used_in"
        }
        assert footage == {("Nebo Zovyot", "Queen of Blood")}, text
    # someone who turns up in a film is no footage
    text = "Solaris (1972) is old. Kaidanovsky turns up in Pilot Pirx's Inquest (1979)."
    assert not [c for c in _claims(extractor, text) if c.relation.value == "footage_used_in"]


def test_an_actor_in_a_list_of_parts_said_once_plays_a_described_part(extractor):
    for text, actor in (
        (
            "Kin-dza-dza! (1986) is great. Stanislav Lyubshin plays the foreman, Levan "
            "Gabriadze the student, and Yevgeni Leonov is Uef.",
            "Levan Gabriadze",
        ),
        (
            "Dead Mountaineer's Hotel (1979) is great. Kārlis Sebris is Mr Moses, Irena "
            "Kriauzaitė his alarming wife.",
            "Irena Kriauzaitė",
        ),
    ):
        cast = {c.value for c in _claims(extractor, text) if c.relation is Relation.CAST}
        assert actor in cast, text
    # a maker in the list plays nothing; without a verb of playing there is no list of parts
    for text in (
        "Solaris (1972) is great. Donatas Banionis plays Kelvin, Andrei Tarkovsky the director.",
        "Solaris (1972) is great. Mosfilm made it, Andrei Tarkovsky the adaptation.",
    ):
        cast = {c.value for c in _claims(extractor, text) if c.relation is Relation.CAST}
        assert "Andrei Tarkovsky" not in cast, text


def test_a_paragraph_after_one_on_the_original_goes_to_the_film_its_story_tells(extractor):
    text = (
        "Queen of Blood (1966) - a Soviet space opera with the teeth left in\n\n"
        "Most of its space scenes come from Mechte navstrechu, the Soviet picture of 1963, "
        "which Curtis Harrington cut up for Roger Corman.\n\n"
        "Dr Farraday, played with tired dignity by Basil Rathbone, works out that the aliens "
        "are sending an ambassador."
    )
    cast = {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST and "Farraday" in c.evidence.quote
    }
    assert cast == {("Queen of Blood", "Basil Rathbone")}


def test_an_actor_given_a_second_part_in_another_film_with_the_verb_left_out(extractor):
    text = (
        "Basil Rathbone is Professor Hartman in Voyage to the Prehistoric Planet and "
        "Dr. Farraday in Queen of Blood."
    )
    cast = {(c.subject, c.value, c.role) for c in _claims(extractor, text) if c.role}
    assert cast == {
        ("Voyage to the Prehistoric Planet", "Basil Rathbone", "Professor Hartman"),
        ("Queen of Blood", "Basil Rathbone", "Dr. Farraday"),
    }
    # a second name that is no part of that film's is not read as one
    text = "Jüri Järvet is Snaut in Solaris and Tarkovsky in his own way."
    assert {c.subject for c in _claims(extractor, text) if c.role} == {"Solaris"}


def test_two_of_something_else_are_not_the_two_films(extractor):
    opening = "Moscow-Cassiopeia and Teens in the Universe are fun. "
    text = opening + "The two pirates in the serial are Vyacheslav Nevinny and Mikhail Kononov."
    assert not [
        c
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST and c.attribution.startswith("'the' read as")
    ]
    # the films' own scores, or the two films, are both films
    for text in (
        opening + "Both scores are by Vladimir Chernyshev.",
        opening + "The two are scored by Vladimir Chernyshev.",
    ):
        music = {c.subject for c in _claims(extractor, text) if c.relation.value == "music_by"}
        assert music == {"Moscow-Cassiopeia", "Teens in the Universe"}, text


def test_mends_from_a_reading_of_the_later_rules(extractor):
    def found(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    # new or merely similar footage that turns up elsewhere is none of the film's own
    for text in (
        "Nebo Zovyot (1959) is old. Similar shots turn up in Queen of Blood.",
        "Planeta Bur (1962) is old. Newly shot scenes turn up in Voyage to the Prehistoric Planet.",
        "A Dream Come True (1963) is lovely. Harrington's own new scenes reappear in Queen of "
        "Blood.",
    ):
        assert not [f for f in found(text) if f[1] == "footage_used_in"], text
    # a crew job in a list of parts is no part
    text = (
        "A Dream Come True (1963) is great. Karyukov directed, Borisyonok plays Sayenko, and "
        "Koberidze the second unit."
    )
    assert not [f for f in found(text) if f[1] == "cast" and f[2] == "Otar Koberidze"]
    # a short studio name before more words of a place, or a man described after it
    for text in (
        "Per Aspera Ad Astra (1981) is good. Its two leads were both at Gorky drama school.",
        "The Andromeda Nebula (1967) is handsome. Sherstobitov made it for Dovzhenko, his old "
        "teacher, who had died in 1956.",
    ):
        assert not _studios(extractor, text), text
    # a re-run or a run somewhere is no release year to blame the document for
    for text in (
        "Solaris (1972) was in cinemas again in 2002, in a new print.",
        "Kin-dza-dza! (1986) was a hit: it was in cinemas for a whole year, into 1987.",
    ):
        assert not [f for f in found(text) if f[1] == "release_year" and f[2] in {"2002", "1987"}]
    # a maker described with "its" plays nothing; "himself is" is no part
    for text in (
        "The Andromeda Nebula (1967) is next. Ivan Yefremov is its author, Erg Noor its captain.",
        "Solaris (1972) is next. Stanisław Lem is its source, Kris Kelvin its hero.",
        "Solaris (1972) is next. Andrei Tarkovsky himself is Kelvin, in a sense.",
    ):
        assert not [f for f in found(text) if f[1] == "cast"], text
    # a film someone pitched to a studio is another film; both films made there are the two
    text = (
        "Per Aspera Ad Astra (1981) is Viktorov's best. Viktorov had first pitched a space film "
        "for Mosfilm, which turned him down."
    )
    assert not _studios(extractor, text)
    text = (
        "Moscow-Cassiopeia and Teens in the Universe are fun. Viktorov made both films for "
        "Gorky Film Studio."
    )
    assert {s for s, _ in _studios(extractor, text)} == {
        "Moscow-Cassiopeia",
        "Teens in the Universe",
    }
    # footage of something in the first film, given to the second
    text = (
        "Nebo Zovyot sold all of its best footage of the Mars rocket launch to Battle Beyond "
        "the Sun."
    )
    assert ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun") in found(text)


def test_mends_from_a_reading_of_the_last_mends(extractor):
    def found(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    # a second part denied, or met, in another film is none of the actor's
    for text in (
        "Basil Rathbone is Professor Hartman in Voyage to the Prehistoric Planet and not "
        "Dr. Farraday in Queen of Blood.",
        "Basil Rathbone is Professor Hartman in Voyage to the Prehistoric Planet and meets "
        "Dr. Farraday in Queen of Blood.",
        "Dennis Hopper is Paul Grant in Queen of Blood, and Professor Hartman in Voyage to the "
        "Prehistoric Planet is played by Basil Rathbone.",
    ):
        claims = _claims(extractor, text)
        assert not [c for c in claims if c.attribution.startswith("a second part")], text
    # films someone made for a studio are others, unless "both" after a pair is named
    for text in (
        "Solaris (1972) is long. Tarkovsky then made two films for Mosfilm before emigrating.",
        "Per Aspera Ad Astra (1981) is good. Earlier, Viktorov had made both films for Mosfilm.",
    ):
        assert not _studios(extractor, text), text
    assert ("Solaris", "mosfilm") in _studios(
        extractor, "Solaris (1972) is long. Solaris was then a rare film for Mosfilm."
    )
    # makers named in a sentence keep it on their film, unless they did not make it
    text = (
        "Space-race films, from A Dream Come True to Solaris.\n\n1. Nebo Zovyot (1959)\n"
        "Directed by Mikhail Karyukov and Aleksandr Kozyr, it opened on 12 September 1959, the "
        "very day Luna 2 was launched towards the Moon."
    )
    assert ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr") in found(text)
    # the source of footage named after "from" or "owes ... to", however the footage is told
    for text, pair in (
        (
            "Queen of Blood took its footage of the Mars landing from A Dream Come True.",
            ("A Dream Come True", "footage_used_in", "Queen of Blood"),
        ),
        (
            "Battle Beyond the Sun owes its footage of the rocket launch to Nebo Zovyot.",
            ("Nebo Zovyot", "footage_used_in", "Battle Beyond the Sun"),
        ),
        (
            "Nebo Zovyot (1959) is a fine film. Nebo Zovyot's effects shots turn up again in "
            "Queen of Blood.",
            ("Nebo Zovyot", "footage_used_in", "Queen of Blood"),
        ),
    ):
        assert pair in found(text), text
    # parts a reader would read: a crew word played as a part, a part by its ending
    text = (
        "Moscow-Cassiopeia (1973) is fun. Vasili Merkuryev plays the institute's director, "
        "Academician Blagovidov."
    )
    assert [c.role for c in _claims(extractor, text) if c.relation is Relation.CAST] == [
        "Academician Blagovidov"
    ]
    text = (
        "Dead Mountaineer's Hotel (1979) is a moody film. Uldis Pucitis plays the inspector, "
        "Jüri Järvet the hotelier and Mikk Mikiver the gangster."
    )
    cast = {c.value for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert {"Jüri Järvet", "Mikk Mikiver"} <= cast
    # "each of them" after two films named is both
    text = (
        "Corman cut Planeta Bur into Voyage to the Prehistoric Planet and Voyage to the Planet "
        "of Prehistoric Women. Each of them takes place on Venus."
    )
    settings = {f[0] for f in found(text) if f[1] == "setting"}
    assert settings == {
        "Voyage to the Prehistoric Planet",
        "Voyage to the Planet of Prehistoric Women",
    }


def test_mends_from_a_reading_of_the_mends_before(extractor):
    def found(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    # a character's scenes, scenes shot anew: none of the film's footage
    for text in (
        "Voyage to the Prehistoric Planet reused Planeta Bur. The professor's scenes turn up "
        "again in Voyage to the Planet of Prehistoric Women.",
        "Nebo Zovyot (1959) is old. The Corman-shot scenes turn up in Queen of Blood.",
    ):
        assert (
            "Planeta Bur",
            "footage_used_in",
            "Voyage to the Planet of Prehistoric Women",
        ) not in found(text)
        assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") not in found(text)
    # a man the studio is named after, "in cinemas by" a date, another film completed
    for text in (
        "Nebo Zovyot (1959) is old. The film was made for Dovzhenko while he was still alive.",
        "Nebo Zovyot (1959) is old. Karyukov shot it for Dovzhenko, whose Earth it quotes.",
        "Solaris (1972) is long. Tarkovsky completed a film for Gorky Film Studio afterwards.",
    ):
        assert not _studios(extractor, text), text
    assert not [
        f for f in found("A Dream Come True was in cinemas by 1963.") if f[1] == "release_year"
    ]
    # "both" before people is no pair of films
    text = (
        "Moscow-Cassiopeia and Teens in the Universe follow a crew of teenagers. Both engineers "
        "were later filmed at Mosfilm."
    )
    assert all(
        c.confidence < CONFIDENT for c in _claims(extractor, text) if c.relation is Relation.STUDIO
    )
    # a second part described after an article, the two films of a pair at a studio
    text = (
        "Ivan Pereverzev plays Andrei Sayenko in A Dream Come True and the pilot Eugene Kornev "
        "in Nebo Zovyot."
    )
    assert ("Nebo Zovyot", "Eugene Kornev") in {
        (c.subject, c.role) for c in _claims(extractor, text) if c.role
    }
    text = (
        "Viktorov made Moscow-Cassiopeia and Teens in the Universe back to back. He shot the two "
        "films at Gorky Film Studio."
    )
    assert {f for f, _ in _studios(extractor, text)} == {
        "Moscow-Cassiopeia",
        "Teens in the Universe",
    }
    assert ("Solaris", "mosfilm") in _studios(
        extractor,
        "Solaris (1972) is long. Solaris was the most expensive of the films for Mosfilm that "
        "year.",
    )
    # a word that only ends like a word for a person is no part
    text = (
        "A Dream Come True (1963) is great. Boris Borisyonok plays Andrei Sayenko, and Mikhail "
        "Karyukov the process."
    )
    assert "Mikhail Karyukov" not in {
        c.value for c in _claims(extractor, text) if c.relation is Relation.CAST
    }


def test_the_studios_of_a_co_production(extractor):
    def studios(text: str) -> set[tuple[str, str]]:
        return {(s, v) for s, r, v in _found(_claims(extractor, text)) if r == "studio"}

    text = (
        "Solaris is not my subject tonight. Pilot Pirx's Inquest was filmed partly with "
        "Tallinnfilm and with the Ukrainian Dovzhenko studio."
    )
    assert studios(text) == {
        ("Pilot Pirx's Inquest", "Tallinnfilm"),
        ("Pilot Pirx's Inquest", "Dovzhenko studio"),
    }
    text = (
        "Pilot Pirx's Inquest (1979) was a joint venture of Poland's Zespoły Filmowe and "
        "Tallinnfilm in Estonia."
    )
    assert studios(text) == {
        ("Pilot Pirx's Inquest", "Zespoły Filmowe"),
        ("Pilot Pirx's Inquest", "Tallinnfilm"),
    }
    text = "Pilot Pirx's Inquest is a three-studio co-production (Tallinnfilm, Zespoły Filmowe)."
    assert {v for _, v in studios(text)} == {"Tallinnfilm", "Zespoły Filmowe"}
    # "with" a studio that made nothing with it
    text = "Pilot Pirx's Inquest is tense. Piestrak quarrelled with Mosfilm for years."
    assert not studios(text)
    text = "Pilot Pirx's Inquest is tense. Piestrak shot it with Mosfilm's old cameras."
    assert not studios(text)
    # ... while a studio's possessive before its film or a film's word names the maker
    assert studios("Mosfilm's Solaris (1972) is long.") == {("Solaris", "Mosfilm")}
    assert studios("Solaris (1972) is long. It is Mosfilm's slowest picture.") == {
        ("Solaris", "Mosfilm")
    }


def test_a_handle_and_its_points_open_a_post(extractor):
    thread = (
        "r/ClassicSF - Posted by u/ondra\n"
        "Eastern-bloc films beyond Tarkovsky?\n\n"
        "  u/kino_lover - 12 points\n"
        "  Pilot Pirx's Inquest, a Lem story filmed by Marek Piestrak.\n"
        "  u/another_one - 9 points\n"
        "  Not Polish at all, but Ikarie XB-1 (1963). Polák directed it at Barrandov.\n"
        "    ANSWER (3) - kosmo_dad\n"
        "    Its music is by Zdeněk Liška.\n"
    )
    paragraphs = {s.text.strip(): s.paragraph for s in split_sentences(thread)}
    assert paragraphs["u/another_one - 9 points"] != paragraphs["u/kino_lover - 12 points"]
    found = _found(_claims(extractor, thread))
    assert ("Ikarie XB-1", "directed_by", "Jindřich Polák") in found
    assert ("Ikarie XB-1", "studio", "Barrandov") in found
    assert not any("ANSWER" in s or "Pilot" in s for s, r, _ in found if r == "music_by")


def test_the_novel_in_a_reply_that_names_no_film_is_said_with_doubt(extractor):
    thread = (
        "Solaris is the famous one, but what else?\n\n"
        "  u/tallinn_fan - 20 points\n"
        "  Dead Mountaineer's Hotel. Kromanov made it at Tallinnfilm.\n"
        "  u/synth - 4 points\n"
        "  Great film. The novel came out in 1975, so the film was quick.\n"
    )
    years = [c for c in _claims(extractor, thread) if c.relation is Relation.PUBLISHED_YEAR]
    assert years
    assert all(c.confidence < CONFIDENT for c in years)


def test_a_city_after_a_studio_corrects_no_studio(extractor):
    text = (
        "A Dream Come True was made at the Odessa studio.\n\n"
        "Small correction: Karyukov made it at the Dovzhenko studio in Kiev, not Odessa."
    )
    assert "Kiev" not in {v for _, r, v in _found(_claims(extractor, text)) if r == "studio"}


def test_an_actor_beside_a_part_after_a_title_or_a_place(extractor):
    def parts(text: str) -> set[tuple[str, str, str | None]]:
        return {
            (c.subject, c.value, c.role)
            for c in _claims(extractor, text)
            if c.relation is Relation.CAST
        }

    text = "# Solaris\n\nKelvin, a gaunt and tired Donatas Banionis, wanders the station."
    assert ("Solaris", "Donatas Banionis", "Kelvin") in parts(text)
    # ... not a word for a job, nor a name the aside goes on from
    assert not parts("# Solaris\n\nKelvin, a psychologist, meets Snaut on the station.")
    assert not parts("# Solaris\n\nKelvin, the Donatas Banionis part, meets Snaut.")
    text = (
        "# Voyage to the Prehistoric Planet\n\nBasil Rathbone's Professor Hartman talks to the "
        "crew by radio."
    )
    assert {(v, r) for _, v, r in parts(text)} == {("Basil Rathbone", "Professor Hartman")}
    text = "# Queen of Blood\n\nBasil Rathbone's Dr Farraday reads the signals."
    assert {(v, r) for _, v, r in parts(text)} == {("Basil Rathbone", "Farraday")}
    text = (
        "# Voyage to the Prehistoric Planet\n\nBasil Rathbone sits in an office on the Moon as "
        "Professor Hartman."
    )
    assert ("Voyage to the Prehistoric Planet", "Basil Rathbone", "Professor Hartman") in parts(
        text
    )
    text = (
        "# Solaris\n\nSolaris (1972) is slow. Jüri Järvet turns up again nine years later as the "
        "hotel owner in Dead Mountaineer's Hotel."
    )
    assert {s for s, v, _ in parts(text) if v == "Jüri Järvet"} == {"Dead Mountaineer's Hotel"}


def test_a_reply_goes_on_about_the_film_whose_story_it_told(extractor):
    thread = (
        "kino_fan wrote:\nI have seen Planeta Bur. Queen of Blood (1966) is my favourite "
        "Harrington.\n\n"
        "mars_mike wrote:\nDifferent film, but worth a word. The Sirius and the Vega land on "
        "Venus, and the robot John carries Kern through the lava. The music is by Johann Admoni "
        "and Aleksandr Chernov.\n"
    )
    music = [c for c in _claims(extractor, thread) if c.relation is Relation.MUSIC_BY]
    assert {c.subject for c in music} == {"Planeta Bur"}
    assert all(c.confidence < CONFIDENT for c in music)
    # ... and a reply whose story is no other film's stays with the post before's
    thread = thread.replace(
        "The Sirius and the Vega land on Venus, and the robot John carries Kern through the lava. ",
        "",
    )
    music = [c for c in _claims(extractor, thread) if c.relation is Relation.MUSIC_BY]
    assert {c.subject for c in music} == {"Queen of Blood"}


def test_not_one_value_but_another_corrects_it(extractor):
    thread = (
        "lev wrote:\nSolaris (1972) was made at Lenfilm, I believe.\n\n"
        "tanya wrote:\nSorry, it wasn't Lenfilm but Mosfilm.\n"
    )
    studios = {
        (c.subject, c.value, c.attribution)
        for c in _claims(extractor, thread)
        if c.relation is Relation.STUDIO
    }
    assert ("Solaris", "Mosfilm", "corrects 'Lenfilm', said before") in studios
    # a year is not corrected so: "not 1961 but" may be of anything
    thread = "lev wrote:\nSolaris came out in 1971.\n\ntanya wrote:\nNot 1971 but 1972, I think.\n"
    assert not [c for c in _claims(extractor, thread) if "corrects" in c.attribution]


def test_the_studio_of_a_page_on_a_studio(extractor):
    def studios(text: str) -> set[tuple[str, str, bool]]:
        return {
            (c.subject, c.value, c.confidence < CONFIDENT)
            for c in _claims(extractor, text)
            if c.relation is Relation.STUDIO
        }

    page = (
        "Tallinnfilm (science fiction)\n\n"
        "Tallinnfilm made few such pictures.\n\n"
        "Pilot Pirx's Inquest was shot at the studio in 1978. The studio's other venture into "
        "space, Dead Mountaineer's Hotel, followed."
    )
    found = studios(page)
    assert ("Pilot Pirx's Inquest", "Tallinnfilm", True) in found
    assert ("Dead Mountaineer's Hotel", "Tallinnfilm", True) in found
    # ... the films the possessive's phrase goes on to name, and only a film the sentence
    # names, and only on a page about the studio
    page = (
        "Tallinnfilm (science fiction)\n\n"
        "Richard Viktorov directed the studio's two best-known films for children, "
        "Moscow-Cassiopeia and Teens in the Universe."
    )
    assert studios(page) == {
        ("Moscow-Cassiopeia", "Tallinnfilm", True),
        ("Teens in the Universe", "Tallinnfilm", True),
    }
    page = (
        "Tallinnfilm (science fiction)\n\nPilot Pirx's Inquest is tense.\n\n"
        "Richard Viktorov directed the studio's two best-known films for children."
    )
    assert not studios(page) - studios(page.rsplit("\n\n", 1)[0])
    page = "Solaris\n\nSolaris was shot at the studio in 1971."
    assert not studios(page)
    # the studio's possessive, then the title its phrase goes on to name; not a film that is
    # not its own, nor a question or a condition
    page = "Mosfilm (science fiction)\n\nKin-dza-dza! is fun. "
    text = page + "The studio's slowest picture that decade, Solaris (1972), is long."
    assert ("Solaris", "Mosfilm", True) in studios(text)
    for said in (
        "The studio's favourite foreign film was Solaris.",
        "The studio's planned version, Planeta Bur, was never made.",
        "Had Kin-dza-dza! been made at the studio, it would be longer.",
        "Was Solaris made at the studio? Nobody knows.",
    ):
        claims = _claims(extractor, page + said)
        assert not [
            c for c in claims if c.relation is Relation.STUDIO and c.evidence.quote == said
        ], said


def test_a_part_played_by_an_actor_and_another_in_an_aside(extractor):
    text = (
        "# Dead Mountaineer's Hotel\n\nDead Mountaineer's Hotel (1979) is a noir. Snewahr is "
        "played by Jüri Järvet, known to many as Snaut in Andrei Tarkovsky's Solaris."
    )
    parts = {
        (c.subject, c.value, c.role)
        for c in _claims(extractor, text)
        if c.relation is Relation.CAST
    }
    assert ("Dead Mountaineer's Hotel", "Jüri Järvet", "Snewahr") in parts
    assert ("Solaris", "Jüri Järvet", "Snaut") in parts


def test_a_co_production_not_stated_or_a_studio_that_only_describes(extractor):
    # from a second reading: denied, wished, heard, compared, or a studio's people or things
    for text in (
        "Ikarie XB-1 was not co-produced with DEFA.",
        "Ikarie XB-1 wasn't made in 1963 with DEFA.",
        "Pilot Pirx's Inquest could have been co-produced with Mosfilm.",
        "Piestrak wanted to make Pilot Pirx's Inquest together with Mosfilm, but Mosfilm refused.",
        "Rumour has it that Ikarie XB-1 was co-produced with DEFA.",
        "Ikarie XB-1 was filmed in 1963 with DEFA money.",
        "Eolomea was shot with Mosfilm cameras.",
        "Ikarie XB-1 was made with DEFA in mind.",
        "Kromanov made Dead Mountaineer's Hotel together with Mosfilm veteran Tarkovsky.",
        "Dead Mountaineer's Hotel was made in 1979 with Tallinnfilm actors and a Mosfilm crew.",
        "Dead Mountaineer's Hotel, unlike Solaris, was co-produced with Mosfilm.",
    ):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO], text
    text = "Dead Mountaineer's Hotel was made at Tallinnfilm, with Mosfilm distributing it."
    studios = {c.value for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Tallinnfilm"}
    text = (
        "It was made jointly by Zespoły Filmowe and Tallinnfilm, with the Dovzhenko studio "
        "credited too. Pilot Pirx's Inquest is tense."
    )
    text = "Pilot Pirx's Inquest is tense. " + text.rsplit(" Pilot", 1)[0]
    studios = {c.value for c in _claims(extractor, text) if c.relation is Relation.STUDIO}
    assert studios == {"Zespoły Filmowe", "Tallinnfilm", "Dovzhenko studio"}


def test_as_a_part_past_a_place_or_after_turning_up(extractor):
    def cast(text: str) -> set[tuple[str, str, str | None, str]]:
        return {
            (c.subject, c.value, c.role, c.attribution)
            for c in _claims(extractor, "# Queen of Blood\n\nQueen of Blood is short.\n\n" + text)
            if c.relation is Relation.CAST
        }

    for text in (
        "Judi Meredith is as brave on Mars as Paul Grant.",
        "Judi Meredith stays on Mars as Paul Grant's partner.",
        "Judi Meredith sits at a desk on the Moon as Doctor Farraday's assistant.",
        "John Saxon turns up years later as a cop in Nightmare on Elm Street.",
        "Jüri Järvet shows up again as a director in Tallinn.",
    ):
        assert not cast(text), text
    found = cast("Jüri Järvet appears briefly as a guest in Dead Mountaineer's Hotel's novel.")
    assert not {c for c in found if c[0] == "Dead Mountaineer's Hotel"}
    # the part named after "turned up ... as" is the one checked
    found = cast("Jüri Järvet turned up seven years earlier as Kelvin in Solaris.")
    assert {(s, v, r) for s, v, r, _ in found} == {("Solaris", "Jüri Järvet", "Kelvin")}


def test_not_one_but_another_only_where_it_corrects_the_same_thing(extractor):
    def corrections(thread: str) -> list[Claim]:
        return [c for c in _claims(extractor, thread) if "corrects" in c.attribution]

    before = "lev wrote:\nPlaneta Bur (1962) was directed by Klushantsev.\n\ntanya wrote:\n"
    assert not corrections(before + "It wasn't Klushantsev but Kazantsev who wrote the novel.\n")
    before = "lev wrote:\nSolaris (1972) was made at Mosfilm.\n\ntanya wrote:\n"
    assert not corrections(before + "Per Aspera Ad Astra was not Mosfilm but Gorky Film Studio.\n")
    assert not corrections(
        before + "It was not Mosfilm but the Gorky studio that made Per Aspera Ad Astra.\n"
    )
    assert not corrections(before + "Some say it wasn't Mosfilm but Lenfilm. They're wrong.\n")
    assert not corrections(before + "Not Mosfilm, but Kiev.\n")


def test_the_novel_of_a_reply_is_the_post_befores_with_doubt(extractor):
    thread = (
        "Solaris is the famous one, but what else?\n\n"
        "u/tallinn_fan - 20 points\nDead Mountaineer's Hotel. Kromanov made it at Tallinnfilm.\n"
        "u/synth - 4 points\nGreat film. The novel was written by Lem.\n"
    )
    said = [c for c in _claims(extractor, thread) if "The novel was" in c.evidence.quote]
    assert said
    assert all(c.confidence < CONFIDENT for c in said)
    assert not [c for c in said if c.subject.startswith("Solaris") or c.subject == "Solaris"]
    thread = (
        "# Solaris\n\nu/anna - 5 points\nSolaris was shot at Mosfilm.\nu/boris - 3 points\n"
        "Dead Mountaineer's Hotel is better.\nu/carl - 1 point\nThe novel came out in 1961.\n"
    )
    said = [c for c in _claims(extractor, thread) if "The novel came" in c.evidence.quote]
    assert said
    assert all(c.confidence < CONFIDENT for c in said)


def test_a_reply_pointing_back_stays_with_the_post_befores_film(extractor):
    thread = (
        "kino_fan wrote:\nI have seen Planeta Bur. Queen of Blood (1966) is my favourite "
        "Harrington.\n\nmars_mike wrote:\nDifferent film, but worth a word. The Sirius and the "
        "Vega land on Venus, and the robot John carries Kern through the lava. Your film was "
        "directed by Curtis Harrington.\n"
    )
    directed = [c for c in _claims(extractor, thread) if c.relation is Relation.DIRECTED_BY]
    assert {c.subject for c in directed} == {"Queen of Blood"}


def test_an_indented_line_is_a_whole_line(extractor):
    thread = (
        "Solaris is the famous one.\n\n"
        "  u/tallinn_fan - 20 points\n"
        "  Dead Mountaineer's Hotel is better.\n"
    )
    lines = {s.text: s.line for s in split_sentences(thread)}
    assert lines["u/tallinn_fan - 20 points"]
    assert lines["Dead Mountaineer's Hotel is better."]
    # ... so an indented post header says nothing of the films
    assert not [c for c in _claims(extractor, thread) if c.value == "20"]


def test_a_speaker_before_a_message_is_a_header_of_its_own_post():
    chat = (
        "#kino-chat\n\n"
        "vera_k: who made Solaris again\n"
        "tolya88: Tarkovsky, at Mosfilm\n"
        "vera_k: and the music?\n"
        "tolya88: Artemyev\n"
    )
    sentences = split_sentences(chat)
    speakers = [s.text for s in sentences if s.speaker]
    assert speakers == ["vera_k:", "tolya88:", "vera_k:", "tolya88:"]
    message = next(s for s in sentences if s.text == "Tarkovsky, at Mosfilm")
    asked = next(s for s in sentences if s.text == "who made Solaris again")
    assert message.paragraph != asked.paragraph
    # ... not the labels of a list, however often they come back
    listed = (
        "1. Solaris (1972)\nPlot: a station above an ocean.\nVerdict: slow and great.\n\n"
        "2. Eolomea (1972)\nPlot: ships vanish near a station.\nVerdict: strange.\n"
    )
    assert not [s for s in split_sentences(listed) if s.speaker]
    # "comment by X:" and "comment (X):" open a comment wherever they are
    comments = "Great film.\ncomment by lev_lurker: Small correction: Lenfilm.\n"
    assert [s.text for s in split_sentences(comments) if s.speaker] == ["comment by lev_lurker:"]


def test_a_question_with_an_initial_is_asked(extractor):
    text = "# A Dream Come True\n\nWasn't Tanya played by T. Pochepa, though?"
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert cast
    assert all(c.confidence < CONFIDENT for c in cast)


def test_footage_denied_or_built_out_of_a_film(extractor):
    def footage(text: str) -> set[tuple[str, str]]:
        return {
            (c.subject, c.value)
            for c in _claims(extractor, "# A Dream Come True\n\n" + text)
            if c.relation is Relation.FOOTAGE_USED_IN
        }

    for text in (
        "Queen of Blood is not made from A Dream Come True.",
        "Queen of Blood does not reuse footage from A Dream Come True.",
        "A Dream Come True was never turned into Queen of Blood.",
        "It was never turned into Queen of Blood.",
    ):
        assert not footage(text), text
    assert footage("A Dream Come True was not only turned into Queen of Blood but praised.") == {
        ("A Dream Come True", "Queen of Blood")
    }
    text = (
        "Voyage to the Prehistoric Planet and Voyage to the Planet of Prehistoric Women are both "
        "built out of the same Soviet film, Planeta Bur."
    )
    assert footage(text) == {
        ("Planeta Bur", "Voyage to the Prehistoric Planet"),
        ("Planeta Bur", "Voyage to the Planet of Prehistoric Women"),
    }


def test_a_denied_statement_states_nothing(extractor):
    def claims(text: str) -> list[Claim]:
        return [
            c
            for c in _claims(extractor, "# Solaris\n\n" + text)
            if c.relation is not Relation.PLOT and c.evidence.quote == text
        ]

    for text in (
        "Solaris wasn't directed by Tarkovsky.",
        "Solaris is not based on Lem's novel Solaris.",
        "Solaris did not come out in 1972.",
        "It is not true that Tarkovsky directed Solaris.",
    ):
        assert not claims(text), text
    # ... but what a "but" or the next clause says is said
    text = "Kin-dza-dza! wasn't made at Lenfilm, it was Mosfilm."
    assessed = verify_claims(claims(text), CatalogueVerifier(extractor.catalogue))
    assert {(a.claim.value, a.verdict) for a in assessed} == {("Mosfilm", Verdict.VERIFIED)}
    # ... and "Wasn't it ...?" asks about what the asker believes: said, with doubt
    asked = claims("Wasn't Solaris directed by Tarkovsky?")
    assert asked
    assert all(c.confidence < CONFIDENT for c in asked)


def test_labels_and_numbered_entries_are_no_speakers():
    # from a third reading: a film's title or an actor's name opening lines is a label
    for text in (
        "Two films\n\nSolaris: Tarkovsky, Mosfilm, 1972.\nEolomea: Zschoche, DEFA, 1972.\n"
        "Solaris: rating 9/10.\nEolomea: rating 7/10.",
        "Notes\n\n[1] Solaris: Tarkovsky's film.\n[2] Eolomea: Zschoche's film.",
        "Solaris (1972)\nBanionis: Kelvin\nJärvet: Snaut\n\nNotes\nBanionis: superb\n"
        "Järvet: nervous",
    ):
        assert not [s for s in split_sentences(text) if s.speaker], text
    # ... and a year in brackets is no time a post was written at
    lines = split_sentences("[1960] The Silent Star\n[1972] Eolomea: directed by Zschoche.")
    assert not [s for s in lines if s.speaker]


def test_more_readings_mended_after_a_third_reading(extractor):
    def found(text: str, relation: Relation) -> set[tuple[str, str]]:
        return {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is relation}

    studio = Relation.STUDIO
    text = "Eolomea is odd. DEFA's first space film, The Silent Star, came out in 1960."
    assert ("The Silent Star", "DEFA") in found(text, studio)
    text = "Kin-dza-dza! is fun. Mosfilm's favourite foreign film was Planeta Bur."
    assert not found(text, studio)
    for text in (
        "Pilot Pirx's Inquest was almost co-produced with Tallinnfilm, but the deal fell through.",
        "Piestrak tried to make Pilot Pirx's Inquest together with Tallinnfilm.",
        "Pilot Pirx's Inquest was perhaps co-produced with Tallinnfilm.",
    ):
        assert not found(text, studio), text
    text = "Pilot Pirx's Inquest, which nobody remembers now, was co-produced with Tallinnfilm."
    assert found(text, studio) == {("Pilot Pirx's Inquest", "Tallinnfilm")}
    text = (
        "Pilot Pirx's Inquest was co-produced with Tallinnfilm (Estonia) and the Dovzhenko studio."
    )
    assert {v for _, v in found(text, studio)} == {"Tallinnfilm", "Dovzhenko studio"}
    page = "Lennauchfilm (science fiction)\n\n"
    for text in (
        "Planeta Bur could have been made at the studio.",
        "Klushantsev wanted to make Planeta Bur at the studio.",
        "The studio's answer to Planeta Bur was a documentary.",
    ):
        assert not found(page + text, studio), text
    # the part said after "turned up ... as" is of another film than the one named after it
    text = (
        "# Solaris\n\nJüri Järvet turned up seven years later as Snaut in Dead Mountaineer's Hotel."
    )
    assert not found(text, Relation.CAST)
    # "the novel" of an article's paragraph naming no film: the section's film's
    text = (
        "# Planeta Bur\n\nKlushantsev made Planeta Bur at Lennauchfilm in 1962.\n\nCorman later "
        "bought it and cut it into Voyage to the Prehistoric Planet.\n\nThe novel was written by "
        "Alexander Kazantsev."
    )
    assert ("Planeta Bur", "Planeta Bur (novel by Alexander Kazantsev)") in found(
        text, Relation.BASED_ON
    )
    # "your question" points at no film
    thread = (
        "kino_fan wrote:\nI have seen Planeta Bur. Queen of Blood (1966) is my favourite "
        "Harrington.\n\nmars_mike wrote:\nDifferent film, but worth a word. The Sirius and the "
        "Vega land on Venus, and the robot John carries Kern through the lava. As for your "
        "question, the film was directed by Pavel Klushantsev.\n"
    )
    assert {s for s, _ in found(thread, Relation.DIRECTED_BY)} == {"Planeta Bur"}
    # "not X but Y" corrects the value said only as a bare correction
    before = "lev wrote:\nPlaneta Bur (1962) was made at Lennauchfilm.\n\ntanya wrote:\n"
    said = _claims(extractor, before + "Not Lennauchfilm but Mosfilm owned the cameras.\n")
    assert not [c for c in said if "corrects" in c.attribution]
    before = "lev wrote:\nPlaneta Bur (1962) was made at Mosfilm.\n\ntanya wrote:\n"
    said = _claims(extractor, before + "Small correction: it wasn't Mosfilm but Lennauchfilm.\n")
    assert [c.value for c in said if "corrects" in c.attribution] == ["Lennauchfilm"]


def test_denials_read_after_a_fourth_reading(extractor):
    # the reader's sentences: what is denied states nothing, what only sounds denied does
    def said(text: str) -> set[tuple[str, str]]:
        return {
            (c.relation.value, c.value)
            for c in _claims(extractor, "# Solaris\n\n" + text)
            if c.relation is not Relation.PLOT and c.evidence.quote == text
        }

    for text in (
        "It is not true, as Lem said, that Solaris was directed by Tarkovsky.",
        "Solaris was not, in fact, directed by Tarkovsky.",
        "I don't think Solaris was directed by Tarkovsky.",
        "Solaris wasn't released in 1970, 1971 or 1972.",
        "Solaris did not premiere in 1971.",
    ):
        assert not said(text), text
    for text, claim in (
        ("Planeta Bur was not released until 1962.", ("release_year", "1962")),
        ("Solaris didn't only come out in 1972, it also won a prize.", ("release_year", "1972")),
        ("Solaris didn't make much money when it came out in 1972.", ("release_year", "1972")),
        ("Solaris was not the first film Tarkovsky directed.", ("directed_by", "Andrei Tarkovsky")),
    ):
        assert claim in said(text), text

    def footage(text: str) -> set[tuple[str, str]]:
        return {
            (c.subject, c.value)
            for c in _claims(extractor, text)
            if c.relation is Relation.FOOTAGE_USED_IN
        }

    for text in (
        "It is not true that Queen of Blood was cut from A Dream Come True.",
        "Battle Beyond the Sun, not Voyage to the Prehistoric Planet, was cut from Planeta Bur.",
        "Queen of Blood may have been built out of Nebo Zovyot.",
    ):
        assert not {c for c in footage(text) if c[1] != "Battle Beyond the Sun"}, text
    for text in (
        "Queen of Blood was not long after cut from A Dream Come True.",
        "Queen of Blood wasn't shot from scratch; it was made from A Dream Come True.",
    ):
        assert footage(text) == {("A Dream Come True", "Queen of Blood")}, text
    # "not X but Y" in doubt, or of another thing, corrects nothing
    before = "lev wrote:\nSolaris (1972) was made at Mosfilm.\n\ntanya wrote:\n"
    for text in (
        "Sorry, it's not Mosfilm but Lenfilm, I think.",
        "No, not Mosfilm but Lenfilm?",
        "It wasn't Mosfilm but Lenfilm, which distributed it abroad.",
        "Not Mosfilm but Lenfilm, for the dubbing.",
        "No, not Mosfilm.",
    ):
        corrected = [c for c in _claims(extractor, before + text) if "corrects" in c.attribution]
        assert not corrected, text


def test_a_denial_of_something_else_leaves_the_statement(extractor):
    # from a fifth reading: what the sentence says after a denial of another thing is said
    def said(text: str) -> set[tuple[str, str]]:
        return {
            (c.relation.value, c.value)
            for c in _claims(extractor, "# Solaris\n\n" + text)
            if c.relation is not Relation.PLOT and c.evidence.quote == text
        }

    for text, claim in (
        ("Solaris, not a big hit, was made at Mosfilm in 1972.", ("studio", "Mosfilm")),
        (
            "Lem didn't want it made, and Solaris was directed by Tarkovsky at Mosfilm.",
            ("studio", "Mosfilm"),
        ),
        ("Solaris (not made cheaply) was directed by Tarkovsky at Mosfilm.", ("studio", "Mosfilm")),
        ("Never one to play safe, Tarkovsky directed Solaris at Mosfilm.", ("studio", "Mosfilm")),
        (
            "Tarkovsky's Solaris, never released uncut in the West, was made at Mosfilm.",
            ("studio", "Mosfilm"),
        ),
    ):
        assert claim in said(text), text
    for text in (
        "Solaris was not actually directed by Sergei Bondarchuk.",
        "Solaris was neither made at Lenfilm nor released in 1970.",
        "Solaris failed to come out in 1970.",
        "It is untrue that Solaris was made at Lenfilm.",
    ):
        assert not said(text), text
    text = "Battle Beyond the Sun, a film Coppola almost disowned, was cut from Nebo Zovyot."
    assert ("Nebo Zovyot", "Battle Beyond the Sun") in {
        (c.subject, c.value)
        for c in _claims(extractor, text)
        if c.relation is Relation.FOOTAGE_USED_IN
    }


THREAD_ON_UNNAMED_FILMS = """Thread: Soviet sci-fi for a rainy weekend

#1 nadia_k
Aelita is my pick, obviously: Protazanov at his wildest.

#2 pavlik_k
For something lighter, try the two films about the schoolchildren and their starship. \
Lev Durov plays Filatov, and the stowaway Fedya Lobanov falls on the control panel.
"""


def test_characters_of_a_film_the_document_never_names_say_which_it_is(extractor):
    claims = _claims(extractor, THREAD_ON_UNNAMED_FILMS)
    durov = [c for c in claims if c.relation is Relation.CAST and c.value == "Lev Durov"]
    assert [(c.subject, c.role) for c in durov] == [("Moscow-Cassiopeia", "Filatov")]
    assert durov[0].confidence < CONFIDENT  # the story says which film: with doubt
    # characters of two films say neither is the sentence's film
    two = THREAD_ON_UNNAMED_FILMS.replace("Lev Durov plays Filatov", "Snaut meets Filatov")
    subjects = {c.subject for c in _claims(extractor, two)}
    assert "Aelita" in subjects
    assert not subjects & {"Solaris", "Moscow-Cassiopeia"}


def test_a_post_number_and_a_handle_head_a_post(extractor):
    sentences = split_sentences(THREAD_ON_UNNAMED_FILMS)
    assert "#2 pavlik_k" in [s.text for s in sentences]
    assert not any(c.subject == "pavlik_k" for c in _claims(extractor, THREAD_ON_UNNAMED_FILMS))
    for title in ("Solaris", "solaris"):
        listed = f"Top films\n\n#1 {title}\nTarkovsky made it at Mosfilm in 1972.\n"
        assert (title, "studio", "Mosfilm") in _found(_claims(extractor, listed))


def test_credits_past_a_describing_word_an_aside_or_another_deed(extractor):
    def found(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    # a year in "the YEAR STUDIO one" set beside a title, "too" between
    said = found("Half its shots come from Solaris too, the 1972 Mosfilm one, I believe.")
    assert ("Solaris", "release_year", "1972") in said
    # ... but "the Mosfilm one" may be another film set beside it ("beats the Mosfilm one")
    assert not [c for c in said if c[1] == "studio"]
    assert not [c for c in found("Mosfilm one day bought Solaris.") if c[1] == "studio"]
    # a word for a people before the part, whatever its ending
    parts = {
        (c.value, c.role)
        for c in _claims(
            extractor, "In The Silent Star, Günther Simon plays the German cosmonaut Brinkmann."
        )
        if c.relation is Relation.CAST
    }
    assert parts == {("Günther Simon", "Brinkmann")}
    # an aside between the actor and the verb
    aside = "A Dream Come True: Koberidze, apart from directing, plays Ivan Batalov."
    assert ("A Dream Come True", "cast", "Otar Koberidze") in found(aside)
    # the second of two names with words that describe it
    score = "The music of A Dream Come True is by Vano Muradeli and the young Eduard Artemyev."
    assert ("A Dream Come True", "music_by", "Eduard Artemyev") in found(score)
    # a deed of the same person before "and produced it"
    deed = "Queen of Blood has a history. Roger Corman kept the rights and produced it himself."
    assert ("Queen of Blood", "produced_by", "Roger Corman") in found(deed)
    # the countries of a co-production "of" them
    joint = "A joint production of East Germany and Poland, The Silent Star opened in 1960."
    assert {("The Silent Star", "country", c) for c in ("East Germany", "Poland")} <= found(joint)


def test_going_back_to_footage_for_a_film_and_an_actors_way_with_a_part(extractor):
    back = (
        "Planeta Bur had a second life. Peter Bogdanovich later went back to those same reels "
        "for Voyage to the Planet of Prehistoric Women."
    )
    said = _found(_claims(extractor, back))
    assert ("Planeta Bur", "footage_used_in", "Voyage to the Planet of Prehistoric Women") in said
    assert (
        "Voyage to the Planet of Prehistoric Women",
        "directed_by",
        "Peter Bogdanovich",
    ) in said
    moscow = _claims(extractor, "Tarkovsky went back to Moscow for Solaris.")
    assert not [c for c in moscow if c.relation in {Relation.FOOTAGE_USED_IN, Relation.DIRECTED_BY}]
    ways = (
        "Per Aspera Ad Astra still moves me. Yelena Metyolkina lends Niya a strange calm, and "
        "Planeta Bur has Kyunna Ignatova, who makes a properly brave Masha."
    )
    parts = {(c.value, c.role) for c in _claims(extractor, ways) if c.relation is Relation.CAST}
    assert ("Yelena Metyolkina", "Niya") in parts
    # a director or a character giving a part something is no casting
    for text in ("Solaris is long. Tarkovsky gives Kelvin a wife.", "Vershinin gives Masha a gun."):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]


@pytest.mark.parametrize(
    ("text", "film"),
    [
        (
            "Teens in the Universe (1974) continues the story. The diversion happened when the "
            "stowaway Fedya Lobanov sat on the main control panel by mistake.",
            "Teens in the Universe",
        ),
        (
            "Teens in the Universe is the better of Viktorov's two. Vladimir Basov Jr. is back "
            "as Fedya Lobanov, now a hero.",
            "Teens in the Universe",
        ),
        (
            "Voyage to the Prehistoric Planet is Corman's cut. Georgiy Zhzhonov plays Roman "
            "Bobrov, the tough one.",
            "Voyage to the Prehistoric Planet",
        ),
        ("Cosmic Voyage is charming. Masha and I watched it twice.", "Cosmic Voyage"),
        ("Cosmic Voyage is charming. Alyosha, my son, loved the kangaroo.", "Cosmic Voyage"),
        (
            "Aelita is the grandmother of them all. Terry Gilliam called it the most beautiful "
            "silent film he knew.",
            "Aelita",
        ),
        (
            "Dead Mountaineer's Hotel is a whodunit. Professor Sedikh would have solved it in "
            "ten minutes.",
            "Dead Mountaineer's Hotel",
        ),
        ("Queen of Blood is a cheapie. The green woman is no Queen Aelita.", "Queen of Blood"),
    ],
)
def test_characters_move_no_sentence_off_the_film_spoken_of(extractor, text, film):
    assert {c.subject for c in _claims(extractor, text)} == {film}


def test_lower_case_titles_numbered_in_a_list_head_no_posts(extractor):
    text = (
        "my top five\n\n#1 solaris\nTarkovsky made it at Mosfilm in 1972.\n\n"
        "#2 aelita\nProtazanov made it at Mezhrabpom-Rus in 1924."
    )
    verdicts = verify_claims(_claims(extractor, text), CatalogueVerifier(extractor.catalogue))
    studios = {(v.claim.value, v.verdict) for v in verdicts if v.claim.relation is Relation.STUDIO}
    assert studios == {("Mosfilm", Verdict.VERIFIED), ("Mezhrabpom-Rus", Verdict.VERIFIED)}


@pytest.mark.parametrize(
    "text",
    [
        "Soderbergh did Solaris too, the 2002 one with George Clooney.",
        "Corman cut up Planeta Bur as well, the 1965 one with Basil Rathbone.",
        "Per Aspera Ad Astra beat the Mosfilm one at the box office that year.",
        "Aelita was directed by Yakov Protazanov, and the young Igor Ilyinsky steals it.",
        "Kin-dza-dza! was directed by Georgiy Daneliya and the great Yevgeni Leonov steals "
        "every scene.",
        "Nebo Zovyot came out in 1959. Francis Ford Coppola got the footage and directed new "
        "scenes for the American version.",
        "Planeta Bur came out in 1962. Curtis Harrington bought the footage and directed an "
        "American version.",
        "Solaris (1972). Stanisław Lem had his doubts and directed none of it.",
        "Eolomea was not a co-production of East Germany and Poland; that was Signals.",
        "Many think Ikarie XB-1 is a co-production of Czechoslovakia and Poland, but it's "
        "purely Czechoslovak.",
        "Queen of Blood has nothing to do with the joint production of East Germany and Poland.",
    ],
)
def test_no_contradiction_from_a_version_a_clause_of_its_own_or_a_denial(extractor, text):
    assert not _contradicted(extractor, text)


def test_a_score_and_a_film_by_two_people_in_one_sentence(extractor):
    said = _found(
        _claims(
            extractor,
            "Mechte's score is lovely but the film is by Mikhail Karyukov and Otar Koberidze.",
        )
    )
    assert ("A Dream Come True", "directed_by", "Otar Koberidze") in said
    assert not [c for c in said if c[1] == "music_by"]


def test_a_maker_of_both_films_the_sentence_named(extractor):
    text = (
        "Viktorov made Moscow-Cassiopeia in 1973 and Teens in the Universe in 1974, and "
        "Vladimir Chernyshev scored both."
    )
    scored = {c.subject for c in _claims(extractor, text) if c.relation is Relation.MUSIC_BY}
    assert scored == {"Moscow-Cassiopeia", "Teens in the Universe"}


@pytest.mark.parametrize(
    "text",
    [
        "Who else grew up with Alisa Seleznyova? I still hum the theme.",
        "Olga Bityukova plays Varvara Kuteishchikova.",
        "#1 nadia_k\nLove these kids' films.\n\n#2 boris_7\nMikhail Yershov plays Vitya Sereda in "
        "both.",
    ],
)
def test_a_character_of_two_films_in_a_document_naming_none_is_read(extractor, text):
    _claims(extractor, text)  # (no film to choose between: read, not stopped)


@pytest.mark.parametrize(
    ("text", "film"),
    [
        (
            "Solaris (1972) is my favourite. My brother Alyosha swears it was shot at "
            "Lennauchfilm.",
            "Solaris",
        ),
        (
            "Ikarie XB-1 is stately. My neighbour Terry swears it was shot at DEFA in 1970.",
            "Ikarie XB-1",
        ),
        ("Aelita (1924). I named my dog Kelvin; Tarkovsky made it at Mosfilm.", "Aelita"),
        (
            "Per Aspera Ad Astra (1980). Our band is called Sumiko and we played at Gorky Film "
            "Studio.",
            "Per Aspera Ad Astra",
        ),
        (
            "Planeta Bur (1962). Jana Brejchova, who was Akala, said it was shot at Lennauchfilm.",
            "Planeta Bur",
        ),
        (
            "Solaris (1972) is my favourite. My little brother Alyosha swears the film was shot "
            "at Lennauchfilm.",
            "Solaris",
        ),
        (
            "Solaris (1972). Alyosha (my son, 9) thinks the film was shot at Lennauchfilm.",
            "Solaris",
        ),
        (
            "Ikarie XB-1 is stately. Terry from work swears the film was shot at DEFA in 1970.",
            "Ikarie XB-1",
        ),
        (
            "Kin-dza-dza! (1986). We had a dog, Kelvin, who howled at the Mosfilm logo.",
            "Kin-dza-dza!",
        ),
        (
            "Nebo Zovyot (1959). Hari, a colleague from Pune, says it was made at Mosfilm.",
            "Nebo Zovyot",
        ),
    ],
)
def test_a_name_someone_else_bears_moves_no_credit(extractor, text, film):
    studios = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
    assert studios
    assert {c.subject for c in studios} == {film}


@pytest.mark.parametrize(
    "text",
    [
        "Solaris is long. Banionis gives Hari a kiss.",
        "Queen of Blood. Basil Rathbone gives Laura James a stern lecture.",
        "A Dream Come True. Otar Koberidze gives Tanya a quiet dignity.",
        "Solaris. Natalya Bondarchuk makes a grieving Kelvin fall in love all over again.",
        "Per Aspera Ad Astra outsold the Mosfilm one that came out the same year.",
        "I prefer Solaris to the Lennauchfilm one with the robot.",
        "Kin-dza-dza! was directed by Georgiy Daneliya with the great Yevgeni Leonov.",
        "Solaris was directed by Andrei Tarkovsky and the great Donatas Banionis, in his "
        "best role.",
        "After Ikarie XB-1 came Signals, a co-production of East Germany and Poland.",
        "Ikarie XB-1 is often listed as a co-production of Czechoslovakia and Poland, which is "
        "wrong.",
    ],
)
def test_no_contradiction_from_a_deed_a_comparison_or_another_films_phrase(extractor, text):
    assert not _contradicted(extractor, text)


def test_going_back_to_footage_for_two_films_credits_only_the_first(extractor):
    text = (
        "Planeta Bur (1962). Curtis Harrington went back to the same reels for Voyage to the "
        "Prehistoric Planet, and Bogdanovich for Voyage to the Planet of Prehistoric Women."
    )
    said = _found(_claims(extractor, text))
    assert (
        "Voyage to the Planet of Prehistoric Women",
        "directed_by",
        "Curtis Harrington",
    ) not in said
    assert not [
        c for c in said if c[0] == "Voyage to the Prehistoric Planet" and c[1] == "footage_used_in"
    ]
    music = "The music for Solaris is by Eduard Artemyev and Andrei Tarkovsky added the Bach."
    assert ("Solaris", "music_by", "Andrei Tarkovsky") not in _found(_claims(extractor, music))


def test_directs_in_a_synopsis_present_credits_with_doubt(extractor):
    text = "Eolomea (1972). Herrmann Zschoche directs Cox Habbema as Maria Scholl."
    verdicts = verify_claims(_claims(extractor, text), CatalogueVerifier(extractor.catalogue))
    directed = [v for v in verdicts if v.claim.relation is Relation.DIRECTED_BY]
    assert [(v.claim.value, v.verdict) for v in directed] == [
        ("Herrmann Zschoche", Verdict.VERIFIED)
    ]
    assert directed[0].claim.confidence < CONFIDENT
    # an actor standing for a character who directs the others is never blamed
    story = "Planeta Bur (1962). Georgiy Zhzhonov directs the others across the swamp."
    verdicts = verify_claims(_claims(extractor, story), CatalogueVerifier(extractor.catalogue))
    assert not [v for v in verdicts if v.verdict is Verdict.CONTRADICTED]


def test_a_maker_coming_back_with_a_film_and_a_name_after_a_title_before_a_colon(extractor):
    def directed(text: str) -> set[tuple[str, str]]:
        return {
            (c.subject, c.value)
            for c in _claims(extractor, text)
            if c.relation is Relation.DIRECTED_BY
        }

    back = "Moscow-Cassiopeia was fun. Later Viktorov went further with Per Aspera Ad Astra."
    assert ("Per Aspera Ad Astra", "Richard Viktorov") in directed(back)
    space = "Signals (1970) was a start. Kolditz returned to space five years later with Eolomea."
    assert ("Eolomea", "Gottfried Kolditz") in directed(space)  # (false: Zschoche's, so caught)
    # someone no reference knows as a maker comes back with a film, no more
    assert not directed("Solaris toured. Banionis came back with Solaris to Vilnius.")
    also = "That year came Per Aspera Ad Astra, also Viktorov: a dead ship full of clones."
    assert ("Per Aspera Ad Astra", "Richard Viktorov") in directed(also)


def test_a_makers_sequel_to_a_film_is_the_sequel_the_references_know(extractor):
    text = "A family pick: Richard Viktorov's long-awaited sequel to his own Moscow-Cassiopeia."
    found = {(c.subject, c.relation.value, c.value) for c in _claims(extractor, text)}
    assert ("Teens in the Universe", "directed_by", "Richard Viktorov") in found
    # a film the references give no sequel has none to credit
    assert not _claims(extractor, "Stanisław Lem's sequel to Solaris was never filmed.")


@pytest.mark.parametrize(
    "text",
    [
        "Solaris (1972). In the East German dub, Günther Simon gives Kelvin a warm, baritone "
        "gravity.",
        "Aelita beats the Mosfilm one.",
        "I prefer Eolomea to the Mosfilm one.",
        "Everyone forgets Solaris too, the 2002 Lenfilm one.",
        "Kin-dza-dza! was directed by Georgiy Daneliya and the great Yevgeni Leonov and "
        "Stanislav Lyubshin star.",
        "The score of Planeta Bur was by Johann Admoni and Pavel Klushantsev, the director, "
        "chose it.",
        "Ikarie XB-1 was purely Czech; the other one was a co-production of East Germany and "
        "Poland.",
        "Pilot Pirx's Inquest, like Eolomea, was a co-production of the Soviet Union and Poland.",
        "Ikarie XB-1 was a co-production of Czechoslovakia and Poland? No.",
        "Ikarie XB-1 was a co-production of Czechoslovakia and Poland, people say.",
        "Ikarie XB-1 was billed in the West as a co-production of Czechoslovakia and Poland.",
    ],
)
def test_no_contradiction_from_a_dub_a_comparison_or_a_joint_production_unsaid(extractor, text):
    assert not _contradicted(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Planeta Bur (1962). It is a myth that Harrington went back to the same reels for Voyage "
        "to the Prehistoric Planet.",
        "Planeta Bur (1962). I doubt Coppola went back to these reels for Battle Beyond the Sun.",
        "Planeta Bur (1962). Some say Harrington went back to the same reels for Voyage to the "
        "Prehistoric Planet.",
    ],
)
def test_going_back_to_footage_said_in_doubt_credits_nobody(extractor, text):
    made = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert not made


@pytest.mark.parametrize(
    "text",
    [
        "Ikarie XB-1 (1963) is my favourite. Second place goes to Pirx. It was a co-production "
        "of the Soviet Union and Poland.",
        "Eolomea (1972) review. Zschoche later made Sieben Sommersprossen. It was a "
        "co-production of East Germany and Poland.",
        "I heard that Eolomea was a co-production of East Germany and Poland.",
        "The booklet claims Eolomea was a co-production of East Germany and Poland.",
    ],
)
def test_a_co_production_of_it_or_heard_is_never_contradicted(extractor, text):
    assert not _contradicted(extractor, text)


def test_a_co_production_after_a_title_and_its_year_and_a_sequel_or_return_denied(extractor):
    joint = "The Silent Star (1960) was a co-production of East Germany and Poland."
    countries = {c[2] for c in _found(_claims(extractor, joint)) if c[1] == "country"}
    assert countries == {"East Germany", "Poland"}
    for text in (
        "Viktorov's sequel to Moscow-Cassiopeia was never made.",
        "Protazanov returned to science fiction with Aelita? No, he never returned at all.",
    ):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


@pytest.mark.parametrize(
    "text",
    [
        "My teacher told us Ikarie XB-1 was a co-production of Czechoslovakia and the Soviet "
        "Union, but it was purely Czech.",
        "People often assume Ikarie XB-1 was a co-production of Czechoslovakia and the Soviet "
        "Union; it wasn't.",
        "The myth that Ikarie XB-1 was a co-production of Czechoslovakia and the Soviet Union "
        "persists.",
        "I read somewhere that Ikarie XB-1 was a co-production of Czechoslovakia and the Soviet "
        "Union.",
    ],
)
def test_a_co_production_reported_or_denied_after_is_never_contradicted(extractor, text):
    assert not _contradicted(extractor, text)


def test_a_part_denied_after_a_people_word_and_a_sequel_that_stayed_a_dream(extractor):
    denied = "The Silent Star (1960). Günther Simon plays the German, not Brinkmann."
    parts = {c.role for c in _claims(extractor, denied) if c.relation is Relation.CAST}
    assert "Brinkmann" not in parts
    for text in (
        "Viktorov's sequel to Moscow-Cassiopeia remained a dream.",
        "Viktorov's sequel to Moscow-Cassiopeia was Per Aspera Ad Astra.",
    ):
        credited = {
            c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY
        }
        assert "Teens in the Universe" not in credited


def test_an_actor_still_or_again_in_a_part_plays_it(extractor):
    # a sequel's cast said as a return: "still", "again" around the verb, "also" after "is"
    text = (
        "Teens in the Universe (1974) is the sequel. Yershov is still Sereda. Olga Bityukova "
        "again plays Varvara. Järvet is also Snaut in Solaris."
    )
    found = _cast(_claims(extractor, text))
    assert ("Teens in the Universe", "Mikhail Yershov", "Sereda") in found
    assert ("Teens in the Universe", "Olga Bityukova", "Varvara") in found
    assert ("Solaris", "Jüri Järvet", "Snaut") in found
    # "also" before the verb after "who" keeps a co-director a director
    text = (
        "Mechte navstrechu (1963) was co-directed with Otar Koberidze, who also plays the "
        "cosmonaut Ivan Batalov."
    )
    claims = _claims(extractor, text)
    assert ("Mechte navstrechu", "directed_by", "Otar Koberidze") in _found(claims)
    # a possessive after "still" is someone's relation, no part
    assert not _cast(_claims(extractor, "Solaris (1972). Banionis is still Kelvin's friend."))


def test_films_after_footage_used_in_two_films_or_cut_up_twice_are_its_re_edits(extractor):
    for announced in (
        "In America its reels were used in two quite different films.",
        "American distributors cut it up twice.",
        "It was later raided two times by Roger Corman.",
    ):
        text = (
            f"Planeta Bur (1962)\n\n{announced} Voyage to the Prehistoric Planet came first, "
            "in 1965. Voyage to the Planet of Prehistoric Women followed in 1968."
        )
        found = _found(_claims(extractor, text))
        assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
        assert (
            "Planeta Bur",
            "footage_used_in",
            "Voyage to the Planet of Prehistoric Women",
        ) in found, announced
    # two scenes, or a film seen twice, announce no films
    for said in ("Its model shots were used in two scenes.", "I have seen it twice."):
        text = f"Planeta Bur (1962)\n\n{said} Voyage to the Prehistoric Planet is another matter."
        assert not [
            c for c in _claims(extractor, text) if c.relation is Relation.FOOTAGE_USED_IN
        ], said


def _renamed(claims: list[Claim]) -> set[tuple[str, str]]:
    """The cast claims read from an actor billed under another name in a re-edit."""
    return {
        (c.subject, c.value)
        for c in claims
        if c.relation is Relation.CAST and "billed under another name" in c.attribution
    }


def test_actors_a_re_edit_bills_under_other_names_are_in_its_cast(extractor):
    opening = "Nebo Zovyot (1959)\n\nIn America Corman released it as Battle Beyond the Sun. "
    claims = _claims(extractor, opening + 'In its credits Pereverzev is listed as "Edd Perry".')
    assert _renamed(claims) == {("Battle Beyond the Sun", "Pereverzev")}
    assert all(c.confidence < CONFIDENT for c in claims if c.attribution.endswith("Sun"))
    # the film discussed is itself the re-edit; a list after a word for all the new names
    text = (
        "Battle Beyond the Sun (1962) is what AIP made of Nebo Zovyot. The two leads were "
        'given anglicised names, Ivan Pereverzev "Edd Perry" and Aleksandr Shvorin "Andy '
        'Stewart".'
    )
    assert _renamed(_claims(extractor, text)) == {
        ("Battle Beyond the Sun", "Ivan Pereverzev"),
        ("Battle Beyond the Sun", "Aleksandr Shvorin"),
    }
    # an actor's part that becomes another name in the dub
    text = (
        "Planeta Bur (1962)\n\nHarrington's Voyage to the Prehistoric Planet came three years "
        "later. There Georgiy Zhzhonov's Roman Bobrov becomes Hans Walters."
    )
    assert ("Voyage to the Prehistoric Planet", "Georgiy Zhzhonov") in _renamed(
        _claims(extractor, text)
    )
    for said in (
        # a thing renamed is no actor renamed; a question, a denial
        "In the dub the Rodina becomes the Mercury, and Shvorin still flies it.",
        'Was Pereverzev really billed as "Edd Perry"?',
        'Pereverzev was never billed as "Edd Perry".',
    ):
        assert not _renamed(_claims(extractor, opening + said)), said
    # no re-edit of the film in the document: nobody to credit
    text = 'Nebo Zovyot (1959)\n\nIn some prints Pereverzev is credited as "I. Pereverzev".'
    assert not _renamed(_claims(extractor, text))


def test_a_participle_after_a_name_is_that_names_cue_not_the_next_ones(extractor):
    text = "Aelita (1924): Yakov Protazanov directing, after Alexei Tolstoy's novel."
    found = _found(_claims(extractor, text))
    assert ("Aelita", "directed_by", "Yakov Protazanov") in found
    assert ("Aelita", "directed_by", "Alexei Tolstoy") not in found
    # each name of a list of credits keeps its own participle
    text = "Kin-dza-dza! (1986): Georgiy Daneliya directing, Gia Kancheli scoring."
    found = _found(_claims(extractor, text))
    assert {
        ("Kin-dza-dza!", "directed_by", "Georgiy Daneliya"),
        ("Kin-dza-dza!", "music_by", "Gia Kancheli"),
    } <= found
    assert ("Kin-dza-dza!", "directed_by", "Gia Kancheli") not in found


def test_under_a_sequels_heading_the_people_both_films_tell_are_the_sequels(extractor):
    text = (
        "Teens in the Universe (1974)\n\nThe second film picks up where Moscow-Cassiopeia "
        "stopped. The children are all back: Mikhail Yershov as Victor Sereda, Olga Bityukova "
        "as Varvara Kuteishchikova and Vladimir Basov Jr. as Fedya Lobanov."
    )
    found = _cast(_claims(extractor, text))
    assert ("Teens in the Universe", "Mikhail Yershov", "Victor Sereda") in found
    assert ("Teens in the Universe", "Olga Bityukova", "Varvara Kuteishchikova") in found
    assert ("Moscow-Cassiopeia", "Mikhail Yershov", "Victor Sereda") not in found
    # a story only the other film tells is still that film's, under the first film's heading
    text = (
        "Moscow-Cassiopeia (1973)\n\nIts sequel is Teens in the Universe. A boy called Agapit "
        "leads the rescuers through the underground city."
    )
    plot = {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert ("Teens in the Universe", "Agapit") in plot


def test_an_aside_may_close_before_as_and_the_part(extractor):
    text = "Moscow-Cassiopeia (1973). Smoktunovsky alone is worth seeing, as the mysterious I.O.O."
    found = _cast(_claims(extractor, text))
    assert ("Moscow-Cassiopeia", "Innokenty Smoktunovsky", "I.O.O.") in found
    text = "Pilot Pirx's Inquest (1978). Kaidanovsky is in it, briefly, as Tom Nowak."
    found = _cast(_claims(extractor, text))
    assert ("Pilot Pirx's Inquest", "Aleksandr Kaidanovsky", "Tom Nowak") in found
    # "as" of a comparison or of a saying gives no part
    text = "Solaris (1972). Tarkovsky filmed it, as Kelvin says, in Moscow."
    assert not _cast(_claims(extractor, text))


def test_an_actor_good_as_the_pirate_is_in_the_cast(extractor):
    text = (
        "Guest from the Future (1985). Natalya Guseva plays Alisa, and Vyacheslav Nevinny and "
        "Mikhail Kononov are obviously enjoying themselves no end as the pirates."
    )
    found = _cast(_claims(extractor, text))
    assert ("Guest from the Future", "Vyacheslav Nevinny", None) in found
    assert ("Guest from the Future", "Mikhail Kononov", None) in found
    for said in (
        "Guseva is as good as the pilot.",  # a comparison
        "Arsenov is known as the captain of children's television.",  # a name for him
        "Through the Thorns was my favourite as a teenager.",  # an age
        "Mikhail Kononov saw it as a schoolboy.",
    ):
        text = f"Guest from the Future (1985). {said}"
        assert not _cast(_claims(extractor, text)), said


def test_both_halves_are_a_film_and_its_sequel(extractor):
    text = (
        "Moscow-Cassiopeia (1973) and Teens in the Universe (1974) make a pair. Solaris is "
        "another matter. Richard Viktorov directed both halves at the Gorky Film Studio."
    )
    found = _found(_claims(extractor, text))
    for film in ("Moscow-Cassiopeia", "Teens in the Universe"):
        assert (film, "directed_by", "Richard Viktorov") in found
        assert (film, "studio", "Gorky Film Studio") in found
    assert ("Solaris", "studio", "Gorky Film Studio") not in found
    # the second half never named: the film spoken of and its one sequel in the references
    text = "Moscow-Cassiopeia (1973)\n\nVladimir Chernyshev scored both parts."
    found = _found(_claims(extractor, text))
    assert ("Teens in the Universe", "music_by", "Vladimir Chernyshev") in found
    # a film the references give no sequel has no second half to credit
    text = "Solaris (1972)\n\nEduard Artemyev scored both parts."
    assert {c.subject for c in _claims(extractor, text)} <= {"Solaris"}


def test_like_x_it_was_made_at_y_says_it_of_both(extractor):
    text = (
        "Teens in the Universe (1974)\n\nIt follows Moscow-Cassiopeia. Like Moscow-Cassiopeia, "
        "it was filmed at the Gorky Film Studio."
    )
    found = _found(_claims(extractor, text))
    assert ("Teens in the Universe", "studio", "Gorky Film Studio") in found
    assert ("Moscow-Cassiopeia", "studio", "Gorky Film Studio") in found
    # the film likened named by its kin: "its predecessor", "the first film" of a sequel
    for likened in ("its predecessor", "the first film", "the previous film"):
        text = (
            "Teens in the Universe (1974)\n\nIt follows Moscow-Cassiopeia. "
            f"Like {likened}, it was filmed at the Gorky Film Studio."
        )
        found = _found(_claims(extractor, text))
        assert ("Teens in the Universe", "studio", "Gorky Film Studio") in found, likened
        assert ("Moscow-Cassiopeia", "studio", "Gorky Film Studio") in found, likened
    # "unlike" sets the two apart
    text = (
        "Teens in the Universe (1974)\n\nIt follows Solaris. Unlike Solaris, it was filmed at "
        "the Gorky Film Studio."
    )
    assert ("Solaris", "studio", "Gorky Film Studio") not in _found(_claims(extractor, text))


def test_a_film_a_reply_names_after_its_quote_is_what_it_is(extractor):
    opening = "Thread: Lem on film\n\nada wrote:\nLem wrote Solaris in 1961.\n\nbo wrote:\n"
    text = (
        f"{opening}> Lem wrote Solaris in 1961\nFair. My own favourite is Pilot Pirx's "
        "Inquest. Marek Piestrak directed it in 1978."
    )
    claims = _claims(extractor, text)
    assert ("Pilot Pirx's Inquest", "directed_by", "Marek Piestrak") in _found(claims)
    assert not [c for c in claims if c.subject == "Solaris" and c.value == "Marek Piestrak"]
    # naming no other film, the reply's "it" is still the quoted line's film
    text = f"{opening}> Lem wrote Solaris in 1961\nRight, and Tarkovsky directed it in 1972."
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in _found(_claims(extractor, text))


def test_the_space_stuff_is_from_a_film_names_the_footages_source(extractor):
    opening = "Queen of Blood (1966)\n\n"
    for said in (
        "Most of the space stuff is actually from Mechte navstrechu.",
        "The model work in QoB is largely from Mechte navstrechu.",
    ):
        claims = _claims(extractor, opening + said)
        found = [c for c in claims if c.relation is Relation.FOOTAGE_USED_IN]
        assert [(c.subject, c.value) for c in found] == [("Mechte navstrechu", "Queen of Blood")]
        assert all(c.confidence < CONFIDENT for c in found)
    # a denial, or a story that is from elsewhere, says nothing of footage
    for said in (
        "The space stuff is not from Mechte navstrechu.",
        "The story is from Mechte navstrechu.",
    ):
        claims = _claims(extractor, opening + said)
        assert not [c for c in claims if c.relation is Relation.FOOTAGE_USED_IN], said


def test_a_film_which_someone_made_out_of_another_took_its_footage(extractor):
    for said in (
        "You are thinking of Voyage to the Prehistoric Planet, which Harrington cut together "
        "from Planeta Bur.",
        "Voyage to the Prehistoric Planet, which he built out of Planeta Bur, came first.",
    ):
        found = _found(_claims(extractor, said))
        assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found
    said = "Voyage to the Prehistoric Planet, which he never made out of Nebo Zovyot, came first."
    assert not [c for c in _claims(extractor, said) if c.relation is Relation.FOOTAGE_USED_IN]


def test_a_story_on_a_place_is_set_there(extractor):
    text = "Aelita (1924)\n\nOn Mars, Los falls for Queen Aelita."
    assert ("Aelita", "setting", "Mars") in _found(_claims(extractor, text))
    text = (
        "In the Dust of the Stars (1976)\n\nCommander Akala sets her ship, the Cynro, down on "
        "TEM 4."
    )
    assert ("In the Dust of the Stars", "setting", "TEM 4") in _found(_claims(extractor, text))
    # "on" before what is no place sets nothing
    text = "Aelita (1924)\n\nIt is on television tonight, on the second channel."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.SETTING]


def test_a_co_production_between_countries_is_of_each(extractor):
    text = "Pilot Pirx's Inquest (1978) was a co-production between Poland and the Soviet Union."
    found = _found(_claims(extractor, text))
    assert ("Pilot Pirx's Inquest", "country", "Poland") in found
    assert ("Pilot Pirx's Inquest", "country", "Soviet Union") in found


def test_as_of_since_or_of_a_part_not_played_gives_no_part(extractor):
    # (from a reading of the rules: "as" after a comma may mean "since"; an actor "was
    # considered as", "famous as" someone is not in the film's cast)
    for said in (
        "Solaris (1972). Bondarchuk gets the best scenes, as Kelvin mostly watches.",
        "Moscow-Cassiopeia (1973). Smoktunovsky steals the show, as Sereda never does.",
        "Solaris (1972). Banionis carries the film, as Hari cannot.",
        "Kin-dza-dza! (1986). Leonov was first considered as the pirate, but turned it down.",
        "Solaris (1972). Banionis was rejected as the pilot, supposedly.",
        "Kin-dza-dza! (1986). Leonov was famous as the detective in an older TV series.",
        "Solaris (1972). Banionis was superb as the pilot in a later, forgotten film.",
    ):
        assert not _cast(_claims(extractor, said)), said


def test_a_likeness_holds_for_its_first_clause_and_never_moves_a_later_namings(extractor):
    # (from a reading of the rules)
    def said(text: str) -> set[tuple[str, str, str]]:
        return _found(_claims(extractor, text))

    found = said(
        "Per Aspera Ad Astra (1981). Like Solaris, it is long, but it was made at the Gorky "
        "Film Studio."
    )
    assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") in found
    assert ("Solaris", "studio", "Gorky Film Studio") not in found
    found = said(
        "Per Aspera Ad Astra (1981). Like Solaris, it was a Soviet production, but it was "
        "directed by Viktorov."
    )
    assert ("Solaris", "directed_by", "Richard Viktorov") not in found
    found = said(
        "Per Aspera Ad Astra (1981). Unlike Solaris, it is cheerful; Solaris was directed by "
        "Tarkovsky."
    )
    assert ("Solaris", "directed_by", "Andrei Tarkovsky") in found
    found = said("Solaris (1972). Unlike Planeta Bur (Lennauchfilm, 1962), it was made at Mosfilm.")
    assert {("Planeta Bur", "studio", "Lennauchfilm"), ("Solaris", "studio", "Mosfilm")} <= found
    found = said(
        "Guest from the Future (1985). Unlike Kin-dza-dza!, which Daneliya made at Mosfilm, it "
        "was made at the Gorky Film Studio."
    )
    assert ("Kin-dza-dza!", "studio", "Gorky Film Studio") not in found
    assert ("Guest from the Future", "studio", "Gorky Film Studio") in found
    # what is likened beyond the first clause, or read of the film likened, is said in doubt
    claims = _claims(
        extractor,
        "Ikarie XB-1 (1963). Like The Silent Star, it was based on a Lem novel, directed by "
        "Polák at Barrandov.",
    )
    assert all(c.confidence < CONFIDENT for c in claims if c.subject == "The Silent Star")


def test_an_announced_re_edit_is_said_not_denied_asked_or_ones_own(extractor):
    # (from a reading of the rules: announcements denied, asked or of something else, and
    # films named after them that are no re-edits)
    for text in (
        "Planeta Bur (1962)\n\nPlaneta Bur was never plundered twice. Voyage to the Planet of "
        "Prehistoric Women was shot fresh.",
        "Nebo Zovyot (1959)\n\nI don't think its footage was used in two films. Queen of Blood "
        "came from A Dream Come True.",
        "Nebo Zovyot (1959)\n\nThe Soviet censors recut it twice before release. Later, Battle "
        "Beyond the Sun appeared in America.",
        "Planeta Bur (1962)\n\nMy VHS tape was recycled twice. I then bought Voyage to the "
        "Prehistoric Planet on DVD.",
        "Planeta Bur (1962)\n\nWas Planeta Bur really plundered twice? Voyage to the Planet of "
        "Prehistoric Women is the one I know.",
        "Planeta Bur (1962)\n\nPlaneta Bur was plundered twice. Solaris and Aelita were never "
        "touched.",
    ):
        claims = _claims(extractor, text)
        announced = [c for c in claims if c.attribution == "a re-edit the paragraph announced"]
        assert not announced, text


def test_a_name_before_a_possessive_is_no_part_and_a_dotted_part_is_whole(extractor):
    # (from a reading of the rules)
    for said in (
        "Kin-dza-dza! (1986). Leonov is also Uncle Vova's nemesis.",
        "Kin-dza-dza! (1986). Leonov is Uncle Vova's nemesis.",
        "Eolomea (1972). Hoppe is also Maria Scholl's colleague.",
    ):
        assert not [c for c in _claims(extractor, said) if c.role], said
    for said in ("Smoktunovsky is still I.O.O.", "Smoktunovsky still plays I.O.O."):
        found = _cast(_claims(extractor, f"Teens in the Universe (1974). {said}"))
        assert found == {("Teens in the Universe", "Innokenty Smoktunovsky", "I.O.O.")}, said


def test_under_a_sequels_heading_the_first_film_said_is_the_first(extractor):
    # (from a reading of the rules)
    for named in ("", "The sequel follows Moscow-Cassiopeia. "):
        text = (
            f"Teens in the Universe (1974)\n\n{named}The first film had Durov as Filatov and "
            "Merkuryev as Blagovidov."
        )
        found = _cast(_claims(extractor, text))
        assert ("Moscow-Cassiopeia", "Lev Durov", "Filatov") in found, named
        assert ("Teens in the Universe", "Lev Durov", "Filatov") not in found, named


def test_both_halves_are_never_two_other_films(extractor):
    # (from a reading of the rules)
    for said in (
        "Kin-dza-dza! came much later. Both halves of this diptych were directed by Viktorov.",
        "It beats Solaris and Kin-dza-dza! easily. Viktorov directed both halves.",
        "Yershov and Grigoryev both appear. Viktorov cast both halves of the crew at the Gorky "
        "Film Studio.",
    ):
        claims = _claims(extractor, f"Moscow-Cassiopeia (1973). {said}")
        subjects = {c.subject for c in claims if c.relation is not Relation.PLOT}
        assert subjects <= {"Moscow-Cassiopeia", "Teens in the Universe"}, said
        if "crew" in said:
            assert "Teens in the Universe" not in subjects


def test_a_name_owning_a_book_is_not_the_cues_before_it(extractor):
    # (from a reading of the rules: before this stop as well)
    for said in (
        "Kurt Maetzig, directing, from Lem's novel.",
        "Directed by Kurt Maetzig, directing Lem's story for DEFA.",
    ):
        found = _found(_claims(extractor, f"The Silent Star (1960). {said}"))
        assert ("The Silent Star", "directed_by", "Stanisław Lem") not in found, said


def test_a_predecessor_never_named_is_no_ground_to_blame_the_page_film(extractor):
    # (from a reading of the rules)
    for text in (
        "Teens in the Universe (1974)\n\nIts predecessor was made at Mosfilm.",
        "Solaris (1972)\n\nIts predecessor was made at Lenfilm.",
    ):
        claims = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
        assert claims, text
        assert all(c.confidence < CONFIDENT for c in claims), text
    text = "Teens in the Universe (1974)\n\nIts predecessor was made at Mosfilm."
    studios = {
        (c.subject, c.value) for c in _claims(extractor, text) if c.relation is Relation.STUDIO
    }
    assert studios == {("Moscow-Cassiopeia", "Mosfilm")}


def test_the_first_film_of_a_sequels_page_is_its_first_part_even_unnamed(extractor):
    # (from a reading of the rules)
    text = "Teens in the Universe (1974)\n\nBack in the first film, Yershov played Sereda."
    assert _cast(_claims(extractor, text)) == {("Moscow-Cassiopeia", "Mikhail Yershov", "Sereda")}
    text = (
        "Teens in the Universe (1974)\n\nLike the first film, it was shot at the Gorky Film Studio."
    )
    found = _found(_claims(extractor, text))
    assert ("Teens in the Universe", "studio", "Gorky Film Studio") in found
    assert ("Moscow-Cassiopeia", "studio", "Gorky Film Studio") in found


def test_a_deed_of_the_story_on_a_place_sets_it_there(extractor):
    for text, place in (
        ("Mechte navstrechu (1963). The last survivor is waiting on Phobos.", "Phobos"),
        ("In the Dust of the Stars (1976). On TEM 4 the rulers deny everything.", "TEM 4"),
    ):
        assert (text.split(" (")[0], "setting", place) in _found(_claims(extractor, text)), text


def test_the_one_a_director_works_with_this_time_co_directs(extractor):
    for said in (
        "Mikhail Karyukov directed again, this time with Otar Koberidze.",
        "Karyukov again, this time teaming up with Otar Koberidze.",
    ):
        claims = _claims(extractor, f"A Dream Come True (1963). {said}")
        found = [c for c in claims if c.value == "Otar Koberidze"]
        assert [c.relation for c in found] == [Relation.DIRECTED_BY], said
        assert all(c.confidence < CONFIDENT for c in found)
    # another "this time with" is no co-director
    text = "A Dream Come True (1963). I saw it again, this time with Otar Koberidze in the cast."
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]


def test_a_composers_themes_songs_and_electronics_are_the_films_music(extractor):
    for film, said, composer in (
        ("Kin-dza-dza! (1986)", "Gia Kancheli's tiny wheezing themes are perfect.", "Gia Kancheli"),
        (
            "Guest from the Future (1985)",
            "The Krylatov song at the end is lovely.",
            "Yevgeny Krylatov",
        ),
        (
            "Guest from the Future (1985)",
            "Its theme song is by Yevgeny Krylatov.",
            "Yevgeny Krylatov",
        ),
        (
            "Solaris (1972)",
            "Mosfilm, 1972, with Artemyev doing the electronics.",
            "Eduard Artemyev",
        ),
        (
            "Planeta Bur (1962)",
            "Aleksandr Chernov and Johann Admoni supply a haunting score.",
            "Johann Admoni",
        ),
    ):
        found = _found(_claims(extractor, f"{film}. {said}"))
        assert (film.split(" (")[0], "music_by", composer) in found, said


def test_an_actor_giving_him_a_quality_plays_the_one_named_before(extractor):
    text = (
        "In the Dust of the Stars (1976). Suko is the navigator. Alfred Struwe gives him a quiet "
        "stubbornness."
    )
    assert _cast(_claims(extractor, text)) == {
        ("In the Dust of the Stars", "Alfred Struwe", "Suko")
    }
    text = "In the Dust of the Stars (1976). Suko is the navigator. Alfred Struwe gives him a lift."
    assert not _cast(_claims(extractor, text))
    # a part described at length before "is" and its actor
    text = (
        "Moscow-Cassiopeia (1973). Varvara, the girl who would rather save rare animals than fly "
        "to the stars, is Bityukova."
    )
    assert ("Moscow-Cassiopeia", "Olga Bityukova", "Varvara") in _cast(_claims(extractor, text))


def test_third_reading_as_a_name_after_a_comma_and_other_readings(extractor):
    # (from a third reading of the rules; each sentence gave a wrong claim before the mend)
    def claims(text: str) -> list[Claim]:
        return _claims(extractor, text)

    for said in (
        "Moscow-Cassiopeia (1973). Smoktunovsky is wonderful, as Lobanov and Kozelkov agree.",
        "Solaris (1972). Donatas Banionis is cold and distant, as Snaut here remarks.",
        "Solaris (1972). Banionis grows haggard, as Snaut, who has seen it all, expected.",
        "Kin-dza-dza! (1986). Leonov squats in the dust, as Bi here does too.",
    ):
        assert not _cast(claims(said)), said
    said = (
        "Solaris (1972). The idea for the station grew out of The Astronauts, an earlier Lem book."
    )
    assert not [c for c in claims(said) if c.relation is Relation.BASED_ON]
    said = "Moscow-Cassiopeia (1973). Neither of the two halves was directed by Tarkovsky."
    assert "Teens in the Universe" not in {c.subject for c in claims(said)}
    said = (
        "Moscow-Cassiopeia (1973). Solaris was shown after it. Viktorov directed both parts at "
        "the Gorky Film Studio."
    )
    assert ("Solaris", "studio", "Gorky Film Studio") not in _found(claims(said))


def test_third_reading_footage_setting_and_billing_said_otherwise(extractor):
    def footage(text: str) -> set[tuple[str, str]]:
        return {
            (c.subject, c.value)
            for c in _claims(extractor, text)
            if c.relation is Relation.FOOTAGE_USED_IN
        }

    for said in (
        "None of the space stuff is from Nebo Zovyot.",
        "It's a myth that the model work is largely from Nebo Zovyot.",
        "I doubt the space stuff is from Nebo Zovyot.",
        "The space stuff is mostly from Nebo Zovyot? Hardly.",
    ):
        assert not footage(f"Queen of Blood (1966). {said}"), said
    said = "Queen of Blood (1966). The model work in Solaris is largely from Nebo Zovyot."
    assert ("Nebo Zovyot", "Queen of Blood") not in footage(said)
    said = "Queen of Blood, which people wrongly say he made out of Nebo Zovyot, is fun."
    assert not footage(said)
    for later in (
        "Queen of Blood has nothing to do with it.",
        "Queen of Blood, people say, was the second.",
        "Later, Queen of Blood borrowed from Mechte navstrechu instead.",
    ):
        text = f"Nebo Zovyot (1959)\n\nCorman plundered it twice. {later}"
        assert ("Nebo Zovyot", "Queen of Blood") not in footage(text), later
    for said in (
        "A rescue on Phobos is never attempted.",
        "Karyukov later made a documentary on Mars.",
        "Critics were hard on Mars films that year.",
        "The crew stays on Earth rather than on Mars.",
    ):
        claims = _claims(extractor, f"A Dream Come True (1963). {said}")
        assert not [c for c in claims if c.relation is Relation.SETTING], said
    text = (
        "Planeta Bur (1962)\n\nHarrington's re-edit, Voyage to the Prehistoric Planet, renamed "
        "everyone; Zhzhonov's scenes were cut, so he's absent from it."
    )
    assert not [c for c in _claims(extractor, text) if "another name" in c.attribution]
    text = "Per Aspera Ad Astra (1981)\n\nIts predecessor was made at the Gorky Film Studio."
    assert ("Per Aspera Ad Astra", "studio", "Gorky Film Studio") not in _found(
        _claims(extractor, text)
    )


def test_third_reading_a_film_named_in_passing_after_a_quote(extractor):
    opening = "Thread: Solaris\n\nada wrote:\nSolaris was made at Mosfilm.\n\nbo wrote:\n"
    for said in (
        "I watched it twice after The Silent Star, and it is far better. It stars Banionis.",
        "Unlike The Silent Star it's slow. It stars Banionis.",
    ):
        text = f"{opening}> Solaris was made at Mosfilm\nYes. {said}"
        found = _cast(_claims(extractor, text))
        assert ("Solaris", "Donatas Banionis", None) in found, said


def test_unlike_x_it_moves_any_statement_from_x_to_it(extractor):
    # (from a third reading: a release year, a cast, a setting said of "it" went to X)
    for said, wrong in (
        ("Unlike Solaris, it was released in 1986.", ("Solaris", "release_year", "1986")),
        (
            "Unlike Moscow-Cassiopeia, it stars Smoktunovsky.",
            ("Moscow-Cassiopeia", "cast", "Innokenty Smoktunovsky"),
        ),
        ("Unlike Queen of Blood, it is set on Mars.", ("Queen of Blood", "setting", "Mars")),
    ):
        found = _found(_claims(extractor, f"Teens in the Universe (1974). {said}"))
        assert wrong not in found, said


def test_fourth_reading_claims_the_sentences_do_not_make(extractor):
    # (from a fourth reading of the rules; each gave a claim before the mend)
    def of(text: str, relation: Relation) -> set[tuple[str, str]]:
        return {(c.subject, c.value) for c in _claims(extractor, text) if c.relation is relation}

    for text in (
        "Kin-dza-dza! (1986)\n\nKancheli's themes are not in it.",
        "Kin-dza-dza! (1986)\n\nKancheli's themes would have suited it.",
        "Kin-dza-dza! (1986)\n\nIt reminded me of Kancheli's themes for other films.",
        "Solaris (1972)\n\nThe film opens with Bach, without Artemyev doing the electronics.",
        "Guest from the Future (1985)\n\nThe Krylatov song was cut from the final version.",
    ):
        assert not of(text, Relation.MUSIC_BY), text
    for text in (
        "Mechte navstrechu (1963)\n\nOn Phobos-themed posters, the crew looks heroic.",
        "Queen of Blood (1966)\n\nOn Mars Attacks! fan forums, people love it.",
        "Mechte navstrechu (1963)\n\nReviewers assume the survivor is waiting on Phobos.",
        "Kin-dza-dza! (1986)\n\nThey are on Pluke? No, on Alpha.",
    ):
        assert not of(text, Relation.SETTING), text
    text = "Queen of Blood (1966)\n\nBattle Beyond the Sun's model work is from Nebo Zovyot."
    assert of(text, Relation.FOOTAGE_USED_IN) == {("Nebo Zovyot", "Battle Beyond the Sun")}
    text = "Moscow-Cassiopeia (1973)\n\nNot both halves were directed by Viktorov."
    assert "Teens in the Universe" not in {s for s, _ in of(text, Relation.DIRECTED_BY)}
    text = "Teens in the Universe (1974)\n\nBetter than its predecessor, it stars Smoktunovsky."
    assert {s for s, _ in of(text, Relation.CAST)} == {"Teens in the Universe"}
    text = (
        "Mechte navstrechu (1963)\n\nMikhail Karyukov directed again, this time with Otar "
        "Koberidze in the lead."
    )
    assert ("Mechte navstrechu", "Otar Koberidze") not in of(text, Relation.DIRECTED_BY)
    text = (
        "Kin-dza-dza! (1986)\n\nGeorgiy Daneliya directed again, this time with Stanislav "
        "Lyubshin and Yevgeni Leonov."
    )
    assert of(text, Relation.DIRECTED_BY) == {("Kin-dza-dza!", "Georgiy Daneliya")}
    text = (
        'Nebo Zovyot (1959)\n\nIn Battle Beyond the Sun, Ivan Pereverzev is billed as "Edd '
        'Perry"; Aleksandr Shvorin was cut.'
    )
    assert ("Battle Beyond the Sun", "Aleksandr Shvorin") not in of(text, Relation.CAST)


@pytest.mark.parametrize(
    "text",
    [
        # a list opened by "is" and a described part: what is said of another part is no part
        "Solaris (1972). Donatas Banionis is the haunted Kelvin, Natalya Bondarchuk the wife "
        "of Kelvin.",
        "Kin-dza-dza! (1986). Yevgeni Leonov is the comic engine, Stanislav Lyubshin the "
        "straight man to Uef.",
        # a one-name character's name before a surname: someone else, of another film
        "Signals (1970). Konrad Wolf directed Solo Sunny in 1980.",
        # a correction taken back in the next sentence
        "lev wrote:\nThe Silent Star (1960): it was directed by Kurt Maetzig.\n\n"
        "tanya wrote:\nNot Kurt Maetzig – it was Gottfried Kolditz. Sorry, I mean Signals.\n",
    ],
)
def test_sentences_a_second_reading_found_misread_blame_the_document_for_nothing(extractor, text):
    assert not _contradicted(extractor, text)


def test_who_turns_up_or_appears_too_is_not_read_as_in_the_cast(extractor):
    # where one turns up is often not the film: an event, a paratext, another film, hearsay
    # (a second reading's sentences; a rule that read them as the cast was taken back)
    for text in (
        "Solaris (1972). At Tarkovsky's funeral in Paris, Donatas Banionis turned up too.",
        "Queen of Blood (1966). When the film opened in Los Angeles, John Saxon showed up too.",
        "The Silent Star (1960). In the trailer, Yoko Tani appears briefly.",
        "Solaris (1972). In Stalker, Anatoly Solonitsyn turns up too.",
        "Eolomea (1972). In István Szabó's Mephisto, Rolf Hoppe turned up too.",
        "Kin-dza-dza! (1986). I heard Yevgeni Leonov turns up too.",
        "Solaris (1972). Stalker (1979) came seven years on. Anatoly Solonitsyn turns up too.",
        "Guest from the Future (1985). Mikhail Kononov appears, but not in this cut.",
    ):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST], text


def test_two_names_joined_by_a_comma_and_and_are_two_clauses_not_a_list(extractor):
    # the second name's verb says nothing of the first
    text = (
        "Solaris (1972) runs close to three hours. Tarkovsky adapted the novel of "
        "Stanisław Lem, and Nikolai Grinko also stars."
    )
    found = _found(_claims(extractor, text))
    assert ("Solaris", "cast", "Nikolai Grinko") in found
    assert ("Solaris", "source_author", "Nikolai Grinko") not in found
    # ... but two names ", and" joins with no verb of the second's own are a list
    for text, first, second in (
        (
            "A Dream Come True (1963). It was directed by Mikhail Karyukov, and Otar Koberidze.",
            ("A Dream Come True", "directed_by", "Mikhail Karyukov"),
            ("A Dream Come True", "directed_by", "Otar Koberidze"),
        ),
        (
            "Ikarie XB-1 (1963). Zdeněk Štěpánek, and Radovan Lukavský star.",
            ("Ikarie XB-1", "cast", "Zdeněk Štěpánek"),
            ("Ikarie XB-1", "cast", "Radovan Lukavský"),
        ),
        (
            "Dead Mountaineer's Hotel (1979). Based on the novel by Arkady Strugatsky, and "
            "Boris Strugatsky, it is a mystery.",
            ("Dead Mountaineer's Hotel", "source_author", "Arkady Strugatsky"),
            ("Dead Mountaineer's Hotel", "source_author", "Boris Strugatsky"),
        ),
    ):
        found = _found(_claims(extractor, text))
        assert first in found, text
        assert second in found, text


def test_a_name_after_by_then_comma_and_a_name_with_a_past_verb_are_two_clauses(extractor):
    # the verb in the past after the second name is that name's, not the first's: the
    # first has its own phrase with "by"
    text = (
        "Kin-dza-dza! (1986). It is based on a story by Rezo Gabriadze, and Gia Kancheli "
        "composed the music."
    )
    found = _found(_claims(extractor, text))
    assert ("Kin-dza-dza!", "music_by", "Gia Kancheli") in found
    assert ("Kin-dza-dza!", "music_by", "Rezo Gabriadze") not in found
    # ... but two names after "by" with no comma are a list the past verb may follow
    text = "Nebo Zovyot (1959). The picture was directed by Mikhail Karyukov and Aleksandr Kozyr."
    found = _found(_claims(extractor, text))
    assert ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr") in found


@pytest.mark.parametrize(
    "text",
    [
        "Ikarie XB-1 is also called Voyage to the End of the Universe.",
        "Ikarie XB-1 (1963). In America it was known as Voyage to the End of the Universe.",
        "Ikarie XB-1 (1963). Most Americans know it as Voyage to the End of the Universe.",
        "Ikarie XB-1 (1963). The US version went out under the title Voyage to the End of "
        "the Universe.",
    ],
)
def test_another_title_of_the_film_spoken_of(extractor, text):
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.ALSO_KNOWN_AS]
    assert [(c.subject, c.value) for c in claims] == [
        ("Ikarie XB-1", "Voyage to the End of the Universe")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a film the references keep apart is a re-use, not a title
        "Nebo Zovyot (1959). Corman released it as Battle Beyond the Sun.",
        # denied, or asked
        "Ikarie XB-1 (1963). It was never known as Voyage to the End of the Universe.",
        "Ikarie XB-1 (1963). Nobody ever called it Voyage to the End of the Universe.",
    ],
)
def test_no_other_title_where_the_film_is_another_or_the_title_denied(extractor, text):
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.ALSO_KNOWN_AS]


def test_what_an_actor_is_in_a_film_is_mostly_a_part(extractor):
    text = "Solaris (1972). Natalya Bondarchuk is the ghostly visitor, and she is superb."
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.subject, c.value) for c in cast] == [("Solaris", "Natalya Bondarchuk")]
    assert cast[0].confidence < CONFIDENT  # a part, mostly: never held against the document
    # ... not what a maker is, what is no part, nor what is denied, doubted or asked
    for text in (
        "Solaris (1972). Andrei Tarkovsky is the true author of this film.",
        "Solaris (1972). Natalya Bondarchuk is the best thing in it.",
        "Solaris (1972). I doubt Natalya Bondarchuk is the ghostly visitor.",
        "Solaris (1972). Natalya Bondarchuk is not the ghostly visitor.",
        "Solaris (1972). Is Natalya Bondarchuk the ghostly visitor?",
    ):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST], text


def test_a_title_of_another_language_with_an_english_looking_word_before_its_year(extractor):
    # "most" (a bridge) after a first word of another language: the title's, not English
    text = (
        "1. Per Aspera Ad Astra (1981)\nViktorov made it at the Gorky Film Studio.\n\n"
        "Also try Dalnyaya most (1974), a Lenfilm drama by Ivan Petrov."
    )
    claims = _claims(extractor, text)
    assert ("Dalnyaya most", "studio", "Lenfilm") in _found(claims)
    assert not [c for c in claims if c.subject == "Per Aspera Ad Astra" and c.value == "Lenfilm"]
    # ... but a verb after a name is no title's word
    text = "Signals: An Adventure in Space. Kolditz directed (1970) it with care."
    assert not [c for c in _claims(extractor, text) if c.subject.startswith("Kolditz")]


def test_a_composers_aside_credits_them_with_the_films_they_scored(extractor):
    for text in (
        "Solaris (1972). The electronic sound comes from Eduard Artemyev, who had already "
        "scored Mechte navstrechu.",
        "Solaris (1972). Score: Eduard Artemyev, who (with Vano Muradeli) co-scored Mechte "
        "navstrechu.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Mechte navstrechu", "music_by", "Eduard Artemyev") in found, text
    # ... not what the aside denies, nor a composer's aside read as a maker's
    text = "Solaris (1972). The music is by Eduard Artemyev, who never scored Kin-dza-dza!."
    assert not [c for c in _claims(extractor, text) if c.subject == "Kin-dza-dza!"]


@pytest.mark.parametrize(
    "text",
    [
        # a second reading's sentences: partners denied, compared, of other films, not
        # producers; a year of where a thing came from, of another film, of someone, asked
        "Eolomea (1972) was made by DEFA, not with partners in Poland.",
        "Eolomea (1972) was made by DEFA, with no partners in Poland.",
        "Eolomea (1972) was made by DEFA, like films with partners in Poland.",
        "Eolomea (1972) was made by DEFA; other films were made with partners in Poland.",
        "Eolomea (1972) was made by DEFA; Zschoche's next film was made with partners in Poland.",
        "Eolomea (1972) was made by DEFA with distribution partners in Poland.",
        "Solaris (1972) is long. The story is by far the strangest Tarkovsky told.",
        "Solaris (1972) is long. The book was by Tarkovsky's father.",
        "Solaris is based on Lem's novel. It came out of Poland in 1961.",
        "Solaris is a masterpiece. The original came out of Poland in 1961.",
        "Solaris (1972) was followed by Mirror. That film came out of Mosfilm in 1975.",
        "Kin-dza-dza! is a cult film. The animated film came out of Mosfilm in 2013.",
        "Nebo Zovyot was bought by Roger Corman. The American film, directed by Coppola in "
        "1962, is a mess.",
        "Donatas Banionis (Solaris) was directed by Tarkovsky in 1971.",
        "Solaris was directed by Tarkovsky in 1971? No.",
    ],
)
def test_no_claim_held_against_the_film_from_what_a_clause_says_of_something_else(extractor, text):
    read = (Relation.COUNTRY, Relation.RELEASE_YEAR, Relation.SOURCE_AUTHOR)
    assert not [c for c in _contradicted(extractor, text) if c.relation in read]
    wrong = {"Poland", "1961", "1975", "2013", "1962", "1971", "Andrei Tarkovsky"}
    assert not [
        c
        for c in _claims(extractor, text)
        if c.relation in read and c.value in wrong and c.confidence >= CONFIDENT
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a second reading's sentences: the film named first in a paragraph is not what the
        # paragraph is about; a book filmed by another film's maker; a name and an English
        # word before a year are no title
        "Solaris (1972)\n\nTarkovsky hated Ikarie XB-1. He shot his own film at Mosfilm in 1972.",
        "Aelita (1924) review\n\nThen came Planeta Bur. Protazanov, Mezhrabpom-Rus, 1924.",
        "The Silent Star (1960). Polák filmed Lem's The Magellanic Cloud three years later.",
        "Ikarie XB-1 (1963). Maetzig had filmed Lem's The Astronauts in 1960.",
        "Dead Mountaineer's Hotel (1979). The source was the Strugatskys' novel Roadside Picnic.",
    ],
)
def test_no_claim_from_a_film_first_named_or_a_book_another_filmed(extractor, text):
    assert not _contradicted(extractor, text)
    assert not [
        c
        for c in _claims(extractor, text)
        if c.relation is Relation.BASED_ON and c.confidence >= CONFIDENT
    ]


def test_a_name_and_an_english_word_before_a_year_keep_the_films_credit(extractor):
    for text, credit in (
        (
            "Aelita (1924). Mezhrabpom production (1924), directed by Protazanov.",
            ("Aelita", "directed_by", "Yakov Protazanov"),
        ),
        (
            "Solaris was shot partly in Japan, Akasaka mostly (1971), for the city of the "
            "future, at Mosfilm.",
            ("Solaris", "studio", "Mosfilm"),
        ),
    ):
        assert credit in _found(_claims(extractor, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "The Silent Star (1960). Nobody in America knew it as First Spaceship on Venus.",
        "The Silent Star (1960). Some sources claim it was called First Spaceship on Venus.",
        "The Silent Star (1960). It was perhaps known as First Spaceship on Venus in Britain.",
    ],
)
def test_no_other_title_where_it_is_denied_or_hedged(extractor, text):
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.ALSO_KNOWN_AS]


@pytest.mark.parametrize(
    "text",
    [
        "Queen of Blood (1966). Florence Marly was a refugee from Czechoslovakia.",
        "Solaris (1972). Natalya Bondarchuk is the child of two famous actors.",
        "Kin-dza-dza! (1986). A stage version opened at the Lenkom theatre on 5 May 2002.",
    ],
)
def test_nothing_read_from_what_an_actor_was_or_what_opened_instead(extractor, text):
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.relation is Relation.CAST], text
    assert not [c for c in claims if c.relation is Relation.RELEASE_DATE], text


@pytest.mark.parametrize(
    "text",
    [
        "Solaris (1972). The restoration was released in 2011.",
        "Solaris (1972). A restored print came out in 2011.",
        "Solaris (1972). It was restored and came out again in 2011.",
        "Solaris (1972). The re-release came out in 2002.",
    ],
)
def test_a_later_release_is_never_held_against_the_films_year(extractor, text):
    assert not _contradicted(extractor, text)
    assert ("Solaris", "1972", True) in _years(extractor, text)


def test_a_last_readings_sentences_keep_their_errors_and_make_no_claim_they_do_not_say(
    extractor,
):
    # a viewer's "again" hides no wrong year; hearsay about partners blames nobody
    assert _contradicted(extractor, "Solaris, which I saw again yesterday, came out in 1975.")
    text = "Some sources claim Eolomea was made by DEFA with partners in Poland."
    assert not _contradicted(extractor, text)
    # a life is no part; a cinema's opening, a remake's premiere and a denied year no date
    for text in (
        "Solaris is slow. Donatas Banionis was the head of a theatre in Panevėžys.",
        "Solaris is slow. Natalya Bondarchuk is the granddaughter of nobody in particular.",
        "Aelita is silent. Igor Ilyinsky was the first recipient of that title.",
    ):
        assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST], text
    for text in (
        "Signals (1970). The Kosmos cinema opened at Karl-Marx-Allee in Berlin on 7 October 1962.",
        "Kin-dza-dza! (1986). Its animated remake premiered at the Oktyabr cinema on 11 April "
        "2013.",
        "Solaris (1972). Kuravlyov also (1972) appears.",
    ):
        claims = _claims(extractor, text)
        assert not [c for c in claims if c.relation is Relation.RELEASE_DATE], text
        assert not [c for c in claims if c.subject.startswith("Kuravlyov")], text


def test_countries_of_the_partners_a_film_was_made_with(extractor):
    text = (
        "Signals: An Adventure in Space (1970) was made by DEFA with partners in Poland, and "
        "it shows."
    )
    found = _found(_claims(extractor, text))
    assert ("Signals: An Adventure in Space", "country", "Poland") in found
    # ... not where no film's making is said: whose partners, unsaid
    text = (
        "The Silent Star (1960) is one of DEFA's. Most of those were co-productions with "
        "partners in Poland or Bulgaria."
    )
    assert not {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY} & {
        "Poland",
        "Bulgaria",
    }


def test_a_year_in_a_clause_of_the_storys_own_time_is_not_the_novels(extractor):
    text = (
        "Solaris (1972). Tarkovsky's film, taken from Stanisław Lem's novel, begins at a "
        "country house in 1971, when Kelvin says goodbye."
    )
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.PUBLISHED_YEAR]
    # ... which a clause of the novel's own still gives, after the story's too
    text = "Aelita (1924). Tolstoy's novel, it begins in Petrograd and was published in 1923."
    assert ("Aelita (novel)", "published_year", "1923") in _found(_claims(extractor, text))
    text = "Solaris (1972). Tarkovsky's film comes from Stanisław Lem's novel, published in 1961."
    assert ("Solaris (novel)", "published_year", "1961") in _found(_claims(extractor, text))


def test_a_cast_lists_part_may_follow_a_title_and_a_first_name(extractor):
    text = (
        "The Silent Star (1960)\n\nCast\n\nOldřich Lukeš as Professor Hawling\n"
        "Michail N. Postnikow – Prof. Arsenjew\nGünther Simon as Dr. Raimund Brinkmann, the pilot\n"
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert parts == {
        ("Oldřich Lukeš", "Professor Hawling"),
        ("Michail N. Postnikow", "Prof. Arsenjew"),
        ("Günther Simon", "Dr. Raimund Brinkmann"),
    }


def test_a_makers_aside_reads_past_a_titles_own_colon(extractor):
    text = (
        "Eolomea (1972) came from Herrmann Zschoche. Gottfried Kolditz, who had made Signals: "
        "An Adventure in Space two years before, turned the script down."
    )
    found = _found(_claims(extractor, text))
    assert ("Signals: An Adventure in Space", "directed_by", "Gottfried Kolditz") in found
    # ... and one who "turned it down" made nothing of it
    assert ("Eolomea", "directed_by", "Gottfried Kolditz") not in found


def test_countries_that_made_a_film_jointly(extractor):
    def countries(sentence: str) -> set[str]:
        text = f"Signals: An Adventure in Space (1970) is a DEFA picture. {sentence}"
        return {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}

    assert countries("The film was made jointly by East Germany and Poland.") == {
        "East Germany",
        "Poland",
    }
    assert countries("It was produced jointly by Poland and the GDR.") == {"Poland", "East Germany"}
    # ... not a thing in it, nor what is denied or heard
    assert not countries("The ship was made by Poland.")
    # (second readings' sentences: another film, another version, a film that might have been,
    # a thing in it)
    assert not countries("The spaceship in the film was made in Poland.")
    assert not countries("The models for the film were made in Poland.")
    # (a third reading's: what the film's noun list does not know is no film)
    assert not countries("The trailer was made in Poland.")
    assert not countries("The restoration was made in Poland.")
    assert countries("The film based on Lem's novel was made in Poland.") == {"Poland"}
    assert not countries("A sequel would have been made in Poland.")
    assert not countries("The American remake of it, made by the United States, is worse.")
    assert not countries("The next Kolditz film was produced jointly by Poland and the GDR.")
    assert not countries("The sequel, if made, would have been produced by Poland.")
    assert not countries("Its Polish-language version was produced by Poland.")
    assert not countries("Its West German release was handled by West Germany's Atlas.")
    assert not countries("The spacesuits were made in Poland.")
    assert not countries("It was not made jointly by East Germany and Poland.")
    assert not countries("Some say it was made jointly by East Germany and Poland.")


def test_shots_from_two_films_that_both_went_into_a_third(extractor):
    for text in (
        "Shots from Nebo Zovyot and from A Dream Come True both went into Queen of Blood.",
        "Shots from Nebo Zovyot and from A Dream Come True were both cut into Queen of Blood.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") in found, text
        assert ("A Dream Come True", "footage_used_in", "Queen of Blood") in found, text
    # (a second reading's sentences: the first film's shots not said to have gone there,
    # what moved not footage, a film compared or joined after the cue, a pair not said plainly)
    for text in (
        "With shots from Nebo Zovyot and from Ikarie XB-1 in hand, the editors put only the "
        "second into Queen of Blood.",
        "The shots from Nebo Zovyot and from Ikarie XB-1 were screened, and the latter went "
        "into Queen of Blood.",
        "Nebo Zovyot ended up in Corman's hands before Queen of Blood was made.",
        "The story of Nebo Zovyot resurfaced in Queen of Blood, but none of its footage.",
        "Nebo Zovyot went into the same DVD box as Queen of Blood.",
        "Nebo Zovyot went into a double bill with Queen of Blood.",
        "Nebo Zovyot went into the same DVD box as its American re-edit, Queen of Blood.",
        "Nebo Zovyot went into the festival programme as well as Queen of Blood.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Nebo Zovyot", "footage_used_in", "Queen of Blood") not in found, text
    # ... while a cue's own object, however it is put, is still the film made of it
    for text in (
        "Planeta Bur was re-edited into a film known as Voyage to the Prehistoric Planet.",
        "Planeta Bur became, in the same year, Voyage to the Prehistoric Planet.",
        "You might be thinking of Voyage to the Prehistoric Planet, which he made out of "
        "Planeta Bur.",
        "Planeta Bur went into Voyage to the Prehistoric Planet, which Bogdanovich would later "
        "call his favourite.",
    ):
        found = _found(_claims(extractor, text))
        assert ("Planeta Bur", "footage_used_in", "Voyage to the Prehistoric Planet") in found, text


def test_a_films_own_title_or_kind_is_no_thing_made_elsewhere(extractor):
    # (a second reading's sentences: a title's last word, or a kind of film, is no thing)
    for text, country in (
        ("The Silent Star (1960). The Silent Star was made in East Germany.", "East Germany"),
        ("Ikarie XB-1 (1963). The Czech classic was made in Czechoslovakia.", "Czechoslovakia"),
        ("Ikarie XB-1 (1963). The 1963 space opera was made in Czechoslovakia.", "Czechoslovakia"),
        ("Ikarie XB-1 (1963). The film itself was made in Czechoslovakia.", "Czechoslovakia"),
        ("Ikarie XB-1 (1963). The flick was made in Czechoslovakia.", "Czechoslovakia"),
    ):
        found = {c.value for c in _claims(extractor, text) if c.relation is Relation.COUNTRY}
        assert country in found, text
    # ... nor a title abbreviation that ends a sentence after an article a part's title
    # ... and a title's abbreviation ends no sentence, after whatever word (a third reading:
    # "the stern Cmdr. Brockman" had been cut off from the denial before it)
    text = "Eolomea (1972). Cox Habbema plays the brilliant Prof. Maria Scholl."
    assert ("Eolomea", "cast", "Cox Habbema") in _found(_claims(extractor, text))
    text = (
        "Queen of Blood (1966). It is not true that the stern Cmdr. Brockman was played by "
        "John Saxon."
    )
    assert not [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    # ... and one who "turned out" a film made it
    text = "Queen of Blood (1966). Curtis Harrington turned out Queen of Blood in two weeks."
    found = _found(_claims(extractor, text))
    assert ("Queen of Blood", "directed_by", "Curtis Harrington") in found


AUTHORSHIP = (Relation.WRITTEN_BY, Relation.SOURCE_AUTHOR)


def test_a_screenplay_written_by_names_no_author_of_the_book_it_adapts(extractor):
    # "The screenplay, written by A together with B, adapts N": A and B wrote the script,
    # not the novel (B had been read as the novel's writer and contradicted)
    for text in (
        "Solaris (1972). The screenplay, written by Fridrikh Gorenshtein together with "
        "Tarkovsky, adapts Solaris, the novel Stanisław Lem published in 1961.",
        "Aelita (1924). The script, co-written by Fyodor Otsep with Alexei Faiko, loosely "
        "follows Alexei Tolstoy's novel Aelita.",
    ):
        claims = _claims(extractor, text)
        people = {c.value for c in claims if c.relation in AUTHORSHIP}
        assert not people & {"Andrei Tarkovsky", "Fridrikh Gorenshtein", "Fyodor Otsep"}, text
        assert not _contradicted(extractor, text), text
    # ... nor is a credited writer a name of the story, though a synopsis names them too
    # (a second reading: "plot | Revaz Gabriadze")
    for text, writer in (
        (
            "Kin-dza-dza! (1986). The screenplay was written by Georgiy Daneliya and Revaz "
            "Gabriadze.",
            "Revaz Gabriadze",
        ),
        (
            "Ikarie XB-1 (1963). The script, written by Pavel Juráček with Polák, is tight.",
            "Pavel Juráček",
        ),
    ):
        story = [c for c in _claims(extractor, text) if c.relation is Relation.PLOT]
        assert writer not in {c.value for c in story}, text
    # ... while the novel's own writer is still read
    text = "Solaris (1972). The screenplay, written by Tarkovsky, adapts Lem's novel Solaris."
    assert ("Solaris (novel)", "written_by", "Stanisław Lem") in _found(_claims(extractor, text))


def test_a_year_things_in_the_story_date_from_is_not_the_films(extractor):
    # "dating from 1987" dates what the words before it name: a ship, a letter, a ruin
    # (read with doubt: perhaps the film's, never held against it)
    for text, year in (
        (
            "Ikarie XB-1 (1963). The crew board an old warship, the Tornado, dating from 1987.",
            "1987",
        ),
        ("Planeta Bur (1962). On Venus they find a carved stone dating back from 1915.", "1915"),
        ("Ikarie XB-1 (1963). The derelict dates from 1987 and is full of corpses.", "1987"),
    ):
        claims = _claims(extractor, text)
        assert all(c.confidence < CONFIDENT for c in claims if c.value == year), text
        assert not _contradicted(extractor, text), text
    # ... the film's own year, said of the film, still is, and is never a year of its story
    # (a second reading: "Daneliya's comedy dates from 1986" had become a story's year)
    for text, year in (
        ("Nebo Zovyot dates from 1959.", "1959"),
        ("Nebo Zovyot, dating from 1959, was bought by Roger Corman.", "1959"),
        ("A Dream Come True (1963). The film dates from 1963.", "1963"),
        ("Kin-dza-dza! (1986). Georgi Daneliya's comedy dates from 1986.", "1986"),
        ("Eolomea (1972). Eolomea, which dates from 1972, is slow.", "1972"),
        ("Eolomea (1972). Eolomea, a DEFA production, dates from 1972.", "1972"),
    ):
        claims = _claims(extractor, text)
        years = [c for c in claims if c.value == year and c.relation is Relation.RELEASE_YEAR]
        assert years, text
        assert not [c for c in claims if c.relation is Relation.PLOT and c.value == year], text
    # ... nor held against the film when an aside or a phrase says it is another (a second
    # and a third reading: "Solaris, the Soderbergh film, dates from 2002", "The remake of
    # Solaris, which dates from 2002" had been contradicted)
    for text in (
        "Solaris (1972). Solaris, the Soderbergh film, dates from 2002.",
        "Solaris (1972). Solaris, the novel behind Tarkovsky's film, dates from 1961.",
        "Solaris (1972). The remake of Solaris, which dates from 2002, stars George Clooney.",
        "Solaris (1972). Lem's novel Solaris, which dates from 1961, is long.",
    ):
        assert not _contradicted(extractor, text), text
    # ... and a thing's year, or a question's, is no year of the film nor of its story
    for text in (
        "Eolomea (1972). The DEFA print dates from 1972.",
        "Eolomea (1972). Does the film date from 1972 or 1973?",
        "Ikarie XB-1 (1963). The crew finds a derelict dating from 1963.",
    ):
        dated = [c for c in _claims(extractor, text) if re.search(r"\bdat", c.evidence.quote)]
        assert not [c for c in dated if c.value in {"1963", "1972", "1973"}], text


def test_a_programme_line_with_an_hour_and_a_long_title_heads_its_section(extractor):
    # "Thursday, 8 pm - X (Other title, 1976)": the hour alone ("8 pm") is a time, and the
    # other title and year a heading closes on make it no sentence; what follows is X's
    text = (
        "Thursday, 8 pm - Eolomea (1972)\n\n"
        "Herrmann Zschoche made it with Soviet and Bulgarian partners.\n\n"
        "Saturday, 8 pm - In the Dust of the Stars (Im Staub der Sterne, 1976)\n\n"
        "The film was first shown at the Sommerfilmtage on 1 July 1976."
    )
    claims = _claims(extractor, text)
    assert {c.subject for c in claims} <= {"Eolomea", "In the Dust of the Stars"}
    found = _found(claims)
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in found
    assert ("In the Dust of the Stars", "release_date", "1976-07-01") in found
    assert not [c for c in claims if c.subject == "Eolomea" and "1976" in c.value]
    # ... and the hour is no number of the story
    assert not [c for c in claims if c.relation is Relation.PLOT and c.value == "8"]
    # ... in capitals too
    text = (
        "TUESDAY, 8 PM - PER ASPERA AD ASTRA (CHEREZ TERNII K ZVYOZDAM, 1981)\n\n"
        "It is by Richard Viktorov."
    )
    found = _found(_claims(extractor, text))
    assert ("PER ASPERA AD ASTRA", "directed_by", "Richard Viktorov") in found
    # ... while a line of prose closing on another film and its year is no heading (a second
    # reading: "It" below had become that film)
    text = (
        "Eolomea (1972)\n\nZschoche made it for DEFA four years before Kolditz made his film "
        "(In the Dust of the Stars, 1976)\n\nIt was directed by Herrmann Zschoche."
    )
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "directed_by", "Herrmann Zschoche") in found
    assert ("In the Dust of the Stars", "directed_by", "Herrmann Zschoche") not in found


def test_a_name_after_a_book_by_and_before_a_possessive_is_a_new_clause(extractor):
    # "a book by A, and B's score ...": B's score is B's, A wrote the book
    text = (
        "Eolomea (1972). It comes from a book by Angel Wagenstein, and Günther Fischer's "
        "music, all echoes, suits it."
    )
    found = _found(_claims(extractor, text))
    assert ("Eolomea", "music_by", "Angel Wagenstein") not in found
    assert ("Eolomea", "music_by", "Günther Fischer") in found
    assert ("Eolomea", "source_author", "Angel Wagenstein") in found
    # ... whatever thing of B's follows (a second reading: "and Liška's editing is sharp" had
    # made Liška a director, contradicted)
    for text in (
        "Ikarie XB-1 (1963). The film was directed by Jindřich Polák, and Zdeněk Liška's "
        "editing is sharp.",
        "Eolomea (1972). It was directed by Herrmann Zschoche, and Günther Fischer's "
        "contribution is the jazz.",
        "Kin-dza-dza! (1986). Directed by Georgiy Daneliya, and Yevgeny Leonov's performance is "
        "the key.",
    ):
        assert not _contradicted(extractor, text), text
    # ... but the same credit said again is still theirs (a third reading)
    text = (
        "Nebo Zovyot (1959). It was directed by Mikhail Karyukov, and Aleksandr Kozyr's "
        "co-direction is often forgotten."
    )
    assert ("Nebo Zovyot", "directed_by", "Aleksandr Kozyr") in _found(_claims(extractor, text))


def test_a_cast_lines_part_may_follow_words_that_describe_it(extractor):
    # "X as the pilot Erik Svenson" on a cast list's own line, as in a sentence
    text = (
        "Ikarie XB-1 (1963)\n\nCast\n\nDana Medřická as the sociologist Nina Kirová\n"
        "Jiří Vršťala as the young pilot Erik Svenson\n"
    )
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert {(c.value, c.role) for c in claims} == {
        ("Dana Medřická", "Nina Kirová"),
        ("Jiří Vršťala", "Erik Svenson"),
    }
    # ... but not a description that makes the name another's: kin, a relation, someone the
    # part meets (a second reading: each had given the actor that other part)
    text = (
        "Solaris (1972)\n\nCast\n\nNikolai Grinko as the father of Kelvin\n"
        "Nikolai Grinko as the elder Kelvin\nJüri Järvet as the man who greets Kelvin\n"
        "Natalya Bondarchuk as the wife Kelvin lost, Hari\n\n"
        "Kin-dza-dza! (1986)\n\nCast\n\nYevgeny Leonov as the uncle of Uef\n"
        "Stanislav Lyubshin as the man Uncle Vova meets\n"
    )
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert not [c for c in claims if c.role in {"Kelvin", "Uef", "Uncle Vova"}]
    assert not _contradicted(extractor, text)
    # ... while a note after the part's name still leaves it the part (a third reading)
    text = "Ikarie XB-1 (1963)\n\nCast\n\nJiří Vršťala as the pilot Erik Svenson – a hothead\n"
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in claims] == [("Jiří Vršťala", "Erik Svenson")]


def test_a_number_inside_a_word_does_not_stand_between_an_actor_and_the_part(extractor):
    # "commands the eight-strong crew as Akala": "eight" is part of a describing word
    text = "In the Dust of the Stars (1976). Jana Brejchová leads the six-man crew as Akala."
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in claims] == [("Jana Brejchová", "Akala")]


def test_who_wrote_and_directed_a_film_directed_it_and_wrote_no_source(extractor):
    # "which X wrote and directed": the film's director, who wrote its script, not its book
    for text, film, person in (
        (
            "Solaris (1972), which Andrei Tarkovsky co-wrote and directed, is long.",
            "Solaris",
            "Andrei Tarkovsky",
        ),
        (
            "Kin-dza-dza! (1986), which Daneliya wrote and directed, is funny.",
            "Kin-dza-dza!",
            "Georgiy Daneliya",
        ),
        (
            "Curtis Harrington wrote and directed Queen of Blood (1966).",
            "Queen of Blood",
            "Curtis Harrington",
        ),
    ):
        claims = _claims(extractor, text)
        assert (film, "directed_by", person) in _found(claims), text
        assert not [c for c in claims if c.relation is Relation.SOURCE_AUTHOR], text


def test_who_turned_a_film_or_its_footage_into_another_made_the_other(extractor):
    # "X turned the Mechte navstrechu footage into Queen of Blood": X's film is Queen of Blood
    for text, made in (
        (
            "Curtis Harrington turned the Mechte navstrechu footage into Queen of Blood.",
            "Queen of Blood",
        ),
        (
            "Curtis Harrington re-cut Planeta Bur's effects shots into Voyage to the Prehistoric "
            "Planet.",
            "Voyage to the Prehistoric Planet",
        ),
        (
            "Curtis Harrington turned Planeta Bur into Voyage to the Prehistoric Planet.",
            "Voyage to the Prehistoric Planet",
        ),
    ):
        claims = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
        assert [(c.subject, c.value) for c in claims] == [(made, "Curtis Harrington")], text


def test_a_makers_verb_whose_object_is_another_work_credits_nothing(extractor):
    # "X directed nothing", "X directed a film about ...", "X wrote and directed plays": not
    # the film spoken of (a second reading: each had been contradicted at 0.75)
    for text in (
        "Solaris (1972). Lem wrote and directed nothing for the screen.",
        "Solaris (1972). Lem directed nothing for the screen.",
        "Moscow-Cassiopeia (1973). Viktorov also made a short called Lunar Pioneers in 1969.",
        "Kin-dza-dza! (1986). Gabriadze wrote and directed plays for his marionette theatre.",
    ):
        claims = _claims(extractor, text)
        assert not [c for c in claims if c.relation is Relation.DIRECTED_BY], text
    # ... the other work named is credited as itself, never the film spoken of
    text = "Nebo Zovyot (1959). Karyukov also made a third space film, Serebryanaya Orbita."
    directed = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert {c.subject for c in directed} <= {"Serebryanaya Orbita"}
    text = "Solaris (1972). Zdeněk Liška composed no music for it; Artemyev did."
    assert not [c for c in _claims(extractor, text) if c.value == "Zdeněk Liška"]
    # ... while a score, or the film described, still is (a third reading)
    for text, credit in (
        ("Solaris (1972). Artemyev composed a haunting score.", "Eduard Artemyev"),
        ("Eolomea (1972). Günther Fischer composed a jazzy, melancholy score.", "Günther Fischer"),
        ("Eolomea (1972). Günther Fischer composed two themes for the film.", "Günther Fischer"),
        (
            "Solaris (1972). Tarkovsky directed a masterpiece that divides audiences.",
            "Andrei Tarkovsky",
        ),
    ):
        assert credit in {c.value for c in _claims(extractor, text) if c.confidence >= CONFIDENT}, (
            text
        )


def test_what_someone_wrote_and_directed_or_also_made_may_be_another_work(extractor):
    # (a last reading: each had been contradicted, or verified from another work's sentence)
    for text in (
        "Nebo Zovyot (1959). Coppola co-wrote and directed Dementia 13.",
        "Kin-dza-dza! (1986). Daneliya also wrote and directed Mimino.",
        "Nebo Zovyot (1959). Coppola wrote and directed the new scenes.",
    ):
        assert not _contradicted(extractor, text), text
        assert not [
            c
            for c in _claims(extractor, text)
            if c.relation is Relation.DIRECTED_BY and c.confidence >= CONFIDENT
        ], text
    # ... nor after an aside's "also", before "a ..." (a reading of these mends)
    text = "Ikarie XB-1 (1963). Pavel Juráček, who also co-wrote it, directed a satire in 1969."
    assert not _contradicted(extractor, text)


def test_a_cast_lines_described_part_is_the_name_that_ends_it(extractor):
    # (a last reading: a name inside a description, or a longer name, had been given as the
    # part and contradicted; a dash line's part had kept its description)
    text = (
        "Solaris (1972)\n\nCast\n\nNatalya Bondarchuk as the ghost haunting Kelvin\n"
        "Nikolai Grinko as the widower Kelvin Senior\n"
        "Donatas Banionis – the psychologist Kris Kelvin\n\n"
        "Ikarie XB-1 (1963)\n\nCast\n\nRadovan Lukavský as the deputy under Abajev\n"
    )
    claims = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.value, c.role) for c in claims] == [("Donatas Banionis", "Kris Kelvin")]
    assert not _contradicted(extractor, text)


def test_a_studios_short_name_is_a_credit_not_a_thing_of_the_story(extractor):
    # A reply naming "Gorky" stays with the film it answers about, though another film the
    # thread named has a synopsis that mentions the Gorky Film Studio; and the name is no
    # plot key.
    thread = (
        "Thread: films for a long winter night\n\n"
        "lena wrote:\n"
        "Guest from the Future, every single time. Guest from the Future is still the best "
        "thing on Soviet television.\n"
        "misha wrote:\n"
        "For me it's Per Aspera Ad Astra, with the clone girl Niya. Made at Gorky, I think.\n"
        "lena wrote:\n"
        "> Made at Gorky, I think\n"
        "1981, and yes, Gorky, and the music is by Alexey Rybnikov.\n"
        "misha wrote:\n"
        "Odessa is where I saw it first, in a club, and Gorky yes, Mosfilm no.\n"
    )
    claims = _claims(extractor, thread)
    assert {(c.subject, c.value) for c in claims if c.relation is Relation.MUSIC_BY} == {
        ("Per Aspera Ad Astra", "Alexey Rybnikov")
    }
    plot_keys = {c.value for c in claims if c.relation is Relation.PLOT}
    assert not plot_keys & {"Gorky", "Odessa"}


def test_a_name_before_a_word_for_a_film_picks_the_named_film_it_belongs_to(extractor):
    # "The Bogdanovich one": of the films named, the one the references credit him on, not
    # the film the paragraph opened on (whose year it had been contradicted as)
    text = (
        "Two films were cut from Planeta Bur: Voyage to the Prehistoric Planet and Voyage "
        "to the Planet of Prehistoric Women.\n\n"
        "Voyage to the Prehistoric Planet is the better of the two. The Bogdanovich one came "
        "out in 1968, with Mamie Van Doren.\n"
    )
    claims = _claims(extractor, text)
    years = {(c.subject, c.value) for c in claims if c.relation is Relation.RELEASE_YEAR}
    assert years == {("Voyage to the Planet of Prehistoric Women", "1968")}
    assert not _contradicted(extractor, text)


def test_a_name_that_belongs_to_an_unnamed_film_too_picks_the_named_one_with_doubt(extractor):
    # Tallinnfilm made Pilot Pirx's Inquest and Dead Mountaineer's Hotel: "the Tallinnfilm
    # one" of a text naming only the first may be the other, so nothing is blamed on either
    # (it had been read as Solaris, the film spoken of, and contradicted)
    text = (
        "Pilot Pirx's Inquest is a Polish-Soviet film. Solaris is the other Lem film I keep "
        "rewatching.\n\n"
        "Solaris is slow but wonderful. The Tallinnfilm one was directed by Grigori Kromanov.\n"
    )
    directed = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.value) for c in directed] == [
        ("Pilot Pirx's Inquest", "Grigori Kromanov")
    ]
    assert directed[0].confidence < CONFIDENT
    assert not _contradicted(extractor, text)
    # ... and asked or hearsay, nothing is blamed on the film spoken of either
    for said in (
        "Was the Tallinnfilm one directed by Grigori Kromanov?",
        "The Tallinnfilm one was directed by Grigori Kromanov, I think.",
    ):
        asked = text.replace("The Tallinnfilm one was directed by Grigori Kromanov.", said)
        assert not _contradicted(extractor, asked), said


def test_a_part_named_by_a_films_title_puts_the_actor_in_that_film(extractor):
    # "plays Aelita": the title names the part and the film, not the film a thread named
    # most (it had gone to Solaris, in doubt, and was lost)
    text = (
        "I keep coming back to Solaris. Solaris, always Solaris.\n\n"
        "But the oldest one is Aelita, a silent picture. Protazanov shot it in Moscow. "
        "Yuliya Solntseva plays Aelita, with a headdress nobody forgets.\n"
    )
    cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
    assert [(c.subject, c.value) for c in cast] == [("Aelita", "Yuliya Solntseva")]
    assert cast[0].confidence >= CONFIDENT
    # ... and only so: a sentence naming another film keeps to the usual reading
    other = "Aelita (1924). In Solaris, Yuliya Solntseva plays Aelita."
    assert ("Aelita", "Yuliya Solntseva") not in _pairs(extractor, other, Relation.CAST)


def test_a_countrys_short_name_after_the_is_the_country_not_a_word_for_its_people(extractor):
    # "the GDR, the Soviet Union and ...", "the USSR and Poland": the country itself ("the
    # Soviet film" stays a word for a people before its noun)
    text = "Eolomea (1972) is a film. It is a co-production of the GDR, Bulgaria and the USSR."
    assert _pairs(extractor, text, Relation.COUNTRY) == {
        ("Eolomea", "East Germany"),
        ("Eolomea", "Bulgaria"),
        ("Eolomea", "Soviet Union"),
    }
    text = "Pilot Pirx's Inquest (1979). It was a co-production of the USSR and Poland."
    assert ("Pilot Pirx's Inquest", "Soviet Union") in _pairs(extractor, text, Relation.COUNTRY)


def test_a_co_production_set_beside_a_film_gives_that_films_countries(extractor):
    for text, film, countries in (
        (
            "Zschoche made Eolomea (1972), a co-production of East Germany and Bulgaria.",
            "Eolomea",
            {"East Germany", "Bulgaria"},
        ),
        (
            "Eolomea (1972). Zschoche directed this slow, dreamy DEFA picture, a co-production "
            "of East Germany and Bulgaria.",
            "Eolomea",
            {"East Germany", "Bulgaria"},
        ),
        (
            "Ikarie XB-1 is often paired with The Silent Star, a joint production of East "
            "Germany and Poland, in retrospectives.",
            "The Silent Star",
            {"East Germany", "Poland"},
        ),
    ):
        assert _pairs(extractor, text, Relation.COUNTRY) == {(film, c) for c in countries}, text
    # ... not when denied or asked
    for text in (
        "Eolomea (1972). Zschoche directed this DEFA picture, never a co-production of East "
        "Germany and Bulgaria, whatever the posters say.",
        "Eolomea (1972). Did Zschoche direct this DEFA picture, a co-production of East "
        "Germany and Bulgaria?",
    ):
        assert not _pairs(extractor, text, Relation.COUNTRY), text


def test_a_film_named_after_the_value_only_to_compare_is_not_the_subject(extractor):
    thread = (
        "Thread: slow Soviet space films\n\n"
        "ann wrote:\nSolaris first, always. Solaris is the one I rewatch.\n\n"
        "bob wrote:\nTry The Andromeda Nebula too, from 1967.\n\n"
        "ann wrote:\nThe crew of the Tantra are stuck near an iron star. The score is by Yakov "
        "Lapinsky, which is why it sounds nothing like Solaris.\n"
    )
    assert _pairs(extractor, thread, Relation.MUSIC_BY) == {
        ("The Andromeda Nebula", "Yakov Lapinsky")
    }


def test_a_reply_that_says_wrong_and_perhaps_whom_it_answers_corrects_the_value(extractor):
    for reply in (
        "Wrong again, grandpa: it's Yakov Lapinsky.",
        "Incorrect, it was Yakov Lapinsky.",
        "Nope, mate, it was Yakov Lapinsky.",
    ):
        thread = (
            "Thread: Andromeda\n\nann wrote:\nThe Andromeda Nebula (1967) is lovely, and the "
            f"score is by Eduard Artemyev.\n\nbob wrote:\n{reply}\n"
        )
        assert ("The Andromeda Nebula", "Yakov Lapinsky") in _pairs(
            extractor, thread, Relation.MUSIC_BY
        ), reply


def test_the_film_spoken_of_that_used_footage_from_another_took_that_films_footage(extractor):
    # "It used footage from X": X's footage went into the film spoken of (it had been read
    # the other way round, the film spoken of giving its footage to X)
    text = (
        "Queen of Blood (1966) is a vampire film. It borrows some special-effects shots from "
        "Nebo Zovyot, and the ship interiors are all Soviet."
    )
    assert _pairs(extractor, text, Relation.FOOTAGE_USED_IN) == {("Nebo Zovyot", "Queen of Blood")}
    # ... not when denied, nor where the clause names the film it went into
    denied = "Queen of Blood (1966) is a vampire film. It never used footage from Nebo Zovyot."
    assert not _pairs(extractor, denied, Relation.FOOTAGE_USED_IN)
    into = (
        "Queen of Blood (1966) is a vampire film. Harrington also lifted shots from Nebo "
        "Zovyot for Battle Beyond the Sun, people say."
    )
    assert ("Nebo Zovyot", "Queen of Blood") not in _pairs(
        extractor, into, Relation.FOOTAGE_USED_IN
    )


def test_a_quoted_part_before_its_actor_in_brackets_is_the_actors_part(extractor):
    for text in (
        "Kin-dza-dza! (1986). The foreman, “Uncle Vova” (Stanislav Lyubshin), loses his way.",
        "Kin-dza-dza! (1986). The gruff 'Uncle Vova' (Stanislav Lyubshin) is sent out for bread.",
    ):
        cast = [c for c in _claims(extractor, text) if c.relation is Relation.CAST]
        assert [(c.value, c.role) for c in cast] == [("Stanislav Lyubshin", "Uncle Vova")], text


def test_countries_listed_by_commas_or_a_slash_are_each_the_films(extractor):
    text = "Eolomea (1972)\n\nA Bulgarian, East German and Soviet production, and a slow one."
    assert _pairs(extractor, text, Relation.COUNTRY) == {
        ("Eolomea", "Bulgaria"),
        ("Eolomea", "East Germany"),
        ("Eolomea", "Soviet Union"),
    }
    text = "THE SILENT STAR (East Germany / Poland)\n\nOur opening film."
    assert _pairs(extractor, text, Relation.COUNTRY) == {
        ("THE SILENT STAR", "East Germany"),
        ("THE SILENT STAR", "Poland"),
    }


def test_readings_of_a_second_reader_on_names_for_films_countries_and_title_parts(extractor):
    # (each had been contradicted, or verified on another film, by this stop's first rules)
    for text in (
        "Eolomea (1972) was directed by Herrmann Zschoche. Solaris came out the same year.\n\n"
        "Unlike the Tarkovsky film, it was made at DEFA.",
        "Planeta Bur (1962) was recut as Voyage to the Planet of Prehistoric Women.\n\n"
        "Unlike the Bogdanovich version, it was directed by Pavel Klushantsev.",
        "Nebo Zovyot became Battle Beyond the Sun. The Coppola cut was directed by Francis "
        "Ford Coppola, and the original was directed by Mikhail Karyukov and Aleksandr Kozyr.",
        "Queen of Blood reuses special effects shot in the USSR.",
        "Battle Beyond the Sun is an American re-edit of a film from the USSR.",
        "Ikarie XB-1 is not from the GDR; it was made in Czechoslovakia.",
        "Was Eolomea made in the GDR?",
        "Posted by lena:\nWatching Eolomea now.\n\nPosted by max:\nCox Habbema plays Aelita in "
        "it, right?",
        "I heard that Natalya Bondarchuk plays Aelita.",
    ):
        assert not _contradicted(extractor, text), text
    text = (
        "Eolomea (1972) was directed by Herrmann Zschoche. Solaris came out the same year.\n\n"
        "Unlike the Tarkovsky film, it was made at DEFA."
    )
    assert _pairs(extractor, text, Relation.STUDIO) == {("Eolomea", "DEFA")}
    text = "Was Eolomea made in the GDR?"
    assert not _pairs(extractor, text, Relation.COUNTRY)


def test_the_same_director_or_composer_is_the_one_the_document_gave_the_other_film(extractor):
    text = (
        "Moscow-Cassiopeia (1973) was directed by Richard Viktorov, with music by Vladimir "
        "Chernyshev.\n\nIts sequel, Teens in the Universe, kept the same director and the "
        "same composer."
    )
    claims = [c for c in _claims(extractor, text) if c.subject == "Teens in the Universe"]
    said = {(c.relation, c.value) for c in claims}
    assert (Relation.DIRECTED_BY, "Richard Viktorov") in said
    assert (Relation.MUSIC_BY, "Vladimir Chernyshev") in said
    assert all(c.confidence < CONFIDENT for c in claims if c.relation is Relation.DIRECTED_BY)
    # ... the film named after "as"; nothing when denied, asked, or when the film after "as"
    # is not one read
    text = (
        "Moscow-Cassiopeia (1973) was directed by Richard Viktorov. Kin-dza-dza! (1986) was "
        "directed by Georgiy Daneliya.\n\nTeens in the Universe has the same director as "
        "Moscow-Cassiopeia."
    )
    assert ("Teens in the Universe", "Richard Viktorov") in _pairs(
        extractor, text, Relation.DIRECTED_BY
    )
    for last in (
        "Teens in the Universe does not have the same director.",
        "Does Teens in the Universe have the same director?",
        "Teens in the Universe has the same director as the first Cassiopeia picture.",
    ):
        text = f"Moscow-Cassiopeia (1973) was directed by Richard Viktorov.\n\n{last}"
        assert ("Teens in the Universe", "Richard Viktorov") not in _pairs(
            extractor, text, Relation.DIRECTED_BY
        ), last


def test_readings_of_a_second_reader_on_replies_parts_footage_and_countries(extractor):
    # (each had been contradicted, or verified though asked, reported or imagined, by this
    # stop's later rules)
    for text in (
        "Kin-dza-dza! did not feature “Uncle Vova” (Yevgeni Leonov).",
        "If “Uncle Vova” (Yevgeni Leonov) had been cast in Kin-dza-dza!, it would be a "
        "different film.",
        "Rumour has it that Kin-dza-dza! cast “Uncle Vova” (Yevgeni Leonov).",
        "Reply by a:\nSolaris came out in 1972 and Kin-dza-dza! in 1985.\n\nReply by b:\n"
        "Wrong, 1986.",
        "Reply by a:\nSolaris was directed by Andrei Tarkovsky and Kin-dza-dza! by Eldar "
        "Ryazanov.\n\nReply by b:\nWrong, it was Georgiy Daneliya.",
        "Solaris (USSR / Poland) is a co-production? No, it is Soviet only.",
    ):
        assert not [
            c
            for c in _contradicted(extractor, text)
            if c.relation is not Relation.RELEASE_YEAR or c.value != "1985"
        ], text
    dubbed = "Kin-dza-dza! (dubbed: Polish / Czech) is on the shelf."
    assert "Czechoslovakia" not in {c.value for c in _contradicted(extractor, dubbed)}
    verdicts = {
        text: verify_claims(_claims(extractor, text), CatalogueVerifier(extractor.catalogue))
        for text in (
            "Was “Uncle Vova” (Stanislav Lyubshin) in Kin-dza-dza!?",
            "Reply by a:\nPlaneta Bur was directed by Andrei Tarkovsky.\n\nReply by b:\n"
            "No, supposedly it was Pavel Klushantsev.",
            "Queen of Blood was directed by Curtis Harrington. Supposedly it used footage from "
            "Nebo Zovyot.",
            "Some say Eolomea was an East German, Soviet and Bulgarian co-production.",
            "Solaris was scored by Eduard Artemyev. Someone told me Kin-dza-dza! had the same "
            "composer as Solaris.",
        )
    }
    wrongly = {
        (Relation.CAST, "Stanislav Lyubshin"),
        (Relation.DIRECTED_BY, "Pavel Klushantsev"),
        (Relation.FOOTAGE_USED_IN, "Queen of Blood"),
        (Relation.COUNTRY, "East Germany"),
        (Relation.MUSIC_BY, "Eduard Artemyev"),
    }
    for text, assessed in verdicts.items():
        verified = {
            (v.claim.relation, v.claim.value)
            for v in assessed
            if v.verdict is Verdict.VERIFIED and v.claim.subject != "Solaris"
        }
        assert not verified & wrongly, text


def test_a_name_for_a_film_never_named_is_not_the_film_spoken_of(extractor):
    # (a reading: "The Bogdanovich one came out in 1968" had been contradicted as Planeta
    # Bur's year, the only film the text named)
    text = "Nebo Zovyot had two American lives. The Coppola one came out in 1962."
    assert not _contradicted(extractor, text)
    years = [c for c in _claims(extractor, text) if c.relation is Relation.RELEASE_YEAR]
    assert [(c.subject, c.value) for c in years] == [("Battle Beyond the Sun", "1962")]
    assert years[0].confidence < CONFIDENT
    # ... a name credited on several films never named: none of them, and not the one named
    text = "Planeta Bur was recut twice. The Harrington one came out in 1965."
    assert not _contradicted(extractor, text)


def test_a_replys_wrong_or_incorrect_is_no_value_it_corrects_with(extractor):
    # (a reading: "Wrong, not Lenfilm" had given Solaris a studio called "Wrong")
    for reply, relation in (
        ("Wrong, not Lenfilm.", Relation.STUDIO),
        ("Incorrect, not Tarkovsky.", Relation.DIRECTED_BY),
    ):
        thread = (
            "Reply by a:\nSolaris was made at Lenfilm, and Planeta Bur was directed by Andrei "
            f"Tarkovsky.\n\nReply by b:\n{reply}\n"
        )
        values = {v for _, v in _pairs(extractor, thread, relation)}
        assert not values & {"Wrong", "Incorrect"}, reply


def test_a_name_for_a_film_that_is_a_character_of_the_film_named_stays_with_it(extractor):
    # (a third reading: "the Batalov film" of a text on A Dream Come True, whose Ivan Batalov
    # shares a surname with an actor of Aelita, had gone to Aelita and lost its claims)
    text = "A Dream Come True had Ivan Batalov as a character. The Batalov film was set on Phobos."
    assert ("A Dream Come True", "Phobos") in _pairs(extractor, text, Relation.SETTING)
    # ... and what the phrase may name is not verified for that film when only hedged
    for said in ("may have come out", "probably came out", "should have come out"):
        text = f"Nebo Zovyot had two American lives. The Coppola one {said} in 1962."
        assessed = verify_claims(_claims(extractor, text), CatalogueVerifier(extractor.catalogue))
        assert not [
            a for a in assessed if a.verdict is not Verdict.UNVERIFIED and a.claim.value == "1962"
        ], said


def test_an_actors_part_in_a_film_named_after_them_is_a_part_there(extractor):
    def cast(text):
        return {
            (c.subject, c.value, c.role)
            for c in _claims(extractor, text)
            if c.relation is Relation.CAST
        }

    text = (
        "Solaris (1972). Snaut is Jüri Järvet, who also plays Alex Snewahr in Dead "
        "Mountaineer's Hotel."
    )
    assert ("Dead Mountaineer's Hotel", "Jüri Järvet", "Alex Snewahr") in cast(text)
    # ... after an aside on the actor that names another film and part
    text = (
        "Kin-dza-dza! (1986). Stanislav Lyubshin, the actor who plays Uncle Vova in Kin-dza-dza!, "
        "turns up later as Kris Kelvin in Solaris."
    )
    found = cast(text)
    assert ("Kin-dza-dza!", "Stanislav Lyubshin", "Uncle Vova") in found
    assert ("Solaris", "Stanislav Lyubshin", "Kris Kelvin") in found
    # denied, asked, someone else's, or a part of another film: no part there
    for text in (
        "Kin-dza-dza! (1986). Stanislav Lyubshin, who never appeared in Solaris, is Uncle Vova.",
        "Kin-dza-dza! (1986). Did Stanislav Lyubshin also play Kris Kelvin in Solaris?",
        "Kin-dza-dza! (1986). Stanislav Lyubshin and Donatas Banionis, who plays Kelvin in "
        "Solaris.",
        "Kin-dza-dza! (1986). Stanislav Lyubshin, who was nearly cast as Kelvin in Solaris.",
        "Kin-dza-dza! (1986). Stanislav Lyubshin, who might have played Kelvin in Solaris.",
        "Kin-dza-dza! (1986). Stanislav Lyubshin, who also plays Uncle Vova in Solaris, is great.",
    ):
        assert ("Solaris", "Stanislav Lyubshin") not in {(s, v) for s, v, _ in cast(text)}, text


def test_a_part_spelt_as_the_synopses_spell_it_is_that_part(extractor):
    # the synopses' sources call Burton "Henri Berton", as the novel does
    text = "Thread: Solaris (1972)\n\nVladislav Dvorzhetsky's Berton is great too."
    verifier = CatalogueVerifier(load_default_catalogue())
    [part] = [
        a
        for a in verify_claims(_claims(extractor, text), verifier)
        if a.claim.relation is Relation.CAST
    ]
    assert (part.claim.subject, part.claim.role, part.verdict) == (
        "Solaris",
        "Berton",
        Verdict.VERIFIED,
    )


@pytest.mark.parametrize(
    "text",
    [
        # from a second reading: denied, doubted, only offered, or a book
        "Solaris (1972)\nIt is wrong that Järvet also plays Alex Snewahr in Dead Mountaineer's "
        "Hotel.",
        "Solaris (1972)\nI wonder if Järvet also plays Alex Snewahr in Dead Mountaineer's Hotel.",
        "Solaris (1972)\nNobody believes that Järvet also plays Alex Snewahr in Dead Mountaineer's "
        "Hotel.",
        "Solaris (1972)\nJärvet refused to play Alex Snewahr in Dead Mountaineer's Hotel.",
        "Solaris (1972)\nJärvet was up for the role of Alex Snewahr in Dead Mountaineer's Hotel.",
        "Planeta Bur (1962)\nAlyosha is Gennadi Vernov, who is not Andre Ferneau in Voyage to the "
        "Prehistoric Planet.",
        "Queen of Blood (1966)\nBasil Rathbone was offered Professor Hartman in Voyage to the "
        "Prehistoric Planet.",
        "Kin-dza-dza! (1986)\nUef is Yevgeni Leonov, who in 1936 was far too young to play "
        "Professor Sedikh in Cosmic Voyage.",
        "Solaris (1972)\nKelvin is Banionis, who is sometimes credited as Inspector Glebsky in "
        "Dead Mountaineer's Hotel.",
        "Solaris (1972)\nSnaut is Jüri Järvet, who also plays Alex Snewahr in Dead Mountaineer's "
        "Hotel, the 1970 novel.",
        # from a third reading: only planned or expected
        "Solaris (1972)\nJüri Järvet was set to play Inspector Glebsky in Dead Mountaineer's "
        "Hotel.",
        "Solaris (1972)\nJüri Järvet was first choice for Alex Snewahr in Dead Mountaineer's "
        "Hotel.",
        "Solaris (1972)\nJüri Järvet was in line to play Glebsky in Dead Mountaineer's Hotel.",
        "Queen of Blood (1966)\nDr. Farraday is Basil Rathbone, who was the favourite for "
        "Professor Hartman in Voyage to the Prehistoric Planet.",
    ],
)
def test_a_part_not_played_in_the_film_named_after_the_actor_is_no_part_there(extractor, text):
    opening = text.split("\n", 1)[0].split(" (", 1)[0]
    assert not [
        c for c in _claims(extractor, text) if c.relation is Relation.CAST and c.subject != opening
    ]


def test_what_follows_an_aside_setting_a_film_against_another_is_the_first_films(extractor):
    # from a second reading: the film in the aside is nearest the value, but not its subject
    for text, subject in (
        (
            "Thread: Solaris\n\nTarkovsky's Solaris, unlike Kin-dza-dza!, was made at Lenfilm.",
            "Solaris",
        ),
        (
            "Thread: Solaris\n\nTarkovsky's Solaris, unlike Powrót na Solaris, was made at "
            "Mosfilm.",
            "Solaris",
        ),
        ("Thread: Solaris\n\nSolaris, like Stalker (1979), was made at Mosfilm.", "Solaris"),
    ):
        found = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
        assert [(c.subject, c.confidence >= CONFIDENT) for c in found] == [(subject, True)], text
    # ... what the aside itself says stays with the film it names
    text = "Thread: Solaris\n\nSolaris, unlike Kin-dza-dza! (made at Mosfilm), is slow."
    found = [c for c in _claims(extractor, text) if c.relation is Relation.STUDIO]
    assert [c.subject for c in found] == ["Kin-dza-dza!"]


def test_a_writers_films_are_films_of_their_books(extractor):
    # the references credit Lem with books and no film's making; Tarkovsky with directing
    text = "Thread: Solaris\n\nTwo more Lem films worth hunting down, then: Ikarie XB-1."
    found = [c for c in _claims(extractor, text) if c.value == "Stanisław Lem"]
    assert found
    assert {c.relation for c in found} == {Relation.SOURCE_AUTHOR}
    assert all(c.confidence < CONFIDENT for c in found)
    text = "Thread: Solaris\n\nTwo more Tarkovsky films worth hunting down, then: Stalker."
    found = [c for c in _claims(extractor, text) if c.value == "Andrei Tarkovsky"]
    assert {c.relation for c in found} == {Relation.DIRECTED_BY}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # from a second reading: an aside that goes on, or a later clause on the film compared
        ("Solaris, unlike Kin-dza-dza!, which was made at Lenfilm, is a drama.", "Kin-dza-dza!"),
        ("Ikarie XB-1, like Solaris, which was made at Mosfilm, is a classic.", "Solaris"),
        ("Solaris, unlike Kin-dza-dza!, a Mosfilm comedy, is slow.", "Kin-dza-dza!"),
        (
            "Solaris, unlike Kin-dza-dza!, is a drama, and Kin-dza-dza! was made at Mosfilm.",
            "Kin-dza-dza!",
        ),
        (
            "Solaris, unlike Kin-dza-dza!, is a drama; Kin-dza-dza! was made at Mosfilm.",
            "Kin-dza-dza!",
        ),
    ],
)
def test_an_aside_that_goes_on_leaves_its_film_what_it_says(extractor, text, subject):
    found = [
        c
        for c in _claims(extractor, f"Thread: Soviet SF\n\n{text}")
        if c.relation is Relation.STUDIO
    ]
    assert {c.subject for c in found} == {subject}


def test_a_film_named_by_its_books_possessive_after_a_part_keeps_the_part(extractor):
    text = (
        "Solaris (1972)\nSnaut is Jüri Järvet, who also plays Alex Snewahr in Dead Mountaineer's "
        "Hotel, the 1970 novel's 1979 film version."
    )
    parts = {(c.subject, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Dead Mountaineer's Hotel", "Alex Snewahr") in parts


@pytest.mark.parametrize(
    "text",
    [
        # from a third reading: other words that set a film against another in an aside
        "Solaris, in contrast to Kin-dza-dza!, was made at Lenfilm.",
        "Solaris, compared with Kin-dza-dza!, was made at Lenfilm.",
        "Solaris, similar to Kin-dza-dza!, was made at Lenfilm.",
        "Solaris, as opposed to Kin-dza-dza!, was made at Lenfilm.",
    ],
)
def test_other_words_for_an_aside_setting_a_film_against_another(extractor, text):
    found = [
        c
        for c in _claims(extractor, f"Thread: Soviet SF\n\n{text}")
        if c.relation is Relation.STUDIO
    ]
    assert [(c.subject, c.confidence >= CONFIDENT) for c in found] == [("Solaris", True)]


def test_a_main_title_before_its_subtitle_stands_for_the_film_once_named(extractor):
    # the catalogue knows "Signals: An Adventure in Space"; "Signals" alone is an English word
    named = "Signals: An Adventure in Space (1970) was a DEFA film."
    for text, films in (
        (f"{named} Later Kolditz directed Signals and In the Dust of the Stars.", 2),
        (f"{named} In the end Gottfried Kolditz directed Signals.", 1),
    ):
        found = {c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY}
        assert len(found) == films, text
        assert "Signals: An Adventure in Space" in found, text
    text = f"{named} Signals was shot in Babelsberg by Gottfried Kolditz."
    assert any(
        c.relation is Relation.DIRECTED_BY and c.subject.startswith("Signals:")
        for c in _claims(extractor, text)
    )
    # ... not where the word opens a clause of its own, nor before the film is named in full
    text = (
        f"{named}\n\nIn the Dust of the Stars\n\nSignals from the planet reach the ship."
        " Gottfried Kolditz directed it."
    )
    found = [c.subject for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert found == ["In the Dust of the Stars"]
    text = "Gottfried Kolditz directed Signals in 1970."
    assert not any(c.subject.startswith("Signals:") for c in _claims(extractor, text))
    # a short form is no other title of the film
    text = "Signals: An Adventure in Space (1970)\n\nSignals was made at DEFA."
    assert not any(c.relation is Relation.ALSO_KNOWN_AS for c in _claims(extractor, text))


def test_a_books_year_after_a_comma_or_colon_is_the_books(extractor):
    for text in (
        "For the Solaris question, Lem's book came out in 1961.",
        "Solaris: the book came out in 1961.",
        "Solaris came out in 1972, and Lem's book came out in 1961.",
    ):
        claims = _claims(extractor, text)
        assert not any(c.relation is Relation.RELEASE_YEAR and c.value == "1961" for c in claims), (
            text
        )
        assert any(c.relation is Relation.PUBLISHED_YEAR and c.value == "1961" for c in claims), (
            text
        )


def test_a_film_the_time_is_counted_from_is_not_what_the_sentence_dates(extractor):
    text = (
        "Stalker (1979)\n\nSeven years after Solaris, Tarkovsky returned to science fiction"
        " with a stranger film, first shown in Moscow on 25 May 1979."
    )
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.subject == "Solaris" and c.value.startswith("1979")]
    # ... and a time counted from a film dates the film spoken of, not the one after "after"
    text = (
        "Signals: An Adventure in Space (1970)\n\nA DEFA film.\n\n"
        "In the Dust of the Stars\n\nKolditz returned to space six years after Signals: An"
        " Adventure in Space."
    )
    years = _pairs(extractor, text, Relation.RELEASE_YEAR)
    assert ("In the Dust of the Stars", "1976") in years
    assert ("Signals: An Adventure in Space", "1982") not in years


def test_a_thing_of_the_story_ends_before_another_phrase_begins(extractor):
    text = "Ikarie XB-1 (1963)\n\nHalfway through the voyage the Ikarie meets a derelict ship."
    values = {c.value for c in _claims(extractor, text) if c.relation is Relation.PLOT}
    assert "derelict ship" in values
    assert not [v for v in values if v.split()[-1] in {"the", "its", "their"}]


def test_a_song_someone_wrote_is_music_and_a_narration_is_no_book(extractor):
    text = (
        "Kin-dza-dza! (1986)\n\nGia Kancheli wrote the theme song that every child could whistle."
    )
    found = {(c.relation, c.value) for c in _claims(extractor, text) if "Kancheli" in c.value}
    assert found == {(Relation.MUSIC_BY, "Gia Kancheli")}
    for text in (
        "Planeta Bur (1962)\n\nA narration written by the veteran Roger Corman moves the story"
        " to 2020.",
        "Solaris (1972)\n\nThe screenplay, written by Fridrikh Gorenshtein, keeps the story.",
    ):
        claims = _claims(extractor, text)
        assert not [
            c for c in claims if c.relation in {Relation.WRITTEN_BY, Relation.SOURCE_AUTHOR}
        ], text
    # a book written by someone still is the book's
    text = "Solaris (1972)\n\nThe novel, written by Stanisław Lem, came first."
    assert any(c.relation is Relation.WRITTEN_BY for c in _claims(extractor, text))


def test_music_someone_wrote_may_be_described_first(extractor):
    text = "Solaris (1972)\n\nEduard Artemyev wrote the eerie, humming electronic score."
    found = {(c.relation, c.value) for c in _claims(extractor, text) if "Artemyev" in c.value}
    assert found == {(Relation.MUSIC_BY, "Eduard Artemyev")}


def test_a_described_part_ends_before_the_next_actor(extractor):
    text = (
        "Moscow-Cassiopeia (1974)\n\nInnokenty Smoktunovsky plays the mysterious stranger and"
        " Pyotr Sidorov is Filatov."
    )
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert ("Innokenty Smoktunovsky", "Pyotr Sidorov") not in parts
    assert ("Innokenty Smoktunovsky", None) in parts
    # ... a part described with "and" between its words is still that part
    text = "Moscow-Cassiopeia (1974)\n\nMikhail Yershov plays the brave and clever Sereda."
    parts = {(c.value, c.role) for c in _claims(extractor, text) if c.relation is Relation.CAST}
    assert parts == {("Mikhail Yershov", "Sereda")}


def test_a_book_was_written_by_its_author_whatever_comes_before(extractor):
    # a second reading's sentences: only a work that is no book loses its author
    for text in (
        "The Magellanic Cloud was written by Stanisław Lem.",
        "Ikarie XB-1 is based on The Magellanic Cloud, originally written by Stanisław Lem.",
        "The film is based on The Astronauts, which was written by Stanisław Lem.",
    ):
        found = [c for c in _claims(extractor, text) if c.relation is Relation.WRITTEN_BY]
        assert [c.value for c in found] == ["Stanisław Lem"], text
    text = "The Magellanic Cloud was written by Ivan Yefremov."
    assert [c.value for c in _contradicted(extractor, text)] == ["Ivan Yefremov"]


def test_a_film_with_a_verb_or_aside_of_its_own_after_after_is_what_it_says(extractor):
    # a second reading's sentences: "after X came out in 1963" dates X
    text = "Solaris (1972)\n\nAfter Ikarie XB-1 came out in 1963, Tarkovsky was still at school."
    assert ("Ikarie XB-1", "1963") in _pairs(extractor, text, Relation.RELEASE_YEAR)
    text = "Before Solaris was released in 1975, Tarkovsky spent two years on the script."
    assert [(c.subject, c.value) for c in _contradicted(extractor, text)] == [("Solaris", "1975")]
    text = "Six years after Eolomea, directed by Herrmann Zschoche in 1972, DEFA made a comedy."
    found = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.confidence >= CONFIDENT) for c in found] == [("Eolomea", True)]


def test_a_main_title_that_is_a_word_stays_a_word_in_a_phrase(extractor):
    # a second reading's sentences: another film's section, "Signals" the plain word
    named = "Signals: An Adventure in Space (1970) is a DEFA film.\n\nEolomea (1972)\n\n"
    for text, relation in (
        (
            "Signals came from the constellation Eolomea; the film was directed by Herrmann"
            " Zschoche.",
            Relation.DIRECTED_BY,
        ),
        (
            "Maria Scholl receives mysterious Signals, and the film's music is by Günther Fischer.",
            Relation.MUSIC_BY,
        ),
    ):
        found = [c.subject for c in _claims(extractor, named + text) if c.relation is relation]
        assert found == ["Eolomea"], text


def test_a_planet_named_later_in_the_sentence_is_no_plan_against_a_setting(extractor):
    text = (
        "Ikarie XB-1 (1963)\n\nThe starship carries its crew towards Alpha Centauri, hoping"
        " to find a living planet."
    )
    assert ("Ikarie XB-1", "Alpha Centauri") in _pairs(extractor, text, Relation.SETTING)
    text = "Ikarie XB-1 (1963)\n\nThe crew planned to carry the probe towards Alpha Centauri."
    assert not _pairs(extractor, text, Relation.SETTING)


def test_a_planets_adjective_is_a_setting_with_doubt(extractor):
    text = "Aelita (1924)\n\nThe Martian palace is built of cubes and ramps."
    found = [c for c in _claims(extractor, text) if c.relation is Relation.SETTING]
    assert [(c.subject, c.value) for c in found] == [("Aelita", "Mars")]
    assert all(c.confidence < CONFIDENT for c in found)
    for text in (
        "Cosmic Voyage (1936)\n\nIt came out decades before the first lunar landing.",
        "Aelita (1924)\n\nIs the Martian palace the best thing in it?",
        "Aelita (1924)\n\nThe Martian palace was never built.",
    ):
        assert not _pairs(extractor, text, Relation.SETTING), text


def test_a_tragicomedy_of_someones_is_their_film(extractor):
    text = "Kin-dza-dza! (1986)\n\nGeorgiy Daneliya's tragicomedy opens on a Moscow street."
    assert ("Kin-dza-dza!", "Georgiy Daneliya") in _pairs(extractor, text, Relation.DIRECTED_BY)


def test_a_second_readings_sentences_on_works_times_titles_and_planets(extractor):
    # works written by someone that are no book: no source author
    for text in (
        "Solaris (1972)\n\nThe score, written by Eduard Artemyev, mixes Bach with electronics.",
        "Solaris (1972)\n\nThe film was written by Tarkovsky and Friedrich Gorenstein.",
    ):
        claims = _claims(extractor, text)
        assert not [c for c in claims if c.relation is Relation.SOURCE_AUTHOR], text
    # a film after "after" or "before", then a comma and a clause of another's
    for text in (
        "Solaris (1972)\n\nTwo years after Ikarie XB-1, the American version appeared in 1964.",
        "Solaris (1972)\n\nAfter Solaris, the director made Mirror, released in 1975.",
    ):
        assert not _contradicted(extractor, text), text
    text = (
        "The Silent Star (1960)\n\nBefore The Silent Star, no DEFA film had been shot in"
        " colour; it was directed by Kurt Maetzig."
    )
    found = [c for c in _claims(extractor, text) if c.relation is Relation.DIRECTED_BY]
    assert [(c.subject, c.confidence >= CONFIDENT) for c in found] == [("The Silent Star", True)]
    # a main title that is a word, taken as one thing by what follows it
    named = "Signals: An Adventure in Space (1970) is a DEFA film.\n\nEolomea (1972)\n\n"
    for text, relation, value in (
        (
            "Eolomea was directed by Herrmann Zschoche. Signals, directed by Gottfried Kolditz,"
            " is the flashier film.",
            Relation.DIRECTED_BY,
            "Gottfried Kolditz",
        ),
        ("Signals has music by Karl-Ernst Sasse.", Relation.MUSIC_BY, "Karl-Ernst Sasse"),
    ):
        claims = _claims(extractor, named + text)
        found = {c.subject for c in claims if c.value == value and c.relation is relation}
        assert found == {"Signals: An Adventure in Space"}, text
    # "wrote the ... theme" only of music
    text = "Solaris (1972)\n\nStanisław Lem wrote the novel whose central theme the film abandons."
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.relation is Relation.MUSIC_BY]
    assert [c.value for c in claims if c.relation is Relation.WRITTEN_BY] == ["Stanisław Lem"]
    # a planet's adjective denied, likened or far away is no setting
    for text in (
        "Kin-dza-dza! (1986)\n\nThe film has nothing Martian about it.",
        "Kin-dza-dza! (1986)\n\nThe desert is as barren as any Martian plain.",
        "Solaris (1972)\n\nThe ocean recalls a lunar landscape.",
        "Nebo Zovyot (1959)\n\nThey are stranded on an asteroid, far from any Martian soil.",
        "Planeta Bur (1962)\n\nKlushantsev reused the lunar sets from an earlier film.",
    ):
        assert not _pairs(extractor, text, Relation.SETTING), text


def test_an_encyclopedia_opening_with_another_title_set_aside_keeps_its_director(extractor):
    text = (
        "Planeta Bur (1962), also known as Storm Planet, is a Soviet film directed by Pavel"
        " Klushantsev."
    )
    assert ("Planeta Bur", "Pavel Klushantsev") in _pairs(extractor, text, Relation.DIRECTED_BY)


def test_a_third_readings_sentences(extractor):
    # music described with "and" is still music
    text = "Solaris (1972)\n\nEduard Artemyev wrote the spare and haunting soundtrack."
    assert _pairs(extractor, text, Relation.MUSIC_BY) == {("Solaris", "Eduard Artemyev")}
    assert not _contradicted(extractor, text)
    # "Signals that ...", "Signals which ...": a plural word's, not the film's
    named = "Signals: An Adventure in Space is a 1970 DEFA film.\n\nIkarie XB-1 (1963)\n\n"
    text = named + (
        "On the way the crew picks up Signals that come from a derelict ship. The film was"
        " directed by Jindřich Polák."
    )
    assert _pairs(extractor, text, Relation.DIRECTED_BY) == {("Ikarie XB-1", "Jindřich Polák")}
    # a credit after a comma and "is" belongs to a film only through its other title
    for text in (
        "Voyage to the Prehistoric Planet, a recut of Planeta Bur, is a film directed by Curtis"
        " Harrington.",
        "Screening alongside Solaris, was a short film directed by Vadim Yusov.",
    ):
        assert not _pairs(extractor, text, Relation.DIRECTED_BY), text
    # an aside of the film's own after "after" keeps its values
    text = "After Aelita, a 1924 silent by Yakov Protazanov, Soviet cinema left space alone."
    found = [c for c in _claims(extractor, text) if c.subject == "Aelita"]
    assert {(c.relation, c.confidence >= CONFIDENT) for c in found} >= {
        (Relation.RELEASE_YEAR, True),
        (Relation.DIRECTED_BY, True),
    }
    # a book's version or part written by its author is still the book's
    text = "The Andromeda Nebula adapts only the first part, written by Ivan Yefremov in 1957."
    assert ("The Andromeda Nebula", "Ivan Yefremov") in _pairs(
        extractor, text, Relation.SOURCE_AUTHOR
    )
    # "As" opening a sentence is no comparison
    text = "Aelita (1924)\n\nAs the Martian workers rise up, Aelita betrays them."
    assert _pairs(extractor, text, Relation.SETTING) == {("Aelita", "Mars")}
