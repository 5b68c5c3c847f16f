"""Stored masked forms on an office server: what the masked views read instead of computing.

A keyed hash computed per row when a view is read cannot be served by an index, so joins and
filters on masked numbers (links, detectors, the number summary, digit searches) scanned and
hashed a case's every call. Here each frequently read personal column has a companion column
`<column>_masked` on its base table holding the masked form the view shows
(`+7 916 ***-**-67 #<12 hex>`):

- written by a row trigger on the base table (SECURITY DEFINER: it reads the key, which no
  person's role can), on every insert and on every update that changes the column or its
  stored form, so a value written by a client is always replaced by the server's own;
- indexed like the raw column it stands for, so `caller IN (...)` through a view is an index
  range, as for the schema owner;
- recomputed by `admin init` whenever the masking functions or the key change (a fingerprint
  of both is kept in `casebook_private.mask_state`).

The digits of the numbers stay readable only to the server's search functions (SECURITY
DEFINER), through trigram indexes where the server has `pg_trgm`.

These columns, indexes and triggers exist only on an office server, like the views and the
row-level security policies: `admin init` makes them (it runs again after every upgrade), so
a workstation's SQLite file and an uninitialised PostgreSQL database keep the schema of the
models."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, text

PRIVATE_SCHEMA = "casebook_private"
SUFFIX = "_masked"

# table -> the personal columns stored masked (the rest are masked when read: rarely read)
STORED: dict[str, tuple[str, ...]] = {
    "calls": ("caller", "callee", "virtual"),
    "call_numbers": ("value",),
    "party_phones": ("value",),
    "messages": ("sender", "sender_number"),
}
# The raw columns' indexes, again on the stored forms (what a person's queries filter on).
INDEXES: dict[str, tuple[tuple[str, str], ...]] = {
    "calls": (
        ("ix_calls_masked_caller", "case_id, caller_masked, callee_masked, start_utc"),
        ("ix_calls_masked_callee", "case_id, callee_masked, start_utc"),
        ("ix_calls_masked_virtual", "case_id, virtual_masked"),
    ),
    "call_numbers": (("ix_call_numbers_masked_value", "case_id, value_masked"),),
    "party_phones": (("ix_party_phones_masked_value", "value_masked"),),
    "messages": (("ix_messages_masked_sender_number", "case_id, sender_number_masked"),),
}
# Digits read by the search functions only: trigram indexes answer "any run of digits".
TRIGRAMS: dict[str, tuple[str, str]] = {
    "call_numbers": ("ix_call_numbers_digits_trgm", "digits"),
    "party_phones": ("ix_party_phones_digits_trgm", "digits"),
    "messages": (
        "ix_messages_sender_digits_trgm",
        f"({PRIVATE_SCHEMA}.digits(sender_number))",
    ),
}
TRIGGER = "cb_masks"


def stored_name(column: str) -> str:
    return f"{column}{SUFFIX}"


def stored_columns(table: str) -> set[str]:
    """The companion columns of `table` (not part of the models, nor of the views)."""
    return {stored_name(c) for c in STORED.get(table, ())}


def masked_expression(kind: str, value: str, key: str) -> str:
    """SQL of the masked form of `value` (a phone or a sender name) with the key `key`."""
    function = "mask_sender" if kind == "sender" else "pseudonym"
    return f"{PRIVATE_SCHEMA}.{function}({value}, {key})"


def _quoted(column: str) -> str:
    return f'"{column}"'


def _trigger_sql(table: str, kinds: dict[str, str]) -> str:
    columns = STORED[table]
    changed = " OR ".join(
        f'NEW."{c}" IS DISTINCT FROM OLD."{c}" '
        f'OR NEW."{stored_name(c)}" IS DISTINCT FROM OLD."{stored_name(c)}"'
        for c in columns
    )
    assignments = "\n".join(
        f'  NEW."{stored_name(c)}" := {masked_expression(kinds[c], f"NEW.{_quoted(c)}", "k")};'
        for c in columns
    )
    function = f'{PRIVATE_SCHEMA}."{table}_masks"'
    return f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  k text;
BEGIN
  IF TG_OP = 'UPDATE' AND NOT ({changed}) THEN
    RETURN NEW;
  END IF;
  SELECT m.key INTO k FROM {PRIVATE_SCHEMA}.mask_key m;
{assignments}
  RETURN NEW;
END $fn$;
REVOKE ALL ON FUNCTION {function}() FROM PUBLIC;
DROP TRIGGER IF EXISTS {TRIGGER} ON public."{table}";
CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE ON public."{table}"
  FOR EACH ROW EXECUTE FUNCTION {function}();
"""


def _trigram_schema(connection: Connection) -> str | None:
    """The schema of `pg_trgm` (installed here when the server has it), or None."""
    found = connection.execute(
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'"
        )
    ).scalar()
    if found is not None:
        return str(found)
    available = connection.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).first()
    if available is None:
        return None
    # a trusted extension: the database's owner may create it
    connection.execute(text(f"CREATE EXTENSION pg_trgm SCHEMA {PRIVATE_SCHEMA}"))
    return PRIVATE_SCHEMA


def present_tables(connection: Connection) -> set[str]:
    names = connection.execute(
        text("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    ).scalars()
    return {str(n) for n in names}


def fingerprint(functions_sql: str) -> str:
    """What the stored forms depend on besides the key: the masking functions' text and the
    columns stored."""
    spec = functions_sql + repr(sorted(STORED.items()))
    return hashlib.sha256(spec.encode("utf-8")).hexdigest()


def install(
    connection: Connection, present: list[str], kinds: dict[str, dict[str, str]], version: str
) -> list[str]:
    """Add the stored columns, their triggers and indexes to the tables of `present`; recompute
    every stored form when `version` (see `fingerprint`) or the key changed since the last run.
    Returns the tables recomputed."""
    raw = connection.connection.driver_connection
    assert raw is not None
    tables = [t for t in STORED if t in present]
    connection.execute(
        text(f"CREATE TABLE IF NOT EXISTS {PRIVATE_SCHEMA}.mask_state (version text NOT NULL)")
    )
    connection.execute(text(f"REVOKE ALL ON {PRIVATE_SCHEMA}.mask_state FROM PUBLIC"))
    for table in tables:
        for column in STORED[table]:
            connection.execute(
                text(
                    f'ALTER TABLE public."{table}" '
                    f'ADD COLUMN IF NOT EXISTS "{stored_name(column)}" text'
                )
            )
        raw.execute(_trigger_sql(table, kinds[table]))
        for name, columns in INDEXES.get(table, ()):
            connection.execute(
                text(f'CREATE INDEX IF NOT EXISTS {name} ON public."{table}" ({columns})')
            )
    trigram = _trigram_schema(connection)
    if trigram is not None:
        for table in tables:
            if table in TRIGRAMS:
                name, expression = TRIGRAMS[table]
                connection.execute(
                    text(
                        f'CREATE INDEX IF NOT EXISTS {name} ON public."{table}" '
                        f"USING gin ({expression} {trigram}.gin_trgm_ops)"
                    )
                )
    wanted = connection.execute(
        text(
            "SELECT encode(sha256(convert_to(:v || m.key, 'UTF8')), 'hex') "
            f"FROM {PRIVATE_SCHEMA}.mask_key m"
        ),
        {"v": version},
    ).scalar_one()
    kept = connection.execute(text(f"SELECT version FROM {PRIVATE_SCHEMA}.mask_state")).scalar()
    if kept == wanted:
        return []
    for table in tables:
        _recompute(connection, table, kinds[table])
    if "call_analyses" in present_tables(connection):
        # kept findings name numbers by their old masked forms: found again on next read
        connection.execute(text("DELETE FROM public.call_analyses"))
    connection.execute(text(f"DELETE FROM {PRIVATE_SCHEMA}.mask_state"))
    connection.execute(
        text(f"INSERT INTO {PRIVATE_SCHEMA}.mask_state (version) VALUES (:v)"), {"v": wanted}
    )
    return tables


def _recompute(connection: Connection, table: str, kinds: dict[str, str]) -> None:
    """Every row's stored forms in one statement (the row trigger would compute them again)."""
    key = f"(SELECT m.key FROM {PRIVATE_SCHEMA}.mask_key m)"
    assignments = ", ".join(
        f'"{stored_name(c)}" = {masked_expression(kinds[c], _quoted(c), key)}'
        for c in STORED[table]
    )
    connection.execute(text(f'ALTER TABLE public."{table}" DISABLE TRIGGER {TRIGGER}'))
    connection.execute(text(f'UPDATE public."{table}" SET {assignments}'))
    connection.execute(text(f'ALTER TABLE public."{table}" ENABLE TRIGGER {TRIGGER}'))
