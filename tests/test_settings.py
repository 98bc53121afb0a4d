"""Deployment settings read from the environment: lists of ids, and bad values refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings


def _settings() -> Settings:
    return Settings(_env_file=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("123,456", [123, 456]), ("[123, 456]", [123, 456]), (" 789 ", [789]), ("", None)],
)
@pytest.mark.parametrize("name", ["TRIVIA_FACT_REVIEW_GUILDS", "TRIVIA_SHARD_IDS"])
def test_id_lists_from_the_environment(monkeypatch, name, text, expected):
    monkeypatch.setenv(name, text)
    settings = _settings()
    field = name.removeprefix("TRIVIA_").lower()
    assert getattr(settings, field) == expected


def test_no_server_reviews_facts_unless_named(monkeypatch):
    monkeypatch.delenv("TRIVIA_FACT_REVIEW_GUILDS", raising=False)
    assert _settings().fact_review_guilds is None


def test_an_id_that_is_not_a_number_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("TRIVIA_FACT_REVIEW_GUILDS", "123,my-server")
    with pytest.raises(ValidationError, match="fact_review_guilds"):
        _settings()


def test_a_web_key_too_short_to_resist_guessing_is_refused(monkeypatch):
    monkeypatch.setenv("TRIVIA_WEB_SECRET", "short")
    with pytest.raises(ValidationError, match="at least 16 characters"):
        Settings(_env_file=None)
    monkeypatch.setenv("TRIVIA_WEB_SECRET", "sixteen chars ok")
    assert Settings(_env_file=None).web_secret is not None
