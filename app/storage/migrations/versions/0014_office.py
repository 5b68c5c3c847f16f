"""office feature, fourth round: no change to the models' schema.

The office server's stored masked forms (companion columns `<column>_masked`, the triggers that
write them, their indexes and the trigram indexes of the digits) are built by `casebook admin
init` with the views and policies (`app.storage.office_stored`), not here: they exist only on an
initialised PostgreSQL, need the server's key, and are recomputed whenever the key or the
masking changes; an upgrade drops the views and `admin init`, run again after every upgrade,
fills the new columns of existing rows. A workstation's SQLite file and an uninitialised server
keep the models' schema (a test compares them on both).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing: see the module's docstring."""


def downgrade() -> None:
    """Nothing: see the module's docstring."""
