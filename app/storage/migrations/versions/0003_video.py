"""video feature tables: probed media, frame index, clock calibration, annotations, activity.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _evidence_fk(column: str, table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["evidence.id"], name=op.f(f"fk_{table}_{column}_evidence"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "video_media",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("container", sa.String(length=64), nullable=False),
        sa.Column("codec", sa.String(length=64), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("fps", sa.Float(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("frames", sa.Integer(), nullable=False),
        sa.Column("creation_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("camera_origin", sa.DateTime(timezone=True), nullable=True),
        sa.Column("origin_source", sa.String(length=16), nullable=True),
        sa.Column("working_sha256", sa.String(length=64), nullable=True),
        _evidence_fk("evidence_id", "video_media"),
        sa.PrimaryKeyConstraint("evidence_id", name=op.f("pk_video_media")),
    )
    op.create_table(
        "video_frame_index",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _evidence_fk("evidence_id", "video_frame_index"),
        sa.PrimaryKeyConstraint("evidence_id", name=op.f("pk_video_frame_index")),
    )
    op.create_table(
        "video_calibration_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("media_time_s", sa.Float(), nullable=False),
        sa.Column("frame_index", sa.Integer(), nullable=False),
        sa.Column("camera_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("true_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        _evidence_fk("evidence_id", "video_calibration_points"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_calibration_points")),
    )
    op.create_index(
        op.f("ix_video_calibration_points_evidence_id"),
        "video_calibration_points",
        ["evidence_id"],
        unique=False,
    )
    op.create_table(
        "video_clock_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.DateTime(timezone=True), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.Column("drift_ppm", sa.Float(), nullable=False),
        sa.Column("point_ids", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        _evidence_fk("evidence_id", "video_clock_corrections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_clock_corrections")),
    )
    op.create_index(
        op.f("ix_video_clock_corrections_evidence_id"),
        "video_clock_corrections",
        ["evidence_id"],
        unique=False,
    )
    op.create_table(
        "video_annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("frame_index", sa.Integer(), nullable=False),
        sa.Column("media_time_s", sa.Float(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rect", sa.JSON(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("still_id", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_video_annotations_case_id_cases"),
            ondelete="CASCADE",
        ),
        _evidence_fk("evidence_id", "video_annotations"),
        _evidence_fk("still_id", "video_annotations", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_annotations")),
    )
    op.create_index(
        op.f("ix_video_annotations_case_id"), "video_annotations", ["case_id"], unique=False
    )
    op.create_index(
        op.f("ix_video_annotations_evidence_id"), "video_annotations", ["evidence_id"], unique=False
    )
    op.create_table(
        "video_activity_segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("start_s", sa.Float(), nullable=False),
        sa.Column("end_s", sa.Float(), nullable=False),
        sa.Column("peak", sa.Float(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        _evidence_fk("evidence_id", "video_activity_segments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_activity_segments")),
    )
    op.create_index(
        op.f("ix_video_activity_segments_evidence_id"),
        "video_activity_segments",
        ["evidence_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_video_activity_segments_evidence_id"), "video_activity_segments")
    op.drop_table("video_activity_segments")
    op.drop_index(op.f("ix_video_annotations_evidence_id"), "video_annotations")
    op.drop_index(op.f("ix_video_annotations_case_id"), "video_annotations")
    op.drop_table("video_annotations")
    op.drop_index(op.f("ix_video_clock_corrections_evidence_id"), "video_clock_corrections")
    op.drop_table("video_clock_corrections")
    op.drop_index(op.f("ix_video_calibration_points_evidence_id"), "video_calibration_points")
    op.drop_table("video_calibration_points")
    op.drop_table("video_frame_index")
    op.drop_table("video_media")
