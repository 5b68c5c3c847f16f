"""`CallTableModel`: the call table of a case, built to stay smooth at a million calls.

The model holds only the ordered list of call ids (from `calls.call_ids`) and a bounded cache
of rows; rows are read in pages of `PAGE` through `calls.calls_by_ids` when the view first
asks for one (the shape of Anki's browser table). A page is one indexed `IN (...)` read of a
few milliseconds, so it runs where the view asks for it: reading it in a worker would make
rows flash empty while scrolling. Filtering happens in SQL (the id list is replaced).

Numbers are masked as the service returns them; revealed rows (`set_revealed`, after the
audited `reveal_calls`) replace the masked ones for as long as the model lives. Times are
shown in the case's zone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.calls.dto import CallView
from app.ui.calls.labels import direction_label, format_duration, status_label
from app.ui.widgets.datetime_edit import format_local

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[list[int]], Sequence[CallView]]

_MISSING = object()  # cache marker: the id was asked for and is gone (deleted meanwhile)


class CallTableModel(QAbstractTableModel):
    START, DURATION, DIRECTION, STATUS, CALLER, CALLEE, VIRTUAL, ORDER, SOURCE = range(9)
    COLUMN_COUNT = 9

    ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the call id (int)
    CALL_ROLE = Qt.ItemDataRole.UserRole + 2  # the CallView
    REVEALED_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the row's numbers are unmasked

    PAGE = 200
    CACHE_LIMIT = 20_000

    def __init__(self, fetch: Fetch, tz: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._tz = tz
        self._ids: list[int] = []
        self._cache: dict[int, Any] = {}
        self._revealed: dict[int, CallView] = {}
        self._batch_names: dict[int, str] = {}  # import batch → file name
        self.fetches = 0  # pages read so far (the benchmark and tests look at it)

    # --- content ------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these calls, in this order (cached rows stay valid: a call does not change)."""
        self.beginResetModel()
        self._ids = list(ids)
        self.endResetModel()

    def reload(self) -> None:
        """Forget cached rows (party links or imports changed what a row shows)."""
        self.beginResetModel()
        self._cache.clear()
        self.endResetModel()

    def set_batch_names(self, names: dict[int, str]) -> None:
        """Name each import batch by its file in the source column."""
        self._batch_names = dict(names)
        self._changed_column(self.SOURCE)

    def set_tz(self, tz: str) -> None:
        self._tz = tz
        self._changed_column(self.START)

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, call_id: int) -> int:
        """The row showing `call_id`, or -1 (a scan in C: ~5 ms at a million rows, where an
        id → row dict would hold ~100 MB)."""
        try:
            return self._ids.index(call_id)
        except ValueError:
            return -1

    def call_at(self, row: int) -> CallView | None:
        call_id = self.id_at(row)
        if call_id is None:
            return None
        revealed = self._revealed.get(call_id)
        if revealed is not None:
            return revealed
        view = self._cache.get(call_id)
        if view is None:
            self._load_page(row)
            view = self._cache.get(call_id)
        return None if view is _MISSING else view

    def set_revealed(self, views: Sequence[CallView]) -> None:
        """Show these unmasked rows instead of the masked ones."""
        self._revealed.update((view.id, view) for view in views)
        if views and self._ids:
            # The view repaints only what is on screen, however wide the range.
            last = self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _load_page(self, row: int) -> None:
        # Read the rows around `row` (a little behind, mostly ahead: views scroll down).
        first = max(0, row - self.PAGE // 4)
        wanted = [cid for cid in self._ids[first : first + self.PAGE] if cid not in self._cache]
        if not wanted:
            return
        views = self._fetch(wanted)
        self.fetches += 1
        if len(self._cache) + len(wanted) > self.CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(dict.fromkeys(wanted, _MISSING))
        self._cache.update((v.id, v) for v in views)

    def _changed_column(self, column: int) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    # --- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.START: self.tr("Start"),
            self.DURATION: self.tr("Talk time"),
            self.DIRECTION: self.tr("Direction"),
            self.STATUS: self.tr("Status"),
            self.CALLER: self.tr("Caller"),
            self.CALLEE: self.tr("Callee"),
            self.VIRTUAL: self.tr("Virtual number"),
            self.ORDER: self.tr("Order"),
            self.SOURCE: self.tr("Source line"),
        }
        return titles.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.ID_ROLE:
            return self._ids[index.row()]
        if role not in _ROLES_NEEDING_ROW:
            return None
        call = self.call_at(index.row())
        if call is None:
            return None
        column = index.column()
        if role == self.CALL_ROLE:
            return call
        if role == self.REVEALED_ROLE:
            return call.id in self._revealed
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(call, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(call, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and call.status == "missed":
            return QBrush(QColor("#6b6b6b"))
        return None

    def _text(self, call: CallView, column: int) -> str:
        if column == self.START:
            return format_local(call.start_utc, self._tz, seconds=True)
        if column == self.DURATION:
            return format_duration(call.duration_s)
        if column == self.DIRECTION:
            return direction_label(call.direction)
        if column == self.STATUS:
            return status_label(call.status)
        if column == self.CALLER:
            return _with_party(call.caller, call.caller_party)
        if column == self.CALLEE:
            return _with_party(call.callee, call.callee_party)
        if column == self.VIRTUAL:
            return call.virtual_number
        if column == self.ORDER:
            return call.order_number or ""
        if column == self.SOURCE:
            return f"{self._batch_names.get(call.batch_id, call.batch_id)}:{call.line}"
        return ""

    def _tooltip(self, call: CallView, column: int) -> str | None:
        if column == self.SOURCE:
            return (
                self.tr("Import batch %1, line %2 of the file")
                .replace("%1", str(call.batch_id))
                .replace("%2", str(call.line))
            )
        if column == self.START:
            return self.tr("Time zone: %1").replace("%1", self._tz)
        if column in (self.CALLER, self.CALLEE, self.VIRTUAL) and call.id not in self._revealed:
            return self.tr("Masked. Use Reveal… to see the full number (audited).")
        return None


_ROLES_NEEDING_ROW = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        CallTableModel.CALL_ROLE,
        CallTableModel.REVEALED_ROLE,
    }
)


def _with_party(number: str, party: str | None) -> str:
    return f"{number} · {party}" if party else number
