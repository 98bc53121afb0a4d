"""Benchmark the claim pipeline (read, extract, verify, compare) on synthetic corpora.

Documents are generated from review and list-article templates filled with the reference
catalogue's names (deterministic seed), written to a temporary folder and run through
read_corpus + assess_corpus + find_disagreements/find_agreements, as `trivia build` runs
them (`trivia facts` runs the same steps a document at a time: see facts_bench.py). Not
timed: generating the corpora and loading the catalogue (reading the reference files).

Each size is timed twice. *Cold* is the first run of the process: it also pays the one-time
work of a command's first batch (building the gazetteer, loading the lemmatiser's
dictionary, compiling patterns, filling the name caches). *Warm* is a second corpus of the
same size made with another seed, in the same process: the one-time work is done, and no
text of the first corpus is reused (the generated documents still repeat template sentences
within a corpus, as real ones rarely do; what is remembered per sentence counts for more
here than on real documents).

Prints, per size: documents, MB, claims, CPU seconds and MB per CPU second cold and warm
(steadier than the wall clock on a shared machine), warm MB per wall second, peak resident
memory of the process (getrusage; sizes run in ascending order; run one size per process
for each size's own peak), and the growth of the warm cost per document from the size
before (1.0 = linear). With ``--repeat N`` the warm run is made N times, each on a corpus of
its own seed, and the one with the least CPU time is printed: on a shared machine the other
runs measure the neighbours as much as the pipeline.

Usage: python benchmarks/pipeline_bench.py [--sizes 100 1000 10000] [--seed 1963] [--repeat 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from questions.catalogue import Catalogue
from questions.pipeline import assess_corpus
from questions.references import load_default_catalogue
from questions.sources import read_corpus
from questions.verify import find_agreements, find_disagreements

REVIEW = (
    "{char1} ({actor1}) writes a song for {char2} ({actor2}). The song is heard by a race on "
    "the far off planet of {place}. The humanoid life on {place} decides to contact Earth. "
    "Their spaceship breaks down so they land on {planet}. Earth sends a rescue mission.\n\n"
    "A second, smaller ship is sent to {planet}. One is {first1} and the other is {first2}. "
    "On {moon} they find the second alien ship. Their small ship is not able to carry three "
    "passengers, so one of them must stay behind on {moon}.\n\n"
    "“{title}” AKA “{alias}” was released in {year} and was directed by {director}. It is a "
    "Soviet science fiction movie and was based on the novel “{novel}” by {author}. "
    "Footage from this movie and “{other}” were used by {producer} to make his film "
    "“{remake}” {remake_year}. It was released just months after the {event} flight.\n"
)
LIST_ENTRY = (
    "{title} ({year})\n"
    "Description: A co-production with {country}, this film is based on {author}'s novel "
    '"{novel}," exploring a mission to {planet}.\n'
    "Fact: It was released in the same year as {event}, and it inspired {producer}'s "
    '"{remake}."\n\n\n'
)


def _names(catalogue: Catalogue, kind: str) -> list[str]:
    return [name for entity in catalogue.of_kind(kind) for name in entity.names[:2]]


def _fill(template: str, names: dict[str, list[str]], rng: random.Random) -> str:
    pick = {key: rng.choice(values) for key, values in names.items()}
    people = names["person"]
    return template.format(
        char1=rng.choice(names["character"]),
        char2=rng.choice(names["character"]),
        actor1=rng.choice(people),
        actor2=rng.choice(people),
        director=rng.choice(people),
        author=rng.choice(people),
        producer=rng.choice(people),
        first1=rng.choice(names["character"]).split()[0],
        first2=rng.choice(names["character"]).split()[0],
        place=rng.choice(["Centuria", "Zorba", "Tau Ceti"]),
        planet=rng.choice(["Mars", "Venus", "Jupiter"]),
        moon=rng.choice(["Phobos", "Deimos", "Titan"]),
        title=pick["film"],
        alias=rng.choice(names["film"]),
        other=rng.choice(names["film"]),
        remake=rng.choice(names["film"]),
        novel=pick["novel"],
        country=pick["country"],
        event=pick["event"],
        year=rng.randint(1924, 1990),
        remake_year=rng.randint(1960, 1970),
    )


def make_corpus(folder: Path, size: int, catalogue: Catalogue, seed: int) -> int:
    """Write ``size`` documents (half reviews, half lists); return the bytes written."""
    rng = random.Random(seed)
    kinds = ("film", "person", "character", "novel", "country", "event")
    names = {kind: _names(catalogue, kind) for kind in kinds}
    total = 0
    for index in range(size):
        if index % 2:
            text = "Here are some Soviet space films.\n\n" + "".join(
                _fill(LIST_ENTRY, names, rng) for _ in range(rng.randint(3, 8))
            )
        else:
            text = _fill(REVIEW, names, rng)
        data = text.encode("utf-8")
        (folder / f"doc{index:06d}.txt").write_bytes(data)
        total += len(data)
    return total


@dataclass(frozen=True, slots=True)
class Timing:
    """One timed run: CPU and wall seconds, MB of documents read and claims made."""

    cpu: float
    wall: float
    mb: float
    claims: int


def _timed(size: int, seed: int, catalogue: Catalogue) -> Timing:
    """Generate a corpus of ``size`` documents with ``seed`` and time the pipeline on it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size_bytes = make_corpus(folder, size, catalogue, seed)
        started, cpu_started = time.perf_counter(), time.process_time()
        corpus = read_corpus(folder)
        assessments = assess_corpus(corpus, catalogue)
        find_disagreements(assessments)
        find_agreements(assessments)
        cpu, wall = time.process_time() - cpu_started, time.perf_counter() - started
        return Timing(cpu, wall, size_bytes / 1e6, len(assessments))


def run(size: int, seed: int, repeat: int = 1) -> tuple[Timing, Timing, float]:
    """The cold run, the best warm run and the peak resident MB for one size.

    Warm runs use corpora of seeds after ``seed`` (one per repeat), so none reads a text
    an earlier run has read; the best of them is the one with the least CPU time.
    """
    catalogue = load_default_catalogue()
    cold = _timed(size, seed, catalogue)
    warm = min(
        (_timed(size, seed + 1 + index, catalogue) for index in range(repeat)),
        key=lambda timing: timing.cpu,
    )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return cold, warm, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=1963)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best is shown")
    args = parser.parse_args()
    print(
        f"{'docs':>7} {'MB':>7} {'claims':>8} {'cold s':>7} {'cold':>6} {'warm s':>7} "
        f"{'warm':>6} {'MB/s':>6} {'peak MB':>8} {'growth':>7}   (cold, warm: MB per CPU second)"
    )
    previous: float | None = None
    for size in args.sizes:
        cold, warm, peak = run(size, args.seed, args.repeat)
        per_doc = warm.cpu / size
        growth = f"{per_doc / previous:7.2f}" if previous else f"{'-':>7}"
        previous = per_doc
        print(
            f"{size:>7} {warm.mb:>7.2f} {warm.claims:>8} {cold.cpu:>7.2f} "
            f"{cold.mb / cold.cpu:>6.2f} {warm.cpu:>7.2f} {warm.mb / warm.cpu:>6.2f} "
            f"{warm.mb / warm.wall:>6.2f} {peak:>8.1f} {growth}"
        )


if __name__ == "__main__":
    main()
