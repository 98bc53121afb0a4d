"""The ``trivia`` command line: build the bank, report facts, play in the terminal, migrate.

Each subcommand loads :class:`Settings`, configures logging, builds what it needs and calls
into the packages. Exit status: 0 success, 1 error, 2 usage, 3 done but documents skipped,
130 interrupted (Ctrl-C). Every failure a command meets (storage, files, bad data) ends in
one line on standard error, printed by :func:`main` alone, with passwords and tokens masked.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import getpass
import os
import random
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from bot import log
from bot.game.errors import GameError
from bot.game.judging import Judge
from bot.game.ports import StorageError
from bot.reference_cli import add_reference_commands
from bot.settings import LOG_LEVELS, Settings, default_data_dir
from questions.bank import load_bank, save_bank
from questions.decisions import Choice, Decision, load_decisions, record_decision
from questions.errors import QuestionGenError
from questions.files import exclusive
from questions.inputs import build_inputs, changed_input, save_inputs
from questions.models import TriviaItem, Verdict
from questions.pipeline import PipelineResult, run_pipeline
from questions.references import load_default_catalogue, load_references

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
MAX_SEASON_NAME = 100
MAX_ROWS = 100
MAX_NAME = 32
MAX_REASON = 500
MAX_QUESTIONS = 50
MAX_SNOWFLAKE = 2**63 - 1
DEFAULT_BUILD_SEED = 1963

FACTS_DESCRIPTION = """\
Report every claim of the documents with its verdict, document by document as each is
assessed: only what is compared across documents (a few bytes a claim) is kept, and the
disagreements and agreements between documents come last.

On a terminal: a table per document, then the summary. Piped or redirected: one
tab-separated line per claim (claim, document, verdict, subject, relation, value, reason,
the quote cut to 100 characters) under a header line, then a blank line and the summary
(documents read and skipped, claims shown per verdict, disagreements, agreements, re-opened
decisions, notes on the references, skipped documents). --json prints everything, quotes
whole, as one JSON document."""

Handler = Callable[[argparse.Namespace, Settings, Console], int]

if TYPE_CHECKING:
    from bot.storage.db import DowngradePlan
    from questions.catalogue import Catalogue
    from questions.models import Assessment
    from questions.packs import PackStore


def utc_now() -> datetime:
    """The real clock (the only one outside tests)."""
    return datetime.now(UTC)


def stale_because(bank: Path, settings: Settings, seed: int = DEFAULT_BUILD_SEED) -> str | None:
    """Why ``bank`` must be built again (missing, or built from other inputs), or None.

    The inputs are compared by content (:mod:`questions.inputs`): the seeds, the shipped and
    the host's references, the moderators' decisions, the pipeline's code and the seed.
    """
    if not bank.is_file():
        return f"{bank} does not exist yet"
    return changed_input(bank, _build_inputs(settings, settings.seeds_dir, seed))


def _build_inputs(settings: Settings, seeds: Path, seed: int) -> dict[str, str]:
    return build_inputs(seeds, settings.references, settings.decisions_file(), seed)


def build_bank(
    seeds: Path,
    seed: int = DEFAULT_BUILD_SEED,
    decisions: Path | None = None,
    references: Sequence[Path] = (),
) -> PipelineResult:
    """Run the pipeline on a seeds folder with the references and stored decisions.

    ``references`` are the host's files, merged with the shipped catalogue.
    """
    stored = load_decisions(decisions or default_data_dir() / "decisions.yaml")
    return run_pipeline(seeds, _catalogue(references), random.Random(seed), stored)


def _catalogue(references: Sequence[Path]) -> Catalogue:
    """The shipped references, merged with the host's files when there are any."""
    return load_references(references) if references else load_default_catalogue()


def _cmd_build(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.build_report import print_build_report

    out = args.out or settings.default_bank()
    if args.if_stale and args.seeds is None:
        reason = stale_because(out, settings, args.seed)
        if reason is None:
            console.print(
                f"{out} is up to date (built from these seeds, references, decisions and code)"
            )
            return EXIT_OK
        console.print(f"building {out}: {reason}")
    # Taken before the build: an input changed during it makes the next start build again.
    built_from = _build_inputs(settings, args.seeds or settings.seeds_dir, args.seed)
    result = build_bank(
        args.seeds or settings.seeds_dir,
        args.seed,
        decisions=settings.decisions_file(),
        references=settings.references,
    )
    if not result.build.items:
        # An empty or all-bad seeds folder must never wipe out a bank that works.
        read, skipped = len(result.corpus.documents), len(result.corpus.problems)
        kept = f"{out} kept as it was" if out.exists() else "nothing written"
        return _fail(
            f"the build produced no items ({read} documents read, {skipped} skipped); {kept}"
        )
    keep_imported_packs(out, settings, console)
    with exclusive(out):
        save_bank(result.build.items, out)
        save_inputs(out, built_from)
    print_build_report(console, result, out)
    return EXIT_SKIPPED if result.corpus.problems else EXIT_OK


def _cmd_facts(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.fact_report import print_fact_table, write_fact_lines, write_facts_json
    from questions.pipeline import AssessmentStream

    if args.facts_action is not None:
        return _cmd_decide(args, settings, console)
    decisions = load_decisions(args.decisions or settings.decisions_file())
    catalogue = _catalogue(settings.references)
    stream = AssessmentStream(args.seeds or settings.seeds_dir, catalogue, decisions)

    def keep(item: Assessment) -> bool:
        return (args.verdict is None or item.verdict.value == args.verdict) and (
            args.document is None or item.claim.evidence.document == args.document
        )

    if args.json:
        summary = write_facts_json(sys.stdout, stream, keep)
    elif console.is_terminal:
        summary = print_fact_table(console, stream, keep)
    else:
        summary = write_fact_lines(sys.stdout, stream, keep)
    return EXIT_SKIPPED if summary.problems else EXIT_OK


def _cmd_decide(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """Record a moderator's approval or rejection of one claim, with the quote it rests on."""
    path = args.decisions or settings.decisions_file()
    result = build_bank(
        args.seeds or settings.seeds_dir, decisions=path, references=settings.references
    )
    claim = next((c for c in result.claims if c.id == args.claim), None)
    if claim is None:
        console.print(f"[red]No claim with id {args.claim!r}[/] (see `trivia facts`).")
        return EXIT_ERROR
    choice = Choice(args.facts_action)
    decision = Decision(claim.id, choice, args.by, utc_now(), args.why, claim.evidence.quote)
    record_decision(decision, path)
    console.print(
        f"{choice.value.rstrip('e')}ed {claim.id} ({claim.subject} {claim.relation.value} "
        f"{claim.value}) by {args.by}; saved to {path}"
    )
    return EXIT_OK


def load_items(bank: Path | None, settings: Settings, console: Console) -> tuple[TriviaItem, ...]:
    """Items from a bank file: the one given, else the built one while it is up to date.

    Without either, the bank is built from the seeds now (not written).
    """
    path = bank or settings.bank_path
    if path is not None:
        return load_bank(path)
    built = settings.default_bank()
    if stale_because(built, settings) is None:
        return load_bank(built)
    decisions = settings.decisions_file()
    result = build_bank(settings.seeds_dir, decisions=decisions, references=settings.references)
    for problem in result.corpus.problems:
        console.print(f"[yellow]skipped[/] {problem}")
    return result.build.items


def references_judge(paths: Sequence[Path]) -> Judge:
    """The judge, built with the aliases of the shipped references and the host's files.

    Raises:
        CatalogueError: a host's reference file is broken (its file and line named).
    """
    catalogue = load_references(paths) if paths else load_default_catalogue()
    return Judge.from_catalogue(catalogue)


def _cmd_play(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.terminal import TerminalGame

    if sys.stdin is None or sys.stdin.closed:
        return _fail("standard input is closed: `trivia play` reads your answers from it")
    items = with_packs(load_items(args.bank, settings, console), settings, console)
    judge = references_judge(settings.references)  # the host's titles and names too
    game = TerminalGame(
        settings.database_url, items, console, utc_now, random.Random(), judge=judge
    )
    return game.play(args.player, args.questions)


def _cmd_show(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.build_report import print_item

    bank = with_packs(load_items(args.bank, settings, console), settings, console)
    items = {item.id: item for item in bank}
    item = items.get(args.id)
    if item is None:
        console.print(f"[red]No item with id {args.id!r}[/] (the bank has {len(items)} items).")
        return EXIT_ERROR
    print_item(console, item)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    items = load_bank(args.file)
    console.print(f"{args.file}: valid bank with {len(items)} items.")
    return EXIT_OK


def with_packs(
    items: Sequence[TriviaItem], settings: Settings, console: Console
) -> tuple[TriviaItem, ...]:
    """The bank with the operator's packs merged in (packs a server imported stay its own)."""
    from questions.packs import PackStore, merged

    packs, problems = PackStore(settings.packs_folder()).load_all()
    everything, clashes = merged(items, (p for p in packs if p.guild_id is None))
    for problem in (*problems, *clashes):
        console.print(f"[yellow]pack left out[/]: {problem}", markup=True)
    return everything


def keep_imported_packs(bank: Path, settings: Settings, console: Console) -> None:
    """Before a bank is replaced, move the packs an older version imported into it."""
    from questions.packs import PackStore, packs_in_bank

    try:
        old = load_bank(bank) if bank.is_file() else ()
    except QuestionGenError:
        return  # an unreadable bank holds nothing we could keep
    store = PackStore(settings.packs_folder())
    for pack in packs_in_bank(old):
        where = store.path_of(pack.name)
        if not where.exists():
            store.save(pack)
            console.print(f"kept {len(pack.items)} imported items of {bank} in {where}")
            continue
        # A pack of that name was imported since: it stays as it is, and the old bank's
        # items it lacks are kept as a pack of their own (disabled in every server).
        try:
            kept = {item.id for item in store.load(where).items}
        except QuestionGenError:
            kept = set()
        lost = tuple(item for item in pack.items if item.id not in kept)
        if lost:
            apart = _free_pack_name(store, f"{pack.name}-old")
            store.save(dataclasses.replace(pack, name=apart, items=lost))
            console.print(
                f"kept {len(lost)} imported items of {bank} that {where} does not hold "
                f"(pack {pack.name!r} was imported again since) as pack {apart!r} in "
                f"{store.path_of(apart)}"
            )


def _free_pack_name(store: PackStore, wanted: str) -> str:
    from questions.packs.models import MAX_NAME

    name, number = wanted[:MAX_NAME], 2
    while store.path_of(name).exists():
        suffix = f"-{number}"
        name, number = wanted[: MAX_NAME - len(suffix)] + suffix, number + 1
    return name


def _cmd_pack_import(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from questions.packs import PackStore, read_pack
    from questions.packs.report import import_report

    pack = read_pack(args.file, args.format, args.name)
    for line in import_report(pack):
        console.print(line, markup=False)
    if args.check:
        console.print("nothing written (--check)")
        return EXIT_OK
    store = PackStore(settings.packs_folder())
    replaced = store.save(pack)
    again = " (replacing the earlier one)" if replaced else ""
    console.print(f"saved to {store.path_of(pack.name)}{again}")
    return EXIT_OK


def _cmd_pack_list(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from questions.packs import PackStore

    folder = settings.packs_folder()
    packs, problems = PackStore(folder).load_all()
    for pack in packs:
        owner = "every server" if pack.guild_id is None else f"server {pack.guild_id}"
        about = f": {pack.description}" if pack.description else ""
        console.print(f"{pack.name} ({pack.format}, {len(pack.items)} questions, {owner}){about}")
    for problem in problems:
        console.print(f"[yellow]left out[/]: {problem}", markup=True)
    if not packs:
        console.print(f"no packs in {folder} (add one with `trivia pack import FILE`)")
    return EXIT_OK


def _cmd_pack_remove(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from questions.packs import PackStore

    store = PackStore(settings.packs_folder())
    path = store.path_of(args.name, args.guild)
    if not path.is_file():
        return _fail(f"no pack {args.name!r} in {path.parent} (see `trivia pack list`)")
    if not args.yes:
        return _fail(f"this deletes {path}; run again with --yes to remove it")
    store.remove(args.name, args.guild)
    console.print(f"removed {path}")
    return EXIT_OK


def _cmd_pack_export(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from questions.packs import save_red

    items = load_bank(args.bank)
    save_red(items, args.out, args.author)
    console.print(f"{len(items)} items written to {args.out} (Red-DiscordBot trivia list)")
    return EXIT_OK


def _add_pack_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pack = commands.add_parser("pack", help="import, list or export community question packs")
    actions = pack.add_subparsers(dest="pack_action", required=True, metavar="ACTION")
    importing = actions.add_parser("import", help="read a pack into the packs folder")
    importing.add_argument("file", type=Path, help="pack file (.yaml Red list, .json OpenTDB)")
    importing.add_argument("--format", choices=("red", "opentdb"), help="default: by extension")
    importing.add_argument("--name", type=_text(MAX_NAME), help="default: the file's name")
    importing.add_argument("--check", action="store_true", help="only report; write nothing")
    importing.set_defaults(handler=_cmd_pack_import)
    listing = actions.add_parser("list", help="the packs in the packs folder")
    listing.set_defaults(handler=_cmd_pack_list)
    removing = actions.add_parser("remove", help="delete a pack from the packs folder")
    removing.add_argument("name", help="pack name, as `trivia pack list` prints it")
    removing.add_argument(
        "--guild", type=_bounded(1, MAX_SNOWFLAKE), help="a pack that server imported"
    )
    removing.add_argument("--yes", action="store_true", help="remove without asking")
    removing.set_defaults(handler=_cmd_pack_remove)
    exporting = actions.add_parser("export", help="write a bank as a Red-DiscordBot trivia list")
    exporting.add_argument("bank", type=Path, help="bank file to export")
    exporting.add_argument("--format", choices=("red",), default="red", help="pack format")
    exporting.add_argument("--out", type=_file_path, required=True, help="trivia list to write")
    exporting.add_argument("--author", help="AUTHOR line of the list")
    exporting.set_defaults(handler=_cmd_pack_export)


def _cmd_leaderboard(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.game.models import TERMINAL_GUILD, GuildId, Period
    from bot.scores import leaderboard_title, open_records, print_leaderboard

    guild = None if args.everywhere else GuildId(args.guild or TERMINAL_GUILD)
    period = Period(args.period)

    async def run() -> None:
        async with open_records(settings.database_url, utc_now) as records:
            standings = await records.leaderboard(guild, period, args.limit)
        print_leaderboard(console, leaderboard_title(guild, period), standings)

    asyncio.run(run())
    return EXIT_OK


def _cmd_stats(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.scores import discord_player, open_records, print_stats, terminal_player

    player = discord_player(args.discord) if args.discord else terminal_player(args.player or "")

    async def run() -> bool:
        async with open_records(settings.database_url, utc_now) as records:
            stats = await records.player_stats(player)
        if stats is not None:
            print_stats(console, stats)
        return stats is not None

    if not asyncio.run(run()):
        return _fail(f"no games recorded for {player.name!r}")
    return EXIT_OK


def _cmd_season(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.scores import describe_season, open_records

    name = " ".join((args.name or "").split())
    if args.season_action == "start" and not 0 < len(name) <= MAX_SEASON_NAME:
        return _fail(f"a season needs a name of 1 to {MAX_SEASON_NAME} characters")

    async def run() -> str:
        async with open_records(settings.database_url, utc_now) as records:
            if args.season_action == "start":
                season = await records.start_season(name)
                return f"Season {season.name!r} started; seasonal leaderboards count from now."
            return describe_season(await records.current_season())

    console.print(asyncio.run(run()))
    return EXIT_OK


def _cmd_db(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.storage import db

    if args.action == "downgrade" and args.revision is None:
        console.print(
            "[red]error:[/] say which revision to go down to: `trivia db downgrade -1` reverts "
            "the last migration, `trivia db downgrade base` drops every table and its data"
        )
        return EXIT_USAGE

    async def plan() -> DowngradePlan:
        engine = db.create_engine(settings.database_url)
        try:
            return await db.downgrade_plan(engine, args.revision)
        finally:
            await engine.dispose()

    if args.action == "downgrade":
        steps = asyncio.run(plan())
        if steps.migrations and not _confirm(console, _describe_downgrade(steps), args.yes):
            return _fail("not confirmed; nothing was changed")

    async def run() -> str | None:
        engine = db.create_engine(settings.database_url)
        try:
            if args.action == "upgrade":
                await db.upgrade(engine, args.revision or "head")
            elif args.action == "downgrade":
                await db.downgrade(engine, args.revision)
            return await db.current_revision(engine)
        finally:
            await engine.dispose()

    revision = asyncio.run(run())
    console.print(f"database at revision {revision or 'base (empty)'}")
    return EXIT_OK


def _add_db_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    database = commands.add_parser("db", help="database migrations and repairs")
    actions = database.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrading = actions.add_parser("upgrade", help="apply migrations (default: up to the newest)")
    upgrading.add_argument("revision", nargs="?", help="target revision (default: head)")
    downgrading = actions.add_parser("downgrade", help="revert migrations, asking first")
    downgrading.add_argument(
        "revision", nargs="?", help="target revision (required, e.g. -1 or base)"
    )
    downgrading.add_argument("--yes", action="store_true", help="downgrade without asking")
    current = actions.add_parser("current", help="the revision the database is at")
    for parser in (upgrading, downgrading, current):
        parser.set_defaults(handler=_cmd_db, revision=None, yes=False)
    exporting = actions.add_parser(
        "export-unreadable-nights",
        help="write the night snapshots migration 0016 could not read to a file, then delete "
        "them from the database (asking first)",
    )
    exporting.add_argument("path", type=_file_path, help="JSON lines file to write")
    exporting.add_argument("--yes", action="store_true", help="delete them without asking")
    exporting.add_argument(
        "--overwrite", action="store_true", help="replace PATH if it exists already"
    )
    exporting.set_defaults(handler=_cmd_export_unreadable_nights)
    recounting = actions.add_parser(
        "recount-records",
        help="count every player's kept leaderboard record (answers, right answers, "
        "streaks) again from their answers",
    )
    recounting.set_defaults(handler=_cmd_recount_records)


def _cmd_recount_records(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """Count the kept records (``board_records``) again from the answers, guild by guild.

    A repair for a table that drifted from the answers; it rewrites derived data only, so
    it asks nothing. The bot may run meanwhile (each guild's rows are locked in turn).
    """
    from bot.storage import db
    from bot.storage.sql import SqlRepository
    from bot.storage.sql.kept_records import Recounted

    async def run() -> tuple[str | None, tuple[int, Recounted] | None]:
        engine = db.create_engine(settings.database_url)
        try:
            current = await db.current_revision(engine)
            if current != db.head_revision():
                return current, None
            repository = SqlRepository(db.session_factory(engine))
            try:
                return current, await repository.recount_records()
            finally:
                await repository.drain()
        finally:
            await engine.dispose()

    current, result = asyncio.run(run())
    if result is None:
        at = current or "base (empty)"
        return _fail(
            f"the database is at revision {at}, not {db.head_revision()}: run `trivia db upgrade` "
            "(it counts the records)"
        )
    guilds, done = result
    console.print(
        f"counted {done.kept} kept record{'s' * (done.kept != 1)} again from the answers in "
        f"{guilds} guild{'s' * (guilds != 1)}: {done.changed} corrected or added, "
        f"{done.removed} removed",
        markup=False,
    )
    return EXIT_OK


def _cmd_export_unreadable_nights(
    args: argparse.Namespace, settings: Settings, console: Console
) -> int:
    """Write every quarantined night snapshot to a file, then delete them once confirmed."""
    import json

    from bot.storage import db
    from bot.storage.sql.unreadable_nights import (
        QUARANTINE,
        UnreadableNight,
        delete_unreadable_nights,
        unreadable_nights,
    )
    from questions.files import write_atomically

    path: Path = args.path

    async def read() -> tuple[UnreadableNight, ...] | None:
        engine = db.create_engine(settings.database_url)
        try:
            return await unreadable_nights(engine)
        finally:
            await engine.dispose()

    nights = asyncio.run(read())
    if nights is None:
        return _fail(
            f"nothing to export: the database has no {QUARANTINE} table (it exists from "
            "revision 0016 up to 0018; see `trivia db current`)"
        )
    if not nights:
        return _fail(f"nothing to export: {QUARANTINE} holds no snapshot; nothing written")
    lines = (
        json.dumps({"night_id": n.night_id, "snapshot": n.snapshot}, ensure_ascii=False)
        for n in nights
    )
    text = "".join(f"{line}\n" for line in lines)
    # a file that already holds exactly these (a first run that was not confirmed) is kept
    same = path.is_file() and path.read_text(encoding="utf-8") == text
    if path.exists() and not same and not args.overwrite:
        return _fail(
            f"{escape(str(path))}: already exists; not overwritten (give --overwrite to replace it)"
        )
    if not same:
        write_atomically(text, path)
    count = len(nights)
    snapshots = f"{count} unreadable night snapshot{'s' * (count != 1)}"
    ids = ", ".join(str(n.night_id) for n in nights)
    console.print(f"wrote {snapshots} (nights {ids}) to {path.resolve()}", markup=False)
    question = f"This deletes the {snapshots} from the database ({QUARANTINE}); {path} keeps them."
    if not _confirm(console, question, args.yes):
        return _fail(f"not confirmed; the {snapshots} stay in the database as well")

    async def delete() -> int:
        engine = db.create_engine(settings.database_url)
        try:
            return await delete_unreadable_nights(engine, nights)
        finally:
            await engine.dispose()

    deleted = asyncio.run(delete())
    if deleted != count:
        return _fail(
            f"deleted {deleted} of the {snapshots}: the others changed since they were "
            f"read and stay in the database; run the command again with another PATH"
        )
    console.print(
        f"deleted the {snapshots} from the database; `trivia db upgrade` can now drop {QUARANTINE}",
        markup=False,
    )
    return EXIT_OK


def _describe_downgrade(plan: DowngradePlan) -> str:
    """What a downgrade removes, in words, for the confirmation."""
    count = len(plan.migrations)
    lines = [
        f"Downgrading from {plan.current} to {plan.target} reverts {count} "
        f"migration{'s' * (count != 1)}: {'; '.join(plan.migrations)}."
    ]
    if plan.target == "base":
        tables = ", ".join(t for t in plan.tables if t != "alembic_version")
        lines.append(f"Every table is dropped with all its data: {tables}.")
    else:
        lines.append("The tables and columns they added are dropped with their data.")
    return "\n".join(lines)


def _confirm(console: Console, what: str, yes: bool) -> bool:
    """Say what will be removed; go ahead with ``--yes``, else ask on a terminal.

    Without a terminal to ask on (a script, a container), nothing is removed unless the
    command was given ``--yes``.
    """
    console.print(what, markup=False)
    if yes:
        return True
    if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
        console.print("Run again with --yes to go ahead.")
        return False
    try:
        return input("Type 'yes' to go ahead: ").strip().casefold() == "yes"
    except EOFError:
        return False


def _cmd_health(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.health import gateway_problem, read_gateway
    from bot.storage import db

    async def revision() -> str | None:
        engine = db.create_engine(settings.database_url)
        try:
            return await db.current_revision(engine)
        finally:
            await engine.dispose()

    current, head = asyncio.run(revision()), db.head_revision()
    if current != head:
        at = current or "base (empty)"
        return _fail(f"the database is at revision {at}, not {head}: run `trivia db upgrade`")
    path = settings.health_file()
    state = read_gateway(path)
    problem = gateway_problem(state, utc_now(), path)
    if problem is not None or state is None:
        return _fail(problem or "no gateway state")
    console.print(f"healthy: database at revision {current}; gateway connected ({state.detail})")
    return EXIT_OK


def _cmd_run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    import discord

    from bot.app import run_bot
    from bot.moderation.facts import FactLedger, pending_facts

    items = load_items(args.bank, settings, console)
    judge = references_judge(settings.references)  # the host's titles and names too
    # Claims the pipeline leaves unverified wait in the review queue; decisions go to the file.
    decisions = settings.decisions_file()
    try:
        result = build_bank(settings.seeds_dir, decisions=decisions, references=settings.references)
        facts = pending_facts(result.assessments, utc_now())
    except QuestionGenError as exc:
        console.print(f"[yellow]no facts to review[/]: {exc}")
        facts = ()
    try:
        reviewers = settings.fact_review_guilds or ()
        if facts and not reviewers:
            console.print(
                f"{len(facts)} facts wait for a decision: `trivia facts approve|reject`, or "
                "name the servers that review them in TRIVIA_FACT_REVIEW_GUILDS"
            )
        ledger = FactLedger(facts, decisions, reviewers)
        asyncio.run(run_bot(settings, items, utc_now, ledger, judge=judge))
    except KeyboardInterrupt:
        return EXIT_OK  # asyncio.run already closed the bot, ending every game cleanly
    except discord.PrivilegedIntentsRequired:
        return _fail(
            "Discord refused the message content intent: enable it for the application in "
            "the developer portal, or unset TRIVIA_MESSAGE_CONTENT_INTENT."
        )
    except discord.LoginFailure as exc:
        return _fail(f"cannot log in to Discord: {_login_problem(exc)}")
    except (discord.GatewayNotFound, discord.HTTPException, OSError) as exc:
        return _fail(f"cannot reach Discord: {exc}")
    return EXIT_OK


def _cmd_web(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from bot.web.links import host_links
    from bot.web.serve import WebOptions, check_schema, serve
    from bot.web.site import FactReport

    asyncio.run(check_schema(settings.database_url))  # before the slow loading
    items = with_packs(load_items(args.bank, settings, console), settings, console)
    try:
        result = build_bank(
            settings.seeds_dir, decisions=settings.decisions_file(), references=settings.references
        )
        facts = FactReport(result.assessments, result)
    except QuestionGenError as exc:
        console.print(f"[yellow]no fact report[/]: {exc}")
        facts = None
    links = host_links(settings, utc_now)
    if links is None:
        console.print("host links are off: set TRIVIA_WEB_SECRET to hand them out")
    host, port = args.host or settings.web_host, args.port or settings.web_port
    options = WebOptions(host, port, items, facts, links)
    console.print(f"serving the pages on http://{host}:{port} (Ctrl-C stops)", markup=False)
    asyncio.run(serve(settings.database_url, options, utc_now))
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    import discord

    from bot.app import sync_commands

    items = load_items(args.bank, settings, console)
    try:
        count = asyncio.run(sync_commands(settings, items, utc_now))
    except discord.LoginFailure as exc:
        return _fail(f"cannot log in to Discord: {_login_problem(exc)}")
    except (discord.HTTPException, OSError) as exc:
        return _fail(f"cannot reach Discord: {exc}")
    where = f"guild {settings.dev_guild_id}" if settings.dev_guild_id else "every guild (global)"
    console.print(f"registered {count} commands for {where}")
    return EXIT_OK


def _fail(message: str) -> int:
    """Print a one-line error to standard error; returns the error exit status."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[red]error:[/] {message}")
    return EXIT_ERROR


def _login_problem(exc: Exception) -> str:
    message = str(exc)
    if "Improper token" in message:
        return "Discord rejected the token; check TRIVIA_DISCORD_TOKEN."
    return message


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="trivia", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        help="log level (default from TRIVIA_LOG_LEVEL)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the question bank from the seeds")
    build.add_argument("--seeds", type=Path, help="folder of documents (default: seeds/)")
    build.add_argument("--out", type=_file_path, help="bank file to write")
    build.add_argument("--seed", type=int, default=DEFAULT_BUILD_SEED, help="random seed")
    build.add_argument(
        "--if-stale",
        action="store_true",
        help="only when the bank is missing or older than the seeds, references or decisions",
    )
    build.set_defaults(handler=_cmd_build)

    facts = commands.add_parser(
        "facts",
        help="report every claim with its verdict",
        description=FACTS_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    facts.add_argument("--seeds", type=Path, help="folder of documents (default: seeds/)")
    facts.add_argument(
        "--json",
        action="store_true",
        help="print one JSON document instead (written claim by claim)",
    )
    facts.add_argument("--verdict", choices=[v.value for v in Verdict])
    facts.add_argument("--document", help="only claims from this document id")
    facts.add_argument("--decisions", type=Path, help="moderator decisions file (YAML)")
    facts.set_defaults(handler=_cmd_facts, facts_action=None)
    decide = facts.add_subparsers(dest="facts_action", metavar="ACTION")
    for action in ("approve", "reject"):
        moderation = decide.add_parser(action, help=f"{action} a claim as a moderator")
        moderation.add_argument("claim", help="claim id, as printed by `trivia facts`")
        moderation.add_argument("--by", required=True, type=_text(MAX_NAME), help="moderator")
        moderation.add_argument(
            "--why", required=True, type=_text(MAX_REASON), help="reason for the decision"
        )

    play = commands.add_parser("play", help="play a quiz in the terminal")
    play.add_argument(
        "--questions", type=_bounded(1, MAX_QUESTIONS), default=5, help="number of questions"
    )
    play.add_argument("--player", type=_text(MAX_NAME), default=_default_player(), help="name")
    play.add_argument("--bank", type=Path, help="bank file (default: build from seeds/)")
    play.set_defaults(handler=_cmd_play)

    show = commands.add_parser("show", help="print one item with its evidence")
    show.add_argument("id", help='item id, as written in the bank file ("id": …)')
    show.add_argument("--bank", type=Path, help="bank file (default: build from seeds/)")
    show.set_defaults(handler=_cmd_show)

    validate = commands.add_parser("validate", help="check a bank file")
    validate.add_argument("file", type=Path)
    validate.set_defaults(handler=_cmd_validate)
    _add_pack_commands(commands)
    add_reference_commands(commands)

    board = commands.add_parser("leaderboard", help="best players, from the score database")
    where = board.add_mutually_exclusive_group()
    where.add_argument(
        "--guild", type=_bounded(1, MAX_SNOWFLAKE), help="Discord server id (default: terminal)"
    )
    where.add_argument("--everywhere", action="store_true", help="every server together")
    board.add_argument("--period", choices=("week", "month", "season", "all"), default="all")
    board.add_argument("--limit", type=_bounded(1, MAX_ROWS), default=10, help="rows (default 10)")
    board.set_defaults(handler=_cmd_leaderboard)

    stats = commands.add_parser("stats", help="a player's games, wins, accuracy and streak")
    who = stats.add_mutually_exclusive_group()
    who.add_argument(
        "player", nargs="?", type=_text(MAX_NAME), default=_default_player(), help="player"
    )
    who.add_argument(
        "--discord", type=_bounded(1, MAX_SNOWFLAKE), metavar="USER_ID", help="a member's id"
    )
    stats.set_defaults(handler=_cmd_stats)

    season = commands.add_parser("season", help="show the current season, or start one")
    season.set_defaults(handler=_cmd_season, season_action=None, name=None)
    season_actions = season.add_subparsers(dest="season_action", metavar="ACTION")
    start = season_actions.add_parser("start", help="start a new season now (every server)")
    start.add_argument("name", help="the season's name, e.g. 'Spring 2027'")

    _add_db_commands(commands)

    run = commands.add_parser("run", help="run the Discord bot")
    run.add_argument("--bank", type=Path, help="bank file (default: build from seeds/)")
    run.set_defaults(handler=_cmd_run)

    health = commands.add_parser(
        "health", help="check the database and the running bot's gateway connection"
    )
    health.set_defaults(handler=_cmd_health)

    web = commands.add_parser("web", help="serve the read-only web pages of the servers")
    web.add_argument("--host", help="address to listen on (default from TRIVIA_WEB_HOST)")
    web.add_argument(
        "--port", type=_bounded(1, 65535), help="port to listen on (default TRIVIA_WEB_PORT)"
    )
    web.add_argument("--bank", type=Path, help="bank file (default: build from seeds/)")
    web.set_defaults(handler=_cmd_web)

    sync = commands.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--bank", type=Path, help="bank file (default: build from seeds/)")
    sync.set_defaults(handler=_cmd_sync)
    return parser


def _bounded(low: int, high: int) -> Callable[[str], int]:
    """An argument type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"give a whole number from {low} to {high}")
        return value

    return parse


def _text(limit: int) -> Callable[[str], str]:
    """An argument type: text that is not blank, spaces tidied, at most ``limit`` characters."""

    def parse(text: str) -> str:
        tidy = " ".join(text.split())
        if not tidy:
            raise argparse.ArgumentTypeError("must not be blank")
        if len(tidy) > limit:
            raise argparse.ArgumentTypeError(f"at most {limit} characters")
        return tidy

    return parse


def _file_path(text: str) -> Path:
    """An argument type: a file to write, which must not be an existing folder."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give a file name")
    return path


def _default_player() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "player"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``trivia`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # soft_wrap: long quotes and paths stay on one line when output is piped or captured.
    console = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        settings = Settings()
    except ValidationError as exc:
        problem = exc.errors()[0]
        name = f"TRIVIA_{str(problem['loc'][0]).upper()}: " if problem["loc"] else ""
        err.print(f"[red]error:[/] invalid configuration: {name}{problem['msg']}")
        return EXIT_ERROR
    log.configure(args.log_level or settings.log_level)
    handler: Handler = args.handler
    try:
        return handler(args, settings, console)
    except KeyboardInterrupt:
        err.print("interrupted (Ctrl-C); every file is written whole or not at all")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # "trivia facts | head": the reader has what it wanted; nothing more to write to it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except (QuestionGenError, GameError, StorageError) as exc:
        message = str(exc)
    except Exception as exc:  # the one place that turns failures into one line
        explained = explain_failure(exc, settings.database_url)
        if explained is None:
            raise
        message = explained
    err.print(f"[red]error:[/] {escape(mask_secrets(message, settings))}")
    return EXIT_ERROR


def explain_failure(exc: Exception, database_url: str) -> str | None:
    """One line for a storage or file-system failure, or None for a bug (which is raised).

    Database errors are explained by :mod:`bot.storage.db` (imported only then); an
    ``OSError`` names its file and the system's reason ("No space left on device").
    """
    if type(exc).__module__.startswith("sqlalchemy"):
        from bot.storage.db import explain_failure as explain_database

        return explain_database(exc, database_url)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to be read"
    return None


def mask_secrets(message: str, settings: Settings) -> str:
    """``message`` with the database password and the Discord token replaced by ``***``."""
    from bot.storage.db import mask_password

    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    masked = mask_password(message, settings.database_url)
    return masked.replace(token, "***") if token else masked


if __name__ == "__main__":
    sys.exit(main())
