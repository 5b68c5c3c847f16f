"""`NumberSummaryModel`: the per-number summary of a case as a table (tens of thousands of
numbers in a big case, so a model rather than table items), sortable through a proxy on
`SORT_ROLE` (raw values: counts, instants, seconds)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.calls.dto import NumberSummary
from app.ui.calls.labels import format_duration
from app.ui.labels import role_label
from app.ui.widgets.datetime_edit import format_local

Index = QModelIndex | QPersistentModelIndex
VIRTUAL = QBrush(QColor("#5c6b7a"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class NumberSummaryModel(QAbstractTableModel):
    NUMBER, PARTY, CALLS, FIRST, LAST, TALK = range(6)
    COLUMN_COUNT = 6

    NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # the NumberSummary
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[NumberSummary] = []
        self._tz = "UTC"

    def set_numbers(self, numbers: list[NumberSummary], tz: str) -> None:
        self.beginResetModel()
        self._rows = list(numbers)
        self._tz = tz
        self.endResetModel()

    def numbers(self) -> list[NumberSummary]:
        return list(self._rows)

    def row_of(self, number_id: int) -> int:
        return next((i for i, n in enumerate(self._rows) if n.number_id == number_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.NUMBER: self.tr("Number"),
            self.PARTY: self.tr("Party"),
            self.CALLS: self.tr("Calls"),
            self.FIRST: self.tr("First contact"),
            self.LAST: self.tr("Last contact"),
            self.TALK: self.tr("Talk time"),
        }
        return titles.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == self.NUMBER_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == self.SORT_ROLE:
            return self._sort_key(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CALLS, self.TALK):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NUMBER and item.virtual:
            return VIRTUAL
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NUMBER and item.virtual:
                return self.tr("A virtual (masking) number of the call platform")
            if column == self.PARTY and item.party_role:
                return role_label(item.party_role)
        return None

    def _text(self, item: NumberSummary, column: int) -> str:
        if column == self.NUMBER:
            return item.number
        if column == self.PARTY:
            return item.party_name or ""
        if column == self.CALLS:
            return str(item.calls)
        if column == self.FIRST:
            return format_local(item.first_utc, self._tz)
        if column == self.LAST:
            return format_local(item.last_utc, self._tz)
        if column == self.TALK:
            return format_duration(item.talk_s)
        return ""

    def _sort_key(self, item: NumberSummary, column: int) -> Any:
        if column == self.CALLS:
            return item.calls
        if column == self.TALK:
            return item.talk_s
        if column in (self.FIRST, self.LAST):
            moment = item.first_utc if column == self.FIRST else item.last_utc
            return moment.timestamp() if moment else 0.0
        return self._text(item, column)
