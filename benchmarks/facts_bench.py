"""Benchmark the real `trivia facts` command on generated corpora of about 1, 5 and 10 MB.

Each corpus is written by ``pipeline_bench.make_corpus`` (review and list-article templates
filled with the reference catalogue's names) to a temporary folder. The command then runs
in a process of its own, exactly as an operator runs it, once per output format:

* ``table, piped``: ``trivia facts`` with standard output a pipe (so the plain-lines view
  that is printed when the output is not a terminal; the table per document is printed
  only on a terminal, and is not measured here);
* ``--json``: the whole report as one JSON document.

The benchmark reads the output as it comes (counting bytes, keeping none) and prints, per
corpus and format: MB of documents, MB of output, the child's peak resident memory and
CPU seconds (user + system, from ``wait4``: steadier than the wall clock on a shared
machine), MB of documents per CPU second, wall seconds, and how far into the run the first
byte of output came (a report that streams starts long before the end). The growth column
is the CPU cost per MB against the corpus before it (1.0 = linear).

Left out: generating the corpora; the terminal table (rendering it costs more than the
lines, and only a person reading it waits on it); documents as varied as real ones (the
generated ones repeat template sentences, which the extractor's per-sentence caches favour,
so real text runs slower per MB: see pipeline_bench.py). Each process loads the reference
catalogue and the lemmatiser first (about 2-3 CPU seconds and most of the memory floor).

Usage: python benchmarks/facts_bench.py [--mb 1 5 10] [--seed 1963] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from pipeline_bench import make_corpus  # noqa: E402 - the benchmarks folder is no package

from questions.references import load_default_catalogue  # noqa: E402

MEAN_DOCUMENT_BYTES = 1_290  # of make_corpus's documents (half reviews, half lists)
FORMATS = {"table, piped": [], "--json": ["--json"]}


@dataclass(frozen=True, slots=True)
class Run:
    """One run of the command: its costs and how much it printed."""

    cpu: float
    wall: float
    first_output: float
    peak_mb: float
    output_mb: float
    status: int


def run_facts(folder: Path, extra: list[str], data_dir: Path) -> Run:
    """Run ``trivia facts`` on ``folder`` in a child process; measure it with ``wait4``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRIVIA_DATA_DIR=str(data_dir))
    command = [sys.executable, "-m", "bot.cli", "facts", "--seeds", str(folder), *extra]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, cwd=ROOT)  # noqa: S603
    assert child.stdout is not None  # noqa: S101 - asked for a pipe
    output, first = 0, 0.0
    while chunk := child.stdout.read1(1 << 16):
        if not output:
            first = time.perf_counter() - started
        output += len(chunk)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Run(
        cpu=usage.ru_utime + usage.ru_stime,
        wall=time.perf_counter() - started,
        first_output=first,
        peak_mb=usage.ru_maxrss / 1024,
        output_mb=output / 1e6,
        status=child.returncode,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 5, 10])
    parser.add_argument("--seed", type=int, default=1963)
    parser.add_argument("--repeat", type=int, default=1, help="runs per corpus and format")
    args = parser.parse_args()
    catalogue = load_default_catalogue()
    print(
        f"{'format':<13} {'docs MB':>7} {'out MB':>7} {'peak MB':>8} {'CPU s':>7} "
        f"{'MB/CPU s':>8} {'wall s':>7} {'1st out s':>9} {'growth':>6}   "
        "(median of the runs; CPU of the child process)"
    )
    previous: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            folder = Path(tmp) / f"corpus-{mb:g}"
            folder.mkdir()
            size = (
                make_corpus(folder, round(mb * 1e6 / MEAN_DOCUMENT_BYTES), catalogue, args.seed)
                / 1e6
            )
            for label, extra in FORMATS.items():
                runs = [run_facts(folder, extra, Path(tmp)) for _ in range(args.repeat)]
                if any(run.status not in (0, 3) for run in runs):
                    sys.exit(f"trivia facts {' '.join(extra)} failed on {folder}")
                cpu = statistics.median(run.cpu for run in runs)
                per_mb = cpu / size
                growth = f"{per_mb / previous[label]:6.2f}" if label in previous else f"{'-':>6}"
                previous[label] = per_mb
                spread = f" ({min(r.cpu for r in runs):.1f}-{max(r.cpu for r in runs):.1f})"
                print(
                    f"{label:<13} {size:>7.2f} "
                    f"{statistics.median(r.output_mb for r in runs):>7.1f} "
                    f"{statistics.median(r.peak_mb for r in runs):>8.1f} {cpu:>7.1f} "
                    f"{size / cpu:>8.2f} {statistics.median(r.wall for r in runs):>7.1f} "
                    f"{statistics.median(r.first_output for r in runs):>9.1f} {growth}"
                    + (spread if args.repeat > 1 else "")
                )


if __name__ == "__main__":
    main()
