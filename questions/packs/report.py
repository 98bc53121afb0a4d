"""The import report, the same in the terminal and on Discord: counts, about, settings, skips."""

from __future__ import annotations

from collections import Counter

from questions.packs.models import Pack

FORMAT_NAMES = {"red": "Red-DiscordBot list", "opentdb": "Open Trivia DB"}


def summary(pack: Pack) -> str:
    """The first line: name, format, how many imported and skipped, counts per kind."""
    kinds = Counter(item.type.value for item in pack.items)
    per_kind = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    return (
        f"pack {pack.name} ({FORMAT_NAMES[pack.format]}): {len(pack.items)} imported, "
        f"{len(pack.skipped)} skipped ({per_kind})"
    )


def about(pack: Pack) -> list[str]:
    """Description, author, the settings that apply here and those ignored."""
    lines = [
        f"{label}: {value}"
        for label, value in (("description", pack.description), ("author", pack.author))
        if value
    ]
    if pack.settings.time_limit_seconds is not None:
        lines.append(f"time limit: {pack.settings.time_limit_seconds:g} s per question")
    if pack.settings.target_score is not None:
        lines.append(f"target score: {pack.settings.target_score}")
    if pack.ignored:
        lines.append(f"ignored (no such setting here): {', '.join(pack.ignored)}")
    return lines


def skipped_lines(pack: Pack) -> list[str]:
    """One line per question left out, and per question imported changed, with the reason."""
    return [
        *(f"skipped {s.question!r}: {s.reason}" for s in pack.skipped),
        *(f"changed {s.question!r}: {s.reason}" for s in pack.changed),
    ]


def import_report(pack: Pack) -> list[str]:
    """Every line of the report, in order."""
    return [summary(pack), *about(pack), *skipped_lines(pack)]
