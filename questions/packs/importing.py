"""Reading a pack file or upload: format from the name, bounded read, one parser per format."""

from __future__ import annotations

from pathlib import Path, PurePath

from questions.errors import BankError, FileRefusedError
from questions.files import read_bounded
from questions.packs.models import Pack, PackFormat, pack_name
from questions.packs.opentdb import parse_opentdb
from questions.packs.red import parse_red

MAX_PACK_BYTES = 5 * 1024 * 1024
SUFFIXES: dict[str, PackFormat] = {".yaml": "red", ".yml": "red", ".json": "opentdb"}


def guess_format(filename: str | PurePath) -> PackFormat | None:
    """The pack format a file name suggests (``.yaml``/``.yml`` Red, ``.json`` Open Trivia DB)."""
    return SUFFIXES.get(PurePath(filename).suffix.lower())


def parse_pack(
    data: bytes,
    filename: str,
    fmt: PackFormat | None = None,
    name: str | None = None,
    guild_id: int | None = None,
) -> Pack:
    """A pack from the bytes of a file; the name defaults to the file's stem.

    Raises:
        BankError: unknown format, too large, not UTF-8, or malformed (see the parsers).
    """
    fmt = fmt or guess_format(filename)
    if fmt is None:
        raise BankError(f"{filename}: not a .yaml (Red) or .json (Open Trivia DB) file")
    if len(data) > MAX_PACK_BYTES:
        raise BankError(f"{filename}: too large ({len(data):,} bytes; limit {MAX_PACK_BYTES:,})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError(f"{filename}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    chosen = pack_name(name or PurePath(filename).stem)
    parse = parse_red if fmt == "red" else parse_opentdb
    return parse(text, chosen, filename, guild_id)


def read_pack(path: Path, fmt: PackFormat | None = None, name: str | None = None) -> Pack:
    """Read a pack file (a regular file of at most :data:`MAX_PACK_BYTES`).

    Raises:
        BankError: missing, not a regular file, too large, unreadable or malformed.
    """
    if (fmt or guess_format(path)) is None:
        raise BankError(f"{path}: not a .yaml (Red) or .json (Open Trivia DB) file; use --format")
    try:
        data = read_bounded(path, MAX_PACK_BYTES)
    except FileRefusedError as exc:
        raise BankError(str(exc)) from exc
    except OSError as exc:
        raise BankError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return parse_pack(data, str(path), fmt, name or path.stem)
