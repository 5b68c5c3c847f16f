"""The courier blacklist (all services of the company): entries with reason and case, add a
courier, lift or restore an entry. Every change is audited by the service."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import parties
from app.services.core.dto import BlacklistInfo
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.forms import ErrorLabel
from app.ui.widgets.record_model import RecordTableModel
from app.ui.widgets.screen import resize_within_screen


class BlacklistDialog(QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        tz = env.ctx.settings.default_tz or "UTC"
        self.setWindowTitle(self.tr("Courier blacklist"))
        resize_within_screen(self, 820, 480)
        layout = QVBoxLayout(self)
        self.model = RecordTableModel(
            [
                (self.tr("Courier ID"), lambda e: e.courier_id),
                (self.tr("Reason"), lambda e: e.reason),
                (self.tr("Case"), lambda e: "" if e.case_id is None else str(e.case_id)),
                (self.tr("Added"), lambda e: format_local(e.added_at, tz)),
                (self.tr("By"), lambda e: e.added_by),
                (self.tr("State"), lambda e: self.tr("active") if e.active else self.tr("lifted")),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("blacklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.toggle_button = QPushButton(self.tr("Lift entry"), self)
        self.toggle_button.setObjectName("toggleBlacklist")
        self.toggle_button.setEnabled(False)  # nothing selected yet
        self.toggle_button.clicked.connect(self.toggle_current)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.toggle_button)
        form = QFormLayout()
        self.courier_id = QLineEdit(self)
        self.courier_id.setObjectName("courierId")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        form.addRow(self.tr("Courier ID:"), self.courier_id)
        form.addRow(self.tr("Reason:"), self.reason)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add to blacklist"), self)
        self.add_button.setObjectName("addBlacklist")
        self.add_button.clicked.connect(self.add_entry)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.run_read(lambda _p: parties.blacklist_list(ctx), self._show)

    def _show(self, entries: list[BlacklistInfo]) -> None:
        self.model.set_records(entries)
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        """The button says what it will do to the selected entry, and is off without one."""
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.record_at(rows[0].row()) if rows else None
        self.toggle_button.setEnabled(entry is not None)
        lift = entry is None or entry.active
        self.toggle_button.setText(self.tr("Lift entry") if lift else self.tr("Restore entry"))

    def add_entry(self) -> None:
        courier, reason = self.courier_id.text().strip(), self.reason.text().strip()
        if not courier or not reason:
            self.error.show_error(self.tr("Give the courier ID and the reason."))
            return
        self.error.clear_error()
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: parties.blacklist_add(ctx, courier, reason),
            lambda _r: self._added(),
            lambda exc: show_error(self, exc),
        )

    def _added(self) -> None:
        self.courier_id.clear()
        self.reason.clear()
        self.reload()

    def toggle_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.record_at(rows[0].row()) if rows else None
        if entry is None:
            return
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: parties.blacklist_set_active(ctx, entry.id, not entry.active),
            lambda _r: self.reload(),
            lambda exc: show_error(self, exc),
        )
