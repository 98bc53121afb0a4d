# The trivia bot: Python pinned to an exact release, a non-root user, config from env only.
# Bank, moderators' decisions, packs and the health file live in the /data volume; the bank
# is built there at start when missing or older than the seeds (see docker/entrypoint.sh).
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 trivia \
    && mkdir /data \
    && chown trivia:trivia /data
WORKDIR /app

# Dependencies first, from the lock file alone: this layer is reused until it changes.
COPY requirements.lock ./
RUN pip install --no-deps -r requirements.lock

# Then the code: a change here reinstalls only the project itself.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY questions ./questions
COPY seeds ./seeds
COPY docker/entrypoint.sh /usr/local/bin/trivia-entrypoint
RUN pip install --no-deps .

USER trivia
# Everything else (token, database URL, intents, shards) comes from the environment.
ENV TRIVIA_DATA_DIR=/data \
    TRIVIA_BANK_PATH=/data/bank.json \
    TRIVIA_SEEDS_DIR=/app/seeds
VOLUME ["/data"]

# Healthy: the database answers at the newest revision and the gateway is connected.
HEALTHCHECK --interval=30s --timeout=15s --start-period=120s --retries=3 \
    CMD ["trivia", "health"]

ENTRYPOINT ["trivia-entrypoint"]
CMD ["trivia", "run"]
