"""office feature, second round: the change log behind opaque notifications
(`office_changes`) and the editing leases of open cases (`case_presence`).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_changes",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_office_changes")),
    )
    op.create_table(
        "case_presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("what", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_presence_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_presence")),
        sa.UniqueConstraint("case_id", "login", name=op.f("uq_case_presence_case_id_login")),
    )
    with op.batch_alter_table("case_presence") as batch:
        batch.create_index(batch.f("ix_case_presence_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_presence") as batch:
        batch.drop_index(batch.f("ix_case_presence_case_id"))
    op.drop_table("case_presence")
    op.drop_table("office_changes")
