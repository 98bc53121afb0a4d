"""scripts/red_compat.py reads a Red-DiscordBot package's lists and counts what imports."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import DATA, REPO_ROOT

LISTS = "redbot/cogs/trivia/data/lists"
SCRIPT = REPO_ROOT / "scripts" / "red_compat.py"


def _run(location: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script, with a path we made
        [sys.executable, str(SCRIPT), str(location)], capture_output=True, text=True, check=False
    )


def test_compat_script_counts_each_list_of_a_package_folder_and_a_wheel(tmp_path: Path):
    folder = tmp_path / "site-packages" / LISTS
    folder.mkdir(parents=True)
    for name in ("red_every_feature.yaml", "space_race.yaml"):
        (folder / name).write_bytes((DATA / "packs" / name).read_bytes())
    (folder / "broken.yaml").write_text("a: &a [x]\nb: *a\n", encoding="utf-8")
    (folder / "huge.yaml").write_text("Q?:\n- " + "9" * 5000 + "\nR?:\n- a\n", encoding="utf-8")
    done = _run(tmp_path / "site-packages")
    assert done.returncode == 1
    assert "red_every_feature.yaml: 11 imported, 3 skipped, 1 changed" in done.stdout
    assert "space_race.yaml: 5 imported, 0 skipped" in done.stdout
    assert "broken.yaml: REFUSED" in done.stdout
    assert "huge.yaml: 1 imported, 1 skipped" in done.stdout
    assert "3 of 4 lists imported; 17 questions imported, 4 skipped, 1 changed" in done.stdout
    assert "Traceback" not in done.stderr

    (folder / "broken.yaml").unlink()
    (folder / "huge.yaml").unlink()
    wheel = tmp_path / "red.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{LISTS}/{path.name}")
    done = _run(wheel)
    assert done.returncode == 0
    assert "2 of 2 lists imported" in done.stdout
