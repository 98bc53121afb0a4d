"""What a serving process leaves the garbage collector at start (in a process of its own)."""

from __future__ import annotations

import subprocess
import sys


def test_settle_exempts_what_start_up_loaded_from_later_collections():
    script = (
        "import gc\n"
        "from bot import heap\n"
        "kept = [[n] for n in range(1000)]\n"
        "before = gc.get_freeze_count()\n"
        "heap.settle()\n"
        "print(before, gc.get_freeze_count() - before)\n"
    )
    done = subprocess.run(  # noqa: S603  (this interpreter, a fixed script)
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    before, frozen = map(int, done.stdout.split())
    assert before == 0
    assert frozen >= 1000
