"""Deployment settings, read from ``TRIVIA_*`` environment variables and an optional ``.env``.

Built once in the command-line entry point and passed down; there is no module-level
instance, so importing the package never reads the environment.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "soviet-space-trivia"


def default_data_dir() -> Path:
    """The per-user data folder where the embedded database and the built bank live."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_database_url() -> str:
    """SQLite file in the user's data folder: the zero set-up default."""
    return f"sqlite+aiosqlite:///{default_data_dir() / 'trivia.sqlite3'}"


class Settings(BaseSettings):
    """Every deployment knob. Values come from the environment (prefix ``TRIVIA_``)."""

    model_config = SettingsConfigDict(
        env_prefix="TRIVIA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    discord_token: SecretStr | None = None
    database_url: str = Field(default_factory=default_database_url)
    dev_guild_id: int | None = None
    bank_path: Path | None = None
    seeds_dir: Path = Path("seeds")
    log_level: str = "WARNING"
    message_content_intent: bool = False
    shard_count: int | None = None
    shard_ids: list[int] | None = None
