"""``trivia reference``: what the references know, and a check of a host's reference file.

``list`` and ``show`` read the shipped references merged with ``TRIVIA_REFERENCES``;
``validate`` reads one or more files on top of the shipped ones and names every problem
with its file and line; ``template`` writes a file to start from.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from questions.catalogue import ENTITY_KINDS, Catalogue, Entity
from questions.errors import CatalogueError
from questions.files import write_atomically
from questions.references import TEMPLATE, check_references, load_default_catalogue, load_references

if TYPE_CHECKING:
    from bot.settings import Settings

EXIT_OK, EXIT_ERROR = 0, 1


def add_reference_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``trivia reference list|show|validate|template``."""
    reference = commands.add_parser("reference", help="the reference catalogue and host files")
    actions = reference.add_subparsers(dest="reference_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="films, people and more, with fact counts")
    listing.add_argument("--kind", choices=sorted(ENTITY_KINDS), help="only this kind")
    listing.set_defaults(handler=_cmd_list)
    show = actions.add_parser("show", help="everything the references say about one name")
    show.add_argument("name", help="a title or name, in any script or spelling")
    show.set_defaults(handler=_cmd_show)
    validate = actions.add_parser("validate", help="check reference files before using them")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.set_defaults(handler=_cmd_validate)
    template = actions.add_parser("template", help="print (or write) a file to fill in")
    template.add_argument("--out", type=Path, help="write it here (an existing file is kept)")
    template.set_defaults(handler=_cmd_template)


def _catalogue(settings: Settings) -> Catalogue:
    return load_references(settings.references)


def _cmd_list(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    catalogue = _catalogue(settings)
    counts = Counter(f.subject for f in catalogue.facts)
    counts.update(str(f.value) for f in catalogue.facts if str(f.value) in catalogue.entities)
    table = Table()
    for column in ("Id", "Kind", "Name", "Other names", "Facts"):
        table.add_column(column, overflow="fold")
    shown = [e for e in catalogue.entities.values() if args.kind in (None, e.kind)]
    for entity in sorted(shown, key=lambda e: (e.kind, e.name.casefold())):
        table.add_row(
            escape(entity.id),
            entity.kind,
            escape(entity.name),
            str(len(entity.aliases)),
            str(counts[entity.id]),
        )
    console.print(table)
    films = sum(1 for e in catalogue.entities.values() if e.kind == "film")
    console.print(
        f"{films} films, {len(catalogue.entities)} entities, {len(catalogue.facts)} facts, "
        f"{sum(len(s) for s in catalogue.synopses.values())} synopses, "
        f"{len(catalogue.sources)} sources"
    )
    for note in catalogue.notes:
        console.print(f"note: {escape(note)}")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    catalogue = _catalogue(settings)
    entity = catalogue.resolve(args.name)
    if entity is None:
        console.print(
            f"[red]No reference knows {escape(repr(args.name))}[/] (see `trivia reference list`)."
        )
        return EXIT_ERROR
    _print_entity(console, catalogue, entity)
    return EXIT_OK


def _print_entity(console: Console, catalogue: Catalogue, entity: Entity) -> None:
    console.print(f"[bold]{escape(entity.name)}[/] ({entity.kind}, id {escape(entity.id)})")
    if entity.aliases:
        cited = f" — {entity.source.title} <{entity.source.url}>" if entity.source else ""
        console.print(escape(f"also: {', '.join(entity.aliases)}{cited}"))
    table = Table()
    for column in ("Subject", "Relation", "Value", "Role", "Source"):
        table.add_column(column, overflow="fold")
    rows = [f for f in catalogue.facts if entity.id in (f.subject, f.value, f.role)]
    for fact in rows:
        table.add_row(
            escape(catalogue.display(fact.subject)),
            fact.relation.value,
            escape(catalogue.display(fact.value)),
            escape(catalogue.display(fact.role)) if fact.role else "",
            escape(f"{fact.source.title} <{fact.source.url}>"),
        )
    if rows:
        console.print(table)
    for synopsis in catalogue.synopses.get(entity.id, ()):
        console.print(escape(f"synopsis ({synopsis.source.title} <{synopsis.source.url}>):"))
        console.print(f"  {escape(synopsis.text)}")


def _cmd_validate(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    catalogue, report = check_references(args.files)
    for note in report.notes:
        console.print(f"note: {escape(note)}")
    for problem in report.problems:
        console.print(f"[red]error:[/] {escape(problem)}")
    if catalogue is None:
        count = len(report.problems)
        console.print(f"{count} problem{'s' if count != 1 else ''}: nothing would be loaded")
        return EXIT_ERROR
    added = len(catalogue.facts) - len(load_default_catalogue().facts)
    console.print(
        f"ok: {len(catalogue.entities)} entities and {len(catalogue.facts)} facts with the "
        f"shipped references ({added:+d} facts)"
    )
    return EXIT_OK


def _cmd_template(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    if args.out is None:
        console.print(TEMPLATE, end="", markup=False)
        return EXIT_OK
    if args.out.exists():
        raise CatalogueError(f"{args.out}: already exists; not overwritten")
    try:
        write_atomically(TEMPLATE, args.out)
    except OSError as exc:
        raise CatalogueError(f"{args.out}: cannot be written ({exc.strerror or exc})") from exc
    console.print(f"wrote {args.out}; fill it in, then `trivia reference validate {args.out}`")
    return EXIT_OK
