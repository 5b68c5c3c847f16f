"""Case use cases: open, edit, move through the workflow, search, load with everything in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
from app.domain.errors import Conflict, Duplicate, ValidationError
from app.services.core.context import ServiceContext
from app.services.core.dto import CaseDetail, CasePage, CaseSummary
from app.storage.models.cases import CaseRow
from app.storage.repositories.core import cases as repo
from app.storage.repositories.core import convert
from app.storage.repositories.core.cases import CaseFilter
from app.storage.session import Session

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
    # When the investigator opened the case (a case carried over from paper, the demo's story);
    # else now. The audit entry keeps the moment it was really written.
    opened_at: datetime | None = None


def resolve_case(ctx: ServiceContext, ref: str | int) -> int:
    """Case id from an id or a case number (NotFound names the reference): the fronts call this
    once and hand the id to every service."""
    with ctx.session() as session:
        return repo.resolve_case_id(session, ref)


def resolve_case_id(session: Session, ref: str | int) -> int:
    """The same inside a service's own unit of work."""
    return repo.resolve_case_id(session, ref)


def case_zone(ctx: ServiceContext, case_id: int) -> str:
    """The case's display zone (IANA name)."""
    with ctx.session() as session:
        return repo.case_tz(session, case_id)


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
    now = timeutil.now_utc()
    received = data.received_at or now
    opened = data.opened_at or now
    if data.opened_at is not None and data.opened_at < received:
        raise ValidationError("a case is opened after its complaint is received", field="opened_at")
    year = timeutil.in_zone(received, data.tz).year
    with ctx.transaction() as session:
        seq = repo.next_seq(session, region, year)
        number = data.number.strip() if data.number else case_number(region, year, seq)
        if repo.number_taken(session, number):
            raise Duplicate(f"case number {number} already exists")
        case = repo.new_case(
            session,
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
            created_at=opened,
            updated_at=now,
            created_by=ctx.actor,
            search_text="",
        )
        repo.refresh_search_text(session, case.id)
        ctx.audit(
            session,
            action="create",
            entity="case",
            entity_id=case.id,
            case_id=case.id,
            after=convert.case_audit(case),
        )
        return convert.case_summary(case)


def update_case(
    ctx: ServiceContext, case_id: int, expected_version: int, **changes: Any
) -> CaseDetail:
    """Edit fields of a case; Conflict when someone changed it since `expected_version`."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))}", field=sorted(unknown)[0])
    with ctx.transaction() as session:
        case = repo.case_row(session, case_id)
        check_version(case.version, expected_version, "case")
        before = convert.case_audit(case)
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
        case = repo.case_row(session, case_id)
        check_version(case.version, expected_version, "case")
        decided = parse_enum(Measure, measure, "measure") if measure else None
        current_measure = Measure(case.measure) if case.measure else None
        check_transition(CaseStatus(case.status), target, decided or current_measure)
        before = convert.case_audit(case)
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
        after=convert.case_audit(case),
    )


def check_version(actual: int, expected: int | None, what: str) -> None:
    if expected is not None and actual != expected:
        raise Conflict(
            f"the {what} was changed by someone else since you opened it "
            f"(version {expected}, now {actual}); reload and retry"
        )


def _filter(
    ctx: ServiceContext, text: str, status: str | None, region: str | None, category: str | None
) -> CaseFilter:
    """On an office server phone digits are searched by the server's function."""
    office = ctx.identity is not None
    return CaseFilter(text=text, status=status, region=region, category=category, office=office)


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
    after: int | None = None,
) -> CasePage:
    """A page of matching cases and the number of all matches. `after` is the id of the last
    case of the previous page (keyset paging: no rows skipped by counting). The total is counted
    separately, and only when the page does not already tell it (a first page shorter than
    `limit` holds every match)."""
    flt = _filter(ctx, text, status, region, category)
    with ctx.session() as session:
        ids = repo.search_page(session, flt, order_by, descending, offset, limit, after)
        rows = repo.summaries_by_ids(session, ids)
        first = offset == 0 and after is None
        total = len(ids) if first and len(ids) < limit else repo.count(session, flt)
        page = CasePage(total, rows)
    record_digit_search(ctx, text, total)
    return page


def first_case_page(
    ctx: ServiceContext,
    text: str = "",
    status: str | None = None,
    region: str | None = None,
    category: str | None = None,
    order_by: str = "received_at",
    descending: bool = True,
    limit: int = 100,
) -> list[CaseSummary]:
    """The start of the case list (up to `limit` cases, none when the first matches lie far
    down the sort order), found without reading or counting every match: the list shows it
    while every matching id is still being read (`search_case_ids`)."""
    flt = _filter(ctx, text, status, region, category)
    with ctx.session() as session:
        ids = repo.first_matches(session, flt, order_by, descending, limit)
        return repo.summaries_by_ids(session, ids)


PHONE_SEARCH_DIGITS = 4  # a query with this many digits may be a piece of a phone number


def is_digit_search(text: str) -> bool:
    return sum(c.isdigit() for c in text) >= PHONE_SEARCH_DIGITS


def record_digit_search(ctx: ServiceContext, text: str, results: int) -> None:
    """A search by digits can recover a number digit by digit (which cases match `…1234`?):
    each one is audited with the query masked and the number of results. The list of the GUI
    searches on its read pool and records the search on the database lane."""
    if not is_digit_search(text):
        return
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    shown = set(digits[-2:])
    masked = "".join("*" if c.isdigit() and i not in shown else c for i, c in enumerate(text))
    with ctx.transaction() as session:
        ctx.audit(
            session,
            action="search",
            entity="cases",
            entity_id=0,
            after={"query": masked, "results": results},
        )


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
    flt = _filter(ctx, text, status, region, category)
    with ctx.session() as session:
        ids = repo.search_ids(session, flt, order_by, descending)
    return list(ids)


def case_summaries(ctx: ServiceContext, ids: list[int]) -> list[CaseSummary]:
    with ctx.session() as session:
        return repo.summaries_by_ids(session, ids)


def filter_choices(ctx: ServiceContext) -> dict[str, list[str]]:
    """Values present in the database for the region filter (statuses, categories are enums)."""
    with ctx.session() as session:
        return {"region": repo.distinct_values(session, "region")}


def get_case(ctx: ServiceContext, case_id: int) -> CaseDetail:
    """The case with its parties, orders, statements and manual events (personal data masked)."""
    with ctx.session() as session:
        return repo.case_detail(session, case_id)
