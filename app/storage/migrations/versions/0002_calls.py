"""calls feature tables: import batches, calls, the case's numbers, detector thresholds.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=500), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=True),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejections", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_call_batches_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_call_batches_evidence_id_evidence"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_batches")),
        sa.UniqueConstraint("case_id", "sha256", name=op.f("uq_call_batches_case_id_sha256")),
    )
    op.create_index(op.f("ix_call_batches_case_id"), "call_batches", ["case_id"], unique=False)
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("caller", sa.String(), nullable=False),
        sa.Column("caller_raw", sa.String(), nullable=False),
        sa.Column("callee", sa.String(), nullable=False),
        sa.Column("callee_raw", sa.String(), nullable=False),
        sa.Column("virtual", sa.String(), nullable=True),
        sa.Column("virtual_raw", sa.String(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("order_number", sa.String(), nullable=True),
        sa.Column("call_id", sa.String(), nullable=True),
        sa.Column("dedupe_key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["call_batches.id"],
            name=op.f("fk_calls_batch_id_call_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_calls_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("case_id", "dedupe_key", name=op.f("uq_calls_case_id_dedupe_key")),
    )
    op.create_index("ix_calls_case_start", "calls", ["case_id", "start_utc"], unique=False)
    op.create_index(
        "ix_calls_case_caller_callee_start",
        "calls",
        ["case_id", "caller", "callee", "start_utc"],
        unique=False,
    )
    op.create_index(
        "ix_calls_case_callee_start", "calls", ["case_id", "callee", "start_utc"], unique=False
    )
    op.create_index("ix_calls_case_virtual", "calls", ["case_id", "virtual"], unique=False)
    op.create_index("ix_calls_batch_line", "calls", ["batch_id", "line"], unique=False)
    op.create_table(
        "call_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("digits", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_call_numbers_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_numbers")),
        sa.UniqueConstraint("case_id", "value", name=op.f("uq_call_numbers_case_id_value")),
    )
    op.create_table(
        "call_settings",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("thresholds", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_call_settings_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_call_settings")),
    )


def downgrade() -> None:
    op.drop_table("call_settings")
    op.drop_table("call_numbers")
    op.drop_index("ix_calls_batch_line", table_name="calls")
    op.drop_index("ix_calls_case_virtual", table_name="calls")
    op.drop_index("ix_calls_case_callee_start", table_name="calls")
    op.drop_index("ix_calls_case_caller_callee_start", table_name="calls")
    op.drop_index("ix_calls_case_start", table_name="calls")
    op.drop_table("calls")
    op.drop_index(op.f("ix_call_batches_case_id"), table_name="call_batches")
    op.drop_table("call_batches")
