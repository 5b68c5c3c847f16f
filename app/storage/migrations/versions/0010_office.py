"""office feature tables: office-wide settings, accounts and scopes, case decisions,
destruction tasks. Roles, row-level security and functions come with `casebook admin init`
(PostgreSQL only): they name server roles, which a migration on a user's file must not.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_settings")),
    )
    op.create_table(
        "office_accounts",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_office_accounts")),
    )
    op.create_table(
        "office_account_scopes",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["login"],
            ["office_accounts.login"],
            name=op.f("fk_office_account_scopes_login_office_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("login", "kind", "value", name=op.f("pk_office_account_scopes")),
    )
    op.create_table(
        "case_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_decisions_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["case_decisions.id"],
            name=op.f("fk_case_decisions_proposal_id_case_decisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_decisions")),
    )
    with op.batch_alter_table("case_decisions") as batch:
        batch.create_index(batch.f("ix_case_decisions_case_id"), ["case_id"], unique=False)
    op.create_table(
        "destruction_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("case_ids", sa.JSON(), nullable=False),
        sa.Column("ground", sa.Text(), nullable=False),
        sa.Column("planned_by", sa.String(length=200), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by", sa.String(length=200), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("act", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_tasks")),
        sa.UniqueConstraint("number", name=op.f("uq_destruction_tasks_number")),
    )


def downgrade() -> None:
    op.drop_table("destruction_tasks")
    with op.batch_alter_table("case_decisions") as batch:
        batch.drop_index(batch.f("ix_case_decisions_case_id"))
    op.drop_table("case_decisions")
    op.drop_table("office_account_scopes")
    op.drop_table("office_accounts")
    op.drop_table("office_settings")
