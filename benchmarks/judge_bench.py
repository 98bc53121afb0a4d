"""Time the answer judge per judgement, next to a bare rapidfuzz ratio on the same strings.

Prints median and p99 in microseconds for a short message against three answers, a
plain 2,000-character message, and the longest message the judge still parses in full.
Every repetition judges a different message (a random typo, filler and prefix), so
the judge's caches of normalised text do not flatter it. Run on one core:
``taskset -c 0 python benchmarks/judge_bench.py``.
"""

from __future__ import annotations

import gc
import random
import statistics
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.game.judging import MAX_MESSAGE_CHARS, AliasIndex, Judge

REPEATS = 20_000
ANSWERS = ("Planeta Bur", "Planet of Storms", "Storm Planet")
ALIASES = (("Planeta Bur", "Планета бурь", "Planet of Storms", "Storm Planet"),)
FILLER = "I think the answer is the planet Venus from that film, lol. "
OPENERS = ("", "i think it's ", "**", "is it ", "maybe ", "the film ", "hmm ")
CLOSERS = ("", "?", "**", " lol", "!", " I guess", "...")


def short_messages(rng: random.Random, count: int) -> list[str]:
    """Distinct short guesses: an answer with one random typo, wrapped in filler."""
    messages: set[str] = set()
    while len(messages) < count:
        answer = rng.choice(ANSWERS)
        at = rng.randrange(len(answer))
        typo = answer[:at] + rng.choice(string.ascii_lowercase) + answer[at + 1 :]
        messages.add(rng.choice(OPENERS) + typo + rng.choice(CLOSERS))
    return sorted(messages)


def long_messages(rng: random.Random, count: int, length: int) -> list[str]:
    """Distinct long messages of exactly ``length`` characters."""
    body = FILLER * (length // len(FILLER) + 1)
    return [
        ("".join(rng.choices(string.ascii_lowercase, k=8)) + " " + body)[:length]
        for _ in range(count)
    ]


def time_ns(call: Callable[[str], object], messages: list[str]) -> list[int]:
    for message in messages[:1_000]:
        call(message)
    samples = []
    gc.disable()
    try:
        for message in messages:
            start = time.perf_counter_ns()
            call(message)
            samples.append(time.perf_counter_ns() - start)
    finally:
        gc.enable()
    return samples


def summary(samples: list[int]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) / 1000, ordered[int(len(ordered) * 0.99)] / 1000


def main() -> None:
    rng = random.Random(0)
    judge = Judge(AliasIndex.from_groups(ALIASES))
    workloads = {
        "short vs 3 answers": short_messages(rng, REPEATS),
        "2,000 chars vs 3 answers": long_messages(rng, REPEATS, 2_000),
        f"{MAX_MESSAGE_CHARS:,} chars (markup pass)": long_messages(
            rng, REPEATS, MAX_MESSAGE_CHARS
        ),
        "300 chars (folded, bounded)": long_messages(rng, REPEATS, 300),
    }
    calls: dict[str, Callable[[str], object]] = {
        "judge_answer": lambda m: judge.judge(m, ANSWERS),
        "fuzz.ratio x3 (bare)": lambda m: [fuzz.ratio(m, a) for a in ANSWERS],
    }
    print(f"{REPEATS:,} distinct messages each; microseconds per judgement\n")
    print(f"{'message':<28} {'call':<22} {'median':>8} {'p99':>8}")
    for label, messages in workloads.items():
        for what, call in calls.items():
            median, p99 = summary(time_ns(call, messages))
            print(f"{label:<28} {what:<22} {median:>8.2f} {p99:>8.2f}")


if __name__ == "__main__":
    main()
