"""Parties of a case (complainant, subject courier, supervisor, witnesses), their phones, the
courier blacklist, and the audited reveal of masked personal data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.cases import PartyRole, parse_enum
from app.domain.errors import NotFound, ValidationError
from app.domain.phones import display, normalize
from app.domain.timeutil import now_utc
from app.services.core import rows as mapping
from app.services.core.cases import check_version, load_case
from app.services.core.context import ServiceContext
from app.services.core.dto import BlacklistInfo, PartyInfo
from app.storage.models.cases import BlacklistRow, OrderRow, PartyPhoneRow, PartyRow
from app.storage.repositories import office as office_repo
from app.storage.repositories.cases import refresh_search_text


@dataclass(frozen=True)
class PartyInput:
    role: str
    name: str
    phones: tuple[str, ...] = ()
    courier_id: str | None = None
    address: str = ""
    notes: str = ""
    supervisor_id: int | None = None


@dataclass(frozen=True)
class PartyResult:
    party: PartyInfo
    warnings: list[str] = field(default_factory=list)  # codes: "blacklisted"


def _phones(raw_phones: tuple[str, ...], region: str) -> list[str]:
    """E.164 values; a party's phone must be a real number (call logs may hold others)."""
    values: list[str] = []
    for raw in raw_phones:
        if not raw.strip():
            continue
        phone = normalize(raw, region)
        if phone.e164 is None:
            raise ValidationError(f"not a valid phone number: {raw!r}", field="phones")
        if phone.e164 in values:
            raise ValidationError(f"phone {raw!r} is listed twice", field="phones")
        values.append(phone.e164)
    return values


def _check(data: PartyInput) -> None:
    parse_enum(PartyRole, data.role, "role")
    if not data.name.strip():
        raise ValidationError("the party needs a name", field="name")
    if data.role == PartyRole.SUBJECT and not (data.courier_id or "").strip():
        raise ValidationError("the subject courier needs a courier ID", field="courier_id")


def _set_phones(session: Session, party_id: int, values: list[str]) -> None:
    session.execute(delete(PartyPhoneRow).where(PartyPhoneRow.party_id == party_id))
    for value in values:
        digits = "".join(ch for ch in value if ch.isdigit())
        session.add(PartyPhoneRow(party_id=party_id, raw=value, value=value, digits=digits))


def _is_blacklisted(session: Session, courier_id: str | None) -> bool:
    return bool(courier_id) and bool(mapping.blacklisted_ids(session, [courier_id or ""]))


def add_party(ctx: ServiceContext, case_id: int, data: PartyInput) -> PartyResult:
    _check(data)
    phones = _phones(data.phones, ctx.settings.phone_region)
    with ctx.transaction() as session:
        load_case(session, case_id)
        row = PartyRow(
            case_id=case_id,
            role=data.role,
            name=data.name.strip(),
            courier_id=(data.courier_id or "").strip() or None,
            supervisor_id=data.supervisor_id,
            address=data.address.strip(),
            notes=data.notes,
            deleted=False,
        )
        session.add(row)
        session.flush()
        _set_phones(session, row.id, phones)
        session.flush()
        refresh_search_text(session, case_id)
        ctx.audit(
            session,
            action="create",
            entity="party",
            entity_id=row.id,
            case_id=case_id,
            after=mapping.party_audit(row, phones),
        )
        listed = _is_blacklisted(session, row.courier_id)
        info = mapping.party_info(row, phones, listed)
    return PartyResult(info, ["blacklisted"] if listed else [])


def update_party(
    ctx: ServiceContext,
    party_id: int,
    expected_version: int,
    data: PartyInput,
    *,
    keep_phones: bool = False,
    keep_address: bool = False,
) -> PartyResult:
    """Replace the party's fields. Phones and address are personal data the editor may not
    have revealed: `keep_phones` / `keep_address` leave the stored ones as they are."""
    _check(data)
    with ctx.transaction() as session:
        row = _party(session, party_id)
        check_version(row.version, expected_version, "party")
        old_phones = mapping.party_phones(session, [row.id])[row.id]
        before = mapping.party_audit(row, old_phones)
        phones = old_phones if keep_phones else _phones(data.phones, ctx.settings.phone_region)
        row.role = data.role
        row.name = data.name.strip()
        row.courier_id = (data.courier_id or "").strip() or None
        row.supervisor_id = data.supervisor_id
        if not keep_address:
            row.address = data.address.strip()
        row.notes = data.notes
        session.flush()
        if not keep_phones:
            _set_phones(session, row.id, phones)
            session.flush()
        refresh_search_text(session, row.case_id)
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=row.id,
            case_id=row.case_id,
            before=before,
            after=mapping.party_audit(row, phones),
        )
        listed = _is_blacklisted(session, row.courier_id)
        return PartyResult(mapping.party_info(row, phones, listed), [])


def set_party_deleted(
    ctx: ServiceContext, party_id: int, expected_version: int, deleted: bool
) -> PartyInfo:
    """Delete (soft, so undo can restore it) or restore a party."""
    with ctx.transaction() as session:
        row = _party(session, party_id)
        check_version(row.version, expected_version, "party")
        phones = mapping.party_phones(session, [row.id])[row.id]
        before = mapping.party_audit(row, phones)
        row.deleted = deleted
        session.flush()
        refresh_search_text(session, row.case_id)
        ctx.audit(
            session,
            action="delete" if deleted else "restore",
            entity="party",
            entity_id=row.id,
            case_id=row.case_id,
            before=before,
            after=mapping.party_audit(row, phones),
        )
        return mapping.party_info(row, phones)


def _party(session: Session, party_id: int) -> PartyRow:
    row = session.get(PartyRow, party_id)
    if row is None:
        raise NotFound(f"no party with id {party_id}")
    return row


def party_phone_values(ctx: ServiceContext, case_id: int) -> dict[int, list[str]]:
    """Real phone values per party, for analysis code that never shows them (call detectors)."""
    with ctx.session() as session:
        ids = list(
            session.scalars(
                select(PartyRow.id).where(PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
            )
        )
        return mapping.party_phones(session, ids)


REVEALABLE = {("party", "phones"), ("party", "address"), ("order", "address")}


def reveal(ctx: ServiceContext, entity: str, entity_id: int, field_name: str, reason: str) -> str:
    """The real value of a masked field. Needs a reason; writes a `reveal` audit entry in the
    same transaction, so nothing is revealed unaudited."""
    if (entity, field_name) not in REVEALABLE:
        raise ValidationError(f"{entity}.{field_name} cannot be revealed", field="field")
    if len(reason.strip()) < 3:
        raise ValidationError("say why the personal data is revealed", field="reason")
    with ctx.transaction() as session:
        if office_repo.office_initialised(session):  # the server writes the entry itself
            values = office_repo.reveal(session, entity, entity_id, field_name, reason.strip())
            if field_name == "phones":
                return ", ".join(display(v) for v in values)
            return values[0] if values else ""
        if entity == "party":
            row = _party(session, entity_id)
            case_id = row.case_id
            if field_name == "phones":
                values = mapping.party_phones(session, [row.id])[row.id]
                value = ", ".join(display(v) for v in values)
            else:
                value = row.address
        else:
            order = session.get(OrderRow, entity_id)
            if order is None:
                raise NotFound(f"no order with id {entity_id}")
            case_id, value = order.case_id, order.address
        ctx.audit(
            session,
            action="reveal",
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            after={"field": field_name, "reason": reason.strip()},
        )
    return value


def blacklist_add(
    ctx: ServiceContext, courier_id: str, reason: str, case_id: int | None = None
) -> BlacklistInfo:
    courier = courier_id.strip()
    if not courier:
        raise ValidationError("a courier ID is needed", field="courier_id")
    if not reason.strip():
        raise ValidationError("give the reason for the blacklisting", field="reason")
    with ctx.transaction() as session:
        if case_id is not None:
            load_case(session, case_id)
        row = BlacklistRow(
            courier_id=courier,
            reason=reason.strip(),
            case_id=case_id,
            added_at=now_utc(),
            added_by=ctx.actor,
            active=True,
        )
        session.add(row)
        session.flush()
        ctx.audit(
            session,
            action="create",
            entity="blacklist",
            entity_id=row.id,
            case_id=case_id,
            after={"courier_id": courier, "reason": row.reason},
        )
        return _blacklist_info(row)


def blacklist_set_active(ctx: ServiceContext, entry_id: int, active: bool) -> BlacklistInfo:
    with ctx.transaction() as session:
        row = session.get(BlacklistRow, entry_id)
        if row is None:
            raise NotFound(f"no blacklist entry {entry_id}")
        before = {"active": row.active}
        row.active = active
        session.flush()
        ctx.audit(
            session,
            action="update",
            entity="blacklist",
            entity_id=row.id,
            case_id=row.case_id,
            before=before,
            after={"active": active},
        )
        return _blacklist_info(row)


def blacklist_check(ctx: ServiceContext, courier_id: str) -> list[BlacklistInfo]:
    """Active blacklist entries for a courier (warn before adding him to a new case)."""
    with ctx.session() as session:
        rows = session.scalars(
            select(BlacklistRow).where(
                BlacklistRow.courier_id == courier_id.strip(), BlacklistRow.active.is_(True)
            )
        )
        return [_blacklist_info(r) for r in rows]


def blacklist_list(ctx: ServiceContext) -> list[BlacklistInfo]:
    with ctx.session() as session:
        rows = session.scalars(select(BlacklistRow).order_by(BlacklistRow.added_at.desc()))
        return [_blacklist_info(r) for r in rows]


def _blacklist_info(row: BlacklistRow) -> BlacklistInfo:
    return BlacklistInfo(
        row.id, row.courier_id, row.reason, row.case_id, row.added_at, row.added_by, row.active
    )
