"""Case queries: finding a case by id or number, the case with everything in it, the search box
(Cyrillic case-insensitive on SQLite and PostgreSQL), paging, sorting, and upkeep of the
denormalised `cases.search_text` column."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import (
    Select,
    String,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session, aliased

from app.domain.case_records import CaseDetail, CaseSummary
from app.domain.errors import NotFound
from app.domain.phones import digits_of
from app.storage.models.cases import (
    CaseRow,
    ManualEventRow,
    OrderEventRow,
    OrderRow,
    PartyPhoneRow,
    PartyRow,
    StatementRow,
)
from app.storage.repositories.core import convert
from app.storage.repositories.core.parties import blacklisted_ids, party_phones
from app.storage.session import fetched, inserted

_Row = TypeVarTuple("_Row")
_Record = TypeVar("_Record", PartyRow, OrderRow, StatementRow, ManualEventRow)

SORT_COLUMNS = {
    "number": CaseRow.number,
    "title": CaseRow.title,
    "status": CaseRow.status,
    "region": CaseRow.region,
    "category": CaseRow.category,
    "received_at": CaseRow.received_at,
    "updated_at": CaseRow.updated_at,
}


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


def case_row(session: Session, case_id: int) -> CaseRow:
    """The case's row, for a service to edit inside its transaction."""
    return fetched(session, CaseRow, case_id, f"no case with id {case_id}")


def case_tz(session: Session, case_id: int) -> str:
    """The case's display zone (its region's)."""
    return case_row(session, case_id).tz


def next_seq(session: Session, region: str, year: int) -> int:
    """The next running number of the region's cases in that year."""
    last = session.scalar(
        select(func.max(CaseRow.seq)).where(CaseRow.region == region, CaseRow.year == year)
    )
    return int(last or 0) + 1


def number_taken(session: Session, number: str) -> bool:
    return session.scalar(select(CaseRow.id).where(CaseRow.number == number)) is not None


def new_case(session: Session, **fields: Any) -> CaseRow:
    """Insert a case (flushed, so it has its id)."""
    return inserted(session, CaseRow(**fields))


def case_detail(session: Session, case_id: int) -> CaseDetail:
    """The case with its parties, orders, statements and manual events (personal data masked)."""
    case = case_row(session, case_id)
    parties = _live(session, PartyRow, case.id, PartyRow.id)
    orders = _live(session, OrderRow, case.id, OrderRow.id)
    statements = _live(session, StatementRow, case.id, StatementRow.taken_at)
    events = _live(session, ManualEventRow, case.id, ManualEventRow.at)
    phones = party_phones(session, [p.id for p in parties])
    listed = blacklisted_ids(session, [p.courier_id or "" for p in parties])
    order_events: dict[int, list[OrderEventRow]] = {o.id: [] for o in orders}
    if orders:
        stmt = select(OrderEventRow).where(OrderEventRow.order_id.in_(list(order_events)))
        for ev in session.scalars(stmt):
            order_events[ev.order_id].append(ev)
    return CaseDetail(
        id=case.id,
        number=case.number,
        title=case.title,
        status=case.status,
        region=case.region,
        tz=case.tz,
        category=case.category,
        source=case.source,
        received_at=case.received_at,
        summary=case.summary,
        findings=case.findings,
        measure=case.measure,
        decided_at=case.decided_at,
        created_at=case.created_at,
        updated_at=case.updated_at,
        created_by=case.created_by,
        version=case.version,
        parties=[
            convert.party_info(p, phones[p.id], (p.courier_id or "") in listed) for p in parties
        ],
        orders=[convert.order_info(o, order_events[o.id]) for o in orders],
        statements=[convert.statement_info(s) for s in statements],
        events=[convert.event_info(e) for e in events],
    )


def _live(session: Session, model: type[_Record], case_id: int, order: Any) -> list[_Record]:
    """The case's records of one kind that are not deleted, in `order`."""
    stmt = select(model).where(model.case_id == case_id, model.deleted.is_(False))
    return list(session.scalars(stmt.order_by(order)))


def fold(text: str) -> str:
    """Case-fold for search: Python lowers Cyrillic correctly (SQLite's LOWER/LIKE do not),
    and `ё` is searched as `е`, as Russian users type it."""
    return text.casefold().replace("ё", "е")


_PHONE_TYPED = re.compile(r"[\d\s()+\-.]+")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    status: str | None = None
    region: str | None = None
    category: str | None = None
    # An office server: phone digits are not in the readable search text; its search
    # function finds them (in the cases the user may read).
    office: bool = False


def _filtered(stmt: Select[*_Row], flt: CaseFilter, row: Any = CaseRow) -> Select[*_Row]:
    """The filter's conditions on the cases table, or on `row` (the cases of a subquery)."""
    if flt.status:
        stmt = stmt.where(row.status == flt.status)
    if flt.region:
        stmt = stmt.where(row.region == flt.region)
    if flt.category:
        stmt = stmt.where(row.category == flt.category)
    needle = fold(flt.text.strip())
    if needle:
        patterns = {needle}
        digits = digits_of(needle)
        # A phone typed with spaces, dashes or brackets, or in the national `8 916...` form
        # (a case number such as `r07-2025-00` is searched as typed: one pattern, one scan).
        if len(digits) >= 3 and _PHONE_TYPED.fullmatch(needle):
            patterns.add(digits)
            if len(digits) == 11 and digits.startswith("8"):
                patterns.add("7" + digits[1:])
        conditions = [row.search_text.like(f"%{_like_escape(p)}%", escape="\\") for p in patterns]
        if flt.office:
            conditions += [
                row.id.in_(select(func.casebook_cases_with_digits(p)))
                for p in patterns
                if p.isdigit()
            ]
        stmt = stmt.where(or_(*conditions))
    return stmt


def _ordering(
    order_by: str, descending: bool, indexed: bool = True, row: Any = CaseRow
) -> tuple[Any, Any]:
    """The sort: the chosen column, then the id (a stable order for equal values), of the
    cases table or of `row`. `indexed=False` sorts by `+column`, which SQLite never answers
    from an index."""
    column: Any = getattr(row, SORT_COLUMNS.get(order_by, CaseRow.received_at).key)
    if not indexed:
        column = literal_column(f"+{CaseRow.__tablename__}.{column.key}")
    if descending:
        return column.desc(), row.id.desc()
    return column.asc(), row.id.asc()


def _ordered(
    stmt: Select[*_Row], order_by: str, descending: bool, indexed: bool = True
) -> Select[*_Row]:
    return stmt.order_by(*_ordering(order_by, descending, indexed))


def search_ids(
    session: Session, flt: CaseFilter, order_by: str = "received_at", descending: bool = True
) -> list[int]:
    """Every matching id in display order (the case list model holds ids only).

    The database hands them over as one text (`group_concat` / `string_agg`): one step of
    the driver instead of a row each, so the read pool's thread takes the interpreter lock
    once, not 100,000 times in turn with the GUI thread (profiled: with a row each the GUI
    thread waited for the lock and searches took 1.4–3.3× a bare `fetchall` by wall time).
    A text search reads every row anyway: it reads them in the table's order and sorts the
    matches (walking the sort index visits the rows in a random order: 1.3–2× slower on
    100,000 cases, where the index pays only when a `LIMIT` stops the walk early)."""
    where = _filtered(select(CaseRow.id), flt)
    if session.get_bind().dialect.name != "sqlite":
        joined = func.string_agg(
            cast(CaseRow.id, String),
            aggregate_order_by(literal(","), *_ordering(order_by, descending)),
        )
        return _split_ids(session.scalar(where.with_only_columns(joined)))
    ordered = _ordered(where, order_by, descending, indexed=not flt.text.strip())
    # With a LIMIT (none: -1) SQLite keeps a subquery's ORDER BY under an aggregate.
    inner = ordered.limit(-1).subquery()
    return _split_ids(session.scalar(select(func.group_concat(inner.c.id, ","))))


FIRST_WINDOW = 2_000  # cases, in the sort order, the first screen of a search looks through


def first_matches(
    session: Session,
    flt: CaseFilter,
    order_by: str = "received_at",
    descending: bool = True,
    limit: int = 100,
) -> list[int]:
    """The first `limit` matches among the first `FIRST_WINDOW` cases in the sort order: the
    start of the list, found at once, before every match is read (`search_ids`). The cases
    before the window's end are all looked at, so what it returns is exactly the beginning of
    the full result (fewer than `limit`, or none, when matches are rare); the read stops at
    the window (about 2 ms at 100,000 cases) where a `LIMIT` alone would scan every case to fill a
    screen of a rare match."""
    # The columns the filter and the sort read, no more (all of them: twice the time).
    wanted = {CaseRow.id, CaseRow.status, CaseRow.region, CaseRow.category, CaseRow.search_text}
    wanted.add(SORT_COLUMNS.get(order_by, CaseRow.received_at))
    columns = sorted(wanted, key=lambda column: column.key)
    newest = _ordered(select(*columns), order_by, descending).limit(FIRST_WINDOW).subquery()
    row = aliased(CaseRow, newest)
    stmt = _filtered(select(row.id), flt, row).order_by(*_ordering(order_by, descending, row=row))
    return [int(i) for i in session.scalars(stmt.limit(limit))]


def _split_ids(text: str | None) -> list[int]:
    """Ids from the database's comma-separated text (the JSON parser reads 100,000 in about
    a quarter of the time `int()` per piece takes)."""
    ids: list[int] = json.loads(f"[{text}]") if text else []
    return ids


def search_page(
    session: Session,
    flt: CaseFilter,
    order_by: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    after: int | None = None,
) -> list[int]:
    """One page of matching ids in display order. `after` (the id of the last case of the
    previous page) pages by key: the page continues from that case's place in the sort order
    instead of skipping `offset` rows. The page walks the sort index and stops after `limit`
    matches; the number of all matches is `count()`, asked only when the caller needs it (a
    `count() OVER ()` here would make the database find and sort every match first)."""
    stmt = _filtered(select(CaseRow.id), flt)
    if after is not None:
        stmt = stmt.where(_beyond(session, after, order_by, descending))
    page = _ordered(stmt, order_by, descending)
    return [int(i) for i in session.scalars(page.offset(offset).limit(limit))]


def _beyond(session: Session, after: int, order_by: str, descending: bool) -> Any:
    """Rows after case `after` in the sort order (sort value, then id). Raises NotFound for an
    unknown case."""
    column = SORT_COLUMNS.get(order_by, CaseRow.received_at)
    value = session.execute(select(column).where(CaseRow.id == after)).first()
    if value is None:
        raise NotFound(f"no case with id {after}")
    key, last = tuple_(column, CaseRow.id), tuple_(value[0], after)
    return key < last if descending else key > last


def count(session: Session, flt: CaseFilter) -> int:
    stmt = _filtered(select(CaseRow.id), flt).subquery()
    return int(session.scalar(select(func.count()).select_from(stmt)) or 0)


_SUMMARY = (
    CaseRow.id,
    CaseRow.number,
    CaseRow.title,
    CaseRow.status,
    CaseRow.region,
    CaseRow.category,
    CaseRow.received_at,
    CaseRow.updated_at,
    CaseRow.version,
)


def summaries_by_ids(session: Session, ids: Sequence[int]) -> list[CaseSummary]:
    """The list's rows in the order of `ids` (for the lazy row cache of the case list): the
    summary columns only, as plain rows (no ORM objects: a page is read at every scroll)."""
    if not ids:
        return []
    rows = session.execute(select(*_SUMMARY).where(CaseRow.id.in_(ids)))
    found = {row.id: CaseSummary(*row) for row in rows}
    return [found[i] for i in ids if i in found]


def distinct_values(session: Session, column_name: str) -> list[str]:
    column = SORT_COLUMNS[column_name]
    return [str(v) for v in session.scalars(select(column).distinct().order_by(column)) if v]


def refresh_search_text(session: Session, case_id: int) -> None:
    """Rebuild the case's search text from its number, title, parties, phones and orders."""
    case = session.get(CaseRow, case_id)
    if case is None:
        return
    parts = [case.number, case.title]
    parties = session.execute(
        select(PartyRow.name, PartyRow.courier_id).where(
            PartyRow.case_id == case_id, PartyRow.deleted.is_(False)
        )
    )
    for name, courier_id in parties:
        parts.extend([name, courier_id or ""])
    phones = session.scalars(
        select(PartyPhoneRow.digits)
        .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
        .where(PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
    )
    parts.extend(phones)
    orders = session.scalars(
        select(OrderRow.number).where(OrderRow.case_id == case_id, OrderRow.deleted.is_(False))
    )
    parts.extend(orders)
    text = "\n".join(fold(p) for p in parts if p)
    if text != case.search_text:
        # A derived column: written without bumping the optimistic-lock version.
        session.execute(update(CaseRow).where(CaseRow.id == case_id).values(search_text=text))
