"""Many concurrent games in one process on SQLite: event-loop lag, memory, answers per second.

Runs SESSIONS channels of PLAYERS simulated players through the real GameService and
SqlRepository (race mode, points credited atomically). Only answers judged and durably
recorded are counted: once a race is won, the later answers to it are refused unjudged.
A probe task measures event-loop lag. The process's CPU time per answer (every thread,
the writer's included) is printed too: on a shared machine it varies less than the rate.
Runs at 1/10 size and at full size.

    python benchmarks/sessions_bench.py [--sessions 2000] [--players 20] [--questions 2]
"""

# ruff: noqa: E501  (printed tables read better on one line)
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from bot.game.judging import Judge
from bot.game.models import ChannelId, GuildId, Mode, PlayerRef, SessionConfig
from bot.game.service import GameService
from bot.storage import db
from bot.storage.sql import SqlRepository
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PROBE_SECONDS = 0.01


async def probe(lags: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(PROBE_SECONDS)
        lags.append((time.perf_counter() - started - PROBE_SECONDS) * 1000)


async def play(
    service: GameService, channel: ChannelId, players: int, questions: int, rng: random.Random
) -> int:
    answers = 0
    await service.start(GuildId(int(channel) % 100), channel, SessionConfig(Mode.RACE, questions))
    for _ in range(questions):  # once a race is won, later answers are refused, not counted
        asked = await service.ask(channel)
        for n in range(players):
            player = PlayerRef("discord", f"{channel}-{n}", f"P{n}")
            text = asked.item.answers[0] if rng.random() < 0.1 else "Gagarin"
            result = await service.answer(channel, player, text)
            answers += result.judgement is not None  # refused ones are neither judged nor stored
        await service.close(channel)
    await service.finish(channel)
    return answers


async def run(sessions: int, players: int, questions: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'sessions.sqlite3'}"
        engine = db.create_engine(url)
        await db.upgrade(engine)
        items = run_pipeline(SEEDS, load_default_catalogue(), random.Random(1963)).build.items
        clock = lambda: datetime.now(UTC)  # noqa: E731
        repository = SqlRepository(db.session_factory(engine))
        judge = Judge.from_catalogue(load_default_catalogue())
        service = GameService(
            items,
            clock,
            random.Random(0),
            sessions=repository,
            rounds=repository,
            settings=repository,
            review=repository,
            unfinished=repository,
            judge=judge,
        )
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for channel in range(1, sessions + 1):  # all sessions open at once
            await service.start(
                GuildId(channel % 100), ChannelId(channel), SessionConfig(Mode.RACE, questions)
            )
        per_session = (tracemalloc.get_traced_memory()[0] - before) / sessions
        tracemalloc.stop()
        for channel in range(1, sessions + 1):
            await service.finish(ChannelId(channel))
        lags: list[float] = []
        stop = asyncio.Event()
        prober = asyncio.create_task(probe(lags, stop))
        started, cpu_started = time.perf_counter(), time.process_time()
        batches_before = repository.write_transactions
        counts = await asyncio.gather(
            *(
                play(service, ChannelId(sessions + c), players, questions, random.Random(c))
                for c in range(1, sessions + 1)
            )
        )
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        transactions = repository.write_transactions - batches_before
        stop.set()
        await prober
        await engine.dispose()
    lags.sort()
    return {
        "answers": float(sum(counts)),
        "answers per second": sum(counts) / elapsed,
        "CPU per answer (us)": cpu / max(sum(counts), 1) * 1e6,
        "loop lag p99 (ms)": lags[int(len(lags) * 0.99) - 1] if lags else 0.0,
        "loop lag median (ms)": statistics.median(lags) if lags else 0.0,
        "memory per session (KiB)": per_session / 1024,
        "write transactions": float(transactions),
        "elapsed (s)": elapsed,
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--players", type=int, default=20)
    parser.add_argument("--questions", type=int, default=2)
    args = parser.parse_args()
    small = await run(args.sessions // 10, args.players, args.questions)
    full = await run(args.sessions, args.players, args.questions)
    print(f"{args.sessions // 10} -> {args.sessions} sessions of {args.players} players, SQLite:")
    for label in full:
        print(
            f"  {label:<26} {small[label]:10.2f} -> {full[label]:10.2f}  x{full[label] / max(small[label], 1e-9):.2f}"
        )


if __name__ == "__main__":
    asyncio.run(main())
