"""Question templates for every relation, with their category and the extra wordings.

Entity-valued relations use the shared template of :mod:`questions.wording`; this module
adds years and dates, numbers, yes/no properties, alternative titles, ordering in time,
and the questions that read a fact from the other side or together with a neighbouring
catalogue fact (who played whom, the novel's author, the re-edit's source film, the
Phobos rescue dilemma). Every relation of :class:`Relation` has an entry in
:data:`TEMPLATES` and :data:`CATEGORIES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from questions.answers import Ranked
from questions.chronology import DATED, TIMELINE, dated_drafts, release_date_drafts, timeline_drafts
from questions.models import ItemType, Relation
from questions.names import name_key
from questions.wording import (
    CHOICES,
    PHRASINGS,
    SHORTLIST,
    Draft,
    Writer,
    capitalised,
    join_names,
    prefix,
)

if TYPE_CHECKING:
    from questions.build import VerifiedFact

Template = Callable[[Writer, "VerifiedFact"], list[Draft]]

NUMBER_SPREAD = 3
CATEGORIES: dict[Relation, str] = {
    Relation.RELEASE_YEAR: "years",
    Relation.PUBLISHED_YEAR: "years",
    Relation.EVENT_DATE: "years",
    Relation.RELEASED_AFTER: "years",
    Relation.RELEASED_SHORTLY_AFTER: "years",
    Relation.RELEASED_SAME_YEAR_AS: "years",
    Relation.RELEASE_DATE: "years",
    Relation.DEPICTS: "films",
    Relation.INSPIRED: "production history",
    Relation.SOURCE_AUTHOR: "people",
    Relation.FIRST_MISSION_CREW: "plot",
    Relation.SECOND_SHIP_CREW: "plot",
    Relation.LEFT_BEHIND: "plot",
    Relation.ALIEN_TAKEN_TO_MAIN_SHIP_BY: "plot",
    Relation.DIRECTED_BY: "people",
    Relation.WRITTEN_BY: "people",
    Relation.NARRATED_BY: "people",
    Relation.PRODUCED_BY: "people",
    Relation.CAST: "people",
    Relation.INVOLVES: "people",
    Relation.ALSO_KNOWN_AS: "films",
    Relation.SETTING: "films",
    Relation.ANIMATED: "films",
    Relation.BASED_ON: "production history",
    Relation.FOOTAGE_USED_IN: "production history",
    Relation.SEQUEL: "production history",
    Relation.STUDIO: "production history",
    Relation.COUNTRY: "production history",
    Relation.ALIEN_HOMEWORLD: "plot",
    Relation.ALIEN_SHIP_LANDS_ON: "plot",
    Relation.SECOND_ALIEN_SHIP_FOUND_ON: "plot",
    Relation.RESCUE_SHIP_CAPACITY: "plot",
    Relation.LEFT_BEHIND_ON: "plot",
    Relation.SONG_WRITTEN_BY: "plot",
}


# Template names predate this module for these two; ids derive from them, so they stay.
def _entity(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    return writer.entity_drafts(fact, PHRASINGS[fact.relation], prefix(fact.relation))


def _number(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """How many people the rescue ship of the plot can carry."""
    if not isinstance(fact.value, int) or isinstance(fact.value, bool):
        return []
    count: int = fact.value
    words = writer.words(fact)
    offsets = sorted(range(-NUMBER_SPREAD, NUMBER_SPREAD + 1), key=abs)
    rivals = Ranked(tuple(count + d for d in offsets if d and count + d >= 2))
    question = "In {s}, how many people can the rescue ship carry?".format(**words)
    drafts = [writer.open("rescue-open", question, count, extra=1)]
    stem = "In {s}, the rescue ship has room for how many people?".format(**words)
    mc = writer.choice("rescue-mc", stem, count, rivals, extra=1)
    drafts += [mc] if mc else []
    statement = "In {s}, the rescue ship has room for {v} people.".format(v="{v}", **words)
    drafts.append(writer.true_false(fact, "rescue-tf", statement, rivals, extra=1))
    return drafts


def _animated(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """A yes/no property becomes a statement, made false by negating it."""
    subject = capitalised(writer.subject(fact.subject))
    forms = {True: f"{subject} is an animated film.", False: f"{subject} is a live-action film."}
    value = bool(fact.value)
    # The negation is never stated when a document claimed it and was refuted.
    truthful = name_key(str(not value)) in fact.refuted or writer.rng.random() < 0.5
    statement = forms[value] if truthful else forms[not value]
    answer = "True" if truthful else "False"
    kind = ItemType.TRUE_FALSE
    return [Draft("animated-tf", kind, f"True or false: {statement}", (answer,), (), 1)]


def _source_author(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """The writer whose novel a film adapts (the authors come from the catalogue)."""
    works = writer.values_of(fact.subject, Relation.BASED_ON)
    authors = [a for w in works for a in writer.values_of(str(w), Relation.WRITTEN_BY)]
    if not authors:
        return []
    named = writer.catalogue.resolve(str(fact.value), ("person",))
    target = named.id if named is not None and named.id in authors else authors[-1]
    partners = [a for a in authors if a != target]
    words = writer.words(fact)
    if partners:
        names = ", ".join(writer.catalogue.display(p) for p in partners)
        question = f"{words['S']} adapts a novel by {names} and which other writer?"
    else:
        question = f"Which writer's novel was adapted as {words['s']}?"
    drafts = [writer.open("source-author-open", question, target, partners, extra=1)]
    rivals = writer.kit.rival_entities(fact.subject, Relation.WRITTEN_BY, "person", authors)
    statement = f"{words['S']} is based on a novel by {{v}}."
    drafts.append(writer.true_false(fact, "source-author-tf", statement, rivals, 1, target))
    return drafts


def _also_known_as(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """Alternative titles: which film a title belongs to, or another title of a film."""
    catalogue, film = writer.catalogue, fact.subject
    entity = catalogue.entity(film)
    if entity is None:
        return []
    kind = entity.kind
    title = catalogue.display(fact.value) if fact.value != film else entity.name
    rivals = writer.kit.rival_entities(film, fact.relation, kind, [film])
    quoted = f"“{title}”"
    if name_key(title) != name_key(entity.name):
        question = f"Which {kind} is also known as {quoted}?"
        drafts = [writer.open("aka-open", question, film, extra=1)]
        mc = writer.choice("aka-mc", f"{quoted} is another title of which {kind}?", film, rivals)
        drafts += [mc] if mc else []
        statement = f"{quoted} is another title of {{v}}."
        return [*drafts, writer.true_false(fact, "aka-tf", statement, rivals, right=film)]
    return _other_title(writer, fact, rivals)


def _other_title(writer: Writer, fact: VerifiedFact, rivals: Ranked) -> list[Draft]:
    """The canonical title itself was the claim: offer another of its titles as the answer."""
    entity = writer.catalogue.entity(fact.subject)
    others = [a for a in entity.aliases if name_key(a) != name_key(entity.name)] if entity else []
    if entity is None or not others:
        return []
    alias = ([a for a in others if a.isascii()] or others)[0]
    wrong = [
        writer.catalogue.display(v)
        for v in rivals.values[:SHORTLIST]
        if name_key(writer.catalogue.display(v)) not in fact.refuted
    ]
    drafts: list[Draft] = []
    if len(wrong) >= CHOICES - 1:
        options = [alias, *writer.rng.sample(wrong, CHOICES - 1)]
        writer.rng.shuffle(options)
        stem = f"Which of these is another title of “{entity.name}”?"
        answers = (alias, *(o for o in others if o != alias))
        kind = ItemType.MULTIPLE_CHOICE
        drafts.append(Draft("aka-title-mc", kind, stem, answers, tuple(options), 2))
    truthful = not wrong or writer.rng.random() < 0.5
    shown = alias if truthful else writer.rng.choice(wrong)
    statement = f"True or false: “{entity.name}” is also known as “{shown}”."
    verdict = ("True",) if truthful else ("False",)
    return [*drafts, Draft("aka-title-tf", ItemType.TRUE_FALSE, statement, verdict, (), 1)]


def _cast(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """Who played whom; without a known role, the shared entity template."""
    roles = [
        f.role
        for f in writer.catalogue.facts_about(fact.subject, Relation.CAST)
        if f.value == fact.value and f.role
    ]
    if len(roles) != 1:
        return _entity(writer, fact)
    role, words = writer.catalogue.display(roles[0]), writer.words(fact)
    actors = [
        f.value
        for f in writer.catalogue.facts_about(fact.subject, Relation.CAST)
        if f.role == roles[0]
    ]
    rivals = writer.kit.rival_entities(fact.subject, Relation.CAST, "person", actors)
    question = f"Who played {role} in {words['s']}?"
    actor = writer.phrase(fact.value)
    drafts = [
        writer.open("cast-role-open", question, fact.value, extra=1),
        writer.open(
            "cast-character-open", f"Whom did {actor} play in {words['s']}?", roles[0], extra=2
        ),
    ]
    mc = writer.choice("cast-role-mc", question, fact.value, rivals, extra=1)
    drafts += [mc] if mc else []
    statement = f"{{v}} played {role} in {words['s']}."
    return [*drafts, writer.true_false(fact, "cast-role-tf", statement, rivals, extra=1)]


def _based_on(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """The adapted novel, and (from the catalogue) the writer of that novel."""
    drafts = _entity(writer, fact)
    authors = writer.values_of(str(fact.value), Relation.WRITTEN_BY)
    if not authors:
        return drafts
    words, answer, partners = writer.words(fact), authors[-1], authors[:-1]
    if partners:
        names = join_names([writer.catalogue.display(p) for p in partners])
        question = f"{words['S']} is based on a novel by {names} and which other writer?"
    else:
        question = f"{words['S']} is based on a novel by which writer?"
    return [*drafts, writer.open("based-on-author-open", question, answer, partners, extra=1)]


def _reverse(writer: Writer, fact: VerifiedFact, template: str, single: str, several: str) -> Draft:
    """Ask for the subject of a film-to-film fact from its value's side."""
    sources = [f.subject for f in writer.catalogue.facts_with_value(fact.relation, fact.value)]
    partners = [s for s in dict.fromkeys(sources) if s != fact.subject]
    value = writer.phrase(fact.value)
    if partners:
        others = join_names([writer.phrase(p) for p in partners])
        question = several.format(v=value, others=others)
    else:
        question = single.format(v=value, V=capitalised(value))
    return writer.open(template, question, fact.subject, partners, extra=1)


def _footage(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """A re-edit: where the footage went, and which film it came from."""
    reverse = _reverse(
        writer,
        fact,
        "footage-source-open",
        "{V} was made with footage from which earlier film?",
        "Besides {others}, which film supplied footage for {v}?",
    )
    return [*_entity(writer, fact), reverse]


def _sequel(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """A sequel, asked from both ends."""
    reverse = _reverse(
        writer,
        fact,
        "sequel-of-open",
        "{V} is the sequel to which film?",
        "Besides {others}, which film has {v} as its sequel?",
    )
    return [*_entity(writer, fact), reverse]


def _left_behind(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """The Phobos rescue dilemma: the rescue ship is too small for everyone."""
    drafts = _entity(writer, fact)
    for capacity in writer.values_of(fact.subject, Relation.RESCUE_SHIP_CAPACITY):
        words = writer.words(fact)
        question = (
            f"In {words['s']}, the rescue ship has room for only {capacity} people. "
            "Where is one of the crew left behind?"
        )
        drafts.append(writer.open("left-behind-dilemma-open", question, fact.value, extra=1))
    return drafts


def _song(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """The character who writes the song, and the actor who plays that character."""
    drafts = _entity(writer, fact)
    actors = [
        f.value
        for f in writer.catalogue.facts_about(fact.subject, Relation.CAST)
        if f.role == fact.value
    ]
    if len(actors) == 1:
        words = writer.words(fact)
        question = f"In {words['s']}, which actor plays the character who writes the song?"
        drafts.append(writer.open("song-actor-open", question, actors[0], extra=2))
    return drafts


TEMPLATES: dict[Relation, Template] = {
    **dict.fromkeys(PHRASINGS, _entity),
    **dict.fromkeys(DATED, dated_drafts),
    Relation.RESCUE_SHIP_CAPACITY: _number,
    Relation.ANIMATED: _animated,
    **dict.fromkeys(TIMELINE, timeline_drafts),
    Relation.RELEASE_DATE: release_date_drafts,
    Relation.SOURCE_AUTHOR: _source_author,
    Relation.ALSO_KNOWN_AS: _also_known_as,
    Relation.CAST: _cast,
    Relation.BASED_ON: _based_on,
    Relation.FOOTAGE_USED_IN: _footage,
    Relation.SEQUEL: _sequel,
    Relation.LEFT_BEHIND_ON: _left_behind,
    Relation.SONG_WRITTEN_BY: _song,
}
