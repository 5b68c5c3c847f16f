"""Alembic revisions: one fixed linear chain (docs/CONTRACTS.md)."""
