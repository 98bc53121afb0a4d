"""Measure the claim pipeline against hand-labelled documents, per genre.

Every labelled document lists each atomic claim it states with a label: true (the
references support it), false, invented (about something that does not exist) or
unreferenced (true, but no reference speaks to it). The pipeline's verdicts are compared
with the labels:

- verified precision: of the verified claims that match a label, the share labelled true
  or unreferenced (must be 100%); verified claims matching no label are counted and listed;
- recall: the share of true claims the pipeline verified (a plot claim is one sentence of the
  story: it counts as verified when a plot claim from that sentence is, whichever entity
  the question asks about);
- false detail: verified plot claims whose own key is labelled true but whose sentence has
  another detail labelled false or invented (its question repeats the sentence, so it
  repeats the error too); counted apart from precision, which judges each claim's own key;
- false caught: the share of false claims reported as contradicted;
- own errors: claims reported as contradicted that the document did not get wrong (a true
  label, or no label at all): our extraction's mistake shown as the document's.

Sets: ``seeds`` (labels in tests/data/seed-labels), ``tuning`` and ``heldout`` (tests/data).
Held-out figures are the ones that say how the pipeline does on text it was not tuned on.

Run it with ``python benchmarks/claims_eval.py [--set seeds|tuning|heldout|all] [--show-misses]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from questions.catalogue import Catalogue
from questions.mentions import NUMBER_WORDS, Gazetteer, MentionFinder
from questions.models import Assessment, Relation, Verdict
from questions.names import name_key, plain
from questions.pipeline import assess_corpus
from questions.references import load_default_catalogue
from questions.relations import SPECS
from questions.sources import read_corpus


def label_sets(root: Path) -> dict[str, tuple[Path, Path]]:
    """The labelled sets of a checkout: (documents folder, labels folder) by name."""
    data = root / "tests" / "data"
    return {
        "seeds": (root / "seeds", data / "seed-labels"),
        "tuning": (data / "tuning", data / "tuning"),
        "heldout": (data / "heldout", data / "heldout"),
    }


TRUE_LABELS = frozenset({"true", "unreferenced"})


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled claim of a document."""

    subject: str
    relation: str
    value: str
    label: str
    quote: str
    role: str | None = None


@dataclass(slots=True)
class Tally:
    """Counts for one genre (or all)."""

    true: int = 0
    recalled: int = 0
    false: int = 0
    caught: int = 0
    verified_ok: int = 0
    verified_wrong: int = 0
    verified_unlabelled: int = 0
    own_errors: int = 0
    false_detail: int = 0
    misses: list[str] = field(default_factory=list)
    detailed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    blamed: list[str] = field(default_factory=list)
    # Per relation of the true labels: [true, recalled].
    relations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in (
            "true",
            "recalled",
            "false",
            "caught",
            "verified_ok",
            "verified_wrong",
            "verified_unlabelled",
            "own_errors",
            "false_detail",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong += other.wrong
        self.unlabelled += other.unlabelled
        for relation, (true, recalled) in other.relations.items():
            self.relations[relation][0] += true
            self.relations[relation][1] += recalled
        self.blamed += other.blamed
        self.detailed += other.detailed


class Keys:
    """Compare labels and claims by catalogue entity where the names resolve."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        # a label may name a person by surname alone ("Järvet"), as documents do
        self.surnames = {
            name_key(surname): target[0]
            for surname, target in Gazetteer.surnames(catalogue).items()
        }
        # ... and a film by its title's head before the colon ("Signals"), if one film's
        heads: dict[str, set[str]] = {}
        for film in catalogue.of_kind("film"):
            for title in film.names:
                if ": " in title:
                    heads.setdefault(name_key(title.split(": ", 1)[0]), set()).add(film.id)
        self.heads = {head: next(iter(ids)) for head, ids in heads.items() if len(ids) == 1}
        self.finder = MentionFinder(Gazetteer(catalogue))

    def _named(self, text: str, kinds: Iterable[str]) -> str | None:
        """The entity a label's name stands for as the extractor finds it in prose.

        "Barrandov" or "the Gorky studio" for a studio, "Misha Yershov" for a person the
        surname names alone (with the person's own first name or its pet form, as the
        extractor reads it: "Revaz Gabriadze" is not Levan): the one mention of the wanted
        kind, covering every word of the name.
        """
        mentions = [m for m in self.finder.find(text) if m.entity and m.kind in kinds]
        if len(mentions) != 1:
            return None
        found = mentions[0]
        if name_key(text[found.end :]) or name_key(text[: found.start]).split() not in (
            [],
            ["the"],
        ):
            return None
        return found.entity

    def subject(self, name: str, relation: str) -> str:
        """The key of a subject: its catalogue id, else its name key."""
        kinds = SPECS[Relation(relation)].subject_kinds if relation in _RELATIONS else None
        entity = self.catalogue.resolve(name, kinds)
        if entity is None and (kinds is None or "film" in kinds):
            return self.heads.get(name_key(name), name_key(name))
        return entity.id if entity else name_key(name)

    def value(self, name: str, relation: str) -> str:
        """The key of a value: a number, a year, an entity id or a name key."""
        text = str(name)
        if text.lower() in NUMBER_WORDS:
            return str(NUMBER_WORDS[text.lower()])
        if relation in {"release_year", "published_year", "animated"}:
            return name_key(text)
        kinds = None
        if relation in _RELATIONS and relation != "plot":
            kinds = SPECS[Relation(relation)].value_kinds
        entity = (
            self.catalogue.resolve(text, kinds) if kinds is not None or relation == "plot" else None
        )
        if entity is None and kinds is not None:
            if "person" in kinds and name_key(text) in self.surnames:
                return self.surnames[name_key(text)]
            return self._named(text, kinds) or name_key(text)
        return entity.id if entity else name_key(text)


_RELATIONS = frozenset(r.value for r in Relation)


def load_labels(path: Path) -> tuple[str, list[Label]]:
    """The genre and labelled claims of one label file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = []
    for entry in data.get("claims") or []:
        label = entry.get("label")
        text = "true" if label is True else "false" if label is False else str(label)
        labels.append(
            Label(
                str(entry["subject"]),
                str(entry["relation"]),
                str(entry["value"]),
                text,
                str(entry.get("quote", "")),
                entry.get("role"),
            )
        )
    return str(data.get("genre", "?")), labels


def _claim_keys(keys: Keys, item: Assessment) -> set[tuple[str, str, str]]:
    claim = item.claim
    relation = claim.relation.value
    subject = item.subject_id or keys.subject(claim.subject, relation)
    value = keys.value(claim.value, relation)
    if item.value_id and relation != "also_known_as":
        value = item.value_id
    found = {(subject, relation, value)}
    if relation == "also_known_as":
        found.add((subject, relation, keys.value(claim.subject, relation)))
    return found


def _label_keys(keys: Keys, label: Label, catalogue: Catalogue) -> set[tuple[str, str, str]]:
    subject = keys.subject(label.subject, label.relation)
    value = keys.value(label.value, label.relation)
    found = {(subject, label.relation, value)}
    # "based on the novel X by Y" may be read as Y wrote X, or as the film's source author.
    if label.relation == "source_author":
        for fact in catalogue.facts_about(subject, Relation.BASED_ON):
            found.add((str(fact.value), "written_by", value))
    # "came out shortly after" is a release after; "inspired" is read as made from its footage.
    if label.relation == "released_after":
        found.add((subject, "released_shortly_after", value))
    if label.relation == "footage_used_in":
        found.add((subject, "inspired", value))
    # A place the story goes to is the film's setting, whichever the label calls it.
    if label.relation in {"plot", "setting"}:
        found.add((subject, "setting" if label.relation == "plot" else "plot", value))
    if label.relation == "written_by":
        for fact in catalogue.facts_with_value(Relation.BASED_ON, subject):
            found.add((fact.subject, "source_author", value))
    return found


def _role_key(keys: Keys, role: str) -> tuple[str | None, str]:
    """A part's character id, if its name resolves to one, and its last word ("Dr. Snaut")."""
    entity = keys.catalogue.resolve(role, ("character",))
    return (entity.id if entity else None), (name_key(role).split() or [""])[-1]


def _describe(item: Assessment) -> str:
    c = item.claim
    return f"{c.evidence.document}: {c.subject} | {c.relation.value} | {c.value} — {item.reason}"


def evaluate(documents: Path, labels_dir: Path, catalogue: Catalogue) -> dict[str, Tally]:
    """Tallies per genre for one labelled set."""
    corpus = read_corpus(documents)
    by_document: dict[str, list[Assessment]] = defaultdict(list)
    for item in assess_corpus(corpus, catalogue):
        by_document[item.claim.evidence.document].append(item)
    keys = Keys(catalogue)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for document in corpus.documents:
        path = labels_dir / f"{document.id}.yaml"
        if not path.exists():
            continue
        genre, labels = load_labels(path)
        tally = tallies[genre]
        _score(document.id, labels, by_document[document.id], keys, catalogue, tally)
    return tallies


def _score(
    document: str,
    labels: Iterable[Label],
    assessments: list[Assessment],
    keys: Keys,
    catalogue: Catalogue,
    tally: Tally,
) -> None:
    labelled: dict[tuple[str, str, str], str] = {}
    # what labels other than plot sentences say of a key (a setting names a plot key too)
    not_plot: dict[tuple[str, str, str], str] = {}
    label_list = list(labels)
    for label in label_list:
        for key in _label_keys(keys, label, catalogue):
            # a true label wins over a false one for the same key (a correction in a thread)
            if labelled.get(key) not in TRUE_LABELS:
                labelled[key] = label.label
            if label.relation != "plot" and not_plot.get(key) not in TRUE_LABELS:
                not_plot[key] = label.label
    # An actor labelled true in one part and false in another: the claim's part decides.
    # By the part's character, and by its last word for a part named too briefly to resolve
    # ("Sereda" for "Victor Sereda"), when the word stands for one label only.
    by_role: dict[tuple[str, str, str, str], str] = {}
    by_word: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    # Cast labels without a part: a claim naming no part is judged by these, since a label
    # that is false for its part ("X as Verba") says nothing against X being in the cast.
    roleless: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for label in label_list:
        if label.relation == "cast" and not label.role:
            for key in _label_keys(keys, label, catalogue):
                roleless[key].add(label.label)
    for label in label_list:
        if label.relation == "cast" and label.role:
            character, word = _role_key(keys, label.role)
            for key in _label_keys(keys, label, catalogue):
                by_role[(*key, character or word)] = label.label
                by_word[(*key, word)].add(label.label)
    verified_keys: set[tuple[str, str, str]] = set()
    contradicted_keys: set[tuple[str, str, str]] = set()
    told = [(keys.subject(lab.subject, "plot"), plain(lab.quote), lab) for lab in label_list]
    told = [t for t in told if t[2].relation == "plot" and t[1]]
    for item in assessments:
        claim_keys = _claim_keys(keys, item)
        labels_here = {labelled[k] for k in claim_keys if k in labelled}
        if item.claim.relation is Relation.CAST and item.claim.role:
            character, word = _role_key(keys, item.claim.role)
            parts = {
                by_role[(*k, character or word)]
                for k in claim_keys
                if (*k, character or word) in by_role
            }
            if not parts and character is None:
                words = [by_word[(*k, word)] for k in claim_keys if (*k, word) in by_word]
                parts = set().union(*words) if words else set()
                parts = parts if len(parts) == 1 else set()
            labels_here = parts or labels_here
        elif item.claim.relation is Relation.CAST:
            plain_cast = set().union(*(roleless.get(k, set()) for k in claim_keys))
            if plain_cast:
                labels_here = plain_cast
            elif not labels_here & TRUE_LABELS:
                labels_here = set()  # only parts were labelled, and falsely: not this claim
        if item.claim.relation is Relation.PLOT:
            # A plot statement is one sentence: whichever key it is asked about, the labels
            # of that sentence judge it (any false detail in it makes it wrong).
            # Labels of another sentence with the same key say nothing of this one.
            said = plain(item.claim.evidence.quote)
            subject = item.subject_id or keys.subject(item.claim.subject, "plot")
            of_sentence = set()
            for label_subject, quote, label in told:
                if label_subject == subject and (quote in said or said in quote):
                    of_sentence.add(label.label)
                    claim_keys.add((subject, "plot", "said:" + quote))
            labels_here = of_sentence or {not_plot[k] for k in claim_keys if k in not_plot}
        if item.verdict is Verdict.VERIFIED:
            verified_keys |= claim_keys
            if labels_here & TRUE_LABELS:
                tally.verified_ok += 1
                if item.claim.relation is Relation.PLOT and labels_here & {"false", "invented"}:
                    tally.false_detail += 1
                    tally.detailed.append(_describe(item))
            elif labels_here:
                tally.verified_wrong += 1
                tally.wrong.append(_describe(item))
            else:
                tally.verified_unlabelled += 1
                tally.unlabelled.append(_describe(item))
        elif item.verdict is Verdict.CONTRADICTED:
            contradicted_keys |= claim_keys
            if not labels_here & {"false", "invented"}:
                tally.own_errors += 1
                tally.blamed.append(_describe(item))
    seen: set[tuple[str, str, str]] = set()
    for label in label_list:
        label_keys = _label_keys(keys, label, catalogue)
        if label.relation == "plot" and label.quote:
            # a plot label is its sentence: recalled by a claim on that sentence (or by the
            # place as the film's setting), not by the same key said elsewhere
            subject = keys.subject(label.subject, "plot")
            label_keys = {k for k in label_keys if k[1] != "plot"}
            label_keys.add((subject, "plot", "said:" + plain(label.quote)))
        main = next(iter(sorted(label_keys)))
        if label.label == "true":
            if main in seen:
                continue
            seen.add(main)
            tally.true += 1
            tally.relations[label.relation][0] += 1
            if label_keys & verified_keys:
                tally.recalled += 1
                tally.relations[label.relation][1] += 1
            else:
                where = f"{label.subject} | {label.relation} | {label.value}"
                tally.misses.append(f"{document}: {where} — “{label.quote[:90]}”")
        elif label.label == "false":
            tally.false += 1
            if label_keys & contradicted_keys:
                tally.caught += 1


def _say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    —"


def report(name: str, tallies: dict[str, Tally], show: bool, by_relation: bool = False) -> None:
    """Print one set's table (with ``show``, the claims behind its errors and misses)."""
    total = Tally()
    _say(f"\n== {name}")
    _say(
        f"{'genre':<15}{'true':>6}{'recall':>9}{'verified':>10}{'precision':>11}"
        f"{'unlabelled':>12}{'false':>7}{'caught':>9}{'own errors':>12}{'false detail':>14}"
    )
    for genre in sorted(tallies):
        _row(genre, tallies[genre])
        total.add(tallies[genre])
    _row("all", total)
    if by_relation:
        _say(f"\n{'relation':<24}{'true':>6}{'recall':>9}")
        for relation, (true, recalled) in sorted(total.relations.items()):
            _say(f"{relation:<24}{true:>6}{_pct(recalled, true):>9}")
    if total.wrong:
        _say("\nVERIFIED BUT LABELLED FALSE OR INVENTED:")
        _say("\n".join(f"  {w}" for w in total.wrong))
    if show:
        _say("\nVERIFIED STORY SENTENCES WITH ANOTHER DETAIL LABELLED FALSE:")
        _say("\n".join(f"  {w}" for w in total.detailed))
        _say("\nCONTRADICTED WITHOUT A FALSE LABEL (own errors):")
        _say("\n".join(f"  {w}" for w in total.blamed))
        _say("\nVERIFIED WITHOUT A LABEL:")
        _say("\n".join(f"  {w}" for w in total.unlabelled))
        _say("\nTRUE CLAIMS NOT VERIFIED:")
        _say("\n".join(f"  {m}" for m in total.misses))


def _row(genre: str, t: Tally) -> None:
    verified = t.verified_ok + t.verified_wrong
    _say(
        f"{genre:<15}{t.true:>6}{_pct(t.recalled, t.true):>9}{verified:>10}"
        f"{_pct(t.verified_ok, verified):>11}{t.verified_unlabelled:>12}{t.false:>7}"
        f"{_pct(t.caught, t.false):>9}{t.own_errors:>12}{t.false_detail:>14}"
    )


def main(argv: list[str], root: Path) -> int:
    """Print the table of every set asked for."""
    sets = label_sets(root)
    parser = argparse.ArgumentParser(description="Measure the claim pipeline on labelled sets.")
    parser.add_argument("--set", choices=[*sets, "all"], default="all")
    parser.add_argument(
        "--show-misses", action="store_true", help="list the claims behind misses and errors"
    )
    parser.add_argument("--by-relation", action="store_true", help="recall per relation")
    args = parser.parse_args(argv)
    catalogue = load_default_catalogue()
    for name in sets if args.set == "all" else [args.set]:
        report(name, evaluate(*sets[name], catalogue), args.show_misses, args.by_relation)
    return 0
