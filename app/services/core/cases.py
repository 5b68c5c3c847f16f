"""Case use cases: open, edit, move through the workflow, search, load with everything in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import timeutil
from app.domain.cases import (
    CaseStatus,
    Category,
    ComplaintSource,
    Measure,
    case_number,
    check_transition,
    normalize_region,
    parse_enum,
)
from app.domain.errors import Conflict, Duplicate, NotFound, ValidationError
from app.services.core import rows as mapping
from app.services.core.context import ServiceContext
from app.services.core.dto import CaseDetail, CasePage, CaseSummary
from app.storage.models.cases import (
    CaseRow,
    ManualEventRow,
    OrderRow,
    PartyRow,
    StatementRow,
)
from app.storage.repositories import cases as repo
from app.storage.repositories.cases import CaseFilter

EDITABLE = ("title", "tz", "category", "source", "summary", "findings", "measure", "received_at")


@dataclass(frozen=True)
class CaseInput:
    title: str
    region: str
    tz: str
    category: str = Category.OTHER.value
    source: str = ComplaintSource.OTHER.value
    received_at: datetime | None = None
    summary: str = ""
    number: str | None = None  # given explicitly (e.g. from an official inquiry); else generated


def resolve_case_id(session: Session, ref: str | int) -> int:
    """Case id from an id or a case number; NotFound names the reference."""
    text = str(ref).strip()
    if text.isdigit():
        found = session.scalar(select(CaseRow.id).where(CaseRow.id == int(text)))
        if found is not None:
            return int(found)
    found = session.scalar(select(CaseRow.id).where(CaseRow.number == text))
    if found is None:
        found = session.scalar(select(CaseRow.id).where(CaseRow.number == text.upper()))
    if found is None:
        raise NotFound(f"no case {text!r}")
    return int(found)


def resolve_case(ctx: ServiceContext, ref: str | int) -> int:
    """The fronts' one lookup of a case reference (id or number); services take the id."""
    with ctx.session() as session:
        return resolve_case_id(session, ref)


def load_case(session: Session, case_id: int) -> CaseRow:
    case = session.get(CaseRow, case_id)
    if case is None:
        raise NotFound(f"no case with id {case_id}")
    return case


def _validate(data: CaseInput) -> tuple[str, str]:
    title = data.title.strip()
    if not title:
        raise ValidationError("the case needs a title", field="title")
    timeutil.zone(data.tz)
    parse_enum(Category, data.category, "category")
    parse_enum(ComplaintSource, data.source, "source")
    return title, normalize_region(data.region)


def create_case(ctx: ServiceContext, data: CaseInput) -> CaseSummary:
    title, region = _validate(data)
    received = data.received_at or timeutil.now_utc()
    year = timeutil.in_zone(received, data.tz).year
    now = timeutil.now_utc()
    with ctx.transaction() as session:
        seq = (
            session.scalar(
                select(func.max(CaseRow.seq)).where(CaseRow.region == region, CaseRow.year == year)
            )
            or 0
        ) + 1
        number = data.number.strip() if data.number else case_number(region, year, seq)
        if session.scalar(select(CaseRow.id).where(CaseRow.number == number)) is not None:
            raise Duplicate(f"case number {number} already exists")
        case = CaseRow(
            number=number,
            region=region,
            year=year,
            seq=seq,
            title=title,
            tz=data.tz,
            category=data.category,
            source=data.source,
            received_at=received,
            status=CaseStatus.NEW.value,
            summary=data.summary,
            findings="",
            measure=None,
            created_at=now,
            updated_at=now,
            created_by=ctx.actor,
            search_text="",
        )
        session.add(case)
        session.flush()
        repo.refresh_search_text(session, case.id)
        ctx.audit(
            session,
            action="create",
            entity="case",
            entity_id=case.id,
            case_id=case.id,
            after=mapping.case_audit(case),
        )
        return mapping.case_summary(case)


def update_case(
    ctx: ServiceContext, case_id: int, expected_version: int, **changes: Any
) -> CaseDetail:
    """Edit fields of a case; Conflict when someone changed it since `expected_version`."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))}", field=sorted(unknown)[0])
    with ctx.transaction() as session:
        case = load_case(session, case_id)
        check_version(case.version, expected_version, "case")
        before = mapping.case_audit(case)
        if "title" in changes and not str(changes["title"]).strip():
            raise ValidationError("the case needs a title", field="title")
        if "tz" in changes:
            timeutil.zone(changes["tz"])
        if "category" in changes:
            parse_enum(Category, changes["category"], "category")
        if "source" in changes:
            parse_enum(ComplaintSource, changes["source"], "source")
        if changes.get("measure") is not None:
            parse_enum(Measure, changes["measure"], "measure")
        for key, value in changes.items():
            setattr(
                case, key, value.strip() if isinstance(value, str) and key == "title" else value
            )
        _save_update(ctx, session, case, before)
        repo.refresh_search_text(session, case.id)
    return get_case(ctx, case_id)


def set_status(
    ctx: ServiceContext,
    case_id: int,
    status: str,
    expected_version: int,
    measure: str | None = None,
) -> CaseDetail:
    """Move the case in its workflow; closing records the decided measure and date."""
    target = parse_enum(CaseStatus, status, "status")
    with ctx.transaction() as session:
        case = load_case(session, case_id)
        check_version(case.version, expected_version, "case")
        decided = parse_enum(Measure, measure, "measure") if measure else None
        current_measure = Measure(case.measure) if case.measure else None
        check_transition(CaseStatus(case.status), target, decided or current_measure)
        before = mapping.case_audit(case)
        case.status = target.value
        if decided is not None:
            case.measure = decided.value
        if target == CaseStatus.CLOSED:
            case.decided_at = timeutil.now_utc()
        _save_update(ctx, session, case, before)
    return get_case(ctx, case_id)


def _save_update(
    ctx: ServiceContext, session: Session, case: CaseRow, before: dict[str, Any]
) -> None:
    """Stamp, flush (the version check happens here) and audit an edit of the case."""
    case.updated_at = timeutil.now_utc()
    session.flush()
    ctx.audit(
        session,
        action="update",
        entity="case",
        entity_id=case.id,
        case_id=case.id,
        before=before,
        after=mapping.case_audit(case),
    )


def check_version(actual: int, expected: int | None, what: str) -> None:
    if expected is not None and actual != expected:
        raise Conflict(
            f"the {what} was changed by someone else since you opened it "
            f"(version {expected}, now {actual}); reload and retry"
        )


def search_cases(
    ctx: ServiceContext,
    text: str = "",
    status: str | None = None,
    region: str | None = None,
    category: str | None = None,
    order_by: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> CasePage:
    flt = CaseFilter(text=text, status=status, region=region, category=category)
    with ctx.session() as session:
        ids, total = repo.search_page(session, flt, order_by, descending, offset, limit)
        rows = repo.rows_by_ids(session, ids)
        return CasePage(total, [mapping.case_summary(r) for r in rows])


def search_case_ids(
    ctx: ServiceContext,
    text: str = "",
    status: str | None = None,
    region: str | None = None,
    category: str | None = None,
    order_by: str = "received_at",
    descending: bool = True,
) -> list[int]:
    """All matching ids in display order: the case list model holds ids and fetches rows lazily."""
    flt = CaseFilter(text=text, status=status, region=region, category=category)
    with ctx.session() as session:
        return repo.search_ids(session, flt, order_by, descending)


def case_summaries(ctx: ServiceContext, ids: list[int]) -> list[CaseSummary]:
    with ctx.session() as session:
        return [mapping.case_summary(r) for r in repo.rows_by_ids(session, ids)]


def filter_choices(ctx: ServiceContext) -> dict[str, list[str]]:
    """Values present in the database for the region filter (statuses, categories are enums)."""
    with ctx.session() as session:
        return {"region": repo.distinct_values(session, "region")}


def get_case(ctx: ServiceContext, ref: str | int) -> CaseDetail:
    """The case with its parties, orders, statements and manual events (personal data masked)."""
    with ctx.session() as session:
        case = load_case(session, resolve_case_id(session, ref))
        parties = session.scalars(
            select(PartyRow)
            .where(PartyRow.case_id == case.id, PartyRow.deleted.is_(False))
            .order_by(PartyRow.id)
        ).all()
        orders = session.scalars(
            select(OrderRow)
            .where(OrderRow.case_id == case.id, OrderRow.deleted.is_(False))
            .order_by(OrderRow.id)
        ).all()
        statements = session.scalars(
            select(StatementRow)
            .where(StatementRow.case_id == case.id, StatementRow.deleted.is_(False))
            .order_by(StatementRow.taken_at)
        ).all()
        events = session.scalars(
            select(ManualEventRow)
            .where(ManualEventRow.case_id == case.id, ManualEventRow.deleted.is_(False))
            .order_by(ManualEventRow.at)
        ).all()
        return mapping.case_detail(session, case, parties, orders, statements, events)
