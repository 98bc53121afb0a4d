"""Thousands of concurrent games in one process: answers/s, CPU, event-loop lag, memory.

Plays SESSIONS channels of PLAYERS simulated players through the real ``GameService``,
``Judge`` (whole reference catalogue) and ``SqlRepository``, on a SQLite file and on a
throwaway PostgreSQL database (created on the server, dropped afterwards), in two patterns:

* **sequential** (race mode, two questions a game): every game runs at once; within a game
  the players answer one after another, each awaiting the reply before the next answers.
  Closed loop, as fast as the process goes: its answers/s is the capacity of this pattern.
  Once a race is won the later answers are refused unjudged and not counted.
* **burst** (quiz mode, one question a game): each game opens its question at its own
  moment, uniformly spread over a cycle of SESSIONS x PLAYERS / RATE seconds, so the
  process is offered RATE answers a second (default 2,000); all PLAYERS answers of a
  question then arrive at independent uniform random instants within 200 ms of its opening,
  each as a task of its own, as Discord interactions do. The question closes (crediting the
  right answers) once every answer was replied to, and the game ends. Open loop: the
  answers/s printed is what was achieved (answers over the time from the first click to
  the last reply); whether the process kept up shows in the answer latency (click to
  reply, the reply given only after the answer's transaction committed).

Every phase is printed **cold** and **warm**. Cold: a new database, a judge with empty
caches (its per-question tables and the judging module's memoized functions cleared),
guilds whose settings and asked questions were never read, players never seen. Warm: the
same guilds, channels and players play again in new games right after, caches as the cold
phase left them (the questions differ: each guild is asked new ones).

Answers are about 15% right (as typed, lower-cased, with filler), the rest distinct wrong
messages: typos of the right answer (some the judge accepts or calls near), other names
and titles of the catalogue with and without typos, and chatter; the share of distinct
texts and the verdicts are printed, so a judge cache cannot flatter the figures.

Printed per phase: answers judged and recorded, answers/s, the process's CPU time per
answer (every thread: on SQLite the writer thread's too; on PostgreSQL the server's work is
**not** counted, it runs in its own processes), event-loop lag (a probe sleeping 10 ms,
its overshoot) p50 / p99 / max during the timed phase, and for bursts the answer latency
p50 / p99 and the offered rate.

Memory per **active** session is measured apart (tracemalloc slows everything, so never
while timing): MEMORY_SESSIONS games each open a question and all their PLAYERS answers are
sent while the database's write lock is held by another connection, so every answer is in
flight (judged, queued for its transaction, its task waiting); the memory traced since
just before those games started, divided by their number, is printed. It counts the live
game state, the answers' tasks and coroutines, the writer's queue, the ids and judge
tables the games add to caches, and the answer texts; it leaves out the question bank, the
judge's catalogue and the code, which exist before (and the database server's memory).

The process is prepared as ``trivia run`` prepares it: once the bank and the judge are
loaded, :func:`bot.heap.settle` takes them out of the garbage collector's sight.

Left out everywhere: Discord (no gateway, no rendering of replies, no HTTP), the clock
ticks closing questions on time (games close themselves), hints and skips.

    python benchmarks/sessions_bench.py [--sessions 2000] [--players 20] [--rate 2000]
        [--db sqlite,postgresql] [--pattern sequential,burst] [--memory-sessions 500]
        [--postgres URL]
"""

# ruff: noqa: E501  (printed tables read better on one line)
from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gc
import importlib.util
import os
import random
import sqlite3
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url
from throwaway import postgres_database, sqlite_file

from bot.game import judging, normalising
from bot.game.judging import Judge
from bot.game.models import ChannelId, GuildId, Mode, PlayerRef, SessionConfig
from bot.game.service import GameService
from bot.storage import db
from bot.storage.sql import SqlRepository
from questions.models import TriviaItem
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
PROBE_SECONDS = 0.01
BURST_SECONDS = 0.2
GUILDS = 100
RIGHT_SHARE = 0.15

CHATTER = (
    "no idea",
    "lol",
    "pass",
    "?",
    "hmm",
    "idk",
    "skip",
    "wait what",
    "ugh",
    "next",
    "this one is hard",
    "no clue tbh",
    "brb",
    "ok",
    "gg",
    "😂",
    "🤔",
    "what year was that",
    "who even knows",
    "my cat knows this",
    "too fast",
    "again??",
    "nooo",
)
HEDGES = (
    "is it {}",
    "{}?",
    "{} lol",
    "pretty sure {}",
    "i think {}",
    "{}!!",
    "maybe {}",
    "def {}",
    "{} or not",
    "um {}",
)
KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


# --- messages -----------------------------------------------------------------------------


def typo(text: str, rng: random.Random) -> str:
    """One edit a hurried player makes: a letter dropped, doubled, swapped or mistyped."""
    if len(text) < 3:
        return text + rng.choice(KEYBOARD)
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    if kind == 2:
        return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + rng.choice(KEYBOARD) + text[i + 1 :]


def message(item: TriviaItem, names: Sequence[str], rng: random.Random) -> str:
    """A player's message on ``item``: right about RIGHT_SHARE of the time, else wrong."""
    right = item.answers[0]
    roll = rng.random()
    if roll < RIGHT_SHARE:
        return rng.choice((right, right.lower(), rng.choice(HEDGES).format(right)))
    if roll < 0.35:  # hurried typing of the right answer, once or twice
        text = typo(right, rng)
        return typo(text, rng) if rng.random() < 0.5 else text
    if roll < 0.8:  # another name or title, as typed, misspelt or hedged
        other = rng.choice(names)
        other = typo(other, rng) if rng.random() < 0.7 else other
        return rng.choice(HEDGES).format(other) if rng.random() < 0.4 else other
    chat = " ".join(rng.sample(CHATTER, rng.randint(1, 3)))
    return typo(chat, rng) if rng.random() < 0.5 else chat


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Phase:
    """What one timed phase measured."""

    answers: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    lags: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    verdicts: Counter[str] = field(default_factory=Counter)
    offered: float = 0.0
    last_reply: float = 0.0

    def row(self) -> dict[str, float]:
        """The printed figures."""
        lags = sorted(self.lags) or [0.0]
        lat = sorted(self.latencies) or [0.0]
        return {
            "answers": self.answers,
            "answers/s": self.answers / self.seconds if self.seconds else 0.0,
            "CPU us/answer": self.cpu / max(self.answers, 1) * 1e6,
            "lag p50 ms": statistics.median(lags),
            "lag p99 ms": lags[min(len(lags) - 1, int(len(lags) * 0.99))],
            "lag max ms": lags[-1],
            "latency p50 ms": statistics.median(lat) * 1000,
            "latency p99 ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000,
            "distinct %": 100 * len(set(self.texts)) / max(len(self.texts), 1),
            "right/near %": 100
            * (self.verdicts["right"] + self.verdicts["near"])
            / max(sum(self.verdicts.values()), 1),
        }


async def probe(lags: list[float], stop: asyncio.Event) -> None:
    """Record how late a 10 ms sleep wakes up: the event loop's lag."""
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(PROBE_SECONDS)
        lags.append((time.perf_counter() - started - PROBE_SECONDS) * 1000)


@contextlib.asynccontextmanager
async def timed(phase: Phase) -> AsyncIterator[None]:
    """Time the block: wall clock, the process's CPU time, the loop lag."""
    gc.collect()
    stop = asyncio.Event()
    prober = asyncio.create_task(probe(phase.lags, stop))
    started, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        phase.cpu = time.process_time() - cpu
        if not phase.seconds:
            phase.seconds = time.perf_counter() - started
        stop.set()
        await prober


def forget_judging() -> None:
    """Empty the judging module's memoized functions (a fresh process's judge)."""
    for module in (judging, normalising):
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


# --- the world ------------------------------------------------------------------------------


@dataclass
class World:
    """What every phase shares: the bank and the names wrong answers are drawn from."""

    items: list[TriviaItem]
    names: list[str]

    def service(self, repository: SqlRepository) -> GameService:
        """A game service with a new judge, as a fresh process would have."""
        forget_judging()
        return GameService(
            self.items,
            lambda: datetime.now(UTC),
            random.Random(0),
            sessions=repository,
            rounds=repository,
            settings=repository,
            review=repository,
            unfinished=repository,
            judge=Judge.from_catalogue(load_default_catalogue()),
        )


def settle_heap() -> None:
    """What ``trivia run`` does once loaded (:func:`bot.heap.settle`; older code had none)."""
    if importlib.util.find_spec("bot.heap") is not None:
        importlib.import_module("bot.heap").settle()


def player(channel: int, n: int) -> PlayerRef:
    """The n-th player of a channel."""
    return PlayerRef("discord", f"{channel}-{n}", f"Player {n}")


def note(phase: Phase, text: str, result: Any) -> None:
    """Count a judged answer and its verdict."""
    judgement = result.judgement
    if judgement is None:
        return
    phase.answers += 1
    phase.texts.append(text)
    phase.verdicts["right" if judgement.accepted else "near" if judgement.close else "wrong"] += 1


# --- the two patterns --------------------------------------------------------------------------


async def sequential_game(
    service: GameService, world: World, channel: int, players: int, phase: Phase, rng: random.Random
) -> None:
    """A race of two questions whose players answer one after another."""
    await service.start(GuildId(channel % GUILDS), ChannelId(channel), SessionConfig(Mode.RACE, 2))
    for q in range(2):
        asked = await service.ask(ChannelId(channel))
        for n in range(players):
            text = message(asked.item, world.names, rng)
            result = await service.answer(
                ChannelId(channel), player(channel, n), text, f"{channel}:{q}:{n}:{rng.random()}"
            )
            note(phase, text, result)
        await service.close(ChannelId(channel))
    await service.finish(ChannelId(channel))


async def burst_answer(
    service: GameService, channel: int, who: PlayerRef, text: str, key: str, at: float, phase: Phase
) -> None:
    """One player's click at ``at`` (perf_counter), replied to once it is durable."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    clicked = time.perf_counter()
    result = await service.answer(ChannelId(channel), who, text, key)
    phase.last_reply = time.perf_counter()
    phase.latencies.append(phase.last_reply - clicked)
    note(phase, text, result)


async def burst_game(
    service: GameService,
    world: World,
    channel: int,
    players: int,
    opens_at: float,
    phase: Phase,
    rng: random.Random,
) -> None:
    """A quiz question opened at ``opens_at``; every player answers within 200 ms of it."""
    await asyncio.sleep(max(0.0, opens_at - time.perf_counter()))
    await service.start(GuildId(channel % GUILDS), ChannelId(channel), SessionConfig(Mode.QUIZ, 1))
    asked = await service.ask(ChannelId(channel))
    opened = time.perf_counter()
    clicks = [
        burst_answer(
            service,
            channel,
            player(channel, n),
            message(asked.item, world.names, rng),
            f"{channel}:{n}:{rng.random()}",
            opened + rng.uniform(0, BURST_SECONDS),
            phase,
        )
        for n in range(players)
    ]
    await asyncio.gather(*clicks)
    await service.close(ChannelId(channel))
    await service.finish(ChannelId(channel))


async def run_sequential(
    service: GameService, world: World, sessions: int, players: int, seed: int
) -> Phase:
    """Every game at once, players in turn."""
    phase = Phase()
    async with timed(phase):
        await asyncio.gather(
            *(
                sequential_game(
                    service, world, c, players, phase, random.Random(seed * 100_003 + c)
                )
                for c in range(1, sessions + 1)
            )
        )
    return phase


async def run_burst(
    service: GameService, world: World, sessions: int, players: int, rate: float, seed: int
) -> Phase:
    """Every game's question at its own moment of the cycle, its answers within 200 ms."""
    phase = Phase(offered=rate)
    cycle = sessions * players / rate
    rng = random.Random(seed)
    async with timed(phase):
        start = time.perf_counter() + 0.05
        games = [
            burst_game(
                service,
                world,
                c,
                players,
                start + rng.uniform(0, cycle),
                phase,
                random.Random(seed * 100_003 + c),
            )
            for c in range(1, sessions + 1)
        ]
        await asyncio.gather(*games)
    phase.seconds = phase.last_reply - start  # the achieved rate: first click to last reply
    return phase


# --- memory -------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def write_lock(url: str) -> AsyncIterator[None]:
    """Hold the database's write lock from another connection, so answers stay in flight."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connection = sqlite3.connect(parsed.database or "", isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    connection = await asyncpg.connect(parsed.set(drivername="postgresql").render_as_string(False))
    transaction = connection.transaction()
    await transaction.start()
    await connection.execute("LOCK TABLE answers IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        await transaction.rollback()
        await connection.close()


async def active_memory(
    service: GameService, world: World, url: str, sessions: int, players: int, first_channel: int
) -> tuple[float, float]:
    """Bytes traced per game with a question open and all its answers in flight.

    Returns:
        All of them, and those of the callers' own tasks (:func:`callers_memory`).
    """
    rng = random.Random(7)
    channels = range(first_channel, first_channel + sessions)
    texts = {c: [f"{c}:{n}" for n in range(players)] for c in channels}  # replaced below
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for c in channels:
        await service.start(GuildId(c % GUILDS), ChannelId(c), SessionConfig(Mode.QUIZ, 1))
        asked = await service.ask(ChannelId(c))
        texts[c] = [message(asked.item, world.names, rng) for _ in range(players)]
    async with write_lock(url):
        tasks = [
            asyncio.create_task(
                service.answer(ChannelId(c), player(c, n), texts[c][n], f"m{c}:{n}")
            )
            for c in channels
            for n in range(players)
        ]
        for _ in range(20):
            await asyncio.sleep(0.05)
        in_flight = sum(not task.done() for task in tasks)
        gc.collect()
        used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for c in channels:
        await service.close(ChannelId(c))
        await service.finish(ChannelId(c))
    failed = sum(isinstance(result, BaseException) for result in results)
    if in_flight != len(tasks) or failed:
        print(f"    ({in_flight} of {len(tasks)} answers in flight, {failed} failed)")
    return used / sessions, await callers_memory(len(tasks)) / sessions


async def callers_memory(count: int) -> float:
    """Bytes traced for ``count`` tasks of the callers' own, each waiting for a reply.

    Every click is a task of the front end's (discord.py runs each interaction in one),
    whatever the answer path does: what such a task costs when it only waits is printed
    apart.
    """

    async def click(reply: asyncio.Future[None]) -> None:
        await reply

    reply: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(click(reply)) for _ in range(count)]
    await asyncio.sleep(0)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    reply.set_result(None)
    await asyncio.gather(*tasks)
    return used


# --- databases ----------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def database(kind: str, admin_url: str) -> AsyncIterator[str]:
    """A new, migrated database's URL; removed afterwards."""
    if kind == "sqlite":
        with sqlite_file("sessions.sqlite3") as (_, url):
            yield url
        return
    async with postgres_database(admin_url, f"sessions_bench_{os.getpid()}") as url:
        yield url


async def measure(
    kind: str, pattern: str, world: World, args: argparse.Namespace
) -> dict[str, Any]:
    """Cold and warm phases of one pattern on one database, then the memory of active games."""
    async with database(kind, args.postgres) as url:
        engine = db.create_engine(url)
        try:
            await db.upgrade(engine)
            repository = SqlRepository(db.session_factory(engine))
            service = world.service(repository)
            phases = []
            for seed in (1, 2):  # cold, then warm: the same guilds, channels and players
                if pattern == "sequential":
                    phases.append(
                        await run_sequential(service, world, args.sessions, args.players, seed)
                    )
                else:
                    phases.append(
                        await run_burst(
                            service, world, args.sessions, args.players, args.rate, seed
                        )
                    )
                await repository.drain()
            memory = await active_memory(
                service, world, url, args.memory_sessions, args.players, args.sessions + 1
            )
            await repository.drain()
        finally:
            await engine.dispose()
    return {"cold": phases[0], "warm": phases[1], "memory": memory}


def report(kind: str, pattern: str, found: dict[str, Any], args: argparse.Namespace) -> None:
    """Print one pattern's figures on one database."""
    offered = f", offered {args.rate:,.0f} answers/s" if pattern == "burst" else ""
    print(f"{kind}, {pattern}: {args.sessions} games x {args.players} players{offered}")
    cold, warm = found["cold"].row(), found["warm"].row()
    for label in cold:
        if label.startswith("latency") and pattern != "burst":
            continue
        print(f"  {label:<16} cold {cold[label]:10.1f}   warm {warm[label]:10.1f}")
    memory, callers = found["memory"]
    print(
        f"  memory per active game ({args.memory_sessions} games, {args.players} answers in flight each): "
        f"{(memory - callers) / 1024:.2f} KiB, {memory / 1024:.2f} KiB with the {args.players} clicks' own waiting tasks ({callers / 1024:.2f} KiB)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--players", type=int, default=20)
    parser.add_argument(
        "--rate", type=float, default=2000.0, help="answers a second offered in bursts"
    )
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--pattern", default="sequential,burst")
    parser.add_argument("--memory-sessions", type=int, default=500)
    parser.add_argument("--postgres", default=PG_URL)
    args = parser.parse_args()
    catalogue = load_default_catalogue()
    items = list(run_pipeline(SEEDS, catalogue, random.Random(1963)).build.items)
    names = sorted({name for entity in catalogue.entities.values() for name in entity.names})
    world = World(items, names)
    settle_heap()
    print(f"load: {os.getloadavg()[0]:.2f}")
    for kind in args.db.split(","):
        for pattern in args.pattern.split(","):
            report(kind, pattern, await measure(kind, pattern, world, args), args)
    print(f"load: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
