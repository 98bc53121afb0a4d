"""The podium picture: the top three on a podium and the table below, as PNG bytes.

Drawn with Pillow's bundled font (``ImageFont.load_default``), so it needs no system fonts
and looks the same everywhere. That font covers ASCII only: characters it lacks (Cyrillic,
emoji, accents) are transliterated with anyascii (``Валентина`` → ``Valentina``) and
anything left becomes ``?``, so no name breaks the picture. The same recap always gives the
same bytes.
"""

from __future__ import annotations

import io
from fractions import Fraction
from functools import cache

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

from bot.night.recap import Recap
from bot.night.standings import ContestantStanding

WIDTH = 960
MARGIN = 40
TITLE_SIZE = 40
NAME_SIZE = 26
PLACE_SIZE = 56
ROW_SIZE = 22
PODIUM_TOP = 110
PODIUM_FLOOR = 470
STEP_WIDTH = 240
STEP_HEIGHTS = {1: 200, 2: 140, 3: 100}
ROW_HEIGHT = 36
MAX_TABLE_ROWS = 12
BACKGROUND = (18, 24, 48)
TEXT = (240, 240, 250)
MUTED = (160, 170, 200)
STEP_COLOURS = {1: (212, 175, 55), 2: (170, 170, 180), 3: (176, 112, 64)}
ROW_SHADES = ((28, 36, 70), (36, 46, 86))
MISSING = "\uffff"
"""A noncharacter no font has: its mask is the font's "missing glyph" box."""

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def render_podium(recap: Recap, max_rows: int = MAX_TABLE_ROWS) -> bytes:
    """Draw the podium and the table (teams with team play, else players) as a PNG.

    Args:
        recap: The night's recap; its final standings are drawn.
        max_rows: The table shows at most this many contestants.

    Returns:
        The PNG file's bytes.
    """
    rows = recap.standings[:max_rows]
    height = PODIUM_FLOOR + MARGIN * 2 + ROW_HEIGHT * (len(rows) + 1)
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text(
        (WIDTH // 2, MARGIN),
        drawable(recap.title, TITLE_SIZE),
        font=_font(TITLE_SIZE),
        fill=TEXT,
        anchor="mt",
    )
    _draw_podium(draw, recap.standings[:3])
    heading = "Team table" if recap.team_play else "Players"
    _draw_table(draw, PODIUM_FLOOR + MARGIN, heading, rows, recap.team_play)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def drawable(text: str, size: int) -> str:
    """The text with every character the bundled font lacks transliterated (or ``?``)."""
    out: list[str] = []
    for char in text:
        if _has_glyph(size, char):
            out.append(char)
            continue
        substitute = anyascii(char)
        out.append(
            substitute if substitute and all(_has_glyph(size, c) for c in substitute) else "?"
        )
    return "".join(out)


def format_score(score: Fraction) -> str:
    """A score as players read it: whole numbers plain, team means to one decimal."""
    if score.denominator == 1:
        return str(score.numerator)
    return f"{float(score):.1f}"


def _draw_podium(draw: ImageDraw.ImageDraw, top: tuple[ContestantStanding, ...]) -> None:
    # Classic order: second on the left, first in the middle, third on the right.
    slots = (1, 0, 2)
    centre = WIDTH // 2
    for slot, index in enumerate(slots):
        if index >= len(top):
            continue
        standing = top[index]
        place = min(standing.rank, 3)
        x = centre + (slot - 1) * STEP_WIDTH
        step_top = PODIUM_FLOOR - STEP_HEIGHTS[place]
        box = (x - STEP_WIDTH // 2 + 6, step_top, x + STEP_WIDTH // 2 - 6, PODIUM_FLOOR)
        draw.rectangle(box, fill=STEP_COLOURS[place])
        draw.text(
            (x, step_top + 16),
            str(standing.rank),
            font=_font(PLACE_SIZE),
            fill=BACKGROUND,
            anchor="mt",
        )
        name = _fit(standing.name, NAME_SIZE, STEP_WIDTH - 12)
        draw.text((x, step_top - 48), name, font=_font(NAME_SIZE), fill=TEXT, anchor="mb")
        draw.text(
            (x, step_top - 12),
            format_score(standing.score),
            font=_font(ROW_SIZE),
            fill=MUTED,
            anchor="mb",
        )


def _draw_table(
    draw: ImageDraw.ImageDraw,
    top: int,
    heading: str,
    rows: tuple[ContestantStanding, ...],
    team_play: bool,
) -> None:
    font = _font(ROW_SIZE)
    columns = "members   score   points" if team_play else "points"
    draw.text((MARGIN, top), heading, font=font, fill=MUTED)
    draw.text((WIDTH - MARGIN, top), columns, font=font, fill=MUTED, anchor="ra")
    for number, standing in enumerate(rows):
        y = top + ROW_HEIGHT * (number + 1)
        shade = ROW_SHADES[number % 2]
        draw.rectangle((MARGIN - 8, y - 6, WIDTH - MARGIN + 8, y + ROW_HEIGHT - 10), fill=shade)
        draw.text((MARGIN, y), f"{standing.rank}.", font=font, fill=TEXT)
        name = _fit(standing.name, ROW_SIZE, WIDTH // 2)
        draw.text((MARGIN + 50, y), name, font=font, fill=TEXT)
        if team_play:
            figures = (
                f"{len(standing.members)}   {format_score(standing.score):>6}"
                f"   {standing.points:>6}"
            )
        else:
            figures = str(standing.points)
        draw.text((WIDTH - MARGIN, y), figures, font=font, fill=TEXT, anchor="ra")


def _fit(text: str, size: int, width: int) -> str:
    """The drawable text, cut with "..." so it fits ``width`` pixels."""
    font = _font(size)
    shown = drawable(text, size)
    if font.getlength(shown) <= width:
        return shown
    while shown and font.getlength(shown + "...") > width:
        shown = shown[:-1]
    return shown.rstrip() + "..."


@cache
def _font(size: int) -> Font:
    return ImageFont.load_default(size=size)


@cache
def _has_glyph(size: int, char: str) -> bool:
    if char.isspace():
        return char == " "
    font = _font(size)
    return bytes(font.getmask(char)) != bytes(font.getmask(MISSING))
