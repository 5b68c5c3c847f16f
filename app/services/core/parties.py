"""Parties of a case (complainant, subject courier, supervisor, witnesses), their phones, the
courier blacklist, and the audited reveal of masked personal data."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.cases import PartyRole, parse_enum
from app.domain.errors import ValidationError
from app.domain.phones import display, normalize
from app.domain.timeutil import now_utc
from app.services.core.cases import check_version
from app.services.core.context import ServiceContext
from app.services.core.dto import BlacklistInfo, PartyInfo
from app.storage.repositories import office as office_repo
from app.storage.repositories.core import convert
from app.storage.repositories.core import parties as repo
from app.storage.repositories.core.cases import case_row, refresh_search_text
from app.storage.session import Session


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


def _is_blacklisted(session: Session, courier_id: str | None) -> bool:
    return bool(courier_id) and bool(repo.blacklisted_ids(session, [courier_id or ""]))


def add_party(ctx: ServiceContext, case_id: int, data: PartyInput) -> PartyResult:
    _check(data)
    phones = _phones(data.phones, ctx.settings.phone_region)
    with ctx.transaction() as session:
        case_row(session, case_id)
        row = repo.new_party(
            session,
            case_id=case_id,
            role=data.role,
            name=data.name.strip(),
            courier_id=(data.courier_id or "").strip() or None,
            supervisor_id=data.supervisor_id,
            address=data.address.strip(),
            notes=data.notes,
            deleted=False,
        )
        repo.replace_phones(session, row.id, phones)
        refresh_search_text(session, case_id)
        ctx.audit(
            session,
            action="create",
            entity="party",
            entity_id=row.id,
            case_id=case_id,
            after=convert.party_audit(row, phones),
        )
        listed = _is_blacklisted(session, row.courier_id)
        info = convert.party_info(row, phones, listed)
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
        row = repo.party_row(session, party_id)
        check_version(row.version, expected_version, "party")
        old_phones = repo.party_phones(session, [row.id])[row.id]
        before = convert.party_audit(row, old_phones)
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
            repo.replace_phones(session, row.id, phones)
        refresh_search_text(session, row.case_id)
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=row.id,
            case_id=row.case_id,
            before=before,
            after=convert.party_audit(row, phones),
        )
        listed = _is_blacklisted(session, row.courier_id)
        return PartyResult(convert.party_info(row, phones, listed), [])


def set_party_deleted(
    ctx: ServiceContext, party_id: int, expected_version: int, deleted: bool
) -> PartyInfo:
    """Delete (soft, so undo can restore it) or restore a party."""
    with ctx.transaction() as session:
        row = repo.party_row(session, party_id)
        check_version(row.version, expected_version, "party")
        phones = repo.party_phones(session, [row.id])[row.id]
        before = convert.party_audit(row, phones)
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
            after=convert.party_audit(row, phones),
        )
        return convert.party_info(row, phones)


def party_phone_values(ctx: ServiceContext, case_id: int) -> dict[int, list[str]]:
    """Real phone values per party, for analysis code that never shows them (call detectors)."""
    with ctx.session() as session:
        return repo.party_phones(session, repo.party_ids(session, case_id))


def party_address_values(ctx: ServiceContext, case_id: int) -> dict[int, str]:
    """Real address per party of the case, deleted ones too, for code that decides itself what
    to show of them (the dossier's profiles)."""
    with ctx.session() as session:
        return repo.party_addresses(session, case_id)


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
            row = repo.party_row(session, entity_id)
            case_id = row.case_id
            if field_name == "phones":
                values = repo.party_phones(session, [row.id])[row.id]
                value = ", ".join(display(v) for v in values)
            else:
                value = row.address
        else:
            case_id, value = repo.order_address(session, entity_id)
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
            case_row(session, case_id)
        row = repo.new_blacklist_entry(
            session,
            courier_id=courier,
            reason=reason.strip(),
            case_id=case_id,
            added_at=now_utc(),
            added_by=ctx.actor,
            active=True,
        )
        ctx.audit(
            session,
            action="create",
            entity="blacklist",
            entity_id=row.id,
            case_id=case_id,
            after={"courier_id": courier, "reason": row.reason},
        )
        return convert.blacklist_info(row)


def blacklist_set_active(ctx: ServiceContext, entry_id: int, active: bool) -> BlacklistInfo:
    with ctx.transaction() as session:
        row = repo.blacklist_row(session, entry_id)
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
        return convert.blacklist_info(row)


def blacklist_check(ctx: ServiceContext, courier_id: str) -> list[BlacklistInfo]:
    """Active blacklist entries for a courier (warn before adding him to a new case)."""
    with ctx.session() as session:
        return [
            convert.blacklist_info(r)
            for r in repo.active_blacklist_rows(session, courier_id.strip())
        ]


def blacklist_list(ctx: ServiceContext) -> list[BlacklistInfo]:
    with ctx.session() as session:
        return [convert.blacklist_info(r) for r in repo.blacklist_rows(session)]
