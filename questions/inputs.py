"""What a bank was built from, by content: one digest per input, kept beside the bank.

A bank is stale when any input says something else than when it was built: the seeds, the
shipped reference catalogue, the host's reference files, the moderators' decisions, the
pipeline's own code (this package's source and version) or the build's random seed.
Modification times are not used: an image build (Docker ``COPY``) keeps old times on new
files, and a restored backup has new times on old ones. The digests are written to
``<bank>.inputs.json`` after the bank, so a bank without that record is built again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

from questions.files import write_atomically

PACKAGE = Path(__file__).resolve().parent
SHIPPED_REFERENCES = PACKAGE / "reference"
DISTRIBUTION = "soviet-space-trivia"
INPUTS_SUFFIX = ".inputs.json"
MAX_INPUTS_BYTES = 64 * 1024
# The order reasons are given in: the first input that differs is named.
PARTS = (
    "seeds",
    "shipped references",
    "host references",
    "decisions",
    "pipeline code",
    "build seed",
)


def _files(root: Path, pattern: str = "*") -> list[Path]:
    """Regular files under ``root`` (itself if a file), sorted; links are read through."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    found = (p for p in root.rglob(pattern) if "__pycache__" not in p.parts)
    return sorted(p for p in found if p.is_file())


def _digest(roots: Iterable[Path], pattern: str = "*") -> str:
    """One digest over the names and contents of every file under the roots."""
    digest = hashlib.sha256()
    for root in roots:
        digest.update(f"root {root}\0".encode())
        for path in _files(root, pattern):
            digest.update(f"{path.relative_to(root) if path != root else path.name}\0".encode())
            try:
                with path.open("rb") as stream:
                    digest.update(hashlib.file_digest(stream, "sha256").digest())
            except OSError as exc:  # the build reports it; here it only has to differ
                digest.update(f"unreadable {exc.errno}".encode())
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "not installed"


def build_inputs(
    seeds: Path, references: Sequence[Path], decisions: Path, seed: int
) -> dict[str, str]:
    """The digest of each input of a build (see the module), by part name."""
    code = _digest([PACKAGE], "*.py")
    return {
        "seeds": _digest([seeds]),
        "shipped references": _digest([SHIPPED_REFERENCES], "*.yaml"),
        "host references": _digest(references),
        "decisions": _digest([decisions]),
        "pipeline code": f"{_version()} {code}",
        "build seed": str(seed),
    }


def inputs_path(bank: Path) -> Path:
    """Where the record of ``bank``'s inputs is kept."""
    return bank.with_name(bank.name + INPUTS_SUFFIX)


def save_inputs(bank: Path, inputs: Mapping[str, str]) -> None:
    """Record what ``bank`` was built from, atomically.

    Raises:
        OSError: it cannot be written.
    """
    text = json.dumps(dict(inputs), indent=2, sort_keys=True) + "\n"
    write_atomically(text, inputs_path(bank), limit=MAX_INPUTS_BYTES)


def changed_input(bank: Path, inputs: Mapping[str, str]) -> str | None:
    """Why ``bank`` no longer matches ``inputs`` (as :func:`build_inputs` gives them), or None."""
    record = inputs_path(bank)
    try:
        with record.open("rb") as stream:
            kept = json.loads(stream.read(MAX_INPUTS_BYTES + 1))
    except (OSError, ValueError):
        return f"{bank} has no readable record of what it was built from ({record.name})"
    if not isinstance(kept, dict):
        return f"{bank} has no readable record of what it was built from ({record.name})"
    for part in PARTS:
        if kept.get(part) != inputs.get(part):
            return f"the {part} changed since {bank} was built"
    return None
