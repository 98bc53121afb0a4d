"""Import every trivia list a Red-DiscordBot package ships, and print what each gave.

Usage: python scripts/red_compat.py [LOCATION]

LOCATION is a Red-DiscordBot wheel (``.whl``), an unpacked package or site-packages
folder, or the lists folder itself; without it the installed ``redbot`` package is used.
Prints, per list, the questions imported and skipped (each skipped one with its reason)
and those imported with a long answer left out, then the totals. Exits non-zero when a
list is refused or no list is found. Nothing is written: the lists are parsed exactly as
``trivia pack import`` parses them.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from questions.errors import BankError
from questions.packs import parse_pack

LISTS = PurePosixPath("redbot/cogs/trivia/data/lists")


def _from_wheel(wheel: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            path = PurePosixPath(name)
            if path.parent == LISTS and path.suffix in {".yaml", ".yml"}:
                yield path.name, archive.read(name)


def _from_folder(folder: Path) -> Iterator[tuple[str, bytes]]:
    for candidate in (folder / LISTS, folder / "cogs/trivia/data/lists", folder):
        found = sorted(candidate.glob("*.yaml")) if candidate.is_dir() else []
        if found:
            for path in found:
                yield path.name, path.read_bytes()
            return


def lists(location: Path | None) -> Iterator[tuple[str, bytes]]:
    """The (file name, bytes) of every shipped list."""
    if location is None:
        spec = importlib.util.find_spec("redbot")
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit("Red-DiscordBot is not installed here; give its wheel or folder")
        location = Path(next(iter(spec.submodule_search_locations)))
    if location.is_file():
        return _from_wheel(location)
    return _from_folder(location)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("location", nargs="?", type=Path, help="wheel or folder of Red")
    args = parser.parse_args()
    found = imported = questions = skipped = changed = 0
    for filename, data in lists(args.location):
        found += 1
        try:
            pack = parse_pack(data, filename, "red")
        except BankError as exc:
            print(f"{filename}: REFUSED: {exc}")
            continue
        imported += 1
        questions += len(pack.items)
        skipped += len(pack.skipped)
        changed += len(pack.changed)
        counts = f"{len(pack.items)} imported, {len(pack.skipped)} skipped"
        print(f"{filename}: {counts}" + (f", {len(pack.changed)} changed" if pack.changed else ""))
        for left_out in pack.skipped:
            print(f"    skipped {left_out.question!r}: {left_out.reason}")
        for kept in pack.changed:
            print(f"    changed {kept.question!r}: {kept.reason}")
        if pack.ignored:
            print(f"    CONFIG ignored: {', '.join(pack.ignored)}")
    print(
        f"\n{imported} of {found} lists imported; "
        f"{questions:,} questions imported, {skipped:,} skipped, {changed:,} changed"
    )
    return 0 if found and imported == found else 1


if __name__ == "__main__":
    sys.exit(main())
