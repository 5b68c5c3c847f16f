"""Orders for the call analysis: importing an order export (same sniffing and mapping as call
logs) and the party references the CLI uses (`--courier`, `--customer`).

An import is one transaction: the file is stored as evidence (kind `document`), new orders
are created, known ones get the events they lack. Customer and courier cells are matched to
the case's parties by party id, courier ID or name; cells that match none are reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path

from app.domain import timeutil
from app.domain.errors import CasebookError, NotFound, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.ingest.calls import RejectedRow
from app.ingest.mapping import ORDER_FIELDS
from app.ingest.orders import OrderRecord, parse_orders
from app.ingest.plan import ImportPlan, plan_import
from app.ingest.presets import Preset, all_presets
from app.services.calls.dto import (
    ImportOptions,
    OrderImportResult,
    OrderPreview,
    OrderPreviewRow,
    Rejection,
)
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import add_evidence
from app.storage.repositories import calls as repo
from app.storage.repositories.core.cases import refresh_search_text


def party_ids(
    ctx: ServiceContext, case_id: int, refs: dict[str, str | None]
) -> dict[str, int | None]:
    """The parties named by the CLI's options (`{"courier": "C-7781", ...}`: party id,
    courier ID or name); an unknown reference is `NotFound` naming the option."""
    found: dict[str, int | None] = {}
    with ctx.session() as session:
        for what, ref in refs.items():
            if ref is None or not ref.strip():
                found[what] = None
                continue
            hit = repo.find_party(session, case_id, ref)
            if hit is None:
                raise NotFound(f"no {what} party {ref!r} in this case")
            found[what] = hit
    return found


def order_events_in_case_zone(
    ctx: ServiceContext, case_id: int, texts: dict[str, str | None]
) -> tuple[tuple[str, datetime], ...]:
    """`{"assigned": "2025-10-09T13:00", ...}` → events; times without a zone are the
    case's local time (the CLI's `order add`)."""
    with ctx.session() as session:
        tz = repo.case_zone(session, case_id)
    return tuple(
        (kind, timeutil.parse_iso(text, tz, f"{kind}_at")) for kind, text in texts.items() if text
    )


__all__ = ["ORDER_FIELDS", "import_orders", "list_order_presets", "preview_orders"]


def list_order_presets(ctx: ServiceContext) -> list[Preset]:
    return all_presets(ctx.config_dir, "orders")


def _plan(
    ctx: ServiceContext, path: Path, options: ImportOptions, case_tz: str | None
) -> ImportPlan:
    return plan_import(
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


def preview_orders(
    ctx: ServiceContext,
    path: Path,
    options: ImportOptions,
    case_tz: str | None = None,
    limit: int = 20,
) -> OrderPreview:
    """The export as it would import (the orders import dialog): never raises for a bad
    option, `error`/`error_field` say what to fix; `ValidationError` only for no table."""
    plan = _plan(ctx, Path(path), options, case_tz)
    rows: list[OrderPreviewRow] = []
    error: CasebookError | None = None
    try:
        for item in islice(parse_orders(Path(path), plan.fmt, plan.mapping, plan.tz), limit):
            if isinstance(item, RejectedRow):
                rows.append(OrderPreviewRow(item.line, item.reason, item.detail))
            else:
                rows.append(
                    OrderPreviewRow(
                        item.line, None, "", item.number, item.customer, item.courier,
                        tuple(item.events),
                    )
                )  # fmt: skip
    except CasebookError as exc:
        error = exc
    fmt = plan.fmt
    return OrderPreview(
        kind=fmt.kind,
        encoding=fmt.encoding,
        delimiter=fmt.delimiter,
        has_header=fmt.has_header,
        columns=fmt.columns,
        mapping=dict(plan.mapping),
        tz=plan.tz,
        preset=plan.preset.name if plan.preset else None,
        rows=rows,
        error=error.message if error else None,
        error_field=getattr(error, "field", None) if error else None,
    )


@dataclass
class _Merged:
    record: OrderRecord
    events: list[tuple[str, datetime]] = field(default_factory=list)


def import_orders(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> OrderImportResult:
    options = options or ImportOptions()
    progress = progress or NullProgress()
    path = Path(path)
    with ctx.session() as session:
        case_tz = repo.case_zone(session, case_id)
    plan = _plan(ctx, path, options, case_tz)
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
            courier = repo.find_party(session, case_id, rec.courier)
            customer = repo.find_party(session, case_id, rec.customer)
            unmatched.update(
                c for c, p in ((rec.courier, courier), (rec.customer, customer)) if c and p is None
            )
            order = repo.order_id(session, case_id, number)
            if order is None:
                order = repo.add_order(
                    session,
                    case_id=case_id,
                    number=number,
                    slot_start=rec.slot_start,
                    slot_end=rec.slot_end,
                    courier_party_id=courier,
                    customer_party_id=customer,
                    address=rec.address,
                )
                created += 1
                known: set[tuple[str, datetime]] = set()
            else:
                known = repo.fill_order_parties(session, order, courier, customer)
                updated += 1
            for kind, at in sorted(set(entry.events) - known, key=lambda e: e[1]):
                repo.add_order_event(session, order, kind, at, path.name)
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
