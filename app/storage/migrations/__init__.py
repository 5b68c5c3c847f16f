"""Alembic migrations; run through `app.storage.db.migrate`, never `create_all` on user data."""
