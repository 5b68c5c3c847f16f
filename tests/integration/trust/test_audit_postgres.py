"""PostgreSQL: the app's role (`casebook_app`) cannot UPDATE, DELETE, TRUNCATE or INSERT audit
rows; entries go through the SECURITY DEFINER functions; the owner's TRUNCATE hits a trigger; a
superuser who disables the triggers and truncates is caught by verify."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from app.services.core import cases, checkpoints
from app.services.core.bootstrap import close_context, open_context
from app.services.core.cases import CaseInput

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(data_dir):
    from tests.conftest import PG_URL, _fresh_pg_database

    if not PG_URL:
        pytest.skip("CASEBOOK_TEST_PG_URL is not set")
    yield from _fresh_pg_database()


def _as_app_role(url: str) -> str:
    """The same database, every statement run as the app's role (SET ROLE at connect)."""
    made = sa.engine.make_url(url)
    return made.update_query_dict({"options": "-c role=casebook_app"}).render_as_string(
        hide_password=False
    )


def _seed(url, data_dir, n=3):
    ctx = open_context(data_dir, url, actor="tester")
    try:
        for i in range(n):
            cases.create_case(ctx, CaseInput(title=f"Дело {i}", region="MSK", tz="Europe/Moscow"))
        checkpoints.take_checkpoint(ctx)
    finally:
        close_context(ctx)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entries SET actor = 'someone else' WHERE seq = 2",
        "DELETE FROM audit_entries WHERE seq = 3",
        "TRUNCATE audit_entries",
        "TRUNCATE audit_checkpoints",
        "UPDATE audit_head SET seq = 1",
        "DELETE FROM audit_checkpoints",
        "INSERT INTO audit_entries SELECT seq + 10, at, actor, action, entity, entity_id, "
        "case_id, payload, prev_hash, hash FROM audit_entries WHERE seq = 1",
        "SELECT casebook_audit_append('{\"seq\": 4}', repeat('0', 64))",
    ],
)
def test_the_app_role_cannot_change_the_audit_tables(pg_url, data_dir, statement):
    _seed(pg_url, data_dir)
    engine = sa.create_engine(_as_app_role(pg_url))
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT current_user")).scalar() == "casebook_app"
            with pytest.raises(DBAPIError):
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def test_the_app_works_under_its_role(pg_url, data_dir, run_cli):
    _seed(pg_url, data_dir)
    app_url = _as_app_role(pg_url)
    ctx = open_context(data_dir, app_url, actor="investigator")
    try:
        cases.create_case(ctx, CaseInput(title="Под ролью", region="MSK", tz="Europe/Moscow"))
        info = checkpoints.take_checkpoint(ctx)
        assert info.seq == 4
    finally:
        close_context(ctx)
    result = run_cli("audit", "verify", db_url=app_url)
    assert result.code == 0, result.err
    assert result.json()["entries"] == 4


def test_the_owner_cannot_truncate(pg_url, data_dir):
    _seed(pg_url, data_dir)
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(sa.text("TRUNCATE audit_entries"))
    finally:
        engine.dispose()


def test_a_superuser_truncate_is_caught(pg_url, data_dir, run_cli):
    _seed(pg_url, data_dir)
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
            conn.execute(sa.text("ALTER TABLE audit_head DISABLE TRIGGER USER"))
            conn.execute(sa.text("TRUNCATE audit_entries"))
            conn.execute(sa.text("UPDATE audit_head SET seq = 0, hash = repeat('0', 64)"))
    finally:
        engine.dispose()
    result = run_cli("audit", "verify", db_url=pg_url)
    assert result.code == 1, result.out
    report = result.json()
    assert report["entries"] == 0
    assert report["without_history"] == ["case 1", "case 2", "case 3"]
    assert "entries 1–3 are missing" in report["problem"]
