"""A small read-only table model over a list of records (dataclasses) with column functions.

For the short tables of a case (parties, orders, statements, events); the big tables (cases,
calls) have their own models over ids with a row cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]


class RecordTableModel(QAbstractTableModel):
    RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        columns: Sequence[Column],
        parent: Any = None,
        key: Callable[[Any], Any] = lambda record: record.id,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._key = key
        self._records: list[Any] = []
        self._overrides: dict[tuple[int, int], str] = {}

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._overrides.clear()
        self.endResetModel()

    def record_at(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._records) if self._key(r) == record_id), -1)

    def refresh(self) -> None:
        """Repaint every cell (a column function's inputs changed, the records did not)."""
        if self._records:
            last = self.index(len(self._records) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_text(self, record_id: int, column: int, text: str) -> None:
        """Show `text` instead of the column's value (a revealed value, until the next load)."""
        row = self.row_of(record_id)
        if row >= 0:
            self._overrides[(record_id, column)] = text
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == self.RECORD_ROLE:
            return record
        if role == self.ID_ROLE:
            return self._key(record)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            override = self._overrides.get((self._key(record), index.column()))
            return override if override is not None else self._columns[index.column()][1](record)
        return None
