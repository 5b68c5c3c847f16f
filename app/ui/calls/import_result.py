"""The last page of the import dialog: how many calls came in, how many were already in the
case, and every rejected row with its file line and reason, with "Save report…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.calls.dto import ImportResult
from app.services.calls.importing import write_rejections
from app.ui.calls.import_preview import compact_rows
from app.ui.calls.labels import reason_label
from app.ui.errors import show_error
from app.ui.widgets import save_path


class ImportResultView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rejected = QTableWidget(0, 3, self)
        self.rejected.setObjectName("rejectedTable")
        self.rejected.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Reason"), self.tr("Value in the file")]
        )
        self.rejected.verticalHeader().setVisible(False)
        compact_rows(self.rejected)
        self.rejected.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.rejected.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.rejected, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save report…"), self)
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(self._ask_report_path)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_result(self, result: ImportResult, file_name: str) -> None:
        self.result = result
        lines = [
            self.tr("%1 imported.").replace("%1", file_name),
            self.tr("New calls: %1").replace("%1", str(result.imported)),
            self.tr("Already in the case (skipped): %1").replace("%1", str(result.duplicates)),
            self.tr("Rejected rows: %1").replace("%1", str(len(result.rejected))),
        ]
        if result.tz:
            lines.append(self.tr("Times read in the zone %1").replace("%1", result.tz))
        self.summary.setText("\n".join(lines))
        self.rejected.setRowCount(len(result.rejected))
        for row, item in enumerate(result.rejected):
            cells = (str(item.line), reason_label(item.reason), item.detail)
            for column, text in enumerate(cells):
                self.rejected.setItem(row, column, QTableWidgetItem(text))
        self.rejected.setVisible(bool(result.rejected))
        self.save_button.setVisible(bool(result.rejected))

    def _ask_report_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the rejected rows"),
            save_path.suggested("rejected_rows.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if save_path.remember(path):
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        """Write the rejected rows (line;reason;detail) to `path`."""
        if self.result is None:
            return
        try:
            write_rejections(self.result.rejected, path)
        except OSError as exc:
            show_error(self, exc)
