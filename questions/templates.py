"""Question templates for every relation, with their category and the extra wordings.

Entity-valued relations use the shared template of :mod:`questions.wording`; this module
adds years and dates, numbers, yes/no properties, alternative titles, ordering in time,
and the questions that read a fact from the other side or together with a neighbouring
catalogue fact (who played whom, the novel's author, the re-edit's source film), and
cloze questions on plot sentences a synopsis corroborates. Every relation of
:class:`Relation` has an entry in :data:`TEMPLATES`; categories come from
:mod:`questions.relations`.
"""

from __future__ import annotations

from collections.abc import Callable

from questions.answers import Ranked
from questions.chronology import dated_drafts, release_date_drafts, timeline_drafts
from questions.models import ItemType, Relation, VerifiedFact, stable_id
from questions.names import name_key
from questions.plot import cloze
from questions.relations import SPECS
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

Template = Callable[[Writer, "VerifiedFact"], list[Draft]]

NUMBER_SPREAD = 3


# Template names predate this module for these two; ids derive from them, so they stay.
def _entity(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    return writer.entity_drafts(fact, PHRASINGS[fact.relation], prefix(fact.relation))


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
    if target != authors[0]:
        return drafts  # co-authors share one true/false statement, or they near-duplicate
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


def _plot(writer: Writer, fact: VerifiedFact) -> list[Draft]:
    """A story sentence a synopsis corroborates, with its key entity blanked out."""
    drafts: list[Draft] = []
    names = writer.catalogue.names_of(fact.value)
    entity = writer.catalogue.entity(str(fact.value))
    value = str(fact.value)
    kind = entity.kind if entity is not None else "number" if value.isdigit() else "thing"
    words = writer.words(fact)
    for quote in fact.quotes:
        blanked = cloze(quote.quote, names)
        if blanked is None:
            continue
        what = "What" if kind == "thing" else f"Which {kind}"
        question = f"In {words['s']}: “{blanked}” {what} fills the blank?"
        template = stable_id("plot", quote.document, quote.quote)
        drafts.append(writer.open(f"{template}-open", question, fact.value, extra=1))
        rivals = _plot_rivals(writer, fact, kind)
        plural = "" if kind in {"thing", "number"} else "s" if not kind.endswith("s") else ""
        stem = f"In {words['s']}: “{blanked}” Which of these {kind}{plural} fills the blank?"
        if kind == "number":
            stem = f"In {words['s']}: “{blanked}” Which of these numbers fills the blank?"
        mc = writer.choice(f"{template}-mc", stem, fact.value, rivals, extra=0)
        drafts += [mc] if mc else []
    return drafts


def _plot_rivals(writer: Writer, fact: VerifiedFact, kind: str) -> Ranked:
    """Wrong keys of the same kind: nearby numbers, other places, the film's other characters."""
    if kind == "number":
        count = int(str(fact.value)) if str(fact.value).isdigit() else 0
        offsets = sorted(range(-NUMBER_SPREAD, NUMBER_SPREAD + 1), key=abs)
        return Ranked(tuple(str(count + d) for d in offsets if d and count + d >= 1))
    if kind == "character":
        others = [c.id for c in writer.catalogue.characters_of(fact.subject) if c.id != fact.value]
        return Ranked(tuple(others))
    if kind == "thing":
        return Ranked(())  # no same-kind wrong answers for a thing: asked open only
    return writer.kit.rival_entities(fact.subject, Relation.SETTING, kind, [fact.value])


# Every relation's template, by the name the relation table gives it.
_BY_NAME: dict[str, Template] = {
    "entity": _entity,
    "dated": dated_drafts,
    "animated": _animated,
    "timeline": timeline_drafts,
    "release date": release_date_drafts,
    "source author": _source_author,
    "titles": _also_known_as,
    "cast": _cast,
    "based on": _based_on,
    "footage": _footage,
    "sequel": _sequel,
    "plot": _plot,
}
TEMPLATES: dict[Relation, Template] = {
    relation: _BY_NAME[spec.template] for relation, spec in SPECS.items()
}
