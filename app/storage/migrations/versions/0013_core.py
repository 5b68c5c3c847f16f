"""core feature, second round: the case list's filter indexes.

Each filter of the case list (status, region, category) gets an index that also holds the
list's default order (newest received first), so a filtered list walks one index in order and
stops after a page instead of sorting every match. `ix_cases_status` is a prefix of the new
status index and goes.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

FILTERS = ("status", "region", "category")


def upgrade() -> None:
    op.drop_index("ix_cases_status", table_name="cases")
    for column in FILTERS:
        op.create_index(f"ix_cases_{column}_received_at", "cases", [column, "received_at"])


def downgrade() -> None:
    for column in FILTERS:
        op.drop_index(f"ix_cases_{column}_received_at", table_name="cases")
    op.create_index("ix_cases_status", "cases", ["status"])
