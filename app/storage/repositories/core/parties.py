"""Parties of a case, their phones and the courier blacklist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.storage.models.cases import BlacklistRow, OrderRow, PartyPhoneRow, PartyRow
from app.storage.session import fetched, inserted


def party_row(session: Session, party_id: int) -> PartyRow:
    return fetched(session, PartyRow, party_id, f"no party with id {party_id}")


def is_live_party_of(session: Session, case_id: int, party_id: int) -> bool:
    """Whether the party exists, belongs to the case and is not deleted."""
    row = session.get(PartyRow, party_id)
    return row is not None and row.case_id == case_id and not row.deleted


def new_party(session: Session, **fields: Any) -> PartyRow:
    """Insert a party (flushed, so it has its id)."""
    return inserted(session, PartyRow(**fields))


def party_ids(session: Session, case_id: int) -> list[int]:
    """Ids of the case's parties that are not deleted."""
    stmt = select(PartyRow.id).where(PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
    return list(session.scalars(stmt))


def party_phones(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Real phone values (E.164) per party, in the order they were entered."""
    out: dict[int, list[str]] = {pid: [] for pid in ids}
    if ids:
        stmt = (
            select(PartyPhoneRow.party_id, PartyPhoneRow.value)
            .where(PartyPhoneRow.party_id.in_(ids))
            .order_by(PartyPhoneRow.id)
        )
        for party_id, value in session.execute(stmt):
            out[party_id].append(value)
    return out


def replace_phones(session: Session, party_id: int, values: Sequence[str]) -> None:
    """The party's phones become `values` (E.164), flushed."""
    session.execute(delete(PartyPhoneRow).where(PartyPhoneRow.party_id == party_id))
    for value in values:
        digits = "".join(ch for ch in value if ch.isdigit())
        session.add(PartyPhoneRow(party_id=party_id, raw=value, value=value, digits=digits))
    session.flush()


def order_address(session: Session, order_id: int) -> tuple[int, str]:
    """(case id, real address) of an order, for an audited reveal."""
    order = fetched(session, OrderRow, order_id, f"no order with id {order_id}")
    return order.case_id, order.address


def party_addresses(session: Session, case_id: int) -> dict[int, str]:
    """Real address per party of the case, deleted parties too (a dossier that shows them)."""
    stmt = select(PartyRow.id, PartyRow.address).where(PartyRow.case_id == case_id)
    return {int(pid): address for pid, address in session.execute(stmt)}


def blacklisted_ids(session: Session, courier_ids: Sequence[str]) -> set[str]:
    """Those of the courier IDs that have an active blacklist entry."""
    wanted = [c for c in courier_ids if c]
    if not wanted:
        return set()
    stmt = select(BlacklistRow.courier_id).where(
        BlacklistRow.courier_id.in_(wanted), BlacklistRow.active.is_(True)
    )
    return set(session.scalars(stmt))


def new_blacklist_entry(session: Session, **fields: Any) -> BlacklistRow:
    return inserted(session, BlacklistRow(**fields))


def blacklist_row(session: Session, entry_id: int) -> BlacklistRow:
    return fetched(session, BlacklistRow, entry_id, f"no blacklist entry {entry_id}")


def active_blacklist_rows(session: Session, courier_id: str) -> list[BlacklistRow]:
    stmt = select(BlacklistRow).where(
        BlacklistRow.courier_id == courier_id, BlacklistRow.active.is_(True)
    )
    return list(session.scalars(stmt))


def blacklist_rows(session: Session) -> list[BlacklistRow]:
    """Every entry, newest first."""
    return list(session.scalars(select(BlacklistRow).order_by(BlacklistRow.added_at.desc())))
