"""The preview of the import dialog: the first rows parsed with the current options (times in
the case's zone, numbers masked, rejected rows with their reason in red) and the same rows as
the file holds them (phone-like cells masked by the service)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from app.services.calls.dto import ImportPreview, PreviewRow
from app.ui.calls.labels import direction_label, format_duration, reason_label, status_label
from app.ui.widgets.datetime_edit import format_local

REJECTED = QBrush(QColor("#b00020"))


def compact_rows(table: QTableView) -> None:
    """One line of text per row, fixed height (also for the panels of the call tab)."""
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setMinimumSectionSize(table.fontMetrics().height() + 4)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    compact_rows(table)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PreviewTables(QTabWidget):
    def __init__(self, case_tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_tz = case_tz
        self.parsed = _table(self, "previewParsed")
        self.raw = _table(self, "previewRaw")
        self.addTab(self.parsed, self.tr("Rows as they will import"))
        self.addTab(self.raw, self.tr("Rows as in the file"))
        headers = [
            self.tr("Line"),
            self.tr("Start (%1)").replace("%1", case_tz),
            self.tr("Talk time"),
            self.tr("Caller"),
            self.tr("Callee"),
            self.tr("Virtual number"),
            self.tr("Direction"),
            self.tr("Status"),
            self.tr("Order"),
        ]
        self.parsed.setColumnCount(len(headers))
        self.parsed.setHorizontalHeaderLabels(headers)

    def clear(self) -> None:
        self.parsed.setRowCount(0)
        self.raw.setRowCount(0)
        self.raw.setColumnCount(0)

    def show_preview(self, preview: ImportPreview) -> None:
        self.parsed.setRowCount(len(preview.rows))
        for row, item in enumerate(preview.rows):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                if item.reason:
                    cell.setForeground(REJECTED)
                self.parsed.setItem(row, column, cell)
            if item.reason:
                self.parsed.setSpan(row, 1, 1, self.parsed.columnCount() - 1)
            elif self.parsed.columnSpan(row, 1) > 1:
                self.parsed.setSpan(row, 1, 1, 1)
        self.raw.clear()
        self.raw.setColumnCount(len(preview.columns))
        self.raw.setHorizontalHeaderLabels(list(preview.columns))
        self.raw.setRowCount(len(preview.sample))
        for row, cells in enumerate(preview.sample):
            for column, text in enumerate(cells[: len(preview.columns)]):
                self.raw.setItem(row, column, QTableWidgetItem(text))
        # Nothing parses yet (zone or mapping missing): show what the file holds.
        self.setCurrentWidget(self.parsed if preview.rows else self.raw)

    def _cells(self, row: PreviewRow) -> list[str]:
        if row.reason:
            text = reason_label(row.reason)
            if row.detail:
                text += f": {row.detail}"
            return [str(row.line), self.tr("Rejected — %1").replace("%1", text)]
        return [
            str(row.line),
            format_local(row.start_utc, self.case_tz, seconds=True),
            format_duration(row.duration_s),
            row.caller,
            row.callee,
            row.virtual_number,
            direction_label(row.direction),
            status_label(row.status),
            row.order_number or "",
        ]
