"""Accepted forms per guild: a near miss a host accepted counts in that host's guild only.

Each existing form moves to the guild (or guilds) whose hosts accepted it: the guilds of
the accepted, reviewed answers with that text to that item. A form no answer explains
any more (its answers were deleted) cannot be placed and is dropped.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_forms = sa.table(
    "accepted_forms",
    sa.column("id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("item_id", sa.String),
    sa.column("form", sa.String),
    sa.column("added_at", sa.DateTime(timezone=True)),
)
_answers = sa.table(
    "answers",
    sa.column("round_id", sa.Integer),
    sa.column("text", sa.String),
    sa.column("accepted", sa.Boolean),
    sa.column("reviewed", sa.Boolean),
)
_rounds = sa.table(
    "rounds",
    sa.column("id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("item_id", sa.String),
)
_sessions = sa.table("sessions", sa.column("id", sa.Integer), sa.column("guild_id", sa.BigInteger))


def _guilds_that_accepted(connection: sa.Connection) -> dict[tuple[str, str], set[int]]:
    """(item id, form) → the guilds whose hosts accepted an answer with that text."""
    rows = connection.execute(
        sa.select(_rounds.c.item_id, _answers.c.text, _sessions.c.guild_id)
        .select_from(_answers)
        .join(_rounds, _rounds.c.id == _answers.c.round_id)
        .join(_sessions, _sessions.c.id == _rounds.c.session_id)
        .where(_answers.c.accepted.is_(True), _answers.c.reviewed.is_(True))
    ).all()
    guilds: dict[tuple[str, str], set[int]] = {}
    for item_id, text, guild_id in rows:
        guilds.setdefault((item_id, text.strip()), set()).add(guild_id)
    return guilds


def upgrade() -> None:
    with op.batch_alter_table("accepted_forms") as batch:
        batch.add_column(sa.Column("guild_id", sa.BigInteger, nullable=True))
        batch.drop_constraint("uq_accepted_forms_item_form", type_="unique")
    connection = op.get_bind()
    guilds = _guilds_that_accepted(connection)
    existing = connection.execute(
        sa.select(_forms.c.id, _forms.c.item_id, _forms.c.form, _forms.c.added_at).order_by(
            _forms.c.id
        )
    ).all()
    for form_id, item_id, form, added_at in existing:
        places = sorted(guilds.get((item_id, form), ()))
        if not places:
            connection.execute(sa.delete(_forms).where(_forms.c.id == form_id))
            continue
        connection.execute(
            sa.update(_forms).where(_forms.c.id == form_id).values(guild_id=places[0])
        )
        for guild_id in places[1:]:
            connection.execute(
                sa.insert(_forms).values(
                    guild_id=guild_id, item_id=item_id, form=form, added_at=added_at
                )
            )
    with op.batch_alter_table("accepted_forms") as batch:
        batch.alter_column("guild_id", existing_type=sa.BigInteger, nullable=False)
        batch.create_unique_constraint(
            "uq_accepted_forms_guild_item_form", ["guild_id", "item_id", "form"]
        )


def downgrade() -> None:
    # Back to one form for every guild: keep the first row of each (item, form).
    connection = op.get_bind()
    keep = set(
        connection.execute(
            sa.select(sa.func.min(_forms.c.id)).group_by(_forms.c.item_id, _forms.c.form)
        ).scalars()
    )
    every = [row[0] for row in connection.execute(sa.select(_forms.c.id)).all()]
    for form_id in every:
        if form_id not in keep:
            connection.execute(sa.delete(_forms).where(_forms.c.id == form_id))
    with op.batch_alter_table("accepted_forms") as batch:
        batch.drop_constraint("uq_accepted_forms_guild_item_form", type_="unique")
        batch.create_unique_constraint("uq_accepted_forms_item_form", ["item_id", "form"])
        batch.drop_column("guild_id")
