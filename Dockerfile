# The trivia bot: slim Python matching requires-python, a non-root user, config from env only.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 trivia
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY questions ./questions
COPY seeds ./seeds
# Exit status 3 means the bank was built but some document was skipped (named in the log).
RUN pip install . \
    && (trivia build --seeds seeds --out /app/bank.json || [ "$?" -eq 3 ])

USER trivia
# Everything else (token, database URL, intents, shards) comes from the environment.
ENV TRIVIA_BANK_PATH=/app/bank.json \
    TRIVIA_SEEDS_DIR=/app/seeds \
    TRIVIA_LOG_LEVEL=INFO

# Migrations first, then the bot; exec so SIGTERM reaches the bot and it closes cleanly.
CMD ["sh", "-c", "trivia db upgrade && exec trivia run"]
