"""Verdicts against the reference catalogue: facts, history, cast, agreement and dispute."""

from __future__ import annotations

import pytest

from questions.extract import Extractor
from questions.models import Claim, Document, Evidence, Relation, Verdict
from questions.references import load_default_catalogue
from questions.verify import (
    CatalogueVerifier,
    find_agreements,
    find_disagreements,
    verify_claims,
)


@pytest.fixture(scope="module")
def verifier() -> CatalogueVerifier:
    return CatalogueVerifier(load_default_catalogue())


def _claim(subject, relation, value, document="d1", role=None, year=None) -> Claim:
    quote = f"{subject} {value}"
    return Claim(subject, relation, value, Evidence(document, 0, len(quote), quote), role, year)


def test_verify_shortly_after_an_event_years_later_is_contradicted(verifier):
    claim = _claim(
        "A Dream Come True", Relation.RELEASED_SHORTLY_AFTER, "Gagarin's flight", year="1960"
    )
    result = verifier.assess(claim)
    assert result.verdict is Verdict.CONTRADICTED
    assert "1961-04-12" in (result.correct_value or "")
    assert "own year 1960" in result.reason
    assert result.source is not None


def test_verify_same_year_as_event_checks_both_dates(verifier):
    same = verifier.assess(_claim("Nebo Zovyot", Relation.RELEASED_SAME_YEAR_AS, "Luna 2"))
    other = verifier.assess(_claim("Nebo Zovyot", Relation.RELEASED_SAME_YEAR_AS, "Vostok 1"))
    assert same.verdict is Verdict.VERIFIED
    assert other.verdict is Verdict.CONTRADICTED


def test_verify_unknown_film_stays_unverified_even_against_history(verifier):
    claim = _claim("Comet Hunters", Relation.RELEASED_AFTER, "the Mariner 4 flyby", year="1964")
    result = verifier.assess(claim)
    assert result.verdict is Verdict.UNVERIFIED
    assert "before Mariner 4" in result.reason


def test_verify_cast_with_wrong_role_is_contradicted(verifier):
    claim = _claim("Mechte navstrechu", Relation.CAST, "Boris Borisyonok", role="Ivan Batalov")
    result = verifier.assess(claim)
    assert result.verdict is Verdict.CONTRADICTED
    assert result.correct_value == "Andrei Sayenko"


def test_a_part_the_references_credit_is_checked_and_the_character_need_not_be_told(verifier):
    # the film page's credited cast gives Saxon his part; a story sentence swapping who
    # stays behind is still not told by the synopsis sentence that names both men
    cast = verifier.assess(_claim("Queen of Blood", Relation.CAST, "John Saxon", role="Allan"))
    assert cast.verdict is Verdict.VERIFIED
    wrong = verifier.assess(_claim("Queen of Blood", Relation.CAST, "John Saxon", role="Tony"))
    assert wrong.verdict is Verdict.CONTRADICTED
    swap = "Allan stays behind on Phobos while Tony flies the Meteor back."
    assert verifier.assess(_told("Queen of Blood", "Allan", swap)).verdict is not Verdict.VERIFIED
    # ... nor one giving him another owner, the key named by its first name only
    owner = "Paul's fiance Allan and the astronaut Tony volunteer and fly the Meteor to Phobos."
    assert verifier.assess(_told("Queen of Blood", "Allan", owner)).verdict is not Verdict.VERIFIED


@pytest.mark.parametrize(
    ("film", "key", "quote"),
    [
        # one word exchanged for a word another source uses elsewhere: a changed detail
        (
            "Planeta Bur",
            "Capella",
            "As they approach the planet, the Capella is destroyed in a collision with a large "
            "ship and its crew is killed.",
        ),
        (
            "Nebo Zovyot",
            "Typhoon",
            "Homeland changes course and leaves Typhoon's crew, but is left without enough fuel "
            "to reach Mars.",
        ),
    ],
)
def test_a_word_another_source_uses_elsewhere_is_still_a_changed_detail(verifier, film, key, quote):
    assert verifier.assess(_told(film, key, quote)).verdict is not Verdict.VERIFIED


def _told(subject: str, value: str, quote: str, confidence: float = 1.0) -> Claim:
    evidence = Evidence("d1", 0, len(quote), quote)
    return Claim(subject, Relation.PLOT, value, evidence, confidence=confidence)


def test_verify_plot_sentence_the_synopsis_tells_with_the_same_key(verifier):
    quote = "In the end one of the two cosmonauts has to stay behind on Phobos and wait."
    result = verifier.assess(_told("A Dream Come True", "Phobos", quote))
    assert result.verdict is Verdict.VERIFIED
    assert result.source is not None
    assert "Phobos" in result.reason


def test_verify_plot_sentence_with_another_key_or_another_story_stays_unverified(verifier):
    moved = "In the end one of the two cosmonauts has to stay behind on Deimos and wait."
    unrelated = "On Phobos the crew holds a chess tournament."
    for claim in (
        _told("A Dream Come True", "Deimos", moved),
        _told("A Dream Come True", "Phobos", unrelated),
    ):
        assert verifier.assess(claim).verdict is Verdict.UNVERIFIED


def test_verify_plot_sentence_naming_something_no_synopsis_knows_stays_unverified(verifier):
    told = "In the end one of the two cosmonauts has to stay behind on Phobos and wait."
    embroidered = "In the end one of the two cosmonauts of the Aurora has to stay behind on Phobos."
    assert verifier.assess(_told("A Dream Come True", "Phobos", told)).verdict is Verdict.VERIFIED
    result = verifier.assess(_told("A Dream Come True", "Phobos", embroidered))
    assert result.verdict is Verdict.UNVERIFIED


def test_verify_doubtful_attribution_is_never_a_contradiction(verifier):
    sure = _claim("Planeta Bur", Relation.DIRECTED_BY, "Curtis Harrington")
    doubtful = Claim(
        "Planeta Bur",
        Relation.DIRECTED_BY,
        "Curtis Harrington",
        sure.evidence,
        confidence=0.4,
        attribution="attribution uncertain: the sentence also names Queen of Blood",
    )
    assert verifier.assess(sure).verdict is Verdict.CONTRADICTED
    result = verifier.assess(doubtful)
    assert result.verdict is Verdict.UNVERIFIED
    assert "attribution uncertain" in result.reason


def test_verify_missing_cast_member_is_unverified_not_contradicted(verifier):
    result = verifier.assess(_claim("Queen of Blood", Relation.CAST, "Stanisław Lem"))
    assert result.verdict is Verdict.UNVERIFIED


def test_verify_brothers_resolve_to_every_author(verifier):
    claim = _claim("Dead Mountaineer's Hotel", Relation.SOURCE_AUTHOR, "Strugatsky brothers")
    assert verifier.assess(claim).verdict is Verdict.VERIFIED


def test_agreement_between_documents_never_verifies(verifier):
    claims = [_claim("Star Voyage", Relation.RELEASE_YEAR, "1962", d) for d in ("d1", "d2")]
    assessed = [verifier.assess(c) for c in claims]
    assert all(a.verdict is Verdict.UNVERIFIED for a in assessed)
    agreements = find_agreements(assessed)
    assert [(a.value, a.documents) for a in agreements] == [("1962", ("d1", "d2"))]


def test_disagreement_spans_titles_of_one_film(verifier):
    assessed = [
        verifier.assess(_claim("The Silent Star", Relation.RELEASE_YEAR, "1960", "d1")),
        verifier.assess(_claim("First Spaceship on Venus", Relation.RELEASE_YEAR, "1962", "d2")),
    ]
    disagreements = find_disagreements(assessed)
    assert len(disagreements) == 1
    assert set(disagreements[0].titles) == {"The Silent Star", "First Spaceship on Venus"}
    assert disagreements[0].documents == ("d1", "d2")


@pytest.mark.parametrize(
    ("subject", "relation", "value"),
    [
        ("Nebo Zovyot", Relation.RELEASED_SAME_YEAR_AS, "Luna 2"),
        ("A Dream Come True", Relation.RELEASED_SHORTLY_AFTER, "Gagarin's flight"),
        ("No Such Film", Relation.RELEASED_AFTER, "Gagarin's flight"),
    ],
)
def test_verify_timeline_claims_differing_only_in_the_stated_year_get_their_own_notes(
    subject: str, relation: Relation, value: str
) -> None:
    catalogue = load_default_catalogue()
    shared = CatalogueVerifier(catalogue)
    years = ("1955", "1959", None, "1990", "1959")
    claims = [
        _claim(subject, relation, value, document=f"d{i}", year=y) for i, y in enumerate(years)
    ]
    remembered = [shared.assess(claim) for claim in claims]
    fresh = [CatalogueVerifier(catalogue).assess(claim) for claim in claims]

    assert remembered == fresh
    assert [a.claim for a in remembered] == claims
    assert len({a.reason for a in remembered}) > 1  # the notes differ with the year


def test_verify_plot_words_meet_in_any_inflection(verifier):
    quote = "Ivan has proposed landing on Phobos and going down to Mars in an emergency ship."
    assert verifier.assess(_told("A Dream Come True", "emergency ship", quote)).verdict is (
        Verdict.VERIFIED
    )


def test_verify_plot_key_must_be_the_one_the_synopsis_says_it_of(verifier):
    right = "On the way to Venus a meteorite destroys the Capella."
    wrong = "On the way to Venus a meteorite destroys the Sirius."
    assert verifier.assess(_told("Planeta Bur", "Capella", right)).verdict is Verdict.VERIFIED
    assert verifier.assess(_told("Planeta Bur", "Sirius", wrong)).verdict is Verdict.UNVERIFIED


def test_a_value_right_for_another_film_of_the_paragraph_is_our_doubt(verifier):
    catalogue = verifier.catalogue
    dream = catalogue.resolve("A Dream Come True", ("film",))
    assert dream is not None
    claim = _claim("Planeta Bur", Relation.DIRECTED_BY, "Mikhail Karyukov")
    alone = verifier.assess(claim)
    beside = verifier.assess(
        Claim(claim.subject, claim.relation, claim.value, claim.evidence, nearby=(dream.id,))
    )
    assert alone.verdict is Verdict.CONTRADICTED
    assert beside.verdict is Verdict.UNVERIFIED
    assert "right for 'A Dream Come True'" in beside.reason
    wrong_for_both = _claim("Planeta Bur", Relation.DIRECTED_BY, "Andrei Tarkovsky")
    still = verifier.assess(
        Claim(
            wrong_for_both.subject,
            wrong_for_both.relation,
            wrong_for_both.value,
            wrong_for_both.evidence,
            nearby=(dream.id,),
        )
    )
    assert still.verdict is Verdict.CONTRADICTED


def test_a_setting_no_fact_lists_is_verified_where_a_synopsis_takes_the_story(verifier):
    there = verifier.assess(_claim("Nebo Zovyot", Relation.SETTING, "Mars"))
    elsewhere = verifier.assess(_claim("Nebo Zovyot", Relation.SETTING, "Saturn"))
    assert not verifier.catalogue.facts_about(there.subject_id or "", Relation.SETTING)
    assert there.verdict is Verdict.VERIFIED
    assert "tells it" in there.reason
    assert there.source is not None
    assert elsewhere.verdict is Verdict.UNVERIFIED


def test_a_plot_sentence_may_name_the_films_own_people_the_synopses_leave_out(verifier):
    catalogue = verifier.catalogue
    dream = catalogue.resolve("A Dream Come True", ("film",))
    assert dream is not None
    told = " ".join(s.text for s in catalogue.synopses[dream.id])
    actors = [catalogue.display(f.value) for f in catalogue.facts_about(dream.id, Relation.CAST)]
    actor = next(a for a in actors if a.split()[-1] not in told)
    start = "In the end one of the two cosmonauts"
    end = "has to stay behind on Phobos and wait."
    for quote, verdict in [
        (f"{start} {end}", Verdict.VERIFIED),
        (f"{start} ({actor}) {end}", Verdict.VERIFIED),
        (f"{start} (Mamie Van Doren) {end}", Verdict.UNVERIFIED),
    ]:
        assert verifier.assess(_told("A Dream Come True", "Phobos", quote)).verdict is verdict


def test_every_clause_of_a_story_sentence_must_be_told_by_a_synopsis(verifier):
    right = "Three ships leave for Venus, and the Capella is destroyed by a meteorite."
    wrong = "Three ships leave for Venus, and the Sirius is destroyed by a meteorite."
    assert verifier.assess(_told("Planeta Bur", "3", right)).verdict is Verdict.VERIFIED
    result = verifier.assess(_told("Planeta Bur", "3", wrong))
    assert result.verdict is Verdict.UNVERIFIED
    assert "Sirius" in result.reason


def test_a_second_clause_naming_the_key_again_must_be_told_too(verifier):
    right = "Three Soviet ships, the Sirius, the Vega and the Capella, head for Venus."
    wrong = f"{right[:-1]}, but the Capella turns back to Earth."
    assert verifier.assess(_told("Planeta Bur", "Capella", right)).verdict is Verdict.VERIFIED
    assert verifier.assess(_told("Planeta Bur", "Capella", wrong)).verdict is Verdict.UNVERIFIED


def _cast(subject: str, actor: str, role: str) -> Claim:
    quote = f"{actor} plays {role}."
    return Claim(subject, Relation.CAST, actor, Evidence("d", 0, len(quote), quote), role)


def test_a_part_is_found_by_surname_or_first_name_with_titles_left_aside(verifier):
    assert verifier.assess(_cast("Nebo Zovyot", "Ivan Pereverzev", "Kornev")).verdict is (
        Verdict.VERIFIED
    )
    assert verifier.assess(_cast("Nebo Zovyot", "Aleksandr Shvorin", "Kornev")).verdict is (
        Verdict.CONTRADICTED
    )
    assert verifier.assess(_cast("Ikarie XB-1", "Zdeněk Štěpánek", "Captain Abajev")).verdict is (
        Verdict.VERIFIED
    )


def test_a_part_named_in_words_that_fit_two_parts_is_the_actors_own(verifier):
    # "Moses" is Mr. Moses and Mrs. Moses: the actor's own part decides
    film = "Dead Mountaineer's Hotel"
    assert verifier.assess(_cast(film, "Kārlis Sebris", "Moses")).verdict is Verdict.VERIFIED
    assert verifier.assess(_cast(film, "Irena Kriauzaitė", "Moses")).verdict is Verdict.VERIFIED
    assert verifier.assess(_cast(film, "Kārlis Sebris", "Mrs. Moses")).verdict is not (
        Verdict.VERIFIED
    )


def test_a_part_spelt_with_one_letter_otherwise_is_still_the_part(verifier):
    assert verifier.assess(_cast("Solaris", "Jüri Järvet", "Snaut")).verdict is Verdict.VERIFIED
    assert verifier.assess(_cast("Solaris", "Jüri Järvet", "Kelvin")).verdict is not (
        Verdict.VERIFIED
    )


def test_a_corrected_story_line_is_checked_as_told_with_the_correction():
    from questions.build import collect_facts

    catalogue = load_default_catalogue()
    text = (
        "Ikarie XB-1 is a Czech film.\n\nIts crew of sixty makes the two-year round trip.\n\n"
        "> crew of sixty\n\nForty, I think.\n"
    )
    claims = Extractor(catalogue).extract(Document("doc", text))
    assessed = verify_claims(claims, CatalogueVerifier(catalogue))
    [fixed] = [a for a in assessed if a.claim.told_as]
    assert fixed.verdict is Verdict.VERIFIED
    [said] = [a for a in assessed if a.claim.value == "60"]
    assert said.verdict is not Verdict.VERIFIED
    # no question from the reply: its sentence is not the story's
    assert not [f for f in collect_facts(assessed, catalogue) if f.relation is Relation.PLOT]


def test_a_thing_few_films_tell_is_verified_like_a_name(verifier):
    # the cited synopses of Dead Mountaineer's Hotel tell of an anonymous call; the words
    # around a common thing need not all be told when few films' synopses tell the thing
    told = "Inspector Glebsky answers an anonymous call and drives up to a remote mountain hotel."
    hotel = _told("Dead Mountaineer's Hotel", "anonymous call", told)
    assert verifier.assess(hotel).verdict is Verdict.VERIFIED
    # another film's synopses tell of no anonymous call
    assert verifier.assess(_told("Solaris", "anonymous call", told)).verdict is Verdict.UNVERIFIED


def test_a_told_story_is_not_verified_beside_a_contradicted_credit_of_its_sentence(verifier):
    catalogue = load_default_catalogue()
    text = (
        "Ikarie XB-1 is a Czechoslovak film. Zdeněk Štěpánek plays Captain Abajev, with "
        "Radovan Lukavský as the mathematician Anthony Hopkins."
    )
    claims = Extractor(catalogue).extract(Document("d", text))
    assessed = verify_claims(claims, verifier)
    assert any(
        a.claim.relation is Relation.CAST and a.verdict is Verdict.CONTRADICTED for a in assessed
    )
    plot = [a for a in assessed if a.claim.relation is Relation.PLOT]
    assert plot
    assert not any(a.verdict is Verdict.VERIFIED for a in plot)
    assert any("contradict" in a.reason for a in plot)
    # ... and told with its credits right, the same story is verified
    right = text.replace("Radovan Lukavský", "František Smolík")
    assessed = verify_claims(Extractor(catalogue).extract(Document("d", right)), verifier)
    assert any(
        a.claim.relation is Relation.PLOT and a.verdict is Verdict.VERIFIED for a in assessed
    )


def test_a_story_is_not_verified_beside_a_part_given_to_the_wrong_actor(verifier):
    catalogue = load_default_catalogue()
    # the film is named in the paragraph before, and the part is its character: who plays
    # the part is read surely enough to blame
    text = (
        "Ikarie XB-1 (1963) is a Czechoslovak film.\n\n"
        "The mathematician Anthony Hopkins ({}) has a robot called Patrick."
    )
    wrong = verify_claims(
        Extractor(catalogue).extract(Document("d", text.format("Radovan Lukavský"))), verifier
    )
    cast = [a for a in wrong if a.claim.relation is Relation.CAST]
    assert [a.verdict for a in cast] == [Verdict.CONTRADICTED]
    story = [a for a in wrong if a.claim.relation is Relation.PLOT and a.claim.value == "Patrick"]
    assert [a.verdict for a in story] == [Verdict.UNVERIFIED]
    assert "contradict" in story[0].reason
    right = verify_claims(
        Extractor(catalogue).extract(Document("d", text.format("František Smolík"))), verifier
    )
    story = [a for a in right if a.claim.relation is Relation.PLOT and a.claim.value == "Patrick"]
    assert [a.verdict for a in story] == [Verdict.VERIFIED]


def test_a_story_is_not_verified_beside_a_part_given_to_the_wrong_actor_with_doubt(verifier):
    # the film was found with doubt: who plays the part is not blamed, but the story the
    # sentence tells beside it is not asked either
    quote = "The mathematician Anthony Hopkins (Radovan Lukavský) has a robot called Patrick."
    evidence = Evidence("d", 0, len(quote), quote)
    doubt = "attribution uncertain: Ikarie XB-1, the subject of the paragraph before"
    cast = Claim(
        "Ikarie XB-1",
        Relation.CAST,
        "Radovan Lukavský",
        evidence,
        "Anthony Hopkins",
        confidence=0.4,
        attribution=doubt,
    )
    story = Claim(
        "Ikarie XB-1", Relation.PLOT, "Patrick", evidence, confidence=0.4, attribution=doubt
    )
    alone, beside = verify_claims([story], verifier), verify_claims([cast, story], verifier)
    assert [a.verdict for a in alone] == [Verdict.VERIFIED]
    assert [a.verdict for a in beside] == [Verdict.UNVERIFIED, Verdict.UNVERIFIED]
    assert "contradict" in beside[1].reason


def _story(catalogue, text: str, verifier) -> list[tuple[str, Verdict]]:
    claims = Extractor(catalogue).extract(Document("d", text))
    return [
        (a.claim.value, a.verdict)
        for a in verify_claims(claims, verifier)
        if a.claim.relation is Relation.PLOT
    ]


def test_a_story_sentence_a_reply_says_is_wrong_is_not_verified(verifier):
    catalogue = load_default_catalogue()
    said = (
        "Kin-dza-dza! (1986)\n\nUncle Vova presses a random button, and he and Gedevan end up "
        "on the planet Pluke in the Kin-dza-dza galaxy.\n\n"
    )
    reply = "> he and Gedevan end up on the planet Pluke\n{}\n"
    told = _story(catalogue, said + reply.format("Yes, and it is a grim place."), verifier)
    assert ("Pluke", Verdict.VERIFIED) in told
    disputed = _story(catalogue, said + reply.format("No, they land on Alpha."), verifier)
    assert ("Pluke", Verdict.UNVERIFIED) not in told
    assert ("Pluke", Verdict.UNVERIFIED) in disputed
    assert ("Pluke", Verdict.VERIFIED) not in disputed


def test_a_story_asked_as_a_question_is_not_verified(verifier):
    catalogue = load_default_catalogue()
    text = (
        "Kin-dza-dza! (1986)\n\nDoes Uncle Vova press a random button, and do he and Gedevan "
        "end up on the planet Pluke in the Kin-dza-dza galaxy?"
    )
    assert all(v is not Verdict.VERIFIED for _, v in _story(catalogue, text, verifier))


def test_a_name_without_the_suffix_the_references_give_is_not_blamed(verifier):
    claim = _claim("Moscow-Cassiopeia", Relation.CAST, "Vladimir Basov", role="Lobanov")
    assert verifier.assess(claim).verdict is Verdict.UNVERIFIED
    wrong = _claim("Moscow-Cassiopeia", Relation.CAST, "Vladimir Savin", role="Lobanov")
    assert verifier.assess(wrong).verdict is Verdict.CONTRADICTED


def test_a_story_sentences_other_clause_about_one_of_the_films_characters_must_be_told(
    verifier,
):
    told = "After the Oceano lands, Laura opens a cabinet and finds it full of red, pulsating eggs."
    assert verifier.assess(_told("Queen of Blood", "Laura", told)).verdict is Verdict.VERIFIED
    # the same, and a statement about another of the film's characters no synopsis tells
    more = told[:-1] + ", and Brockman smashes them all."
    result = verifier.assess(_told("Queen of Blood", "Laura", more))
    assert result.verdict is Verdict.UNVERIFIED
    assert "Brockman smashes them all" in result.reason


def test_what_a_story_says_the_key_is_must_be_what_the_synopsis_says_it_is(verifier):
    # the synopsis: "... and Mrs. Moses and Olaf their robots who look like ordinary people"
    told = "Mr Moses and Luarvik turn out to be aliens, and Olaf is one of their robots."
    told_result = verifier.assess(_told("Dead Mountaineer's Hotel", "Olaf", told))
    assert told_result.verdict is Verdict.VERIFIED
    leader = "Mr Moses and Luarvik turn out to be aliens, and Olaf is their leader."
    result = verifier.assess(_told("Dead Mountaineer's Hotel", "Olaf", leader))
    assert result.verdict is Verdict.UNVERIFIED


def test_a_sum_told_in_another_currency_is_another_detail(verifier):
    said = "Soaked by the rain, John names a price of 37 million {} for a concrete highway."
    told = verifier.assess(_told("Planeta Bur", "37", said.format("dollars")))
    assert told.verdict is Verdict.VERIFIED
    other = verifier.assess(_told("Planeta Bur", "37", said.format("roubles")))
    assert other.verdict is Verdict.UNVERIFIED


def test_someone_else_the_story_sentence_describes_must_be_described_as_the_synopsis_does(
    verifier,
):
    said = "Agapit, the station commander's {}, guides the rescuers through the underground city."
    told = verifier.assess(_told("Teens in the Universe", "underground city", said.format("son")))
    assert told.verdict is Verdict.VERIFIED
    other = _told("Teens in the Universe", "underground city", said.format("daughter"))
    assert verifier.assess(other).verdict is Verdict.UNVERIFIED


def test_who_does_it_is_told_only_by_a_synopsis_sentence_where_they_do_it(verifier):
    # a synopsis tells that "Laura's fiance Allan and the astronaut Tony" fly the Meteor
    told = "Allan and Tony fly the Meteor to Phobos and find the alien queen there."
    assert verifier.assess(_told("Queen of Blood", "Phobos", told)).verdict is Verdict.VERIFIED
    said = "Laura flies the Meteor to Phobos and finds the alien queen there."
    assert verifier.assess(_told("Queen of Blood", "Phobos", said)).verdict is Verdict.UNVERIFIED


def test_a_character_opening_a_story_sentence_is_told_as_the_one_who_does_it(verifier):
    # the key itself, named by the synopsis only as another's fiancee
    said = "Laura proposes that the smaller ship Meteor be used to launch search satellites."
    assert verifier.assess(_told("Queen of Blood", "Laura", said)).verdict is Verdict.UNVERIFIED
    # ... and a character opening a clause other than the key's must be told there too
    quote = "Laura wants the alien destroyed, but Commander Anders Brockman decides to feed her."
    assess = verifier.assess(_told("Queen of Blood", "Commander Anders Brockman", quote))
    assert assess.verdict is Verdict.UNVERIFIED


def test_a_ships_name_made_of_two_words_tells_nothing_of_its_last(verifier):
    # a synopsis names the ship "Homeland", which tells no landing
    said = "The rescue ship lands on Mars."
    assert verifier.assess(_told("Nebo Zovyot", "Mars", said)).verdict is Verdict.UNVERIFIED


def test_a_duration_in_words_is_not_told_by_another_in_figures(verifier):
    # a second reading's sentence: the synopsis gives the round trip another length
    quote = (
        "In the year 2163 the starship Ikarie XB 1 is travelling to Alpha Centauri to explore "
        "the white planet, a round trip that will take eighteen years."
    )
    assert verifier.assess(_told("Ikarie XB-1", "Alpha Centauri", quote)).verdict is not (
        Verdict.VERIFIED
    )


def test_the_silent_stars_further_parts_are_checked_against_the_cast_page(verifier):
    # the cast page cited for The Silent Star credits these parts
    for actor, role in (
        ("Julius Ongewe", "Talua"),
        ("Kurt Rackelmann", "Sikarna"),
        ("Tang Hua-Ta", "Tchen Yu"),
        ("Günther Simon", "Dr. Raimund Brinkmann"),
    ):
        claim = _claim("The Silent Star", Relation.CAST, actor, role=role)
        assert verifier.assess(claim).verdict is Verdict.VERIFIED, actor
    wrong = verifier.assess(_claim("The Silent Star", Relation.CAST, "Tang Hua-Ta", role="Sikarna"))
    assert wrong.verdict is Verdict.CONTRADICTED
    assert wrong.correct_value == "Tchen Yu"
