"""Time `Judge.judge` exactly as the game calls it, and the worst case it can be made to take.

The game judges every chat message with ``judge.judge(text, answers, kind=..., choices=...,
question=...)``, the judge built from the whole reference catalogue. This benchmark
does the same for the question bank built from the shipped seeds:

* every message is different (a typo, a wrapper, a wrong answer, a letter...), so the
  judge's caches of normalised text are not flattered by repeated messages;
* the caches start empty (cleared before each workload, nothing judged beforehand);
* each row says what it times; ``Judge.judge`` rows time that method and nothing else
  (each call's arguments are built before its clock starts).

The worst case is searched for, not assumed: answers listing ten or more people (trying
every order of the names would grow factorially), messages at each length limit, many
separators, many candidates, the longest question. The slowest single call is printed
with the kind of input that took it.

Times are the calling thread's CPU time. Run on one core:
``taskset -c 0 python benchmarks/judge_bench.py [--quick]``.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import string
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli import build_bank
from bot.game import judging, normalising, numbers
from bot.game.judging import MAX_ANSWER_CHARS, MAX_MESSAGE_CHARS, Judge
from questions.models import TriviaItem
from questions.references import load_default_catalogue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OPENERS = ("", "i think it's ", "**", "is it ", "maybe ", "the film ", "hmm ", "@bob ", "lol ")
CLOSERS = ("", "?", "**", " lol", "!", " I guess", "...", " ofc", " (not sure)")
NAMES = (
    "Mikhail Karyukov", "Otar Koberidze", "Pavel Klushantsev", "Richard Viktorov",
    "Yakov Protazanov", "Andrei Tarkovsky", "Ivan Yefremov", "Boris Strugatsky",
    "Arkady Strugatsky", "Georgiy Daneliya", "Vasili Zhuravlyov", "Aleksandr Kozyr",
)  # fmt: skip


@dataclass(frozen=True)
class Call:
    """One call of `Judge.judge`, as the game would make it."""

    text: str
    item: TriviaItem
    kind: str = "constructed"

    def arguments(self) -> tuple[str, tuple[str, ...], dict[str, object]]:
        """The message, the answers and the keywords, as the game passes them."""
        item = self.item
        choices = item.choices or None
        keywords = {"kind": item.type.value, "choices": choices, "question": item.question}
        return self.text, item.answers, keywords


def typo(rng: random.Random, text: str) -> str:
    if not text:
        return text
    at = rng.randrange(len(text))
    return text[:at] + rng.choice(string.ascii_lowercase) + text[at + 1 :]


# What players send, by share of messages (a guess at a quiz night's channel, stated so
# the median can be read against it): the answer or another name as typed, a misspelling,
# the answer among filler or chat, a letter or true/false word with decoration.
MIX = (("plain", 0.45), ("typo", 0.2), ("filler", 0.2), ("sentence", 0.15))
SENTENCES = (
    "i'm pretty sure it's {} lol", "{}, which is what I said", "not sure but {}?",
    "my friend says {} but idk", "going with {} fr", "{} (final answer)",
)  # fmt: skip


def short_messages(rng: random.Random, items: list[TriviaItem], count: int) -> list[Call]:
    """Distinct chat messages in the proportions of `MIX`, each labelled by its kind."""
    calls: dict[tuple[str, str], Call] = {}
    others = [answer for item in items for answer in item.answers]
    kinds, weights = zip(*MIX, strict=True)
    while len(calls) < count:
        item = rng.choice(items)
        kind = rng.choices(kinds, weights)[0]
        if item.type.value == "true_false":
            core = rng.choice(("true", "false", "yes", "no", "True", "FALSE", "t", "f", "nope"))
        elif item.type.value == "multiple_choice" and rng.random() < 0.5:
            core = rng.choice("abcdABCD") + rng.choice(("", ")", ".", "!", "?"))
        elif rng.random() < 0.6:
            core = rng.choice(item.answers)
        else:
            core = rng.choice(others)
        core = rng.choice((core, core.lower(), core.upper(), core.title()))
        if kind == "typo":
            core = typo(rng, core)
        elif kind == "filler":
            core = rng.choice(OPENERS) + core + rng.choice(CLOSERS)
        elif kind == "sentence":
            core = rng.choice(SENTENCES).format(core)
        # A player's own spacing or a trailing mark keeps messages distinct, as in chat.
        text = core + rng.choice(("", " ", "!", ".", "?", "  ", "!!"))
        calls.setdefault((text, item.id), Call(text, item, kind))
    return list(calls.values())


def long_messages(rng: random.Random, items: list[TriviaItem], count: int, size: int) -> list[Call]:
    """Distinct messages of ``size`` characters (the judge refuses past its limits)."""
    filler = "I think the answer is the planet Venus from that film, lol. "
    body = filler * (size // len(filler) + 1)
    return [
        Call(("".join(rng.choices(string.ascii_lowercase, k=8)) + " " + body)[:size], item)
        for item in rng.choices(items, k=count)
    ]


def adversarial(rng: random.Random, items: list[TriviaItem]) -> Iterator[tuple[str, Call]]:
    """Inputs built to be slow: many people, many candidates, every length limit."""
    base = items[0]
    for count in (2, 5, 9, 10, 12, 13, 30):
        names = [NAMES[i % len(NAMES)] for i in range(count)]
        answer = " and ".join(names)
        item = replace(base, answers=(answer,), choices=())
        for label, text in (
            ("all, reversed", ", ".join(reversed(names))),
            ("all, one misspelt", ", ".join([*names[1:], typo(rng, names[0])])),
            ("surnames only", " & ".join(name.split()[-1] for name in names)),
            ("one per word", " ".join(name.split()[-1] for name in names)),
        ):
            yield f"{count}-name answer, {label}", Call(text[:MAX_ANSWER_CHARS], item)
    longest = max(items, key=lambda item: len(item.question))
    words = " ".join(rng.choice(string.ascii_lowercase) * 3 for _ in range(60))
    yield "80 one-letter candidates", Call(", ".join("x" * 80)[:MAX_ANSWER_CHARS], longest)
    yield "160 chars of short words", Call(words[:MAX_ANSWER_CHARS], longest)
    yield "160 chars, 'or' hedges", Call(" or ".join(["Venus"] * 40)[:MAX_ANSWER_CHARS], longest)
    yield "160 chars, corrections", Call(" no wait ".join(["Mars"] * 30)[:160], longest)
    yield "160 chars of digits", Call(" ".join(["1963"] * 40)[:MAX_ANSWER_CHARS], longest)
    yield "number words", Call(" ".join(["nineteen sixty three"] * 8)[:160], longest)
    yield f"{MAX_MESSAGE_CHARS} chars of markup", Call("**a** " * (MAX_MESSAGE_CHARS // 6), base)
    yield "Cyrillic, 160 chars", Call(("Планета бурь " * 13)[:MAX_ANSWER_CHARS], longest)
    yield "4,000 chars (refused)", Call("x" * 4000, base)


def clear_caches() -> None:
    """Empty every bounded cache of the judge's three modules, so none starts warm.

    That is every cache of messages, answers, questions and words, in judging,
    normalising and numbers alike. Unbounded ones hold constant tables built once per
    process (the given names): clearing them would time start-up, not judging.
    """
    for module in (judging, normalising, numbers):
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def reference_us() -> float:
    """A fixed pure-Python loop, to scale these figures to another machine."""
    samples = []
    for _ in range(200):
        start = time.thread_time_ns()
        sum(range(1000))
        samples.append(time.thread_time_ns() - start)
    return statistics.median(samples) / 1000


def time_ns(call: Callable[[], object]) -> int:
    # CPU time of this thread: what the call costs, not the time other processes on a
    # shared machine held the core (wall-clock figures varied twofold between runs here).
    start = time.thread_time_ns()
    call()
    return time.thread_time_ns() - start


def measure(judge: Judge, calls: list[Call], *, cold: bool = True) -> list[int]:
    """CPU time of each ``judge.judge`` call alone; its arguments are built beforehand."""
    prepared = [call.arguments() for call in calls]
    # The collector is off while timing: a collection of the whole heap is no cost of
    # the call it happens to interrupt (one took 80-90 ms here).
    if cold:
        clear_caches()
    gc.collect()
    gc.disable()
    samples = []
    clock = time.thread_time_ns
    try:
        for text, answers, keywords in prepared:
            start = clock()
            judge.judge(text, answers, **keywords)
            samples.append(clock() - start)
    finally:
        gc.enable()
    return samples


def row(label: str, what: str, samples: list[int]) -> str:
    ordered = sorted(samples)
    median = statistics.median(ordered) / 1000
    p99 = ordered[int(len(ordered) * 0.99)] / 1000
    worst = ordered[-1] / 1000
    return f"{label:<34} {what:<26} {len(ordered):>7,} {median:>8.1f} {p99:>8.1f} {worst:>9.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 messages instead of 20,000")
    args = parser.parse_args()
    count = 2_000 if args.quick else 20_000
    rng = random.Random(0)
    items = list(build_bank(SEEDS).build.items)
    judge = Judge.from_catalogue(load_default_catalogue())  # start-up, not judging
    print(
        f"{len(items)} bank questions; judge with {len(judge.aliases.groups)} catalogue alias "
        f"groups; microseconds per call; caches emptied before each workload; this machine "
        f"runs sum(range(1000)) in {reference_us():.1f} µs\n"
    )
    print(f"{'messages':<34} {'timed':<26} {'calls':>7} {'median':>8} {'p99':>8} {'worst':>9}")
    short = short_messages(rng, items, count)
    samples = measure(judge, short)
    print(row("short chat, mixed (see MIX)", "Judge.judge", samples))
    for kind, _ in MIX:
        of_kind = [sample for sample, call in zip(samples, short, strict=True) if call.kind == kind]
        print(row(f"  of which {kind}", "Judge.judge", of_kind))
    bare = [time_ns(lambda c=c: [fuzz.ratio(c.text, a) for a in c.item.answers]) for c in short]
    print(row("short chat, mixed", "fuzz.ratio per answer (bare)", bare))
    for size in (300, MAX_MESSAGE_CHARS, 2_000):
        calls = long_messages(rng, items, count // 4, size)
        print(row(f"{size:,} characters", "Judge.judge", measure(judge, calls)))

    print("\nworst cases constructed (each call once, caches empty, then 20 more distinct runs)")
    slowest: tuple[int, str] = (0, "")
    for label, call in adversarial(rng, items):
        samples = measure(judge, [call])
        # Distinct variants of the same shape, judged after the first (caches warm only
        # for the answer and question, as in a game where many players answer one question).
        variants = [Call(call.text + " " * i, call.item) for i in range(1, 21)]
        samples += measure(judge, variants, cold=False)
        print(row(label, "Judge.judge", samples))
        slowest = max(slowest, (max(samples), label))
    print(f"\nworst single call found: {slowest[0] / 1000:,.0f} µs ({slowest[1]})")


if __name__ == "__main__":
    main()
