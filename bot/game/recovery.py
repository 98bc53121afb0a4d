"""Recovery after a stop, in every format: what a crash left open, settled the one way.

A crash leaves sessions marked running in the shared session and round tables, some with
a question still open. :func:`recover` is the one recovery step: it finds those sessions
(:meth:`RecoveryStore.unfinished_sessions`, for the formats it is given), settles each
open question through :func:`bot.game.closing.settle` as its format's policy says, and
then hands each session to that policy. The policy is passed in (a
:class:`RecoveryPolicy` per :class:`~bot.game.models.SessionFormat`), so the finding and
the settling are written once and each format says only what a stop means for it: a game
ends with its points kept (:class:`bot.game.service.GameService`), a quiz night pauses
where it was last seen running (``bot/night/recovery.py``) and keeps a question it still
shows open for its host to resume. What the channels are told stays each format's own.

Settling repeats safely (:func:`~bot.game.closing.settle` credits once however often it
runs), so a crash during the recovery itself is recovered by the next start.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Protocol, TypeVar

from bot.game import closing
from bot.game.closing import Closing
from bot.game.models import (
    GAMES_ONLY,
    Clock,
    GuildId,
    RoundInfo,
    SessionFormat,
    SessionInfo,
    UnfinishedSession,
)
from bot.game.ports import RoundRepository
from bot.game.recording import Sleep, retrying

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class RecoveryStore(RoundRepository, Protocol):
    """What recovery needs of the store: the sessions left running, and their rounds."""

    async def unfinished_sessions(
        self, formats: Collection[SessionFormat] = GAMES_ONLY
    ) -> Sequence[UnfinishedSession]:
        """Sessions of these formats still marked running, each with its last and open rounds."""
        ...


class RecoveryPolicy(Protocol[R_co]):
    """What one format does with a session a stop left running."""

    def takes(self, session: SessionInfo) -> bool:
        """Whether this format takes the session up (not one it still plays, say)."""
        ...

    def closing(self, left: UnfinishedSession, open_round: RoundInfo) -> Closing | None:
        """How a question the stop left open closes now; None keeps it open to go on with."""
        ...

    async def take_up(self, left: UnfinishedSession) -> R_co:
        """The format's consequence for the session, once its questions are settled."""
        ...


async def recover(
    store: RecoveryStore,
    policies: Mapping[SessionFormat, RecoveryPolicy[R]],
    clock: Clock,
    *,
    owned: Callable[[GuildId], bool] | None = None,
    sleep: Sleep | None = None,
) -> list[R]:
    """Settle what a stop left open and hand each session to its format's policy.

    Sessions are taken in the order they were created; a format without a policy here is
    left as it is.

    Args:
        store: The shared session and round tables.
        policies: Each format's policy (see the module).
        clock: The time a question is settled at.
        owned: Which guilds this process plays for; with several processes sharing one
            database each recovers only its own guilds. ``None`` means every guild.
        sleep: Waits between retries of a settle while the database is down; ``None``
            settles once.

    Returns:
        What each policy made of each session it took up, in that order.

    Raises:
        StorageUnavailableError: A settle failed on every retry.
    """
    results: list[R] = []
    for left in await store.unfinished_sessions(frozenset(policies)):
        session = left.session
        policy = policies.get(session.format)
        if policy is None or not policy.takes(session):
            continue
        if owned is not None and not owned(session.guild_id):
            continue
        for open_round in left.open_rounds:
            how = policy.closing(left, open_round)
            if how is not None:
                await _settle(store, open_round, how, clock, sleep)
        results.append(await policy.take_up(left))
    return results


async def _settle(
    store: RecoveryStore, left: RoundInfo, how: Closing, clock: Clock, sleep: Sleep | None
) -> None:
    now = clock()
    if sleep is None:
        await closing.settle(store, left.id, how, now)
    else:
        await retrying(lambda: closing.settle(store, left.id, how, now), sleep)
