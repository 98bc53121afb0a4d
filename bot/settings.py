"""Deployment settings, read from ``TRIVIA_*`` environment variables and an optional ``.env``.

Built once in the command-line entry point and passed down; there is no module-level
instance, so importing the package never reads the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

APP_NAME = "soviet-space-trivia"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MIN_WEB_SECRET = 16  # characters of TRIVIA_WEB_SECRET, the key that signs host links


def default_data_dir() -> Path:
    """The per-user data folder where the embedded database and the built bank live."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_database_url(data_dir: Path | None = None) -> str:
    """SQLite file in the data folder: the zero set-up default."""
    return f"sqlite+aiosqlite:///{(data_dir or default_data_dir()) / 'trivia.sqlite3'}"


class Settings(BaseSettings):
    """Every deployment knob. Values come from the environment (prefix ``TRIVIA_``)."""

    model_config = SettingsConfigDict(
        env_prefix="TRIVIA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    discord_token: SecretStr | None = None
    data_dir: Path = Field(default_factory=default_data_dir)
    """Where the bank, the moderators' decisions, the packs, the SQLite database and the
    gateway's health file live when not set one by one (a volume, in a container)."""
    database_url: str = Field(default_factory=lambda data: default_database_url(data["data_dir"]))
    dev_guild_id: int | None = None
    bank_path: Path | None = None
    seeds_dir: Path = Path("seeds")
    packs_dir: Path | None = None
    """The packs folder (imported community packs); unset: ``packs`` in the data folder."""
    guild_pack_limit: int = Field(default=20, ge=0)
    """How many packs one server may upload and keep (``/trivia pack import``)."""
    guild_pack_megabytes: float = Field(default=20.0, ge=0)
    """How much one server's uploaded packs may take together, in MB as stored."""
    references: Annotated[list[Path], NoDecode] = Field(default_factory=list)
    """The host's reference files or folders, merged with the shipped catalogue, e.g.
    ``refs/films.yaml,refs/more`` (separated by commas or the system's path separator)."""
    log_level: str = "WARNING"
    message_content_intent: bool = False
    """Ask Discord for message content, so typed chat answers work (privileged intent)."""
    shard_count: int | None = Field(default=None, ge=1)
    """Total shards across every process; unset lets Discord recommend a count."""
    shard_ids: Annotated[list[int] | None, NoDecode] = None
    """Shards this process runs, e.g. ``0,1``; unset runs all of them."""
    fact_review_guilds: Annotated[list[int] | None, NoDecode] = None
    """Servers whose moderators may approve or reject unverified facts for every server,
    e.g. ``123,456``; unset: facts are decided with ``trivia facts approve|reject`` only."""
    web_secret: SecretStr | None = None
    """The key that signs the host links ``/trivia web`` hands out; unset: no host links."""
    web_base_url: str | None = None
    """Where players reach ``trivia web`` (the address ``/trivia web`` links to); unset:
    ``/trivia web`` says the bot serves no pages rather than link to an address nobody
    can reach."""
    web_host: str = "127.0.0.1"
    """The address ``trivia web`` listens on (``0.0.0.0`` in a container)."""
    web_port: int = Field(default=8080, ge=1, le=65535)
    """The port ``trivia web`` listens on."""
    web_link_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    """How long a host link from ``/trivia web`` works."""
    discord_api_base: str | None = None
    """Discord REST base URL, for an HTTP proxy in front of Discord; unset uses Discord."""
    discord_gateway_url: str | None = None
    """Gateway websocket URL, for a gateway proxy; unset uses Discord's."""

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        """Refuse a level the logging module does not know, naming the ones it does."""
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"log level must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("references", mode="before")
    @classmethod
    def _split_paths(cls, value: object) -> object:
        """Accept ``a.yaml,b`` (or ``a.yaml:b``) from the environment as well as a list."""
        if isinstance(value, str):
            parts = value.replace(os.pathsep, ",").split(",")
            return [part.strip() for part in parts if part.strip()]
        return value

    @field_validator("web_secret")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        """A key short enough to guess would let anyone forge a host link."""
        if value is not None and len(value.get_secret_value()) < MIN_WEB_SECRET:
            raise ValueError(f"the key must be at least {MIN_WEB_SECRET} characters long")
        return value

    @field_validator("shard_ids", "fact_review_guilds", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept ``0,1`` and ``[0, 1]`` from the environment as well as a list."""
        if isinstance(value, str):
            text = value.strip().strip("[]")
            return [part.strip() for part in text.split(",") if part.strip()] or None
        return value

    def default_bank(self) -> Path:
        """The bank ``trivia build`` writes, and the others read when it is up to date."""
        return self.bank_path or self.data_dir / "bank.json"

    def decisions_file(self) -> Path:
        """The moderators' decisions on facts (written by the bot and by ``trivia facts``)."""
        return self.data_dir / "decisions.yaml"

    def health_file(self) -> Path:
        """Where the running bot notes its gateway connection, for ``trivia health``."""
        return self.data_dir / "health.json"

    def packs_folder(self) -> Path:
        """The packs folder: ``TRIVIA_PACKS_DIR``, else ``packs`` in the data folder."""
        return self.packs_dir or self.data_dir / "packs"
