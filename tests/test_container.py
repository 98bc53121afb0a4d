"""The container, without Docker: the Dockerfile and compose.yaml say what they should,
and the entry script's steps run here as they would in the image.

There is no Docker daemon in CI, so the entry script runs on this machine against a
temporary data folder and SQLite, with the same ``trivia`` commands the image runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from questions.bank import load_bank
from tests.conftest import REPO_ROOT, SEEDS

DOCKERFILE = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text(encoding="utf-8"))
ENTRY = REPO_ROOT / "docker" / "entrypoint.sh"


def _instructions() -> list[tuple[str, str]]:
    joined = DOCKERFILE.replace("\\\n", " ")
    lines = [line.strip() for line in joined.splitlines()]
    return [
        (line.split()[0], line.split(maxsplit=1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def test_base_image_is_pinned_to_an_exact_release():
    (base,) = [arg for kind, arg in _instructions() if kind == "FROM"]
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base), base
    image = COMPOSE["services"]["db"]["image"]
    assert re.fullmatch(r"postgres:\d+\.\d+-\w+", image), image


def test_dependencies_are_installed_from_the_lock_file_before_the_code_is_copied():
    steps = _instructions()
    lock = steps.index(("COPY", "requirements.lock ./"))
    install = steps.index(("RUN", "pip install --no-deps -r requirements.lock"))
    code = steps.index(("COPY", "bot ./bot"))
    assert lock < install < code
    assert all(kind != "COPY" for kind, _ in steps[:lock])


def test_the_lock_file_pins_every_dependency_as_pyproject_does():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lock = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {
        name.lower().replace("_", "-"): version
        for name, version in re.findall(r"^([\w.-]+)==(\S+)$", lock, re.MULTILINE)
    }
    for requirement in project["project"]["dependencies"]:
        name, version = re.fullmatch(r"([\w.-]+)(?:\[\w+\])?==(\S+)", requirement).groups()
        assert pinned.get(name.lower().replace("_", "-")) == version, requirement


def test_bank_decisions_and_health_live_in_the_data_volume():
    env = dict(re.findall(r"(TRIVIA_\w+)=(\S+)", DOCKERFILE))
    assert env["TRIVIA_DATA_DIR"] == "/data"
    assert env["TRIVIA_BANK_PATH"].startswith("/data/")
    bot = COMPOSE["services"]["bot"]
    assert "trivia-data:/data" in bot["volumes"]
    assert "trivia-data" in COMPOSE["volumes"]
    assert "RUN trivia build" not in DOCKERFILE.replace("\\\n", " ")  # built at start


def test_the_bot_has_a_healthcheck_running_trivia_health():
    assert COMPOSE["services"]["bot"]["healthcheck"]["test"] == ["CMD", "trivia", "health"]
    healthcheck = [arg for kind, arg in _instructions() if kind == "HEALTHCHECK"]
    assert healthcheck
    assert healthcheck[0].endswith('CMD ["trivia", "health"]')
    assert ("ENTRYPOINT", '["trivia-entrypoint"]') in _instructions()
    assert ("CMD", '["trivia", "run"]') in _instructions()


@pytest.fixture
def container(tmp_path: Path) -> dict[str, str]:
    """The image's environment, pointed at a temporary data folder and a SQLite file."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(path, seeds / path.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIVIA_")}
    bin_folder = str(Path(sys.executable).parent)  # where `trivia` is installed
    env.update(
        PATH=f"{bin_folder}{os.pathsep}{env.get('PATH', '')}",
        TRIVIA_DATA_DIR=str(tmp_path / "data"),
        TRIVIA_BANK_PATH=str(tmp_path / "data" / "bank.json"),
        TRIVIA_SEEDS_DIR=str(seeds),
        TRIVIA_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'data' / 'trivia.sqlite3'}",
    )
    return env


def _entry(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script
        ["/bin/sh", str(ENTRY), *command],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_entry_script_migrates_builds_once_and_rebuilds_when_seeds_change(container):
    bank = Path(container["TRIVIA_BANK_PATH"])
    first = _entry(container, "trivia", "db", "current")
    assert first.returncode == 0, first.stderr
    assert re.search(r"database at revision \d{4}", first.stdout)
    assert f"building {bank}: {bank} does not exist yet" in first.stdout
    items = load_bank(bank)
    assert items
    built = bank.stat().st_mtime_ns

    again = _entry(container, "trivia", "db", "current")
    assert again.returncode == 0, again.stderr
    assert "is up to date" in again.stdout
    assert bank.stat().st_mtime_ns == built

    # A new image copies a changed document with its old time: the content decides.
    seed = sorted(Path(container["TRIVIA_SEEDS_DIR"]).iterdir())[0]
    times = seed.stat()
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(seed, ns=(times.st_atime_ns, times.st_mtime_ns))
    changed = _entry(container, "trivia", "db", "current")
    assert changed.returncode == 0, changed.stderr
    assert f"the seeds changed since {bank} was built" in changed.stdout
    assert bank.stat().st_mtime_ns != built


def test_entry_script_keeps_a_bank_it_cannot_rebuild(container):
    bank = Path(container["TRIVIA_BANK_PATH"])
    assert _entry(container, "true").returncode == 0
    before = bank.read_bytes()
    seeds = Path(container["TRIVIA_SEEDS_DIR"])
    for path in seeds.iterdir():
        path.write_bytes(b"\x00binary")  # every document unreadable: a build makes nothing
    result = _entry(container, "trivia", "db", "current")
    assert result.returncode == 0, result.stderr
    assert "keeping" in result.stderr
    assert "Traceback" not in result.stderr
    assert bank.read_bytes() == before


def test_entry_script_without_any_bank_stops_with_one_line(container):
    for path in Path(container["TRIVIA_SEEDS_DIR"]).iterdir():
        path.unlink()
    result = _entry(container, "trivia", "run")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        result.stderr.strip().splitlines()[-1].startswith("error: no question bank could be built")
    )


def test_the_web_pages_run_beside_the_bot_on_its_database_with_a_healthcheck():
    web, bot = COMPOSE["services"]["web"], COMPOSE["services"]["bot"]
    assert web["environment"]["TRIVIA_DATABASE_URL"] == bot["environment"]["TRIVIA_DATABASE_URL"]
    assert [web["entrypoint"][0], *web["command"]] == ["trivia", "web"]
    assert web["environment"]["TRIVIA_WEB_HOST"] == "0.0.0.0"  # noqa: S104 - in its container
    port = web["environment"]["TRIVIA_WEB_PORT"]
    assert f"{port}:{port}" in web["ports"]
    probe = web["healthcheck"]["test"]
    assert probe[:2] == ["CMD", "python"]
    assert f"http://127.0.0.1:{port}/health" in probe[-1]
    assert "trivia-data:/data" in web["volumes"]
