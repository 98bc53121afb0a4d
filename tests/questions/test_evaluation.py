"""How the claims evaluation matches claims to labels (benchmarks/claims_eval.py's figures)."""

from __future__ import annotations

import pytest

from questions.catalogue import Catalogue
from questions.evaluation import Keys, Label, Tally, _score
from questions.models import Assessment, Claim, Evidence, Relation, Verdict
from questions.references import load_default_catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_default_catalogue()


def _plot(quote: str, value: str, verdict: Verdict = Verdict.VERIFIED) -> Assessment:
    claim = Claim("Kin-dza-dza!", Relation.PLOT, value, Evidence("doc", 0, len(quote), quote))
    return Assessment(claim, verdict, "a synopsis tells it")


def _tally(catalogue: Catalogue, labels: list[Label], items: list[Assessment]) -> Tally:
    tally = Tally()
    _score("doc", labels, items, Keys(catalogue), catalogue, tally)
    return tally


PRESSES = "Gedevan presses the button and both men land in a desert."
GOES_HOME = "Uncle Vova and Gedevan try to find a way home."


def test_a_plot_claim_is_judged_by_the_label_of_its_own_sentence(catalogue):
    wrong = Label("Kin-dza-dza!", "plot", "Gedevan", "false", PRESSES)
    right = Label("Kin-dza-dza!", "plot", "Gedevan", "true", GOES_HOME)
    tally = _tally(catalogue, [wrong, right], [_plot(GOES_HOME, "Gedevan")])
    assert (tally.verified_ok, tally.verified_wrong, tally.recalled) == (1, 0, 1)
    tally = _tally(catalogue, [wrong, right], [_plot(PRESSES, "Gedevan")])
    assert (tally.verified_ok, tally.verified_wrong, tally.recalled) == (0, 1, 0)


def test_a_plot_claim_of_an_unlabelled_sentence_takes_no_label_of_another(catalogue):
    wrong = Label("Kin-dza-dza!", "plot", "Gedevan", "false", PRESSES)
    tally = _tally(catalogue, [wrong], [_plot(GOES_HOME, "Gedevan")])
    assert (tally.verified_ok, tally.verified_wrong, tally.verified_unlabelled) == (0, 0, 1)


def test_a_label_may_name_a_film_by_its_titles_head(catalogue):
    keys = Keys(catalogue)
    full = keys.subject("Signals: An Adventure in Space", "music_by")
    assert keys.subject("Signals", "music_by") == full
    # a head that several films share, or a book, stays a name
    assert keys.subject("Signals", "written_by") == "signals"


def test_a_label_names_a_value_the_way_prose_does(catalogue):
    keys = Keys(catalogue)
    studio = keys.value("Barrandov Studios", "studio")
    # the short names of a studio that the extractor finds in prose
    for name in ("Barrandov", "Barrandov studio", "the Barrandov studio"):
        assert keys.value(name, "studio") == studio
    person = keys.value("Mikhail Yershov", "cast")
    # a first name the references do not give before a surname that names one person
    assert keys.value("Misha Yershov", "cast") == person
    # ... but not words that are no first name, nor a name with more after it
    assert keys.value("the young Yershov", "cast") != person
    assert keys.value("Barrandov Hills", "studio") != studio


def test_a_part_is_matched_by_its_character_or_its_last_word(catalogue):
    quote = "Vladimir Basov Jr. plays Sereda."
    claim = Claim(
        "Moscow-Cassiopeia",
        Relation.CAST,
        "Vladimir Basov Jr.",
        Evidence("doc", 0, len(quote), quote),
        role="Sereda",
    )
    wrong = Label(
        "Moscow-Cassiopeia", "cast", "Vladimir Basov Jr.", "false", quote, "Victor Sereda"
    )
    right = Label(
        "Moscow-Cassiopeia",
        "cast",
        "Vladimir Basov Jr.",
        "true",
        "Basov is Lobanov.",
        "Feodor Lobanov",
    )
    tally = _tally(catalogue, [wrong, right], [Assessment(claim, Verdict.CONTRADICTED, "")])
    assert (tally.caught, tally.own_errors) == (1, 0)


def test_parts_that_share_a_surname_are_told_apart_whatever_the_label_order(catalogue):
    quote = "Sebris plays Mrs. Moses."
    claim = Claim(
        "Dead Mountaineer's Hotel",
        Relation.CAST,
        "Kārlis Sebris",
        Evidence("doc", 0, len(quote), quote),
        role="Mrs. Moses",
    )
    wrong = Label("Dead Mountaineer's Hotel", "cast", "Kārlis Sebris", "false", quote, "Mrs. Moses")
    right = Label(
        "Dead Mountaineer's Hotel", "cast", "Kārlis Sebris", "true", "No, Mr. Moses.", "Mr. Moses"
    )
    verified = Assessment(claim, Verdict.VERIFIED, "")
    for labels in ([wrong, right], [right, wrong]):
        tally = _tally(catalogue, labels, [verified])
        assert (tally.verified_ok, tally.verified_wrong) == (0, 1)


def test_an_actor_in_the_cast_is_not_wrong_for_a_part_labelled_false(catalogue):
    quote = "Mary Marr and Margot Hartman play the other women, Hartman as Verba."
    claim = Claim(
        "Voyage to the Planet of Prehistoric Women",
        Relation.CAST,
        "Margot Hartman",
        Evidence("doc", 0, len(quote), quote),
    )
    part = Label(
        "Voyage to the Planet of Prehistoric Women",
        "cast",
        "Margot Hartman",
        "false",
        quote,
        "Verba",
    )
    verified = Assessment(claim, Verdict.VERIFIED, "")
    tally = _tally(catalogue, [part], [verified])
    assert (tally.verified_ok, tally.verified_wrong, tally.verified_unlabelled) == (0, 0, 1)
    # a label on the actor alone still judges a claim naming no part
    plain = Label(part.subject, "cast", "Margot Hartman", "false", quote)
    tally = _tally(catalogue, [plain], [verified])
    assert tally.verified_wrong == 1


def test_a_label_naming_another_first_name_is_another_person(catalogue):
    keys = Keys(catalogue)
    levan = keys.value("Levan Gabriadze", "cast")
    assert keys.value("Revaz Gabriadze", "cast") != levan


def test_a_measurement_stops_at_a_document_it_could_not_assess(catalogue, monkeypatch):
    from questions.errors import DocumentError
    from questions.extract import Extractor
    from questions.models import Document
    from questions.pipeline import assess_corpus
    from questions.sources import Corpus

    def failing(self: Extractor, document: Document) -> list[Claim]:
        raise IndexError("list index out of range")

    monkeypatch.setattr(Extractor, "extract", failing)
    corpus = Corpus((Document("film", "Solaris (1972) was directed by Andrei Tarkovsky."),), ())
    with pytest.raises(DocumentError, match="film: not assessed"):
        assess_corpus(corpus, catalogue)
