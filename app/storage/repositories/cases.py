"""Case queries: the search box (Cyrillic case-insensitive on SQLite and PostgreSQL), paging,
sorting, and upkeep of the denormalised `cases.search_text` column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVarTuple

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.phones import digits_of
from app.storage.models.cases import CaseRow, OrderRow, PartyPhoneRow, PartyRow

_Row = TypeVarTuple("_Row")

SORT_COLUMNS = {
    "number": CaseRow.number,
    "title": CaseRow.title,
    "status": CaseRow.status,
    "region": CaseRow.region,
    "category": CaseRow.category,
    "received_at": CaseRow.received_at,
    "updated_at": CaseRow.updated_at,
}


def fold(text: str) -> str:
    """Case-fold for search: Python lowers Cyrillic correctly (SQLite's LOWER/LIKE do not),
    and `ё` is searched as `е`, as Russian users type it."""
    return text.casefold().replace("ё", "е")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    status: str | None = None
    region: str | None = None
    category: str | None = None


def _filtered(stmt: Select[*_Row], flt: CaseFilter) -> Select[*_Row]:
    if flt.status:
        stmt = stmt.where(CaseRow.status == flt.status)
    if flt.region:
        stmt = stmt.where(CaseRow.region == flt.region)
    if flt.category:
        stmt = stmt.where(CaseRow.category == flt.category)
    needle = fold(flt.text.strip())
    if needle:
        patterns = {needle}
        digits = digits_of(needle)
        # A phone typed with spaces or dashes, or in the national `8 916...` form.
        if len(digits) >= 3 and len(digits) >= len(needle.replace(" ", "")) - 4:
            patterns.add(digits)
            if len(digits) == 11 and digits.startswith("8"):
                patterns.add("7" + digits[1:])
        conditions = [
            CaseRow.search_text.like(f"%{_like_escape(p)}%", escape="\\") for p in patterns
        ]
        stmt = stmt.where(or_(*conditions))
    return stmt


def _ordered(stmt: Select[*_Row], order_by: str, descending: bool) -> Select[*_Row]:
    column = SORT_COLUMNS.get(order_by, CaseRow.received_at)
    order = column.desc() if descending else column.asc()
    tie = CaseRow.id.desc() if descending else CaseRow.id.asc()
    return stmt.order_by(order, tie)


def search_ids(
    session: Session, flt: CaseFilter, order_by: str = "received_at", descending: bool = True
) -> list[int]:
    """Every matching id in display order (the case list model holds ids only)."""
    return list(session.scalars(_ordered(_filtered(select(CaseRow.id), flt), order_by, descending)))


def search_page(
    session: Session,
    flt: CaseFilter,
    order_by: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> tuple[list[int], int]:
    """One page of matching ids and the number of all matches. A substring search cannot
    use an index, so the page and the total come from one scan; without one, the page is
    read through the sort index and counted separately, which is much faster."""
    if not flt.text.strip():
        page = _ordered(_filtered(select(CaseRow.id), flt), order_by, descending)
        ids = list(session.scalars(page.offset(offset).limit(limit)))
        return ids, count(session, flt)
    stmt = _filtered(select(CaseRow.id, func.count().over()), flt)
    rows = session.execute(_ordered(stmt, order_by, descending).offset(offset).limit(limit)).all()
    if rows:
        return [int(r[0]) for r in rows], int(rows[0][1])
    return [], count(session, flt) if offset else 0


def count(session: Session, flt: CaseFilter) -> int:
    stmt = _filtered(select(CaseRow.id), flt).subquery()
    return int(session.scalar(select(func.count()).select_from(stmt)) or 0)


def rows_by_ids(session: Session, ids: Sequence[int]) -> list[CaseRow]:
    """Rows in the order of `ids` (for the lazy row cache of the case list)."""
    if not ids:
        return []
    found = {row.id: row for row in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
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
