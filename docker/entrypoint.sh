#!/bin/sh
# Start-up of the bot's container, then the command (CMD: `trivia run`).
#  1. migrate the database;
#  2. build the bank into the data volume when it is missing or older than the seeds,
#     the references or the moderators' decisions (exit status 3: built, some document
#     skipped and named). If a rebuild fails, an existing bank is kept and used;
#  3. hand over to the command with exec, so SIGTERM reaches the bot.
set -eu

trivia db upgrade

status=0
trivia build --if-stale || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    bank="${TRIVIA_BANK_PATH:-${TRIVIA_DATA_DIR:-.}/bank.json}"
    if [ ! -f "$bank" ]; then
        echo "error: no question bank could be built, and there is none at $bank" >&2
        exit "$status"
    fi
    echo "warning: the bank could not be rebuilt; keeping $bank as it was" >&2
fi

exec "$@"
