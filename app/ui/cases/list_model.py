"""The case list model: an `IdPagedModel` over the ids of the matching cases.

Searching, filtering and sorting happen in SQL (`app.services.core.cases.search_case_ids`,
run off the GUI thread); the model holds only the ids (100,000 ints is nothing) and fetches the
summaries of the rows the view actually paints, a page at a time, by primary key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.cases import CaseStatus
from app.domain.timeutil import in_zone, now_utc
from app.services.core import cases as case_service
from app.services.core.dto import CaseSummary
from app.ui.labels import category_label, status_label
from app.ui.tasks import TaskRunner
from app.ui.widgets.id_paged_model import IdPagedModel, Index

STATUS_COLORS = {CaseStatus.CLOSED.value: "#7a7a7a", CaseStatus.AWAITING_DECISION.value: "#9a5b00"}
_BRUSHES = {color: QBrush(QColor(color)) for color in STATUS_COLORS.values()}


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str | None = None
    region: str | None = None
    category: str | None = None
    order_by: str = "received_at"
    descending: bool = True


class CaseListModel(IdPagedModel[CaseSummary]):
    NUMBER, TITLE, STATUS, REGION, CATEGORY, RECEIVED, UPDATED = range(7)
    COLUMN_COUNT = 7
    SORT_KEYS = ("number", "title", "status", "region", "category", "received_at", "updated_at")
    CASE_ID_ROLE = IdPagedModel.ID_ROLE
    VERSION_ROLE = Qt.ItemDataRole.UserRole + 2
    PAGE = 100
    CACHE_LIMIT = 5_000

    def __init__(self, ctx: Any, tasks: TaskRunner, display_tz: str, parent: Any = None) -> None:
        super().__init__(lambda ids: case_service.case_summaries(ctx, ids), parent)
        self._ctx = ctx
        self._tasks = tasks
        self._display_tz = display_tz
        self._query = CaseQuery()
        self.prefetch(tasks)
        self.search_finished.connect(self._audit_digit_search)

    def _audit_digit_search(self, results: int) -> None:
        """A search by digits of a number is audited (query masked), on the database lane."""
        text, ctx = self._query.text, self._ctx
        if case_service.is_digit_search(text):
            self._tasks.run_db(
                lambda _progress: case_service.record_digit_search(ctx, text, results),
                None,
                None,
                title=self.tr("Recording the search"),
            )

    # --- querying -------------------------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Run the search off the GUI thread; the newest search wins when several overlap.
        The start of the list is read first (the matches among the newest few thousand
        cases in the sort order, nothing counted) and shown at once; every matching id
        follows, read in one pass."""
        ctx, options = self._ctx, self._options()
        self.search(
            self._tasks,
            lambda _progress: case_service.search_case_ids(ctx, **options),
            lambda _progress: case_service.first_case_page(ctx, **options, limit=self.PAGE),
        )

    def _options(self) -> dict[str, Any]:
        query = self._query
        return {
            "text": query.text,
            "status": query.status,
            "region": query.region,
            "category": query.category,
            "order_by": query.order_by,
            "descending": query.descending,
        }

    # --- lookups --------------------------------------------------------------------------
    def case_id_at(self, row: int) -> int | None:
        return self.id_at(row)

    def summary_at(self, row: int) -> CaseSummary | None:
        return self.record_at(row)

    def placeholder(self, record_id: int) -> CaseSummary:
        """A row deleted by someone else since the search stays, and says so (version -1)."""
        now = now_utc()
        return CaseSummary(record_id, "", "", "", "", "", now, now, -1)

    # --- Qt model API ---------------------------------------------------------------------
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
        # Asked for every role of every visible cell at each paint: texts and colour come
        # from the row's texts, made once (`row_texts`).
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role in _TEXT_ROLES:
            return self.text_at(row, index.column())
        if role == _FOREGROUND:
            return self.text_at(row, self.COLUMN_COUNT)
        if role == self.CASE_ID_ROLE:
            return self._ids[row]
        if role == self.VERSION_ROLE:
            summary = self.summary_at(row)
            return summary.version if summary is not None else None
        return None

    def row_texts(self, record: CaseSummary) -> tuple[Any, ...]:
        texts = [self._display(record, column) for column in range(self.COLUMN_COUNT)]
        # Closed cases recede; cases waiting for management's decision stand out.
        color = STATUS_COLORS.get(record.status) if record.version >= 0 else None
        return (*texts, _BRUSHES.get(color) if color else None)

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
        query = replace(self._query, order_by=self.SORT_KEYS[column], descending=descending)
        if query != self._query:  # the view sorts again when set up: nothing to search anew
            self.set_query(query)


_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED = _TEXT_ROLES | {
    _FOREGROUND,
    int(CaseListModel.CASE_ID_ROLE),
    int(CaseListModel.VERSION_ROLE),
}
