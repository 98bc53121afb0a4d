"""A real browser on the real server: ``trivia web`` on a loopback port, headless Chromium.

The database is filled by playing a game and a night through the engine; the test starts
the ``trivia web`` command as a process, drives Debian's Chromium through every page with
Selenium, checks what each shows and takes a screenshot of each (into
``TRIVIA_SCREENSHOTS`` when set, which is how the README's pictures are made).

Without Chromium and its driver the tests are skipped, unless ``CI`` is set: there they
must run (``scripts/dev.py`` installs the Debian packages when it can).
"""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from bot.game.models import GuildSettings
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.web.links import HostLinks
from questions.bank import save_bank
from tests.conftest import REPO_ROOT, SEEDS
from tests.web.world import ANNA, BORIS, GUILD, HIDDEN, NIGHT_TITLE, Filled, fill

SECRET = "browser test key"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = "chromedriver"
START_TIMEOUT = 90.0
SCREEN = (1200, 800)


def _chromium() -> tuple[str, str] | None:
    browser = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver = shutil.which(DRIVER)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def chromium() -> tuple[str, str]:
    found = _chromium()
    if found is None:
        reason = "no Chromium and chromedriver (apt-get install chromium chromium-driver)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{reason}: the browser tests must run under CI")
        pytest.skip(reason)
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Server:
    base: str
    url: str
    filled: Filled


def _wait_until_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"trivia web stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"trivia web did not answer in time: {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[Server]:
    """``trivia web`` serving a SQLite database filled by play, until the module ends."""
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite+aiosqlite:///{folder / 'trivia.sqlite3'}"
    items = pipeline.build.items
    filled = asyncio.run(fill(url, items))
    bank = folder / "bank.json"
    save_bank(items, bank)
    port = _free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TRIVIA_")},
        "TRIVIA_DATABASE_URL": url,
        "TRIVIA_DATA_DIR": str(folder / "data"),
        "TRIVIA_SEEDS_DIR": str(SEEDS),
        "TRIVIA_WEB_SECRET": SECRET,
        "PYTHONPATH": str(REPO_ROOT),
    }
    command = [sys.executable, "-m", "bot.entry", "web", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--bank", str(bank)]
    log = folder / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            command, cwd=folder, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base, process, log)
        yield Server(base, url, filled)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(chromium):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = chromium
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={SCREEN[0]},{SCREEN[1]}")
    session = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("TRIVIA_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shoot(browser, folder: Path, name: str) -> Path:
    """A screenshot of the window, stored as a small palette PNG."""
    picture = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    path = folder / f"{name}.png"
    picture.quantize(colors=64).save(path, optimize=True)
    return path


def _visit(browser, url: str):
    from selenium.webdriver.common.by import By

    browser.get(url)
    return lambda css: browser.find_element(By.CSS_SELECTOR, css)


CELLS = (
    "return Array.from(document.querySelectorAll(arguments[0]))"
    ".map(row => Array.from(row.cells).map(cell => cell.innerText.trim()))"
)


def _cells(browser, table: str) -> list[list[str]]:
    """The text of a table's body cells, read in one call (not one per cell)."""
    rows: list[list[str]] = browser.execute_script(CELLS, f"#{table} tbody tr")
    return rows


def test_leaderboard_and_player_pages_in_chromium(server, browser, shots):
    find = _visit(browser, f"{server.base}/g/{GUILD}")
    assert find("h1").text.startswith("Leaderboard")
    rows = _cells(browser, "board")
    assert [row[1] for row in rows[:2]] == [ANNA.name, BORIS.name]  # markup shown as text
    assert rows[0][3:] == ["88%", "5"]
    assert "<script>" not in browser.page_source
    assert _shoot(browser, shots, "leaderboard").stat().st_size > 0
    find("#board tbody tr a").click()
    assert browser.find_element("css selector", "h1").text == ANNA.name
    assert "Best streak" in browser.find_element("css selector", ".record").text
    _shoot(browser, shots, "player")


def test_season_and_night_recap_in_chromium(server, browser, shots):
    find = _visit(browser, f"{server.base}/g/{GUILD}/season")
    assert [row[1] for row in _cells(browser, "season")[:2]] == [ANNA.name, BORIS.name]
    _shoot(browser, shots, "season")
    find("#nights tbody a").click()
    assert browser.find_element("css selector", "h1").text == NIGHT_TITLE
    podium = browser.find_element("css selector", ".podium img")
    assert browser.execute_script("return arguments[0].naturalWidth", podium) > 0
    assert "the answer was 1961" in browser.find_element("css selector", "#tiebreak").text
    assert "Hardest question" in browser.find_element("css selector", "#highlights").text
    rounds = browser.find_elements("css selector", "section.round")
    assert len(rounds) == 2
    _shoot(browser, shots, "night")


def test_question_bank_and_fact_report_in_chromium(server, browser, shots, pipeline):
    find = _visit(browser, f"{server.base}/g/{GUILD}/questions")
    assert len(_cells(browser, "bank")) == len(pipeline.build.items)
    _shoot(browser, shots, "questions")
    find("#bank tbody a").click()
    assert browser.find_element("css selector", "#answers li").text
    assert browser.find_elements("css selector", "blockquote")
    _shoot(browser, shots, "question")
    _visit(browser, f"{server.base}/g/{GUILD}/facts?verdict=contradicted")
    contradicted = [a for a in pipeline.assessments if a.verdict.value == "contradicted"]
    assert [row[0] for row in _cells(browser, "claims")] == [a.claim.id for a in contradicted]
    _visit(browser, f"{server.base}/g/{GUILD}/facts")
    assert len(_cells(browser, "claims")) == len(pipeline.assessments)
    _shoot(browser, shots, "facts")


def test_host_view_and_refusals_in_chromium(server, browser, shots):
    links = HostLinks(SECRET, lambda: datetime.now(UTC))
    token, _ = links.token(GUILD)
    find = _visit(browser, f"{server.base}/g/{GUILD}/host?key={token}")
    assert "Open reports 1 on 1 questions" in find("#queue").text.replace("\n", " ")
    assert len(_cells(browser, "question-stats")) == 8
    _shoot(browser, shots, "host")
    find = _visit(browser, f"{server.base}/g/{GUILD}/host?key={token[:-3]}xyz")
    assert find("h1").text == "403: not allowed"
    find = _visit(browser, f"{server.base}/g/{HIDDEN}")
    assert find("h1").text == "404: not found"
    _shoot(browser, shots, "not-found")


def test_pages_switched_on_while_the_server_runs_show_at_once(server, browser):
    asyncio.run(_switch_pages_on(server.url, HIDDEN))
    find = _visit(browser, f"{server.base}/g/{HIDDEN}")
    assert find("h1").text.startswith("Leaderboard")
    assert [row[1] for row in _cells(browser, "board")][:1] == [ANNA.name]


async def _switch_pages_on(url: str, guild) -> None:
    """What /trivia settings web:on stores, from another process's store."""
    engine = db.create_engine(url)
    try:
        await SqlRepository(db.session_factory(engine)).save_guild_settings(
            GuildSettings(guild, web_pages=True)
        )
    finally:
        await engine.dispose()
