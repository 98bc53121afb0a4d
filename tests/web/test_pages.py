"""The pages over a database filled by play, on SQLite and PostgreSQL: what each shows, who
may see it, and that bad input gets a clear 404 or 403 page."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from types import SimpleNamespace

import pytest

from bot.game.models import GuildId
from bot.web.app import templates
from bot.web.links import HostLinks
from tests.web.html import table, text
from tests.web.world import (
    ANNA,
    BORIS,
    CHEN,
    GUILD,
    HIDDEN,
    HOST,
    NIGHT_QUESTIONS,
    NIGHT_TITLE,
)

DISCORD_IDS = [p.external_id for p in (ANNA, BORIS, CHEN, HOST)]


def _escaped_everywhere(html: str) -> None:
    assert "<script>" not in html
    assert "<b>Boris" not in html
    assert "<i>space" not in html
    for discord_id in DISCORD_IDS:
        assert discord_id not in html


async def test_leaderboard_ranks_players_with_points_accuracy_and_streak(pages):
    page = await pages.get(f"/g/{GUILD}")
    assert page.status_code == 200
    _escaped_everywhere(page.text)
    header, *rows = table(page.text, "board")
    assert header == ["#", "Player", "Points", "Accuracy", "Best streak"]
    assert [row[1] for row in rows] == [ANNA.name, BORIS.name, CHEN.name]
    assert [row[0] for row in rows] == ["1", "2", "3"]
    points = [int(row[2]) for row in rows]
    assert points == sorted(points, reverse=True)
    assert points[0] > 0
    # Anna: every game answer right and one night answer wrong, so one streak of five.
    assert rows[0][3:] == ["88%", "5"]
    assert rows[2][3] == "12%"
    week = await pages.get(f"/g/{GUILD}/leaderboard/week")
    assert [row[1] for row in table(week.text, "board")[1:]] == [ANNA.name, BORIS.name, CHEN.name]
    season = await pages.get(f"/g/{GUILD}/leaderboard/season")
    assert "No season has been started yet" in text(season.text)
    assert table(season.text, "board") == []


async def test_player_page_shows_their_record_and_ranks(pages):
    anna = pages.filled.players[ANNA.name]
    page = await pages.get(f"/g/{GUILD}/players/{anna}")
    assert page.status_code == 200
    shown = text(page.text)
    assert "Answers 8 Correct 7 Accuracy 88%" in shown
    assert "Best streak 5" in shown
    ranks = {row[0]: row[1] for row in table(page.text, "ranks")[1:]}
    assert ranks == {"this week": "#1", "this month": "#1", "this season": "—", "all time": "#1"}
    boris = await pages.get(f"/g/{GUILD}/players/{pages.filled.players[BORIS.name]}")
    _escaped_everywhere(boris.text)
    assert BORIS.name in text(boris.text)


async def test_season_lists_the_night_and_its_recap_tells_rounds_tie_break_and_podium(pages):
    season = await pages.get(f"/g/{GUILD}/season")
    assert season.status_code == 200
    _escaped_everywhere(season.text)
    rows = table(season.text, "season")[1:]
    assert [(row[0], row[1], row[4]) for row in rows] == [
        ("1", ANNA.name, "1"),
        ("2", BORIS.name, "0"),
        ("3", CHEN.name, "0"),
    ]
    assert rows[0][2] == rows[1][2]  # tied on points: the tie-breaker gave Anna the night
    nights = table(season.text, "nights")[1:]
    assert [(row[0], row[2]) for row in nights] == [(NIGHT_TITLE, "finished")]

    night = await pages.get(f"/g/{GUILD}/nights/{pages.filled.night_id}")
    assert night.status_code == 200
    _escaped_everywhere(night.text)
    shown = text(night.text)
    assert NIGHT_TITLE in shown
    assert "Round 1:" in shown
    assert "Round 2:" in shown
    assert "Standings after round 1" in shown
    assert "Standings after round 2" in shown
    assert "In which year did Gagarin fly?" in shown
    assert "the answer was 1961" in shown
    assert "Hardest question:" in shown
    assert "Easiest question:" in shown
    assert [row[1] for row in table(night.text, "standings")[1:]] == [
        ANNA.name,
        BORIS.name,
        CHEN.name,
    ]
    podium = await pages.get(f"/g/{GUILD}/nights/{pages.filled.night_id}/podium.png")
    assert podium.status_code == 200
    assert podium.headers["content-type"] == "image/png"
    assert podium.content.startswith(b"\x89PNG")


async def test_question_bank_shows_answers_evidence_and_verifying_source(pages, pipeline):
    items = pipeline.build.items
    bank = await pages.get(f"/g/{GUILD}/questions")
    assert bank.status_code == 200
    rows = table(bank.text, "bank")[1:]
    assert len(rows) == len(items)
    category = sorted({item.category for item in items})[0]
    some = await pages.get(f"/g/{GUILD}/questions", params={"category": category})
    wanted = sum(1 for item in items if item.category == category)
    assert len(table(some.text, "bank")) - 1 == wanted
    verified = {
        (a.claim.evidence.document, a.claim.evidence.quote): a.source
        for a in pipeline.assessments
        if a.verdict.value == "verified" and a.source
    }
    item = next(i for i in items if any((q.document, q.quote) in verified for q in i.sources))
    source = next(
        verified[(q.document, q.quote)] for q in item.sources if (q.document, q.quote) in verified
    )
    page = await pages.get(f"/g/{GUILD}/questions/{item.id}")
    shown = text(page.text)
    assert item.answers[0] in shown
    assert item.sources[0].quote in shown
    assert item.sources[0].document in shown
    assert source.url in page.text
    assert source.title in shown


async def test_fact_report_lists_every_claim_as_trivia_facts_does(pages, pipeline):
    page = await pages.get(f"/g/{GUILD}/facts")
    rows = table(page.text, "claims")[1:]
    assert [row[0] for row in rows] == [a.claim.id for a in pipeline.assessments]
    assert {row[6] for row in rows} == {a.verdict.value for a in pipeline.assessments}
    only = await pages.get(f"/g/{GUILD}/facts", params={"verdict": "contradicted"})
    wanted = [a.claim.id for a in pipeline.assessments if a.verdict.value == "contradicted"]
    assert [row[0] for row in table(only.text, "claims")[1:]] == wanted


async def test_host_link_opens_review_counts_and_question_stats_until_it_expires(pages):
    token, expires = pages.links.token(GUILD)
    page = await pages.get(f"/g/{GUILD}/host?key={token}")
    assert page.status_code == 200
    shown = text(page.text)
    assert "Near misses waiting 0" in shown
    assert "Open reports 1 on 1 questions" in shown
    stats = table(page.text, "question-stats")[1:]
    assert len(stats) == len(pages.filled.asked) + NIGHT_QUESTIONS  # a game's and a night's
    assert sum(int(row[5]) for row in stats) == 1  # the one report, on its question
    assert all(int(row[1]) == 1 and int(row[2]) == 3 for row in stats)
    _escaped_everywhere(page.text)

    pages.clock.now = expires
    expired = await pages.get(f"/g/{GUILD}/host?key={token}")
    assert expired.status_code == 403
    assert "expired" in text(expired.text)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "nonsense",
        "tampered",
        "other key",
        "other guild",
    ],
)
async def test_host_view_refuses_links_not_signed_for_the_guild(pages, key):
    token, _ = pages.links.token(GUILD)
    forged = {
        "": "",
        "nonsense": "abc.def",
        "tampered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "other key": HostLinks("another secret", pages.clock).token(GUILD)[0],
        "other guild": pages.links.token(HIDDEN)[0],
    }[key]
    page = await pages.get(f"/g/{GUILD}/host?key={forged}")
    assert page.status_code == 403
    assert "Traceback" not in page.text
    assert "403" in text(page.text)


@pytest.mark.parametrize(
    "path",
    [
        f"/g/{HIDDEN}",
        f"/g/{HIDDEN}/season",
        f"/g/{HIDDEN}/questions",
        f"/g/{HIDDEN}/facts",
        "/g/1",
        "/g/99999999999999999999999999",
        f"/g/{GUILD}/leaderboard/decade",
        f"/g/{GUILD}/players/99999",
        f"/g/{GUILD}/players/99999999999999",
        f"/g/{GUILD}/nights/12345",
        f"/g/{GUILD}/nights/99999999999999/podium.png",
        f"/g/{GUILD}/questions/no-such-question",
        f"/g/{GUILD}/questions?category=%3Cscript%3E",
        "/nowhere",
    ],
)
async def test_unknown_or_hidden_pages_are_a_clear_404(pages, path):
    page = await pages.get(path)
    assert page.status_code == 404
    assert "404: not found" in text(page.text)
    assert "Traceback" not in page.text
    assert "<script>" not in page.text


async def test_a_guild_without_pages_hides_its_players_and_nights_too(pages):
    anna = pages.filled.players[ANNA.name]
    assert (await pages.get(f"/g/{HIDDEN}/players/{anna}")).status_code == 404
    night = f"/g/{HIDDEN}/nights/{pages.filled.night_id}"
    assert (await pages.get(night)).status_code == 404
    # The night is the other guild's: its own address does not open it either.
    assert (await pages.get(f"/g/{GUILD}/nights/{pages.filled.night_id}")).status_code == 200


async def test_no_page_changes_data(pages):
    before = await _snapshot(pages)
    token, _ = pages.links.token(GUILD)
    for path in (f"/g/{GUILD}", f"/g/{GUILD}/host?key={token}", f"/g/{GUILD}/season"):
        assert (await pages.client.post(path)).status_code == 405
        assert (await pages.client.delete(path)).status_code == 405
    assert await _snapshot(pages) == before


async def _snapshot(pages) -> list[str]:
    token, _ = pages.links.token(GUILD)
    paths = [f"/g/{GUILD}", f"/g/{GUILD}/season", f"/g/{GUILD}/host?key={token}"]
    return [(await pages.get(path)).text for path in paths]


async def test_health_answers_while_the_database_does(pages):
    page = await pages.get("/health")
    assert (page.status_code, page.text) == (200, "ok")


async def test_index_lists_no_guild(pages):
    page = await pages.get("/")
    assert page.status_code == 200
    assert str(GUILD) not in page.text
    assert str(HIDDEN) not in page.text


def test_links_of_one_guild_do_not_open_another(pages):
    token, _ = pages.links.token(GuildId(1))
    assert pages.links.guild_of(token) == GuildId(1)
    assert timedelta(hours=24) == pages.links.lifetime


def test_the_fact_report_never_shows_the_account_a_moderator_signed_with(pipeline):
    signed = "approved by Olga (discord 900000000000000001) on 2026-12-01: it is so"
    shown = [replace(pipeline.assessments[0], reason=signed)]
    reopened = SimpleNamespace(
        decision=SimpleNamespace(claim="c1", by="Olga (discord 900000000000000001)"),
        reason="its quote changed",
    )
    result = SimpleNamespace(
        disagreements=(), agreements=(), reopened=(reopened,), reference_notes=()
    )
    html = (
        templates()
        .get_template("facts.html")
        .render(
            guild=1, shown=shown, summary=[], verdict=None, report=SimpleNamespace(result=result)
        )
    )
    assert "900000000000000001" not in html
    assert "approved by Olga on 2026-12-01" in html
    assert "by Olga: its quote changed" in html
