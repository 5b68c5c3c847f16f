"""trust: signed audit checkpoints; the audit head only moves forward; on PostgreSQL no TRUNCATE,
entries and checkpoints written only through SECURITY DEFINER functions, and the app's role
`casebook_app` may read the audit tables but never change them.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

APP_ROLE = "casebook_app"
AUDIT_TABLES = ("audit_entries", "audit_head", "audit_checkpoints")

SQLITE_TRIGGERS = [
    """CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
       BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END""",
    """CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
       BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END""",
    """CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
       BEGIN SELECT RAISE(ABORT, 'the audit head cannot be removed'); END""",
    # The head moves one entry forward onto the entry just written (or is touched in place,
    # which is how a writer takes SQLite's write lock first); it never points back.
    """CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
       WHEN NOT (NEW.id = OLD.id AND NEW.seq = OLD.seq AND NEW.hash = OLD.hash)
        AND NOT (NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 AND EXISTS (
             SELECT 1 FROM audit_entries e
              WHERE e.seq = NEW.seq AND e.hash = NEW.hash AND e.prev_hash = OLD.hash))
       BEGIN SELECT RAISE(ABORT, 'the audit head only moves to the newest entry'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_checkpoints_no_update",
    "DROP TRIGGER IF EXISTS audit_checkpoints_no_delete",
    "DROP TRIGGER IF EXISTS audit_head_no_delete",
    "DROP TRIGGER IF EXISTS audit_head_forward_only",
]


def _postgres_statements(schema: str) -> list[str]:
    path = f'"{schema}", pg_temp'
    return [
        """CREATE FUNCTION audit_no_truncate() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$ LANGUAGE plpgsql""",
        *(
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()"""
            for table in AUDIT_TABLES
        ),
        """CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE
           ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()""",
        """CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
           FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()""",
        """CREATE FUNCTION audit_head_forward() RETURNS trigger AS $$
           BEGIN
             IF NEW.id = OLD.id AND NEW.seq = OLD.seq AND NEW.hash = OLD.hash THEN
               RETURN NEW;
             END IF;
             IF NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 AND EXISTS (
                  SELECT 1 FROM audit_entries e
                   WHERE e.seq = NEW.seq AND e.hash = NEW.hash AND e.prev_hash = OLD.hash) THEN
               RETURN NEW;
             END IF;
             RAISE EXCEPTION 'the audit head only moves to the newest entry';
           END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
           FOR EACH ROW EXECUTE FUNCTION audit_head_forward()""",
        # Lock the head for this transaction and return it (the app's role cannot lock it).
        f"""CREATE FUNCTION casebook_audit_head(OUT head_seq bigint, OUT head_hash text)
           LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $$
           BEGIN
             SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head h WHERE h.id = 1
               FOR UPDATE;
           END $$""",
        # The only way to add an entry: the payload must follow the head, its hash must be
        # right, and the columns are copied from the payload.
        f"""CREATE FUNCTION casebook_audit_append(p_payload text, p_hash text) RETURNS bigint
           LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $$
           DECLARE h_seq bigint; h_hash text; body jsonb;
           BEGIN
             SELECT h.seq, h.hash INTO h_seq, h_hash FROM audit_head h WHERE h.id = 1
               FOR UPDATE;
             body := p_payload::jsonb;
             IF (body->>'seq')::bigint IS DISTINCT FROM h_seq + 1
                OR body->>'prev_hash' IS DISTINCT FROM h_hash THEN
               RAISE EXCEPTION 'audit entry does not follow the head' USING ERRCODE = '40001';
             END IF;
             IF encode(sha256(convert_to(h_hash || p_payload, 'UTF8')), 'hex')
                IS DISTINCT FROM p_hash THEN
               RAISE EXCEPTION 'audit entry hash does not match its content';
             END IF;
             INSERT INTO audit_entries
               (seq, at, actor, action, entity, entity_id, case_id, payload, prev_hash, hash)
             VALUES (h_seq + 1, (body->>'at')::timestamptz, body->>'actor', body->>'action',
                     body->>'entity', body->>'entity_id', (body->>'case_id')::integer,
                     p_payload, h_hash, p_hash);
             UPDATE audit_head SET seq = h_seq + 1, hash = p_hash WHERE id = 1;
             RETURN h_seq + 1;
           END $$""",
        f"""CREATE FUNCTION casebook_audit_checkpoint(
             p_at timestamptz, p_audit_seq bigint, p_audit_hash text, p_actor text,
             p_key_id text, p_public_key text, p_signature text) RETURNS bigint
           LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $$
           DECLARE n bigint;
           BEGIN
             IF NOT EXISTS (SELECT 1 FROM audit_entries e
                             WHERE e.seq = p_audit_seq AND e.hash = p_audit_hash)
                AND NOT (p_audit_seq = 0) THEN
               RAISE EXCEPTION 'a checkpoint must name an existing audit entry';
             END IF;
             LOCK TABLE audit_checkpoints IN EXCLUSIVE MODE;
             SELECT coalesce(max(seq), 0) + 1 INTO n FROM audit_checkpoints;
             INSERT INTO audit_checkpoints
               (seq, at, audit_seq, audit_hash, actor, key_id, public_key, signature)
             VALUES (n, p_at, p_audit_seq, p_audit_hash, p_actor, p_key_id, p_public_key,
                     p_signature);
             RETURN n;
           END $$""",
        *(f"REVOKE ALL ON {table} FROM PUBLIC" for table in AUDIT_TABLES),
        *(
            f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC"
            for fn in (
                "casebook_audit_head()",
                "casebook_audit_append(text, text)",
                "casebook_audit_checkpoint(timestamptz, bigint, text, text, text, text, text)",
            )
        ),
        # The app's role: a cluster-wide group role that the office's per-person roles join.
        # Creating it needs CREATEROLE; without it the grants are left to the administrator.
        f"""DO $$
           BEGIN
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
               BEGIN
                 CREATE ROLE {APP_ROLE} NOLOGIN;
               EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                         WHEN insufficient_privilege THEN
                 RAISE NOTICE 'cannot create role {APP_ROLE}: grant it by hand';
               END;
             END IF;
             IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
               EXECUTE format('GRANT USAGE ON SCHEMA %I TO {APP_ROLE}', '{schema}');
               EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I
                               TO {APP_ROLE}', '{schema}');
               EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I
                               TO {APP_ROLE}', '{schema}');
               EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT,
                               UPDATE, DELETE ON TABLES TO {APP_ROLE}', '{schema}');
               EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT
                               ON SEQUENCES TO {APP_ROLE}', '{schema}');
               REVOKE ALL ON audit_entries, audit_head, audit_checkpoints FROM {APP_ROLE};
               GRANT SELECT ON audit_entries, audit_head, audit_checkpoints TO {APP_ROLE};
               REVOKE ALL ON alembic_version FROM {APP_ROLE};
               GRANT SELECT ON alembic_version TO {APP_ROLE};
               GRANT EXECUTE ON FUNCTION casebook_audit_head() TO {APP_ROLE};
               GRANT EXECUTE ON FUNCTION casebook_audit_append(text, text) TO {APP_ROLE};
               GRANT EXECUTE ON FUNCTION casebook_audit_checkpoint(timestamptz, bigint, text,
                 text, text, text, text) TO {APP_ROLE};
             END IF;
           END $$""",
    ]


POSTGRES_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}" for table in AUDIT_TABLES),
    "DROP TRIGGER IF EXISTS audit_checkpoints_no_change ON audit_checkpoints",
    "DROP TRIGGER IF EXISTS audit_head_no_delete ON audit_head",
    "DROP TRIGGER IF EXISTS audit_head_forward_only ON audit_head",
    "DROP FUNCTION IF EXISTS audit_head_forward()",
    "DROP FUNCTION IF EXISTS audit_no_truncate()",
    "DROP FUNCTION IF EXISTS casebook_audit_head()",
    "DROP FUNCTION IF EXISTS casebook_audit_append(text, text)",
    "DROP FUNCTION IF EXISTS casebook_audit_checkpoint(timestamptz, bigint, text, text, text, "
    "text, text)",
]


def upgrade() -> None:
    op.create_table(
        "audit_checkpoints",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_checkpoints")),
    )
    op.create_index(
        op.f("ix_audit_checkpoints_audit_seq"), "audit_checkpoints", ["audit_seq"], unique=False
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for statement in _postgres_statements(str(schema)):
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DROP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in POSTGRES_DROP:
            op.execute(statement)
    op.drop_index(op.f("ix_audit_checkpoints_audit_seq"), table_name="audit_checkpoints")
    op.drop_table("audit_checkpoints")
