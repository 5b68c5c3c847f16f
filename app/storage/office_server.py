"""PostgreSQL office server: group roles, login roles, grants, row-level security policies,
the rule triggers and change notifications (`casebook admin init`, `admin user ...`).

Every table that holds case data gets policies generated from the schema itself: a table with a
`case_id` column is read when its case is readable; a table without one is reached through its
foreign keys (an order event through its order, a frame index through its evidence item), so
tables added by later features are covered when `admin init` runs again after an upgrade."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from sqlalchemy import Connection, text

from app.storage import office_masking

ROLES = ("investigator", "manager", "supervisor", "auditor", "admin")
GROUP_PREFIX = "casebook_"
NOTIFY_CHANNEL = "casebook"
AUDIT_CHANNEL = "casebook_audit"

# Tables with their own policies below; everything else with a path to a case is case data.
OWN_POLICY = {
    "cases",
    "statements",
    "case_decisions",
    "courier_blacklist",
    "audit_entries",
    "office_settings",
    "office_accounts",
    "office_account_scopes",
    "destruction_tasks",
    "office_changes",
    "case_presence",
}
NO_RLS = {"alembic_version", "audit_head", "audit_checkpoints"}
# Written only through the trust feature's SECURITY DEFINER functions (migration 0009).
AUDIT_TABLES = ("audit_entries", "audit_head", "audit_checkpoints")
AUDIT_FUNCTIONS = (
    "casebook_audit_head()",
    "casebook_audit_append(text, text)",
    "casebook_audit_checkpoint(timestamptz, bigint, text, text, text, text, text)",
)
# The reveals and the server-side copy of a number: each checks access itself.
USER_FUNCTIONS = (
    "casebook_reveal(text, integer, text, text)",
    "casebook_reveal_calls(integer, integer[], text)",
    "casebook_reveal_messages(integer, integer[], text)",
    "casebook_link_number(integer, integer)",
)
OFFICE_TABLES = ("office_settings", "office_accounts", "office_account_scopes", "destruction_tasks")
# Written only by the change triggers (as their owner) or by each person for themselves.
SELF_TABLES = ("office_changes", "case_presence")
POLICY_NAMES = ("cb_read", "cb_insert", "cb_update", "cb_delete")

ME = "current_user::text"


def group(role: str) -> str:
    return f"{GROUP_PREFIX}{role}"


def has(role: str) -> str:
    """Evaluated once per statement (an InitPlan), not once per row."""
    return f"(SELECT casebook_has_role({ME}, '{role}'))"


@dataclass
class InitReport:
    case_tables: list[str] = field(default_factory=list)
    shared_tables: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    masked_tables: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Schema:
    tables: set[str]
    columns: dict[str, set[str]]
    # child table -> [(column, parent table, parent column)]
    fks: dict[str, list[tuple[str, str, str]]]


def is_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _schema(connection: Connection) -> _Schema:
    rows = connection.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
    ).all()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(str(table), set()).add(str(column))
    fk_rows = connection.execute(
        text(
            "SELECT cl.relname, a.attname, pcl.relname, pa.attname "
            "FROM pg_constraint c "
            "JOIN pg_class cl ON cl.oid = c.conrelid "
            "JOIN pg_class pcl ON pcl.oid = c.confrelid "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 "
            "AND cl.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"
        )
    ).all()
    fks: dict[str, list[tuple[str, str, str]]] = {}
    for child, column, parent, parent_column in fk_rows:
        fks.setdefault(str(child), []).append((str(column), str(parent), str(parent_column)))
    base = connection.execute(
        text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    ).scalars()
    return _Schema({str(t) for t in base}, columns, fks)


def _case_expr(schema: _Schema, table: str, alias: str, depth: int = 0) -> str | None:
    """SQL giving the case id of row `alias` of `table`, or None when it has no case."""
    if table == "cases":
        return f"{alias}.id"
    if "case_id" in schema.columns.get(table, set()):
        return f"{alias}.case_id"
    if depth > 3:
        return None
    for column, parent, parent_column in schema.fks.get(table, []):
        if parent == table:
            continue
        inner_alias = f"p{depth}"
        inner = _case_expr(schema, parent, inner_alias, depth + 1)
        if inner is not None:
            return (
                f'(SELECT {inner} FROM "{parent}" {inner_alias} '
                f'WHERE {inner_alias}."{parent_column}" = {alias}."{column}")'
            )
    return None


def _policies(connection: Connection, table: str, read: str, write: dict[str, str]) -> None:
    for name in POLICY_NAMES:
        connection.execute(text(f'DROP POLICY IF EXISTS {name} ON "{table}"'))
    connection.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
    connection.execute(text(f'CREATE POLICY cb_read ON "{table}" FOR SELECT USING ({read})'))
    if "insert" in write:
        connection.execute(
            text(f'CREATE POLICY cb_insert ON "{table}" FOR INSERT WITH CHECK ({write["insert"]})')
        )
    if "update" in write:
        # USING the read condition: a row the user sees but may not change is refused with an
        # error (WITH CHECK), not skipped silently as if someone else had changed it.
        connection.execute(
            text(
                f'CREATE POLICY cb_update ON "{table}" FOR UPDATE '
                f"USING ({read}) WITH CHECK ({write['update']})"
            )
        )
    if "delete" in write:
        connection.execute(
            text(f'CREATE POLICY cb_delete ON "{table}" FOR DELETE USING ({write["delete"]})')
        )


def _create_groups(connection: Connection) -> list[str]:
    names = []
    for role in ROLES:
        name = group(role)
        # Group roles are cluster-wide; several databases (or a second `init`) share them.
        connection.execute(
            text(
                "DO $$ BEGIN "
                f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
                f'CREATE ROLE "{name}" NOLOGIN; END IF; '
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            )
        )
        names.append(name)
    return names


def _grants(connection: Connection, schema: _Schema, case_tables: list[str]) -> None:
    everyone = ", ".join(f'"{group(r)}"' for r in ROLES)
    workers = ", ".join(f'"{group(r)}"' for r in ("investigator", "manager", "supervisor"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}"))
    for table in sorted(schema.tables):
        connection.execute(text(f'REVOKE ALL ON "{table}" FROM {everyone}'))
        connection.execute(text(f'GRANT SELECT ON "{table}" TO {everyone}'))
    for function in AUDIT_FUNCTIONS:
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
    for function in USER_FUNCTIONS:
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
    excluded = {*NO_RLS, *AUDIT_TABLES, *OFFICE_TABLES, *SELF_TABLES}
    writable = [t for t in schema.tables if t not in excluded]
    for table in sorted(writable):
        connection.execute(text(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {workers}'))
    admin = f'"{group("admin")}"'
    for table in OFFICE_TABLES:
        connection.execute(text(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {admin}'))
    connection.execute(text(f'GRANT UPDATE ON destruction_tasks TO "{group("manager")}"'))
    connection.execute(text(f"GRANT DELETE ON cases TO {admin}"))
    connection.execute(text(f"GRANT INSERT, UPDATE, DELETE ON case_presence TO {everyone}"))
    del case_tables


def _case_policies(connection: Connection, schema: _Schema, report: InitReport) -> None:
    for table in sorted(schema.tables - OWN_POLICY - NO_RLS):
        expr = _case_expr(schema, table, f'"{table}"')
        if expr is None:
            report.shared_tables.append(table)
            continue
        report.case_tables.append(table)
        read = f"EXISTS (SELECT 1 FROM cases c WHERE c.id = {expr})"
        # casebook_case_writable's test with the regions read once per statement (an InitPlan):
        # the function called per row cost a bulk import of calls four times the insert
        writable = (
            f"EXISTS (SELECT 1 FROM cases c WHERE c.id = {expr} "
            f"AND c.region = ANY ((SELECT casebook_work_regions({ME}))::text[]))"
        )
        _policies(connection, table, read, {k: writable for k in ("insert", "update", "delete")})
        _change_triggers(connection, schema, table)


def _own_policies(connection: Connection) -> None:
    visible_case = "EXISTS (SELECT 1 FROM cases c WHERE c.id = {t}.case_id)"
    work = f"region = ANY ((SELECT casebook_work_regions({ME}))::text[])"
    decide = f"region = ANY ((SELECT casebook_decide_regions({ME}))::text[])"
    destroy = f"casebook_destruction_allowed({ME}, id)"
    _policies(
        connection,
        "cases",
        f"{has('auditor')} OR region = ANY ((SELECT casebook_read_regions({ME}))::text[]) "
        f"OR id = ANY ((SELECT casebook_supervised_cases({ME}))::integer[]) OR {destroy}",
        {"insert": work, "update": f"{work} OR {decide}", "delete": f"{work} OR {destroy}"},
    )
    statement_write = f"casebook_statement_writable({ME}, case_id)"
    _policies(
        connection,
        "statements",
        visible_case.format(t="statements"),
        {"insert": statement_write, "update": statement_write, "delete": statement_write},
    )
    _policies(
        connection,
        "case_decisions",
        visible_case.format(t="case_decisions"),
        {
            "insert": f"actor = {ME} AND ("
            f"(step = 'propose' AND casebook_case_writable({ME}, case_id)) "
            f"OR (step IN ('approve', 'return') AND casebook_case_decidable({ME}, case_id)))"
        },
    )
    people = " OR ".join(has(r) for r in ("investigator", "manager", "supervisor", "auditor"))
    listing = f"{has('investigator')} OR {has('manager')}"
    _policies(
        connection,
        "courier_blacklist",
        people,
        {"insert": listing, "update": listing},
    )
    _policies(
        connection,
        "audit_entries",
        f"{has('auditor')} OR actor = {ME} "
        "OR (case_id IS NOT NULL AND EXISTS "
        "(SELECT 1 FROM cases c WHERE c.id = audit_entries.case_id))",
        {},  # entries are added only by casebook_audit_append (as its owner)
    )
    _policies(connection, "office_changes", visible_case.format(t="office_changes"), {})
    mine = f"login = {ME}"
    _policies(
        connection,
        "case_presence",
        visible_case.format(t="case_presence"),
        {
            "insert": f"{mine} AND {visible_case.format(t='case_presence')}",
            "update": mine,
            "delete": mine,
        },
    )
    admin = has("admin")
    _policies(
        connection, "office_settings", "true", {k: admin for k in ("insert", "update", "delete")}
    )
    for table in ("office_accounts", "office_account_scopes"):
        _policies(
            connection,
            table,
            f"login = {ME} OR {admin} OR {has('auditor')}",
            {k: admin for k in ("insert", "update", "delete")},
        )
    _policies(
        connection,
        "destruction_tasks",
        f"{admin} OR {has('auditor')} OR {has('manager')}",
        {"insert": admin, "update": f"{admin} OR {has('manager')}"},
    )


def _trigger(connection: Connection, table: str, name: str, when: str, function: str) -> None:
    connection.execute(text(f'DROP TRIGGER IF EXISTS {name} ON "{table}"'))
    connection.execute(
        text(f'CREATE TRIGGER {name} {when} ON "{table}" FOR EACH ROW EXECUTE FUNCTION {function}')
    )


def _change_triggers(connection: Connection, schema: _Schema, table: str) -> None:
    """Statement-level triggers recording which cases a statement changed (one row per case
    in `office_changes`, however many rows an import adds)."""
    expr = _case_expr(schema, table, "r")
    if expr is None:
        return
    argument = expr.replace("'", "''")
    connection.execute(text(f'DROP TRIGGER IF EXISTS cb_notify ON "{table}"'))
    for suffix, event, transition in (
        ("ins", "INSERT", "NEW"),
        ("upd", "UPDATE", "NEW"),
        ("del", "DELETE", "OLD"),
    ):
        name = f"cb_changes_{suffix}"
        connection.execute(text(f'DROP TRIGGER IF EXISTS {name} ON "{table}"'))
        connection.execute(
            text(
                f'CREATE TRIGGER {name} AFTER {event} ON "{table}" '
                f"REFERENCING {transition} TABLE AS changed_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION casebook_record_changes('{argument}')"
            )
        )


def init_server(connection: Connection) -> InitReport:
    """Create (or bring up to date) roles, grants, functions, policies and triggers. Safe to run
    again, and to be run again after every upgrade of Casebook."""
    report = InitReport()
    report.roles = _create_groups(connection)
    sql = resources.files("app.storage.office_sql").joinpath("functions.sql").read_text("utf-8")
    raw: Any = connection.connection.driver_connection
    raw.execute(sql)  # no parameters: psycopg passes the `%` of RAISE formats untouched
    schema = _schema(connection)
    _own_policies(connection)
    _case_policies(connection, schema, report)
    for table in ("cases", "statements", "case_decisions", "case_presence"):
        _change_triggers(connection, schema, table)
        report.case_tables.append(table)
    _trigger(connection, "audit_entries", "cb_notify", "AFTER INSERT", "casebook_notify_audit()")
    _trigger(connection, "cases", "cb_close_rule", "BEFORE UPDATE", "casebook_close_rule()")
    _trigger(
        connection,
        "case_decisions",
        "cb_decision_rule",
        "BEFORE INSERT",
        "casebook_decision_rule()",
    )
    _trigger(
        connection,
        "audit_entries",
        "cb_audit_actor",
        "BEFORE INSERT",
        "casebook_audit_actor_rule()",
    )
    _grants(connection, schema, report.case_tables)
    logins = connection.execute(text("SELECT login FROM office_accounts")).scalars()
    report.masked_tables = office_masking.install(
        connection, [group(r) for r in ROLES], [str(x) for x in logins]
    )
    report.case_tables.sort()
    return report


def _encrypted(connection: Connection, login: str, password: str) -> str:
    """SCRAM verifier computed by libpq on this side: the password never reaches the server's
    statement log in clear."""
    raw: Any = connection.connection.driver_connection
    verifier: bytes = raw.pgconn.encrypt_password(
        password.encode(), login.encode(), b"scram-sha-256"
    )
    return verifier.decode()


def _quote(connection: Connection, value: str) -> str:
    """A string literal quoted by the driver (role options take no bind parameters)."""
    raw: Any = connection.connection.driver_connection
    from psycopg import sql

    return str(sql.Literal(value).as_string(raw))


def _ident(connection: Connection, value: str) -> str:
    raw: Any = connection.connection.driver_connection
    from psycopg import sql

    return str(sql.Identifier(value).as_string(raw))


def _raw(connection: Connection, statement: str) -> None:
    """A statement with literals already quoted by the driver (no bind-parameter parsing)."""
    raw: Any = connection.connection.driver_connection
    raw.execute(statement)


def role_exists(connection: Connection, login: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login})
    return found.first() is not None


def create_login(connection: Connection, login: str, password: str | None) -> None:
    options = "LOGIN"
    if password:
        options += f" PASSWORD {_quote(connection, _encrypted(connection, login, password))}"
    _raw(connection, f"CREATE ROLE {_ident(connection, login)} {options}")
    office_masking.configure_login(connection, login)


def set_password(connection: Connection, login: str, password: str) -> None:
    verifier = _quote(connection, _encrypted(connection, login, password))
    _raw(connection, f"ALTER ROLE {_ident(connection, login)} PASSWORD {verifier}")


def set_login_enabled(connection: Connection, login: str, enabled: bool) -> None:
    connection.execute(
        text(f"ALTER ROLE {_ident(connection, login)} {'LOGIN' if enabled else 'NOLOGIN'}")
    )


def set_groups(connection: Connection, login: str, roles: list[str]) -> None:
    """Make `login` a member of exactly the groups of `roles`; an administrator may create
    logins and hand out the groups (CREATEROLE, ADMIN OPTION on the groups)."""
    who = _ident(connection, login)
    for role in ROLES:
        if role not in roles:
            connection.execute(text(f'REVOKE "{group(role)}" FROM {who}'))
    for role in roles:
        option = " WITH ADMIN OPTION" if "admin" in roles else ""
        connection.execute(text(f'GRANT "{group(role)}" TO {who}{option}'))
    if "admin" in roles:
        for role in ROLES:
            connection.execute(text(f'GRANT "{group(role)}" TO {who} WITH ADMIN OPTION'))
    connection.execute(
        text(f"ALTER ROLE {who} {'CREATEROLE' if 'admin' in roles else 'NOCREATEROLE'}")
    )


def server_user(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_user")).scalar_one())


def initialised(connection: Connection) -> bool:
    """True when `admin init` ran on this database (the policy helpers exist)."""
    found = connection.execute(
        text("SELECT 1 FROM pg_proc WHERE proname = 'casebook_has_role'")
    ).first()
    return found is not None
