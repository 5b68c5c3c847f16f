"""`CallTableModel`: the call table of a case, built to stay smooth at a million calls.

An `IdPagedModel` (`app.ui.widgets.id_paged_model`): the ordered list of call ids (from
`calls.call_ids`) and a bounded cache of rows read in pages of `PAGE` through
`calls.calls_by_ids` when the view first asks for one. Filtering happens in SQL (the id list is
replaced; cached rows stay valid, a call does not change).

Numbers are masked as the service returns them; revealed rows (`set_revealed`, after the
audited `reveal_calls`) replace the masked ones for as long as the model lives. Times are
shown in the case's zone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services.calls.dto import CallView
from app.ui.calls.labels import direction_label, format_duration, status_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.id_paged_model import IdPagedModel, Index

Fetch = Callable[[list[int]], Sequence[CallView]]


class CallTableModel(IdPagedModel[CallView]):
    START, DURATION, DIRECTION, STATUS, CALLER, CALLEE, VIRTUAL, ORDER, SOURCE = range(9)
    COLUMN_COUNT = 9

    ID_ROLE = IdPagedModel.ID_ROLE  # the call id (int)
    CALL_ROLE = Qt.ItemDataRole.UserRole + 2  # the CallView
    REVEALED_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the row's numbers are unmasked

    PAGE = 200
    CACHE_LIMIT = 20_000
    ALIGNMENTS = {DURATION: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter}

    def __init__(self, fetch: Fetch, tz: str, parent: Any = None) -> None:
        super().__init__(fetch, parent)
        self._tz = tz
        self._revealed: dict[int, CallView] = {}
        self._batch_names: dict[int, str] = {}  # import batch → file name

    # --- content ------------------------------------------------------------------------
    def set_batch_names(self, names: dict[int, str]) -> None:
        """Name each import batch by its file in the source column."""
        self._batch_names = dict(names)
        self.changed_column(self.SOURCE)

    def set_tz(self, tz: str) -> None:
        self._tz = tz
        self.changed_column(self.START)

    def call_at(self, row: int) -> CallView | None:
        return self.record_at(row)

    def record_at(self, row: int) -> CallView | None:
        """The row's call: its revealed form where the user revealed it."""
        revealed = self._revealed.get(self.id_at(row) or 0) if self._revealed else None
        return revealed if revealed is not None else super().record_at(row)

    def set_revealed(self, views: Sequence[CallView]) -> None:
        """Show these unmasked rows instead of the masked ones."""
        self._revealed.update((view.id, view) for view in views)
        for view in views:
            self._texts.pop(view.id, None)
        if views and self._ids:
            # The view repaints only what is on screen, however wide the range.
            last = self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- Qt model API -------------------------------------------------------------------
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
        # Asked for every role of every visible cell at each paint: roles nobody answers go
        # first, the common ones come from the row's texts, made once (`row_texts`).
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == _DISPLAY:
            return self.text_at(row, index.column())
        if role == _FOREGROUND_ROLE:
            return self.text_at(row, _FOREGROUND)
        if role == _ALIGNMENT:
            return self.ALIGNMENTS.get(index.column())
        if role == self.ID_ROLE:
            return self._ids[row]
        call = self.call_at(row)
        if call is None:
            return None
        if role == self.CALL_ROLE:
            return call
        if role == self.REVEALED_ROLE:
            return call.id in self._revealed
        return self._tooltip(call, index.column())

    def row_texts(self, record: CallView) -> tuple[Any, ...]:
        record = self._revealed.get(record.id, record)
        texts = [self._text(record, column) for column in range(self.COLUMN_COUNT)]
        return (*texts, _MISSED if record.status == "missed" else None)

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


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        CallTableModel.ID_ROLE,
        CallTableModel.CALL_ROLE,
        CallTableModel.REVEALED_ROLE,
    )
)
_FOREGROUND = CallTableModel.COLUMN_COUNT  # the row's colour, after its texts
_MISSED = QBrush(QColor("#6b6b6b"))


def _with_party(number: str, party: str | None) -> str:
    return f"{number} · {party}" if party else number
