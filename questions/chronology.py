"""Templates about time: years and dates of films, novels and events, and order in time.

Wrong years come from the same era (years a document wrongly claimed are offered as
options but never stated as true or false); wrong dates are the right day moved by weeks
or months; statements about order are made false by reversing it, and the wrong options
of a choice are dated by the catalogue so none of them can be right.
"""

from __future__ import annotations

from datetime import date, timedelta

from questions.answers import Ranked, year_of
from questions.models import ItemType, Relation, VerifiedFact
from questions.names import name_key
from questions.relations import SPECS
from questions.wording import CHOICES, SHORTLIST, Draft, Writer, prefix

YEAR_SPREAD = 6
DATED = {
    relation: spec.phrasing
    for relation, spec in SPECS.items()
    if spec.template == "dated" and spec.phrasing is not None
}


def dated_drafts(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """Years of release, publication and events: era-close years as wrong values."""
    year = year_of(fact.value)
    if year is None:
        return []
    phrasing, name, words = DATED[fact.relation], prefix(fact.relation), writer.words(fact)
    rivals = writer.kit.rival_years(year, YEAR_SPREAD, fact.refuted)
    question = writer.variant(fact, phrasing.open).format(**words)
    drafts = [writer.open(f"{name}-open", question, year, extra=phrasing.extra)]
    mc = writer.choice(f"{name}-mc", phrasing.choice.format(**words), year, rivals, phrasing.extra)
    drafts += [mc] if mc else []
    statement = phrasing.statement.format(v="{v}", **words)
    drafts.append(writer.true_false(fact, f"{name}-tf", statement, rivals, phrasing.extra, year))
    if fact.relation is Relation.EVENT_DATE:
        drafts += exact_date_drafts(fact, words)
    return drafts


def exact_date_drafts(fact: VerifiedFact, words: dict[str, str]) -> list[Draft]:
    """The exact day of an event, asked open (accepting the usual spellings of a date)."""
    try:
        day = date.fromisoformat(str(fact.value))
    except ValueError:
        return []
    forms = date_forms(day)
    question = "On what date did {s} take place?".format(**words)
    return [Draft("event-date-day-open", ItemType.OPEN, question, forms, (), 4)]


# Per relation: the true wording, the reversed (false) one if any, and the choice stem.
TIMELINE = {
    Relation.RELEASED_AFTER: (
        "came out after",
        "came out before",
        "Which of these happened before {s} came out?",
    ),
    Relation.RELEASED_SHORTLY_AFTER: (
        "reached cinemas less than a year after",
        "reached cinemas before",
        "{S} reached cinemas less than a year after which of these?",
    ),
    Relation.RELEASED_SAME_YEAR_AS: (
        "was released in the same year as",
        None,
        "Which of these happened in the year {s} was released?",
    ),
}


def timeline_drafts(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """A release placed in time against an event: a statement, and a choice of events.

    False statements reverse the order, or (same year) name an event of another year; the
    wrong options of the choice are dated by the catalogue so none of them can be right.
    """
    words, value = writer.words(fact), writer.phrase(fact.value)
    true_words, false_words, choice = TIMELINE[fact.relation]
    era = writer.kit.years.get(fact.subject)
    kind = writer.kit.kind_of(fact.value)
    if era is None or kind is None:
        rivals: tuple[str, ...] = ()
    else:
        same_year = fact.relation is Relation.RELEASED_SAME_YEAR_AS
        rivals = tuple(
            e.id
            for e in writer.catalogue.of_kind(kind)
            if e.id != fact.subject
            and (year := writer.kit.years.get(e.id)) is not None
            and (year != era if same_year else year > era)
        )
        rivals = tuple(sorted(rivals, key=lambda e: (abs(writer.kit.years[e] - era), e)))
    truthful = writer.rng.random() < 0.5 or (false_words is None and not rivals)
    if truthful:
        statement = f"{words['S']} {true_words} {value}."
    elif false_words is not None:
        statement = f"{words['S']} {false_words} {value}."
    else:
        statement = (
            f"{words['S']} {true_words} {writer.phrase(writer.rng.choice(rivals[:SHORTLIST]))}."
        )
    name = prefix(fact.relation)
    verdict = ("True",) if truthful else ("False",)
    kind_tf = ItemType.TRUE_FALSE
    drafts = [Draft(f"{name}-tf", kind_tf, f"True or false: {statement}", verdict, (), 2)]
    stem = choice.format(**words)
    mc = writer.choice(f"{name}-mc", stem, fact.value, Ranked(rivals), extra=1)
    return drafts + ([mc] if mc else [])


def release_date_drafts(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """The day of a film's first release: asked open, as a choice and as a statement."""
    try:
        day = date.fromisoformat(str(fact.value))
    except ValueError:
        return []
    words = writer.words(fact)
    shifts = (timedelta(days=d) for d in (7, -7, 30, -30, 14, -14, 61, -61))
    wrong = [
        spoken_date(day + s) for s in shifts if name_key(spoken_date(day + s)) not in fact.refuted
    ]
    question = f"On what date was {words['s']} first released?"
    drafts = [Draft("release-date-open", ItemType.OPEN, question, date_forms(day), (), 4)]
    if len(wrong) >= CHOICES - 1:
        options = [spoken_date(day), *writer.rng.sample(wrong[:SHORTLIST], CHOICES - 1)]
        writer.rng.shuffle(options)
        stem = f"{words['S']} was first released on which date?"
        kind = ItemType.MULTIPLE_CHOICE
        drafts.append(Draft("release-date-mc", kind, stem, date_forms(day), tuple(options), 3))
    truthful = not wrong or writer.rng.random() < 0.5
    shown = spoken_date(day) if truthful else writer.rng.choice(wrong)
    statement = f"True or false: {words['S']} was first released on {shown}."
    verdict = ("True",) if truthful else ("False",)
    return [*drafts, Draft("release-date-tf", ItemType.TRUE_FALSE, statement, verdict, (), 2)]


def spoken_date(day: date) -> str:
    """``date(1963, 11, 18)`` -> ``"18 November 1963"``."""
    return f"{day.day} {day:%B %Y}"


def date_forms(day: date) -> tuple[str, ...]:
    """Accepted spellings of a date, the spoken form first."""
    return (spoken_date(day), f"{day:%B} {day.day}, {day.year}", day.isoformat())
