"""Logging set-up for entry points; library modules only ever call ``getLogger``."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure(level: str) -> None:
    """Send log records to standard error at ``level`` (a name such as ``"INFO"``)."""
    logging.basicConfig(level=level.upper(), format=FORMAT, force=True)
    # SQLAlchemy's own INFO logging echoes every statement; keep it for explicit debugging.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
