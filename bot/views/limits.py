"""Discord's size limits, and text cut or shortened to fit them."""

from __future__ import annotations

from collections.abc import Sequence

# Discord's limits: an embed field value, an embed description, a message's content.
FIELD_LIMIT = 1024
DESCRIPTION_LIMIT = 4096
MESSAGE_LIMIT = 2000


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fitted(parts: Sequence[str], separator: str, limit: int) -> str:
    """As many parts as fit in ``limit`` characters, then how many more were left out.

    Long lists (every player of a busy channel) must still fit Discord's limits; the first
    parts are the ones kept, so ranked lists keep their top.
    """
    joined = separator.join(parts)
    if len(joined) <= limit:
        return joined
    room = limit - len(f"{separator}… and {len(parts)} more")
    kept: list[str] = []
    used = 0
    for part in parts:
        extra = len(part) + (len(separator) if kept else 0)
        if used + extra > room:
            break
        kept.append(part)
        used += extra
    return separator.join([*kept, f"… and {len(parts) - len(kept)} more"])
