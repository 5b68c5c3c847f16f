"""Orders for the call analysis: importing an order export (same sniffing and mapping as call
logs) and the party references the CLI uses (`--courier`, `--customer`).

An import is one transaction: the file is stored as evidence (kind `document`), new orders
are created, known ones get the events they lack. Customer and courier cells are matched to
the case's parties by party id, courier ID or name; cells that match none are reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.ingest.calls import RejectedRow
from app.ingest.mapping import ORDER_FIELDS
from app.ingest.orders import OrderRecord, parse_orders
from app.ingest.plan import plan_import
from app.services.calls.dto import ImportOptions, OrderImportResult, Rejection
from app.services.core.cases import load_case, resolve_case_id
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import add_evidence
from app.storage.models.cases import OrderEventRow, OrderRow, PartyRow
from app.storage.repositories.cases import refresh_search_text


def resolve_party(session: Session, case_id: int, ref: str) -> int | None:
    """A party of the case by id, courier ID or name (case-insensitive); None if none."""
    text = ref.strip()
    if not text:
        return None
    alive = (PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
    if text.isdigit():
        hit = session.scalar(select(PartyRow.id).where(PartyRow.id == int(text), *alive))
        if hit is not None:
            return int(hit)
    hit = session.scalar(select(PartyRow.id).where(PartyRow.courier_id == text, *alive))
    if hit is None:
        hit = session.scalar(
            select(PartyRow.id).where(func.lower(PartyRow.name) == text.lower(), *alive)
        )
    if hit is None:
        # SQLite's lower() leaves Cyrillic alone: compare in Python over the case's parties.
        names = session.execute(select(PartyRow.id, PartyRow.name).where(*alive)).all()
        hit = next((pid for pid, name in names if name.casefold() == text.casefold()), None)
    return int(hit) if hit is not None else None


def party_ref(session: Session, case_id: int, ref: str | None, what: str) -> int | None:
    """Like `resolve_party` but an unknown reference is an error (the CLI's options)."""
    if ref is None or not ref.strip():
        return None
    found = resolve_party(session, case_id, ref)
    if found is None:
        raise NotFound(f"no {what} party {ref!r} in this case")
    return found


@dataclass
class _Merged:
    record: OrderRecord
    events: list[tuple[str, datetime]] = field(default_factory=list)


def import_orders(
    ctx: ServiceContext,
    case_ref: str | int,
    path: Path,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> OrderImportResult:
    options = options or ImportOptions()
    progress = progress or NullProgress()
    path = Path(path)
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
        case_tz = load_case(session, case_id).tz
    plan = plan_import(
        path,
        target="orders",
        fields=ORDER_FIELDS,
        preset=options.preset,
        mapping=options.mapping,
        tz=options.tz,
        default_tz=case_tz,
        encoding=options.encoding,
        delimiter=options.delimiter,
        has_header=options.has_header,
        config_dir=ctx.config_dir,
    )
    merged: dict[str, _Merged] = {}
    rejected: list[Rejection] = []
    for n, item in enumerate(parse_orders(path, plan.fmt, plan.mapping, plan.tz), start=1):
        if isinstance(item, RejectedRow):
            rejected.append(Rejection(item.line, item.reason, item.detail))
        else:
            entry = merged.setdefault(item.number, _Merged(item))
            entry.events.extend(item.events)
        if n % 1000 == 0:
            check_cancel(progress)
            progress.report(n, None, "")
    with ctx.transaction() as session:
        evidence = add_evidence(ctx, case_id, path, kind="document", tz=plan.tz, session=session)
        created = updated = events = 0
        unmatched: set[str] = set()
        for number, entry in merged.items():
            check_cancel(progress)
            rec = entry.record
            courier = resolve_party(session, case_id, rec.courier)
            customer = resolve_party(session, case_id, rec.customer)
            unmatched.update(
                c for c, p in ((rec.courier, courier), (rec.customer, customer)) if c and p is None
            )
            row = session.scalar(
                select(OrderRow).where(OrderRow.case_id == case_id, OrderRow.number == number)
            )
            if row is None:
                row = OrderRow(
                    case_id=case_id,
                    number=number,
                    slot_start=rec.slot_start,
                    slot_end=rec.slot_end,
                    courier_party_id=courier,
                    customer_party_id=customer,
                    address=rec.address,
                    deleted=False,
                )
                session.add(row)
                session.flush()
                created += 1
                known: set[tuple[str, datetime]] = set()
            else:
                row.courier_party_id = row.courier_party_id or courier
                row.customer_party_id = row.customer_party_id or customer
                updated += 1
                known = {
                    (kind, at)
                    for kind, at in session.execute(
                        select(OrderEventRow.kind, OrderEventRow.at).where(
                            OrderEventRow.order_id == row.id
                        )
                    )
                }
            for kind, at in sorted(set(entry.events) - known, key=lambda e: e[1]):
                session.add(OrderEventRow(order_id=row.id, kind=kind, at=at, source=path.name))
                events += 1
        if not merged:
            raise ValidationError(f"{path.name}: no order could be read", field="file")
        session.flush()
        refresh_search_text(session, case_id)
        ctx.audit(
            session,
            action="import",
            entity="orders",
            entity_id=evidence.id,
            case_id=case_id,
            after={
                "evidence_id": evidence.id,
                "sha256": evidence.sha256,
                "name": path.name,
                "created": created,
                "updated": updated,
                "events": events,
                "rejected": len(rejected),
            },
        )
        return OrderImportResult(
            evidence_id=evidence.id,
            sha256=evidence.sha256,
            created=created,
            updated=updated,
            events=events,
            rejected=rejected,
            unmatched_parties=sorted(unmatched),
        )
