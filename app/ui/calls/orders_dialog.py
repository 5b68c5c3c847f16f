"""Import an order export (CSV or XLSX) into a case, like a call log: choose or type the
file, a preset or detection, the zone of its times; the mapping editor and the first orders
parsed with the current options (`orders.preview_orders`) update after every change. The
import runs in the write lane with progress and cancel, and ends with what came in: orders
created and updated, status events added, rejected rows and the customers or couriers no
party of the case matched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.calls import orders
from app.services.calls.dto import ImportOptions, OrderImportResult, OrderPreview
from app.ui.calls.import_dialog import COMMON_ZONES
from app.ui.calls.labels import field_label, reason_label
from app.ui.calls.mapping_editor import MappingEditor
from app.ui.env import UiEnv
from app.ui.tasks import Task
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.file_field import FileField
from app.ui.widgets.forms import ErrorLabel, mark_invalid

ZONE_KEY = "calls/import_zone/orders"


class OrdersImportDialog(QDialog):
    imported = Signal(object)  # OrderImportResult

    LINE, ORDER, CUSTOMER, COURIER, EVENTS = range(5)

    def __init__(
        self, env: UiEnv, case_id: int, case_tz: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ordersImportDialog")
        self.setWindowTitle(self.tr("Import orders"))
        self.resize(1000, 640)
        self.env, self.case_id, self.case_tz = env, case_id, case_tz
        self.path: Path | None = None
        self.preview: OrderPreview | None = None
        self.outcome: OrderImportResult | None = None
        self.task: Task | None = None
        self._edits: dict[str, str] = {}
        self._generation = 0
        env.tasks.task_finished.connect(self._task_finished)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.error = ErrorLabel(self)  # placed under the form; the file row reports into it
        self.file = FileField(
            placeholder=self.tr(
                "CSV or XLSX export of the orders: choose it, or type or paste its path"
            ),
            dialog_title=self.tr("Choose an order export"),
            file_filter=self.tr("Order exports (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
            name="ordersFile",
            parent=self,
        )
        self.file_edit = self.file.edit
        self.file.chosen.connect(self.set_path)
        self.file.missing.connect(self.error.show_error)
        form.addRow(self.tr("File"), self.file)
        self.preset = QComboBox(self)
        self.preset.setObjectName("ordersPreset")
        self.preset.addItem(self.tr("Detect automatically"), None)
        for preset in orders.list_order_presets(env.ctx):
            self.preset.addItem(preset.name, preset.name)
        self.preset.currentIndexChanged.connect(self._options_changed)
        form.addRow(self.tr("Preset"), self.preset)
        self.tz = QComboBox(self)
        self.tz.setObjectName("ordersTz")
        for name in dict.fromkeys((case_tz, *COMMON_ZONES)):
            self.tz.addItem(name, name)
        remembered = QSettings().value(ZONE_KEY)
        if isinstance(remembered, str) and self.tz.findData(remembered) >= 0:
            self.tz.setCurrentIndex(self.tz.findData(remembered))
        self.tz.currentIndexChanged.connect(self._refresh)
        self.tz.activated.connect(lambda _i: QSettings().setValue(ZONE_KEY, self.tz.currentData()))
        form.addRow(self.tr("Time zone of the file"), self.tz)
        self.detected = QLabel(self)
        self.detected.setObjectName("ordersDetected")
        form.addRow("", self.detected)
        layout.addLayout(form)
        layout.addWidget(self.error)

        splitter = QSplitter(self)
        self.mapping = MappingEditor(orders.ORDER_FIELDS, splitter, required=("order",))
        self.mapping.edited.connect(self._mapping_edited)
        self.table = QTableWidget(0, 5, splitter)
        self.table.setObjectName("ordersPreview")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Order"), self.tr("Customer"), self.tr("Courier"),
             self.tr("Status events")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.EVENTS, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.mapping)
        splitter.addWidget(self.table)
        splitter.setSizes([320, 680])
        layout.addWidget(splitter, 1)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("ordersResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)

        buttons = QHBoxLayout()
        self.status = QLabel(self)
        buttons.addWidget(self.status, 1)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("runOrdersImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._update_state()

    # --- the file and its options -------------------------------------------------------------
    def set_path(self, path: Path) -> None:
        self.path = Path(path)
        self.file.set_path(self.path)
        self._edits.clear()
        self.error.clear_error()
        self._refresh()

    def options(self) -> ImportOptions:
        return ImportOptions(
            preset=self.preset.currentData(), mapping=dict(self._edits), tz=self.tz.currentData()
        )

    def _options_changed(self, *_args: object) -> None:
        self._edits.clear()
        self._refresh()

    def _mapping_edited(self, field: str, ref: str) -> None:
        if ref:
            self._edits[field] = ref
        else:
            self._edits.pop(field, None)
        self._refresh()

    # --- preview --------------------------------------------------------------------------
    def _refresh(self, *_args: object) -> None:
        if self.path is None:
            return
        self._generation += 1
        generation, ctx, path, options = self._generation, self.env.ctx, self.path, self.options()
        self.env.tasks.run_read(
            lambda _p: orders.preview_orders(ctx, path, options, self.case_tz),
            lambda preview: self._show_preview(generation, preview),
            lambda exc: self._preview_failed(generation, exc),
        )

    def _show_preview(self, generation: int, preview: OrderPreview) -> None:
        if generation != self._generation:
            return
        self.preview = preview
        self.mapping.set_columns(preview.columns, preview.has_header, preview.mapping)
        self.detected.setText(
            self.tr("%n column(s); times in %1", "", len(preview.columns)).replace(
                "%1", preview.tz or "—"
            )
        )
        self.table.setRowCount(len(preview.rows))
        for row, item in enumerate(preview.rows):
            if item.reason is not None:
                cells = [str(item.line), reason_label(item.reason), item.detail, "", ""]
            else:
                events = "; ".join(
                    f"{field_label(kind)} {format_local(at, self.case_tz)}"
                    for kind, at in item.events
                )
                cells = [str(item.line), item.number, item.customer, item.courier, events]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if preview.error:
            self.error.show_error(
                self.tr("Check the column mapping: %1").replace("%1", preview.error)
            )
        else:
            self.error.clear_error()
        mark_invalid(self.tz, preview.error_field == "tz")
        self._update_state()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.preview = None
        self.table.setRowCount(0)
        self.error.show_error(str(getattr(exc, "message", exc)))
        self._update_state()

    def _update_state(self) -> None:
        ready = self.preview is not None and not self.preview.error and self.outcome is None
        self.import_button.setEnabled(ready and self.task is None)

    # --- import ---------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.task is not None or self.outcome is not None:
            return
        ctx, case_id, path, options = self.env.ctx, self.case_id, self.path, self.options()
        self.status.setText(self.tr("Importing…"))
        task = self.env.tasks.run_db(
            lambda progress: orders.import_orders(ctx, case_id, path, options, progress),
            self._done,
            self._failed,
            title=self.tr("Importing %1").replace("%1", path.name),
            cancellable=True,
        )
        if task in self.env.tasks.active_tasks():
            self.task = task
        self._update_state()

    def _task_finished(self, task: Task) -> None:
        if task is self.task:
            self.task = None
            if task.progress.cancelled():
                self.status.setText(self.tr("Import stopped: nothing was imported."))
            self._update_state()

    def _done(self, result: OrderImportResult) -> None:
        self.task = None
        self.outcome = result
        self.status.clear()
        text = self.tr(
            "Orders created: %1, updated: %2; status events added: %3; rows rejected: %4."
        )
        for n, value in enumerate(
            (result.created, result.updated, result.events, len(result.rejected)), start=1
        ):
            text = text.replace(f"%{n}", str(value))
        if result.unmatched_parties:
            names = ", ".join(result.unmatched_parties)
            text += " " + self.tr("No party of the case is called %1.").replace("%1", names)
        self.result_label.setText(text)
        self.import_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self._update_state()
        self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.status.clear()
        self.error.show_error(str(getattr(exc, "message", exc)))
        self._update_state()
