"""The case list model: ids of the matching cases in display order plus a lazy row cache.

Searching, filtering and sorting happen in SQL (`app.services.core.cases.search_case_ids`,
run off the GUI thread); the model holds only the ids (100,000 ints is nothing) and fetches the
summaries of the rows the view actually paints, a block at a time, by primary key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.cases import CaseStatus
from app.domain.timeutil import in_zone, now_utc
from app.services.core import cases as case_service
from app.services.core.dto import CaseSummary
from app.ui.labels import category_label, status_label
from app.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
STATUS_COLORS = {CaseStatus.CLOSED.value: "#7a7a7a", CaseStatus.AWAITING_DECISION.value: "#9a5b00"}


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str | None = None
    region: str | None = None
    category: str | None = None
    order_by: str = "received_at"
    descending: bool = True


class CaseListModel(QAbstractTableModel):
    NUMBER, TITLE, STATUS, REGION, CATEGORY, RECEIVED, UPDATED = range(7)
    COLUMN_COUNT = 7
    SORT_KEYS = ("number", "title", "status", "region", "category", "received_at", "updated_at")
    CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    VERSION_ROLE = Qt.ItemDataRole.UserRole + 2
    BLOCK = 100  # rows fetched together when the view paints an uncached row
    CACHE_LIMIT = 5_000

    search_started = Signal()
    search_finished = Signal(int)  # number of matching cases
    search_failed = Signal(object)  # exception

    def __init__(self, ctx: Any, tasks: TaskRunner, display_tz: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._display_tz = display_tz
        self._query = CaseQuery()
        self._ids: list[int] = []
        self._cache: dict[int, CaseSummary] = {}
        self._generation = 0

    # --- querying -------------------------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Run the search off the GUI thread; the newest search wins when several overlap."""
        self._generation += 1
        generation = self._generation
        query = self._query
        ctx = self._ctx
        self.search_started.emit()

        def work(_progress: object) -> list[int]:
            return case_service.search_case_ids(
                ctx,
                text=query.text,
                status=query.status,
                region=query.region,
                category=query.category,
                order_by=query.order_by,
                descending=query.descending,
            )

        def done(ids: list[int]) -> None:
            if generation == self._generation:
                self._reset(ids)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.search_failed.emit(exc)

        self._tasks.run_read(work, done, failed)

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()
        self.search_finished.emit(len(ids))

    def invalidate(self, case_id: int | None = None) -> None:
        """Drop cached rows (one case, or all) so they are read again when painted."""
        if case_id is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
                )
            return
        self._cache.pop(case_id, None)
        row = self.row_of(case_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    # --- lookups --------------------------------------------------------------------------
    def case_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def summary_at(self, row: int) -> CaseSummary | None:
        case_id = self.case_id_at(row)
        if case_id is None:
            return None
        summary = self._cache.get(case_id)
        if summary is None:
            self._fetch_block(row)
            summary = self._cache.get(case_id)
        return summary

    def _fetch_block(self, row: int) -> None:
        if len(self._cache) > self.CACHE_LIMIT:
            self._cache.clear()
        start = row - row % self.BLOCK
        ids = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cache]
        for summary in case_service.case_summaries(self._ctx, ids):
            self._cache[summary.id] = summary
        for missing in set(ids) - self._cache.keys():
            # Deleted by someone else since the search: keep the row, say so.
            self._cache[missing] = _gone(missing)

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Number"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Region"),
            self.tr("Category"),
            self.tr("Received"),
            self.tr("Updated"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.CASE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            self.VERSION_ROLE,
        ):
            return None
        summary = self.summary_at(index.row())
        if summary is None:
            return None
        if role == self.VERSION_ROLE:
            return summary.version
        if role == Qt.ItemDataRole.ForegroundRole:
            # Closed cases recede; cases waiting for management's decision stand out.
            color = STATUS_COLORS.get(summary.status)
            return QBrush(QColor(color)) if color else None
        return self._display(summary, index.column())

    def _display(self, summary: CaseSummary, column: int) -> str | None:
        if summary.version < 0:
            return self.tr("(deleted)") if column == self.TITLE else ""
        if column == self.NUMBER:
            return summary.number
        if column == self.TITLE:
            return summary.title
        if column == self.STATUS:
            return status_label(summary.status)
        if column == self.REGION:
            return summary.region
        if column == self.CATEGORY:
            return category_label(summary.category)
        if column == self.RECEIVED:
            return in_zone(summary.received_at, self._display_tz).strftime("%d.%m.%Y %H:%M")
        if column == self.UPDATED:
            return in_zone(summary.updated_at, self._display_tz).strftime("%d.%m.%Y %H:%M")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, order_by=self.SORT_KEYS[column], descending=descending))


def _gone(case_id: int) -> CaseSummary:
    """Placeholder for a row deleted since the search (version -1 marks it)."""
    now = now_utc()
    return CaseSummary(case_id, "", "", "", "", "", now, now, -1)
