"""The garbage collector of a serving process: what start-up leaves it, once, at start.

A full collection walks every object the process holds. The question bank, the judge's
catalogue and the libraries are loaded once and live as long as the process, yet left in
the collector's oldest generation each full collection walks them again: in a burst of
answers those walks held the event loop for hundreds of milliseconds at a time.
:func:`settle` moves everything loaded so far out of the collector's sight (cycles among
it are never collected afterwards, which is what a process that keeps it all wants).

Only an entry point that serves calls it (``trivia run`` through :func:`bot.app.run_bot`),
after loading and before taking answers; libraries and tests never do.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up left as garbage, then exempt the rest from future collections."""
    gc.collect()
    gc.freeze()
