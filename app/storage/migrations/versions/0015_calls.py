"""calls feature, fourth round: the kept analysis of a case (`call_analyses`).

One row per case: the findings of its last analysis (codes, call ids, times, parameters with
masked numbers only) and the fingerprint of what they were computed from. On an office server
`casebook admin init` gives the table the policies of every case table (read with the case,
written where the case is writable).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_analyses",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_call_analyses_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_call_analyses")),
    )


def downgrade() -> None:
    op.drop_table("call_analyses")
