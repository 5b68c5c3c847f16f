"""video: how a file's frames are reached and what else the probe found.

`access` is the strategy exact frames need (`keyframe`, `earlier_seek`, `earlier_keyframe`, `sequential`);
`probe` holds the rest of the probe data (rotation, sample aspect ratio, audio track, access
details) as JSON.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("video_media") as batch:
        batch.add_column(sa.Column("access", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("probe", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("video_media") as batch:
        batch.drop_column("probe")
        batch.drop_column("access")
