"""Time the judge as the game's answer path calls it, cold and warm, and its worst cases.

What is timed: ``LiveGames.judge(live, item, text)``, the call ``GameService.answer`` makes
for every chat message of a running game (it adds the answer forms the guild's hosts
accepted, none here, to the item's answers, then calls ``Judge.judge`` with the item's kind,
options and question), with the judge built from the whole reference catalogue and the
question bank built from the shipped seeds. Each row names what it times.

* Every message is different: answers as typed, realistic misspellings (a neighbouring
  key, two letters swapped, one dropped or doubled), answers among filler or in a
  sentence, wrong names, letters and true/false words, and chatter that answers nothing;
  so the judge's caches of normalised text are never flattered by a repeated message.
* *Cold*: every bounded cache of the judging, normalising and numbers modules emptied,
  nothing judged before. *Warm*: a second set of distinct messages of the same kind,
  judged straight after the cold set (the questions' tables and the common words are
  known, no message is).
* Long messages are of two kinds, labelled: those that still reach the matcher once the
  judge has dropped what a reader does not see (a quoted line, a link, mentions, markup)
  and kept at most 160 characters, and those refused by the length limits before any
  matching. The rows say how many of their messages passed the limits.
* The worst case is searched for, not assumed: answers listing ten or more people (trying
  every order of the names would grow factorially), messages at each length limit, many
  separators, many candidates, the longest question. The slowest single call is printed
  with the kind of input that took it.

Left out: everything around the judge on the answer path (the session's rules, scoring,
storage, Discord), the event loop, and the garbage collector (off while timing: a
collection of the whole heap is no cost of the call it happens to interrupt; one took
80-90 ms here). Times are the calling thread's CPU time, each call's arguments built
before its clock starts. Run on one core:
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
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli import build_bank
from bot.game import judging, normalising, numbers, rules
from bot.game.judging import MAX_ANSWER_CHARS, MAX_MESSAGE_CHARS, Judge
from bot.game.live import LiveGames, LiveSession
from bot.game.models import ChannelId, GuildId, Mode, SessionId, SessionInfo, SessionStatus
from bot.game.normalising import drop_quoted_lines, fold_text, strip_markup
from questions.models import TriviaItem
from questions.references import load_default_catalogue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STARTED = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
OPENERS = ("", "i think it's ", "**", "is it ", "maybe ", "the film ", "hmm ", "@bob ", "lol ")
CLOSERS = ("", "?", "**", " lol", "!", " I guess", "...", " ofc", " (not sure)")
NAMES = (
    "Mikhail Karyukov", "Otar Koberidze", "Pavel Klushantsev", "Richard Viktorov",
    "Yakov Protazanov", "Andrei Tarkovsky", "Ivan Yefremov", "Boris Strugatsky",
    "Arkady Strugatsky", "Georgiy Daneliya", "Vasili Zhuravlyov", "Aleksandr Kozyr",
)  # fmt: skip
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
CHATTER = (
    "lol", "no idea", "pass", "ugh i knew this one", "wait what", "gg", "this one is hard",
    "can you repeat the question", "brb", "who is winning?", "@bob you're too fast",
    "i never saw that film", "hahaha", "next question pls", "is there a hint?", "ok",
    "😂😂", "oof", "same", "nice one", "what year was it again", "too easy", "hmm",
)  # fmt: skip


@dataclass(frozen=True)
class Call:
    """One message on one question, as the game's answer path judges it."""

    text: str
    item: TriviaItem
    kind: str = "constructed"


class Table:
    """The live game the messages are judged in: the game's own ``LiveGames`` and session."""

    def __init__(self, judge: Judge) -> None:
        self.games = LiveGames(judge)
        info = SessionInfo(
            SessionId(1), GuildId(1), ChannelId(1), Mode.RACE, SessionStatus.RUNNING, STARTED, 10
        )
        self.live = LiveSession(rules.new_session(info, STARTED), {})

    def measure(self, calls: list[Call], *, cold: bool = True) -> tuple[list[int], list[bool]]:
        """CPU time of each ``LiveGames.judge`` call alone, and whether it was ruled right."""
        judge, live = self.games.judge, self.live
        if cold:
            clear_caches()
        gc.collect()
        gc.disable()
        samples, rulings = [], []
        clock = time.thread_time_ns
        try:
            for call in calls:
                item, text = call.item, call.text
                start = clock()
                ruling = judge(live, item, text)
                samples.append(clock() - start)
                rulings.append(ruling.accepted)
        finally:
            gc.enable()
        return samples, rulings


def typo(rng: random.Random, text: str) -> str:
    """``text`` as a hurried player types it: a neighbouring key, a swap, a drop or a double."""
    letters = [at for at, char in enumerate(text) if char.isalpha()]
    if not letters:
        return text
    at = rng.choice(letters)
    slip = rng.randrange(4)
    if slip == 0:
        row = next((r for r in KEYBOARD if text[at].lower() in r), KEYBOARD[0])
        near = row.index(text[at].lower()) if text[at].lower() in row else 0
        key = row[min(max(near + rng.choice((-1, 1)), 0), len(row) - 1)]
        return text[:at] + key + text[at + 1 :]
    if slip == 1 and at + 1 < len(text):
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    if slip == 2:
        return text[:at] + text[at + 1 :]
    return text[:at] + text[at] + text[at:]


# What players send, by share of messages (a guess at a quiz night's channel, stated so
# the median can be read against it): the answer or another name as typed, a misspelling,
# the answer among filler or in a sentence, chatter that answers nothing. Four in ten
# answers name another item's answer (a wrong guess); letters and true/false words are
# sent to the questions that take them.
MIX = (("plain", 0.4), ("typo", 0.2), ("filler", 0.15), ("sentence", 0.15), ("chatter", 0.1))
SENTENCES = (
    "i'm pretty sure it's {} lol", "{}, which is what I said", "not sure but {}?",
    "my friend says {} but idk", "going with {} fr", "{} (final answer)",
)  # fmt: skip


def _core(rng: random.Random, item: TriviaItem, others: list[str]) -> str:
    if item.type.value == "true_false":
        return rng.choice(("true", "false", "yes", "no", "True", "FALSE", "t", "f", "nope"))
    if item.type.value == "multiple_choice" and rng.random() < 0.5:
        return rng.choice("abcdABCD") + rng.choice(("", ")", ".", "!", "?"))
    core = rng.choice(item.answers) if rng.random() < 0.6 else rng.choice(others)
    return rng.choice((core, core.lower(), core.upper(), core.title()))


def short_messages(
    rng: random.Random, items: list[TriviaItem], count: int, seen: set[tuple[str, str]]
) -> list[Call]:
    """``count`` chat messages in the proportions of `MIX`, none of them in ``seen``."""
    calls: list[Call] = []
    others = [answer for item in items for answer in item.answers]
    kinds, weights = zip(*MIX, strict=True)
    while len(calls) < count:
        item = rng.choice(items)
        kind = rng.choices(kinds, weights)[0]
        core = rng.choice(CHATTER) if kind == "chatter" else _core(rng, item, others)
        if kind == "typo":
            core = typo(rng, core)
        elif kind == "filler":
            core = rng.choice(OPENERS) + core + rng.choice(CLOSERS)
        elif kind == "sentence":
            core = rng.choice(SENTENCES).format(core)
        # A player's own spacing or a trailing mark keeps messages distinct, as in chat.
        text = core + rng.choice(("", " ", "!", ".", "?", "  ", "!!", " :)", "..", " ?"))
        if (text, item.id) not in seen:
            seen.add((text, item.id))
            calls.append(Call(text, item, kind))
    return calls


def _with_answer(rng: random.Random, item: TriviaItem, others: list[str]) -> str:
    return _core(rng, item, others) if rng.random() < 0.7 else typo(rng, _core(rng, item, others))


def long_messages(
    rng: random.Random, items: list[TriviaItem], count: int, shape: str
) -> list[Call]:
    """Distinct long messages of one ``shape`` (see `LONG`), each with an answer in it."""
    others = [answer for item in items for answer in item.answers]
    talk = "so I was watching that old film last night and honestly the effects hold up "
    calls = []
    for index, item in enumerate(rng.choices(items, k=count)):
        answer, tag = _with_answer(rng, item, others), f"{index:x}"
        if shape == "chat":  # talk around the answer, up to the 160 characters read
            text = f"{talk[: rng.randrange(40, 110)]} {tag}, anyway: {answer}"[:MAX_ANSWER_CHARS]
        elif shape == "quoted":  # a reply under a long quoted message
            quoted = "> " + (talk * 12)[: rng.randrange(600, 800)] + tag
            text = f"{quoted}\n{answer}"
        elif shape == "links":  # a link and mentions, which a reader does not see as words
            link = f"https://example.org/{'x' * rng.randrange(300, 500)}/{tag}"
            text = f"<@{rng.randrange(10**17, 10**18)}> {link} <@&{10**17 + index}> {answer}"
        else:  # "over": past the limits, refused before any matching
            text = (f"{tag} " + talk * 40)[: rng.choice((400, 1_500, 4_000))] + " " + answer
        calls.append(Call(text, item, shape))
    return calls


LONG = (
    ("chat", "160 chars of chat with an answer"),
    ("quoted", "600-800 char quote, then an answer"),
    ("links", "300-500 char link, mentions, answer"),
    ("over", "400-4,000 chars (over the limits)"),
)


def passes_limits(text: str) -> bool:
    """Whether the judge reads ``text`` past its length limits (as ``Judge.judge`` cuts)."""
    if len(text) > MAX_MESSAGE_CHARS:
        return False
    visible = strip_markup(drop_quoted_lines(text) if ">" in text else text)
    return len(visible) <= 2 * MAX_ANSWER_CHARS and len(fold_text(visible)) <= MAX_ANSWER_CHARS


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


def row(label: str, what: str, samples: list[int]) -> str:
    ordered = sorted(samples)
    median = statistics.median(ordered) / 1000
    p99 = ordered[int(len(ordered) * 0.99)] / 1000
    worst = ordered[-1] / 1000
    return f"{label:<42} {what:<22} {len(ordered):>7,} {median:>8.1f} {p99:>8.1f} {worst:>9.1f}"


def _short_rows(table: Table, rng: random.Random, items: list[TriviaItem], count: int) -> None:
    seen: set[tuple[str, str]] = set()
    for caches in ("cold", "warm"):
        calls = short_messages(rng, items, count, seen)
        samples, rulings = table.measure(calls, cold=caches == "cold")
        print(row(f"short chat, mixed (see MIX), {caches}", "LiveGames.judge", samples))
        for kind, _ in MIX:
            of_kind = [t for t, call in zip(samples, calls, strict=True) if call.kind == kind]
            print(row(f"  of which {kind}", "LiveGames.judge", of_kind))
        for right, label in ((True, "ruled right"), (False, "ruled wrong")):
            ruled = [t for t, r in zip(samples, rulings, strict=True) if r is right]
            print(row(f"  of which {label}", "LiveGames.judge", ruled))
        if caches == "cold":
            bare = [
                time_ns(lambda c=c: [fuzz.ratio(c.text, a) for a in c.item.answers]) for c in calls
            ]
            print(row("short chat, mixed", "fuzz.ratio per answer", bare))


def _long_rows(table: Table, rng: random.Random, items: list[TriviaItem], count: int) -> None:
    for shape, label in LONG:
        for caches in ("cold", "warm"):
            calls = long_messages(rng, items, count, shape)
            read = sum(passes_limits(call.text) for call in calls)
            samples, _ = table.measure(calls, cold=caches == "cold")
            print(row(f"{label}, {caches}", "LiveGames.judge", samples) + f"  {read:,} read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 messages instead of 20,000")
    args = parser.parse_args()
    count = 2_000 if args.quick else 20_000
    rng = random.Random(0)
    items = list(build_bank(SEEDS).build.items)
    judge = Judge.from_catalogue(load_default_catalogue())  # start-up, not judging
    table = Table(judge)
    print(
        f"{len(items)} bank questions; judge with {len(judge.aliases.groups)} catalogue alias "
        f"groups; microseconds of CPU per call; cold: caches emptied first, warm: a second "
        f"set of distinct messages straight after; this machine runs sum(range(1000)) in "
        f"{reference_us():.1f} µs\n"
    )
    print(
        f"{'messages':<42} {'timed':<22} {'calls':>7} {'median':>8} {'p99':>8} {'worst':>9}"
        "  (long rows: how many were read past the length limits)"
    )
    _short_rows(table, rng, items, count)
    _long_rows(table, rng, items, count // 4)

    print("\nworst cases constructed (each call once, caches empty, then 20 more distinct runs)")
    slowest: tuple[int, str] = (0, "")
    for label, call in adversarial(rng, items):
        samples, _ = table.measure([call])
        # Distinct variants of the same shape, judged after the first (caches warm only
        # for the answer and question, as in a game where many players answer one question).
        variants = [Call(call.text + " " * i, call.item) for i in range(1, 21)]
        samples += table.measure(variants, cold=False)[0]
        print(row(label, "LiveGames.judge", samples))
        slowest = max(slowest, (max(samples), label))
    print(f"\nworst single call found: {slowest[0] / 1000:,.0f} µs ({slowest[1]})")


if __name__ == "__main__":
    main()
