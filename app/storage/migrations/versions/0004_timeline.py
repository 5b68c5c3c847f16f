"""timeline feature tables: "in the dossier" marks of timeline events.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "timeline_dossier_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_timeline_dossier_marks_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_dossier_marks")),
        sa.UniqueConstraint(
            "case_id", "event_id", name=op.f("uq_timeline_dossier_marks_case_id_event_id")
        ),
    )
    with op.batch_alter_table("timeline_dossier_marks") as batch:
        batch.create_index(batch.f("ix_timeline_dossier_marks_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("timeline_dossier_marks") as batch:
        batch.drop_index(batch.f("ix_timeline_dossier_marks_case_id"))
    op.drop_table("timeline_dossier_marks")
