"""The ``trivia`` console script: a Ctrl-C while the program is still loading ends quietly.

Loading :mod:`bot.cli` and its libraries takes most of a second. A Ctrl-C in that time
would surface from the middle of some import, where a library may even turn it into an
error of its own (pydantic reports it as a broken schema); so while loading, Ctrl-C is
only noted, and acted on once loading is done.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130
INTERRUPTED = "interrupted (Ctrl-C); nothing was changed\n"


def main() -> int:
    """Load the command line and run it; returns the exit status."""
    interrupted: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        interrupted.append(signum)

    previous = signal.signal(signal.SIGINT, note)
    try:
        from bot.cli import main as run_command
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        sys.stderr.write(INTERRUPTED)
        return EXIT_INTERRUPTED
    try:
        return run_command()
    except KeyboardInterrupt:  # before bot.cli.main's own handler is in place
        sys.stderr.write(INTERRUPTED)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
