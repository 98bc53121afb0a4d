"""Moderation is exercised over real nights: the night builders' fixtures, shared."""

from __future__ import annotations

from tests.night.conftest import items, teams_night, world

__all__ = ["items", "teams_night", "world"]
