"""Column hiding on an office server: the people's roles cannot select raw personal data.

Row-level security decides which rows a role reads; this decides which columns. The personal
columns below (phone numbers, addresses, the phone digits in a case's search text) are what the
application shows masked until an audited reveal; everything it shows in full to whoever reads
the case (names, notes, statements, message texts) stays readable.

- The user groups lose SELECT on those columns of the base tables (column privileges).
- Schema `casebook_masked` holds one view per such table, with the table's name and columns,
  the personal ones masked; each login's `search_path` starts with it, so the application's
  queries (and a person's psql) read the masked form without changing a line.
- A masked phone is `+7 916 ***-**-67 #<12 hex>`: the mask the application shows and a keyed
  hash (the key lives in `casebook_private`, readable by no user), so equal numbers stay equal
  across tables and analyses still link calls, parties and senders. The numbers read often
  (calls, call and party numbers, message senders) are read from stored, indexed masked forms
  that the server's triggers keep (`office_stored`); the others are masked as they are read.
- The views belong to `casebook_masker`, a role without login that is not the tables' owner:
  row-level security applies to reads through them, and its policies see the querying user
  as `current_user`. Writes go through INSTEAD OF triggers into the base tables as the user
  (their own privileges and policies); a personal column is written only when its value was
  changed, and a masked value is never stored in place of a real one.
- Raw values come back only through `casebook_reveal()` (audited in the same transaction);
  digit searches through `casebook_cases_with_digits`, `casebook_numbers_with_digits` and
  `casebook_message_numbers_with_digits`, which apply the same row-level security, match every
  digit of the real numbers and return case ids or masked numbers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.storage import office_phone_rules, office_stored

MASKED_SCHEMA = "casebook_masked"
PRIVATE_SCHEMA = "casebook_private"
MASKER = "casebook_masker"
SEARCH_PATH = f"{MASKED_SCHEMA}, public"

PHONE, ADDRESS, DIGITS, SEARCH, SENDER = "phone", "address", "digits", "search", "sender"
# table -> {column: kind}; the rule is written in docs/CONTRACTS.md (Office).
PERSONAL: dict[str, dict[str, str]] = {
    "cases": {"search_text": SEARCH},
    "parties": {"address": ADDRESS},
    "party_phones": {"raw": PHONE, "value": PHONE, "digits": DIGITS},
    "orders": {"address": ADDRESS},
    "calls": {
        "caller": PHONE,
        "caller_raw": PHONE,
        "callee": PHONE,
        "callee_raw": PHONE,
        "virtual": PHONE,
        "virtual_raw": PHONE,
    },
    "call_numbers": {"value": PHONE, "digits": DIGITS},
    "messages": {"sender": SENDER, "sender_number": PHONE},
    "message_batches": {"owner_number": PHONE},
}
# What a masked value looks like (a view's output written back is refused).
_MASKED_PATTERN = {
    PHONE: " #[0-9a-f]{12}$",
    SENDER: " #[0-9a-f]{12}$",
    ADDRESS: "(^|, )[*]{3}$",
}
SEARCH_FUNCTIONS = (
    "casebook_cases_with_digits(text)",
    "casebook_numbers_with_digits(integer, text)",
    "casebook_message_numbers_with_digits(integer, text)",
)
# The application adds rows to these only with ON CONFLICT DO NOTHING (deduplicated imports).
SKIP_CONFLICTS = {"calls", "call_numbers", "messages"}


@dataclass(frozen=True)
class _Column:
    name: str
    default: str | None


def _columns(connection: Connection, table: str) -> list[_Column]:
    rows = connection.execute(
        text(
            "SELECT column_name, column_default FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = :t ORDER BY ordinal_position"
        ),
        {"t": table},
    ).all()
    stored = office_stored.stored_columns(table)
    return [
        _Column(str(name), None if default is None else str(default))
        for name, default in rows
        if name not in stored
    ]


def _functions_sql() -> str:
    """Masking functions. `mask_phone` computes the digits and the country code once per value
    (plpgsql); it runs when a row is written (the stored masked columns) and, for the rarely
    read columns, when a view is read."""
    return (
        office_phone_rules.national_sql()
        + """
CREATE OR REPLACE FUNCTION casebook_private.digits(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT regexp_replace(v, '[^0-9]', '', 'g') $$;

-- The mask of app.domain.phones.mask: `+7 916 ***-**-67`; other forms keep their last two digits.
CREATE OR REPLACE FUNCTION casebook_private.mask_phone(v text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  d text;
  cc text;
  n text;
BEGIN
  IF v IS NULL OR v = '' THEN
    RETURN v;
  END IF;
  IF v ~ '^[+]7[1-9][0-9]{9}$' THEN  -- nearly every number here: no parsing
    RETURN '+7 ' || substr(v, 3, 3) || ' ***-**-' || right(v, 2);
  END IF;
  d := regexp_replace(v, '[^0-9]', '', 'g');
  IF left(v, 1) = '+' THEN
    cc := casebook_private.calling_code(d);
    IF cc IS NOT NULL AND length(d) > 2 THEN
      n := substr(d, length(cc) + 1);
      IF length(n) >= 2 THEN  -- a national prefix written after the code is not shown
        n := casebook_private.national(cc, n);
      END IF;
      IF length(n) BETWEEN 2 AND 17 THEN  -- phonenumbers' limits, then read as a number
        n := coalesce(nullif(ltrim(n, '0'), ''), '0');
        RETURN '+' || cc || ' ' || left(n, 3) || ' ' ||
          CASE WHEN length(n) = 10 THEN '***-**-' ELSE repeat('*', greatest(length(n) - 5, 1)) END
          || right(n, 2);
      END IF;
    END IF;
  END IF;
  IF length(d) <= 2 THEN
    RETURN repeat('*', length(v));
  END IF;
  RETURN repeat('*', length(d) - 2) || right(d, 2);
END $$;

-- The mask and a keyed hash (12 hex digits): equal numbers stay equal, the key stays here.
CREATE OR REPLACE FUNCTION casebook_private.pseudonym(v text, k text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IS NULL OR v = '' THEN v ELSE
    casebook_private.mask_phone(v) || ' #'
    || left(encode(sha256(convert_to(k || v, 'UTF8')), 'hex'), 12) END
$$;

-- app.domain.privacy.mask_address: the locality stays, the rest is hidden.
CREATE OR REPLACE FUNCTION casebook_private.mask_address(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN v IS NULL OR btrim(v) = '' THEN ''
    WHEN position(',' IN v) > 0 AND btrim(substr(v, position(',' IN v) + 1)) <> '' THEN
      btrim(split_part(btrim(v), ',', 1)) || ', ***'
    ELSE '***' END
$$;

-- A sender named by a phone number is masked like one; a nickname stays.
CREATE OR REPLACE FUNCTION casebook_private.mask_sender(v text, k text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(regexp_replace(coalesce(v, ''), '[^0-9]', '', 'g')) >= 5
    THEN casebook_private.pseudonym(v, k) ELSE v END
$$;

-- A case's search text without its lines of phone digits.
CREATE OR REPLACE FUNCTION casebook_private.strip_digits(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(coalesce(v, ''), '(^|\\n)[0-9]{5,}(?=\\n|$)', '', 'g')
$$;
DROP FUNCTION IF EXISTS casebook_private.mask_e164(text, text);
DROP FUNCTION IF EXISTS casebook_private.national(text);
DROP FUNCTION IF EXISTS casebook_private.cc_len(text);
"""
    )


_KEY = f"(SELECT k.key FROM {PRIVATE_SCHEMA}.mask_key k)"  # once per query (an InitPlan)


def _expression(table: str, kind: str, column: str) -> str:
    """A personal column as the view shows it: the stored masked form where there is one."""
    ref = f't."{column}"'
    if column in office_stored.STORED.get(table, ()):
        return f't."{office_stored.stored_name(column)}"'
    return {
        PHONE: office_stored.masked_expression(PHONE, ref, _KEY),
        SENDER: office_stored.masked_expression(SENDER, ref, _KEY),
        ADDRESS: f"casebook_private.mask_address({ref})",
        DIGITS: "''::varchar",
        SEARCH: f"casebook_private.strip_digits({ref})",
    }[kind]


def _view_sql(table: str, columns: list[_Column]) -> str:
    personal = PERSONAL[table]
    items = [
        f'{_expression(table, personal[c.name], c.name)} AS "{c.name}"'
        if c.name in personal
        else f't."{c.name}"'
        for c in columns
    ]
    return (
        f'CREATE VIEW {MASKED_SCHEMA}."{table}" AS SELECT {", ".join(items)} '
        f'FROM public."{table}" t'
    )


def _trigger_sql(table: str, columns: list[_Column]) -> str:
    """INSTEAD OF INSERT/UPDATE/DELETE: the base table written as the user."""
    personal = PERSONAL[table]
    names = [c.name for c in columns]
    values = [
        f'COALESCE(NEW."{c.name}", {c.default})' if c.default else f'NEW."{c.name}"'
        for c in columns
    ]
    conflict = " ON CONFLICT DO NOTHING" if table in SKIP_CONFLICTS else ""
    plain = [f'"{n}" = NEW."{n}"' for n in names if n not in personal and n != "id"]
    checked = [(n, _MASKED_PATTERN[k]) for n, k in personal.items() if k in _MASKED_PATTERN]
    guard_insert = " OR ".join(f"NEW.\"{n}\" ~ '{p}'" for n, p in checked) or "false"
    guard_update = (
        " OR ".join(
            f'(NEW."{n}" IS DISTINCT FROM OLD."{n}" AND NEW."{n}" ~ \'{p}\')' for n, p in checked
        )
        or "false"
    )
    personal_updates = "\n".join(
        f'    IF NEW."{n}" IS DISTINCT FROM OLD."{n}" THEN '
        f'UPDATE public."{table}" SET "{n}" = NEW."{n}" WHERE id = OLD.id; END IF;'
        for n in personal
    )
    fn = f'{MASKED_SCHEMA}."{table}_write"'
    return f"""
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM public."{table}" WHERE id = OLD.id;
    IF NOT FOUND THEN RETURN NULL; END IF;
    RETURN OLD;
  END IF;
  IF (TG_OP = 'INSERT' AND coalesce({guard_insert}, false))
     OR (TG_OP = 'UPDATE' AND coalesce({guard_update}, false)) THEN
    -- a masked value read from a view never replaces the real one
    RAISE EXCEPTION 'a masked value cannot be stored in {table}' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public."{table}" ({", ".join(f'"{n}"' for n in names)})
    VALUES ({", ".join(values)}){conflict} RETURNING id INTO NEW.id;
    IF NEW.id IS NULL THEN RETURN NULL; END IF;
    RETURN NEW;
  END IF;
  UPDATE public."{table}" SET {", ".join(plain)} WHERE id = OLD.id;
  IF NOT FOUND THEN RETURN NULL; END IF;
{personal_updates}
  RETURN NEW;
END $fn$;
DROP TRIGGER IF EXISTS cb_write ON {MASKED_SCHEMA}."{table}";
CREATE TRIGGER cb_write INSTEAD OF INSERT OR UPDATE OR DELETE ON {MASKED_SCHEMA}."{table}"
  FOR EACH ROW EXECUTE FUNCTION {fn}();
"""


def _search_sql() -> str:
    """The digit searches: the real digits are read here only, through their trigram indexes
    (plpgsql plans each search with its own digits), after the case's row-level check."""
    return """
-- Cases whose parties' phones hold the run of digits, among those the user reads.
CREATE OR REPLACE FUNCTION casebook_cases_with_digits(p_digits text) RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_digits !~ '^[0-9]{3,}$' THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT DISTINCT pa.case_id FROM party_phones ph
    JOIN parties pa ON pa.id = ph.party_id
    WHERE NOT pa.deleted AND ph.digits LIKE '%' || p_digits || '%'
      AND casebook_case_readable(session_user::text, pa.case_id);
END $$;

-- A case's call numbers (masked, as the views show them) holding the run of digits; a whole
-- number matches by equality.
CREATE OR REPLACE FUNCTION casebook_numbers_with_digits(p_case integer, p_digits text)
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_digits !~ '^[0-9]+$' OR NOT casebook_case_readable(session_user::text, p_case) THEN
    RETURN;
  END IF;
  IF length(p_digits) >= 10 THEN
    RETURN QUERY SELECT n.value_masked FROM call_numbers n
      WHERE n.case_id = p_case AND n.digits = p_digits;
    IF FOUND THEN
      RETURN;
    END IF;
  END IF;
  RETURN QUERY SELECT n.value_masked FROM call_numbers n
    WHERE n.case_id = p_case AND n.digits LIKE '%' || p_digits || '%';
END $$;

-- A case's message sender numbers (masked) holding the run of digits: every digit of the
-- real number, not only those its mask shows.
CREATE OR REPLACE FUNCTION casebook_message_numbers_with_digits(p_case integer, p_digits text)
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_digits !~ '^[0-9]{3,}$' OR NOT casebook_case_readable(session_user::text, p_case) THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT DISTINCT m.sender_number_masked FROM messages m
    WHERE m.case_id = p_case
      AND casebook_private.digits(m.sender_number) LIKE '%' || p_digits || '%';
END $$;
"""


def install(connection: Connection, groups: list[str], logins: list[str]) -> list[str]:
    """Create (again) the masked views, their triggers, the search functions and the column
    privileges; point every login's search path at the views. Returns the masked tables."""
    present = [t for t in PERSONAL if _columns(connection, t)]
    everyone = ", ".join(f'"{g}"' for g in groups)
    connection.execute(
        text(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MASKER}') THEN "
            f"CREATE ROLE {MASKER} NOLOGIN NOINHERIT; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
    )
    connection.execute(text(f"GRANT {MASKER} TO current_user"))  # to hand the views over
    connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {PRIVATE_SCHEMA}"))
    connection.execute(text(f"REVOKE ALL ON SCHEMA {PRIVATE_SCHEMA} FROM PUBLIC"))
    connection.execute(
        text(f"CREATE TABLE IF NOT EXISTS {PRIVATE_SCHEMA}.mask_key (key text NOT NULL)")
    )
    connection.execute(
        text(
            f"INSERT INTO {PRIVATE_SCHEMA}.mask_key (key) SELECT "
            "gen_random_uuid()::text || gen_random_uuid()::text "
            f"WHERE NOT EXISTS (SELECT 1 FROM {PRIVATE_SCHEMA}.mask_key)"
        )
    )
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(_functions_sql())
    connection.execute(text(f"DROP SCHEMA IF EXISTS {MASKED_SCHEMA} CASCADE"))
    connection.execute(text(f"CREATE SCHEMA {MASKED_SCHEMA}"))
    office_stored.install(
        connection, present, PERSONAL, office_stored.fingerprint(_functions_sql())
    )
    connection.execute(text(f"GRANT USAGE ON SCHEMA {MASKED_SCHEMA} TO {everyone}"))
    # the pure masking functions run as the reader (inlined); the key table stays the masker's
    connection.execute(text(f"GRANT USAGE ON SCHEMA {PRIVATE_SCHEMA} TO {MASKER}, {everyone}"))
    connection.execute(text(f"REVOKE ALL ON {PRIVATE_SCHEMA}.mask_key FROM PUBLIC"))
    connection.execute(text(f"GRANT SELECT ON {PRIVATE_SCHEMA}.mask_key TO {MASKER}"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {MASKER}"))
    connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {MASKER}"))
    for table in present:
        columns = _columns(connection, table)
        personal = PERSONAL[table]
        connection.execute(text(_view_sql(table, columns)))
        connection.execute(text(f'ALTER VIEW {MASKED_SCHEMA}."{table}" OWNER TO {MASKER}'))
        raw.execute(_trigger_sql(table, columns))
        connection.execute(
            text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {MASKED_SCHEMA}."{table}" TO {everyone}')
        )
        shown = ", ".join(f'"{c.name}"' for c in columns if c.name not in personal)
        connection.execute(text(f'REVOKE SELECT ON public."{table}" FROM {everyone}'))
        connection.execute(text(f'GRANT SELECT ({shown}) ON public."{table}" TO {everyone}'))
    raw.execute(_search_sql())
    for function in SEARCH_FUNCTIONS:
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
    for login in logins:
        configure_login(connection, login)
    return present


def reads_masked(connection: Connection) -> bool:
    """True for an office login: its search path reads the masked views (numbers come masked
    and are searched by the server's functions)."""
    if connection.dialect.name != "postgresql":
        return False
    masked = connection.exec_driver_sql(
        f"SELECT '{MASKED_SCHEMA}' = ANY (current_schemas(false))"
    ).scalar()
    return bool(masked)


def configure_login(connection: Connection, login: str) -> None:
    """The login reads the masked views first (psql and the application alike), and its
    queries are not compiled to machine code: Casebook's queries are short, and the planner's
    estimates through row-level security subplans crossed the JIT thresholds, so a 60 ms
    search spent 0.9 s compiling."""
    from psycopg import sql

    raw = connection.connection.driver_connection
    assert raw is not None
    role = sql.Identifier(login)
    raw.execute(sql.SQL("ALTER ROLE {} SET search_path = " + SEARCH_PATH).format(role))
    raw.execute(sql.SQL("ALTER ROLE {} SET jit = off").format(role))
