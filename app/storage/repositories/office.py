"""Office queries: office-wide settings, accounts and scopes, decisions on a case, retention
facts, destruction tasks and the inventory of what a destruction removes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, inspect, literal, select, text, union_all
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.domain.timeutil import ensure_utc, now_utc
from app.storage.models.cases import BlacklistRow, CaseRow, EvidenceRow, PartyPhoneRow, PartyRow
from app.storage.models.evidence import VideoMediaRow
from app.storage.models.office import (
    CaseDecisionRow,
    CasePresenceRow,
    DestructionTaskRow,
    OfficeAccountRow,
    OfficeScopeRow,
    OfficeSettingRow,
)


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def office_initialised(session: Session) -> bool:
    """An office server: PostgreSQL on which `admin init` installed the policies."""
    if not is_postgres(session):
        return False
    found = session.execute(text("SELECT 1 FROM pg_proc WHERE proname = 'casebook_has_role'"))
    return found.first() is not None


def has_office_tables(session: Session) -> bool:
    return inspect(session.get_bind()).has_table(OfficeSettingRow.__tablename__)


def server_user(session: Session) -> str:
    return str(session.execute(text("SELECT current_user")).scalar_one())


# --- settings ----------------------------------------------------------------------------


def get_setting(session: Session, key: str) -> Any:
    row = session.get(OfficeSettingRow, key)
    return None if row is None else row.value


def put_setting(session: Session, key: str, value: Any, actor: str) -> Any:
    """Store a value; returns the previous one (for the audit entry)."""
    row = session.get(OfficeSettingRow, key)
    before = None if row is None else row.value
    if row is None:
        session.add(OfficeSettingRow(key=key, value=value, updated_at=now_utc(), updated_by=actor))
    else:
        row.value, row.updated_at, row.updated_by = value, now_utc(), actor
    session.flush()
    return before


# --- accounts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFacts:
    login: str
    full_name: str
    active: bool
    scopes: dict[str, list[str]]
    created_at: datetime
    created_by: str


def _facts(session: Session, row: OfficeAccountRow) -> AccountFacts:
    scopes: dict[str, list[str]] = {"role": [], "region": [], "courier": []}
    for kind, value in session.execute(
        select(OfficeScopeRow.kind, OfficeScopeRow.value)
        .where(OfficeScopeRow.login == row.login)
        .order_by(OfficeScopeRow.kind, OfficeScopeRow.value)
    ):
        scopes.setdefault(kind, []).append(value)
    return AccountFacts(
        row.login, row.full_name, row.active, scopes, ensure_utc(row.created_at), row.created_by
    )


def account(session: Session, login: str) -> AccountFacts | None:
    row = session.get(OfficeAccountRow, login)
    return None if row is None else _facts(session, row)


def accounts(session: Session) -> list[AccountFacts]:
    rows = session.scalars(select(OfficeAccountRow).order_by(OfficeAccountRow.login)).all()
    return [_facts(session, row) for row in rows]


def save_account(
    session: Session,
    login: str,
    actor: str,
    *,
    full_name: str | None = None,
    active: bool | None = None,
    scopes: dict[str, list[str]] | None = None,
) -> None:
    """Create or change an account; `scopes` replaces the kinds it names."""
    row = session.get(OfficeAccountRow, login)
    if row is None:
        row = OfficeAccountRow(
            login=login, full_name="", active=True, created_at=now_utc(), created_by=actor
        )
        session.add(row)
    if full_name is not None:
        row.full_name = full_name
    if active is not None:
        row.active = active
    session.flush()
    for kind, values in (scopes or {}).items():
        session.execute(
            delete(OfficeScopeRow).where(OfficeScopeRow.login == login, OfficeScopeRow.kind == kind)
        )
        for value in sorted(set(values)):
            session.add(OfficeScopeRow(login=login, kind=kind, value=value))
    session.flush()


# --- decisions ---------------------------------------------------------------------------


def add_decision(session: Session, **values: Any) -> CaseDecisionRow:
    row = CaseDecisionRow(at=now_utc(), **values)
    session.add(row)
    session.flush()
    return row


def decisions(session: Session, case_id: int) -> list[CaseDecisionRow]:
    return list(
        session.scalars(
            select(CaseDecisionRow)
            .where(CaseDecisionRow.case_id == case_id)
            .order_by(CaseDecisionRow.id)
        )
    )


def latest_decision(session: Session, case_id: int) -> CaseDecisionRow | None:
    return session.scalars(
        select(CaseDecisionRow)
        .where(CaseDecisionRow.case_id == case_id)
        .order_by(CaseDecisionRow.id.desc())
        .limit(1)
    ).first()


# --- retention and destruction -----------------------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    """What retention needs of a case (no personal data)."""

    id: int
    number: str
    region: str
    status: str
    measure: str | None
    decided_at: datetime | None


def retention_facts(session: Session) -> list[CaseFacts]:
    """Every case on a workstation; on an office server the definer function hands an
    administrator the facts of every case without letting them read the cases."""
    if office_initialised(session):
        rows = session.execute(
            text(
                "SELECT id, number, region, status, measure, decided_at "
                "FROM casebook_retention_facts() ORDER BY id"
            )
        ).all()
    else:
        rows = session.execute(
            select(
                CaseRow.id,
                CaseRow.number,
                CaseRow.region,
                CaseRow.status,
                CaseRow.measure,
                CaseRow.decided_at,
            ).order_by(CaseRow.id)
        ).all()
    return [
        CaseFacts(
            int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], ensure_utc(r[5]) if r[5] else None
        )
        for r in rows
    ]


def next_task_number(session: Session, year: int) -> str:
    prefix = f"ACT-{year}-"
    count = session.scalar(select(func.count()).where(DestructionTaskRow.number.like(f"{prefix}%")))
    return f"{prefix}{int(count or 0) + 1:04d}"


def add_task(session: Session, **values: Any) -> DestructionTaskRow:
    row = DestructionTaskRow(**values)
    session.add(row)
    session.flush()
    return row


def task(session: Session, task_id: int) -> DestructionTaskRow | None:
    return session.get(DestructionTaskRow, task_id)


def tasks(session: Session) -> list[DestructionTaskRow]:
    return list(session.scalars(select(DestructionTaskRow).order_by(DestructionTaskRow.id)))


@dataclass(frozen=True)
class Blob:
    sha256: str
    kind: str
    other_cases: int


def case_blobs(session: Session, case_id: int) -> list[Blob]:
    """The case's evidence blobs and how many other cases hold the same bytes."""
    if office_initialised(session):
        rows = session.execute(
            text("SELECT sha256, kind, other_cases FROM casebook_case_blobs(:c) ORDER BY 1"),
            {"c": case_id},
        ).all()
        return [Blob(str(r[0]), str(r[1]), int(r[2])) for r in rows]
    originals = select(
        EvidenceRow.case_id.label("case_id"),
        EvidenceRow.sha256.label("sha"),
        EvidenceRow.kind.label("kind"),
    )
    working = (
        select(EvidenceRow.case_id, VideoMediaRow.working_sha256, literal("working_copy"))
        .join(VideoMediaRow, VideoMediaRow.evidence_id == EvidenceRow.id)
        .where(VideoMediaRow.working_sha256.is_not(None))
    )
    refs = union_all(originals, working).subquery()
    found = session.execute(
        select(refs.c.sha, func.min(refs.c.kind))
        .where(refs.c.case_id == case_id)
        .group_by(refs.c.sha)
        .order_by(refs.c.sha)
    ).all()
    blobs = []
    for sha, kind in found:
        others = session.scalar(
            select(func.count(func.distinct(refs.c.case_id))).where(
                refs.c.sha == sha, refs.c.case_id != case_id
            )
        )
        blobs.append(Blob(str(sha), str(kind), int(others or 0)))
    return blobs


def visible_blobs(session: Session) -> set[str]:
    """Hashes of the evidence this person reads (row-level security on an office server)."""
    return {str(sha) for sha in session.scalars(select(EvidenceRow.sha256).distinct())}


def case_inventory(session: Session, case_id: int) -> dict[str, int]:
    """Rows per table that the case's destruction removes (tables with a `case_id`), for the
    act. On an office server the administrator reads them only once the task is confirmed."""
    counts: dict[str, int] = {}
    # the tables themselves (an office login's search path starts with the masked views)
    schema = "public" if is_postgres(session) else None
    names = inspect(session.get_bind()).get_table_names(schema=schema)
    for name in sorted(names):
        columns = {c["name"] for c in inspect(session.get_bind()).get_columns(name, schema=schema)}
        if "case_id" not in columns or name in ("audit_entries", "courier_blacklist"):
            continue
        value = session.execute(
            text(f'SELECT count(*) FROM "{name}" WHERE case_id = :c'), {"c": case_id}
        ).scalar_one()
        if value:
            counts[name] = int(value)
    phones = session.scalar(
        select(func.count())
        .select_from(PartyPhoneRow)
        .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
        .where(PartyRow.case_id == case_id)
    )
    if phones:
        counts["party_phones"] = int(phones)
    return counts


def party_roles(session: Session, case_id: int) -> dict[str, int]:
    rows = session.execute(
        select(PartyRow.role, func.count())
        .where(PartyRow.case_id == case_id)
        .group_by(PartyRow.role)
    ).all()
    return {str(role): int(n) for role, n in rows}


def delete_case(session: Session, case_id: int) -> bool:
    """Remove a case; its rows in every feature table go with it (ON DELETE CASCADE)."""
    result = session.execute(delete(CaseRow).where(CaseRow.id == case_id))
    session.flush()
    return bool(getattr(result, "rowcount", 0))


def bypasses_policies(session: Session) -> bool:
    """A superuser, or a role with BYPASSRLS, or the owner of the case tables."""
    row = session.execute(
        text(
            "SELECT r.rolsuper OR r.rolbypassrls OR "
            "pg_get_userbyid(c.relowner) = current_user "
            "FROM pg_roles r, pg_class c "
            "WHERE r.rolname = current_user AND c.oid = 'cases'::regclass"
        )
    ).first()
    return bool(row and row[0])


def case_row(session: Session, case_id: int) -> CaseRow | None:
    return session.get(CaseRow, case_id)


def subject_couriers(session: Session, case_id: int) -> list[str]:
    """Courier ids of the case's subjects (the couriers the complaint is about)."""
    rows = session.scalars(
        select(PartyRow.courier_id)
        .where(
            PartyRow.case_id == case_id,
            PartyRow.role == "subject",
            PartyRow.deleted.is_(False),
            PartyRow.courier_id.is_not(None),
        )
        .distinct()
        .order_by(PartyRow.courier_id)
    )
    return [str(c) for c in rows if c]


def add_blacklist(
    session: Session, courier_id: str, reason: str, case_id: int, actor: str
) -> BlacklistRow:
    row = BlacklistRow(
        courier_id=courier_id,
        reason=reason,
        case_id=case_id,
        added_at=now_utc(),
        added_by=actor,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


def reveal(session: Session, entity: str, entity_id: int, field: str, reason: str) -> list[str]:
    """Reveal through the server's function: it checks access, writes the audit entry (as the
    logged-in role) and returns the values, in the caller's transaction."""
    try:
        with session.begin_nested():
            values = session.execute(
                text("SELECT casebook_reveal(:e, :i, :f, :r)"),
                {"e": entity, "i": entity_id, "f": field, "r": reason},
            ).scalar_one()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "P0002":
            raise NotFound(f"no {entity} with id {entity_id}") from exc
        raise
    return [str(v) for v in (values or [])]


def _revealed_rows(
    session: Session, sql: str, case_id: int, ids: list[int], reason: str
) -> list[Any]:
    """Rows of a server reveal function (it writes the audit entry first), in the caller's
    transaction; a case the user cannot read is NotFound."""
    try:
        with session.begin_nested():
            return list(session.execute(text(sql), {"c": case_id, "i": ids, "r": reason}).all())
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "P0002":
            raise NotFound(f"no case with id {case_id}") from exc
        raise


def reveal_calls(
    session: Session, case_id: int, ids: list[int], reason: str
) -> dict[int, tuple[str, str, str | None]]:
    """Real (caller, callee, virtual) of calls of a case."""
    rows = _revealed_rows(
        session,
        "SELECT id, caller, callee, virtual FROM casebook_reveal_calls(:c, :i, :r)",
        case_id,
        ids,
        reason,
    )
    return {int(r[0]): (str(r[1]), str(r[2]), None if r[3] is None else str(r[3])) for r in rows}


def link_number(session: Session, number_id: int, party_id: int) -> None:
    """Copy a number of the case's calls into the party's phones on the server (the user
    reads only its masked form)."""
    session.execute(text("SELECT casebook_link_number(:n, :p)"), {"n": number_id, "p": party_id})


def reveal_messages(
    session: Session, case_id: int, ids: list[int], reason: str
) -> dict[int, tuple[str, str | None]]:
    """Real (sender, sender_number) of messages of a case."""
    rows = _revealed_rows(
        session,
        "SELECT id, sender, sender_number FROM casebook_reveal_messages(:c, :i, :r)",
        case_id,
        ids,
        reason,
    )
    return {int(r[0]): (str(r[1]), None if r[2] is None else str(r[2])) for r in rows}


# --- editing leases (case_presence) --------------------------------------------------------


def hold_presence(session: Session, case_id: int, login: str, what: str) -> None:
    """Start or renew `login`'s lease on the case (the server's clock)."""
    # Only the office server holds leases: the PostgreSQL dialect (~30 ms to import) is not
    # loaded by every command that opens the context through this module.
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    stmt = pg_insert(CasePresenceRow).values(
        case_id=case_id, login=login, what=what[:64], seen_at=func.now()
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["case_id", "login"],
            set_={"what": stmt.excluded.what, "seen_at": func.now()},
        )
    )


def release_presence(session: Session, case_id: int, login: str) -> None:
    session.execute(
        delete(CasePresenceRow).where(
            CasePresenceRow.case_id == case_id, CasePresenceRow.login == login
        )
    )


def presence(
    session: Session, case_id: int, login: str, lease: timedelta
) -> list[tuple[str, str, datetime]]:
    """(login, what, seen_at) of the others' leases on the case renewed within `lease`."""
    rows = session.execute(
        select(CasePresenceRow.login, CasePresenceRow.what, CasePresenceRow.seen_at)
        .where(
            CasePresenceRow.case_id == case_id,
            CasePresenceRow.login != login,
            CasePresenceRow.seen_at > func.now() - lease,
        )
        .order_by(CasePresenceRow.seen_at)
    ).all()
    return [(str(r[0]), str(r[1]), ensure_utc(r[2])) for r in rows]
